/**
 * The signal helpers on hand-built inputs (no parser, no engine): wildcard matching, near-miss
 * actions, how a trust principal relates to the caller, the request values of condition keys,
 * quick condition checks — and that the engine's condition outcomes are used when present.
 */
import { describe, expect, it } from 'vitest';
import { causeContext } from '../../src/core/causes/index.js';
import { explain } from '../../src/core/index.js';
import { definitionOf } from '../../src/core/causes/catalog.js';
import { assess } from '../../src/core/rank/index.js';
import {
  callerShape, coversAction, coversResource, globMatch, isNearMissAction, quickCondition, relateAwsPrincipal, requestValue,
} from '../../src/core/causes/signals.js';
import type { ConditionClause, Evaluation, ParsedError, Policy, RequestFacts, Statement } from '../../src/core/types.js';

const parsed = (over: Partial<ParsedError> = {}): ParsedError => ({
  recognized: true, source: 'plain', errorCode: 'AccessDenied', operation: 'AssumeRole', action: 'sts:AssumeRole',
  caller: { arn: 'arn:aws:sts::111111111111:assumed-role/ci/job-9', type: 'assumed-role', accountId: '111111111111', partition: 'aws', name: 'ci', sessionName: 'job-9', roleArn: 'arn:aws:iam::111111111111:role/ci' },
  target: { arn: 'arn:aws:iam::222222222222:role/deploy', accountId: '222222222222', partition: 'aws', service: 'iam', region: null, resourceType: 'role', name: 'deploy' },
  crossAccount: true, deny: { kind: 'unknown', policyType: null, policyArn: null }, requestId: null, region: null, encodedMessage: null,
  redactions: [], shape: null, message: null, httpStatus: null, wrappers: [],
  ...over,
});
const ctxOf = (p: ParsedError = parsed(), request: RequestFacts = {}, context: Record<string, string> = {}, policies: Policy[] = [], evaluation: Evaluation | null = null) =>
  causeContext({ parsed: p, policies, evaluation, request, context });
const clause = (operator: string, key: string, values: string[]): ConditionClause => {
  const ifExists = operator.endsWith('IfExists');
  const set = operator.startsWith('ForAnyValue:') ? 'ForAnyValue' : operator.startsWith('ForAllValues:') ? 'ForAllValues' : null;
  const base = operator.replace(/^For(?:AnyValue|AllValues):/, '').replace(/IfExists$/, '');
  return { operator, baseOperator: base, setOperator: set, ifExists, key, values };
};
const stmt = (over: Partial<Statement>): Statement => ({
  index: 0, sid: null, effect: 'Allow', action: null, notAction: null, resource: null, notResource: null, principal: null, notPrincipal: null, conditions: [], ...over,
});

