/**
 * A request whose resource nobody named (docs/decisions/017): a statement whose Resource could match some
 * resource of the action is `unknown`, not "no match"; a pasted resource-based policy narrows it to the
 * resource it is attached to (a bucket policy names only its own bucket). Both ways: the statements that
 * can match do, the ones that cannot stay out.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePolicies, readPolicy, simulate } from '../../src/core/policy/index.js';
import { explain } from '../../src/core/index.js';
import type { EvaluationRequest, PolicyKind } from '../../src/core/types.js';

const req = (action: string, extra: Partial<EvaluationRequest> = {}): EvaluationRequest => ({
  principal: 'arn:aws:sts::121212121212:assumed-role/app/i-1', action, resource: '*', resourceUnknown: true,
  context: {}, missing: 'unknown', ...extra,
});
const pol = (kind: PolicyKind, ...Statement: object[]) => readPolicy({ kind, document: { Version: '2012-10-17', Statement } });
const verdicts = (ev: ReturnType<typeof evaluatePolicies>) => ev.policies.map((p) => p.statements.map((s) => s.matched));

describe('an unnamed resource with a bucket policy: the call was on that bucket', () => {
  const bucketDeny = (Resource: string | string[]) => pol('resource', { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource });
  it('a Deny naming the bucket and its objects applies to an object read', () => {
    const ev = evaluatePolicies(req('s3:GetObject'), [bucketDeny(['arn:aws:s3:::ledger-77', 'arn:aws:s3:::ledger-77/*'])]);
    expect(ev.decision).toBe('explicit-deny');
    expect(ev.policies[0]!.statements[0]!.why).toContain('an object in bucket ledger-77');
  });
  it('a Deny naming only the bucket ARN cannot apply to an object read, and applies to ListBucket', () => {
    const ev = evaluatePolicies(req('s3:GetObject'), [bucketDeny('arn:aws:s3:::ledger-77')]);
    expect(verdicts(ev)).toEqual([[false]]);
    expect(ev.policies[0]!.statements[0]!.failedElement).toBe('Resource');
    expect(evaluatePolicies(req('s3:ListBucket'), [bucketDeny('arn:aws:s3:::ledger-77')]).decision).toBe('explicit-deny');
    expect(verdicts(evaluatePolicies(req('s3:ListBucket'), [bucketDeny('arn:aws:s3:::ledger-77/*')]))).toEqual([[false]]);
  });
  it('a Deny on a key prefix depends on which object: unknown, and missingContext says Resource', () => {
    const ev = evaluatePolicies(req('s3:GetObject'), [bucketDeny('arn:aws:s3:::ledger-77/private/*'), pol('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ledger-77/*' })]);
    expect(verdicts(ev)).toEqual([['unknown'], [true]]);
    expect(ev.decision).toBe('unknown');
    expect(ev.missingContext).toContain('Resource');
  });
  it('the bucket scope carries over to identity policies: another bucket cannot be it', () => {
    const ev = evaluatePolicies(req('s3:GetObject'), [
      pol('resource', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::121212121212:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::ledger-77/*' }),
      pol('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ledger-78/*' }),
    ]);
    expect(verdicts(ev)).toEqual([[true], [false]]);
  });
  it('two bucket policies of different buckets leave the resource unknown', () => {
    const ev = evaluatePolicies(req('s3:GetObject'), [bucketDeny('arn:aws:s3:::a-bucket-1/*'), bucketDeny('arn:aws:s3:::a-bucket-2/*')]);
    expect(verdicts(ev)).toEqual([['unknown'], ['unknown']]);
    expect(ev.missingContext).toContain('Resource');
  });
});

describe('an unnamed resource without a resource-based policy', () => {
  it('an identity Allow on some bucket may be the one: unknown, not an implicit deny', () => {
    const ev = evaluatePolicies(req('s3:GetObject'), [pol('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ledger-77/*' })]);
    expect(verdicts(ev)).toEqual([['unknown']]);
    expect(ev.decision).toBe('unknown');
    expect(ev.missingContext).toEqual(['Resource']);
  });
  it('an Allow on another service\'s resources cannot be it', () => {
    const ev = evaluatePolicies(req('s3:GetObject'), [pol('identity', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:sqs:us-east-1:121212121212:jobs' })]);
    expect(verdicts(ev)).toEqual([[false]]);
    expect(ev.decision).toBe('implicit-deny');
  });
  it('NotResource: unknown unless it excludes everything the action could be on', () => {
    const ev = evaluatePolicies(req('s3:GetObject'), [pol('identity', { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::ledger-77/*' })]);
    expect(verdicts(ev)).toEqual([['unknown']]);
  });
  it('an action with no resource type stays on `*` (decision 010)', () => {
    const ev = evaluatePolicies(req('s3:ListAllMyBuckets'), [pol('identity', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::ledger-77' })]);
    expect(verdicts(ev)).toEqual([[false]]);
    expect(ev.decision).toBe('implicit-deny');
  });
  it('a request that does not say the resource is unknown keeps `*` literal (simulate)', () => {
    const out = simulate({
      principal: 'arn:aws:iam::121212121212:user/u', action: 's3:GetObject', resource: '*', context: {},
      policies: [{ kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ledger-77/*' }] } }],
    } as Parameters<typeof simulate>[0]);
    expect(out.decision).toBe('implicit-deny');
  });
});

describe('an unnamed resource with a resource policy naming one ARN (a queue policy)', () => {
  const queue = 'arn:aws:sqs:eu-west-1:343434343434:orders';
  it('is that queue: its account decides cross-account, its Deny applies', () => {
    const ev = evaluatePolicies(req('sqs:SendMessage'), [pol('resource', { Effect: 'Deny', Principal: '*', Action: 'sqs:SendMessage', Resource: queue })]);
    expect(ev.decision).toBe('explicit-deny');
    expect(ev.crossAccount).toBe(true);
  });
  it('an identity Allow on another queue is not it', () => {
    const ev = evaluatePolicies(req('sqs:SendMessage'), [
      pol('resource', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::121212121212:root' }, Action: 'sqs:SendMessage', Resource: queue }),
      pol('identity', { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:343434343434:refunds' }),
    ]);
    expect(verdicts(ev)).toEqual([[true], [false]]);
    expect(ev.decision).toBe('implicit-deny');
  });
});

describe('explain: S3\'s bare "Access Denied" with a bucket policy Deny (docs/decisions/017)', () => {
  const message = 'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied';
  const bucketPolicy = (Resource: string | string[]) => ({
    kind: 'resource' as const,
    document: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'OnlyFromEndpoint', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource, Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0aa11bb22cc33dd44' } } }],
    },
  });
  const identity = { kind: 'identity' as const, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::audit-drop-9/*' }] } };
  const answer = (Resource: string | string[], vpce: string) => explain({ message, policies: [bucketPolicy(Resource), identity], context: { 'aws:SourceVpce': vpce } });
  it('confirms the bucket policy\'s Deny first when the call came through another endpoint', () => {
    const a = answer('arn:aws:s3:::audit-drop-9/*', 'vpce-0ff99ee88dd77cc66');
    expect(a.evaluation?.decision).toBe('explicit-deny');
    expect(a.causes[0]).toMatchObject({ id: 'resource-policy-explicit-deny', status: 'confirmed' });
  });
  it('does not when the call came through the allowed endpoint', () => {
    const a = answer('arn:aws:s3:::audit-drop-9/*', 'vpce-0aa11bb22cc33dd44');
    expect(a.evaluation?.decision).not.toBe('explicit-deny');
    expect(a.causes.find((c) => c.id === 'resource-policy-explicit-deny')?.status).not.toBe('confirmed');
  });
  it('does not when the Deny names only a key prefix the call may not be under: it depends on the object', () => {
    const a = answer('arn:aws:s3:::audit-drop-9/restricted/*', 'vpce-0ff99ee88dd77cc66');
    expect(a.evaluation?.decision).toBe('unknown');
    expect(a.evaluation?.missingContext).toContain('Resource');
    expect(a.causes.find((c) => c.id === 'resource-policy-explicit-deny')?.status).not.toBe('confirmed');
  });
});
