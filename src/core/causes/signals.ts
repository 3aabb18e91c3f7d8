/**
 * Shared helpers for cause signals: reading the message, matching pasted policy statements
 * against the failed request (action, resource, principal, conditions) and building evidence.
 * Pure and linear-time: wildcard matching is bounded, no regex over user text with nested
 * quantifiers. Every family file may import from here.
 */
import type {
  Caller, ConditionClause, ConditionOutcome, ContextValue, Evidence, RequestFacts, Policy, PolicyEvaluation, PolicyKind,
  PrincipalElement, Statement, StatementRecord,
} from '../types.js';
import type { CauseContext, SignalResult } from './types.js';
import { isAccountId, splitArn } from './templates.js';
import { lowerCached, mayMention } from './text-index.js';
import { ctxCache } from './memo.js';
import { commandContextValue, requestFromCommand, roleArnWithPath, type CommandRequest } from '../policy/command-request.js';
import { coversUnknownResource, isResourceLess, unknownResource } from '../policy/resource.js';
import { viaServiceOf } from '../policy/via-service.js';
import { hasIacReference, referenceCanName } from '../policy/iac.js';
import { kmsUse } from './kms-use.js';
import { SHAPE_BY_NAME } from '../parse/message-shapes.js';

/** Memoizes a per-answer predicate (one WeakMap per function; the context is the key). */
export function perAnswer<T>(fn: (ctx: CauseContext) => T): (ctx: CauseContext) => T {
  const cache = ctxCache<{ v: T }>();
  return (ctx) => {
    const hit = cache.get(ctx);
    if (hit) return hit.v;
    const v = fn(ctx);
    cache.set(ctx, { v });
    return v;
  };
}

// ───────────────────────────── evidence ─────────────────────────────

export function ev(text: string, source: Evidence['source'] = 'message', policy?: number, statement?: number): Evidence {
  const e: Evidence = { text, source };
  if (policy !== undefined) e.policy = policy;
  if (statement !== undefined) e.statement = statement;
  return e;
}
export const weigh = (weight: number, evidence: Evidence): SignalResult => ({ weight, evidence });
/** The AWS message itself names this cause: strong weight, and a pasted-policy rule-out only lowers it. */
/**
 * The message itself names this cause (AWS names the policy type that refused): at least `likely`,
 * whatever the cause's prior, unless other evidence argues strongly against it.
 */
export const claim = (weight: number, evidence: Evidence): SignalResult => ({ weight, claim: true, atLeast: 'likely', evidence });
export const confirm = (evidence: Evidence, weight = 1): SignalResult => ({ weight, proof: 'confirmed', evidence });
export const ruleOut = (evidence: Evidence, weight = 1): SignalResult => ({ weight, proof: 'ruled-out', evidence });
/** "Likely, if …": an unknown fact decides, and the pasted policies leave this cause as the explanation. */
export const likelyIf = (evidence: Evidence, weight = 6): SignalResult => ({ weight, atLeast: 'likely', evidence });

/** `statement 2 "X"` for people (1-based, with the Sid). */
export function stmtLabel(st: { index: number; sid: string | null }): string {
  // people count from 1; the evidence's `statement` field stays 0-based
  return st.sid ? `statement ${st.index + 1} "${st.sid}"` : `statement ${st.index + 1}`;
}
export function policyLabel(p: Policy, i: number): string {
  // people count from 1; the evidence's `policy` field stays 0-based
  return `policy ${i + 1} (${p.name || `${p.kind} policy`})`;
}

// ───────────────────────────── message facts ─────────────────────────────

export const lower = (s: string | null | undefined): string => lowerCached(s);
export const actionOf = (ctx: CauseContext): string => lower(ctx.parsed.action);
export const STS_ASSUME = ['sts:assumerole', 'sts:assumerolewithwebidentity', 'sts:assumerolewithsaml'];
export const STS_FAMILY = [...STS_ASSUME, 'sts:tagsession', 'sts:setsourceidentity'];

/** The failed call is an sts:AssumeRole (or the operation is, when the action is unknown). */
export function isAssumeRole(ctx: CauseContext): boolean {
  const a = actionOf(ctx);
  if (a) return a === 'sts:assumerole';
  return lower(ctx.parsed.operation) === 'assumerole';
}
/** AssumeRole, WithWebIdentity, WithSAML, TagSession or SetSourceIdentity. */
export function isStsFamily(ctx: CauseContext): boolean {
  const a = actionOf(ctx);
  if (a) return STS_FAMILY.includes(a);
  const op = lower(ctx.parsed.operation);
  return op.startsWith('assumerole');
}
/** AssumeRole, TagSession or SetSourceIdentity by an AWS principal (not web identity / SAML). */
export function isAwsPrincipalAssume(ctx: CauseContext): boolean {
  const a = actionOf(ctx);
  if (a) return a === 'sts:assumerole' || a === 'sts:tagsession' || a === 'sts:setsourceidentity';
  const op = lower(ctx.parsed.operation);
  return op === 'assumerole' || (!op && ctx.parsed.target?.resourceType === 'role');
}
/**
 * Case-insensitive search in the AWS message, falling back to the whole paste. The needle is
 * lower-case, like `has`'s phrases (the catalog's constants are; lower-casing each one at every
 * question was the hottest line here).
 */
const lowered = ctxCache<{ message: string; text: string }>();
export function mentions(ctx: CauseContext, needle: string): boolean {
  if (!mayMention(ctx, needle)) return false;
  let l = lowered.get(ctx);
  if (!l) { l = { message: lower(ctx.parsed.message), text: lower(ctx.text) }; lowered.set(ctx, l); }
  return l.message.includes(needle) || l.text.includes(needle);
}
/**
 * The policy type the message names — with "resource-based" read as the role trust policy for
 * AssumeRole-family calls (the trust policy is the role's resource-based policy).
 */
export const denyType = (ctx: CauseContext) => {
  const t = ctx.parsed.deny.policyType;
  if (t === 'resource-based' && isStsFamily(ctx) && (!ctx.parsed.target || ctx.parsed.target.resourceType === 'role' || ctx.parsed.target.resourceType === null)) return 'role-trust';
  return t;
};
export const denyKind = (ctx: CauseContext) => ctx.parsed.deny.kind;

