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

export function unwrap(raw: string): Unwrapped {
  const wrappers: string[] = [];
  let text = raw;

  if (/\bb['"][\\<]/.test(text) || /\bb'\S/.test(text) && text.includes('\\n')) wrappers.push('python-bytes');
  let passes = 0;
  if (looksEscaped(text)) {
    const u = unescapeAll(text);
    text = u.text;
    passes = u.passes;
  }

  if (/<(?:ErrorResponse|Error|Code|Message)(?: [^<>]{0,300})?>/.test(text)) {
    wrappers.push('xml');
    // pad the known XML element tags with spaces so tokens next to them stay separate
    text = text.replace(XML_TAG_RE, (m) => ` ${m} `);
    text = decodeEntities(text);
  } else if (/&quot;|&amp;|&lt;|&gt;/.test(text)) {
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
  const lines = text.split(/\r?\n/);
  const seen = { box: false, pipe: false, gha: false, quote: false, stamp: false };
  // pass 1 strips everything but pipes; pipes count only when several lines carry them (SOPS/Flux)
  stripPrefixes(lines, false, seen);
  let pipeLines = 0;
  for (const l of lines) if (/^\s{0,40}(?:- )?\| /.test(l)) pipeLines++;
  if (pipeLines >= 2) stripPrefixes(lines, true, seen);
  text = lines.join('\n');
  if (seen.box) wrappers.unshift('terraform-box');
  if (seen.pipe) wrappers.push('pipe-prefix');
  if (seen.gha) wrappers.unshift('github-actions-annotation');
  if (seen.quote) wrappers.push('markdown-quote');
  if (seen.stamp) wrappers.push('log-timestamps');
  return { text, wrappers };
}

interface Seen { box: boolean; pipe: boolean; gha: boolean; quote: boolean; stamp: boolean }

function stripPrefixes(lines: string[], pipes: boolean, seen: Seen): void {
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i] as string;
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
