/**
 * The `whydenied` command line: `explain`, `explain --batch`, `serve`, `mcp`. A thin shell over
 * the core; all I/O goes through `CliIO` so tests can run every command in-process.
 * Exit codes: 0 answered, 1 no authorization failure found in the text, 2 usage error.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { explain } from '../core/index.js';
import { LIMITS } from '../shared/request-schemas.js';
import { renderMarkdown, renderText } from '../core/render/index.js';
import { POLICY_KINDS, type ContextValue, type PolicyInput, type PolicyKind, type RequestFacts } from '../core/types.js';
import { explainItem, parseBatchLine, validateExplainItem, type ItemResult } from './batch.js';
import { readVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_NOT_FOUND = 1;
export const EXIT_USAGE = 2;

export interface Output {
  /** Like a Node stream's write: false means "wait for drain". */
  write(chunk: string): boolean | void;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface CliIO {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: Output;
  stderr: Output;
  isTTY: { stdin?: boolean; stdout?: boolean; stderr?: boolean };
  readFile(path: string): Promise<string>;
  /** Long-running commands; injectable so tests need not start servers. */
  serve?(options: { port?: number; host?: string }): Promise<number>;
  mcp?(): Promise<number>;
}

export const HELP = `whydenied — explains AWS AccessDenied errors

Usage:
  whydenied explain [FILE] [options]      explain one error (read from FILE, or stdin)
  whydenied [options] < FILE              the same: text piped in with no command is explained
  whydenied explain --batch FILE.jsonl    one {message, policies?, request?, context?} a line in,
                                          one {"line", "answer"|"error"} a line out (FILE "-" = stdin)
  whydenied serve [--port N] [--host H]   start the HTTP service (same as npm start)
  whydenied mcp                           Model Context Protocol server over stdio
  whydenied --help | --version

Options for explain:
  --json                  print the answer as JSON
  --markdown              print the answer as Markdown (for a chat reply)
  --format FORMAT         text (the default), json or markdown
  --policy KIND=PATH      a policy file; KIND is detect, ${POLICY_KINDS.join(', ')}
                          (repeatable; a bare PATH means detect)
  --external-id ID        the external id the failing call passed
  --no-external-id        the failing call passed no external id
  --duration SECONDS      the DurationSeconds the call asked for
  --chained               the caller's credentials came from another AssumeRole
  --mfa                   the call carried an MFA serial number and code
  --session-name NAME     the RoleSessionName the call passed
  --source-identity ID    the SourceIdentity the call passed
  --context KEY=VALUE     another IAM condition key the caller knows (repeatable;
                          VALUE may be a JSON array)

Exit codes: 0 answered, 1 no AWS authorization failure found in the text, 2 usage error.
`;

/** Limits shared with the HTTP API (src/http/schemas.ts LIMITS). */
const MAX_BATCH_LINE_CHARS = 4_000_000;

class UsageError extends Error {}

function say(out: Output, s: string): void {
  out.write(s.endsWith('\n') ? s : s + '\n');
}

async function write(out: Output, s: string): Promise<void> {
  if (out.write(s) === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
}

/** Reads stdin to the end, or stops past maxBytes (returns null) so a runaway pipe cannot fill memory. */
async function readAll(stdin: AsyncIterable<string | Uint8Array>, maxBytes = Number.POSITIVE_INFINITY): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stdin) {
    const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
    size += b.length;
    if (size > maxBytes) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `trust=./trust.json` → { kind: 'trust', path }; `./p.json` or `detect=./p.json` → kind inferred. */
export function parsePolicyFlag(value: string): { kind: PolicyKind | null; path: string } {
  const eq = value.indexOf('=');
  if (eq > 0) {
    const kind = value.slice(0, eq).trim().toLowerCase();
    const path = value.slice(eq + 1);
    if (!path) throw new UsageError(`--policy ${value}: no file after "="`);
    if (kind === 'detect') return { kind: null, path };
    if ((POLICY_KINDS as readonly string[]).includes(kind)) return { kind: kind as PolicyKind, path };
    if (/^[a-z-]{1,30}$/.test(kind)) throw new UsageError(`--policy ${value}: unknown kind "${kind}"; use detect or one of ${POLICY_KINDS.join(', ')}`);
  }
  if (!value) throw new UsageError('--policy needs KIND=PATH');
  return { kind: null, path: value };
}

/** `aws:PrincipalOrgID=o-abc` → ['aws:PrincipalOrgID', 'o-abc']; a JSON array value stays an array. */
export function parseContextFlag(value: string): [string, ContextValue] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new UsageError(`--context ${value}: expected KEY=VALUE`);
  const key = value.slice(0, eq).trim();
  const raw = value.slice(eq + 1);
  if (raw.startsWith('[')) {
    try {
      const arr = JSON.parse(raw) as unknown;
      if (Array.isArray(arr) && arr.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
        return [key, arr as Array<string | number | boolean>];
      }
    } catch { /* not JSON: keep the text */ }
  }
  return [key, raw];
}

