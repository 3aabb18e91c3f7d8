/**
 * What the pasted text shows about the failed request beyond the AWS message: the `aws …` command
 * that made the call (`--external-id abc`, `--sse aws:kms`, `--encryption-context k=v`, `--region`)
 * and the caller role's full ARN when `get-role` output shows its path. One pure place, read by
 * explain (merged under the person's own `request` / `context`) and by the cause signals.
 * Linear scans with indexOf and bounded loops; no regex runs over the whole text.
 */
import type { Caller, ContextValue, ParsedError, RequestFacts } from '../types.js';
import { isAccountId, parseArn } from './arn.js';
import { LastCall } from './cache.js';
import { jsonValueEnd } from '../json-scan.js';

/** Request facts and condition keys the pasted command shows. */
export interface CommandRequest {
  /** Facts in the shape of api.md `request` (externalId null: the command passed none). */
  request: RequestFacts;
  /** Condition keys with the values the command sent. */
  context: Record<string, ContextValue>;
  /** Condition keys the command shows it did not send. */
  absent: string[];
  /** Every key under these prefixes that is not in `context` was not sent (`kms:EncryptionContext:`). */
  absentPrefixes: string[];
}

const MAX_TEXT = 100_000;
const MAX_COMMAND = 4000;
const MAX_COMMANDS = 50;
const MAX_CONTINUATIONS = 60;

/** One `aws <service> <operation> …` invocation, options by lower-cased flag name. */
interface AwsCommand {
  service: string;
  operation: string;
  options: Map<string, string[]>;
  /** Global options before the service (`aws --region x sts …`). */
  global: Map<string, string[]>;
  /** Every word after the operation, in order (positional arguments may follow a switch such as --recursive). */
  words: string[];
}

/** Shell words of one command line: quotes removed, no expansion (linear). */
function shellWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") { quote = ch; quoted = true; continue; }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      if (cur || quoted) out.push(cur);
      cur = '';
      quoted = false;
      continue;
    }
    cur += ch;
  }
  if (cur || quoted) out.push(cur);
  return out;
}

