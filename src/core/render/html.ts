/**
 * Explanation → HTML for the web form. Pure string building: no DOM, no I/O.
 * Every piece of text that came from a person or from AWS goes through `escapeHtml`, in element
 * content and attribute values alike. No inline script, style or event handler anywhere (the CSP
 * forbids them); behaviour lives in /assets/app.js, looks in /assets/app.css.
 */
import { POLICY_KINDS } from '../types.js';
import type {
  CauseStatus, CommandStep, Evidence, Explanation, ParsedError, PolicyReport, RankedCause, Verdict,
} from '../types.js';
import { renderDecisionSvg } from './svg.js';
import { CHECKED_WORDS, CONTEXT_SOURCE, checkedSentence, correctedPolicyWords, INFERRED_WORDS, NOT_RECOGNIZED_WORDS, decodedRows, firstStepsFirst, leadFix, printedBy, toolWords, toolWrapper, inferredFor, inferredLine, leadWords, noticeLines, otherErrorsNote, pathWords } from './text.js';

export { renderDecisionSvg } from './svg.js';

/**
 * Escapes text for HTML element content and (quoted) attribute values. Control characters other
 * than tab and line breaks (a pasted NUL, ESC) become U+FFFD: HTML forbids them, and a NUL in a
 * textarea is a parse error the browser repairs on its own.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;');
}

const e = escapeHtml;

/**
 * Escaped text in which balanced `…` pairs (our own wording quotes commands and values that way)
 * become <code>; with an odd number of backticks the text is escaped as it is.
 */
export function inlineHtml(text: string): string {
  const parts = String(text ?? '').split('`');
  if (parts.length % 2 === 0) return e(text);
  return parts.map((part, i) => (i % 2 === 1 ? (part ? `<code>${e(part)}</code>` : '') : e(part))).join('');
}

// ───────────────────────────── form values ─────────────────────────────

export const FORM_POLICY_KINDS = ['detect', ...POLICY_KINDS] as const;
export type FormPolicyKind = (typeof FORM_POLICY_KINDS)[number];
export type TriState = 'unknown' | 'yes' | 'no';

/** The form's fields as the person typed them (strings), so a re-rendered form keeps them. */
export interface HtmlFormValues {
  message: string;
  policies: Array<{ kind: string; document: string }>;
  externalIdPassed: TriState;
  externalId: string;
  durationSeconds: string;
  roleSessionName: string;
  chained: TriState;
  mfa: TriState;
  /** Other condition keys, one `KEY=VALUE` a line. */
  context: string;
}

export function emptyFormValues(): HtmlFormValues {
  return {
    message: '', policies: [], externalIdPassed: 'unknown', externalId: '', durationSeconds: '',
    roleSessionName: '', chained: 'unknown', mfa: 'unknown', context: '',
  };
}

/** How many policy slots the form shows without JavaScript (JS adds and removes rows). */
export const POLICY_SLOTS = 3;
export const MAX_POLICIES = 20;

const KIND_NAMES: Record<FormPolicyKind, string> = {
  detect: 'Detect the kind',
  trust: 'Role trust policy',
  identity: 'Identity policy (of the caller)',
  resource: 'Resource policy (bucket, key, queue …)',
  scp: 'Service control policy (SCP)',
  rcp: 'Resource control policy (RCP)',
  'permissions-boundary': 'Permissions boundary',
  session: 'Session policy',
  'vpc-endpoint': 'VPC endpoint policy',
};

const KIND_SHORT: Record<string, string> = {
  trust: 'role trust policy', identity: 'identity policy', resource: 'resource policy', scp: 'SCP', rcp: 'RCP',
  'permissions-boundary': 'permissions boundary', session: 'session policy', 'vpc-endpoint': 'VPC endpoint policy',
};

// ───────────────────────────── small pieces ─────────────────────────────

