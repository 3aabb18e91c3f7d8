/**
 * The general parser rule added for the misses of round 23, tried both ways on messages written here (none is a
 * fixture's text): one of the same shape that must now be read, and a near miss that must not change. The fixtures'
 * own results are in round23.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('a refusal pasted without its `User: … is` head: `not authorized to perform: A on resource: R …`', () => {
  it('reads the resource after the action, as the typed form does', () => {
    const p = parsed('not authorized to perform: lambda:GetLayerVersion on resource: arn:aws:lambda:eu-west-1:111122223333:layer:shared-deps:7 because no resource-based policy allows the lambda:GetLayerVersion action');
    expect(p.action).toBe('lambda:GetLayerVersion');
    expect(p.target?.arn).toBe('arn:aws:lambda:eu-west-1:111122223333:layer:shared-deps:7');
    expect(p.deny).toMatchObject({ kind: 'implicit', policyType: 'resource-based' });
    const q = parsed('Error: Not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-2:111122223333:orders-queue');
    expect(q.action).toBe('sqs:SendMessage');
    expect(q.target?.arn).toBe('arn:aws:sqs:us-east-2:111122223333:orders-queue');
  });

  it('near miss: STS\'s own untyped wording (no colon, no resource) keeps no target; the typed form is unchanged', () => {
    const p = parsed('AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n\tstatus code: 403, request id: 0f0e0d0c-1111-2222-3333-444455556666');
    expect(p.action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(p.target).toBeNull();
    const q = parsed('User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-2:111122223333:orders-queue');
    expect(q.caller?.arn).toBe('arn:aws:iam::111122223333:user/dev');
    expect(q.target?.arn).toBe('arn:aws:sqs:us-east-2:111122223333:orders-queue');
  });
});
