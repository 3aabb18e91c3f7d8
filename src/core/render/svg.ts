/**
 * A picture of the decision: the caller's account and the resource's account side by side, each
 * policy type on its side with its verdict. Pure string building, rendered on the server so it
 * works with JavaScript off. Colours are SVG presentation attributes (the CSP forbids inline
 * `style`), and every verdict is also written out in words, so colour is never the only cue.
 */
import type { DenyPolicyType, Explanation, PolicyKind, PolicyReport, Verdict } from '../types.js';

/** What the picture says about one policy type. */
export type DiagramVerdict = 'allows' | 'denies' | 'unknown' | 'not-pasted' | 'not-applicable';

export interface DiagramRow {
  /** The policy kind the row stands for. */
  kind: PolicyKind;
  label: string;
  verdict: DiagramVerdict;
  /** Second line: which pasted policies, or that the message named this type. */
  note: string;
  /** true when the verdict comes from the message's own words rather than a pasted policy. */
  fromMessage: boolean;
  /** true when the pasted policies' evaluation says this type decided the outcome. */
  decided: boolean;
}

export interface DecisionDiagram {
  sameAccount: boolean;
  /** true when the message shows two different accounts; false when unknown or the same. */
  crossAccount: boolean;
  callerAccount: string | null;
  resourceAccount: string | null;
  callerLabel: string;
  resourceLabel: string;
  action: string;
  /** true when the call checked is made by an AWS service principal (Explanation.evaluated), not an account's principal. */
  callerIsService: boolean;
  callerRows: DiagramRow[];
  resourceRows: DiagramRow[];
  /** VPC endpoint policy, drawn on the arrow, only when pasted or named by the message. */
  networkRow: DiagramRow | null;
}

const KIND_LABELS: Record<PolicyKind, string> = {
  identity: 'Identity policy',
  'permissions-boundary': 'Permissions boundary',
  session: 'Session policy',
  scp: 'SCP (organization)',
  trust: 'Role trust policy',
  resource: 'Resource policy',
  rcp: 'RCP (organization)',
  'vpc-endpoint': 'VPC endpoint policy',
};

const MESSAGE_POLICY_KIND: Record<DenyPolicyType, PolicyKind> = {
  'identity-based': 'identity',
  'resource-based': 'resource',
  'role-trust': 'trust',
  'service-control': 'scp',
  'resource-control': 'rcp',
  'permissions-boundary': 'permissions-boundary',
  session: 'session',
  'vpc-endpoint': 'vpc-endpoint',
};

/** Guardrails must each allow; for the others one allow is enough. */
const GUARDRAILS: ReadonlySet<PolicyKind> = new Set<PolicyKind>(['scp', 'rcp', 'permissions-boundary', 'session', 'vpc-endpoint']);

const TRUST_ACTIONS = new Set([
  'sts:assumerole', 'sts:assumerolewithwebidentity', 'sts:assumerolewithsaml', 'sts:tagsession',
  'sts:setsourceidentity', 'sts:setcontext',
]);

function combine(kind: PolicyKind, verdicts: Verdict[]): DiagramVerdict {
  if (verdicts.length === 0) return 'not-pasted';
  if (verdicts.includes('explicit-deny')) return 'denies';
  const relevant = verdicts.filter((v) => v !== 'not-applicable');
  if (relevant.length === 0) return 'not-applicable';
  if (GUARDRAILS.has(kind)) {
    if (relevant.includes('implicit-deny')) return 'denies';
    if (relevant.includes('unknown')) return 'unknown';
    return 'allows';
  }
  if (relevant.includes('allow')) return 'allows';
  if (relevant.includes('unknown')) return 'unknown';
  return 'denies';
}

