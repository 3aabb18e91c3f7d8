/**
 * The tenth session's reading pass: pastes a person would bring, each rule a general one with a case that must
 * change and a near miss that must not.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const fixOf = (message: string, id: string) => explain({ message }).causes.find((c) => c.id === id)?.fix.description ?? '';

describe('the way to stop passing session tags names the tool that passes them', () => {
  const refusal = 'is not authorized to perform: sts:TagSession on resource: arn:aws:iam::444455556666:role/DataReader';
  it('a boto3 or CLI call is told to drop its Tags argument, not to set a GitHub Action\'s input', () => {
    const fix = fixOf(`botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111122223333:assumed-role/ops/jane ${refusal}`, 'tagsession-not-allowed');
    expect(fix).toContain('drop the Tags');
    expect(fix).not.toContain('role-skip-session-tagging');
  });
  it('near miss: a configure-aws-credentials log is told about role-skip-session-tagging, not the Tags argument', () => {
    const fix = fixOf(`Run aws-actions/configure-aws-credentials@v4\nError: User: arn:aws:iam::111122223333:user/ci ${refusal}`, 'tagsession-not-allowed');
    expect(fix).toContain('role-skip-session-tagging: true');
    expect(fix).not.toContain('drop the Tags');
  });
});
