/**
 * What a pasted decoded authorization message changes in the answer (docs/decisions/024): the matched Deny as
 * evidence, the request's condition values in the policy evaluation, and no second "decode it" step.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ContextValue, Explanation, PolicyInput } from '../../src/core/index.js';

const conditions = (pairs: Array<[string, string]>) => ({ items: pairs.map(([key, value]) => ({ key, values: { items: [{ value }] } })) });

function decoded(opts: { explicit: boolean; sid?: string; action?: string; resource?: string; context: Array<[string, string]>; denyConditions?: Array<[string, string]> }): string {
  return JSON.stringify({
    allowed: false, explicitDeny: opts.explicit,
    matchedStatements: { items: opts.sid ? [{
      statementId: opts.sid, effect: 'DENY', principals: { items: [{ value: 'AROA123456789EXAMPLE' }] }, principalGroups: { items: [] },
      actions: { items: [{ value: '*' }] }, resources: { items: [{ value: '*' }] }, conditions: conditions(opts.denyConditions ?? []),
    }] : [] },
    failures: { items: [] },
    context: {
      principal: { id: 'AROA123456789EXAMPLE:ci', arn: 'arn:aws:sts::111122223333:assumed-role/deploy/ci' },
      action: opts.action ?? 'ec2:RunInstances',
      resource: opts.resource ?? 'arn:aws:ec2:us-east-1:111122223333:instance/*',
      conditions: conditions(opts.context),
    },
  }, null, 2);
}

const regionGuard = (sid: string) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: sid, Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } }],
});
const allowEverything = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

const run = (message: string, policies: PolicyInput[] = [], context?: Record<string, ContextValue>): Explanation => explain({ message, policies, ...(context ? { context } : {}) });
const cause = (e: Explanation, id: string) => e.causes.find((c) => c.id === id);
const EXPLICIT_CAUSES = ['identity-explicit-deny', 'scp-deny', 'rcp-deny', 'permissions-boundary', 'session-policy', 'resource-policy-explicit-deny', 'vpc-endpoint-policy-deny'];

describe('an explicit deny with its matched statement', () => {
  const message = decoded({ explicit: true, sid: 'DenyOutsideEU', context: [['aws:Region', 'us-east-1'], ['aws:Service', 'ec2']], denyConditions: [['aws:RequestedRegion', 'eu-west-1']] });

  it('nothing pasted: an explicit-deny cause leads, the statement id in its evidence; no step to decode again', () => {
    const e = run(message);
    const top = e.causes[0]!;
    expect(EXPLICIT_CAUSES).toContain(top.id);
    expect(top.evidence.map((x) => x.text).join(' ')).toContain('"DenyOutsideEU"');
    expect(cause(e, 'identity-missing-allow')?.status).toMatch(/unlikely|ruled-out/);
    expect(e.firstSteps.map((s) => s.command).join(' ')).not.toContain('decode-authorization-message');
  });

  it('the pasted SCP holds that statement: scp-deny is confirmed first, naming it', () => {
    const e = run(message, [{ kind: 'scp', name: 'region guard', document: regionGuard('DenyOutsideEU') }, { kind: 'identity', name: 'deploy', document: allowEverything }]);
    const top = e.causes[0]!;
    expect(top.id).toBe('scp-deny');
    expect(top.status).toBe('confirmed');
    const texts = top.evidence.map((x) => x.text).join(' ');
    expect(texts).toContain('"DenyOutsideEU"');
    expect(top.evidence.some((x) => x.source === 'policy' && x.policy === 0 && x.statement === 0)).toBe(true);
    expect(cause(e, 'identity-explicit-deny')?.status).not.toBe('confirmed');
  });

  it('the pasted identity policy holds it instead: identity-explicit-deny leads, scp-deny does not', () => {
    const e = run(message, [{ kind: 'identity', name: 'deploy guard', document: regionGuard('DenyOutsideEU') }]);
    expect(e.causes[0]?.id).toBe('identity-explicit-deny');
    expect(e.causes[0]?.status).toBe('confirmed');
    expect(cause(e, 'scp-deny')?.status).not.toBe('confirmed');
  });
});

describe('an implicit deny: the request context decides pasted conditions', () => {
  // an IAM call (no Region in its resource ARN): only the decoded message's aws:Region tells where it was sent
  const passRole = (region: string) => decoded({
    explicit: false, action: 'iam:PassRole', resource: 'arn:aws:iam::111122223333:role/app', context: [['aws:Region', region]],
  });
  const regionAllowList = { Version: '2012-10-17', Statement: [{ Sid: 'OnlyEU', Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } }] };

  it('aws:Region outside the SCP allow-list: scp-deny confirmed, "no statement allowed" in evidence', () => {
    const e = run(passRole('us-east-1'), [{ kind: 'scp', name: 'eu only', document: regionAllowList }]);
    expect(e.policies[0]?.verdict).toBe('implicit-deny');
    expect(e.evaluation?.missingContext ?? []).not.toContain('aws:RequestedRegion');
    const scp = cause(e, 'scp-deny')!;
    expect(scp.status).toBe('confirmed');
    expect(e.causes[0]?.id).toBe('scp-deny');
    expect(scp.evidence.map((x) => x.text).join(' ')).toContain('no statement allowed iam:PassRole');
  });

  it('aws:Region inside it: scp-deny ruled out', () => {
    const e = run(passRole('eu-west-1'), [{ kind: 'scp', name: 'eu only', document: regionAllowList }]);
    expect(e.policies[0]?.verdict).toBe('allow');
    expect(cause(e, 'scp-deny')?.status).toBe('ruled-out');
  });

  const runInstances = decoded({ explicit: false, context: [['ec2:InstanceType', 't2.micro'], ['aws:Region', 'us-east-1']] });
  const typeAllowList = { Version: '2012-10-17', Statement: [
    { Effect: 'Allow', NotAction: 'ec2:RunInstances', Resource: '*' },
    { Sid: 'SmallT3Only', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringLike: { 'ec2:InstanceType': 't3.*' } } },
  ] };

  it('ec2:InstanceType from the decoded message reaches the evaluation (no longer unknown)', () => {
    const e = run(runInstances, [{ kind: 'scp', name: 't3 only', document: typeAllowList }]);
    expect(e.evaluation?.missingContext ?? []).not.toContain('ec2:InstanceType');
    expect(e.policies[0]?.verdict).toBe('implicit-deny');
    expect(cause(e, 'scp-deny')?.status).toBe('confirmed');
  });

  it('stated context still wins over the decoded values', () => {
    const e = run(runInstances, [{ kind: 'scp', name: 't3 only', document: typeAllowList }], { 'ec2:InstanceType': 't3.micro' });
    expect(e.policies[0]?.verdict).toBe('allow');
    expect(cause(e, 'scp-deny')?.status).toBe('ruled-out');
  });
});
