/**
 * The causes' phrase index (src/core/causes/text-index.ts): it answers exactly as `String#includes` /
 * `indexOf` on its text, whatever the text and the phrase, and `mayContainUnfolded` never rules out a
 * phrase that occurs in the text before whitespace was folded (hay's use).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextIndex } from '../../src/core/causes/text-index.js';

/** hay's fold: each whitespace run one space, none at either end. */
const fold = (s: string) => s.replace(/[ \t\r\n\u2502]+/g, ' ').replace(/^ /, '').replace(/ $/, '');

// a small alphabet with the folded characters, so phrases often occur and runs often fold
const ALPHABET = ['a', 'b', 'c', 'r', 'o', 'l', 'e', ':', '/', ' ', ' ', '\t', '\n', '\r', '│', 'é'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 400 }).map((cs) => cs.join(''));
const phrase = fc.array(fc.constantFrom(...ALPHABET.filter((c) => c !== '\t' && c !== '\r')), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));

describe('TextIndex', () => {
  it('answers includes and indexOf exactly, short texts and long ones', () => {
    fc.assert(fc.property(text, fc.array(phrase, { minLength: 1, maxLength: 20 }), (s, phrases) => {
      const x = new TextIndex(fold(s));
      const plain = new TextIndex(s);
      for (const p of phrases) {
        // phrases cut from the text itself as well, so the "present" side is asked too
        for (const q of [p, x.text.slice(p.length, p.length * 2 + 3)]) {
          if (!q) continue;
          expect(x.includes(q)).toBe(x.text.includes(q));
          expect(x.indexOf(q)).toBe(x.text.indexOf(q));
          expect(plain.includes(q)).toBe(s.includes(q));
          expect(plain.indexOf(q)).toBe(s.indexOf(q));
        }
      }
    }), { numRuns: 2000 });
  });

  it('mayContainUnfolded is never false for a phrase that occurs in the unfolded text', () => {
    fc.assert(fc.property(text, fc.nat(), fc.integer({ min: 1, max: 12 }), (s, at, len) => {
      const x = new TextIndex(fold(s));
      const start = s.length ? at % s.length : 0;
      const needle = s.slice(start, start + len);
      if (needle) expect(x.mayContainUnfolded(needle)).toBe(true);
    }), { numRuns: 3000 });
  });
});
