/**
 * Template facts: names, ids and ARNs derived once per answer from the parsed error, the request
 * facts and the pasted policies, and the `{name}` filler for command and fix templates.
 *
 * A fact the error does not give becomes a clear placeholder (`<target-role-name>`), never an
 * empty string, so every command stays a real, runnable AWS CLI command once the blanks are filled.
 */
import type { ContextValue, ParsedError, Policy, RequestFacts } from '../types.js';
import type { TemplateFacts } from './types.js';
import { iacReferences } from '../policy/iac.js';

/** Placeholders for facts the error never says (profiles, MFA device) or that are missing. */
const PLACEHOLDERS: Record<string, string> = {
  targetProfile: '<target-account-profile>',
  callerProfile: '<caller-account-profile>',
  targetAccount: '<target-account-id>',
  callerAccount: '<caller-account-id>',
  // the account a trust principal must name (trust-principal-wrong-account): the caller's, or for a web identity the role's
  trustPrincipalAccount: '<caller-account-id>',
  targetRoleName: '<target-role-name>',
  targetRoleArn: '<target-role-arn>',
  // the Resource a fix grants: the target itself unless a cause widens it (an S3 deploy's prefix)
  grantResource: '<target-arn>',
  // identity-missing-allow's Allow: the refused action on grantResource, unless the evidence names another missing grant
  grantAction: '<action>',
  grantOn: '<target-arn>',
  callerRoleName: '<caller-role-name>',
  callerUserName: '<caller-user-name>',
  callerPrincipalArn: '<caller-user-or-role-arn>',
  callerArn: '<caller-arn>',
  region: '<region>',
  esDomain: '<domain-name>',
  // oidc-sub-mismatch's fix when the token's issuer is not known (and in the catalog): every form
  oidcSubjectForms: 'GitHub repo:<org>/<repo>:ref:refs/heads/<branch> | :pull_request | :environment:<name> (or repo:<org>/<repo>:* with StringLike; repositories created from July 2026 use repo:<org>@<org-id>/<repo>@<repo-id>:…), EKS system:serviceaccount:<namespace>:<service-account>, GitLab project_path:<group>/<project>:ref_type:branch:ref:<branch>',
  eventName: '<event-name>',
  encodedMessage: '<encoded-message>',
  mfaAccount: '<mfa-user-account-id>',
  mfaDeviceName: '<mfa-device-name>',
  tokenCode: '<6-digit-code>',
  policyId: '<policy-id>',
  externalId: '<external-id>',
  requiredExternalId: '<external-id-from-trust-policy>',
  roleSessionName: '<session-name>',
  callerIamKind: 'role',
  callerIamName: '<caller-role-or-user-name>',
};

/** `targetRoleName` → `<target-role-name>`. */
export function placeholderFor(key: string): string {
  const known = PLACEHOLDERS[key];
  if (known) return known;
  let out = '';
  for (const ch of key) out += ch >= 'A' && ch <= 'Z' ? `-${ch.toLowerCase()}` : ch;
  return `<${out}>`;
}

// `*` is not safe: zsh (macOS's shell) stops at a glob that matches no file ("no matches found:
// arn:aws:s3:::bucket/*"), and bash would expand one that does.
const SAFE = /^[A-Za-z0-9_@.:/+=,%-]{0,2048}$/;

