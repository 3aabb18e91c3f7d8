/**
 * Caller side [aws-facts 3.B, 4.3]: the caller's identity policies, permissions boundary and
 * session policy, and the caller kinds that can never assume a role (root, federation token).
 * These ids serve every service, not only STS.
 */
import type { PolicyKind } from '../types.js';
import type { CauseContext, CauseDefinition, FixCommand, SignalResult, TemplateFacts } from './types.js';
import {
  STS_FAMILY, actionOf, awsSays, policyWords, callerHasIdentityPolicies, claim, clone, confirm, crossAccount, denyKind, denyType, docStatements,
  ev, isAssumeRole, isDenial, isNearMissAction, isServiceAssumeFailure, isRootMessage, isStsFamily, lower, mentions, namesActionExactly, pasted,
  policyLabel, ruleOut, likelyIf, statementViews, stmtLabel, weigh, coversResource, type StatementView,
} from './signals.js';
import { secretKey } from './pasted-output.js';
import { trustAnalysis } from './trust.js';
import { DOCS } from './docs.js';
import { abducedFor } from './abduce.js';
import { kmsUse } from './kms-use.js';
import { isAutoScalingSlr } from './service-use.js';
import { ctxCache } from './memo.js';
import { decodedDeny, decodedNoAllow } from './decoded.js';
import { simulatedSignal, simulation } from './simulated.js';
import { hay } from './text-index.js';


const SIMULATE = {
  description: 'Ask IAM whether the caller\'s own policies allow {action} on this resource (EvalDecision: allowed / implicitDeny / explicitDeny; MatchedStatements names the statement). For a role with a path, use the ARN that aws iam get-role prints.',
  command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names {action} --resource-arns {targetArn} --profile {callerProfile}',
  // its output is already in the paste (simulated.ts): the evidence says what it showed
  when: (ctx: CauseContext) => !simulation(ctx),
};
const LIST_ROLE_POLICIES = {
  description: 'The policies attached to the caller role {callerRoleName}: managed, then inline.',
  command: 'aws iam list-attached-role-policies --role-name {callerRoleName} --profile {callerProfile} && aws iam list-role-policies --role-name {callerRoleName} --profile {callerProfile}',
  when: (ctx: CauseContext) => ctx.parsed.caller?.type !== 'user',
};
const LIST_USER_POLICIES = {
  description: 'The policies of the caller user {callerUserName}: managed, inline and through groups.',
  command: 'aws iam list-attached-user-policies --user-name {callerUserName} --profile {callerProfile} && aws iam list-user-policies --user-name {callerUserName} --profile {callerProfile} && aws iam list-groups-for-user --user-name {callerUserName} --profile {callerProfile}',
  // a caller whose kind the message does not give may be a user as well as a role
  when: (ctx: CauseContext) => ctx.parsed.caller?.type === 'user' || callerKindUnknown(ctx),
};
/** Inline policy on the caller: put-role-policy for roles and sessions, put-user-policy for users. */
const PUT_CALLER_POLICY = 'aws iam put-{callerIamKind}-policy --{callerIamKind}-name {callerIamName} --policy-name allow-{actionName} --policy-document file://policy.json --profile {callerProfile}';
/**
 * The message does not say whether the caller is a role or an IAM user (no caller, `<snip>`, a name without its ARN):
 * put-role-policy alone would fail for a user, so the fix gives both commands and says which is which.
 */
function callerKindUnknown(ctx: CauseContext): boolean {
  const t = ctx.parsed.caller?.type;
  return !t || t === 'unknown';
}
const PUT_ROLE_OR_USER = [
  'aws iam put-role-policy --role-name {callerRoleName} --policy-name {newPolicyName} --policy-document file://policy.json --profile {callerProfile}',
  'aws iam put-user-policy --user-name {callerUserName} --policy-name {newPolicyName} --policy-document file://policy.json --profile {callerProfile}',
];
const ROLE_OR_USER_NOTE = 'The message does not say whether the caller is a role or an IAM user: run the first command for a role (and its sessions), the second for a user.';

/** A name IAM takes for a policy; a customer managed policy's ARN (an AWS managed one cannot be edited). */
const IAM_POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
const MANAGED_POLICY_ARN = /^arn:aws[a-z-]{0,20}:iam::\d{12}:policy\/(?:[\w+=,.@-]{1,128}\/){0,8}[\w+=,.@-]{1,128}$/;
/**
 * Labels that are not the policy's own editable name: a file's (the CLI labels a policy with its file's), an AWS
 * managed policy's (AmazonS3ReadOnlyAccess, AWSLambdaBasicExecutionRole, AdministratorAccess and the job-function ones).
 */
const FILE_NAME = /\.(?:json|ya?ml|txt|tf|hcl)$/i;
const AWS_MANAGED_NAME = /^(?:AWS|Amazon)[A-Z]|^(?:AdministratorAccess|PowerUserAccess|ReadOnlyAccess|ViewOnlyAccess|SecurityAudit|IAMFullAccess|IAMReadOnlyAccess|Billing|DataScientist|DatabaseAdministrator|NetworkAdministrator|SystemAdministrator|SupportUser)$/;

/**
 * The pasted identity policy a caller-side fix edits, when the person labelled it with a name IAM knows it by: its
 * inline name (put-role-policy replaces it) or its managed ARN (create-policy-version). `pick` names the policy the
 * fix's correction edits.
 */
function editedPolicy(ctx: CauseContext, pick: (ctx: CauseContext) => number | undefined): { name: string; managed: boolean } | null {
  const i = pick(ctx);
  const name = i === undefined ? null : ctx.policies[i]?.kind === 'identity' ? ctx.policies[i]?.name?.trim() : null;
  if (!name || FILE_NAME.test(name)) return null;
  if (MANAGED_POLICY_ARN.test(name)) return { name, managed: true };
  // the caller's own name (or part of it: AdministratorAccess in AWSReservedSSO_AdministratorAccess_…) labels whose
  // policy it is, not what the policy is called
  const who = lower(ctx.parsed.caller?.name);
  if (who && who.includes(name.toLowerCase())) return null;
  return IAM_POLICY_NAME.test(name) && !AWS_MANAGED_NAME.test(name) ? { name, managed: false } : null;
}

/**
 * A caller-side fix's commands, note and facts: the pasted policy it edits is written back under its own name (the
 * whole document: the put replaces it), else a new inline policy allow-<Action> holds the new statement.
 */
function callerPolicyFix(pick: (ctx: CauseContext) => number | undefined): {
  commands: FixCommand[]; notes: Array<{ text: string; when: (ctx: CauseContext) => boolean }>; facts: (ctx: CauseContext) => TemplateFacts;
} {
  // asked by three commands, two notes and the facts of each cause that uses it: once per answer
  const memo = ctxCache<{ name: string; managed: boolean } | false>();
  const edited = (ctx: CauseContext) => {
    let e = memo.get(ctx);
    if (e === undefined) memo.set(ctx, (e = editedPolicy(ctx, pick) ?? false));
    return e || null;
  };
  return {
    commands: [
      { command: PUT_CALLER_POLICY, when: (ctx) => !edited(ctx) && !callerKindUnknown(ctx) },
      { command: 'aws iam put-{callerIamKind}-policy --{callerIamKind}-name {callerIamName} --policy-name {callerPolicyName} --policy-document file://policy.json --profile {callerProfile}', when: (ctx) => edited(ctx)?.managed === false && !callerKindUnknown(ctx) },
      ...PUT_ROLE_OR_USER.map((c) => ({
        command: c.replace('{newPolicyName}', 'allow-{actionName}'), when: (ctx: CauseContext) => !edited(ctx) && callerKindUnknown(ctx),
      })),
      ...PUT_ROLE_OR_USER.map((c) => ({
        command: c.replace('{newPolicyName}', '{callerPolicyName}'), when: (ctx: CauseContext) => edited(ctx)?.managed === false && callerKindUnknown(ctx),
      })),
      { command: 'aws iam create-policy-version --policy-arn {callerPolicyArn} --policy-document file://policy.json --set-as-default --profile {callerProfile}', when: (ctx) => edited(ctx)?.managed === true },
    ],
    notes: [
      { text: ROLE_OR_USER_NOTE, when: (ctx) => edited(ctx)?.managed !== true && callerKindUnknown(ctx) },
      { text: 'The command writes policy.json over {callerPolicyName}, the inline policy you pasted: it replaces that policy, so policy.json holds all of its statements with this change.', when: (ctx) => edited(ctx)?.managed === false },
      { text: 'The command makes policy.json the default version of {callerPolicyArn}, the managed policy you pasted, so it holds all of its statements with this change (a managed policy keeps at most five versions: delete an old one first if it has five).', when: (ctx) => edited(ctx)?.managed === true },
    ],
    facts: (ctx) => {
      const e = edited(ctx);
      return e ? { callerPolicyName: e.managed ? null : e.name, callerPolicyArn: e.managed ? e.name : null } : NO_EDITED_POLICY;
    },
  };
}

