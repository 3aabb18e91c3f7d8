/**
 * The cause-side rules added for the misses of round 13, each tried both ways on messages written here (none is a
 * fixture's text). The fixtures' own results are in real-causes-round13.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const live = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);

describe('Lambda\'s event source mapping that cannot read its stream is a refusal of the execution role', () => {
  it('ranks the missing Allow in the top two with a stream ARN (the resource mismatch beside it), first with a placeholder', () => {
    const tail = '. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.';
    expect(live(`Cannot access stream arn:aws:dynamodb:eu-north-1:210987654321:table/ledger/stream/2026-02-02T00:00:00.000${tail}`).slice(0, 2)).toContain('identity-missing-allow');
    expect(live(`Cannot access stream <stream-arn>${tail}`)[0]).toBe('identity-missing-allow');
  });
  it('near miss: the same opening without the IAM sentence ranks no policy cause', () => {
    expect(live('Cannot access stream arn:aws:kinesis:eu-north-1:210987654321:stream/ledger. Please check your network connection and retry.')).not.toContain('identity-missing-allow');
  });
});

describe('a KMS wording under another service\'s operation: the parser names the operation, the causes still check the KMS use', () => {
  const message = 'botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed';
  const role = { kind: 'identity' as const, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }] } };

  it('an identity policy that allows the operation but not kms:Decrypt leaves the missing Allow open; the check is the KMS use', () => {
    const a = explain({ message, policies: [role] });
    expect(a.parsed.action).toBe('secretsmanager:GetSecretValue');
    expect(a.evaluated?.kind).toBe('kms-use');
    expect(a.evaluated?.action).toBe('kms:Decrypt');
    expect(a.causes.find((c) => c.id === 'identity-missing-allow')?.status).not.toBe('ruled-out');
  });
  it('near miss: a refusal of the operation itself is checked as the operation', () => {
    const a = explain({ message: 'An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:iam::210987654321:user/ci is not authorized to perform: secretsmanager:GetSecretValue on resource: reports/db', policies: [role] });
    expect(a.evaluated).toBeUndefined();
    expect(a.causes.find((c) => c.id === 'identity-missing-allow')?.status).toBe('ruled-out');
  });
});