/** Quotes a value for a POSIX shell when it holds anything beyond ARN-safe characters (a `*` too). */
export function shellQuote(value: string): string {
  if (SAFE.test(value) && value.length > 0) return value;
  return `'${value.split("'").join(`'\\''`)}'`;
}

/**
 * Replaces `{name}` with the fact (shell-quoted when needed) or its placeholder. Scans with
 * indexOf (linear time); `{` not followed by a name and `}` is kept as is (JSON in commands).
 */
export function fillTemplate(template: string, facts: TemplateFacts): string {
  return fillCommand(compiled(template), facts);
}

/** fillTemplate on a template split by compileTemplate. */
export function fillCommand(parts: readonly string[], facts: TemplateFacts): string {
  let out = parts[0] as string;
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k] as string;
    const v = facts[name];
    out += v !== null && v !== undefined && v !== '' ? shellQuote(v.includes('${') ? deployedPlaceholders(v) : v) : placeholderFor(name);
    out += parts[k + 1] as string;
  }
  return out;
}

/**
 * A value read from infrastructure code keeps its deploy-time references (`${ExternalId}`,
 * policy/iac.ts); in a command each becomes a placeholder for the deployed value (`<ExternalId>`),
 * as the other values the person fills in. IAM policy variables (`${aws:username}`) stay.
 */
function deployedPlaceholders(v: string): string {
  let out = v;
  for (const r of iacReferences(v)) out = out.split('${' + r + '}').join(`<${r}>`);
  return out;
}

/**
 * Like fillTemplate, for words people read (descriptions): the value as it is, never shell-quoted,
 * so an ARN in a sentence or in an example JSON policy is not wrapped in '…'.
 */
export function fillText(template: string, facts: TemplateFacts): string {
  return fillWords(compiled(template), facts);
}

/** fillText on a template split by compileTemplate. */
export function fillWords(parts: readonly string[], facts: TemplateFacts): string {
  let out = parts[0] as string;
  for (let k = 1; k < parts.length; k += 2) {
    const v = facts[parts[k] as string];
    out += (v !== null && v !== undefined && v !== '' ? v : placeholderFor(parts[k] as string)) + (parts[k + 1] as string);
  }
  return out;
}

/**
 * A template split once into literal, name, literal, …, literal (odd indexes are names). The
 * catalog's templates are a few hundred constants; the cache is bounded (count and length), so
 * templates built from input cannot grow it without limit.
 */
const compiledCache = new Map<string, string[]>();
const COMPILED_MAX = 2048;
const COMPILED_LONGEST = 2048;

/** A template split for fillCommand / fillWords: the catalog splits its own once, at load. */
export const compileTemplate = (template: string): readonly string[] => compiled(template);

function compiled(template: string): string[] {
  const hit = compiledCache.get(template);
  if (hit) return hit;
  const parts: string[] = [];
  let lit = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    if (/^[A-Za-z][A-Za-z0-9]{0,60}$/.test(name)) {
      parts.push(lit + template.slice(i, open), name);
      lit = '';
      i = close + 1;
    } else {
      lit += template.slice(i, open + 1);
      i = open + 1;
    }
  }
  parts.push(lit + template.slice(i));
  if (compiledCache.size < COMPILED_MAX && template.length <= COMPILED_LONGEST) compiledCache.set(template, parts);
  return parts;
}

/** The `{name}` placeholders a template names. */
export function templateNames(template: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    if (/^[A-Za-z][A-Za-z0-9]{0,60}$/.test(name)) { names.push(name); i = close + 1; } else i = open + 1;
  }
  return names;
}

// ───────────────────────────── ARN helpers ─────────────────────────────

export interface ArnParts { partition: string; service: string; region: string; account: string; resource: string }

/** Splits `arn:partition:service:region:account:resource` (resource may hold colons); null when not an ARN. */
export function splitArn(arn: string | null | undefined): ArnParts | null {
  if (!arn || !arn.startsWith('arn:')) return null;
  const parts: string[] = [];
  let i = 4;
  for (let k = 0; k < 4; k++) {
    const j = arn.indexOf(':', i);
    if (j < 0) return null;
    parts.push(arn.slice(i, j));
    i = j + 1;
  }
  return { partition: parts[0] ?? '', service: parts[1] ?? '', region: parts[2] ?? '', account: parts[3] ?? '', resource: arn.slice(i) };
}

const ACCOUNT = /^\d{12}$/;
export const isAccountId = (s: string | null | undefined): s is string => !!s && ACCOUNT.test(s);

/** `AssumeRole` from `sts:AssumeRole`. */
export function actionName(action: string | null | undefined): string | null {
  if (!action) return null;
  const i = action.indexOf(':');
  return i >= 0 ? action.slice(i + 1) : action;
}

function lastSegment(s: string): string {
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

/** The sts:ExternalId value(s) the pasted trust policies require, if any. */
function requiredTrustValue(policies: Policy[], key: string): string | null {
  for (const p of policies) {
    if (p.kind !== 'trust') continue;
    for (const st of p.statements) {
      if (st.effect !== 'Allow') continue;
      for (const c of st.conditions) if (c.key.toLowerCase() === key && c.values[0]) return c.values[0];
    }
  }
  return null;
}

function str(v: ContextValue | undefined): string | null {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.length ? String(v[0]) : null;
  return String(v);
}

/**
 * The three facts firstSteps fills, as deriveFacts derives them: firstSteps runs for every answer,
 * and deriving all ~45 facts a second time for three of them was a few KB of garbage per answer.
 */
export function firstStepFacts(parsed: ParsedError): TemplateFacts {
  return {
    region: parsed.region ?? parsed.target?.region ?? null,
    eventName: parsed.operation ?? actionName(parsed.action),
    encodedMessage: parsed.encodedMessage ?? null,
    apiId: apiIdOf(parsed.target?.arn),
    esDomain: openSearchDomainOf(parsed.target?.arn),
  };
}

/** The domain name of an OpenSearch domain ARN (`arn:aws:es:<region>:<account>:domain/<name>[/index…]`), or null. */
function openSearchDomainOf(arn: string | null | undefined): string | null {
  const i = arn ? arn.indexOf(':domain/') : -1;
  if (i < 0 || !arn!.includes(':es:')) return null;
  const rest = arn!.slice(i + 8);
  const slash = rest.indexOf('/');
  const name = slash < 0 ? rest : rest.slice(0, slash);
  return /^[a-z][a-z0-9-]{2,27}$/.test(name) ? name : null;
}
/** arn:aws:execute-api:region:account:API_ID/stage/METHOD/path → API_ID. */
function apiIdOf(arn: string | null | undefined): string | null {
  const a = splitArn(arn);
  return a?.service === 'execute-api' && /^[a-z0-9]{10}\//.test(a.resource) ? a.resource.slice(0, 10) : null;
}

/**
 * Derives every template fact once per answer. One object literal: adding ~45 keys one by one to
 * `{}` reallocated the object's property store a dozen times per answer.
 */
export function deriveFacts(
  parsed: ParsedError,
  request: RequestFacts = {},
  context: Record<string, ContextValue> = {},
  policies: Policy[] = [],
): TemplateFacts {
  const c = parsed.caller;
  const t = parsed.target;
  const partition = t?.partition || c?.partition || 'aws';

  // caller
  const callerAccount = isAccountId(c?.accountId) ? c!.accountId : null;
  const callerIsRole = c?.type === 'role' || c?.type === 'assumed-role';
  const callerRoleName = callerIsRole ? c?.name ?? null : null;
  const callerUserName = c?.type === 'user' ? c.name ?? null : null;
  const callerRoleArn = callerIsRole
    ? c?.roleArn ?? (c?.type === 'role' ? c.arn : null) ?? (callerAccount && callerRoleName ? `arn:${partition}:iam::${callerAccount}:role/${callerRoleName}` : null)
    : null;

  // target
  const targetIsRole = t?.resourceType === 'role';
  // no target in the message: the one pasted trust policy that names its role names the target role
  const trustRoles = t ? [] : policies.filter((p) => p.kind === 'trust' && p.meta?.roleName);
  const pastedRole = trustRoles.length === 1 ? trustRoles[0]!.meta! : null;

  // policies named by the message
  const pa = parsed.deny.policyArn ?? '';
  const pid = pa.lastIndexOf('/p-');

  // S3 / KMS / others
  const arn = splitArn(t?.arn);
  const s3Slash = arn?.service === 's3' && !arn.account ? arn.resource.indexOf('/') : null;

  return {
    partition,
    callerArn: c?.arn ?? null,
    callerType: c && c.type !== 'unknown' ? c.type : null,
    callerAccount,
    callerName: c?.name ?? null,
    sessionName: c?.sessionName ?? null,
    callerRoleName,
    callerUserName,
    callerRoleArn,
    // Something simulate-principal-policy accepts: a user or role ARN (never a session ARN).
    callerPrincipalArn: callerIsRole ? callerRoleArn : c?.type === 'user' ? c.arn : null,
    callerAccountRootArn: callerAccount ? `arn:${partition}:iam::${callerAccount}:root` : null,
    // for `aws iam put-{callerIamKind}-policy --{callerIamKind}-name {callerIamName}`
    callerIamKind: callerIsRole ? 'role' : c?.type === 'user' ? 'user' : null,
    callerIamName: callerIsRole ? callerRoleName : callerUserName,

    targetArn: t?.arn ?? null,
    targetAccount: isAccountId(t?.accountId) ? t!.accountId : null,
    targetName: t?.name ?? null,
    targetType: t?.resourceType ?? null,
    targetPath: t?.path ?? null,
    targetRoleName: targetIsRole ? t?.name ?? null : pastedRole?.roleName ?? null,
    targetRoleArn: targetIsRole ? t?.arn ?? null : pastedRole?.roleArn ?? null,
    targetService: t?.service ?? null,

    action: parsed.action ?? null,
    service: parsed.action && parsed.action.includes(':') ? parsed.action.slice(0, parsed.action.indexOf(':')) : t?.service ?? null,
    actionName: actionName(parsed.action),
    operation: parsed.operation ?? null,
    eventName: parsed.operation ?? actionName(parsed.action), // as firstStepFacts
    region: parsed.region ?? t?.region ?? null,
    errorCode: parsed.errorCode ?? null,

    policyArn: parsed.deny.policyArn ?? null,
    policyId: pid >= 0 ? pa.slice(pid + 1) : null,
    deniedPolicyName: pa.includes(':policy/') && !pa.includes('organizations') ? lastSegment(pa) : null,
    encodedMessage: parsed.encodedMessage ?? null,

    bucket: s3Slash === null ? null : s3Slash >= 0 ? arn!.resource.slice(0, s3Slash) : arn!.resource,
    objectKey: s3Slash === null ? null : s3Slash >= 0 ? arn!.resource.slice(s3Slash + 1) : null,
    keyArn: arn?.service === 'kms' ? t!.arn : null,
    keyId: arn?.service === 'kms' ? lastSegment(arn.resource) : null,
    // arn:aws:s3:region:account:accesspoint/NAME[/object/key]
    accessPointName: arn?.service === 's3' && arn.resource.startsWith('accesspoint/') ? arn.resource.slice(12).split('/')[0] || null : null,
    // arn:aws:execute-api:region:account:API_ID/stage/METHOD/path
    apiId: apiIdOf(t?.arn),
    esDomain: openSearchDomainOf(t?.arn),

    // request facts
    externalId: typeof request.externalId === 'string' ? request.externalId : null,
    roleSessionName: request.roleSessionName ?? null,
    sourceIdentity: request.sourceIdentity ?? str(context['aws:SourceIdentity']) ?? null,
    durationSeconds: request.durationSeconds !== undefined ? String(request.durationSeconds) : null,
    requiredExternalId: requiredTrustValue(policies, 'sts:externalid'),
    orgId: str(context['aws:PrincipalOrgID']),
    // always placeholders
    targetProfile: null,
    callerProfile: null,
    // An MFA device (arn:…:iam::ACCOUNT:mfa/NAME) belongs to an IAM user: its account is the caller's
    // when the caller is that user; behind a role session the user is in an account the error never names.
    mfaAccount: c?.type === 'user' ? callerAccount : null,
    mfaDeviceName: null,
    tokenCode: null,
  };
}
