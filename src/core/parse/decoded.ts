/**
 * The message `aws sts decode-authorization-message` prints for an encoded authorization failure
 * (docs/decisions/024): `{"allowed":false,"explicitDeny":…,"matchedStatements":{"items":[…]},
 * "failures":…,"context":{"principal":…,"action":…,"resource":…,"conditions":{"items":[…]}}}`.
 * People paste it as the CLI's JSON (`{"DecodedMessage": "<escaped JSON>"}`, unescaped by unwrap),
 * as `--query DecodedMessage --output text` prints it, through `jq .`, or inside boto3's response
 * dict. Read with jsonc-parser (no eval), which keeps what it read of a paste cut short; every list
 * and string is bounded, every scan linear.
 */
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { ContextValue, DecodedAuthorization, DecodedCondition, DecodedStatement, ErrorSource, ParsedError } from '../types.js';
import { opToAction, servicePrefix } from './codes.js';
import { isRegion } from './text.js';
import { jsonValueEnd } from '../json-scan.js';

/** How far one decoded message is read (AWS's are a few thousand characters; a paste is at most 100 000). */
const MAX_DECODED_CHARS = 60_000;
const MAX_DEPTH = 32;
const MAX_MESSAGES = 5;
const MAX_STATEMENTS = 20;
const MAX_CONDITIONS = 200;
const MAX_VALUES = 50;
const MAX_STRING = 2048;

/** The decision's first key (AWS prints it first; `jq -S` sorts it first too). */
const ANCHOR_G = /"allowed" ?: ?(?:true|false)\b/g;
const ACTION_RE = /^[a-z0-9][a-z0-9-]{0,40}:[A-Za-z0-9*][A-Za-z0-9*_-]{0,120}$/;
const OPERATION_RE = /^[A-Z][A-Za-z0-9]{1,100}$/;

/** One decoded message found in the flattened text, with the fields the parser reads from it. */
export interface DecodedRead {
  start: number;
  end: number;
  decoded: DecodedAuthorization;
  action: string | null;
  /** The printed action when no service could be put before it (`RunInstances` alone), else null. */
  operation: string | null;
  callerRaw: string | null;
  targetRaw: string | null;
  region: string | null;
  /** boto3 printed the response dict; else the AWS CLI (or jq after it). */
  source: ErrorSource;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= MAX_STRING ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** `{"items":[…]}` as AWS prints every list, or a plain array. */
function itemsOf(v: unknown, max: number): unknown[] {
  const list = Array.isArray(v) ? v : isObj(v) && Array.isArray(v['items']) ? v['items'] : [];
  return list.length > max ? list.slice(0, max) : list;
}

/** `{"items":[{"value":"x"}]}`, `["x"]` or `"x"` → ['x']. */
function valuesOf(v: unknown): string[] {
  if (typeof v === 'string') return str(v) ? [v] : [];
  const out: string[] = [];
  for (const x of itemsOf(v, MAX_VALUES)) {
    const s = str(isObj(x) ? x['value'] : x);
    if (s !== null) out.push(s);
  }
  return out;
}

function conditionsOf(v: unknown): DecodedCondition[] {
  const out: DecodedCondition[] = [];
  for (const x of itemsOf(v, MAX_CONDITIONS)) {
    const key = isObj(x) ? str(x['key']) : null;
    if (key) out.push({ key, values: valuesOf((x as Obj)['values']) });
  }
  return out;
}

function statementOf(v: unknown): DecodedStatement | null {
  if (!isObj(v)) return null;
  const effect = str(v['effect'])?.toLowerCase();
  return {
    statementId: str(v['statementId']),
    effect: effect === 'deny' ? 'Deny' : effect === 'allow' ? 'Allow' : null,
    principals: valuesOf(v['principals']),
    actions: valuesOf(v['actions']),
    resources: valuesOf(v['resources']),
    conditions: conditionsOf(v['conditions']),
  };
}

/** The first value of the first of `keys` the request carried (keys compared case-insensitively). */
export function decodedValue(conditions: DecodedCondition[], ...keys: string[]): string | null {
  for (const k of keys) {
    const l = k.toLowerCase();
    const c = conditions.find((x) => x.key.toLowerCase() === l);
    if (c?.values[0]) return c.values[0];
  }
  return null;
}

/**
 * The IAM action: printed with its service (`ec2:RunInstances`, `iam:PassRole`) or as the bare
 * operation (`RunInstances`, AWS CLI's own example), whose service the request's aws:Service key or
 * the resource ARN names.
 */
function actionFrom(printed: string | null, conditions: DecodedCondition[], resource: string | null): { action: string | null; operation: string | null } {
  if (!printed) return { action: null, operation: null };
  if (ACTION_RE.test(printed)) return { action: printed, operation: null };
  if (!OPERATION_RE.test(printed)) return { action: null, operation: null };
  const named = decodedValue(conditions, 'aws:Service');
  const arnService = resource?.startsWith('arn:') ? resource.split(':', 3)[2] ?? null : null;
  const svc = (named ? servicePrefix(named) : null) ?? (arnService ? servicePrefix(arnService) : null);
  const action = opToAction(svc, printed);
  return action ? { action, operation: null } : { action: null, operation: printed };
}

/** The object the anchor opens, when `"allowed"` is its first key: the `{` before it (spaces between). */
function openingBrace(s: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && at - i < 8 && s.charCodeAt(i) === 32) i--;
  return i >= 0 && s.charCodeAt(i) === 123 ? i : -1;
}

