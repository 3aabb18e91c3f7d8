/**
 * Rules found by the blind measurement (test/causes/blind.test.ts), checked on fresh inputs both ways:
 * - b18: a web-identity trust that names only OIDC providers of another account than the role's cannot match (since blind
 *   round 12, decision 032: trust-principal-wrong-account, the provider having been found);
 * - b05: a SAML assertion attribute other than SAML:aud (SAML:sub_type …) in a trust condition is a condition like any
 *   other (condition-other); and when a SAML or web-identity call names no provider, a trust's Federated principal of
 *   the same kind may be the call's (unknown, not a mismatch), so its conditions are still weighed.
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
  // blind round 12 (docs/decisions/032): a plain AccessDenied means STS found the role account's own provider, so the
  // trust's Federated principal in another account is trust-principal-wrong-account (b18 accepts either id)
  it('confirms trust-principal-wrong-account (not oidc-provider-missing) when the role account is known from aws:ResourceAccount', () => {
    const input = { message: 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity', policies: [trust('404040404040')], context: { 'aws:ResourceAccount': ROLE_ACCT } };
    expect(status(input, 'trust-principal-wrong-account')).toBe('confirmed');
    expect(status(input, 'oidc-provider-missing')).not.toBe('confirmed');
  });
  it('is not confirmed when the trust names the role account\'s own provider', () => {
    expect(status({ message: 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity', policies: [trust(ROLE_ACCT)], context: { 'aws:ResourceAccount': ROLE_ACCT } }, 'oidc-provider-missing')).not.toBe('confirmed');
  });
  it('is not confirmed when the role account is unknown', () => {
    expect(status({ message: 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity', policies: [trust('404040404040')] }, 'oidc-provider-missing')).not.toBe('confirmed');
  });
  it('reads the role account from the role ARN in the paste too, and ranks the cause first only then', () => {
    const other = explain({ message, policies: [trust('404040404040')] }).causes[0];
    expect(other).toMatchObject({ id: 'trust-principal-wrong-account', status: 'confirmed' });
    expect(status({ message, policies: [trust(ROLE_ACCT)] }, 'oidc-provider-missing')).not.toBe('confirmed');
  });
});

describe('a SAML attribute other than SAML:aud in the trust condition', () => {
  const paste = '$ aws sts assume-role-with-saml --role-arn arn:aws:iam::505050505050:role/Readers --principal-arn arn:aws:iam::505050505050:saml-provider/Okta --saml-assertion file://assertion.b64\nAn error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML';
  const samlTrust = {
    kind: 'trust' as const,
    document: {
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::505050505050:saml-provider/Okta' }, Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml', 'SAML:sub_type': 'persistent' } },
      }],
    },
  };
  const answer = (subType: string) => explain({ message: paste, policies: [samlTrust], context: { 'SAML:aud': 'https://signin.aws.amazon.com/saml', 'SAML:sub_type': subType } });
  it('confirms condition-other when the assertion carries another value', () => {
    expect(answer('transient').causes[0]).toMatchObject({ id: 'condition-other', status: 'confirmed' });
  });
  it('rules it out when the value matches', () => {
    expect(answer('persistent').causes.find((c) => c.id === 'condition-other')?.status).toBe('ruled-out');
  });
  it('leaves SAML:aud to saml-aud-mismatch', () => {
    const wrongAud = explain({ message: paste, policies: [samlTrust], context: { 'SAML:aud': 'https://example.com/acs', 'SAML:sub_type': 'persistent' } });
    expect(wrongAud.causes.find((c) => c.id === 'saml-aud-mismatch')?.status).toBe('confirmed');
    expect(wrongAud.causes.find((c) => c.id === 'condition-other')?.status).not.toBe('confirmed');
  });
});

describe('a federated call that names no provider', () => {
  const bare = 'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML';
  const trustWith = (federated: string) => ({
    kind: 'trust' as const,
    document: {
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow', Principal: { Federated: federated }, Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml', 'SAML:edupersonaffiliation': 'staff' } },
      }],
    },
  });
  const context = { 'SAML:aud': 'https://signin.aws.amazon.com/saml', 'SAML:edupersonaffiliation': 'student' };
  it("still weighs the conditions of a trust statement whose Federated principal is a SAML provider", () => {
    const first = explain({ message: bare, policies: [trustWith('arn:aws:iam::606060606060:saml-provider/Shibboleth')], context }).causes[0];
    expect(first).toMatchObject({ id: 'condition-other', status: 'confirmed' });
  });
  it('but not one that trusts an OIDC provider (another kind of IdP)', () => {
    const answer = explain({ message: bare, policies: [trustWith('arn:aws:iam::606060606060:oidc-provider/token.actions.githubusercontent.com')], context });
    expect(answer.causes.find((c) => c.id === 'condition-other')?.status).not.toBe('confirmed');
  });
});
