import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import { FIELDS, compare, readCorpus, readExtra2Corpus, readExtraCorpus, type CorpusRecord } from './golden-score.js';

/**
 * Every record of the real-message corpora, field by field, compared exactly as
 * /work/shared/tools/score.mjs compares them (arrays list every acceptable value).
 * Known misses: none — every field of every record is asserted.
 */
const KNOWN_MISSES: Record<string, string> = {};

const corpora: Array<[string, CorpusRecord[], number]> = [
  ['real-errors.jsonl', readCorpus(), 90],
  ['extra/real-errors-extra.jsonl', readExtraCorpus(), 100],
  ['extra/real-errors-extra2.jsonl', readExtra2Corpus(), 55],
];

for (const [label, records, minimum] of corpora) {
  describe(`golden corpus (${label})`, () => {
    it('has the records it should', () => {
      expect(records.length).toBeGreaterThanOrEqual(minimum);
    });

    it.each(records.map((r) => [r.id, r] as const))('%s parses as expected', (id, rec) => {
      const { parsed } = parseError(rec.text);
      expect(parsed.recognized).toBe(true);
      const misses = compare(rec, parsed).filter(([field]) => KNOWN_MISSES[`${id}.${field}`] === undefined);
      expect(misses).toEqual([]);
    });

    it('mean field accuracy is at least 98%', () => {
      if (records.length === 0) return;
      const hits = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, 0]));
      for (const rec of records) {
        const misses = new Set(compare(rec, parseError(rec.text).parsed).map(([k]) => k));
        for (const k of Object.keys(FIELDS)) if (!misses.has(k)) hits[k] = (hits[k] ?? 0) + 1;
      }
      const perField = Object.values(hits).map((h) => h / records.length);
      const mean = perField.reduce((a, b) => a + b, 0) / perField.length;
      expect(mean).toBeGreaterThanOrEqual(0.98);
      for (const v of perField) expect(v).toBeGreaterThanOrEqual(0.95);
    });
  });
}
