/**
 * EKS cluster access [EKS user guide: access entries and access policies; Kubernetes RBAC]: kubectl's
 * "Error from server (Forbidden): … is forbidden: User "<IAM ARN>" cannot <verb> resource …" means EKS
 * authenticated the IAM identity and mapped it to a Kubernetes user, and Kubernetes authorization then
 * refused the verb: no EKS access policy associated with its access entry (or one scoped to other
 * namespaces) and no RBAC Role/ClusterRole binding allows it. No IAM policy change fixes this.
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { fromMessage, sig } from './service-util.js';

const ACCESS_DOC = 'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html';
const POLICIES_DOC = 'https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html';

const isForbidden = (ctx: CauseContext) => ctx.parsed.shape === 'k8s-forbidden';

/** The verb, resource and namespace of Kubernetes' refusal, for the evidence and `kubectl auth can-i`. */
function refusal(ctx: CauseContext): { verb: string; resource: string; ns: string | null } | null {
  const m = /cannot ([a-z]{1,30}) resource "([a-z0-9.-]{1,100})"(?: in API group "[a-z0-9.-]{0,100}")?(?: in the namespace "([a-z0-9-]{1,63})")?/.exec(ctx.parsed.message ?? '');
  return m ? { verb: m[1]!, resource: m[2]!, ns: m[3] ?? null } : null;
}

const permissionMissing: CauseDefinition = {
  id: 'eks-kubernetes-permission-missing',
  title: 'Kubernetes does not let this IAM identity do it: no EKS access policy or RBAC binding allows the verb',
  summary: 'EKS accepted the IAM identity (it has an access entry or an aws-auth mapping) and Kubernetes authorization refused the request: no access policy associated with the identity\'s access entry, for this namespace, and no RBAC Role or ClusterRole binding for its Kubernetes user or groups allows this verb on this resource. IAM policies do not grant Kubernetes permissions.',
  family: 'service',
  prior: 0.1,
  specificity: 2,
  gate: { phrases: ['error from server (forbidden)'] },
  appliesTo: isForbidden,
  signals: [
    (ctx) => {
      const r = refusal(ctx);
      const who = ctx.parsed.caller?.arn ?? 'the IAM identity';
      return sig(60, fromMessage(`Kubernetes refused ${r ? `"${r.verb}" on ${r.resource}${r.ns ? ` in namespace ${r.ns}` : ' at the cluster scope'}` : 'the request'} for ${who}: EKS authenticated it, so its IAM credentials and policies were not what failed.`));
    },
  ],
  confirm: [
    { description: 'The access entries of the cluster: the identity\'s IAM role (not its session) should be listed.', command: 'aws eks list-access-entries --cluster-name <cluster-name> --region {region}' },
    { description: 'The access policies associated with the identity, and the namespaces each is scoped to.', command: 'aws eks list-associated-access-policies --cluster-name <cluster-name> --principal-arn {callerPrincipalArn} --region {region}' },
    { description: 'Ask Kubernetes what the identity may do, with the same credentials as the failing kubectl.', command: 'kubectl auth can-i --list --namespace {namespace}' },
  ],
  fix: {
    description: 'Associate an access policy that allows the verb with the identity\'s access entry, scoped to the namespace (or the cluster), or bind a Kubernetes Role/ClusterRole to the user or group it maps to; an IAM policy change does not help.',
    commands: [
      'aws eks associate-access-policy --cluster-name <cluster-name> --principal-arn {callerPrincipalArn} --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=namespace,namespaces={namespace} --region {region}',
    ],
  },
  docs: [ACCESS_DOC, POLICIES_DOC],
  // the namespace Kubernetes names, for the commands
  facts: (ctx) => ({ namespace: refusal(ctx)?.ns ?? null }),
};

export const causes: CauseDefinition[] = [permissionMissing];
