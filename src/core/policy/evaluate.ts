/**
 * IAM policy evaluation: statements, per-policy verdicts, and the decision across policy types
 * (explicit deny anywhere; RCPs; SCP levels; resource-based / trust; identity; permissions boundary;
 * session policy; VPC endpoint), three-valued when condition keys are unknown.
 */
import type {
  ConditionOutcome, Decision, Evaluation, EvaluationRequest, Policy, PolicyEvaluation, PolicyKind,
  Statement, StatementElement, StatementRecord,
} from '../types.js';
import { accountOf, arnMatch, assumedRoleParts, parseArn, roleParts } from './arn.js';
import { evaluateConditions, parseOperator } from './conditions.js';
import { ContextView } from './context.js';
import { and3, not3, or3, type T3 } from './logic.js';
import { Memo } from './cache.js';
import { compileGlob, equalsPlain, matchPattern, type Pattern } from './match.js';
import { describePrincipal, matchNotPrincipalElement, matchPrincipalElement, type PrincipalClass, type Who } from './principal.js';
import { resolveValue } from './variables.js';
import { hasIacReference } from './iac.js';
import { isResourceLess, matchUnknownResource, unknownResource, type UnknownResource } from './resource.js';

const PRINCIPAL_KINDS_WITH_PRINCIPAL: PolicyKind[] = ['trust', 'resource', 'rcp', 'vpc-endpoint'];
/** Calls that IAM policies cannot control (docs/decisions/015). */
const NO_POLICY_ACTIONS = new Set(['sts:getcalleridentity', 'sts:getsessiontoken']);

interface StatementEval {
  record: StatementRecord;
  statement: Statement;
  matched: T3;
  cls: PrincipalClass;
  /** Unknown because the request's resource is (docs/decisions/017). */
  resourceDepends: boolean;
}

/** The request's resource as matched and shown: named, or unknown (docs/decisions/017). */
interface ResourceView {
  unknown: UnknownResource | null;
  /** For people: the ARN, `an object in bucket b`, `an unnamed resource`. */
  text: string;
}

interface PolicyEval {
  policy: Policy;
  index: number;
  applicable: boolean;
  statements: StatementEval[];
  deny: T3;
  allow: T3;
  /** Resource / trust: allows by principal class. */
  allowDirect: T3;
  allowRole: T3;
  allowAccount: T3;
  verdict: PolicyEvaluation['verdict'];
  deciding: ConditionOutcome[];
}

const q = (s: string): string => '`' + s + '`';
function list(xs: string[], max = 4): string {
  let out = '';
  const n = Math.min(xs.length, max);
  for (let i = 0; i < n; i++) out += (i > 0 ? ', `' : '`') + (xs[i] as string) + '`';
  return xs.length > max ? `${out}, … (${xs.length - max} more)` : out;
}

const actionMemo = new Memo<Pattern>();
const compileAction = (p: string): Pattern => compileGlob(p);

function matchAction(patterns: string[], action: string): boolean {
  for (const p of patterns) {
    if (p === '*') return true;
    // most actions are written out in full: compared as they are, with no compiled pattern to look up
    if (!p.includes('*') && !p.includes('?') ? equalsPlain(p, action, true) : matchPattern(actionMemo.get(p, compileAction), action, true)) return true;
  }
  return false;
}

const RESOLVE_WILD = { variables: true, wildcards: true };
const RESOLVE_WILD_NOVARS = { variables: false, wildcards: true };

function matchResources(
  patterns: string[], resource: string, ctx: ContextView, variables: boolean, negated = false, unknownRes: UnknownResource | null = null,
): T3 {
  let unknown = false;
  let matched = false;
  const opts = variables ? RESOLVE_WILD : RESOLVE_WILD_NOVARS;
  for (const p of patterns) {
    if (p === '*') {
      matched = true;
      break;
    }
    const r = resolveValue(p, ctx, opts);
    if (r.kind === 'unknown') unknown = true;
    else if (r.kind === 'ok') {
      if (unknownRes) {
        // nobody named the resource: the pattern may match it, or surely does / does not (docs/decisions/017)
        const m = matchUnknownResource(r.pattern, unknownRes);
        if (m === 'unknown') unknown = true;
        else if (m) {
          matched = true;
          break;
        }
      } else if (arnMatch(r.pattern, resource)) {
        matched = true;
        break;
      }
    } else if (negated) return false; // NotResource with an unresolvable variable: the statement does not apply
  }
  const any: T3 = matched ? true : unknown ? 'unknown' : false;
  return negated ? not3(any) : any;
}

