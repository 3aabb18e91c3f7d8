/** POST /v1/simulate: evaluate pasted policies for one request (absent keys are absent by default). */
import type { SimulateInput, SimulateResult } from '../types.js';
import { evaluatePolicies } from './evaluate.js';
import { readPolicy } from './policy.js';
import { forgetMemos } from './cache.js';

export function simulate(input: SimulateInput): SimulateResult {
  try {
    return simulateOnce(input);
  } finally {
    forgetMemos(); // nothing pasted outlives the answer
  }
}

function simulateOnce(input: SimulateInput): SimulateResult {
  const policies = (Array.isArray(input?.policies) ? input.policies : []).map((p, i) => readPolicy(p, i));
  const evaluation = evaluatePolicies(
    {
      principal: typeof input?.principal === 'string' ? input.principal : '',
      action: typeof input?.action === 'string' ? input.action : '',
      resource: typeof input?.resource === 'string' && input.resource !== '' ? input.resource : '*',
      resourceAccount: input.resourceAccount ?? null,
      context: input?.context && typeof input.context === 'object' ? input.context : {},
      missing: input.missing ?? 'absent',
    },
    policies,
  );
  return {
    decision: evaluation.decision,
    policies: policies.map((p, i) => {
      const ev = evaluation.policies[i];
      return {
        name: p.name,
        kind: p.kind,
        kindInferred: p.kindInferred,
        valid: p.valid,
        issues: p.issues,
        verdict: ev?.verdict ?? 'unknown',
        statements: (ev?.statements ?? []).map((s) => ({ index: s.index, sid: s.sid, effect: s.effect, matched: s.matched, why: s.why })),
      };
    }),
    missingContext: evaluation.missingContext,
  };
}
