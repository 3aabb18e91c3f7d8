/**
 * whydenied's core: one pure pipeline, no I/O. Shells (http, cli, mcp) call `explain`.
 *   text ──parse──▶ ParsedError ─┐
 *   policies ──read──▶ Policy[] ─┼─evaluate──▶ Evaluation ──rank──▶ Explanation
 *   request / context facts ─────┘
 */
import { parseError } from './parse/index.js';
import { evaluatePolicies, readPolicy, requestFromParsed } from './policy/index.js';
import { firstSteps, rankCausesChecked } from './causes/index.js';
import { withS3Operation, withS3Target } from './causes/s3-target.js';
import { withCallerShown, withCallerStated } from './causes/shown-caller.js';
import { withoutKmsServiceAction } from './causes/kms-use.js';
import { serviceUse, withServiceUse, type ServiceUse } from './causes/service-use.js';
import { evaluatedCall } from './causes/evaluated.js';
import { mergeRequest, requestFromCommand, type CommandRequest } from './policy/command-request.js';
import { decodedContext } from './parse/decoded.js';
import { redactSecrets } from './secrets.js';
import { forgetMemos } from './policy/cache.js';
import { policiesInMessage } from './policy/embedded.js';
import type {
  ContextValue, EvaluationRequest, Explanation, ExplainInput, ParsedError, Policy, PolicyInput, PolicyReport, RequestFacts, Warning,
} from './types.js';

export type * from './types.js';
export { parseError } from './parse/index.js';
export { readPolicy, evaluatePolicies, simulate } from './policy/index.js';
export { catalog, getCause } from './causes/index.js';
export { redactSecrets } from './secrets.js';

/**
 * A pasted policy given as text may carry more than the policy (a whole terminal session with
 * credentials in it): credentials go before anything reads it, with a warning like the message's.
 */
function withoutSecrets(input: PolicyInput, warnings: Warning[]): PolicyInput {
  if (typeof input.document !== 'string') return input;
  const scrubbed = redactSecrets(input.document);
  for (const w of scrubbed.warnings) if (!warnings.some((x) => x.code === w.code && x.message === w.message)) warnings.push(w);
  return scrubbed.text === input.document ? input : { ...input, document: scrubbed.text };
}

/**
 * The failed request for the evaluation: what the message tells, what the pasted command shows it
 * sent (`--external-id abc`, `--sse aws:kms`), and over both what the person stated.
 */
function evaluationRequest(parsed: ParsedError, text: string, request: RequestFacts, context: Record<string, ContextValue>, policies: Policy[], use: ServiceUse | null): EvaluationRequest | null {
  const keys = new Set<string>();
  for (const p of policies) for (const st of p.statements) for (const c of st.conditions) keys.add(c.key);
  const merged = mergeRequest(withDecodedContext(requestFromCommand(text, parsed), parsed), request, context, keys);
  // a service's onward call carries what the service's request carries (Athena's aws:CalledVia), unless stated
  const stated = new Set(Object.keys(merged.context).map((k) => k.toLowerCase()));
  const via = use ? onwardContext(use, merged.context) : {};
  const out = requestFromParsed(parsed, merged.request, { ...via, ...merged.context });
  const absent = [...merged.absent, ...(use?.absent ?? []).filter((k) => !stated.has(k.toLowerCase()))];
  if (out && absent.length) out.knownAbsent = [...(out.knownAbsent ?? []), ...absent];
  return out;
}

/**
 * The condition values a pasted decoded authorization message shows are what AWS evaluated: they join (and replace)
 * what the pasted command shows; the person's stated context still wins over both (docs/decisions/024).
 */
function withDecodedContext(fromText: CommandRequest, parsed: ParsedError): CommandRequest {
  const decoded = decodedContext(parsed);
  const keys = Object.keys(decoded);
  if (!keys.length) return fromText;
  const lower = new Set(keys.map((k) => k.toLowerCase()));
  const context: Record<string, ContextValue> = {};
  for (const [k, v] of Object.entries(fromText.context)) if (!lower.has(k.toLowerCase())) context[k] = v;
  return { ...fromText, context: Object.assign(context, decoded) };
}