function actualText(o: ConditionOutcome): string {
  if (o.actual === undefined) return 'unknown';
  if (o.actual === null) return 'absent from the request';
  return o.actual.length === 0 ? 'empty' : list(o.actual);
}

export function describeCondition(o: ConditionOutcome): string {
  return `${o.operator} ${o.key} ${o.values.map(q).join(' or ')}`;
}

const RELATION: Record<string, string> = {
  stringequals: '=', stringequalsignorecase: '= (any case)', stringnotequals: '≠', stringnotequalsignorecase: '≠ (any case)',
  stringlike: 'matches', stringnotlike: 'does not match', arnequals: '=', arnlike: 'matches', arnnotequals: '≠',
  arnnotlike: 'does not match', numericequals: '=', numericnotequals: '≠', numericlessthan: '<',
  numericlessthanequals: '≤', numericgreaterthan: '>', numericgreaterthanequals: '≥', dateequals: '=',
  datenotequals: '≠', datelessthan: 'before', datelessthanequals: 'at or before', dategreaterthan: 'after',
  dategreaterthanequals: 'at or after', bool: '=', binaryequals: '=', ipaddress: 'is in', notipaddress: 'is not in',
};

/** "sts:ExternalId = `abc`", "aws:SourceIp is in `10.0.0.0/8`", "aws:PrincipalOrgID is absent". */
export function humanCondition(o: ConditionOutcome): string {
  const op = parseOperator(o.operator);
  const base = op.baseOperator.toLowerCase();
  if (base === 'null') {
    const absent = o.values.some((v) => v.toLowerCase() === 'true');
    return `${o.key} is ${absent ? 'absent' : 'present'}`;
  }
  const rel = RELATION[base] ?? o.operator;
  const negated = rel.startsWith('≠') || rel.startsWith('does not') || rel.startsWith('is not');
  const vals = o.values.map(q).join(negated ? ' nor ' : ' or ');
  const subject = op.setOperator === 'ForAllValues' ? `every value of ${o.key}` : op.setOperator === 'ForAnyValue' ? `some value of ${o.key}` : o.key;
  return `${subject} ${rel} ${vals}${op.ifExists ? ' (when present)' : ''}`;
}

function whoText(who: Who, request: EvaluationRequest): string {
  return who.arn ?? (request.principal ? request.principal : 'the (unknown) caller');
}

function explainStatement(
  s: Statement, request: EvaluationRequest, who: Who, failedElement: StatementElement | undefined, matched: T3,
  principalOk: T3, resourceOk: T3, outcomes: ConditionOutcome[], usesPrincipal: boolean, cls: PrincipalClass, res: ResourceView,
): string {
  switch (failedElement) {
    case 'NotPrincipal':
      return `NotPrincipal excludes ${whoText(who, request)}.`;
    case 'Principal': {
      if (!s.principal) return 'The statement has no Principal, so it names nobody.';
      const named = [...s.principal.AWS, ...s.principal.Service, ...s.principal.Federated, ...s.principal.CanonicalUser];
      return `Principal does not name ${whoText(who, request)} (it names ${list(named)}).`;
    }
    case 'Action':
      return `Action ${q(request.action)} is not in ${list(s.action ?? [])}.`;
    case 'NotAction':
      return `NotAction excludes ${q(request.action)}.`;
    case 'Resource':
      return res.unknown
        ? `Resource ${list(s.resource ?? [])} cannot match ${res.text}, the resource of ${q(request.action)}.`
        : `Resource ${q(request.resource)} is not matched by ${list(s.resource ?? [])}.`;
    case 'NotResource':
      return res.unknown ? `NotResource excludes ${res.text}.` : `NotResource excludes ${q(request.resource)}.`;
    case 'Condition': {
      const failed = outcomes.find((o) => o.result === false) as ConditionOutcome;
      return `Condition ${describeCondition(failed)} is false: the request's value is ${actualText(failed)}.`;
    }
    default:
      break;
  }
  if (matched === 'unknown') {
    const parts: string[] = [];
    if (principalOk === 'unknown') {
      const deployed = referenced(s.principal?.AWS ?? s.notPrincipal?.AWS ?? []);
      parts.push(deployed.length && who.arn ? `the deployed value of ${list(deployed)} names ${who.arn}` : 'the unknown caller is one of the named principals');
    }
    if (resourceOk === 'unknown') {
      const deployed = referenced(s.resource ?? s.notResource ?? []);
      parts.push(res.unknown
        ? `the call was on a resource ${s.resource ? `matched by ${list(s.resource)}` : `outside ${list(s.notResource ?? [])}`} (the message names none)`
        : deployed.length ? `the deployed value of ${list(deployed)} ${s.resource ? 'covers' : 'excludes'} the resource` : 'the policy variables in Resource resolve to the resource');
    }
    for (const o of outcomes) if (o.result === 'unknown') parts.push(humanCondition(o));
    return `${s.effect === 'Allow' ? 'Allows' : 'Denies'} only if ${parts.join(' and ')}.`;
  }
  return `Matches: ${s.effect} ${q(request.action)} on ${res.unknown ? res.text : q(request.resource)}` +
    (usesPrincipal && s.principal ? ` for ${whoText(who, request)}${cls === 'account' ? ' (through its account)' : cls === 'role' ? ' (through its role)' : ''}` : '') +
    (s.conditions.length > 0 ? ', conditions met.' : '.');
}

