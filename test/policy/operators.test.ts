/**
 * Operator-level differential against @cloud-copilot/iam-simulate (AGPL; test-only): one Allow statement
 * with one condition, engine and oracle must agree. Undocumented variable syntaxes (a default without
 * the space after the comma, double-quoted defaults) are not listed: AWS documents only `${key, 'default'}`.
 */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { simulate } from '../../src/core/policy/index.js';
const P = 'arn:aws:iam::111111111111:user/alice';
const cases: Array<[string, string, string | string[] | string[][], string | string[] | null]> = [
  ['Bool', 'aws:SecureTransport', 'True', 'true'], ['Bool', 'aws:SecureTransport', 'true', 'TRUE'], ['Bool', 'aws:SecureTransport', 'yes', 'true'],
  ['NumericEquals', 'aws:MultiFactorAuthAge', '1.0', '1'], ['NumericLessThan', 'aws:MultiFactorAuthAge', '10.5', '10.25'], ['NumericEquals', 'aws:MultiFactorAuthAge', ' 5', '5'], ['NumericEquals', 'aws:MultiFactorAuthAge', '0x10', '16'], ['NumericEquals', 'aws:MultiFactorAuthAge', '1e3', '1000'],
  ['DateEquals', 'aws:CurrentTime', '2026-01-01', '2026-01-01T00:00:00Z'], ['DateLessThan', 'aws:CurrentTime', '2026-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z'], ['DateGreaterThan', 'aws:CurrentTime', '2026-01-01T00:00:00+02:00', '2025-12-31T23:00:00Z'],
  ['StringEqualsIgnoreCase', 'aws:PrincipalTag/team', 'ÄBC', 'äbc'], ['StringLike', 'aws:PrincipalTag/team', 'a*b?c', 'axxbyc'], ['StringLike', 'aws:PrincipalTag/team', '*', ''], ['StringEquals', 'aws:PrincipalTag/team', '', ''],
  ['IpAddress', 'aws:SourceIp', '10.0.0.0/8', '10.0.0.1'], ['IpAddress', 'aws:SourceIp', '::ffff:10.0.0.0/104', '10.0.0.1'], ['IpAddress', 'aws:SourceIp', '10.0.0.0/8', '::ffff:10.0.0.1'], ['IpAddress', 'aws:SourceIp', '2001:DB8::/32', '2001:db8::1'], ['IpAddress', 'aws:SourceIp', '10.1.2.3/8', '10.9.9.9'], ['NotIpAddress', 'aws:SourceIp', '10.0.0.0/8', 'garbage'],
  ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket-a'], ['ArnLike', 'aws:SourceArn', 'arn:aws:*', 'arn:aws:s3:::b'], ['ArnEquals', 'aws:SourceArn', 'arn:aws:s3:::B', 'arn:aws:s3:::b'], ['ArnLike', 'aws:SourceArn', '*', 'arn:aws:s3:::b'], ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::b', 'not-an-arn'], ['ArnNotLike', 'aws:SourceArn', 'arn:aws:s3:::b', 'not-an-arn'],
  ['Null', 'aws:PrincipalTag/team', 'TRUE', null], ['Null', 'aws:PrincipalTag/team', 'yes', null],
  ['StringEquals', 'aws:PrincipalTag/team', '${aws:username}', 'alice'], ['StringEquals', 'aws:PrincipalTag/team', '${aws:Username}', 'alice'], ['StringEquals', 'aws:PrincipalTag/team', '${ aws:username }', 'alice'], ['StringEquals', 'aws:PrincipalTag/team', "${aws:nothing, 'dflt'}", 'dflt'], ['StringLike', 'aws:PrincipalTag/team', '${*}', 'anything'], ['StringLike', 'aws:PrincipalTag/team', 'a${?}', 'a?'],
  ['StringEqualsIfExists', 'aws:PrincipalTag/team', 'x', null], ['StringNotLikeIfExists', 'aws:PrincipalTag/team', 'x', null], ['NumericLessThanIfExists', 'aws:MultiFactorAuthAge', '5', null], ['ForAllValues:StringEquals', 'aws:TagKeys', 'a', []], ['ForAnyValue:StringEquals', 'aws:TagKeys', 'a', []],
  ['StringEquals', 'aws:PrincipalTag/team', 'a', ['a']],
];
describe('operators: engine vs oracle', () => {
  it.each(cases)('%s %s %j vs %j', async (op, key, pv, cv) => {
  const ctx: Record<string, string | string[]> = { 'aws:username': 'alice' };
  if (cv !== null) ctx[key] = cv as string | string[];
  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { [op]: { [key]: pv } } }] };
  const o: any = await runSimulation({ request: { principal: P, action: 's3:GetObject', resource: { resource: 'arn:aws:s3:::b/k', accountId: '111111111111' }, contextVariables: ctx }, identityPolicies: [{ name: 'i', policy: doc }], serviceControlPolicies: [], resourceControlPolicies: [] } as any, {});
  const od = o.resultType === 'error' ? 'ERR' : o.overallResult === 'Allowed' ? 'allow' : 'implicit-deny';
  const m = simulate({ principal: P, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '111111111111', context: ctx, policies: [{ document: doc }] }).decision;
  expect(od).not.toBe('ERR');
  expect(m).toBe(od);
  });
});
