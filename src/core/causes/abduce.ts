/**
 * Reasoning backwards from what AWS itself says (docs/decisions/016).
 *
 * When the message names the policy type that refused ("with an explicit deny in a service control
 * policy", "because no identity-based policy allows …") and exactly one pasted statement of that type
 * could have produced that outcome — for an explicit deny the only matching Deny whose condition is
 * unknown, for an implicit deny the only matching Allow whose one unknown condition decides — then
 * that statement is the one, and its unknown conditions must have come out the way that explains the
 * refusal: true for the Deny, false for the Allow. Causes read `abduction(ctx)` to confirm themselves;
 * explain() reports the inferred values.
 */
import type { ConditionOutcome, InferredRelation, InferredValue, PolicyKind } from '../types.js';
import type { CauseContext } from './types.js';
import {
  actionOf, denyKind, denyType, evaluationOf, isDenial, policyLabel, policyWords, principalOk, statementViews, stmtLabel,
  type StatementView,
} from './signals.js';
import { parseOperator } from '../policy/conditions.js';
import { ctxCache } from './memo.js';

export interface Abduction {
  /** The policy type AWS named, as a pasted-policy kind. */
  kind: PolicyKind;
  /** Deny: the message reports an explicit deny; Allow: an implicit one. */
  effect: 'Allow' | 'Deny';
  view: StatementView;
  /** The conditions whose values were unknown (for an Allow: exactly one). */
  unknown: ConditionOutcome[];
  values: InferredValue[];
  /** Evidence sentence naming the statement and what the call must have carried. */
  text: string;
}

/** The policy type of the message → the kind of pasted policy that holds its statements. */
const KIND_OF: Record<string, PolicyKind> = {
  'identity-based': 'identity', 'resource-based': 'resource', 'role-trust': 'trust', 'service-control': 'scp',
  'resource-control': 'rcp', 'permissions-boundary': 'permissions-boundary', session: 'session', 'vpc-endpoint': 'vpc-endpoint',
};
const SHORT: Record<PolicyKind, string> = {
  identity: 'identity-policy', resource: 'resource-policy', trust: 'trust-policy', scp: 'SCP', rcp: 'RCP',
  'permissions-boundary': 'boundary', session: 'session-policy', 'vpc-endpoint': 'endpoint-policy',
};

const cache = ctxCache<Abduction | null>();

/** The one statement AWS's message points at, with what the call must have carried; null when it cannot be told. */
export function abduction(ctx: CauseContext): Abduction | null {
  if (cache.has(ctx)) return cache.get(ctx) ?? null;
  let out: Abduction | null = null;
  try { out = abduce(ctx); } catch { out = null; }
  cache.set(ctx, out);
  return out;
}

/** The abduction when it is about this kind of policy (and, when given, this effect). */
export function abducedFor(ctx: CauseContext, kind: PolicyKind, effect?: 'Allow' | 'Deny'): Abduction | null {
  const a = abduction(ctx);
  return a && a.kind === kind && (!effect || a.effect === effect) ? a : null;
}

/** The values an answer reports (empty when nothing was inferred). */
export function inferredValues(ctx: CauseContext): InferredValue[] {
  return abduction(ctx)?.values ?? [];
}

/** The engine saw a non-condition element fail (Principal, NotPrincipal, Action, Resource …). */
function engineExcludes(v: StatementView): boolean {
  const r = v.record;
  return !!r && r.matched === false && !!r.failedElement && r.failedElement !== 'Condition';
}

function abduce(ctx: CauseContext): Abduction | null {
  const type = denyType(ctx);
  const dk = denyKind(ctx);
  if (!type || (dk !== 'explicit' && dk !== 'implicit') || !ctx.evaluation || !isDenial(ctx)) return null;
  const kind = KIND_OF[type];
  if (!kind) return null;
  const explicit = dk === 'explicit';
  if (!explicit) {
    // RCPFullAWSAccess always allows: an RCP only denies. SCP levels all need an Allow, and a level
    // nobody pasted may be the one without it. KMS says "no resource-based policy allows" even when the
    // caller's IAM policy is what lacks the grant.
    if (kind === 'rcp' || kind === 'scp') return null;
    if (kind === 'resource' && actionOf(ctx).startsWith('kms:')) return null;
    // an explicit deny the pasted policies surely show would have been reported as one: stale copies
    if (ctx.evaluation.decision === 'explicit-deny') return null;
  }
  const docs = ctx.policies.map((p, i) => ({ p, i })).filter((x) => x.p.kind === kind);
  if (!docs.length) return null;
  // a copy read only in part (or not at all) may hide the statement that decided
  if (docs.some(({ p }) => !p.valid || p.issues.some((x) => x?.code === 'invalid-json'))) return null;
  const applicable = new Set(docs.filter(({ i }) => evaluationOf(ctx, i)?.verdict !== 'not-applicable').map(({ i }) => i));
  if (!applicable.size) return null;
  const views = statementViews(ctx, [kind]).filter((v) => applicable.has(v.policyIndex));
  const effect = explicit ? 'Deny' : 'Allow';
  const candidates = views.filter((v) => v.st.effect === effect && v.action && v.resource !== false
    && (v.principal === null || principalOk(v)) && v.condition !== false && !engineExcludes(v));
  if (candidates.length !== 1) return null;
  const v = candidates[0]!;
  if (v.condition !== 'unknown' || v.principal === 'maybe') return null;
  // only its condition may be open: a Resource that does not surely cover the target leaves two explanations
  if ((v.st.resource || v.st.notResource) && v.resource !== true) return null;
  if ([...(v.st.resource ?? []), ...(v.st.notResource ?? [])].some((r) => r.includes('${'))) return null;
  const unknown = v.conditions.filter((o) => o.result === 'unknown');
  if (!unknown.length || (!explicit && unknown.length !== 1)) return null;
  if (explicit && kind === 'scp') {
    // AWS has worded an allow-list SCP's missing Allow as an explicit deny: pasted allow-list SCPs that
    // do not surely allow the call leave that reading open
    const allows = views.filter((x) => x.st.effect === 'Allow');
    if (allows.length && !allows.some((x) => x.action && x.resource !== false && x.condition === true)) return null;
  }
  const values = unknown.map((o) => inferredValue(o, explicit, v, kind));
  return { kind, effect, view: v, unknown, values, text: evidenceText(ctx, type, kind, explicit, v, unknown, values) };
}