const NO_EDITED_POLICY: TemplateFacts = {};
const firstIdentity = (ctx: CauseContext) => pasted(ctx, 'identity')[0]?.index;
const MISSING_ALLOW_FIX = callerPolicyFix(firstIdentity);
const RESOURCE_MISMATCH_FIX = callerPolicyFix((ctx) => identityAnalysis(ctx).wrongResource[0]?.policyIndex ?? firstIdentity(ctx));
const ACTION_MISMATCH_FIX = callerPolicyFix((ctx) => identityAnalysis(ctx).nearMiss[0]?.view.policyIndex ?? firstIdentity(ctx));

// ───────────────────────────── identity analysis ─────────────────────────────

interface IdentityAnalysis {
  pasted: boolean;
  views: StatementView[];
  /** Allow for the action and resource with conditions met. */
  full: StatementView[];
  /** Allow for the action and resource, conditions false or unknown. */
  conditional: StatementView[];
  /** Allow for the action whose Resource does not cover the target. */
  wrongResource: StatementView[];
  /** Allow naming a near-miss action (GetParameters for GetParameter), not the action itself. */
  nearMiss: Array<{ view: StatementView; action: string }>;
  /** Deny for action and resource (condition true or unknown). */
  denies: StatementView[];
  anyAllowForAction: boolean;
}
const cache = ctxCache<IdentityAnalysis>();

export function identityAnalysis(ctx: CauseContext): IdentityAnalysis {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const action = ctx.parsed.action ?? '';
  const views = statementViews(ctx, ['identity']);
  const allows = views.filter((v) => v.st.effect === 'Allow');
  const a: IdentityAnalysis = {
    pasted: views.length > 0,
    views,
    full: allows.filter((v) => v.action && v.resource !== false && v.condition === true),
    conditional: allows.filter((v) => v.action && v.resource !== false && v.condition !== true),
    wrongResource: allows.filter((v) => v.action && v.resource === false),
    nearMiss: [],
    denies: views.filter((v) => v.st.effect === 'Deny' && v.action && v.resource !== false && v.condition !== false),
    anyAllowForAction: allows.some((v) => v.action),
  };
  if (action) {
    for (const v of allows) {
      if (v.action) continue;
      const near = v.st.action?.find((x) => isNearMissAction(x, action));
      if (near && v.resource !== false) a.nearMiss.push({ view: v, action: near });
    }
  }
  cache.set(ctx, a);
  return a;
}

/**
 * Actions people routinely confuse with a sibling of almost the same name: a near-miss Allow is
 * a real possibility even before a policy is pasted.
 */
const CONFUSABLE: Record<string, string[]> = {
  // the SDK's single read vs the batch/path reads policies often name instead
  'ssm:getparameter': ['ssm:GetParameters', 'ssm:GetParametersByPath'],
  'kms:generatedatakey': ['kms:GenerateDataKeyWithoutPlaintext'],
};
export function confusableSiblings(action: string): string[] {
  return CONFUSABLE[action.toLowerCase()] ?? [];
}

const where = (v: StatementView) => `${stmtLabel(v.st)} of ${policyLabel(v.policy, v.policyIndex)}`;
const pev = (text: string, v: StatementView) => ev(text, 'policy', v.policyIndex, v.st.index);

/** The caller has identity policies and the action is not a web-identity / SAML call. */
function appliesToCaller(ctx: CauseContext): boolean {
  if (!isDenial(ctx) || !callerHasIdentityPolicies(ctx) || isRootMessage(ctx)) return false;
  // a service failed to assume the role it was given: the caller's own call was authorized
  if (isServiceAssumeFailure(ctx)) return false;
  // API Gateway's "Missing Authentication Token" comes before any authorization: no caller's policy was read
  if (ctx.parsed.shape === 'apigw-missing-auth-token') return false;
  const a = actionOf(ctx);
  // EC2 Auto Scaling's service-linked role on a KMS key: its permissions are fixed, the key policy decides (decision 019)
  if (a.startsWith('kms:') && isAutoScalingSlr(ctx.parsed.caller)) return false;
  return a !== 'sts:assumerolewithwebidentity' && a !== 'sts:assumerolewithsaml';
}

/**
 * The refusal is another authority's, in its own words, with no IAM action refused: Kubernetes' "You must be logged in
 * to the server (Unauthorized)" is the cluster's authentication of the token (access entries, aws-auth), which no IAM
 * policy grants; Lake Formation's "Insufficient Lake Formation permission(s)" is its grants (an IAM refusal names the
 * IAM action instead).
 */
function otherAuthorityRefused(ctx: CauseContext): SignalResult | null {
  if (ctx.parsed.action) return null;
  if (ctx.parsed.shape === 'k8s-unauthorized') return ruleOut(ev('Kubernetes answered Unauthorized: the cluster did not authenticate the token (access entries, aws-auth); no IAM action was refused, and IAM policies do not grant cluster access.'));
  if (mentions(ctx, 'insufficient lake formation permission')) return ruleOut(ev('Lake Formation names its own grants as what is missing: it checks them after IAM has allowed the call (an IAM refusal names the IAM action instead).'));
  return null;
}

/**
 * A request through an S3 Object Lambda access point also needs the caller's lambda:InvokeFunction on the function it
 * runs (S3, "Configuring IAM policies for Object Lambda Access Points": the identity, the supporting access point, the
 * Object Lambda access point and the function must all grant). With the one function ARN the paste prints and pasted
 * identity policies none of whose Allows covers lambda:InvokeFunction on it: the evidence, else null.
 */
function objectLambdaInvokeMissing(ctx: CauseContext): string | null {
  const fn = objectLambdaFunctionRefused(ctx);
  return fn ? `The request goes through an S3 Object Lambda access point, which invokes ${fn} with the caller's permissions: the caller needs lambda:InvokeFunction on it (with aws:CalledVia s3-object-lambda.amazonaws.com), and no pasted identity policy allows that.` : null;
}
const olapMemo = ctxCache<string | false>();
/** The function of objectLambdaInvokeMissing (memoized: the signal, the fix and its facts ask). */
function objectLambdaFunctionRefused(ctx: CauseContext): string | null {
  let v = olapMemo.get(ctx);
  if (v === undefined) olapMemo.set(ctx, (v = objectLambdaFunctionUncached(ctx) ?? false));
  return v || null;
}
function objectLambdaFunctionUncached(ctx: CauseContext): string | null {
  if (!actionOf(ctx).startsWith('s3-object-lambda:')) return null;
  let fn: string | null = null;
  const re = /\barn:aws[a-z-]{0,20}:lambda:[a-z0-9-]{1,30}:\d{12}:function:[A-Za-z0-9_-]{1,140}(?::[A-Za-z0-9$_-]{1,128})?/g;
  let m: RegExpExecArray | null;
  for (let n = 0; (m = re.exec(ctx.text)) !== null && n < 20; n++) {
    if (fn !== null && fn !== m[0]) return null;
    fn = m[0];
  }
  if (!fn) return null;
  const views = statementViews(ctx, ['identity'], 'lambda:InvokeFunction');
  if (!views.length) return null;
  const allows = views.filter((v) => v.st.effect === 'Allow' && v.action && v.condition !== false && coversResource(v.st, fn) !== false);
  if (allows.length) return null;
  return fn;
}

function identityIndex(ctx: CauseContext): number {
  return Math.max(0, ctx.policies.findIndex((p) => p.kind === 'identity' && p.valid));
}

/** Same-account AssumeRole where the trust names the caller's ARN: the trust alone allows it. */
function trustAloneSuffices(ctx: CauseContext): SignalResult | null {
  if (!isAssumeRole(ctx) || crossAccount(ctx) !== false) return null;
  if (denyType(ctx) === 'identity-based') return null;
  const t = trustAnalysis(ctx);
  const v = t.naming.find((x) => x.principal === 'exact' && x.condition !== false);
  return v ? ruleOut(pev(`Same account and ${where(v)} names the caller's own ARN: the trust policy alone allows the call, no identity-policy Allow is needed.`, v)) : null;
}