/** The keys a service's onward request carries, less those the person stated (stated ones win). */
function onwardContext(use: ServiceUse, stated: Record<string, ContextValue>): Record<string, ContextValue> {
  const keys = new Set(Object.keys(stated).map((k) => k.toLowerCase()));
  return Object.fromEntries(Object.entries(use.context).filter(([k]) => !keys.has(k.toLowerCase())));
}

/** Explains one pasted authorization failure. Never throws on user input. */
export function explain(input: ExplainInput): Explanation {
  try {
    return explainOnce(input);
  } finally {
    forgetMemos(); // the policy engine's memos hold pasted strings: none outlives the answer
  }
}

function explainOnce(input: ExplainInput): Explanation {
  const { text, warnings } = redactSecrets(input.message);
  const { parsed, otherErrors, issues } = parseError(text);
  const request = input.request ?? {};
  const context = input.context ?? {};
  const pasted = (input.policies ?? []).map((p, i) => readPolicy(withoutSecrets(p, warnings), i));
  // a policy pasted inside the message (one box in a chat or a ticket) counts as pasted too
  const inMessage = policiesInMessage(text, pasted);
  const policies = inMessage.policies.length ? [...pasted, ...inMessage.policies] : pasted;
  if (inMessage.warning) warnings.push(inMessage.warning);
  // S3's bare 403 names no resource: the command around it (s3://bucket/key, --bucket/--key) does
  // a service's refused onward call (Lambda's image pull, Athena's S3 read) is what the pasted policies are about
  // a KMS wording under another service's operation: the KMS use is what was refused (kms-use.ts)
  const read = withoutKmsServiceAction(parsed);
  const use = serviceUse(read, text);
  // a caller get-caller-identity showed after the failure, with the failing command's credentials (docs/decisions/023),
  // else the one the paste says the call runs as; a bare S3 refusal's operation from its log line (docs/decisions/026)
  const shown = withCallerShown(withS3Operation(read, text), text);
  const stated = withCallerStated(shown, text);
  const seen = withServiceUse(withS3Target(stated, text), use);
  const evalRequest = policies.length ? evaluationRequest(seen, text, request, context, policies, use) : null;
  const evaluation = evalRequest ? evaluatePolicies(evalRequest, policies) : null;
  const reports: PolicyReport[] = policies.map((p, i) => {
    const ev = evaluation?.policies[i];
    return {
      name: p.name, kind: p.kind, kindInferred: p.kindInferred, valid: p.valid, issues: p.issues,
      verdict: ev?.verdict ?? 'unknown', statements: ev?.statements ?? [], decidingConditions: ev?.decidingConditions ?? [],
    };
  });
  // the causes read what the onward request carries too (Pod Identity's session tags), unless stated otherwise
  const causeContext = use ? { ...onwardContext(use, context), ...context } : context;
  const { causes, warnings: causeWarnings, inferred, kms } = rankCausesChecked({ parsed: seen, policies, evaluation, request, context: causeContext, text });
  const checked = evaluatedCall(read, seen, use, kms, stated.caller !== shown.caller);
  return {
    parsed,
    // what the causes and the evaluation checked, only when it differs from the parsed request
    ...(checked ? { evaluated: checked } : {}),
    causes,
    firstSteps: firstSteps(parsed),
    policies: reports,
    warnings: [...warnings, ...issues.filter((i) => i.severity !== 'info').map((i) => ({ code: i.code, message: i.message })), ...causeWarnings],
    otherErrors,
    inferred,
    evaluation: evaluation
      ? { decision: evaluation.decision, decidedBy: evaluation.decidedBy, missingContext: evaluation.missingContext, trail: evaluation.trail }
      : null,
  };
}