describe('globMatch', () => {
  it.each([
    ['arn:aws:iam::*:role/deploy-*', 'arn:aws:iam::2:role/deploy-x', true],
    ['arn:aws:iam::*:role/deploy-*', 'arn:aws:iam::2:role/deployer', false],
    ['s3:Get*', 's3:GetObject', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*', '', true],
    ['abc', 'abc', true],
    ['abc', 'abd', false],
  ])('%s vs %s → %s', (p, v, want) => expect(globMatch(p, v)).toBe(want));

  it('stays fast on adversarial patterns', () => {
    expect(globMatch(`${'*a'.repeat(1000)}b`, 'a'.repeat(3000))).toBe(false);
  });
});

describe('actions and resources', () => {
  it('matches Action / NotAction case-insensitively', () => {
    expect(coversAction(stmt({ action: ['STS:assumerole'] }), 'sts:AssumeRole')).toBe(true);
    expect(coversAction(stmt({ notAction: ['iam:*'] }), 'sts:AssumeRole')).toBe(true);
    expect(coversAction(stmt({ notAction: ['sts:*'] }), 'sts:AssumeRole')).toBe(false);
  });
  it('treats an unknown target as unknown, not as a mismatch', () => {
    expect(coversResource(stmt({ resource: ['arn:aws:ec2:*:*:instance/*'] }), null)).toBeNull();
    expect(coversResource(stmt({ resource: ['arn:aws:s3:::b'] }), 'arn:aws:s3:::b/k')).toBe(false);
  });
  it.each([
    ['ssm:GetParameters', 'ssm:GetParameter', true],
    ['ssm:GetParametersByPath', 'ssm:GetParameter', true],
    ['s3:GetObject', 'ssm:GetObject', false],
    ['ssm:*', 'ssm:GetParameter', false],
    ['ssm:DeleteParameter', 'ssm:GetParameter', false],
  ])('near miss %s for %s → %s', (c, a, want) => expect(isNearMissAction(c, a)).toBe(want));
});

describe('relateAwsPrincipal', () => {
  const shape = callerShape(ctxOf());
  it.each([
    ['arn:aws:iam::111111111111:role/ci', 'exact'],
    ['arn:aws:iam::111111111111:role/team/ci', 'exact'],
    ['arn:aws:iam::111111111111:root', 'account'],
    ['111111111111', 'account'],
    ['*', 'wildcard'],
    ['arn:aws:iam::333333333333:role/ci', 'wrong-account'],
    ['arn:aws:iam::111111111111:user/ci', 'user-vs-role'],
    ['arn:aws:sts::111111111111:assumed-role/ci/job-1', 'session-arn'],
    ['arn:aws:sts::111111111111:assumed-role/other/job-1', 'session-arn-other-role'],
    ['AROAABCDEFGHIJKLMNOP', 'stale-unique-id'],
    ['arn:aws:iam::111111111111:role/other', 'other'],
  ])('%s → %s', (v, want) => expect(relateAwsPrincipal(v, shape)).toBe(want));

  it('knows an Identity Center role has a path the session ARN hides', () => {
    const sso = callerShape(ctxOf(parsed({ caller: { arn: 'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Dev_0a1b/ana', type: 'assumed-role', accountId: '111111111111', partition: 'aws', name: 'AWSReservedSSO_Dev_0a1b', sessionName: 'ana', roleArn: 'arn:aws:iam::111111111111:role/AWSReservedSSO_Dev_0a1b' } })));
    expect(relateAwsPrincipal('arn:aws:iam::111111111111:role/AWSReservedSSO_Dev_0a1b', sso)).toBe('path-mismatch');
    expect(relateAwsPrincipal('arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_0a1b', sso)).toBe('exact');
  });

  it('calls a same-name principal a maybe when the error hid the caller account', () => {
    const hidden = callerShape(ctxOf(parsed({ caller: { arn: 'arn:aws:sts::***:assumed-role/ci/j', type: 'assumed-role', accountId: null, partition: 'aws', name: 'ci', sessionName: 'j', roleArn: null } })));
    expect(relateAwsPrincipal('arn:aws:iam::111111111111:role/ci', hidden)).toBe('maybe');
  });
});

describe('request values and quick conditions', () => {
  it('reads request facts as condition keys (absent = null, unknown = undefined)', () => {
    expect(requestValue(ctxOf(parsed(), { externalId: null }), 'sts:ExternalId')).toBeNull();
    expect(requestValue(ctxOf(parsed(), { externalId: 'x' }), 'STS:EXTERNALID')).toEqual(['x']);
    expect(requestValue(ctxOf(), 'sts:ExternalId')).toBeUndefined();
    expect(requestValue(ctxOf(), 'aws:PrincipalAccount')).toEqual(['111111111111']);
    expect(requestValue(ctxOf(parsed(), { sessionTags: { Team: 'a' } }), 'aws:RequestTag/team')).toEqual(['a']);
    expect(requestValue(ctxOf(parsed(), { sessionTags: { Team: 'a' } }), 'aws:RequestTag/env')).toBeNull();
    expect(requestValue(ctxOf(parsed(), {}, { 'aws:PrincipalOrgID': 'o-1' }), 'aws:principalorgid')).toEqual(['o-1']);
  });

  it('falls back to what the pasted command sent; stated facts win', () => {
    const text = 'aws sts assume-role --role-arn arn:aws:iam::222222222222:role/deploy --role-session-name job-9 --external-id abc';
    const withText = (request: RequestFacts = {}) => causeContext({ parsed: parsed(), policies: [], evaluation: null, request, context: {}, text });
    expect(requestValue(withText(), 'sts:ExternalId')).toEqual(['abc']);
    expect(requestValue(withText(), 'sts:RoleSessionName')).toEqual(['job-9']);
    expect(requestValue(withText({ externalId: 'mine' }), 'sts:ExternalId')).toEqual(['mine']);
    expect(requestValue(withText(), 'sts:SourceIdentity')).toBeUndefined();
    const noFlag = causeContext({ parsed: parsed(), policies: [], evaluation: null, request: {}, context: {}, text: 'aws sts assume-role --role-arn r' });
    expect(requestValue(noFlag, 'sts:ExternalId')).toBeNull();
  });

  it.each([
    [clause('StringEquals', 'sts:ExternalId', ['a']), { externalId: 'b' }, false],
    [clause('StringEquals', 'sts:ExternalId', ['a']), { externalId: 'a' }, true],
    [clause('StringEquals', 'sts:ExternalId', ['a']), { externalId: null }, false],
    [clause('StringEqualsIfExists', 'sts:ExternalId', ['a']), { externalId: null }, true],
    [clause('StringNotEquals', 'sts:ExternalId', ['a']), { externalId: null }, true],
    [clause('StringLike', 'sts:RoleSessionName', ['svc-*']), { roleSessionName: 'svc-1' }, true],
    [clause('StringLike', 'sts:RoleSessionName', ['svc-*']), { roleSessionName: 'x' }, false],
    [clause('StringEquals', 'sts:ExternalId', ['a']), {}, 'unknown'],
    [clause('Bool', 'aws:MultiFactorAuthPresent', ['true']), { mfa: true }, true],
    [clause('ForAllValues:StringEquals', 'aws:TagKeys', ['a', 'b']), { sessionTags: { a: '1' } }, true],
    [clause('ForAnyValue:StringEquals', 'aws:TagKeys', ['z']), { sessionTags: { a: '1' } }, false],
    [clause('StringLike', 'sts:RoleSessionName', ['${aws:username}']), { roleSessionName: 'x' }, 'unknown'],
  ] as const)('%o with %o → %s', (cl, req, want) => {
    expect(quickCondition(ctxOf(parsed(), req as RequestFacts), cl).result).toBe(want);
  });
});

describe('engine outcomes', () => {
  const trust: Policy = {
    name: 'trust', kind: 'trust', kindInferred: false, valid: true, issues: [], version: '2012-10-17', level: null,
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }] },
    statements: [stmt({ action: ['sts:AssumeRole'], principal: { wildcard: false, AWS: ['arn:aws:iam::111111111111:root'], Service: [], Federated: [], CanonicalUser: [] }, conditions: [clause('StringEquals', 'aws:SourceVpce', ['vpce-1'])] })],
  };
  const evaluation = (result: boolean | 'unknown'): Evaluation => ({
    decision: result === 'unknown' ? 'unknown' : 'implicit-deny', decidedBy: 'trust', missingContext: [], crossAccount: true, trail: [],
    policies: [{ policy: 0, name: 'trust', kind: 'trust', verdict: result === 'unknown' ? 'unknown' : 'implicit-deny', decidingConditions: [],
      statements: [{ index: 0, sid: null, effect: 'Allow', matched: result === true ? true : result, why: '', failedElement: 'Condition',
        conditions: [{ operator: 'StringEquals', key: 'aws:SourceVpce', values: ['vpce-1'], actual: result === 'unknown' ? undefined : ['vpce-9'], result }] }] }],
  });

  it('confirms a condition cause from the engine\'s outcome for a key it alone knows', () => {
    const a = assess(definitionOf('condition-other')!, ctxOf(parsed(), {}, {}, [trust], evaluation(false)));
    expect(a.status).toBe('confirmed');
    expect(a.evidence.some((e) => e.text.includes('aws:SourceVpce') && e.text.includes('vpce-9'))).toBe(true);
  });

  it('says likely, if … when the engine cannot decide the key either', () => {
    const a = assess(definitionOf('condition-other')!, ctxOf(parsed(), {}, {}, [trust], evaluation('unknown')));
    expect(a.status).toBe('likely');
    expect(a.evidence.some((e) => e.text.startsWith('Likely, if') && e.text.includes('vpce-1'))).toBe(true);
  });

  it('rules the principal out: the trust names the caller\'s account', () => {
    expect(assess(definitionOf('trust-principal-missing')!, ctxOf(parsed(), {}, {}, [trust], evaluation(false))).status).toBe('ruled-out');
  });
});

