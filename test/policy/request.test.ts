/** requestFromParsed and simulate: the failed request, derived context, three-valued evaluation. */
import { describe, expect, it } from 'vitest';
import { evaluatePolicies, readPolicy, requestFromParsed, simulate } from '../../src/core/policy/index.js';
import type { Caller, ParsedError, Target } from '../../src/core/types.js';

function parsed(caller: Partial<Caller> | null, target: Partial<Target> | null, action: string | null = 'sts:AssumeRole'): ParsedError {
  return {
    recognized: true, source: 'aws-cli', errorCode: 'AccessDenied', operation: 'AssumeRole', action,
    caller: caller ? { arn: null, type: 'unknown', accountId: null, partition: 'aws', name: null, sessionName: null, roleArn: null, ...caller } : null,
    target: target ? { arn: null, accountId: null, partition: 'aws', service: 'iam', region: null, resourceType: 'role', name: null, ...target } : null,
    crossAccount: null, deny: { kind: 'implicit', policyType: null, policyArn: null }, requestId: null, region: null,
    encodedMessage: null, redactions: [], shape: null, message: null, httpStatus: 403, wrappers: [],
  };
}

const session: Partial<Caller> = {
  arn: 'arn:aws:sts::111111111111:assumed-role/pipeline/ci-42', type: 'assumed-role', accountId: '111111111111',
  name: 'pipeline', sessionName: 'ci-42', roleArn: 'arn:aws:iam::111111111111:role/pipeline',
};
const role: Partial<Target> = { arn: 'arn:aws:iam::222222222222:role/deploy', accountId: '222222222222', name: 'deploy' };

describe('requestFromParsed', () => {
  it('builds the request and derives context from an assumed-role caller', () => {
    const r = requestFromParsed(parsed(session, role), { externalId: 'abc', roleSessionName: 'ci-42', mfa: true, sourceIdentity: 'alice', sessionTags: { team: 'a' } }, { 'aws:PrincipalOrgID': 'o-1' })!;
    expect(r.principal).toBe(session.arn);
    expect(r.action).toBe('sts:AssumeRole');
    expect(r.resource).toBe(role.arn);
    expect(r.resourceAccount).toBe('222222222222');
    expect(r.missing).toBe('unknown');
    expect(r.context).toMatchObject({
      'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/pipeline',
      'aws:PrincipalAccount': '111111111111',
      'aws:PrincipalType': 'AssumedRole',
      'sts:ExternalId': 'abc',
      'sts:RoleSessionName': 'ci-42',
      'aws:MultiFactorAuthPresent': 'true',
      'sts:SourceIdentity': 'alice',
      'aws:RequestTag/team': 'a',
      'aws:TagKeys': ['team'],
      'aws:PrincipalOrgID': 'o-1',
    });
    expect(r.context['aws:username']).toBeUndefined();
    expect(r.knownAbsent).toContain('aws:username');
  });

  it('uses aws:username for IAM users and marks a null external id as known absent', () => {
    const r = requestFromParsed(parsed({ arn: 'arn:aws:iam::111111111111:user/alice', type: 'user', accountId: '111111111111', name: 'alice' }, role), { externalId: null }, {})!;
    expect(r.context['aws:username']).toBe('alice');
    expect(r.context['aws:PrincipalArn']).toBe('arn:aws:iam::111111111111:user/alice');
    expect(r.knownAbsent).toContain('sts:ExternalId');
    expect(r.context['sts:ExternalId']).toBeUndefined();
  });

  it('keeps a service principal caller', () => {
    const r = requestFromParsed(parsed({ arn: 'lambda.amazonaws.com', type: 'service' }, role), {}, {})!;
    expect(r.principal).toBe('lambda.amazonaws.com');
    expect(r.context['aws:PrincipalIsAWSService']).toBe('true');
    const trust = readPolicy({ document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } });
    expect(evaluatePolicies(r, [trust]).decision).toBe('allow');
  });

  it('returns null without a usable action', () => {
    expect(requestFromParsed(parsed(session, role, null), {}, {})).toBeNull();
    expect(requestFromParsed(parsed(session, role, '<action>'), {}, {})).toBeNull();
  });

  it('still evaluates when the caller is redacted', () => {
    const r = requestFromParsed(parsed({ arn: 'arn:aws:sts::<account-id>:assumed-role/x/y', type: 'assumed-role' }, role), {}, {})!;
    expect(r.principal).toBe('');
    const trust = readPolicy({ kind: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/pipeline' }, Action: 'sts:AssumeRole' }] } });
    const ev = evaluatePolicies(r, [trust]);
    expect(ev.policies[0]!.verdict).toBe('unknown');
    expect(ev.decision).toBe('unknown');
  });

  it('says which external id would allow (three-valued)', () => {
    const r = requestFromParsed(parsed(session, role), {}, {})!;
    const trust = readPolicy({ document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }] } });
    const identity = readPolicy({ document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] } });
    const ev = evaluatePolicies(r, [identity, trust]);
    expect(ev.decision).toBe('unknown');
    expect(ev.missingContext).toEqual(['sts:ExternalId']);
    expect(ev.crossAccount).toBe(true);
    const p = ev.policies[1]!;
    expect(p.verdict).toBe('unknown');
    expect(p.decidingConditions).toEqual([expect.objectContaining({ key: 'sts:ExternalId', values: ['abc'], result: 'unknown' })]);
    expect(p.statements[0]!.why).toContain('sts:ExternalId');
    expect(p.statements[0]!.why).toContain('`abc`');
  });
});

