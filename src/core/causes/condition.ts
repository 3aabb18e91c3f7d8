/**
 * Conditions on an Allow that otherwise matches [aws-facts 3.D, 2.6]: external id, MFA, org id,
 * principal ARN, session name, source identity, tags and the rest. One generic proof: among the
 * pasted policies that must allow (the trust for STS calls, the caller's and the resource's
 * policies otherwise), an Allow whose principal, action and resource match but whose condition on
 * this cause's keys is false (confirmed) or unknown (likely, with the value that would pass).
 * A matching Deny is never a condition cause: it is the `*-explicit-deny` of its policy.
 */
import type { ConditionOutcome, PolicyKind } from '../types.js';
import type { CauseContext, CauseDefinition, CommandTemplate, FixTemplate, SignalResult, TemplateFacts } from './types.js';
import {
  awsSays, policyWords, clone, confirm, crossAccount, isFederatedAssume, denyKind, denyType, docStatements, ev, isDenial, isStsFamily, mentions, pasted,
  policyLabel, principalOk, ruleOut, likelyIf, statementViews, stmtLabel, weigh, type StatementView,
} from './signals.js';
import { isDataEvent } from './service-util.js';
import { correctPrincipalArnCondition } from './trust.js';
import { DOCS } from './docs.js';
import { ctxCache } from './memo.js';
import { abduction } from './abduce.js';


/** The denied call is a service call (ec2:TerminateInstances …), not an STS AssumeRole*: MFA then comes from get-session-token. */
function callsServiceDirectly(ctx: CauseContext): boolean {
  return !!ctx.parsed.action && !isStsFamily(ctx) && !ctx.parsed.action.toLowerCase().startsWith('sts:');
}

type KeyTest = (key: string) => boolean;

/** Policies that must allow this call: trust + caller for STS, caller + resource otherwise. */
function allowingKinds(ctx: CauseContext): PolicyKind[] {
  return isStsFamily(ctx) ? ['trust', 'identity'] : ['identity', 'resource'];
}

interface ConditionFinding {
  view: StatementView;
  outcome: ConditionOutcome;
}
interface ConditionAnalysis {
  failing: ConditionFinding[];
  unknown: ConditionFinding[];
  /** Statements whose condition on these keys holds and that allow the call. */
  satisfied: StatementView[];
  /** A primary policy (trust for STS, identity or resource otherwise) was pasted. */
  primaryPasted: boolean;
  /** Any Allow statement of the pasted relevant policies uses one of these keys. */
  keyUsed: boolean;
  firstIndex: number | undefined;
}

interface KindViews { conditionalAllows: StatementView[]; candidates: StatementView[]; full: StatementView[] }
interface BaseAnalysis { views: StatementView[]; perKind: KindViews[]; primaryPasted: boolean }
const baseCache = ctxCache<BaseAnalysis>();
const analysisCache = ctxCache<Map<KeyTest, ConditionAnalysis>>();

/** The key-independent part, once per answer: each allowing kind's candidate statements. */
function baseAnalysis(ctx: CauseContext): BaseAnalysis {
  const hit = baseCache.get(ctx);
  if (hit) return hit;
  const kinds = allowingKinds(ctx);
  const views = statementViews(ctx, kinds);
  const perKind = kinds.map((kind) => {
    const allows = views.filter((v) => v.policy.kind === kind && v.st.effect === 'Allow');
    const candidates = allows.filter((v) => v.action && v.resource !== false && (v.principal === null || principalOk(v)));
    return { conditionalAllows: allows.filter((v) => v.conditions.length > 0), candidates, full: candidates.filter((v) => v.condition === true) };
  });
  const base = { views, perKind, primaryPasted: isStsFamily(ctx) ? pasted(ctx, 'trust').length > 0 : views.length > 0 };
  baseCache.set(ctx, base);
  return base;
}

/** Whether the statement has a condition on one of the keys (loops, no closures: asked per cause). */
function conditionOn(v: StatementView, test: KeyTest): boolean {
  for (const o of v.conditions) if (test(o.key)) return true;
  return false;
}

