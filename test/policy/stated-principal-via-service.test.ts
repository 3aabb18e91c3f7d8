/**
 * The failed request when the message names no caller (the principal the person states in the context
 * stands in), and kms:ViaService of a KMS action performed through another service
 * (`<service>.<region>.amazonaws.com`, AWS KMS condition keys). Fresh inputs, not blind c02/c03.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePolicies, readPolicy, requestFromParsed } from '../../src/core/policy/index.js';
import type { Caller, ContextValue, ErrorSource, EvaluationRequest, ParsedError, PolicyInput } from '../../src/core/types.js';

const ACCT = '313131313131';
const OTHER = '424242424242';
const session: Caller = {
  arn: `arn:aws:sts::${ACCT}:assumed-role/ingest/job-7`, type: 'assumed-role', accountId: ACCT, partition: 'aws',
  name: 'ingest', sessionName: 'job-7', roleArn: `arn:aws:iam::${ACCT}:role/ingest`,
};
const service: Caller = { arn: 'secretsmanager.amazonaws.com', type: 'service', accountId: null, partition: 'aws', name: null, sessionName: null, roleArn: null };

function parsed(action: string, operation: string | null, caller: Caller | null, targetArn: string | null, source: ErrorSource = 'aws-cli', region: string | null = null): ParsedError {
  const parts = targetArn?.split(':') ?? [];
  return {
    recognized: true, source, errorCode: 'AccessDenied', operation, action, caller,
    target: targetArn ? { arn: targetArn, accountId: parts[4] || null, partition: parts[1] ?? 'aws', service: parts[2] ?? null, region: parts[3] || null, resourceType: null, name: null } : null,
    crossAccount: null, deny: { kind: 'implicit', policyType: null, policyArn: null }, requestId: null, region,
    encodedMessage: null, redactions: [], shape: null, message: null, httpStatus: 403, wrappers: [],
  } as ParsedError;
}
function req(p: ParsedError, context: Record<string, ContextValue | null> = {}): EvaluationRequest {
  const r = requestFromParsed(p, {}, context as Record<string, ContextValue>);
  if (!r) throw new Error('no request');
  return r;
}
const evaluate = (r: EvaluationRequest, policies: PolicyInput[]) => evaluatePolicies(r, policies.map((p, i) => readPolicy(p, i)));

describe('requestFromParsed: the principal the person states stands in for one the message does not name', () => {
  const topic = `arn:aws:sns:ap-southeast-2:${OTHER}:alerts`;
  const noCaller = parsed('sns:Publish', 'Publish', null, topic, 'boto3');
  const topicPolicy: PolicyInput = {
    kind: 'resource',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'sns:Publish', Resource: topic, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } } }] },
  };

  it('uses a stated aws:PrincipalArn as the principal, with its account', () => {
    const r = req(noCaller, { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/alerts-sender` });
    expect(r.principal).toBe(`arn:aws:iam::${ACCT}:role/alerts-sender`);
    expect(r.context['aws:PrincipalAccount']).toBe(ACCT);
    // the grant to the caller's account applies; only its condition is open
    const ev = evaluate(r, [topicPolicy]);
    expect(ev.policies[0]?.statements[0]?.matched).toBe('unknown');
    expect(ev.missingContext).toContain('aws:SourceVpce');
  });

  it('takes the account from a stated aws:PrincipalAccount', () => {
    const r = req(noCaller, { 'aws:PrincipalAccount': OTHER });
    expect(r.principal).toBe('');
    expect(r.context['aws:PrincipalAccount']).toBe(OTHER);
  });

  it('keeps the caller the message names, whatever the context says', () => {
    const r = req(parsed('sns:Publish', 'Publish', session, topic), { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/someone-else` });
    expect(r.principal).toBe(session.arn);
  });

  it('ignores a placeholder ARN', () => {
    const r = req(noCaller, { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/<role-name>` });
    expect(r.principal).toBe('');
  });

  it('a stated principal in another account than the grant names does not match it', () => {
    const r = req(noCaller, { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/alerts-sender` });
    const ev = evaluate(r, [topicPolicy]);
    expect(ev.policies[0]?.statements[0]?.matched).toBe(false);
    expect(ev.policies[0]?.statements[0]?.failedElement).toBe('Principal');
    expect(ev.missingContext).not.toContain('aws:SourceVpce');
  });
});

describe('requestFromParsed: kms:ViaService of a KMS action performed through another service', () => {
  const key = (region: string, partition = 'aws') => `arn:${partition}:kms:${region}:${ACCT}:key/5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6`;

  it.each([
    ['Secrets Manager GetSecretValue → kms:Decrypt', 'kms:Decrypt', 'GetSecretValue', 'secretsmanager.ca-central-1.amazonaws.com'],
    ['S3 GetObject → kms:Decrypt', 'kms:Decrypt', 'GetObject', 's3.ca-central-1.amazonaws.com'],
    ['S3 CreateMultipartUpload → kms:GenerateDataKey', 'kms:GenerateDataKey', 'CreateMultipartUpload', 's3.ca-central-1.amazonaws.com'],
    ['Parameter Store GetParameter → kms:Decrypt', 'kms:Decrypt', 'GetParameter', 'ssm.ca-central-1.amazonaws.com'],
    ['SQS SendMessage → kms:GenerateDataKey', 'kms:GenerateDataKey', 'SendMessage', 'sqs.ca-central-1.amazonaws.com'],
  ])('%s', (_l, action, op, via) => {
    const r = req(parsed(action, op, session, key('ca-central-1')));
    expect(r.context['kms:ViaService']).toBe(via);
    expect(r.knownAbsent).not.toContain('kms:ViaService');
  });

  it('takes the Region of the call when no key ARN is named', () => {
    const r = req(parsed('kms:Decrypt', 'GetSecretValue', session, null, 'aws-cli', 'sa-east-1'));
    expect(r.context['kms:ViaService']).toBe('secretsmanager.sa-east-1.amazonaws.com');
  });

  it.each([
    ['a direct KMS call (known absent)', parsed('kms:Decrypt', 'Decrypt', session, key('ca-central-1'))],
    ['no operation', parsed('kms:Decrypt', null, session, key('ca-central-1'))],
    ['an operation two services share (PutRecord: Kinesis or Firehose)', parsed('kms:GenerateDataKey', 'PutRecord', session, key('ca-central-1'))],
    ['a KMS action that is not a use of the key for data (CreateGrant)', parsed('kms:CreateGrant', 'GetObject', session, key('ca-central-1'))],
    ['a service principal as the caller', parsed('kms:Decrypt', 'GetSecretValue', service, key('ca-central-1'))],
    ['another partition', parsed('kms:Decrypt', 'GetSecretValue', { ...session, partition: 'aws-cn' }, key('cn-north-1', 'aws-cn'))],
    ['no Region anywhere', parsed('kms:Decrypt', 'GetSecretValue', session, null)],
    ['no caller and none stated', parsed('kms:Decrypt', 'GetSecretValue', null, key('ca-central-1'))],
  ])('stays unknown (or absent): %s', (_l, p) => {
    expect(req(p).context['kms:ViaService']).toBeUndefined();
  });

  it('derives it for a caller the person states', () => {
    const r = req(parsed('kms:Decrypt', 'GetSecretValue', null, key('ca-central-1')), { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/ingest` });
    expect(r.context['kms:ViaService']).toBe('secretsmanager.ca-central-1.amazonaws.com');
    expect(r.context['kms:CallerAccount']).toBe(ACCT);
  });

  it('what the person states wins: a value, or absent', () => {
    const p = parsed('kms:Decrypt', 'GetObject', session, key('ca-central-1'));
    const stated = req(p, { 'kms:viaservice': 's3.us-east-1.amazonaws.com' });
    expect(stated.context).not.toHaveProperty('kms:ViaService');
    expect(stated.context['kms:viaservice']).toBe('s3.us-east-1.amazonaws.com');
    const absent = req(p, { 'kms:ViaService': null });
    expect(absent.context['kms:ViaService']).toBeUndefined();
    expect(absent.knownAbsent).toContain('kms:ViaService');
  });

  it('decides a key policy whose ViaService names another Region', () => {
    const r = req(parsed('kms:Decrypt', 'GetSecretValue', session, key('ca-central-1')));
    const keyPolicy: PolicyInput = {
      kind: 'resource',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: session.roleArn }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } } }] },
    };
    expect(evaluate(r, [keyPolicy]).policies[0]?.statements[0]?.matched).toBe(false);
    expect(evaluate(r, [keyPolicy]).policies[0]?.statements[0]?.failedElement).toBe('Condition');
    const right = JSON.parse(JSON.stringify(keyPolicy).replace('us-east-1', 'ca-central-1')) as PolicyInput;
    expect(evaluate(r, [right]).policies[0]?.statements[0]?.matched).toBe(true);
  });
});
