/**
 * The general rules added for round 19's cause misses, tried both ways on messages written here (none is a fixture's
 * text): one of the same shape whose cause must now rank first, and a near miss that must not change. The fixtures'
 * own results are in real-causes-round19.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ranked = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);

describe('batch:SubmitJob refused on a job definition named without its revision', () => {
  it('ranks identity-resource-mismatch first: a policy naming the revision ARN does not cover the unrevised one', () => {
    const ids = ranked('An error occurred (AccessDeniedException) when calling the SubmitJob operation: User: arn:aws:sts::210987654321:assumed-role/ingest-scheduler/run-17 is not authorized to perform: batch:SubmitJob on resource: arn:aws:batch:eu-west-1:210987654321:job-definition/nightly-ingest');
    expect(ids[0]).toBe('identity-resource-mismatch');
  });

  it('near miss: the job definition with its revision keeps the missing Allow first', () => {
    const ids = ranked('An error occurred (AccessDeniedException) when calling the SubmitJob operation: User: arn:aws:sts::210987654321:assumed-role/ingest-scheduler/run-17 is not authorized to perform: batch:SubmitJob on resource: arn:aws:batch:eu-west-1:210987654321:job-definition/nightly-ingest:12');
    expect(ids[0]).toBe('identity-missing-allow');
  });

  it('near miss: another Batch action on the unrevised definition keeps the missing Allow first', () => {
    const ids = ranked('An error occurred (AccessDeniedException) when calling the TagResource operation: User: arn:aws:sts::210987654321:assumed-role/ingest-scheduler/run-17 is not authorized to perform: batch:TagResource on resource: arn:aws:batch:eu-west-1:210987654321:job-definition/nightly-ingest');
    expect(ids[0]).toBe('identity-missing-allow');
  });
});
