/**
 * Condition operators: every family, `…IfExists`, `ForAnyValue:` / `ForAllValues:`, policy variables,
 * absence rules and three-valued results when a key is unknown.
 */
import type { ConditionClause, ConditionOutcome } from '../types.js';
import { arnMatch, isArn } from './arn.js';
import { Memo } from './cache.js';
import type { ContextView } from './context.js';
import { cidrContains, parseCidr, parseIp } from './ip.js';
import { and3, or3, not3, type T3 } from './logic.js';
import { matchPattern } from './match.js';
import { resolveValue, type Resolved } from './variables.js';

type Family = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

interface OpDef {
  name: string;
  family: Family;
  /** Negated operators (StringNotEquals …): true when no policy value matches. */
  negated: boolean;
  variables: boolean;
  wildcards: boolean;
  /** The positive test of one policy value against one request value. */
  test: (policy: Extract<Resolved, { kind: 'ok' }>, actual: string) => boolean;
}

/** Decimal numbers only (no hex, no exponent), as IAM writes them. */
function num(s: string): number | null {
  const t = s.trim();
  if (t === '' || t.length > 64 || !/^[+-]?\d{1,40}(\.\d{1,20})?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Epoch milliseconds from ISO 8601 or epoch seconds. */
export function parseDate(s: string): number | null {
  const t = s.trim();
  if (t === '' || t.length > 64) return null;
  if (/^-?\d{1,16}(\.\d{1,9})?$/.test(t)) return Number(t) * 1000;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
}

function cmpNum(f: (a: number, b: number) => boolean) {
  return (p: Extract<Resolved, { kind: 'ok' }>, actual: string): boolean => {
    const a = num(actual);
    const b = num(p.text);
    return a !== null && b !== null && f(a, b);
  };
}
function cmpDate(f: (a: number, b: number) => boolean) {
  return (p: Extract<Resolved, { kind: 'ok' }>, actual: string): boolean => {
    const a = parseDate(actual);
    const b = parseDate(p.text);
    return a !== null && b !== null && f(a, b);
  };
}

const strEq = (p: Extract<Resolved, { kind: 'ok' }>, a: string): boolean => p.text === a;
const strEqIc = (p: Extract<Resolved, { kind: 'ok' }>, a: string): boolean => p.text.toLowerCase() === a.toLowerCase();
const strLike = (p: Extract<Resolved, { kind: 'ok' }>, a: string): boolean => matchPattern(p.pattern, a);
/** ARN operators compare the six parts; a policy value or request value that is not an ARN never matches. */
const arnLike = (p: Extract<Resolved, { kind: 'ok' }>, a: string): boolean => arnMatch(p.pattern, a, false, true);
const cidrMemo = new Memo<ReturnType<typeof parseCidr> | false>();
const ipMemo = new Memo<ReturnType<typeof parseIp> | false>();
const makeCidr = (s: string): ReturnType<typeof parseCidr> | false => parseCidr(s) ?? false;
const makeIp = (s: string): ReturnType<typeof parseIp> | false => parseIp(s) ?? false;
const ipIn = (p: Extract<Resolved, { kind: 'ok' }>, a: string): boolean => {
  const c = cidrMemo.get(p.text, makeCidr) || null;
  const ip = ipMemo.get(a, makeIp) || null;
  return c !== null && ip !== null && cidrContains(c, ip);
};
const boolEq = (p: Extract<Resolved, { kind: 'ok' }>, a: string): boolean => {
  const x = p.text.toLowerCase();
  const y = a.toLowerCase();
  return (x === 'true' || x === 'false') && x === y;
};

const defs: OpDef[] = [
  { name: 'StringEquals', family: 'string', negated: false, variables: true, wildcards: false, test: strEq },
  { name: 'StringNotEquals', family: 'string', negated: true, variables: true, wildcards: false, test: strEq },
  { name: 'StringEqualsIgnoreCase', family: 'string', negated: false, variables: true, wildcards: false, test: strEqIc },
  { name: 'StringNotEqualsIgnoreCase', family: 'string', negated: true, variables: true, wildcards: false, test: strEqIc },
  { name: 'StringLike', family: 'string', negated: false, variables: true, wildcards: true, test: strLike },
  { name: 'StringNotLike', family: 'string', negated: true, variables: true, wildcards: true, test: strLike },
  { name: 'NumericEquals', family: 'numeric', negated: false, variables: false, wildcards: false, test: cmpNum((a, b) => a === b) },
  { name: 'NumericNotEquals', family: 'numeric', negated: true, variables: false, wildcards: false, test: cmpNum((a, b) => a === b) },
  { name: 'NumericLessThan', family: 'numeric', negated: false, variables: false, wildcards: false, test: cmpNum((a, b) => a < b) },
  { name: 'NumericLessThanEquals', family: 'numeric', negated: false, variables: false, wildcards: false, test: cmpNum((a, b) => a <= b) },
  { name: 'NumericGreaterThan', family: 'numeric', negated: false, variables: false, wildcards: false, test: cmpNum((a, b) => a > b) },
  { name: 'NumericGreaterThanEquals', family: 'numeric', negated: false, variables: false, wildcards: false, test: cmpNum((a, b) => a >= b) },
  { name: 'DateEquals', family: 'date', negated: false, variables: false, wildcards: false, test: cmpDate((a, b) => a === b) },
  { name: 'DateNotEquals', family: 'date', negated: true, variables: false, wildcards: false, test: cmpDate((a, b) => a === b) },
  { name: 'DateLessThan', family: 'date', negated: false, variables: false, wildcards: false, test: cmpDate((a, b) => a < b) },
  { name: 'DateLessThanEquals', family: 'date', negated: false, variables: false, wildcards: false, test: cmpDate((a, b) => a <= b) },
  { name: 'DateGreaterThan', family: 'date', negated: false, variables: false, wildcards: false, test: cmpDate((a, b) => a > b) },
  { name: 'DateGreaterThanEquals', family: 'date', negated: false, variables: false, wildcards: false, test: cmpDate((a, b) => a >= b) },
  { name: 'Bool', family: 'bool', negated: false, variables: false, wildcards: false, test: boolEq },
  { name: 'BinaryEquals', family: 'binary', negated: false, variables: false, wildcards: false, test: strEq },
  { name: 'IpAddress', family: 'ip', negated: false, variables: false, wildcards: false, test: ipIn },
  { name: 'NotIpAddress', family: 'ip', negated: true, variables: false, wildcards: false, test: ipIn },
  { name: 'ArnEquals', family: 'arn', negated: false, variables: true, wildcards: true, test: arnLike },
  { name: 'ArnLike', family: 'arn', negated: false, variables: true, wildcards: true, test: arnLike },
  { name: 'ArnNotEquals', family: 'arn', negated: true, variables: true, wildcards: true, test: arnLike },
  { name: 'ArnNotLike', family: 'arn', negated: true, variables: true, wildcards: true, test: arnLike },
  { name: 'Null', family: 'null', negated: false, variables: false, wildcards: false, test: () => false },
];

const byLower = new Map<string, OpDef>(defs.map((d) => [d.name.toLowerCase(), d]));

export interface ParsedOperator {
  baseOperator: string;
  setOperator: 'ForAnyValue' | 'ForAllValues' | null;
  ifExists: boolean;
  def: OpDef | null;
  /** The operator exists but is written in another case. */
  caseDiffers: boolean;
}

const operatorMemo = new Memo<ParsedOperator>(1024);

export function parseOperator(op: string): ParsedOperator {
  return operatorMemo.get(op, parseOperatorUncached);
}

function parseOperatorUncached(op: string): ParsedOperator {
  let rest = op.trim();
  let setOperator: ParsedOperator['setOperator'] = null;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') setOperator = 'ForAnyValue';
    else if (prefix === 'forallvalues') setOperator = 'ForAllValues';
    else return { baseOperator: rest, setOperator: null, ifExists: false, def: null, caseDiffers: false };
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists') && rest.length > 8) {
    ifExists = true;
    rest = rest.slice(0, -8);
  }
  const def = byLower.get(rest.toLowerCase()) ?? null;
  if (def && def.name === 'Null' && ifExists) {
    return { baseOperator: rest, setOperator, ifExists, def: null, caseDiffers: false };
  }
  return { baseOperator: def ? def.name : rest, setOperator, ifExists, def, caseDiffers: def !== null && def.name !== rest };
}

export function operatorFamily(baseOperator: string): Family | null {
  return byLower.get(baseOperator.toLowerCase())?.family ?? null;
}

/** One policy value against one request value: true/false/unknown (unknown when a variable is unknown). */
function valueMatches(def: OpDef, value: string, actual: string, ctx: ContextView, variables: boolean): T3 | 'missing' {
  const r = resolveValue(value, ctx, { variables: variables && def.variables, wildcards: def.wildcards });
  if (r.kind === 'unknown') return 'unknown';
  if (r.kind === 'missing') return 'missing';
  return def.test(r, actual);
}

/**
 * Does a request value satisfy the (possibly negated) operator against the policy values?
 * A policy variable that cannot be resolved never matches; for a negated operator it makes the
 * condition false (AWS: an unresolvable variable can invalidate the whole statement).
 */
function satisfies(def: OpDef, values: string[], actual: string, ctx: ContextView, variables: boolean): T3 {
  // a request value of the wrong type (not an IP / not an ARN) matches neither the operator nor its negation
  if (def.family === 'ip' && !ipMemo.get(actual, makeIp)) return false;
  if (def.family === 'arn' && !isArn(actual)) return false;
  const results = values.map((v) => valueMatches(def, v, actual, ctx, variables));
  if (def.negated && results.includes('missing')) return false;
  const any = or3(...results.map((x) => (x === 'missing' ? false : x)));
  return def.negated ? not3(any) : any;
}

export function evaluateClause(clause: ConditionClause, ctx: ContextView, variables: boolean): ConditionOutcome {
  const out: ConditionOutcome = { operator: clause.operator, key: clause.key, values: clause.values, result: false };
  const parsed = parseOperator(clause.operator);
  const def = parsed.def;
  const actual = ctx.get(clause.key);
  if (actual === undefined) {
    out.actual = undefined;
  } else {
    out.actual = actual;
  }
  if (!def) {
    out.result = false;
    return out;
  }
  if (def.family === 'null') {
    if (actual === undefined) {
      out.result = 'unknown';
      return out;
    }
    const isAbsent = actual === null || actual.length === 0;
    out.result = clause.values.some((v) => v.toLowerCase() === (isAbsent ? 'true' : 'false'));
    return out;
  }
  if (actual === undefined) {
    out.result = 'unknown';
    return out;
  }
  if (parsed.setOperator === null && actual !== null && ctx.isMultivalued(clause.key)) {
    // a multivalued key (given as a list) needs a set operator; without one nothing matches (decision 008)
    out.result = false;
    return out;
  }
  const absent = actual === null || (actual.length === 0 && parsed.setOperator === null);
  if (absent) {
    if (parsed.ifExists) out.result = true;
    else if (parsed.setOperator === 'ForAllValues') out.result = true;
    else if (parsed.setOperator === 'ForAnyValue') out.result = false;
    else out.result = def.negated;
    return out;
  }
  const reqValues = actual as string[];
  if ((def.family === 'string' || def.family === 'arn') && reqValues.length === 1 && ctx.pathUnknown(clause.key)) {
    out.result = pathUnknownResult(def, clause.values, reqValues[0] as string, ctx, variables);
    return out;
  }
  if (parsed.setOperator === 'ForAllValues') {
    out.result = and3(...reqValues.map((a) => satisfies(def, clause.values, a, ctx, variables)));
  } else if (parsed.setOperator === 'ForAnyValue') {
    out.result = or3(...reqValues.map((a) => satisfies(def, clause.values, a, ctx, variables)));
  } else if (reqValues.length === 1) {
    out.result = satisfies(def, clause.values, reqValues[0] as string, ctx, variables);
  } else {
    // Several request values need a set operator (AWS: "Multivalued context keys require a condition
    // set operator"); without one the condition does not match (docs/decisions/008).
    out.result = false;
  }
  return out;
}

/** `arn:…:role/name` → the same ARN with `path` (`/a/b/`) before the name. */
function withPath(roleArn: string, path: string): string {
  const i = roleArn.indexOf(':role/');
  return i < 0 ? roleArn : roleArn.slice(0, i) + ':role' + path + roleArn.slice(i + 6);
}

/** The path a role-ARN pattern asks for (`…:role/aws-reserved/<glob>/name` → `/aws-reserved/x/`, wildcards as `x`), or null. */
function patternPath(value: string): string | null {
  const i = value.indexOf(':role/');
  if (i < 0 || value.includes('$')) return null;
  const rest = value.slice(i + 5);
  const last = rest.lastIndexOf('/');
  if (last <= 0) return null;
  let out = '';
  for (const ch of rest.slice(0, last + 1)) out += ch === '*' || ch === '?' ? 'x' : ch;
  return out;
}

const OTHER_PATH = '/q7z9-other-path/';

/**
 * A role session's aws:PrincipalArn is its role ARN *with the role's path*, which the assumed-role
 * ARN does not show (docs/decisions/013). Each policy value is tried with the paths that matter for
 * it — `/`, the path it names itself, an unrelated one: true for all → true, for none → false,
 * otherwise unknown; the values then combine as usual. Linear in the number of values.
 */
function pathUnknownResult(def: OpDef, values: string[], noPath: string, ctx: ContextView, variables: boolean): T3 {
  if (def.family === 'arn' && !isArn(noPath)) return false;
  let any: T3 = false;
  for (const v of values) {
    const own = patternPath(v);
    let sawTrue = false;
    let sawFalse = false;
    let unknown = false;
    for (const path of ['/', OTHER_PATH, own]) {
      if (path === null || (path === own && (own === '/' || own === OTHER_PATH))) continue;
      const r = valueMatches(def, v, withPath(noPath, path), ctx, variables);
      if (r === 'missing') {
        if (def.negated) return false; // an unresolvable variable voids a negated condition (as in satisfies)
        sawFalse = true;
        break;
      }
      if (r === 'unknown') unknown = true;
      else if (r) sawTrue = true;
      else sawFalse = true;
    }
    const one: T3 = unknown || (sawTrue && sawFalse) ? 'unknown' : sawTrue;
    any = or3(any, one);
    if (any === true) break;
  }
  return def.negated ? not3(any) : any;
}

export function evaluateConditions(
  clauses: ConditionClause[],
  ctx: ContextView,
  variables: boolean,
): { result: T3; outcomes: ConditionOutcome[] } {
  const outcomes = clauses.map((c) => evaluateClause(c, ctx, variables));
  return { result: and3(...outcomes.map((o) => o.result)), outcomes };
}

export const OPERATOR_NAMES = defs.map((d) => d.name);
