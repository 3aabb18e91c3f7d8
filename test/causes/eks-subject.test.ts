/**
 * An EKS token's sub from the one service account the paste names (src/core/causes/eks-subject.ts), and what
 * oidc-sub-mismatch makes of it: a trust that names another namespace or service account makes the cause likely
 * (evidence, not proof: the pod may run under another account); one that fits does not rule it out.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { eksSubFromText } from '../../src/core/causes/eks-subject.js';
import type { ExplainInput } from '../../src/core/types.js';

describe('eksSubFromText', () => {
  it.each([
    ['kubectl -n payments get sa payments-api -o yaml', 'system:serviceaccount:payments:payments-api'],
    ['$ kubectl get serviceaccount/payments-api --namespace=payments -o yaml', 'system:serviceaccount:payments:payments-api'],
    ['kubectl describe serviceaccount api --namespace shop', 'system:serviceaccount:shop:api'],
    ['eksctl create iamserviceaccount --cluster prod --name api --namespace shop --attach-policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess --approve', 'system:serviceaccount:shop:api'],
    ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      serviceAccountName: api\n', 'system:serviceaccount:shop:api'],
    ['{"userIdentity": {"type": "WebIdentityUser", "userName": "system:serviceaccount:kube-system:aws-load-balancer-controller"}}', 'system:serviceaccount:kube-system:aws-load-balancer-controller'],
  ])('%s', (text, sub) => {
    expect(eksSubFromText(text)).toBe(sub);
  });

  it.each([
    ['two different service accounts', 'kubectl -n a get sa x\nkubectl -n b get sa y'],
    ['a command without a namespace', 'kubectl get sa payments-api -o yaml'],
    ['a listing, not one account', 'kubectl get sa -n kube-system'],
    ['another kind of object', 'kubectl -n payments get pods'],
    ['a manifest with two namespaces', 'namespace: a\nserviceAccountName: api\n---\nnamespace: b\n'],
    ['a name Kubernetes would refuse', 'kubectl -n Payments get sa API'],
  ])('nothing for %s', (_why, text) => {
    expect(eksSubFromText(text)).toBeNull();
  });
});

describe('oidc-sub-mismatch with the service account the paste names', () => {
  const ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
  const input = (trustSub: string, paste = 'kubectl -n payments get sa payments-api -o yaml | grep role-arn\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api'): ExplainInput => ({
    message: `WebIdentityErr: failed to retrieve credentials\ncaused by: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n\tstatus code: 403, request id: 1234abcd\n$ ${paste}`,
    policies: [{
      kind: 'trust',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${ISSUER}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${ISSUER}:sub`]: trustSub, [`${ISSUER}:aud`]: 'sts.amazonaws.com' } } }] },
    }],
  });
  const sub = (e: ReturnType<typeof explain>) => e.causes.find((c) => c.id === 'oidc-sub-mismatch')!;

  it('is likely, naming both subjects, when the trust names another namespace', () => {
    const e = explain(input('system:serviceaccount:payment:payments-api'));
    expect(e.causes[0]?.id).toBe('oidc-sub-mismatch');
    expect(e.causes[0]?.status).toBe('likely');
    expect(e.causes[0]?.evidence[0]?.text).toContain('gives the token the sub "system:serviceaccount:payments:payments-api"');
  });

  it('is weakened but not ruled out when the named account fits the trust', () => {
    const c = sub(explain(input('system:serviceaccount:payments:payments-api')));
    expect(c.status).not.toBe('ruled-out');
    expect(['unlikely', 'possible']).toContain(c.status);
    expect(c.evidence.some((x) => x.text.includes('if the pod runs under it'))).toBe(true);
  });

  it('stays unknown when the paste names no single service account', () => {
    const c = sub(explain(input('system:serviceaccount:payment:payments-api', 'kubectl -n payments get pods')));
    expect(c.evidence.some((x) => x.text.includes("the token's sub is not known"))).toBe(true);
  });

  it('a sub stated in the request context wins over the named account', () => {
    const e = explain({ ...input('system:serviceaccount:payments:payments-api'), context: { [`${ISSUER}:sub`]: 'system:serviceaccount:default:default' } });
    expect(sub(e).status).toBe('confirmed');
    expect(sub(e).evidence.some((x) => x.text.includes('"system:serviceaccount:default:default"'))).toBe(true);
  });
});