const CLAUSE_SHAPES = [
  /^because no [A-Za-z -]{1,40} allows the [\w:*-]{1,120} action(?: transitively through an? [A-Za-z -]{1,40}?policy)?/i,
  /^with an explicit deny in an? [A-Za-z -]{1,40}?(?:policy|boundary)(?: transitively through an? [A-Za-z -]{1,40}?policy)?(?::\s*arn:[^\s"\\]+)?/i,
];

/** The reason clause exactly as AWS printed it ("with an explicit deny in a …", "because no … allows the … action"), or null. */
export function denyClause(ctx: CauseContext): string | null {
  const src = ctx.parsed.message ?? ctx.text ?? '';
  const low = src.toLowerCase();
  let at = low.indexOf('with an explicit deny in ');
  if (at < 0) at = low.indexOf('because no ');
  if (at < 0) return null;
  // AWS's clause ends at "… the <action> action" or at the policy (and its ARN): what follows on a
  // joined line is the wrapper's (Terraform's "with aws_iam_role.x, on main.tf line 12"), not AWS's
  const whole = CLAUSE_SHAPES.map((re) => re.exec(src.slice(at, at + 300))).find((m) => m);
  if (whole) {
    let end = whole[0].length;
    while (end > 0 && '.,;:"'.includes(whole[0][end - 1]!)) end--;
    return whole[0].slice(0, end);
  }
  let end = at;
  const max = Math.min(src.length, at + 300);
  while (end < max) {
    const ch = src[end];
    if (ch === '\n' || ch === '\r' || ch === '"' || ch === '\\') break;
    if (ch === '.' && (end + 1 >= src.length || /\s/.test(src[end + 1] ?? ' '))) break;
    if (ch === ' ' && src[end + 1] === '(') break;
    end++;
  }
  const clause = src.slice(at, end).trim();
  return clause.length > 10 ? clause : null;
}

const TYPE_WORDS: Record<string, string> = {
  'identity-based': 'identity-based policy', 'resource-based': 'resource-based policy', 'role-trust': 'role trust policy',
  'service-control': 'service control policy', 'resource-control': 'resource control policy',
  'permissions-boundary': 'permissions boundary', session: 'session policy', 'vpc-endpoint': 'VPC endpoint policy',
};

/**
 * A deny policy type in AWS's own words ("service control policy", not "service-control"); for an
 * AssumeRole message that printed "resource-based policy", that phrase plus its reading.
 */
export function policyWords(ctx: CauseContext, type: string): string {
  if (type === 'role-trust' && (denyClause(ctx) ?? '').toLowerCase().includes('resource-based')) {
    return 'resource-based policy (for sts:AssumeRole, the role\'s trust policy)';
  }
  return TYPE_WORDS[type] ?? `${type} policy`;
}

/** How a policy type AWS prints is to be read for this call, when the two differ (sts:AssumeRole's resource-based policy is the trust policy). */
function readingOf(ctx: CauseContext, clause: string): string {
  const l = clause.toLowerCase();
  if (l.includes('resource-based') && denyType(ctx) === 'role-trust') {
    return ` — for ${ctx.parsed.action ?? 'sts:AssumeRole'}, the resource-based policy is the role's trust policy`;
  }
  return '';
}

/**
 * Evidence text that quotes AWS exactly: `AWS says: "<clause>"` plus how it reads for this call,
 * then `tail`. Falls back to `fallback` when the message carries no such clause (AWS wording
 * reconstructed from the parsed deny is never presented as a quote).
 */
export function awsSays(ctx: CauseContext, fallback: string, tail = ''): string {
  const clause = denyClause(ctx);
  if (!clause) return fallback;
  return `AWS says: "${clause}"${readingOf(ctx, clause)}.${tail ? ` ${tail}` : ''}`;
}
const NOT_DENIALS = [
  'validationerror', 'expiredtoken', 'expiredtokenexception', 'invalidclienttokenid', 'invalidtoken', 'regiondisabledexception',
  'invalididentitytoken', 'invalididentitytokenexception', 'unrecognizedclientexception', 'signaturedoesnotmatch',
  'idpcommunicationerror', 'idpcommunicationerrorexception', 'malformedpolicydocument', 'packedpolicytoolarge',
  'invalidparametervalueexception', 'invalidparametervalue', 'authfailure', 'invalidaccesskeyid', 'incompletesignature',
  'missingauthenticationtoken', 'missingauthenticationtokenexception', 'requestexpired', 'invalidsignatureexception',
  'tokenrefreshrequired', 'nocredentialserror', 'credentialserror', 'credentialsprovidererror',
  'accesscontrollistnotsupported', 'notfoundexception',
  // KMS refuses a disabled key or one pending deletion whoever calls: its state, not a policy, decides
  'kmsinvalidstateexception', 'disabledexception', 'kmsdisabledexception',
];
const WRAPPED_REFUSAL = /\bis not authorized to perform\b|\baccess ?denied\b|\b(?:does not|doesn't) have permission to\b/;
/**
 * The error is an authorization refusal (AccessDenied and friends), not a validation, token or
 * Region error — the precondition of every policy-based cause.
 */
export const isDenial = perAnswer(isDenialUncached);
function isDenialUncached(ctx: CauseContext): boolean {
  // SCREAMING_SNAKE codes (Kinesis Video Streams' KMS_KEY_ACCESS_DENIED) read as their words
  const code = lower(ctx.parsed.errorCode).replace(/_/g, '');
  if (isServiceAssumeFailure(ctx)) return true; // a service refused to assume a role it is not trusted by
  // Lambda's event source mapping reports its execution role's refused read of the stream under a validation code
  // (InvalidParameterValueException: "Cannot access stream … Please ensure the role can perform the … Actions")
  if (ctx.parsed.shape === 'event-source-stream-unreadable') return true;
  // so does Lambda's "The provided execution role does not have permissions to call CreateNetworkInterface on EC2": a
  // service's sentence that a role lacks permissions is a refusal whatever code it comes under
  if (ctx.parsed.shape === 'insufficient-permissions-sentence') return true;
  // CloudFormation and CDK answer ValidationError for whatever a stack operation hit, an IAM refusal included
  // ("ValidationError: User: … is not authorized to perform: …", "… AccessDenied. User doesn't have permission to call …",
  // "S3 error: Access Denied"); STS's own ValidationErrors (duration, ARN, SAML, field validation) carry no refusal wording
  if (code && NOT_DENIALS.includes(code) && !(code === 'validationerror' && WRAPPED_REFUSAL.test(lower(ctx.parsed.message)))) return false;
  // STS's parameter validation in its own words (DurationSeconds above the role's maximum or chaining's hour, a malformed
  // ARN or session name) is no refusal, even where a tool prints it without its ValidationError code
  // ("Could not assume role with user credentials: The requested DurationSeconds exceeds …", docs/decisions/027)
  if (SHAPE_BY_NAME.get(ctx.parsed.shape ?? '')?.family === 'validation' && !WRAPPED_REFUSAL.test(lower(ctx.parsed.message))) return false;
  if (mentions(ctx, 'security token included in the request is') || mentions(ctx, 'token is expired')) return false;
  if (ctx.parsed.action || ctx.parsed.caller) return true;
  if (code && (code.includes('accessdenied') || code.includes('unauthorized') || code.includes('forbidden') || code.includes('notauthorized'))) return true;
  const m = lower(ctx.parsed.message);
  // a service's own sentence that a role lacks permissions ("does not have sufficient permissions", "… has
  // sufficient permissions to access …", "does not have access to …") is a refusal too
  return ['not authorized', 'access denied', 'accessdenied', 'forbidden', 'unauthorized', 'cannot be assumed', 'may not be assumed',
    'sufficient permissions', 'does not have access to'].some((w) => m.includes(w))
    // the same shape in other words ("You do not have sufficient access to perform this action", "Insufficient Lake
    // Formation permissions on …"), and KMS's "… a key that doesn't exist or that you don't have access to"
    || ctx.parsed.shape === 'insufficient-permissions-sentence' || /don['’]t have access to/.test(m)
    // a service using a KMS key with the caller's permissions: "… or you do not have permissions to access it"
    || ctx.parsed.shape === 'kms-key-not-accessible';
}
export type Stage = 'client' | 'idp' | 'token' | 'policy';
export const STAGE_ORDER: Record<Stage, number> = { client: 0, idp: 1, token: 2, policy: 3 };
const STAGE_WORDS: Array<[Exclude<Stage, 'policy'>, string[]]> = [
  // no token was ever obtained: nothing reached STS
  ['client', ['actions_id_token_request_url', 'actions_id_token_request_token', 'unable to get actions_id_token_request', 'did you mean to set the id-token permission']],
  // STS / IAM could not find the identity provider
  ['idp', ['no openidconnect provider found', 'no openid connect provider found', "specified provider doesn't exist", 'specified provider does not exist']],
  // the provider was found and the token or assertion itself was rejected, before any policy is read
  ['token', [
    'incorrect token audience', 'missing a required claim: aud', "doesn't match configured thumbprint", 'does not match configured thumbprint',
    "couldn't retrieve verification key", 'could not retrieve verification key', 'idpcommunicationerror',
    'identity provider (idp) that was asked to verify the incoming identity token could not be reached', 'token expired: current date/time',
    'response signature invalid', 'issuer not present in specified provider', 'response does not contain the required audience',
    'saml assertion is expired', 'assertion is expired',
  ]],
];
const stageCache = ctxCache<Stage | null>();
/**
 * Where the request failed when the message shows it: before any request ('client'), finding the
 * identity provider ('idp'), validating the token or assertion ('token'). null: the message does not
 * place it (a policy refusal, or an unknown wording). First match in pipeline order wins.
 */
export function failureStage(ctx: CauseContext): Stage | null {
  if (stageCache.has(ctx)) return stageCache.get(ctx) ?? null;
  // the SDK found no credentials: nothing was sent (decided by the main error, not a line elsewhere in the paste)
  let out: Stage | null = ctx.parsed.shape === 'no-credentials' ? 'client' : null;
  // STS's own answer to an AssumeRole* call (an error code with the operation) means a token reached STS: a step
  // that fetched the token (curl to ACTIONS_ID_TOKEN_REQUEST_URL) names the client words without failing there
  const stsAnswered = !!ctx.parsed.errorCode && /^AssumeRole/.test(ctx.parsed.operation ?? '');
  if (!out) for (const [stage, words] of STAGE_WORDS) if ((stage !== 'client' || !stsAnswered) && words.some((w) => mentions(ctx, w))) { out = stage; break; }
  stageCache.set(ctx, out);
  return out;
}

/**
 * A service failed to assume a role it was given ("The role defined for the function cannot be
 * assumed by Lambda", "ECS was unable to assume the role '…' that was provided for this task"): the
 * caller's own call was authorized; the role's trust (or its propagation) refused the service.
 */
export const isServiceAssumeFailure = perAnswer((ctx: CauseContext): boolean =>
  SERVICE_ASSUME_PHRASES.some((w) => mentions(ctx, w))
  // "CodeBuild is not authorized to perform: sts:AssumeRole on arn:…:role/…" (a service, not a User:, is the subject)
  || serviceSubjectOfAssume(ctx) !== null
  // "The execution role you provide must allow AWS EventBridge Scheduler to assume the role."
  || (mentions(ctx, 'must allow') && mentions(ctx, 'to assume the role'))
  // SageMaker: "… ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role"
  || (mentions(ctx, 'allows principal') && mentions(ctx, 'to assume the role')));

/** How services word "I could not assume the role you gave me" (the role's trust refused the service). */
const SERVICE_ASSUME_PHRASES = [
  'cannot be assumed by', 'was unable to assume the role', 'is unable to assume the role', 'is unable to assume role',
  'unable to assume provided role', 'authorized to assume the provided role', 'is not authorized to assume the provided role',
  'is invalid or cannot be assumed', 'unable to assume specified iam role',
];

/** The service principal a service-side assume failure names ("assumed by Lambda", "ECS was unable"). */
const SERVICE_ASSUME_WORDS: Array<[string, string]> = [
  ['ecs was unable to assume', 'ecs-tasks.amazonaws.com'],
  ['codebuild is unable to assume', 'codebuild.amazonaws.com'],
  ['codepipeline is unable to assume', 'codepipeline.amazonaws.com'],
  ['firehose is unable to assume', 'firehose.amazonaws.com'],
  ['eventbridge scheduler to assume', 'scheduler.amazonaws.com'],
  ['eventbridge pipes to assume', 'pipes.amazonaws.com'],
  ['step functions to assume', 'states.amazonaws.com'],
  // CloudFormation's stack service role ("Role <ARN> is invalid or cannot be assumed"), Amplify Hosting's app service role
  ['is invalid or cannot be assumed', 'cloudformation.amazonaws.com'],
  ['unable to assume specified iam role', 'amplify.amazonaws.com'],
];
/**
 * The service named as the subject of "<Service> is not authorized to perform: sts:AssumeRole on arn:…",
 * lower-cased (`codebuild`), or null when the subject is a principal ARN ("User: arn:…") or absent.
 */
const serviceSubjectOfAssume = perAnswer((ctx: CauseContext): string | null => {
  const text = lower(ctx.text) || lower(ctx.parsed.message);
  const i = text.indexOf(' is not authorized to perform: sts:assumerole');
  if (i <= 0 || /[a-z]/.test(text[i + ' is not authorized to perform: sts:assumerole'.length] ?? '')) return null;
  // the whole whitespace-delimited subject must be one plain word (not an ARN, a name with dots, …)
  let j = i;
  while (j > 0 && i - j < 40 && !/\s/.test(text[j - 1]!)) j--;
  const word = text.slice(j, i);
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(word) || ['user', 'role', 'principal', 'anonymous', 'caller'].includes(word)) return null;
  if (text.slice(Math.max(0, j - 6), j) === 'user: ' || [...word].every((ch) => ch === word[0])) return null; // "User: <redacted> is not authorized
  return word;
});

/** Words right before a service principal in such messages. */
const PRINCIPAL_LEADS = ['service principal ', 'allows principal \'', 'allows principal "', 'allows principal '];
export function serviceFromAssumeFailure(ctx: CauseContext): string | null {
  for (const [w, sp] of SERVICE_ASSUME_WORDS) if (mentions(ctx, w)) return sp;
  if (!isServiceAssumeFailure(ctx)) return null;
  const subject = serviceSubjectOfAssume(ctx);
  if (subject) return `${subject}.amazonaws.com`;
  const text = lower(ctx.parsed.message) || lower(ctx.text);
  for (const lead of PRINCIPAL_LEADS) {
    const i = text.indexOf(lead);
    if (i < 0) continue;
    let j = i + lead.length;
    const start = j;
    while (j < text.length && j - start < 80 && /[a-z0-9.-]/.test(text[j]!)) j++;
    let end = j;
    while (end > start && text[end - 1] === '.') end--; // sentence full stops
    const token = text.slice(start, end);
    if (token.endsWith('.amazonaws.com')) return token;
  }
  // none named: the service whose API was called is the one that tried ("CreateStack" → CloudFormation)
  const svc = ctx.parsed.action?.split(':')[0]?.toLowerCase();
  if (svc && /^[a-z0-9-]{2,30}$/.test(svc) && svc !== 'sts' && svc !== 'iam') return `${svc}.amazonaws.com`;
  return null;
}

const INTENT_WORDS = ['expected', 'intended', 'meant to', 'supposed to', 'should be using', 'should run as', 'should use the', 'i wanted to use', 'instead of'];

/** ARNs and 12-digit account ids in one line (indexOf scanning, bounded). */
function identitiesIn(line: string): { arns: string[]; accounts: string[] } {
  const arns: string[] = [];
  const accounts: string[] = [];
  let i = line.indexOf('arn:');
  while (i >= 0 && arns.length < 20) {
    let j = i;
    while (j < line.length && j - i < 300 && !' \t"\'`,;)(<>'.includes(line[j]!)) j++;
    let end = j;
    while (end > i && (line[end - 1] === '.' || line[end - 1] === ':')) end--; // sentence punctuation
    arns.push(line.slice(i, end));
    i = line.indexOf('arn:', j);
  }
  const rest = arns.reduce((acc, a) => acc.split(a).join(' '), line);
  for (const m of rest.matchAll(/(?<![0-9])[0-9]{12}(?![0-9])/g)) accounts.push(m[0]);
  return { arns, accounts };
}

export interface IntentMismatch { line: string; named: string }
const intentCache = ctxCache<IntentMismatch | null>();
/**
 * The text states which identity was meant to make the call ("# expected role: arn:…", "I expected to
 * be assuming X from my SSO role in 5520…"), and the caller in the message is none of them — the
 * call ran with other credentials than intended. null when nothing is stated or it matches.
 */
export function intendedCallerMismatch(ctx: CauseContext): IntentMismatch | null {
  if (intentCache.has(ctx)) return intentCache.get(ctx) ?? null;
  let out: IntentMismatch | null = null;
  const c = ctx.parsed.caller;
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  // no line can name an intent when the whole text holds none of the words
  const anyIntent = c && c.arn && c.type !== 'unknown' && INTENT_WORDS.some((w) => mayMention(ctx, w) && lower(ctx.text).includes(w));
  if (c && c.arn && c.type !== 'unknown' && anyIntent) {
    const target = ctx.parsed.target?.arn ?? '';
    const targetAcct = ctx.parsed.target?.accountId ?? '';
    const callerName = (c.name ?? '').toLowerCase();
    for (const raw of text.split('\n')) {
      const line = raw.length > 2000 ? raw.slice(0, 2000) : raw;
      const l = line.toLowerCase();
      if (!INTENT_WORDS.some((w) => l.includes(w)) || l.includes('is not authorized')) continue;
      if ((callerName && l.includes(callerName)) || l.includes(c.arn.toLowerCase())) continue; // the caller is the intended one
      const { arns, accounts } = identitiesIn(line);
      const arn = arns.find((a) => a !== target && !a.startsWith('arn:aws:s3') && (a.includes(':role/') || a.includes(':user/') || a.includes(':assumed-role/')));
      const acct = accounts.find((a) => a !== targetAcct && a !== c.accountId);
      if (arn || acct) { out = { line: line.trim().slice(0, 200), named: (arn ?? acct)! }; break; }
    }
  }
  intentCache.set(ctx, out);
  return out;
}

/**
 * The text says the tool's credential setting was not applied: `seems to be ignoring the providerConfigRef`, `is not
 * using the configured role`, `uses the node role instead of the providerconfig`. The setting named is one that picks
 * the identity (a Crossplane ProviderConfig, a profile, role_arn / assumeRole, a credentials file or provider), within
 * 40 characters (no sentence end) of the verb. Returns the words found, or null. Bounded: one lazy run of at most 40.
 */
const SETTING_IGNORED_RE = /\b(?:ignor(?:es|ing|ed)|(?:is ?n['o]?t|not|never) (?:using|used|picking up|picked up|honou?ring|respecting|applying)|instead of)\b[^.]{0,40}?\b(providerconfig(?:ref)?|profile|role_arn|assume_?role(?:arn)?|configured (?:iam )?role|credentials? (?:file|provider|source))\b/;

export function credentialSettingIgnored(ctx: CauseContext): string | null {
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  const m = SETTING_IGNORED_RE.exec(lower(text));
  return m ? m[0].replace(/\s+/g, ' ').slice(0, 120) : null;
}

/** Distinct Region codes in a text (bounded scan). */
export function regionsIn(text: string): string[] {
  const out = new Set<string>();
  const t = text.length > 100_000 ? text.slice(0, 100_000) : text;
  for (const m of t.matchAll(/\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-(?:north|south|east|west|central|northeast|southeast|southwest|northwest)-[1-9]\b/g)) {
    out.add(m[0]);
    if (out.size > 8) break;
  }
  return [...out];
}

/** "Roles may not be assumed by root accounts." */
export const isRootMessage = (ctx: CauseContext) => mentions(ctx, 'may not be assumed by root');

/** The message names no policy type: the bare form (cross-account, or an older message). */
export const isBare = (ctx: CauseContext) => ctx.parsed.deny.policyType === null;

/** Same-account (false), cross-account (true), unknown (null). */
export function crossAccount(ctx: CauseContext): boolean | null {
  if (ctx.parsed.crossAccount !== null) return ctx.parsed.crossAccount;
  const a = ctx.parsed.caller?.accountId;
  const b = ctx.parsed.target?.accountId;
  if (isAccountId(a) && isAccountId(b)) return a !== b;
  return null;
}

/** AssumeRoleWithWebIdentity / AssumeRoleWithSAML: the caller is an IdP token, not an AWS principal. */
export function isFederatedAssume(ctx: CauseContext): boolean {
  const a = actionOf(ctx);
  const op = lower(ctx.parsed.operation);
  return a === 'sts:assumerolewithwebidentity' || a === 'sts:assumerolewithsaml' || op === 'assumerolewithwebidentity' || op === 'assumerolewithsaml';
}

/** The caller is an IAM principal that has identity policies (user, role, role session, federated user). */
export function callerHasIdentityPolicies(ctx: CauseContext): boolean {
  const t = ctx.parsed.caller?.type;
  if (!t || t === 'unknown') return true;
  return t === 'user' || t === 'role' || t === 'assumed-role' || t === 'federated-user';
}

// ───────────────────────────── matching ─────────────────────────────

/**
 * `*` / `?` wildcard match, two-pointer with one backtrack point (linear in practice, bounded
 * by a work cap so adversarial input cannot blow up).
 */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  if (!p.includes('*') && !p.includes('?')) return p === v;
  if (p.length * Math.max(1, v.length) > 8_000_000) return false;
  // code units, not one-character strings: comparing those took a generic call per character
  let pi = 0; let vi = 0; let star = -1; let mark = 0;
  while (vi < v.length) {
    const pc = pi < p.length ? p.charCodeAt(pi) : -1;
    if (pc === QUESTION || (pc !== -1 && pc !== ASTERISK && pc === v.charCodeAt(vi))) { pi++; vi++; }
    else if (pc === ASTERISK) { star = pi++; mark = vi; }
    else if (star >= 0) { pi = star + 1; vi = ++mark; }
    else return false;
  }
  while (pi < p.length && p.charCodeAt(pi) === ASTERISK) pi++;
  return pi === p.length;
}
const ASTERISK = 42;
const QUESTION = 63;

/** Whether a statement's Action / NotAction covers the action (case-insensitive). */
export function coversAction(st: Statement, action: string): boolean {
  if (!action) return false;
  // the action lower-cased once for all the patterns (globMatch's ignoreCase lowers both sides per call)
  const a = action.toLowerCase();
  if (st.action) return st.action.some((p) => globMatch(p.toLowerCase(), a));
  if (st.notAction) return !st.notAction.some((p) => globMatch(p.toLowerCase(), a));
  return false;
}
export function namesActionExactly(st: Statement, action: string): boolean {
  return !!st.action?.some((a) => a.toLowerCase() === action.toLowerCase());
}

/** Whether Resource / NotResource covers the resource. null: no resource element (trust). */
export function coversResource(st: Statement, resource: string | null): boolean | null {
  if (!st.resource && !st.notResource) return null;
  // `on resource: *`: the action is not resource-scoped, so only a Resource that matches "*" itself covers it.
  if (resource === '*') return st.resource ? st.resource.some((r) => globMatch(r, '*')) : !st.notResource!.some((r) => globMatch(r, '*'));
  if (!resource || !resource.startsWith('arn:')) return st.resource?.includes('*') ? true : null;
  if (st.resource) return st.resource.some((r) => globMatch(r, resource));
  return !st.notResource!.some((r) => globMatch(r, resource));
}

/** Levenshtein distance, capped (returns cap+1 early) — for near-miss action names. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (a.length > 200 || b.length > 200) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length] ?? cap + 1;
}

/** `ssm:GetParameters` is a near miss of `ssm:GetParameter`: same service, a close name, not a wildcard. */
export function isNearMissAction(candidate: string, action: string): boolean {
  const c = candidate.toLowerCase();
  const a = action.toLowerCase();
  if (c === a || c.includes('*') || c.includes('?')) return false;
  const ci = c.indexOf(':');
  const ai = a.indexOf(':');
  if (ci < 0 || ai < 0 || c.slice(0, ci) !== a.slice(0, ai)) return false;
  const cn = c.slice(ci + 1);
  const an = a.slice(ai + 1);
  if (cn.startsWith(an) || an.startsWith(cn)) return Math.abs(cn.length - an.length) <= 8;
  return editDistance(cn, an, 2) <= 2;
}

// ───────────────────────────── principals ─────────────────────────────

/** `maybe`: it names the caller's name or an account, but the error hid the caller's account. */
export type PrincipalHit = 'exact' | 'account' | 'wildcard' | 'maybe' | 'none';

export interface CallerShape {
  account: string | null;
  partition: string;
  type: Caller['type'] | null;
  /** user ARN, role ARN (path unknown), session ARN */
  arn: string | null;
  roleName: string | null;
  userName: string | null;
  sessionName: string | null;
  /** The role's real path when known (context aws:PrincipalArn, or Identity Center naming). */
  knownRoleArn: string | null;
  /** Identity Center roles always live under /aws-reserved/sso.amazonaws.com/. */
  ssoRole: boolean;
  /**
   * For AssumeRoleWithSAML / AssumeRoleWithWebIdentity: the identity providers the request comes
   * from, lower-cased (a saml-provider ARN, or OIDC issuer hosts from the claim keys given), so a
   * trust's `Federated` principal can be matched; null when not a federated call or not known.
   */
  providers: string[] | null;
  /** The kind of a federated call whose provider is not known ('saml' / 'web'), else null. */
  unknownProviderKind: 'saml' | 'web' | null;
}

const pathCache = ctxCache<string | null>();
/**
 * The caller role's full ARN with its path, when the text around the error shows it (`aws iam
 * get-role` output, a role ARN ending in /<role name> under a path). A session ARN never shows the path.
 */
export function callerRoleArnFromText(ctx: CauseContext): string | null {
  if (pathCache.has(ctx)) return pathCache.get(ctx) ?? null;
  const out = roleArnWithPath(ctx.text, ctx.parsed.caller);
  pathCache.set(ctx, out);
  return out;
}

const shapeCache = ctxCache<CallerShape>();
export function callerShape(ctx: CauseContext): CallerShape {
  const hit = shapeCache.get(ctx);
  if (hit) return hit;
  const shape = computeCallerShape(ctx);
  shapeCache.set(ctx, shape);
  return shape;
}

function computeCallerShape(ctx: CauseContext): CallerShape {
  const c = ctx.parsed.caller;
  const pa = ctx.context['aws:PrincipalArn'] ?? ctx.context['aws:principalarn'];
  const known = typeof pa === 'string' ? pa : callerRoleArnFromText(ctx);
  if (!c?.arn && (!c || c.type === 'unknown')) {
    const stated = statedCaller(ctx, typeof pa === 'string' ? pa : null, c?.accountId ?? null);
    if (stated) return stated;
  }
  const roleName = c && (c.type === 'assumed-role' || c.type === 'role') ? c.name : null;
  return {
    account: isAccountId(c?.accountId) ? c!.accountId : null,
    partition: c?.partition || 'aws',
    type: c?.type ?? null,
    arn: c?.arn ?? null,
    roleName,
    userName: c?.type === 'user' ? c.name : null,
    sessionName: c?.sessionName ?? null,
    knownRoleArn: known,
    ssoRole: !!roleName && roleName.startsWith('AWSReservedSSO_'),
    providers: federatedProviders(ctx),
    unknownProviderKind: unknownProviderKind(ctx),
  };
}

/**
 * The message names no caller: the one the person states in the context stands in — aws:PrincipalArn
 * (a user, a role, root, a role session) and aws:PrincipalAccount. Null when neither is stated.
 */
function statedCaller(ctx: CauseContext, principalArn: string | null, parsedAccount: string | null): CallerShape | null {
  const pacct = ctx.context['aws:PrincipalAccount'] ?? ctx.context['aws:principalaccount'];
  const a = principalArn ? splitArn(principalArn.trim()) : null;
  const account = isAccountId(parsedAccount) ? parsedAccount : typeof pacct === 'string' && isAccountId(pacct) ? pacct : a && isAccountId(a.account) ? a.account : null;
  if (!a && !account) return null;
  let type: Caller['type'] | null = null;
  let roleName: string | null = null;
  let userName: string | null = null;
  if (a && (a.service === 'iam' || a.service === 'sts')) {
    const name = lastSeg(a.resource);
    if (a.resource === 'root') type = 'root';
    else if (a.resource.startsWith('user/')) { type = 'user'; userName = name; }
    else if (a.resource.startsWith('role/')) { type = 'role'; roleName = name; }
    else if (a.resource.startsWith('assumed-role/')) { type = 'assumed-role'; roleName = a.resource.split('/')[1] ?? null; }
  }
  const arn = a && type ? principalArn!.trim() : null;
  return {
    account,
    partition: a?.partition || 'aws',
    type,
    arn,
    roleName,
    userName,
    sessionName: null,
    knownRoleArn: type === 'role' ? arn : null,
    ssoRole: !!roleName && roleName.startsWith('AWSReservedSSO_'),
    providers: null,
    unknownProviderKind: null,
  };
}

/** The IdPs of a federated call: the parsed saml-provider ARN, or the OIDC issuers of the claim keys given. */
function federatedProviders(ctx: CauseContext): string[] | null {
  if (!isFederatedAssume(ctx)) return null;
  const idp = ctx.parsed.identityProvider;
  if (idp && idp.includes(':saml-provider/')) return [idp.toLowerCase()];
  const out = new Set<string>();
  for (const k of Object.keys(ctx.context)) {
    const low = k.toLowerCase();
    for (const claim of [':sub', ':aud']) if (low.endsWith(claim) && low.includes('.') && !low.startsWith('saml:')) out.add(low.slice(0, -claim.length));
  }
  return out.size ? [...out] : null;
}

/** A SAML or web-identity call whose identity provider neither the message nor the context names. */
function unknownProviderKind(ctx: CauseContext): 'saml' | 'web' | null {
  if (!isFederatedAssume(ctx) || federatedProviders(ctx)) return null;
  const a = actionOf(ctx);
  return a === 'sts:assumerolewithsaml' || lower(ctx.parsed.operation) === 'assumerolewithsaml' ? 'saml' : 'web';
}

/** A `Federated` principal names the call's IdP: a saml-provider ARN, or an oidc-provider ARN / issuer host. */
function federatedHit(values: string[], providers: string[]): boolean {
  return values.some((v) => {
    const low = v.toLowerCase();
    const i = low.indexOf(':oidc-provider/');
    const host = i >= 0 ? low.slice(i + ':oidc-provider/'.length) : low;
    return providers.includes(low) || providers.includes(host);
  });
}

function lastSeg(s: string): string {
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

/** How one `Principal.AWS` value relates to the caller. */
export type PrincipalRelation =
  | 'exact' | 'account' | 'wildcard' | 'maybe'
  | 'stale-unique-id' | 'session-arn' | 'session-arn-other-role' | 'user-vs-role' | 'wrong-account'
  | 'path-mismatch' | 'other';

export function relateAwsPrincipal(value: string, c: CallerShape): PrincipalRelation {
  if (value === '*') return 'wildcard';
  if (value.includes('${') && hasIacReference(value)) return referencedRelation(value, c);
  if (/^A(?:ROA|IDA)[A-Z0-9]{8,40}$/.test(value)) return 'stale-unique-id';
  // an account id one or two keystrokes away from the caller's (transposed or mistyped digits)
  const typo = (acct: string) => c.account !== null && isAccountId(acct) && acct !== c.account && editDistance(acct, c.account, 2) <= 2;
  if (isAccountId(value)) return value === c.account ? 'account' : c.account === null ? 'maybe' : typo(value) ? 'wrong-account' : 'other';
  const a = splitArn(value);
  if (!a) return 'other';
  const sameAcct = c.account !== null && a.account === c.account && a.partition === c.partition;
  if (a.resource === 'root') {
    if (sameAcct) return 'account';
    if (c.account === null) return 'maybe'; // the caller's account is unknown: it may be this one
    return typo(a.account) || (a.account === c.account && a.partition !== c.partition) ? 'wrong-account' : 'other';
  }
  const res = a.resource;
  const name = lastSeg(res);
  // nobody knows who called: a principal in the caller's (known or unknown) account may be it
  if (c.arn === null && (c.type === null || c.type === 'unknown')) return c.account === null || a.account === c.account ? 'maybe' : 'other';
  if (res.startsWith('assumed-role/')) {
    const parts = res.split('/');
    if (c.arn && value === c.arn) return 'exact';
    if (c.roleName && parts[1] === c.roleName) return sameAcct ? 'session-arn' : 'wrong-account';
    return 'session-arn-other-role';
  }
  const isUserEntry = res.startsWith('user/');
  const isRoleEntry = res.startsWith('role/');
  const callerIsRole = c.type === 'assumed-role' || c.type === 'role';
  const callerIsUser = c.type === 'user';
  if (isRoleEntry && callerIsRole && c.roleName) {
    if (name === c.roleName) {
      if (!sameAcct) return c.account ? 'wrong-account' : 'maybe';
      // role/<path>/<name>: the session ARN does not show the path
      const path = res.slice(5, res.length - name.length); // '' or 'a/b/'
      if (c.knownRoleArn) {
        const k = splitArn(c.knownRoleArn);
        if (k && k.resource !== res) return 'path-mismatch';
        return 'exact';
      }
      if (c.ssoRole && !path.startsWith('aws-reserved/sso.amazonaws.com/')) return 'path-mismatch';
      return 'exact';
    }
    return 'other';
  }
  if (isUserEntry && callerIsUser && c.arn) {
    if (value === c.arn) return 'exact';
    if (name === c.userName) return sameAcct ? 'path-mismatch' : c.account ? 'wrong-account' : 'maybe';
    return 'other';
  }
  if ((isUserEntry && callerIsRole) || (isRoleEntry && callerIsUser)) return sameAcct || c.account === null ? 'user-vs-role' : 'other';
  if (c.type === 'root' && value === c.arn) return 'exact';
  return 'other';
}

/**
 * A value CloudFormation or Terraform fills in at deploy time (policy/iac.ts): it may name the caller
 * when, read as any text there, it matches the caller's ARN, role, account or root; otherwise it
 * names someone else whatever was filled in.
 */
function referencedRelation(value: string, c: CallerShape): PrincipalRelation {
  if (!c.arn) return 'maybe'; // nobody knows who called
  const p = c.partition;
  const names: string[] = [c.arn];
  if (c.knownRoleArn) names.push(c.knownRoleArn);
  if (c.account) {
    names.push(c.account, `arn:${p}:iam::${c.account}:root`);
    if (c.roleName) names.push(`arn:${p}:iam::${c.account}:role/${c.roleName}`);
  }
  return referenceCanName(value, names) ? 'maybe' : 'other';
}

/** How a statement's Principal relates to the caller (best relation across its AWS values). */
export function principalHit(el: PrincipalElement | null, c: CallerShape): PrincipalHit {
  if (!el) return 'none';
  if (el.wildcard) return 'wildcard';
  let best: PrincipalHit = 'none';
  for (const v of el.AWS) {
    const r = relateAwsPrincipal(v, c);
    if (r === 'exact') return 'exact';
    if (r === 'account' && best !== 'wildcard') best = 'account';
    if (r === 'wildcard') best = 'wildcard';
    if (r === 'maybe' && best === 'none') best = 'maybe';
  }
  if (c.type === 'service' && c.arn && el.Service.some((s) => s.toLowerCase() === lower(c.arn))) return 'exact';
  if (c.providers && el.Federated.length && federatedHit(el.Federated, c.providers)) return 'exact';
  // the call's provider is not known: a Federated value of the same kind may be it
  if (best === 'none' && c.unknownProviderKind && el.Federated.some((f) => f.toLowerCase().includes(':saml-provider/') === (c.unknownProviderKind === 'saml'))) return 'maybe';
  return best;
}

// ───────────────────────────── conditions ─────────────────────────────

/** What the pasted `aws` command shows the failed call sent (once per answer). */
const commandRequest = perAnswer((ctx: CauseContext): CommandRequest => requestFromCommand(ctx.text, ctx.parsed));

/**
 * A request value for a condition key: string[] = present, null = absent, undefined = unknown.
 * The person's request facts and context first, then what the pasted command shows.
 */
export function requestValue(ctx: CauseContext, key: string): string[] | null | undefined {
  const stated = valueFrom(ctx, ctx.request, ctx.context, key);
  if (stated !== undefined) return stated;
  const cmd = commandRequest(ctx);
  const sent = valueFrom(ctx, cmd.request, {}, key);
  return sent !== undefined ? sent : commandContextValue(cmd, key);
}

function valueFrom(ctx: CauseContext, r: RequestFacts, given: Record<string, ContextValue>, key: string): string[] | null | undefined {
  const k = key.toLowerCase();
  for (const [ck, cv] of Object.entries(given)) {
    if (ck.toLowerCase() === k) return Array.isArray(cv) ? cv.map(String) : [String(cv)];
  }
  const c = ctx.parsed.caller;
  const stsAssume = isStsFamily(ctx);
  switch (k) {
    case 'sts:externalid':
      if (r.externalId === undefined) return undefined;
      return r.externalId === null ? null : [r.externalId];
    case 'aws:multifactorauthpresent':
      if (r.mfa === true) return ['true'];
      if (r.mfa === false) return c?.type === 'user' ? null : ['false'];
      if (c?.type === 'assumed-role' && stsAssume) return ['false'];
      if (isFederatedAssume(ctx)) return null; // an IdP's MFA never reaches STS
      return undefined;
    case 'aws:multifactorauthage':
      if (r.mfa === false) return null;
      if (r.mfa !== true && isFederatedAssume(ctx)) return null;
      return undefined;
    case 'sts:rolesessionname':
      return stsAssume && r.roleSessionName !== undefined ? [r.roleSessionName] : undefined;
    case 'sts:sourceidentity':
      if (r.sourceIdentity !== undefined) return [r.sourceIdentity];
      return undefined;
    case 'aws:sourceidentity':
      return undefined;
    case 'aws:principalaccount': {
      const acct = callerShape(ctx).account;
      return acct ? [acct] : undefined;
    }
    case 'aws:principalarn': {
      if (!c) return undefined;
      if (c.type === 'user' || c.type === 'root') return c.arn ? [c.arn] : undefined;
      if (c.type === 'assumed-role' || c.type === 'role') {
        const fromText = callerRoleArnFromText(ctx);
        if (fromText) return [fromText]; // get-role output (or another full role ARN) shows the path
        if (c.name?.startsWith('AWSReservedSSO_')) return undefined; // the path is not in the session ARN
        return c.roleArn ? [c.roleArn] : undefined;
      }
      return undefined;
    }
    case 'aws:principaltype': {
      const m: Record<string, string> = { user: 'User', 'assumed-role': 'AssumedRole', root: 'Account', 'federated-user': 'FederatedUser' };
      const v = c ? m[c.type] : undefined;
      return v ? [v] : undefined;
    }
    case 'aws:username':
      return c?.type === 'user' && c.name ? [c.name] : c && c.type !== 'unknown' ? null : undefined;
    case 'aws:principalisawsservice':
      return c && c.type !== 'unknown' ? [c.type === 'service' ? 'true' : 'false'] : undefined;
    case 'aws:tagkeys':
      return r.sessionTags ? Object.keys(r.sessionTags) : undefined;
    case 'aws:requestedregion':
      return ctx.parsed.region ? [ctx.parsed.region] : undefined;
    case 'kms:viaservice': {
      // a direct call to KMS (the refused kms: action is the operation that was called) carries no ViaService;
      // a KMS action during another service's operation carries that service's (S3 PutObject → s3.<region>.amazonaws.com)
      if (directKmsCall(ctx)) return null;
      const via = (personCall(ctx) ? viaServiceOf(ctx.parsed) : null) ?? kmsUseVia(ctx);
      return via ? [via] : undefined;
    }
    case 'kms:calleraccount': {
      // the account of the principal KMS sees: the caller's, for a kms: call and for a service's use of KMS with the
      // caller's credentials (the view of a KMS use names no action, docs/decisions/018)
      const acct = callerShape(ctx).account;
      const a = actionOf(ctx);
      return (a.startsWith('kms:') || a === '') && acct ? [acct] : undefined;
    }
    case 'kms:grantisforawsresource':
      // an IAM principal calling CreateGrant itself: no AWS service creates the grant for a resource
      return directKmsCall(ctx) && actionOf(ctx) === 'kms:creategrant' ? ['false'] : undefined;
    default:
      // s3:x-amz-server-side-encryption, kms:EncryptionContext:…: the pasted command (requestValue)
      if (k.startsWith('aws:requesttag/')) {
        if (!r.sessionTags) return undefined;
        const tk = k.slice('aws:requesttag/'.length);
        for (const [tkey, tv] of Object.entries(r.sessionTags)) if (tkey.toLowerCase() === tk) return [tv];
        return null;
      }
      return undefined;
  }
}

export { cliEncryptionContext, cliS3Sse } from '../policy/command-request.js';

/** The caller is an IAM principal (user, role session, root …), named by the message or stated as aws:PrincipalArn. */
function personCall(ctx: CauseContext): boolean {
  const t = callerShape(ctx).type;
  return t === 'user' || t === 'assumed-role' || t === 'role' || t === 'federated-user' || t === 'root';
}

const REGION_NAME = /^[a-z]{2}(?:-[a-z]{2,10}){1,2}-\d{1,2}$/;

/**
 * kms:ViaService of a service's refused use of KMS (kmsUse: Secrets Manager's "Access to KMS is not allowed", the
 * KMSAccessDenied codes …): the service that called KMS for the caller, in the Region of its resource (or of the call) —
 * `<service>.<region>.amazonaws.com`, whatever runs the code (a Lambda function reading a secret: Secrets Manager calls
 * KMS). Only the aws partition; null when the service or Region is not known, or the caller is itself a service.
 */
function kmsUseVia(ctx: CauseContext): string | null {
  const use = kmsUse(ctx);
  if (!use?.service || use.service === 'kms' || ctx.parsed.caller?.type === 'service') return null;
  const res = use.resource ? splitArn(use.resource) : null;
  if (res && res.partition !== 'aws') return null;
  const region = res?.region || ctx.parsed.region;
  return region && region.length <= 30 && REGION_NAME.test(region) ? `${use.service}.${region}.amazonaws.com` : null;
}

/** The refused kms: action is the operation the caller itself called (not a service calling KMS on its behalf). */
function directKmsCall(ctx: CauseContext): boolean {
  const a = actionOf(ctx);
  const op = lower(ctx.parsed.operation);
  if (!a.startsWith('kms:') || !op || a.slice(4) !== op) return false;
  const t = ctx.parsed.caller?.type;
  return t === 'user' || t === 'assumed-role' || t === 'role' || t === 'federated-user' || t === 'root';
}

/**
 * The ARN operators' test (IAM "Condition operators", ARN section): both values split into their six
 * colon-delimited parts (the last keeps its colons), each part matched with * and ? wildcards, so a * never spans
 * a colon. A value that is not an ARN never matches. Linear: indexOf and globMatch per part.
 */
function arnPartsMatch(pattern: string, value: string): boolean {
  const p = arnSix(pattern);
  const v = arnSix(value);
  if (!p || !v) return false;
  for (let i = 0; i < 6; i++) if (!globMatch(p[i]!, v[i]!)) return false;
  return true;
}
function arnSix(s: string): string[] | null {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < 5; i++) {
    const c = s.indexOf(':', at);
    if (c < 0) return null;
    out.push(s.slice(at, c));
    at = c + 1;
  }
  out.push(s.slice(at));
  return out[0] === 'arn' || out[0] === '*' ? out : null;
}

function matchOne(base: string, cond: string, val: string): boolean | 'unknown' {
  if (cond.includes('${')) return 'unknown';
  switch (base) {
    case 'stringequals': return cond === val;
    case 'stringequalsignorecase': return cond.toLowerCase() === val.toLowerCase();
    case 'stringlike': return globMatch(cond, val);
    // IAM: ArnEquals and ArnLike alike compare the six colon-delimited parts, each with * and ? wildcards
    case 'arnequals': case 'arnlike': return arnPartsMatch(cond, val);
    case 'bool': return cond.toLowerCase() === val.toLowerCase();
    case 'numericequals': return Number(cond) === Number(val);
    case 'numericlessthan': return Number(val) < Number(cond);
    case 'numericlessthanequals': return Number(val) <= Number(cond);
    case 'numericgreaterthan': return Number(val) > Number(cond);
    case 'numericgreaterthanequals': return Number(val) >= Number(cond);
    default: return 'unknown';
  }
}

const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals', stringnotequalsignorecase: 'stringequalsignorecase', stringnotlike: 'stringlike',
  arnnotequals: 'arnequals', arnnotlike: 'arnlike', numericnotequals: 'numericequals',
};

/** Evaluates one condition clause with the request facts we know; 'unknown' when a value is unknown. */
export function quickCondition(ctx: CauseContext, cl: ConditionClause): ConditionOutcome {
  const actual = requestValue(ctx, cl.key);
  const out: ConditionOutcome = { operator: cl.operator, key: cl.key, values: cl.values, result: 'unknown' };
  if (actual !== undefined) out.actual = actual;
  let base = cl.baseOperator.toLowerCase();
  if (base === 'null') {
    if (actual === undefined) return out;
    const wantAbsent = cl.values.some((v) => v.toLowerCase() === 'true');
    out.result = wantAbsent ? actual === null : actual !== null;
    return out;
  }
  if (actual === undefined) return out;
  if (actual === null) {
    if (cl.ifExists) { out.result = true; return out; }
    if (cl.setOperator === 'ForAllValues') { out.result = true; return out; }
    if (cl.setOperator === 'ForAnyValue') { out.result = false; return out; }
    out.result = base in NEGATED;
    return out;
  }
  const neg = base in NEGATED;
  if (neg) base = NEGATED[base]!;
  const hit = (val: string): boolean | 'unknown' => {
    let unknown = false;
    for (const cv of cl.values) {
      const m = matchOne(base, cv, val);
      if (m === true) return true;
      if (m === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : false;
  };
  let res: boolean | 'unknown';
  const hits = actual.map(hit);
  if (cl.setOperator === 'ForAllValues') res = hits.every((h) => h === true) ? true : hits.some((h) => h === false) ? false : 'unknown';
  else res = hits.some((h) => h === true) ? true : hits.some((h) => h === 'unknown') ? 'unknown' : false;
  if (neg && res !== 'unknown') res = !res;
  out.result = res;
  return out;
}

// ───────────────────────────── statement views ─────────────────────────────

export interface StatementView {
  policyIndex: number;
  policy: Policy;
  st: Statement;
  /** Action/NotAction covers the request action. */
  action: boolean;
  /** Resource covers the target (null: no Resource element, as in trust policies). */
  resource: boolean | null;
  /** Principal relation (null: no Principal element, as in identity policies). */
  principal: PrincipalHit | null;
  conditions: ConditionOutcome[];
  /** All conditions hold (true), one fails (false), or unknown. */
  condition: boolean | 'unknown';
  /** The engine's record for this statement, when the engine evaluated it. */
  record: StatementRecord | null;
}

export function evaluationOf(ctx: CauseContext, policyIndex: number): PolicyEvaluation | null {
  return ctx.evaluation?.policies.find((p) => p.policy === policyIndex) ?? null;
}

/** Conditions of a statement: the engine's outcomes when it evaluated them, else our own. */
const recordCache = ctxCache<Map<number, Map<number, StatementRecord>>>();

function recordOf(ctx: CauseContext, policyIndex: number, statementIndex: number): StatementRecord | null {
  let perCtx = recordCache.get(ctx);
  if (!perCtx) {
    perCtx = new Map();
    for (const pe of ctx.evaluation?.policies ?? []) perCtx.set(pe.policy, new Map(pe.statements.map((r) => [r.index, r])));
    recordCache.set(ctx, perCtx);
  }
  return perCtx.get(policyIndex)?.get(statementIndex) ?? null;
}

function conditionsOf(ctx: CauseContext, policyIndex: number, st: Statement): { outcomes: ConditionOutcome[]; record: StatementRecord | null } {
  const rec = recordOf(ctx, policyIndex, st.index);
  if (rec && rec.conditions.length === st.conditions.length && st.conditions.length > 0) {
    // Engine outcomes, but our own when the engine says unknown and we know better — or when the
    // text around the error shows the caller role's path, which the session ARN the engine sees hides.
    const pathKnown = callerRoleArnFromText(ctx) !== null;
    const outcomes = rec.conditions.map((o, i) => {
      const cl = st.conditions[i];
      if (cl && pathKnown && cl.key.toLowerCase() === 'aws:principalarn') return quickCondition(ctx, cl);
      if (o.result !== 'unknown') return o;
      return cl ? quickCondition(ctx, cl) : o;
    });
    return { outcomes, record: rec };
  }
  return { outcomes: st.conditions.map((cl) => quickCondition(ctx, cl)), record: rec };
}

function allOf(outcomes: ConditionOutcome[]): boolean | 'unknown' {
  if (outcomes.some((o) => o.result === false)) return false;
  if (outcomes.some((o) => o.result === 'unknown')) return 'unknown';
  return true;
}

const viewCache = ctxCache<Map<string, StatementView[]>>();
/** Per answer and action: each policy's views, computed once whatever kinds a family asks for. */
const policyViewCache = ctxCache<Map<string, Map<number, StatementView[]>>>();

/** Every statement of the pasted policies of the given kinds, matched against the failed request (memoized per answer). */
export function statementViews(ctx: CauseContext, kinds: PolicyKind[], action?: string): StatementView[] {
  if (ctx.policies.length === 0) return []; // most answers: nothing pasted, nothing to key or remember
  const a = action ?? ctx.parsed.action ?? '';
  let perCtx = viewCache.get(ctx);
  if (!perCtx) { perCtx = new Map(); viewCache.set(ctx, perCtx); }
  const key = `${kinds.join(',')}|${a}`;
  const hit = perCtx.get(key);
  if (hit) return hit;
  const out: StatementView[] = [];
  ctx.policies.forEach((p, i) => {
    if (!kinds.includes(p.kind) || !p.valid) return;
    for (const v of policyViews(ctx, i, a)) out.push(v);
  });
  perCtx.set(key, out);
  return out;
}

function policyViews(ctx: CauseContext, i: number, a: string): StatementView[] {
  let perCtx = policyViewCache.get(ctx);
  if (!perCtx) { perCtx = new Map(); policyViewCache.set(ctx, perCtx); }
  let perAction = perCtx.get(a);
  if (!perAction) { perAction = new Map(); perCtx.set(a, perAction); }
  const hit = perAction.get(i);
  if (hit) return hit;
  const p = ctx.policies[i]!;
  const target = ctx.parsed.target?.arn ?? null;
  // nobody named the resource: matched as the engine does (docs/decisions/017); unknown → null
  const unknownRes = !target && a.includes(':') && !isResourceLess(a) ? unknownResource(a, ctx.policies) : null;
  const shape = callerShape(ctx);
  const views: StatementView[] = [];
  for (const st of p.statements) {
    const { outcomes, record } = conditionsOf(ctx, i, st);
    const unknownCover = unknownRes ? coversUnknownResource(st.resource, st.notResource, unknownRes) : null;
    views.push({
      policyIndex: i, policy: p, st,
      action: coversAction(st, a),
      resource: unknownRes ? (unknownCover === 'unknown' ? null : unknownCover) : coversResource(st, target),
      principal: st.principal ? principalHit(st.principal, shape) : st.notPrincipal ? 'wildcard' : null,
      conditions: outcomes,
      condition: allOf(outcomes),
      record,
    });
  }
  perAction.set(i, views);
  return views;
}

/** The pasted policies of a kind that could be read, with their indexes. */
export function pasted(ctx: CauseContext, kind: PolicyKind): ReadonlyArray<{ policy: Policy; index: number }> {
  if (ctx.policies.length === 0) return NOTHING_PASTED; // most answers: the causes ask a few dozen times
  const out: Array<{ policy: Policy; index: number }> = [];
  for (let index = 0; index < ctx.policies.length; index++) {
    const policy = ctx.policies[index]!;
    if (policy.kind === kind && policy.valid) out.push({ policy, index });
  }
  return out;
}
const NOTHING_PASTED: ReadonlyArray<{ policy: Policy; index: number }> = Object.freeze([]);

/** Principal names the caller (exact ARN, its account, or `*`). */
/** Principal names the caller (exact ARN, its account, or `*`) — or may, when the error hid the caller's account. */
export const principalOk = (v: StatementView) => v.principal === 'exact' || v.principal === 'account' || v.principal === 'wildcard' || v.principal === 'maybe';

/** The condition outcomes of a view that fail or are unknown. */
export function blockingConditions(v: StatementView): ConditionOutcome[] {
  return v.conditions.filter((o) => o.result !== true);
}

/** A short description of a condition and what would pass: `StringEquals sts:ExternalId = "x"`. */
export function describeCondition(o: ConditionOutcome): string {
  const vals = o.values.map((v) => `"${v}"`).join(' or ');
  const act = o.actual === undefined ? 'unknown' : o.actual === null ? 'absent' : o.actual.map((v) => `"${v}"`).join(', ');
  return `${o.operator} ${o.key} ${vals} (request: ${act})`;
}

/** A deep copy of a JSON value (for corrected policy documents). */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return JSON.parse(JSON.stringify(v)) as T;
  return copyJson(v) as T;
}

function jsonRoundTrip(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v)) as unknown;
}

/**
 * What JSON.parse(JSON.stringify(v)) returns, without the text in between, for the plain objects,
 * arrays and scalars a parsed document holds; anything else (toJSON, class instances, boxed
 * values, BigInt) takes the round trip itself.
 */
function copyJson(v: unknown): unknown {
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'number': return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'object': break;
    default: return jsonRoundTrip(v);
  }
  if (v === null) return null;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return jsonRoundTrip(v);
    // filled by push: an array made with `new Array(n)` stays holey, which JSON.stringify reads slowly
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      out.push(x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : copyJson(x));
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === 'function') return jsonRoundTrip(v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    const c = copyJson(x);
    if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out;
}

/** The statement objects of a policy document as written (array form), or null. */
export function docStatements(doc: unknown): Array<Record<string, unknown>> | null {
  if (!doc || typeof doc !== 'object') return null;
  const s = (doc as Record<string, unknown>).Statement;
  if (Array.isArray(s)) return s as Array<Record<string, unknown>>;
  if (s && typeof s === 'object') {
    (doc as Record<string, unknown>).Statement = [s];
    return (doc as Record<string, unknown>).Statement as Array<Record<string, unknown>>;
  }
  return null;
}

/** Adds a value to a JSON element that may be a string or an array. */
export function addToElement(value: unknown, add: string): unknown {
  if (Array.isArray(value)) return value.includes(add) ? value : [...value, add];
  if (typeof value === 'string') return value === add ? value : [value, add];
  return add;
}