function analyze(ctx: CauseContext, test: KeyTest): ConditionAnalysis {
  let perCtx = analysisCache.get(ctx);
  if (!perCtx) { perCtx = new Map(); analysisCache.set(ctx, perCtx); }
  const hit = perCtx.get(test);
  if (hit) return hit;
  const { views, perKind, primaryPasted } = baseAnalysis(ctx);
  const out: ConditionAnalysis = { failing: [], unknown: [], satisfied: [], primaryPasted, keyUsed: false, firstIndex: views[0]?.policyIndex };
  perCtx.set(test, out);
  for (let k = 0; k < perKind.length; k++) {
    const { conditionalAllows, candidates, full } = perKind[k]!;
    for (const v of conditionalAllows) if (conditionOn(v, test)) out.keyUsed = true;
    if (full.length) {
      for (const v of full) if (conditionOn(v, test)) out.satisfied.push(v);
      continue; // this policy allows; its conditions are not what fails
    }
    for (const v of candidates) {
      for (const o of v.conditions) {
        if (!test(o.key)) continue;
        if (o.result === false) out.failing.push({ view: v, outcome: o });
        else if (o.result === 'unknown') out.unknown.push({ view: v, outcome: o });
      }
    }
  }
  return out;
}

const where = (v: StatementView) => `${stmtLabel(v.st)} of ${policyLabel(v.policy, v.policyIndex)}`;
const quote = (vals: string[]) => vals.map((v) => `"${v}"`).join(' or ');

function actualWords(o: ConditionOutcome): string {
  if (o.actual === undefined) return 'unknown';
  if (o.actual === null) return 'absent from the request';
  return quote(o.actual);
}

/** The generic proof signal of a condition cause. */
function conditionProof(test: KeyTest, words: string, explain?: (f: ConditionFinding, ctx: CauseContext) => string | null) {
  return (ctx: CauseContext): SignalResult | null => {
    const a = analyze(ctx, test);
    const f = a.failing[0];
    if (f) {
      const extra = [explain?.(f, ctx), literalWildcard(f.outcome)].filter(Boolean).join(' ');
      return confirm(ev(`${where(f.view)} allows the call only when ${f.outcome.operator} ${f.outcome.key} ${quote(f.outcome.values)}; for this call it is ${actualWords(f.outcome)}.${extra ? ` ${extra}` : ''}`, 'policy', f.view.policyIndex, f.view.st.index));
    }
    // AWS says no policy of this kind allows, and this Allow was the only one that could: its one
    // unknown condition, on this cause's keys, was false (docs/decisions/016)
    const ab = abduction(ctx);
    const open = ab?.effect === 'Allow' && ab.unknown.length === 1 ? ab.unknown[0]! : null;
    if (ab && open && test(open.key) && a.unknown.some((x) => x.view.policyIndex === ab.view.policyIndex && x.view.st.index === ab.view.st.index)) {
      return confirm(ev(ab.text, 'policy', ab.view.policyIndex, ab.view.st.index));
    }
    const u = a.unknown[0];
    if (u) {
      const neg = /not/i.test(u.outcome.operator);
      return likelyIf(ev(`Likely, if the call's ${u.outcome.key} does not satisfy ${u.outcome.operator} ${quote(u.outcome.values)}: ${where(u.view)} is the Allow that would apply. To pass, the call needs ${u.outcome.key} ${neg ? 'to avoid' : '='} ${quote(u.outcome.values)}${u.outcome.operator.includes('IfExists') ? ' (or no such key)' : ''}.`, 'policy', u.view.policyIndex, u.view.st.index));
    }
    const s = a.satisfied[0];
    if (s) return ruleOut(ev(`${where(s)} checks ${words} and the check passes for this call.`, 'policy', s.policyIndex, s.st.index));
    if (a.primaryPasted && !a.keyUsed) return ruleOut(ev(`No Allow statement of the pasted policies has a condition on ${words}.`, 'policy', a.firstIndex));
    if (a.primaryPasted) return ruleOut(ev(`The condition on ${words} in the pasted policies is not on a statement that would otherwise allow this call.`, 'policy', a.firstIndex));
    return null;
  };
}

/** The value without its ${…} policy variables (linear: indexOf, no regex over the value). */
function withoutVariables(v: string): string {
  let out = '';
  let i = 0;
  while (i < v.length) {
    const s = v.indexOf('${', i);
    if (s < 0) return out + v.slice(i);
    const e = v.indexOf('}', s + 2);
    if (e < 0) return out + v.slice(i);
    out += v.slice(i, s);
    i = e + 1;
  }
  return out;
}

