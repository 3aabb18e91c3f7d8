/**
 * Scores a folder of labeled scenarios through explain() with the rules of shared/tools/score.mjs:
 * expect.top first among the causes that are not ruled out; every expect.ruledOut id ruled out (or
 * unlikely and below rank 3); expect.notAbove ids no higher than their rank. Used by the held-out
 * rounds, whose aggregate bars are what the build reaches (a case may slip to the top 3).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, getCause } from '../../src/core/index.js';
import type { ExplainInput, RankedCause } from '../../src/core/types.js';

interface Scenario {
  id: string;
  input: ExplainInput;
  expect: { top: string[]; ruledOut?: string[]; notAbove?: Record<string, number> };
}

export function rankOf(causes: RankedCause[], accepted: string[]): number {
  const ids = causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);
  const i = ids.findIndex((id) => accepted.includes(id));
  return i < 0 ? Infinity : i + 1;
}

/** score.mjs: ruled out, absent, or unlikely at rank 4 or lower. */
export function keptOut(causes: RankedCause[], id: string): boolean {
  const i = causes.findIndex((c) => c.id === id);
  const c = causes[i];
  return !c || c.status === 'ruled-out' || (c.status === 'unlikely' && i >= 3);
}

export interface HeldOutRound {
  name: string;
  /** Folder under test/fixtures. */
  folder: string;
  minCount: number;
  top1Bar: number;
  top3Bar: number;
  ruledOutBar: number;
  /** Scenario ids measured outside the top 3: asserted as misses (so a fix shows up), not as top-3 cases. */
  knownMisses?: string[];
}

export function describeHeldOut(round: HeldOutRound): void {
  const dir = join(import.meta.dirname, '../fixtures', round.folder);
  const scenarios: Scenario[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario);

  const results = scenarios.map((sc) => {
    const causes = explain(sc.input).causes;
    return {
      sc,
      rank: rankOf(causes, sc.expect.top),
      top: causes.slice(0, 3).map((c) => `${c.id}(${c.status})`),
      ruledOutMisses: (sc.expect.ruledOut ?? []).filter((id) => !keptOut(causes, id)),
      notAboveMisses: Object.entries(sc.expect.notAbove ?? {}).filter(([id, min]) => rankOf(causes, [id]) < min).map(([id]) => id),
    };
  });

  describe(round.name, () => {
    it('has the scenarios', () => expect(scenarios.length).toBeGreaterThanOrEqual(round.minCount));

    it(`puts the labeled cause first for at least ${round.top1Bar * 100}% and in the top 3 for at least ${round.top3Bar * 100}%`, () => {
      const top1 = results.filter((r) => r.rank === 1).length;
      const top3 = results.filter((r) => r.rank <= 3).length;
      const lines = results.map((r) => `${r.rank === 1 ? 'ok ' : r.rank <= 3 ? 'top3' : 'MISS'} ${r.sc.id}: want ${r.sc.expect.top.join('|')} got ${r.top.join(', ')}`);
      console.log(`${round.name}: top-1 ${top1}/${results.length}, top-3 ${top3}/${results.length}\n${lines.join('\n')}`);
      const misses = lines.filter((l) => !l.startsWith('ok ')).join('\n');
      expect(top1 / results.length, misses).toBeGreaterThanOrEqual(round.top1Bar);
      expect(top3 / results.length, misses).toBeGreaterThanOrEqual(round.top3Bar);
    });

    it(`keeps at least ${round.ruledOutBar * 100}% of the ruled-out expectations`, () => {
      const n = results.reduce((s, r) => s + (r.sc.expect.ruledOut?.length ?? 0), 0);
      const missed = results.flatMap((r) => r.ruledOutMisses.map((id) => `${r.sc.id}: ${id}`));
      console.log(`${round.name}: ruled-out kept ${n - missed.length}/${n}`);
      expect((n - missed.length) / n, missed.join('\n')).toBeGreaterThanOrEqual(round.ruledOutBar);
    });

    it('keeps every notAbove order', () => {
      expect(results.flatMap((r) => r.notAboveMisses.map((id) => `${r.sc.id}: ${id}`))).toEqual([]);
    });

    const misses = new Set(round.knownMisses ?? []);
    it.each(results.filter((r) => !misses.has(r.sc.id)).map((r) => [r.sc.id, r] as const))('%s: the labeled cause in the top 3', (_id, r) => {
      expect(r.rank, `want ${r.sc.expect.top.join('|')}, got ${r.top.join(', ')}`).toBeLessThanOrEqual(3);
    });

    if (misses.size) {
      it.each(results.filter((r) => misses.has(r.sc.id)).map((r) => [r.sc.id, r] as const))('%s: a known miss (labeled cause not in the top 3)', (_id, r) => {
        expect(r.rank, `now ranks ${r.rank}: move it out of knownMisses and raise the bars`).toBeGreaterThan(3);
      });
    }
  });
}