/** Global CLI options that take no value. */
const GLOBAL_SWITCHES = new Set(['--debug', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--no-cli-auto-prompt', '--cli-auto-prompt']);
const isName = (s: string | undefined): s is string => !!s && s.length <= 60 && /^[a-z0-9][a-z0-9-]*$/.test(s);

function commandOf(words: string[]): AwsCommand | null {
  let i = 1;
  const global = new Map<string, string[]>();
  while (i < words.length && (words[i] as string).startsWith('--')) {
    const flag = (words[i] as string).toLowerCase();
    if (GLOBAL_SWITCHES.has(flag) || flag.startsWith('--no-')) { i++; continue; }
    const eq = flag.indexOf('=');
    if (eq > 0) { global.set(flag.slice(0, eq), [(words[i] as string).slice(eq + 1)]); i++; continue; }
    global.set(flag, words[i + 1] !== undefined ? [words[i + 1] as string] : []);
    i += 2;
  }
  const service = words[i]?.toLowerCase();
  const operation = words[i + 1]?.toLowerCase();
  if (!isName(service) || !isName(operation)) return null;
  const options = new Map<string, string[]>();
  let flag: string | null = null;
  for (let j = i + 2; j < words.length; j++) {
    const w = words[j] as string;
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      flag = (eq > 0 ? w.slice(0, eq) : w).toLowerCase();
      if (!options.has(flag)) options.set(flag, []);
      if (eq > 0) options.get(flag)!.push(w.slice(eq + 1));
    } else if (flag) options.get(flag)!.push(w);
  }
  return { service, operation, options, global, words: words.slice(i + 2) };
}

/** A line ends with a shell continuation (`\`, PowerShell's backtick, cmd's `^`). */
function continues(line: string): boolean {
  const t = line.trimEnd();
  const last = t[t.length - 1];
  return last === '\\' || last === '`' || last === '^';
}

/** Characters that may stand right before `aws` in a command (start, space, prompt, a path). */
const BEFORE_AWS = new Set([' ', '\t', '/', '\\', '$', '>', '+', ']', '(', '`', '"', "'", ';', '&', '|']);

/** Every `aws <service> <operation> …` command in the text, continuation lines joined (bounded). */
export function awsCommands(text: string): AwsCommand[] {
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const low = t.toLowerCase();
  const out: AwsCommand[] = [];
  let at = low.indexOf('aws');
  while (at >= 0 && out.length < MAX_COMMANDS) {
    const before = at === 0 ? '\n' : (low[at - 1] as string);
    let start = at + 3;
    if (low.startsWith('.exe', start)) start += 4;
    if ((before === '\n' || BEFORE_AWS.has(before)) && (low[start] === ' ' || low[start] === '\t')) {
      // the command runs to the end of its line, across continuation lines
      let end = t.indexOf('\n', start);
      if (end < 0) end = t.length;
      let part = t.slice(start, Math.min(end, start + MAX_COMMAND));
      const parts: string[] = [];
      let size = part.length;
      for (let n = 0; continues(part) && end < t.length && size < MAX_COMMAND && n < MAX_CONTINUATIONS; n++) {
        parts.push(part.trimEnd().slice(0, -1));
        const next = t.indexOf('\n', end + 1);
        const stop = next < 0 ? t.length : next;
        part = t.slice(end + 1, Math.min(stop, end + 1 + MAX_COMMAND - size));
        size += part.length;
        end = stop;
      }
      parts.push(part);
      const cmd = commandOf(['aws', ...shellWords(parts.join(' '))]);
      if (cmd) out.push(cmd);
      at = low.indexOf('aws', Math.max(end, at + 3));
      continue;
    }
    at = low.indexOf('aws', at + 3);
  }
  // the CLI's --debug log prints the command as a Python list: "Arguments entered to CLI: ['sts', 'assume-role', …]"
  for (let at = t.indexOf(CLI_ARGS), n = 0; at !== -1 && n < MAX_COMMANDS && out.length < MAX_COMMANDS; at = t.indexOf(CLI_ARGS, at + CLI_ARGS.length), n++) {
    const words = pythonStrings(t, at + CLI_ARGS.length);
    const cmd = words ? commandOf(['aws', ...words]) : null;
    if (cmd) out.push(cmd);
  }
  return out;
}

const CLI_ARGS = 'Arguments entered to CLI: [';
/** The strings of a Python list from just past its `[` (a scan by hand: quotes, their escapes, `,` and `]`), or null when it does not close (bounded). */
function pythonStrings(t: string, from: number): string[] | null {
  const out: string[] = [];
  const lim = Math.min(t.length, from + MAX_COMMAND * 2);
  let i = from;
  const skipSpaces = () => { while (i < lim && t[i] === ' ') i++; };
  skipSpaces();
  if (t[i] === ']') return out;
  while (i < lim && out.length < 200) {
    const q = t[i];
    if (q !== "'" && q !== '"') return null;
    let word = '';
    for (i++; i < lim && t[i] !== q; i++) {
      if (t[i] === '\n') return null;
      if (t[i] === '\\' && i + 1 < lim) i++;
      word += t[i];
    }
    if (i >= lim) return null;
    out.push(word);
    i++;
    skipSpaces();
    if (t[i] === ']') return out;
    if (t[i] !== ',') return null;
    i++;
    skipSpaces();
  }
  return null;
}

/** `assume-role` → `assumerole`, compared with the API operation lower-cased. */
const flat = (kebab: string): string => kebab.split('-').join('');

/** CLI service names that differ from the IAM service prefix. */
const SERVICE_PREFIX: Record<string, string> = {
  s3api: 's3', stepfunctions: 'states', elbv2: 'elasticloadbalancing', elb: 'elasticloadbalancing',
  configservice: 'config', sesv2: 'ses', 'opensearch': 'es',
};
/** `aws s3` high-level commands and the API operations they make. */
const S3_HIGH_LEVEL: Record<string, string[]> = {
  cp: ['putobject', 'getobject', 'copyobject', 'createmultipartupload', 'uploadpart', 'headobject'],
  mv: ['putobject', 'getobject', 'copyobject', 'createmultipartupload', 'uploadpart', 'deleteobject', 'headobject'],
  sync: ['putobject', 'getobject', 'copyobject', 'createmultipartupload', 'uploadpart', 'listobjectsv2', 'listbucket', 'headobject'],
  rm: ['deleteobject', 'listobjectsv2', 'listbucket'],
  ls: ['listobjectsv2', 'listbucket', 'listbuckets', 'listallmybuckets'],
};

/** The command made the failed call: same service, same operation. */
function makesCall(cmd: AwsCommand, service: string, operation: string): boolean {
  if (cmd.service === 's3') return service === 's3' && (S3_HIGH_LEVEL[cmd.operation] ?? []).includes(operation);
  return (SERVICE_PREFIX[cmd.service] ?? cmd.service) === service && flat(cmd.operation) === operation;
}

const UPLOADS = new Set(['s3 cp', 's3 mv', 's3 sync', 's3api put-object', 's3api copy-object', 's3api create-multipart-upload']);
const STS_ASSUMES = new Set(['assume-role', 'assume-role-with-web-identity', 'assume-role-with-saml']);
const PERSON_CALLERS = new Set<Caller['type']>(['user', 'assumed-role', 'role', 'federated-user', 'root']);

const first = (cmd: AwsCommand, ...flags: string[]): string | undefined => {
  for (const f of flags) {
    const v = cmd.options.get(f);
    if (v) return v.length ? v.join(' ') : '';
  }
  return undefined;
};
const isRegion = (s: string): boolean => s.length <= 30 && /^[a-z]{2}(-[a-z]{2,10}){1,2}-\d{1,2}$/.test(s);

/**
 * The server-side-encryption value of one upload command: [value], or null when it has no
 * --sse / --server-side-encryption flag (`--sse` alone means AES256).
 */
function sseOf(cmd: AwsCommand): string[] | null {
  const v = first(cmd, '--server-side-encryption', '--sse');
  if (v === undefined) return null;
  const tok = v.split(' ')[0]!.slice(0, 40);
  if (!tok) return ['AES256'];
  const l = tok.toLowerCase();
  return [l === 'aws:kms' ? 'aws:kms' : l === 'aws:kms:dsse' ? 'aws:kms:dsse' : l === 'aes256' ? 'AES256' : l];
}

/** `k=v,k2=v2` or `{"k":"v"}` (--encryption-context); null when unreadable. */
function encryptionContextOf(value: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  const v = value.trim();
  if (v.startsWith('{')) {
    const close = v.indexOf('}');
    if (close < 0) return null;
    try {
      const obj = JSON.parse(v.slice(0, close + 1)) as unknown;
      if (!obj || typeof obj !== 'object') return null;
      for (const [k, x] of Object.entries(obj as Record<string, unknown>)) out[k] = String(x);
      return out;
    } catch {
      return null;
    }
  }
  for (const pair of v.split(' ')[0]!.slice(0, 2000).split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return Object.keys(out).length ? out : null;
}

/** `--tags Key=a,Value=b Key=c,Value=d` or `[{"Key":"a","Value":"b"}]` → { a: 'b', c: 'd' }; null when unreadable. */
function tagsOf(words: string[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  const joined = words.join(' ').trim();
  if (joined.startsWith('[')) {
    try {
      const arr = JSON.parse(joined.slice(0, 20_000)) as unknown;
      if (!Array.isArray(arr)) return null;
      for (const t of arr) {
        const o = t as { Key?: unknown; Value?: unknown };
        if (typeof o?.Key !== 'string') return null;
        out[o.Key] = String(o.Value ?? '');
      }
      return out;
    } catch {
      return null;
    }
  }
  for (const w of words.slice(0, 50)) {
    let key: string | null = null;
    let value = '';
    for (const part of w.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) return null;
      const name = part.slice(0, eq).toLowerCase();
      if (name === 'key') key = part.slice(eq + 1);
      else if (name === 'value') value = part.slice(eq + 1);
    }
    if (key === null) return null;
    out[key] = value;
  }
  return out;
}

/** What one command that made the failed call sent. */
function fromCommand(cmd: AwsCommand, action: string, service: string, parsed: ParsedError): CommandRequest {
  const out: CommandRequest = { request: {}, context: {}, absent: [], absentPrefixes: [] };
  // parameters given as a file or skeleton: the command line does not show what was sent
  if (cmd.options.has('--cli-input-json') || cmd.options.has('--cli-input-yaml')) return out;
  const region = first(cmd, '--region') ?? cmd.global.get('--region')?.[0];
  if (region && isRegion(region)) out.context['aws:RequestedRegion'] = region;
  const name = `${cmd.service} ${cmd.operation}`;
  if (cmd.service === 'sts' && STS_ASSUMES.has(cmd.operation)) {
    if (cmd.operation === 'assume-role') {
      // the CLI sends ExternalId only when --external-id is given
      const ext = first(cmd, '--external-id');
      out.request.externalId = ext === undefined ? null : ext || null;
      const si = first(cmd, '--source-identity');
      if (si) out.request.sourceIdentity = si;
      const tags = cmd.options.get('--tags');
      const parsedTags = tags?.length ? tagsOf(tags) : null;
      if (parsedTags) out.request.sessionTags = parsedTags;
      const transitive = cmd.options.get('--transitive-tag-keys');
      if (transitive?.length) out.context['sts:TransitiveTagKeys'] = transitive.slice(0, 50);
    }
    const rsn = first(cmd, '--role-session-name');
    if (rsn) out.request.roleSessionName = rsn;
    const d = first(cmd, '--duration-seconds');
    if (d && /^\d{1,6}$/.test(d)) out.request.durationSeconds = Number(d);
  }
  if (action === 's3:putobject' && UPLOADS.has(name)) {
    const sse = sseOf(cmd);
    if (sse) out.context['s3:x-amz-server-side-encryption'] = sse;
    // bucket default encryption does not add the header to the request
    else out.absent.push('s3:x-amz-server-side-encryption');
    const key = first(cmd, '--sse-kms-key-id', '--ssekms-key-id');
    if (key) out.context['s3:x-amz-server-side-encryption-aws-kms-key-id'] = key;
  }
  if (action === 's3:listbucket') listingOf(cmd, out);
  if (name !== 'sts assume-role' && (cmd.operation.startsWith('create-') || cmd.operation === 'run-instances')) requestTagsOf(cmd, out);
  if (service === 'kms' && parsed.caller && PERSON_CALLERS.has(parsed.caller.type)) {
    // the caller called KMS itself: the context is exactly what the command passed
    const raw = first(cmd, '--encryption-context');
    const ec = raw === undefined ? {} : encryptionContextOf(raw);
    if (ec) {
      for (const [k, v] of Object.entries(ec)) out.context[`kms:EncryptionContext:${k}`] = v;
      if (Object.keys(ec).length) out.context['kms:EncryptionContextKeys'] = Object.keys(ec);
      else out.absent.push('kms:EncryptionContextKeys');
      out.absentPrefixes.push('kms:EncryptionContext:');
    }
  }
  return out;
}

/** boto3 method name of an API operation: PutObject → put_object, RunInstances → run_instances. */
function snakeOf(operation: string): string | null {
  if (!/^[A-Z][A-Za-z0-9]{1,60}$/.test(operation)) return null;
  let out = '';
  for (let i = 0; i < operation.length; i++) {
    const c = operation[i]!;
    const lowerC = c.toLowerCase();
    if (c !== lowerC && i > 0 && (operation[i - 1]! !== operation[i - 1]!.toUpperCase() ||
      (operation[i + 1] !== undefined && operation[i + 1] !== operation[i + 1]!.toUpperCase()))) out += '_';
    out += lowerC;
  }
  return out;
}

const MAX_CALL = 2000;

/**
 * The keyword names of each boto3 call of `operation` the text prints on one line (`s3.put_object(Bucket="b",
 * Key="k", Body=data)`, as a traceback shows its source line), with literal string values. A call that unpacks
 * arguments (`**kwargs`, `*args`) or does not close on its line shows nothing. Linear: one pass per call found.
 */
export function boto3Calls(text: string, operation: string): Array<Map<string, string | null>> {
  const snake = snakeOf(operation);
  if (!snake) return [];
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const needle = `.${snake}(`;
  const out: Array<Map<string, string | null>> = [];
  for (let at = src.indexOf(needle), n = 0; at >= 0 && n < MAX_COMMANDS; at = src.indexOf(needle, at + needle.length), n++) {
    const args = new Map<string, string | null>();
    let depth = 0;
    let quote: string | null = null;
    let closed = false;
    let unpacked = false;
    let word = '';
    let literal: string | null = null;
    let pending: string | null = null;
    const finish = () => { if (pending !== null) args.set(pending, literal); pending = null; literal = null; };
    for (let i = at + needle.length; i < src.length && i - at < MAX_CALL; i++) {
      const c = src[i]!;
      if (c === '\n') break;
      if (quote) {
        if (c === quote) quote = null;
        else if (depth === 0 && pending !== null && literal !== null) literal += c;
        continue;
      }
      if (c === '"' || c === "'") {
        quote = c;
        if (depth === 0 && pending !== null && word === '' && literal === null) literal = '';
        continue;
      }
      if (c === '(' || c === '[' || c === '{') { depth++; continue; }
      if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) { finish(); closed = true; break; }
        depth--;
        continue;
      }
      if (depth > 0) continue;
      if (c === '*') { unpacked = true; break; }
      if (c === ',') { finish(); word = ''; continue; }
      if (c === '=' && pending === null && /^[A-Za-z_][A-Za-z0-9_]{0,60}$/.test(word)) { pending = word; word = ''; continue; }
      if (c === ' ' || c === '\t') continue;
      word += c;
    }
    if (closed && !unpacked) out.push(args);
  }
  return out;
}