function mergeContext(flags: string[]): Record<string, ContextValue> | undefined {
  if (!flags.length) return undefined;
  const ctx: Record<string, ContextValue> = {};
  for (const f of flags) {
    const [k, v] = parseContextFlag(f);
    const prev = ctx[k];
    if (prev === undefined) ctx[k] = v;
    else ctx[k] = [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(v) ? v : [v])];
  }
  return ctx;
}

const EXPLAIN_OPTIONS = {
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  format: { type: 'string' },
  batch: { type: 'string' },
  policy: { type: 'string', multiple: true },
  'external-id': { type: 'string' },
  'no-external-id': { type: 'boolean' },
  duration: { type: 'string' },
  chained: { type: 'boolean' },
  mfa: { type: 'boolean' },
  'session-name': { type: 'string' },
  'source-identity': { type: 'string' },
  context: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

async function cmdExplain(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: EXPLAIN_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) { say(io.stdout, HELP); return EXIT_OK; }
  if (values.format !== undefined && !['text', 'json', 'markdown'].includes(values.format)) throw new UsageError(`--format ${values.format}: expected text, json or markdown`);
  if ([values.json, values.markdown, values.format !== undefined].filter(Boolean).length > 1) throw new UsageError('--json, --markdown and --format cannot be combined');
  const format = values.format ?? (values.json ? 'json' : values.markdown ? 'markdown' : 'text');
  if (positionals.length > 1) throw new UsageError(`explain takes at most one FILE, got ${positionals.length}`);

  if (values.batch !== undefined) {
    const single = ['policy', 'external-id', 'no-external-id', 'duration', 'chained', 'mfa', 'session-name', 'source-identity', 'context', 'markdown'] as const;
    if (values.format !== undefined && values.format !== 'json') throw new UsageError('--batch always writes JSON Lines');
    const clash = single.filter((k) => values[k] !== undefined);
    if (clash.length) throw new UsageError(`--batch reads policies and request facts from each line; drop --${clash.join(', --')}`);
    if (positionals.length) throw new UsageError('--batch takes its file as its value: --batch FILE.jsonl');
    return runBatch(values.batch, io);
  }

  // Request facts
  const request: RequestFacts = {};
  if (values['external-id'] !== undefined && values['no-external-id']) throw new UsageError('--external-id and --no-external-id cannot be combined');
  if (values['external-id'] !== undefined) request.externalId = values['external-id'];
  if (values['no-external-id']) request.externalId = null;
  if (values.duration !== undefined) {
    if (!/^\d{1,8}$/.test(values.duration)) throw new UsageError(`--duration ${values.duration}: expected a number of seconds`);
    request.durationSeconds = Number(values.duration);
  }
  if (values.chained) request.chained = true;
  if (values.mfa) request.mfa = true;
  if (values['session-name'] !== undefined) request.roleSessionName = values['session-name'];
  if (values['source-identity'] !== undefined) request.sourceIdentity = values['source-identity'];
  const context = mergeContext(values.context ?? []);

  // Policies
  const policies: PolicyInput[] = [];
  for (const flag of values.policy ?? []) {
    const { kind, path } = parsePolicyFlag(flag);
    let document: string;
    try {
      document = await io.readFile(path);
    } catch (err) {
      throw new UsageError(`cannot read policy file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    policies.push({ ...(kind ? { kind } : {}), name: basename(path), document });
  }

  // Message
  let message: string;
  const file = positionals[0];
  if (file !== undefined && file !== '-') {
    try {
      message = await io.readFile(file);
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  } else {
    if (io.isTTY.stdin) say(io.stderr, 'Paste the error text, then press Ctrl-D (Ctrl-Z Enter on Windows).');
    // 4 bytes per character covers any UTF-8; the exact limit is checked below in characters.
    const text = await readAll(io.stdin, 4 * LIMITS.messageChars + 4);
    if (text === null) throw new UsageError(`message: message may be at most ${LIMITS.messageChars.toLocaleString('en-US').replace(/,/g, ' ')} characters`);
    message = text;
  }
  if (!message.trim()) throw new UsageError(file ? `${file} is empty` : 'no input: pass a FILE or pipe the error text to stdin');

  const raw = {
    message,
    ...(policies.length ? { policies } : {}),
    ...(Object.keys(request).length ? { request } : {}),
    ...(context ? { context } : {}),
  };
  const v = validateExplainItem(raw);
  if (!v.ok) throw new UsageError(v.problem.errors.map((e) => `${e.path || 'input'}: ${e.message}`).join('\n') || v.problem.detail);

  const answer = explain(v.input);
  const out = format === 'json' ? JSON.stringify(answer, null, 2) + '\n' : format === 'markdown' ? renderMarkdown(answer) : renderText(answer);
  await write(io.stdout, out);
  return answer.parsed.recognized ? EXIT_OK : EXIT_NOT_FOUND;
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

async function runBatch(source: string, io: CliIO): Promise<number> {
  let content: string;
  if (source === '-') content = (await readAll(io.stdin)) ?? '';
  else {
    try {
      content = await io.readFile(source);
    } catch (err) {
      throw new UsageError(`cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  const lines = content.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const numbered = lines.map((text, i) => ({ n: i + 1, text: text.endsWith('\r') ? text.slice(0, -1) : text })).filter((l) => l.text.trim() !== '');
  const showProgress = io.isTTY.stderr === true;
  const step = Math.max(1, Math.floor(numbered.length / 200));
  let done = 0;
  let errors = 0;
  for (const { n, text } of numbered) {
    let result: ItemResult;
    if (text.length > MAX_BATCH_LINE_CHARS) {
      result = { error: { type: 'urn:whydenied:problem:limit-exceeded', title: 'Request exceeds a limit', status: 413, detail: `Line ${n} is longer than ${MAX_BATCH_LINE_CHARS} characters.`, errors: [], limit: MAX_BATCH_LINE_CHARS } };
    } else {
      const parsed = parseBatchLine(text, n);
      result = parsed.ok ? explainItem(parsed.item) : { error: parsed.problem };
    }
    if ('error' in result) errors++;
    await write(io.stdout, JSON.stringify({ line: n, ...result }) + '\n');
    done++;
    if (showProgress && (done % step === 0 || done === numbered.length)) io.stderr.write(progressBar(done, numbered.length));
  }
  if (showProgress) io.stderr.write(`\r\u001b[K${done - errors} answered, ${errors} error record(s)\n`);
  return EXIT_OK;
}

async function cmdServe(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help) { say(io.stdout, HELP); return EXIT_OK; }
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port ${values.port}: expected 0..65535`);
    port = Number(values.port);
  }
  const serve = io.serve ?? (await import('./serve.js')).serve;
  return serve({ ...(port !== undefined ? { port } : {}), ...(values.host ? { host: values.host } : {}) });
}

async function cmdMcp(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help) { say(io.stdout, HELP); return EXIT_OK; }
  if (io.mcp) return io.mcp();
  const { startMcpServer } = await import('../mcp/server.js');
  await startMcpServer();
  return EXIT_OK;
}

/** Runs the CLI; resolves to the exit code. Bad arguments and bad input are exit code 2, never a throw. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        // `pbpaste | whydenied`: text piped in with no command is the error to explain
        if (!io.isTTY.stdin) return await cmdExplain([], io);
        say(io.stderr, HELP);
        return EXIT_USAGE;
      case '--help': case '-h': case 'help':
        say(io.stdout, HELP);
        return EXIT_OK;
      case '--version': case '-v': case 'version':
        say(io.stdout, readVersion());
        return EXIT_OK;
      case 'explain':
        return await cmdExplain(rest, io);
      case 'serve':
        return await cmdServe(rest, io);
      case 'mcp':
        return await cmdMcp(rest, io);
      default:
        // `whydenied --json < err.txt`: explain's options with no command are explain's
        if (command.startsWith('-')) return await cmdExplain(argv.slice(), io);
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!usage) throw err;
    say(io.stderr, `whydenied: ${(err as Error).message}\nRun "whydenied --help" for usage.`);
    return EXIT_USAGE;
  }
}
