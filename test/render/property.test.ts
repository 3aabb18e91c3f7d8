import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
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
