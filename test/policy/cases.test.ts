/** Table-driven evaluation fixtures: test/policy/cases/<concept>/*.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePolicies, readPolicy } from '../../src/core/policy/index.js';
import type { Decision, EvaluationRequest, PolicyInput, PolicyKind, Verdict } from '../../src/core/types.js';

interface Fixture {
  name: string;
  request: Omit<EvaluationRequest, 'missing' | 'context'> & { context?: EvaluationRequest['context']; missing?: 'absent' | 'unknown' };
  policies: PolicyInput[];
  expect: { decision: Decision; verdicts?: Verdict[]; decidedBy?: PolicyKind; missingContext?: string[] };
}

const root = join(import.meta.dirname, 'cases');
const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

it('has fixtures for every concept', () => {
  expect(folders).toEqual(expect.arrayContaining([
    'principals', 'conditions-string', 'conditions-numeric', 'conditions-date', 'conditions-bool',
    'conditions-binary', 'conditions-ip', 'conditions-arn', 'conditions-null', 'set-operators', 'variables',
    'scp-levels', 'cross-account', 'trust-rules', 'boundaries', 'sessions', 'unknown', 'reading',
  ]));
});

for (const folder of folders) {
  const files = readdirSync(join(root, folder)).filter((f) => f.endsWith('.json')).sort();
  describe(folder, () => {
    for (const file of files) {
      const fx = JSON.parse(readFileSync(join(root, folder, file), 'utf8')) as Fixture;
      it(fx.name, () => {
        const policies = fx.policies.map((p, i) => readPolicy(p, i));
        const request: EvaluationRequest = { context: {}, missing: 'absent', ...fx.request };
        const ev = evaluatePolicies(request, policies);
        const detail = `${file}\n${ev.trail.join('\n')}\n${ev.policies.map((p) => `${p.kind}: ${p.verdict}: ${p.statements.map((s) => s.why).join(' | ')}`).join('\n')}`;
        expect(ev.decision, detail).toBe(fx.expect.decision);
        if (fx.expect.verdicts) expect(ev.policies.map((p) => p.verdict), detail).toEqual(fx.expect.verdicts);
        if (fx.expect.decidedBy) expect(ev.decidedBy, detail).toBe(fx.expect.decidedBy);
        if (fx.expect.missingContext) expect([...ev.missingContext].sort(), detail).toEqual([...fx.expect.missingContext].sort());
        for (const p of ev.policies) for (const s of p.statements) expect(s.why.length).toBeGreaterThan(0);
      });
    }
  });
}
