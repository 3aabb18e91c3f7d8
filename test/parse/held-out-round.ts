/**
 * One held-out round of real messages (test/fixtures/extra/real-errors-roundN.jsonl), every field of every
 * record asserted exactly as score.mjs compares them. Shared by round4/5/6/7.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import { FIELDS, compare, type CorpusRecord } from './golden-score.js';

export function readRound(file: string): CorpusRecord[] {
  const path = join(import.meta.dirname, '../fixtures/extra', file);
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusRecord);
}

/** A GitHub thread (`owner/repo#123`): where rounds 4–6 came from. */
export const GITHUB_THREAD = /^[\w.-]+\/[\w.-]+#\d+$/;

/** Asserts the round's size, its records' shape, and that every record parses to every expected field. */
export function describeRound(title: string, records: CorpusRecord[], atLeast: number, source: RegExp = GITHUB_THREAD): void {
  describe(`${title} real messages (held out), every field`, () => {
    it(`has at least ${atLeast} records, each with a source and all seven expected fields`, () => {
      expect(records.length).toBeGreaterThanOrEqual(atLeast);
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      for (const r of records) {
        expect(Object.keys(r.expected).sort(), r.id).toEqual(Object.keys(FIELDS).sort());
        expect((r as unknown as { source: string }).source, r.id).toMatch(source);
      }
    });

    it.each(records.map((r) => [r.id, r] as const))('%s parses as expected', (_id, rec) => {
      const { parsed } = parseError(rec.text);
      expect(parsed.recognized).toBe(true);
      expect(compare(rec, parsed)).toEqual([]);
    });
  });
}
