/**
 * Plain-text answer for terminals, plus the wording shared with the Markdown renderer: which parsed
 * fields to show and how to label them, how causes are split into shown / less likely / ruled out.
 * Pure and deterministic: the same Explanation always renders to the same bytes.
 */
import type {
  CauseStatus, Evidence, Explanation, Fix, InferredValue, ParsedError, PolicyReport, RankedCause, Warning,
} from '../types.js';
import { definitionOf } from '../causes/catalog.js';
import { SHAPE_BY_NAME } from '../parse/message-shapes.js';
import { iacReferences } from '../policy/iac.js';

// ───────────────────────────── shared wording ─────────────────────────────

/** Causes shown in full at most; the rest are listed in one line each. */
export const MAX_FULL_CAUSES = 5;
/** User-derived values longer than this are cut in tables and summaries. */
export const MAX_VALUE_CHARS = 400;

/** A character stripControls removes or replaces (tab and newline stay). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Whitespace that folding would change: any but a single space. */
const FOLDABLE = /[^\S ]| {2}/;

/**
 * Removes characters that can rewrite a terminal or reorder text: C0/C1 controls other than tab
 * and newline (ANSI escape sequences start with ESC) and Unicode bidi overrides.
 */
export function stripControls(s: string): string {
  if (!CONTROLS.test(s)) return s; // nearly every value: nothing to strip, no copy
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x09 || c === 0x0a) out += ch;
    else if (c === 0x0d) continue;
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += '\uFFFD';
    else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f) continue;
    else out += ch;
  }
  return out;
}

/** One line of user-derived text: controls removed, whitespace runs (newlines too) folded, length capped. */
export function oneLine(s: string, max = MAX_VALUE_CHARS): string {
  return foldLine(s, max).trim();
}

/** Like oneLine but keeps a leading or trailing space (for pieces of a longer line). */
export function foldLine(s: string, max = MAX_VALUE_CHARS): string {
  const clean = stripControls(s);
  const folded = FOLDABLE.test(clean) ? clean.replace(/\s+/g, ' ') : clean;
  return folded.length > max ? folded.slice(0, max - 1) + '…' : folded;
}

export interface FieldRow {
  label: string;
  /** Values shown as code (ARNs, actions, ids). */
  code: string[];
  /** Plain words around the code values, in order: words[0] code[0] words[1] code[1] … */
  words: string[];
}

/** A row made of alternating plain words and code values: row('Caller', ['', ' (assumed-role)'], [arn]). */
function row(label: string, words: string[], code: string[]): FieldRow {
  return { label, words, code };
}

const DENY_POLICY_WORDS: Record<string, string> = {
  'identity-based': 'an identity-based policy',
  'resource-based': 'a resource-based policy',
  'role-trust': 'the role trust policy',
  'service-control': 'a service control policy (SCP)',
  'resource-control': 'a resource control policy (RCP)',
  'permissions-boundary': 'a permissions boundary',
  session: 'a session policy',
  'vpc-endpoint': 'a VPC endpoint policy',
};

export function describeDeny(p: ParsedError): string {
  if (p.shape === 'no-credentials') return 'nothing: no request reached AWS (no credentials)';
  const where = p.deny.policyType ? DENY_POLICY_WORDS[p.deny.policyType] ?? p.deny.policyType : null;
  switch (p.deny.kind) {
    case 'explicit': return where ? `explicit deny in ${where}` : 'explicit deny';
    case 'implicit': return where ? `implicit deny: no ${where.replace(/^(an?|the) /, '')} allows it` : 'implicit deny: no policy allows it';
    default: return where ? `denied by ${where} (explicit or implicit not stated)` : 'not stated in the message';
  }
}

function yesNo(b: boolean | null): string {
  return b === null ? 'unknown' : b ? 'yes' : 'no';
}