/**
 * Same-account call where a pasted resource-based policy (bucket, queue, secret, key, API policy)
 * allows this caller — by ARN or with Principal "*" — unconditionally: that Allow alone suffices
 * within one account, so no identity-policy Allow is needed.
 */
function resourceAloneSuffices(ctx: CauseContext): SignalResult | null {
  if (isAssumeRole(ctx) || crossAccount(ctx) !== false || denyType(ctx) === 'identity-based') return null;
  const v = statementViews(ctx, ['resource']).find((x) => x.st.effect === 'Allow' && x.action && x.resource !== false
    && (x.principal === 'exact' || x.principal === 'wildcard') && x.condition === true);
  return v ? ruleOut(pev(`Same account and ${where(v)} allows ${ctx.parsed.action ?? 'the action'} for the caller: a resource-based Allow alone suffices within one account, no identity-policy Allow is needed.`, v)) : null;
}

/** Calls that need no IAM permission: no identity-policy Allow is involved (aws-facts: GetCallerIdentity, GetSessionToken). */
const NO_PERMISSION_ACTIONS = ['sts:getcalleridentity', 'sts:getsessiontoken'];

/**
 * A pasted KMS key policy, same-account call: does any Allow of it name the caller's account
 * (`arn:aws:iam::<account>:root`, the "Enable IAM policies" statement)? Without it, IAM policies
 * cannot grant use of the key at all. null when not a KMS call, no key policy pasted, or cross-account.
 */
function keyPolicyDelegates(ctx: CauseContext): { delegates: boolean; policyIndex: number } | null {
  const a = actionOf(ctx);
  if (!a.startsWith('kms:') || crossAccount(ctx) === true) return null;
  const views = statementViews(ctx, ['resource']).filter((v) => (v.st.action ?? v.st.notAction ?? []).some((x) => x.toLowerCase().startsWith('kms:')));
  if (!views.length) return null;
  const delegates = views.some((v) => v.st.effect === 'Allow' && v.action && (v.principal === 'account' || v.principal === 'wildcard' || v.principal === 'maybe'));
  return { delegates, policyIndex: views[0]!.policyIndex };
}

/** A target ARN that is a sub-resource of what policies usually name (a DynamoDB index, a log stream). */
function subResourceOf(arn: string, action = ''): { what: string; parent: string; hint: string; kind?: string } | null {
  // a resource the paste elided (`.../index/<name>`) still shows a DynamoDB index when the refused action is DynamoDB's
  if (!arn.startsWith('arn:')) {
    return action.startsWith('dynamodb:') && /^(?:\.{2,3}|…)\/?(?:table\/[^/\s]{1,255}\/)?index\/[^/\s]{1,255}$/.test(arn)
      ? { what: 'a DynamoDB index', parent: 'the table ARN', hint: 'add arn:…:table/<name>/index/*' } : null;
  }
  if (arn.includes(':dynamodb:') && arn.includes('/index/')) return { what: 'a DynamoDB index', parent: 'the table ARN', hint: 'add arn:…:table/<name>/index/*' };
  if (arn.includes(':dynamodb:') && arn.includes('/stream/')) return { what: 'a DynamoDB stream', parent: 'the table ARN', hint: 'add arn:…:table/<name>/stream/*' };
  if (arn.includes(':logs:') && arn.includes(':log-stream:')) return { what: 'a log stream', parent: 'the log group ARN without its :* suffix', hint: 'use arn:…:log-group:<name>:*' };
  // the account field "aws": a resource AWS owns (a CloudFormation transform, an AWS managed policy)
  if (arn.split(':', 5)[4] === 'aws') return { what: 'an AWS-owned resource', kind: 'not one in your account', parent: 'ARNs in your own account (a stack, a prefix)', hint: 'name this ARN itself, or "*"' };
  return null;
}

/**
 * A Bedrock system-defined cross-Region inference profile (`…:inference-profile/us.anthropic.…`, `global.…`): the id
 * starts with its geography. Not an application inference profile (`application-inference-profile/…`), not a
 * foundation model. The ARN, or null.
 */
function crossRegionProfileOf(arn: string): string | null {
  return /^arn:aws[a-z-]{0,20}:bedrock:[a-z0-9-]{2,30}:[^:/\s]{0,40}:inference-profile\/(?:us|eu|apac|us-gov|global|jp|au|ca)\.[a-z0-9-]{1,40}\.[A-Za-z0-9.:_-]{1,200}$/.test(arn) ? arn : null;
}

/**
 * WAFv2 authorizes CreateWebACL / UpdateWebACL and CreateRuleGroup / UpdateRuleGroup against every IP set, regex
 * pattern set and rule group the request references, not only against the web ACL (rule group) itself. A refusal that
 * names one of those (`…:global/ipset/…`) comes from an Allow whose Resource lists only the ACL. The referenced
 * resource's type as the ARN spells it, or null.
 */
function wafReferencedResource(ctx: CauseContext): string | null {
  const act = actionOf(ctx);
  if (!act.startsWith('wafv2:')) return null;
  const own = /^wafv2:(?:create|update)(webacl|rulegroup)$/.exec(act);
  const ref = own ? /^arn:aws[a-z-]{0,20}:wafv2:[a-z0-9-]{0,30}:[^:/]{0,40}:(?:global|regional)\/(ipset|regexpatternset|rulegroup|managedruleset)\//.exec(ctx.parsed.target?.arn ?? '') : null;
  return own && ref && ref[1] !== own[1] ? ref[1]! : null;
}

/**
 * An AWS Batch job definition named without its revision (`…:job-definition/my-job`, no `:4`) in a refused
 * batch:SubmitJob: the request is authorized against exactly that ARN, which a policy naming the revision ARN
 * (`my-job:1`, `my-job:*`) does not cover. The ARN, or null.
 */
function unrevisedJobDefinition(ctx: CauseContext): string | null {
  if (actionOf(ctx) !== 'batch:submitjob') return null;
  const arn = ctx.parsed.target?.arn ?? '';
  return /^arn:aws[a-z-]{0,20}:batch:[a-z0-9-]{2,30}:[^:]{1,40}:job-definition\/[A-Za-z0-9_-]{1,128}$/.test(arn) ? arn : null;
}

/** The ARN inside a resource ARN's name (`…:deliverystream/arn:aws:firehose:…:deliverystream/x`), or null. */
function nestedArnIn(arn: string): string | null {
  if (!arn.startsWith('arn:')) return null;
  const i = arn.search(/[/:]arn:aws[a-z-]{0,20}:[a-z0-9-]{2,40}:/);
  return i > 0 ? arn.slice(i + 1) : null;
}

/** KMS's opaque answer ("does not exist in this region, or you are not allowed to access"). */
const KMS_OPAQUE = ['does not exist in this region', 'customer master key that does not exist', 'ciphertext references a key that',
  // a service using the key with the caller's permissions (RDS, Neptune, DocumentDB; EC2's snapshot and AMI copies)
  'is not enabled or you do not have permissions to access it', 'given key id is not accessible'];
/** A service using a key under its own principal ("… is not allowed to be used with Arn …"). */
const KMS_SERVICE_KEY = ['not allowed to be used with'];

