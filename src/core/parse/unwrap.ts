/**
 * Peels the envelopes people paste around an AWS message: JSON/Python escaping, XML error
 * documents, Terraform `│` boxes, SOPS/Flux `| ` prefixes, GitHub Actions `##[error]` annotations,
 * markdown quotes. Returns the cleaned text and the wrappers found (outermost first).
 * Everything is a bounded, linear pass.
 */

export interface Unwrapped {
  text: string;
  wrappers: string[];
}

const ESCAPE_RE = /\\(u[0-9a-fA-F]{4}|["\\/bfnrt'])/g;

function unescapeOnce(s: string): string {
  return s.replace(ESCAPE_RE, (_m, g: string) => {
    switch (g[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '';
      case 'b': return '';
      case 'f': return '';
      case 'u': {
        const code = parseInt(g.slice(1), 16);
        return Number.isFinite(code) ? String.fromCharCode(code) : '';
      }
      default: return g; // " \ / '
    }
  });
}

/** Signs that the text (or a string inside it) is JSON- or repr-escaped. */
function looksEscaped(s: string): boolean {
  return s.includes('\\"') || s.includes('\\n') || s.includes("\\'") || s.includes('\\t');
}

const XML_TAGS = ['ErrorResponse', 'Errors', 'Error', 'Type', 'Code', 'Message', 'RequestId', 'RequestID', 'HostId', 'Resource', 'Response'];
const XML_TAG_RE = new RegExp(`</?(?:${XML_TAGS.join('|')})(?: [^<>]{0,300})?>`, 'g');

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function unescapeAll(text: string): { text: string; passes: number } {
  let passes = 0;
  while (passes < 3 && looksEscaped(text)) {
    text = unescapeOnce(text);
    passes++;
  }
  return { text, passes };
}

const BOX_RE = /^\s{0,40}(?:[│┃║]\s?){1,3}/;
const BOX_EDGE_RE = /^\s{0,40}[╷╵]\s*$/;
const PIPE_RE = /^\s{0,40}(?:- )?\| ?/;
const GHA_RE = /^\s{0,40}##\[(?:error|warning|debug|notice|group|endgroup)\]/;
const QUOTE_RE = /^\s{0,10}> ?/;
const STAMP_RE = /^\s{0,10}\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\]?\s/;

/** The shortest width taken for a fixed-width wrap (narrower runs of equal lines are too often a coincidence). */
const MIN_WRAP_WIDTH = 60;
/**
 * Full-width lines needed before their rest: two lines of one length are common in text wrapped between words
 * (lengths cluster just under the width), three in a row that are also the widest of the paste are not.
 */
const MIN_WRAP_LINES = 3;

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Text that a console, a log viewer or an issue tracker cut into lines of one fixed width, glued back
 * (`… when calling t\nhe ListResourceRecordSets …`, `…:::hostedzone/\nZFZVNFRHXMOIV`): such cuts fall anywhere,
 * inside words and ARNs, and no other rule can tell them from real line breaks. Taken only on strong evidence:
 * at least MIN_WRAP_LINES consecutive lines of exactly the same length, the widest of the paste (≥
 * MIN_WRAP_WIDTH: no line can be longer than the width that cut them), then a shorter non-empty line (the rest);
 * at least half of the cuts between two word characters; and not a layout that gives every line one width or
 * one prefix — all the full lines ending in the same character (table borders, padding) or starting with the
 * same two (timestamps, indentation, `│ ` boxes). The run's lines are joined with nothing between them (a cut
 * removed no character). Text wrapped between words (ragged lines) is left to the rules that rejoin ARNs and
 * words. Linear: a pass to find two equal long lines, then one over the lines.
 */
export function joinFixedWidth(text: string): { text: string; joined: boolean } {
  if (text.length < MIN_WRAP_LINES * MIN_WRAP_WIDTH || !hasEqualLongLines(text)) return { text, joined: false };
  // line k spans [starts[k], ends[k]) without its '\n' (and a '\r' before it)
  const starts: number[] = [];
  const ends: number[] = [];
  for (let a = 0; a <= text.length;) {
    let b = text.indexOf('\n', a);
    if (b < 0) b = text.length;
    starts.push(a);
    ends.push(b > a && text.charCodeAt(b - 1) === 13 ? b - 1 : b);
    a = b + 1;
  }
  const n = starts.length;
  const width = (k: number) => (ends[k] as number) - (starts[k] as number);
  let widest = 0;
  for (let k = 0; k < n; k++) widest = Math.max(widest, width(k));
  if (widest < MIN_WRAP_WIDTH) return { text, joined: false };
  let out = '';
  let copied = 0; // text[0, copied) is in out
  let i = 0;
  while (i < n) {
    const w = width(i);
    let j = i + 1;
    if (w === widest) while (j < n && width(j) === w) j++;
    const tail = j < n ? width(j) : 0;
    if (w === widest && j - i >= MIN_WRAP_LINES && tail > 0 && tail < w && looksCut(text, starts, ends, i, j)) {
      out += text.slice(copied, starts[i]);
      for (let k = i; k <= j; k++) out += text.slice(starts[k], ends[k]);
      copied = ends[j] as number;
      i = j + 1;
      continue;
    }
    i = j;
  }
  if (copied === 0) return { text, joined: false };
  return { text: out + text.slice(copied), joined: true };
}

/** Two consecutive lines of one length ≥ MIN_WRAP_WIDTH somewhere in `t` (a pass that keeps nothing). */
function hasEqualLongLines(t: string): boolean {
  let prev = -1;
  for (let a = 0; a < t.length;) {
    let b = t.indexOf('\n', a);
    if (b < 0) b = t.length;
    const w = b > a && t.charCodeAt(b - 1) === 13 ? b - 1 - a : b - a;
    if (w >= MIN_WRAP_WIDTH && w === prev) return true;
    prev = w;
    a = b + 1;
  }
  return false;
}

/** Lines i..j-1 of one width and the rest line j: cut mid-word mostly, the full lines with no per-line layout. */
function looksCut(t: string, starts: number[], ends: number[], i: number, j: number): boolean {
  let words = 0;
  const cuts = j - i;
  const last = t.charCodeAt((ends[i] as number) - 1);
  const lead = t.slice(starts[i], (starts[i] as number) + 2);
  let sameEnd = true;
  let sameLead = true;
  for (let k = i; k < j; k++) {
    const endChar = t.charCodeAt((ends[k] as number) - 1);
    const next = starts[k + 1] as number;
    if (isWordCode(endChar) && isWordCode(t.charCodeAt(next))) words++;
    if (endChar !== last) sameEnd = false;
    if (k + 1 < j && !t.startsWith(lead, next)) sameLead = false;
  }
  return words * 2 >= cuts && !sameEnd && !sameLead;
}

export function unwrap(raw: string): Unwrapped {
  const wrappers: string[] = [];
  let text = raw;
  const fixed = joinFixedWidth(text);
  if (fixed.joined) {
    text = fixed.text;
    wrappers.push('fixed-width-lines');
  }

  if ((text.includes("b'") || text.includes('b"')) && (/\bb['"][\\<]/.test(text) || /\bb'\S/.test(text) && text.includes('\\n'))) wrappers.push('python-bytes');
  let passes = 0;
  if (looksEscaped(text)) {
    const u = unescapeAll(text);
    text = u.text;
    passes = u.passes;
  }

  // (both regexes need a character most pastes lack: looked for first)
  if (text.includes('<') && /<(?:ErrorResponse|Error|Code|Message)(?: [^<>]{0,300})?>/.test(text)) {
    wrappers.push('xml');
    // pad the known XML element tags with spaces so tokens next to them stay separate
    text = text.replace(XML_TAG_RE, (m) => ` ${m} `);
    text = decodeEntities(text);
  } else if (text.includes('&') && /&quot;|&amp;|&lt;|&gt;/.test(text)) {
    text = decodeEntities(text);
    wrappers.push('html-entities');
  }
  // an escaped string that sat inside the XML / entity-encoded text
  if (looksEscaped(text)) {
    const u = unescapeAll(text);
    text = u.text;
    passes += u.passes;
  }
  if (passes > 0) wrappers.splice(wrappers.includes('python-bytes') ? 1 : 0, 0, passes > 1 ? 'json-double-escaped' : 'json-escaped');

  // line prefixes, in any order and nesting: timestamps, > quotes, │ boxes, | pipes, ##[error]
  const lines = splitLines(text);
  const seen = { box: false, pipe: false, gha: false, quote: false, stamp: false };
  // a two-sided box (kubectl/k9s describe panes) cuts its rows at the right border, inside words: rows put back first
  if ((text.includes('│') || text.includes('┃') || text.includes('║')) && joinBoxRows(lines)) seen.box = true;
  // pass 1 strips everything but pipes; pipes count only when several lines carry them (SOPS/Flux)
  stripPrefixes(lines, false, seen);
  let pipeLines = 0;
  for (const l of lines) if (!startsWithLetter(l) && /^\s{0,40}(?:- )?\| /.test(l)) pipeLines++;
  if (pipeLines >= 2) stripPrefixes(lines, true, seen);
  const columns = joinColumnWraps(lines);
  text = lines.join('\n');
  if (seen.box) wrappers.unshift('terraform-box');
  if (seen.pipe) wrappers.push('pipe-prefix');
  if (seen.gha) wrappers.unshift('github-actions-annotation');
  if (seen.quote) wrappers.push('markdown-quote');
  if (seen.stamp) wrappers.push('log-timestamps');
  if (columns) wrappers.push('table-column');
  return { text, wrappers };
}

const isBoxChar = (c: number) => c === 0x2502 || c === 0x2503 || c === 0x2551;

/**
 * Where a row's right border starts: the index of the pad space before a box character that ends the line (trailing
 * blanks allowed) after text, when no other box character stands between `from` and it; else -1.
 */
function rightBorder(line: string, from: number): number {
  let e = line.length;
  while (e > 0 && (line.charCodeAt(e - 1) === 32 || line.charCodeAt(e - 1) === 9)) e--;
  if (e < 3 || !isBoxChar(line.charCodeAt(e - 1)) || line.charCodeAt(e - 2) !== 32) return -1;
  for (let k = from; k < e - 1; k++) if (isBoxChar(line.charCodeAt(k))) return -1;
  return e - 2 > from ? e - 2 : -1;
}

/** Where a row's text starts after its left border (`│ `), or -1 when the line has no left border or more box characters. */
function leftBorderEnd(line: string): number {
  const m = /^\s{0,40}[│┃║] ?/.exec(line);
  if (!m) return -1;
  return m[0].length;
}

/**
 * A box drawn on both sides (a describe pane: `… AccessDeniedE │` / `│ xception: User: … is not authorized to  │` /
 * `│ perform: …`) cuts its text at a fixed width, inside words as often as not: each row whose line ends in a pad space
 * and a border, followed by a row that starts with a border, is joined to it with nothing between (the cut removed no
 * character; a space the text had before the cut is kept as padding, `to  │` → `to `). Rows holding a box character
 * anywhere else (table columns) are left alone. Linear in the lines.
 */
export function joinBoxRows(lines: string[]): boolean {
  let changed = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as string;
    const left = leftBorderEnd(line);
    const rb = rightBorder(line, left < 0 ? 0 : left);
    if (rb < 0) continue;
    const next = lines[i + 1] as string;
    const nl = leftBorderEnd(next);
    if (nl < 0) continue;
    let ne = next.length;
    while (ne > nl && (next.charCodeAt(ne - 1) === 32 || next.charCodeAt(ne - 1) === 9)) ne--;
    let inner = false;
    for (let k = nl; k < ne - 1; k++) if (isBoxChar(next.charCodeAt(k))) inner = true;
    if (inner) continue;
    lines[i] = line.slice(0, rb) + next.slice(nl);
    lines.splice(i + 1, 1);
    i--;
    changed = true;
  }
  return changed;
}

/** The leftmost column a wrapped last cell may start at (narrower indents are code, tracebacks, YAML). */
const MIN_COLUMN = 30;

/**
 * Where the last cell of a table row starts: after the row's last run of two or more spaces, when at least two such
 * runs separate three cells or more (`CREATE_FAILED   AWS::IAM::Role   HelloWorldFunctionRole   API: iam:CreateRole`);
 * else -1.
 */
function lastCellStart(row: string): number {
  let gaps = 0;
  let last = -1;
  let end = row.length;
  while (end > 0 && row.charCodeAt(end - 1) === 32) end--;
  for (let k = 1; k < end; k++) {
    if (row.charCodeAt(k) !== 32 && row.charCodeAt(k - 1) === 32 && row.charCodeAt(k - 2) === 32 && k >= 2) {
      gaps++;
      last = k;
    }
  }
  return gaps >= 2 ? last : -1;
}

/** A line that only continues the cell at column `c`: spaces up to it, then text. */
function continuesAt(line: string, c: number): boolean {
  if (line.length <= c || line.charCodeAt(c) === 32 || line.charCodeAt(c - 1) !== 32) return false;
  for (let k = 0; k < c; k++) if (line.charCodeAt(k) !== 32) return false;
  return true;
}

/** A line without the `,` a logger printing the lines as one array put before some of them (JavaScript's join). */
function body(line: string): string {
  return line.charCodeAt(0) === 44 ? line.slice(1) : line;
}

/**
 * A table whose last column wrapped its cell onto the lines below, aligned under it (`sam deploy`'s CloudFormation
 * events, `aws cloudformation deploy`): the cell is put back on its row. A tool wraps the cell at a fixed width,
 * after a hyphen or at a space, and breaks a word longer than the width inside it: a piece as long as the longest,
 * or ending in a hyphen, is joined to the next without a space, a shorter one ended at a space. Needs a row of three cells or more whose last
 * starts at column MIN_COLUMN or further, and two continuation lines. Linear in the lines.
 */
export function joinColumnWraps(lines: string[]): boolean {
  let changed = false;
  for (let i = 0; i + 2 < lines.length; i++) {
    const row = body(lines[i] as string);
    if (row.length <= MIN_COLUMN) continue;
    const c = lastCellStart(row);
    if (c < MIN_COLUMN) continue;
    let j = i + 1;
    while (j < lines.length && continuesAt(body(lines[j] as string), c)) j++;
    if (j - i - 1 < 2) continue;
    const pieces: string[] = [];
    for (let k = i; k < j; k++) pieces.push(body(lines[k] as string).slice(c).trimEnd());
    let width = 0;
    for (const p of pieces) width = Math.max(width, p.length);
    let cell = pieces[0] as string;
    for (let k = 1; k < pieces.length; k++) {
      const prev = pieces[k - 1] as string;
      // cut mid-word (a full-width piece) or after a hyphen (wrappers break there and keep it): no space was removed
      cell += (prev.length === width || prev.endsWith('-') ? '' : ' ') + (pieces[k] as string);
    }
    lines[i] = (lines[i] as string).slice(0, (lines[i] as string).length - row.length + c) + cell;
    lines.splice(i + 1, j - i - 1);
    changed = true;
  }
  return changed;
}

/** `text.split(/\r?\n/)`, without the regex: split at `\n`, then a `\r` before each `\n` dropped. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (!text.includes('\r')) return lines;
  for (let i = 0; i < lines.length - 1; i++) {
    const l = lines[i] as string;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}

interface Seen { box: boolean; pipe: boolean; gha: boolean; quote: boolean; stamp: boolean }

/**
 * Every prefix stripPrefixes knows starts with a space, a digit or a mark (`[`, `#`, `│`, `|`, `-`, `>`), never with
 * a letter: a line starting with one (most lines) is left as it is without trying them.
 */
function startsWithLetter(l: string): boolean {
  const c = l.charCodeAt(0) | 0x20;
  return c >= 97 && c <= 122;
}

function stripPrefixes(lines: string[], pipes: boolean, seen: Seen): void {
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i] as string;
    if (l.length === 0 || startsWithLetter(l)) continue;
    for (let round = 0; round < 5; round++) {
      const before = l;
      if (BOX_EDGE_RE.test(l)) { l = ''; seen.box = true; break; }
      let m = STAMP_RE.exec(l);
      if (m) { l = l.slice(m[0].length); seen.stamp = true; }
      m = GHA_RE.exec(l);
      if (m) { l = l.slice(m[0].length); seen.gha = true; }
      m = BOX_RE.exec(l);
      if (m) { l = l.slice(m[0].length); seen.box = true; }
      if (pipes) {
        m = PIPE_RE.exec(l);
        if (m) { l = l.slice(m[0].length); seen.pipe = true; }
      }
      m = QUOTE_RE.exec(l);
      if (m) { l = l.slice(m[0].length); seen.quote = true; }
      if (l === before) break;
    }
    lines[i] = l;
  }
}