/** The parsed fields worth showing, in a fixed order. Core rows always appear; optional rows only when known. */
/** Which tool printed the error, in people's words (the JSON keeps the ids). */
const SOURCE_WORDS: Record<string, string> = {
  'aws-cli': 'the AWS CLI', boto3: 'boto3 (Python)', 'aws-sdk-js': 'the AWS SDK for JavaScript', 'aws-sdk-go': 'the AWS SDK for Go',
  'aws-sdk-java': 'the AWS SDK for Java', 'aws-sdk-dotnet': 'the AWS SDK for .NET', terraform: 'Terraform', 'github-actions': 'GitHub Actions',
  cdk: 'the AWS CDK', cloudtrail: 'a CloudTrail event', console: 'the AWS console', plain: 'plain text (no tool recognized)',
};
/** What else was around the message, in people's words. */
const WRAPPER_WORDS: Record<string, string> = {
  'aws-cli': 'AWS CLI wording', 'aws-powershell': 'AWS Tools for PowerShell', 'go-sdk-v1-status': 'Go SDK v1 status line',
  'go-sdk-v2': 'Go SDK v2 wording', 'html-entities': 'HTML escapes', 'java-service-suffix': 'Java/.NET "(Service: …)" suffix',
  'js-metadata': 'JavaScript SDK $metadata', 'log-timestamps': 'log timestamps', 'markdown-quote': 'Markdown quote',
  'php-sdk': 'PHP SDK wording', 'pipe-prefix': '"|" line prefixes', 'python-bytes': 'Python bytes literal', xml: 'XML',
  'terraform-box': 'Terraform │ box', 'github-actions-annotation': 'GitHub Actions annotations', 'json-escaped': 'JSON string escapes',
  'json-double-escaped': 'doubly escaped JSON',
  'cloudtrail-json': 'CloudTrail event JSON', 'table-column': 'a table cell wrapped under its column',
};

/** Wrappers that are a tool's own wording: with no other tool recognized, that tool printed the error. */
const TOOL_WRAPPERS: Record<string, string> = { 'php-sdk': 'the AWS SDK for PHP', 'aws-powershell': 'AWS Tools for PowerShell' };

/** The tool that printed the error, in people's words. */
export function sourceWords(source: string): string {
  return SOURCE_WORDS[source] ?? source;
}

/** The wrapper that names the tool when the source vocabulary recognized none (PHP's "Error executing …"). */
export function toolWrapper(p: ParsedError): string | undefined {
  return p.source === 'plain' ? p.wrappers.find((w) => TOOL_WRAPPERS[w]) : undefined;
}

/** The tool that printed this error, in people's words: the source, or a wrapper that is a tool's own wording. */
export function toolWords(p: ParsedError): string {
  const tool = toolWrapper(p);
  return tool ? TOOL_WRAPPERS[tool]! : sourceWords(p.source);
}

/** The command that printed a decoded authorization message, in people's words. */
export function decoderWords(p: ParsedError): string {
  return p.source === 'boto3' && !p.errorCode ? "boto3's sts decode_authorization_message" : 'aws sts decode-authorization-message';
}

/** "the AWS CLI (inside Terraform │ box, log timestamps)"; a decoded message names the command that decoded it. */
export function printedBy(p: ParsedError): string {
  const words = (w: string) => WRAPPER_WORDS[w] ?? w;
  const tool = toolWrapper(p);
  const wrappers = [...new Set(p.wrappers.filter((w) => w !== p.source && w !== tool).map(words))];
  const inside = wrappers.length ? ` (inside ${wrappers.join(', ')})` : '';
  if (tool) return TOOL_WRAPPERS[tool] + inside;
  if (!p.decoded) return sourceWords(p.source) + inside;
  // with the error it decodes: that error's tool, then the decoding
  return p.errorCode ? `${sourceWords(p.source)}, decoded with ${decoderWords(p)}${inside}` : decoderWords(p) + inside;
}

/** The decoded message's statements and request context as table rows (none for other messages). */
export function decodedRows(p: ParsedError): FieldRow[] {
  const d = p.decoded;
  if (!d) return [];
  const rows: FieldRow[] = [];
  for (const st of d.matchedStatements.slice(0, 3)) {
    const conds = st.conditions.length ? `, when ${st.conditions.slice(0, 4).map((c) => `${c.key} ${c.values.join('/')}`).join(' and ')}` : '';
    const tail = ` (${st.effect ?? 'effect cut off'} ${st.actions.slice(0, 4).join(', ') || 'no action listed'} on ${st.resources.slice(0, 4).join(', ') || 'no resource listed'}${conds})`;
    rows.push(st.statementId ? row('Matched statement', ['', tail], [st.statementId]) : row('Matched statement', [`no statement id${tail}`], []));
  }
  if (!d.matchedStatements.length) {
    rows.push(row('Matched statement', [d.explicitDeny === false && d.allowed === false ? 'none: no statement allowed the call (implicit deny)' : 'none listed'], []));
  }
  if (d.conditions.length) {
    const shown = d.conditions.slice(0, 4);
    const more = d.conditions.length - shown.length;
    const words = ['', ...shown.slice(1).map(() => ', ')];
    words.push(more > 0 ? ` and ${more} more` : '');
    rows.push(row('Request context', words, shown.map((c) => `${c.key} = ${c.values.join(', ')}`)));
  }
  if (d.truncated) rows.push(row('Decoded message', ['cut short in the paste: what follows the cut is unknown'], []));
  return rows;
}