/** Message weight for causes that need "no identity-based policy allows". */
function identityMessage(strong: number): (ctx: CauseContext) => SignalResult | null {
  return (ctx) => {
    const type = denyType(ctx);
    const kind = denyKind(ctx);
    const action = ctx.parsed.action ?? 'the action';
    const kd = keyPolicyDelegates(ctx);
    if (kd && !kd.delegates) {
      const account = ctx.parsed.caller?.accountId ?? '<account>';
      return ruleOut(ev(`The pasted key policy, ${policyLabel(ctx.policies[kd.policyIndex]!, kd.policyIndex)}, has no statement for the caller's account (arn:aws:iam::${account}:root), so IAM policies cannot grant use of this key at all: the key policy alone decides.`, 'policy', kd.policyIndex));
    }
    if (!type && kind !== 'explicit' && KMS_SERVICE_KEY.some((w) => mentions(ctx, w))) {
      return weigh(0.3, ev('The service says the KMS key cannot be used with its resource: the key policy must allow the service principal; the caller\'s own IAM permission is not what it names.', 'catalog'));
    }
    if (!type && kind !== 'explicit' && KMS_OPAQUE.some((w) => mentions(ctx, w))) {
      return weigh(0.6, ev('KMS\'s opaque answer covers a key in another Region, an invalid ciphertext and a missing key-policy grant as well as a missing IAM Allow.', 'catalog'));
    }
    if (NO_PERMISSION_ACTIONS.includes(actionOf(ctx)) && type !== 'identity-based') {
      return ruleOut(ev(`${ctx.parsed.action} needs no IAM permission (an identity policy cannot deny or fail to allow it), so the refusal comes from elsewhere — the MFA code or serial, the kind of credentials, or an SCP.`, 'catalog'));
    }
    if (type === 'identity-based' && kind !== 'explicit') return weigh(strong, ev(awsSays(ctx, `AWS reports that no identity-based policy allows ${action}.`)));
    if (type === 'identity-based') return weigh(0.2, ev('AWS reports an explicit Deny in an identity-based policy, not a missing Allow.'));
    if (type === 'resource-based' && kind !== 'explicit' && actionOf(ctx).startsWith('kms:')) return weigh(1, ev('KMS says "no resource-based policy allows" even when the caller\'s IAM policy is what lacks the permission, so the caller side is still open.'));
    if (type && kind === 'explicit' && type !== 'service-control') return weigh(0.15, ev(`AWS reports an explicit Deny in a ${policyWords(ctx, type)}.`));
    if ((type === 'permissions-boundary' || type === 'session') && kind !== 'explicit') {
      return weigh(0.08, ev(`AWS evaluates identity-based policies before the ${type === 'session' ? 'session policy' : 'permissions boundary'}; a refusal reported there means an identity-based policy allowed ${action}.`));
    }
    if (type) return weigh(0.3, ev(`AWS names the ${policyWords(ctx, type)} as the one that refused (it names one type even when several refuse).`));
    if (kind === 'explicit') return weigh(0.15, ev('AWS reports an explicit deny, not a missing Allow.'));
    if (isStsFamily(ctx)) {
      const x = crossAccount(ctx);
      if (x === true) return weigh(1, ev('Cross-account AssumeRole needs an Allow on both sides; the bare message does not say which side refused.'));
      return weigh(x === false ? 0.7 : 0.9, ev('The bare AssumeRole message does not say which side refused; for AssumeRole the trust policy is refused more often than the caller\'s own policy.', 'catalog'));
    }
    return weigh(1.5, ev('The message names no policy type; the caller\'s own identity policies are the most frequent place such a refusal comes from.', 'catalog'));
  };
}

/** For a kind of caller-side policy (boundary, session): the message and the pasted document decide. */
function capPolicySignals(kind: PolicyKind, type: 'permissions-boundary' | 'session', words: string): Array<(ctx: CauseContext) => SignalResult | null> {
  return [
    (ctx) => {
      const t = denyType(ctx);
      const k = denyKind(ctx);
      if (t === type) return claim(40, ev(awsSays(ctx, k === 'explicit' ? `AWS reports an explicit deny in a ${words}.` : `AWS reports that no ${words} allows ${ctx.parsed.action ?? 'the action'}.`)));
      if (t) return weigh(0.1, ev(`AWS names the ${policyWords(ctx, t)}, not the ${words}.`));
      if (k === 'explicit') return weigh(0.5, ev('An explicit deny without a policy type.'));
      return weigh(0.5, ev(`The message does not name the ${words}; ${words === 'permissions boundary' ? 'boundaries are not common (AWS)' : 'session policies are rare'}.`, 'catalog'));
    },
    (ctx) => {
      const docs = pasted(ctx, kind);
      if (!docs.length) return null;
      // AWS names this policy type and one pasted statement alone can explain it (docs/decisions/016)
      const ab = abducedFor(ctx, kind);
      if (ab) return confirm(ev(ab.text, 'policy', ab.view.policyIndex, ab.view.st.index));
      const views = statementViews(ctx, [kind]);
      const deny = views.find((v) => v.st.effect === 'Deny' && v.action && v.resource !== false && v.condition === true);
      if (deny) return confirm(pev(`${where(deny)} denies ${ctx.parsed.action}.`, deny));
      const allow = views.find((v) => v.st.effect === 'Allow' && v.action && v.resource !== false && v.condition === true);
      if (allow) return ruleOut(pev(`${where(allow)} of the ${words} allows ${ctx.parsed.action} on ${ctx.parsed.target?.arn ?? 'the resource'}.`, allow));
      const maybe = views.find((v) => v.st.effect === 'Allow' && v.action && v.resource !== false);
      // every statement that could allow it has a condition the request fails: the policy allows nothing here
      const failing = maybe && views.every((v) => !(v.st.effect === 'Allow' && v.action && v.resource !== false) || v.condition === false) ? maybe : null;
      if (failing) {
        const bad = failing.conditions.find((o) => o.result === false);
        const said = bad ? ` (${bad.operator} ${bad.key} ${bad.values.join(', ')}${bad.actual ? `; the request has ${Array.isArray(bad.actual) ? bad.actual.join(', ') : String(bad.actual)}` : ''})` : '';
        return confirm(pev(`The condition of ${where(failing)}, the only statement of the ${words} that allows ${ctx.parsed.action}, is not met${said}: the ${words} allows nothing here and caps the caller even when its identity policies allow.`, failing));
      }
      if (maybe) return weigh(3, pev(`Likely, if the condition of ${where(maybe)} is not met: it is the only statement of the ${words} that allows ${ctx.parsed.action}.`, maybe));
      // the message names no action: only a policy that allows nothing on the resource refuses whatever it was
      if (!ctx.parsed.action) {
        const on = views.filter((v) => v.st.effect === 'Allow' && v.resource !== false);
        if (on.length) {
          const acts = [...new Set(on.flatMap((v) => v.st.action ?? []))].slice(0, 6);
          return weigh(1, pev(`The message names no action: the ${words} allows ${acts.length ? acts.join(', ') : 'some actions'}${ctx.parsed.target?.arn ? ` on ${ctx.parsed.target.arn}` : ''}, and refuses any other.`, on[0]!));
        }
      }
      return confirm(ev(`No statement of ${policyLabel(docs[0]!.policy, docs[0]!.index)}, the pasted ${words}, allows ${ctx.parsed.action ?? 'the action'}${ctx.parsed.target?.arn ? ` on ${ctx.parsed.target.arn}` : ''}; a ${words} caps the caller even when its identity policies and the trust policy allow.`, 'policy', docs[0]!.index));
    },
  ];
}

/**
 * Creating (or re-bounding) an IAM user or role is where accounts enforce permissions boundaries:
 * delegated administration lets principals create roles only with a mandated boundary, and the
 * creator's own boundary must allow the call. When AWS names no policy type, the boundary is a
 * strong suspect for these actions — not for others, where boundaries stay rare (AWS).
 */
const BOUNDARY_ENFORCED_ACTIONS = [
  'iam:createrole', 'iam:createuser', 'iam:putrolepermissionsboundary', 'iam:putuserpermissionsboundary',
  'iam:deleterolepermissionsboundary', 'iam:deleteuserpermissionsboundary',
];
/** Enough to rank the boundary beside a missing Allow, not above it: most such denials still lack the grant. */
const BOUNDARY_ACTION_WEIGHT = 8;
function boundaryEnforcedAction(ctx: CauseContext): SignalResult | null {
  if (denyType(ctx) || !BOUNDARY_ENFORCED_ACTIONS.includes(actionOf(ctx))) return null;
  return weigh(BOUNDARY_ACTION_WEIGHT, ev(`${ctx.parsed.action} creates or re-bounds an IAM principal: accounts that delegate IAM administration allow it only with a mandated permissions boundary, and the caller's own boundary must allow it too.`, 'catalog'));
}

/** S3 object reads and writes: what a build or deploy job does to every file under its prefix. */
const S3_OBJECT_RW = /^s3:(?:(?:Get|Put|Delete)Object(?:Version)?(?:Acl|Tagging)?|AbortMultipartUpload|ListMultipartUploadParts)$/i;
/** A build's output by its file type, read or written: packages and bundles, packaged templates. */
const ARTIFACT_FILE = /\.(?:zip|jar|war|ear|tgz|tar\.gz|whl|egg|nupkg|deb|rpm|template)$/i;
/** A site deploy's output, when written or deleted (read, an .html file is as often a template or a page). */
const SITE_FILE = /\.(?:js|mjs|cjs|css|html?|map|svg|png|jpe?g|gif|ico|webp|woff2?|ttf)$/i;
/** …or by the folder it is in (`dist/`, `build/`, `artifacts/`, `releases/` …), any file with a type. */
const ARTIFACT_DIR = /(?:^|\/)(?:dist|build|builds|artifacts?|releases?|static|assets|deploy(?:ments?)?|packages|bundles?|_next|public)\/(?:[^/]{1,255}\/){0,20}[^/]{1,255}\.[A-Za-z0-9]{1,8}$/i;