/**
 * A value with * or ? under an operator that compares literally (StringEquals and its kin): IAM expands wildcards
 * only for StringLike / StringNotLike and the ARN operators, so the * must appear in the request itself.
 */
function literalWildcard(o: ConditionOutcome): string | null {
  const base = o.operator.replace(/^For(?:Any|All)Values:/i, '').replace(/IfExists$/i, '').toLowerCase();
  if (!base.startsWith('stringequals') && !base.startsWith('stringnotequals')) return null;
  const w = o.values.find((v) => /[*?]/.test(withoutVariables(v)));
  return w ? `${o.operator.replace(/IfExists$/i, '')} compares literally: the wildcard in "${w}" matches only that character, not any text (StringLike treats * and ? as wildcards).` : null;
}

/** How the message bears on an Allow condition (implicit, mostly in the trust for STS). */
function conditionMessage(bare: number): (ctx: CauseContext) => SignalResult | null {
  return (ctx) => {
    const t = denyType(ctx);
    const k = denyKind(ctx);
    if (k === 'explicit') return weigh(0.2, ev('AWS reports an explicit deny; a failed condition on an Allow is an implicit deny (a Deny with a condition is the explicit-deny cause of its policy).'));
    if (t === 'role-trust') return weigh(2.5, ev(awsSays(ctx, 'AWS reports that no role trust policy allows the call.', 'Conditions on trust statements are a frequent reason.')));
    if (t === 'identity-based' || t === 'resource-based') return weigh(1, ev(awsSays(ctx, `AWS reports that no ${t} policy allows the call.`, 'A condition on its Allow may be what fails.')));
    if (t) return weigh(0.2, ev(`AWS names the ${policyWords(ctx, t)}.`));
    if (!isStsFamily(ctx)) return weigh(Math.max(0.25, bare * 0.4), ev('The message does not say which check failed; a condition on an Allow is one possibility.', 'catalog'));
    return weigh(bare, ev('The bare message does not say which check failed; a condition on the trust policy gives exactly this message.', 'catalog'));
  };
}

const appliesCondition = (ctx: CauseContext) => isDenial(ctx);
const UPDATE_TRUST = 'aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust.json --profile {targetProfile}';
const GET_TRUST_CONDITIONS: CommandTemplate = {
  description: 'The conditions of the trust policy of {targetRoleName}.',
  command: "aws iam get-role --role-name {targetRoleName} --query 'Role.AssumeRolePolicyDocument.Statement[].Condition' --profile {targetProfile}",
  when: (ctx) => isStsFamily(ctx),
};
const LOOKUP_CALL: CommandTemplate = {
  description: 'What the failed call actually sent (requestParameters) — in the caller\'s and the role\'s account.',
  command: "aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=EventName,AttributeValue={eventName} --max-results 20 --query 'Events[].CloudTrailEvent' --output text --profile {targetProfile}",
  // Event history has no data events (S3 object calls, Lambda Invoke, DynamoDB items)
  when: (ctx) => !isDataEvent(ctx.parsed.action),
};

const eq = (...keys: string[]): KeyTest => (k) => keys.includes(k.toLowerCase());

interface Spec {
  id: string; title: string; summary: string; prior: number; test: KeyTest; words: string; bare: number;
  applies?: (ctx: CauseContext) => boolean;
  extra?: Array<(ctx: CauseContext) => SignalResult | null>;
  explain?: (f: ConditionFinding, ctx: CauseContext) => string | null;
  confirm: CommandTemplate[]; fix: FixTemplate; docs: string[]; specificity?: number;
  facts?: (ctx: CauseContext) => TemplateFacts;
}

function conditionCause(s: Spec): CauseDefinition {
  return {
    id: s.id, title: s.title, summary: s.summary, family: 'condition', prior: s.prior, specificity: s.specificity ?? 1,
    appliesTo: (ctx) => appliesCondition(ctx) && (s.applies ? s.applies(ctx) : true),
    signals: [conditionMessage(s.bare), conditionProof(s.test, s.words, s.explain), ...(s.extra ?? [])],
    confirm: s.confirm, fix: s.fix, docs: s.docs, facts: s.facts,
  };
}

