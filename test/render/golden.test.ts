import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { GOLDEN_CASES } from './golden-cases.js';

// Reviewed answers for real messages. After a deliberate change: npx tsx test/render/update-golden.ts, read the diff.
const golden = (file: string): string => readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8');

describe('golden answers', () => {
  it.each(GOLDEN_CASES)('$name', ({ name, input }) => {
    const e = explain(input);
    expect(renderMarkdown(e)).toBe(golden(`${name}.md`));
    expect(renderText(e)).toBe(golden(`${name}.txt`));
  });
});
