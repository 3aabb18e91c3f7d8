// TEMPORARY: replaced by the cause catalog (issues 2 and 4).
import type { CommandStep, Evaluation, ParsedError, Policy, RankedCause, RequestFacts, ContextValue } from '../types.js';
export interface CauseInput { parsed: ParsedError; policies: Policy[]; evaluation: Evaluation | null; request: RequestFacts; context: Record<string, ContextValue> }
export function rankCauses(_input: CauseInput): RankedCause[] { return []; }
export function firstSteps(_parsed: ParsedError): CommandStep[] { return [{ description: 'See who is actually calling.', command: 'aws sts get-caller-identity' }]; }
export const catalog: ReadonlyArray<{ id: string; title: string }> = [];
