/**
 * The subject of an EKS service-account token, as far as the paste names the service account.
 * IRSA tokens carry `sub: system:serviceaccount:<namespace>:<service-account>` (EKS docs, "Configure a
 * role's trust policy"); people debugging IRSA paste the commands and manifests that name them:
 *   kubectl -n payments get sa payments-api -o yaml       kubectl get serviceaccount/payments-api --namespace=payments
 *   eksctl create iamserviceaccount --name payments-api --namespace payments …
 *   serviceAccountName: payments-api  …  namespace: payments          (a pod or deployment manifest)
 *   system:serviceaccount:payments:payments-api                        (a decoded token, a CloudTrail userName)
 * Only one service account may be named: two different ones leave the subject unknown. Every scan is
 * indexOf and bounded token reads (linear in the paste).
 */

/** Kubernetes names: DNS-1123 labels and subdomains (lower case, digits, '-', '.'). */
const NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const LIMIT = 100_000;

/** The whitespace-separated token starting at `i` (quotes trimmed), bounded. */
function tokenAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  let e = j;
  while (e < text.length && e - j < 260 && !' \t\r\n'.includes(text[e] as string)) e++;
  return text.slice(j, e).replace(/^["']|["',]$/g, '');
}

/** `s` without the trailing characters of `chars` (a JSON string's or a list's closing marks). */
function trimEnd(s: string, chars: string): string {
  let e = s.length;
  while (e > 0 && chars.includes(s[e - 1] as string)) e--;
  return s.slice(0, e);
}

/** Every `--flag value`, `--flag=value` or `-f value` of one command line. */
function flag(line: string, ...names: string[]): string | null {
  for (const n of names) {
    for (let i = line.indexOf(n); i >= 0; i = line.indexOf(n, i + 1)) {
      const before = i === 0 ? ' ' : line[i - 1];
      if (before !== ' ' && before !== '\t') continue;
      const after = line[i + n.length];
      if (after === '=') return tokenAt(line, i + n.length + 1);
      if (after === ' ' || after === '\t') return tokenAt(line, i + n.length);
    }
  }
  return null;
}

/** The service account a kubectl or eksctl command line names, with its namespace. */
function fromCommand(line: string): { ns: string; sa: string } | null {
  const ns = flag(line, '--namespace', '-n');
  if (!ns) return null;
  if (line.includes('eksctl') && line.includes('iamserviceaccount')) {
    const sa = flag(line, '--name');
    return sa ? { ns, sa } : null;
  }
  if (!line.includes('kubectl')) return null;
  for (const word of [' sa/', ' serviceaccount/', ' serviceaccounts/']) {
    const i = line.indexOf(word);
    if (i >= 0) return { ns, sa: tokenAt(line, i + word.length) };
  }
  for (const word of [' sa ', ' serviceaccount ', ' serviceaccounts ']) {
    const i = line.indexOf(word);
    if (i < 0) continue;
    const sa = tokenAt(line, i + word.length);
    return sa.startsWith('-') ? null : { ns, sa };
  }
  return null;
}

/** `key: value` of a YAML line (one level, no anchors), or null. */
function yamlValue(line: string, key: string): string | null {
  const t = line.trimStart();
  if (!t.startsWith(`${key}:`)) return null;
  const v = tokenAt(t, key.length + 1);
  return v || null;
}

/** `system:serviceaccount:<namespace>:<service-account>` for the one service account the paste names, or null. */
export function eksSubFromText(text: string): string | null {
  const src = text.length > LIMIT ? text.slice(0, LIMIT) : text;
  const found = new Set<string>();
  const add = (ns: string | null, sa: string | null) => {
    if (ns && sa && NAME.test(ns) && NAME.test(sa) && ns.length <= 63) found.add(`system:serviceaccount:${ns}:${sa}`);
  };
  // the subject itself
  const SUBJECT = 'system:serviceaccount:';
  for (let i = src.indexOf(SUBJECT), n = 0; i >= 0 && n < 50; i = src.indexOf(SUBJECT, i + 1), n++) {
    const [ns = '', sa = ''] = tokenAt(src, i + SUBJECT.length).split(':', 3);
    add(ns, trimEnd(sa, '"\'\\,}])'));
  }
  const lines = src.split('\n', 5000);
  let manifestSa: string | null = null;
  const namespaces = new Set<string>();
  for (const line of lines) {
    if (line.includes('kubectl') || line.includes('eksctl')) {
      const c = fromCommand(line);
      if (c) add(c.ns, c.sa);
    }
    const sa = yamlValue(line, 'serviceAccountName') ?? yamlValue(line, 'serviceAccount');
    if (sa) manifestSa = manifestSa && manifestSa !== sa ? '\u0000' : sa;
    const ns = yamlValue(line, 'namespace');
    if (ns) namespaces.add(ns);
  }
  // a manifest: its service account and its one namespace
  if (manifestSa && manifestSa !== '\u0000' && namespaces.size === 1) add([...namespaces][0]!, manifestSa);
  return found.size === 1 ? [...found][0]! : null;
}
