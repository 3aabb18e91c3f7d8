/**
 * Facts read from command output and log lines pasted around the error: who `aws sts
 * get-caller-identity` says is calling, who owns an S3 bucket and its objects (get-bucket-acl,
 * list-objects, get-object-acl), which KMS key a Secrets Manager secret uses (describe-secret's
 * KmsKeyId), and a KMS grant created for the caller (CreateGrant). Each reader is a bounded,
 * linear scan with indexOf and character tests (no regex over the text), computed once per answer.
 */
import type { CauseContext } from './types.js';
import { perAnswer } from './signals.js';
import { has, lower } from './service-util.js';
import { lowerCached, mayMention } from './text-index.js';

/** The part of a paste these readers look at. */
const MAX_TEXT = 100_000;

function lowText(ctx: CauseContext): string {
  const t = ctx.text.length > MAX_TEXT ? ctx.text.slice(0, MAX_TEXT) : ctx.text;
  return lowerCached(t);
}

// ───────────────────────────── get-caller-identity ─────────────────────────────

/**
 * The caller's ARN as `aws sts get-caller-identity` printed it in the paste (its JSON: UserId,
 * Account, Arn), or null: the identity that made the call was checked and is shown.
 */
export const callerShownByCli = perAnswer((ctx: CauseContext): string | null => {
  const c = ctx.parsed.caller;
  if (!c?.arn || !mayMention(ctx, '"userid"')) return null;
  const t = lowText(ctx);
  if (!t.includes('"userid"') || !t.includes('"account"')) return null;
  if (c.fromContext) return c.arn;
  const arn = c.arn.toLowerCase();
  return t.includes(`"arn": "${arn}"`) || t.includes(`"arn":"${arn}"`) ? c.arn : null;
});

// ───────────────────────────── command blocks ─────────────────────────────

interface Block {
  /** The command line (continuations joined), lower-cased. */
  command: string;
  /** What it printed, lower-cased. */
  output: string;
}

/** A line that runs the AWS CLI: `aws …`, `$ aws …`, `% aws …`, `> aws …`, `PS C:\> aws …`. */
function cliCommand(line: string): boolean {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line.startsWith('ps ', i)) {
    const gt = line.indexOf('>', i);
    if (gt < 0 || gt - i > 200) return false;
    i = gt + 1;
  } else if (line[i] === '$' || line[i] === '%' || line[i] === '>') i++;
  while (i < line.length && line[i] === ' ') i++;
  return line.startsWith('aws ', i);
}

/** The paste cut into CLI commands and their output (lower-cased), at most 40. */
const cliBlocks = perAnswer((ctx: CauseContext): Block[] => {
  if (!mayMention(ctx, 'aws ')) return [];
  const lines = lowText(ctx).split('\n');
  const out: Block[] = [];
  let cur: { command: string; output: string[] } | null = null;
  for (let i = 0; i < lines.length && out.length < 40; i++) {
    let line = lines[i]!;
    if (cliCommand(line)) {
      if (cur) out.push({ command: cur.command, output: cur.output.join('\n') });
      let command = line;
      while (command.trimEnd().endsWith('\\') && i + 1 < lines.length && command.length < 4000) {
        line = lines[++i]!;
        command = `${command.trimEnd().slice(0, -1)} ${line.trim()}`;
      }
      cur = { command, output: [] };
    } else if (cur) {
      cur.output.push(line);
    }
  }
  if (cur && out.length < 40) out.push({ command: cur.command, output: cur.output.join('\n') });
  return out;
});

