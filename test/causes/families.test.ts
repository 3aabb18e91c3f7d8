/**
 * The session-tag, request, target, credential, web-identity, SAML, service, S3 and KMS cause
 * families through the whole pipeline (`explain`): each cause ranks first in its case, and is
 * ruled out where a pasted policy or a request fact disproves it.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { FAMILY_FIRST, FAMILY_RULED_OUT } from './family-cases.js';

const MINE = [
  'tagsession-not-allowed', 'setsourceidentity-not-allowed', 'packed-policy-too-large',
  'duration-exceeds-max', 'role-chaining-1h-limit', 'rolesessionname-invalid',
  'role-missing-or-typo', 'rolearn-not-a-role',
  'wrong-credentials-in-use', 'expired-token', 'invalid-token', 'sts-region-disabled', 'global-endpoint-v1-token-optin-region', 'iam-eventual-consistency',
  'oidc-provider-missing', 'oidc-audience-mismatch', 'oidc-thumbprint-legacy', 'oidc-jwks-unreachable', 'oidc-sub-mismatch',
  'irsa-service-account-misconfigured', 'github-missing-id-token-permission', 'webidentity-token-expired',
  'saml-role-provider-pair', 'saml-aud-mismatch', 'saml-assertion-invalid',
  'resource-policy-missing-grant', 'resource-policy-explicit-deny', 'missing-passrole', 'resource-missing-masked',
  's3-block-public-access', 's3-object-ownership', 's3-sse-kms-permissions', 's3-requester-pays', 's3-object-lock', 's3-access-point', 's3-sse-c-blocked',
  'kms-key-policy-missing-grant', 'kms-aws-managed-key-cross-account', 'kms-grant-pending', 'kms-condition-unmet', 'kms-wrong-key-or-region',
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