/** Gives each code block on a page its own id, for its copy button. */
class Ids {
  private n = 0;
  constructor(private readonly prefix: string) {}
  next(): string {
    this.n += 1;
    return `${this.prefix}-${this.n}`;
  }
}

function codeBlock(ids: Ids, code: string, label: string, lang = 'bash'): string {
  const id = ids.next();
  return `<div class="code"><pre><code id="${id}" class="lang-${e(lang)}">${e(code)}</code></pre>`
    + `<button type="button" class="copy" data-copy="${id}" aria-label="${e(`Copy ${label}`)}" hidden>Copy</button></div>`;
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(label)}</option>`;
}

const STATUS_WORDS: Record<CauseStatus, string> = {
  confirmed: 'Confirmed', likely: 'Likely', possible: 'Possible', unlikely: 'Unlikely', 'ruled-out': 'Ruled out',
};

function statusBadge(status: CauseStatus): string {
  return `<span class="badge status-${e(status)}">${e(STATUS_WORDS[status] ?? status)}</span>`;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  allow: 'Allows', 'explicit-deny': 'Denies (explicit deny)', 'implicit-deny': 'Does not allow (implicit deny)',
  'not-applicable': 'Does not apply', unknown: 'Unknown',
};

function verdictBadge(v: Verdict): string {
  return `<span class="badge verdict-${e(v)}">${e(VERDICT_WORDS[v] ?? v)}</span>`;
}

const DECISION_WORDS: Record<string, string> = {
  allow: 'allowed', 'explicit-deny': 'denied by an explicit deny', 'implicit-deny': 'denied: no policy allows it (implicit deny)',
  unknown: 'undecided: it depends on values nobody gave',
};

function safeUrl(url: string): string | null {
  return /^https:\/\/[^\s"'<>]{1,500}$/.test(url) ? url : null;
}

function policyName(reports: PolicyReport[], index: number | undefined): string {
  if (index === undefined) return 'a policy';
  const r = reports[index];
  const n = `policy ${index + 1}`;
  if (!r) return n;
  return r.name ? `${n} (${r.name})` : `${n} (${KIND_SHORT[r.kind] ?? r.kind})`;
}

// ───────────────────────────── the answer ─────────────────────────────

function yesNo(v: boolean | null): string {
  return v === null ? 'unknown' : v ? 'yes' : 'no';
}

function denyWords(p: ParsedError): string {
  if (p.shape === 'no-credentials') return 'Nothing: no request reached AWS (no credentials)';
  const types: Record<string, string> = {
    'identity-based': 'an identity-based policy', 'resource-based': 'a resource-based policy', 'role-trust': 'the role trust policy',
    'service-control': 'a service control policy (SCP)', 'resource-control': 'a resource control policy (RCP)',
    'permissions-boundary': 'a permissions boundary', session: 'a session policy', 'vpc-endpoint': 'a VPC endpoint policy',
  };
  const where = p.deny.policyType ? types[p.deny.policyType] ?? p.deny.policyType : null;
  if (p.deny.kind === 'explicit') return where ? `Explicit deny in ${where}` : 'Explicit deny';
  if (p.deny.kind === 'implicit') return where ? `Implicit deny: no statement in ${where} allows it` : 'Implicit deny: nothing allows it';
  return where ? `Denied by ${where} (kind not stated)` : 'Not stated in the message';
}

function field(name: string, valueHtml: string): string {
  return `<div class="field"><dt>${e(name)}</dt><dd>${valueHtml}</dd></div>`;
}

/** The Error field when no code was printed: which tool printed the text, when one was recognized. */
function noCodeWords(p: ParsedError): string {
  const tool = p.decoded ? printedBy(p) : toolWords(p);
  const status = p.httpStatus ? ` (HTTP ${e(p.httpStatus)})` : '';
  return p.source === 'plain' && !p.decoded && !toolWrapper(p)
    ? `no error code in the text${status}`
    : `no error code in the text${status}; printed by ${e(tool)}`;
}

function mono(v: string | null | undefined): string {
  return v ? `<code>${e(v)}</code>` : '<span class="muted">not in the message</span>';
}

function renderParsed(p: ParsedError, checked: string | null): string {
  if (!p.recognized) {
    return '<section class="card" aria-labelledby="parsed-h"><h2 id="parsed-h">What the message says</h2>'
      + `<p class="notice">No AWS authorization failure was found in this text. ${e(NOT_RECOGNIZED_WORDS.slice(NOT_RECOGNIZED_WORDS.indexOf('Paste ')))}</p>`
      + '<p class="sub">Where to find it: the AWS CLI prints it after <code>An error occurred</code>; in CloudTrail, paste the whole event (its <code>errorCode</code> and <code>errorMessage</code>); in Terraform, the whole error box.</p></section>';
  }
  const caller = p.caller
    ? `${mono(p.caller.arn)} <span class="tag">${e(p.caller.type)}</span>${p.caller.accountId ? ` <span class="muted">account ${e(p.caller.accountId)}</span>` : ''}`
    : mono(null);
  const target = p.target
    ? `${mono(p.target.arn)}${p.target.accountId ? ` <span class="muted">account ${e(p.target.accountId)}</span>` : ''}`
    : mono(null);
  const action = p.action ?? p.operation;
  const rows = [
    // a decoded message alone carries no code: say what was pasted, then where the code is
    p.decoded && !p.errorCode
      ? field('Error', `<span class="muted">decoded by ${e(printedBy(p))}; the error code is in the original error</span>`)
      : p.errorCode
        ? field('Error', `${mono(p.errorCode)}${p.httpStatus ? ` <span class="muted">HTTP ${e(p.httpStatus)}</span>` : ''} <span class="muted">from ${e(p.decoded ? printedBy(p) : toolWords(p))}</span>`)
        // no code: "not in the message from GitHub Actions" read as if the message came from elsewhere
        : field('Error', `<span class="muted">${noCodeWords(p)}</span>`),
    field('Caller', caller),
    field('Action', mono(action)),
    field('Target', target),
    field('Cross-account', e(yesNo(p.crossAccount))),
    field('Denial', e(denyWords(p)) + (p.deny.policyArn ? ` ${mono(p.deny.policyArn)}` : '')),
    // a decoded authorization message: its matched statements and the request's condition values
    ...decodedRows(p).map((r) => field(r.label, r.words.map((w, i) => e(w) + (r.code[i] !== undefined ? `<code>${e(r.code[i])}</code>` : '')).join(''))),
  ];
  if (p.region) rows.push(field('Region', mono(p.region)));
  if (p.requestId) rows.push(field('Request id', mono(p.requestId)));
  if (p.redactions.length) rows.push(field('Hidden in the paste', e(p.redactions.join(', '))));
  if (p.encodedMessage && p.decoded) rows.push(field('Encoded message', 'present, and its decoded form is in the paste (read above)'));
  else if (p.encodedMessage) rows.push(field('Encoded message', 'present: decode it with <code>aws sts decode-authorization-message</code>'));
  const checkedHtml = checked ? `<p class="checked"><strong>${e(CHECKED_WORDS)}:</strong> ${e(checked)}</p>` : '';
  return `<section class="card" aria-labelledby="parsed-h"><h2 id="parsed-h">What the message says</h2><dl class="parsed">${rows.join('')}</dl>${checkedHtml}</section>`;
}

function evidenceSource(ev: Evidence, reports: PolicyReport[]): string {
  switch (ev.source) {
    case 'policy':
      return ev.statement !== undefined ? `${policyName(reports, ev.policy)}, statement ${ev.statement + 1}` : policyName(reports, ev.policy);
    case 'message': return 'the message';
    case 'request': return 'the request facts';
    case 'context': return CONTEXT_SOURCE;
    default: return 'general knowledge';
  }
}

function renderSteps(ids: Ids, steps: CommandStep[], what: string): string {
  return `<ol class="steps">${steps.map((s) => `<li><p>${inlineHtml(s.description)}</p>${s.command ? codeBlock(ids, s.command, what) : ''}</li>`).join('')}</ol>`;
}

function renderCause(ids: Ids, c: RankedCause, rank: number, reports: PolicyReport[], compact = false, x?: Explanation): string {
  const hid = ids.next();
  const parts: string[] = [];
  const pct = Math.round(Math.max(0, Math.min(1, Number.isFinite(c.score) ? c.score : 0)) * 100);
  parts.push(`<article id="cause-${rank}" class="cause cause-${e(c.status)}" aria-labelledby="${hid}" data-cause-id="${e(c.id)}">`);
  parts.push(`<header class="cause-head"><h3 id="${hid}"><span class="rank">${rank}.</span> ${e(c.title)}</h3>${statusBadge(c.status)}</header>`);
  parts.push(`<p class="cause-meta"><code>${e(c.id)}</code> <span class="score" title="score within this answer">score ${pct}%</span></p>`);
  if (c.evidence.length) {
    parts.push(`<h4>Evidence</h4><ul class="evidence">${c.evidence
      .map((ev) => `<li>${inlineHtml(ev.text)} <span class="muted">— from ${e(evidenceSource(ev, reports))}</span></li>`).join('')}</ul>`);
  }
  const inferred = x && !compact ? inferredFor(x, c, rank === 1) : [];
  if (inferred.length) {
    parts.push(`<h4>${e(INFERRED_WORDS)}</h4><ul class="evidence inferred">${inferred.map((v) => `<li>${e(inferredLine(x!, v))}</li>`).join('')}</ul>`);
  }
  if (compact) {
    // Unlikely and ruled-out causes: why, not how to fix (keeps the answer short).
    parts.push('</article>');
    return parts.join('');
  }
  if (c.confirm.length) parts.push(`<h4>How to confirm</h4>${renderSteps(ids, c.confirm, 'confirm command')}`);
  const fix = c.fix;
  if (fix && (fix.description || fix.commands.length || fix.policy !== undefined)) {
    parts.push('<h4>Fix</h4>');
    if (fix.description) parts.push(`<p>${inlineHtml(fix.description)}</p>`);
    // the corrected policy before the command that reads it from a file
    if (fix.policy !== undefined) {
      const label = fix.policyIndex !== undefined ? policyName(reports, fix.policyIndex) : null;
      parts.push(`<p class="sub">${e(correctedPolicyWords(fix, label))}:</p>`);
      parts.push(codeBlock(ids, JSON.stringify(fix.policy, null, 2) ?? '', 'corrected policy', 'json'));
    }
    for (const cmd of fix.commands) parts.push(codeBlock(ids, cmd, 'fix command'));
  }
  const docs = c.docs.map(safeUrl).filter((u): u is string => u !== null);
  if (docs.length) {
    parts.push(`<p class="docs">AWS docs: ${docs.map((u) => `<a href="${e(u)}" rel="noopener noreferrer">${e(u.replace(/^https:\/\//, ''))}</a>`).join(' · ')}</p>`);
  }
  parts.push('</article>');
  return parts.join('');
}

function renderCauses(ids: Ids, causes: RankedCause[], reports: PolicyReport[], recognized: boolean, x?: Explanation): string {
  const open = causes.filter((c) => c.status === 'confirmed' || c.status === 'likely' || c.status === 'possible');
  const closed = causes.filter((c) => !open.includes(c));
  const out: string[] = ['<section class="card" aria-labelledby="causes-h"><h2 id="causes-h">Likely causes</h2>'];
  if (!causes.length) {
    out.push(`<p class="notice">${recognized ? 'No known cause matches yet. Paste the policies involved (trust, identity, SCP …) to narrow it down.' : 'Nothing to rank without a recognized error.'}</p>`);
  } else if (!open.length) {
    out.push('<p class="notice">Every known cause looks unlikely or is ruled out by what you pasted; see the list below.</p>');
  }
  if (open.length) out.push(`<div class="causes">${open.map((c, i) => renderCause(ids, c, i + 1, reports, false, x)).join('')}</div>`);
  if (closed.length) {
    out.push(`<details class="closed"><summary>Unlikely or ruled out (${closed.length})</summary><div class="causes">${closed
      .map((c, i) => renderCause(ids, c, open.length + i + 1, reports, true)).join('')}</div></details>`);
  }
  out.push('</section>');
  return out.join('');
}

function renderPolicies(reports: PolicyReport[], ev: Explanation['evaluation']): string {
  if (!reports.length) return '';
  const out: string[] = ['<section class="card" aria-labelledby="policies-h"><h2 id="policies-h">Your policies</h2>'];
  if (ev && !reports.some((r) => r.valid)) {
    out.push('<p class="decision-line">None of the pasted policies could be read, so they decide nothing.</p>');
  } else if (ev) {
    out.push(`<p class="decision-line">Together they say the request is <strong>${e(DECISION_WORDS[ev.decision] ?? ev.decision)}</strong>${ev.decidedBy ? `, decided by the ${e(KIND_SHORT[ev.decidedBy] ?? ev.decidedBy)}` : ''}.</p>`);
    if (ev.missingContext.length) {
      out.push(`<p>It depends on values not given: ${ev.missingContext.map((k) => `<code>${e(k)}</code>`).join(', ')}. Fill in the request facts or condition keys to decide.</p>`);
    }
  }
  out.push('<ol class="policies">');
  reports.forEach((r, i) => {
    out.push('<li class="policy-report">');
    out.push(`<div class="policy-head"><strong>${e(r.name ?? `Policy ${i + 1}`)}</strong> <span class="tag">${e(KIND_SHORT[r.kind] ?? r.kind)}${r.kindInferred ? ', kind detected' : ''}</span> ${r.valid ? verdictBadge(r.verdict) : '<span class="badge verdict-invalid">Could not be read</span>'}</div>`);
    if (r.issues.length) {
      out.push(`<ul class="issues">${r.issues.map((is) => `<li>${inlineHtml(is.message)}${is.path && pathWords(is.path) ? ` <span class="muted">(${e(pathWords(is.path))})</span>` : ''}</li>`).join('')}</ul>`);
    }
    const stmts = r.statements ?? [];
    if (stmts.length) {
      out.push(`<details><summary>Statements (${stmts.length})</summary><ul class="statements">${stmts.map((s) => {
        const m = s.matched === 'unknown' ? 'depends' : s.matched ? 'applies' : 'does not apply';
        return `<li><span class="tag">${e(s.effect)}</span> statement ${e(Number(s.index) + 1)}${s.sid ? ` <code>${e(s.sid)}</code>` : ''} ${e(m)}: ${inlineHtml(s.why)}</li>`;
      }).join('')}</ul></details>`);
    }
    const deciding = r.decidingConditions ?? [];
    if (deciding.length) {
      out.push(`<p class="sub">Decided by: ${deciding.map((c) => `<code>${e(`${c.operator} ${c.key} ${JSON.stringify(c.values)}`)}</code>`).join(', ')}</p>`);
    }
    out.push('</li>');
  });
  out.push('</ol>');
  if (ev && ev.trail.length) out.push(`<details><summary>How it was evaluated</summary><ol class="trail">${ev.trail.map((t) => `<li>${inlineHtml(t)}</li>`).join('')}</ol></details>`);
  out.push('</section>');
  return out.join('');
}

/** The answer's warnings and every problem in a pasted policy, first thing in the answer. */
function renderWarnings(x: Explanation): string {
  const ws = noticeLines(x);
  if (!ws.length) return '';
  return `<section class="card warnings" role="note" aria-labelledby="warnings-h"><h2 id="warnings-h">Warnings</h2><ul>${ws
    .map((w) => `<li>${inlineHtml(w.text)} <span class="muted">(${e(w.code)})</span></li>`).join('')}</ul></section>`;
}

/**
 * In short: the best open cause and its first confirm command, so both show without scrolling
 * past the parsed fields and the picture. Nothing when no cause is confirmed, likely or possible.
 */
function renderSummary(ids: Ids, x: Explanation): string {
  const top = x.causes.find((c) => c.status === 'confirmed' || c.status === 'likely' || c.status === 'possible');
  const note = otherErrorsNote(x, 'Also in the text');
  if (!top && !note) return '';
  const out: string[] = ['<section class="card summary" aria-labelledby="summary-h"><h2 id="summary-h">In short</h2>'];
  if (top) {
    out.push(`<p class="lead"><strong>${e(leadWords(top.status))}:</strong> <a href="#cause-1">${e(top.title)}</a> ${statusBadge(top.status)}</p>`);
    const step = top.confirm[0];
    if (firstStepsFirst(x)) out.push('<p class="sub">Start with the <a href="#first-h">first steps</a>: the encoded message in the error names the denying policy once decoded.</p>');
    else if (leadFix(top)) {
      // confirmed by the pasted policies: its first check would re-read them; what to change comes first
      out.push(`<p class="sub">Fix it: ${inlineHtml(top.fix.description)}</p>`);
      if (top.fix.policy !== undefined) out.push('<p class="sub"><a href="#cause-1">The corrected policy and the command that applies it</a> are under the cause.</p>');
      else if (top.fix.commands[0]) out.push(codeBlock(ids, top.fix.commands[0], 'first fix command'));
    } else if (step) out.push(`<p class="sub">Check it first: ${inlineHtml(step.description)}</p>${step.command ? codeBlock(ids, step.command, 'first confirm command') : ''}`);
  }
  if (note) out.push(`<p class="sub">${e(note)}</p>`);
  out.push('</section>');
  return out.join('');
}

function renderOtherErrors(others: ParsedError[]): string {
  if (!others.length) return '';
  return `<section class="card" aria-labelledby="others-h"><h2 id="others-h">Also in the text</h2><ul>${others.map((o) => {
    const bits = [o.errorCode, o.action ?? o.operation, o.caller?.arn ? `by ${o.caller.arn}` : null, o.target?.arn ? `on ${o.target.arn}` : null].filter(Boolean);
    return `<li><code>${e(bits.join(' '))}</code></li>`;
  }).join('')}</ul><p class="muted">Paste one of them on its own to explain it.</p></section>`;
}

/** The answer as an HTML fragment (what the form's script swaps in without a reload). */
export function renderHtmlAnswer(x: Explanation): string {
  const ids = new Ids('code');
  const out: string[] = [];
  out.push('<div class="answer-body">');
  out.push('<h2 id="answer-h" class="answer-title" tabindex="-1">Answer</h2>');
  out.push(renderWarnings(x));
  if (x.parsed.recognized) out.push(renderSummary(ids, x));
  out.push(renderParsed(x.parsed, checkedSentence(x)));
  if (x.parsed.recognized) {
    out.push(`<section class="card" aria-labelledby="picture-h"><h2 id="picture-h">The decision at a glance</h2><figure class="picture"><div class="picture-wide">${renderDecisionSvg(x, 'decision', 'wide')}</div><div class="picture-tall">${renderDecisionSvg(x, 'decision-tall', 'tall')}</div>`
      + '<figcaption>Each box is a policy type AWS checks. ✓ allows, ✗ denies, ? unknown (depends on values not given), – not pasted. A thick border marks the policy that decided.</figcaption></figure></section>');
  }
  const steps = x.firstSteps.length
    ? `<section class="card" aria-labelledby="first-h"><h2 id="first-h" tabindex="-1">First steps</h2>${renderSteps(ids, x.firstSteps, 'command')}</section>`
    : '';
  const stepsFirst = firstStepsFirst(x);
  if (stepsFirst) out.push(steps);
  out.push(renderCauses(ids, x.causes, x.policies, x.parsed.recognized, x));
  if (!stepsFirst) out.push(steps);
  out.push(renderPolicies(x.policies, x.evaluation ?? null));
  out.push(renderOtherErrors(x.otherErrors));
  out.push('</div>');
  return out.join('');
}

/** Problems with what was submitted, as a fragment. */
export function renderHtmlErrors(errors: string[]): string {
  return `<div class="answer-body"><h2 id="answer-h" class="answer-title" tabindex="-1">Please check the form</h2>`
    + `<div class="card errors" role="alert"><ul>${errors.map((m) => `<li>${e(m)}</li>`).join('')}</ul></div></div>`;
}

// ───────────────────────────── the form and the page ─────────────────────────────

function triSelect(name: string, id: string, value: TriState, labels: [string, string, string]): string {
  return `<select id="${id}" name="${name}">${option('unknown', labels[0], value === 'unknown')}${option('yes', labels[1], value === 'yes')}${option('no', labels[2], value === 'no')}</select>`;
}

function policyRow(i: number, kind: string, document: string): string {
  const n = i + 1;
  return `<div class="policy-row" data-index="${i}">`
    + '<div class="policy-row-head">'
    + `<label for="policy-kind-${i}">Policy ${n}: kind</label>`
    + `<select id="policy-kind-${i}" name="policyKind">${FORM_POLICY_KINDS.map((k) => option(k, KIND_NAMES[k], k === kind)).join('')}</select>`
    + `<button type="button" class="remove-policy secondary" aria-label="Remove policy ${n}" hidden>Remove</button>`
    + '</div>'
    + `<label for="policy-doc-${i}" class="visually-hidden">Policy ${n}: document</label>`
    + `<textarea id="policy-doc-${i}" name="policyDocument" rows="6" spellcheck="false" placeholder="Policy JSON, or the output of aws iam get-role …">\n${e(document)}</textarea>`
    + '</div>';
}

/** The form, filled with what the person sent (so a server-rendered answer keeps their input). */
export function renderHtmlForm(values: HtmlFormValues = emptyFormValues()): string {
  const v = values;
  const filled = v.policies.slice(0, MAX_POLICIES);
  const slots = Math.min(MAX_POLICIES, Math.max(POLICY_SLOTS, filled.length + 1));
  const rows: string[] = [];
  for (let i = 0; i < slots; i += 1) rows.push(policyRow(i, filled[i]?.kind ?? 'detect', filled[i]?.document ?? ''));
  const factsOpen = v.externalIdPassed !== 'unknown' || v.durationSeconds || v.roleSessionName || v.chained !== 'unknown' || v.mfa !== 'unknown' || v.context;
  return `<form id="explain-form" class="explain-form" method="post" action="/#answer" accept-charset="utf-8">
