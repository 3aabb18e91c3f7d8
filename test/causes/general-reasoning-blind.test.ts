/**
 * A rule found by the blind measurement (test/causes/blind.test.ts, b18), checked on fresh inputs both ways:
 * a web-identity trust that names only OIDC providers of another account than the role's cannot match.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ROLE_ACCT = '303030303030';
const message = `An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\nrole-to-assume: arn:aws:iam::${ROLE_ACCT}:role/ci-release`;
const trust = (acct: string) => ({
  kind: 'trust' as const,
  document: {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${acct}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    }],
  },
});
const status = (input: Parameters<typeof explain>[0], id: string) => explain(input).causes.find((c) => c.id === id)?.status;

describe("a web-identity trust naming another account's OIDC provider", () => {
  it('confirms oidc-provider-missing when the role account is known from aws:ResourceAccount', () => {
    expect(status({ message: 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity', policies: [trust('404040404040')], context: { 'aws:ResourceAccount': ROLE_ACCT } }, 'oidc-provider-missing')).toBe('confirmed');
  });
  it('is not confirmed when the trust names the role account\'s own provider', () => {
    expect(status({ message: 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity', policies: [trust(ROLE_ACCT)], context: { 'aws:ResourceAccount': ROLE_ACCT } }, 'oidc-provider-missing')).not.toBe('confirmed');
  });
  it('is not confirmed when the role account is unknown', () => {
    expect(status({ message: 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity', policies: [trust('404040404040')] }, 'oidc-provider-missing')).not.toBe('confirmed');
  });
  it('reads the role account from the role ARN in the paste too, and ranks the cause first only then', () => {
    const other = explain({ message, policies: [trust('404040404040')] }).causes[0];
    expect(other).toMatchObject({ id: 'oidc-provider-missing', status: 'confirmed' });
    expect(status({ message, policies: [trust(ROLE_ACCT)] }, 'oidc-provider-missing')).not.toBe('confirmed');
  });
});
