/**
 * Any service [aws-facts 4.3]: the resource's own policy (bucket, queue, topic, secret,
 * function, repository …) does not grant the caller, or denies it; iam:PassRole on a role handed
 * to a service is missing; or the resource does not exist and the service answers AccessDenied.
 */
import type { Statement } from '../types.js';
import type { CauseContext, CauseDefinition } from './types.js';
import { awsSays, describeCondition, likelyIf, policyWords, isServiceAssumeFailure, statementViews, type StatementView } from './signals.js';
import {
  action, actionIs, callerPrincipal, firstOf, operation, callerRoleArn, codeIs, coversAction, coversResource, crossAccount, editableDoc, fromMessage,
  fromPolicy, has, isAssumeFamily, isDataEvent, isOpenSearchHttp, lower, notInCloudTrail, policiesOf, policyLabel, service, sig, statementsFor, stmtLabel,
  withConditionAdded, withStatementAdded, type Indexed, type StatementHit,
} from './service-util.js';
import { abducedFor } from './abduce.js';
import { decodedDeny, decodedNoAllow } from './decoded.js';
import { isEcrLayerBucket } from './service-use.js';

const CROSS_ACCOUNT = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html';
const RESOURCE_POLICIES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html';
const DENIED = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html';
const PASSROLE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html';
const S3_403 = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html';

/** Not an authorization refusal at all: token, Region, validation errors. */
function notDenial(ctx: CauseContext): boolean {
  if (codeIs(ctx, 'ValidationError', 'ExpiredToken', 'InvalidClientTokenId', 'InvalidToken', 'UnrecognizedClient', 'RegionDisabled', 'InvalidIdentityToken', 'SignatureDoesNotMatch', 'PackedPolicyTooLarge', 'IDPCommunicationError')) return true;
  return has(ctx, 'security token included in the request is', 'could not load credentials from any providers', 'the provided token is malformed');
}

/** A service call (not STS AssumeRole, where the trust policy is the resource policy; not KMS, which has its own causes). */
function serviceCall(ctx: CauseContext): boolean {
  if (notDenial(ctx) || isAssumeFamily(ctx)) return false;
  const svc = service(ctx);
  if (svc === 'kms' || svc === 'iam' || svc === 'sts') return false;
  return !!svc || !!ctx.parsed.target?.arn;
}

/** Any non-STS service call, KMS included (a key policy is a resource policy too). */
function anyServiceCall(ctx: CauseContext): boolean {
  if (notDenial(ctx) || isAssumeFamily(ctx)) return false;
  const svc = service(ctx);
  if (svc === 'iam' || svc === 'sts') return false;
  return !!svc || !!ctx.parsed.target?.arn;
}

/** Resource policies that are about this service (a key policy pasted next to a bucket policy is not). */
function resourcePolicies(ctx: CauseContext): Indexed[] {
  const svc = service(ctx);
  return policiesOf(ctx, 'resource').filter(({ policy }) => policy.statements.some((st) =>
    (st.action ?? st.notAction ?? []).some((a) => a === '*' || lower(a).startsWith(`${svc}:`))));
}

/** The Resource a grant should name: `bucket/*` for an S3 object, else the target ARN. */
function grantResource(ctx: CauseContext): string {
  const arn = ctx.parsed.target?.arn ?? '*';
  if (ctx.facts.bucket && ctx.facts.objectKey) return `arn:${ctx.facts.partition ?? 'aws'}:s3:::${ctx.facts.bucket}/*`;
  return arn.startsWith('arn:') ? arn : '*';
}

/** Allow statements of the resource policies that cover the request and name the caller. */
function grants(ctx: CauseContext, list: Indexed[]) {
  const act = ctx.parsed.action ?? '';
  const target = ctx.parsed.target?.arn ?? null;
  return statementsFor(list, act, ctx, 'Allow', target && target.startsWith('arn:') ? target : undefined);
}

/**
 * The first Allow of the pasted resource policies that names the caller (or may) and covers the action, but whose
 * Resource does not cover the target; `objects` is the bucket's object ARN when it names only the bucket S3 object
 * actions never match (arn:aws:s3:::b for s3:GetObject on arn:aws:s3:::b/key).
 */
function resourceMiss(ctx: CauseContext, list: Indexed[]): { policy: Indexed; statement: Statement; objects: string | null } | null {
  const target = ctx.parsed.target?.arn;
  if (!target || !target.startsWith('arn:') || !ctx.parsed.action) return null;
  // a Resource of the same kind of ARN (arn:partition:service:region:account:) that misses; a bucket policy naming the
  // bucket is no miss for an access point's ARN (the access point's own policy grants those)
  let c = 0;
  let at = 0;
  while (c < 5 && at >= 0) { at = target.indexOf(':', at + 1); c++; }
  if (at < 0) return null;
  const prefix = target.slice(0, at + 1);
  const hit = statementsFor(list, ctx.parsed.action, ctx, 'Allow')
    .find((h) => h.statement.resource?.some((r) => r.startsWith(prefix)) && coversResource(h.statement, target) === false);
  if (!hit) return null;
  const slash = target.indexOf('/');
  const bucket = /^arn:aws[a-z-]{0,20}:s3:::/.test(target) ? (slash > 0 ? target.slice(0, slash) : null) : null;
  const objects = bucket && hit.statement.resource!.includes(bucket) ? `${bucket}/*` : null;
  return { policy: hit.policy, statement: hit.statement, objects };
}

/** S3 messages that name the setting that refused the call (Block Public Access, Object Lock): no grant is missing. */
const SETTING_REFUSALS = ['block public access setting', 'protected by object lock'];

/** Condition keys that only name accounts: on a resource-policy Allow they act as its Principal element. */
const ACCOUNT_SCOPE_KEYS = new Set(['aws:sourceowner', 'aws:sourceaccount', 'aws:principalaccount']);

/**
 * The statement's conditions all scope it to accounts (AWS:SourceOwner of the SNS/SQS default policy,
 * aws:PrincipalAccount), with positive operators, and none names the caller's (known) account: the
 * policy does not grant the caller. Not for service principals (aws:SourceAccount is their guard).
 */
function accountScopeMiss(ctx: CauseContext, st: Statement): { key: string; values: string[] } | null {
  const acct = ctx.parsed.caller?.accountId;
  if (!acct || !/^\d{12}$/.test(acct) || ctx.parsed.caller?.type === 'service' || !st.conditions.length) return null;
  let found: { key: string; values: string[] } | null = null;
  for (const c of st.conditions) {
    const op = c.operator.toLowerCase();
    if (!ACCOUNT_SCOPE_KEYS.has(c.key.toLowerCase()) || op.includes('not') || !(op.startsWith('stringequals') || op.startsWith('stringlike') || op.startsWith('arnequals') || op.startsWith('arnlike'))) return null;
    if (c.values.some((v) => v === acct || v.includes('*') || v.includes('${'))) return null;
    found ??= { key: c.key, values: c.values.slice(0, 4) };
  }
  return found;
}