function buildRow(kind: PolicyKind, e: Explanation, mentioned: PolicyKind | null): DiagramRow {
  const pasted: Array<{ report: PolicyReport; index: number }> = [];
  e.policies.forEach((report, index) => {
    if (report.kind === kind) pasted.push({ report, index });
  });
  let verdict = combine(kind, pasted.map((p) => p.report.verdict));
  let note: string;
  let fromMessage = false;
  if (pasted.length) {
    const names = pasted.map((p) => p.report.name ?? `policy ${p.index + 1}`);
    note = pasted.length === 1 ? `pasted: ${names.join('')}` : `${pasted.length} pasted: ${names.join(', ')}`;
  } else if (mentioned === kind) {
    verdict = e.parsed.deny.kind === 'unknown' ? 'unknown' : 'denies';
    note = e.parsed.deny.kind === 'explicit' ? 'message: explicit deny here' : 'named by the message';
    fromMessage = true;
  } else {
    note = 'not pasted';
  }
  const decided = !!e.evaluation && e.evaluation.decision !== 'allow' && e.evaluation.decidedBy === kind;
  return { kind, label: KIND_LABELS[kind], verdict, note, fromMessage, decided };
}

/** Works out what the picture shows, without drawing it (tested on its own). */
export function buildDecisionDiagram(e: Explanation): DecisionDiagram {
  const p = e.parsed;
  const mentioned = p.deny.policyType ? MESSAGE_POLICY_KIND[p.deny.policyType] : null;
  // what the causes checked, when it is not the message's request (a service's onward call, KMS use, S3 from the command)
  const checked = e.evaluated ?? null;
  const action = checked?.action ?? p.action ?? (p.operation ? p.operation : 'the request');
  const pastedKinds = new Set(e.policies.map((r) => r.kind));
  const isTrust = TRUST_ACTIONS.has(action.toLowerCase()) || (p.target?.service === 'iam' && p.target.resourceType === 'role' && /^sts:/i.test(action));

  const resourceKinds: PolicyKind[] = [];
  if (isTrust || pastedKinds.has('trust') || mentioned === 'trust') resourceKinds.push('trust');
  if (!isTrust || pastedKinds.has('resource')) resourceKinds.push('resource');
  resourceKinds.push('rcp');
  // A message saying "resource-based policy" about AssumeRole means the trust policy.
  const resourceMention: PolicyKind | null = mentioned === 'resource' && isTrust && !pastedKinds.has('resource') ? 'trust' : mentioned;

  const callerIsService = !!checked?.caller && checked.caller.endsWith('.amazonaws.com') && !checked.caller.includes(':');
  const callerAccount = callerIsService ? null : p.caller?.accountId ?? (checked?.caller ? arnAccount(checked.caller) : null);
  const resourceAccount = p.target?.accountId ?? (checked?.resource ? arnAccount(checked.resource) : null);
  const sameAccount = !callerIsService
    && (p.crossAccount === false || (p.crossAccount === null && callerAccount !== null && callerAccount === resourceAccount));

  const callerLabel = checked?.caller ?? p.caller?.arn ?? (p.caller?.name ?? 'caller not named in the message');
  const resourceLabel = checked?.resource ?? p.target?.arn ?? 'resource not named in the message';

  return {
    sameAccount,
    crossAccount: !sameAccount && (p.crossAccount === true || (callerAccount !== null && resourceAccount !== null && callerAccount !== resourceAccount)),
    callerAccount,
    resourceAccount: sameAccount ? (resourceAccount ?? callerAccount) : resourceAccount,
    callerLabel,
    resourceLabel,
    action,
    callerIsService,
    callerRows: (['identity', 'permissions-boundary', 'session', 'scp'] as PolicyKind[]).map((k) => {
      const row = buildRow(k, e, mentioned);
      // an AWS service principal has no identity policies, and organization and session limits are not on it
      return callerIsService && row.verdict === 'not-pasted' ? { ...row, verdict: 'not-applicable', note: 'an AWS service has none' } : row;
    }),
    resourceRows: resourceKinds.map((k) => buildRow(k, e, resourceMention)),
    networkRow: pastedKinds.has('vpc-endpoint') || mentioned === 'vpc-endpoint' ? buildRow('vpc-endpoint', e, mentioned) : null,
  };
}

