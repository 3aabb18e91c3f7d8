/**
 * Trust policy of the target role [aws-facts 3.A]: who the role trusts and with which action.
 * The analysis compares every `Principal.AWS` value of the pasted trust policy with the caller
 * (exact ARN, account, `*`, or one of the near misses: a user where a role calls, another account,
 * a session ARN, a path, a stale unique id) and reports proof or weight per cause.
 */
import type { Evidence, Policy } from '../types.js';
import type { CauseContext, CauseDefinition, SignalResult, TemplateFacts } from './types.js';
import {
  STS_ASSUME, actionOf, awsSays, policyWords, addToElement, callerShape, clone, confirm, coversAction, crossAccount, denyKind, denyType, docStatements,
  ev, isAwsPrincipalAssume, isDenial, isServiceAssumeFailure, serviceFromAssumeFailure, isRootMessage, isStsFamily, lower, mentions, policyLabel, principalOk,
  relateAwsPrincipal, ruleOut, likelyIf, statementViews, stmtLabel, weigh, type PrincipalRelation, type StatementView,
} from './signals.js';
import { splitArn } from './templates.js';
import { webProviderInOtherAccount } from './oidc.js';
import { DOCS } from './docs.js';
import { abducedFor } from './abduce.js';
import { ctxCache } from './memo.js';
import { decodedDeny } from './decoded.js';
import { hasIacReference } from '../policy/iac.js';


// ───────────────────────────── shared confirm commands ─────────────────────────────

const GET_TRUST = {
  description: 'Read the trust policy of {targetRoleName} (credentials in the role\'s account {targetAccount}).',
  command: "aws iam get-role --role-name {targetRoleName} --query 'Role.{Arn:Arn,RoleId:RoleId,Trust:AssumeRolePolicyDocument}' --profile {targetProfile}",
};
const WHO = {
  description: 'See the exact ARN and unique id the failing call uses (UserId AIDA… = user, AROA…:session = role session).',
  command: 'aws sts get-caller-identity --profile {callerProfile}',
};
const UPDATE_TRUST = 'aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust.json --profile {targetProfile}';

// ───────────────────────────── analysis ─────────────────────────────

interface PrincipalRef { view: StatementView; value: string; relation: PrincipalRelation }
interface TrustAnalysis {
  /** Pasted trust policies (valid ones). */
  pasted: boolean;
  views: StatementView[];
  allows: StatementView[];
  denies: StatementView[];
  /** Allow statements whose principal names the caller (exact, account or *). */
  naming: StatementView[];
  /** Every Principal.AWS value of Allow statements with its relation to the caller. */
  refs: PrincipalRef[];
  callerKnown: boolean;
}

const cache = ctxCache<TrustAnalysis>();

export function trustAnalysis(ctx: CauseContext): TrustAnalysis {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const views = statementViews(ctx, ['trust']);
  const shape = callerShape(ctx);
  const allows = views.filter((v) => v.st.effect === 'Allow');
  const refs: PrincipalRef[] = [];
  for (const v of allows) for (const value of v.st.principal?.AWS ?? []) refs.push({ view: v, value, relation: relateAwsPrincipal(value, shape) });
  const a: TrustAnalysis = {
    pasted: views.length > 0,
    views,
    allows,
    denies: views.filter((v) => v.st.effect === 'Deny'),
    naming: allows.filter(principalOk),
    refs,
    callerKnown: !!shape.arn && (!!shape.account || shape.type === 'service'),
  };
  cache.set(ctx, a);
  return a;
}

const where = (v: StatementView) => `${stmtLabel(v.st)} of ${policyLabel(v.policy, v.policyIndex)}`;
const hitWords = (v: StatementView) => (v.principal === 'exact' ? 'its ARN' : v.principal === 'account' ? 'its account' : v.principal === 'maybe' ? 'by name or account, as far as the hidden account id allows to tell' : '"*"');
const pev = (text: string, v: StatementView): Evidence => ev(text, 'policy', v.policyIndex, v.st.index);

/** Names the caller as AWS would match it (role ARN for a session). */
function callerWords(ctx: CauseContext): string {
  const f = ctx.facts;
  if (ctx.parsed.caller?.type === 'assumed-role') return `role ${f.callerRoleArn ?? f.callerRoleName ?? 'of the caller'} (session ${f.callerArn})`;
  return f.callerArn ?? 'the caller';
}

/** A trust-policy principal-level cause: proof from near-miss relations in the pasted trust. */
function relationSignal(relations: PrincipalRelation[], found: (r: PrincipalRef, ctx: CauseContext) => string, none: string) {
  return (ctx: CauseContext): SignalResult | null => {
    const t = trustAnalysis(ctx);
    if (!t.pasted) return weigh(0.6, ev('Only the pasted trust policy can show this particular mistake.', 'catalog'));
    const hits = t.refs.filter((r) => relations.includes(r.relation));
    if (t.naming.length) {
      const v = t.naming[0]!;
      return ruleOut(pev(`${where(v)} already names the caller (${hitWords(v)}), so the principal is not what fails.`, v));
    }
    if (!hits.length) return t.callerKnown ? ruleOut(ev(none, 'policy', t.views[0]?.policyIndex)) : null;
    const h = hits[0]!;
    return t.callerKnown ? confirm(pev(found(h, ctx), h.view)) : weigh(4, pev(found(h, ctx), h.view));
  };
}

/** The message shape typical of a trust-side refusal. */
function trustMessageSignal(ctx: CauseContext): SignalResult | null {
  if (isRootMessage(ctx)) return ruleOut(ev('The message says the root user called: root credentials can never assume a role, whatever the trust policy says, so the trust policy is not the cause.'));
  const type = denyType(ctx);
  if (type === 'role-trust' && denyKind(ctx) !== 'explicit') return weigh(4, ev(awsSays(ctx, 'AWS reports that no role trust policy allows the call.')));
  if (type === 'role-trust') return weigh(0.3, ev(`AWS reports an explicit deny in the ${policyWords(ctx, 'role-trust')}, not a missing principal.`));
  if (type) return weigh(0.15, ev(`AWS names the ${policyWords(ctx, type)} as the one that refused, not the trust policy.`));
  if (denyKind(ctx) === 'explicit') return weigh(0.3, ev('AWS reports an explicit deny; a trust policy that simply omits the caller is an implicit deny.'));
  if (crossAccount(ctx) === true) return weigh(1.5, ev('Cross-account AssumeRole with the bare message: AWS does not say which side refused, and a trust policy that does not name the caller is the most frequent reason.'));
  if (crossAccount(ctx) === null) return weigh(1.3, ev('The bare AssumeRole message: AWS does not say which policy refused, and a trust policy that does not name the caller is the most frequent reason.'));
  return weigh(1, ev('The bare AssumeRole message: AWS does not say which policy refused.'));
}

