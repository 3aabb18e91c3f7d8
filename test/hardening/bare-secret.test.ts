// hasBareSecret (src/core/secrets.ts) decides whether the bare 40-character secret regex runs: it
// must say yes exactly when the regex matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasBareSecret } from '../../src/core/secrets.js';

const BARE = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/;

describe('hasBareSecret answers as the bare-secret regex', () => {
  it('on runs of 39, 40 and 41 key characters, next to every kind of neighbour', () => {
    const key = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEYabcdef';
    for (const len of [0, 1, 39, 40, 41, 80]) {
      for (const before of ['', ' ', '=', 'x', '/', ':', '"']) {
        for (const after of ['', ' ', '=', 'x', '+', ';', '\n']) {
          const run = key.repeat(3).slice(0, len);
          for (const text of [`${before}${run}${after}`, `ab cd ${before}${run}${after} ef`]) {
            expect(hasBareSecret(text), JSON.stringify(text)).toBe(BARE.test(text));
          }
        }
      }
    }
  });
  it('on random texts of key characters and separators', () => {
    const piece = fc.oneof(
      fc.constantFrom('A', 'b', '7', '/', '+', '=', ' ', ':', '\n', '-', 'é'),
      fc.integer({ min: 1, max: 45 }).map((n) => 'Ab3/'.repeat(12).slice(0, n)),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      expect(hasBareSecret(text)).toBe(BARE.test(text));
    }), { numRuns: 2000 });
  });
});
