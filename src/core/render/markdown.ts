/**
 * Markdown answer, fit to paste into a chat reply (GitHub-flavoured: tables, fenced code).
 * Every user-derived string goes through `code`, `prose` or a fence sized to its content, so a
 * hostile message can neither break the table, close a code block nor inject raw HTML.
 */
import type { Explanation, RankedCause } from '../types.js';
import {
  CHECKED_WORDS, checkedSentence, correctedPolicyWords, MAX_RULED_OUT_LINES, NOT_RECOGNIZED_WORDS, firstStepsFirst, leadWords, STATUS_WORDS, evidenceOrigin, formatScore, groupCauses, headline, kindWords,
  foldLine, leadFix, noticeLines, oneLine, INFERRED_WORDS, inferredFor, inferredLine, otherErrorSummary, otherErrorsNote, parsedFieldRows, policyLabel, policyNotes, ruledOutReason,
  statementLines, stripControls, type FieldRow,
} from './text.js';

function longestBacktickRun(s: string): number {
  let best = 0;
  let run = 0;
  for (const ch of s) {
    run = ch === '`' ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/**
 * An inline code span holding `s` literally: one line, fenced with more backticks than it holds.
 * In a table cell `|` must still be escaped (GFM splits cells before reading code spans).
 */
export function code(s: string, inTable = false): string {
  let v = oneLine(s);
  if (!v) return '—';
  if (inTable) v = v.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestBacktickRun(v) + 1);
  const pad = v.startsWith('`') || v.endsWith('`') || (v.startsWith(' ') && v.endsWith(' ')) ? ' ' : '';
  return fence + pad + v + pad + fence;
}

/** Backslash-escapes every character that could start Markdown or HTML syntax in running text. */
export function escapeInline(s: string): string {
  const v = s.replace(/[\\`*_[\]<>|#~&]/g, (m) => '\\' + m);
  // At the start of a list item, `- `, `+ `, `---` or `1. ` would open a nested list or a rule.
  if (v.startsWith('-') || v.startsWith('+')) return '\\' + v;
  return v.replace(/^\d{1,9}[.)](?= |$)/, (m) => m.slice(0, -1) + '\\' + m.slice(-1));
}

/**
 * Running text that may quote identifiers in backticks (our own wording does): balanced
 * `…` pairs become safe code spans, everything else is escaped. One line.
 */
export function prose(s: string, inTable = false, max = 2000): string {
  return piece(oneLine(s, max), inTable);
}

/** Like prose, for a piece of a longer line: keeps its edge spaces. */
function piece(s: string, inTable = false): string {
  const v = foldLine(s, Number.MAX_SAFE_INTEGER);
  const parts = v.split('`');
  // An even number of backticks splits into an odd number of parts: odd indexes are code.
  if (parts.length % 2 === 0) return escapeInline(v);
  return parts.map((part, i) => (i % 2 === 1 ? (part ? code(part, inTable) : '') : escapeInline(part))).join('');
}

/** A fenced block holding `body` verbatim, with a fence longer than any backtick run inside it. */
export function fence(body: string, lang: string): string {
  let clean = stripControls(body);
  let end = clean.length;
  while (end > 0 && clean.charCodeAt(end - 1) === 10) end--;
  clean = clean.slice(0, end);
  const f = '`'.repeat(Math.max(3, longestBacktickRun(clean) + 1));
  return `${f}${lang}\n${clean}\n${f}`;
}

function cell(r: FieldRow): string {
  let s = piece(r.words[0] ?? '', true);
  r.code.forEach((c, i) => { s += code(c, true) + piece(r.words[i + 1] ?? '', true); });
  return s || '—';
}

function renderCause(e: Explanation, c: RankedCause, n: number): string {
  const out: string[] = [];
  out.push(`#### ${n}. ${prose(c.title, false, 300)} — **${STATUS_WORDS[c.status]}** · score ${formatScore(c.score)}`);
  out.push(`Cause ${code(c.id)}`);
  if (c.evidence.length) {
    out.push('**Evidence**\n\n' + c.evidence.map((ev) => {
      const origin = evidenceOrigin(e, ev);
      return `- ${prose(ev.text)}${origin ? ` _(${escapeInline(origin)})_` : ''}`;
    }).join('\n'));
  }
  const inferred = inferredFor(e, c, n === 1);
  if (inferred.length) {
    out.push(`**${escapeInline(INFERRED_WORDS)}**\n\n` + inferred.map((v) => `- ${prose(inferredLine(e, v))}`).join('\n'));
  }
  if (c.confirm.length) {
    out.push('**Confirm**\n\n' + c.confirm.map((s) => `- ${prose(s.description)}\n\n${indent(fence(s.command, 'bash'), '  ')}`).join('\n\n'));
  }
  if (c.fix.description || c.fix.commands.length || c.fix.policy !== undefined) {
    const fix: string[] = [`**Fix:** ${prose(c.fix.description)}`];
    // the corrected policy before the command that reads it from a file
    if (c.fix.policy !== undefined) {
      const label = c.fix.policyIndex !== undefined ? policyLabel(e, c.fix.policyIndex) : null;
      fix.push(`${escapeInline(correctedPolicyWords(c.fix, label))}:`);
      fix.push(fence(JSON.stringify(c.fix.policy, null, 2) ?? 'null', 'json'));
    }
    if (c.fix.commands.length) fix.push(fence(c.fix.commands.join('\n'), 'bash'));
    out.push(fix.join('\n\n'));
  }
  if (c.docs.length) out.push('Docs: ' + c.docs.map((d) => linkOrText(d)).join(' · '));
  return out.join('\n\n');
}

/** Catalog docs are https URLs; anything else is shown as text. */
function linkOrText(d: string): string {
  const v = oneLine(d, 300);
  return /^https:\/\/[A-Za-z0-9.-]{1,100}\/[^\s<>()[\]`|]{0,250}$/.test(v) ? `<${v}>` : prose(v);
}

function indent(block: string, by: string): string {
  return block.split('\n').map((l) => (l.length ? by + l : l)).join('\n');
}

/** Markdown answer for chat replies and `Accept: text/markdown`. */
export function renderMarkdown(e: Explanation): string {
  const blocks: string[] = [];
  const p = e.parsed;
  blocks.push(`## ${prose(headline(e), false, 300)}`);
  // Without a recognized failure the causes are guesses about nothing: leave them to the JSON.
  const groups = groupCauses(p.recognized ? e.causes : []);

  if (!p.recognized) {
    blocks.push(prose(NOT_RECOGNIZED_WORDS));
  } else {
    const top = groups.full[0];
    if (top) blocks.push(`**${leadWords(top.status)}:** ${prose(top.title, false, 300)} (**${STATUS_WORDS[top.status]}**).`);
    const fix = top ? leadFix(top) : null;
    if (fix) blocks.push(`**Fix:** ${prose(fix)}`);
  }
  // Warnings come before the details: a pasted secret must be rotated, a policy IAM rejects is no fix.
  const notices = noticeLines(e);
  if (notices.length) {
    blocks.push('### Warnings\n\n' + notices.map((w) => `- ${prose(w.text)} (${code(w.code)})`).join('\n'));
  }
  const others = otherErrorsNote(e);
  if (others) blocks.push(`_${prose(others)}_`);
  if (p.recognized) {
    const rows = parsedFieldRows(p);
    blocks.push(['| Field | Value |', '| --- | --- |', ...rows.map((r) => `| ${r.label} | ${cell(r)} |`)].join('\n'));
    const checked = checkedSentence(e);
    if (checked) blocks.push(`**${escapeInline(CHECKED_WORDS)}:** ${prose(checked)}`);
  }

  const steps = e.firstSteps.length
    ? '### First steps\n\n' + e.firstSteps.map((s, i) =>
      `${i + 1}. ${prose(s.description)}` + (s.command ? `\n\n${indent(fence(s.command, 'bash'), '   ')}` : '')).join('\n\n')
    : '';
  const stepsFirst = firstStepsFirst(e);
  if (steps && stepsFirst) blocks.push(steps);

  if (groups.full.length || groups.brief.length) {
    const parts: string[] = ['### Causes, best first'];
    groups.full.forEach((c, i) => parts.push(renderCause(e, c, i + 1)));
    if (groups.brief.length) {
      parts.push('**Less likely**\n\n' + groups.brief.map((c, i) =>
        `${groups.full.length + i + 1}. ${prose(c.title, false, 300)} — ${STATUS_WORDS[c.status]} · score ${formatScore(c.score)} (${code(c.id)})`).join('\n'));
    }
    blocks.push(parts.join('\n\n'));
  } else if (p.recognized) {
    blocks.push('### Causes, best first\n\nNo cause in the catalog fits this message well enough to rank; start with the first steps below.');
  }

  if (steps && !stepsFirst) blocks.push(steps);

  if (e.policies.length) {
    const lines = ['### Pasted policies', '', '| # | Policy | Kind | Verdict | Notes |', '| --- | --- | --- | --- | --- |'];
    e.policies.forEach((pol, i) => {
      const notes = policyNotes(pol).map((n) => prose(n, true, 300)).join('; ') || '—';
      lines.push(`| ${i + 1} | ${pol.name ? prose(pol.name, true, 120) : '—'} | ${kindWords(pol)} | **${pol.verdict}** | ${notes} |`);
    });
    const statements: string[] = [];
    e.policies.forEach((pol, i) => {
      const st = statementLines(pol);
      for (const l of st.lines) statements.push(`- Policy ${i + 1}, ${escapeInline(l.where)}: **${l.outcome}**. ${prose(l.why)}`);
      if (st.more) statements.push(`- Policy ${i + 1}: … ${st.more} more statement(s)`);
    });
    if (statements.length) lines.push('', '**Statements**', '', ...statements);
    if (e.evaluation) {
      const ev = e.evaluation;
      let s = `Together: **${ev.decision}**${ev.decidedBy ? ` (decided by the ${ev.decidedBy} policy)` : ''}.`;
      if (ev.missingContext.length) s += ` Would be decided by: ${ev.missingContext.map((k) => code(k)).join(', ')}.`;
      if (ev.trail.length) s += ' Step by step:';
      lines.push('', s);
      if (ev.trail.length) lines.push('', ...ev.trail.map((t, i) => `${i + 1}. ${prose(t)}`));
    }
    blocks.push(lines.join('\n'));
  }

  if (e.otherErrors.length) {
    blocks.push('### Other errors in the same text\n\n' + e.otherErrors.map((o) => {
      const s = otherErrorSummary(o);
      let t = piece(s.words[0] ?? '');
      s.code.forEach((c, i) => { t += code(c) + piece(s.words[i + 1] ?? ''); });
      return `- ${t}`;
    }).join('\n'));
  }

  if (groups.ruledOut.length) {
    const lines = groups.ruledOut.slice(0, MAX_RULED_OUT_LINES).map((c) => {
      const why = ruledOutReason(c);
      return `- ${prose(c.title, false, 300)} (${code(c.id)})${why ? ': ' + prose(why) : ''}`;
    });
    const rest = groups.ruledOut.slice(MAX_RULED_OUT_LINES);
    if (rest.length) lines.push(`- Also ruled out: ${rest.map((c) => code(c.id)).join(', ')}.`);
    blocks.push('### Ruled out\n\n' + lines.join('\n'));
  }

  return blocks.join('\n\n') + '\n';
}