/** What one boto3 call that made the failed request sent (its keyword parameters). */
function fromBoto3Call(args: Map<string, string | null>, action: string): CommandRequest {
  const out: CommandRequest = { request: {}, context: {}, absent: [], absentPrefixes: [] };
  if (action === 's3:putobject') {
    // boto3 sends x-amz-server-side-encryption only for ServerSideEncryption; a bucket default does not add it
    if (!args.has('ServerSideEncryption')) out.absent.push('s3:x-amz-server-side-encryption');
    else {
      const v = args.get('ServerSideEncryption');
      if (v === 'AES256' || v === 'aws:kms' || v === 'aws:kms:dsse') out.context['s3:x-amz-server-side-encryption'] = [v];
    }
  }
  return out;
}

/**
 * The listing keys a bucket listing sends. `aws s3 ls s3://bucket/some/prefix/` calls ListObjectsV2 with Prefix
 * some/prefix/ and Delimiter / (no delimiter with --recursive); `aws s3api list-objects[-v2]` sends exactly its
 * --prefix / --delimiter, and neither key when the flag is not given. An empty prefix stays unknown.
 */
function listingOf(cmd: AwsCommand, out: CommandRequest): void {
  if (cmd.service === 's3' && cmd.operation === 'ls') {
    const url = cmd.words.find((w) => w.toLowerCase().startsWith('s3://'));
    if (!url) return;
    const slash = url.indexOf('/', 5);
    const prefix = slash < 0 ? '' : url.slice(slash + 1);
    if (prefix && prefix.length <= 1024) out.context['s3:prefix'] = prefix;
    if (cmd.options.has('--recursive')) out.absent.push('s3:delimiter');
    else out.context['s3:delimiter'] = '/';
    return;
  }
  if (cmd.service === 's3api' && (cmd.operation === 'list-objects-v2' || cmd.operation === 'list-objects')) {
    for (const [flag, key] of [['--prefix', 's3:prefix'], ['--delimiter', 's3:delimiter']] as const) {
      const v = first(cmd, flag);
      if (v === undefined) out.absent.push(key);
      else if (v && v.length <= 1024 && !v.includes(' ')) out.context[key] = v;
    }
  }
}

/**
 * The tags a create command sends (aws:TagKeys, aws:RequestTag/…): none when it has no --tag… option (the CLI sends
 * TagSpecifications / Tags only when given), the keys of `--tags Key=a,Value=b`, `--tags a=b,c=d`, JSON, or
 * `--tag-specifications 'ResourceType=volume,Tags=[{Key=a,Value=b}]'`; unknown when the value cannot be read.
 */
