/**
 * The caller a paste shows after the failure (docs/decisions/023): `aws sts get-caller-identity`, run after
 * a failing `aws …` command with the same profile and no change of credentials between them, prints the
 * identity that command used. The message names none, so the causes and the policy evaluation check that
 * identity; the parser's own output stays as the parser made it (its caller stays null), as with the S3
 * target read from the command (s3-target.ts). Failing that, the principal the paste says the call runs as
 * (`# runs as <ARN>`, `caller: <ARN>`, docs/decisions/026). Line scans with indexOf, no regex over the text.
 */
import type { ParsedError } from '../types.js';
import { parseCaller } from '../parse/arn.js';

const MAX_TEXT = 100_000;
/** How far (in lines) the failing command may precede its error, and the identity's output its command. */
const NEAR_LINES = 40;
const OUTPUT_LINES = 12;

/** Commands that change which credentials the shell uses (lower-cased, after the prompt). */
const CREDENTIAL_CHANGES = [
  'export aws_', 'set aws_', '$env:aws_', 'unset aws_', 'aws configure', 'aws sso login', 'aws login', 'aws-vault ', 'assume ', 'granted ',
];

/** A line (lower-cased) that switches credentials: one of those commands, or anything run with assume-role in it. */
function changesCredentials(low: string): boolean {
  const c = commandOf(low);
  if (c === null) return false;
  return CREDENTIAL_CHANGES.some((w) => c.startsWith(w)) || ((c.startsWith('aws ') || c.startsWith('eval ')) && c.includes('assume-role'));
}

/** The part of a line after a shell prompt (`$ `, `% `, `> `, `PS C:\> `, `user@host:~$ `), or null when it is no command. */
function commandOf(line: string): string | null {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line.startsWith('ps ', i)) {
    const gt = line.indexOf('>', i);
    if (gt < 0 || gt - i > 200) return null;
    i = gt + 1;
  } else if (line[i] === '$' || line[i] === '%' || line[i] === '>') i++;
  else {
    const d = line.indexOf('$ ', i);
    if (d > 0 && d < 120 && !line.slice(i, d).includes(' ')) i = d + 1; // user@host:~/dir$ aws …
  }
  while (i < line.length && line[i] === ' ') i++;
  return line.slice(i);
}

/** A command line running the AWS CLI, lower-cased, with an `AWS_PROFILE=x` prefix kept; null otherwise. */
function awsCommand(line: string): string | null {
  const c = commandOf(line);
  if (c === null) return null;
  if (c.startsWith('aws ')) return c;
  if (c.startsWith('aws_profile=')) {
    const sp = c.indexOf(' ');
    return sp > 0 && c.startsWith('aws ', sp + 1) ? c : null;
  }
  return null;
}

