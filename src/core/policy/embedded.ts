/**
 * Policies pasted inside the message. A chat or a ticket has one box: people paste the error, then
 * "here is my trust policy:" and the JSON (or `aws iam get-role` output, or the Terraform that
 * defines it). Each such document is read as a pasted policy of its own, named "in the message",
 * its kind taken from the words just before it when they name one.
 *
 * Bounded scans: candidate starts are found with indexOf, each document is delimited in one pass
 * (strings and escapes respected), scanning resumes after it, and at most MAX_FOUND documents and
 * MAX_TRIES unbalanced starts are looked at.
 */
import type { Policy, PolicyInput, PolicyKind, Warning } from '../types.js';
import { readPolicy } from './policy.js';
import { looksLikeHcl } from './hcl.js';
import { MAX_DOCUMENT_CHARS } from './read.js';
import { jsonValueEnd } from '../json-scan.js';

/** More documents than this: an article, a thread or a runbook, not the policies in effect. */
const MAX_FOUND = 3;
const MAX_TRIES = 10;
/** The first key of an object that is a policy or the CLI output holding one. */
const FIRST_KEYS = ['"Version"', '"Statement"', '"Id"', '"Role"', '"PolicyVersion"', '"PolicyDocument"', '"AssumeRolePolicyDocument"', '"Policy"'];

/** Words before a document that say which kind it is; the one nearest the document wins. */
const KIND_WORDS: Array<[string, PolicyKind]> = [
  ['trust policy', 'trust'], ['trust relationship', 'trust'], ['assume role policy', 'trust'], ['assumerolepolicy', 'trust'],
  ['bucket policy', 'resource'], ['key policy', 'resource'], ['resource policy', 'resource'], ['resource-based policy', 'resource'],
  ['queue policy', 'resource'], ['topic policy', 'resource'], ['repository policy', 'resource'],
  ['service control polic', 'scp'], ['scp', 'scp'], ['resource control polic', 'rcp'], ['rcp', 'rcp'],
  ['permissions boundary', 'permissions-boundary'], ['permission boundary', 'permissions-boundary'],
  ['session policy', 'session'], ['endpoint policy', 'vpc-endpoint'],
  ['identity policy', 'identity'], ['identity-based policy', 'identity'], ['inline policy', 'identity'], ['managed policy', 'identity'],
  ['iam policy', 'identity'], ['role policy', 'identity'], ['user policy', 'identity'], ['permissions policy', 'identity'],
];
const LOOK_BACK = 300;

/** Where the object starting at `start` ends (the index after its `}`), or -1 when it does not close. */
export function objectEnd(text: string, start: number): number {
  const r = jsonValueEnd(text, start, MAX_DOCUMENT_CHARS);
  return r.closed ? r.end : -1;
}

/** Whether the object opening at `i` starts with one of FIRST_KEYS. */
function policyStart(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && j < i + 40 && (text[j] === ' ' || text[j] === '\n' || text[j] === '\r' || text[j] === '\t')) j++;
  if (text[j] !== '"') return false;
  for (const k of FIRST_KEYS) if (text.startsWith(k, j)) return true;
  return false;
}

/** The kind the words just before the document name, if any. */
function kindBefore(text: string, start: number): PolicyKind | undefined {
  const before = text.slice(Math.max(0, start - LOOK_BACK), start).toLowerCase();
  let best = -1;
  let kind: PolicyKind | undefined;
  for (const [words, k] of KIND_WORDS) {
    const at = before.lastIndexOf(words);
    // "scp" and "rcp" as whole words only
    if (at < 0 || (words.length === 3 && (/[a-z0-9]/.test(before[at - 1] ?? ' ') || /[a-z0-9]/.test(before[at + 3] ?? ' ')))) continue;
    if (at > best) { best = at; kind = k; }
  }
  return kind;
}

/** The JSON documents in the text, as policy inputs. */
function jsonDocuments(text: string): PolicyInput[] {
  const out: PolicyInput[] = [];
  let tries = 0;
  for (let i = text.indexOf('{'); i >= 0 && out.length <= MAX_FOUND && tries < MAX_TRIES; i = text.indexOf('{', i + 1)) {
    if (!policyStart(text, i)) continue;
    const end = objectEnd(text, i);
    if (end < 0) { tries++; continue; }
    const kind = kindBefore(text, i);
    out.push({ name: 'in the message', document: text.slice(i, end), ...(kind ? { kind } : {}) });
    i = end - 1;
  }
  return out;
}

/** A cheap look for the keys YAML_START needs, before the text is cut into lines. */
const mayHoldYaml = (text: string) => text.includes('Statement') || text.includes('PolicyDocument') || text.includes('iamRoleStatements') || text.includes('KeyPolicy') || text.includes('Resources') || text.includes('statements:');

