/**
 * parseError: raw pasted text → the AWS authorization failures in it.
 *
 *   unwrap (escapes, XML, │ boxes, | prefixes) → flatten (whitespace runs, line breaks remembered)
 *   → scan every message shape's trigger → group adjacent hits into messages → read each message's
 *   envelope (CLI, Go, Java, JS, JSON, XML) → fields → pick the most specific as `parsed`.
 *
 * Never throws; every scan is linear; input is capped at 100 000 characters.
 */
import type { Caller, DenyKind, ErrorSource, DenyPolicyType, Issue, ParsedError, ParseResult, Target } from '../types.js';
import { cleanToken, parseCaller, parseTarget } from './arn.js';
import { GLUE_CATALOG_OPS, cliServicePrefix, isAuthishCode, knownServicePrefix, opToAction, servicePrefix, snakeToOperation } from './codes.js';
import { prefixCode, readEnvelope } from './envelope.js';
import {
  BARE_RE, SHAPE_BY_NAME, TRIGGERS, scanBare, type Hit, type ScanState,
  ACCOUNT_ONLY,
} from './message-shapes.js';
import { isAccountId } from './redaction.js';
import { SOURCE_GATES, detectSource } from './source.js';
import { GateSet, flatGate, gateOf } from './gate.js';
import { allMatches, flatten, releaseFlat, REGION_RE, isRegion, type Flat } from './text.js';
import { unwrap } from './unwrap.js';
import { readDecodedMessages, type DecodedRead } from './decoded.js';

export { SHAPES, SHAPE_BY_NAME, type MessageShape } from './message-shapes.js';
export { parseCaller, parseTarget, splitArn } from './arn.js';

export const MAX_INPUT = 100_000;

export function emptyParsed(): ParsedError {
  return {
    recognized: false, source: 'plain', errorCode: null, operation: null, action: null, caller: null, target: null,
    crossAccount: null, deny: { kind: 'unknown', policyType: null, policyArn: null }, requestId: null, region: null,
    encodedMessage: null, redactions: [], shape: null, message: null, httpStatus: null, wrappers: [],
  };
}

const KMS_OPS = new Set(['Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair', 'ReEncrypt', 'ReEncryptFrom', 'ReEncryptTo', 'DescribeKey', 'CreateGrant', 'Sign', 'Verify', 'GetPublicKey']);
const ASSUME_ACTIONS = new Set(['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity']);
const CONTEXT_ROLE_SHAPES = new Set(['duration-exceeds-max', 'role-chaining-limit', 'sts-not-authorized', 'root-cannot-assume',
  'oidc-provider-missing', 'oidc-audience-mismatch', 'oidc-jwks-unreachable', 'oidc-thumbprint', 'oidc-rejected-claim',
  'webidentity-err', 'packed-policy-too-large', 'saml-invalid-response',
  'console-switch-role-invalid']);

/** Validation wordings that do not say which AssumeRole* call failed. */
const FEDERATION_VALIDATION = new Set(['duration-exceeds-max', 'sts-request-arn-invalid', 'packed-policy-too-large']);

/** The federation call a login tool's paste is about, from its wording, or null. */
function federationOf(s: string): string | null {
  if (/AssumeRoleWithSAML|:saml-provider\/|\bSAML (?:assertion|response)|using SAML\b|saml2aws/i.test(s)) return 'sts:AssumeRoleWithSAML';
  // configure-aws-credentials says "Could not assume role with OIDC: <STS's message>" for its web identity call
  if (/AssumeRoleWithWebIdentity|:oidc-provider\/|WebIdentityErr|web[_ -]identity[_ -]token|assume role with OIDC\b/i.test(s)) return 'sts:AssumeRoleWithWebIdentity';
  return null;
}

/** IAM's own wording for its entities: `on resource: role NAME`. */
const IAM_ENTITY_RE = /^(role|user|group) ([\w+=,.@-]{1,128})$/;

/** Validation errors quote the parameter values themselves; a role ARN elsewhere is not their target. */
const NO_CONTEXT_ROLE = new Set(['sts-validation-errors', 'sts-request-arn-invalid']);

/** A message's hits merged into one, with what merging learned. */
type MergedHit = Hit & { innerCode?: string; fromCloudTrail?: boolean; primaryStart?: number; primaryEnd?: number };

interface Group {
  hits: Hit[];
  start: number;
  end: number;
}

function priority(shape: string): number {
  return SHAPE_BY_NAME.get(shape)?.priority ?? 0;
}

/** The gap between two hits holds only punctuation, connectors and an error code. */
function adjacent(gap: string): boolean {
  if (gap.length > 90) return false;
  const g = gap
    .replace(/caused by:?/gi, '')
    .replace(/api error/gi, '')
    .replace(/\b[A-Za-z][A-Za-z0-9.]{1,60}:/g, (m) => (/(?:Exception|Error|Denied|Token|TokenId|Operation|Forbidden|Err)$/.test(m.slice(0, -1)) ? '' : m));
  return g.replace(/[\s.,;:()"'[\]]/g, '').length === 0;
}

function compatible(a: Hit, b: Hit): boolean {
  if (a.shape === b.shape) return false;
  // a decoded authorization message is its own message; the error it decodes is joined after parsing (mergeDecoded)
  if (a.decoded || b.decoded) return false;
  const fam = (h: Hit) => SHAPE_BY_NAME.get(h.shape)?.family;
  if (fam(a) === 'typed' && fam(b) === 'typed') return false;
  const same = (x: string | null, y: string | null) => x === null || y === null || x.toLowerCase() === y.toLowerCase();
  return same(a.action, b.action) && same(a.targetRaw, b.targetRaw) && same(a.callerRaw, b.callerRaw);
}

function crossesLine(f: Flat, a: number, b: number): boolean {
  for (let i = a; i < b && i < f.nl.length; i++) if (f.nl[i] === 1) return true;
  return false;
}

/**
 * Sorts `a` in place, stably, as `a.sort(cmp)` does: insertion sort for the few hits of a message
 * (Array#sort allocates its work arrays even for two elements), Array#sort past 16.
 */
function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > 16) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const x = a[i] as T;
    let j = i - 1;
    while (j >= 0 && cmp(a[j] as T, x) > 0) { a[j + 1] = a[j] as T; j--; }
    a[j + 1] = x;
  }
  return a;
}

function groupHits(f: Flat, hits: Hit[]): Group[] {
  const s = f.s;
  sortSmall(hits, (x, y) => x.start - y.start || y.end - x.end);
  const groups: Group[] = [];
  for (const h of hits) {
    const g = groups[groups.length - 1];
    const bare = h.shape === 'access-denied-bare' || (g?.hits.some((x) => x.shape === 'access-denied-bare') ?? false);
    const near = g && (h.start < g.end || (adjacent(s.slice(g.end, h.start)) && !(bare && crossesLine(f, g.end, h.start))));
    if (g && near && g.hits.every((x) => compatible(x, h))) {
      g.hits.push(h);
      g.end = Math.max(g.end, h.end);
      g.start = Math.min(g.start, h.start);
      continue;
    }
    if (g && h.start >= g.start && h.end <= g.end) {
      // fully inside a message of another wording (e.g. "Access Denied" quoted in a longer text)
      if (priority(h.shape) <= Math.max(...g.hits.map((x) => priority(x.shape)))) continue;
    }
    groups.push({ hits: [h], start: h.start, end: h.end });
  }
  return groups;
}

