import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import type { Explanation } from '../../src/core/types.js';
import { GOLDEN_CASES } from './golden-cases.js';

// Reviewed renderings of real answers. The answers themselves (explain() on real messages) are
// frozen next to them, so a change in the parser or ranker does not break the renderer's goldens.
// After a deliberate change: npx tsx test/render/update-golden.ts, then read the diff.
const golden = (file: string): string => readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8');

describe('golden renderings of frozen real answers', () => {
  it.each(GOLDEN_CASES)('$name', ({ name }) => {
    const e = JSON.parse(golden(`${name}.explanation.json`)) as Explanation;
    expect(renderMarkdown(e)).toBe(golden(`${name}.md`));
    expect(renderText(e)).toBe(golden(`${name}.txt`));
  });
});

describe('live answers for the same messages still render soundly', () => {
  const md = new MarkdownIt({ html: true });
  it.each(GOLDEN_CASES)('$name', ({ name, input }) => {
    const frozen = JSON.parse(golden(`${name}.explanation.json`)) as Explanation;
    const e = explain(input);
    expect(e.parsed.recognized).toBe(frozen.parsed.recognized);
    const out = renderMarkdown(e);
    const html = md.render(out);
    expect(html.startsWith(frozen.parsed.recognized ? '<h2>Why ' : '<h2>No AWS authorization failure found</h2>')).toBe(true);
    expect(html).not.toMatch(/<(script|img|iframe|svg|style)[\s>]/i);
    // every fence is closed: an odd count of ``` lines would swallow the rest of the answer
    expect((out.match(/^ {0,3}```/gm) ?? []).length % 2).toBe(0);
    expect(renderText(e).split('\n')[0]).toBe(out.split('\n')[0]!.replace(/^## /, ''));
  });
});