describe('evidence labels for people', () => {
  it('numbers statements and policies from 1 and names them', async () => {
    const { stmtLabel, policyLabel } = await import('../../src/core/causes/signals.js');
    expect(stmtLabel({ index: 1, sid: 'JenkinsLegacy' })).toBe('statement 2 "JenkinsLegacy"');
    expect(stmtLabel({ index: 0, sid: null })).toBe('statement 1');
    const p = { name: 'deploy-role trust', kind: 'trust' } as unknown as Parameters<typeof policyLabel>[0];
    expect(policyLabel(p, 0)).toBe('policy 1 (deploy-role trust)');
    expect(policyLabel({ ...p, name: null } as unknown as Parameters<typeof policyLabel>[0], 2)).toBe('policy 3 (trust policy)');
  });

  it('keeps the evidence index fields 0-based while the text is 1-based', async () => {
    const { explain } = await import('../../src/core/index.js');
    const answer = explain({
      message: 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/deploy',
      policies: [{ kind: 'trust', name: 'deploy trust', document: { Version: '2012-10-17', Statement: [
        { Sid: 'Other', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Sid: 'Ci', Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111111111111:user/ci' }, Action: 'sts:AssumeRole' },
      ] } }],
    });
    const e = answer.causes.flatMap((c) => c.evidence).find((x) => x.statement === 1 && x.policy === 0);
    expect(e?.text).toContain('statement 2 "Ci"');
  });
});

describe('KMS wording on the caller side', () => {
  const msg = (tail: string) => `An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::111111111111:assumed-role/app/s is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab ${tail}`;
  it('keeps the caller side open for "no resource-based policy allows", but not for an explicit deny in one', async () => {
    const { explain } = await import('../../src/core/index.js');
    const text = (tail: string) => explain({ message: msg(tail) }).causes.find((c) => c.id === 'identity-missing-allow')?.evidence.map((e) => e.text).join(' ') ?? '';
    expect(text('because no resource-based policy allows the kms:Decrypt action')).toContain('KMS says "no resource-based policy allows"');
    expect(text('with an explicit deny in a resource-based policy')).not.toContain('KMS says "no resource-based policy allows"');
  });
});

describe('per-answer memoization (no repeated scans of every statement per cause)', () => {
  it('builds each policy\'s statement views once, whatever kinds a family asks for', async () => {
    const { statementViews } = await import('../../src/core/causes/signals.js');
    const { parseError } = await import('../../src/core/parse/index.js');
    const { readPolicy } = await import('../../src/core/policy/index.js');
    const message = 'User: arn:aws:iam::111111111111:user/ci is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k';
    const policies = [
      readPolicy({ kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }, 0),
      readPolicy({ kind: 'resource', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] } }, 1),
    ];
    const ctx = causeContext({ parsed: parseError(message).parsed, policies, evaluation: null, request: {}, context: {}, text: message });
    const a = statementViews(ctx, ['identity']);
    const b = statementViews(ctx, ['resource', 'identity']);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
    expect(b.find((v) => v.policyIndex === 0)).toBe(a[0]);
    expect(statementViews(ctx, ['identity'])).toBe(a);
  });
});