/** How IAM shows a deleted role or user in a saved resource policy: its unique id (AROA…, AIDA…) instead of the ARN. */
const UNIQUE_ID = /^(?:AROA|AIDA)[A-Z0-9]{12,28}$/;

/**
 * A pasted resource policy (for this service, or any when the service is unknown) whose Allow statements name
 * principals only as unique ids: every principal it grants was deleted, so it grants no one now — a role or user
 * recreated with the same name has a new id (re:Post "unknown principal format in my IAM resource-based policy").
 */
function orphanedGrant(ctx: CauseContext): { policy: Indexed; statement: Statement; ids: string[] } | null {
  const list = service(ctx) ? resourcePolicies(ctx) : policiesOf(ctx, 'resource');
  for (const p of list) {
    const allows = p.policy.statements.filter((st) => st.effect === 'Allow' && st.principal);
    if (!allows.length) continue;
    const orphaned = allows.every((st) => {
      const pr = st.principal!;
      return !pr.wildcard && !pr.Service.length && !pr.Federated.length && !pr.CanonicalUser.length
        && pr.AWS.length > 0 && pr.AWS.every((a) => UNIQUE_ID.test(a.trim()));
    });
    if (orphaned) return { policy: p, statement: allows[0]!, ids: [...new Set(allows.flatMap((st) => st.principal!.AWS))].slice(0, 4) };
  }
  return null;
}

/** Route 53: a VPC of another account, not authorized by the private hosted zone's owner (NotAuthorizedException). */
const VPC_ASSOCIATION_UNAUTHORIZED = 'associating the specified vpc with the specified hosted zone has not been authorized';
const isVpcAssociation = (ctx: CauseContext) => has(ctx, VPC_ASSOCIATION_UNAUTHORIZED);

/** Services reporting that they may not invoke a Lambda function (its resource policy lacks them). */
const SERVICE_CANNOT_INVOKE = ['invalid permissions on lambda function', 'insufficient permissions to invoke the lambda function', 'does not have permission to invoke'];

/** An OpenSearch domain's resource policy is its access policy, read from the domain's configuration. */
const OPENSEARCH_ACCESS_POLICY = 'aws opensearch describe-domain-config --domain-name {esDomain} --region {region} --query DomainConfig.AccessPolicies.Options --output text';
/** AWS names the caller `anonymous` (or `*`): the request reached it without a signature. */
const callerIsAnonymous = (ctx: CauseContext) => ctx.parsed.caller?.type === 'anonymous';
const ANONYMOUS_NOTE = 'The caller is anonymous: the request was not signed, so no policy can tell who sent it. Unless the resource is meant to be public, sign the request with SigV4 (an AWS SDK or a client with AWS credentials) instead of granting Principal "*", which lets anyone who reaches the resource call it.';

