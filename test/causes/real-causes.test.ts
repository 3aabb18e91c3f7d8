/**
 * Every labeled real message (real-causes.jsonl, text from real-errors.jsonl): one of its labeled
 * causes in the top 3 of the causes that are not ruled out. Also reports the aggregate, which
 * issue 4 requires to be at least 90%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { RankedCause } from '../../src/core/types.js';

const dir = join(import.meta.dirname, '../fixtures/corpus');
const readJsonl = <T>(f: string): T[] => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const errors = new Map(readJsonl<{ id: string; text: string }>('real-errors.jsonl').map((e) => [e.id, e]));
const labels = readJsonl<{ id: string; causes: string[]; also: string[]; note: string }>('real-causes.jsonl').filter((l) => l.causes.length > 0);

function rankOf(causes: RankedCause[], accepted: string[]): number {
  const ids = causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);
  const i = ids.findIndex((id) => accepted.includes(id));
  return i < 0 ? Infinity : i + 1;
}

/**
 * Known misses: the text holds nothing that points at the labeled cause, so it may rank just
 * below the top 3 (but must stay in the top 5). The aggregate above still counts them as misses.
 */
const ACCEPTED: Record<string, string> = {
  r010: 'a bare cross-account AssumeRole; only the thread says the profile (not the policies) was wrong',
};

const results = labels.map((l) => {
  const text = errors.get(l.id)?.text ?? '';
  const causes = explain({ message: text }).causes;
  return { label: l, rank: rankOf(causes, l.causes), top: causes.slice(0, 3).map((c) => c.id) };
});

describe('real labeled messages', () => {
  it('has the labels and their texts', () => {
    expect(labels.length).toBeGreaterThanOrEqual(60);
    for (const l of labels) expect(errors.has(l.id), l.id).toBe(true);
  });

  it('puts a labeled cause in the top 3 for at least 90% of them', () => {
    const hits = results.filter((r) => r.rank <= 3).length;
    const misses = results.filter((r) => r.rank > 3).map((r) => `${r.label.id} want ${r.label.causes.join('|')} got ${r.top.join(', ')}`);
    const top1 = results.filter((r) => r.rank === 1).length;
    console.log(`real labeled: top-1 ${top1}/${results.length}, top-3 ${hits}/${results.length}`);
    expect(hits / results.length, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it.each(results.map((r) => [r.label.id, r] as const))('%s: a labeled cause in the top 3', (id, r) => {
    const limit = ACCEPTED[id] ? 5 : 3;
    expect(r.rank, `want ${r.label.causes.join('|')}, got ${r.top.join(', ')} (${r.label.note})`).toBeLessThanOrEqual(limit);
  });
});
