/**
 * Facts only one cause can derive (CauseDefinition.facts): condition-tags fills the tag key and
 * value its failing condition expects into its fix, for the caller's kind of principal; the facts
 * stay that cause's, fill only what the answer's facts leave empty, and a throwing derivation
 * leaves the placeholders.
 */
import { describe, expect, it } from 'vitest';
import { explain, parseError } from '../../src/core/index.js';
import { causeContext } from '../../src/core/causes/index.js';
import { factsFor } from '../../src/core/causes/service-facts.js';
import type { CauseDefinition } from '../../src/core/causes/types.js';
import type { ExplainInput } from '../../src/core/types.js';

const SESSION = 'arn:aws:sts::111111111111:assumed-role/ci-runner/gha-1234';
const message = (caller = SESSION) =>
  `An error occurred (AccessDenied) when calling the AssumeRole operation: User: ${caller} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deployer`;
const withTrustCondition = (condition: object, caller?: string): ExplainInput => ({
  message: message(caller),
  policies: [
    { kind: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: condition }] } },
    { kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/deploy*' }] } },
  ],
});
const tagFix = (input: ExplainInput) => {
  const c = explain(input).causes.find((x) => x.id === 'condition-tags');
  expect(c, 'condition-tags is considered').toBeDefined();
  return c!.fix.commands;
};

describe('condition-tags fills the tag its condition expects', () => {
  it('a role session: tag-role with the key and value of aws:PrincipalTag/<key>', () => {
    expect(tagFix(withTrustCondition({ StringEquals: { 'aws:PrincipalTag/team': 'platform' } })))
      .toEqual(['aws iam tag-role --role-name ci-runner --tags Key=team,Value=platform --profile <caller-account-profile>']);
  });

  it('an IAM user: tag-user, not tag-role', () => {
    expect(tagFix(withTrustCondition({ StringEquals: { 'aws:PrincipalTag/CostCenter': '4711' } }, 'arn:aws:iam::111111111111:user/alice')))
      .toEqual(['aws iam tag-user --user-name alice --tags Key=CostCenter,Value=4711 --profile <caller-account-profile>']);
  });

  it('a value with spaces is quoted for the shell', () => {
    expect(tagFix(withTrustCondition({ StringEquals: { 'aws:PrincipalTag/team': 'data platform' } }))[0])
      .toContain("Key=team,Value='data platform'");
  });

  it('a pattern, a policy variable or a negation gives the key but leaves the value to the person', () => {
    for (const condition of [
      { StringLike: { 'aws:PrincipalTag/team': 'plat*' } },
      { StringEquals: { 'aws:PrincipalTag/team': '${aws:ResourceTag/team}' } },
      { StringNotEquals: { 'aws:PrincipalTag/team': 'contractors' } },
    ]) {
      const [cmd] = tagFix(withTrustCondition(condition));
      expect(cmd, JSON.stringify(condition)).toContain('--tags Key=team,Value=<tag-value>');
    }
  });

  it('a condition on another tag key (aws:RequestTag) does not name a principal tag', () => {
    expect(tagFix(withTrustCondition({ StringEquals: { 'aws:RequestTag/env': 'prod' } }))[0]).toContain('Key=<tag-key>,Value=<tag-value>');
  });

  it('without pasted policies the placeholders stay', () => {
    expect(tagFix({ message: `${message()} because the condition on aws:PrincipalTag/team was not met` }).every((c) => c.includes('<tag-key>'))).toBe(true);
  });
});

describe('factsFor', () => {
  const ctx = () => causeContext({ parsed: parseError(message()).parsed, policies: [], evaluation: null, request: {}, context: {}, text: message() });
  const def = (facts: CauseDefinition['facts']) => ({ id: 'x', title: 'x', summary: 'x', family: 'x', prior: 1, appliesTo: () => true, signals: [], confirm: [], fix: { description: '', commands: [] }, docs: [], facts }) as CauseDefinition;

  it('the cause\'s own facts fill empty keys of a copy; the answer\'s facts are unchanged and win', () => {
    const c = ctx();
    const before = { ...c.facts };
    const out = factsFor(def(() => ({ tagKey: 'team', targetRoleName: 'other' })), c);
    expect(out.tagKey).toBe('team');
    expect(out.targetRoleName).toBe('deployer'); // known from the message: not overwritten
    expect(c.facts).toEqual(before);
    expect(c.facts.tagKey).toBeUndefined();
  });

  it('a throwing derivation leaves the answer\'s facts as they are', () => {
    const c = ctx();
    expect(factsFor(def(() => { throw new Error('bug'); }), c)).toBe(c.facts);
  });
});
