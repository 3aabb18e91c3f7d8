/**
 * The rules added for blind round 7 (docs/decisions/026), each tried both ways on inputs written here (none is a
 * fixture's text). The fixtures' own results are in blind7.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { parseError } from '../../src/core/parse/index.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const V = '2012-10-17';
const causeOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id);
const statusOf = (input: ExplainInput, id: string) => causeOf(input, id)?.status;
const topOf = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;

describe('JS SDK v3 names a bodyless 403 after its status: "403" / "UnknownError"', () => {
  const dump = (name: string, status: number) => `ERROR head failed {"name":"${name}","$fault":"client","$metadata":{"httpStatusCode":${status},"attempts":1},"message":"UnknownError"}`;

  it('the error\'s JSON, and its printed form "403: UnknownError", are a refusal', () => {
    expect(parseError(dump('403', 403)).parsed).toMatchObject({ recognized: true, shape: 'js-sdk-unknown-403', httpStatus: 403 });
    expect(parseError('Error: 403: UnknownError\n    at throwDefaultError (node_modules/@smithy/smithy-client/dist-cjs/index.js:867:20)').parsed.shape).toBe('js-sdk-unknown-403');
  });
  it('near miss — another status named so (a 500 without body) is not', () => {
    expect(parseError(dump('500', 500)).parsed.shape).not.toBe('js-sdk-unknown-403');
  });
});

describe('a bare S3 refusal takes its operation and object from the log line that names them', () => {
  const bare = (line: string) => `${line} {"name":"AccessDenied","$fault":"client","$metadata":{"httpStatusCode":403},"Code":"AccessDenied","message":"Access Denied"}`;
  const identity: PolicyInput = { kind: 'identity', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::drop-zone/*' }] } };
  const stated = '\n# the job runs as arn:aws:iam::604512398877:role/uploader';

  it('"getObject failed for s3://b/k": s3:GetObject on that object, and the pasted identity policy is checked against it', () => {
    const input = { message: bare('ERROR getObject failed for s3://drop-zone/in/a.csv') + stated, policies: [identity] };
    const a = explain(input);
    expect(a.evaluated).toMatchObject({ kind: 's3-command', action: 's3:GetObject', resource: 'arn:aws:s3:::drop-zone/in/a.csv' });
    expect(statusOf(input, 'identity-action-mismatch')).not.toBe('ruled-out');
    expect(['identity-missing-allow', 'identity-action-mismatch']).toContain(topOf(input));
  });
  it('near miss — two lines naming different operations: no operation is guessed', () => {
    const msg = `INFO head_object s3://drop-zone/in/a.csv ok\n${bare('ERROR put_object failed for s3://drop-zone/out/a.csv')}`;
    expect(explain({ message: msg }).evaluated ?? null).toBeNull();
  });
  it('near miss — a message that names its action keeps it', () => {
    const msg = 'ERROR getObject failed for s3://drop-zone/in/a.csv: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied';
    expect(explain({ message: msg }).parsed.action).toBe('s3:PutObject');
  });
});

describe('the caller the paste says the call runs as stands in when the message names none', () => {
  const key = 'arn:aws:kms:eu-west-1:210987654321:key/4c1f8a2e-9b3d-4e7a-8f6c-2d1b0e9a7c53';
  const message = (who: string) => `botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed\n${who}`;
  const keyPolicy: PolicyInput = { kind: 'resource', name: 'shared key policy', document: { Version: V, Statement: [
    { Sid: 'Admins', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'kms:*', Resource: '*' },
    { Sid: 'ThroughSecretsManagerHere', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': '210987654321', 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } },
  ] } };
  const secret = `# secret arn:aws:secretsmanager:eu-west-1:210987654321:secret:app/db-AbC123 is encrypted with ${key}`;

  it('"# caller: <session ARN>" in another account: the key policy\'s kms:CallerAccount fails (kms-condition-unmet confirmed, first)', () => {
    const input = { message: message(`# caller: arn:aws:sts::109876543210:assumed-role/app/task-1\n${secret}`), policies: [keyPolicy] };
    expect(statusOf(input, 'kms-condition-unmet')).toBe('confirmed');
    expect(topOf(input)).toBe('kms-condition-unmet');
  });
  it('near miss — the stated caller is in the key\'s account: the condition holds, not confirmed', () => {
    expect(statusOf({ message: message(`# caller: arn:aws:sts::210987654321:assumed-role/app/task-1\n${secret}`), policies: [keyPolicy] }, 'kms-condition-unmet')).not.toBe('confirmed');
  });
  it('near miss — two different "runs as" statements name no caller', () => {
    const two = '# prod runs as arn:aws:iam::109876543210:role/app\n# staging runs as arn:aws:iam::109876543211:role/app';
    expect(statusOf({ message: message(`${two}\n${secret}`), policies: [keyPolicy] }, 'kms-condition-unmet')).not.toBe('confirmed');
  });
  it('near miss — an ARN after other words ("trusted by") is no caller', () => {
    expect(statusOf({ message: message(`# trusted by arn:aws:iam::109876543210:role/app\n${secret}`), policies: [keyPolicy] }, 'kms-condition-unmet')).not.toBe('confirmed');
  });
});

describe('a key policy that allows administering the key is a customer managed key\'s, not an AWS managed key\'s', () => {
  const message = 'An error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed\n# caller: arn:aws:sts::109876543210:assumed-role/app/task-1';
  const use = { Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:ListGrants', 'kms:DescribeKey'], Resource: '*',
    Condition: { StringEquals: { 'kms:CallerAccount': '210987654321', 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } };
  const policy = (...extra: object[]): PolicyInput => ({ kind: 'resource', document: { Version: V, Statement: [use, ...extra] } });

  it('the fixed AWS managed policy (use through the service, metadata to the account): kms-aws-managed-key-cross-account confirmed', () => {
    const meta = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'], Resource: '*' };
    expect(statusOf({ message, policies: [policy(meta)] }, 'kms-aws-managed-key-cross-account')).toBe('confirmed');
  });
  it('near miss — the same statement beside "Enable IAM User Permissions" (kms:*): not the AWS managed key', () => {
    const admin = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'kms:*', Resource: '*' };
    const c = causeOf({ message, policies: [policy(admin)] }, 'kms-aws-managed-key-cross-account');
    expect(c?.status).not.toBe('confirmed');
    expect(c?.evidence.some((e) => e.text.includes('not the fixed policy of an AWS managed key'))).toBe(true);
  });
});

describe('an image layer refused by S3 from ECR\'s own bucket is the S3 endpoint policy\'s refusal', () => {
  const stopped = (host: string) => `CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: unexpected status code https://${host}.s3.us-east-2.amazonaws.com/aa11-123456789012-bb22/cc33?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600: 403 Forbidden`;
  const layer = stopped('prod-us-east-2-starport-layer-bucket');
  const endpoint = (resource: string[]): PolicyInput => ({ kind: 'vpc-endpoint', document: { Version: V, Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: resource }] } });

  it('an endpoint policy naming only the company\'s buckets: vpc-endpoint-policy-deny confirmed, first; no resource-policy cause', () => {
    const input = { message: layer, policies: [endpoint(['arn:aws:s3:::corp-*/*'])] };
    expect(statusOf(input, 'vpc-endpoint-policy-deny')).toBe('confirmed');
    expect(topOf(input)).toBe('vpc-endpoint-policy-deny');
    expect(causeOf(input, 'resource-policy-missing-grant')).toBeUndefined();
  });
  it('near miss — the endpoint policy allows the layer bucket: ruled out', () => {
    expect(statusOf({ message: layer, policies: [endpoint(['arn:aws:s3:::prod-us-east-2-starport-layer-bucket/*'])] }, 'vpc-endpoint-policy-deny')).toBe('ruled-out');
  });
  it('nothing pasted: likely, first (ECR documents the endpoint policy as what must allow it)', () => {
    expect(statusOf({ message: layer }, 'vpc-endpoint-policy-deny')).toBe('likely');
    expect(topOf({ message: layer })).toBe('vpc-endpoint-policy-deny');
  });
  it('near miss — the same 403 from another bucket is not ECR\'s layer download', () => {
    expect(explain({ message: stopped('corp-artifacts') }).evaluated ?? null).toBeNull();
  });
});

