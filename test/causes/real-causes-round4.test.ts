/**
 * Round 4: 28 new real messages from public issue threads (test/fixtures/extra/real-errors-round4.jsonl),
 * 27 with a cause the thread states (real-causes-round4.jsonl), scored from the message alone with
 * score.mjs's rule (rank among causes not ruled out). Bars are what this build reaches
 * (run 2026-11-30: top-1 23/27, top-3 27/27; before this round's changes 22/27 and 25/27). The
 * top-1 misses carry little hint in the text: an UnrecognizedClientException from a wrong profile,
 * ecr:GetAuthorizationToken scoped to a repository (the same wording elsewhere is a missing Allow),
 * a missing SSM parameter behind "no identity-based policy allows", and a logs ARN that looks like a
 * sub-resource.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { describeLabeledRound } from './held-out.js';

describeLabeledRound({ name: 'round-4 real labeled messages (message only)', errorsFile: 'real-errors-round4.jsonl', causesFile: 'real-causes-round4.jsonl', minLabels: 27, top1Bar: 0.85, top3Bar: 1 });

describe('role and user creation suggests a permissions boundary when AWS names no policy type', () => {
  const top3 = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').slice(0, 3).map((c) => c.id);
  const base = 'User: arn:aws:iam::111122223333:user/ci is not authorized to perform: ACTION on resource: arn:aws:iam::111122223333:role/app';
  it.each([
    ['iam:CreateRole', true],
    ['iam:PutRolePermissionsBoundary', true],
    ['iam:GetRole', false],
    ['iam:UpdateRole', false],
  ])('%s → boundary in the top 3: %s', (action, expected) => {
    expect(top3(base.replace('ACTION', action)).includes('permissions-boundary')).toBe(expected);
  });
  it('not when AWS says the identity-based policy is what lacks the Allow', () => {
    expect(top3(`${base.replace('ACTION', 'iam:CreateRole')} because no identity-based policy allows the iam:CreateRole action`)).not.toContain('permissions-boundary');
  });
});

describe('an SSM read denied on arn:…:ssm:<region>:<account>:* points at a missing parameter', () => {
  const ids = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);
  const msg = (res: string) => `User: arn:aws:sts::111122223333:assumed-role/app/s is not authorized to perform: ssm:GetParameter on resource: ${res}`;
  it('ranks resource-missing-masked in the top 3 for the account wildcard', () => {
    expect(ids(msg('arn:aws:ssm:eu-west-1:111122223333:*')).slice(0, 3)).toContain('resource-missing-masked');
  });
  it('not for a resolved parameter ARN', () => {
    expect(ids(msg('arn:aws:ssm:eu-west-1:111122223333:parameter/app/db')).slice(0, 3)).not.toContain('resource-missing-masked');
  });
  it('not for an explicit deny', () => {
    expect(ids(`${msg('arn:aws:ssm:eu-west-1:111122223333:*')} with an explicit deny in an identity-based policy`).slice(0, 3)).not.toContain('resource-missing-masked');
  });
});