/** A signal that reads an AWS-principal AssumeRole only (a cause that also serves web identity). */
function assumeOnly(f: (ctx: CauseContext) => SignalResult | null): (ctx: CauseContext) => SignalResult | null {
  return (ctx) => (isAwsPrincipalAssume(ctx) ? f(ctx) : null);
}

function notPastedHint(ctx: CauseContext): SignalResult | null {
  return trustAnalysis(ctx).pasted ? null : weigh(1, ev('The trust policy was not pasted; the first confirm command shows it.', 'catalog'));
}

// ───────────────────────────── corrected trust documents ─────────────────────────────

function firstTrust(ctx: CauseContext): { policy: Policy; index: number } | null {
  const i = ctx.policies.findIndex((p) => p.kind === 'trust' && p.valid);
  return i >= 0 ? { policy: ctx.policies[i]!, index: i } : null;
}

/** The principal to add for this caller: the role ARN for a session, else the caller ARN. */
function principalToTrust(ctx: CauseContext): string | null {
  const c = ctx.parsed.caller;
  if (!c) return null;
  if (c.type === 'assumed-role' || c.type === 'role') {
    const known = callerShape(ctx).knownRoleArn;
    return known ?? ctx.facts.callerRoleArn ?? null;
  }
  if (c.type === 'user') return c.arn;
  return null;
}

/** Minimal change: replace one principal value (or add the caller) in the statement that meant it. */
function correctTrustPrincipal(ctx: CauseContext, relations: PrincipalRelation[] | null): { policyIndex: number; policy: unknown } | null {
  const add = principalToTrust(ctx);
  if (!add) return null;
  const t = trustAnalysis(ctx);
  const ref = relations ? t.refs.find((r) => relations.includes(r.relation)) : null;
  const tp = ref ? { policy: ref.view.policy, index: ref.view.policyIndex } : firstTrust(ctx);
  if (!tp) return null;
  const doc = clone(tp.policy.document);
  const stmts = docStatements(doc);
  if (!stmts) return null;
  if (ref) {
    const raw = stmts[ref.view.st.index];
    const pr = raw?.Principal as Record<string, unknown> | undefined;
    if (!raw || !pr || typeof pr !== 'object') return null;
    const aws = pr.AWS;
    if (Array.isArray(aws)) pr.AWS = aws.map((x) => (x === ref.value ? add : x));
    else pr.AWS = add;
    return { policyIndex: tp.index, policy: doc };
  }
  // add the caller to an unconditioned Allow for sts:AssumeRole, else a new statement
  const target = t.allows.find((v) => v.policyIndex === tp.index && v.st.conditions.length === 0 && coversAction(v.st, 'sts:AssumeRole') && v.st.principal && (v.st.principal.AWS.length > 0));
  const raw = target ? stmts[target.st.index] : undefined;
  if (raw && raw.Principal && typeof raw.Principal === 'object') {
    const pr = raw.Principal as Record<string, unknown>;
    pr.AWS = addToElement(pr.AWS, add);
  } else {
    stmts.push({ Sid: 'TrustCaller', Effect: 'Allow', Principal: { AWS: add }, Action: 'sts:AssumeRole' });
  }
  return { policyIndex: tp.index, policy: doc };
}

// ───────────────────────────── service principals ─────────────────────────────

const SERVICE_WORDS: Record<string, string> = {
  lambda: 'lambda.amazonaws.com', ecs: 'ecs-tasks.amazonaws.com', 'ecs-tasks': 'ecs-tasks.amazonaws.com', ec2: 'ec2.amazonaws.com',
  'step functions': 'states.amazonaws.com', states: 'states.amazonaws.com', glue: 'glue.amazonaws.com', codebuild: 'codebuild.amazonaws.com',
  codepipeline: 'codepipeline.amazonaws.com', sagemaker: 'sagemaker.amazonaws.com', 'api gateway': 'apigateway.amazonaws.com',
  eks: 'eks.amazonaws.com', events: 'events.amazonaws.com', eventbridge: 'events.amazonaws.com', scheduler: 'scheduler.amazonaws.com',
  firehose: 'firehose.amazonaws.com', cloudformation: 'cloudformation.amazonaws.com', batch: 'batch.amazonaws.com',
  datasync: 'datasync.amazonaws.com', backup: 'backup.amazonaws.com', 'elastic beanstalk': 'elasticbeanstalk.amazonaws.com',
};

/** The service principal the error says must assume the role, if any ("cannot be assumed by Lambda"). */
function requiredService(ctx: CauseContext): string | null {
  const c = ctx.parsed.caller;
  if (c?.type === 'service' && c.arn) return c.arn.toLowerCase();
  const named = serviceFromAssumeFailure(ctx);
  if (named) return named;
  const text = lower(ctx.parsed.message) || lower(ctx.text);
  const i = text.indexOf('cannot be assumed by ');
  if (i >= 0) {
    const rest = text.slice(i + 'cannot be assumed by '.length, i + 'cannot be assumed by '.length + 40);
    for (const [w, sp] of Object.entries(SERVICE_WORDS)) if (rest.startsWith(w)) return sp;
    const word = /^[a-z0-9-]{2,30}/.exec(rest)?.[0];
    return word ? `${word}.amazonaws.com` : null;
  }
  return null;
}

/**
 * A federated caller (a web identity token, a SAML assertion) against a pasted trust none of whose Allow statements
 * names a Federated principal of that kind: only an OIDC provider (a SAML provider) can match it (IAM "AWS JSON policy
 * elements: Principal", federated principals) — an IRSA pod whose role trusts only pods.eks.amazonaws.com. What the
 * trust names instead, or null when it does name one (or the caller is no federated one).
 */
function federatedKindMissing(ctx: CauseContext): string | null {
  const c = ctx.parsed.caller?.type;
  if (c !== 'web-identity' && c !== 'saml') return null;
  const t = trustAnalysis(ctx);
  if (!t.pasted) return null;
  const saml = c === 'saml';
  const fed = t.allows.flatMap((v) => v.st.principal?.Federated ?? []);
  if (fed.some((f) => f.includes(':saml-provider/') === saml)) return null;
  if (t.allows.some((v) => v.st.principal?.AWS.some((a) => a === '*'))) return null;
  const services = t.allows.flatMap((v) => v.st.principal?.Service ?? []);
  const aws = t.refs.map((r) => r.value);
  const names = [...services.map((s) => `the service ${s}`), ...aws.slice(0, 3), ...fed.slice(0, 3)];
  return `The caller is a ${saml ? 'SAML' : 'web identity'} federated user, which only a Federated ${saml ? 'SAML' : 'OIDC'} provider in the trust can match; no Allow statement names one${names.length ? ` — the trust names ${names.join(', ')}` : ''}.`;
}

