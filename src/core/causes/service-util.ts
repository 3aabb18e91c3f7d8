/**
 * Small, pure helpers shared by the cause families in sts-session.ts, request.ts, target.ts,
 * credentials.ts, oidc.ts, saml.ts, service.ts, s3.ts and kms.ts: reading the message text,
 * the action, the caller and the pasted policies, and building minimal policy corrections.
 *
 * Every text search is a plain `indexOf` on a lower-cased copy (linear time, no regex on input
 * beyond bounded, unambiguous patterns).
 */
import type { ContextValue, Evidence, Policy, PolicyKind, PrincipalElement, Statement } from '../types.js';
import type { CauseContext, CommandTemplate, FixCommand, SignalResult } from './types.js';
import { perAnswer } from './signals.js';
import { hayIndex, lowerCached, mayMention } from './text-index.js';
import { ctxCache } from './memo.js';

// ───────────────────────────── text ─────────────────────────────

// hay (the folded, lower-cased paste) and its phrase index live in text-index.ts, shared with signals.ts
export { hay } from './text-index.js';

/** Does the text contain any of the (lower-case) phrases? */
export function has(ctx: CauseContext, ...phrases: string[]): boolean {
  const h = hayIndex(ctx);
  for (const p of phrases) if (h.includes(p)) return true;
  return false;
}

/** The first phrase found, or null. */
export function firstOf(ctx: CauseContext, ...phrases: string[]): string | null {
  const h = hayIndex(ctx);
  for (const p of phrases) if (h.includes(p)) return p;
  return null;
}

/**
 * The token that follows `marker` in the original text (case-insensitive search), up to the first
 * whitespace, quote or one of `stops`; null when absent. Bounded to 300 characters.
 */
const tokenSource = ctxCache<{ src: string; lower: string }>();

export function tokenAfter(ctx: CauseContext, marker: string, stops = ''): string | null {
  const m = marker.toLowerCase();
  // most markers are absent: the trigram filter says so before the text is copied and lower-cased
  if (!mayMention(ctx, m)) return null;
  let t = tokenSource.get(ctx);
  if (!t) {
    const full = `${ctx.text ?? ''}\n${ctx.parsed.message ?? ''}`;
    t = { src: full, lower: full.toLowerCase() };
    tokenSource.set(ctx, t);
  }
  const src = t.src;
  const i = t.lower.indexOf(m);
  if (i < 0) return null;
  let j = i + marker.length;
  while (j < src.length && (src[j] === ' ' || src[j] === '\t')) j++;
  let out = '';
  while (j < src.length && out.length < 300) {
    const ch = src[j] as string;
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '"' || ch === "'" || ch === '`' || stops.includes(ch)) break;
    out += ch;
    j++;
  }
  return out.length ? out : null;
}

// ───────────────────────────── the error ─────────────────────────────

export const lower = (s: string | null | undefined): string => lowerCached(s);

/** The parsed action, lower-cased ('' when none). */
export function action(ctx: CauseContext): string {
  return lower(ctx.parsed.action);
}

export function actionIs(ctx: CauseContext, ...actions: string[]): boolean {
  const a = action(ctx);
  return actions.some((x) => x.toLowerCase() === a);
}

/** The API operation: parsed, else `when calling the X operation` in the text (lower-case, '' when none). */
export function operation(ctx: CauseContext): string {
  if (ctx.parsed.operation) return ctx.parsed.operation.toLowerCase();
  const t = tokenAfter(ctx, 'when calling the ');
  return t && /^[A-Za-z0-9]{2,80}$/.test(t) ? t.toLowerCase() : '';
}

/** The service prefix of the action (`s3`), or of the target ARN. */
export function service(ctx: CauseContext): string {
  const a = action(ctx);
  const i = a.indexOf(':');
  if (i > 0) return a.slice(0, i);
  return lower(ctx.parsed.target?.service);
}

