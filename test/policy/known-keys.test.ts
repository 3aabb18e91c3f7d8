/**
 * What requestFromParsed knows about a request (decision 012), role paths hidden by assumed-role
 * ARNs (decision 013) and evidence-free allows (decision 014).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePolicies, readPolicy, requestFromParsed } from '../../src/core/policy/index.js';
import type { Caller, ErrorSource, EvaluationRequest, ParsedError, PolicyInput, RequestFacts } from '../../src/core/types.js';

const ACCT = '111111111111';
const sessionCaller: Caller = {
  arn: `arn:aws:sts::${ACCT}:assumed-role/etl-runner/s1`, type: 'assumed-role', accountId: ACCT, partition: 'aws',
  name: 'etl-runner', sessionName: 's1', roleArn: `arn:aws:iam::${ACCT}:role/etl-runner`,
};
const userCaller: Caller = { arn: `arn:aws:iam::${ACCT}:user/alice`, type: 'user', accountId: ACCT, partition: 'aws', name: 'alice', sessionName: null, roleArn: null };

function parsed(action: string, operation: string | null, caller: Caller | null = sessionCaller, source: ErrorSource = 'aws-cli', targetArn: string | null = null): ParsedError {
  return {
    recognized: true, source, errorCode: 'AccessDenied', operation, action, caller,
    target: targetArn ? { arn: targetArn, accountId: ACCT, partition: 'aws', service: targetArn.split(':')[2] ?? null, region: null, resourceType: null, name: null } : null,
    crossAccount: null, deny: { kind: 'implicit', policyType: null, policyArn: null }, requestId: null, region: null,
    encodedMessage: null, redactions: [], shape: null, message: null, httpStatus: 403, wrappers: [],
  } as ParsedError;
}

function req(p: ParsedError, facts: RequestFacts = {}, context: Record<string, never> | Record<string, string | null> = {}): EvaluationRequest {
  const r = requestFromParsed(p, facts, context as never);
  if (!r) throw new Error('no request');
  return r;
}

const doc = (Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const evaluate = (r: EvaluationRequest, policies: PolicyInput[]) => evaluatePolicies(r, policies.map((p, i) => readPolicy(p, i)));

describe('requestFromParsed: keys known absent (decision 012)', () => {
  const key = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const cases: Array<[string, ParsedError, RequestFacts, string[], string[]]> = [
    // [label, parsed, facts, known absent, NOT known absent]
    ['direct KMS call: no ViaService, no grant-for-AWS-resource, no CalledVia', parsed('kms:Decrypt', 'Decrypt', sessionCaller, 'aws-cli', key), {},
      ['kms:ViaService', 'kms:GrantIsForAWSResource', 'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast'], ['aws:SourceVpce']],
    // (kms:ViaService is S3's there: test/policy/stated-principal-via-service.test.ts)
    ['KMS through S3 (GetObject needs kms:Decrypt): not a direct call, CalledVia unknown', parsed('kms:Decrypt', 'GetObject', sessionCaller, 'aws-cli', key), {},
      [], ['aws:CalledVia', 'kms:GrantIsForAWSResource']],
    ['KMS via CloudFormation (cdk): unknown', parsed('kms:CreateGrant', 'CreateGrant', sessionCaller, 'cdk', key), {}, [], ['kms:ViaService', 'kms:GrantIsForAWSResource']],
    ['a message without an operation: unknown', parsed('kms:Decrypt', null, sessionCaller, 'aws-cli', key), {}, [], ['kms:ViaService']],
    ['STS request parameters are absent from an S3 request', parsed('s3:GetObject', 'GetObject', userCaller), {},
      ['sts:ExternalId', 'sts:RoleSessionName', 'sts:DurationSeconds', 'sts:TransitiveTagKeys'], ['aws:SourceVpce', 'aws:SourceIp']],
    ['AssumeRoleWithWebIdentity has no ExternalId parameter', parsed('sts:AssumeRoleWithWebIdentity', 'AssumeRoleWithWebIdentity', null), {},
      ['sts:ExternalId'], ['sts:RoleSessionName']],
    ['AssumeRole: the external id is unknown unless stated', parsed('sts:AssumeRole', 'AssumeRole'), {}, [], ['sts:ExternalId', 'sts:RoleSessionName']],
    ['AssumeRole with externalId: null', parsed('sts:AssumeRole', 'AssumeRole'), { externalId: null }, ['sts:ExternalId'], []],
    ['no MFA on long-term user keys: both MFA keys absent', parsed('s3:GetObject', 'GetObject', userCaller), { mfa: false }, ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge'], []],
    ['no VPC endpoint is ever assumed', parsed('s3:GetObject', 'GetObject'), {}, [], ['aws:SourceVpce', 'aws:SourceVpc']],
  ];
  it.each(cases)('%s', (_l, p, facts, absent, notAbsent) => {
    const r = req(p, facts);
    for (const k of absent) expect(r.knownAbsent, k).toContain(k);
    for (const k of notAbsent) {
      expect(r.knownAbsent ?? [], k).not.toContain(k);
      expect(r.context[k], k).toBeUndefined();
    }
  });

  it('direct calls: aws:ViaAWSService is false, and kms:CallerAccount is the caller account', () => {
    const r = req(parsed('kms:Decrypt', 'Decrypt', sessionCaller, 'aws-cli', key));
    expect(r.context['aws:ViaAWSService']).toBe('false');
    expect(r.context['kms:CallerAccount']).toBe(ACCT);
    expect(req(parsed('kms:Decrypt', 'GetObject', sessionCaller, 'aws-cli', key)).context['aws:ViaAWSService']).toBeUndefined();
  });

  it('a role session without MFA carries aws:MultiFactorAuthPresent = false (temporary credentials)', () => {
    const r = req(parsed('s3:GetObject', 'GetObject'), { mfa: false });
    expect(r.context['aws:MultiFactorAuthPresent']).toBe('false');
    expect(r.knownAbsent).not.toContain('aws:MultiFactorAuthPresent');
  });

  it('a stated context value beats a known-absent rule', () => {
    const r = req(parsed('kms:Decrypt', 'Decrypt', sessionCaller, 'aws-cli', key), {}, { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' });
    expect(r.context['kms:ViaService']).toBe('s3.eu-west-1.amazonaws.com');
    const kp = { kind: 'resource' as const, document: doc([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:role/etl-runner` }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } }]) };
    expect(evaluate(r, [kp]).decision).toBe('allow');
  });

  it('x45: a key policy that needs kms:ViaService refuses a direct Decrypt (not unknown)', () => {
    const r = req(parsed('kms:Decrypt', 'Decrypt', sessionCaller, 'aws-cli', key));
    const kp = { kind: 'resource' as const, document: doc([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:role/etl-runner` }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } }]) };
    const ev = evaluate(r, [kp]);
    expect(ev.policies[0]!.verdict).toBe('implicit-deny');
    expect(ev.decision).toBe('implicit-deny');
    expect(ev.decidedBy).toBe('resource');
  });
});

describe('negated operators on absent vs unknown keys (x53)', () => {
  const boundary = {
    kind: 'permissions-boundary' as const, name: 'AppTeamBoundary',
    document: doc([
      { Sid: 'AppServices', Effect: 'Allow', Action: ['iam:CreateRole'], Resource: '*' },
      { Sid: 'CreateRolesOnlyWithBoundary', Effect: 'Deny', Action: ['iam:CreateRole'], Resource: '*', Condition: { StringNotEquals: { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCT}:policy/AppTeamBoundary` } } },
    ]),
  };
  const identity = { kind: 'identity' as const, document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) };
  const p = parsed('iam:CreateRole', 'CreateRole', sessionCaller, 'cdk', `arn:aws:iam::${ACCT}:role/app-stack-Fn`);

  it('an unknown key leaves the boundary Deny possible: decision unknown, the key is what decides', () => {
    const ev = evaluate(req(p), [boundary, identity]);
    expect(ev.policies[0]!.statements[1]!.matched).toBe('unknown');
    expect(ev.policies[0]!.verdict).toBe('unknown');
    expect(ev.decision).toBe('unknown');
    expect(ev.missingContext).toEqual(['iam:PermissionsBoundary']);
  });

  it('a key known to be absent makes StringNotEquals true: explicit deny in the boundary', () => {
    const ev = evaluate(req(p, {}, { 'iam:PermissionsBoundary': null }), [boundary, identity]);
    expect(ev.policies[0]!.statements[1]!.matched).toBe(true);
    expect(ev.decision).toBe('explicit-deny');
    expect(ev.decidedBy).toBe('permissions-boundary');
  });

  it('the right boundary on the new role: the Deny does not apply', () => {
    const ev = evaluate(req(p, {}, { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCT}:policy/AppTeamBoundary` }), [boundary, identity]);
    expect(ev.policies[0]!.statements[1]!.matched).toBe(false);
    expect(ev.decision).toBe('allow');
  });

  it.each([
    ['StringNotEquals', 'unknown', true],
    ['StringNotLike', 'unknown', true],
    ['ArnNotEquals', 'unknown', true],
    ['StringEquals', 'unknown', false],
    ['StringNotEqualsIfExists', 'unknown', true],
  ])('%s on an unknown key → %s, on an absent key → %s', (op, unknownResult, absentResult) => {
    const pol = { kind: 'identity' as const, document: doc([{ Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*', Condition: { [op]: { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCT}:policy/B` } } }]) };
    expect(evaluate(req(p), [pol]).policies[0]!.statements[0]!.matched).toBe(unknownResult);
    expect(evaluate(req(p, {}, { 'iam:PermissionsBoundary': null }), [pol]).policies[0]!.statements[0]!.matched).toBe(absentResult);
  });
});

describe('aws:PrincipalArn of a role session: the role path is unknown (decision 013)', () => {
  const p = parsed('sts:AssumeRole', 'AssumeRole', sessionCaller, 'aws-cli', `arn:aws:iam::${ACCT}:role/target`);
  const trustWith = (op: string, value: string | string[]) => ({
    kind: 'trust' as const,
    document: doc([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'sts:AssumeRole', Condition: { [op]: { 'aws:PrincipalArn': value } } }]),
  });
  const statementResult = (policies: PolicyInput[], r = req(p)) => evaluate(r, policies).policies[0]!.statements[0]!.matched;

  it('requestFromParsed marks the path unknown for an assumed-role caller', () => {
    const r = req(p);
    expect(r.rolePathUnknown).toBe(true);
    expect(r.context['aws:PrincipalArn']).toBe(`arn:aws:iam::${ACCT}:role/etl-runner`);
    expect(req(parsed('s3:GetObject', 'GetObject', userCaller)).rolePathUnknown).toBeUndefined();
    expect(req(p, {}, { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/automation/etl-runner` }).rolePathUnknown).toBeUndefined();
  });

  it.each([
    ['ArnEquals', `arn:aws:iam::${ACCT}:role/etl-runner`, 'unknown'],
    ['ArnEquals', `arn:aws:iam::${ACCT}:role/automation/etl-runner`, 'unknown'],
    ['ArnLike', `arn:aws:iam::${ACCT}:role/aws-reserved/sso.amazonaws.com/*/etl-runner`, 'unknown'],
    ['ArnLike', `arn:aws:iam::${ACCT}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_*`, false],
    ['ArnEquals', `arn:aws:iam::${ACCT}:role/other`, false],
    ['ArnEquals', `arn:aws:iam::${ACCT}:role/automation/other`, false],
    ['ArnLike', `arn:aws:iam::${ACCT}:role/*`, true],
    ['ArnLike', `arn:aws:iam::${ACCT}:role/*etl-runner`, true],
    ['StringEquals', `arn:aws:iam::${ACCT}:role/etl-runner`, 'unknown'],
    ['StringLike', `arn:aws:iam::*:role/*`, true],
    ['ArnNotEquals', `arn:aws:iam::${ACCT}:role/etl-runner`, 'unknown'],
    ['ArnNotEquals', `arn:aws:iam::${ACCT}:role/other`, true],
    ['ArnNotLike', `arn:aws:iam::${ACCT}:role/*`, false],
  ])('%s %s → %s', (op, value, expected) => {
    expect(statementResult([trustWith(op, value)])).toBe(expected);
  });

  it('x51: pasted get-role output of the caller\'s role gives the path', () => {
    const getRole = { kind: 'identity' as const, document: { Role: { Path: '/automation/', RoleName: 'etl-runner', Arn: `arn:aws:iam::${ACCT}:role/automation/etl-runner`, AssumeRolePolicyDocument: doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]) } } };
    const noPath = trustWith('ArnEquals', `arn:aws:iam::${ACCT}:role/etl-runner`);
    const withPath = trustWith('ArnEquals', `arn:aws:iam::${ACCT}:role/automation/etl-runner`);
    const identity = { kind: 'identity' as const, document: doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]) };
    const a = evaluate(req(p), [noPath, identity, getRole]);
    expect(a.policies[0]!.statements[0]!.matched).toBe(false);
    expect(a.decision).toBe('implicit-deny');
    expect(a.decidedBy).toBe('trust');
    const b = evaluate(req(p), [withPath, identity, getRole]);
    expect(b.policies[0]!.statements[0]!.matched).toBe(true);
  });

  it('get-role output without Arn: Path + RoleName give the ARN; another role\'s get-role output changes nothing', () => {
    const trustDoc = doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    const noArn = { kind: 'trust' as const, document: { Role: { Path: '/automation/', RoleName: 'etl-runner', AssumeRolePolicyDocument: trustDoc } } };
    const other = { kind: 'trust' as const, document: { Role: { Path: '/automation/', RoleName: 'target', Arn: `arn:aws:iam::${ACCT}:role/automation/target`, AssumeRolePolicyDocument: trustDoc } } };
    const withPath = trustWith('ArnEquals', `arn:aws:iam::${ACCT}:role/automation/etl-runner`);
    expect(evaluate(req(p), [withPath, noArn]).policies[0]!.statements[0]!.matched).toBe(true);
    expect(evaluate(req(p), [withPath, other]).policies[0]!.statements[0]!.matched).toBe('unknown');
  });

  it('a role ARN in Principal names the caller\'s role whatever path it shows (IAM matches the role\'s unique id)', () => {
    const trust = (arn: string) => ({ kind: 'trust' as const, document: doc([{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' }]) });
    expect(evaluate(req(p), [trust(`arn:aws:iam::${ACCT}:role/automation/etl-runner`)]).policies[0]!.verdict).toBe('allow');
    const known = req(p, {}, { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/etl-runner` });
    expect(evaluate(known, [trust(`arn:aws:iam::${ACCT}:role/automation/etl-runner`)]).policies[0]!.verdict).toBe('allow');
    expect(evaluate(known, [trust(`arn:aws:iam::${ACCT}:role/etl-other`)]).policies[0]!.verdict).toBe('implicit-deny');
  });
});

describe('no allow from no evidence (decision 014)', () => {
  const p = parsed('s3:GetObject', 'GetObject', sessionCaller, 'aws-cli', 'arn:aws:s3:::b/k');
  it.each([
    ['identity', { kind: 'identity' as const, document: '{"Version": "2012-10-17", "Statement": [' }],
    ['inferred kind', { document: 'not a policy at all' }],
    ['resource', { kind: 'resource' as const, document: '%7Bbroken' }],
    ['scp', { kind: 'scp' as const, document: 42 }],
  ])('an unreadable %s policy alone decides nothing', (_l, input) => {
    const ev = evaluate(req(p), [input as PolicyInput]);
    expect(ev.policies[0]!.verdict).toBe('unknown');
    expect(ev.decision).toBe('unknown');
  });

  it('an unreadable policy keeps an allow from being certain', () => {
    const identity = { kind: 'identity' as const, document: doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]) };
    expect(evaluate(req(p), [identity]).decision).toBe('allow');
    expect(evaluate(req(p), [identity, { kind: 'permissions-boundary', document: '{{{' }]).decision).toBe('unknown');
  });

  it('an explicit deny still decides next to an unreadable policy', () => {
    const deny = { kind: 'identity' as const, document: doc([{ Effect: 'Deny', Action: 's3:*', Resource: '*' }]) };
    expect(evaluate(req(p), [deny, { kind: 'identity', document: '{{{' }]).decision).toBe('explicit-deny');
  });

  it('only a same-account bucket policy that names the caller allows without an identity policy', () => {
    const bucket = (principal: string) => ({ kind: 'resource' as const, document: doc([{ Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]) });
    const same = { ...req(p), resourceAccount: ACCT };
    expect(evaluate(same, [bucket(`arn:aws:iam::${ACCT}:role/etl-runner`)]).decision).toBe('allow');
    expect(evaluate(same, [bucket(ACCT)]).decision).toBe('unknown');
  });

  it('an AssumeRole with only the caller\'s identity policy pasted: the trust decides, unknown', () => {
    const r = req(parsed('sts:AssumeRole', 'AssumeRole', sessionCaller, 'aws-cli', `arn:aws:iam::${ACCT}:role/target`));
    const identity = { kind: 'identity' as const, document: doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]) };
    expect(evaluate(r, [identity]).decision).toBe('unknown');
  });
});

describe('what needs a resource side in explain (decision 014)', () => {
  const identity = (action: string) => ({ kind: 'identity' as const, document: doc([{ Effect: 'Allow', Action: action, Resource: '*' }]) });
  it.each([
    ['an action on * (no resource side)', parsed('ec2:DescribeInstances', 'DescribeInstances'), 'ec2:DescribeInstances', 'allow'],
    ['an STS action that assumes no role', parsed('sts:GetSessionToken', 'GetSessionToken'), 'sts:GetSessionToken', 'allow'],
    ['AssumeRole on a role: the trust decides', parsed('sts:AssumeRole', 'AssumeRole', sessionCaller, 'aws-cli', `arn:aws:iam::${ACCT}:role/t`), 'sts:AssumeRole', 'unknown'],
    ['a KMS key: the key policy decides', parsed('kms:Decrypt', 'Decrypt', sessionCaller, 'aws-cli', `arn:aws:kms:eu-west-1:${ACCT}:key/k`), 'kms:Decrypt', 'unknown'],
    ['a same-account queue', parsed('sqs:SendMessage', 'SendMessage', sessionCaller, 'aws-cli', `arn:aws:sqs:eu-west-1:${ACCT}:q`), 'sqs:SendMessage', 'allow'],
    ['a bucket whose account is unknown', parsed('s3:GetObject', 'GetObject', sessionCaller, 'aws-cli', 'arn:aws:s3:::b/k'), 's3:GetObject', 'unknown'],
  ])('%s', (_l, p, action, decision) => {
    const r = req(p);
    if (p.target?.arn?.startsWith('arn:aws:s3')) r.resourceAccount = null;
    expect(evaluate(r, [identity(action)]).decision).toBe(decision);
  });
});

describe('calls no policy controls (decision 015)', () => {
  const denyAll = { kind: 'identity' as const, document: doc([{ Effect: 'Deny', Action: 'sts:*', Resource: '*' }]) };
  const scpDeny = { kind: 'scp' as const, document: doc([{ Effect: 'Deny', Action: '*', Resource: '*' }]) };
  it.each([
    ['sts:GetCallerIdentity', 'GetCallerIdentity'],
    ['sts:GetSessionToken', 'GetSessionToken'],
  ])('%s is allowed whatever the pasted policies say', (action, op) => {
    const ev = evaluate(req(parsed(action, op, userCaller)), [denyAll, scpDeny]);
    expect(ev.decision).toBe('allow');
    expect(ev.policies[0]!.verdict).toBe('explicit-deny');
    expect(ev.trail.join(' ')).toContain('needs no permission');
  });
  it('sts:AssumeRole still obeys the same Deny', () => {
    expect(evaluate(req(parsed('sts:AssumeRole', 'AssumeRole', userCaller, 'aws-cli', `arn:aws:iam::${ACCT}:role/t`)), [denyAll]).decision).toBe('explicit-deny');
  });
});

describe('network path keys (decision 012)', () => {
  const p = parsed('execute-api:Invoke', null, userCaller, 'plain', `arn:aws:execute-api:eu-west-1:${ACCT}:abc/prod/GET/x`);
  const apiPolicy = { kind: 'resource' as const, document: doc([
    { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' },
    { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0b7c' } } },
  ]) };
  it('y07: a stated public aws:SourceIp means no VPC endpoint: StringNotEquals aws:SourceVpce is true', () => {
    const r = req(p, {}, { 'aws:SourceIp': '81.2.69.160' });
    expect(r.knownAbsent).toEqual(expect.arrayContaining(['aws:SourceVpce', 'aws:SourceVpc', 'aws:VpcSourceIp', 'aws:VpceOrgID']));
    const ev = evaluate(r, [apiPolicy]);
    expect(ev.policies[0]!.statements[1]!.matched).toBe(true);
    expect(ev.decision).toBe('explicit-deny');
  });
  it.each([['10.1.2.3'], ['192.168.0.5'], ['fd00::1'], ['not an ip']])('a non-public aws:SourceIp (%s) proves nothing', (ip) => {
    const r = req(p, {}, { 'aws:SourceIp': ip });
    expect(r.knownAbsent ?? []).not.toContain('aws:SourceVpce');
    expect(evaluate(r, [apiPolicy]).policies[0]!.statements[1]!.matched).toBe('unknown');
  });
  it('a stated endpoint rules aws:SourceIp out; a stated endpoint value is kept', () => {
    const r = req(p, {}, { 'aws:SourceVpce': 'vpce-0b7c' });
    expect(r.knownAbsent).toContain('aws:SourceIp');
    expect(evaluate(r, [apiPolicy]).policies[0]!.statements[1]!.matched).toBe(false);
    const both = req(p, {}, { 'aws:SourceIp': '81.2.69.160', 'aws:SourceVpce': 'vpce-1' });
    expect(both.knownAbsent ?? []).not.toContain('aws:SourceVpce');
    expect(both.context['aws:SourceVpce']).toBe('vpce-1');
  });
  it('nothing stated: the network path stays unknown', () => {
    const r = req(p);
    expect(r.knownAbsent ?? []).not.toContain('aws:SourceVpce');
    expect(r.knownAbsent ?? []).not.toContain('aws:SourceIp');
  });
});

describe('partly read documents (decision 014)', () => {
  const p = parsed('s3:GetObject', 'GetObject', sessionCaller, 'aws-cli', 'arn:aws:s3:::b/k');
  const truncated = (statement: object) => `{"Version": "2012-10-17", "Statement": [${JSON.stringify(statement)}, {"Effect": "Allow", "Action": "s3:Put`;
  it('a Deny the truncated text still shows decides', () => {
    const ev = evaluate({ ...req(p), resourceAccount: ACCT }, [{ kind: 'identity', document: truncated({ Effect: 'Deny', Action: 's3:*', Resource: '*' }) }]);
    expect(ev.policies[0]!.verdict).toBe('explicit-deny');
    expect(ev.decision).toBe('explicit-deny');
  });
  it('an Allow it shows still allows; what it lost might deny, so the decision stays open', () => {
    const ev = evaluate({ ...req(p), resourceAccount: ACCT }, [{ kind: 'identity', document: truncated({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }]);
    expect(ev.policies[0]!.verdict).toBe('unknown');
    expect(ev.decision).toBe('unknown');
  });
  it('nothing it shows applies: unknown, not an implicit deny', () => {
    const ev = evaluate({ ...req(p), resourceAccount: ACCT }, [{ kind: 'identity', document: truncated({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }]);
    expect(ev.policies[0]!.verdict).toBe('unknown');
    expect(ev.decision).toBe('unknown');
  });
});