/**
 * The prefix a grant should cover when the refused call read or wrote one file of a build or deploy output
 * (arn:aws:s3:::bucket/app/index.html → arn:aws:s3:::bucket/app/*; at the root, bucket/*): the job touches every
 * file there, and a grant of the one key fails on the next. Null — the object itself — for other keys (a state file, a
 * data file) and when a pasted policy names that very object (the person scopes per object).
 */
export function s3PrefixGrant(ctx: CauseContext): string | null {
  const { bucket, objectKey: key } = ctx.facts;
  const arn = ctx.parsed.target?.arn;
  if (!bucket || !key || !S3_OBJECT_RW.test(ctx.parsed.action ?? '')) return null;
  // the target is the bucket's object itself (not an access point's, not a key read from elsewhere in the text)
  if (!arn || arn !== `arn:${ctx.facts.partition ?? 'aws'}:s3:::${bucket}/${key}`) return null;
  const writes = /^s3:(?:Put|Delete|Abort)/i.test(ctx.parsed.action ?? '');
  if (!ARTIFACT_FILE.test(key) && !ARTIFACT_DIR.test(key) && !(writes && SITE_FILE.test(key))) return null;
  for (const p of ctx.policies) {
    for (const st of p.statements) if ((st.resource ?? []).includes(arn)) return null;
  }
  const slash = key.lastIndexOf('/');
  return `arn:${ctx.facts.partition ?? 'aws'}:s3:::${bucket}/${slash > 0 ? `${key.slice(0, slash)}/` : ''}*`;
}

/** Corrected caller-side document: one extra Allow for the action on the resource (an identity grant: its prefix). */
function appendAllow(ctx: CauseContext, kind: PolicyKind): { policyIndex: number; policy: unknown } | null {
  const p = pasted(ctx, kind)[0];
  if (!p || !ctx.parsed.action) return null;
  const doc = clone(p.policy.document);
  const stmts = docStatements(doc);
  if (!stmts) return null;
  const fn = kind === 'identity' ? objectLambdaFunctionRefused(ctx) : null;
  if (fn) {
    stmts.push({ Sid: 'AllowObjectLambdaInvoke', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: fn, Condition: { 'ForAnyValue:StringEquals': { 'aws:CalledVia': ['s3-object-lambda.amazonaws.com'] } } });
    return { policyIndex: p.index, policy: doc };
  }
  const prefix = kind === 'identity' ? s3PrefixGrant(ctx) : null;
  stmts.push({ Sid: 'AllowFailedCall', Effect: 'Allow', Action: ctx.parsed.action, Resource: prefix ?? (ctx.parsed.target?.arn?.startsWith('arn:') ? ctx.parsed.target.arn : '*') });
  return { policyIndex: p.index, policy: doc };
}

/** The Resource that covers the target: `bucket/*` style for S3 objects, else the exact ARN. */
function resourceFor(ctx: CauseContext): string | null {
  const arn = ctx.parsed.target?.arn;
  if (!arn?.startsWith('arn:')) return null;
  if (ctx.facts.bucket && ctx.facts.objectKey) return `arn:${ctx.facts.partition ?? 'aws'}:s3:::${ctx.facts.bucket}/*`;
  return arn;
}