// ───────────────────────────── relations ─────────────────────────────

/** [the relation that makes the operator's test pass on a present value, its negation] */
function relationsOf(base: string): [InferredRelation, InferredRelation] | null {
  switch (base) {
    case 'StringEquals': case 'StringEqualsIgnoreCase': case 'StringNotEquals': case 'StringNotEqualsIgnoreCase':
    case 'NumericEquals': case 'NumericNotEquals': case 'DateEquals': case 'DateNotEquals': case 'Bool': case 'BinaryEquals':
      return ['be one of', 'not be one of'];
    case 'StringLike': case 'StringNotLike': case 'ArnEquals': case 'ArnLike': case 'ArnNotEquals': case 'ArnNotLike':
      return ['match one of', 'match none of'];
    case 'IpAddress': case 'NotIpAddress': return ['be in', 'not be in'];
    case 'NumericLessThan': return ['be less than', 'be at least'];
    case 'NumericLessThanEquals': return ['be at most', 'be greater than'];
    case 'NumericGreaterThan': return ['be greater than', 'be at most'];
    case 'NumericGreaterThanEquals': return ['be at least', 'be less than'];
    case 'DateLessThan': return ['be before', 'be at or after'];
    case 'DateLessThanEquals': return ['be at or before', 'be after'];
    case 'DateGreaterThan': return ['be after', 'be at or before'];
    case 'DateGreaterThanEquals': return ['be at or after', 'be before'];
    default: return null;
  }
}

/**
 * What the condition's outcome (`holds`) says about the call's value, with the engine's rules: on an
 * absent key `…IfExists` and negated operators are true, plain operators false, ForAnyValue false,
 * ForAllValues true; Null tests presence itself.
 */
export function relate(o: ConditionOutcome, holds: boolean): { must: InferredRelation; values: string[]; orAbsent: boolean } {
  const op = parseOperator(o.operator);
  const def = op.def;
  const opaque = { must: (holds ? 'satisfy' : 'not satisfy') as InferredRelation, values: o.values, orAbsent: false };
  if (!def) return opaque;
  if (def.name === 'Null') {
    const t = o.values.some((x) => x.toLowerCase() === 'true');
    const f = o.values.some((x) => x.toLowerCase() === 'false');
    if (t === f) return opaque;
    const absent = holds ? t : !t;
    return { must: absent ? 'be absent' : 'be present', values: [], orAbsent: false };
  }
  const rel = relationsOf(def.name);
  if (!rel) return opaque;
  const [pos, neg] = rel;
  if (op.setOperator === 'ForAnyValue') {
    if (def.negated) return opaque;
    return holds ? { must: 'include one of', values: o.values, orAbsent: op.ifExists } : { must: 'include none of', values: o.values, orAbsent: !op.ifExists };
  }
  if (op.setOperator === 'ForAllValues') {
    if (def.negated) return opaque;
    return holds ? { must: 'all be among', values: o.values, orAbsent: true } : { must: 'include a value outside', values: o.values, orAbsent: false };
  }
  const absentHolds = op.ifExists || def.negated;
  const presentRel = def.negated ? neg : pos;
  const other = presentRel === pos ? neg : pos;
  return holds ? { must: presentRel, values: o.values, orAbsent: absentHolds } : { must: other, values: o.values, orAbsent: !absentHolds };
}