/** Merge a group's hits: fields from the most specific wording first. */
function mergeHits(s: string, g: Group): MergedHit {
  const sorted = g.hits.length === 1 ? g.hits : sortSmall(g.hits.slice(), (a, b) => priority(b.shape) - priority(a.shape));
  const h0 = sorted[0] as Hit;
  // every field up front: one object shape (the spread plus later additions was slow)
  const m: MergedHit = {
    shape: h0.shape, start: h0.start, end: h0.end, action: h0.action, actionRedacted: h0.actionRedacted,
    callerRaw: h0.callerRaw, targetRaw: h0.targetRaw, denyKind: h0.denyKind, policyType: h0.policyType,
    policyArn: h0.policyArn, encoded: h0.encoded, code: h0.code, fallbackCode: h0.fallbackCode, targetAccount: h0.targetAccount,
    operation: h0.operation, service: h0.service, region: h0.region, requestId: h0.requestId,
    innerCode: undefined, fromCloudTrail: undefined, primaryStart: h0.start, primaryEnd: h0.end, decoded: h0.decoded, source: h0.source,
  };
  for (let k = 1; k < sorted.length; k++) {
    const h = sorted[k] as Hit;
    m.action ??= h.action;
    m.actionRedacted ||= h.actionRedacted;
    m.callerRaw ??= h.callerRaw;
    m.targetRaw ??= h.targetRaw;
    if (m.denyKind === 'unknown' && h.denyKind !== 'unknown') {
      m.denyKind = h.denyKind;
      m.policyType = h.policyType;
      m.policyArn = h.policyArn;
    }
    m.policyType ??= h.policyType;
    m.encoded ??= h.encoded;
    m.code ??= h.code;
    m.fallbackCode ??= h.fallbackCode ?? null;
    m.targetAccount ??= h.targetAccount ?? null;
    if (h.shape === 'cloudtrail-event') m.fromCloudTrail = true;
    m.operation ??= h.operation;
    m.service ??= h.service;
    m.region ??= h.region;
    m.requestId ??= h.requestId;
  }
  if (!m.code && g.hits.length > 1) {
    // a code printed between two wordings of one message ("WebIdentityErr: … caused by: Code: …")
    // g.hits are in order of start already (groupHits appends them so)
    for (let k = 1; k < g.hits.length; k++) {
      const h = g.hits[k] as Hit;
      const c = prefixCode(s.slice(Math.max(g.start, h.start - 120), h.start));
      if (c) { m.innerCode = c; break; }
    }
  }
  m.primaryStart = m.start;
  m.primaryEnd = m.end;
  m.start = g.start;
  m.end = g.end;
  return m;
}

// ───────────────────────────── CloudTrail ─────────────────────────────

