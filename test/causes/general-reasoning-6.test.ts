/**
 * General reasoning added for held-out round 6 (real-causes-round6.test.ts), each checked on messages
 * that are not the round-6 fixtures, and each in both directions: the rule acts when its facts hold and
 * stays quiet when they do not.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const live = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);
const rank = (message: string, id: string) => live(message).indexOf(id) + 1 || Infinity;

describe('KMS\'s answer about a key, inside an S3 call', () => {
  const kmsAnswer = 'An error occurred (AccessDenied) when calling the GetObject operation: The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.';
  it('is SSE-KMS first, and not a missing object', () => {
    expect(live(`download failed: s3://ledger-exports/2026/11/q3.csv to ./q3.csv ${kmsAnswer}`)[0]).toBe('s3-sse-kms-permissions');
    expect(rank(kmsAnswer, 'resource-missing-masked')).toBeGreaterThan(3);
  });
  it('a plain missing key still reads as a missing object', () => {
    const msg = 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied\n# the key reports/2026/q3.csv does not exist in the bucket';
    expect(rank(msg, 'resource-missing-masked')).toBeLessThanOrEqual(3);
    expect(live(msg)).not.toContain('s3-sse-kms-permissions');
  });
});

describe('a refused part upload', () => {
  it('UploadPart with a bare Access Denied ranks SSE-KMS (kms:Decrypt) first', () => {
    expect(live('upload failed: ./backup.tar to s3://vault-archive/backup.tar An error occurred (AccessDenied) when calling the UploadPart operation: Access Denied')[0]).toBe('s3-sse-kms-permissions');
  });
  it('not when AWS names the policy type, nor for a single PutObject', () => {
    expect(live('An error occurred (AccessDenied) when calling the UploadPart operation: User: arn:aws:iam::210987654321:user/ops is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::vault-archive/backup.tar" because no identity-based policy allows the s3:PutObject action')[0]).toBe('identity-missing-allow');
    expect(live('An error occurred (AccessDenied) when calling the PutObject operation: Access Denied')).not.toContain('s3-sse-kms-permissions');
  });
});

describe('a bare denial of PutBucketPolicy', () => {
  it('puts Block Public Access in the top two', () => {
    expect(rank('An error occurred (AccessDenied) when calling the PutBucketPolicy operation: Access Denied', 's3-block-public-access')).toBeLessThanOrEqual(2);
    expect(rank('API: s3:PutBucketPolicy Access Denied', 's3-block-public-access')).toBeLessThanOrEqual(2);
  });
  it('not when S3 names the caller and the identity policy', () => {
    const msg = 'An error occurred (AccessDenied) when calling the PutBucketPolicy operation: User: arn:aws:iam::210987654321:user/ops is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::site-assets" because no identity-based policy allows the s3:PutBucketPolicy action';
    expect(live(msg)[0]).toBe('identity-missing-allow');
    expect(rank(msg, 's3-block-public-access')).toBeGreaterThan(2);
  });
});

describe('S3\'s InvalidToken is a credentials error', () => {
  const msg = 'An error occurred (InvalidToken) when calling the ListObjectsV2 operation: The provided token is malformed or otherwise invalid.';
  it('no policy cause, and the opt-in-Region token in the top three', () => {
    const ids = live(msg);
    expect(ids[0]).toBe('invalid-token');
    expect(ids).not.toContain('identity-missing-allow');
    expect(ids).not.toContain('resource-policy-missing-grant');
    expect(rank(msg, 'global-endpoint-v1-token-optin-region')).toBeLessThanOrEqual(3);
  });
  it('STS\'s invalid-key wording does not raise the opt-in-Region token as much', () => {
    const score = (m: string) => explain({ message: m }).causes.find((c) => c.id === 'global-endpoint-v1-token-optin-region')?.score ?? 0;
    expect(score('An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.')).toBeLessThan(score(msg));
  });
});

describe('a role session assuming a role of the same name, up to redaction', () => {
  const msg = (target: string) => `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::<ACCOUNT>:assumed-role/PlatformDeploy_<hidden>/jane is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::<ACCOUNT>:role/${target}`;
  it('the same prefix before the redaction is self-assumption', () => {
    expect(live(msg('PlatformDeploy_<hid'))[0]).toBe('trust-self-assumption-missing');
  });
  it('another name is not', () => {
    expect(live(msg('AuditReader_<hidden>'))).not.toContain('trust-self-assumption-missing');
  });
});

describe('no OIDC provider in the role\'s account', () => {
  it('keeps a wrong-account RoleArn in the top three', () => {
    expect(rank('An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://gitlab.example.org', 'role-missing-or-typo')).toBeLessThanOrEqual(3);
  });
  it('an audience error does not raise it', () => {
    expect(live('An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience')).not.toContain('role-missing-or-typo');
  });
});

describe('GetSessionToken / GetFederationToken with session credentials', () => {
  it('is the wrong (temporary) credentials', () => {
    expect(live('An error occurred (AccessDenied) when calling the GetFederationToken operation: Cannot call GetFederationToken with session credentials')[0]).toBe('wrong-credentials-in-use');
    expect(explain({ message: 'AccessDenied: Cannot call GetSessionToken with session credentials' }).parsed.action).toBe('sts:GetSessionToken');
  });
  it('an MFA failure on GetSessionToken is not', () => {
    expect(live('An error occurred (AccessDenied) when calling the GetSessionToken operation: MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.')[0]).not.toBe('wrong-credentials-in-use');
  });
});