/** The values holding deploy-time references (iac.ts). */
const referenced = (values: readonly string[]): string[] => values.filter(hasIacReference);

function evaluateStatement(
  s: Statement, policy: Policy, request: EvaluationRequest, who: Who, ctx: ContextView, hasBoundary: boolean, res: ResourceView,
): StatementEval {
  const variables = policy.version === '2012-10-17';
  const usesPrincipal = PRINCIPAL_KINDS_WITH_PRINCIPAL.includes(policy.kind);
  // Principal
  let cls: PrincipalClass = 'direct';
  if (usesPrincipal) {
    if (s.principal) cls = matchPrincipalElement(s.principal, who);
    else if (s.notPrincipal) {
      // AWS: a Deny with NotPrincipal always denies principals that have a permissions boundary
      cls = hasBoundary && s.effect === 'Deny' ? 'direct' : matchNotPrincipalElement(s.notPrincipal, who, s.effect);
    }
    else cls = policy.kind === 'trust' || policy.kind === 'resource' ? 'none' : 'direct';
  }
  const principalOk: T3 = cls === 'none' ? false : cls === 'unknown' ? 'unknown' : true;
  // Action
  const actionOk = s.action !== null ? matchAction(s.action, request.action) : !matchAction(s.notAction ?? [], request.action);
  // Resource
  let resourceOk: T3 = true;
  if (s.resource !== null) resourceOk = matchResources(s.resource, request.resource, ctx, variables, false, res.unknown);
  else if (s.notResource !== null) resourceOk = matchResources(s.notResource, request.resource, ctx, variables, true, res.unknown);
  // Conditions (only when the rest can still match)
  const cond = principalOk === false || !actionOk || resourceOk === false
    ? { result: true as T3, outcomes: [] }
    : evaluateConditions(s.conditions, ctx, variables);
  const matched = and3(principalOk, actionOk, resourceOk, cond.result);

  let failedElement: StatementElement | undefined;
  if (principalOk === false) failedElement = s.notPrincipal ? 'NotPrincipal' : 'Principal';
  else if (!actionOk) failedElement = s.action !== null ? 'Action' : 'NotAction';
  else if (resourceOk === false) failedElement = s.resource !== null ? 'Resource' : 'NotResource';
  else if (cond.result === false) failedElement = 'Condition';
  const why = explainStatement(s, request, who, failedElement, matched, principalOk, resourceOk, cond.outcomes, usesPrincipal, cls, res);
  const record: StatementRecord = { index: s.index, sid: s.sid, effect: s.effect, matched, why, conditions: cond.outcomes };
  if (failedElement) record.failedElement = failedElement;
  return { record, statement: s, matched, cls, resourceDepends: matched === 'unknown' && resourceOk === 'unknown' && res.unknown !== null };
}