/** Terraform that defines a policy, when the text holds such a block (not a plan's +/- diff). */
function terraformDocument(text: string): PolicyInput | null {
  if (!looksLikeHcl(text)) return null;
  if (!/^[ \t]*(?:resource|data)[ \t]+"aws_/m.test(text)) return null;
  if (/^[ \t]*[+~-][ \t]+(?:assume_role_policy|policy)[ \t]*=/m.test(text)) return null; // a plan, before and after
  return { name: 'in the message', document: text };
}

/** A line that starts a policy written in YAML (a template's, a Serverless block's or a bare one). */
const YAML_START = /^([ \t]*)(?:AssumeRolePolicyDocument|PolicyDocument|KeyPolicy|Resources|iamRoleStatements|provider|statements|Version|Statement)[ \t]*:/;
/** A YAML line at the block's own indentation: `key:` or `- item`. */
const YAML_LINE = /^(?:- |-$|[A-Za-z0-9_"'][^:\n]{0,200}:(?:[ \t]|$))/;

/**
 * A policy written in YAML inside the message: from the first line that starts one, the lines
 * indented under it or at its indentation as YAML (`key:` / `- item`), up to the first that is
 * neither (the prose after it).
 */
function yamlDocument(text: string): PolicyInput | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = YAML_START.exec(lines[i]!);
    if (!m) continue;
    const indent = m[1]!.length;
    let end = i + 1;
    for (; end < lines.length; end++) {
      const l = lines[end]!;
      const body = l.trimStart();
      if (body === '') continue;
      const at = l.length - body.length;
      if (at > indent) continue;
      if (at === indent && YAML_LINE.test(body)) continue;
      break;
    }
    if (end - i < 2) continue;
    const block = lines.slice(i, end).join('\n');
    const start = text.indexOf(lines[i]!);
    const kind = kindBefore(text, start < 0 ? 0 : start);
    return { name: 'in the message', document: block, ...(kind ? { kind } : {}) };
  }
  return null;
}

const sameStatements = (a: Policy, b: Policy) => JSON.stringify(a.statements) === JSON.stringify(b.statements);

export interface InMessage {
  policies: Policy[];
  /** Why documents in the message were not evaluated, when some were left out. */
  warning: Warning | null;
}

const NONE: InMessage = { policies: [], warning: null };

/**
 * The policies the message holds that were not also pasted as policies: valid documents only (an
 * object that merely starts with "Version" is not one). Only when it is clear which policy is in
 * effect: more than MAX_FOUND documents (an article, a thread) are none, and two of one kind (a
 * before and an after, or alternatives) leave that kind out; a warning says so.
 */
export function policiesInMessage(text: string, given: readonly Policy[]): InMessage {
  const inputs = text.includes('{') ? jsonDocuments(text) : [];
  if (inputs.length > MAX_FOUND) {
    return { policies: [], warning: { code: 'policies-in-message-not-read', message: `The message holds more than ${MAX_FOUND} policy documents (an article or a thread?): which ones are in effect is not clear, so none was evaluated. Paste the ones in effect as policies.` } };
  }
  if (!inputs.length) {
    const tf = terraformDocument(text) ?? (mayHoldYaml(text) ? yamlDocument(text) : null);
    if (!tf) return NONE;
    inputs.push(tf);
  }
  const read: Policy[] = [];
  for (const input of inputs) {
    const p = readPolicy(input);
    if (!p.valid || p.statements.length === 0) continue;
    if (given.some((g) => sameStatements(g, p)) || read.some((o) => sameStatements(o, p))) continue;
    // the error and the prose around code read from the message are not parts of it that failed to read
    const around = (i: Policy['issues'][number]) => i.severity === 'warning' && (i.code === 'invalid-hcl' || i.code === 'invalid-yaml');
    p.issues = [{ code: 'from-message', message: 'Read from the message: it was pasted there rather than as a policy.', path: '', severity: 'info' }, ...p.issues.filter((i) => !around(i))];
    read.push(p);
  }
  // two of one kind, in the message or beside one pasted as a policy: which is in effect is not clear
  const twice = new Set(read.filter((p) => read.filter((o) => o.kind === p.kind).length > 1 || given.some((g) => g.kind === p.kind)).map((p) => p.kind));
  const policies = read.filter((p) => !twice.has(p.kind));
  const warning: Warning | null = twice.size
    ? { code: 'policies-in-message-not-read', message: `The message holds more than one ${[...twice].join(' and more than one ')} policy (or one beside a pasted policy of that kind): which is in effect is not clear, so ${twice.size === 1 ? 'it was' : 'they were'} not evaluated. Paste the one in effect as a policy.` }
    : null;
  return { policies, warning };
}