export function parsedFieldRows(p: ParsedError): FieldRow[] {
  const rows: FieldRow[] = [];
  const code = p.errorCode ? [p.errorCode] : [];
  const status = p.httpStatus !== null ? ` (HTTP ${p.httpStatus})` : '';
  const noCode = p.decoded ? 'not in a decoded message (the original error shows it)' : 'not printed';
  rows.push(code.length ? row('Error code', ['', status], code) : row('Error code', [`${noCode}${status}`], []));
  if (p.action) rows.push(row('Action', ['', p.operation && !p.action.toLowerCase().endsWith(':' + p.operation.toLowerCase()) ? ` (operation ${p.operation})` : ''], [p.action]));
  else if (p.operation) rows.push(row('Action', ['unknown; operation ', ''], [p.operation]));
  else rows.push(row('Action', ['unknown'], []));
  if (p.caller && (p.caller.arn || p.caller.name)) {
    const c = p.caller;
    rows.push(row('Caller', ['', ` (${c.type})`], [c.arn ?? c.name ?? '']));
    if (c.roleArn && c.roleArn !== c.arn) rows.push(row('Caller role', ['', ''], [c.roleArn]));
  } else rows.push(row('Caller', ['not in the message'], []));
  if (p.target && p.target.arn) {
    const t = p.target;
    rows.push(row('Target', ['', t.resourceType ? ` (${t.service ? t.service + ' ' : ''}${t.resourceType})` : ''], [t.arn ?? '']));
  } else rows.push(row('Target', ['not in the message'], []));
  const ca = p.caller?.accountId ?? null;
  const ta = p.target?.accountId ?? null;
  if (ca || ta) {
    const words = ['caller '];
    const codes: string[] = [];
    if (ca) { codes.push(ca); words.push(' → target '); } else words[0] += 'unknown → target ';
    if (ta) { codes.push(ta); words.push(''); } else words[words.length - 1] += 'unknown';
    rows.push(row('Accounts', words, codes));
  }
  rows.push(row('Cross-account', [yesNo(p.crossAccount)], []));
  const denyWords = describeDeny(p);
  rows.push(p.deny.policyArn ? row('Denied by', [denyWords + ': ', ''], [p.deny.policyArn]) : row('Denied by', [denyWords], []));
  rows.push(...decodedRows(p));
  if (p.region) rows.push(row('Region', ['', ''], [p.region]));
  if (p.requestId) rows.push(row('Request ID', ['', ''], [p.requestId]));
  if (p.encodedMessage && p.decoded) rows.push(row('Encoded message', ['present, and its decoded form is in the paste (read above)'], []));
  else if (p.encodedMessage) rows.push(row('Encoded message', ['present: decode it with ', ' (see First steps)'], ['aws sts decode-authorization-message']));
  if (p.redactions.length) rows.push(row('Redacted', [`${p.redactions.join(', ')} (fields left empty)`], []));
  rows.push(row('Printed by', [printedBy(p)], []));
  return rows;
}

/** Whether the cause means the call never left the machine (the catalog's `nothingSent`). */
const nothingSent = (c: RankedCause): boolean => definitionOf(c.id)?.nothingSent === true;

/** Headline: what was denied. */
export function headline(e: Explanation): string {
  const p = e.parsed;
  if (!p.recognized) return 'No AWS authorization failure found';
  // the SDK found no credentials: nothing was sent, so nothing was denied
  if (p.shape === 'no-credentials') return p.action ? `Why ${p.action} was never sent` : 'Why no AWS credentials were found';
  // a tool's own report (Terraform's "cannot be assumed", configure-aws-credentials' failure) whose best
  // explanation is that nothing was sent
  const top = e.causes[0];
  if (top && nothingSent(top) && (top.status === 'confirmed' || top.status === 'likely')) {
    const sent = p.action ?? p.operation;
    return sent ? `Why ${sent} was never sent` : 'Why no request reached AWS';
  }
  // STS's own parameter validation (a duration above the role's maximum or chaining's hour, a malformed ARN) refuses
  // nothing: the call was rejected before any policy was read
  const call = p.action ?? p.operation;
  if (SHAPE_BY_NAME.get(p.shape ?? '')?.family === 'validation') {
    return call ? `Why ${call} failed` : p.errorCode ? `Why this ${p.errorCode} happened` : 'Why this request failed';
  }
  if (p.action) return `Why ${p.action} was denied`;
  if (p.operation) return `Why ${p.operation} was denied`;
  if (p.errorCode) return `Why this ${p.errorCode} happened`;
  return 'Why this request was denied';
}

