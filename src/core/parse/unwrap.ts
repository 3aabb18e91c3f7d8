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

export function unwrap(raw: string): Unwrapped {
  const wrappers: string[] = [];
  let text = raw;

  if (/\bb['"][\\<]/.test(text) || /\bb'\S/.test(text) && text.includes('\\n')) wrappers.push('python-bytes');
  if (looksEscaped(text)) {
    let passes = 0;
    while (passes < 3 && looksEscaped(text)) {
      text = unescapeOnce(text);
      passes++;
    }
    wrappers.push(passes > 1 ? 'json-double-escaped' : 'json-escaped');
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

  // line prefixes
  const lines = text.split(/\r?\n/);
  let box = false;
  let pipe = false;
  let gha = false;
  let quote = false;
  let pipeLines = 0;
  for (const l of lines) if (/^\s{0,40}(?:- )?\| /.test(l)) pipeLines++;
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i] as string;
    if (/^\s{0,40}[╷╵]\s*$/.test(l)) {
      lines[i] = '';
      box = true;
      continue;
    }
    const b = /^\s{0,40}[│┃║]\s?/.exec(l);
    if (b) {
      l = l.slice(b[0].length);
      box = true;
    }
    if (pipeLines >= 2) {
      const p = /^\s{0,40}(?:- )?\| ?/.exec(l);
      if (p) {
        l = l.slice(p[0].length);
        pipe = true;
      }
    }
    const g = /^\s{0,40}(?:\d{4}-\d\d-\d\dT[\d:.]{1,20}Z )?##\[(?:error|warning|debug|notice)\]/.exec(l);
    if (g) {
      l = l.slice(g[0].length);
      gha = true;
    }
    const q = /^\s{0,10}>\s/.exec(l);
    if (q && !l.includes('<')) {
      l = l.slice(q[0].length);
      quote = true;
    }
    lines[i] = l;
  }
  text = lines.join('\n');
  if (box) wrappers.unshift('terraform-box');
  if (pipe) wrappers.push('pipe-prefix');
  if (gha) wrappers.unshift('github-actions-annotation');
  if (quote) wrappers.push('markdown-quote');
  return { text, wrappers };
}
