/**
 * oidc-sub-mismatch's fix names the subject form of the token's own issuer (session 8,
 * docs/ux-review.md): a GitHub job is not told about EKS and GitLab subjects, a pod not about
 * GitHub's; an unknown issuer, and the catalog, still get every form.
 */
import { describe, it, expect } from 'vitest';
import { explain, catalog } from '../../src/core/index.js';

const GHA = 'Run aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: arn:aws:iam::123456789012:role/gha-deploy\n    aws-region: us-east-1\nAssuming role with OIDC\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity';
const IRSA = 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\nAnnotations: eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/app-irsa';

function subFix(message: string): string {
  const c = explain({ message }).causes.find((x) => x.id === 'oidc-sub-mismatch');
  if (!c) throw new Error('no oidc-sub-mismatch');
  return c.fix.description;
}

describe('the sub fix speaks of the token\'s issuer', () => {
  it('GitHub Actions: GitHub\'s forms only', () => {
    const d = subFix(GHA);
    expect(d).toContain('GitHub\'s is repo:<org>/<repo>:ref:refs/heads/<branch>');
    expect(d).not.toContain('system:serviceaccount');
    expect(d).not.toContain('project_path');
  });
  it('an IRSA pod: the service account form only', () => {
    const d = subFix(IRSA);
    expect(d).toContain('system:serviceaccount:<namespace>:<service-account>');
    expect(d).not.toContain('repo:<org>');
  });
  it('the catalog keeps every form', () => {
    const d = catalog.find((e) => e.id === 'oidc-sub-mismatch')!.fix.description;
    for (const w of ['repo:<org>/<repo>', 'system:serviceaccount', 'project_path']) expect(d).toContain(w);
  });
});