/** The account of an ARN (`arn:aws:ecr:eu-west-1:123456789012:repository/x`), or null. */
function arnAccount(arn: string): string | null {
  const parts = arn.split(':', 6);
  const acct = parts[0] === 'arn' ? parts[4] : undefined;
  return acct && /^\d{12}$/.test(acct) ? acct : null;
}

/** Escapes text for XML/HTML text and attribute values. */
function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;');
}

/** Shortens by code points at the end. */
function clipEnd(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** Shortens by code points, keeping the end of long ARNs (the name) readable. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.45);
  const tail = max - 1 - head;
  return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - tail).join('');
}

interface Look { word: string; icon: string; stroke: string; fill: string; ink: string; dashed: boolean }

const LOOKS: Record<DiagramVerdict, Look> = {
  allows: { word: 'allows', icon: '✓', stroke: '#1a7f37', fill: '#dafbe1', ink: '#0f5323', dashed: false },
  denies: { word: 'denies', icon: '✗', stroke: '#cf222e', fill: '#ffebe9', ink: '#8c1021', dashed: false },
  unknown: { word: 'unknown', icon: '?', stroke: '#9a6700', fill: '#fff8c5', ink: '#6b4700', dashed: false },
  'not-pasted': { word: 'not pasted', icon: '–', stroke: '#8c959f', fill: '#f6f8fa', ink: '#424a53', dashed: true },
  'not-applicable': { word: 'does not apply', icon: '–', stroke: '#8c959f', fill: '#f6f8fa', ink: '#424a53', dashed: true },
};

/** The words a verdict is shown with (also used by the HTML legend). */
export function diagramVerdictWord(v: DiagramVerdict): string {
  return LOOKS[v].word;
}

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
const ROW_H = 50;
const ROW_GAP = 10;
const HEAD_H = 78;

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" ${attrs}>${esc(content)}</text>`;
}

