/** Building the failed request (and what is known about it) from a parsed error. */
import type { ContextValue, EvaluationRequest, ParsedError, RequestFacts } from '../types.js';
import { accountOf, isAccountId, isServicePrincipal, parseArn, roleParts } from './arn.js';
import { isPublicIp } from './ip.js';
import { isResourceLess } from './resource.js';
import { viaServiceOf } from './via-service.js';

const PRINCIPAL_TYPE: Record<string, string> = {
  user: 'User',
  'assumed-role': 'AssumedRole',
  'federated-user': 'FederatedUser',
  root: 'Account',
  anonymous: 'Anonymous',
  role: 'AssumedRole',
};

const HTTPS_SOURCES = new Set(['aws-cli', 'boto3', 'aws-sdk-js', 'aws-sdk-go', 'aws-sdk-java', 'aws-sdk-dotnet', 'terraform', 'cdk', 'github-actions']);
/** Clients that call the service themselves with the caller's credentials (no service in between). */
const DIRECT_SOURCES = new Set(['aws-cli', 'boto3', 'aws-sdk-js', 'aws-sdk-go', 'aws-sdk-java', 'aws-sdk-dotnet', 'terraform', 'github-actions']);
/** STS request parameters: only an STS request carries them. */
const STS_REQUEST_KEYS = ['sts:ExternalId', 'sts:RoleSessionName', 'sts:DurationSeconds', 'sts:TransitiveTagKeys'];
/** Keys only a request through a VPC endpoint carries. */
const VPCE_KEYS = ['aws:SourceVpce', 'aws:SourceVpc', 'aws:SourceVpcArn', 'aws:VpcSourceIp', 'aws:VpceAccount', 'aws:VpceOrgID', 'aws:VpceOrgPaths'];

function stated(ctx: Record<string, ContextValue>, key: string): ContextValue | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(ctx)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * The failing operation is the action itself, called by an SDK / CLI / Terraform: the caller made
 * the call directly, no AWS service made it on its behalf (docs/decisions/012).
 */
function isDirectCall(parsed: ParsedError, action: string): boolean {
  const op = parsed.operation?.trim();
  if (!op || !DIRECT_SOURCES.has(parsed.source)) return false;
  const name = action.slice(action.indexOf(':') + 1);
  return op.toLowerCase() === name.toLowerCase();
}

function usableArn(arn: string | null | undefined): string | null {
  if (!arn) return null;
  const t = arn.trim();
  if (t.includes('<') || t.includes('*') || /x{3,}/i.test(t)) return null;
  return parseArn(t) ? t : null;
}