/** The profile a CLI command line uses: `--profile x`, `--profile=x` or an `AWS_PROFILE=x` prefix; '' for the default. */
function profileOf(command: string): string {
  if (command.startsWith('aws_profile=')) return command.slice(12, command.indexOf(' '));
  const i = command.indexOf('--profile');
  if (i < 0) return '';
  let j = i + 9;
  if (command[j] !== ' ' && command[j] !== '=') return '';
  while (command[j] === ' ' || command[j] === '=') j++;
  let end = j;
  while (end < command.length && command[end] !== ' ') end++;
  return command.slice(j, end).replace(/^["']|["']$/g, '');
}

/** `s` with every whitespace run made one space (as the parser flattens the message). */
function squash(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\r') { space = true; continue; }
    if (space && out) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/** The `"Arn": "arn:…"` value get-caller-identity printed in `lines` (with UserId and Account beside it), or null. */
function identityArn(lines: string[]): string | null {
  const block = lines.join('\n');
  if (!block.includes('"UserId"') || !block.includes('"Account"')) return null;
  const k = block.indexOf('"Arn"');
  if (k < 0) return null;
  const q1 = block.indexOf('"', block.indexOf(':', k + 5) + 1);
  const q2 = q1 >= 0 ? block.indexOf('"', q1 + 1) : -1;
  if (q1 < 0 || q2 < 0 || q2 - q1 > 400) return null;
  const arn = block.slice(q1 + 1, q2);
  return arn.startsWith('arn:aws') && (arn.includes(':sts::') || arn.includes(':iam::')) && !arn.includes(' ') ? arn : null;
}

/**
 * The ARN `aws sts get-caller-identity` printed after the failure when it shows the failing command's
 * credentials: the message names no caller, the failure follows an `aws …` command in the paste, the
 * identity's command comes later with the same profile, and no line between them changes credentials
 * (`export AWS_…`, `aws configure`, `aws sso login`, an assume-role tool). Null otherwise.
 */
export function callerShownAfter(parsed: ParsedError, text: string): string | null {
  if (!parsed.recognized || parsed.caller || !parsed.message || !text.includes('"UserId"')) return null;
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const lines = src.split('\n');
  const head = parsed.message.slice(0, 40); // short enough to sit on the message's first line
  let err = -1;
  for (let i = 0; i < lines.length && err < 0; i++) if (squash(lines[i]!).includes(head)) err = i;
  if (err < 0) return null;
  // the failing command: the nearest CLI command line above the error
  let failing: string | null = null;
  for (let i = err; i >= 0 && err - i <= NEAR_LINES && failing === null; i--) failing = awsCommand(lines[i]!.toLowerCase());
  if (failing === null || failing.includes('get-caller-identity')) return null;
  for (let i = err + 1; i < lines.length; i++) {
    const low = lines[i]!.toLowerCase();
    const cmd = awsCommand(low);
    if (cmd?.includes('sts get-caller-identity')) {
      if (profileOf(cmd) !== profileOf(failing)) return null;
      const out: string[] = [];
      for (let j = i + 1; j < lines.length && j - i <= OUTPUT_LINES && awsCommand(lines[j]!.toLowerCase()) === null; j++) out.push(lines[j]!);
      return identityArn(out);
    }
    if (changesCredentials(low)) return null;
  }
  return null;
}

/** `parsed` with the caller get-caller-identity showed after the failure (fromContext), when callerShownAfter finds one. */
export function withCallerShown(parsed: ParsedError, text: string): ParsedError {
  const arn = callerShownAfter(parsed, text);
  if (!arn) return parsed;
  const caller = { ...parseCaller(arn).caller, fromContext: true };
  const t = parsed.target?.accountId;
  const crossAccount = caller.accountId && t && /^\d{12}$/.test(t) ? caller.accountId !== t : parsed.crossAccount;
  return { ...parsed, caller, crossAccount };
}

/** Words that, right before a principal ARN on its line, say the failing call runs as it (lower-cased). */
const RUNS_AS = ['runs as ', 'run as ', 'running as ', 'executes as ', 'executing as ', 'caller: ', 'caller is ', 'caller = '];
const PRINCIPAL_ARN = /^arn:aws(?:-[a-z]{1,12}){0,3}:(?:iam::\d{12}:(?:role|user)\/[\w+=,.@/-]{1,512}|sts::\d{12}:assumed-role\/[\w+=,.@-]{1,64}\/[\w+=,.@-]{1,64})$/;
/** How far before the ARN on its line the words may stand ("# CI runs as", "# caller: "). */
const RUNS_AS_REACH = 24;

/**
 * The principal the paste states the failing call ran as, in its own words (docs/decisions/026): a line saying
 * `runs as <ARN>`, `run as <ARN>`, `caller: <ARN>` (an IAM role or user ARN, or an assumed-role session ARN), when the
 * message names no caller, or `as <session ARN>` (an assumed-role session ARN after a bare "as"). Every such statement must name the same principal; two different ones name none. Null
 * otherwise. Bounded indexOf scans.
 */
export function callerStated(parsed: ParsedError, text: string): string | null {
  if (!parsed.recognized || parsed.caller) return null;
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const low = src.toLowerCase();
  let found: string | null = null;
  for (let at = low.indexOf('arn:aws'), n = 0; at >= 0 && n < 200; at = low.indexOf('arn:aws', at + 7), n++) {
    const lineStart = src.lastIndexOf('\n', at - 1) + 1;
    const before = low.slice(Math.max(lineStart, at - RUNS_AS_REACH), at);
    // a bare "as" says it only of a role session's ARN (`failed to read <secret> as arn:aws:sts::…:assumed-role/…`):
    // a session is an identity something runs with, never a thing being configured
    const session = low.startsWith('arn:aws:sts::', at) || /^arn:aws-[a-z-]{1,20}:sts::/.test(low.slice(at, at + 40));
    if (!RUNS_AS.some((w) => before.endsWith(w)) && !(session && before.endsWith(' as '))) continue;
    let end = at;
    while (end < src.length && end - at < 700 && !' \t\r\n"\'`,;()<>'.includes(src[end] as string)) end++;
    let arn = src.slice(at, end);
    while (arn.endsWith('.') || arn.endsWith(':')) arn = arn.slice(0, -1);
    if (!PRINCIPAL_ARN.test(arn)) continue;
    if (found !== null && found !== arn) return null;
    found = arn;
  }
  return found;
}

/** `parsed` with the caller the paste states (fromContext), when callerStated finds one. */
export function withCallerStated(parsed: ParsedError, text: string): ParsedError {
  const arn = callerStated(parsed, text);
  if (!arn) return parsed;
  const caller = { ...parseCaller(arn).caller, fromContext: true };
  const t = parsed.target?.accountId;
  const crossAccount = caller.accountId && t && /^\d{12}$/.test(t) ? caller.accountId !== t : parsed.crossAccount;
  return { ...parsed, caller, crossAccount };
}