/** Words by which a paste says the refused identity holds administrator-level permissions. */
const ADMIN_CLAIMS = [
  'administrative privileges', 'administrative permissions', 'administrative access', 'administrator access',
  'administrator privileges', 'administrator permissions', 'admin privileges', 'admin permissions', 'admin rights',
  'administratoraccess policy', 'administratoraccess managed policy', 'has administratoraccess', 'have administratoraccess',
  'with administratoraccess', 'attached administratoraccess',
];
/** A negation just before the claim (`no admin rights`, `doesn't have administrator access`, `without …`). */
const NEGATED_BEFORE = /(?:\bno|\bnot|n't|\bwithout|\blacks?|\black of|\bnever)(?: [a-z]{1,14}){0,3} $/;

/**
 * The paste says the refused identity holds administrator-level permissions (`even with AdministratorAccess`, `granted
 * broad administrative privileges`): an Allow for the action is then there, so an implicit identity deny is unlikely and
 * a Deny somewhere (a quarantine policy AWS attaches to exposed keys, a guard policy, an SCP) is the likelier reason.
 * Not when AWS itself reports no allowing policy, nor when the identity's policies are pasted (they are read instead).
 */
const claimsAdmin = ctxCache<boolean>();
function saysAdmin(ctx: CauseContext): boolean {
  const known = claimsAdmin.get(ctx);
  if (known !== undefined) return known;
  let out = false;
  const h = denyKind(ctx) !== 'implicit' ? hay(ctx) : '';
  // every claim holds "admin": one search rules out nearly every paste
  if (h.includes('admin')) {
    for (const c of ADMIN_CLAIMS) {
      let i = h.indexOf(c);
      for (let n = 0; i >= 0 && n < 8 && !out; n++) {
        if (!NEGATED_BEFORE.test(h.slice(Math.max(0, i - 40), i))) out = true;
        i = h.indexOf(c, i + c.length);
      }
      if (out) break;
    }
  }
  claimsAdmin.set(ctx, out);
  return out;
}

export const causes: CauseDefinition[] = [
  {
    id: 'identity-missing-allow',
    title: 'No identity-based policy of the caller allows the action',
    summary: 'None of the caller\'s identity policies (user, group or role policies) has an Allow for this action on this resource. Cross-account calls need this Allow as well as the resource side\'s.',
    family: 'caller',
    prior: 1,
    specificity: 0,
    appliesTo: appliesToCaller,
    signals: [
      simulatedSignal('identity-missing-allow'),
      identityMessage(12),
      decodedNoAllow,
      trustAloneSuffices,
      resourceAloneSuffices,
      otherAuthorityRefused,
      (ctx) => (saysAdmin(ctx) && !identityAnalysis(ctx).pasted
        ? weigh(0.3, ev('The paste says the identity holds administrator-level permissions: an Allow for the action is then in place, so a Deny is the likelier reason.', 'message')) : null),
      (ctx) => {
        const a = identityAnalysis(ctx);
        if (!a.pasted) return null;
        const action = ctx.parsed.action ?? 'the action';
        const olap = objectLambdaInvokeMissing(ctx);
        if (olap) return confirm(ev(olap, 'policy', identityIndex(ctx)));
        if (a.full.length) return ruleOut(pev(`${where(a.full[0]!)} allows ${action} on ${ctx.parsed.target?.arn ?? 'this resource'}.`, a.full[0]!));
        if (a.conditional.length) return weigh(0.1, pev(`${where(a.conditional[0]!)} allows ${action} but only under a condition — a condition cause is the more precise answer.`, a.conditional[0]!));
        if (a.wrongResource.length) return weigh(0.5, pev(`${where(a.wrongResource[0]!)} allows ${action}, but on another resource.`, a.wrongResource[0]!));
        if (a.nearMiss.length) return weigh(0.5, pev(`${where(a.nearMiss[0]!.view)} names ${a.nearMiss[0]!.action}, a different action than ${action}.`, a.nearMiss[0]!.view));
        // a service's use of KMS was refused: the caller's IAM side needed the KMS action on the key (docs/decisions/018)
        const use = !ctx.parsed.action ? kmsUse(ctx) : null;
        if (use) {
          const via = use.service ? ` through ${use.service}` : '';
          const kms = statementViews(ctx, ['identity'], use.kmsAction).filter((v) => v.st.effect === 'Allow' && v.action && v.resource !== false);
          const plain = kms.find((v) => v.condition === true);
          // the key the service used, when the text prints it (describe-secret's KmsKeyId as an ARN)
          const sk = use.service === 'secretsmanager' ? secretKey(ctx) : null;
          const keyArn = sk?.value && sk.value.startsWith('arn:') ? sk.value : null;
          if (plain && keyArn && coversResource(plain.st, keyArn) === true) {
            return ruleOut(pev(`${where(plain)} allows ${use.kmsAction} on ${keyArn}, the secret's key as describe-secret prints it: the IAM side of the key use${via} is granted; the refusal is the key's.`, plain));
          }
          // an Allow on every key covers the service's key, whichever it is
          if (plain && plain.resource === true) return ruleOut(pev(`${where(plain)} allows ${use.kmsAction} on every key: the IAM side of the key use${via} is granted whichever key the service used; the refusal is the key's.`, plain));
          if (plain) return weigh(0.15, pev(`${where(plain)} allows ${use.kmsAction} on keys it names: the IAM side of the key use${via} is granted; the refusal is the key's.`, plain));
          if (kms.length) return weigh(0.5, pev(`${where(kms[0]!)} allows ${use.kmsAction} only under a condition.`, kms[0]!));
          return weigh(4, ev(`None of the pasted identity policies allows ${use.kmsAction}, which the caller needs for the service to use the KMS key on its behalf${via}.`, 'policy', a.views[0]?.policyIndex));
        }
        // the message names no action (e.g. "Access to KMS is not allowed"): which Allow it needed is not known
        if (!ctx.parsed.action) return weigh(1, ev('The message does not name the action that was refused, so the pasted identity policies cannot be checked against it.', 'policy', a.views[0]?.policyIndex));
        const text = `No statement of the pasted identity policies allows ${action}.`;
        if (denyType(ctx) === 'identity-based' && denyKind(ctx) !== 'explicit') return confirm(ev(`${text} AWS says the same.`, 'policy', a.views[0]?.policyIndex));
        return weigh(4, ev(`${text} (Other attached policies may; the simulate command checks them all.)`, 'policy', a.views[0]?.policyIndex));
      },
    ],
    confirm: [SIMULATE, LIST_ROLE_POLICIES, LIST_USER_POLICIES],
    fix: {
      description: 'Attach an Allow for {grantAction} on {grantOn} to the caller ({callerPrincipalArn}), e.g. {"Effect":"Allow","Action":"{grantAction}","Resource":"{grantOn}"} in policy.json.',
      commands: MISSING_ALLOW_FIX.commands,
      notes: [
        { text: '{objectKey} is one file of a build or deploy output, and the job reads or writes every file next to it: the Allow covers their folder ({grantResource}), not only this object (name {targetArn} alone if that one object is all it should reach).', when: (ctx) => !!s3PrefixGrant(ctx) },
        { text: 'The caller may already use the Object Lambda access point: what it lacks is lambda:InvokeFunction on the function the access point runs with its permissions, so the Allow names that function, under "Condition": {"ForAnyValue:StringEquals": {"aws:CalledVia": ["s3-object-lambda.amazonaws.com"]}}.', when: (ctx) => !!objectLambdaFunctionRefused(ctx) },
        ...MISSING_ALLOW_FIX.notes,
      ],
      correctPolicy: (ctx) => appendAllow(ctx, 'identity'),
    },
    // the grant is the refused call's action on its resource, except where the evidence names another missing piece
    facts: (ctx) => {
      const fn = objectLambdaFunctionRefused(ctx);
      // grantAction and grantOn default to the refused action and grantResource (rankCausesChecked)
      return fn ? { ...MISSING_ALLOW_FIX.facts(ctx), grantAction: 'lambda:InvokeFunction', grantOn: fn } : MISSING_ALLOW_FIX.facts(ctx);
    },
    docs: [DOCS.denied, DOCS.simulator, DOCS.crossAccount],
  },
  {
    id: 'identity-resource-mismatch',
    title: 'An Allow for the action exists, but its Resource does not match',
    summary: 'The caller\'s policy allows the action, but on another ARN: a role name or account typo, a missing path, `deploy-*` vs `deployer`, the bucket ARN where objects need `bucket/*`, or an action that needs "*".',
    family: 'caller',
    prior: 0.35,
    specificity: 1,
    refines: ['identity-missing-allow'],
    appliesTo: appliesToCaller,
    signals: [
      simulatedSignal('identity-resource-mismatch'),
      identityMessage(4),
      trustAloneSuffices,
      resourceAloneSuffices,
      otherAuthorityRefused,
      (ctx) => (saysAdmin(ctx) && !identityAnalysis(ctx).pasted
        ? weigh(0.3, ev('The paste says the identity holds administrator-level permissions, which allow every action on every resource: no Resource to mismatch.', 'message')) : null),
      (ctx) => {
        const a = identityAnalysis(ctx);
        const action = ctx.parsed.action ?? 'the action';
        if (!a.pasted) {
          if (ctx.facts.bucket && ctx.facts.objectKey) return weigh(1.5, ev('An S3 object action: it is authorized against arn:aws:s3:::bucket/key, which a Resource of just the bucket ARN does not cover.', 'catalog'));
          const nested = nestedArnIn(ctx.parsed.target?.arn ?? '');
          if (nested) return weigh(6, ev(`The resource's own name is an ARN (${nested}): the call passed an ARN where the API expects a name, so the resource it asked for (${ctx.parsed.target?.arn}) is not the one a policy naming ${nested} covers. Pass the name.`, 'message'));
          const jd = unrevisedJobDefinition(ctx);
          if (jd) return weigh(4, ev(`${ctx.parsed.action} is authorized against the job definition as the request named it: ${jd}, without a revision. A policy that lists the definition with its revision (\`${jd}:1\`, or \`:*\`, as a construct's jobDefinitionArn gives it) does not match that ARN; allow ${jd} itself (or ${jd}*).`, 'message'));
          const profile = denyKind(ctx) !== 'explicit' ? crossRegionProfileOf(ctx.parsed.target?.arn ?? '') : null;
          if (profile) return weigh(4, ev(`The call went through the cross-Region inference profile ${profile}: Bedrock authorizes ${action} on the profile's ARN (and on the model in each Region it routes to), and a policy written for the model grants only arn:…::foundation-model/… — add the inference-profile ARN to the Allow's Resource.`, 'message'));
          const waf = denyKind(ctx) !== 'explicit' ? wafReferencedResource(ctx) : null;
          if (waf) return weigh(4, ev(`WAF authorizes ${action} against each IP set, regex pattern set and rule group the request references, not only the web ACL or rule group it creates or updates: the refused resource (${ctx.parsed.target?.arn}) is a referenced ${waf}, which an Allow whose Resource lists only the ACL does not cover. Add the referenced resources' ARNs (or arn:…:wafv2:<region>:<account>:*/${waf}/*) to the Resource.`, 'message'));
          const sub = subResourceOf(ctx.parsed.target?.arn ?? '', actionOf(ctx));
          if (sub) return weigh(4, ev(`The call is on ${sub.what} (${ctx.parsed.target?.arn}), ${sub.kind ?? 'a sub-resource'}: policies often name only ${sub.parent} and miss it (${sub.hint}).`, 'message'));
          if (isStsFamily(ctx)) return weigh(0.6, ev('For AssumeRole a missing grant is more common than a mistyped role ARN in the caller\'s policy; only the policy or the simulator can tell.', 'catalog'));
          return weigh(0.7, ev('A missing Allow is more common than an Allow on the wrong Resource; only the policy or the simulator can tell.', 'catalog'));
        }
        if (a.full.length) return ruleOut(pev(`${where(a.full[0]!)} allows ${action} on exactly this resource.`, a.full[0]!));
        if (a.conditional.length) return ruleOut(pev(`${where(a.conditional[0]!)} covers this resource; what fails is its condition.`, a.conditional[0]!));
        const w = a.wrongResource[0];
        if (!w) return ruleOut(ev(`No pasted identity statement allows ${action} on any resource, so a Resource mismatch is not the issue.`, 'policy', a.views[0]?.policyIndex));
        const res = (w.st.resource ?? []).join(', ') || `NotResource ${(w.st.notResource ?? []).join(', ')}`;
        const s3hint = ctx.facts.bucket && ctx.facts.objectKey && (w.st.resource ?? []).some((r) => r.endsWith(`:::${ctx.facts.bucket}`)) ? ' — the bucket ARN, while object actions need arn:aws:s3:::' + ctx.facts.bucket + '/*' : '';
        const text = `${where(w)} allows ${action} but only on ${res}${s3hint}; the call was on ${ctx.parsed.target?.arn ?? 'another resource'}.`;
        const other = denyType(ctx) && denyType(ctx) !== 'identity-based' && !(denyType(ctx) === 'resource-based' && denyKind(ctx) !== 'explicit' && actionOf(ctx).startsWith('kms:'));
        return other ? weigh(2, pev(text, w)) : confirm(pev(text, w));
      },
    ],
    confirm: [
      SIMULATE,
      { description: 'Try the Resource pattern from the policy against the exact target ARN (with path, from the resource itself).', command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names {action} --resource-arns {targetArn} --query \'EvaluationResults[].{Decision:EvalDecision,Matched:MatchedStatements}\' --profile {callerProfile}' },
    ],
    fix: {
      description: 'Make the statement\'s Resource cover {targetArn} exactly (path, account and case included; for S3 objects add arn:aws:s3:::{bucket}/*).',
      commands: RESOURCE_MISMATCH_FIX.commands,
      notes: RESOURCE_MISMATCH_FIX.notes,
      correctPolicy: (ctx) => {
        const a = identityAnalysis(ctx);
        const w = a.wrongResource[0];
        const add = resourceFor(ctx);
        if (!w || !add) return null;
        const doc = clone(w.policy.document);
        const s = docStatements(doc)?.[w.st.index];
        if (!s || s.Resource === undefined) return null;
        const r = s.Resource;
        s.Resource = Array.isArray(r) ? [...r, add] : [r, add];
        return { policyIndex: w.policyIndex, policy: doc };
      },
    },
    facts: RESOURCE_MISMATCH_FIX.facts,
    docs: [DOCS.denied, DOCS.actions],
  },
  {
    id: 'identity-action-mismatch',
    title: 'The caller\'s policy names a near-miss action, not the one called',
    summary: 'The Allow names a similar but different action (ssm:GetParameters vs ssm:GetParameter, s3:ListObjects vs s3:ListBucket); IAM matches action names exactly (wildcards aside).',
    family: 'caller',
    prior: 0.15,
    specificity: 2,
    refines: ['identity-missing-allow'],
    appliesTo: appliesToCaller,
    signals: [
      simulatedSignal('identity-action-mismatch'),
      identityMessage(3),
      otherAuthorityRefused,
      (ctx) => {
        const a = identityAnalysis(ctx);
        const action = ctx.parsed.action ?? 'the action';
        if (!a.pasted) {
          const sib = confusableSiblings(action);
          return sib.length ? weigh(4, ev(`${action} is often confused with ${sib.join(' / ')}: a policy that names the sibling does not allow this call.`, 'catalog')) : null;
        }
        if (a.anyAllowForAction) return ruleOut(ev(`A pasted identity statement already allows ${action} itself.`, 'policy', a.views[0]?.policyIndex));
        const n = a.nearMiss[0];
        if (!n) return ruleOut(ev(`No pasted identity statement names an action close to ${action}.`, 'policy', a.views[0]?.policyIndex));
        return confirm(pev(`${where(n.view)} allows ${n.action}, not ${action}: IAM compares action names exactly, so it does not cover this call.`, n.view));
      },
    ],
    confirm: [SIMULATE],
    fix: {
      description: 'Add {action} to the Action list of the statement (keep the near-miss action if the code also uses it).',
      commands: ACTION_MISMATCH_FIX.commands,
      notes: ACTION_MISMATCH_FIX.notes,
      correctPolicy: (ctx) => {
        const n = identityAnalysis(ctx).nearMiss[0];
        if (!n || !ctx.parsed.action) return null;
        const doc = clone(n.view.policy.document);
        const s = docStatements(doc)?.[n.view.st.index];
        if (!s) return null;
        const act = s.Action;
        s.Action = Array.isArray(act) ? [...act, ctx.parsed.action] : act === undefined ? ctx.parsed.action : [act, ctx.parsed.action];
        return { policyIndex: n.view.policyIndex, policy: doc };
      },
    },
    facts: ACTION_MISMATCH_FIX.facts,
    docs: [DOCS.actions, DOCS.denied],
  },
  {
    id: 'identity-explicit-deny',
    title: 'A Deny in one of the caller\'s identity policies matches',
    summary: 'An explicit Deny in a caller policy (often a Region guard with NotAction, or an MFA guard) overrides every Allow.',
    family: 'caller',
    prior: 0.2,
    specificity: 1,
    appliesTo: appliesToCaller,
    signals: [
      simulatedSignal('identity-explicit-deny'),
      decodedDeny('identity'),
      (ctx) => {
        const type = denyType(ctx);
        const kind = denyKind(ctx);
        if (type === 'identity-based' && kind === 'explicit') return claim(40, ev(awsSays(ctx, `AWS reports an explicit deny in an identity-based policy${ctx.parsed.deny.policyArn ? ` (${ctx.parsed.deny.policyArn})` : ''}.`)));
        if (kind === 'implicit') return ruleOut(ev(awsSays(ctx, 'AWS reports an implicit deny (no policy allows the call).', 'That is an implicit deny: a matching Deny would have been reported as explicit.')));
        if (kind === 'explicit' && type) return weigh(0.1, ev(`AWS names an explicit deny in a ${policyWords(ctx, type)}, not an identity-based one.`));
        if (kind === 'explicit' && ctx.parsed.action?.toLowerCase().startsWith('execute-api:')) {
          return weigh(2, ev('API Gateway reports an explicit deny without naming the policy type; an identity-policy Deny is possible, but it words the API\'s own resource-policy Deny the same way.'));
        }
        if (kind === 'explicit') return weigh(4, ev('AWS reports an explicit deny without naming the policy type; identity-policy Denies are the most common kind.'));
        return weigh(0.5, ev('The message does not say explicit deny.', 'catalog'));
      },
      (ctx) => {
        const a = identityAnalysis(ctx);
        if (!a.pasted) return null;
        const sure = a.denies.find((v) => v.condition === true);
        if (sure) return confirm(pev(`${where(sure)} denies ${ctx.parsed.action}${sure.conditions.length ? ` because ${sure.conditions.map((o) => `${o.operator} ${o.key} ${o.values.join('/')}`).join(' and ')} holds` : ''}.`, sure));
        const ab = abducedFor(ctx, 'identity', 'Deny');
        if (ab) return confirm(pev(ab.text, ab.view));
        const maybe = a.denies[0];
        if (maybe) return likelyIf(pev(`Likely, if ${maybe.conditions.filter((o) => o.result === 'unknown').map((o) => `${o.operator} ${o.key} ${o.values.join('/')}`).join(' and ')} holds for this call: ${where(maybe)} then denies ${ctx.parsed.action}.`, maybe));
        if (denyType(ctx) === 'identity-based' && denyKind(ctx) === 'explicit') return weigh(1, ev('No pasted identity Deny matches; the denying policy is another one (the message may name it).', 'policy'));
        return weigh(0.2, ev('No Deny statement of the pasted identity policies matches this call.', 'policy', a.views[0]?.policyIndex));
      },
      (ctx) => (saysAdmin(ctx) && !identityAnalysis(ctx).pasted && !denyType(ctx)
        ? weigh(6, ev('The paste says the identity holds administrator-level permissions and is still refused: a Deny overrides that Allow — often one attached to the identity itself (a guard policy, or the quarantine policy AWS attaches to exposed access keys).', 'message')) : null),
      (ctx) => {
        // untyped explicit deny: a Deny found in another pasted policy is the likelier source
        if (denyType(ctx) || denyKind(ctx) !== 'explicit' || identityAnalysis(ctx).pasted) return null;
        const other = statementViews(ctx, ['resource', 'scp', 'rcp', 'permissions-boundary', 'session', 'vpc-endpoint'])
          .find((v) => v.st.effect === 'Deny' && v.action && v.resource !== false && v.condition !== false);
        if (!other) return null;
        return weigh(0.5, pev(`No identity policy was pasted, but ${where(other)} has a Deny that covers ${ctx.parsed.action ?? 'this call'}: that is the likelier source of the explicit deny.`, other));
      },
    ],
    confirm: [
      { description: 'Read the denying policy the message names (for a managed policy: its default version).', command: 'aws iam get-policy-version --policy-arn {policyArn} --version-id $(aws iam get-policy --policy-arn {policyArn} --query Policy.DefaultVersionId --output text --profile {callerProfile}) --profile {callerProfile}', when: (ctx) => !!ctx.parsed.deny.policyArn },
      { description: 'See whether supplying a condition key flips the result (e.g. MFA or Region guards).', command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names {action} --resource-arns {targetArn} --query \'EvaluationResults[].{Decision:EvalDecision,Matched:MatchedStatements}\' --profile {callerProfile}' },
      LIST_ROLE_POLICIES, LIST_USER_POLICIES,
    ],
    fix: {
      description: 'Satisfy the condition the Deny guards (the Region, MFA via aws sts get-session-token --serial-number … --token-code …), or exempt this action/caller from the Deny (add {action} to its NotAction, or an exception condition).',
      commands: ['aws iam create-policy-version --policy-arn {policyArn} --policy-document file://policy.json --set-as-default --profile {callerProfile}'],
      correctPolicy: (ctx) => {
        const d = identityAnalysis(ctx).denies[0];
        const action = ctx.parsed.action;
        if (!d || !action) return null;
        const doc = clone(d.policy.document);
        const stmts = docStatements(doc);
        const s = stmts?.[d.st.index];
        if (!s || !stmts) return null;
        if (s.NotAction !== undefined) {
          const na = s.NotAction;
          s.NotAction = Array.isArray(na) ? [...na, action] : [na, action];
          return { policyIndex: d.policyIndex, policy: doc };
        }
        if (namesActionExactly(d.st, action)) {
          const list = (Array.isArray(s.Action) ? s.Action : [s.Action]).filter((x) => lower(String(x)) !== lower(action));
          if (list.length) s.Action = list.length === 1 ? list[0] : list;
          else stmts.splice(d.st.index, 1);
          return { policyIndex: d.policyIndex, policy: doc };
        }
        return null;
      },
    },
    docs: [DOCS.denied, DOCS.evaluation],
  },
  {
    id: 'permissions-boundary',
    title: 'The caller\'s permissions boundary does not allow the action',
    summary: 'A permissions boundary caps what the user or role can do: the action must be allowed by the boundary as well as by an identity policy (and, for a role session, even when a same-account trust policy names the role).',
    family: 'caller',
    prior: 0.12,
    specificity: 1,
    appliesTo: (ctx) => appliesToCaller(ctx) && ctx.parsed.caller?.type !== 'federated-user',
    signals: [
      simulatedSignal('permissions-boundary'),
      ...capPolicySignals('permissions-boundary', 'permissions-boundary', 'permissions boundary'), boundaryEnforcedAction, decodedDeny('permissions-boundary'), decodedNoAllow,
    ],
    confirm: [
      { description: 'The boundary attached to the caller role.', command: 'aws iam get-role --role-name {callerRoleName} --query Role.PermissionsBoundary --profile {callerProfile}', when: (ctx) => ctx.parsed.caller?.type !== 'user' },
      { description: 'The boundary attached to the caller user.', command: 'aws iam get-user --user-name {callerUserName} --query User.PermissionsBoundary --profile {callerProfile}', when: (ctx) => ctx.parsed.caller?.type === 'user' },
      { description: 'Simulate with the boundary (PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary).', command: "aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names {action} --resource-arns {targetArn} --query 'EvaluationResults[].PermissionsBoundaryDecisionDetail' --profile {callerProfile}" },
    ],
    fix: {
      description: 'Add {action} on {targetArn} to the boundary policy (a new default version), or remove the boundary if it no longer serves.',
      commands: ['aws iam create-policy-version --policy-arn <boundary-policy-arn> --policy-document file://boundary.json --set-as-default --profile {callerProfile}'],
      correctPolicy: (ctx) => appendAllow(ctx, 'permissions-boundary'),
    },
    docs: [DOCS.boundaries, DOCS.denied],
  },
  {
    id: 'session-policy',
    title: 'The caller\'s own session was issued with a session policy that does not allow the action',
    summary: 'A role session or federated user gets the intersection of its identity policies and the session policy passed when the session was created (by a broker, a tool or a console); the session policy lacks the action.',
    family: 'caller',
    prior: 0.08,
    specificity: 1,
    // AWS's own words outrank what the caller ARN suggests: when the message names a session policy it is one,
    // whatever ARN AWS printed for the caller (its documented examples print an IAM user's)
    appliesTo: (ctx) => appliesToCaller(ctx) && (ctx.parsed.caller?.type !== 'user' || denyType(ctx) === 'session'),
    signals: [
      ...capPolicySignals('session', 'session', 'session policy'),
      decodedDeny('session'),
      (ctx) => (ctx.parsed.caller?.type === 'assumed-role' || ctx.parsed.caller?.type === 'federated-user' || denyType(ctx) === 'session' ? null : ctx.parsed.caller ? weigh(0.3, ev('Session policies exist only for role sessions and federated users.')) : null),
    ],
    confirm: [
      { description: 'The call that created the caller\'s session, with the session policy it passed (requestParameters.policy / policyArns).', command: "aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=Username,AttributeValue={sessionName} --max-results 20 --query 'Events[].CloudTrailEvent' --output text --profile {callerProfile}" },
    ],
    fix: {
      description: 'Re-issue the caller\'s session with a session policy that includes {action} (or without a session policy): change the broker or tool that passes --policy / --policy-arns.',
      commands: ['aws sts assume-role --role-arn {callerRoleArn} --role-session-name {sessionName} --policy file://session-policy.json --profile {callerProfile}'],
      correctPolicy: (ctx) => appendAllow(ctx, 'session'),
    },
    docs: [DOCS.session, DOCS.denied],
  },
  {
    id: 'caller-is-root-user',
    title: 'The call uses the account root user\'s credentials',
    summary: 'The root user cannot assume roles ("Roles may not be assumed by root accounts"); only IAM users and roles can. Root access keys should not exist at all.',
    family: 'caller',
    prior: 0.3,
    specificity: 2,
    gate: { phrases: ['may not be assumed by root'], callers: ['root'] },
    appliesTo: (ctx) => isRootMessage(ctx) || ctx.parsed.caller?.type === 'root',
    signals: [
      (ctx) => (isRootMessage(ctx) ? confirm(ev('AWS says: "Roles may not be assumed by root accounts" — the caller used root user credentials.')) : null),
      (ctx) => (!isRootMessage(ctx) && ctx.parsed.caller?.type === 'root'
        ? (isStsFamily(ctx) ? confirm(ev(`The caller ${ctx.facts.callerArn} is the account root user, which cannot assume roles.`)) : weigh(3, ev(`The caller ${ctx.facts.callerArn} is the account root user: identity policies do not apply to it, but SCPs and resource policies still do.`)))
        : null),
    ],
    confirm: [{ description: 'An Arn ending in :root means root user credentials.', command: 'aws sts get-caller-identity --profile {callerProfile}' }],
    fix: {
      description: 'Call from an IAM user or role (create one, or use Identity Center), and delete the root access keys.',
      commands: ['aws iam create-user --user-name <admin-user-name>', 'aws iam delete-access-key --access-key-id <root-access-key-id>'],
    },
    docs: [DOCS.tempRequest, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html'],
  },
  {
    id: 'caller-is-federation-token',
    title: 'The call uses GetFederationToken credentials, which cannot call STS',
    summary: 'Credentials from sts:GetFederationToken (federated-user ARNs) cannot call STS operations other than GetCallerIdentity, so they cannot assume a role.',
    family: 'caller',
    prior: 0.05,
    specificity: 2,
    gate: { phrases: ['getfederationtoken'], callers: ['federated-user'] },
    appliesTo: (ctx) => isDenial(ctx) && (ctx.parsed.caller?.type === 'federated-user' || mentions(ctx, 'getfederationtoken')),
    signals: [
      (ctx) => {
        const a = actionOf(ctx);
        if (ctx.parsed.caller?.type === 'federated-user' && STS_FAMILY.includes(a)) return confirm(ev(`The caller ${ctx.facts.callerArn} is a federated user (GetFederationToken credentials), and those cannot call ${ctx.parsed.action}.`));
        if (ctx.parsed.caller?.type === 'federated-user' && a.startsWith('sts:') && a !== 'sts:getcalleridentity') return weigh(20, ev('Federated-user credentials cannot call STS operations other than GetCallerIdentity.'));
        if (ctx.parsed.caller?.type === 'federated-user') return ruleOut(ev(`The action ${ctx.parsed.action ?? ''} is not an STS call; federation tokens may call it if their policies allow.`));
        return weigh(1, ev('The paste mentions GetFederationToken.', 'context'));
      },
    ],
    confirm: [{ description: 'A federated-user Arn means GetFederationToken credentials.', command: 'aws sts get-caller-identity --profile {callerProfile}' }],
    fix: {
      description: 'Assume the role with IAM user or role credentials (or GetSessionToken credentials), not with GetFederationToken credentials.',
      commands: ['aws sts assume-role --role-arn {targetArn} --role-session-name {roleSessionName} --profile <iam-user-profile>'],
    },
    docs: [DOCS.tempRequest],
  },
];