<div class="group">
<label for="message" class="big-label">The error, as printed</label>
<p class="hint" id="message-hint">Paste the whole thing: a CLI or SDK error, a Terraform box, a CloudTrail event, a log. Secrets are removed before anything else happens.</p>
<textarea id="message" name="message" rows="9" required spellcheck="false" aria-describedby="message-hint" placeholder="An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:… is not authorized to perform: sts:AssumeRole on resource: …">
${e(v.message)}</textarea>
</div>
<fieldset class="group" id="policies">
<legend>Policies you can see <span class="muted">(optional)</span></legend>
<p class="hint">Paste any policy involved: the role's trust policy, the caller's policies, an SCP … JSON, URL-encoded JSON, the whole CLI output, or the Terraform or CloudFormation that defines it.</p>
<div id="policy-rows">${rows.join('\n')}</div>
<button type="button" id="add-policy" class="secondary" hidden>Add a policy</button>
</fieldset>
<details class="group facts"${factsOpen ? ' open' : ''}>
<summary>What the failing call sent <span class="muted">(optional)</span></summary>
<div class="facts-grid">
<div><label for="externalIdPassed">External id passed?</label>${triSelect('externalIdPassed', 'externalIdPassed', v.externalIdPassed, ["Don't know", 'Yes, this one:', 'No external id'])}</div>
<div><label for="externalId">External id value</label><input id="externalId" name="externalId" type="text" autocomplete="off" spellcheck="false" value="${e(v.externalId)}"></div>
<div><label for="durationSeconds">Duration requested (seconds)</label><input id="durationSeconds" name="durationSeconds" type="number" min="0" max="129600" step="1" inputmode="numeric" value="${e(v.durationSeconds)}"></div>
<div><label for="roleSessionName">Role session name</label><input id="roleSessionName" name="roleSessionName" type="text" autocomplete="off" spellcheck="false" value="${e(v.roleSessionName)}"></div>
<div><label for="chained">Credentials from another AssumeRole (chained)?</label>${triSelect('chained', 'chained', v.chained, ["Don't know", 'Yes, chained', 'No'])}</div>
<div><label for="mfa">MFA code sent with the call?</label>${triSelect('mfa', 'mfa', v.mfa, ["Don't know", 'Yes', 'No'])}</div>
</div>
<label for="context">Other condition keys you know <span class="muted">(one <code>key=value</code> a line)</span></label>
<textarea id="context" name="context" rows="3" spellcheck="false" placeholder="aws:PrincipalOrgID=o-abc123def4">
${e(v.context)}</textarea>
</details>
<div class="actions"><button type="submit" id="submit">Explain</button><a href="/?example=1" class="example-link">Try an example</a><span id="form-status" class="status" role="status" aria-live="polite"></span></div>
</form>`;
}

export interface HtmlPageOptions {
  values?: HtmlFormValues;
  /** The answer, when the page answers a submitted form. */
  explanation?: Explanation | null;
  /** Problems with the submitted form, shown instead of an answer. */
  errors?: string[];
}

/** The whole page: form, and the answer when there is one. Works with JavaScript off. */
export function renderHtmlPage(opts: HtmlPageOptions = {}): string {
  const answer = opts.errors?.length ? renderHtmlErrors(opts.errors) : opts.explanation ? renderHtmlAnswer(opts.explanation) : '';
  const title = opts.explanation ? 'Answer — whydenied' : opts.errors?.length ? 'Check the form — whydenied' : 'whydenied — explain an AWS AccessDenied error';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<meta name="description" content="Paste an AWS AccessDenied error and the policies involved; get the likely causes, how to confirm each one, and the fix.">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip-link" href="${answer ? '#answer' : '#main'}">${answer ? 'Skip to the answer' : 'Skip to the form'}</a>
<header class="site">
<div class="wrap"><p class="brand"><img src="/assets/favicon.svg" alt="" width="28" height="28"> whydenied</p>
<p class="tagline">Explains AWS <code>AccessDenied</code> errors: the likely causes, how to confirm each, and the fix.</p></div>
</header>
<main id="main" class="wrap layout" tabindex="-1">
<section class="input-pane" aria-labelledby="form-h">
<h1 id="form-h">Why was it denied?</h1>
${renderHtmlForm(opts.values)}
</section>
<section id="answer" class="answer-pane" aria-label="Answer" tabindex="-1">${answer || '<div class="placeholder"><p>The answer appears here: what the message says, a picture of the decision, the ranked causes with commands to confirm them, and the fix.</p></div>'}</section>
</main>
<footer class="site"><div class="wrap">whydenied keeps no state: what you paste is used for this answer only. · <a href="/docs">HTTP API</a> · <a href="/openapi.json">OpenAPI</a></div></footer>
</body>
</html>
`;
}
