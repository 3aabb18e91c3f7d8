/**
 * General reasoning added after the fourth blind round (blind4.test.ts: e12, e20; e13 is in service-use.test.ts),
 * each rule checked on inputs written for it, not the round's fixtures, and both ways: the new case ranks right,
 * and a near miss (the fact the rule reads is absent, ambiguous or different) does not change. Facts from AWS and
 * GitHub documentation (docs/decisions/021): SAML:aud comes from the assertion's Recipient, not its Audience; STS
 * answers a rejected assertion with InvalidIdentityToken / ExpiredToken, a trust refusal with AccessDenied.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { samlRecipient } from '../../src/core/policy/command-request.js';
import type { ExplainInput } from '../../src/core/types.js';

const answer = (input: ExplainInput) => explain(input).causes;
const live = (input: ExplainInput) => answer(input).filter((c) => c.status !== 'ruled-out');
const find = (input: ExplainInput, id: string) => answer(input).find((c) => c.id === id);
/** 1-based rank among the causes not ruled out; 0 when ruled out or absent. */
const rankOf = (input: ExplainInput, id: string) => live(input).findIndex((c) => c.id === id) + 1;
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

describe('SAML:aud from the Recipient the pasted assertion shows', () => {
  const PROVIDER = 'arn:aws:iam::552019384766:saml-provider/okta-corp';
  const ROLE = 'arn:aws:iam::552019384766:role/okta-readonly';
  // the AWS CLI with a decoded assertion (xmllint), not saml2aws's verbose grep
  const paste = (recipients: string[], error = 'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML') => ({
    message: [
      '$ base64 -d resp.b64 | xmllint --format - | grep -E "Recipient|NotOnOrAfter"',
      ...recipients.map((r) => `      <saml2:SubjectConfirmationData NotOnOrAfter="2026-09-14T17:02:11.000Z" Recipient="${r}"/>`),
      `$ aws sts assume-role-with-saml --role-arn ${ROLE} --principal-arn ${PROVIDER} --saml-assertion file://resp.b64`,
      '',
      error,
    ].join('\n'),
    policies: [{ kind: 'trust' as const, document: doc({ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://us-west-2.signin.aws.amazon.com/saml' } } }) }],
  });

  it('reads the Recipient from XML attributes and from a decoded assertion as JSON, only when every occurrence agrees', () => {
    expect(samlRecipient('<SubjectConfirmationData Recipient=\'https://signin.aws.amazon.com/saml\' />')).toBe('https://signin.aws.amazon.com/saml');
    expect(samlRecipient('{ "SubjectConfirmationData": { "Recipient": "https://ap-south-1.signin.aws.amazon.com/saml" } }')).toBe('https://ap-south-1.signin.aws.amazon.com/saml');
    expect(samlRecipient('Recipient="https://signin.aws.amazon.com/saml" … Recipient="https://eu-west-1.signin.aws.amazon.com/saml"')).toBeNull();
    expect(samlRecipient('Recipient="not a url"')).toBeNull();
  });
  it('confirms saml-aud-mismatch first when the global Recipient meets a trust that wants the Regional URL', () => {
    const input = paste(['https://signin.aws.amazon.com/saml']);
    expect(live(input)[0]?.id).toBe('saml-aud-mismatch');
    expect(live(input)[0]?.status).toBe('confirmed');
    expect(explain(input).evaluation?.decision).toBe('implicit-deny');
  });
  it('rules it out when the Recipient is the one the trust wants', () => {
    const input = paste(['https://us-west-2.signin.aws.amazon.com/saml']);
    expect(find(input, 'saml-aud-mismatch')?.status).toBe('ruled-out');
  });
  it('near misses: two different Recipients, or none, leave SAML:aud unknown; a stated SAML:aud wins over the text', () => {
    expect(find(paste(['https://signin.aws.amazon.com/saml', 'https://us-west-2.signin.aws.amazon.com/saml']), 'saml-aud-mismatch')?.status).not.toBe('confirmed');
    expect(find(paste([]), 'saml-aud-mismatch')?.status).not.toBe('confirmed');
    const stated = { ...paste(['https://signin.aws.amazon.com/saml']), context: { 'SAML:aud': 'https://us-west-2.signin.aws.amazon.com/saml' } };
    expect(find(stated, 'saml-aud-mismatch')?.status).toBe('ruled-out');
  });
  it('does not read an expired assertion from a NotOnOrAfter it has no time to compare with, after an AccessDenied', () => {
    const input = paste(['https://us-west-2.signin.aws.amazon.com/saml']);
    const inv = find(input, 'saml-assertion-invalid');
    expect(inv?.evidence.some((e) => /outside its validity window/.test(e.text)) ?? false).toBe(false);
    expect(rankOf(input, 'saml-assertion-invalid') === 0 || rankOf(input, 'saml-assertion-invalid') > 3).toBe(true);
  });
  it('still ranks the assertion first when STS says it is expired or invalid (InvalidIdentityToken / ExpiredToken)', () => {
    const expired = paste(['https://us-west-2.signin.aws.amazon.com/saml'], 'An error occurred (ExpiredTokenException) when calling the AssumeRoleWithSAML operation: Token is expired');
    expect(live(expired)[0]?.id).toBe('saml-assertion-invalid');
    // the exchange is not signed with AWS credentials: neither stale nor other credentials are the cause
    expect(find(expired, 'wrong-credentials-in-use')).toBeUndefined();
    expect(find(expired, 'expired-token')?.evidence.some((e) => e.text.includes('source session'))).toBe(false);
    const invalid = paste(['https://us-west-2.signin.aws.amazon.com/saml'], 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithSAML operation: Invalid SAML Response: Response signature invalid');
    expect(live(invalid)[0]?.id).toBe('saml-assertion-invalid');
  });
});

describe('GitHub: the sub built from what the text shows, and the provider a plain refusal found', () => {
  const GH = 'token.actions.githubusercontent.com';
  const ROLE = 'arn:aws:iam::604418297350:role/ci-release';
  // a caller pinning the shared release workflow to a branch, a sub customised to job_workflow_ref only (GitHub's own example)
  const paste = ({ uses = ['acme-tools/ci-library/.github/workflows/release.yml@release-2026'], template = '{"use_default":false,"include_claim_keys":["job_workflow_ref"]}' } = {}) => [
    '# .github/workflows/publish.yml',
    'jobs:',
    ...uses.map((u, i) => `  publish${i}:\n    uses: ${u}\n    secrets: inherit`),
    '$ gh api repos/acme-tools/storefront/actions/oidc/customization/sub',
    template,
    'Run aws-actions/configure-aws-credentials@v4',
    `    role-to-assume: ${ROLE}`,
    'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity',
  ].join('\n');
  const trust = (sub: string, op = 'StringEquals', provider = `arn:aws:iam::604418297350:oidc-provider/${GH}`) => ({
    kind: 'trust' as const,
    document: doc({ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, [op]: { [`${GH}:sub`]: sub } } }),
  });
  const MAIN = `job_workflow_ref:acme-tools/ci-library/.github/workflows/release.yml@refs/heads/main`;

  it('confirms oidc-sub-mismatch when the workflow the job calls, at the ref it pins, cannot meet the trusted sub', () => {
    const input = { message: paste(), policies: [trust(MAIN)] };
    expect(live(input)[0]?.id).toBe('oidc-sub-mismatch');
    expect(live(input)[0]?.status).toBe('confirmed');
    expect(live(input)[0]?.evidence.some((e) => e.text.includes('ref path ending in release-2026'))).toBe(true);
  });
  it('near misses: the trusted ref is the one pinned, two reusable workflows, or the default template leave the sub undecided', () => {
    const same = { message: paste(), policies: [trust('job_workflow_ref:acme-tools/ci-library/.github/workflows/release.yml@refs/heads/release-2026')] };
    expect(find(same, 'oidc-sub-mismatch')?.status).toBe('possible');
    const two = { message: paste({ uses: ['acme-tools/ci-library/.github/workflows/release.yml@release-2026', 'acme-tools/ci-library/.github/workflows/notify.yml@main'] }), policies: [trust(MAIN)] };
    expect(find(two, 'oidc-sub-mismatch')?.status).toBe('possible');
    const dflt = { message: paste({ template: '{"use_default":true}' }), policies: [trust(MAIN)] };
    expect(find(dflt, 'oidc-sub-mismatch')?.status).toBe('possible');
  });
  it('reads context and repo as holes: a StringLike that any context could meet stays undecided, one whose tail cannot is confirmed', () => {
    const template = '{"use_default":false,"include_claim_keys":["repo","context","job_workflow_ref"]}';
    const open = { message: paste({ template }), policies: [trust('repo:acme-tools/*:*:job_workflow_ref:acme-tools/ci-library/.github/workflows/release.yml@*', 'StringLike')] };
    expect(find(open, 'oidc-sub-mismatch')?.status).toBe('possible');
    const closed = { message: paste({ template }), policies: [trust(`repo:acme-tools/*:ref:refs/heads/main:${MAIN}`, 'StringLike')] };
    expect(find(closed, 'oidc-sub-mismatch')?.status).toBe('confirmed');
  });
  it('rules oidc-provider-missing out for a GitHub job whose trust names GitHub\'s issuer; an enterprise issuer or another provider keeps it open', () => {
    expect(find({ message: paste(), policies: [trust(MAIN)] }, 'oidc-provider-missing')?.status).toBe('ruled-out');
    const enterprise = { message: paste(), policies: [trust(MAIN, 'StringEquals', `arn:aws:iam::604418297350:oidc-provider/${GH}/acme-tools`)] };
    expect(find(enterprise, 'oidc-provider-missing')?.status).not.toBe('ruled-out');
    const other = { message: paste(), policies: [trust(MAIN, 'StringEquals', 'arn:aws:iam::604418297350:oidc-provider/gitlab.acme.example')] };
    expect(find(other, 'oidc-provider-missing')?.status).not.toBe('ruled-out');
  });
});