function readOne(s: string, start: number): DecodedRead | null {
  const { end, closed } = jsonValueEnd(s, start, MAX_DECODED_CHARS, MAX_DEPTH);
  const errors: ParseError[] = [];
  let doc: unknown;
  try {
    doc = parseJsonc(s.slice(start, end), errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    return null;
  }
  if (!isObj(doc)) return null;
  const allowed = bool(doc['allowed']);
  const explicitDeny = bool(doc['explicitDeny']);
  // a decision alone is any JSON's: the decoded message's own parts (or a paste cut right after them) tell it apart
  const own = isObj(doc['matchedStatements']) || isObj(doc['context']) || isObj(doc['failures']);
  if (allowed === null || explicitDeny === null || !(own || (!closed && end >= s.length))) return null;
  const context = isObj(doc['context']) ? doc['context'] : {};
  const principal = isObj(context['principal']) ? context['principal'] : {};
  const conditions = conditionsOf(context['conditions']);
  const matchedStatements: DecodedStatement[] = [];
  for (const x of itemsOf(doc['matchedStatements'], MAX_STATEMENTS)) {
    const st = statementOf(x);
    if (st) matchedStatements.push(st);
  }
  const resource = str(context['resource']);
  const { action, operation } = actionFrom(str(context['action']), conditions, resource);
  const region = decodedValue(conditions, 'aws:RequestedRegion', 'aws:Region', 'ec2:Region');
  const before = s.slice(Math.max(0, start - 40), start);
  return {
    start, end,
    decoded: { allowed, explicitDeny, matchedStatements, conditions, truncated: !closed || errors.length > 0 },
    action, operation,
    callerRaw: str(principal['arn']),
    targetRaw: resource,
    region: isRegion(region) ? region : null,
    source: before.includes("'DecodedMessage'") ? 'boto3' : 'aws-cli',
  };
}

/** Every decoded authorization message in `s` (the flattened paste), in order; at most a few. */
export function readDecodedMessages(s: string): DecodedRead[] {
  const out: DecodedRead[] = [];
  if (!s.includes('"allowed"')) return out;
  ANCHOR_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  let tries = 0;
  while ((m = ANCHOR_G.exec(s)) !== null && out.length < MAX_MESSAGES && tries++ < 50) {
    const start = openingBrace(s, m.index);
    if (start < 0) continue;
    const read = readOne(s, start);
    if (!read) continue;
    out.push(read);
    ANCHOR_G.lastIndex = Math.max(ANCHOR_G.lastIndex, read.end);
  }
  ANCHOR_G.lastIndex = 0;
  return out;
}

/**
 * The request's condition values a decoded message shows, as evaluation context: each key as
 * printed (one value → a string, several → a list), and aws:RequestedRegion from aws:Region when the
 * message lists only the latter (it is the Region the request was sent to). {} when none.
 */
export function decodedContext(parsed: ParsedError): Record<string, ContextValue> {
  const conditions = parsed.decoded?.conditions;
  if (!conditions?.length) return {};
  const out: Record<string, ContextValue> = {};
  for (const c of conditions) {
    if (!c.values.length) continue;
    out[c.key] = c.values.length === 1 ? (c.values[0] as string) : c.values.slice();
  }
  const region = decodedValue(conditions, 'aws:Region');
  if (region && decodedValue(conditions, 'aws:RequestedRegion') === null) out['aws:RequestedRegion'] = region;
  return out;
}