export const NOT_RECOGNIZED_WORDS =
  'whydenied found no AWS access-denied or credential error in this text, so it cannot rank causes. ' +
  'Paste the error exactly as printed: the whole line holding AccessDenied, "is not authorized to perform", ' +
  'UnauthorizedOperation, ExpiredToken or InvalidClientTokenId, ideally with the caller ARN, the action and ' +
  'the resource. A stack trace or log excerpt around it is fine; secrets are removed before anything is read.';

export const STATUS_WORDS: Record<CauseStatus, string> = {
  confirmed: 'confirmed', likely: 'likely', possible: 'possible', unlikely: 'unlikely', 'ruled-out': 'ruled out',
};

/** How the summary line introduces the best cause, by how sure it is. */
export function leadWords(status: CauseStatus): string {
  if (status === 'confirmed') return 'Cause';
  if (status === 'likely' || status === 'possible') return 'Most likely';
  return 'No strong lead yet; best guess';
}

/**
 * A confirmed cause's fix, for the lead: the pasted policies already prove the cause, so its first
 * confirm command would only re-read what the person pasted; what to change comes first. Null for
 * an unproven cause or one without a fix.
 */
export function leadFix(top: RankedCause): string | null {
  if (top.status !== 'confirmed' || !top.fix.description) return null;
  const rest = top.fix.policy !== undefined ? 'The corrected policy and the command that applies it are under cause 1.'
    : top.fix.commands.length ? 'The command is under cause 1.' : '';
  const desc = top.fix.description.trim();
  return rest ? `${desc}${/[.!?)]$/.test(desc) ? '' : '.'} ${rest}` : desc;
}

/**
 * An encoded authorization message names the denying policy outright: until a cause is confirmed,
 * decoding it (a first step) beats reading guesses, so the first steps come before the causes.
 */
export function firstStepsFirst(e: Explanation): boolean {
  return e.parsed.recognized && !!e.parsed.encodedMessage && !e.parsed.decoded && e.firstSteps.length > 0 && !e.causes.some((c) => c.status === 'confirmed');
}

export interface CauseGroups {
  /** Shown in full, numbered 1…n. */
  full: RankedCause[];
  /** Not ruled out but shown in one line each, numbered after `full`. */
  brief: RankedCause[];
  ruledOut: RankedCause[];
}

/** Splits causes (already best first) into full, brief and ruled-out, keeping their order. */
export function groupCauses(causes: RankedCause[]): CauseGroups {
  const open = causes.filter((c) => c.status !== 'ruled-out');
  const ruledOut = causes.filter((c) => c.status === 'ruled-out');
  const strong = open.filter((c) => c.status !== 'unlikely').slice(0, MAX_FULL_CAUSES);
  const full = strong.length ? strong : open.slice(0, 3);
  const brief = open.filter((c) => !full.includes(c));
  return { full, brief, ruledOut };
}

/** The label the renderers put before Explanation.evaluated. */
export const CHECKED_WORDS = 'What whydenied checked';

/**
 * What the causes checked when it differs from the message's request (Explanation.evaluated), as one
 * sentence ending in a full stop, with the further actions the step needs; null when absent.
 */
export function checkedSentence(e: Explanation): string | null {
  const v = e.evaluated;
  if (!v) return null;
  let why = oneLine(v.why, 1200).trimEnd();
  while (why.endsWith('.')) why = why.slice(0, -1);
  return v.also.length ? `${why} (the same step also needs ${v.also.map((a) => oneLine(a, 200)).join(', ')}).` : `${why}.`;
}

/** The heading the renderers put over inferred values. */
export const INFERRED_WORDS = 'What the call must have carried (from AWS\'s own message)';

/**
 * The inferred values (docs/decisions/016) to show under a cause: those whose statement a confirmed
 * cause cites in its evidence; values no confirmed cause cites go under the first cause shown.
 */
export function inferredFor(e: Explanation, c: RankedCause, first: boolean): InferredValue[] {
  const all = e.inferred ?? [];
  if (!all.length) return [];
  const cites = (x: RankedCause, v: InferredValue) => x.status === 'confirmed'
    && x.evidence.some((ev) => ev.source === 'policy' && ev.policy === v.from.policy && ev.statement === v.from.statement);
  return all.filter((v) => cites(c, v) || (first && !e.causes.some((x) => cites(x, v))));
}