export interface LabeledRound {
  name: string;
  /** Files under test/fixtures/extra: the messages, and their labels ({ id, causes, also? }). */
  errorsFile: string;
  causesFile: string;
  minLabels: number;
  top1Bar: number;
  top3Bar: number;
  /** Every message has a label line (possibly empty). */
  everyMessageListed?: boolean;
  /** Every message comes from its own source thread. */
  distinctSources?: boolean;
  /** What every message's `source` looks like; with it, no message text may appear twice (one page often quotes several). */
  sourcePattern?: RegExp;
}

/**
 * Real messages with the cause their thread states, scored from the message alone with score.mjs's rule (rank
 * among the causes not ruled out); the bars are what the build reaches. Shared by the real-causes round tests.
 */
export function describeLabeledRound(round: LabeledRound): void {
  const dir = join(import.meta.dirname, '../fixtures/extra');
  const readJsonl = <T>(f: string): T[] => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
  const errors = new Map(readJsonl<{ id: string; text: string; source?: string }>(round.errorsFile).map((e) => [e.id, e]));
  const all = readJsonl<{ id: string; causes?: string[]; also?: string[] }>(round.causesFile);
  const labels = all.filter((l) => (l.causes?.length ?? 0) > 0) as Array<{ id: string; causes: string[]; also?: string[] }>;
  const results = labels.map((l) => {
    const causes = explain({ message: errors.get(l.id)?.text ?? '' }).causes;
    return { label: l, rank: rankOf(causes, l.causes), top: causes.slice(0, 3).map((c) => c.id) };
  });

  describe(round.name, () => {
    it(`has at least ${round.minLabels} labels, each with its text and catalog ids only`, () => {
      expect(labels.length).toBeGreaterThanOrEqual(round.minLabels);
      if (round.everyMessageListed) expect(all.length).toBe(errors.size);
      if (round.distinctSources) expect(new Set([...errors.values()].map((e) => e.source)).size).toBe(errors.size);
      if (round.sourcePattern) {
        for (const e of errors.values()) expect(e.source, e.id).toMatch(round.sourcePattern);
        expect(new Set([...errors.values()].map((e) => e.text)).size).toBe(errors.size);
      }
      for (const l of all) {
        expect(errors.has(l.id), l.id).toBe(true);
        for (const id of [...(l.causes ?? []), ...(l.also ?? [])]) expect(getCause(id), `${l.id}: ${id}`).toBeDefined();
      }
    });

    it(`puts a labeled cause in the top 3 for ${round.top3Bar * 100}% and first for at least ${round.top1Bar * 100}%`, () => {
      const top1 = results.filter((r) => r.rank === 1).length;
      const top3 = results.filter((r) => r.rank <= 3).length;
      const lines = results.filter((r) => r.rank !== 1).map((r) => `${r.rank <= 3 ? 'top3' : 'MISS'} ${r.label.id}: want ${r.label.causes.join('|')} got ${r.top.join(', ')}`);
      console.log(`${round.name}: top-1 ${top1}/${results.length}, top-3 ${top3}/${results.length}\n${lines.join('\n')}`);
      expect(top3 / results.length, lines.join('\n')).toBeGreaterThanOrEqual(round.top3Bar);
      expect(top1 / results.length, lines.join('\n')).toBeGreaterThanOrEqual(round.top1Bar);
    });
  });
}