describe('a refusal on another service\'s resource is no AssumeRole, whatever the paste says of the credentials', () => {
  const sqs = 'Amazon.SQS.AmazonSQSException: Access to the resource https://sqs.us-east-2.amazonaws.com/123456789012/jobs is denied.\n// creds come from sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/worker" })';
  it('SQS\'s refusal next to AssumeRole code: rolearn-not-a-role does not apply', () => {
    expect(causeOf({ message: sqs }, 'rolearn-not-a-role')).toBeUndefined();
  });
  it('near miss — sts:AssumeRole refused on an SQS ARN: rolearn-not-a-role still applies', () => {
    const m = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:sqs:us-east-2:123456789012:jobs';
    expect(causeOf({ message: m }, 'rolearn-not-a-role')).toBeDefined();
  });
});

describe('RCPs do not affect resources in the management account their describe-policy ARN names', () => {
  const message = (acct: string) => `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::555566667777:assumed-role/vendor/run is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${acct}:role/audit`;
  const content = JSON.stringify({ Version: V, Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } }] });
  const rcp: PolicyInput = { kind: 'rcp', document: JSON.stringify({ Policy: { PolicySummary: { Id: 'p-abcd1234', Arn: 'arn:aws:organizations::111122223333:policy/o-abcdefghij/resource_control_policy/p-abcd1234', Type: 'RESOURCE_CONTROL_POLICY' }, Content: content } }) };
  const trust: PolicyInput = { kind: 'trust', document: { Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::555566667777:role/vendor' }, Action: 'sts:AssumeRole' }] } };

  it('the role in the management account: rcp-deny ruled out, and the evaluation leaves the RCP out', () => {
    const input = { message: message('111122223333'), policies: [rcp, trust], context: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } };
    expect(statusOf(input, 'rcp-deny')).toBe('ruled-out');
    expect(explain(input).policies[0]!.verdict).toBe('not-applicable');
  });
  it('near miss — the role in a member account: the RCP denies (confirmed)', () => {
    expect(statusOf({ message: message('444455556666'), policies: [rcp, trust], context: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } }, 'rcp-deny')).toBe('confirmed');
  });
});

