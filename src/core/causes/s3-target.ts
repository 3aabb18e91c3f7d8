/**
 * The S3 resource a failing call was about, read from the command or the log line around the message when the
 * message names none (S3's bare "Access Denied", the CLI's "(403) … HeadObject: Forbidden"):
 * `aws s3 cp s3://bucket/key …`, `aws s3api get-object --bucket b --key k`, `failed to fetch s3://bucket/key`.
 * Causes and the policy evaluation use it so the pasted bucket and identity policies can be matched against a
 * resource; the parser's own output is left as the parser made it (its target stays null).
 */
import type { ParsedError, Target } from '../types.js';
import { s3BucketLevel } from '../policy/resource.js';
import { S3_OP_ACTION } from '../parse/codes.js';

/** The token after `marker` (up to whitespace or a quote), bounded; null when absent. */
function tokenAt(text: string, from: number): string {
  let j = from;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  let out = '';
  while (j < text.length && out.length < 1024) {
    const ch = text[j] as string;
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '"' || ch === "'" || ch === '`' || ch === ',' || ch === ';' || ch === ')') break;
    out += ch;
    j++;
  }
  return out;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Words before an s3:// URL on its line that say it was read, or written. */
const GET_WORD = /\b(?:fetch|fetching|get|getting|download|downloading|read|reading|load|loading)\b/gi;
const PUT_WORD = /\b(?:put|putting|upload|uploading|write|writing|store|storing|save|saving)\b/gi;

/** Where the last match of a global regex in `s` starts, or -1. */
function lastAt(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let at = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) at = m.index;
  re.lastIndex = 0;
  return at;
}

interface S3Url {
  bucket: string;
  key: string | null;
  /** What the words before it on its line say was done with it. */
  dir: 'get' | 'put' | null;
  /** Where its line starts when that line is an `aws s3 …` command, else -1. */
  command: number;
}

/** The s3:// URLs in `src` (at most 50), each with what the words before it on its line say was done with it. */
function s3Urls(src: string, low: string): S3Url[] {
  const out: S3Url[] = [];
  for (let u = low.indexOf('s3://'); u >= 0 && out.length < 50; u = low.indexOf('s3://', u + 5)) {
    const tok = tokenAt(src, u + 5);
    const slash = tok.indexOf('/');
    const bucket = slash >= 0 ? tok.slice(0, slash) : tok;
    if (!BUCKET_NAME.test(bucket)) continue;
    const key = slash >= 0 && slash < tok.length - 1 ? tok.slice(slash + 1) : null;
    // `failed to fetch s3://b/k`, `download failed: s3://b/k to ./k`, `upload failed: ./k to s3://b/k`
    const ls = Math.max(src.lastIndexOf('\n', u - 1) + 1, u - 120);
    const line = src.slice(ls, u);
    const g = lastAt(GET_WORD, line);
    const p = lastAt(PUT_WORD, line);
    out.push({ bucket, key, dir: g < 0 && p < 0 ? null : g > p ? 'get' : 'put', command: /\baws s3(?:api)? [a-z-]{1,40} /.test(line) ? ls : -1 });
  }
  return out;
}

/**
 * bucket and key named in `text` by a command (`aws s3 cp s3://b/k …`, `--bucket b --key k`) or by a log line saying
 * what was fetched or put (`failed to fetch s3://b/k`), or null. Several different s3:// URLs are not guessed
 * between: the one a line's words tie to `action` (reads: fetch/get/download…, writes: put/upload/write…) when that
 * leaves one (for a bucket-level action, one bucket), else the one the first `aws s3 …` command names, else null.
 */