/** errorCode comparison ignoring case and a trailing `Exception`. */
export function codeIs(ctx: CauseContext, ...codes: string[]): boolean {
  return codeIn(ctx, codes);
}

/** codeIs over a list the caller already holds (no copy of it per question). */
export function codeIn(ctx: CauseContext, codes: readonly string[]): boolean {
  const c = errorCodeOf(ctx);
  if (!c) return false;
  for (const x of codes) if (normalCode(x) === c) return true;
  return false;
}

/** The message's error code, normalized once per answer (the causes ask about it a few dozen times). */
const errorCodeOf = perAnswer((ctx: CauseContext): string => stripException(lower(ctx.parsed.errorCode)));

/**
 * A code the causes compare with, normalized once: they are the catalog's constants, a few dozen,
 * and each was lower-cased and cut again at every question. Bounded, like every module-level cache.
 */
const normalCodes = new Map<string, string>();
const NORMAL_CODES_MAX = 512;
function normalCode(code: string): string {
  let n = normalCodes.get(code);
  if (n === undefined) {
    n = stripException(code.toLowerCase());
    if (normalCodes.size < NORMAL_CODES_MAX) normalCodes.set(code, n);
  }
  return n;
}

function stripException(s: string): string {
  return s.endsWith('exception') ? s.slice(0, -'exception'.length) : s;
}

const ASSUME = ['sts:assumerole', 'sts:assumerolewithwebidentity', 'sts:assumerolewithsaml'];

/** The failed call is an AssumeRole-family call (incl. TagSession / SetSourceIdentity on a role). */
export function isAssumeFamily(ctx: CauseContext): boolean {
  const a = action(ctx);
  if (ASSUME.includes(a) || a === 'sts:tagsession' || a === 'sts:setsourceidentity') return true;
  const op = lower(ctx.parsed.operation);
  if (op.startsWith('assumerole')) return true;
  if (a || op) return false;
  // the refusal names another service's resource (SQS's "Access to the resource <queue URL> is denied."): the call was
  // on it, whatever the paste says about how the credentials were obtained (docs/decisions/026)
  const svc = ctx.parsed.target?.service;
  if (svc && svc !== 'iam' && svc !== 'sts') return false;
  return has(ctx, 'assumerole', 'assume role', 'cannot be assumed', 'role-to-assume', 'assume-role');
}

export const isWebIdentity = perAnswer((ctx: CauseContext): boolean => isWebIdentityUncached(ctx));
function isWebIdentityUncached(ctx: CauseContext): boolean {
  if (actionIs(ctx, 'sts:AssumeRoleWithWebIdentity')) return true;
  if (lower(ctx.parsed.operation) === 'assumerolewithwebidentity') return true;
  if (isSaml(ctx)) return false;
  return has(ctx, 'assumerolewithwebidentity', 'webidentityerr', 'web identity', 'webidentity', 'openidconnect',
    'with oidc', 'oidc-provider/', 'invalididentitytoken', 'verification key from your identity provider', 'idpcommunicationerror');
}

export const isSaml = perAnswer((ctx: CauseContext): boolean => isSamlUncached(ctx));
function isSamlUncached(ctx: CauseContext): boolean {
  if (actionIs(ctx, 'sts:AssumeRoleWithSAML')) return true;
  if (lower(ctx.parsed.operation) === 'assumerolewithsaml') return true;
  return has(ctx, 'assumerolewithsaml', 'assume-role-with-saml', 'saml response', 'samlresponse', 'authnresponse', 'saml-provider/', 'saml assertion', 'saml:aud');
}

/** Caller and target accounts are both known (12 digits) and differ; null when unknown. */
export function crossAccount(ctx: CauseContext): boolean | null {
  const c = ctx.parsed.caller?.accountId ?? null;
  const t = ctx.parsed.target?.accountId ?? null;
  if (c && t && /^\d{12}$/.test(c) && /^\d{12}$/.test(t)) return c !== t;
  return ctx.parsed.crossAccount ?? null;
}

