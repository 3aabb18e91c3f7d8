import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { foldLine, stripControls } from '../../src/core/render/text.js';
import { explanationSample, parsedSample } from './sample.js';

const md = new MarkdownIt({ html: true, linkify: true });
// Tags our Markdown may produce; anything else in the HTML came from the input.
const ALLOWED = new Set(['h2', 'h3', 'h4', 'p', 'strong', 'em', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'ul', 'ol', 'li', 'a']);

// Strings rich in Markdown and HTML syntax.
const hostile = fc.array(
  fc.oneof(
    fc.constantFrom('<', '>', '`', '```', '|', '\n', '\r', '*', '_', '[', ']', '(', ')', '#', '!', '&', '\\', '-', '1.', ' ', '"', '\u001b', '\u202e',
      '<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">', '<!--', 'javascript:', '&lt;', '---', '> '),
    fc.string({ maxLength: 5 }),
  ),
  { maxLength: 25 },
).map((parts) => parts.join(''));

function explanationWith(s: string[]) {
  const [a = '', b = '', c = '', d = '', e2 = '', f = ''] = s;
  const e = explanationSample();
  e.parsed = parsedSample({
    caller: { arn: a, type: 'role', accountId: null, partition: null, name: null, sessionName: null, roleArn: b },
    target: { arn: c, accountId: null, partition: null, service: null, region: null, resourceType: null, name: null },
    requestId: d, region: e2, errorCode: f || null,
  });
  const cause = e.causes[0]!;
  cause.title = b;
  cause.evidence = [{ text: a, source: 'message' }, { text: c, source: 'policy', policy: 0, statement: 0 }];
  cause.confirm = [{ description: d, command: e2 }];
  cause.fix = { description: f, commands: [a], policy: { x: b } };
  cause.docs = [c];
  e.policies[0]!.name = d;
  e.warnings = [{ code: e2, message: f }];
  return e;
}

describe('renderMarkdown on hostile text (property)', () => {
  it('never lets HTML through, never breaks the fields table', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 6, maxLength: 6 }), (s) => {
        const html = md.render(renderMarkdown(explanationWith(s)));
        for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]{0,20})/g)) expect(ALLOWED.has(m[1]!.toLowerCase())).toBe(true);
        expect(html).not.toMatch(/href="\s{0,5}(javascript|data|vbscript):/i);
        const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
        for (const tr of table.split('<tr>').slice(2)) expect(tr.match(/<td>/g)?.length).toBe(2);
      }),
      { numRuns: 300 },
    );
  });

  it('text output never carries terminal control characters', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 6, maxLength: 6 }), (s) => {
        expect(renderText(explanationWith(s))).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 300 },
    );
  });
});

// stripControls and foldLine skip their copy when a value needs no change (a regex test first):
// they must still agree with the plain character-by-character definition on any text.
function stripControlsReference(s: string): string {
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
const controlRich = fc.array(
  fc.oneof(
    fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\r\n', '\u000b', '\u000c', '\u0000', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0',
      '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u3000', '\ufeff', '\ud800', '\udc00', '😀', '…', 'a', 'é'),
    fc.string({ unit: 'binary', maxLength: 4 }),
  ),
  { maxLength: 30 },
).map((parts) => parts.join(''));

describe('stripControls and foldLine (property)', () => {
  it('equal the character-by-character definition', () => {
    fc.assert(fc.property(controlRich, fc.integer({ min: 1, max: 40 }), (s, max) => {
      expect(stripControls(s)).toBe(stripControlsReference(s));
      const folded = stripControlsReference(s).replace(/\s+/g, ' ');
      expect(foldLine(s, max)).toBe(folded.length > max ? folded.slice(0, max - 1) + '…' : folded);
    }), { numRuns: 2000 });
  });
});