export function s3FromCommand(text: string, action?: string | null): { bucket: string; key: string | null } | null {
  const src = text.length > 100_000 ? text.slice(0, 100_000) : text;
  const low = src.toLowerCase();
  const urls = low.includes('s3://') ? s3Urls(src, low) : [];
  if (urls.length > 0) {
    const name = action && /^s3:/i.test(action) ? action.slice(3) : null;
    const bucketLevel = !!name && s3BucketLevel(name);
    const id = (x: S3Url) => (bucketLevel ? x.bucket : `${x.bucket}/${x.key ?? ''}`);
    const one = (list: S3Url[]) => (list.length > 0 && list.every((x) => id(x) === id(list[0]!)) ? list[0]! : null);
    let pick = one(urls);
    if (!pick && name) {
      const want = /^(?:GetObject|GetObjectVersion|ListBucket)/i.test(name) ? 'get' : /^PutObject/i.test(name) ? 'put' : null;
      if (want) pick = one(urls.filter((x) => x.dir === want));
    }
    // else the first pasted command's own URL (a log line about another object does not make it ambiguous; a
    // command later in the paste is someone looking around)
    const cmd = urls.find((x) => x.command >= 0)?.command;
    if (!pick && cmd !== undefined) pick = one(urls.filter((x) => x.command === cmd));
    return pick ? { bucket: pick.bucket, key: pick.key } : null;
  }
  const b = low.indexOf('--bucket ');
  if (b >= 0) {
    const bucket = tokenAt(src, b + 9);
    if (!BUCKET_NAME.test(bucket)) return null; // access-point ARNs are the parser's (fromContext targets)
    const k = low.indexOf('--key ');
    const key = k >= 0 ? tokenAt(src, k + 6) || null : null;
    return { bucket, key };
  }
  return null;
}

/** `parsed` with an S3 target from the command when the parser found an s3: action but no target. */
export function withS3Target(parsed: ParsedError, text: string): ParsedError {
  const act = parsed.action ?? '';
  if (parsed.target || !act.toLowerCase().startsWith('s3:')) return parsed;
  const found = s3FromCommand(text, act);
  if (!found) return parsed;
  const name = act.slice(3);
  // an object action on a URL that names only the bucket: which object is unknown (the bucket is not the resource)
  if (!s3BucketLevel(name) && !found.key) return parsed;
  const onBucket = s3BucketLevel(name);
  const arn = onBucket ? `arn:aws:s3:::${found.bucket}` : `arn:aws:s3:::${found.bucket}/${found.key}`;
  const target: Target = {
    arn, accountId: null, partition: 'aws', service: 's3', region: null,
    resourceType: onBucket ? 'bucket' : 'object', name: onBucket ? found.bucket : found.key, fromContext: true,
  };
  return { ...parsed, target };
}

/** S3 operation names by their letters lower-cased without underscores (`headobject` ← headObject, head_object). */
const S3_OPS = new Map(Object.keys(S3_OP_ACTION).map((op) => [op.toLowerCase(), op]));
/** Refusals that name neither operation nor resource: S3's bare "Access Denied", a bodyless 403 (HEAD requests). */
const BARE_SHAPES = new Set(['access-denied-bare', 'js-sdk-unknown-403', 'dotnet-error-making-request']);

/**
 * The S3 operation a log line names next to the s3:// URL it failed on (`headObject failed for s3://b/k`, `GetObject
 * s3://b/k failed`, `head_object(s3://b/k)`): the last S3 operation name among the words before the URL on its line.
 * One operation across every such line, else null (docs/decisions/026).
 */
export function s3OperationFromLog(text: string): string | null {
  const src = text.length > 100_000 ? text.slice(0, 100_000) : text;
  const low = src.toLowerCase();
  let found: string | null = null;
  for (let u = low.indexOf('s3://'), n = 0; u >= 0 && n < 50; u = low.indexOf('s3://', u + 5), n++) {
    const ls = Math.max(src.lastIndexOf('\n', u - 1) + 1, u - 120);
    const words = src.slice(ls, u).match(/[A-Za-z][A-Za-z0-9_]{4,60}/g) ?? [];
    let op: string | null = null;
    for (const w of words) op = S3_OPS.get(w.replace(/_/g, '').toLowerCase()) ?? op;
    if (!op) continue;
    if (found !== null && found !== op) return null;
    found = op;
  }
  return found;
}

/**
 * `parsed` with the operation and action the log line names, when the message is a bare S3-style refusal that names
 * neither (withS3Target then reads the object from the same line).
 */
export function withS3Operation(parsed: ParsedError, text: string): ParsedError {
  if (!parsed.recognized || parsed.action || parsed.operation || !BARE_SHAPES.has(parsed.shape ?? '')) return parsed;
  const op = s3OperationFromLog(text);
  const act = op ? S3_OP_ACTION[op] : undefined;
  return op && act ? { ...parsed, operation: op, action: `s3:${act}` } : parsed;
}