/** One inferred value as a line: its sentence and where it follows from. */
export function inferredLine(e: Explanation, v: InferredValue): string {
  return `${oneLine(v.text, 600)} (${policyLabel(e, v.from.policy)}, ${statementLabel(v.from.statement, v.from.sid)})`;
}

/** The label of a pasted policy, numbered from 1 as the answer's wording does: `policy 2 "deploy-role trust"`. */
export function policyLabel(e: Explanation, index: number): string {
  const p: PolicyReport | undefined = e.policies[index];
  if (!p) return `policy ${index + 1}`;
  return p.name ? `policy ${index + 1} "${oneLine(p.name, 80)}"` : `policy ${index + 1} (${p.kind})`;
}

/** `statement 1 (Sid "AllowCI")`: numbered from 1, like the evidence the causes write. */
export function statementLabel(index: number, sid: string | null | undefined): string {
  return `statement ${index + 1}` + (sid ? ` (Sid "${oneLine(sid, 80)}")` : '');
}

/**
 * Evidence of source `context`: what the paste shows beyond the AWS message (command output, a config file, a log
 * line) or the condition keys the person stated. Both renderers name it so.
 */
export const CONTEXT_SOURCE = 'the text around the error or the context you gave';

/**
 * Where a piece of evidence comes from, in words: `policy 1 "x", statement 1 (Sid "AllowCI")`.
 * Empty when the evidence already names its policy, so the answer does not say it twice.
 */
export function evidenceOrigin(e: Explanation, ev: Evidence): string {
  switch (ev.source) {
    case 'policy': {
      if (ev.policy === undefined) return 'a pasted policy';
      if (ev.text.toLowerCase().includes(`policy ${ev.policy + 1}`)) return '';
      let s = policyLabel(e, ev.policy);
      if (ev.statement !== undefined) {
        const sid = e.policies[ev.policy]?.statements?.find((st) => st.index === ev.statement)?.sid;
        s += ', ' + statementLabel(ev.statement, sid);
      }
      return s;
    }
    case 'message': return 'the message';
    case 'request': return 'the request facts';
    case 'context': return CONTEXT_SOURCE;
    default: return '';
  }
}

/**
 * An issue's JSON path in people's words, numbered from 1 like the rest of the answer:
 * `Statement[0].Condition.StringEquals` → `statement 1, Condition.StringEquals`,
 * `Statement[2].Principal.AWS[1]` → `statement 3, Principal.AWS value 2`. The JSON answer keeps the path.
 */
