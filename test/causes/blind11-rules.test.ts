/**
 * The rules added for blind round 11 (docs/decisions/030), each tried both ways on inputs written here (none is a
 * fixture's text); every must-change case fails on the build before them (main ef9c0b3). The fixtures' own results
 * are in blind11.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain, parseError } from '../../src/core/index.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const V = '2012-10-17';
const causeOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id);
const statusOf = (input: ExplainInput, id: string) => causeOf(input, id)?.status;
const topOf = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;
const policy = (kind: PolicyInput['kind'], ...Statement: object[]): PolicyInput => ({ kind, document: { Version: V, Statement } });

describe('a web-identity condition key written with https:// is a key no request carries', () => {
  const iss = 'oidc.eks.us-west-2.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9';
  const msg = 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity';
  const trust = (subKey: string) => policy('trust', {
    Effect: 'Allow', Principal: { Federated: `arn:aws:iam::210987654321:oidc-provider/${iss}` }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [subKey]: 'system:serviceaccount:jobs:reporter', [`${iss}:aud`]: 'sts.amazonaws.com' } },
  });
  const context = { [`${iss}:sub`]: 'system:serviceaccount:jobs:reporter', [`${iss}:aud`]: 'sts.amazonaws.com' };

  it('https://…:sub: the sub test never passes, oidc-sub-mismatch confirmed, first', () => {
    const input = { message: msg, policies: [trust(`https://${iss}:sub`)], context };
    expect(statusOf(input, 'oidc-sub-mismatch')).toBe('confirmed');
    expect(topOf(input)).toBe('oidc-sub-mismatch');
    expect(causeOf(input, 'oidc-sub-mismatch')?.evidence.some((e) => e.text.includes('without the scheme'))).toBe(true);
  });
  it('near miss — the key written as IAM spells it, the sub matches: oidc-sub-mismatch ruled out', () => {
    expect(statusOf({ message: msg, policies: [trust(`${iss}:sub`)], context }, 'oidc-sub-mismatch')).toBe('ruled-out');
  });
  it('near miss — an IfExists operator on the https:// key holds (the key is absent): not confirmed', () => {
    const t = policy('trust', {
      Effect: 'Allow', Principal: { Federated: `arn:aws:iam::210987654321:oidc-provider/${iss}` }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEqualsIfExists: { [`https://${iss}:sub`]: 'system:serviceaccount:jobs:reporter' }, StringEquals: { [`${iss}:aud`]: 'sts.amazonaws.com' } },
    });
    expect(statusOf({ message: msg, policies: [t], context }, 'oidc-sub-mismatch')).not.toBe('confirmed');
  });
});

describe('Cognito\'s amr claim is a condition like any other (condition-other)', () => {
  const msg = "AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n  Error: { Type: 'Sender', Code: 'AccessDenied', Message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' }";
  const pool = 'eu-west-1:0c8d1e2f-3a4b-4c5d-8e9f-a0b1c2d3e4f5';
  const trust = (amr: string) => policy('trust', {
    Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': pool }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr } },
  });
  const context = { 'cognito-identity.amazonaws.com:aud': pool, 'cognito-identity.amazonaws.com:amr': ['authenticated', 'accounts.google.com'] };

  it('a signed-in identity against a guest role\'s amr unauthenticated: condition-other confirmed, first', () => {
    const input = { message: msg, policies: [trust('unauthenticated')], context };
    expect(statusOf(input, 'condition-other')).toBe('confirmed');
    expect(topOf(input)).toBe('condition-other');
  });
  it('near miss — amr authenticated matches: condition-other ruled out', () => {
    expect(statusOf({ message: msg, policies: [trust('authenticated')], context }, 'condition-other')).toBe('ruled-out');
  });
});

describe('a JS v3 stack from the shared de_CommandError: the one command the pasted code sends is the operation', () => {
  const dump = (code: string) => `AccessDeniedException: Access to KMS is not allowed
    at de_AccessDeniedExceptionRes (/srv/node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js:1466:21)
    at de_CommandError (/srv/node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js:1375:19)
    at async main (/srv/app.mjs:9:3) {
  '$fault': 'client',
  '$metadata': { httpStatusCode: 400, requestId: '1f2e3d4c-5b6a-4789-9abc-def012345678', attempts: 1, totalRetryDelay: 0 }
}

${code}`;

  it('one new GetSecretValueCommand( with client-secrets-manager: operation GetSecretValue', () => {
    const p = parseError(dump("const r = await client.send(new GetSecretValueCommand({ SecretId: 'app/token' }));")).parsed;
    expect(p.operation).toBe('GetSecretValue');
  });
  it('near miss — two different commands in the code: no operation is read', () => {
    const p = parseError(dump("await client.send(new DescribeSecretCommand({ SecretId: 'a' }));\nawait client.send(new GetSecretValueCommand({ SecretId: 'a' }));")).parsed;
    expect(p.operation).toBeNull();
  });
});

describe('a service\'s refused use of KMS carries kms:ViaService of that service', () => {
  const msg = (region: string) => `software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException: Access to KMS is not allowed (Service: SecretsManager, Status Code: 400, Request ID: 4d3c2b1a-0f9e-4d8c-b7a6-958473625140)
	at software.amazon.awssdk.services.secretsmanager.DefaultSecretsManagerClient.getSecretValue(DefaultSecretsManagerClient.java:1422)
# secret arn:aws:secretsmanager:${region}:444455556666:secret:svc/api-key-Ab12Cd, runs as arn:aws:sts::444455556666:assumed-role/svc-task/9f8e7d`;
  const identity = policy('identity', { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'kms:Decrypt'], Resource: '*' });
  const key = (via: string) => ({ ...policy('resource', {
    Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/svc-task' }, Action: 'kms:Decrypt', Resource: '*',
    Condition: { StringEquals: { 'kms:ViaService': via } },
  }), name: 'key policy of alias/svc' });

  it('the key allows only through ssm: kms:ViaService is secretsmanager.eu-north-1…, kms-condition-unmet confirmed, first', () => {
    const input = { message: msg('eu-north-1'), policies: [identity, key('ssm.eu-north-1.amazonaws.com')] };
    expect(statusOf(input, 'kms-condition-unmet')).toBe('confirmed');
    expect(topOf(input)).toBe('kms-condition-unmet');
  });
  it('near miss — the key allows through Secrets Manager in the secret\'s Region: the condition holds, not confirmed', () => {
    const input = { message: msg('eu-north-1'), policies: [identity, key('secretsmanager.eu-north-1.amazonaws.com')] };
    expect(statusOf(input, 'kms-condition-unmet')).not.toBe('confirmed');
  });
});

describe('"as <assumed-role session ARN>" states the caller', () => {
  const msg = (who: string) => `2026-03-02 10:00:01 ERROR Loader - could not read arn:aws:secretsmanager:us-east-2:777788889999:secret:shared/db-Zx91Qa as ${who}
software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException: Access to KMS is not allowed (Service: SecretsManager, Status Code: 400, Request ID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d)`;
  const key = { ...policy('resource', {
    Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*',
    Condition: { StringEquals: { 'kms:CallerAccount': '777788889999' } },
  }), name: 'key policy of alias/shared (account 777788889999)' };

  it('a session of another account: kms:CallerAccount is that account, kms-condition-unmet confirmed', () => {
    const input = { message: msg('arn:aws:sts::111100002222:assumed-role/loader/run-7'), policies: [key] };
    expect(statusOf(input, 'kms-condition-unmet')).toBe('confirmed');
  });
  it('near miss — "as" before a role ARN (a role is also something one configures): no caller is read', () => {
    const input = { message: msg('arn:aws:iam::111100002222:role/loader'), policies: [key] };
    expect(statusOf(input, 'kms-condition-unmet')).not.toBe('confirmed');
  });
});

describe('an SCP whose label places it on the resource account\'s path does not govern a caller from another account', () => {
  const msg = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::123450000001:assumed-role/partner-etl/run-1 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::987650000002:role/shared-read';
  const identity = policy('identity', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' });
  const trust = policy('trust', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123450000001:role/partner-etl-old' }, Action: 'sts:AssumeRole' });
  const scp = (name: string): PolicyInput => ({ ...policy('scp', { Effect: 'Allow', Action: '*', Resource: '*' }, {
    Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-aaaa1111bb' } },
  }), name });

  it('label names the role\'s account only: scp-deny ruled out, the trust is the answer', () => {
    const input = { message: msg, policies: [identity, trust, scp('SCP org-only-assume (OU Shared, account 987650000002)')] };
    expect(statusOf(input, 'scp-deny')).toBe('ruled-out');
    expect(topOf(input)).not.toBe('scp-deny');
  });
  it('near miss — the label names the caller\'s account: the SCP is on its path, scp-deny stays likely', () => {
    const input = { message: msg, policies: [identity, trust, scp('SCP org-only-assume (account 123450000001)')] };
    expect(statusOf(input, 'scp-deny')).toBe('likely');
  });
  it('near miss — no account in the label: scp-deny is not ruled out', () => {
    const input = { message: msg, policies: [identity, trust, scp('SCP org-only-assume')] };
    expect(statusOf(input, 'scp-deny')).not.toBe('ruled-out');
  });
});