export function requestFromParsed(
  parsed: ParsedError,
  facts: RequestFacts,
  context: Record<string, ContextValue>,
): EvaluationRequest | null {
  const action = parsed?.action?.trim();
  if (!action || !action.includes(':') || action.includes('<')) return null;
  const caller = parsed.caller;
  const ctx: Record<string, ContextValue> = {};
  const knownAbsent: string[] = [];
  let rolePathUnknown = false;
  const serviceCaller = caller?.type === 'service' && caller.arn && isServicePrincipal(caller.arn.trim()) ? caller.arn.trim() : null;
  const callerArn = serviceCaller ?? usableArn(caller?.arn);
  // the message names no caller: the principal the person states stands in (aws:PrincipalArn, aws:PrincipalAccount)
  const statedArn = stated(context ?? {}, 'aws:PrincipalArn');
  const statedPrincipal = !callerArn && typeof statedArn === 'string' ? usableArn(statedArn) : null;
  const statedAccount = stated(context ?? {}, 'aws:PrincipalAccount');
  const callerAccount = caller?.accountId && isAccountId(caller.accountId) ? caller.accountId
    : callerArn ? accountOf(callerArn)
    : typeof statedAccount === 'string' && isAccountId(statedAccount) ? statedAccount
    : statedPrincipal ? accountOf(statedPrincipal) : null;
  if (serviceCaller) {
    ctx['aws:PrincipalIsAWSService'] = 'true';
    ctx['aws:PrincipalServiceName'] = serviceCaller;
    // a service principal is no account of an organization: the org keys exist only for IAM principals of one
    knownAbsent.push('aws:PrincipalOrgID', 'aws:PrincipalOrgPaths');
  } else if (caller && callerArn) {
    if (caller.type === 'assumed-role') {
      const roleArn = usableArn(caller.roleArn);
      if (roleArn) {
        ctx['aws:PrincipalArn'] = roleArn;
        // an assumed-role ARN never shows the role's path (docs/decisions/013)
        if (roleParts(roleArn)?.path === '/') rolePathUnknown = true;
      }
    } else if (caller.type === 'user' || caller.type === 'root' || caller.type === 'federated-user' || caller.type === 'role') {
      ctx['aws:PrincipalArn'] = callerArn;
    }
    if (caller.type === 'user' && caller.name) ctx['aws:username'] = caller.name;
    else if (caller.type === 'assumed-role' || caller.type === 'federated-user' || caller.type === 'root') knownAbsent.push('aws:username');
    const pt = PRINCIPAL_TYPE[caller.type];
    if (pt) ctx['aws:PrincipalType'] = pt;
    if (caller.type === 'assumed-role' || caller.type === 'user' || caller.type === 'federated-user') {
      ctx['aws:PrincipalIsAWSService'] = 'false';
    }
  }
  if (callerAccount) ctx['aws:PrincipalAccount'] = callerAccount;

  // What the message itself tells: the Region, and that SDK / CLI calls go to HTTPS endpoints.
  if (parsed.region) ctx['aws:RequestedRegion'] = parsed.region;
  if (HTTPS_SOURCES.has(parsed.source)) ctx['aws:SecureTransport'] = 'true';
  if (facts.roleSessionName !== undefined) ctx['sts:RoleSessionName'] = facts.roleSessionName;
  if (facts.externalId === null) knownAbsent.push('sts:ExternalId');
  else if (typeof facts.externalId === 'string') ctx['sts:ExternalId'] = facts.externalId;
  if (facts.mfa === true) ctx['aws:MultiFactorAuthPresent'] = 'true';
  else if (facts.mfa === false) {
    // long-term keys carry no MFA key at all; temporary credentials (role sessions) carry `false`
    if (caller?.type === 'user') knownAbsent.push('aws:MultiFactorAuthPresent');
    else ctx['aws:MultiFactorAuthPresent'] = 'false';
    knownAbsent.push('aws:MultiFactorAuthAge');
  }
  if (facts.sourceIdentity !== undefined) ctx['sts:SourceIdentity'] = facts.sourceIdentity;
  if (facts.durationSeconds !== undefined) ctx['sts:DurationSeconds'] = facts.durationSeconds;
  if (facts.sessionTags) {
    const keys = Object.keys(facts.sessionTags);
    for (const k of keys) ctx[`aws:RequestTag/${k}`] = facts.sessionTags[k] as string;
    if (keys.length > 0) ctx['aws:TagKeys'] = keys;
    else knownAbsent.push('aws:TagKeys');
  }
  // Keys a request of this shape never carries (docs/decisions/012)
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  const lowerAction = action.toLowerCase();
  if (service !== 'sts') knownAbsent.push(...STS_REQUEST_KEYS);
  else if (lowerAction === 'sts:assumerolewithwebidentity' || lowerAction === 'sts:assumerolewithsaml') {
    knownAbsent.push('sts:ExternalId');
    // federation through an IdP never sets the MFA keys: MFA done at the IdP is invisible to STS
    if (facts.mfa !== true) knownAbsent.push('aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge');
  }
  const personCaller = caller?.type === 'user' || caller?.type === 'assumed-role' || caller?.type === 'federated-user' || caller?.type === 'root';
  // an IAM principal (user, role, session, root) the person stated, when the message names none
  const statedPerson = !caller?.arn && statedPrincipal !== null && /^arn:[^:]+:(?:iam|sts)::/.test(statedPrincipal);
  if (personCaller && isDirectCall(parsed, action)) {
    ctx['aws:ViaAWSService'] = 'false';
    knownAbsent.push('aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast');
    if (service === 'kms') knownAbsent.push('kms:ViaService', 'kms:GrantIsForAWSResource');
  }
  if (service === 'kms' && (personCaller || statedPerson) && callerAccount) ctx['kms:CallerAccount'] = callerAccount;
  // a KMS action during another service's operation (S3 PutObject → kms:GenerateDataKey): that service
  // called KMS for the caller, and names itself in kms:ViaService
  if (service === 'kms' && (personCaller || statedPerson) && !isDirectCall(parsed, action)) {
    const via = viaServiceOf(parsed);
    if (via) ctx['kms:ViaService'] = via;
  }
  for (const [k, v] of Object.entries(context ?? {})) {
    // what the person states replaces anything derived above under the key in any case
    for (const d of Object.keys(ctx)) if (d !== k && d.toLowerCase() === k.toLowerCase()) delete ctx[d];
    if (v === null || v === undefined) {
      knownAbsent.push(k);
      delete ctx[k];
    } else {
      ctx[k] = v;
      if (k.toLowerCase() === 'aws:principalarn') rolePathUnknown = false;
    }
  }
  // The network path: aws:SourceIp is absent from requests through a VPC endpoint, and the VPC keys
  // exist only there. A stated public source address rules the endpoint out; a stated endpoint or VPC
  // rules aws:SourceIp out (docs/decisions/012).
  const sourceIp = stated(ctx, 'aws:SourceIp');
  if (typeof sourceIp === 'string' && isPublicIp(sourceIp)) {
    for (const k of VPCE_KEYS) if (stated(ctx, k) === undefined) knownAbsent.push(k);
  } else if (sourceIp === undefined && (stated(ctx, 'aws:SourceVpce') !== undefined || stated(ctx, 'aws:SourceVpc') !== undefined)) {
    knownAbsent.push('aws:SourceIp');
  }
  const target = parsed.target;
  const named = usableArn(target?.arn) ?? (target?.arn && !target.arn.includes('<') ? target.arn : null);
  const resource = named ?? '*';
  // no resource named, yet the action has one: which it was is unknown (docs/decisions/017)
  const resourceUnknown = named === null && !isResourceLess(action);
  const resourceAccount = target?.accountId && isAccountId(target.accountId) ? target.accountId : accountOf(resource);
  // aws:ResourceAccount is the account that owns the resource (IAM, global condition keys): the one its ARN prints,
  // unless the person stated it (S3 bucket and object ARNs print none, so it stays unknown there)
  const printed = accountOf(resource);
  if (printed && stated(ctx, 'aws:ResourceAccount') === undefined && !knownAbsent.some((k) => k.toLowerCase() === 'aws:resourceaccount')) {
    ctx['aws:ResourceAccount'] = printed;
  }
  return {
    principal: callerArn ?? statedPrincipal ?? '',
    action,
    resource,
    resourceAccount,
    context: ctx,
    missing: 'unknown',
    knownAbsent,
    crossAccount: typeof parsed.crossAccount === 'boolean' ? parsed.crossAccount : null,
    ...(resourceUnknown ? { resourceUnknown: true } : {}),
    ...(rolePathUnknown ? { rolePathUnknown: true } : {}),
  };
}