function jsonField(s: string, key: string, from = 0, to = s.length): { v: string; at: number; end: number } | null {
  const re = new RegExp(`"${key}" ?: ?"((?:[^"\\\\]|\\\\.){0,4000})"`, 'g');
  re.lastIndex = from;
  const m = re.exec(s);
  if (!m || m.index > to) return null;
  return { v: (m[1] ?? '').replace(/\\"/g, '"'), at: m.index, end: m.index + m[0].length };
}

/** The service principal of a userIdentity of type AWSService (its invokedBy), or null. */
function awsServiceIdentity(s: string, ui: number): { v: string; at: number; end: number } | null {
  const close = s.indexOf('}', ui);
  const to = close < 0 ? ui + 400 : Math.min(close, ui + 400);
  const type = jsonField(s, 'type', ui, to);
  if (type?.v !== 'AWSService') return null;
  const by = jsonField(s, 'invokedBy', ui, to);
  return by && /^[a-z0-9.-]{1,80}\.amazonaws\.com(?:\.cn)?$/.test(by.v) ? by : null;
}

function cloudTrailHit(f: Flat): Hit | null {
  const s = f.s;
  const src = jsonField(s, 'eventSource');
  const code = jsonField(s, 'errorCode');
  if (!code) return null;
  const msg = jsonField(s, 'errorMessage');
  // an excerpt of an event may keep only its errorCode/errorMessage pair: read when the pair is adjacent and the code
  // names a refusal (elsewhere `"errorCode"` is any API's field)
  if (!src && !(msg && msg.at >= code.end && msg.at - code.end <= 8 && isAuthishCode(code.v))) return null;
  const name = src ? jsonField(s, 'eventName') : null;
  const region = jsonField(s, 'awsRegion');
  const reqId = jsonField(s, 'requestID') ?? jsonField(s, 'requestId');
  const ui = s.indexOf('"userIdentity"');
  // an AWS service acting on its own (a service assuming its role) has no ARN: its userIdentity is
  // {"type":"AWSService","invokedBy":"<service principal>"} (CloudTrail userIdentity element)
  const uarn = ui >= 0 ? jsonField(s, 'arn', ui, ui + 3000) ?? awsServiceIdentity(s, ui) : null;
  const rp = s.indexOf('"requestParameters"');
  const roleArn = rp >= 0 ? jsonField(s, 'roleArn', rp, rp + 3000) : null;
  // a data event lists what it touched: "resources":[{"type":"AWS::S3::Object","ARN":"…"},{"accountId":"<owner>",
  // "type":"AWS::S3::Bucket","ARN":"…"}] (CloudTrail record contents); the first ARN is the target, an accountId
  // there its owner's account (an S3 ARN holds none)
  const rs = roleArn ? -1 : s.indexOf('"resources"');
  const rsEnd = rs >= 0 ? s.indexOf(']', rs) : -1;
  const resArn = rsEnd > rs ? jsonField(s, 'ARN', rs, rsEnd) : null;
  const resAcct = resArn ? jsonField(s, 'accountId', rs, rsEnd) : null;
  const positions = [src?.at, code.at, name?.at, msg?.at, ui >= 0 ? ui : undefined].filter((x): x is number => x !== undefined);
  const start = Math.max(0, s.lastIndexOf('{', Math.min(...positions)));
  // the event reaches at least past its errorMessage's value, so the wording AWS put there is one message with it
  const end = Math.max(Math.max(...positions, roleArn?.at ?? 0, reqId?.at ?? 0) + 1, msg?.end ?? 0);
  // a terminal or a table column may have wrapped the code ("AccessDenie\nd"): codes hold no spaces
  const codeV = code.v.includes(' ') && isAuthishCode(code.v.replace(/ /g, '')) ? code.v.replace(/ /g, '') : code.v;
  const h: Hit = {
    shape: 'cloudtrail-event', start, end, action: null, actionRedacted: false,
    callerRaw: uarn?.v ?? null, targetRaw: roleArn?.v ?? (resArn?.v.startsWith('arn:') ? resArn.v : null), denyKind: 'unknown', policyType: null, policyArn: null,
    encoded: null, code: codeV, operation: name?.v ?? null, service: null, region: region?.v ?? null, requestId: reqId?.v ?? null,
    targetAccount: resAcct && /^\d{12}$/.test(resAcct.v) ? resAcct.v : null,
  };
  const svc = src ? /^([a-z0-9-]{1,60})\.amazonaws\.com$/.exec(src.v) : null;
  if (svc && name) {
    h.service = servicePrefix(svc[1] ?? '') ?? svc[1] ?? null;
    h.action = opToAction(h.service, name.v);
  }
  return h;
}

// ───────────────────────────── fields ─────────────────────────────

function specificity(p: ParsedError): number {
  let n = 0;
  if (p.errorCode) n++;
  if (p.action) n++;
  if (p.caller?.arn) n++;
  if (p.target?.arn) n++;
  if (p.deny.kind !== 'unknown') n++;
  if (p.deny.policyType) n++;
  if (p.encodedMessage) n++;
  return n + priority(p.shape ?? '') / 100;
}

const REGION_G = new RegExp(REGION_RE.source, 'g');
const COMMAND_LINE = /(?:^|[\s$>#:])aws [a-z0-9-]{2,30} [a-z0-9-]{2,60}\b|^(?:\$|>|PS [^>]{0,60}>) /;

/**
 * The region of the failing call: one printed inside the message, else the nearest one before it
 * that does not belong to an earlier command of a multi-command log, else the first one after it
 * outside any later command line (a command after the error is not the one that failed).
 */
function regionNear(f: Flat, start: number, end: number, lo: number, hi: number): string | null {
  const s = f.s;
  const a = Math.max(lo, start - 300);
  const b = Math.min(hi, end + 600);
  const lineStart = (i: number) => { let k = i; while (k > a && f.nl[k] !== 1) k--; return k; };
  const lineEnd = (i: number) => { let k = i; while (k < b && f.nl[k] !== 1) k++; return k; };
  const isCommand = (ls: number, le: number) => COMMAND_LINE.test(s.slice(ls === a ? ls : ls + 1, Math.min(le, ls + 400)));
  // the failing call's command: the last command line that starts before the message (looked
  // for only when a region printed before the message is on a command line)
  let failingCmd: number | undefined;
  const failing = (): number => {
    if (failingCmd !== undefined) return failingCmd;
    failingCmd = -1;
    for (let k = start; k > a;) {
      const ls = lineStart(k - 1);
      if (isCommand(ls, lineEnd(ls + 1))) { failingCmd = ls; break; }
      k = ls;
      if (start - k > 300) break;
    }
    return failingCmd;
  };
  let inside: string | null = null;
  let before: string | null = null;
  let after: string | null = null;
  const win = s.slice(a, b);
  REGION_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = REGION_G.exec(win)) !== null && n++ < 50) {
    const at = a + m.index;
    const r = m[1] ?? null;
    if (at >= start && at < end) { inside ??= r; continue; }
    const ls = lineStart(at);
    const cmd = isCommand(ls, lineEnd(at));
    if (at < start) {
      if (!cmd || ls === failing() || failing() < 0) before = r;
    } else if (!cmd && !after) {
      after = r;
    }
  }
  REGION_G.lastIndex = 0;
  return inside ?? before ?? after;
}

const ENDPOINT_RE = /https?:\/\/(?:[a-z0-9-]{1,40}\.)?(sqs|sns|sts|kms|ssm|dynamodb|lambda|ec2|ecr|iam|secretsmanager|logs|monitoring|events|states|kinesis|glue|athena|cloudformation)\.(?:[a-z0-9-]{1,30}\.)?amazonaws\.com|\b[a-z]{2}-[a-z]{4,9}-\d\.queue\.amazonaws\.com/;

/** The service an endpoint URL near the message names (`https://sqs.eu-west-1.amazonaws.com`), or null. */
function endpointService(win: string): string | null {
  const m = ENDPOINT_RE.exec(win);
  if (!m) return null;
  if (!m[1]) return 'sqs';
  return m[1] === 'monitoring' ? 'cloudwatch' : m[1];
}

const CLI_COMMAND_G = /\baws ([a-z0-9][a-z0-9-]{1,40}) ([a-z0-9][a-z0-9-]{1,80})(?=\s|$)/g;

/**
 * The service of the last `aws <service> <operation>` command in s[from, to) whose operation, hyphens dropped,
 * is `operation` (`associate-kms-key` ↔ AssociateKmsKey), as an IAM prefix; null when none is.
 */
function commandService(s: string, from: number, to: number, operation: string): string | null {
  const want = operation.toLowerCase();
  let found: string | null = null;
  for (const m of allMatches(CLI_COMMAND_G, s.slice(from, to), 50)) {
    if ((m[2] ?? '').replace(/-/g, '') === want) found = cliServicePrefix(m[1] ?? '') ?? found;
  }
  return found;
}

const CLIENT_CALL_G = /\b([a-z][a-z0-9]{1,30})(?:_client)?\.([a-z][a-z0-9]{0,40}(?:_[a-z0-9]{1,40}){0,10})\(/g;

/**
 * The service the program's own code names for `operation` around the message: a client call whose receiver is a
 * service name and whose method is the operation in snake case (boto3's `organizations.list_roots()` in the traceback
 * after `… ListRoots operation`), when all such calls in s[from, to) agree; null otherwise (`client.list_policies()`
 * names no service).
 */
function clientCallService(s: string, from: number, to: number, operation: string): string | null {
  let found: string | null = null;
  for (const m of allMatches(CLIENT_CALL_G, s.slice(from, to), 100)) {
    if (snakeToOperation(m[2] ?? '') !== operation) continue;
    const svc = knownServicePrefix(m[1] ?? '');
    if (!svc) continue;
    if (found && found !== svc) return null;
    found = svc;
  }
  return found;
}

const SERVICE_MODULE_RE = /\b([a-z][a-z0-9]{1,30})_service(?:\.py\b|\])/g;

/**
 * The service a log line's module names just before the message (prowler's `[File: organizations_service.py:120]
 * [Module: organizations_service]  ERROR: … ListPolicies operation`): the last `<service>_service` module or file
 * within the 200 characters before it, when it is a known service; null otherwise.
 */
function moduleService(s: string, from: number, at: number): string | null {
  let found: string | null = null;
  for (const m of allMatches(SERVICE_MODULE_RE, s.slice(Math.max(from, at - 200), at), 20)) found = knownServicePrefix(m[1] ?? '');
  return found;
}

interface Placed { at: number; v: string }

/** The last value placed before `pos`, or null. */
function nearestBefore(list: Placed[], pos: number): string | null {
  let best: string | null = null;
  for (const x of list) if (x.at < pos) best = x.v;
  return best;
}

/** Identities printed by `aws sts get-caller-identity` (JSON with UserId/Account/Arn), in order. */
function callerIdentities(s: string): Placed[] {
  const out: Placed[] = [];
  for (const m of allMatches(/"Arn" ?: ?"(arn:aws[a-z-]{0,20}:(?:sts|iam)::[^"\s]{1,300})"/g, s, 20)) {
    const near = s.slice(Math.max(0, m.index - 300), m.index + m[0].length + 300);
    if (/"UserId" ?:/.test(near) && /"Account" ?:/.test(near)) out.push({ at: m.index, v: m[1] ?? '' });
  }
  return out;
}

/** The lines of the original text between `from` and `to` (the flattened text with its line breaks put back), each with its start. */
function linesBetween(f: Flat, from: number, to: number): Array<{ line: string; at: number }> {
  const out: Array<{ line: string; at: number }> = [];
  let startAt = from;
  for (let i = from; i < to; i++) {
    if (f.nl[i] !== 1) continue;
    out.push({ line: f.s.slice(startAt, i), at: startAt });
    startAt = i + 1;
  }
  out.push({ line: f.s.slice(startAt, to), at: startAt });
  return out;
}

const TRANSFER_VERBS = ['download', 'upload', 'delete', 'copy', 'move'];
const S3_BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const AWS_COMMAND_LINE = /^[ \t]{0,8}(?:\$|>|PS [^>\n]{0,60}>)?[ \t]{0,4}aws[ \t]{1,4}(?:--[a-z-]{2,30}[ \t]{1,4}\S{1,80}[ \t]{1,4}){0,4}[a-z0-9-]{2,30}[ \t]{1,4}[a-z0-9-]{2,60}\b/;

/**
 * The resource the failing `aws <service> <operation>` command passed as a full ARN of the refused action's service
 * (`--secret-id arn:aws:secretsmanager:…`, `--key-id arn:aws:kms:…`): the nearest command line before the message,
 * when it holds exactly one such ARN. Null when the nearest command holds none or several, or is not within 4000
 * characters.
 */
function commandArnBefore(f: Flat, at: number, prefix: string): string | null {
  const lines = linesBetween(f, Math.max(0, at - 4000), at);
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k]!.line;
    if (!AWS_COMMAND_LINE.test(line)) continue;
    const seen = new Set<string>();
    const want = `:${prefix}:`;
    for (let i = line.indexOf('arn:'), n = 0; i >= 0 && n < 20; i = line.indexOf('arn:', i + 4), n++) {
      let e = i;
      while (e < line.length && e - i < 2048 && !' \t"\'`,;)<>'.includes(line[e] as string)) e++;
      const arn = line.slice(i, e);
      const svc = arn.indexOf(':', 4); // arn:<partition>:<service>:
      if (svc > 4 && arn.slice(svc, svc + want.length) === want && /^arn:aws[a-z-]{0,20}:[a-z0-9-]{1,40}:[a-z0-9-]{0,30}:\d{12}:\S{1,1500}$/.test(arn)) seen.add(arn);
    }
    return seen.size === 1 ? [...seen][0]! : null;
  }
  return null;
}