function requestTagsOf(cmd: AwsCommand, out: CommandRequest): void {
  const flags = [...cmd.options.keys()].filter((f) => f.startsWith('--tag'));
  if (!flags.length) {
    out.absent.push('aws:TagKeys');
    out.absentPrefixes.push('aws:RequestTag/');
    return;
  }
  if (flags.length !== 1) return;
  const words = cmd.options.get(flags[0]!) ?? [];
  const raw = words.join(' ').slice(0, 20_000);
  if (!raw || raw.startsWith('file:') || raw.startsWith('fileb:') || raw.includes('$')) return;
  let tags: Record<string, string> | null = null;
  if (flags[0] === '--tag-specifications') {
    tags = {};
    const re = /"?Key"?\s*[=:]\s*"?([^,"}\]\s]{1,128})"?\s*,\s*"?Value"?\s*[=:]\s*"?([^,"}\]]{0,256})"?/gi;
    for (let m = re.exec(raw), n = 0; m && n < 50; m = re.exec(raw), n++) tags[m[1]!] = m[2]!;
    if (!Object.keys(tags).length) return;
  } else {
    tags = tagsOf(words) ?? mapTagsOf(raw);
  }
  if (!tags || !Object.keys(tags).length) return;
  out.context['aws:TagKeys'] = Object.keys(tags);
  for (const [k, v] of Object.entries(tags)) out.context[`aws:RequestTag/${k}`] = v;
  out.absentPrefixes.push('aws:RequestTag/');
}