export function pathWords(path: string): string {
  let rest = oneLine(path, 200);
  let head = '';
  const m = /^Statement(?:\[(\d{1,6})\])?(?=\.|\[|$)/.exec(rest);
  if (m) {
    head = `statement ${m[1] !== undefined ? Number(m[1]) + 1 : 1}`;
    rest = rest.slice(m[0].length).replace(/^\./, '');
  }
  rest = rest.replace(/\[(\d{1,6})\]/g, (_all, n: string) => ` value ${Number(n) + 1}`).trim();
  return head && rest ? `${head}, ${rest}` : head || rest;
}

/** `… (statement 1, Principal)`: an issue's message with where it is, for people. */
export function issueLine(i: { message: string; path?: string }): string {
  const where = i.path ? pathWords(i.path) : '';
  const msg = oneLine(i.message, 200);
  if (!where) return msg;
  return msg.endsWith('.') ? `${msg.slice(0, -1)} (${where}).` : `${msg} (${where})`;
}

/**
 * What the person must see before the causes: the answer's warnings (a pasted secret first), then
 * every problem found in a pasted policy (IAM may reject it, or a statement was not read).
 */
export function noticeLines(e: Explanation): Array<{ text: string; code: string }> {
  const out = e.warnings.map((w) => ({ text: warningLine(w), code: w.code }));
  e.policies.forEach((p, i) => {
    for (const issue of p.issues) {
      if (issue.severity === 'info') continue;
      out.push({ text: `${capitalize(policyLabel(e, i))}: ${issueLine(issue)}`, code: issue.code });
    }
  });
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The words before a corrected policy: which pasted policy it replaces and, when a fix command reads
 * a JSON file (`file://policy.json`), to save it under that name first: pasted as printed, the
 * command fails without the file.
 */
export function correctedPolicyWords(fix: Fix, label: string | null): string {
  const which = label ? ` (${label})` : '';
  let file: string | null = null;
  for (const cmd of fix.commands) {
    const m = /file:\/\/([A-Za-z0-9._-]+\.json)\b/.exec(cmd);
    if (m) { file = m[1]!; break; }
  }
  // a document pasted from Terraform or CloudFormation keeps their references: IAM would read them as text
  const refs = fix.policy !== undefined ? iacReferences(JSON.stringify(fix.policy)) : [];
  if (refs.length > 0) {
    const shown = refs.slice(0, 3).map((r) => '${' + r + '}').join(', ') + (refs.length > 3 ? ', …' : '');
    return `Corrected policy${which} — it keeps ${shown}, which the deployment fills in: make the same change in the Terraform or CloudFormation that defines it${file ? `, or fill them in, save it as ${file} and run the command below` : ''}`;
  }
  return file ? `Corrected policy${which} — save it as ${file}, then run the command below` : `Corrected policy${which}`;
}

/**
 * When the text held more than one error: which one this answer is about, and where the others are
 * listed. Empty otherwise.
 */
export function otherErrorsNote(e: Explanation, listedUnder = 'Other errors in the same text'): string {
  const n = e.otherErrors.length;
  if (!n || !e.parsed.recognized) return '';
  const what = e.parsed.action ?? e.parsed.operation ?? e.parsed.errorCode;
  // the tool's failure and the "no credentials" under it, explained together by the answer's first cause
  const top = e.causes[0];
  if (what && top && nothingSent(top) && e.otherErrors.every((o) => o.shape === 'no-credentials')) {
    return `The text holds the ${what} failure and, beside it, the SDK's report that it found no credentials: this answer reads them as one failure.`;
  }
  return `The text holds ${n + 1} different errors. This answer explains ${what ? `the ${what} error` : 'one of them'}; `
    + `the ${n === 1 ? 'other is' : `other ${n} are`} listed under "${listedUnder}" — paste ${n === 1 ? 'it' : 'one'} on its own to explain it.`;
}

/** `1 issue: …` summary of a policy's issues and deciding conditions, for the verdicts table. */
export function policyNotes(p: PolicyReport): string[] {
  const notes: string[] = [];
  if (!p.valid) notes.push('no usable statement could be read');
  for (const i of p.issues.slice(0, 3)) notes.push(issueLine(i).replace(/\.$/, ''));
  if (p.issues.length > 3) notes.push(`${p.issues.length - 3} more issue(s)`);
  const deciding = p.decidingConditions ?? [];
  if (p.verdict === 'unknown' && deciding.length) {
    notes.push('decided by ' + deciding.slice(0, 3).map((c) => `${c.operator} ${c.key}`).join(', '));
  }
  return notes;
}

/** Statements shown per policy at most. */
export const MAX_STATEMENT_LINES = 10;

export interface StatementLine {
  /** `statement 1 (Sid "AllowCI")` */
  where: string;
  /** `Allow, applies` / `Deny, does not apply` / `Allow, depends on unknown keys` */
  outcome: string;
  why: string;
}

/** What each statement of a pasted policy did for this request (from the evaluation). */
export function statementLines(p: PolicyReport): { lines: StatementLine[]; more: number } {
  const all = p.statements ?? [];
  const lines = all.slice(0, MAX_STATEMENT_LINES).map((st) => ({
    where: statementLabel(st.index, st.sid),
    outcome: `${st.effect}, ${st.matched === true ? 'applies' : st.matched === false ? 'does not apply' : 'depends on unknown keys'}`,
    why: oneLine(st.why, 600),
  }));
  return { lines, more: Math.max(0, all.length - lines.length) };
}

export function kindWords(p: PolicyReport): string {
  return p.kindInferred ? `${p.kind} (inferred)` : p.kind;
}

/** Ruled-out causes listed with their reason; the rest only by id. */
export const MAX_RULED_OUT_LINES = 10;

export function ruledOutReason(c: RankedCause): string {
  const ev = c.evidence[0];
  return ev ? oneLine(ev.text, 200) : '';
}

export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(2) : '0.00';
}

export function warningLine(w: Warning): string {
  return oneLine(w.message, 600);
}

/** One-line summary of another error found in the same text. */
export function otherErrorSummary(p: ParsedError): { code: string[]; words: string[] } {
  const words: string[] = [''];
  const code: string[] = [];
  const push = (w: string, c: string): void => { words[words.length - 1] += w; code.push(c); words.push(''); };
  if (p.errorCode) push('', p.errorCode); else words[0] += 'an error';
  if (p.action) push(' on ', p.action);
  if (p.caller?.arn) push(' by ', p.caller.arn);
  if (p.target?.arn) push(' to ', p.target.arn);
  return { code, words };
}

// ───────────────────────────── plain text ─────────────────────────────

const WIDTH = 78;

/** Greedy word wrap; words longer than the width (ARNs) stay whole on their own line. */
export function wrap(text: string, indent: string, hanging = indent, width = WIDTH): string {
  const words = text.split(' ').filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > width) {
      lines.push(line);
      line = hanging + w;
    } else {
      line += (empty ? '' : ' ') + w;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

function plainRow(r: FieldRow): string {
  let s = r.words[0] ?? '';
  r.code.forEach((c, i) => { s += oneLine(c) + (r.words[i + 1] ?? ''); });
  return oneLine(s, 2000);
}

/** Command lines indented, never wrapped (they must paste as they are). */
function commandBlock(command: string, indent: string): string {
  return stripControls(command).split('\n').map((l) => (l.length ? indent + l : '')).join('\n');
}

function section(title: string): string {
  return `${title}\n${'-'.repeat(title.length)}`;
}

function renderCauseText(e: Explanation, c: RankedCause, n: number): string {
  const out: string[] = [];
  out.push(wrap(`${n}. ${oneLine(c.title, 300)} [${STATUS_WORDS[c.status]}, score ${formatScore(c.score)}]`, '', '   '));
  out.push(`   id: ${oneLine(c.id, 100)}`);
  if (c.evidence.length) {
    out.push('   Evidence:');
    for (const ev of c.evidence) {
      const origin = evidenceOrigin(e, ev);
      out.push(wrap(`- ${oneLine(ev.text, 1000)}${origin ? ` (${origin})` : ''}`, '     ', '       '));
    }
  }
  const inferred = inferredFor(e, c, n === 1);
  if (inferred.length) {
    out.push(`   ${INFERRED_WORDS}:`);
    for (const v of inferred) out.push(wrap(`- ${inferredLine(e, v)}`, '     ', '       '));
  }
  if (c.confirm.length) {
    out.push('   Confirm:');
    for (const step of c.confirm) {
      out.push(wrap(`- ${oneLine(step.description, 600)}`, '     ', '       '));
      out.push(commandBlock(step.command, '         '));
    }
  }
  if (c.fix.description || c.fix.commands.length || c.fix.policy !== undefined) {
    out.push('   Fix:');
    if (c.fix.description) out.push(wrap(`- ${oneLine(c.fix.description, 1000)}`, '     ', '       '));
    // the corrected policy before the command that reads it from a file
    if (c.fix.policy !== undefined) {
      const label = c.fix.policyIndex !== undefined ? policyLabel(e, c.fix.policyIndex) : null;
      out.push(wrap(`- ${correctedPolicyWords(c.fix, label)}:`, '     ', '       '));
      out.push(commandBlock(JSON.stringify(c.fix.policy, null, 2) ?? 'null', '         '));
    }
    for (const cmd of c.fix.commands) out.push(commandBlock(cmd, '         '));
  }
  if (c.docs.length) {
    out.push('   Docs:');
    for (const d of c.docs) out.push(`     ${oneLine(d, 300)}`);
  }
  return out.join('\n');
}

/** Plain-text answer for a terminal: same content as the Markdown answer, no markup. */
export function renderText(e: Explanation): string {
  const blocks: string[] = [];
  const title = headline(e);
  blocks.push(`${title}\n${'='.repeat(title.length)}`);
  const p = e.parsed;
  // Without a recognized failure the causes are guesses about nothing: leave them to the JSON.
  const groups = groupCauses(p.recognized ? e.causes : []);

  if (!p.recognized) {
    blocks.push(wrap(NOT_RECOGNIZED_WORDS, ''));
  } else {
    const top = groups.full[0];
    if (top) blocks.push(wrap(`${leadWords(top.status)}: ${oneLine(top.title, 300)} (${STATUS_WORDS[top.status]}).`, ''));
    const fix = top ? leadFix(top) : null;
    if (fix) blocks.push(wrap(`Fix: ${oneLine(fix, 1000)}`, '', '  '));
  }
  // Warnings come before the details: a pasted secret must be rotated, a policy IAM rejects is no fix.
  const notices = noticeLines(e);
  if (notices.length) {
    blocks.push([section('Warnings'), ...notices.map((w) => wrap(`- ${w.text} (${oneLine(w.code, 80)})`, '', '  '))].join('\n'));
  }
  const others = otherErrorsNote(e);
  if (others) blocks.push(wrap(others, ''));
  if (p.recognized) {
    const rows = parsedFieldRows(p);
    const w = Math.max(...rows.map((r) => r.label.length));
    const checked = checkedSentence(e);
    blocks.push(section('What the message says') + '\n' + rows.map((r) => wrap(plainRow(r), `  ${r.label.padEnd(w)}  `, ' '.repeat(w + 4))).join('\n')
      + (checked ? '\n\n' + wrap(`${CHECKED_WORDS}: ${checked}`, '', '  ') : ''));
  }

  const steps: string[] = [];
  if (e.firstSteps.length) {
    const lines = [section('First steps')];
    e.firstSteps.forEach((s, i) => {
      lines.push(wrap(`${i + 1}. ${oneLine(s.description, 600)}`, '', '   '));
      if (s.command) lines.push(commandBlock(s.command, '     '));
    });
    steps.push(lines.join('\n'));
  }
  const stepsFirst = firstStepsFirst(e);
  if (stepsFirst) blocks.push(...steps);

  if (groups.full.length || groups.brief.length) {
    const parts: string[] = [section('Causes, best first')];
    groups.full.forEach((c, i) => parts.push(renderCauseText(e, c, i + 1)));
    if (groups.brief.length) {
      parts.push(['Less likely:', ...groups.brief.map((c, i) => {
        const n = `${groups.full.length + i + 1}. `;
        return wrap(`${n}${oneLine(c.title, 300)} [${STATUS_WORDS[c.status]}, score ${formatScore(c.score)}] (${oneLine(c.id, 100)})`, '  ', ' '.repeat(2 + n.length));
      })].join('\n'));
    }
    blocks.push(parts.join('\n\n'));
  } else if (p.recognized) {
    blocks.push(section('Causes, best first') + '\n' + wrap('No cause in the catalog fits this message well enough to rank; start with the first steps below.', ''));
  }

  if (!stepsFirst) blocks.push(...steps);

  if (e.policies.length) {
    const lines = [section('Pasted policies')];
    e.policies.forEach((pol, i) => {
      const name = pol.name ? `"${oneLine(pol.name, 80)}"` : '(unnamed)';
      lines.push(wrap(`${i + 1}. ${name}, ${kindWords(pol)}: ${pol.verdict}`, '', '   '));
      for (const note of policyNotes(pol)) lines.push(wrap(`- ${note}`, '   ', '     '));
      const st = statementLines(pol);
      for (const l of st.lines) lines.push(wrap(`- ${l.where}: ${l.outcome}. ${l.why}`, '   ', '     '));
      if (st.more) lines.push(`   - … ${st.more} more statement(s)`);
    });
    if (e.evaluation) {
      const ev = e.evaluation;
      let s = `Together: ${ev.decision}${ev.decidedBy ? ` (decided by the ${ev.decidedBy} policy)` : ''}.`;
      if (ev.missingContext.length) s += ` Would be decided by: ${ev.missingContext.map((k) => oneLine(k, 100)).join(', ')}.`;
      if (ev.trail.length) s += ' Step by step:';
      lines.push(wrap(s, ''));
      for (const t of ev.trail) lines.push(wrap(`- ${oneLine(t, 600)}`, '  ', '    '));
    }
    blocks.push(lines.join('\n'));
  }

  if (e.otherErrors.length) {
    const lines = [section('Other errors in the same text')];
    for (const o of e.otherErrors) {
      const s = otherErrorSummary(o);
      let t = s.words[0] ?? '';
      s.code.forEach((c, i) => { t += oneLine(c) + (s.words[i + 1] ?? ''); });
      lines.push(wrap(`- ${t}`, '', '  '));
    }
    blocks.push(lines.join('\n'));
  }

  if (groups.ruledOut.length) {
    const lines = [section('Ruled out')];
    for (const c of groups.ruledOut.slice(0, MAX_RULED_OUT_LINES)) {
      const why = ruledOutReason(c);
      lines.push(wrap(`- ${oneLine(c.title, 300)} (${oneLine(c.id, 100)})${why ? ': ' + why : ''}`, '', '  '));
    }
    const rest = groups.ruledOut.slice(MAX_RULED_OUT_LINES);
    if (rest.length) lines.push(wrap(`- Also ruled out: ${rest.map((c) => oneLine(c.id, 100)).join(', ')}.`, '', '  '));
    blocks.push(lines.join('\n'));
  }

  return blocks.join('\n\n') + '\n';
}