describe('simulate', () => {
  const trust = { kind: 'trust' as const, name: 'deploy trust', document: { Version: '2012-10-17', Statement: [{ Sid: 'Ext', Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }] } };
  const identity = { document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] } };
  const base = { principal: 'arn:aws:iam::111111111111:user/alice', action: 'sts:AssumeRole', resource: 'arn:aws:iam::222222222222:role/deploy' };

  it('keys missing from context are absent by default', () => {
    const r = simulate({ ...base, policies: [identity, trust] });
    expect(r.decision).toBe('implicit-deny');
    expect(r.missingContext).toEqual([]);
    expect(r.policies[1]).toMatchObject({ name: 'deploy trust', kind: 'trust', kindInferred: false, valid: true, verdict: 'implicit-deny' });
    expect(r.policies[1]!.statements[0]).toMatchObject({ index: 0, sid: 'Ext', effect: 'Allow', matched: false });
    expect(r.policies[1]!.statements[0]!.why).toMatch(/ExternalId/);
  });

  it('allows with the right context', () => {
    expect(simulate({ ...base, context: { 'sts:ExternalId': 'abc' }, policies: [identity, trust] }).decision).toBe('allow');
  });

  it('three-valued with missing: unknown', () => {
    const r = simulate({ ...base, missing: 'unknown', policies: [identity, trust] });
    expect(r.decision).toBe('unknown');
    expect(r.missingContext).toEqual(['sts:ExternalId']);
  });

  it('S3 resource account comes from resourceAccount', () => {
    const bucket = { document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] } };
    const same = simulate({ principal: base.principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '111111111111', policies: [bucket] });
    const cross = simulate({ principal: base.principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '222222222222', policies: [{ document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] } }, bucket] });
    expect(same.decision).toBe('allow');
    expect(cross.decision).toBe('implicit-deny');
  });

  it('never throws on garbage', () => {
    expect(() => simulate({ principal: '', action: '', resource: '', policies: [{ document: '{{{{' }, { document: 12 }] })).not.toThrow();
  });
});

describe('never throws', () => {
  it.each([null, undefined, 42, 'text', { document: { Statement: [null, 1, 'x', { Effect: 'Allow', Action: {}, Resource: [[]] }] } }])('readPolicy(%j)', (input) => {
    expect(() => readPolicy(input as never)).not.toThrow();
  });

  it('evaluatePolicies with odd input', () => {
    const ev = evaluatePolicies({ principal: 5 as never, action: null as never, resource: '*', context: null as never, missing: 'absent' }, [readPolicy({ document: { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } } })]);
    expect(['allow', 'unknown', 'implicit-deny']).toContain(ev.decision);
  });

  it('simulate with odd input', () => {
    expect(() => simulate({ principal: null, action: 1, resource: {}, policies: 'x' } as never)).not.toThrow();
  });
});
