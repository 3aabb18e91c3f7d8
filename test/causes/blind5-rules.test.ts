/**
 * The cause-side rules added for the misses of blind round 5, each tried both ways on inputs written here (none is a
 * fixture's text). The fixtures' own results are in blind5.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const V = '2012-10-17';
const statusOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id)?.status;

describe('the message names the refusing policy type and the pasted copy of that type shows it: other guardrails are ruled out', () => {
  const boundaryMsg = 'An error occurred (AccessDeniedException) when calling the PutItem operation: User: arn:aws:sts::210987654321:assumed-role/ledger-writer/run-7 is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-north-1:210987654321:table/Ledger because no permissions boundary allows the dynamodb:PutItem action';
  const denyMsg = 'An error occurred (AccessDeniedException) when calling the GetQueueUrl operation: User: arn:aws:sts::210987654321:assumed-role/ledger-writer/run-7 is not authorized to perform: sqs:GetQueueUrl on resource: arn:aws:sqs:eu-north-1:210987654321:ledger-events with an explicit deny in an identity-based policy';
  const allowAll = { kind: 'identity' as const, document: { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
  const boundaryOther = { kind: 'permissions-boundary' as const, document: { Version: V, Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:*:*:table/ledger-*' }] } };
  const boundaryAllows = { kind: 'permissions-boundary' as const, document: { Version: V, Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }] } };
  const sureDeny = { kind: 'identity' as const, document: { Version: V, Statement: [{ Effect: 'Deny', Action: 'sqs:*', Resource: 'arn:aws:sqs:*:*:ledger-*' }] } };
  const maybeDeny = { kind: 'identity' as const, document: { Version: V, Statement: [{ Effect: 'Deny', Action: 'sqs:*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f67890' } } }] } };
  const scpDeny = { kind: 'scp' as const, document: { Version: V, Statement: [{ Effect: 'Deny', Action: 'sqs:*', Resource: '*' }] } };

  it.each([
    ['an implicit deny the pasted boundary shows (no boundary statement matches the table)', { message: boundaryMsg, policies: [allowAll, boundaryOther] }],
    ['an explicit deny the pasted identity policy shows (a Deny that surely applies)', { message: denyMsg, policies: [allowAll, sureDeny] }],
  ])('%s: scp-deny, rcp-deny and vpc-endpoint-policy-deny are ruled out', (_n, input) => {
    for (const id of ['scp-deny', 'rcp-deny', 'vpc-endpoint-policy-deny']) expect(statusOf(input, id), id).toBe('ruled-out');
  });

  it.each([
    ['the pasted boundary allows (a stale copy): the message alone does not rule the guardrails out', { message: boundaryMsg, policies: [allowAll, boundaryAllows] }],
    ['the identity Deny depends on a value nobody stated', { message: denyMsg, policies: [allowAll, maybeDeny] }],
    ['nothing of the named type was pasted', { message: denyMsg, policies: [allowAll] }],
  ])('near miss — %s: scp-deny stays unlikely, not ruled out', (_n, input) => {
    expect(statusOf(input, 'scp-deny')).toBe('unlikely');
  });

  it('near miss — a pasted SCP that surely denies is judged on its own copy, not excluded by the named type', () => {
    expect(statusOf({ message: denyMsg, policies: [allowAll, sureDeny, scpDeny] }, 'scp-deny')).toBe('confirmed');
  });

  it('near miss — KMS\'s "no resource-based policy allows" (said also when IAM lacks the grant) excludes nothing', () => {
    const message = 'An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::210987654321:assumed-role/ledger-writer/run-7 is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-north-1:210987654321:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789 because no resource-based policy allows the kms:Decrypt action';
    const key = { kind: 'resource' as const, document: { Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:role/admin' }, Action: 'kms:*', Resource: '*' }] } };
    expect(statusOf({ message, policies: [key] }, 'vpc-endpoint-policy-deny')).not.toBe('ruled-out');
  });
});

describe('a client configured for the service\'s plain-HTTP endpoint sends the call with aws:SecureTransport false', () => {
  const deny = { kind: 'resource' as const, document: { Version: V, Statement: [
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:role/feed' }, Action: 'sqs:SendMessage', Resource: '*' },
    { Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  ] } };
  const error = 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the SendMessage operation: User: arn:aws:sts::210987654321:assumed-role/feed/f-1 is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:eu-north-1:210987654321:feed-in with an explicit deny in a resource-based policy';

  it.each([
    ['boto3 endpoint_url', `${error}\n\nsqs = boto3.client("sqs", endpoint_url="http://sqs.eu-north-1.amazonaws.com")`],
    ['an environment variable', `${error}\n\nSQS_ENDPOINT=http://sqs.eu-north-1.amazonaws.com`],
  ])('%s: the pasted Deny on aws:SecureTransport false is confirmed', (_n, message) => {
    expect(statusOf({ message, policies: [deny] }, 'resource-policy-explicit-deny')).toBe('confirmed');
  });

  it.each([
    ['an https endpoint', `${error}\n\nsqs = boto3.client("sqs", endpoint_url="https://sqs.eu-north-1.amazonaws.com")`],
    ['another service\'s plain-HTTP endpoint', `${error}\n\nS3_ENDPOINT=http://s3.eu-north-1.amazonaws.com`],
    ['a local emulator', `${error}\n\nsqs = boto3.client("sqs", endpoint_url="http://localhost:4566")`],
  ])('near miss — %s: the SDK\'s HTTPS default stands', (_n, message) => {
    expect(statusOf({ message, policies: [deny] }, 'resource-policy-explicit-deny')).not.toBe('confirmed');
  });

  it('near miss — S3\'s XML error namespace (http://s3.amazonaws.com/doc/…) is not an endpoint', async () => {
    const { plainHttpEndpoint } = await import('../../src/core/policy/command-request.js');
    expect(plainHttpEndpoint('<Error xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Code>AccessDenied</Code></Error>', 's3')).toBe(false);
    expect(plainHttpEndpoint('--endpoint-url http://s3.eu-west-1.amazonaws.com', 's3')).toBe(true);
    expect(plainHttpEndpoint('--endpoint-url http://bucket.s3-eu-west-1.amazonaws.com/key', 's3')).toBe(true);
  });
});