const missingGrant: CauseDefinition = {
  id: 'resource-policy-missing-grant',
  title: 'The resource\'s own policy does not grant the caller',
  summary: 'Across accounts, and for callers such as service principals, the resource\'s policy (bucket, queue, topic, secret, function, repository policy …) must allow the caller as well; none of its statements does.',
  family: 'service',
  prior: 0.12,
  specificity: 1,
  // ECR's layer bucket is AWS's own: its policy is nothing anyone can grant in (docs/decisions/026)
  appliesTo: (ctx) => !isEcrLayerBucket(ctx.parsed.target?.arn) && (serviceCall(ctx) || has(ctx, ...SERVICE_CANNOT_INVOKE)
    // a bare refusal that names no service, next to a pasted resource policy that grants only deleted principals
    || (!notDenial(ctx) && !isAssumeFamily(ctx) && !service(ctx) && orphanedGrant(ctx) !== null)),
  signals: [
    decodedNoAllow,
    (ctx) => {
      const o = orphanedGrant(ctx);
      if (!o) return null;
      const text = `${policyLabel(o.policy.policy, o.policy.index)} grants only ${o.ids.join(', ')} — unique ids, not ARNs: IAM shows a principal this way once it was deleted, so the policy grants no one now (a role or user recreated with the same name has a new id).`;
      const needed = ctx.parsed.deny.kind !== 'explicit' && (crossAccount(ctx) === true || ctx.parsed.caller?.type === 'service' || ctx.parsed.deny.policyType === 'resource-based');
      if (ctx.parsed.deny.kind === 'explicit') return null;
      return needed ? sig(8, fromPolicy(text, o.policy.index, o.statement.index), 'confirmed')
        : likelyIf(fromPolicy(`Likely, if the call needs the resource policy's grant (another account, a service principal): ${text}`, o.policy.index, o.statement.index));
    },
    (ctx) => (has(ctx, ...SERVICE_CANNOT_INVOKE)
      ? sig(20, fromMessage('The calling service may not invoke the function: the function\'s resource policy does not grant its service principal (lambda add-permission).'))
      : null),
    (ctx) => (has(ctx, VPC_ASSOCIATION_UNAUTHORIZED)
      ? sig(20, fromMessage('Route 53 says the hosted zone\'s account has not authorized this VPC: a private hosted zone of another account accepts a VPC only after its owner runs create-vpc-association-authorization for that VPC (Route 53 API Reference, AssociateVPCWithHostedZone).'))
      : null),
    (ctx) => {
      const d = ctx.parsed.deny;
      const setting = firstOf(ctx, ...SETTING_REFUSALS);
      if (setting) return sig(0.05, fromMessage(`AWS names the refusing S3 setting ("${setting}"), not a policy that fails to grant.`), 'ruled-out');
      if (d.policyType === 'resource-based' && d.kind !== 'explicit') return sig(30, fromMessage(awsSays(ctx, 'AWS reports that no resource-based policy allows the action.')));
      if (d.kind === 'explicit') return sig(0.05, fromMessage('An explicit Deny refused the call, not a missing grant.'));
      if (d.policyType) return sig(0.1, fromMessage(`The message names a ${policyWords(ctx, d.policyType)} as the reason.`));
      return null;
    },
    (ctx) => {
      const c = ctx.parsed.caller;
      if (c?.type === 'service') return sig(6, fromMessage(`The caller is the service ${c.arn ?? ''}: a service calls your resource only if the resource\'s policy names it.`));
      const x = crossAccount(ctx);
      if (x === true) return sig(3, fromMessage(`The caller (account ${c?.accountId}) and the resource (account ${ctx.parsed.target?.accountId}) are in different accounts: the resource's policy must allow the caller too.`));
      if (x === false && ctx.parsed.deny.policyType !== 'resource-based') return sig(0.3, fromMessage('Caller and resource are in the same account, where an identity-policy Allow alone suffices for most services.'));
      return null;
    },
    (ctx) => {
      const list = resourcePolicies(ctx);
      if (!list.length) return null;
      const evAllow = list.find((p) => ctx.evaluation?.policies.find((e) => e.policy === p.index)?.verdict === 'allow');
      const hits = grants(ctx, list);
      const plain = hits.find((h) => !h.conditional && h.match !== 'unknown');
      if (plain || evAllow) {
        const e = plain
          ? fromPolicy(`${stmtLabel(plain.statement)} of ${policyLabel(plain.policy.policy, plain.policy.index)} allows ${ctx.parsed.action ?? 'the action'} for the caller.`, plain.policy.index, plain.statement.index)
          : fromPolicy('The pasted resource policy allows the request.', evAllow!.index);
        return sig(0.05, e, 'ruled-out');
      }
      const cond = hits.find((h) => h.conditional);
      const scoped = cond ? accountScopeMiss(ctx, cond.statement) : null;
      if (cond && scoped) {
        return sig(6, fromPolicy(`${stmtLabel(cond.statement)} of ${policyLabel(cond.policy.policy, cond.policy.index)} grants ${ctx.parsed.action ?? 'the action'} only when ${scoped.key} is ${scoped.values.join(' or ')} — that is, only to principals of ${scoped.values.length > 1 ? 'those accounts' : 'that account'}; the caller is in account ${ctx.parsed.caller?.accountId}.`, cond.policy.index, cond.statement.index), 'confirmed');
      }
      if (cond) return sig(0.4, fromPolicy(`${stmtLabel(cond.statement)} grants the action only under conditions; if one fails, that condition is the cause.`, cond.policy.index, cond.statement.index));
      if (hits.length) return sig(0.8, fromPolicy('A statement may grant the caller, but the caller ARN is not known.', hits[0]!.policy.index, hits[0]!.statement.index));
      const first = list[0]!;
      const named = first.policy.statements.filter((s) => s.effect === 'Allow').flatMap((s) => [...(s.principal?.AWS ?? []), ...(s.principal?.Service ?? [])]);
      // no action named: no statement can be matched against it, which says nothing about a grant
      if (!ctx.parsed.action) return sig(1, fromPolicy(`The message names no action, so whether ${policyLabel(first.policy, first.index)} grants the refused call is unknown${named.length ? `; it names ${named.slice(0, 4).join(', ')}` : ''}.`, first.index));
      // an Allow that names the caller and the action but another resource (S3's bucket ARN for an object action)
      const near = resourceMiss(ctx, list);
      const text = near
        ? `In ${policyLabel(near.policy.policy, near.policy.index)}, ${stmtLabel(near.statement)} allows ${ctx.parsed.action} for the caller, but its Resource (${(near.statement.resource ?? []).slice(0, 3).join(', ')}) does not cover ${ctx.parsed.target!.arn}${near.objects ? `: object actions need the objects' ARN, ${near.objects}` : ''}.`
        : `No Allow statement of ${policyLabel(first.policy, first.index)} grants ${ctx.parsed.action} to the caller${named.length ? `; it grants only ${named.slice(0, 4).join(', ')}` : ''}.`;
      const needed = ctx.parsed.deny.kind !== 'explicit' && (crossAccount(ctx) === true || ctx.parsed.caller?.type === 'service' || ctx.parsed.deny.policyType === 'resource-based');
      const ev = near ? fromPolicy(text, near.policy.index, near.statement.index) : fromPolicy(text, first.index);
      return needed ? sig(6, ev, 'confirmed') : sig(2, ev);
    },
  ],
  confirm: [
    { description: 'Read the bucket policy.', command: 'aws s3api get-bucket-policy --bucket {bucket} --query Policy --output text', when: (ctx) => service(ctx) === 's3' },
    { description: 'Read the function\'s resource policy.', command: 'aws lambda get-policy --function-name {targetArn}', when: (ctx) => service(ctx) === 'lambda' },
    { description: 'Read the queue policy.', command: 'aws sqs get-queue-attributes --queue-url <queue-url> --attribute-names Policy', when: (ctx) => service(ctx) === 'sqs' },
    { description: 'Read the topic policy.', command: 'aws sns get-topic-attributes --topic-arn {targetArn} --query Attributes.Policy --output text', when: (ctx) => service(ctx) === 'sns' },
    { description: 'Read the secret\'s resource policy.', command: 'aws secretsmanager get-resource-policy --secret-id {targetArn}', when: (ctx) => service(ctx) === 'secretsmanager' },
    { description: 'Read the repository policy.', command: 'aws ecr get-repository-policy --repository-name {targetName}', when: (ctx) => service(ctx) === 'ecr' },
    { description: 'Read the API\'s resource policy.', command: 'aws apigateway get-rest-api --rest-api-id {apiId} --region {region} --query policy --output text', when: (ctx) => service(ctx) === 'execute-api' },
    { description: 'Read the domain\'s access policy.', command: OPENSEARCH_ACCESS_POLICY, when: (ctx) => isOpenSearchHttp(ctx.parsed.action) },
    { description: 'In the hosted zone\'s account: the VPCs it has authorized to associate (the failing VPC must be listed).', command: 'aws route53 list-vpc-association-authorizations --hosted-zone-id <hosted-zone-id> --profile <hosted-zone-account-profile>', when: isVpcAssociation },
    { description: 'Does the caller\'s side allow it? (Across accounts both sides must.)', command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names {action} --resource-arns {targetArn}', when: (ctx) => !!callerPrincipal(ctx) && ctx.parsed.caller?.type !== 'service' }, // an AWS service has no IAM policies to simulate
  ],
  fix: {
    description: 'Add a statement to the resource\'s policy that allows {action} for the caller (its role ARN for a role session, or its account; a service principal with aws:SourceArn / aws:SourceAccount conditions), and keep the caller\'s own Allow. Apply it with the service\'s own call (S3 put-bucket-policy, Lambda add-permission, SQS set-queue-attributes, SNS set-topic-attributes, Secrets Manager put-resource-policy, ECR set-repository-policy).',
    notes: [{ text: ANONYMOUS_NOTE, when: callerIsAnonymous }],
    // Only the call of the target's own service: an S3 object ARN is no Lambda function name.
    commands: [
      { command: 'aws s3api put-bucket-policy --bucket {bucket} --policy file://policy.json', when: (ctx) => service(ctx) === 's3' },
      // Route 53 has no resource policy: the zone's owner authorizes the VPC, then the VPC's account associates it
      { command: 'aws route53 create-vpc-association-authorization --hosted-zone-id <hosted-zone-id> --vpc VPCRegion=<vpc-region>,VPCId=<vpc-id> --profile <hosted-zone-account-profile>', when: isVpcAssociation },
      // a service principal's invoke (ELB, Secrets Manager rotation, CloudWatch Logs subscriptions): name that principal
      { command: 'aws lambda add-permission --function-name {targetArn} --statement-id allow-caller --action {action} --principal {callerArn}', when: (ctx) => service(ctx) === 'lambda' && ctx.parsed.caller?.type === 'service' },
      { command: 'aws lambda add-permission --function-name {targetArn} --statement-id allow-caller --action {action} --principal <principal>', when: (ctx) => service(ctx) === 'lambda' && ctx.parsed.caller?.type !== 'service' },
      { command: 'aws sqs set-queue-attributes --queue-url <queue-url> --attributes file://attributes.json', when: (ctx) => service(ctx) === 'sqs' },
      { command: 'aws sns set-topic-attributes --topic-arn {targetArn} --attribute-name Policy --attribute-value file://policy.json', when: (ctx) => service(ctx) === 'sns' },
      { command: 'aws secretsmanager put-resource-policy --secret-id {targetArn} --resource-policy file://policy.json', when: (ctx) => service(ctx) === 'secretsmanager' },
      { command: 'aws ecr set-repository-policy --repository-name {targetName} --policy-text file://policy.json', when: (ctx) => service(ctx) === 'ecr' },
    ],
    correctPolicy: (ctx) => {
      const list = resourcePolicies(ctx);
      if (!list.length || grants(ctx, list).length) return null;
      const who = callerPrincipal(ctx);
      const c = ctx.parsed.caller;
      if (!who || !ctx.parsed.action) return null;
      const principal = c?.type === 'service' ? { Service: who } : { AWS: who };
      // extend an unconditional Allow that already covers the action and resource, else add a statement
      const act = ctx.parsed.action;
      const res = grantResource(ctx);
      for (const ip of list) {
        for (const st of ip.policy.statements) {
          if (st.effect !== 'Allow' || st.conditions.length || !coversAction(st, act) || coversResource(st, ctx.parsed.target?.arn ?? null) === false || !st.principal || st.principal.wildcard) continue;
          const e = editableDoc(ip.policy);
          const raw = e?.statements[st.index];
          const pr = raw?.Principal as Record<string, unknown> | undefined;
          if (!e || !pr || typeof pr !== 'object') continue;
          const key = c?.type === 'service' ? 'Service' : 'AWS';
          const cur = pr[key];
          pr[key] = Array.isArray(cur) ? [...cur, who] : typeof cur === 'string' ? [cur, who] : who;
          e.doc.Statement = e.wasArray ? e.statements : e.statements[0];
          return { policyIndex: ip.index, policy: e.doc };
        }
      }
      const first = list[0]!;
      const doc = withStatementAdded(first.policy, { Sid: 'AllowCaller', Effect: 'Allow', Principal: principal, Action: act, Resource: res });
      return doc ? { policyIndex: first.index, policy: doc } : null;
    },
  },
  docs: [CROSS_ACCOUNT, RESOURCE_POLICIES],
};

/** Deny statements of the pasted resource policies that cover the request. */
function denyViews(ctx: CauseContext): StatementView[] {
  return statementViews(ctx, ['resource']).filter((v) => v.st.effect === 'Deny' && v.action && v.resource !== false && v.principal !== 'none');
}

function viewMatched(ctx: CauseContext, v: StatementView): boolean | 'unknown' {
  if (v.record && v.record.matched !== 'unknown') return v.record.matched;
  // nobody named the resource and the statement's Resource may or may not be it (docs/decisions/017)
  if (!ctx.parsed.target && (v.st.resource || v.st.notResource) && v.resource === null) return 'unknown';
  return v.condition;
}

const explicitDeny: CauseDefinition = {
  id: 'resource-policy-explicit-deny',
  title: 'A Deny statement in the resource\'s policy matches the request',
  summary: 'The bucket, key, queue, secret or other resource policy has a Deny that applies — typically a guard on aws:SourceVpce / aws:SourceIp, aws:SecureTransport, encryption headers or aws:PrincipalOrgID — and a Deny wins over every Allow.',
  family: 'service',
  prior: 0.1,
  specificity: 1,
  appliesTo: (ctx) => anyServiceCall(ctx) && (ctx.parsed.deny.policyType === 'resource-based' || ctx.parsed.deny.kind === 'explicit'
    || policiesOf(ctx, 'resource').some(({ policy }) => policy.statements.some((s) => s.effect === 'Deny')) || ctx.parsed.deny.policyType === null),
  signals: [
    decodedDeny('resource'),
    (ctx) => {
      const d = ctx.parsed.deny;
      if (d.kind === 'explicit' && d.policyType === 'resource-based') return sig(20, fromMessage(awsSays(ctx, 'AWS reports an explicit deny in a resource-based policy.')));
      // API Gateway evaluates an API's resource policy itself and words its Deny without a policy type
      if (d.kind === 'explicit' && !d.policyType && ctx.parsed.action?.toLowerCase().startsWith('execute-api:')) {
        return sig(8, fromMessage('API Gateway reports an explicit deny without naming the policy type; it evaluates the API\'s own resource policy (aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID guards) for execute-api:Invoke, the usual source of that Deny.'));
      }
      if (d.kind === 'explicit' && !d.policyType) return sig(2, fromMessage('AWS reports an explicit deny without naming the policy type.'));
      if (d.kind === 'explicit') return sig(0.05, fromMessage(`The explicit deny is in a ${policyWords(ctx, d.policyType ?? "")}, not the resource's.`));
      if (d.policyType === 'resource-based') return sig(0.1, fromMessage(awsSays(ctx, 'AWS reports that no resource-based policy allows the call.', 'A missing grant, not a Deny.')));
      if (d.policyType) return sig(0.05, fromMessage(`The message names a ${policyWords(ctx, d.policyType)} as the reason.`));
      return sig(0.4, fromMessage('The message names no policy type.'));
    },
    (ctx) => {
      if (!policiesOf(ctx, 'resource').length) return null;
      const views = denyViews(ctx);
      const matched = views.find((v) => viewMatched(ctx, v) === true);
      if (matched) {
        const why = matched.conditions.length ? ` (${matched.conditions.map(describeCondition).join('; ')})` : '';
        return sig(8, fromPolicy(`${stmtLabel(matched.st)} of ${policyLabel(matched.policy, matched.policyIndex)} denies ${ctx.parsed.action ?? 'the action'} for this request${why}.`, matched.policyIndex, matched.st.index), 'confirmed');
      }
      // AWS names the resource-based policy and one pasted Deny alone can explain it (docs/decisions/016)
      const ab = abducedFor(ctx, 'resource', 'Deny');
      if (ab) return sig(8, fromPolicy(ab.text, ab.view.policyIndex, ab.view.st.index), 'confirmed');
      const unknown = views.find((v) => viewMatched(ctx, v) === 'unknown');
      if (unknown) {
        const conds = unknown.conditions.filter((o) => o.result !== true).map(describeCondition).join('; ');
        return sig(ctx.parsed.deny.kind === 'explicit' ? 6 : 1.5, fromPolicy(`${stmtLabel(unknown.st)} of ${policyLabel(unknown.policy, unknown.policyIndex)} denies ${ctx.parsed.action ?? 'the action'} when ${conds || 'its conditions hold'}${!ctx.parsed.target && unknown.resource === null ? ' and the call was on a resource it names (the message names none)' : ''}; that depends on request values not known here.`, unknown.policyIndex, unknown.st.index));
      }
      const i = policiesOf(ctx, 'resource')[0]!.index;
      if (ctx.parsed.deny.kind === 'explicit' && ctx.parsed.deny.policyType === 'resource-based') {
        return sig(0.5, fromPolicy('No Deny statement of the pasted resource policy matches; the Deny must be in another resource policy (access point, key policy) or an older version.', i));
      }
      return sig(0.05, fromPolicy(views.length ? 'The Deny statements of the pasted resource policy do not apply to this request (their conditions are false).' : 'The pasted resource policy has no Deny statement for this action.', i), 'ruled-out');
    },
  ],
  confirm: [
    { description: 'Read the bucket policy and find the Deny (check aws:SourceVpce, aws:SourceIp, aws:SecureTransport, s3:x-amz-server-side-encryption, aws:PrincipalOrgID conditions).', command: 'aws s3api get-bucket-policy --bucket {bucket} --query Policy --output text', when: (ctx) => service(ctx) === 's3' },
    { description: 'Read the resource\'s policy.', command: 'aws secretsmanager get-resource-policy --secret-id {targetArn}', when: (ctx) => service(ctx) === 'secretsmanager' },
    { description: 'Read the queue policy.', command: 'aws sqs get-queue-attributes --queue-url <queue-url> --attribute-names Policy', when: (ctx) => service(ctx) === 'sqs' },
    { description: 'Read the API\'s resource policy and find the Deny (check aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID conditions); a change takes effect only after the API is deployed again.', command: 'aws apigateway get-rest-api --rest-api-id {apiId} --region {region} --query policy --output text', when: (ctx) => service(ctx) === 'execute-api' },
    { description: 'Read the domain\'s access policy and find the Deny (check aws:SourceIp conditions and the principals it names).', command: OPENSEARCH_ACCESS_POLICY, when: (ctx) => isOpenSearchHttp(ctx.parsed.action) },
    // Event history has no data events (S3 object calls): the step would find nothing there
    { description: 'The request\'s context as CloudTrail saw it (source IP, VPC endpoint, TLS).', command: 'aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=EventName,AttributeValue={eventName} --max-results 20 --query \'Events[].CloudTrailEvent\' --output text', when: (ctx) => !isDataEvent(ctx.parsed.action) && !notInCloudTrail(ctx.parsed.action) },
  ],
  fix: {
    description: 'Either make the request satisfy the guard (call through the VPC endpoint, over TLS, with the required encryption header, from the organization), or narrow the Deny — e.g. exempt this principal with an ArnNotLike aws:PrincipalArn condition — if the guard is wrong for it, and apply the edited policy with the service\'s own call (S3: aws s3api put-bucket-policy --bucket {bucket} --policy file://policy.json).',
    commands: [],
    correctPolicy: (ctx) => {
      const views = denyViews(ctx).filter((v) => viewMatched(ctx, v) !== false);
      const v = views[0];
      const who = callerRoleArn(ctx) ?? callerPrincipal(ctx);
      if (!v || !who) return null;
      const doc = withConditionAdded(v.policy, v.st.index, 'ArnNotLike', 'aws:PrincipalArn', who);
      return doc ? { policyIndex: v.policyIndex, policy: doc } : null;
    },
  },
  docs: [DENIED, S3_403],
};

/** The service a role is passed to, from the operation that failed (for iam:PassedToService). */
const PASSED_TO: Record<string, string> = {
  registertaskdefinition: 'ecs-tasks.amazonaws.com', runtask: 'ecs-tasks.amazonaws.com', createservice: 'ecs.amazonaws.com',
  createfunction: 'lambda.amazonaws.com', updatefunctionconfiguration: 'lambda.amazonaws.com',
  runinstances: 'ec2.amazonaws.com', associateiaminstanceprofile: 'ec2.amazonaws.com', replaceiaminstanceprofileassociation: 'ec2.amazonaws.com',
  createlaunchtemplate: 'ec2.amazonaws.com', createlaunchtemplateversion: 'ec2.amazonaws.com',
  createstack: 'cloudformation.amazonaws.com', updatestack: 'cloudformation.amazonaws.com', createchangeset: 'cloudformation.amazonaws.com',
  createstatemachine: 'states.amazonaws.com', updatestatemachine: 'states.amazonaws.com',
  createtrainingjob: 'sagemaker.amazonaws.com', createprocessingjob: 'sagemaker.amazonaws.com', createnotebookinstance: 'sagemaker.amazonaws.com', createmodel: 'sagemaker.amazonaws.com',
  createproject: 'codebuild.amazonaws.com', updateproject: 'codebuild.amazonaws.com', createpipeline: 'codepipeline.amazonaws.com', updatepipeline: 'codepipeline.amazonaws.com',
  putlifecyclehook: 'autoscaling.amazonaws.com', createautoscalinggroup: 'autoscaling.amazonaws.com', updateautoscalinggroup: 'autoscaling.amazonaws.com',
  createcluster: 'eks.amazonaws.com', createnodegroup: 'eks.amazonaws.com', puttargets: 'events.amazonaws.com', createschedule: 'scheduler.amazonaws.com',
  createdeliverystream: 'firehose.amazonaws.com', createcomputeenvironment: 'batch.amazonaws.com', registerjobdefinition: 'batch.amazonaws.com',
  createjob: 'glue.amazonaws.com', createcrawler: 'glue.amazonaws.com', createdatasource: 'datasync.amazonaws.com',
};

function passedToService(ctx: CauseContext): string | null {
  const path = ctx.parsed.target?.arn ?? '';
  const i = path.indexOf('aws-service-role/');
  if (i >= 0) {
    const rest = path.slice(i + 'aws-service-role/'.length);
    const slash = rest.indexOf('/');
    if (slash > 0) return rest.slice(0, slash);
  }
  return PASSED_TO[lower(ctx.parsed.operation)] ?? null;
}

/**
 * Calls that hand a role to a service: a refusal of them whose message does not name the refused
 * action (EC2's UnauthorizedOperation, an encoded message) may be the iam:PassRole check on the role.
 */
const PASSES_ROLE = [
  'ec2:createflowlogs', 'ec2:associateiaminstanceprofile', 'ec2:replaceiaminstanceprofileassociation', 'lambda:createfunction',
  'lambda:updatefunctionconfiguration', 'ecs:registertaskdefinition', 'cloudformation:createstack', 'cloudformation:updatestack',
  'codebuild:createproject', 'codebuild:updateproject', 'glue:createjob', 'glue:updatejob', 'states:createstatemachine',
  'states:updatestatemachine', 'sagemaker:createtrainingjob', 'sagemaker:createnotebookinstance', 'events:puttargets',
  'datapipeline:createpipeline', 'elasticmapreduce:runjobflow', 'batch:createcomputeenvironment', 'eks:createnodegroup', 'eks:createcluster',
];
const INSTANCE_PROFILE_WORDS = ['iaminstanceprofile', 'iam-instance-profile', 'instance profile', 'instance_profile', 'instanceprofile'];
function passesRoleUnnamed(ctx: CauseContext): boolean {
  const op = (ctx.parsed.operation ?? '').toLowerCase();
  // the action, or (when only the operation is known) the listed action with that operation name
  const a = (ctx.parsed.action ?? '').toLowerCase() || (op ? PASSES_ROLE.find((x) => x.endsWith(`:${op}`)) ?? (op === 'runinstances' ? 'ec2:runinstances' : '') : '');
  if (!a) return false;
  const passes = PASSES_ROLE.includes(a) || ((a === 'ec2:runinstances' || a === 'ec2:requestspotinstances' || a === 'autoscaling:createlaunchconfiguration' || a === 'ec2:createlaunchtemplate') && has(ctx, ...INSTANCE_PROFILE_WORDS));
  if (!passes) return false;
  // the message names the refused service action itself: that action, not PassRole, was refused
  return !(ctx.parsed.message ?? '').toLowerCase().includes(a);
}
const mentionsPassRole = (ctx: CauseContext) => actionIs(ctx, 'iam:PassRole') || has(ctx, 'iam:passrole') || passesRoleUnnamed(ctx);

function passRoleHits(ctx: CauseContext) {
  const ids = policiesOf(ctx, 'identity');
  const target = ctx.parsed.target?.arn ?? null;
  const all = statementsFor(ids, 'iam:PassRole', ctx, 'Allow');
  const onRole = all.filter((h) => coversResource(h.statement, target && target.startsWith('arn:') ? target : null) !== false);
  return { ids, all, onRole };
}

const passRole: CauseDefinition = {
  id: 'missing-passrole',
  title: 'The caller may not pass the role to the service (iam:PassRole)',
  summary: 'Handing a role to a service (an ECS task role, a Lambda execution role, an EC2 instance profile, a CloudFormation or CodeBuild service role) needs iam:PassRole on that role in the caller\'s policy — separately from the service action itself. Roles cannot be passed across accounts.',
  family: 'service',
  prior: 0.12,
  specificity: 2,
  refines: ['identity-missing-allow'],
  appliesTo: (ctx) => !notDenial(ctx) && mentionsPassRole(ctx),
  signals: [
    (ctx) => {
      if (actionIs(ctx, 'iam:PassRole')) return sig(30, fromMessage(`The refused action is iam:PassRole on ${ctx.parsed.target?.arn ?? 'the role'}: the ${ctx.parsed.operation ?? 'call'} hands this role to a service.`));
      if (isServiceAssumeFailure(ctx)) return sig(0.1, fromMessage('The service itself failed to assume the role after the call was accepted; a missing iam:PassRole is refused with its own AccessDenied on iam:PassRole instead.'));
      if (has(ctx, 'iam:passrole')) return sig(5, fromMessage('The text names iam:PassRole.'));
      const call = ctx.parsed.action ?? ctx.parsed.operation ?? 'The call';
      return sig(6, fromMessage(`${call} hands a role to the service, and the message does not name which action was refused: besides ${call} itself, the caller needs iam:PassRole on that role (the decoded message or CloudTrail names the action).`));
    },
    (ctx) => {
      const d = ctx.parsed.deny;
      if (d.kind === 'explicit') return sig(0.3, fromMessage(`An explicit Deny${d.policyType ? ` in a ${policyWords(ctx, d.policyType)}` : ''} refuses iam:PassRole: that Deny is the precise cause.`));
      if (d.policyType && d.policyType !== 'identity-based') return sig(0.3, fromMessage(`The message names a ${policyWords(ctx, d.policyType)} as the reason.`));
      return null;
    },
    (ctx) => {
      const c = ctx.parsed.caller?.accountId;
      const t = ctx.parsed.target?.accountId;
      if (c && t && /^\d{12}$/.test(c) && /^\d{12}$/.test(t) && c !== t) return sig(1.5, fromMessage(`The role is in account ${t} and the caller in ${c}: a role can only be passed within its own account.`));
      return null;
    },
    (ctx) => {
      const { ids, all, onRole } = passRoleHits(ctx);
      if (!ids.length) return null;
      const plain = onRole.find((h) => !h.conditional);
      if (plain) return sig(0.05, fromPolicy(`${stmtLabel(plain.statement)} of ${policyLabel(plain.policy.policy, plain.policy.index)} allows iam:PassRole on this role.`, plain.policy.index, plain.statement.index), 'ruled-out');
      const cond = onRole.find((h) => h.conditional);
      if (cond) return sig(0.5, fromPolicy(`${stmtLabel(cond.statement)} allows iam:PassRole on the role only under a condition (e.g. iam:PassedToService${passedToService(ctx) ? ` = ${passedToService(ctx)}` : ''}); if it fails, that condition is the cause.`, cond.policy.index, cond.statement.index));
      const other = all[0];
      const text = other
        ? `${stmtLabel(other.statement)} allows iam:PassRole only on ${(other.statement.resource ?? []).join(', ')}, not on ${ctx.parsed.target?.arn ?? 'this role'}.`
        : `No statement of the pasted identity policies allows iam:PassRole.`;
      const e = fromPolicy(text, other?.policy.index ?? ids[0]!.index, other?.statement.index);
      return actionIs(ctx, 'iam:PassRole') && ctx.parsed.deny.kind !== 'explicit' ? sig(6, e, 'confirmed') : sig(3, e);
    },
  ],
  confirm: [
    { description: 'Does the caller\'s side allow passing this role?', command: 'aws iam simulate-principal-policy --policy-source-arn {callerPrincipalArn} --action-names iam:PassRole --resource-arns {targetArn}' },
    { description: 'The role being passed (path included — iam:PassRole Resource must match it).', command: 'aws iam get-role --role-name {targetRoleName} --query Role.Arn --output text' },
  ],
  fix: {
    description: 'Allow iam:PassRole on exactly this role ARN in the caller\'s policy, optionally limited with an iam:PassedToService condition naming the service that receives it.',
    commands: ['aws iam put-role-policy --role-name {callerRoleName} --policy-name allow-passrole --policy-document file://passrole.json'],
    correctPolicy: (ctx) => {
      const { ids, onRole } = passRoleHits(ctx);
      if (!ids.length || onRole.some((h) => !h.conditional)) return null;
      const arn = ctx.parsed.target?.arn;
      if (!arn || !arn.startsWith('arn:')) return null;
      const svc = passedToService(ctx);
      const st: Record<string, unknown> = { Sid: 'AllowPassRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: arn };
      if (svc && !arn.includes('aws-service-role/')) st.Condition = { StringEquals: { 'iam:PassedToService': svc } };
      const doc = withStatementAdded(ids[0]!.policy, st);
      return doc ? { policyIndex: ids[0]!.index, policy: doc } : null;
    },
  },
  docs: [PASSROLE],
};

const S3_READS = ['s3:getobject', 's3:getobjectversion', 's3:headobject', 's3:getobjectattributes', 's3:getobjecttagging'];
const S3_READ_OPS = ['getobject', 'headobject', 'getobjectattributes', 'getobjectversion'];
const SSM_READS = ['ssm:getparameter', 'ssm:getparameters', 'ssm:getparametersbypath', 'ssm:getparameterhistory'];

/**
 * `arn:aws:ssm:<region>:<account>:*` — an SSM read whose resource is the account wildcard rather than
 * `…:parameter/<name>`: the name did not resolve to a parameter, so the denial hides a missing or
 * misnamed parameter (threads where this form appeared: a wrong parameter name, an invalid path).
 */
function unresolvedSsmTarget(arn: string | undefined): boolean {
  if (!arn?.startsWith('arn:') || !arn.endsWith(':*')) return false;
  const parts = arn.split(':');
  return parts.length === 6 && parts[2] === 'ssm' && parts[5] === '*';
}
/** Strong enough to rank the missing parameter beside the permission causes, not to settle it. */
const SSM_UNRESOLVED_WEIGHT = 25;
/**
 * A lambda:GetLayerVersion refusal that names no policy type and no account of the caller's own: a layer version
 * missing in that Region (or not shared) is the common reading, ranked with the caller's missing Allow, not settled.
 */
const LAYER_MASK_WEIGHT = 25;

function maskKind(ctx: CauseContext): 's3' | 'ssm' | 'apigw' | 'lambda-layer' | null {
  if (ctx.parsed.shape === 'apigw-missing-auth-token') return 'apigw';
  const a = action(ctx);
  const op = operation(ctx);
  if (a === 'lambda:getlayerversion' || op === 'getlayerversion') return 'lambda-layer';
  if (S3_READS.includes(a) || S3_READ_OPS.includes(op)) return 's3';
  if (SSM_READS.includes(a) || op.startsWith('getparameter')) return 'ssm';
  if (has(ctx, 'headobject') && has(ctx, '403')) return 's3';
  return null;
}

/** The one bucket the pasted policies of `kind` name in their Resource (`arn:aws:s3:::b`, `arn:aws:s3:::b/*`), else null. */
function onlyBucketOf(ctx: CauseContext, kind: 'resource' | 'identity'): string | null {
  let found: string | null = null;
  for (const { policy } of policiesOf(ctx, kind)) {
    for (const st of policy.statements) {
      if (kind === 'identity' && (st.effect !== 'Allow' || !coversAction(st, 's3:GetObject'))) continue;
      for (const r of st.resource ?? []) {
        if (!r.startsWith('arn:aws:s3:::') && !r.startsWith('arn:aws-cn:s3:::') && !r.startsWith('arn:aws-us-gov:s3:::')) continue;
        const rest = r.slice(r.indexOf(':::') + 3);
        const name = rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest;
        if (!name || name.includes('*') || name.includes('?') || name.includes('$')) return null; // a pattern: which bucket is not known
        if (found && found !== name) return null;
        found = name;
      }
    }
  }
  return found;
}

/**
 * An unconditional identity-policy Allow of s3:ListBucket on the bucket read: the bucket the message or
 * command names, else the one bucket the pasted bucket policy is about, else the one bucket the pasted
 * identity policies allow reading objects of (S3's bare 403 names none).
 */
function listBucketAllowed(ctx: CauseContext): { hit: StatementHit; bucket: string; inferred: string | null } | null {
  const ids = policiesOf(ctx, 'identity');
  if (!ids.length) return null;
  let bucket = ctx.facts.bucket ?? null;
  let inferred: string | null = null;
  if (!bucket) {
    bucket = onlyBucketOf(ctx, 'resource');
    inferred = bucket ? 'the bucket the pasted bucket policy is about' : null;
  }
  if (!bucket && !policiesOf(ctx, 'resource').length) {
    bucket = onlyBucketOf(ctx, 'identity');
    inferred = bucket ? 'the only bucket whose objects the pasted identity policies allow reading' : null;
  }
  if (!bucket) return null;
  const arn = `arn:${ctx.facts.partition ?? 'aws'}:s3:::${bucket}`;
  const hit = statementsFor(ids, 's3:ListBucket', ctx, 'Allow', arn).find((h) => !h.conditional && h.match !== 'unknown');
  return hit ? { hit, bucket, inferred } : null;
}

/** KMS's answer about a key ("… a customer master key that does not exist, does not exist in this region, or you are not allowed to access"): its "does not exist" is about the key, not the resource. */
const KMS_KEY_ANSWER = ['customer master key that does not exist', 'does not exist in this region', 'ciphertext references a key that'];

const masked: CauseDefinition = {
  id: 'resource-missing-masked',
  title: 'The resource does not exist, and the service answers AccessDenied instead of "not found"',
  summary: 'Some services hide whether a resource exists: S3 answers 403 for a missing key when the caller may not s3:ListBucket the bucket, Parameter Store can answer AccessDenied for a parameter name that does not exist, and Lambda refuses lambda:GetLayerVersion for a layer version that does not exist in the Region. A typo in the key, name or ARN looks like a permission problem.',
  family: 'service',
  prior: 0.06,
  specificity: 1,
  // S3 reads are S3 calls; ssm:GetParameter* actions and GetParameter* operations are in the paste
  gate: { keys: ['s3'], phrases: ['getparameter', 'headobject', 'missing authentication token', 'getlayerversion'] },
  appliesTo: (ctx) => !notDenial(ctx) && maskKind(ctx) !== null,
  signals: [
    (ctx) => {
      const kind = maskKind(ctx);
      const d = ctx.parsed.deny;
      if (kind === 'apigw') {
        return sig(20, fromMessage('API Gateway answers "Missing Authentication Token" for a URL that matches no deployed resource and method: a wrong path, HTTP method or stage, or changes not yet deployed (an IAM-authorized method answers it too when the request is not signed).'));
      }
      if (kind === 'lambda-layer') {
        // Lambda answers a layer version it cannot show you the same way whether it is missing or not shared
        if (d.kind === 'explicit') return sig(0.1, fromMessage('An explicit Deny refused lambda:GetLayerVersion; a missing layer version is not the reason.'));
        if (d.policyType === 'identity-based') return sig(0.3, fromMessage(`AWS names a ${policyWords(ctx, d.policyType)} as the reason: the caller's own policy lacks lambda:GetLayerVersion.`));
        if (d.policyType) return sig(0.8, fromMessage('Lambda gives this same answer for a layer version that does not exist in that Region as for one not shared with the caller.'));
        const words = 'Lambda refuses lambda:GetLayerVersion in these words for a layer version that does not exist where it looked — layers are Regional, so a layer ARN from another Region, a deleted version or a wrong version number — as well as for one not shared with your account';
        // a layer of the caller's own account needs only the caller's Allow; most layers are published by another account
        if (crossAccount(ctx) === false) return sig(2, fromMessage(`${words}; the layer is in the caller's own account, where a missing Allow is as likely.`));
        return sig(LAYER_MASK_WEIGHT, fromMessage(`${words}: check the layer ARN's Region and version first.`));
      }
      if (kind === 's3') {
        if (d.kind === 'explicit') return sig(0.1, fromMessage('An explicit Deny refused the read; a missing key is not the reason.'));
        if (d.policyType) return sig(0.3, fromMessage(`AWS names a ${policyWords(ctx, d.policyType)} as the reason.`));
        if (has(ctx, ...KMS_KEY_ANSWER)) return sig(0.3, fromMessage('The answer is KMS\'s, about the object\'s encryption key: S3 found the object and could not use its key.'));
        return sig(2.5, fromMessage('S3 returns 403 instead of 404 for a key that does not exist when the caller lacks s3:ListBucket on the bucket — check the key exists.'));
      }
      if (d.kind === 'explicit') return sig(0.1, fromMessage('An explicit Deny refused the read.'));
      return sig(1, fromMessage('Parameter Store can answer AccessDenied for a parameter that does not exist — check the exact name and path.'));
    },
    (ctx) => (maskKind(ctx) === 'ssm' && ctx.parsed.deny.kind !== 'explicit' && unresolvedSsmTarget(ctx.parsed.target?.arn ?? undefined)
      ? sig(SSM_UNRESOLVED_WEIGHT, fromMessage(`The resource AWS names, ${ctx.parsed.target?.arn}, is no parameter ARN: Parameter Store did not resolve the name it was given to a parameter (it does not exist, or the name or path is malformed) — check the exact name before the permissions.`))
      : null),
    (ctx) => (has(ctx, 'nosuchkey', 'not found', 'parameternotfound') || (has(ctx, 'does not exist') && !has(ctx, ...KMS_KEY_ANSWER))
      ? sig(10, fromMessage('The text says the object or parameter was not found.'))
      : null),
    (ctx) => {
      if (maskKind(ctx) !== 's3') return null;
      const found = listBucketAllowed(ctx);
      if (!found) return null;
      const { hit, bucket, inferred } = found;
      const which = inferred ? `${bucket} (${inferred})` : bucket;
      return sig(0.05, fromPolicy(`${stmtLabel(hit.statement)} of ${policyLabel(hit.policy.policy, hit.policy.index)} allows s3:ListBucket on ${which}: with that permission S3 answers 404 (NoSuchKey) for a missing key, not 403.`, hit.policy.index, hit.statement.index), 'ruled-out');
    },
    (ctx) => {
      if (ctx.evaluation?.decision === 'allow' && ctx.policies.length) {
        return sig(5, fromPolicy('The pasted policies allow this read; a missing or misnamed object/parameter would explain the refusal.', 0));
      }
      // the engine leaves the decision open (a policy type was not pasted) but every pasted policy allows
      const pe = ctx.evaluation?.policies ?? [];
      if (ctx.evaluation?.decision === 'unknown' && pe.length && pe.every((p) => p.verdict === 'allow')) {
        return sig(4, fromPolicy('Every pasted policy allows this read; a missing or misnamed object/parameter would explain the refusal.', 0));
      }
      return null;
    },
  ],
  confirm: [
    { description: 'Does the key exist? (List the prefix with credentials that may list the bucket.)', command: 'aws s3api list-objects-v2 --bucket {bucket} --prefix {objectKey} --max-items 5', when: (ctx) => maskKind(ctx) === 's3' },
    { description: 'Which resources and methods does the API have? (Compare with the URL\'s path and method.)', command: "aws apigateway get-resources --rest-api-id {apiId} --region {region} --query 'items[].[path,join(`,`,keys(resourceMethods||`{}`))]' --output text", when: (ctx) => maskKind(ctx) === 'apigw' },
    { description: 'Which stages are deployed? (The URL\'s first path segment must be one.)', command: "aws apigateway get-stages --rest-api-id {apiId} --region {region} --query 'item[].[stageName,deploymentId]' --output text", when: (ctx) => maskKind(ctx) === 'apigw' },
    { description: 'Does the parameter exist under exactly this name?', command: 'aws ssm describe-parameters --parameter-filters Key=Name,Option=Contains,Values={targetName} --query \'Parameters[].Name\'', when: (ctx) => maskKind(ctx) === 'ssm' },
    { description: 'Does this layer version exist in the function\'s Region? (Run it with credentials of the layer\'s account to tell a missing version from one not shared.)', command: 'aws lambda get-layer-version-by-arn --arn <layer-version-arn> --region <function-region>', when: (ctx) => maskKind(ctx) === 'lambda-layer' },
  ],
  fix: {
    description: 'Use the exact existing key or parameter name (paths are case-sensitive; SSM names start with /). For S3, granting s3:ListBucket on the bucket makes S3 answer 404 for missing keys, which tells the two cases apart. For API Gateway, call a deployed stage, path and method exactly as defined, and deploy the API after changing it. For a Lambda layer, use a version that exists in the function\'s own Region (publish a copy there if the layer is published elsewhere only).',
    // an S3 command only for S3: a Parameter Store refusal got `aws s3api head-object --bucket <bucket>`
    commands: [
      { command: 'aws s3api head-object --bucket {bucket} --key {objectKey}', when: (ctx) => maskKind(ctx) === 's3' },
      { command: 'aws apigateway create-deployment --rest-api-id {apiId} --stage-name <stage> --region {region}', when: (ctx) => maskKind(ctx) === 'apigw' },
    ],
  },
  docs: [S3_403, 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html'],
};

export const causes: CauseDefinition[] = [missingGrant, explicitDeny, passRole, masked];
