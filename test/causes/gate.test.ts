/**
 * Cause gates (CauseDefinition.gate, src/core/causes/gate.ts) are necessary conditions of
 * appliesTo: whenever a cause's gate is closed, its appliesTo must be false, or the ranker would
 * silently drop a cause that applies. Checked on every fixture input (real messages of every round,
 * every scenario) and on fast-check mutations of them that splice in the string literals the
 * causes' own code looks for, and request facts the gates read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { definitions } from '../../src/core/causes/catalog.js';
import { gateOpen } from '../../src/core/causes/gate.js';
import type { CauseContext, CauseGate } from '../../src/core/causes/types.js';
import { explain } from '../../src/core/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const CAUSES = join(import.meta.dirname, '../../src/core/causes');

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const inputs: Array<{ name: string; input: ExplainInput }> = [];
for (const p of walk(FIXTURES)) {
  if (/real-errors[^/]*\.jsonl$/.test(p)) {
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (line.trim()) { const row = JSON.parse(line); inputs.push({ name: `${p}#${row.id}`, input: { message: row.text } }); }
    }
  } else if (p.endsWith('.json')) {
    const d = JSON.parse(readFileSync(p, 'utf8'));
    if (d && typeof d === 'object' && d.input) inputs.push({ name: p, input: d.input as ExplainInput });
  }
}
inputs.push({ name: 'assumerole-article.txt', input: { message: readFileSync(join(FIXTURES, 'assumerole-article.txt'), 'utf8') } });

// Every gate is taken off the definitions before any answer is built (the ranker's guarded copies
// are made on first use), and each appliesTo records whether its gate would have been open.
type Seen = { id: string; name: string };
const violations: Seen[] = [];
const closedCount = new Map<string, number>();
const appliedCount = new Map<string, number>();
let current = '';
const gated: Array<{ id: string; gate: CauseGate }> = [];
for (const def of definitions) {
  const gate = def.gate;
  if (!gate) continue;
  gated.push({ id: def.id, gate });
  const d = def as { gate?: CauseGate; appliesTo: (ctx: CauseContext) => boolean };
  delete d.gate;
  const applies = d.appliesTo;
  d.appliesTo = (ctx) => {
    const open = gateOpen(gate, ctx);
    const r = applies(ctx);
    if (!open) closedCount.set(def.id, (closedCount.get(def.id) ?? 0) + 1);
    if (r) appliedCount.set(def.id, (appliedCount.get(def.id) ?? 0) + 1);
    if (r && !open) violations.push({ id: def.id, name: current });
    return r;
  };
}

function run(name: string, input: ExplainInput): void {
  current = name;
  explain(structuredClone(input));
}

/** Every string literal of the causes' code (phrases, codes, actions they look for), and the gates' own. */
const literals = [...new Set([
  ...readdirSync(CAUSES).filter((f) => f.endsWith('.ts')).flatMap((f) =>
    [...readFileSync(join(CAUSES, f), 'utf8').matchAll(/'((?:[^'\\\n]|\\.){2,80})'/g)].map((m) => m[1]!.replace(/\\'/g, "'"))),
  ...gated.flatMap((g) => [...(g.gate.phrases ?? []), ...(g.gate.codes ?? []), ...(g.gate.actions ?? [])]),
])];

describe('cause gates', () => {
  it('are declared on some causes, and the fixtures exist', () => {
    expect(gated.length).toBeGreaterThan(20);
    expect(inputs.length).toBeGreaterThan(600);
    expect(literals.length).toBeGreaterThan(500);
  });

  it('never close on a fixture input whose cause applies', () => {
    for (const { name, input } of inputs) run(name, input);
    expect(violations).toEqual([]);
    // the check has teeth: gates do close, and gated causes do apply, on the fixtures
    expect([...closedCount.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(inputs.length * 10);
    expect(appliedCount.size).toBeGreaterThan(gated.length / 2);
  });

  it('never close on mutated fixture inputs whose cause applies', () => {
    type Edit = { at: number; del: number; text: string; upper: boolean };
    const edit: fc.Arbitrary<Edit> = fc.record({
      at: fc.nat(), del: fc.integer({ min: 0, max: 60 }), upper: fc.boolean(),
      text: fc.oneof(fc.constantFrom(...literals), fc.constantFrom(...literals).map((l) => ` ${l} `), fc.string({ maxLength: 12 })),
    });
    const facts = fc.record({
      sessionTags: fc.option(fc.constantFrom({ team: 'a' }, {}), { nil: undefined }),
      sourceIdentity: fc.option(fc.constantFrom('alice', ''), { nil: undefined }),
      roleSessionName: fc.option(fc.constantFrom('ok-name', 'bad/name', 'x'), { nil: undefined }),
      mfa: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(fc.property(fc.nat(inputs.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), facts, (i, edits, f) => {
      const base = inputs[i]!;
      let text = base.input.message;
      for (const e of edits) {
        const at = text.length ? e.at % (text.length + 1) : 0;
        text = text.slice(0, at) + (e.upper ? e.text.toUpperCase() : e.text) + text.slice(at + e.del);
      }
      const request = { ...(base.input.request ?? {}) } as Record<string, unknown>;
      for (const [k, v] of Object.entries(f)) if (v !== undefined) request[k] = v;
      const before = violations.length;
      run(`${base.name} mutated`, { ...base.input, message: text, request: request as ExplainInput['request'] });
      return violations.length === before;
    }), { seed: Number(process.env.FC_SEED ?? 20_261_130), numRuns: Number(process.env.FC_RUNS ?? 1500) });
    expect(violations).toEqual([]);
  });
});
