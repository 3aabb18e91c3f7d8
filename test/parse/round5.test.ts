/**
 * Round 5 (held out): 45 new real messages from public issue threads (test/fixtures/extra/real-errors-round5.jsonl),
 * chosen for shapes the earlier rounds lacked: SignatureDoesNotMatch in five wrappers, Terraform `│` boxes, Go SDK v2
 * with encoded blobs, CloudTrail events (an SSO session, an AWS service caller), Java v1/v2 and .NET suffixes, a
 * Rust SDK log, PHP Guzzle dumps, Lambda's "KMS Exception: …KMS Message:" wording, markdown-escaped ARNs.
 * Every field of every record is asserted, compared exactly as score.mjs compares them.
 *
 * Measured before this round's parser changes (run 2026-11-30): 44/45 recognized, 39/45 with every field right;
 * per field errorCode 43/45, action 43/45, callerArn 45/45, targetArn 44/45, denyKind 45/45, policyType 45/45,
 * encodedMessage 45/45 (mean 98.4%). The misses: an unrecognized .NET `Access to the resource <SQS QUEUE>is
 * denied`, s3cmd's `403 (SignatureDoesNotMatch):`, Lambda's glued `AccessDeniedExceptionKMS Message:`, Bedrock's
 * InvokeModel without a service name, a markdown `arn:aws:glue:\*:\*:catalog` cut at the backslash, and
 * CloudFormation's `S3 error: Access Denied` read as a CreateChangeSet denial.
 *
 * Two leftovers are covered by fresh variants below: IAM's `on resource: role NAME` wording, and an HTTP reason
 * phrase (`HTTPStatus = 403 Unauthorized`) taken for an error code.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import { describeRound, readRound } from './held-out-round.js';

const records = readRound('real-errors-round5.jsonl');
describeRound('round-5', records, 45);

describe('IAM names a role, user or group by name: `on resource: role NAME`', () => {
  const msg = (caller: string, tail = '') =>
    `An error occurred (AccessDenied) when calling the GetRole operation: User: ${caller} is not authorized to perform: iam:GetRole on resource: role ci-deployer${tail}`;

  it('gives the role ARN when the caller names the account', () => {
    const { parsed } = parseError(msg('arn:aws:sts::210987654321:assumed-role/builder/s-1'));
    expect(parsed.target).toMatchObject({ arn: 'arn:aws:iam::210987654321:role/ci-deployer', accountId: '210987654321', service: 'iam', resourceType: 'role', name: 'ci-deployer' });
    expect(parsed.crossAccount).toBe(false);
  });

  it('keeps the partition of the caller', () => {
    const { parsed } = parseError(msg('arn:aws-us-gov:iam::210987654321:user/ops'));
    expect(parsed.target?.arn).toBe('arn:aws-us-gov:iam::210987654321:role/ci-deployer');
  });

  it('gives the name when the account is redacted or absent', () => {
    expect(parseError(msg('arn:aws:sts::XXXXXXXXXXXX:assumed-role/builder/s-1')).parsed.target).toMatchObject({ arn: 'ci-deployer', accountId: null, resourceType: 'role', name: 'ci-deployer' });
    expect(parseError(msg('builder')).parsed.target?.arn).toBe('ci-deployer');
  });

  it('reads the tail after the name', () => {
    const { parsed } = parseError(msg('arn:aws:iam::210987654321:user/ops', ' with an explicit deny in a service control policy'));
    expect(parsed.target?.arn).toBe('arn:aws:iam::210987654321:role/ci-deployer');
    expect(parsed.deny).toMatchObject({ kind: 'explicit', policyType: 'service-control' });
  });

  it('users and groups too', () => {
    const t = 'User: arn:aws:iam::210987654321:user/ops is not authorized to perform: iam:ListGroupsForUser on resource: user jane.doe@example.com because no identity-based policy allows the iam:ListGroupsForUser action';
    expect(parseError(t).parsed.target).toMatchObject({ arn: 'arn:aws:iam::210987654321:user/jane.doe@example.com', resourceType: 'user' });
    const g = 'User: arn:aws:iam::210987654321:user/ops is not authorized to perform: iam:GetGroup on resource: group admins';
    expect(parseError(g).parsed.target?.arn).toBe('arn:aws:iam::210987654321:group/admins');
  });

  it('a word that is not a resource type stays as printed', () => {
    const t = 'User: arn:aws:iam::210987654321:user/ops is not authorized to perform: secretsmanager:GetSecretValue on resource: my-secret';
    expect(parseError(t).parsed.target?.arn).toBe('my-secret');
  });
});

describe('an HTTP reason phrase is not an error code', () => {
  const denial = 'User: arn:aws:iam::210987654321:user/ops is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::logs/a.gz';

  it('`HTTPStatus = 403 Unauthorized` before the message gives no code', () => {
    expect(parseError(`HTTPStatus = 403 Unauthorized\n${denial}`).parsed.errorCode).toBeNull();
    expect(parseError(`request failed (403 Forbidden): ${denial}`).parsed.errorCode).toBeNull();
  });

  it('the real code wins over a reason phrase next to it', () => {
    expect(parseError(`HTTPStatus = 403 Unauthorized, ErrorCode = AccessDenied\n${denial}`).parsed.errorCode).toBe('AccessDenied');
    expect(parseError(`${denial}\nHTTPStatus = 403 Unauthorized; <Code>AccessDenied</Code>`).parsed.errorCode).toBe('AccessDenied');
  });

  it('a code that is printed as a code is still read', () => {
    expect(parseError('error: You must be logged in to the server (Unauthorized)').parsed.errorCode).toBe('Unauthorized');
    expect(parseError("{ [Forbidden: null]\n  message: null,\n  code: 'Forbidden',\n  statusCode: 403 }").parsed.errorCode).toBe('Forbidden');
    expect(parseError(`Forbidden: Forbidden\n\tstatus code: 403, request id: 8E4B2C0D9F1A7B36`).parsed.errorCode).toBe('Forbidden');
  });
});
