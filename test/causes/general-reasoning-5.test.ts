/**
 * General reasoning added for held-out round 4 (web identity, SAML), each checked on inputs that are
 * not the round-4 fixtures, and each in both directions: the rule acts when its facts hold and stays
 * quiet when they do not.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const S = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const live = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);
const statusOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id)?.status;

const SAML_MSG = 'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML\n# assertion: Role=arn:aws:iam::111122223333:role/saml-ops,arn:aws:iam::111122223333:saml-provider/Ping';
const samlTrust = (cond: Record<string, unknown>, provider = 'arn:aws:iam::111122223333:saml-provider/Ping') => ({
  kind: 'trust' as const,
  document: S({ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithSAML', Condition: cond }),
});

describe('federation never carries MFA to STS', () => {
  it('a SAML trust that requires aws:MultiFactorAuthPresent is mfa-required, confirmed', () => {
    const input: ExplainInput = { message: SAML_MSG, policies: [samlTrust({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } })] };
    expect(live(input)[0]).toBe('mfa-required');
    expect(statusOf(input, 'mfa-required')).toBe('confirmed');
  });

  it('an IfExists MFA condition passes (the key is absent), so MFA is not the cause', () => {
    const input: ExplainInput = {
      message: SAML_MSG,
      policies: [samlTrust({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } })],
      context: { 'SAML:aud': 'https://eu-west-1.signin.aws.amazon.com/saml' },
    };
    expect(statusOf(input, 'mfa-required')).toBe('ruled-out');
    expect(live(input)[0]).toBe('saml-aud-mismatch');
  });

  it('a trust statement for another SAML provider is not a candidate for the condition causes', () => {
    const input: ExplainInput = {
      message: SAML_MSG,
      policies: [samlTrust({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, 'arn:aws:iam::111122223333:saml-provider/OldAdfs')],
    };
    expect(statusOf(input, 'mfa-required')).not.toBe('confirmed');
  });
});

const GH = 'token.actions.githubusercontent.com';
const ghMsg = 'Run aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: arn:aws:iam::444455556666:role/gh-deploy\n    aws-region: us-east-1\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity';
const ghTrust = (extra: Record<string, string>) => ({
  kind: 'trust' as const,
  document: S({
    Effect: 'Allow', Principal: { Federated: `arn:aws:iam::444455556666:oidc-provider/${GH}` }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: 'repo:octo-org/app:*', ...extra } },
  }),
});

describe('web-identity token claims other than sub and aud', () => {
  it('a failing repository_owner / job_workflow_ref claim condition is condition-other, not a sub mismatch', () => {
    const input: ExplainInput = {
      message: ghMsg,
      policies: [ghTrust({ [`${GH}:job_workflow_ref`]: 'octo-org/ci/.github/workflows/deploy.yml@refs/heads/main' })],
      context: { [`${GH}:sub`]: 'repo:octo-org/app:ref:refs/heads/main', [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:job_workflow_ref`]: 'octo-org/ci/.github/workflows/deploy.yml@refs/heads/dev' },
    };
    expect(live(input)[0]).toBe('condition-other');
    expect(statusOf(input, 'condition-other')).toBe('confirmed');
    expect(statusOf(input, 'oidc-sub-mismatch')).toBe('ruled-out');
  });

  it('the same claim condition, satisfied, leaves condition-other out', () => {
    const ref = 'octo-org/ci/.github/workflows/deploy.yml@refs/heads/main';
    const input: ExplainInput = {
      message: ghMsg,
      policies: [ghTrust({ [`${GH}:job_workflow_ref`]: ref })],
      context: { [`${GH}:sub`]: 'repo:other-org/app:ref:refs/heads/main', [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:job_workflow_ref`]: ref },
    };
    expect(live(input)[0]).toBe('oidc-sub-mismatch');
    expect(statusOf(input, 'condition-other')).toBe('ruled-out');
  });

  it('"not authorized" with a trust naming the token\'s provider rules out a missing provider; a trust naming another does not', () => {
    const ctx = { [`${GH}:sub`]: 'repo:octo-org/app:pull_request', [`${GH}:aud`]: 'sts.amazonaws.com' };
    expect(statusOf({ message: ghMsg, policies: [ghTrust({})], context: ctx }, 'oidc-provider-missing')).toBe('ruled-out');
    const other = { kind: 'trust' as const, document: S({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::444455556666:oidc-provider/gitlab.example.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }) };
    expect(statusOf({ message: ghMsg, policies: [other], context: ctx }, 'oidc-provider-missing')).not.toBe('ruled-out');
  });
});

describe('IRSA: the token names the trusted service account', () => {
  const EKS = 'oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';
  const msg = 'WebIdentityErr: failed to retrieve credentials\ncaused by: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n\tstatus code: 403';
  const trust = (aud: string) => ({
    kind: 'trust' as const,
    document: S({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::777788889999:oidc-provider/${EKS}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:apps:web', [`${EKS}:aud`]: aud } } }),
  });

  it('matching sub rules the pod-side IRSA setup out', () => {
    const input: ExplainInput = { message: msg, policies: [trust('sts.amazonaws.com.cn')], context: { [`${EKS}:sub`]: 'system:serviceaccount:apps:web', [`${EKS}:aud`]: 'sts.amazonaws.com' } };
    expect(statusOf(input, 'irsa-service-account-misconfigured')).toBe('ruled-out');
    expect(live(input)[0]).toBe('oidc-audience-mismatch');
  });

  it('another service account keeps it open', () => {
    const input: ExplainInput = { message: msg, policies: [trust('sts.amazonaws.com')], context: { [`${EKS}:sub`]: 'system:serviceaccount:apps:default', [`${EKS}:aud`]: 'sts.amazonaws.com' } };
    expect(statusOf(input, 'irsa-service-account-misconfigured')).not.toBe('ruled-out');
  });
});
