/**
 * kubectl against EKS. "Error from server (Forbidden): … is forbidden: User "<IAM ARN>" cannot <verb> resource …":
 * EKS authenticated the identity and Kubernetes authorization refused it (shape k8s-forbidden, cause
 * eks-kubernetes-permission-missing), with the namespace in the commands. "You must be logged in to the server
 * (Unauthorized)": the cluster did not accept the identity (eks-access-entry-missing), with the cluster the paste
 * names in the commands. Tried both ways.
 */
import { describe, expect, it } from 'vitest';
import { explain, parseError } from '../../src/core/index.js';

const forbidden = (who: string, tail = ' in the namespace "payments"') =>
  `$ kubectl get pods -n payments\nError from server (Forbidden): pods is forbidden: User "${who}" cannot list resource "pods" in API group ""${tail}`;
const SESSION = 'arn:aws:sts::123456789012:assumed-role/eks-dev-readers/alice';

describe('Kubernetes refusing an identity EKS authenticated', () => {
  it('reads the IAM identity as the caller and ranks the access-policy / RBAC cause first', () => {
    const e = explain({ message: forbidden(SESSION) });
    expect(e.parsed.shape).toBe('k8s-forbidden');
    expect(e.parsed.errorCode).toBe('Forbidden');
    expect(e.parsed.caller?.arn).toBe(SESSION);
    const c = e.causes[0]!;
    expect(c.id).toBe('eks-kubernetes-permission-missing');
    expect(c.status).toBe('likely');
    expect(c.evidence[0]?.text).toContain('"list" on pods in namespace payments');
    // the role behind the session, and the namespace Kubernetes named, in the commands
    expect(c.fix.commands[0]).toContain('--principal-arn arn:aws:iam::123456789012:role/eks-dev-readers');
    expect(c.fix.commands[0]).toContain('namespaces=payments');
    expect(c.confirm.some((x) => x.command === 'kubectl auth can-i --list --namespace payments')).toBe(true);
  });

  it('at the cluster scope the namespace stays a placeholder', () => {
    const c = explain({ message: forbidden(SESSION, ' at the cluster scope') }).causes[0]!;
    expect(c.id).toBe('eks-kubernetes-permission-missing');
    expect(c.evidence[0]?.text).toContain('at the cluster scope');
    expect(c.fix.commands[0]).toContain('namespaces=<namespace>');
  });

  it('a Kubernetes user that is not an IAM ARN is no caller, and the cause still leads', () => {
    const e = explain({ message: forbidden('system:serviceaccount:payments:api') });
    expect(e.parsed.caller).toBeNull();
    expect(e.causes[0]?.id).toBe('eks-kubernetes-permission-missing');
  });

  it('near misses: another Kubernetes error, or AWS\'s own refusal, is not this', () => {
    expect(parseError('Error from server (NotFound): pods "web-0" not found').parsed.shape).not.toBe('k8s-forbidden');
    const aws = explain({ message: 'An error occurred (AccessDeniedException) when calling the DescribeCluster operation: User: arn:aws:sts::123456789012:assumed-role/platform-ci/gha is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:eu-west-1:123456789012:cluster/prod' });
    expect(aws.causes.some((c) => c.id === 'eks-kubernetes-permission-missing')).toBe(false);
  });
});

describe('kubectl "You must be logged in to the server (Unauthorized)"', () => {
  const UNAUTHORIZED = 'error: You must be logged in to the server (Unauthorized)';
  const EKS_PASTE = `$ aws eks update-kubeconfig --name prod-main --region eu-west-1\nUpdated context arn:aws:eks:eu-west-1:123456789012:cluster/prod-main in /home/ci/.kube/config\n$ kubectl get pods\n${UNAUTHORIZED}`;

  it('with an EKS cluster in the paste: the missing access entry is likely, with the cluster and Region filled in', () => {
    const c = explain({ message: EKS_PASTE }).causes[0]!;
    expect(c.id).toBe('eks-access-entry-missing');
    expect(c.status).toBe('likely');
    expect(c.fix.commands[0]).toBe('aws eks create-access-entry --cluster-name prod-main --principal-arn <caller-user-or-role-arn> --region eu-west-1');
    expect(c.confirm.some((x) => x.command === 'aws sts get-caller-identity')).toBe(true);
  });

  it('alone (any Kubernetes cluster says this): first, but only possible, and no cluster name is made up', () => {
    const c = explain({ message: `$ kubectl get svc\n${UNAUTHORIZED}` }).causes[0]!;
    expect(c.id).toBe('eks-access-entry-missing');
    expect(c.status).toBe('possible');
    expect(c.fix.commands[0]).toContain('--cluster-name <cluster-name>');
  });

  it('two clusters named: the name stays a placeholder', () => {
    const c = explain({ message: `arn:aws:eks:eu-west-1:123456789012:cluster/a\narn:aws:eks:eu-west-1:123456789012:cluster/b\n${UNAUTHORIZED}` }).causes[0]!;
    expect(c.id).toBe('eks-access-entry-missing');
    expect(c.fix.commands[0]).toContain('--cluster-name <cluster-name>');
  });

  it('near miss: an AWS refusal is not a cluster access problem', () => {
    const e = explain({ message: 'An error occurred (AccessDeniedException) when calling the ListClusters operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: eks:ListClusters on resource: arn:aws:eks:eu-west-1:123456789012:cluster/*' });
    expect(e.causes.some((c) => c.id === 'eks-access-entry-missing')).toBe(false);
  });
});
