/**
 * The check both sets of documented refusal wordings run (docs-wordings.test.ts, docs-wordings-2.test.ts): each
 * wording, inside the tool output that prints it, must be recognized with its fields as expected (a field may list
 * the answers it accepts), and the documented first cause must be among the first live causes.
 */
import { expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

/** One value, or the values accepted. */
export type Want<T> = T | T[];

export interface DocCase {
  id: string;
  envelope: string;
  /** Where AWS documents the wording, and what it says the wording means. */
  doc: string;
  message: string;
  expect: {
    errorCode: Want<string | null>; action: Want<string | null>; caller: Want<string | null>;
    callerType: Want<string | null>; target: Want<string | null>; deny: [string, string | null, string | null];
  };
  /** The documented first cause (one of its ids in the first `inTop` live causes); null when the catalog has none. */
  cause: { inTop: number; id: string } | { inTop: number; ids: string[] } | null;
}

const oneOf = <T>(w: Want<T>): T[] => (Array.isArray(w) ? w : [w]);

/** One test per case. */
export function checkDocCases(cases: readonly DocCase[]): void {
  for (const c of cases) {
    it(`${c.id} (${c.envelope}): ${c.doc}`, () => {
      const e = explain({ message: c.message });
      const p = e.parsed;
      expect(p.recognized).toBe(true);
      const got = {
        errorCode: p.errorCode, action: p.action, caller: p.caller?.arn ?? null, callerType: p.caller?.type ?? null,
        target: p.target?.arn ?? null,
      };
      for (const k of Object.keys(got) as (keyof typeof got)[]) expect(oneOf(c.expect[k]), k).toContain(got[k]);
      expect([p.deny.kind, p.deny.policyType, p.deny.policyArn]).toEqual(c.expect.deny);
      if (c.cause) {
        const ids = 'ids' in c.cause ? c.cause.ids : [c.cause.id];
        const live = e.causes.filter((x) => x.status !== 'ruled-out').map((x) => x.id);
        expect(live.slice(0, c.cause.inTop).some((id) => ids.includes(id)), `first: ${live.slice(0, 3).join(', ')}`).toBe(true);
      }
    });
  }
}
