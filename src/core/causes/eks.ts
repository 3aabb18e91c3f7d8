/**
 * EKS cluster access [EKS user guide: access entries and access policies; Kubernetes RBAC].
 * kubectl's "error: You must be logged in to the server (Unauthorized)" means the cluster did not
 * accept the identity behind the token: no access entry (or aws-auth mapping) for that IAM principal,
 * a token for another cluster, or another identity than the one mapped. kubectl's
 * "Error from server (Forbidden): … is forbidden: User "<IAM ARN>" cannot <verb> resource …" means EKS
 * authenticated the IAM identity and mapped it to a Kubernetes user, and Kubernetes authorization then
 * refused the verb: no EKS access policy associated with its access entry (or one scoped to other
 * namespaces) and no RBAC Role/ClusterRole binding allows it. No IAM policy change fixes this.
 */
import type { CauseContext, CauseDefinition, CommandTemplate } from './types.js';
import { fromMessage, has, sig } from './service-util.js';

const EKS_WORDS = ['eks', 'aws-iam-authenticator', 'aws-auth', 'access entr', '.amazonaws.com'];

const ACCESS_DOC = 'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html';
const POLICIES_DOC = 'https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html';

/** Both causes' check of the cluster's access entries. */
const LIST_ACCESS_ENTRIES: CommandTemplate = {
  description: 'The cluster\'s access entries (with an identity that may list them): the IAM role\'s ARN, not a session ARN, must be there.',
  command: 'aws eks list-access-entries --cluster-name {clusterName} --region {region}',
};

const isForbidden = (ctx: CauseContext) => ctx.parsed.shape === 'k8s-forbidden';

/** EKS cluster names: letters, digits, '-' and '_', up to 100. */
const CLUSTER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** The name after `marker` in the text, up to the first character a cluster name cannot hold. */
function nameAfter(text: string, at: number): string {
  let e = at;
  while (e < text.length && e - at < 100 && /[A-Za-z0-9_-]/.test(text[e] as string)) e++;
  return text.slice(at, e);
}

/**
 * The one EKS cluster the paste names: a cluster ARN (`arn:aws:eks:<region>:<account>:cluster/<name>`, as
 * kubeconfig contexts print it), `--cluster-name <name>`, or `aws eks update-kubeconfig --name <name>`.
 */
function clusterName(ctx: CauseContext): string | null {
  const text = (ctx.text ?? '').slice(0, 100_000);
  const found = new Set<string>();
  for (let i = text.indexOf(':cluster/'), n = 0; i >= 0 && n < 20; i = text.indexOf(':cluster/', i + 1), n++) {
    if (text.lastIndexOf(':eks:', i) >= Math.max(0, i - 40)) found.add(nameAfter(text, i + ':cluster/'.length));
  }
  for (let i = text.indexOf('--cluster-name'), n = 0; i >= 0 && n < 20; i = text.indexOf('--cluster-name', i + 1), n++) {
    const at = i + '--cluster-name'.length;
    if (text[at] === ' ' || text[at] === '=') found.add(nameAfter(text, at + 1));
  }
  for (let i = text.indexOf('update-kubeconfig'), n = 0; i >= 0 && n < 20; i = text.indexOf('update-kubeconfig', i + 1), n++) {
    const end = text.indexOf('\n', i);
    const line = text.slice(i, end < 0 ? text.length : end);
    const f = line.indexOf(' --name');
    if (f >= 0 && (line[f + 7] === ' ' || line[f + 7] === '=')) found.add(nameAfter(line, f + 8));
  }
  const names = [...found].filter((x) => CLUSTER.test(x));
  return names.length === 1 ? names[0]! : null;
}
const isUnauthorized = (ctx: CauseContext) => ctx.parsed.shape === 'k8s-unauthorized';

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
    LIST_ACCESS_ENTRIES,
    { description: 'The access policies associated with the identity, and the namespaces each is scoped to.', command: 'aws eks list-associated-access-policies --cluster-name {clusterName} --principal-arn {callerPrincipalArn} --region {region}' },
    { description: 'Ask Kubernetes what the identity may do, with the same credentials as the failing kubectl.', command: 'kubectl auth can-i --list --namespace {namespace}' },
  ],
  fix: {
    description: 'Associate an access policy that allows the verb with the identity\'s access entry, scoped to the namespace (or the cluster), or bind a Kubernetes Role/ClusterRole to the user or group it maps to; an IAM policy change does not help.',
    commands: [
      'aws eks associate-access-policy --cluster-name {clusterName} --principal-arn {callerPrincipalArn} --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=namespace,namespaces={namespace} --region {region}',
    ],
  },
  docs: [ACCESS_DOC, POLICIES_DOC],
  // the namespace Kubernetes names and the cluster the paste names, for the commands
  facts: (ctx) => ({ namespace: refusal(ctx)?.ns ?? null, clusterName: clusterName(ctx) }),
};

const entryMissing: CauseDefinition = {
  id: 'eks-access-entry-missing',
  title: 'The cluster does not accept this IAM identity: no EKS access entry (or aws-auth mapping) for it',
  summary: 'kubectl sends a token signed with the caller\'s IAM identity; EKS answers Unauthorized when the cluster has no access entry (and no aws-auth ConfigMap mapping) for that IAM principal — often because kubectl runs with another profile or role than the one mapped, the mapping names the session instead of the role, or the kubeconfig points the token at another cluster. IAM policies do not grant cluster access.',
  family: 'service',
  prior: 0.1,
  specificity: 2,
  gate: { phrases: ['you must be logged in to the server'] },
  appliesTo: isUnauthorized,
  signals: [
    () => sig(20, fromMessage('The Kubernetes API server of the cluster did not accept the token kubectl sent: EKS found no access entry or aws-auth mapping for the IAM identity behind it (or the token was made for another cluster).')),
    // the paste shows the cluster is EKS (the same words come from any Kubernetes cluster)
    (ctx) => (has(ctx, ...EKS_WORDS) ? sig(2, fromMessage('The paste shows an EKS cluster, whose API server authenticates IAM identities through access entries and aws-auth.')) : null),
  ],
  confirm: [
    { description: 'The IAM identity kubectl\'s token is made from: run it with the same AWS_PROFILE and environment as kubectl.', command: 'aws sts get-caller-identity' },
    { description: 'Which cluster, Region and role the kubeconfig\'s token command uses.', command: "kubectl config view --minify -o jsonpath='{.users[0].user.exec.args}'" },
    LIST_ACCESS_ENTRIES,
  ],
  fix: {
    description: 'Create an access entry for the IAM role or user (its role ARN, not an assumed-role session ARN) and associate an access policy, or add it to the aws-auth ConfigMap on clusters that still use it; then regenerate the kubeconfig for the right cluster and profile.',
    commands: [
      'aws eks create-access-entry --cluster-name {clusterName} --principal-arn {callerPrincipalArn} --region {region}',
      'aws eks associate-access-policy --cluster-name {clusterName} --principal-arn {callerPrincipalArn} --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=cluster --region {region}',
      'aws eks update-kubeconfig --name {clusterName} --region {region}',
    ],
  },
  docs: [ACCESS_DOC, 'https://docs.aws.amazon.com/eks/latest/userguide/troubleshooting.html'],
  facts: (ctx) => ({ clusterName: clusterName(ctx) }),
};

export const causes: CauseDefinition[] = [permissionMissing, entryMissing];
