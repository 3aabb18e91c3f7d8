/**
 * The session-tag, request, target, credential, web-identity, SAML, service, S3 and KMS cause
 * families through the whole pipeline (`explain`): each cause ranks first in its case, and is
 * ruled out where a pasted policy or a request fact disproves it.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { FAMILY_FIRST, FAMILY_RULED_OUT } from './family-cases.js';
import { causeContext } from '../../src/core/causes/index.js';
import { factsFor, familyFacts, providerFacts } from '../../src/core/causes/service-facts.js';
import { definitionOf, definitions } from '../../src/core/causes/catalog.js';

const MINE = [
  'tagsession-not-allowed', 'setsourceidentity-not-allowed', 'packed-policy-too-large',
  'duration-exceeds-max', 'role-chaining-1h-limit', 'rolesessionname-invalid',
  'role-missing-or-typo', 'rolearn-not-a-role',
  'wrong-credentials-in-use', 'credentials-not-found', 'expired-token', 'invalid-token', 'sts-region-disabled', 'global-endpoint-v1-token-optin-region', 'iam-eventual-consistency',
  'oidc-provider-missing', 'oidc-audience-mismatch', 'oidc-thumbprint-legacy', 'oidc-jwks-unreachable', 'oidc-sub-mismatch',
  'irsa-service-account-misconfigured', 'github-missing-id-token-permission', 'webidentity-token-expired',
  'saml-role-provider-pair', 'saml-aud-mismatch', 'saml-assertion-invalid',
  'resource-policy-missing-grant', 'resource-policy-explicit-deny', 'missing-passrole', 'resource-missing-masked',
  's3-block-public-access', 's3-object-ownership', 's3-sse-kms-permissions', 's3-requester-pays', 's3-object-lock', 's3-access-point', 's3-sse-c-blocked',
  'kms-key-policy-missing-grant', 'kms-aws-managed-key-cross-account', 'kms-grant-pending', 'kms-condition-unmet', 'kms-wrong-key-or-region',
  'lake-formation-grant-missing',
];

describe('cause families: each cause ranks first in its case', () => {
  it('has a case for every cause of these families', () => {
    expect(Object.keys(FAMILY_FIRST).sort()).toEqual([...MINE].sort());
  });

  it.each(MINE.map((id) => [id] as const))('%s', (id) => {
    const answer = explain(FAMILY_FIRST[id]!);
    const live = answer.causes.filter((c) => c.status !== 'ruled-out');
    expect(live[0]?.id, live.slice(0, 3).map((c) => `${c.id}(${c.status} ${c.score})`).join(', ')).toBe(id);
    // the leading cause explains itself and tells how to confirm and fix it
    expect(live[0]!.evidence.length).toBeGreaterThan(0);
    expect(live[0]!.confirm.length).toBeGreaterThan(0);
    expect(live[0]!.fix.description.length).toBeGreaterThan(10);
  });
});

describe('cause families: ruled out by a pasted policy or a request fact', () => {
  it.each(FAMILY_RULED_OUT.map((c) => [c.id, c.why, c] as const))('%s when %s', (id, _why, c) => {
    const answer = explain(c.input);
    const found = answer.causes.find((x) => x.id === id);
    if (found) expect(found.status, found.evidence.map((e) => e.text).join(' | ')).toBe('ruled-out');
    else expect(found).toBeUndefined();
  });
});

describe('cause families: reasoning details', () => {
  const samlTrust = { kind: 'trust' as const, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::222222222222:saml-provider/Okta' }, Action: 'sts:AssumeRoleWithSAML' }] } };

  it('a SAML trust without sts:TagSession proves the tag cause when the IdP sends tags', () => {
    const a = explain({ message: 'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML', policies: [samlTrust], request: { sessionTags: { Department: 'eng' } } });
    expect(a.causes[0]?.id).toBe('tagsession-not-allowed');
    expect(a.causes[0]?.status).toBe('confirmed');
    expect(JSON.stringify(a.causes[0]?.fix.policy)).toContain('sts:TagSession');
  });

  it('a trust naming another cluster\'s OIDC provider points at the provider, not the subject', () => {
    const a = explain({
      message: 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity',
      policies: [{ kind: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::222222222222:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/OLD' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'oidc.eks.eu-west-1.amazonaws.com/id/OLD:sub': 'system:serviceaccount:app:api' } } }] } }],
      context: { 'oidc.eks.eu-west-1.amazonaws.com/id/NEW:sub': 'system:serviceaccount:app:api' },
    });
    expect(a.causes.filter((c) => c.status !== 'ruled-out')[0]?.id).toBe('oidc-provider-missing');
  });

  it('an AWS Batch node role is not an EKS pod falling back to its node', () => {
    const a = explain({ message: 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::111111111111:assumed-role/batch-compute-node/i-08d1f3a5c7e9b2d46 is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k"' });
    expect(a.causes.some((c) => c.id === 'irsa-service-account-misconfigured')).toBe(false);
  });

  it('an explicit Deny in the bucket policy is never proof of a missing grant', () => {
    const a = explain({
      message: 'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111111111111:assumed-role/app/x is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b/k" with an explicit deny in a resource-based policy',
      policies: [{ kind: 'resource', document: { Version: '2012-10-17', Statement: [{ Sid: 'OrgOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }] } }],
      context: { 'aws:PrincipalOrgID': 'o-other' },
    });
    expect(a.causes[0]?.id).toBe('resource-policy-explicit-deny');
    expect(a.causes.find((c) => c.id === 'resource-policy-missing-grant')?.status).not.toBe('confirmed');
  });

  it('the duration wording names the limit that failed', () => {
    const chain = explain({ message: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' });
    expect(chain.causes.some((c) => c.id === 'duration-exceeds-max')).toBe(false);
    const max = explain({ message: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });
    expect(max.causes.some((c) => c.id === 'role-chaining-1h-limit')).toBe(false);
  });
});

describe('family facts', () => {
  // causeContext fills the S3 names into ctx.facts; familyFacts alone must find the same. The OIDC
  // and SAML names (providerFacts) are merged by factsFor once a ranked cause's templates name one.
  const contextOf = (message: string) => causeContext({ parsed: explain({ message }).parsed, policies: [], evaluation: null, request: {}, context: {}, text: message });
  const derived = (input: { message: string }) => {
    const ctx = contextOf(input.message);
    const s3 = familyFacts({ ...ctx, facts: {} });
    expect(ctx.facts).toMatchObject(s3);
    const own = { ...s3, ...providerFacts({ ...ctx, facts: {} }) };
    for (const def of definitions) factsFor(def, ctx);
    expect(ctx.facts).toMatchObject(own);
    return own;
  };

  it.each([
    ['an EKS issuer', 'InvalidIdentityToken: No OpenIDConnect provider found in your account for https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123.', { oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123', oidcIssuerHost: 'oidc.eks.eu-west-1.amazonaws.com' }],
    ['the GitHub issuer', 'Run aws-actions/configure-aws-credentials@v4\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity', { oidcIssuer: 'https://token.actions.githubusercontent.com' }],
    ['the SAML provider of the call', '$ aws sts assume-role-with-saml --role-arn arn:aws:iam::222222222222:role/R --principal-arn arn:aws:iam::222222222222:saml-provider/Okta --saml-assertion file://a\nAn error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML', { samlProviderArn: 'arn:aws:iam::222222222222:saml-provider/Okta' }],
    ['an s3:// URL', 'download failed: s3://reports-prod/2024/a.csv to ./a.csv An error occurred (403) when calling the HeadObject operation: Forbidden', { bucket: 'reports-prod', objectKey: '2024/a.csv' }],
  ])('derives %s', (_what, message, want) => {
    expect(derived({ message })).toMatchObject(want);
  });

  it('derives the provider names only for a cause whose templates name one', () => {
    const ctx = contextOf('InvalidIdentityToken: No OpenIDConnect provider found in your account for https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123.');
    expect(factsFor(definitionOf('wrong-credentials-in-use')!, ctx).oidcIssuer).toBeUndefined();
    expect(factsFor(definitionOf('oidc-provider-missing')!, ctx).oidcIssuer).toBe('https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123');
  });
});

describe('webidentity-token-expired', () => {
  const top = (message: string) => explain({ message }).causes[0];

  it('is likely when STS itself says the token expired (its dates or its wording)', () => {
    for (const message of [
      FAMILY_FIRST['webidentity-token-expired']!.message,
      'An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: Token expired: current date/time 1700000000 must be before the expiration date/time 1699990000',
    ]) {
      expect(top(message)?.id).toBe('webidentity-token-expired');
      expect(top(message)?.status, message).toBe('likely');
    }
  });

  it('stays possible for a bare expired-token code on AssumeRoleWithWebIdentity', () => {
    const c = top('An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: The security token included in the request is expired');
    expect(c?.id).toBe('webidentity-token-expired');
    expect(c?.status).toBe('possible');
  });
});
