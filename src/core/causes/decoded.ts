/**
 * What a pasted decoded authorization message tells the policy causes (docs/decisions/024): the
 * statements AWS found matching (for an explicit deny, the Deny itself) and, for an implicit deny,
 * that no statement allowed the call. The message names no policy and no policy type: a matched
 * statement decides a cause only when a pasted policy holds that very statement.
 */
import type { DecodedStatement, PolicyKind, Statement } from '../types.js';
import type { CauseContext, SignalResult } from './types.js';
import { confirm, ev, policyLabel, stmtLabel, weigh } from './signals.js';

const KIND_WORDS: Record<PolicyKind, string> = {
  trust: 'role trust policy', identity: 'identity-based policy', resource: 'resource-based policy', scp: 'service control policy',
  rcp: 'resource control policy', 'permissions-boundary': 'permissions boundary', session: 'session policy', 'vpc-endpoint': 'VPC endpoint policy',
};

const MAX_LISTED = 4;

function list(values: string[]): string {
  if (!values.length) return 'nothing listed';
  const shown = values.slice(0, MAX_LISTED).join(', ');
  return values.length > MAX_LISTED ? `${shown} and ${values.length - MAX_LISTED} more` : shown;
}

/** `"DenyOutsideEU" (Deny ec2:RunInstances on *, when aws:RequestedRegion eu-west-1/eu-central-1)` for people. */
export function describeDecodedStatement(st: DecodedStatement): string {
  const id = st.statementId ? `"${st.statementId}"` : 'without a statement id';
  const conds = st.conditions.length
    ? `, when ${st.conditions.slice(0, MAX_LISTED).map((c) => `${c.key} ${c.values.join('/') || '(no value listed)'}`).join(' and ')}`
    : ', no conditions';
  return `${id} (${st.effect ?? 'effect cut off'} ${list(st.actions)} on ${list(st.resources)}${conds})`;
}

const lowerSet = (xs: string[] | null) => new Set((xs ?? []).map((x) => x.toLowerCase()));

/** The pasted statement is the decoded one: same Sid, and its Action / Resource list what the decoded one lists. */
function sameStatement(d: DecodedStatement, st: Statement): boolean {
  if (!d.statementId || st.sid !== d.statementId) return false;
  if (d.effect && st.effect !== d.effect) return false;
  const actions = lowerSet(st.action);
  const resources = lowerSet(st.resource);
  return (st.action === null || d.actions.every((a) => actions.has(a.toLowerCase())))
    && (st.resource === null || d.resources.every((r) => resources.has(r.toLowerCase())));
}

/** The pasted policy statement that is `d`, if any. */
function holderOf(ctx: CauseContext, d: DecodedStatement): { policyIndex: number; st: Statement } | null {
  for (let i = 0; i < ctx.policies.length; i++) {
    const p = ctx.policies[i]!;
    if (!p.valid) continue;
    const st = p.statements.find((s) => sameStatement(d, s));
    if (st) return { policyIndex: i, st };
  }
  return null;
}

/**
 * For a cause whose Deny lives in policies of `kind`: the decoded message's matching Deny statement as
 * evidence; it confirms the cause when a pasted policy of that kind holds the statement, and weighs
 * against it when a pasted policy of another kind does.
 */
export function decodedDeny(kind: PolicyKind) {
  return (ctx: CauseContext): SignalResult | null => {
    const d = ctx.parsed.decoded;
    if (!d || d.explicitDeny !== true) return null;
    const deny = d.matchedStatements.find((s) => s.effect === 'Deny') ?? d.matchedStatements.find((s) => s.effect === null);
    if (!deny) return null;
    const what = describeDecodedStatement(deny);
    const holder = holderOf(ctx, deny);
    if (holder) {
      const p = ctx.policies[holder.policyIndex]!;
      const at = `${stmtLabel(holder.st)} of ${policyLabel(p, holder.policyIndex)}`;
      if (p.kind === kind) return confirm(ev(`The decoded message names the matching Deny: statement ${what}; that is ${at}.`, 'policy', holder.policyIndex, holder.st.index));
      return weigh(0.3, ev(`The decoded message's matching Deny, statement ${what}, is ${at}, a ${KIND_WORDS[p.kind]}, not a ${KIND_WORDS[kind]}.`, 'policy', holder.policyIndex, holder.st.index));
    }
    return weigh(1, ev(`The decoded message shows the matching Deny: statement ${what}. It does not say which policy holds it: look for this statement id.`));
  };
}

/** For a cause that is a missing Allow: the decoded message shows no statement allowed the call. */
export function decodedNoAllow(ctx: CauseContext): SignalResult | null {
  const d = ctx.parsed.decoded;
  if (!d || d.allowed !== false || d.explicitDeny !== false) return null;
  return weigh(1, ev(`The decoded message shows an implicit deny: allowed false, explicitDeny false, so no statement allowed ${ctx.parsed.action ?? 'the call'} (and none denied it).`));
}
