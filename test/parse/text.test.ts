// flatten (src/core/parse/text.ts): whitespace runs collapsed, line breaks remembered, and the
// line-break map reused between parses without carrying anything from one text to the next.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatten, releaseFlat, type Flat } from '../../src/core/parse/text.js';

/** The flattened text and its line-break positions, as plain values. */
const view = (f: Flat) => ({ s: f.s, breaks: [...f.nl].flatMap((v, i) => (v === 1 ? [i] : [])), zerosPast: f.nl.subarray(f.s.length).every((v) => v === 0) });

describe('flatten', () => {
  it('collapses whitespace runs and marks the ones that held a line break', () => {
    const f = flatten('a  b\n\t c\u200bd `e`');
    expect(view(f)).toEqual({ s: 'a b cd e', breaks: [3], zerosPast: true });
    releaseFlat(f);
  });
  it('a text flattened after another one is released reads the same as on its own', () => {
    const piece = fc.constantFrom('x', 'arn:aws:iam::1:role/r', ' ', '  ', '\n', '\r\n', '\t', '\u200b', '`', 'é');
    const text = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(text, text, (a, b) => {
      const alone = view(flatten(b)); // not released: the next flatten gets a fresh map
      const first = flatten(a);
      releaseFlat(first);
      const after = flatten(b);
      expect(view(after)).toEqual(alone);
      releaseFlat(after);
    }), { numRuns: 300 });
  });
  it('a released map holds nothing of its text', () => {
    const f = flatten('one\ntwo\nthree\nfour');
    const nl = f.nl;
    releaseFlat(f);
    expect(nl.every((v) => v === 0)).toBe(true);
  });
});