// ───────────────────────────── the causes ─────────────────────────────

const applyAssume = (ctx: CauseContext) => isDenial(ctx) && isAwsPrincipalAssume(ctx);

/**
 * A name or account with its redaction collapsed: runs of X, Y, Z, x, *, # (three or more) become one
 * marker, so `1454YYYYYYYY` and `1454YYYYYYY` (the same account, redacted by hand twice) compare equal.
 */
function unredacted(s: string): string {
  return s.replace(/([XYZxyz*#])\1{2,}/g, '\u2026');
}

/**
 * Two role names that agree up to a redaction or a cut (`AWSReservedSSO_<REDACTED>` and a target
 * ARN cut off at `AWSReservedSSO_<RE`): the same name as far as the text shows it.
 */
function sameUpToRedaction(a: string, b: string): boolean {
  const kept = (s: string) => {
    const u = unredacted(s);
    const i = u.search(/[<\u2026]/);
    return i < 0 ? null : u.slice(0, i);
  };
  const x = kept(a);
  return x !== null && x.length >= 4 && x === kept(b);
}

/** Caller and target in the same account — also when both show the same redaction (`***`, `ACCOUNTID`). */
function sameAccountSegment(ctx: CauseContext): boolean {
  if (ctx.facts.callerAccount && ctx.facts.callerAccount === ctx.facts.targetAccount) return true;
  const a = splitArn(ctx.parsed.caller?.arn)?.account;
  const b = splitArn(ctx.parsed.target?.arn)?.account;
  return !!a && a === b;
}

export const causes: CauseDefinition[] = [
  {
    id: 'trust-principal-missing',
    title: 'The role\'s trust policy does not name the caller',
    summary: 'No Allow statement in the target role\'s trust policy names the caller\'s ARN, its account or "*", so the role account refuses the AssumeRole whatever the caller\'s own permissions say.',
    family: 'trust-policy',
    prior: 0.75,
    specificity: 0,
    gate: { keys: ['aws-assume'] },
    appliesTo: applyAssume,
    signals: [
      trustMessageSignal,
      notPastedHint,
      (ctx) => {
        if (ctx.parsed.shape !== 'cdk-could-not-assume' && !mentions(ctx, 'cdk-hnb659fds')) return null;
        // CDK: "current credentials could not be used to assume …, but are for the right account":
        // the bootstrap roles trust their own account, so the trust is not what refuses
        if (mentions(ctx, 'are for the right account')) return weigh(0.3, ev('CDK says the credentials are for the role\'s own account, which the bootstrap roles trust by default: the credentials in use (or their own policy) are the more likely problem than the trust.', 'message'));
        return weigh(1.5, ev('CDK bootstrap roles trust only the accounts given to `cdk bootstrap --trust` (and their own account); a pipeline or another account not listed there cannot assume them.', 'context'));
      },
      (ctx) => {
        const t = trustAnalysis(ctx);
        if (!t.pasted) return null;
        const sure = t.naming.find((v) => v.principal !== 'maybe');
        if (sure) return ruleOut(pev(`${where(sure)} names the caller (${sure.principal === 'exact' ? 'its ARN' : sure.principal === 'account' ? 'its account' : '"*"'}).`, sure));
        if (t.naming.length) {
          const v = t.naming[0]!;
          const named = (v.st.principal?.AWS ?? []).join(', ');
          const deployed = (v.st.principal?.AWS ?? []).filter(hasIacReference);
          return weigh(0.4, pev(deployed.length
            ? `${where(v)} names ${named}, which CloudFormation or Terraform fills in at deploy time: if the deployed value names ${callerWords(ctx)}, the principal is fine. The deployed trust policy (the first confirm command) tells.`
            : `${where(v)} names ${named}; the error hides the caller's account, so if that is the caller's account the principal is fine.`, v));
        }
        const named = t.refs.map((r) => r.value).concat(t.allows.flatMap((v) => [...(v.st.principal?.Service ?? []), ...(v.st.principal?.Federated ?? [])]));
        const text = `No Allow statement of the pasted trust policy names ${callerWords(ctx)} or account ${ctx.facts.callerAccount ?? '(unknown)'}; it trusts only ${named.length ? named.slice(0, 5).join(', ') : 'nobody'}.`;
        return t.callerKnown ? confirm(ev(text, 'policy', t.views[0]?.policyIndex)) : weigh(4, ev(text, 'policy', t.views[0]?.policyIndex));
      },
    ],
    confirm: [
      GET_TRUST,
      WHO,
    ],
    fix: {
      description: 'Add the caller to Principal.AWS of the trust policy of {targetRoleName}: the role ARN (with its path) for a role session, the user ARN for a user, or the account root plus an identity-policy Allow in the caller account. Cross-account, the caller\'s own policy must also allow sts:AssumeRole on {targetRoleArn}.',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => correctTrustPrincipal(ctx, null),
    },
    docs: [DOCS.principal, DOCS.assumeRoleError, DOCS.troubleshootRoles],
  },
  {
    id: 'trust-principal-user-vs-role',
    title: 'The trust policy names a user but the caller is a role session (or the reverse)',
    summary: 'The trust policy names an IAM user where the call comes from a role session (a CI job or task moved from access keys to a role), or names a role where a user calls; a user principal never matches a role session.',
    family: 'trust-policy',
    prior: 0.2,
    specificity: 2,
    refines: ['trust-principal-missing'],
    gate: { keys: ['aws-assume'] },
    appliesTo: applyAssume,
    signals: [
      trustMessageSignal,
      relationSignal(['user-vs-role'],
        (r, ctx) => `${where(r.view)} trusts ${r.value}, a ${r.value.includes(':user/') ? 'user' : 'role'}, but the caller is ${ctx.parsed.caller?.type === 'user' ? `the user ${ctx.facts.callerArn}` : callerWords(ctx)}; that principal never matches this caller.`,
        'No principal in the pasted trust policy is a user where a role calls, or a role where a user calls.'),
      (ctx) => (!trustAnalysis(ctx).pasted && (ctx.parsed.caller?.type === 'assumed-role' || ctx.parsed.caller?.type === 'user')
        ? weigh(0.5, ev(`The caller is ${ctx.parsed.caller.type === 'user' ? 'an IAM user' : 'a role session'}; if the trust was written for the other kind of principal it cannot match.`))
        : null),
    ],
    confirm: [
      WHO,
      GET_TRUST,
    ],
    fix: {
      description: 'Trust the principal the workload really runs as: {callerRoleArn} (role ARN with its path, from aws iam get-role) for a role session, or the user ARN for a user.',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => correctTrustPrincipal(ctx, ['user-vs-role']),
    },
    docs: [DOCS.principal, DOCS.identifiers],
  },
  {
    id: 'trust-principal-wrong-account',
    title: 'The trust policy names the right principal in the wrong account (or partition)',
    summary: 'The trust policy names a principal with the caller\'s name but another account id or partition (a staging id copied into prod, aws vs aws-cn/aws-us-gov).',
    family: 'trust-policy',
    prior: 0.2,
    specificity: 2,
    refines: ['trust-principal-missing'],
    gate: { keys: ['aws-assume', 'web-identity'] },
    appliesTo: (ctx) => applyAssume(ctx) || (isDenial(ctx) && webProviderInOtherAccount(ctx) !== null),
    signals: [
      (ctx) => {
        // web identity: the role's own provider was found (plain AccessDenied), the trust names it under another account
        const w = webProviderInOtherAccount(ctx);
        if (!w) return null;
        return { weight: 6, proof: 'confirmed', evidence: ev(`The trust's Federated principal names ${w.elsewhere.join(', ')}, a provider of another account, but the role is in ${w.acct}: STS answered a plain AccessDenied, so it found the issuer's provider in ${w.acct} (a missing one answers "No OpenIDConnect provider found"), and a trust naming the provider under another account never matches it. Name arn:…:iam::${w.acct}:oidc-provider/… in the trust.`, 'policy', w.trustIndex) };
      },
      assumeOnly(trustMessageSignal),
      assumeOnly(relationSignal(['wrong-account'],
        (r, ctx) => `${where(r.view)} trusts ${r.value}: the same name as the caller but account/partition ${splitArn(r.value)?.account ?? '?'}/${splitArn(r.value)?.partition ?? '?'}, while the caller is in ${ctx.facts.callerAccount ?? '?'}/${ctx.facts.partition ?? 'aws'}.`,
        'No principal in the pasted trust policy has the caller\'s name in another account.')),
      (ctx) => (isAwsPrincipalAssume(ctx) && !trustAnalysis(ctx).pasted && crossAccount(ctx) ? weigh(0.6, ev('Cross-account call: a mistyped account id in the trust policy looks exactly like this.')) : null),
    ],
    confirm: [
      // a web identity has no AWS account of its own: the provider the trust names must be the role's account's
      { description: 'The caller\'s account id.', command: 'aws sts get-caller-identity --query Account --output text --profile {callerProfile}', when: (ctx) => !webProviderInOtherAccount(ctx) },
      { description: 'The OIDC providers of the role\'s account: the trust must name the one for the token\'s issuer, under this account.', command: 'aws iam list-open-id-connect-providers --profile {targetProfile}', when: (ctx) => !!webProviderInOtherAccount(ctx) },
      GET_TRUST,
    ],
    facts: (ctx) => {
      const w = webProviderInOtherAccount(ctx);
      // trustPrincipalAccount defaults to the caller's account (rankCausesChecked)
      const own: TemplateFacts = w ? { trustPrincipalAccount: `${w.acct}, the role's own account (its OIDC provider for the token's issuer)` } : {};
      return own;
    },
    fix: {
      description: 'Correct the account id (and partition) in the trust policy principal to {trustPrincipalAccount}.',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => correctTrustPrincipal(ctx, ['wrong-account']),
    },
    docs: [DOCS.principal, 'https://repost.aws/knowledge-center/iam-trust-policy-error'],
  },
  {
    id: 'trust-principal-assumed-role-arn',
    title: 'The trust policy names one role session ARN instead of the role',
    summary: 'A principal of the form arn:aws:sts::…:assumed-role/role/session (copied from an error or from get-caller-identity) matches only that one session name; every new session fails.',
    family: 'trust-policy',
    prior: 0.1,
    specificity: 2,
    refines: ['trust-principal-missing'],
    gate: { keys: ['aws-assume'] },
    appliesTo: applyAssume,
    signals: [
      trustMessageSignal,
      relationSignal(['session-arn', 'session-arn-other-role'],
        (r, ctx) => `${where(r.view)} trusts the session ARN ${r.value}, which matches only that session name; this call comes from session ${ctx.facts.sessionName ?? ctx.facts.callerArn}.`,
        'No principal in the pasted trust policy is an assumed-role session ARN.'),
      (ctx) => (!trustAnalysis(ctx).pasted ? weigh(0.5, ev('Session ARNs in trust policies work once and fail for the next session; only the pasted trust policy can show it.', 'catalog')) : null),
    ],
    confirm: [GET_TRUST, WHO],
    fix: {
      description: 'Replace the session ARN with the role ARN {callerRoleArn} (or trust the account and restrict with ArnLike aws:PrincipalArn).',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => correctTrustPrincipal(ctx, ['session-arn', 'session-arn-other-role']),
    },
    docs: [DOCS.principal],
  },
  {
    id: 'trust-principal-path-mismatch',
    title: 'The role ARN in the trust policy lacks (or has the wrong) path',
    summary: 'Trust principals and aws:PrincipalArn need the role ARN with its path; the session ARN in an error has none. Identity Center roles live under /aws-reserved/sso.amazonaws.com/<region>/.',
    family: 'trust-policy',
    prior: 0.15,
    specificity: 2,
    refines: ['trust-principal-missing', 'condition-principalarn'],
    gate: { keys: ['aws-assume'] },
    appliesTo: applyAssume,
    signals: [
      trustMessageSignal,
      (ctx) => {
        const t = trustAnalysis(ctx);
        if (!t.pasted) return callerShape(ctx).ssoRole
          ? weigh(2, ev(`The caller ${ctx.facts.callerRoleName} is an Identity Center role; its real ARN has the path /aws-reserved/sso.amazonaws.com/<region>/, which the session ARN does not show.`))
          : weigh(0.4, ev('Nothing points at a role path here (the caller is not an Identity Center role); only the pasted trust policy could show a path mistake.', 'catalog'));
        const ref = t.refs.find((r) => r.relation === 'path-mismatch');
        if (ref && !t.naming.length) return confirm(pev(`${where(ref.view)} trusts ${ref.value}, the caller's role name without its real path${callerShape(ctx).knownRoleArn ? ` (${callerShape(ctx).knownRoleArn})` : ' (/aws-reserved/sso.amazonaws.com/…/)'}.`, ref.view));
        // aws:PrincipalArn conditions that name the caller's role without its path
        const shape = callerShape(ctx);
        for (const v of t.naming) {
          for (const o of v.conditions) {
            if (o.key.toLowerCase() !== 'aws:principalarn' || o.result === true) continue;
            for (const val of o.values) {
              const rel = relateAwsPrincipal(val, shape);
              if (rel === 'path-mismatch') return confirm(pev(`${where(v)} requires ${o.operator} aws:PrincipalArn ${val}: the caller's role without its real path ${shape.knownRoleArn ?? '(/aws-reserved/sso.amazonaws.com/<region>/)'}, so it never matches.`, v));
            }
          }
        }
        if (t.naming.length && t.naming.some((v) => v.condition === true)) return ruleOut(pev(`${where(t.naming[0]!)} matches the caller, path included.`, t.naming[0]!));
        return t.callerKnown ? ruleOut(ev('No role ARN in the pasted trust policy (principal or aws:PrincipalArn) differs from the caller\'s only by its path.', 'policy', t.views[0]?.policyIndex)) : null;
      },
    ],
    confirm: [
      { description: 'The caller role\'s real ARN, path included (credentials in the caller account).', command: 'aws iam get-role --role-name {callerRoleName} --query Role.Arn --output text --profile {callerProfile}' },
      { description: 'For Identity Center roles: every permission-set role ARN with its path.', command: "aws iam list-roles --path-prefix /aws-reserved/sso.amazonaws.com/ --query 'Roles[].Arn' --profile {callerProfile}" },
      GET_TRUST,
    ],
    fix: {
      description: 'Use the role ARN with its path. For Identity Center, trust the account and match the role with ArnLike aws:PrincipalArn "arn:aws:iam::{callerAccount}:role/aws-reserved/sso.amazonaws.com/*/{callerRoleName}".',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => {
        const t = trustAnalysis(ctx);
        const ref = t.refs.find((r) => r.relation === 'path-mismatch');
        if (ref) return correctTrustPrincipal(ctx, ['path-mismatch']);
        return correctPrincipalArnCondition(ctx);
      },
    },
    docs: [DOCS.sso, DOCS.identifiers, DOCS.principal],
  },
  {
    id: 'trust-principal-stale-unique-id',
    title: 'The trusted principal was deleted and recreated (the trust shows an AROA…/AIDA… id)',
    summary: 'IAM stores trust principals as unique ids; when the role or user is deleted the policy shows the raw id (AROA…, AIDA…) and a recreated principal with the same name no longer matches.',
    family: 'trust-policy',
    prior: 0.15,
    specificity: 2,
    refines: ['trust-principal-missing'],
    gate: { keys: ['aws-assume'] },
    appliesTo: applyAssume,
    signals: [
      trustMessageSignal,
      relationSignal(['stale-unique-id'],
        (r) => `${where(r.view)} shows the principal as ${r.value}, a unique id instead of an ARN: the principal it pointed to was deleted (and perhaps recreated with a new id).`,
        'Every principal in the pasted trust policy is an ARN or account, not a raw AROA…/AIDA… unique id.'),
      (ctx) => (!trustAnalysis(ctx).pasted ? weigh(0.5, ev('If the calling role or user was recreated (redeploy, Terraform replace, Identity Center reassignment), the trust now holds its old unique id.', 'catalog')) : null),
    ],
    confirm: [
      GET_TRUST,
      { description: 'The current unique id of the calling role (compare with the id in the trust policy).', command: 'aws iam get-role --role-name {callerRoleName} --query Role.RoleId --output text --profile {callerProfile}' },
    ],
    fix: {
      description: 'Re-save the trust policy with the principal\'s ARN ({callerRoleArn}); to survive the next recreation, trust the account and restrict with ArnLike aws:PrincipalArn.',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => correctTrustPrincipal(ctx, ['stale-unique-id']),
    },
    docs: [DOCS.principal, DOCS.identifiers],
  },
  {
    id: 'trust-self-assumption-missing',
    title: 'A role session assumes its own role, which no longer trusts itself implicitly',
    summary: 'Since 2023 a role does not trust itself implicitly; a session of role R calling AssumeRole on R fails unless R\'s trust policy names R (or its account plus an identity Allow).',
    family: 'trust-policy',
    prior: 0.25,
    specificity: 2,
    refines: ['trust-principal-missing'],
    appliesTo: (ctx) => {
      if (!applyAssume(ctx)) return false;
      const c = ctx.parsed.caller;
      const t = ctx.parsed.target;
      if (!c || !t || (c.type !== 'assumed-role' && c.type !== 'role') || !c.name || t.resourceType !== 'role' || !t.name) return false;
      if (unredacted(c.name) !== unredacted(t.name) && !sameUpToRedaction(c.name, t.name)) return false;
      return !(c.accountId && t.accountId && unredacted(c.accountId) !== unredacted(t.accountId));
    },
    signals: [
      (ctx) => {
        if (unredacted(ctx.parsed.caller?.name ?? '') !== unredacted(ctx.parsed.target?.name ?? '')) {
          return weigh(6, ev(`The caller's role (${ctx.parsed.caller?.name}) and the target role (${ctx.parsed.target?.name}) have the same name as far as the text shows it (the rest is redacted or cut off): most likely a role session re-assuming its own role.`));
        }
        return sameAccountSegment(ctx) || (ctx.parsed.caller?.name !== ctx.parsed.target?.name && unredacted(ctx.parsed.caller?.accountId ?? '') === unredacted(ctx.parsed.target?.accountId ?? ''))
        ? weigh(25, ev(`The caller is a session of role ${ctx.facts.callerRoleName} and the target is the same role ${ctx.facts.targetRoleArn}: a role re-assuming itself (role-chaining in CI, IRSA, a kubeconfig --role-arn).`))
        : weigh(4, ev(`The caller's role and the target role are both named ${ctx.facts.callerRoleName}; the error hides an account id, so this is the same role unless the two live in different accounts.`));
      },
      (ctx) => {
        const t = trustAnalysis(ctx);
        if (!t.pasted) return null;
        const self = t.naming.find((v) => v.principal === 'exact');
        if (self) return ruleOut(pev(`${where(self)} names the role itself, so self-assumption is allowed.`, self));
        if (t.naming.length) return weigh(0.3, pev(`${where(t.naming[0]!)} trusts the account, so the role\'s own identity policy must also allow sts:AssumeRole on itself.`, t.naming[0]!));
        return confirm(ev(`The trust policy does not name ${ctx.facts.callerRoleArn ?? 'the role itself'} or its account, so the role cannot assume itself.`, 'policy', t.views[0]?.policyIndex));
      },
      (ctx) => (mentions(ctx, 'role-chaining: true') ? weigh(1.5, ev('The workflow sets role-chaining: true, which calls AssumeRole again with the credentials it already holds.', 'context')) : null),
    ],
    confirm: [
      GET_TRUST,
      WHO,
    ],
    fix: {
      description: 'Usually: do not re-assume the role (the workload already holds its credentials; drop the second assume step or role-chaining). If you need a fresh session (tags, session policy), add {targetRoleArn} to its own trust policy.',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => correctTrustPrincipal(ctx, null),
    },
    docs: [DOCS.selfTrust, DOCS.updateTrust],
  },
  {
    id: 'trust-service-vs-aws-principal',
    title: 'The trust policy names the wrong kind of principal (Service vs AWS) or the wrong service',
    summary: 'A service role must trust the exact service principal (lambda.amazonaws.com, ecs-tasks.amazonaws.com …) under Principal.Service; a person or workload needs Principal.AWS. Either way round, nobody matches.',
    family: 'trust-policy',
    prior: 0.2,
    specificity: 2,
    refines: ['trust-principal-missing'],
    appliesTo: (ctx) => applyAssume(ctx) || (isDenial(ctx) && (isServiceAssumeFailure(ctx) || federatedKindMissing(ctx) !== null)),
    signals: [
      (ctx) => {
        const svc = requiredService(ctx);
        if (svc && isServiceAssumeFailure(ctx)) return weigh(30, ev(`The service says it cannot assume the role: the trust must allow the service principal ${svc}.`));
        if (isServiceAssumeFailure(ctx)) return weigh(20, ev('A service says it cannot assume the role it was given: the role\'s trust must allow that service\'s principal (<service>.amazonaws.com) to call sts:AssumeRole.'));
        if (svc) return weigh(3, ev(`The caller is the service principal ${svc}.`));
        return null;
      },
      (ctx) => {
        const t = trustAnalysis(ctx);
        if (!t.pasted) return null;
        const svc = requiredService(ctx);
        const services = t.allows.flatMap((v) => v.st.principal?.Service ?? []).map((s) => s.toLowerCase());
        if (svc) {
          const v = t.allows.find((x) => x.st.principal?.Service.some((s) => s.toLowerCase() === svc) && coversAction(x.st, 'sts:AssumeRole'));
          if (v) return ruleOut(pev(`${where(v)} allows ${svc} to call sts:AssumeRole.`, v));
          // the statement names the service with other actions only: the principal is right, the action is not
          const named = t.allows.find((x) => x.st.principal?.Service.some((s) => s.toLowerCase() === svc));
          if (named) return ruleOut(pev(`${where(named)} names the service principal ${svc} (under Principal.Service), but not with sts:AssumeRole: the principal is right, the action is what is missing.`, named));
          return confirm(ev(`No Allow statement names the service principal ${svc}${services.length ? `; the trust names ${services.join(', ')}` : t.refs.length ? `; it names only AWS principals (${t.refs.slice(0, 3).map((r) => r.value).join(', ')})` : ''}.`, 'policy', t.views[0]?.policyIndex));
        }
        if (isServiceAssumeFailure(ctx)) {
          // the message does not name the service: a trust with no service principal cannot be it
          if (!services.length) return confirm(ev('A service could not assume the role, and no Allow statement of the trust names any service principal.', 'policy', t.views[0]?.policyIndex));
          return weigh(2, ev(`A service could not assume the role; the trust allows only ${services.join(', ')}: check that this is the service that runs the job.`, 'policy', t.views[0]?.policyIndex));
        }
        const fedMissing = federatedKindMissing(ctx);
        if (fedMissing) return confirm(ev(fedMissing, 'policy', t.views[0]?.policyIndex));
        // a person / workload calls a role that trusts only services
        const c = ctx.parsed.caller?.type;
        if ((c === 'user' || c === 'assumed-role' || c === 'role') && services.length && !t.refs.length && !t.naming.length) {
          return confirm(ev(`The trust names only service principals (${services.join(', ')}), so no IAM user or role session — like this caller — can assume the role.`, 'policy', t.views[0]?.policyIndex));
        }
        return ruleOut(ev('The kind of principal in the trust policy fits the caller (AWS principals for IAM callers).', 'policy', t.views[0]?.policyIndex));
      },
      (ctx) => {
        if (requiredService(ctx) || trustAnalysis(ctx).pasted) return null;
        // the role's path says whose it is: IAM keeps a service-linked role under /aws-service-role/<service>/ (its
        // trust names that service alone and cannot be edited); the console creates a service's role under
        // /service-role/ with that service's trust
        const path = ctx.parsed.target?.resourceType === 'role' ? ctx.parsed.target.path ?? '' : '';
        const c = ctx.parsed.caller?.type;
        const iamCaller = c === 'user' || c === 'assumed-role' || c === 'role' || c === 'federated-user' || c === 'root';
        if (iamCaller && path.startsWith('/aws-service-role/')) {
          return confirm(ev(`${ctx.parsed.target!.name} is a service-linked role (path ${path}): its trust policy names only ${path.slice(18, -1) || 'its service'} and cannot be edited, so no IAM user or role session can assume it.`));
        }
        if (iamCaller && path.startsWith('/service-role/')) {
          return weigh(6, ev(`The role is under the path /service-role/, where the console puts the roles it creates for an AWS service: its trust names that service (Principal.Service), not IAM users or roles like this caller.`));
        }
        return weigh(0.2, ev('Nothing in the message points at a service principal.', 'catalog'));
      },
    ],
    confirm: [
      { description: 'The role\'s trust policy: the Principal must be {"Service": "<service>.amazonaws.com"} for a service role.', command: "aws iam get-role --role-name {targetRoleName} --query Role.AssumeRolePolicyDocument --profile {targetProfile}" },
      { description: 'Check the trust policy\'s grammar for its principal type.', command: 'aws accessanalyzer validate-policy --policy-type RESOURCE_POLICY --validate-policy-resource-type AWS::IAM::AssumeRolePolicyDocument --policy-document file://trust.json' },
    ],
    fix: {
      description: 'Trust the exact service principal with sts:AssumeRole (e.g. {"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}); for people and workloads use Principal.AWS — or, for a service-linked role (whose trust cannot be edited), assume a role of your own instead. If the role was created seconds ago, retry after IAM propagates.',
      // IAM refuses to edit a service-linked role's trust (UnmodifiableEntity): no command that would fail
      commands: [{ command: UPDATE_TRUST, when: (ctx) => !(ctx.parsed.target?.path ?? '').startsWith('/aws-service-role/') }],
      correctPolicy: (ctx) => {
        const svc = requiredService(ctx);
        const tp = firstTrust(ctx);
        if (!svc || !tp) return null;
        const doc = clone(tp.policy.document);
        const stmts = docStatements(doc);
        if (!stmts) return null;
        const i = stmts.findIndex((s) => s.Effect === 'Allow' && s.Principal && typeof s.Principal === 'object');
        const s = i >= 0 ? stmts[i] : undefined;
        if (s) {
          const pr = s.Principal as Record<string, unknown>;
          pr.Service = addToElement(pr.Service, svc);
        } else stmts.push({ Effect: 'Allow', Principal: { Service: svc }, Action: 'sts:AssumeRole' });
        return { policyIndex: tp.index, policy: doc };
      },
    },
    docs: [DOCS.principal, DOCS.troubleshootRoles],
  },
  {
    id: 'trust-action-mismatch',
    title: 'The trust statement allows the wrong STS action for its principal type',
    summary: 'OIDC providers need sts:AssumeRoleWithWebIdentity, SAML providers sts:AssumeRoleWithSAML, AWS and service principals sts:AssumeRole; a statement that pairs a principal with another action never matches.',
    family: 'trust-policy',
    prior: 0.15,
    specificity: 1,
    appliesTo: (ctx) => isDenial(ctx) && STS_ASSUME.includes(actionOf(ctx) || (lower(ctx.parsed.operation) === 'assumerole' ? 'sts:assumerole' : '')),
    signals: [
      (ctx) => {
        const t = trustAnalysis(ctx);
        const a = actionOf(ctx) || 'sts:assumerole';
        if (!t.pasted) return weigh(a === 'sts:assumerole' ? 0.3 : 0.8, ev('Only the pasted trust policy can show the action paired with the principal.', 'catalog'));
        const fedKind = a === 'sts:assumerolewithwebidentity' ? 'oidc' : a === 'sts:assumerolewithsaml' ? 'saml' : null;
        const forCaller = (v: StatementView) => {
          if (!fedKind) return principalOk(v);
          const feds = v.st.principal?.Federated ?? [];
          return feds.some((f) => (fedKind === 'saml' ? f.includes(':saml-provider/') : !f.includes(':saml-provider/')));
        };
        const mine = t.allows.filter(forCaller);
        if (!mine.length) return ruleOut(ev(`No trust statement is for this kind of principal (${fedKind ? `a ${fedKind === 'oidc' ? 'web identity (OIDC)' : 'SAML'} provider` : 'the caller'}), so the action is not what fails.`, 'policy', t.views[0]?.policyIndex));
        const right = mine.find((v) => coversAction(v.st, a));
        if (right) return ruleOut(pev(`${where(right)} pairs the principal with ${ctx.parsed.action ?? 'sts:AssumeRole'}, the right action.`, right));
        const v = mine[0]!;
        const acts = (v.st.action ?? []).join(', ') || '(NotAction)';
        return confirm(pev(`${where(v)} names ${fedKind ? (v.st.principal?.Federated ?? []).join(', ') : 'the caller'} but allows ${acts}, not ${ctx.parsed.action ?? 'sts:AssumeRole'} — the action this principal type calls.`, v));
      },
    ],
    confirm: [
      { description: 'Access Analyzer flags a mismatched action as MISMATCHED_ACTION_FOR_PRINCIPAL (save the trust policy as trust.json first).', command: 'aws accessanalyzer validate-policy --policy-type RESOURCE_POLICY --validate-policy-resource-type AWS::IAM::AssumeRolePolicyDocument --policy-document file://trust.json' },
      { description: 'The role\'s trust policy.', command: 'aws iam get-role --role-name {targetRoleName} --query Role.AssumeRolePolicyDocument --profile {targetProfile}' },
    ],
    fix: {
      description: 'Use sts:AssumeRoleWithWebIdentity for OIDC providers, sts:AssumeRoleWithSAML for SAML providers and sts:AssumeRole for AWS and service principals (add sts:TagSession / sts:SetSourceIdentity when used).',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => {
        const t = trustAnalysis(ctx);
        const action = ctx.parsed.action ?? 'sts:AssumeRole';
        const a = action.toLowerCase();
        const v = t.allows.find((x) => !coversAction(x.st, a) && (x.st.principal?.Federated.length || principalOk(x)));
        if (!v) return null;
        const doc = clone(v.policy.document);
        const stmts = docStatements(doc);
        const s = stmts?.[v.st.index];
        if (!s) return null;
        const wrong = (s.Action && (Array.isArray(s.Action) ? s.Action : [s.Action])) as string[] | undefined;
        const fixed = (wrong ?? []).map((x) => (STS_ASSUME.includes(String(x).toLowerCase()) ? action : x));
        s.Action = fixed.length === 1 ? fixed[0] : fixed.length ? [...new Set(fixed)] : action;
        return { policyIndex: v.policyIndex, policy: doc };
      },
    },
    docs: [DOCS.validate, DOCS.principal],
  },
  {
    id: 'trust-explicit-deny',
    title: 'A Deny statement in the role\'s trust policy matches the caller',
    summary: 'An explicit Deny in the trust policy (an org perimeter, an MFA guard, a list of excluded roles) overrides every Allow.',
    family: 'trust-policy',
    prior: 0.1,
    specificity: 1,
    appliesTo: (ctx) => isDenial(ctx) && isStsFamily(ctx),
    signals: [
      decodedDeny('trust'),
      (ctx) => {
        const type = denyType(ctx);
        const kind = denyKind(ctx);
        if (type === 'role-trust' && kind === 'explicit') return weigh(30, ev(awsSays(ctx, 'AWS reports an explicit deny in the role trust policy.')));
        if (kind === 'implicit') return ruleOut(ev(awsSays(ctx, 'AWS reports an implicit deny (no policy allows the call).', 'That is an implicit deny: a matching Deny statement anywhere would have been reported as an explicit deny.')));
        if (kind === 'explicit' && type) return weigh(0.1, ev(`AWS names an explicit deny in a ${policyWords(ctx, type)}, not in the trust policy.`));
        if (kind === 'explicit') return weigh(2, ev('AWS reports an explicit deny without naming the policy type.'));
        return weigh(0.4, ev('The message does not say explicit deny; Deny statements in trust policies are uncommon.', 'catalog'));
      },
      (ctx) => {
        const t = trustAnalysis(ctx);
        if (!t.pasted) return null;
        const a = ctx.parsed.action ?? 'sts:AssumeRole';
        const hits = t.denies.filter((v) => coversAction(v.st, a) && (principalOk(v) || v.st.notPrincipal !== null));
        const sure = hits.find((v) => v.condition === true);
        if (sure) return confirm(pev(`${where(sure)} denies ${a} for ${sure.principal === 'exact' ? 'the caller by name' : 'a principal set that includes the caller'}${sure.conditions.length ? ` when ${sure.conditions.map((o) => `${o.operator} ${o.key}`).join(' and ')} holds — it does` : ''}.`, sure));
        const ab = abducedFor(ctx, 'trust', 'Deny');
        if (ab) return confirm(pev(ab.text, ab.view));
        const maybe = hits.find((v) => v.condition === 'unknown');
        if (maybe) {
          const unk = maybe.conditions.filter((o) => o.result === 'unknown').map((o) => `${o.operator} ${o.key} ${o.values.join(', ')}`);
          return likelyIf(pev(`Likely, if ${unk.join(' and ')} holds for this call: ${where(maybe)} then denies ${a}.`, maybe));
        }
        if (!t.denies.length) return ruleOut(ev('The pasted trust policy has no Deny statement.', 'policy', t.views[0]?.policyIndex));
        return ruleOut(ev('No Deny statement of the pasted trust policy matches this caller and action.', 'policy', t.views[0]?.policyIndex));
      },
    ],
    confirm: [
      { description: 'The trust policy\'s Deny statements.', command: "aws iam get-role --role-name {targetRoleName} --query 'Role.AssumeRolePolicyDocument.Statement[?Effect==`Deny`]' --profile {targetProfile}" },
      WHO,
    ],
    fix: {
      description: 'Narrow the Deny so it does not match {callerArn} (remove the caller from its Principal, or add the caller to its exception condition), or satisfy the condition it guards.',
      commands: [UPDATE_TRUST],
      correctPolicy: (ctx) => correctDeny(ctx),
    },
    docs: [DOCS.denied, DOCS.principal],
  },
];

/** Minimal change to a matching trust Deny: drop the caller from its Principal, else exempt it. */
function correctDeny(ctx: CauseContext): { policyIndex: number; policy: unknown } | null {
  const t = trustAnalysis(ctx);
  const a = ctx.parsed.action ?? 'sts:AssumeRole';
  const v = t.denies.find((x) => coversAction(x.st, a) && principalOk(x) && x.condition !== false);
  if (!v) return null;
  const doc = clone(v.policy.document);
  const s = docStatements(doc)?.[v.st.index];
  if (!s) return null;
  const shape = callerShape(ctx);
  const pr = s.Principal as Record<string, unknown> | string | undefined;
  if (pr && typeof pr === 'object' && pr.AWS !== undefined) {
    const list = Array.isArray(pr.AWS) ? (pr.AWS as string[]) : [pr.AWS as string];
    const kept = list.filter((x) => relateAwsPrincipal(String(x), shape) !== 'exact');
    if (kept.length !== list.length) {
      if (kept.length) pr.AWS = kept.length === 1 ? kept[0] : kept;
      else docStatements(doc)!.splice(v.st.index, 1);
      return { policyIndex: v.policyIndex, policy: doc };
    }
  }
  const who = principalToTrust(ctx);
  if (!who) return null;
  const cond = (s.Condition && typeof s.Condition === 'object' ? s.Condition : (s.Condition = {})) as Record<string, Record<string, unknown>>;
  cond.ArnNotLike = { ...(cond.ArnNotLike ?? {}), 'aws:PrincipalArn': who };
  return { policyIndex: v.policyIndex, policy: doc };
}

/** aws:PrincipalArn condition fix: wildcards need ArnLike; a path-less role ARN gets its path. */
export function correctPrincipalArnCondition(ctx: CauseContext): { policyIndex: number; policy: unknown } | null {
  const views = statementViews(ctx, ['trust', 'identity', 'resource']).filter((v) => v.st.effect === 'Allow');
  const shape = callerShape(ctx);
  for (const v of views) {
    const idx = v.conditions.findIndex((o) => o.key.toLowerCase() === 'aws:principalarn' && o.result !== true);
    if (idx < 0) continue;
    const o = v.conditions[idx]!;
    const doc = clone(v.policy.document);
    const s = docStatements(doc)?.[v.st.index];
    const cond = s?.Condition as Record<string, Record<string, unknown>> | undefined;
    if (!s || !cond || !cond[o.operator]) continue;
    const block = cond[o.operator]!;
    const keyName = Object.keys(block).find((k) => k.toLowerCase() === 'aws:principalarn');
    if (!keyName) continue;
    const ssoPattern = shape.ssoRole && shape.account && shape.roleName ? `arn:${shape.partition}:iam::${shape.account}:role/aws-reserved/sso.amazonaws.com/*/${shape.roleName}` : null;
    const right = shape.knownRoleArn ?? ssoPattern;
    // a path-less copy of the caller's role: replace it with the real ARN (or the Identity Center pattern)
    let values = o.values.map((x) => (relateAwsPrincipal(x, shape) === 'path-mismatch' && right ? right : x));
    const base = o.operator.replace(/IfExists$/, '');
    const needLike = values.some((x) => x.includes('*') || x.includes('?'));
    let newOp = needLike && (base === 'StringEquals' || base === 'ArnEquals') ? `ArnLike${o.operator.endsWith('IfExists') ? 'IfExists' : ''}` : o.operator;
    if (newOp === o.operator && values.every((x, i2) => x === o.values[i2])) {
      const add = shape.knownRoleArn ?? ssoPattern ?? ctx.facts.callerPrincipalArn ?? null;
      if (!add) continue;
      values = [...values, add];
      if (add.includes('*') && (base === 'StringEquals' || base === 'ArnEquals')) newOp = 'ArnLike';
    }
    delete block[keyName];
    if (!Object.keys(block).length) delete cond[o.operator];
    cond[newOp] = { ...(cond[newOp] ?? {}), [keyName]: values.length === 1 ? values[0] : [...new Set(values)] };
    return { policyIndex: v.policyIndex, policy: doc };
  }
  return null;
}