/** The value of `--flag` in a command (lower-cased, quotes removed), or null. */
function flagValue(command: string, flag: string): string | null {
  const i = command.indexOf(`${flag} `) >= 0 ? command.indexOf(`${flag} `) : command.indexOf(`${flag}=`);
  if (i < 0) return null;
  let j = i + flag.length + 1;
  while (j < command.length && command[j] === ' ') j++;
  let end = j;
  while (end < command.length && command[end] !== ' ') end++;
  const v = command.slice(j, end).replace(/^["']|["']$/g, '');
  return v || null;
}

/** A `--query` that selects something other than `word` leaves it out of the output. */
function queryHides(command: string, word: string): boolean {
  const q = command.indexOf('--query');
  return q >= 0 && !command.slice(q).includes(word);
}

// ───────────────────────────── S3 owners ─────────────────────────────

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

/** S3 canonical user ids (64 lower-case hex characters) in a lower-cased text, with their positions. */
function canonicalIds(s: string, max = 200): Array<{ id: string; at: number }> {
  const out: Array<{ id: string; at: number }> = [];
  let run = 0;
  for (let i = 0; i <= s.length && out.length < max; i++) {
    if (i < s.length && isHex(s.charCodeAt(i))) { run++; continue; }
    if (run === 64) out.push({ id: s.slice(i - 64, i), at: i - 64 });
    run = 0;
  }
  return out;
}

/** The `"key": "…"` value that comes last before `at` in a listing (the object an Owner belongs to). */
function keyBefore(s: string, at: number): string | null {
  const k = s.lastIndexOf('"key":', at);
  if (k < 0) return null;
  const q1 = s.indexOf('"', k + 6);
  const q2 = q1 >= 0 ? s.indexOf('"', q1 + 1) : -1;
  return q1 >= 0 && q2 > q1 && q2 < at ? s.slice(q1 + 1, q2) : null;
}

export interface S3Owners {
  /** The bucket owner's canonical id (get-bucket-acl). */
  bucket: string;
  /** Object owners' canonical ids (list-objects --fetch-owner, list-object-versions, get-object-acl). */
  objects: string[];
  /** Whether `objects` is the owner of the failing object itself (its key is listed), not of others. */
  ofTheObject: boolean;
}

/**
 * The bucket's owner and its objects' owners as pasted CLI output shows them, for the failing
 * bucket when it is known; null when the output does not show both.
 */
export const s3Owners = perAnswer((ctx: CauseContext): S3Owners | null => {
  if (!mayMention(ctx, 'owner')) return null;
  const bucketName = lower(ctx.facts.bucket ?? null);
  const objectKey = lower(ctx.facts.objectKey ?? null);
  let bucket: string | null = null;
  const all: string[] = [];
  const mine: string[] = [];
  for (const b of cliBlocks(ctx)) {
    const named = flagValue(b.command, '--bucket');
    if (bucketName && named && named !== bucketName) continue;
    if (b.command.includes('get-bucket-acl')) {
      if (queryHides(b.command, 'owner')) continue;
      bucket ??= canonicalIds(b.output, 1)[0]?.id ?? null; // the Owner comes before the grants
    } else if (b.command.includes('get-object-acl')) {
      if (queryHides(b.command, 'owner')) continue;
      const id = canonicalIds(b.output, 1)[0]?.id;
      if (!id) continue;
      all.push(id);
      const key = flagValue(b.command, '--key');
      if (objectKey && key === objectKey) mine.push(id);
    } else if (b.command.includes('list-objects') || b.command.includes('list-object-versions')) {
      if (queryHides(b.command, 'owner')) continue;
      for (const { id, at } of canonicalIds(b.output)) {
        all.push(id);
        if (objectKey && keyBefore(b.output, at) === objectKey) mine.push(id);
      }
    }
  }
  if (!bucket || !all.length) return null;
  return mine.length ? { bucket, objects: mine, ofTheObject: true } : { bucket, objects: all, ofTheObject: false };
});

/** The bucket's Object Ownership setting as pasted output prints it, or null. */
export function objectOwnershipShown(ctx: CauseContext): 'ObjectWriter' | 'BucketOwnerPreferred' | 'BucketOwnerEnforced' | null {
  if (!mayMention(ctx, 'objectownership')) return null;
  for (const [v, name] of [['objectwriter', 'ObjectWriter'], ['bucketownerpreferred', 'BucketOwnerPreferred'], ['bucketownerenforced', 'BucketOwnerEnforced']] as const) {
    if (has(ctx, `"objectownership": "${v}"`, `"objectownership":"${v}"`, `objectownership: ${v}`, `objectownership=${v}`)) return name;
  }
  return null;
}

/** The JSON object (or printed dict) around `at`: [its `{`, after its `}`], or null (bounded scans). */
function objectAround(t: string, at: number): [number, number] | null {
  let depth = 0;
  let open = -1;
  for (let i = at; i >= 0 && at - i < 6000; i--) {
    const ch = t[i];
    if (ch === '}') depth++;
    else if (ch === '{') { if (depth === 0) { open = i; break; } depth--; }
  }
  if (open < 0) return null;
  depth = 0;
  for (let i = open; i < t.length && i - open < 20_000; i++) {
    const ch = t[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return [open, i + 1];
  }
  return null;
}

// ───────────────────────────── Secrets Manager's key ─────────────────────────────

export interface SecretKey {
  /** 'aws-managed': alias/aws/…, or describe-secret printed no KmsKeyId; 'customer': any other key. */
  kind: 'aws-managed' | 'customer';
  /** The KmsKeyId as printed, or null when describe-secret printed none. */
  value: string | null;
}

const UUID_SHAPE = /^(?:mrk-)?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$/;

/**
 * The KMS key a Secrets Manager secret uses, as describe-secret (or list-secrets, or CloudTrail's
 * CreateSecret) prints it. Secrets Manager leaves KmsKeyId out when the secret uses the AWS managed
 * key aws/secretsmanager, so full describe-secret output without one is that key too.
 */
export const secretKey = perAnswer((ctx: CauseContext): SecretKey | null => {
  if (!mayMention(ctx, 'secretsmanager') && !mayMention(ctx, ':secret:')) return null;
  const src = ctx.text.length > MAX_TEXT ? ctx.text.slice(0, MAX_TEXT) : ctx.text;
  const t = lowText(ctx);
  // JSON (`"KmsKeyId": "…"`) or a Python dict as boto3 prints it (`'KmsKeyId': '…'`)
  for (const q of ['"', "'"]) {
    const field = `${q}kmskeyid${q}`;
    let i = t.indexOf(field);
    for (let n = 0; i >= 0 && n < 10; n++, i = t.indexOf(field, i + field.length)) {
      // the field of a secret's description: the object holding it (or the one around that, as in a
      // CloudTrail event whose requestParameters hold the key and responseElements the secret) names a secret
      const obj = objectAround(t, i);
      const outer = obj && obj[0] > 0 ? objectAround(t, obj[0] - 1) : null;
      const ofSecret = (o: [number, number] | null) => !!o && t.slice(o[0], o[1]).includes(':secret:');
      if (!ofSecret(obj) && !ofSecret(outer)) continue;
      const colon = t.indexOf(':', i + field.length);
      const q1 = colon >= 0 && colon - i < 20 ? t.indexOf(q, colon) : -1;
      const q2 = q1 >= 0 ? t.indexOf(q, q1 + 1) : -1;
      if (q1 < 0 || q2 < 0 || q2 - q1 > 400) continue;
      const v = t.slice(q1 + 1, q2);
      const value = src.length === t.length ? src.slice(q1 + 1, q2) : v;
      if (v.startsWith('alias/aws/') || v.includes(':alias/aws/')) return { kind: 'aws-managed', value };
      const keyPart = v.includes(':key/') ? v.slice(v.indexOf(':key/') + 5) : v;
      if (UUID_SHAPE.test(keyPart) || v.startsWith('alias/') || v.includes(':alias/')) return { kind: 'customer', value };
    }
  }
  // describe-secret's own output, not narrowed by --query, without a KmsKeyId field
  if (t.includes('kmskeyid')) return null;
  for (const b of cliBlocks(ctx)) {
    if (!b.command.includes('describe-secret') || b.command.includes('--query')) continue;
    const o = b.output;
    if (o.includes('"arn": "arn:aws') && o.includes(':secret:') && (o.includes('"versionidstostages"') || o.includes('"createddate"') || o.includes('"lastchangeddate"'))) {
      return { kind: 'aws-managed', value: null };
    }
  }
  return null;
});

// ───────────────────────────── KMS grants ─────────────────────────────

/** Where the record a CreateGrant mention belongs to lies: its line (with `\` continuations), or the JSON object around it. */
function recordAround(t: string, at: number): [number, number] {
  const start = t.lastIndexOf('\n', at) + 1;
  let end = t.indexOf('\n', at);
  if (end < 0) end = t.length;
  while (end < t.length && t.slice(start, end).trimEnd().endsWith('\\') && end - start < 4000) {
    const next = t.indexOf('\n', end + 1);
    end = next < 0 ? t.length : next;
  }
  // a CloudTrail event printed over many lines: the object whose eventName is CreateGrant
  if (!t.slice(start, end).includes('"eventname"')) return [start, end];
  return objectAround(t, at) ?? [start, end];
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** `word` in `s` with no letter on either side. */
function hasWord(s: string, word: string): boolean {
  let i = s.indexOf(word);
  while (i >= 0) {
    if (!isLetter(s.charCodeAt(i - 1)) && !isLetter(s.charCodeAt(i + word.length))) return true;
    i = s.indexOf(word, i + 1);
  }
  return false;
}

/** `arn` in `s`, not as the start of a longer name (`role/worker` is not `role/worker-2`). */
function namesArn(s: string, arn: string): boolean {
  let i = s.indexOf(arn);
  while (i >= 0) {
    const after = s[i + arn.length] ?? ' ';
    if (!/[a-z0-9+=,.@_/-]/.test(after)) return true;
    i = s.indexOf(arn, i + 1);
  }
  return false;
}

export interface CallerGrant {
  /** The grantee it names: the caller's role or the caller, as the parsed caller spells it. */
  grantee: string;
  /** Whether the record lists its operations (then the refused one is among them). */
  operationsListed: boolean;
}

/**
 * A CreateGrant earlier in the paste for the refused call's key, whose grantee is the caller (its
 * role for a role session, or its ARN) and whose operations include the refused KMS operation (or
 * are not shown); null otherwise.
 */
export const grantForCaller = perAnswer((ctx: CauseContext): CallerGrant | null => {
  const act = lower(ctx.parsed.action);
  if (!act.startsWith('kms:') || !(mayMention(ctx, 'creategrant') || mayMention(ctx, 'create-grant') || mayMention(ctx, 'create_grant'))) return null;
  const op = act.slice(4);
  if (op.endsWith('grant') || op.endsWith('grants')) return null; // managing grants is not using one
  const c = ctx.parsed.caller;
  const who = [c?.roleArn, c?.arn].filter((x): x is string => !!x).map((x) => x.toLowerCase());
  if (!who.length) return null;
  const target = ctx.parsed.target?.service === 'kms' ? lower(ctx.parsed.target.arn) : '';
  const keyId = target.includes(':key/') ? target.slice(target.indexOf(':key/') + 5) : '';
  if (!keyId) return null;
  const t = lowText(ctx);
  const msg = lower(ctx.parsed.message);
  const failedAt = msg ? t.indexOf(msg.slice(0, 120)) : -1;
  for (const marker of ['creategrant', 'create-grant', 'create_grant']) {
    let at = t.indexOf(marker);
    for (let n = 0; at >= 0 && n < 20; n++, at = t.indexOf(marker, at + marker.length)) {
      if (failedAt >= 0 && at > failedAt) break; // a grant made after the failure did not precede it
      const [from, to] = recordAround(t, at);
      const r = t.slice(from, to);
      const grantee = who.find((w) => namesArn(r, w));
      if (!r.includes(keyId) || !grantee) continue;
      const operationsListed = r.includes('operations');
      if (operationsListed && !hasWord(r, op)) continue;
      return { grantee: [c?.roleArn, c?.arn].find((x) => x?.toLowerCase() === grantee) ?? grantee, operationsListed };
    }
  }
  return null;
});

// ───────────────────────────── aws configure list ─────────────────────────────

/** One row of `aws configure list`: its value and the source it names in the Type column. */
export interface ConfigureRow { value: string; type: string }
export interface ConfigureList { profile: ConfigureRow | null; accessKey: ConfigureRow | null }

/** The row `name` of a configure-list table: first on its line, then value, Type and Location (`<not set>` is one value). */
function configureRow(t: string, name: string): ConfigureRow | null {
  for (let at = t.indexOf(name), n = 0; at !== -1 && n < 20; at = t.indexOf(name, at + name.length), n++) {
    const start = t.lastIndexOf('\n', at) + 1;
    if (t.slice(start, at).trim() !== '') continue;
    const end = t.indexOf('\n', at);
    const words = t.slice(at, end < 0 ? Math.min(t.length, at + 400) : Math.min(end, at + 400)).trim().split(/\s+/, 6);
    if (words[0] !== name) continue;
    const notSet = words[1] === '<not' && words[2] === 'set>';
    const value = notSet ? '<not set>' : words[1] ?? '';
    const type = (notSet ? words[3] : words[2]) ?? '';
    if (value && type) return { value, type };
  }
  return null;
}

/**
 * What `aws configure list` printed in the paste: the profile row and the access key's source (its Type column:
 * env, shared-credentials-file, iam-role, sso, assume-role …), or null when no such table shows.
 */
export const configureList = perAnswer((ctx: CauseContext): ConfigureList | null => {
  if (!mayMention(ctx, 'access_key')) return null;
  // the original text: a profile's name keeps its letter case
  const t = ctx.text.length > MAX_TEXT ? ctx.text.slice(0, MAX_TEXT) : ctx.text;
  if (!t.includes('Location') || !t.includes('access_key')) return null;
  const accessKey = configureRow(t, 'access_key');
  return accessKey ? { profile: configureRow(t, 'profile'), accessKey } : null;
});