function applicable(policy: Policy, who: Who): boolean {
  const principalSide = policy.kind === 'identity' || policy.kind === 'permissions-boundary' || policy.kind === 'session' || policy.kind === 'scp';
  if (principalSide && (who.kind === 'service' || who.kind === 'anonymous' || who.kind === 'federated')) return false;
  if (policy.kind === 'session' && (who.kind === 'user' || who.kind === 'root')) return false;
  return true;
}

function unreadable(policy: Policy): boolean {
  return !policy.valid && policy.document === null;
}

/** The JSON had syntax errors and was read only in part (docs/decisions/014). */
function partial(policy: Policy): boolean {
  return policy.document !== null && Array.isArray(policy.issues) && policy.issues.some((i) => i?.code === 'invalid-json');
}

function evaluatePolicy(
  policy: Policy, index: number, request: EvaluationRequest, who: Who, ctx: ContextView, hasBoundary: boolean, res: ResourceView,
): PolicyEval {
  const isApplicable = applicable(policy, who);
  const statements: StatementEval[] = [];
  if (isApplicable) for (const s of policy.statements) statements.push(evaluateStatement(s, policy, request, who, ctx, hasBoundary, res));
  // the or3 of the statements' matches, per effect and (for an Allow) per principal class, in one pass
  let deny: T3 = false;
  let allowDirect: T3 = false;
  let allowRole: T3 = false;
  let allowAccount: T3 = false;
  for (const s of statements) {
    if (s.statement.effect === 'Deny') deny = or3(deny, s.matched);
    else if (s.statement.effect !== 'Allow') continue;
    else if (s.cls === 'direct' || s.cls === 'unknown') allowDirect = or3(allowDirect, s.matched);
    else if (s.cls === 'role') allowRole = or3(allowRole, s.matched);
    else if (s.cls === 'account') allowAccount = or3(allowAccount, s.matched);
  }
  let allow = or3(allowDirect, allowRole, allowAccount);
  let deny0 = deny;
  if (isApplicable && partial(policy)) {
    // JSON that could only partly be read (truncated, broken): what was lost may allow or deny
    if (deny0 !== true) deny0 = 'unknown';
    if (allow !== true) allow = 'unknown';
  }
  let verdict: PolicyEvaluation['verdict'];
  if (!isApplicable) verdict = 'not-applicable';
  else if (unreadable(policy)) verdict = 'unknown';
  else if (deny0 === true) verdict = 'explicit-deny';
  else if (deny0 === false && allow === true) verdict = 'allow';
  else if (deny0 === false && allow === false) verdict = 'implicit-deny';
  else verdict = 'unknown';
  if (isApplicable && unreadable(policy)) {
    // it exists but nobody can read it: it may allow or deny anything (docs/decisions/014)
    return { policy, index, applicable: true, statements, deny: 'unknown', allow: 'unknown', allowDirect: 'unknown', allowRole: 'unknown', allowAccount: 'unknown', verdict, deciding: [] };
  }
  const deciding: ConditionOutcome[] = [];
  if (verdict === 'unknown') {
    for (const s of statements) {
      if (s.matched !== 'unknown') continue;
      for (const o of s.record.conditions) if (o.result === 'unknown') deciding.push(o);
    }
  }
  if (isApplicable && partial(policy)) {
    const open = (x: T3): T3 => (x === true ? true : 'unknown');
    return { policy, index, applicable: true, statements, deny: deny0, allow, allowDirect: open(allowDirect), allowRole: open(allowRole), allowAccount: open(allowAccount), verdict, deciding };
  }
  return { policy, index, applicable: isApplicable, statements, deny, allow, allowDirect, allowRole, allowAccount, verdict, deciding };
}

function kindLabel(kind: PolicyKind): string {
  switch (kind) {
    case 'trust': return 'role trust policy';
    case 'identity': return 'identity-based policy';
    case 'resource': return 'resource-based policy';
    case 'scp': return 'service control policy';
    case 'rcp': return 'resource control policy';
    case 'permissions-boundary': return 'permissions boundary';
    case 'session': return 'session policy';
    case 'vpc-endpoint': return 'VPC endpoint policy';
  }
}

function t3Text(x: T3): string {
  return x === 'unknown' ? 'unknown' : x ? 'yes' : 'no';
}

