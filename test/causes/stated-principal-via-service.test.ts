/**
 * Condition causes when the message names no caller (the principal stated in the context stands in;
 * an unknown principal never rules a cause out), and kms:ViaService of a KMS call made through
 * another service. Fresh inputs, not blind c02/c03.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput } from '../../src/core/types.js';

type Answer = ReturnType<typeof explain>;
const rank = (a: Answer, id: string) => a.causes.findIndex((c) => c.id === id) + 1;
const cause = (a: Answer, id: string) => a.causes.find((c) => c.id === id);

describe('SQS "Access to the resource … is denied." (no caller named): the stated principal stands in', () => {
  const QUEUE_ACCT = '616161616161';
  const CALLER_ACCT = '727272727272';
  const message = `An error occurred (AccessDenied) when calling the ReceiveMessage operation: Access to the resource https://sqs.us-east-2.amazonaws.com/${QUEUE_ACCT}/invoice-jobs is denied.`;
  const queueArn = `arn:aws:sqs:us-east-2:${QUEUE_ACCT}:invoice-jobs`;
  const input = (context?: ExplainInput['context']): ExplainInput => ({
    message,
    policies: [
      { kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: queueArn }] } },
      {
        kind: 'resource',
        document: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'WorkersFromOffice', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${CALLER_ACCT}:root` }, Action: 'sqs:ReceiveMessage', Resource: queueArn, Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } } }],
        },
      },
    ],
    ...(context ? { context } : {}),
  });

  it('finds the queue policy\'s failing condition for a caller stated in the grant\'s account', () => {
    const a = explain(input({ 'aws:PrincipalArn': `arn:aws:iam::${CALLER_ACCT}:role/invoice-worker`, 'aws:SourceIp': '203.0.113.9' }));
    expect(rank(a, 'condition-other')).toBe(1);
    expect(cause(a, 'condition-other')?.status).toBe('confirmed');
    expect(cause(a, 'condition-other')?.evidence.some((e) => e.text.includes('aws:SourceIp'))).toBe(true);
  });

  it('keeps the condition open when nobody knows the caller (unknown is not a mismatch)', () => {
    const a = explain(input());
    expect(cause(a, 'condition-other')?.status).not.toBe('ruled-out');
    expect(rank(a, 'condition-other')).toBeGreaterThan(0);
    expect(rank(a, 'condition-other')).toBeLessThanOrEqual(3);
  });

  it('rules it out, in plain words, for a caller stated in another account than the grant names', () => {
    const a = explain(input({ 'aws:PrincipalArn': `arn:aws:iam::${QUEUE_ACCT}:role/invoice-worker` }));
    const c = cause(a, 'condition-other');
    expect(c?.status).toBe('ruled-out');
    expect(c?.evidence.map((e) => e.text).join(' ')).toContain('The condition on these keys in the pasted policies is not on a statement that would otherwise allow this call.');
    expect(a.causes.flatMap((x) => x.evidence.map((e) => e.text)).join(' ')).not.toMatch(/\bThe these\b/);
  });
});

describe('kms:ViaService through the service whose operation failed', () => {
  const ACCT = '838383838383';
  const key = `arn:aws:kms:eu-north-1:${ACCT}:key/7d8e9f0a-1b2c-4d3e-8f5a-6b7c8d9e0f1a`;
  const message = `An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:sts::${ACCT}:assumed-role/payments-api/i-0f1e2d3c is not authorized to perform: kms:Decrypt on resource: ${key} because no resource-based policy allows the kms:Decrypt action`;
  const input = (via: string): ExplainInput => ({
    message,
    policies: [
      { kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }] } },
      {
        kind: 'resource',
        document: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'ApiReadsThroughSecretsManager', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:role/payments-api` }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': via } } }],
        },
      },
    ],
  });

  it('confirms the ViaService condition when it names another Region', () => {
    const a = explain(input('secretsmanager.eu-west-1.amazonaws.com'));
    expect(a.causes[0]?.id).toBe('kms-condition-unmet');
    expect(a.causes[0]?.status).toBe('confirmed');
    expect(a.causes[0]?.evidence.some((e) => e.text.includes('secretsmanager.eu-north-1.amazonaws.com'))).toBe(true);
  });

  it('does not blame it when it names this service and Region', () => {
    const a = explain(input('secretsmanager.eu-north-1.amazonaws.com'));
    expect(cause(a, 'kms-condition-unmet')?.status).not.toBe('confirmed');
    expect(a.causes[0]?.id).not.toBe('kms-condition-unmet');
  });

  it('leaves it to the person when they state the value', () => {
    const a = explain({ ...input('secretsmanager.eu-west-1.amazonaws.com'), context: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } });
    expect(cause(a, 'kms-condition-unmet')?.status).not.toBe('confirmed');
  });
});
