// TEMPORARY: replaced by the policy engine (issue 3).
import type { Evaluation, EvaluationRequest, ParsedError, Policy, PolicyInput, RequestFacts, ContextValue, SimulateInput, SimulateResult } from '../types.js';
export function readPolicy(input: PolicyInput, _index = 0): Policy {
  return { name: input.name ?? null, kind: input.kind ?? 'identity', kindInferred: !input.kind, valid: false, issues: [], version: null, statements: [], document: input.document, level: input.level ?? null };
}
export function evaluatePolicies(_request: EvaluationRequest, policies: Policy[]): Evaluation {
  return { decision: 'unknown', decidedBy: null, policies: policies.map((p, i) => ({ policy: i, name: p.name, kind: p.kind, verdict: 'unknown', statements: [], decidingConditions: [] })), missingContext: [], crossAccount: null, trail: [] };
}
export function requestFromParsed(_parsed: ParsedError, _facts: RequestFacts, _context: Record<string, ContextValue>): EvaluationRequest | null {
  return null;
}
export function simulate(input: SimulateInput): SimulateResult {
  return { decision: 'implicit-deny', policies: input.policies.map((p) => ({ name: p.name ?? null, kind: p.kind ?? 'identity', kindInferred: !p.kind, valid: false, issues: [], verdict: 'unknown', statements: [] })), missingContext: [] };
}
