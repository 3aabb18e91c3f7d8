/**
 * The S3 resource a failing call was about, read from the command around the message when the
 * message names none (S3's bare "Access Denied", the CLI's "(403) … HeadObject: Forbidden"):
 * `aws s3 cp s3://bucket/key …`, `aws s3api get-object --bucket b --key k`. Causes and the policy
 * evaluation use it so the pasted bucket and identity policies can be matched against a resource;
 * the parser's own output is left as the parser made it (its target stays null).
 */
import type { ParsedError, Target } from '../types.js';
import { s3BucketLevel } from '../policy/resource.js';

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

/** bucket and key named by the command in `text`, or null. */
export function s3FromCommand(text: string): { bucket: string; key: string | null } | null {
  const src = text.length > 100_000 ? text.slice(0, 100_000) : text;
  const low = src.toLowerCase();
  const u = low.indexOf('s3://');
  if (u >= 0) {
    const tok = tokenAt(src, u + 5);
    const slash = tok.indexOf('/');
    const bucket = slash >= 0 ? tok.slice(0, slash) : tok;
    const key = slash >= 0 && slash < tok.length - 1 ? tok.slice(slash + 1) : null;
    if (BUCKET_NAME.test(bucket)) return { bucket, key };
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
  const found = s3FromCommand(text);
  if (!found) return parsed;
  const name = act.slice(3);
  const onBucket = s3BucketLevel(name) || !found.key;
  const arn = onBucket ? `arn:aws:s3:::${found.bucket}` : `arn:aws:s3:::${found.bucket}/${found.key}`;
  const target: Target = {
    arn, accountId: null, partition: 'aws', service: 's3', region: null,
    resourceType: onBucket ? 'bucket' : 'object', name: onBucket ? found.bucket : found.key, fromContext: true,
  };
  return { ...parsed, target };
}