/** "c7e1…3e17" vs "c7e1…3e71": the same characters in another order. */
function externalIdHint(f: ConditionFinding, ctx: CauseContext): string | null {
  const sent = ctx.request.externalId;
  if (sent === null) return 'The call passed no external id at all (the console cannot pass one; use the CLI/SDK with --external-id).';
  if (typeof sent !== 'string') return null;
  const want = f.outcome.values[0] ?? '';
  if (want.length === sent.length && [...want].sort().join('') === [...sent].sort().join('')) return `The value sent (${sent}) has the same characters as the required ${want} in another order — a transposition.`;
  if (want.toLowerCase() === sent.toLowerCase()) return 'The values differ only in case; StringEquals is case-sensitive.';
  return `The value sent (${sent}) differs from the one the trust policy requires.`;
}

/** Corrected policy for a condition: relax the operator/value in the failing statement. */
function replaceConditionValue(test: KeyTest, value: (ctx: CauseContext) => string | null) {
  return (ctx: CauseContext): { policyIndex: number; policy: unknown } | null => {
    const a = analyze(ctx, test);
    const f = a.failing[0] ?? a.unknown[0];
    const v = value(ctx);
    if (!f || !v) return null;
    const doc = clone(f.view.policy.document);
    const s = docStatements(doc)?.[f.view.st.index];
    const cond = s?.Condition as Record<string, Record<string, unknown>> | undefined;
    const block = cond?.[f.outcome.operator];
    if (!block) return null;
    const keyName = Object.keys(block).find((k) => k.toLowerCase() === f.outcome.key.toLowerCase());
    if (!keyName) return null;
    const cur = block[keyName];
    block[keyName] = Array.isArray(cur) ? [...cur, v] : cur === undefined ? v : [cur, v];
    return { policyIndex: f.view.policyIndex, policy: doc };
  };
}

const MFA_KEYS = eq('aws:multifactorauthpresent', 'aws:multifactorauthage');
const TAG_TEST: KeyTest = (k) => {
  const l = k.toLowerCase();
  // global tag keys, and every service's own ResourceTag / RequestTag keys (secretsmanager:ResourceTag/…,
  // ec2:ResourceTag/…), which ABAC compares with ${aws:PrincipalTag/…}
  return l.startsWith('aws:principaltag/') || l.includes(':requesttag/') || l.includes(':resourcetag/')
    || l === 'aws:tagkeys' || l === 'sts:transitivetagkeys';
};
const PRINCIPAL_TAG = 'aws:principaltag/';
/** Operators whose value is the tag value itself (no pattern, no negation). */
const EXACT_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringequalsifexists', 'stringlike', 'stringlikeifexists']);

/**
 * The principal tag a failing (or undecided) condition expects: `tagKey` from aws:PrincipalTag/<key>,
 * and `tagValue` when the operator asks for one literal value (not a pattern, not a policy
 * variable), so the fix tags the caller with exactly what the policy checks.
 */