export function evaluatePolicies(request: EvaluationRequest, policies: Policy[]): Evaluation {
  try {
    return evaluateUnsafe(request, Array.isArray(policies) ? policies : []);
  } catch {
    // user input never throws: report an undecided evaluation instead
    return {
      decision: 'unknown',
      decidedBy: null,
      policies: (Array.isArray(policies) ? policies : []).map((p, i) => ({
        policy: i, name: p?.name ?? null, kind: p?.kind ?? 'identity', verdict: 'unknown', statements: [], decidingConditions: [],
      })),
      missingContext: [],
      crossAccount: null,
      trail: ['The request could not be evaluated.'],
    };
  }
}

/**
 * A role session's role path, from pasted `get-role` output of the caller's role (Policy.meta):
 * aws:PrincipalArn becomes that role ARN, with its path, and is known (docs/decisions/013).
 */
function withRolePath(request: EvaluationRequest, policies: Policy[]): EvaluationRequest {
  if (!request.rolePathUnknown) return request;
  const session = assumedRoleParts(request.principal ?? '');
  if (!session) return request;
  for (const p of policies) {
    const meta = p?.meta;
    // Role.Arn, or Role.Path + Role.RoleName when the ARN was left out (`--query`)
    const arn = meta?.roleArn ??
      (meta?.path && meta.roleName ? `arn:${session.partition}:iam::${session.account}:role${meta.path}${meta.roleName}` : undefined);
    const r = arn ? roleParts(arn) : null;
    if (arn && r && r.name === session.roleName && r.account === session.account && r.partition === session.partition) {
      const context = { ...(request.context ?? {}) };
      for (const k of Object.keys(context)) if (k.toLowerCase() === 'aws:principalarn') delete context[k];
      context['aws:PrincipalArn'] = arn;
      return { ...request, context, rolePathUnknown: false };
    }
  }
  return request;
}

/**
 * A pasted VPC endpoint policy is evaluated as on the request's path, so the request went through that endpoint, and
 * aws:SourceIp is absent from requests through a VPC endpoint (IAM, global condition keys; docs/decisions/029) —
 * unless the person stated a source address.
 */
function withEndpointPath(request: EvaluationRequest, policies: Policy[]): EvaluationRequest {
  if (!policies.some((p) => p?.kind === 'vpc-endpoint')) return request;
  if (Object.keys(request.context ?? {}).some((k) => k.toLowerCase() === 'aws:sourceip')) return request;
  if ((request.knownAbsent ?? []).some((k) => k.toLowerCase() === 'aws:sourceip')) return request;
  return { ...request, knownAbsent: [...(request.knownAbsent ?? []), 'aws:SourceIp'] };
}

