/**
 * General-reasoning cases (fresh inputs, each with the cause that must come first and those that must be or stay
 * ruled out), and the one runner the general-reasoning test files share.
 */
import { expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput, RankedCause } from '../../src/core/types.js';

export interface Case { name: string; input: ExplainInput; first?: string; ruledOut?: string[]; notRuledOut?: string[] }

export const live = (c: RankedCause[]) => c.filter((x) => x.status !== 'ruled-out');
export const statusOf = (c: RankedCause[], id: string) => c.find((x) => x.id === id)?.status ?? 'absent';

/** One test per case: the expected first cause, the ruled-out ones, and the ones that must stay in play. */
export function itReasons(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const causes = explain(c.input).causes;
    const top = live(causes).slice(0, 4).map((x) => `${x.id}(${x.status})`).join(', ');
    if (c.first) expect(live(causes)[0]?.id, top).toBe(c.first);
    for (const id of c.ruledOut ?? []) expect(['ruled-out', 'absent'], `${id}: ${top}`).toContain(statusOf(causes, id));
    for (const id of c.notRuledOut ?? []) expect(statusOf(causes, id), top).not.toBe('ruled-out');
  });
}
