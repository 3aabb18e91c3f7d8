/**
 * What a pasted `aws iam simulate-principal-policy` run says: IAM's own evaluation of every policy
 * attached to the caller (and of the SCPs and the permissions boundary over it) for the refused
 * action. People paste it back after running the confirm command whydenied gave them, whole or
 * narrowed with `--query` ({Decision:EvalDecision,Matched:MatchedStatements}, …DecisionDetail).
 *
 * It decides the caller's side only: the simulation leaves out session policies, resource-based
 * policies it was not given, RCPs and VPC endpoint policies, and evaluates conditions with the
 * context it was given (MissingContextValues lists what it lacked; then "allowed" is weaker).
 * A run for another principal, action or resource than the message's says nothing here.
 */
import type { CauseContext, SignalResult } from './types.js';
import { confirm, ev, perAnswer, ruleOut, weigh } from './signals.js';
import { lowerCached, mayMention } from './text-index.js';
import { objectEnd } from '../policy/embedded.js';

type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface Simulation {
  /** Null when a `--query` printed only the decision details. */
  decision: Decision | null;
  action: string;
  resource: string | null;
  /** The matched statements' policies (SourcePolicyId), for an explicit deny the denying one. */
  matched: string[];
  missingContext: string[];
  /** OrganizationsDecisionDetail.AllowedByOrganizations, when printed. */
  organizations: boolean | null;
  /** PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary, when printed. */
  boundary: boolean | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** o[name] under any letter case (a `--query` alias or the API's own name). */
function field(o: Obj, ...names: string[]): unknown {
  for (const n of names) if (o[n] !== undefined) return o[n];
  const lower = names.map((n) => n.toLowerCase());
  for (const k of Object.keys(o)) if (lower.includes(k.toLowerCase())) return o[k];
  return undefined;
}

const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : null);

function decisionOf(v: unknown): Decision | null {
  if (typeof v !== 'string') return null;
  const l = v.toLowerCase();
  return l === 'allowed' ? 'allowed' : l === 'explicitdeny' ? 'explicitDeny' : l === 'implicitdeny' ? 'implicitDeny' : null;
}

/** The value of `--flag` in a command line (quotes removed), or null. */
function flag(command: string, name: string): string | null {
  const at = command.indexOf(`--${name}`);
  if (at < 0) return null;
  let i = at + name.length + 2;
  while (i < command.length && (command[i] === ' ' || command[i] === '=' || command[i] === '"' || command[i] === "'")) i++;
  let end = i;
  while (end < command.length && end - i < 2048 && command[end] !== ' ' && command[end] !== '"' && command[end] !== "'") end++;
  return end > i ? command.slice(i, end) : null;
}

/** The JSON value starting at the first `{` or `[` at or after `from` (within `slack` characters), or undefined. */
function jsonAt(text: string, from: number, slack: number): unknown {
  let i = from;
  while (i < text.length && i - from <= slack && text[i] !== '{' && text[i] !== '[') i++;
  if (i >= text.length || i - from > slack) return undefined;
  const end = objectEnd(text, i);
  if (end < 0) return undefined;
  try { return JSON.parse(text.slice(i, end)) as unknown; } catch { return undefined; }
}

interface Run { command: string | null; value: unknown }

/** The simulation in the text: after its command line when there is one, else the bare output. */
function findRun(ctx: CauseContext): Run | null {
  const text = ctx.text ?? '';
  const low = lowerCached(text);
  const at = low.indexOf('simulate-principal-policy');
  if (at >= 0) {
    // the command, its backslash continuations joined
    let end = text.indexOf('\n', at);
    let command = text.slice(at, end < 0 ? text.length : end);
    while (end >= 0 && command.trimEnd().endsWith('\\') && command.length < 4000) {
      const next = text.indexOf('\n', end + 1);
      command = `${command.trimEnd().slice(0, -1)} ${text.slice(end + 1, next < 0 ? text.length : next).trim()}`;
      end = next;
    }
    const value = end >= 0 ? jsonAt(text, end, 400) : undefined;
    if (value !== undefined) return { command, value };
  }
  const key = text.indexOf('"EvaluationResults"');
  if (key < 0) return null;
  const open = text.lastIndexOf('{', key);
  return open >= 0 ? { command: null, value: jsonAt(text, open, 0) } : null;
}

/** Whether the run's principal is the caller (its user or role; a session is simulated through its role). */
function aboutCaller(ctx: CauseContext, command: string | null): boolean {
  const source = command ? flag(command, 'policy-source-arn') : null;
  if (!source) return true;
  const s = source.toLowerCase();
  const caller = (ctx.parsed.caller?.arn ?? '').toLowerCase();
  if (!caller) return true;
  if (s === caller) return true;
  const role = ctx.facts.callerRoleName?.toLowerCase();
  return !!role && s.includes(':role/') && s.endsWith(`/${role}`) && s.split(':')[4] === caller.split(':')[4];
}

export const simulation = perAnswer((ctx: CauseContext): Simulation | null => {
  if (!mayMention(ctx, 'simulate-principal-policy') && !mayMention(ctx, 'evaluationresults')) return null;
  const action = ctx.parsed.action;
  if (!action) return null;
  const run = findRun(ctx);
  if (!run || !aboutCaller(ctx, run.command)) return null;
  const v = run.value;
  const list = Array.isArray(v) ? v : isObj(v) ? (Array.isArray(field(v, 'EvaluationResults')) ? field(v, 'EvaluationResults') as unknown[] : [v]) : [];
  const cmdAction = run.command ? flag(run.command, 'action-names') : null;
  const cmdResource = run.command ? flag(run.command, 'resource-arns') : null;
  const target = ctx.parsed.target?.arn ?? null;
  for (const r of list) {
    if (!isObj(r)) continue;
    const decision = decisionOf(field(r, 'EvalDecision', 'Decision'));
    const act = field(r, 'EvalActionName', 'Action') ?? cmdAction;
    if (typeof act !== 'string' || act.toLowerCase() !== action.toLowerCase()) continue;
    const res = field(r, 'EvalResourceName', 'Resource') ?? cmdResource;
    const resource = typeof res === 'string' ? res : null;
    // another resource than the refused one: not this call (`*` stands for every resource)
    if (target && resource && resource !== '*' && resource !== target) continue;
    const matched = field(r, 'MatchedStatements', 'Matched');
    const orgs = field(r, 'OrganizationsDecisionDetail');
    const pb = field(r, 'PermissionsBoundaryDecisionDetail');
    const missing = field(r, 'MissingContextValues');
    const organizations = bool(isObj(orgs) ? field(orgs, 'AllowedByOrganizations') : field(r, 'AllowedByOrganizations'));
    const boundary = bool(isObj(pb) ? field(pb, 'AllowedByPermissionsBoundary') : field(r, 'AllowedByPermissionsBoundary'));
    if (!decision && organizations === null && boundary === null) continue;
    return {
      decision,
      action: act,
      resource,
      matched: Array.isArray(matched) ? matched.flatMap((m) => (isObj(m) && typeof field(m, 'SourcePolicyId') === 'string' ? [field(m, 'SourcePolicyId') as string] : [])) : [],
      missingContext: Array.isArray(missing) ? missing.filter((x): x is string => typeof x === 'string') : [],
      organizations,
      boundary,
    };
  }
  return null;
});

const WORDS: Record<Decision, string> = { allowed: 'allowed', explicitDeny: 'explicitly denied', implicitDeny: 'implicitly denied (no statement allows it)' };

function says(s: Simulation): string {
  const on = `${s.action}${s.resource && s.resource !== '*' ? ` on ${s.resource}` : ''}`;
  if (!s.decision) return `The pasted simulate-principal-policy run for ${on}`;
  return `The pasted simulate-principal-policy run says the caller's own policies ${s.decision === 'allowed' ? 'allow' : 'do not allow'} ${on} (EvalDecision ${s.decision}: ${WORDS[s.decision]})`;
}

/** The run, then one of its decision details. */
const detail = (s: Simulation, text: string) => `${says(s)}${s.decision ? ';' : ':'} ${text}`;

const lacking = (s: Simulation) => (s.missingContext.length ? `; it ran without ${s.missingContext.slice(0, 3).join(', ')}${s.missingContext.length > 3 ? ', …' : ''}, which the real call may carry` : '');

export type SimulatedCause =
  | 'identity-missing-allow' | 'identity-resource-mismatch' | 'identity-action-mismatch' | 'identity-explicit-deny' | 'permissions-boundary' | 'scp-deny';

/** What the simulation says about one caller-side cause. */
export function simulatedSignal(cause: SimulatedCause): (ctx: CauseContext) => SignalResult | null {
  return (ctx) => {
    const s = simulation(ctx);
    if (!s) return null;
    const guard = s.organizations === false ? 'scp' : s.boundary === false ? 'boundary' : null;
    switch (cause) {
      case 'scp-deny':
        if (s.organizations === false) return confirm(ev(detail(s, "AllowedByOrganizations is false, so an SCP on the account's path refuses it.")));
        if (s.organizations === true) return weigh(0.2, ev(detail(s, "AllowedByOrganizations is true: the SCPs on the account's path allow it.")));
        return null;
      case 'permissions-boundary':
        if (s.boundary === false) return confirm(ev(detail(s, "AllowedByPermissionsBoundary is false, so the caller's permissions boundary does not allow it.")));
        if (s.boundary === true) return ruleOut(ev(detail(s, 'AllowedByPermissionsBoundary is true: the permissions boundary allows it.')));
        return null;
      case 'identity-explicit-deny':
        if (s.decision === 'explicitDeny' && !guard) {
          return confirm(ev(`${says(s)}${s.matched.length ? `; the Deny is in ${s.matched.slice(0, 3).join(', ')}` : ''}.`));
        }
        if (!s.decision) return null;
        if (s.decision !== 'explicitDeny') return s.missingContext.length ? weigh(0.3, ev(`${says(s)}${lacking(s)}.`)) : ruleOut(ev(`${says(s)}: no Deny of the caller's policies matches.`));
        return weigh(0.3, ev(`${says(s)}; the refusal comes from ${guard === 'scp' ? 'an SCP' : 'the permissions boundary'}.`));
      default: // the caller's Allow: missing, on another resource, for another action
        if (!s.decision) return guard ? weigh(0.5, ev(detail(s, `${guard === 'scp' ? 'AllowedByOrganizations' : 'AllowedByPermissionsBoundary'} is false, and that refusal comes first.`))) : null;
        if (s.decision === 'allowed') {
          return s.missingContext.length
            ? weigh(0.3, ev(`${says(s)}${lacking(s)}.`))
            : ruleOut(ev(`${says(s)}: an Allow of the caller's policies covers the call, so the refusal is elsewhere (a resource-based policy, a session policy, an RCP or an endpoint policy, which the simulation leaves out).`));
        }
        if (s.decision === 'explicitDeny' || guard) return weigh(0.3, ev(`${says(s)}; ${guard === 'scp' ? 'an SCP refuses it (AllowedByOrganizations false)' : guard === 'boundary' ? 'the permissions boundary refuses it (AllowedByPermissionsBoundary false)' : 'a Deny decides it, whatever the Allows'}.`));
        return weigh(cause === 'identity-missing-allow' ? 3 : 1.5, ev(`${says(s)}${lacking(s)}.`));
    }
  };
}