export function denyKind(ctx: CauseContext): 'explicit' | 'implicit' | 'unknown' {
  return ctx.parsed.deny.kind;
}

export function denyType(ctx: CauseContext): string | null {
  return ctx.parsed.deny.policyType;
}

// ───────────────────────────── evidence ─────────────────────────────

export function fromMessage(text: string): Evidence {
  return { text, source: 'message' };
}
export function fromRequest(text: string): Evidence {
  return { text, source: 'request' };
}
export function fromContext(text: string): Evidence {
  return { text, source: 'context' };
}
export function fromPolicy(text: string, policy: number, statement?: number): Evidence {
  return statement === undefined ? { text, source: 'policy', policy } : { text, source: 'policy', policy, statement };
}
export function sig(weight: number, evidence: Evidence, proof?: 'confirmed' | 'ruled-out'): SignalResult {
  return proof ? { weight, evidence, proof } : { weight, evidence };
}

// ───────────────────────────── policies ─────────────────────────────

export interface Indexed { index: number; policy: Policy }

export function policiesOf(ctx: CauseContext, ...kinds: PolicyKind[]): Indexed[] {
  const out: Indexed[] = [];
  ctx.policies.forEach((policy, index) => {
    if (policy.valid && kinds.includes(policy.kind)) out.push({ index, policy });
  });
  return out;
}

/** `policy` 'sid' label for evidence: `statement Sid` or `statement #n`. */
export function stmtLabel(st: Statement): string {
  // people count from 1; the evidence's `statement` field stays 0-based
  return st.sid ? `statement ${st.index + 1} "${st.sid}"` : `statement ${st.index + 1}`;
}

export function policyLabel(p: Policy, index: number): string {
  // people count from 1; the evidence's `policy` field stays 0-based
  return `policy ${index + 1} (${p.name || `${p.kind} policy`})`;
}

/** IAM wildcard match (`*`, `?`), two-pointer, no exponential backtracking. */
export function glob(pattern: string, text: string, ignoreCase = true): boolean {
  if (pattern === '*') return true;
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === t[ti]))) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

const STAR = -1;
const ONE = -2;

/** A pattern as tokens: `*` (any run) and `?` (any one character) when `wildcards`, else every character literal. */
export function globTokens(s: string, wildcards: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(wildcards && c === 42 ? STAR : wildcards && c === 63 ? ONE : c);
  }
  return out;
}

/**
 * Whether some string matches both token patterns (globTokens), or null when they are too long to decide.
 * Reachability over pairs of positions, each visited once: O(|a|·|b|), no backtracking.
 */
export function globsMeet(a: number[], b: number[], maxPairs = 2_000_000): boolean | null {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > maxPairs) return null;
  const seen = new Uint8Array((n + 1) * (m + 1));
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number): void => {
    const k = i * (m + 1) + j;
    if (!seen[k]) { seen[k] = 1; stack.push(k); }
  };
  while (stack.length) {
    const k = stack.pop() as number;
    const i = Math.floor(k / (m + 1));
    const j = k % (m + 1);
    if (i === n && j === m) return true;
    const x = i < n ? a[i] as number : null;
    const y = j < m ? b[j] as number : null;
    if (x === STAR) push(i + 1, j); // the run is empty
    if (y === STAR) push(i, j + 1);
    if (x === null || y === null) continue;
    // one character consumed by both
    if (x === STAR && y !== STAR) push(i, j + 1);
    else if (y === STAR && x !== STAR) push(i + 1, j);
    else if (x !== STAR && (x === ONE || y === ONE || x === y)) push(i + 1, j + 1);
  }
  return false;
}

/** Does the statement's Action / NotAction cover the action? */
export function coversAction(st: Statement, act: string): boolean {
  if (st.action) return st.action.some((a) => glob(a, act));
  if (st.notAction) return !st.notAction.some((a) => glob(a, act));
  return false;
}

