/**
 * A paste that names one SAML provider outside any marker of the call (a tool's log line, a note beside the error),
 * against a pasted trust naming another: the pair error ranks first, above the role typo (not proven: the call's own
 * provider is not shown).
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const message = (provider: string) => `Error: operation error STS: AssumeRoleWithSAML, https response error StatusCode: 403, RequestID: 9f2c, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML\nrole: arn:aws:iam::333333333333:role/Okta-Admin\nprincipal: ${provider}`;
const trust = { kind: 'trust' as const, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::333333333333:saml-provider/okta-prod' }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }] } };
const pair = (a: ReturnType<typeof explain>) => a.causes.find((c) => c.id === 'saml-role-provider-pair');

describe('a SAML provider the paste names, against the trust', () => {
  it('one the trust does not name puts the pair error first, well above the role typo', () => {
    const a = explain({ message: message('arn:aws:iam::333333333333:saml-provider/Okta'), policies: [trust] });
    expect(a.causes[0]?.id).toBe('saml-role-provider-pair');
    const typo = a.causes.find((c) => c.id === 'role-missing-or-typo');
    expect(a.causes[0]!.score - (typo?.score ?? 0)).toBeGreaterThan(0.05);
    expect(a.causes[0]?.evidence.some((e) => e.text.includes('The paste names the SAML provider arn:aws:iam::333333333333:saml-provider/Okta'))).toBe(true);
  });
  it('near miss: the trusted provider itself says nothing against the pair', () => {
    const a = explain({ message: message('arn:aws:iam::333333333333:saml-provider/okta-prod'), policies: [trust] });
    const typo = a.causes.find((c) => c.id === 'role-missing-or-typo');
    expect(pair(a)!.score - (typo?.score ?? 0)).toBeLessThan(0.05);
    expect(pair(a)?.evidence.some((e) => e.text.includes('The paste names the SAML provider'))).toBe(false);
  });
  it('near miss: two providers named leave it unknown which one the call used', () => {
    const a = explain({ message: `${message('arn:aws:iam::333333333333:saml-provider/Okta')}\nalso tried arn:aws:iam::333333333333:saml-provider/Azure`, policies: [trust] });
    expect(pair(a)?.evidence.some((e) => e.text.includes('The paste names the SAML provider'))).toBe(false);
  });
});