function evaluateUnsafe(request0: EvaluationRequest, policies: Policy[]): Evaluation {
  const request = withEndpointPath(withRolePath(request0, policies), policies);
  const ctx = new ContextView(request);
  const acctHint = (() => {
    const v = ctx.get('aws:PrincipalAccount');
    return Array.isArray(v) && v.length === 1 ? (v[0] as string) : null;
  })();
  const who = describePrincipal(request.principal ?? '', acctHint);
  // nobody named the resource: which it was is unknown, narrowed by a pasted resource-based policy (docs/decisions/017)
  const unknownRes = request.resourceUnknown === true && request.resource === '*' && !isResourceLess(request.action)
    ? unknownResource(request.action, policies)
    : null;
  const scope = unknownRes?.scope ?? null;
  const res: ResourceView = {
    unknown: unknownRes,
    text: unknownRes ? (scope ? (scope.exact && scope.parts[1] !== 's3' ? q(`arn:${scope.parts.join(':')}:${scope.resource}`) : scope.text) : 'an unnamed resource') : q(request.resource),
  };
  // a resource the pasted policy names in full stands for the request's resource ARN (its account, its service)
  const scopedArn = scope && scope.exact && scope.parts[1] !== 's3' ? `arn:${scope.parts.join(':')}:${scope.resource}` : null;
  const resourceAccount = request.resourceAccount ?? accountOf(request.resource) ?? (scopedArn ? accountOf(scopedArn) : null) ??
    (() => {
      const v = ctx.get('aws:ResourceAccount');
      return Array.isArray(v) && v.length === 1 ? (v[0] as string) : null;
    })();
  const sameAccount: boolean | null = who.account !== null && resourceAccount !== null
    ? who.account === resourceAccount
    : typeof request.crossAccount === 'boolean' ? !request.crossAccount : null;
  const trail: string[] = [];
  trail.push(
    `Request: ${whoText(who, request)} → ${request.action} on ${unknownRes ? res.text.replace(/`/g, '') : request.resource} (` +
    (sameAccount === null ? 'accounts not known' : sameAccount ? 'same account' : 'cross-account') + ').',
  );
  if (unknownRes) {
    trail.push(scope
      ? `No resource was named; policy #${scope.policy} (resource-based) names only ${scope.owner}${scope.parts[1] === 's3' ? ' and its objects' : ''}, the resource it is attached to, so the call was on ${res.text.replace(/`/g, '')}.`
      : `No resource was named: statements whose Resource could match some resource of ${request.action} depend on which resource it was.`);
  }
  if (who.arn === null) trail.push('The caller is unknown: statements that depend on who is asking are marked unknown.');

  const hasBoundary = policies.some((p) => p.kind === 'permissions-boundary' && applicable(p, who));
  // RCPs do not affect resources in the organization's management account (AWS Organizations, RCPs), which the ARN of
  // a pasted `describe-policy` names (docs/decisions/026)
  // and SCPs do not affect users or roles in the management account (AWS Organizations, SCPs): the caller's account
  const inManagement = (p: Policy) => !!p.meta?.managementAccount
    && ((p.kind === 'rcp' && p.meta.managementAccount === resourceAccount) || (p.kind === 'scp' && p.meta.managementAccount === who.account));
  const evals = policies.map((p, i) => (inManagement(p)
    ? { ...evaluatePolicy(p, i, request, who, ctx, hasBoundary, res), applicable: false, verdict: 'not-applicable' as const }
    : evaluatePolicy(p, i, request, who, ctx, hasBoundary, res)));
  const used = evals.filter((e) => e.applicable);
  for (const e of evals) {
    if (inManagement(e.policy)) {
      trail.push(e.policy.kind === 'scp'
        ? `Policy #${e.index} (${kindLabel(e.policy.kind)}) does not apply: the caller is in the organization's management account (${who.account}), which SCPs do not affect.`
        : `Policy #${e.index} (${kindLabel(e.policy.kind)}) does not apply: the resource is in the organization's management account (${resourceAccount}), which RCPs do not affect.`);
    }
    else if (!e.applicable) trail.push(`Policy #${e.index} (${kindLabel(e.policy.kind)}) does not apply to a ${who.kind} caller.`);
    else if (unreadable(e.policy)) trail.push(`Policy #${e.index} (${kindLabel(e.policy.kind)}) could not be read: what it allows or denies is unknown.`);
  }
  const ofKind = (...kinds: PolicyKind[]): PolicyEval[] => used.filter((e) => kinds.includes(e.policy.kind));

  // 1. explicit deny anywhere
  const order: PolicyKind[] = ['rcp', 'scp', 'trust', 'resource', 'identity', 'permissions-boundary', 'session', 'vpc-endpoint'];
  const ordered = [...used].sort((a, b) => order.indexOf(a.policy.kind) - order.indexOf(b.policy.kind));
  const D = or3(...ordered.map((e) => e.deny));

  // 2. RCPs: RCPFullAWSAccess is always attached, so only denies matter.
  const rcps = ofKind('rcp');
  if (rcps.length > 0) trail.push('RCPs: RCPFullAWSAccess is always attached at every level, so an RCP can only deny.');

  // 3. SCP levels (of the caller's account): every level needs an Allow.
  const scps = ofKind('scp');
  const levels = new Map<string, PolicyEval[]>();
  scps.forEach((e) => {
    const key = e.policy.level === null ? `pasted-${e.index}` : `level-${e.policy.level}`;
    const arr = levels.get(key) ?? [];
    arr.push(e);
    levels.set(key, arr);
  });
  const levelResults: Array<[string, T3]> = [...levels.entries()].map(([k, es]) => [k, or3(...es.map((e) => e.allow))]);
  const scpOk = and3(...levelResults.map(([, r]) => r));
  for (const [k, r] of levelResults) {
    if (r !== true) trail.push(`SCP ${k.startsWith('level-') ? 'level ' + k.slice(6) : 'policy #' + k.slice(7) + ' (its own level)'}: an Allow ${r === false ? 'is missing' : 'depends on unknown keys'}.`);
  }
  // Policy types nobody pasted: with `missing: 'unknown'` (explain) they are not evaluated and assumed
  // not to block; with `missing: 'absent'` (simulate, a fully described request) they do not exist.
  const assumeUnpasted = request.missing === 'unknown';
  if (scps.length === 0 && applicableSide(who)) trail.push(assumeUnpasted ? 'No SCP pasted: assumed not to block.' : 'No SCP pasted: none applies.');

  // VPC endpoint policies
  const vpces = ofKind('vpc-endpoint');
  const vpceOk = and3(...vpces.map((e) => e.allow));

  // identity side
  const principalSide = applicableSide(who);
  const ids = ofKind('identity');
  const pbs = ofKind('permissions-boundary');
  const sess = ofKind('session');
  // An identity policy nobody pasted grants nothing we can see: unknown in explain (docs/decisions/014),
  // none in simulate.
  const I: T3 = ids.length > 0 ? or3(...ids.map((e) => e.allow)) : assumeUnpasted ? 'unknown' : false;
  const PB: T3 = and3(...pbs.map((e) => e.allow));
  const S: T3 = and3(...sess.map((e) => e.allow));
  const IA = and3(I, PB, S);
  if (principalSide && ids.length === 0) {
    trail.push(assumeUnpasted ? 'No identity-based policy pasted: whether one allows is unknown.' : 'No identity-based policy pasted: the caller has none.');
  }

  // resource side
  const rs = ofKind('trust', 'resource');
  const Rd = or3(...rs.map((e) => e.allowDirect));
  const Rr = or3(...rs.map((e) => e.allowRole));
  const Ra = or3(...rs.map((e) => e.allowAccount));
  const Rany = or3(Rd, Rr, Ra);
  const resourceArn = parseArn(scopedArn ?? request.resource);
  const lowerAct = request.action.toLowerCase();
  // an unnamed resource of a kms: action is a key (or an alias of one); of an AssumeRole-family call, a role
  const unknownKey = unknownRes !== null && scopedArn === null && lowerAct.startsWith('kms:');
  const unknownRole = unknownRes !== null && scopedArn === null &&
    (lowerAct.startsWith('sts:assumerole') || lowerAct === 'sts:tagsession' || lowerAct === 'sts:setsourceidentity');
  const explicitTrust = rs.some((e) => e.policy.kind === 'trust') || unknownKey ||
    (resourceArn?.service === 'kms' && resourceArn.resource.startsWith('key/')) || request.action.toLowerCase().startsWith('sts:');
  if (rs.length === 0) trail.push(assumeUnpasted ? 'No resource-based or trust policy pasted: not evaluated.' : 'No resource-based or trust policy pasted: the resource has none.');

  let grant: T3;
  if (!principalSide) {
    grant = rs.length > 0 ? Rd : assumeUnpasted ? 'unknown' : false;
  } else if (rs.length === 0) {
    // no resource policy: the identity side decides in the same account; across accounts nothing grants
    // (a KMS key without a key policy grants nobody: the key policy must allow explicitly)
    const kmsKey = unknownKey || (resourceArn?.service === 'kms' && resourceArn.resource.startsWith('key/'));
    // explain: a trust / key policy always exists and must allow, and across accounts the resource
    // side must allow too: not pasted, they leave the grant open
    // (an action on `*` has no resource side; STS actions other than assuming a role have no trust)
    const roleTarget = unknownRole || (resourceArn?.service === 'iam' && resourceArn.resource.startsWith('role/'));
    const resourceSideNeeded = kmsKey || (request.action.toLowerCase().startsWith('sts:') && roleTarget) ||
      ((request.resource !== '*' || unknownRes !== null) && sameAccount !== true);
    grant = assumeUnpasted
      ? (resourceSideNeeded ? and3(IA, 'unknown') : IA)
      : kmsKey ? false : sameAccount === true ? IA : sameAccount === false ? false : and3(IA, 'unknown');
  } else {
    const grantSame = explicitTrust
      ? or3(and3(Rd, rs.some((e) => e.policy.kind === 'trust') ? PB : true), and3(Rr, PB, S), and3(Ra, IA))
      : or3(Rd, and3(Rr, PB, S), IA);
    const grantCross = and3(Rany, IA);
    grant = sameAccount === true ? grantSame : sameAccount === false ? grantCross : grantSame === grantCross ? grantSame : 'unknown';
    if (sameAccount === null && grantSame !== grantCross) {
      trail.push(`Whether the caller and the resource share an account decides it: same account → ${t3Text(grantSame)}, cross-account → ${t3Text(grantCross)}; the resource's account is not known.`);
    }
    if (sameAccount !== false && explicitTrust) {
      trail.push(`${rs.some((e) => e.policy.kind === 'trust') ? 'Trust' : 'Key'} policy must allow explicitly: names the caller ${t3Text(Rd)}, its role ${t3Text(Rr)}, its account ${t3Text(Ra)}.`);
    }
    if (sameAccount === false) trail.push(`Cross-account: both the resource side (${t3Text(Rany)}) and the caller's side (${t3Text(IA)}) must allow.`);
  }

  const allowed = and3(not3(D), principalSide ? scpOk : true, vpceOk, grant);
  let decision: Decision;
  const lowerAction = request.action.toLowerCase();
  if (NO_POLICY_ACTIONS.has(lowerAction) && principalSide) {
    // AWS: "No permissions are required … You cannot use policies to control authentication operations"
    // (docs/decisions/015): no Deny, no missing Allow can refuse these.
    trail.push(`${request.action} needs no permission and no policy can deny it: the pasted policies do not decide it.`);
    decision = 'allow';
  } else if (D === true) decision = 'explicit-deny';
  else if (allowed === true) decision = 'allow';
  else if (allowed === false) decision = 'implicit-deny';
  else decision = 'unknown';
  if (D === 'unknown' && allowed === false) trail.push('An explicit deny may also apply, depending on unknown condition keys.');

  let decidedBy: PolicyKind | null = null;
  if (decision === 'explicit-deny') {
    decidedBy = ordered.find((e) => e.deny === true)?.policy.kind ?? null;
  } else if (decision === 'implicit-deny') {
    const rKind: PolicyKind = rs.some((e) => e.policy.kind === 'trust') ? 'trust' : 'resource';
    const chain: Array<[T3, PolicyKind]> = [];
    if (principalSide) chain.push([scpOk, 'scp']);
    chain.push([vpceOk, 'vpc-endpoint']);
    const callerSide: Array<[T3, PolicyKind]> = [[S, 'session'], [PB, 'permissions-boundary'], [I, 'identity']];
    if (sameAccount === true && !explicitTrust) chain.push(...callerSide, [Rany, rKind]);
    else if (rs.length > 0 && Rany === false) chain.push([Rany, rKind], ...callerSide);
    else if (explicitTrust && sameAccount !== false && rs.length > 0) {
      // named directly but limited by the boundary / session policy, or named by account and identity missing
      chain.push(...callerSide, [Rd, rKind]);
    } else chain.push(...callerSide, [Rany, rKind]);
    decidedBy = chain.find(([v]) => v === false)?.[1] ?? chain.find(([v]) => v !== true)?.[1] ?? null;
  }
  trail.push(`Decision: ${decision}${decidedBy ? ` (${kindLabel(decidedBy)})` : ''}.`);

  const policiesOut: PolicyEvaluation[] = evals.map((e) => ({
    policy: e.index,
    name: e.policy.name,
    kind: e.policy.kind,
    verdict: e.verdict,
    statements: e.statements.map((s) => s.record),
    decidingConditions: e.deciding,
  }));
  const missing = new Set<string>();
  if (decision === 'unknown') {
    for (const e of evals) for (const o of e.deciding) missing.add(o.key);
    // `Resource`: the outcome depends on which resource the call was on (docs/decisions/017)
    if (evals.some((e) => e.verdict === 'unknown' && e.statements.some((st) => st.resourceDepends))) missing.add('Resource');
  }
  return {
    decision,
    decidedBy,
    policies: policiesOut,
    missingContext: [...missing],
    crossAccount: sameAccount === null ? null : !sameAccount,
    trail,
  };
}

function applicableSide(who: Who): boolean {
  return !(who.kind === 'service' || who.kind === 'anonymous' || who.kind === 'federated');
}