function drawRow(row: DiagramRow, x: number, y: number, w: number): string {
  const look = LOOKS[row.verdict];
  const pillText = `${look.icon} ${look.word}`;
  const pillW = row.verdict === 'not-applicable' ? 124 : 108; // "– does not apply" is the longest pill
  const out: string[] = [];
  out.push(`<g class="dg-row dg-${row.verdict}" data-kind="${esc(row.kind)}" data-verdict="${esc(row.verdict)}">`);
  out.push(`<rect x="${x}" y="${y}" width="${w}" height="${ROW_H}" rx="8" fill="#ffffff" stroke="${look.stroke}" stroke-width="${row.decided ? 3 : 1.5}"${look.dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
  out.push(text(x + 12, y + 21, row.label, 'font-size="13.5" font-weight="600" fill="#1f2328"'));
  const note = row.decided ? `decided the outcome · ${row.note.replace(/^pasted: /, '')}` : row.note;
  out.push(text(x + 12, y + 39, clipEnd(note, Math.floor((w - pillW - 30) / (row.decided ? 6.9 : 6.2))), `font-size="11.5" fill="#424a53"${row.decided ? ' font-weight="600"' : ''}`));
  const px = x + w - pillW - 10;
  out.push(`<rect x="${px}" y="${y + 12}" width="${pillW}" height="26" rx="13" fill="${look.fill}" stroke="${look.stroke}" stroke-width="1"${look.dashed ? ' stroke-dasharray="3 3"' : ''}/>`);
  out.push(text(px + pillW / 2, y + 30, pillText, `font-size="12.5" font-weight="600" fill="${look.ink}" text-anchor="middle"`));
  out.push('</g>');
  return out.join('');
}

function describeRow(r: DiagramRow): string {
  return `${r.label}: ${LOOKS[r.verdict].word}${r.fromMessage ? ' (from the message)' : ''}${r.decided ? ', decided the outcome' : ''}`;
}

/** Splits a caption into lines of at most `max` characters, at spaces. */
function wrapWords(textIn: string, max: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of textIn.split(' ')) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = clipEnd(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, max);
    return kept;
  }
  return lines.map((l) => clipEnd(l, max));
}

/** `wide`: the two accounts side by side; `tall`: one above the other, for narrow screens. */
export type DiagramLayout = 'wide' | 'tall';

interface Box { x: number; y: number; w: number; h: number }

/** Inline SVG (a string) showing the decision, with <title> and <desc> for screen readers. */
export function renderDecisionSvg(e: Explanation, idPrefix = 'decision', layout: DiagramLayout = 'wide'): string {
  const d = buildDecisionDiagram(e);
  const tall = layout === 'tall';
  const W = tall ? 400 : 900;
  const callerAcct = d.callerIsService ? 'AWS service' : d.callerAccount ? `account ${d.callerAccount}` : 'account unknown';
  const resourceAcct = d.resourceAccount ? `account ${d.resourceAccount}` : 'account unknown';

  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const title = d.callerIsService
    ? `How ${d.action} by the AWS service ${d.callerLabel} was decided at the resource's ${resourceAcct}`
    : d.sameAccount
    ? `How ${d.action} was decided within ${callerAcct}`
    : `How ${d.action} was decided across the caller's ${callerAcct} and the resource's ${resourceAcct}`;
  const desc = [
    `Caller side (${d.callerLabel}, ${callerAcct}): ${d.callerRows.map(describeRow).join('; ')}.`,
    d.networkRow ? `On the way: ${describeRow(d.networkRow)}.` : '',
    `Resource side (${d.resourceLabel}, ${resourceAcct}): ${d.resourceRows.map(describeRow).join('; ')}.`,
  ].filter(Boolean).join(' ');
  const caption = d.callerIsService
    ? `${d.action} is made by an AWS service (${d.callerLabel}): the resource's policy must allow that service`
    : d.sameAccount
    ? `${d.action} within one account: caller and resource policies are evaluated together`
    : d.crossAccount
      ? `${d.action} across accounts: the caller's side and the resource's side must both allow`
      : `${d.action}: the resource's account is not known; if it is another account, both sides must allow`;
  const captionLines = wrapWords(caption, tall ? 58 : 120, tall ? 3 : 1);

  const boxHeight = (n: number): number => HEAD_H + n * (ROW_H + ROW_GAP) + 8;
  const top = 14 + captionLines.length * 17;
  const extra = d.sameAccount ? 22 : 0;
  const y0 = top + extra;
  let caller: Box;
  let resource: Box;
  let arrow: { x1: number; y1: number; x2: number; y2: number };
  let net: Box;
  if (tall) {
    const gapV = d.networkRow ? 80 : 44;
    caller = { x: 10, y: y0, w: W - 20, h: boxHeight(d.callerRows.length) };
    resource = { x: 10, y: y0 + caller.h + gapV, w: W - 20, h: boxHeight(d.resourceRows.length) };
    arrow = { x1: 48, y1: caller.y + caller.h + 4, x2: 48, y2: resource.y - 4 };
    net = { x: 80, y: caller.y + caller.h + 12, w: W - 102, h: gapV - 24 };
  } else {
    const boxW = 385;
    const gap = W - 2 * boxW - 20;
    const h = boxHeight(Math.max(d.callerRows.length, d.resourceRows.length));
    caller = { x: 10, y: y0, w: boxW, h };
    resource = { x: 10 + boxW + gap, y: y0, w: boxW, h };
    arrow = { x1: caller.x + boxW + 4, y1: y0 + 40, x2: resource.x - 4, y2: y0 + 40 };
    net = { x: caller.x + boxW + 6, y: y0 + 56, w: gap - 12, h: 58 };
  }
  const H = Math.max(caller.y + caller.h, resource.y + resource.h) + (d.sameAccount ? 16 : 10);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="decision decision-${layout}" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${titleId} ${descId}" data-same-account="${d.sameAccount}">`);
  out.push(`<title id="${titleId}">${esc(title)}</title>`);
  out.push(`<desc id="${descId}">${esc(desc)}</desc>`);
  out.push(`<defs><marker id="${idPrefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#424a53"/></marker></defs>`);
  captionLines.forEach((line, i) => {
    out.push(text(W / 2, 20 + i * 17, line, 'font-size="13" fill="#424a53" text-anchor="middle"'));
  });

  if (d.sameAccount) {
    out.push(`<rect x="6" y="${top - 4}" width="${W - 12}" height="${H - top - 2}" rx="12" fill="#f6f8fa" stroke="#57606a" stroke-width="1.5"/>`);
    out.push(text(W / 2, top + 18, `One ${callerAcct}`, 'font-size="14" font-weight="700" fill="#1f2328" text-anchor="middle"'));
  }
  const sides: Array<{ box: Box; heading: string; acct: string; who: string; rows: DiagramRow[] }> = [
    { box: caller, heading: 'Caller', acct: callerAcct, who: d.callerLabel, rows: d.callerRows },
    { box: resource, heading: 'Resource', acct: resourceAcct, who: d.resourceLabel, rows: d.resourceRows },
  ];
  for (const s of sides) {
    const b = s.box;
    if (!d.sameAccount) out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="12" fill="#f6f8fa" stroke="#57606a" stroke-width="1.5"/>`);
    const heading = d.sameAccount ? `${s.heading} side` : `${s.heading} · ${s.acct}`;
    out.push(text(b.x + 14, b.y + 26, heading, 'font-size="15" font-weight="700" fill="#1f2328"'));
    out.push(`<text x="${b.x + 14}" y="${b.y + 48}" font-family="${MONO}" font-size="11.5" fill="#424a53">${esc(clip(s.who, Math.floor((b.w - 28) / 7)))}</text>`);
    s.rows.forEach((row, i) => {
      out.push(drawRow(row, b.x + 12, b.y + HEAD_H - 14 + i * (ROW_H + ROW_GAP), b.w - 24));
    });
  }
  // The request travels from the caller to the resource.
  out.push(`<line x1="${arrow.x1}" y1="${arrow.y1}" x2="${arrow.x2}" y2="${arrow.y2}" stroke="#424a53" stroke-width="2" marker-end="url(#${idPrefix}-arrow)"/>`);
  if (d.networkRow) {
    const look = LOOKS[d.networkRow.verdict];
    const verdict = `${look.icon} ${look.word}`;
    out.push(`<g class="dg-row dg-${d.networkRow.verdict}" data-kind="vpc-endpoint" data-verdict="${d.networkRow.verdict}">`);
    out.push(`<rect x="${net.x}" y="${net.y}" width="${net.w}" height="${net.h}" rx="8" fill="${look.fill}" stroke="${look.stroke}" stroke-width="1.5"/>`);
    if (tall) {
      out.push(text(net.x + 12, net.y + net.h / 2 + 4, 'VPC endpoint policy', 'font-size="12.5" font-weight="600" fill="#1f2328"'));
      out.push(text(net.x + net.w - 12, net.y + net.h / 2 + 4, verdict, `font-size="12.5" font-weight="600" fill="${look.ink}" text-anchor="end"`));
    } else {
      out.push(text(net.x + net.w / 2, net.y + 20, 'VPC endpoint', 'font-size="11.5" font-weight="600" fill="#1f2328" text-anchor="middle"'));
      out.push(text(net.x + net.w / 2, net.y + 40, verdict, `font-size="11.5" font-weight="600" fill="${look.ink}" text-anchor="middle"`));
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}