/** Does the statement's Resource / NotResource cover the ARN? (`true` when no Resource element.) */
export function coversResource(st: Statement, arn: string | null): boolean | 'unknown' {
  if (!st.resource && !st.notResource) return true;
  if (!arn) return 'unknown';
  if (st.resource) return st.resource.some((r) => glob(r, arn, false));
  return !(st.notResource ?? []).some((r) => glob(r, arn, false));
}

const ACCT = /^\d{12}$/;

function accountOfValue(v: string): string | null {
  if (ACCT.test(v)) return v;
  if (v.startsWith('arn:') && v.endsWith(':root')) {
    const parts = v.split(':');
    const a = parts[4] ?? '';
    return ACCT.test(a) ? a : null;
  }
  return null;
}

/** The caller as principal-matching wants it. */
interface CallerView {
  arn: string | null;
  type: string;
  account: string | null;
  /** role name (for roles and sessions) or user name */
  name: string | null;
}

function callerView(ctx: CauseContext): CallerView {
  const c = ctx.parsed.caller;
  const arn = c?.arn && !c.arn.includes('<') && !c.arn.includes('*') && !c.arn.includes('...') ? c.arn : null;
  const acct = c?.accountId && ACCT.test(c.accountId) ? c.accountId : null;
  return { arn, type: c?.type ?? 'unknown', account: acct, name: c?.name ?? null };
}

export type PrincipalMatch = 'direct' | 'account' | 'unknown' | 'none';

const MATCH_RANK: Record<PrincipalMatch, number> = { direct: 3, account: 2, unknown: 1, none: 0 };

/**
 * How a Principal element names the caller: directly (its ARN, its role for a session, `*`, its
 * service), through its account (`123456789012` / `:root`, which also needs an identity-policy
 * Allow), 'unknown' (caller or account not known) or not at all. Role ARNs match a session of
 * that role (any path: the session ARN carries none).
 */
export function principalMatch(el: PrincipalElement | null, ctx: CauseContext): PrincipalMatch {
  if (!el) return 'unknown';
  if (el.wildcard) return 'direct';
  const who = callerView(ctx);
  let result: PrincipalMatch = 'none';
  const up = (r: PrincipalMatch): void => {
    if (MATCH_RANK[r] > MATCH_RANK[result]) result = r;
  };
  for (const v of el.AWS) {
    if (v === '*') { up('direct'); continue; }
    const acct = accountOfValue(v);
    if (acct) {
      if (who.type === 'service') up('none');
      else up(who.account ? (acct === who.account ? 'account' : 'none') : 'unknown');
      continue;
    }
    if (!who.arn) {
      const a = v.split(':')[4] ?? '';
      up(who.account && ACCT.test(a) && a !== who.account ? 'none' : 'unknown');
      continue;
    }
    if (v === who.arn) { up('direct'); continue; }
    if ((who.type === 'assumed-role' || who.type === 'role') && v.includes(':role/')) {
      const a = v.split(':')[4] ?? '';
      const name = v.slice(v.lastIndexOf('/') + 1);
      up(a === who.account && name === who.name ? 'direct' : 'none');
      continue;
    }
    up('none');
  }
  for (const v of el.Service) {
    if (who.type === 'service' && who.arn) up(v.toLowerCase() === who.arn.toLowerCase() ? 'direct' : 'none');
  }
  // a federated caller (web identity, SAML) has no ARN in the message: the provider may be it
  if (el.Federated.length && !who.arn && (who.type === 'unknown' || who.type === 'web-identity' || who.type === 'saml')) {
    if (isWebIdentity(ctx) || isSaml(ctx)) up('unknown');
  }
  return result;
}

/** Does a Principal element name the caller (directly or through its account)? */
export function principalNamesCaller(el: PrincipalElement | null, ctx: CauseContext): boolean | 'unknown' {
  const m = principalMatch(el, ctx);
  return m === 'unknown' ? 'unknown' : m !== 'none';
}