function principalTagFacts(ctx: CauseContext): TemplateFacts {
  const a = analyze(ctx, TAG_TEST);
  const f = [...a.failing, ...a.unknown].find((x) => x.outcome.key.toLowerCase().startsWith(PRINCIPAL_TAG));
  if (!f) return {};
  const out: TemplateFacts = { tagKey: f.outcome.key.slice(PRINCIPAL_TAG.length) || null };
  const v = f.outcome.values[0];
  const op = f.outcome.operator.replace(/^For(?:All|Any)Values:/i, '').toLowerCase();
  if (EXACT_OPERATORS.has(op) && v && !/[*?]|\$\{/.test(v)) out.tagValue = v;
  return out;
}

const NAMED_KEYS = new Set(['sts:externalid', 'aws:multifactorauthpresent', 'aws:multifactorauthage', 'aws:principalorgid', 'aws:principalorgpaths',
  'aws:principalarn', 'sts:rolesessionname', 'sts:sourceidentity', 'aws:sourceidentity']);
/** Keys that other causes own: the named ones, tags, OIDC/SAML claims, KMS and S3 specifics. */
const OTHER_TEST: KeyTest = (k) => {
  const l = k.toLowerCase();
  if (NAMED_KEYS.has(l) || TAG_TEST(l)) return false;
  // a bucket listing's own parameters are request conditions like any other (the home-folder s3:prefix pattern)
  if (l === 's3:prefix' || l === 's3:delimiter' || l === 's3:max-keys') return true;
  if (l.startsWith('kms:') || l.startsWith('s3:') || l.startsWith('iam:passedtoservice')) return false;
  // SAML:aud belongs to saml-aud-mismatch; the assertion's other attributes (SAML:sub_type, SAML:namequalifier,
  // SAML:edupersonaffiliation …) are conditions like any other
  // AWS:SourceOwner (SNS / SQS default policies) only scopes the grant to an account: failing it is a
  // resource policy that does not grant the caller (resource-policy-missing-grant), not a request condition
  if (l === 'aws:sourceowner') return false;
  // the token's sub / aud belong to the web-identity causes; its other claims (Cognito's amr, GitHub's
  // job_workflow_ref, repository_owner, environment …) are conditions like any other
  if (l.endsWith(':sub') || l.endsWith(':aud') || l.endsWith(':oaud')) return false;
  // Cognito's amr (authenticated / unauthenticated) is a token claim like any other (catalog: condition-other)
  if (l.endsWith(':amr')) return true;
  if (l.includes('amazonaws.com')) return false;
  return true;
};

export const causes: CauseDefinition[] = [
  conditionCause({
    id: 'externalid-missing-or-wrong',
    title: 'The trust policy requires an external id the call did not send (or sent wrong)',
    summary: 'A StringEquals sts:ExternalId condition on the trust statement: the key exists only when the caller passes --external-id, and it must match exactly (case-sensitive). The console cannot pass one.',
    prior: 0.12,
    specificity: 2,
    test: eq('sts:externalid'),
    words: 'sts:ExternalId',
    bare: 1,
    applies: (ctx) => isStsFamily(ctx) && !isFederatedAssume(ctx),
    explain: externalIdHint,
    extra: [
      (ctx) => (mentions(ctx, 'invalid information in one or more fields') ? weigh(3, ev('The console says "Invalid information in one or more fields": console switch-role cannot pass an external id.')) : null),
      (ctx) => (crossAccount(ctx) === false ? weigh(0.5, ev('Same-account call: external ids are mostly used for third-party (cross-account) access.', 'catalog')) : null),
    ],
    confirm: [
      GET_TRUST_CONDITIONS,
      { description: 'Retry with the external id the trust policy requires.', command: 'aws sts assume-role --role-arn {targetRoleArn} --role-session-name {roleSessionName} --external-id {requiredExternalId} --profile {callerProfile}' },
      LOOKUP_CALL,
    ],
    fix: {
      description: 'Pass exactly the external id the trust requires ({requiredExternalId}): --external-id on the CLI, ExternalId in the SDK, external_id in the profile. Or correct the value in the trust policy if the vendor\'s is the right one.',
      commands: ['aws configure set external_id {requiredExternalId} --profile <role-profile>'],
    },
    docs: [DOCS.externalId, DOCS.iamKeys],
  }),
  conditionCause({
    id: 'mfa-required',
    title: 'The role (or policy) requires MFA and the call carried none',
    summary: 'A Bool aws:MultiFactorAuthPresent / NumericLessThan aws:MultiFactorAuthAge condition: the call must be made with MFA (SerialNumber + TokenCode, or mfa_serial in the profile). Role sessions carry no MFA, so a chained hop can never satisfy it.',
    prior: 0.15,
    specificity: 2,
    test: MFA_KEYS,
    words: 'MFA',
    bare: 0.8,
    applies: (ctx) => !isFederatedAssume(ctx) || ctx.policies.length > 0,
    explain: (_f, ctx) => (ctx.parsed.caller?.type === 'assumed-role' ? 'The caller is a role session: AssumeRole credentials carry no MFA context, so assume this role directly from the user with MFA.' : ctx.parsed.caller?.type === 'user' ? 'Long-term access keys without --serial-number/--token-code carry no MFA key.' : null),
    extra: [
      (ctx) => {
        if (mentions(ctx, 'must provide both mfa serial number and one time pass code')) return confirm(ev('AWS says: "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code" — the call sent no MFA.'));
        if (mentions(ctx, 'multifactorauthentication failed')) return weigh(2, ev('AWS says MultiFactorAuthentication failed: MFA is required for this call.'));
        return null;
      },
      (ctx) => (ctx.request.mfa === false ? weigh(1.5, ev('The call carried no SerialNumber/TokenCode.', 'request')) : ctx.request.mfa === true ? weigh(0.3, ev('The call carried an MFA code.', 'request')) : null),
      (ctx) => (mentions(ctx, 'source_profile') && !mentions(ctx, 'mfa_serial') ? weigh(1.5, ev('The pasted profile uses source_profile without mfa_serial, so the CLI sends no MFA code.', 'context')) : null),
    ],
    confirm: [
      GET_TRUST_CONDITIONS,
      { description: 'The MFA devices of the caller user (the serial number to pass).', command: 'aws iam list-mfa-devices --user-name {callerUserName} --profile {callerProfile}', when: (ctx) => ctx.parsed.caller?.type !== 'assumed-role' },
      { description: 'Retry with MFA.', command: 'aws sts assume-role --role-arn {targetRoleArn} --role-session-name {roleSessionName} --serial-number arn:{partition}:iam::{mfaAccount}:mfa/{mfaDeviceName} --token-code {tokenCode} --profile {callerProfile}', when: (ctx) => !callsServiceDirectly(ctx) },
      { description: 'Get MFA session credentials, then retry the call with them (set the AccessKeyId, SecretAccessKey and SessionToken it prints as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN).', command: 'aws sts get-session-token --serial-number arn:{partition}:iam::{mfaAccount}:mfa/{mfaDeviceName} --token-code {tokenCode} --profile {callerProfile}', when: callsServiceDirectly },
    ],
    fix: {
      description: 'Call with MFA. To assume a role: add mfa_serial to the role\'s profile (the CLI then prompts for the code) or pass --serial-number and --token-code; for a chain, assume the MFA-protected role directly from the user. For a user\'s own calls: get session credentials with aws sts get-session-token --serial-number … --token-code … and make the call with them.',
      commands: [
        { command: 'aws configure set mfa_serial arn:{partition}:iam::{mfaAccount}:mfa/{mfaDeviceName} --profile <role-profile>', when: (ctx) => !callsServiceDirectly(ctx) },
        { command: 'aws sts get-session-token --serial-number arn:{partition}:iam::{mfaAccount}:mfa/{mfaDeviceName} --token-code {tokenCode} --profile {callerProfile}', when: callsServiceDirectly },
      ],
    },
    docs: [DOCS.mfa, DOCS.keys],
  }),
  {
    id: 'mfa-code-invalid',
    title: 'The MFA serial or one-time code was rejected',
    summary: 'STS could not validate the MFA: the serial number is not the user\'s MFA device ARN (arn:aws:iam::<acct>:mfa/<name>, not a :user/ ARN), or the one-time code is wrong, reused or expired.',
    family: 'condition',
    prior: 0.1,
    specificity: 2,
    gate: { phrases: ['multifactorauthentication', 'mfa code', 'one time pass code'], request: ['mfa'] },
    appliesTo: (ctx) => mentions(ctx, 'multifactorauthentication') || mentions(ctx, 'mfa code') || mentions(ctx, 'one time pass code') || ctx.request.mfa === true,
    signals: [
      (ctx) => {
        if (mentions(ctx, 'unable to validate mfa code') || mentions(ctx, 'invalid mfa one time pass code') || mentions(ctx, 'mfa serial number is valid')) return confirm(ev('AWS says it could not validate the MFA code: the serial number or the one-time code is wrong.'));
        if (mentions(ctx, 'must provide both mfa serial number')) return weigh(0.2, ev('AWS says no MFA was sent at all, so the code itself is not the problem.'));
        if (mentions(ctx, 'multifactorauthentication failed')) return weigh(6, ev('AWS says MultiFactorAuthentication failed.'));
        return weigh(0.5, ev('The call carried an MFA code; if it was reused or late, STS refuses it.', 'request'));
      },
    ],
    confirm: [
      { description: 'The caller\'s MFA device ARN: pass this exact SerialNumber (arn:…:mfa/<name>).', command: 'aws iam list-mfa-devices --user-name {callerUserName} --profile {callerProfile}' },
      { description: 'Retry with a fresh code (each code works once, within its time window).', command: 'aws sts get-session-token --serial-number arn:{partition}:iam::{mfaAccount}:mfa/{mfaDeviceName} --token-code {tokenCode} --profile {callerProfile}' },
    ],
    fix: {
      description: 'Use the MFA device ARN from list-mfa-devices as the serial number and a fresh code; check the device clock if codes keep failing.',
      commands: ['aws configure set mfa_serial arn:{partition}:iam::{mfaAccount}:mfa/{mfaDeviceName} --profile <role-profile>'],
    },
    docs: [DOCS.mfa],
  },
  conditionCause({
    id: 'condition-principalorgid',
    title: 'The aws:PrincipalOrgID condition does not match the caller\'s organization',
    summary: 'The Allow requires aws:PrincipalOrgID (or aws:PrincipalOrgPaths) to be a given organization: callers from another or no organization (a migrated or standalone account), and AWS service principals, fail it.',
    prior: 0.08,
    test: eq('aws:principalorgid', 'aws:principalorgpaths'),
    words: 'aws:PrincipalOrgID',
    bare: 0.6,
    applies: (ctx) => !isFederatedAssume(ctx),
    confirm: [
      { description: 'The caller account\'s organization id (needs organizations:DescribeOrganization).', command: 'aws organizations describe-organization --query Organization.Id --output text --profile {callerProfile}' },
      GET_TRUST_CONDITIONS,
    ],
    fix: {
      description: 'Put the caller\'s organization id ({orgId}) in the condition (or add an aws:PrincipalAccount exception for this account).',
      commands: [UPDATE_TRUST],
      correctPolicy: replaceConditionValue(eq('aws:principalorgid'), (ctx) => ctx.facts.orgId ?? null),
    },
    docs: [DOCS.keys],
  }),
  conditionCause({
    id: 'condition-principalarn',
    title: 'The aws:PrincipalArn condition does not match the caller',
    summary: 'aws:PrincipalArn holds the role ARN with its path (never the session ARN); patterns fail when written as assumed-role ARNs, without the path (Identity Center), with * under StringEquals (needs ArnLike/StringLike), or with a * expected to span a colon.',
    prior: 0.08,
    test: eq('aws:principalarn'),
    words: 'aws:PrincipalArn',
    bare: 0.5,
    applies: (ctx) => !isFederatedAssume(ctx),
    explain: (f) => {
      const o = f.outcome;
      const base = o.operator.replace(/^For(?:AnyValue|AllValues):/, '').replace(/IfExists$/, '');
      // ArnEquals expands * and ? like ArnLike (IAM "Condition operators", ARN section); StringEquals does not
      if (base === 'StringEquals' && o.values.some((v) => v.includes('*'))) return `${base} compares literally: the * in ${quote(o.values)} is not a wildcard; use ArnLike.`;
      if (o.values.some((v) => v.includes(':assumed-role/'))) return 'aws:PrincipalArn is the role ARN, never an assumed-role session ARN.';
      return null;
    },
    confirm: [
      { description: 'The caller role\'s real ARN (with path) — what aws:PrincipalArn holds.', command: 'aws iam get-role --role-name {callerRoleName} --query Role.Arn --output text --profile {callerProfile}' },
      GET_TRUST_CONDITIONS,
    ],
    fix: {
      description: 'Match the role ARN with its path using ArnLike, e.g. "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::{callerAccount}:role/<path>/{callerRoleName}"}.',
      commands: [UPDATE_TRUST],
      correctPolicy: correctPrincipalArnCondition,
    },
    docs: [DOCS.keys, DOCS.operators, DOCS.sso],
  }),
  conditionCause({
    id: 'condition-rolesessionname',
    title: 'The sts:RoleSessionName condition rejects the session name',
    summary: 'The trust statement requires a session name pattern (a prefix, or ${aws:username}, which only IAM users have); the tool picked or inherited another name.',
    prior: 0.05,
    test: eq('sts:rolesessionname'),
    words: 'sts:RoleSessionName',
    bare: 0.3,
    applies: (ctx) => isStsFamily(ctx),
    extra: [(ctx) => (ctx.request.roleSessionName ? weigh(1, ev(`The call asked for session name "${ctx.request.roleSessionName}".`, 'request')) : null)],
    confirm: [GET_TRUST_CONDITIONS, LOOKUP_CALL],
    fix: {
      description: 'Pass a session name the condition accepts with --role-session-name (role_session_name in the profile), or relax the pattern.',
      commands: ['aws sts assume-role --role-arn {targetRoleArn} --role-session-name <allowed-session-name> --profile {callerProfile}'],
    },
    docs: [DOCS.iamKeys],
  }),
  conditionCause({
    id: 'condition-sourceidentity',
    title: 'The source identity condition is not met (or a chain tries to change it)',
    summary: 'sts:SourceIdentity / aws:SourceIdentity must match the statement\'s pattern; a source identity is set once and carried through every chained session — a different value later is denied.',
    prior: 0.05,
    test: eq('sts:sourceidentity', 'aws:sourceidentity'),
    words: 'the source identity',
    bare: 0.2,
    applies: (ctx) => isStsFamily(ctx),
    extra: [(ctx) => (ctx.request.sourceIdentity ? weigh(1.5, ev(`The call sets source identity "${ctx.request.sourceIdentity}".`, 'request')) : null)],
    confirm: [GET_TRUST_CONDITIONS, LOOKUP_CALL],
    fix: {
      description: 'Pass a source identity the pattern accepts with --source-identity on the first hop (it cannot change later), or relax the condition.',
      commands: ['aws sts assume-role --role-arn {targetRoleArn} --role-session-name {roleSessionName} --source-identity <allowed-source-identity> --profile {callerProfile}'],
    },
    docs: [DOCS.sourceIdentity, DOCS.iamKeys],
  }),
  conditionCause({
    id: 'condition-tags',
    title: 'A tag condition (ABAC) is not met',
    summary: 'The Allow checks aws:PrincipalTag/…, aws:RequestTag/…, aws:ResourceTag/…, aws:TagKeys or sts:TransitiveTagKeys: the caller\'s tags (user/role tags plus session tags), the tags passed or the resource\'s tags do not match — a missing tag fails too.',
    prior: 0.06,
    test: TAG_TEST,
    words: 'tags',
    bare: 0.3,
    confirm: [
      { description: 'The caller role\'s tags (aws:PrincipalTag).', command: 'aws iam list-role-tags --role-name {callerRoleName} --profile {callerProfile}', when: (ctx) => ctx.parsed.caller?.type !== 'user' },
      { description: 'The caller user\'s tags (aws:PrincipalTag).', command: 'aws iam list-user-tags --user-name {callerUserName} --profile {callerProfile}', when: (ctx) => ctx.parsed.caller?.type === 'user' },
      GET_TRUST_CONDITIONS,
    ],
    fix: {
      description: 'Tag the principal (or pass the session tag with --tags Key=<key>,Value=<value>, which also needs sts:TagSession in the trust) with the value the condition expects, or correct the condition.',
      commands: [
        { command: 'aws iam tag-role --role-name {callerRoleName} --tags Key={tagKey},Value={tagValue} --profile {callerProfile}', when: (ctx) => ctx.parsed.caller?.type !== 'user' },
        { command: 'aws iam tag-user --user-name {callerUserName} --tags Key={tagKey},Value={tagValue} --profile {callerProfile}', when: (ctx) => ctx.parsed.caller?.type === 'user' },
      ],
    },
    docs: [DOCS.tags, DOCS.keys],
    facts: principalTagFacts,
  }),
  conditionCause({
    id: 'condition-other',
    title: 'Another condition fails (source IP, VPC, time window, Region …)',
    summary: 'The Allow carries a condition on aws:SourceIp, aws:SourceVpc(e), aws:CurrentTime, aws:RequestedRegion, a web-identity token claim other than sub and aud (GitHub job_workflow_ref, repository_owner, environment …), a SAML attribute other than SAML:aud (SAML:sub_type …) or a similar key that this request does not meet (aws:SourceIp is absent through a VPC endpoint).',
    prior: 0.06,
    specificity: 0,
    test: OTHER_TEST,
    words: 'these keys',
    bare: 0.2,
    confirm: [
      { description: 'Simulate with the observed context values (source IP, Region …) to see which one flips the decision.', command: "aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names {action} --resource-arns {targetArn} --context-entries ContextKeyName=aws:SourceIp,ContextKeyValues=<source-ip>,ContextKeyType=ip --query 'EvaluationResults[].{Decision:EvalDecision,Missing:MissingContextValues}' --profile {callerProfile}" },
      LOOKUP_CALL,
    ],
    fix: {
      description: 'Make the call from where the condition expects (network, Region, time) or update the condition (CIDR, VPC endpoint id, window; IfExists where a key can be absent).',
      commands: [UPDATE_TRUST],
    },
    docs: [DOCS.keys, DOCS.operators],
  }),
];