const PAST: Record<InferredRelation, [string, string]> = {
  // [one value, several values]
  'be one of': ['was', 'was one of'], 'not be one of': ['was not', 'was none of'],
  'match one of': ['matched', 'matched one of'], 'match none of': ['did not match', 'matched none of'],
  'be in': ['was in', 'was in one of'], 'not be in': ['was not in', 'was in none of'],
  'be less than': ['was less than', 'was less than one of'], 'be at most': ['was at most', 'was at most one of'],
  'be greater than': ['was greater than', 'was greater than one of'], 'be at least': ['was at least', 'was at least one of'],
  'be before': ['was before', 'was before one of'], 'be at or before': ['was at or before', 'was at or before one of'],
  'be after': ['was after', 'was after one of'], 'be at or after': ['was at or after', 'was at or after one of'],
  'include one of': ['included', 'included one of'], 'include none of': ['did not include', 'included none of'],
  'all be among': ['held only', 'held only values among'], 'include a value outside': ['held a value other than', 'held a value outside'],
  'be absent': ['was absent', 'was absent'], 'be present': ['was present', 'was present'],
  satisfy: ['satisfied', 'satisfied'], 'not satisfy': ['did not satisfy', 'did not satisfy'],
};

function sentence(key: string, r: { must: InferredRelation; values: string[]; orAbsent: boolean }, operator: string): string {
  if (r.must === 'be absent') return `the call carried no ${key}`;
  if (r.must === 'be present') return `the call carried ${key}`;
  const [one, many] = PAST[r.must];
  const vals = r.must === 'satisfy' || r.must === 'not satisfy' ? `${operator} ${r.values.join(', ')}` : r.values.join(', ');
  return `${key} ${r.values.length > 1 ? many : one} ${vals}${r.orAbsent ? ` (or the call carried no ${key})` : ''}`;
}

function inferredValue(o: ConditionOutcome, holds: boolean, v: StatementView, kind: PolicyKind): InferredValue {
  const r = relate(o, holds);
  return {
    key: o.key, must: r.must, values: r.values, orAbsent: r.orAbsent, operator: o.operator,
    text: sentence(o.key, r, o.operator),
    from: { policy: v.policyIndex, statement: v.st.index, sid: v.st.sid, kind, effect: v.st.effect },
  };
}

/** What to check next, for keys people meet most (the relation decides which way it reads). */
function hint(x: InferredValue): string | null {
  const k = x.key.toLowerCase();
  const negative = x.must === 'not be one of' || x.must === 'match none of' || x.must === 'not be in' || x.must === 'be absent';
  if (k === 'aws:requestedregion' && negative) return 'the call was made in another Region: check the Region your SDK/CLI uses (AWS_REGION, --region, the profile\'s region)';
  if (k === 'aws:sourcevpce' && negative) return 'the call did not come through those VPC endpoints: check the network path (DNS of the endpoint, a laptop or CI runner outside the VPC)';
  if (k === 'aws:sourcevpc' && negative) return 'the call did not come from that VPC';
  if (k === 'aws:sourceip' && negative) return 'the call came from another network address (through a VPC endpoint there is no aws:SourceIp at all)';
  if (k === 'aws:multifactorauthpresent' && (x.must === 'be absent' || (x.must === 'be one of' && x.values.every((v) => v.toLowerCase() === 'false')) || (x.must === 'not be one of' && x.values.every((v) => v.toLowerCase() === 'true')))) {
    return 'the credentials carried no MFA: call with credentials from aws sts get-session-token --serial-number … --token-code …';
  }
  if (k.startsWith('aws:principaltag/')) return 'check the caller\'s tags (aws iam list-role-tags / list-user-tags) and any session tags';
  if (k.startsWith('aws:resourcetag/')) return 'check the resource\'s tags';
  if (k === 'sts:sourceidentity' && x.must === 'be absent') return 'the call set no source identity: pass --source-identity';
  if (k === 'sts:externalid') return 'check the external id the call passed (--external-id)';
  if (k === 'aws:principalorgid' || k === 'aws:principalorgpaths') return 'the caller\'s account is not where the condition expects in the organization';
  if (k === 'aws:securetransport') return 'check whether the call used plain HTTP';
  return null;
}

function conditionWords(o: ConditionOutcome): string {
  return `${o.operator} ${o.key} ${o.values.join(', ')}`;
}

function evidenceText(ctx: CauseContext, type: string, kind: PolicyKind, explicit: boolean, v: StatementView, unknown: ConditionOutcome[], values: InferredValue[]): string {
  const words = policyWords(ctx, type);
  const where = `${stmtLabel(v.st)} of ${policyLabel(v.policy, v.policyIndex)}`;
  const so = values.map((x) => x.text).join(' and ');
  const hints = values.map(hint).filter((h): h is string => !!h);
  const tail = hints.length ? ` — ${hints.join('; ')}` : '';
  if (explicit) {
    return `AWS says an explicit deny in ${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words} refused the call, and the only ${SHORT[kind]} Deny among the pasted ones that can match it is ${where} (${unknown.map(conditionWords).join(' and ')}): so ${so}${tail}.`;
  }
  return `AWS says no ${words} allows the call, and the only ${SHORT[kind]} Allow among the pasted ones that could have allowed it is ${where}, which allows only when ${conditionWords(unknown[0]!)}: that condition was false for this call, so ${so}${tail}.`;
}
