/**
 * Every labeled scenario through explain(): its expect.top first among the causes that are not
 * ruled out, every expect.ruledOut id ruled out (status ruled-out, or unlikely below rank 3),
 * every expect.notAbove id at or below its rank — the rules of shared/tools/score.mjs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput, RankedCause } from '../../src/core/types.js';

interface Scenario {
  id: string;
  title: string;
  input: ExplainInput;
  expect: { top: string[]; ruledOut?: string[]; notAbove?: Record<string, number> };
}

const dir = join(import.meta.dirname, '../fixtures/corpus/scenarios');
const scenarios: Scenario[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario);

export function rankOf(causes: RankedCause[], accepted: string[]): number {
  const ids = causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);
  const i = ids.findIndex((id) => accepted.includes(id));
  return i < 0 ? Infinity : i + 1;
}

const show = (causes: RankedCause[]) => causes.slice(0, 4).map((c) => `${c.id}(${c.status} ${c.score})`).join(', ');

describe('scenarios', () => {
  it('has the corpus', () => expect(scenarios.length).toBeGreaterThanOrEqual(40));

  describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, sc) => {
    const answer = explain(sc.input);

    it(`ranks ${sc.expect.top.join(' | ')} first`, () => {
      expect(rankOf(answer.causes, sc.expect.top), show(answer.causes)).toBe(1);
    });

    it.each((sc.expect.ruledOut ?? []).map((id) => [id]))('rules out %s', (id) => {
      const i = answer.causes.findIndex((c) => c.id === id);
      const c = answer.causes[i];
      const ok = !c || c.status === 'ruled-out' || (c.status === 'unlikely' && i >= 3);
      expect(ok, c ? `${id}: ${c.status} at rank ${i + 1}` : '').toBe(true);
    });

    it.each(Object.entries(sc.expect.notAbove ?? {}))('keeps %s at rank %i or lower', (id, min) => {
      expect(rankOf(answer.causes, [id])).toBeGreaterThanOrEqual(min);
    });

    it('fills every command: no {name} left', () => {
      for (const c of answer.causes) {
        for (const cmd of [...c.confirm.map((x) => x.command), ...c.fix.commands]) expect(cmd).not.toMatch(/\{[A-Za-z][A-Za-z0-9]*\}/);
      }
    });
  });
});