/** How the statement's Principal / NotPrincipal names the caller; identity-style statements (no Principal) apply directly. */
export function statementMatch(st: Statement, ctx: CauseContext): PrincipalMatch {
  if (st.principal) return principalMatch(st.principal, ctx);
  if (st.notPrincipal) {
    const r = principalMatch(st.notPrincipal, ctx);
    return r === 'unknown' ? 'unknown' : r === 'none' ? 'direct' : 'none';
  }
  return 'direct';
}

export interface StatementHit {
  policy: Indexed;
  statement: Statement;
  /** How the statement names the caller (never 'none' in a hit). */
  match: PrincipalMatch;
  conditional: boolean;
}

/** Allow (or Deny) statements of the given policies that cover `act` and may name the caller. */
export function statementsFor(list: Indexed[], act: string, ctx: CauseContext, effect: 'Allow' | 'Deny' = 'Allow', resource?: string | null): StatementHit[] {
  const out: StatementHit[] = [];
  for (const ip of list) {
    for (const st of ip.policy.statements) {
      if (st.effect !== effect || !coversAction(st, act)) continue;
      if (resource !== undefined && coversResource(st, resource) === false) continue;
      const match = statementMatch(st, ctx);
      if (match === 'none') continue;
      out.push({ policy: ip, statement: st, match, conditional: st.conditions.length > 0 });
    }
  }
  return out;
}

/** Allow statements that name the caller for an AssumeRole-family action (the statement a fix extends). */
export function trustStatementsForCaller(ctx: CauseContext, list: Indexed[]): StatementHit[] {
  const out: StatementHit[] = [];
  for (const ip of list) {
    for (const st of ip.policy.statements) {
      if (st.effect !== 'Allow') continue;
      if (!ASSUME.some((a) => coversAction(st, a))) continue;
      const match = statementMatch(st, ctx);
      if (match === 'none') continue;
      out.push({ policy: ip, statement: st, match, conditional: st.conditions.length > 0 });
    }
  }
  // best match first
  return out.sort((x, y) => MATCH_RANK[y.match] - MATCH_RANK[x.match]);
}

// ───────────────────────────── evaluation ─────────────────────────────

export function verdictOf(ctx: CauseContext, policyIndex: number): string | null {
  const ev = ctx.evaluation?.policies.find((p) => p.policy === policyIndex);
  return ev ? ev.verdict : null;
}

export function statementRecord(ctx: CauseContext, policyIndex: number, statementIndex: number) {
  const ev = ctx.evaluation?.policies.find((p) => p.policy === policyIndex);
  return ev?.statements.find((s) => s.index === statementIndex) ?? null;
}

/** A context value as a list of strings, or null when absent. */
export function ctxValues(ctx: CauseContext, key: string): string[] | null {
  const k = key.toLowerCase();
  for (const [name, v] of Object.entries(ctx.context)) {
    if (name.toLowerCase() === k) return toStrings(v);
  }
  return null;
}