describe('evidence quotes AWS exactly (awsSays)', () => {
  const assume = (tail: string) => `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/deploy ${tail}`;
  it.each([
    ['trust-explicit-deny', assume('with an explicit deny in a resource-based policy'), 'AWS says: "with an explicit deny in a resource-based policy" — for sts:AssumeRole, the resource-based policy is the role\'s trust policy.'],
    ['trust-principal-missing', assume('because no resource-based policy allows the sts:AssumeRole action'), 'AWS says: "because no resource-based policy allows the sts:AssumeRole action" — for sts:AssumeRole, the resource-based policy is the role\'s trust policy.'],
    ['identity-missing-allow', 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action', 'AWS says: "because no identity-based policy allows the s3:GetObject action".'],
    ['scp-deny', 'An error occurred (AccessDeniedException) when calling the ListFunctions operation: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: lambda:ListFunctions on resource: * with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-abc/service_control_policy/p-12345678', 'AWS says: "with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-abc/service_control_policy/p-12345678".'],
  ])('%s: %s', (id, message, want) => {
    const c = explain({ message }).causes.find((x) => x.id === id);
    expect(c?.evidence.some((e) => e.text.startsWith(want)), JSON.stringify(c?.evidence.map((e) => e.text))).toBe(true);
    // never a reconstructed quote that AWS did not print
    expect(c?.evidence.some((e) => e.text.includes('with an explicit deny in the role trust policy'))).toBe(false);
  });

  it.each([
    'with an explicit deny in a resource-based policy',
    'because no resource-based policy allows the sts:AssumeRole action',
  ])('no evidence of any cause shows an internal policy-type id for "%s"', (tail) => {
    const texts = explain({ message: assume(tail) }).causes.flatMap((c) => c.evidence.map((e) => e.text));
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.filter((t) => /\b(role-trust|service-control|resource-control|permissions-boundary) policy\b/.test(t) || t.includes('with an explicit deny in the role trust policy'))).toEqual([]);
  });
});
