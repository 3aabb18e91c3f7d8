/**
 * General reasoning added for held-out scenario round 5 (extra-scenarios-5), each checked on inputs that are not the round-5
 * fixtures, and each in both directions: the rule acts when its facts hold and stays quiet when they
 * do not.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const S = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const live = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);
const statusOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id)?.status;

describe('a service failing to assume the role it was handed', () => {
  const msg = 'An error occurred (ValidationError) when calling the UpdateStack operation: Role arn:aws:iam::123456789012:role/stack-role is invalid or cannot be assumed';
  it('the service whose API was called must be trusted: a trust naming another service is confirmed wrong', () => {
    const input: ExplainInput = { message: msg, policies: [{ kind: 'trust', document: S({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) }] };
    const a = explain(input);
    expect(a.parsed.target?.arn).toBe('arn:aws:iam::123456789012:role/stack-role');
    expect(a.causes[0]?.id).toBe('trust-service-vs-aws-principal');
    expect(a.causes[0]?.status).toBe('confirmed');
    expect(a.causes[0]?.evidence.map((e) => e.text).join(' ')).toContain('cloudformation.amazonaws.com');
  });
  it('a trust that names that service does not confirm it', () => {
    const input: ExplainInput = { message: msg, policies: [{ kind: 'trust', document: S({ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' }) }] };
    expect(statusOf(input, 'trust-service-vs-aws-principal')).not.toBe('confirmed');
  });
});

describe('SQS names the queue only by its URL', () => {
  const msg = (url: string) => `An error occurred (AccessDenied) when calling the ReceiveMessage operation: Access to the resource ${url} is denied.`;
  it('a full queue URL becomes the queue ARN, so an identity policy on another queue is a resource mismatch', () => {
    const input: ExplainInput = {
      message: msg('https://sqs.eu-west-1.amazonaws.com/210987654321/jobs'),
      policies: [{ kind: 'identity', document: S({ Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: 'arn:aws:sqs:eu-west-1:210987654321:jobs-dlq' }) }],
    };
    const a = explain(input);
    expect(a.parsed.target?.arn).toBe('arn:aws:sqs:eu-west-1:210987654321:jobs');
    expect(live(input)[0]).toBe('identity-resource-mismatch');
  });
  it('a placeholder URL gives no target', () => {
    expect(explain({ message: msg('https://sqs.eu-west-1.amazonaws.com/') }).parsed.target).toBeNull();
  });
});

describe('S3 with ACLs disabled', () => {
  it('AccessControlListNotSupported confirms Object Ownership and rules out Block Public Access', () => {
    const input: ExplainInput = { message: 'An error occurred (AccessControlListNotSupported) when calling the PutObjectAcl operation: The bucket does not allow ACLs' };
    expect(live(input)[0]).toBe('s3-object-ownership');
    expect(statusOf(input, 's3-object-ownership')).toBe('confirmed');
    expect(statusOf(input, 's3-block-public-access')).toBe('ruled-out');
  });
  it('a plain AccessDenied on PutObjectAcl leaves Block Public Access open', () => {
    const input: ExplainInput = { message: 'An error occurred (AccessDenied) when calling the PutObjectAcl operation: Access Denied' };
    expect(statusOf(input, 's3-block-public-access')).not.toBe('ruled-out');
    expect(statusOf(input, 's3-object-ownership')).not.toBe('confirmed');
  });
});

describe('an AWS managed key used from another account', () => {
  const message = 'An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:iam::111111111111:user/reader is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:222222222222:key/11111111-2222-3333-4444-555555555555 because no resource-based policy allows the kms:Decrypt action';
  const managed = { kind: 'resource' as const, name: 'alias/aws/s3 key policy', document: S({ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '222222222222', 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } }) };
  it('is the answer; the failing CallerAccount condition is its generic form, not a second confirmed cause', () => {
    const input: ExplainInput = { message, policies: [managed, { kind: 'identity', document: S({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }) }] };
    expect(live(input)[0]).toBe('kms-aws-managed-key-cross-account');
    expect(statusOf(input, 'kms-condition-unmet')).not.toBe('confirmed');
  });
});

describe('a message that names no action', () => {
  it('does not let identity-missing-allow claim that no statement allows it', () => {
    const input: ExplainInput = {
      message: 'An error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed',
      policies: [{ kind: 'identity', document: S({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }) }],
    };
    const c = explain(input).causes.find((x) => x.id === 'identity-missing-allow');
    expect(c?.evidence.some((e) => e.text.startsWith('No statement of the pasted identity policies allows'))).toBe(false);
  });
  it('still says so when the action is named', () => {
    const input: ExplainInput = {
      message: 'An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:iam::123456789012:user/x is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:a-AbCdEf',
      policies: [{ kind: 'identity', document: S({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) }],
    };
    const c = explain(input).causes.find((x) => x.id === 'identity-missing-allow');
    expect(c?.evidence.some((e) => e.text.startsWith('No statement of the pasted identity policies allows'))).toBe(true);
  });
});