/**
 * The object the AWS CLI's s3 transfer line names just before its error (`download failed: s3://b/k to ./k An error
 * occurred (403) …`, `upload failed: ./k to s3://b/k …`, `delete failed: s3://b/k …`, from `aws s3 cp/mv/rm/sync`), as
 * an ARN; null when the line is not one or the action does not say which side was refused. Reads (GetObject, the
 * HeadObject the CLI sends first) and deletes are the source's; writes the destination's. Bounded indexOf scans.
 */
function cliTransferObject(f: Flat, at: number, lo: number, action: string | null, operation: string | null): string | null {
  // CopyObject needs GetObject on the source and PutObject on the destination: which one refused is not said
  if (operation === 'CopyObject' || operation === 'UploadPartCopy') return null;
  const act = action?.toLowerCase() ?? '';
  const side = /^s3:(?:getobject|deleteobject)/.test(act) ? 0 : act.startsWith('s3:putobject') ? 1 : -1;
  if (side < 0) return null;
  let from = at;
  while (from > lo && at - from < 2500 && f.nl[from - 1] !== 1) from--;
  const line = f.s.slice(from, at);
  const k = line.lastIndexOf(' failed: ');
  if (k < 0) return null;
  const head = line.slice(0, k);
  const verb = head.slice(head.lastIndexOf(' ') + 1).replace(/^\(dryrun\)/, '');
  if (!TRANSFER_VERBS.includes(verb)) return null;
  const rest = line.slice(k + 9).trimEnd();
  const to = rest.indexOf(' to ');
  const url = side === 0 ? (to < 0 ? rest : rest.slice(0, to)) : to < 0 ? '' : rest.slice(to + 4);
  if (!url.startsWith('s3://')) return null;
  const slash = url.indexOf('/', 5);
  const bucket = slash < 0 ? '' : url.slice(5, slash);
  const key = slash < 0 ? '' : url.slice(slash + 1);
  return S3_BUCKET_RE.test(bucket) && key && !key.endsWith('/') ? `arn:aws:s3:::${bucket}/${key}` : null;
}

/**
 * An access point (or Multi-Region Access Point) ARN passed as the bucket — `--bucket <ARN> [--key K]` in a pasted
 * command, or the Bucket argument of SDK code: boto3 `Bucket="<ARN>"`, JS `Bucket: "<ARN>"`, Go v2
 * `Bucket: aws.String("<ARN>")`, Java v2 `.bucket("<ARN>")` — with the call's key (`--key` on the command's line; the
 * SDK's Key within the next few lines): the object ARN through the access point.
 */