describe('a refusal that names no action: pasted policies are not said to lack an Allow for it', () => {
  const message = 'Amazon.SQS.AmazonSQSException: Access to the resource https://sqs.us-east-2.amazonaws.com/123456789012/jobs is denied.';
  const queue: PolicyInput = { kind: 'resource', document: { Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/worker' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-2:123456789012:jobs' }] } };
  it('the queue policy is not claimed to grant "the action" to nobody', () => {
    const c = causeOf({ message, policies: [queue] }, 'resource-policy-missing-grant');
    expect(c?.evidence.some((e) => e.text.includes('names no action'))).toBe(true);
    expect(c?.evidence.some((e) => e.text.startsWith('No Allow statement'))).toBe(false);
  });
});

describe('a session policy is not confirmed as the refusal of an action nobody named', () => {
  const refusal = (line: string) => `${line} {"name":"AccessDenied","$fault":"client","$metadata":{"httpStatusCode":403},"Code":"AccessDenied","message":"Access Denied"}\n# runs as arn:aws:sts::123456789012:assumed-role/etl/job-7`;
  const policies: PolicyInput[] = [
    { kind: 'session', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::lake/*' }] } },
    { kind: 'identity', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } },
  ];
  it('no action: the session policy allows some, so it is not confirmed', () => {
    expect(statusOf({ message: refusal('ERROR sync failed'), policies }, 'session-policy')).not.toBe('confirmed');
  });
  it('near miss — the log line names the operation (putObject): the session policy lacks it, confirmed', () => {
    expect(statusOf({ message: refusal('ERROR putObject failed for s3://lake/raw/x.json'), policies }, 'session-policy')).toBe('confirmed');
  });
});
