/** Who is asking, and does a Principal / NotPrincipal element name them? */
import type { PrincipalElement } from '../types.js';
import { assumedRoleParts, isAccountId, isServicePrincipal, parseArn, roleParts } from './arn.js';
import { iacReferences, referenceCanName } from './iac.js';

export type PrincipalKind =
  | 'user' | 'role' | 'assumed-role' | 'federated-user' | 'root' | 'service' | 'federated' | 'anonymous' | 'unknown';

export interface Who {
  /** The caller ARN / service principal, or null when unknown (redacted). */
  arn: string | null;
  kind: PrincipalKind;
  account: string | null;
  partition: string | null;
  /** Role name behind an assumed-role session. */
  roleName: string | null;
}

export function describePrincipal(principal: string, accountHint?: string | null): Who {
  const p = principal.trim();
  const unknown: Who = { arn: null, kind: 'unknown', account: accountHint ?? null, partition: null, roleName: null };
  if (p === '' || p === '*' || p.includes('<') || p.includes('*')) return unknown;
  if (p.toLowerCase() === 'anonymous') return { arn: p, kind: 'anonymous', account: null, partition: null, roleName: null };
  if (isServicePrincipal(p)) return { arn: p, kind: 'service', account: null, partition: null, roleName: null };
  const arn = parseArn(p);
  if (!arn) {
    if (p.includes('.')) return { arn: p, kind: 'federated', account: null, partition: null, roleName: null };
    return unknown;
  }
  const account = isAccountId(arn.account) ? arn.account : (accountHint ?? null);
  // one literal per answer (`{ ...base, kind }` costs ~1 µs in V8: the spread plus a property takes the runtime)
  const who = (kind: PrincipalKind, roleName: string | null = null): Who => ({ arn: p, account, partition: arn.partition, roleName, kind });
  if (arn.service === 'sts') {
    const ar = assumedRoleParts(p);
    if (ar) return who('assumed-role', ar.roleName);
    if (arn.resource.startsWith('federated-user/')) return who('federated-user');
    return who('unknown');
  }
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return who('root');
    if (arn.resource.startsWith('user/')) return who('user');
    if (arn.resource.startsWith('role/')) return who('role');
    if (arn.resource.startsWith('oidc-provider/') || arn.resource.startsWith('saml-provider/')) {
      return who('federated');
    }
  }
  return who('unknown');
}

/**
 * How a Principal element names the caller:
 * - direct: the caller itself (user ARN, session ARN, `*`, service, federated provider)
 * - role: the role behind the caller's session
 * - account: the caller's account (`123456789012` or `arn:aws:iam::123456789012:root`)
 * - none / unknown
 */
export type PrincipalClass = 'direct' | 'role' | 'account' | 'none' | 'unknown';

const RANK: Record<PrincipalClass, number> = { direct: 4, role: 3, account: 2, unknown: 1, none: 0 };

export function best(a: PrincipalClass, b: PrincipalClass): PrincipalClass {
  return RANK[a] >= RANK[b] ? a : b;
}

function accountOfPrincipalValue(v: string): string | null {
  if (isAccountId(v)) return v;
  const a = parseArn(v);
  if (a && a.service === 'iam' && a.resource === 'root' && isAccountId(a.account)) return a.account;
  return null;
}

/**
 * A Principal value holding a deploy-time reference (`arn:aws:iam::${AWS::AccountId}:root`, iac.ts):
 * if it cannot name the caller, its role or its account whatever the deployment filled in, it names
 * someone else; if it can, only the deployed value can tell.
 */
function referencedValue(v: string, who: Who): PrincipalClass {
  if (who.arn === null) return 'unknown';
  const p = who.partition ?? 'aws';
  const names = [who.arn];
  if (who.account) names.push(who.account, `arn:${p}:iam::${who.account}:root`);
  if (who.kind === 'assumed-role' && who.roleName && who.account) names.push(`arn:${p}:iam::${who.account}:role/${who.roleName}`);
  return referenceCanName(v, names) ? 'unknown' : 'none';
}

function matchAwsValue(v: string, who: Who): PrincipalClass {
  if (v === '*') return 'direct';
  if (v.includes('${') && iacReferences(v).length > 0) return referencedValue(v, who);
  const acct = accountOfPrincipalValue(v);
  if (acct !== null) {
    if (who.kind === 'service' || who.kind === 'federated' || who.kind === 'anonymous') return 'none';
    if (who.account === null) return 'unknown';
    return acct === who.account ? 'account' : 'none';
  }
  if (who.arn === null) {
    // caller unknown: a principal ARN in another account than the (known) caller's cannot match
    const a = parseArn(v);
    if (a && who.account !== null && isAccountId(a.account) && a.account !== who.account) return 'none';
    return 'unknown';
  }
  // a role ARN as the caller stands for "some session of this role": naming it is a grant to the role
  if (v === who.arn) return who.kind === 'role' ? 'role' : 'direct';
  if (who.kind === 'assumed-role' && who.roleName !== null) {
    const r = roleParts(v);
    // Role names are unique in an account whatever the path, and IAM stores a Principal role ARN as the
    // role's unique id: the path in the policy never decides the match (docs/decisions/013).
    if (r && r.account === who.account && r.name === who.roleName && r.partition === who.partition) return 'role';
  }
  return 'none';
}

export function matchPrincipalElement(el: PrincipalElement, who: Who): PrincipalClass {
  if (el.wildcard) return 'direct';
  let cls: PrincipalClass = 'none';
  for (const v of el.AWS) cls = best(cls, matchAwsValue(v, who));
  const exact = (vals: string[], ci: boolean): void => {
    for (const v of vals) {
      if (v === '*') cls = best(cls, 'direct');
      else if (who.arn === null) cls = best(cls, 'unknown');
      else if (ci ? v.toLowerCase() === who.arn.toLowerCase() : v === who.arn) cls = best(cls, 'direct');
    }
  };
  exact(el.Service, true);
  exact(el.Federated, false);
  exact(el.CanonicalUser, false);
  return cls;
}

/**
 * NotPrincipal: applies to everyone the element does not name.
 * With Deny, AWS evaluates every identity of the caller: a user is exempt only when both its ARN and its
 * account are listed, a role session only when the session ARN, the role ARN and the account are all
 * listed ("you must also specify the account ARN … otherwise the policy might deny access to the entire
 * account"; docs/decisions/011).
 */
export function matchNotPrincipalElement(el: PrincipalElement, who: Who, effect: 'Allow' | 'Deny' = 'Allow'): PrincipalClass {
  const cls = matchPrincipalElement(el, who);
  if (cls === 'unknown') return 'unknown';
  if (effect === 'Allow' || el.wildcard || who.kind === 'service' || who.kind === 'federated' || who.kind === 'anonymous') {
    return cls === 'none' ? 'direct' : 'none';
  }
  if (el.AWS.includes('*')) return 'none';
  const named = new Set<PrincipalClass>();
  for (const v of el.AWS) named.add(matchAwsValue(v, who));
  if (named.has('unknown')) return 'unknown';
  const needed: PrincipalClass[] = who.kind === 'assumed-role' ? ['direct', 'role', 'account'] : who.kind === 'root' ? ['account'] : ['direct', 'account'];
  return needed.every((c) => named.has(c)) ? 'none' : 'direct';
}