function toStrings(v: ContextValue): string[] {
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** Context keys (with values) whose names end with `suffix` (e.g. `:sub`). */
export function ctxEndingWith(ctx: CauseContext, suffix: string): Array<{ key: string; values: string[] }> {
  const out: Array<{ key: string; values: string[] }> = [];
  const s = suffix.toLowerCase();
  for (const [name, v] of Object.entries(ctx.context)) if (name.toLowerCase().endsWith(s)) out.push({ key: name, values: toStrings(v) });
  return out;
}

// ───────────────────────────── corrected documents ─────────────────────────────

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

type Doc = Record<string, unknown>;

/** The policy document as an object with a Statement array, cloned; null when not usable. */
export function editableDoc(policy: Policy): { doc: Doc; statements: Doc[]; wasArray: boolean } | null {
  const d = policy.document;
  if (!d || typeof d !== 'object' || Array.isArray(d)) return null;
  const doc = clone(d as Doc);
  const st = doc.Statement;
  if (Array.isArray(st)) return { doc, statements: st as Doc[], wasArray: true };
  if (st && typeof st === 'object') return { doc, statements: [st as Doc], wasArray: false };
  return null;
}

function commit(e: { doc: Doc; statements: Doc[]; wasArray: boolean }): Doc {
  e.doc.Statement = e.wasArray || e.statements.length !== 1 ? e.statements : e.statements[0];
  return e.doc;
}

/** Adds actions to one statement's Action element (kept as a string when it was one and nothing is added). */
export function withActionsAdded(policy: Policy, statementIndex: number, actions: string[]): Doc | null {
  const e = editableDoc(policy);
  if (!e) return null;
  const st = e.statements[statementIndex];
  if (!st || st.NotAction !== undefined) return null;
  const cur = st.Action;
  const list: string[] = Array.isArray(cur) ? cur.map(String) : typeof cur === 'string' ? [cur] : [];
  let changed = false;
  for (const a of actions) {
    if (!list.some((x) => glob(x, a))) { list.push(a); changed = true; }
  }
  if (!changed) return null;
  st.Action = list;
  return commit(e);
}

/** Appends a statement. */
export function withStatementAdded(policy: Policy, statement: Doc): Doc | null {
  const e = editableDoc(policy);
  if (!e) return null;
  e.statements.push(statement);
  e.wasArray = true;
  return commit(e);
}

/** Adds `operator: { key: value }` to one statement's Condition (merging values). */
export function withConditionAdded(policy: Policy, statementIndex: number, operator: string, key: string, value: string): Doc | null {
  const e = editableDoc(policy);
  if (!e) return null;
  const st = e.statements[statementIndex];
  if (!st) return null;
  const cond = (st.Condition && typeof st.Condition === 'object' ? st.Condition : {}) as Record<string, Record<string, unknown>>;
  const block = (cond[operator] && typeof cond[operator] === 'object' ? cond[operator] : {}) as Record<string, unknown>;
  const prev = block[key];
  const vals = Array.isArray(prev) ? prev.map(String) : typeof prev === 'string' ? [prev] : [];
  if (!vals.includes(value)) vals.push(value);
  block[key] = vals.length === 1 ? vals[0] : vals;
  cond[operator] = block;
  st.Condition = cond;
  return commit(e);
}

/** Replaces the values of one condition key in a statement (first operator that holds it). */
export function withConditionValues(policy: Policy, statementIndex: number, key: string, values: string[]): Doc | null {
  const e = editableDoc(policy);
  if (!e) return null;
  const st = e.statements[statementIndex];
  if (!st || !st.Condition || typeof st.Condition !== 'object') return null;
  const cond = st.Condition as Record<string, Record<string, unknown>>;
  for (const op of Object.keys(cond)) {
    const block = cond[op];
    if (!block || typeof block !== 'object') continue;
    for (const k of Object.keys(block)) {
      if (k.toLowerCase() === key.toLowerCase()) {
        block[k] = values.length === 1 ? values[0] : values;
        return commit(e);
      }
    }
  }
  return null;
}

/** The IAM role ARN behind the caller (a session's role, path unknown), or null. */
export function callerRoleArn(ctx: CauseContext): string | null {
  const c = ctx.parsed.caller;
  if (!c) return null;
  if (c.type === 'role' && c.arn) return c.arn;
  if (c.type === 'assumed-role') {
    if (c.roleArn) return c.roleArn;
    if (c.accountId && c.name) return `arn:${c.partition ?? 'aws'}:iam::${c.accountId}:role/${c.name}`;
  }
  return null;
}

/** The principal ARN a policy should name for the caller: role ARN for sessions, else the caller ARN. */
export function callerPrincipal(ctx: CauseContext): string | null {
  const c = ctx.parsed.caller;
  if (!c) return null;
  if (c.type === 'assumed-role' || c.type === 'role') return callerRoleArn(ctx);
  if (c.arn && (c.type === 'user' || c.type === 'service' || c.type === 'root')) return c.arn;
  return null;
}

/** Opt-in Regions (not enabled by default): v1 global-endpoint tokens are not valid there. */
export const OPT_IN_REGIONS = new Set([
  'af-south-1', 'ap-east-1', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ap-east-2', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);

/** A Region named by the error (parsed, in the target ARN, or `--region x` in the text). */
export function regionOf(ctx: CauseContext): string | null {
  if (ctx.parsed.region) return ctx.parsed.region;
  if (ctx.parsed.target?.region) return ctx.parsed.target.region;
  const r = tokenAfter(ctx, '--region ');
  return r && /^[a-z]{2}(-[a-z]{2,10}){1,2}-\d{1,2}$/.test(r) ? r : null;
}

// ───────────────────────────── KMS key policies ─────────────────────────────

/** Pasted key policies: resource policies whose statements are about kms: actions. */
export function keyPolicies(ctx: CauseContext): Indexed[] {
  return policiesOf(ctx, 'resource').filter(({ policy }) => policy.statements.some((st) =>
    (st.action ?? st.notAction ?? []).some((a) => a.toLowerCase().startsWith('kms:'))));
}

export interface KeyGrant {
  pasted: boolean;
  /** An unconditional Allow naming the caller (or its role) for the action. */
  direct: StatementHit | null;
  /** An unconditional Allow naming the caller's account (delegation to IAM). */
  account: StatementHit | null;
  conditional: StatementHit | null;
  unknown: StatementHit | null;
  /** The key policy looks AWS managed (kms:ViaService + kms:CallerAccount for everyone in one account). */
  awsManaged: { hit: Indexed; account: string | null } | null;
}

/** What the fixed key policy of an AWS managed key allows: use through the service, and the key's metadata to its account. */
const MANAGED_KEY_ACTIONS = new Set(['kms:encrypt', 'kms:decrypt', 'kms:reencrypt*', 'kms:reencryptfrom', 'kms:reencryptto', 'kms:generatedatakey*',
  'kms:generatedatakey', 'kms:generatedatakeywithoutplaintext', 'kms:creategrant', 'kms:describekey', 'kms:describe*', 'kms:get*', 'kms:list*', 'kms:revokegrant']);
const MANAGED_KEY_PREFIXES = ['kms:describe', 'kms:get', 'kms:list', 'kms:reencrypt', 'kms:generatedatakey'];
function managedKeyAction(a: string): boolean {
  const l = a.toLowerCase();
  return MANAGED_KEY_ACTIONS.has(l) || (!l.includes('*') && MANAGED_KEY_PREFIXES.some((p) => l.startsWith(p)));
}

export function keyGrant(ctx: CauseContext, act: string): KeyGrant {
  const list = keyPolicies(ctx);
  const out: KeyGrant = { pasted: list.length > 0, direct: null, account: null, conditional: null, unknown: null, awsManaged: null };
  for (const h of statementsFor(list, act, ctx, 'Allow')) {
    if (h.conditional) { out.conditional ??= h; continue; }
    if (h.match === 'direct') out.direct ??= h;
    else if (h.match === 'account') out.account ??= h;
    else out.unknown ??= h;
  }
  for (const ip of list) {
    // an AWS managed key's fixed policy allows only use through the service and reading the key's metadata; one that
    // allows administering the key (kms:*, kms:PutKeyPolicy, …) is a customer managed key's (docs/decisions/026)
    if (ip.policy.statements.some((st) => st.effect === 'Allow' && (st.action ?? []).some((a) => !managedKeyAction(a)))) continue;
    for (const st of ip.policy.statements) {
      const keys = st.conditions.map((c) => c.key.toLowerCase());
      if (st.effect === 'Allow' && (!st.principal || st.principal.wildcard || st.principal.AWS.includes('*')) && keys.includes('kms:calleraccount') && keys.includes('kms:viaservice')) {
        const ca = st.conditions.find((c) => c.key.toLowerCase() === 'kms:calleraccount');
        out.awsManaged = { hit: ip, account: ca?.values[0] ?? null };
      }
    }
  }
  return out;
}

/** Whether pasted identity policies allow the action on the key (null when none pasted). */
export function identityAllowsOn(ctx: CauseContext, act: string, arn: string | null): boolean | null {
  const ids = policiesOf(ctx, 'identity');
  if (!ids.length) return null;
  return statementsFor(ids, act, ctx, 'Allow', arn && arn.startsWith('arn:') ? arn : undefined).some((h) => !h.conditional);
}

/** The context mentions KMS: a kms: action, a key ARN, or KMS wording. */
export const isKmsContext = perAnswer((ctx: CauseContext): boolean => isKmsContextUncached(ctx));
function isKmsContextUncached(ctx: CauseContext): boolean {
  if (service(ctx) === 'kms' || lower(ctx.parsed.target?.service) === 'kms') return true;
  return has(ctx, 'kms:', 'kmsaccessdenied', 'customer master key', 'access to kms is not allowed', 'kms access was denied', 'kms exception', ':kms:', 'aws kms', 'with aws kms', 'invalidciphertext', 'kms key', 'kms service key', 'ciphertext references a key');
}

/**
 * Actions CloudTrail records as data events, which Event history (lookup-events) never holds:
 * S3 object operations, Lambda Invoke, DynamoDB item reads and writes.
 */
/**
 * Calls CloudTrail never records, in event history or in a trail: API Gateway's execute-api:Invoke (the stage's access
 * logs hold them) and OpenSearch Service's HTTP requests to a domain, es:ESHttp* (CloudTrail captures only its
 * configuration API; the domain's audit logs hold _search, _bulk …).
 */
export function notInCloudTrail(action: string | null): boolean {
  const a = (action ?? '').toLowerCase();
  return a === 'execute-api:invoke' || isOpenSearchHttp(a);
}
/** es:ESHttpGet / Post / Put / Delete / Head / Patch: a request to an OpenSearch domain's own REST API. */
export function isOpenSearchHttp(action: string | null): boolean {
  return (action ?? '').toLowerCase().startsWith('es:eshttp');
}

export function isDataEvent(action: string | null): boolean {
  const a = (action ?? '').toLowerCase();
  if (a.startsWith('s3:')) {
    const name = a.slice(3);
    return name.includes('object') || name === 'abortmultipartupload' || name === 'listmultipartuploadparts';
  }
  return a === 'lambda:invokefunction' || DYNAMODB_ITEM.has(a);
}

const DYNAMODB_ITEM = new Set(['getitem', 'putitem', 'updateitem', 'deleteitem', 'query', 'scan', 'batchgetitem', 'batchwriteitem', 'transactgetitems', 'transactwriteitems', 'conditioncheckitem'].map((n) => `dynamodb:${n}`));

/**
 * Commands run where the key lives carry --profile like every other family's: the target's account profile when the
 * error names the key (the target), else the key's account, which the error does not name. Commands of the caller's
 * IAM side or run by the caller carry {callerProfile}, as caller.ts's do.
 */
const keyIsTarget = (ctx: CauseContext) => !!ctx.facts.keyArn;
export function inKeyAccount(step: CommandTemplate): CommandTemplate[] {
  return [
    { ...step, command: `${step.command} --profile {targetProfile}`, when: keyIsTarget },
    { ...step, command: `${step.command} --profile <key-account-profile>`, when: (ctx) => !keyIsTarget(ctx) },
  ];
}
export function inKeyAccountFix(command: string): FixCommand[] {
  return [
    { command: `${command} --profile {targetProfile}`, when: keyIsTarget },
    { command: `${command} --profile <key-account-profile>`, when: (ctx) => !keyIsTarget(ctx) },
  ];
}