function accessPointTargets(f: Flat): Placed[] {
  const s = f.s;
  const out: Placed[] = [];
  for (const m of allMatches(AP_BUCKET_RE, s, 20)) {
    const from = m.index + m[0].length;
    const cli = m[0].startsWith('--');
    let to = from;
    // the command's own line; for SDK code, the next few lines (a struct's or builder's Key field)
    if (cli) while (to < s.length && to - from < 600 && f.nl[to] !== 1) to++;
    else to = Math.min(s.length, from + 400);
    const window = s.slice(from, to);
    const key = (cli ? CLI_KEY_RE : SDK_KEY_RE).exec(window);
    const k = key?.[1]?.replace(/^["']|["']$/g, '');
    // an Object Lambda access point is itself the resource its requests are authorized on (no /object/ path)
    const olap = (m[1] ?? '').includes(':s3-object-lambda:');
    out.push({ at: m.index, v: k && !olap ? `${m[1]}/object/${k}` : (m[1] ?? '') });
  }
  return out;
}
/** The bucket argument holding an access point ARN (Regional, Object Lambda, or Multi-Region with an empty Region). */
const AP_BUCKET_RE = /(?:--bucket[ =]|\bBucket[ \t]{0,4}[=:][ \t]{0,4}(?:aws\.String\([ \t]{0,4})?["']|\.bucket\([ \t]{0,4}")(arn:aws[a-z-]{0,20}:s3(?:-object-lambda)?:[a-z0-9-]{0,30}:\d{12}:accesspoint\/[A-Za-z0-9.-]{1,100})/g;
const CLI_KEY_RE = /(?:^|\s)--key[ =]("[^"]{1,1024}"|'[^']{1,1024}'|\S{1,1024})/;
const SDK_KEY_RE = /(?:\bKey[ \t]{0,4}[=:][ \t]{0,4}(?:aws\.String\([ \t]{0,4})?|\.key\([ \t]{0,4})("[^"\n]{1,1024}"|'[^'\n]{1,1024}')/;

/** SAML/OIDC provider ARNs anywhere in the paste (at most 4), printed whole. */
function contextProviders(s: string): string[] {
  const set = new Set<string>();
  for (const m of allMatches(/\barn:aws[a-z-]{0,20}:iam::[^:\s'"]{0,40}:(?:saml|oidc)-provider\/[^\s'",;)]{1,300}/g, s, 50)) {
    set.add(cleanToken(m[0]));
    if (set.size > 3) break;
  }
  return [...set];
}

/**
 * configure-aws-credentials prints its inputs under the step (`with:` … `role-to-assume: arn:…:role/x`): with several role
 * ARNs in the paste (role chaining: the web identity role beside the chained one), the step's input names the role
 * that step assumes. Null when no such input or two different ones show (two steps pasted).
 */
function roleToAssumeInput(s: string): string | null {
  let found: string | null = null;
  for (let i = s.indexOf('role-to-assume:'), n = 0; i >= 0 && n < 20; i = s.indexOf('role-to-assume:', i + 15), n++) {
    const m = /^role-to-assume:[ \t]{0,8}["']?(arn:aws[a-z-]{0,20}:iam::\d{12}:role\/[^\s'",)]{1,300})/.exec(s.slice(i, i + 400));
    if (!m) continue;
    const arn = cleanToken(m[1]!);
    if (found && found !== arn) return null;
    found = arn;
  }
  return found;
}

function contextRoles(s: string): string[] {
  const set = new Set<string>();
  for (const m of allMatches(/\barn:aws[a-z-]{0,20}:iam::[^:\s'"]{0,40}:role\/[^\s'",)]{1,300}/g, s, 200)) {
    set.add(cleanToken(m[0]));
    if (set.size > 3) break;
  }
  return [...set];
}

/**
 * What the rest of the paste says around its messages. Each part is a scan of the whole text that few messages
 * need (a wording naming no resource, no caller, a federation call): it is read the first time a message asks for
 * it, and kept for the other messages of this parse only.
 */
class PasteContext {
  private roles_?: string[];
  private providers_?: string[];
  private identities_?: Placed[];
  private accessPoints_?: Placed[];
  private federation_?: string | null;
  private ttl_?: boolean;
  private roleToAssume_?: string | null;

  constructor(private readonly f: Flat, readonly cloudtrail: boolean, readonly source: ErrorSource) {}

  /** Distinct IAM role ARNs anywhere in the paste (at most 4). */
  get roles(): string[] { return (this.roles_ ??= contextRoles(this.f.s)); }
  /** SAML/OIDC provider ARNs in the paste (at most 4). */
  get providers(): string[] { return (this.providers_ ??= contextProviders(this.f.s)); }
  /** Identities `aws sts get-caller-identity` printed in the paste, with their positions. */
  get identities(): Placed[] { return (this.identities_ ??= /"UserId"/.test(this.f.s) ? callerIdentities(this.f.s) : []); }
  /** Object ARNs through access points named by pasted commands, with their positions. */
  get accessPoints(): Placed[] { return (this.accessPoints_ ??= this.f.s.includes(':accesspoint/') ? accessPointTargets(this.f) : []); }
  /** The federation call (AssumeRoleWithSAML / WithWebIdentity) a login tool's paste is about. */
  get federation(): string | null { return this.federation_ === undefined ? (this.federation_ = federationOf(this.f.s)) : this.federation_; }
  /** The one role ARN configure-aws-credentials' `role-to-assume:` input names in the paste, else null. */
  get roleToAssume(): string | null {
    return this.roleToAssume_ === undefined ? (this.roleToAssume_ = roleToAssumeInput(this.f.s)) : this.roleToAssume_;
  }
  /** The paste mentions aws-vault's --assume-role-ttl. */
  get ttl(): boolean { return (this.ttl_ ??= this.f.s.includes('--assume-role-ttl')); }
}

/**
 * A CloudTrail event's `sessionIssuer.arn` for an assumed-role caller: the role ARN with its path,
 * which the session ARN (`assumed-role/NAME/session`) drops. Only when account and name agree.
 */
function sessionIssuerArn(s: string, c: Caller): string | null {
  if (c.type !== 'assumed-role' || !c.name || !c.accountId) return null;
  const i = s.indexOf('"sessionIssuer"');
  if (i < 0) return null;
  const arn = jsonField(s, 'arn', i, i + 2000)?.v;
  const m = arn ? /^arn:[a-z-]{1,20}:iam::(\d{12}):role\/([^"\s]{1,512})$/.exec(arn) : null;
  if (!m || m[1] !== c.accountId) return null;
  const path = m[2] ?? '';
  return path === c.name || path.endsWith(`/${c.name}`) ? arn! : null;
}

/** The strings of `lists`, each once, in order of first appearance (a Set's order; the lists hold a few). */
function distinct(...lists: string[][]): string[] {
  const out: string[] = [];
  for (const list of lists) for (const x of list) if (!out.includes(x)) out.push(x);
  return out;
}

/** A decoded authorization message as a hit: its fields come from its JSON, not from an envelope around it. */
function decodedHit(d: DecodedRead): Hit {
  const denyKind: DenyKind = d.decoded.explicitDeny ? 'explicit' : d.decoded.allowed === false ? 'implicit' : 'unknown';
  return {
    shape: 'decoded-authorization-message', start: d.start, end: d.end, action: d.action, actionRedacted: false,
    callerRaw: d.callerRaw, targetRaw: d.targetRaw, denyKind, policyType: null, policyArn: null, encoded: null, code: null,
    operation: d.operation, service: null, region: d.region, requestId: null, decoded: d.decoded, source: d.source,
  };
}

/**
 * A decoded authorization message: what AWS evaluated, read from its JSON. No error code, operation or request id
 * (those were the failing call's; the decoded message has none), and no policy type: a matched statement does not
 * say which kind of policy holds it (docs/decisions/024).
 */
function buildDecoded(f: Flat, h: MergedHit, globalWrappers: string[]): ParsedError {
  const p = emptyParsed();
  p.recognized = true;
  p.shape = h.shape;
  p.action = h.action;
  p.operation = h.operation;
  const redactions: string[] = [];
  const rawCaller = h.callerRaw ? cleanToken(h.callerRaw) : '';
  if (rawCaller) {
    const c = parseCaller(rawCaller);
    p.caller = c.caller;
    redactions.push(...c.redactions);
  }
  const rawTarget = h.targetRaw ? cleanToken(h.targetRaw) : '';
  if (rawTarget) {
    const t = parseTarget(rawTarget);
    p.target = t.target;
    redactions.push(...t.redactions);
  }
  if (p.caller && p.target && isAccountId(p.caller.accountId) && isAccountId(p.target.accountId)) p.crossAccount = p.caller.accountId !== p.target.accountId;
  p.deny = { kind: h.denyKind, policyType: null, policyArn: null };
  p.region = p.target?.region ?? h.region;
  p.message = f.s.slice(h.start, h.end).trim().slice(0, 4000) || null;
  p.redactions = distinct(redactions);
  p.wrappers = distinct(globalWrappers);
  p.source = h.source ?? 'aws-cli';
  if (h.decoded) p.decoded = h.decoded;
  return p;
}

/** The decoded message and the error it decodes are one request: the error pasted beside it, if any, for `d`. */
function decodedOriginal(d: ParsedError, all: ParsedError[], at: number): number {
  const same = (x: string | null | undefined, y: string | null | undefined) => !x || !y || x.toLowerCase() === y.toLowerCase();
  let best = -1;
  for (let i = 0; i < all.length; i++) {
    const e = all[i] as ParsedError;
    if (i === at || e.decoded || !e.recognized) continue;
    if (!same(d.action, e.action) || !same(d.caller?.arn, e.caller?.arn)) continue;
    // the encoded error (or EC2's bare refusal), or a message naming the same action
    if (!(e.encodedMessage || e.shape?.startsWith('ec2-') || (d.action && e.action))) continue;
    // the nearest one before the decoded message, else the first after it
    if (i < at || best < 0) best = i;
    if (i > at) break;
  }
  return best;
}

/**
 * Joins each decoded authorization message with the error it decodes, when both were pasted: one request, read
 * from both — the decision, statements, caller, action and resource from the decoded message; the error code,
 * operation, request id, the blob, the policy type a newer message names and the tool that printed it from the error.
 */
function mergeDecoded(all: ParsedError[]): ParsedError[] {
  if (all.length < 2 || !all.some((p) => p.decoded)) return all;
  const out = all.slice();
  for (let at = 0; at < out.length; at++) {
    const d = out[at] as ParsedError;
    if (!d.decoded) continue;
    const i = decodedOriginal(d, out, at);
    if (i < 0) continue;
    const e = out[i] as ParsedError;
    const m: ParsedError = {
      ...d,
      errorCode: e.errorCode, operation: e.operation ?? d.operation, requestId: e.requestId, httpStatus: e.httpStatus,
      encodedMessage: e.encodedMessage, action: d.action ?? e.action, caller: d.caller ?? e.caller, target: d.target ?? e.target,
      region: d.region ?? e.region, source: e.source, message: e.message ?? d.message,
      deny: { kind: d.deny.kind !== 'unknown' ? d.deny.kind : e.deny.kind, policyType: e.deny.policyType, policyArn: e.deny.policyArn },
      redactions: distinct(e.redactions, d.redactions), wrappers: distinct(e.wrappers, d.wrappers),
    };
    if (m.crossAccount === null) m.crossAccount = e.crossAccount;
    out[at] = m;
    out.splice(i, 1);
    if (i < at) at--;
  }
  return out;
}

function buildParsed(f: Flat, h: MergedHit, lo: number, hi: number, globalWrappers: string[], ctx: PasteContext): ParsedError {
  if (h.decoded) return buildDecoded(f, h, globalWrappers);
  const s = f.s;
  // the envelope sits before the most specific wording; other wordings of the message may precede it
  const primary = h.primaryStart ?? h.start;
  const primaryEnd = Math.min(h.primaryEnd ?? h.end, h.end);
  const env = readEnvelope(s, primary, primaryEnd, lo, hi, f.nl);
  if (primary > h.start || primaryEnd < h.end) {
    const outer = readEnvelope(s, h.start, h.end, lo, hi, f.nl);
    env.errorCode ??= outer.errorCode;
    env.operation ??= outer.operation;
    env.service ??= outer.service;
    env.actionHint ??= outer.actionHint;
    env.httpStatus ??= outer.httpStatus;
    env.requestId ??= outer.requestId;
    env.requestIdRedacted ||= outer.requestIdRedacted;
    env.wrappers.push(...outer.wrappers);
  }
  const shape = SHAPE_BY_NAME.get(h.shape);
  const p = emptyParsed();
  p.recognized = true;
  p.shape = h.shape;
  p.errorCode = h.code ?? env.errorCode ?? h.innerCode ?? h.fallbackCode ?? null;
  p.operation = h.operation ?? env.operation;
  p.httpStatus = env.httpStatus;
  p.requestId = h.requestId ?? env.requestId;
  const redactions: string[] = [];
  if (env.requestIdRedacted) redactions.push('request-id');

  // action: printed > printed by the tool > the operation > implied by the wording
  let action = h.action;
  if (!action && env.actionHint) action = env.actionHint;
  if (!action && p.operation) {
    const svc = h.service ?? env.service ?? (shape?.family === 'kms' && KMS_OPS.has(p.operation) ? 'kms' : null);
    // a KMS wording under another service's operation is that service's refusal of the caller's own call when the
    // service answers with its plain AccessDenied code ("(AccessDeniedException) … GetSecretValue operation: Access to
    // KMS is not allowed"), not when it relays KMS's code (Lambda's KMSAccessDeniedException on Invoke)
    const ownRefusal = p.errorCode === 'AccessDeniedException' || p.errorCode === 'AccessDenied';
    const fromOp = shape?.family === 'kms' && svc !== 'kms' && !ownRefusal ? null : opToAction(svc, p.operation);
    if (fromOp && (!shape?.inferAction || fromOp.startsWith('sts:'))) action = fromOp;
  }
  if (!action && p.operation && !shape?.inferAction) {
    // EC2 is the only service answering UnauthorizedOperation; an endpoint URL names the service
    const svc = p.errorCode === 'UnauthorizedOperation' ? 'ec2' : endpointService(s.slice(Math.max(lo, h.start - 400), Math.min(hi, h.end + 200)));
    if (svc) action = opToAction(svc, p.operation);
  }
  // Lake Formation refuses Glue Data Catalog calls in its own words ("Insufficient Lake Formation permission(s) on T")
  if (!action && p.operation && GLUE_CATALOG_OPS.has(p.operation) && /\bLake Formation permission/i.test(s.slice(h.start, h.end))) {
    action = opToAction('glue', p.operation);
  }
  // the operation's own command pasted before it (`aws logs associate-kms-key …`) names its service
  if (!action && p.operation && !shape?.inferAction && shape?.family !== 'kms') {
    const svc = commandService(s, Math.max(lo, h.start - 3000), h.start, p.operation);
    if (svc) action = opToAction(svc, p.operation);
  }
  // the program's own code names it: its log line's `<service>_service` module, or a client call of the operation
  // (`organizations.list_policies(`) in the traceback around the message
  if (!action && p.operation && !shape?.inferAction && shape?.family !== 'kms') {
    const svc = moduleService(s, lo, h.start) ?? clientCallService(s, Math.max(lo, h.start - 3000), Math.min(hi, h.end + 3000), p.operation);
    if (svc) action = opToAction(svc, p.operation);
  }
  if (!action && shape?.inferAction) action = shape.inferAction;
  if (!action && (h.shape === 'duration-exceeds-max' || h.shape === 'role-chaining-limit') && ctx.ttl) action = 'sts:AssumeRole';
  // STS validation wordings name no operation: a SAML or web-identity login tool around them does
  if (!action && FEDERATION_VALIDATION.has(h.shape) && ctx.federation) action = ctx.federation;
  // aws-iam-authenticator / `aws eks get-token --role-arn`: "could not get token: AccessDenied" is the AssumeRole
  if (!action && /could not get token: (?:api error )?(?:AccessDenied(?:Exception)?: ?)?$/i.test(s.slice(Math.max(lo, h.start - 60), h.start))) action = 'sts:AssumeRole';
  // CloudFormation reading the template: "(ValidationError) … CreateChangeSet operation: S3 error: Access Denied"
  if (!h.action && /S3 error: ?Access Denied\.?$/.test(s.slice(Math.max(h.start, h.end - 40), h.end))) action = 's3:GetObject';
  // a Kafka client refused by MSK's IAM authentication ("SASL Authentication failed … Access denied"): the refused
  // action is the connection's, kafka-cluster:Connect (MSK authorizes every IAM client's connection with it)
  if (!action && h.shape === 'access-denied-bare' && /\bSASL[ _]Authentication[ _]failed\b/i.test(s.slice(Math.max(lo, h.start - 160), Math.min(hi, h.end + 160)))) action = 'kafka-cluster:Connect';
  if (h.actionRedacted && !h.action) redactions.push('action');
  p.action = action;
  const act = action?.toLowerCase() ?? null;

  // caller
  let caller: Caller | null = null;
  if (h.callerRaw) {
    const raw = cleanToken(h.callerRaw);
    if (raw.startsWith(ACCOUNT_ONLY) && /^\d{12}$/.test(raw.slice(ACCOUNT_ONLY.length))) {
      caller = { arn: null, type: 'unknown', accountId: raw.slice(ACCOUNT_ONLY.length), partition: null, name: null, sessionName: null, roleArn: null };
    } else if (raw) {
      const c = parseCaller(raw);
      caller = c.caller;
      redactions.push(...c.redactions);
      const issuer = sessionIssuerArn(f.s, caller);
      if (issuer) caller = { ...caller, roleArn: issuer };
    }
  }
  // no caller in the message: the identity `aws sts get-caller-identity` printed just before it
  if (!caller && !shape?.callerType) {
    const id = nearestBefore(ctx.identities, h.start);
    if (id) {
      const c = parseCaller(id);
      caller = { ...c.caller, fromContext: true };
    }
  }
  if (!caller && shape?.callerType) {
    caller = { arn: null, type: shape.callerType, accountId: null, partition: null, name: null, sessionName: null, roleArn: null };
  }
  // federation calls carry no AWS principal: say which kind of identity was refused
  const fedType = act === 'sts:assumerolewithwebidentity' ? 'web-identity' : act === 'sts:assumerolewithsaml' ? 'saml' : null;
  if (!caller && fedType) {
    caller = { arn: null, type: fedType, accountId: null, partition: null, name: null, sessionName: null, roleArn: null };
  }
  p.caller = caller;

  // target
  let target: Target | null = null;
  let targetRaw = h.targetRaw ? cleanToken(h.targetRaw) : null;
  // a wording that names no resource: the one role ARN the paste mentions (`--role-arn …`, `Role: …`)
  if (!targetRaw && !h.callerRaw && shape?.family !== 'typed' && !NO_CONTEXT_ROLE.has(h.shape) &&
    ((act && ASSUME_ACTIONS.has(act)) || CONTEXT_ROLE_SHAPES.has(h.shape)) && (ctx.roles.length === 1 || ctx.roleToAssume)) {
    targetRaw = ctx.roles.length === 1 ? ctx.roles[0] ?? null : ctx.roleToAssume;
  }
  // the CLI's own transfer line, on the message's line: `download failed: s3://b/k to ./k An error occurred …`
  if (!targetRaw && act?.startsWith('s3:')) targetRaw = cliTransferObject(f, Math.min(env.start, h.start), lo, action, p.operation);
  let targetFromContext = false;
  // S3 through an access point: the command's `--bucket <access point ARN> --key K` names the object
  if (!targetRaw && (!act || act.startsWith('s3:'))) {
    // the one before the message; else the one the whole paste names (SDK code pasted below its error)
    const aps = ctx.accessPoints;
    const ap = nearestBefore(aps, h.start) ?? (aps.length > 0 && aps.every((x) => x.v === aps[0]!.v) ? aps[0]!.v : null);
    if (ap) { targetRaw = ap; targetFromContext = true; }
  }
  // a wording that names no resource: the ARN the failing command passed for it (`--secret-id arn:aws:secretsmanager:…`);
  // not for a service's refused KMS use, whose resource is the key, not the one the command names
  if (!targetRaw && act && shape?.family !== 'kms' && !act.startsWith('s3:') && !ASSUME_ACTIONS.has(act) && act.includes(':')) {
    const arn = commandArnBefore(f, h.start, act.slice(0, act.indexOf(':')));
    if (arn) { targetRaw = arn; targetFromContext = true; }
  }
  const entity = targetRaw ? IAM_ENTITY_RE.exec(targetRaw) : null;
  if (entity) {
    // "role NAME": IAM acts in the caller's own account, so the ARN is known when the caller's account is
    const [, type = 'role', name = ''] = entity;
    const acct = isAccountId(caller?.accountId) ? caller.accountId : null;
    target = acct
      ? parseTarget(`arn:${caller?.partition ?? 'aws'}:iam::${acct}:${type}/${name}`).target
      : { arn: name, accountId: null, partition: null, service: 'iam', region: null, resourceType: type, name, path: null };
  } else if (targetRaw) {
    const t = parseTarget(targetRaw);
    target = targetFromContext ? { ...t.target, fromContext: true } : t.target;
    redactions.push(...t.redactions);
  }
  if (target && !target.accountId && h.targetAccount) target = { ...target, accountId: h.targetAccount };
  p.target = target;
  // a request through an S3 Object Lambda access point is authorized as s3-object-lambda:<operation> on that access
  // point (S3, "Configuring IAM policies for Object Lambda Access Points")
  if (target?.service === 's3-object-lambda' && p.action?.startsWith('s3:')) p.action = `s3-object-lambda:${p.action.slice(3)}`;

  if (caller && target) {
    if (isAccountId(caller.accountId) && isAccountId(target.accountId)) p.crossAccount = caller.accountId !== target.accountId;
  }

  p.deny = { kind: h.denyKind as DenyKind, policyType: h.policyType as DenyPolicyType | null, policyArn: h.policyArn };
  p.encodedMessage = h.encoded;

  // region: the resource's, else one named in the failing call's own context
  p.region = target?.region ?? (isRegion(h.region) ? h.region : null) ?? regionNear(f, h.start, h.end, lo, hi);

  // federation calls: the SAML/OIDC provider the paste names (`--principal-arn`, `with principal …`)
  if (act === 'sts:assumerolewithsaml' || act === 'sts:assumerolewithwebidentity') {
    p.identityProvider = ctx.providers.find((x) => x.includes(act.endsWith('saml') ? ':saml-provider/' : ':oidc-provider/')) ?? null;
  }

  // a CloudTrail event around AWS's own wording: the message is the wording (its errorMessage), not the whole event
  const inEvent = h.fromCloudTrail === true && h.shape !== 'cloudtrail-event';
  p.message = s.slice(inEvent ? primary : h.start, inEvent ? primaryEnd : h.end).trim().slice(0, 4000) || null;
  p.redactions = distinct(redactions);
  const wrappers = distinct(globalWrappers, env.wrappers);
  if ((h.shape === 'cloudtrail-event' || h.fromCloudTrail) && !wrappers.includes('cloudtrail-json')) wrappers.push('cloudtrail-json');
  p.wrappers = wrappers;
  p.source = ctx.source;
  if (p.source === 'plain') {
    if (env.wrappers.includes('go-sdk-v2') || env.wrappers.includes('go-sdk-v1-status')) p.source = 'aws-sdk-go';
    else if (env.wrappers.includes('java-service-suffix')) p.source = 'aws-sdk-java';
    else if (env.wrappers.includes('js-metadata')) p.source = 'aws-sdk-js';
    else if (env.wrappers.includes('aws-cli')) p.source = 'aws-cli';
  }
  return p;
}

function dedupeKey(p: ParsedError): string {
  return [p.shape, p.errorCode, p.action?.toLowerCase(), p.caller?.arn, p.target?.arn, p.deny.kind, p.deny.policyType, p.message].join('\u0001');
}

/** The role name of a role ARN (`arn:…:role/path/name` → `name`), or null. */
function roleNameOf(arn: string | null | undefined): string | null {
  if (!arn || !/^arn:[^:\s]{1,20}:iam::[^:\s]{0,40}:role\//.test(arn)) return null;
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  return /^[\w+=,.@-]{1,128}$/.test(name) ? name : null;
}

/** b adds nothing to a: same action/target (where b has one), no conflicting fields, less specific. */
function subsumed(b: ParsedError, a: ParsedError): boolean {
  // the same bare wording again with nothing of its own (no action, caller, resource or other code): one refusal
  if (!b.action && !b.target?.arn && !b.caller?.arn && (!b.errorCode || b.errorCode === a.errorCode) && b.deny.kind === 'unknown' &&
    !!b.message && b.message.toLowerCase() === a.message?.toLowerCase()) return true;
  // Terraform's `IAM Role (R) cannot be assumed.` wraps the AssumeRole refusal printed under it: a role of the same
  // name is the one refusal (a retyped paste may change the account of one copy), not a further one
  if (b.shape === 'terraform-cannot-assume' && a.action?.toLowerCase() === 'sts:assumerole' && !!roleNameOf(b.target?.arn) &&
    roleNameOf(b.target?.arn) === roleNameOf(a.target?.arn)) return true;
  const eq = (x: string | null | undefined, y: string | null | undefined) => !x || (!!y && x.toLowerCase() === y.toLowerCase());
  const shares = (b.action && a.action && b.action.toLowerCase() === a.action.toLowerCase()) ||
    (b.target?.arn && a.target?.arn && b.target.arn === a.target.arn);
  return !!shares && eq(b.action, a.action) && eq(b.target?.arn, a.target?.arn) && eq(b.caller?.arn, a.caller?.arn) &&
    eq(b.errorCode, a.errorCode) && (b.deny.kind === 'unknown' || b.deny.kind === a.deny.kind) && specificity(b) <= specificity(a);
}

/**
 * b is a copy of a whose action a hard line break cut (a CloudFormation event row wrapping `iam:PutRolePo` /
 * `licy on resource: …` before the summary repeats the message whole): b's action is a proper prefix of a's, the
 * caller does not conflict, b names no other resource, and in the text b's message ends at a line break followed by
 * exactly the rest of a's action (then no further action character). The one refusal shown twice, not a further error.
 * Bounded work: at most 8 occurrences of b's message are looked at.
 */
function cutByLineBreak(b: ParsedError, a: ParsedError, f: Flat): boolean {
  const ba = b.action?.toLowerCase();
  const aa = a.action?.toLowerCase();
  if (!ba || !aa || ba.length >= aa.length || !aa.startsWith(ba) || !b.message || !b.message.toLowerCase().endsWith(ba)) return false;
  if (b.caller?.arn && a.caller?.arn && b.caller.arn !== a.caller.arn) return false;
  if (b.target?.arn && b.target.arn !== a.target?.arn) return false;
  const rest = aa.slice(ba.length);
  const s = f.s;
  let from = 0;
  for (let n = 0; n < 8; n++) {
    const i = s.indexOf(b.message, from);
    if (i < 0) return false;
    const end = i + b.message.length;
    if (s.charCodeAt(end) === 32 && f.nl[end] === 1 && s.slice(end + 1, end + 1 + rest.length).toLowerCase() === rest &&
      !/[A-Za-z0-9*]/.test(s.charAt(end + 1 + rest.length))) return true;
    from = i + 1;
  }
  return false;
}

/**
 * Per trigger, the literals one of which its every match contains, then detectSource's rules' as
 * asked of the flattened text (flatGate): all found in one pass over it (gate.ts).
 */
const TRIGGER_GATES = new GateSet([...TRIGGERS.map((t) => gateOf(t.re)), ...SOURCE_GATES.map(flatGate)]);

function parseInner(input: string, issues: Issue[]): ParseResult {
  const { text, wrappers } = unwrap(input);
  const f = flatten(text);
  try {
    return parseFlat(text, wrappers, f, issues);
  } finally {
    releaseFlat(f); // nothing read from f outlives the parse
  }
}

function parseFlat(text: string, wrappers: string[], f: Flat, issues: Issue[]): ParseResult {
  const s = f.s;
  const st: ScanState = {
    f,
    userPos: allMatches(/\bUser:/gi, s, 20000).map((m) => m.index),
    userIdx: 0,
    lastTypedEnd: 0,
  };
  const hits: Hit[] = [];
  const MAX_HITS = 2000;
  const open = TRIGGER_GATES.open(s);
  for (let k = 0; k < TRIGGERS.length; k++) {
    const t = TRIGGERS[k]!;
    if (open[k] !== 1) continue; // a literal every match needs is absent
    t.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = t.re.exec(s)) !== null) {
      if (m[0].length === 0) t.re.lastIndex++;
      if (hits.length >= MAX_HITS) break;
      const h = t.handle(st, m);
      if (h) hits.push(h);
    }
    t.re.lastIndex = 0;
  }
  st.userIdx = 0;
  for (const m of allMatches(BARE_RE, s, 2000)) {
    if (hits.length >= MAX_HITS) break;
    const h = scanBare(f, m);
    if (h) hits.push(h);
  }
  const ct = s.includes('"errorCode"') && (s.includes('"eventSource"') || s.includes('"errorMessage"')) ? cloudTrailHit(f) : null;
  if (ct) hits.push(ct);
  for (const d of readDecodedMessages(s)) hits.push(decodedHit(d));
  if (hits.length >= MAX_HITS) issues.push({ code: 'too-many-errors', message: `Only the first ${MAX_HITS} error fragments were read.`, severity: 'info' });

  if (hits.length === 0) {
    const p = emptyParsed();
    p.wrappers = wrappers;
    p.source = detectSource(text, wrappers, false, open, TRIGGERS.length);
    return { parsed: p, otherErrors: [], issues };
  }

  const groups = groupHits(f, hits);
  const ctx = new PasteContext(f, !!ct, detectSource(text, wrappers, !!ct, open, TRIGGERS.length));
  let parsedAll: ParsedError[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    const lo = i > 0 ? (groups[i - 1] as Group).end : 0;
    const hi = i + 1 < groups.length ? (groups[i + 1] as Group).start : s.length;
    parsedAll.push(buildParsed(f, mergeHits(s, g), lo, hi, wrappers, ctx));
  }
  if (parsedAll.length > 1) parsedAll = mergeDecoded(parsedAll);

  if (parsedAll.length === 1) return { parsed: parsedAll[0] as ParsedError, otherErrors: [], issues };
  // distinct errors only
  const seen = new Set<string>();
  const distinct: ParsedError[] = [];
  for (const p of parsedAll) {
    const k = dedupeKey(p);
    if (seen.has(k)) continue;
    seen.add(k);
    distinct.push(p);
  }
  let best = 0;
  for (let i = 1; i < distinct.length; i++) {
    if (specificity(distinct[i] as ParsedError) > specificity(distinct[best] as ParsedError)) best = i;
  }
  const parsed = distinct[best] as ParsedError;
  // the chosen error's (or a further one's) copy whose action a line break cut; pairs looked at only in a paste of
  // at most 256 distinct errors, and only for an error whose message ends with its action
  const cut = new Set<number>();
  if (distinct.length <= 256) {
    for (let i = 0; i < distinct.length; i++) {
      const p = distinct[i] as ParsedError;
      if (!p.action || !p.message?.toLowerCase().endsWith(p.action.toLowerCase())) continue;
      if (distinct.some((q, j) => j !== i && cutByLineBreak(p, q, f))) cut.add(i);
    }
  }
  const otherErrors = distinct.filter((p, i) => i !== best && !subsumed(p, parsed) && !cut.has(i)).slice(0, 50);
  return { parsed, otherErrors, issues };
}

/** Finds every AWS authorization failure in `text`; the most specific is `parsed`. Never throws. */
export function parseError(text: string): ParseResult {
  const issues: Issue[] = [];
  let input = typeof text === 'string' ? text : String(text ?? '');
  if (input.length > MAX_INPUT) {
    input = input.slice(0, MAX_INPUT);
    issues.push({ code: 'input-truncated', message: `Only the first ${MAX_INPUT} characters were read.`, severity: 'warning' });
  }
  try {
    return parseInner(input, issues);
  } catch {
    issues.push({ code: 'parse-failed', message: 'The text could not be read as an AWS error.', severity: 'error' });
    return { parsed: emptyParsed(), otherErrors: [], issues };
  }
}