/** `--tags team=web,env=prod` (the map form of several services' create commands); null when unreadable. */
function mapTagsOf(raw: string): Record<string, string> | null {
  if (raw.includes(' ') || raw.startsWith('{') || raw.startsWith('[')) return null;
  const out: Record<string, string> = {};
  for (const pair of raw.split(',').slice(0, 50)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    const k = pair.slice(0, eq);
    if (k.toLowerCase() === 'key' || k.toLowerCase() === 'value') return null;
    out[k] = pair.slice(eq + 1);
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keeps what every command agrees on (two retries with different --external-id: unknown). */
function agreed(all: CommandRequest[]): CommandRequest {
  const out: CommandRequest = { request: {}, context: {}, absent: [], absentPrefixes: [] };
  const [head, ...rest] = all;
  if (!head) return out;
  for (const [k, v] of Object.entries(head.request) as Array<[keyof RequestFacts, unknown]>) {
    if (rest.every((r) => sameValue(r.request[k], v))) (out.request as Record<string, unknown>)[k] = v;
  }
  for (const [k, v] of Object.entries(head.context)) if (rest.every((r) => sameValue(r.context[k], v))) out.context[k] = v;
  out.absent = head.absent.filter((k) => rest.every((r) => r.absent.includes(k)));
  out.absentPrefixes = head.absentPrefixes.filter((p) => rest.every((r) => r.absentPrefixes.includes(p) && sameValue(r.context, head.context)));
  return out;
}

/**
 * The caller role's full ARN with its path, when the text shows one (`aws iam get-role` output, a
 * role ARN under a path ending in /<role name>). A session ARN never shows the path.
 */
export function roleArnWithPath(text: string, caller: Caller | null): string | null {
  const c = caller;
  if (!c || (c.type !== 'assumed-role' && c.type !== 'role') || !c.name || !text) return null;
  const want = `/${c.name}`;
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  let i = t.indexOf(':role/');
  let guard = 0;
  while (i >= 0 && guard++ < 200) {
    let j = i + 6;
    while (j < t.length && j - i < 300 && !' \t\r\n"\'`,;)(<>'.includes(t[j]!)) j++;
    const tail = t.slice(i + 6, j);
    const start = t.lastIndexOf('arn:', i);
    if (tail.includes('/') && tail.endsWith(want) && start >= 0 && i - start < 60) {
      const arn = t.slice(start, j);
      const acct = parseArn(arn)?.account;
      if (!isAccountId(c.accountId ?? '') || acct === c.accountId) return arn;
    }
    i = t.indexOf(':role/', j);
  }
  return null;
}

/**
 * What the pasted text shows the failed call sent: the flags of the `aws` command(s) that made
 * it (same service and operation as the parsed error), and the caller role's path. Never throws.
 */
export function requestFromCommand(text: string, parsed: ParsedError): CommandRequest {
  // asked by the evaluation's request and again by the causes' condition checks, with the same text and error
  return lastCommand.get(text, parsed, requestFromCommandUncached);
}
const lastCommand = new LastCall<string, ParsedError, CommandRequest>();

function requestFromCommandUncached(text: string, parsed: ParsedError): CommandRequest {
  const empty: CommandRequest = { request: {}, context: {}, absent: [], absentPrefixes: [] };
  const action = (parsed.action ?? '').trim().toLowerCase();
  const colon = action.indexOf(':');
  let out = empty;
  if (colon > 0 && text) {
    const service = action.slice(0, colon);
    const operation = (parsed.operation ?? '').trim().toLowerCase() || action.slice(colon + 1);
    const made = awsCommands(text).filter((cmd) => makesCall(cmd, service, operation));
    out = agreed(made.map((cmd) => fromCommand(cmd, action, service, parsed)));
    // no CLI command made it: the boto3 call the paste prints (a traceback's source line) shows its parameters
    if (!made.length && parsed.operation) {
      const calls = boto3Calls(text, parsed.operation);
      if (calls.length) out = agreed(calls.map((k) => fromBoto3Call(k, action)));
    }
    // a pasted CloudTrail event logs what AWS received, a debug log what the SDK sent: either replaces what a command line shows
    if (service === 'sts') {
      const logged = cloudTrailAssume(text, operation, parsed.target?.arn ?? null) ?? sentStsParams(text, operation, parsed.target?.arn ?? null)
        // no command line made the call: the profile or Terraform assume_role block that names the role says what it sends
        ?? (made.length ? null : profileAssume(text, operation, parsed.target?.arn ?? null));
      if (logged) out = logged;
    }
    if (service === 'kms') {
      // what KMS logged replaces the encryption context a command line shows; the command's other keys stay
      const logged = cloudTrailKms(text, operation);
      if (logged) {
        const context: Record<string, ContextValue> = {};
        for (const [k, v] of Object.entries(out.context)) if (!k.toLowerCase().startsWith('kms:encryptioncontext')) context[k] = v;
        out = { request: out.request, context: { ...context, ...logged.context }, absent: logged.absent, absentPrefixes: logged.absentPrefixes };
      }
    }
    // the message's own Region (from the endpoint) is the better witness
    if (parsed.region) delete out.context['aws:RequestedRegion'];
    // a client pointed at the service's plain-HTTP endpoint sends the call without TLS
    if (plainHttpEndpoint(text, service)) out.context = { ...out.context, 'aws:SecureTransport': 'false' };
  }
  const roleArn = roleArnWithPath(text, parsed.caller);
  if (roleArn) out.context['aws:PrincipalArn'] = roleArn;
  if (action === 'sts:assumerolewithsaml') {
    // IAM condition keys, SAML:aud: "comes from the SAML Recipient field in the assertion, not the Audience field"
    const recipient = samlRecipient(text);
    if (recipient) out.context['SAML:aud'] = recipient;
  }
  return out;
}

/** Words without which no reader here finds a request value the commands' templates name (session name, external id …). */
const REQUEST_WITNESSES = ['role-session-name', 'external-id', 'duration-seconds', 'source-identity', 'requestParameters', 'RoleSessionName', 'ExternalId', 'session_name', 'external_id', 'Arguments entered to CLI'];

/** Whether the text may show a request value: a cheap test before requestFromCommand, for callers that need no condition keys. */
export function mayShowRequestValues(text: string): boolean {
  for (const w of REQUEST_WITNESSES) if (text.includes(w)) return true;
  return false;
}

/** STS operations whose CloudTrail event logs the parameters a trust policy's conditions test. */
const LOGGED_ASSUMES = new Set(['assumerole', 'assume-role', 'assumerolewithwebidentity', 'assume-role-with-web-identity', 'assumerolewithsaml', 'assume-role-with-saml']);
const MAX_EVENTS = 20;
/** The longest request body read (an AssumeRole's parameters with a full session policy fit in ~4 000 characters). */
const MAX_BODY = 8000;

/**
 * The parameters an STS AssumeRole* CloudTrail event (pasted as JSON, or escaped inside lookup-events output) logs
 * for the failed call: its requestParameters hold what the caller passed, and leave out what it did not. So an
 * AssumeRole event without externalId is a call that passed none (CloudTrail log contents: requestParameters
 * are the request's parameters). Read only from closed requestParameters objects naming the refused role (when
 * the message names one); several events keep what they all agree on. Null when no such event shows.
 */
export function cloudTrailAssume(text: string, operation: string, roleArn: string | null): CommandRequest | null {
  if (!LOGGED_ASSUMES.has(operation) || !text.includes('requestParameters')) return null;
  const assumeRole = operation === 'assumerole' || operation === 'assume-role';
  const found: CommandRequest[] = [];
  for (const p of requestParameterObjects(text)) {
    if (typeof p.roleArn !== 'string' || (roleArn && p.roleArn.toLowerCase() !== roleArn.toLowerCase())) continue;
    found.push(loggedRequest(p, assumeRole));
  }
  return found.length ? agreed(found) : null;
}

/** KMS operations whose CloudTrail event logs the encryption context the key policy's conditions test. */
const LOGGED_KMS = new Set(['decrypt', 'encrypt', 'generatedatakey', 'generatedatakeywithoutplaintext', 'generatedatakeypair', 'generatedatakeypairwithoutplaintext', 'reencrypt']);

/**
 * The encryption context a pasted KMS CloudTrail event logs for the refused call: its requestParameters carry
 * encryptionContext exactly as the request did (a service calling KMS for the caller included), and lack it when the
 * request had none. Read only from an event of kms.amazonaws.com; several events keep what they agree on.
 */
export function cloudTrailKms(text: string, operation: string): CommandRequest | null {
  if (!LOGGED_KMS.has(operation) || !text.includes('requestParameters') || !text.includes('kms.amazonaws.com')) return null;
  const found: CommandRequest[] = [];
  for (const p of requestParameterObjects(text)) {
    // a KMS request's parameters name its key (keyId) or hold its ciphertext's context; another service's never do
    if (!('keyId' in p) && !('encryptionContext' in p) && !('encryptionAlgorithm' in p)) continue;
    const out: CommandRequest = { request: {}, context: {}, absent: [], absentPrefixes: ['kms:EncryptionContext:'] };
    const ec = p.encryptionContext;
    if (ec && typeof ec === 'object' && !Array.isArray(ec)) {
      const keys = Object.keys(ec).slice(0, 50).filter((k) => typeof (ec as Record<string, unknown>)[k] === 'string');
      for (const k of keys) out.context[`kms:EncryptionContext:${k}`] = (ec as Record<string, string>)[k]!;
      if (keys.length) out.context['kms:EncryptionContextKeys'] = keys;
      else out.absent.push('kms:EncryptionContextKeys');
    } else out.absent.push('kms:EncryptionContextKeys');
    found.push(out);
  }
  return found.length ? agreed(found) : null;
}

/**
 * Every closed requestParameters object of the CloudTrail events in the text (raw, or escaped inside lookup-events
 * output), at most MAX_EVENTS. An event's parameters end before the next event's: each character is read for one event
 * at most.
 */
function* requestParameterObjects(text: string): Generator<Record<string, unknown>> {
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  for (let at = t.indexOf('requestParameters'), n = 0; at !== -1 && n < MAX_EVENTS; n++) {
    const here = at;
    at = t.indexOf('requestParameters', at + 17);
    const open = t.indexOf('{', here);
    // `"requestParameters": {` or, escaped in a lookup-events string, `\"requestParameters\": {`
    if (open < 0 || open - here > 24 || !/^\\?"\s*:\s*$/.test(t.slice(here + 17, open))) continue;
    const stop = Math.min(open + MAX_BODY * 2, at === -1 ? t.length : at);
    const src = t[here + 17] === '\\' ? unescapeWindow(t, open, stop) : t;
    const from = src === t ? open : 0;
    const { end, closed } = jsonValueEnd(src, from, Math.min(MAX_BODY, stop - open), 8);
    if (!closed) continue;
    let params: unknown;
    try { params = JSON.parse(src.slice(from, end)); } catch { continue; }
    if (params && typeof params === 'object' && !Array.isArray(params)) yield params as Record<string, unknown>;
  }
}

/** A window of an escaped JSON string (`\"` → `"`, `\\` → `\`, `\n` → a line break …), from `open` to `stop`. */
function unescapeWindow(t: string, open: number, stop: number): string {
  return t.slice(open, stop).replace(/\\(["\\/nrt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
}

function loggedRequest(p: Record<string, unknown>, assumeRole: boolean): CommandRequest {
  const out: CommandRequest = { request: {}, context: {}, absent: [], absentPrefixes: [] };
  if (assumeRole) out.request.externalId = typeof p.externalId === 'string' && p.externalId ? p.externalId : null;
  if (typeof p.roleSessionName === 'string' && p.roleSessionName) out.request.roleSessionName = p.roleSessionName;
  if (typeof p.durationSeconds === 'number' && Number.isInteger(p.durationSeconds)) out.request.durationSeconds = p.durationSeconds;
  if (typeof p.sourceIdentity === 'string' && p.sourceIdentity) out.request.sourceIdentity = p.sourceIdentity;
  if (assumeRole && typeof p.serialNumber === 'string' && p.serialNumber) out.request.mfa = true;
  if (Array.isArray(p.tags)) {
    const tags: Record<string, string> = {};
    for (const x of p.tags.slice(0, 50)) {
      const tag = x as Record<string, unknown> | null;
      if (tag && typeof tag.key === 'string' && typeof tag.value === 'string') tags[tag.key] = tag.value;
    }
    if (Object.keys(tags).length) out.request.sessionTags = tags;
  }
  if (Array.isArray(p.transitiveTagKeys)) {
    const keys = p.transitiveTagKeys.filter((k): k is string => typeof k === 'string').slice(0, 50);
    if (keys.length) out.context['sts:TransitiveTagKeys'] = keys;
  }
  return out;
}

/** The STS Query API's name of each AssumeRole* operation. */
const QUERY_ACTIONS: Record<string, string> = {
  assumerole: 'AssumeRole', 'assume-role': 'AssumeRole',
  assumerolewithwebidentity: 'AssumeRoleWithWebIdentity', 'assume-role-with-web-identity': 'AssumeRoleWithWebIdentity',
  assumerolewithsaml: 'AssumeRoleWithSAML', 'assume-role-with-saml': 'AssumeRoleWithSAML',
};
/** One `'Key': 'value'` (or "value", or a bare number) of a Python dict, then `,` or `}` (sticky; spaces before it skipped by hand). */
const DICT_ITEM = /'([\w.]{1,80})':\s*(?:'((?:[^'\\\n]|\\.){0,8192})'|"((?:[^"\\\n]|\\.){0,8192})"|(\d{1,9}))\s*([,}])/y;
/** Characters that end a form-encoded body in a log line. */
const FORM_END = new Set([' ', '\t', '\r', '\n', "'", '"', '<', '>', '`']);

/**
 * The parameters a debug log shows the SDK sent for the failed STS call: botocore's (the CLI's `--debug`) "Making
 * request for OperationModel(name=AssumeRole) with params: {… 'body': {'Action': 'AssumeRole', 'RoleArn': …}}", or
 * the form-encoded body other SDKs log (`Action=AssumeRole&RoleArn=…&ExternalId=…`). The whole body shows, so a
 * parameter it lacks was not sent. Only bodies naming the refused role (when the message names one); several keep
 * what they agree on. Null when no such body shows.
 */
export function sentStsParams(text: string, operation: string, roleArn: string | null): CommandRequest | null {
  const name = QUERY_ACTIONS[operation];
  if (!name || !text.includes(`Action`)) return null;
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const found: CommandRequest[] = [];
  const take = (q: Map<string, string>) => {
    const arn = q.get('RoleArn');
    if (q.get('Action') !== name || !arn || (roleArn && arn.toLowerCase() !== roleArn.toLowerCase())) return;
    found.push(loggedRequest(cloudTrailShape(q), name === 'AssumeRole'));
  };
  const dictKey = `'Action': '${name}'`;
  for (let at = t.indexOf(dictKey), n = 0; at !== -1 && n < MAX_EVENTS; at = t.indexOf(dictKey, at + dictKey.length), n++) {
    const open = t.lastIndexOf('{', at);
    if (open >= 0 && at - open <= 2) { const q = dictItems(t, open + 1); if (q) take(q); }
  }
  const formKey = `Action=${name}`;
  // each body is read once: the next search starts past the end of the one just read
  for (let at = t.indexOf(formKey), n = 0, after = 0; at !== -1 && n < MAX_EVENTS; at = t.indexOf(formKey, Math.max(after, at + formKey.length)), n++) {
    const next = t[at + formKey.length];
    if (next !== undefined && next !== '&' && !FORM_END.has(next)) continue;
    let a = at;
    while (a > after && at - a < MAX_BODY && !FORM_END.has(t[a - 1]!)) a--;
    let b = at;
    while (b < t.length && b - at < MAX_BODY && !FORM_END.has(t[b]!)) b++;
    after = b;
    take(formItems(t.slice(a, b)));
  }
  return found.length ? agreed(found) : null;
}

/** The items of a Python dict from just past its `{`, or null when it is not closed where the items end. */
function dictItems(t: string, from: number): Map<string, string> | null {
  const q = new Map<string, string>();
  let at = from;
  for (let n = 0; n < 200; n++) {
    while (at < t.length && at - from < 20_000 && (t[at] === ' ' || t[at] === '\t')) at++;
    DICT_ITEM.lastIndex = at;
    const m = DICT_ITEM.exec(t);
    if (!m) return null;
    q.set(m[1]!, (m[2] ?? m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1'));
    if (m[5] === '}') return q;
    at = DICT_ITEM.lastIndex;
  }
  return null;
}

/** `a=b&c=d` → its pairs, URL-decoded (`+` is a space); an undecodable value is kept as written. */
function formItems(body: string): Map<string, string> {
  const q = new Map<string, string>();
  for (const pair of body.split('&', 200)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const dec = (x: string) => { try { return decodeURIComponent(x.replace(/\+/g, ' ')); } catch { return x; } };
    q.set(dec(pair.slice(0, eq)), dec(pair.slice(eq + 1)));
  }
  return q;
}

/** STS Query parameters (`ExternalId`, `Tags.member.1.Key` …) in the shape of a CloudTrail event's requestParameters. */
function cloudTrailShape(q: Map<string, string>): Record<string, unknown> {
  const tags: Array<{ key: string; value: string }> = [];
  for (let i = 1; i <= 50 && q.has(`Tags.member.${i}.Key`); i++) tags.push({ key: q.get(`Tags.member.${i}.Key`)!, value: q.get(`Tags.member.${i}.Value`) ?? '' });
  const transitive: string[] = [];
  for (let i = 1; i <= 50 && q.has(`TransitiveTagKeys.member.${i}`); i++) transitive.push(q.get(`TransitiveTagKeys.member.${i}`)!);
  const d = q.get('DurationSeconds');
  return {
    roleArn: q.get('RoleArn'), externalId: q.get('ExternalId'), roleSessionName: q.get('RoleSessionName'),
    durationSeconds: d && /^\d{1,6}$/.test(d) ? Number(d) : undefined, sourceIdentity: q.get('SourceIdentity'),
    serialNumber: q.get('SerialNumber'), tags: tags.length ? tags : undefined, transitiveTagKeys: transitive.length ? transitive : undefined,
  };
}

/** Settings of a config profile (INI) or Terraform assume_role block, by the names both use. */
const PROFILE_SETTINGS = new Set(['role_arn', 'external_id', 'role_session_name', 'session_name', 'duration_seconds', 'mfa_serial', 'source_identity', 'source_profile', 'credential_source']);
const MAX_BLOCK_LINES = 40;

/** `key = value` / `key = "value"` of one line (INI or HCL); `ref` when the value is an expression, not a literal. */
function settingOf(line: string): { key: string; value: string; ref: boolean } | null {
  const eq = line.indexOf('=');
  if (eq <= 0) return null;
  const key = line.slice(0, eq).trim().toLowerCase();
  if (!PROFILE_SETTINGS.has(key)) return null;
  let v = line.slice(eq + 1).trim();
  const hash = v.startsWith('"') ? -1 : v.search(/\s[#;]/);
  if (hash >= 0) v = v.slice(0, hash).trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    const inner = v.slice(1, -1);
    return { key, value: inner, ref: inner.includes('${') };
  }
  // an unquoted HCL value is an expression (var.external_id, local.x); an INI value is a literal
  return { key, value: v, ref: /^(?:var|local|data|module)\./.test(v) };
}

/**
 * What the CLI or an SDK sends when it assumes the role through a config profile (`[profile deploy]` with
 * `role_arn = …`, `external_id = …`, `role_session_name`, `duration_seconds`, `mfa_serial`), and what Terraform's
 * provider sends from an `assume_role { role_arn = "…" external_id = "…" session_name = "…" }` block. A profile or
 * block names its role; only one naming the refused role counts, and only when its edges show (a `[section]`
 * header or a `{` before it, the next header or a `}` after it): a setting missing there is one the call does
 * not send (no external_id, no MFA). A value given as an expression stays unknown.
 */
export function profileAssume(text: string, operation: string, roleArn: string | null): CommandRequest | null {
  if (operation !== 'assumerole' || !roleArn || !text.includes('role_arn')) return null;
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const lines = t.split('\n', 5000);
  const found: CommandRequest[] = [];
  for (let i = 0, n = 0; i < lines.length && n < MAX_EVENTS; i++) {
    if (!lines[i]!.includes('role_arn')) continue;
    const own = settingOf(lines[i]!);
    if (!own || own.key !== 'role_arn' || own.value.toLowerCase() !== roleArn.toLowerCase()) continue;
    n++;
    const a = blockStart(lines, i);
    if (a < 0) continue;
    const ini = lines[a]!.trim().startsWith('[');
    const b = ini ? sectionEnd(lines, i) : blockEnd(lines, i);
    if (b < 0) continue;
    const set = new Map<string, { value: string; ref: boolean }>();
    for (let k = a + 1; k < b; k++) { const kv = settingOf(lines[k]!); if (kv && !set.has(kv.key)) set.set(kv.key, kv); }
    const out: CommandRequest = { request: {}, context: {}, absent: [], absentPrefixes: [] };
    const ext = set.get('external_id');
    if (!ext) out.request.externalId = null;
    else if (!ext.ref && ext.value) out.request.externalId = ext.value;
    const rsn = set.get('role_session_name') ?? set.get('session_name');
    if (rsn && !rsn.ref && rsn.value) out.request.roleSessionName = rsn.value;
    const d = set.get('duration_seconds');
    if (d && /^\d{1,6}$/.test(d.value)) out.request.durationSeconds = Number(d.value);
    const si = set.get('source_identity');
    if (si && !si.ref && si.value) out.request.sourceIdentity = si.value;
    // the CLI asks for the code when mfa_serial is set; Terraform's assume_role has no MFA
    out.request.mfa = !!set.get('mfa_serial');
    found.push(out);
  }
  return found.length ? agreed(found) : null;
}

/** The line opening the INI section (`[profile x]`) or HCL block (`assume_role {`) holding line i, nested blocks skipped; -1 when not within reach. */
function blockStart(lines: string[], i: number): number {
  let depth = 0;
  for (let a = i - 1; a >= 0 && i - a <= MAX_BLOCK_LINES; a--) {
    const l = lines[a]!.trim();
    if (l.startsWith('}')) depth++;
    else if (l.endsWith('{')) { if (depth === 0) return a; depth--; }
    else if (l.startsWith('[') && depth === 0) return a;
  }
  return -1;
}

/** Past the last line of the HCL block holding line i (its `}`), nested blocks skipped; -1 when not within reach. */
function blockEnd(lines: string[], i: number): number {
  let depth = 0;
  for (let b = i + 1; b < lines.length && b - i <= MAX_BLOCK_LINES; b++) {
    const l = lines[b]!.trim();
    if (l.endsWith('{')) depth++;
    else if (l.startsWith('}')) { if (depth === 0) return b; depth--; }
  }
  return -1;
}

/** Past the last line of the INI section holding line i: the next header, a blank line or the text's end. */
function sectionEnd(lines: string[], i: number): number {
  for (let b = i + 1; b < lines.length && b - i <= MAX_BLOCK_LINES; b++) {
    const l = lines[b]!.trim();
    if (!l || l.startsWith('[')) return b;
  }
  return i + 1 + MAX_BLOCK_LINES >= lines.length ? lines.length : -1;
}

const SAML_ATTR = 'https://aws.amazon.com/saml/attributes/';
const SOURCE_IDENTITY_VALUE = /^[\w+=,.@-]{2,64}$/;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+@-]{0,256}$/u;

/**
 * The value printed right after an attribute name: `Name = value` / `"Name": "value"` (a decoded listing), or the
 * first `<…AttributeValue…>value<` after it (the assertion's XML). Bounded; null when neither reads.
 */
function attributeValue(src: string, from: number): string | null {
  const rest = src.slice(from, from + 400);
  const listed = /^["']?[ \t]{0,4}[=:][ \t]{0,4}["']?([^\s"'<>,]{1,256})/.exec(rest);
  if (listed) return listed[1]!;
  const xml = /^["']?[^<>]{0,200}>\s{0,20}<(?:[\w-]{1,20}:)?AttributeValue\b[^>]{0,200}>([^<]{1,256})</i.exec(rest);
  return xml ? xml[1]!.trim() : null;
}

/**
 * What a federated call passes that the trust must allow separately (IAM "Pass session tags in AWS STS", "Monitor and
 * control actions taken with assumed roles"): a SAML assertion's SourceIdentity and PrincipalTag:<key> attributes, or
 * a web identity token's https://aws.amazon.com/source_identity claim and https://aws.amazon.com/tags principal_tags.
 * One value per name, as the text shows it; two different values name none. Bounded indexOf scans.
 */
export function federatedRequest(text: string, saml: boolean): { sourceIdentity: string | null; sessionTags: Record<string, string> | null } {
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const lower = src.toLowerCase();
  const sources = new Set<string>();
  const tags: Record<string, Set<string>> = {};
  const addTag = (k: string, v: string) => { if (/^[\w.:/=+@-]{1,128}$/.test(k) && TAG_VALUE.test(v)) (tags[k] ??= new Set()).add(v); };
  if (saml) {
    let i = lower.indexOf(SAML_ATTR);
    for (let n = 0; i >= 0 && n < 100; n++, i = lower.indexOf(SAML_ATTR, i + SAML_ATTR.length)) {
      const at = i + SAML_ATTR.length;
      if (lower.startsWith('sourceidentity', at)) {
        const v = attributeValue(src, at + 'sourceidentity'.length);
        if (v && SOURCE_IDENTITY_VALUE.test(v)) sources.add(v);
      } else if (lower.startsWith('principaltag:', at)) {
        const key = /^[\w.:/=+@-]{1,128}?(?=["'\s=<>]|$)/.exec(src.slice(at + 'principaltag:'.length, at + 'principaltag:'.length + 140))?.[0];
        const v = key ? attributeValue(src, at + 'principaltag:'.length + key.length) : null;
        if (key && v) addTag(key, v);
      }
    }
  } else {
    const si = /"https:\/\/aws\.amazon\.com\/source_identity"\s{0,4}:\s{0,4}"([^"]{1,64})"/g;
    for (let m = si.exec(src), n = 0; m && n < 20; m = si.exec(src), n++) if (SOURCE_IDENTITY_VALUE.test(m[1]!)) sources.add(m[1]!);
    let i = lower.indexOf('"https://aws.amazon.com/tags"');
    for (let n = 0; i >= 0 && n < 10; n++, i = lower.indexOf('"https://aws.amazon.com/tags"', i + 1)) {
      const p = lower.indexOf('"principal_tags"', i);
      if (p < 0 || p - i > 200) continue;
      const open = src.indexOf('{', p);
      const close = open >= 0 ? src.indexOf('}', open) : -1;
      if (open < 0 || close < 0 || open - p > 40 || close - open > 4000) continue;
      try {
        const obj = JSON.parse(src.slice(open, close + 1)) as Record<string, unknown>;
        for (const [k, v] of Object.entries(obj)) {
          const first = Array.isArray(v) ? v[0] : v;
          if (typeof first === 'string') addTag(k, first);
        }
      } catch { /* not JSON as printed: no tags read */ }
    }
  }
  const tagEntries = Object.entries(tags).filter(([, vs]) => vs.size === 1).map(([k, vs]) => [k, [...vs][0]!] as const);
  return {
    sourceIdentity: sources.size === 1 ? [...sources][0]! : null,
    sessionTags: tagEntries.length && tagEntries.length === Object.keys(tags).length ? Object.fromEntries(tagEntries) : null,
  };
}

const HTTP_SCHEME = /http:\/\//i;

/**
 * The text configures a client for this service's endpoint over plain HTTP: an `http://` URL whose host is an
 * amazonaws.com name with a label naming the service (`s3.eu-west-1`, `s3-eu-west-1`, `sqs.us-east-1` …), as in
 * `endpoint_url="http://…"`, `--endpoint-url http://…`, `S3_ENDPOINT=http://…`. XML namespaces
 * (`xmlns="http://s3.amazonaws.com/doc/2006-03-01/"`) and documentation paths are not endpoints. Bounded scans.
 */
export function plainHttpEndpoint(text: string, service: string): boolean {
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  // nearly every paste has no http:// at all: asked before the text is copied in lower case
  if (!HTTP_SCHEME.test(src)) return false;
  const lower = src.toLowerCase();
  const svc = service.toLowerCase();
  let i = lower.indexOf('http://');
  for (let n = 0; i >= 0 && n < 50; n++, i = lower.indexOf('http://', i + 7)) {
    if (/xmlns(?::\w+)?=["']?$/.test(lower.slice(Math.max(0, i - 12), i))) continue;
    const m = /^http:\/\/([a-z0-9.-]{1,253})(\/[^\s"'<>]*)?/.exec(lower.slice(i, i + 600));
    if (!m) continue;
    const host = m[1]!.replace(/\.$/, '');
    if (!/\.amazonaws\.com(?:\.cn)?$/.test(host) || (m[2] ?? '').startsWith('/doc/')) continue;
    if (host.split('.').some((label) => label === svc || label.startsWith(`${svc}-`))) return true;
  }
  return false;
}

const RECIPIENT_MARKERS = ['recipient="', "recipient='", '"recipient":'];

/**
 * The Recipient of the SAML assertion the text shows (`<SubjectConfirmationData … Recipient="…">`, or a decoded
 * assertion as JSON), when every occurrence names the same http(s) URL; else null. Bounded indexOf scans.
 */
export function samlRecipient(text: string): string | null {
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const lower = src.toLowerCase();
  const seen = new Set<string>();
  for (const marker of RECIPIENT_MARKERS) {
    let i = lower.indexOf(marker);
    for (let n = 0; i >= 0 && n < 20; n++) {
      let k = i + marker.length;
      let quote = marker.endsWith('"') || marker.endsWith("'") ? marker[marker.length - 1] as string : '';
      if (!quote) {
        // JSON: "Recipient": "…"
        while (k < src.length && k - i < marker.length + 8 && (src[k] === ' ' || src[k] === '\t')) k++;
        if (src[k] !== '"') { i = lower.indexOf(marker, i + 1); continue; }
        quote = '"';
        k++;
      }
      const end = src.indexOf(quote, k);
      if (end > k && end - k <= 2048) seen.add(src.slice(k, end).trim());
      i = lower.indexOf(marker, i + 1);
    }
  }
  if (seen.size !== 1) return null;
  const [url] = [...seen];
  return url && /^https?:\/\/[^\s"'<>]{1,2000}$/.test(url) ? url : null;
}

/** The value a command shows for a condition key: string[] sent, null not sent, undefined unknown. */
export function commandContextValue(cmd: CommandRequest, key: string): string[] | null | undefined {
  const k = key.toLowerCase();
  for (const [ck, cv] of Object.entries(cmd.context)) {
    if (ck.toLowerCase() === k) return Array.isArray(cv) ? cv.map(String) : [String(cv)];
  }
  if (cmd.absent.some((a) => a.toLowerCase() === k)) return null;
  if (cmd.absentPrefixes.some((p) => k.startsWith(p.toLowerCase()))) return null;
  return undefined;
}

/** The request the evaluation sees: the person's facts and keys over the text's. */
export interface MergedRequest {
  request: RequestFacts;
  context: Record<string, ContextValue>;
  /** Keys the text shows absent that nobody stated. */
  absent: string[];
}

/**
 * Merges what the text shows under what the person stated: a fact or key the person gave always
 * wins (case-insensitive for keys). `conditionKeys` are the keys the pasted policies test, so
 * that an absent prefix (every other kms:EncryptionContext: key) becomes concrete absent keys.
 */
export function mergeRequest(
  fromText: CommandRequest,
  request: RequestFacts,
  context: Record<string, ContextValue>,
  conditionKeys: Iterable<string> = [],
): MergedRequest {
  const facts: RequestFacts = { ...fromText.request };
  for (const [k, v] of Object.entries(request ?? {})) if (v !== undefined) (facts as Record<string, unknown>)[k] = v;
  const stated = new Set(Object.keys(context ?? {}).map((k) => k.toLowerCase()));
  const merged: Record<string, ContextValue> = {};
  for (const [k, v] of Object.entries(fromText.context)) if (!stated.has(k.toLowerCase())) merged[k] = v;
  Object.assign(merged, context ?? {});
  const present = new Set(Object.keys(merged).map((k) => k.toLowerCase()));
  const absent = new Set<string>();
  for (const k of fromText.absent) if (!present.has(k.toLowerCase())) absent.add(k);
  for (const k of conditionKeys) {
    const l = k.toLowerCase();
    if (!present.has(l) && fromText.absentPrefixes.some((p) => l.startsWith(p.toLowerCase()))) absent.add(k);
  }
  return { request: facts, context: merged, absent: [...absent] };
}

/**
 * The encryption context of the first `aws kms …` command in the text: `--encryption-context
 * k=v,k2=v2` or its JSON form; {} when the command is there without the option; null when no such
 * command shows (or its value is unreadable).
 */
export function cliEncryptionContext(text: string): Record<string, string> | null {
  const cmd = awsCommands(text).find((c) => c.service === 'kms');
  if (!cmd) return null;
  const raw = first(cmd, '--encryption-context');
  return raw === undefined ? {} : encryptionContextOf(raw);
}

/**
 * The server-side-encryption header the first upload command in the text sends: [value], null
 * when it shows no --sse / --server-side-encryption flag, undefined when no upload command shows.
 */
export function cliS3Sse(text: string): string[] | null | undefined {
  const cmd = awsCommands(text).find((c) => UPLOADS.has(`${c.service} ${c.operation}`));
  return cmd ? sseOf(cmd) : undefined;
}
