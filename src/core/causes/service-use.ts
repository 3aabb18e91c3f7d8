/**
 * A service's onward call for the caller was refused, and the service reports it in its own words with no
 * IAM action (docs/decisions/019, the general form of 018's KMS use): Lambda "does not have permission to
 * access the ECR image" (Lambda pulls the image with ecr:BatchGetImage / ecr:GetDownloadUrlForLayer under
 * its service principal), Athena "Permission denied on S3 path: s3://…" (Athena reads S3 with the caller's
 * credentials from its own network), Lambda "The provided execution role does not have permissions to call
 * CreateNetworkInterface on EC2" (the execution role's own call), EKS Pod Identity "does not have permissions to
 * assume the associated role" (pods.eks.amazonaws.com's sts:AssumeRole with sts:TagSession, docs/decisions/021), Elastic Load
 * Balancing "principal does not have permission to invoke" a Lambda target (elasticloadbalancing.amazonaws.com's
 * lambda:InvokeFunction, which the function's resource policy must allow).
 * Unlike a refused KMS use, the resource
 * policy people paste here is the onward resource's (the repository's, the bucket's), so the onward call is
 * what the pasted policies are evaluated for: `withServiceUse` gives the evaluation and the causes a view of
 * the parsed error with that action, resource and principal, as withS3Target does for S3's bare 403. The
 * parser's own output is left as the parser made it. KMS stays with kms-use.ts (its pasted resource policy is
 * the service's, not the key's).
 */
import type { Caller, ContextValue, ParsedError, Target } from '../types.js';
import { parseTarget } from '../parse/arn.js';

export interface ServiceUse {
  /** The service that made the onward call (`lambda`, `athena`). */
  via: string;
  /** The onward call's IAM action, as people write it. */
  action: string;
  /** Further actions the same step needs (shown in evidence, not evaluated). */
  also: string[];
  /** The onward call's resource when the text names it, else null. */
  target: Target | null;
  /** The service principal that made the call, or null when it used the caller's (or a role's) credentials. */
  servicePrincipal: string | null;
  /** The service-linked role that made the call with its fixed permissions (`AWSServiceRoleForAutoScaling`), when the message names none. */
  serviceRole?: string;
  /** Condition keys the onward request carries, and keys it never carries. */
  context: Record<string, ContextValue>;
  absent: string[];
  /** The AWS page that says so. */
  doc: string;
}

export const LAMBDA_IMAGE_DOC = 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#configuration-images-xaccount-permissions';
export const ATHENA_S3_DOC = 'https://docs.aws.amazon.com/athena/latest/ug/s3-permissions.html';
const ATHENA_WRITE = 'access denied when writing output to url: s3://';
export const LAMBDA_ROLE_DOC = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html';
export const ASG_KEY_DOC = 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html';
export const ASG_SLR = 'AWSServiceRoleForAutoScaling';
export const EBS_KEY_DOC = 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html';
/** The paste is Auto Scaling's (its activities, its group, its service-linked role), not an instance someone launched. */
const AUTO_SCALING_WORDS = ['autoscaling', 'auto scaling', 'launching a new ec2 instance', 'scaling-activities', ASG_SLR.toLowerCase()];
export const ELB_LAMBDA_DOC = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html';
export const POD_IDENTITY_DOC = 'https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html';
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';
export const ECR_LAYER_DOC = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-setting-up-s3-gateway';
/** The session tags EKS Pod Identity attaches unless the association disables them (EKS User Guide, pod-id-abac). */
export const POD_IDENTITY_TAGS = ['eks-cluster-arn', 'eks-cluster-name', 'kubernetes-namespace', 'kubernetes-service-account', 'kubernetes-pod-name', 'kubernetes-pod-uid'];

/** The caller is EC2 Auto Scaling's service-linked role (default or custom-suffix name), whose permissions cannot be changed. */
export function isAutoScalingSlr(caller: Caller | null | undefined): boolean {
  if (!caller) return false;
  return [caller.name, caller.arn, caller.roleArn].some((v) => !!v && (v.includes(ASG_SLR) || v.includes('/aws-service-role/autoscaling.amazonaws.com/')));
}

/** Keys only a request through a VPC endpoint carries: Athena's requests to S3 come from Athena's network (Athena docs). */
const VPC_KEYS = ['aws:SourceVpce', 'aws:SourceVpc', 'aws:SourceVpcArn', 'aws:VpcSourceIp'];

/** Service names as Lambda prints them in "… to call X on Y" → IAM prefix. */
const SERVICE_PREFIX: Record<string, string> = {
  ec2: 'ec2', sqs: 'sqs', sns: 'sns', kinesis: 'kinesis', dynamodb: 'dynamodb', kafka: 'kafka', mq: 'mq', s3: 's3', logs: 'logs', cloudwatchlogs: 'logs',
};

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const OP_NAME = /^[A-Z][A-Za-z0-9]{2,80}$/;

/** The text after `from` up to whitespace or a quote, bounded. */
function tokenAt(text: string, from: number, max = 2048): string {
  let j = from;
  while (j < text.length && j - from < max && !' \t\r\n"\'`,;)<>'.includes(text[j] as string)) j++;
  return text.slice(from, j);
}

/** The ECR repository of an image URI in the text (`<acct>.dkr.ecr.<region>.amazonaws.com/<repo>[:tag|@digest]`). */
function repositoryOf(text: string, lower: string): Target | null {
  const i = lower.indexOf('.dkr.ecr.');
  if (i < 12) return null;
  const account = text.slice(i - 12, i);
  if (!/^\d{12}$/.test(account)) return null;
  const rest = tokenAt(text, i + 9, 512); // <region>.amazonaws.com[.cn]/<repo>…
  const dot = rest.indexOf('.');
  const slash = rest.indexOf('/');
  if (dot <= 0 || slash <= dot) return null;
  const region = rest.slice(0, dot);
  let repo = rest.slice(slash + 1);
  const cut = repo.search(/[:@]/);
  if (cut >= 0) repo = repo.slice(0, cut);
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region) || !/^[a-z0-9][a-z0-9._/-]{0,255}$/.test(repo)) return null;
  const partition = rest.includes('.amazonaws.com.cn/') ? 'aws-cn' : 'aws';
  return {
    arn: `arn:${partition}:ecr:${region}:${account}:repository/${repo}`, accountId: account, partition, service: 'ecr', region,
    resourceType: 'repository', name: repo, fromContext: true,
  };
}

/** The value of the first `"field": "value"` (JSON) or `field: value` (YAML, at a line's start) pair, bounded; null when absent. */
function fieldValue(text: string, lower: string, field: string): string | null {
  const f = field.toLowerCase();
  const i = lower.indexOf(`"${f}"`);
  let y = -1;
  if (i < 0) {
    // YAML: the field at the start of a line, after its indentation
    for (let at = lower.indexOf(`${f}:`); at >= 0 && y < 0; at = lower.indexOf(`${f}:`, at + 1)) {
      let b = at - 1;
      while (b >= 0 && (lower[b] === ' ' || lower[b] === '\t')) b--;
      if (b < 0 || lower[b] === '\n') y = at;
    }
  }
  if (i < 0 && y < 0) return null;
  let k = i >= 0 ? i + f.length + 2 : y + f.length;
  const end = Math.min(text.length, k + 16);
  while (k < end && ' \t:'.includes(text[k] as string)) k++;
  if (text[k] === '"') k++;
  const v = tokenAt(text, k, 2048);
  return v || null;
}

/** A role ARN as a Target (the parser's own reading of it), or null when the value is not one. */
function roleTarget(arn: string | null): Target | null {
  if (!arn || !/^arn:aws[a-z-]{0,20}:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(arn)) return null;
  return { ...parseTarget(arn).target, fromContext: true };
}

/**
 * EKS Pod Identity's AssumeRole for the pod (EKS User Guide, "Create IAM role with trust policy required by EKS Pod
 * Identity"): pods.eks.amazonaws.com calls sts:AssumeRole on the associated role, with sts:TagSession for the six
 * session tags it attaches unless the association shows disableSessionTags true. The role is the association's
 * roleArn when the text shows one (describe-pod-identity-association); with a targetRoleArn the refusal may be the
 * second hop, made by the first role's session, so nothing is modelled.
 */
function podIdentity(text: string, lower: string): ServiceUse | null {
  if (lower.includes('"targetrolearn": "arn:') || lower.includes('targetrolearn: arn:')) return null;
  const disabled = /"?disablesessiontags"?\s{0,4}:\s{0,4}true/.test(lower.slice(0, 200_000));
  const context: Record<string, ContextValue> = {};
  if (!disabled) {
    context['aws:TagKeys'] = [...POD_IDENTITY_TAGS];
    // the values the association shows; the pod's name and uid stay unknown
    const shown: Array<[string, string | null]> = [
      ['eks-cluster-name', fieldValue(text, lower, 'clusterName')],
      ['kubernetes-namespace', fieldValue(text, lower, 'namespace')],
      ['kubernetes-service-account', fieldValue(text, lower, 'serviceAccount')],
    ];
    for (const [k, v] of shown) if (v && /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/.test(v)) context[`aws:RequestTag/${k}`] = v;
  }
  // the cluster's account is the request's aws:SourceAccount (EKS User Guide, pod-id-role: the confused-deputy keys)
  const accounts = new Set<string>();
  const eksArn = /arn:aws[a-z-]{0,20}:eks:[a-z0-9-]{1,30}:(\d{12}):(?:cluster|podidentityassociation)\//g;
  for (let m = eksArn.exec(text), n = 0; m && n < 20; m = eksArn.exec(text), n++) accounts.add(m[1]!);
  if (accounts.size === 1) context['aws:SourceAccount'] = [...accounts][0]!;
  return {
    via: 'eks-pod-identity', action: 'sts:AssumeRole', also: disabled ? [] : ['sts:TagSession'], target: roleTarget(fieldValue(text, lower, 'roleArn')),
    servicePrincipal: POD_IDENTITY_PRINCIPAL, context, absent: disabled ? ['aws:TagKeys'] : [], doc: POD_IDENTITY_DOC,
  };
}

const POD_IDENTITY_REFUSAL = 'does not have permissions to assume the associated role';
const ROLES_ANYWHERE_REFUSAL = 'unable to assume role for arn:';
export const ROLES_ANYWHERE_DOC = 'https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html';
export const ROLES_ANYWHERE_PRINCIPAL = 'rolesanywhere.amazonaws.com';

/** `C = DE, O = Acme, CN = host` / `CN=host,OU=x` → attribute → value (the first of each), or null. */
function distinguishedName(line: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of line.split(/,(?![^,=]*\\)/).slice(0, 20)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (/^(?:CN|OU|O|C|L|ST|DC|emailAddress)$/.test(k) && v && v.length <= 256 && !(k in out)) out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

/** The one certificate subject (or issuer) the text prints (openssl's `subject=…`, a `subject: CN=…` note), or null. */
function certificateName(text: string, lower: string, field: 'subject' | 'issuer'): Record<string, string> | null {
  const seen = new Map<string, Record<string, string>>();
  for (let i = lower.indexOf(field), n = 0; i >= 0 && n < 20; i = lower.indexOf(field, i + field.length), n++) {
    const m = /^[ \t]{0,4}[=:][ \t]{0,4}([^\r\n]{3,600})/.exec(text.slice(i + field.length, i + field.length + 620));
    if (!m || (i > 0 && /[\w-]/.test(lower[i - 1] as string))) continue;
    const dn = distinguishedName(m[1]!);
    if (dn?.CN) seen.set(JSON.stringify(dn), dn);
  }
  return seen.size === 1 ? [...seen.values()][0]! : null;
}

/**
 * IAM Roles Anywhere's refusal of CreateSession as the credential helper prints it ("AccessDeniedException: Unable to
 * assume role for arn:aws:iam::…:role/…"): rolesanywhere.amazonaws.com calls sts:AssumeRole on the role with
 * sts:TagSession and sts:SetSourceIdentity, which the trust must allow (Roles Anywhere User Guide, "Trust model",
 * "Authentication mechanism"); the session's source identity is the certificate's subject CN and its principal tags
 * are the subject's and issuer's attributes (aws:PrincipalTag/x509Subject/CN …), the trust anchor is aws:SourceArn.
 * Values only as the text shows them (openssl's subject= / issuer= lines, --trust-anchor-arn). Null outside a Roles
 * Anywhere paste or without the role's ARN.
 */
function rolesAnywhere(text: string, lower: string): ServiceUse | null {
  if (!lower.includes('rolesanywhere') && !lower.includes('aws_signing_helper')) return null;
  const at = lower.indexOf(ROLES_ANYWHERE_REFUSAL);
  const target = roleTarget(tokenAt(text, at + ROLES_ANYWHERE_REFUSAL.length - 4, 600).replace(/[.:]$/, ''));
  if (!target) return null;
  const context: Record<string, ContextValue> = {};
  const tagKeys: string[] = [];
  const subject = certificateName(text, lower, 'subject');
  const issuer = certificateName(text, lower, 'issuer');
  for (const [prefix, dn] of [['x509Subject', subject], ['x509Issuer', issuer]] as const) {
    for (const [k, v] of Object.entries(dn ?? {})) { context[`aws:PrincipalTag/${prefix}/${k}`] = v; tagKeys.push(`${prefix}/${k}`); }
  }
  if (tagKeys.length) context['aws:TagKeys'] = tagKeys;
  if (subject?.CN) context['sts:SourceIdentity'] = subject.CN;
  const anchors = new Set<string>();
  const anchor = /arn:aws[a-z-]{0,20}:rolesanywhere:[a-z0-9-]{1,30}:\d{12}:trust-anchor\/[0-9a-f-]{36}/g;
  for (let m = anchor.exec(text), n = 0; m && n < 20; m = anchor.exec(text), n++) anchors.add(m[0]);
  if (anchors.size === 1) context['aws:SourceArn'] = [...anchors][0]!;
  return {
    via: 'rolesanywhere', action: 'sts:AssumeRole', also: ['sts:TagSession', 'sts:SetSourceIdentity'], target,
    servicePrincipal: ROLES_ANYWHERE_PRINCIPAL, context, absent: [], doc: ROLES_ANYWHERE_DOC,
  };
}
const lower_ = (s: string | null | undefined): string => (s ?? '').toLowerCase();

/** An S3 target for an `s3://bucket[/key]` URL at `at`, with the action reading it needs. */
function s3Read(text: string, at: number): { action: string; target: Target } | null {
  let tok = tokenAt(text, at, 1100);
  while (tok.endsWith('.') || tok.endsWith(':')) tok = tok.slice(0, -1); // sentence punctuation after the path
  const slash = tok.indexOf('/');
  const bucket = slash >= 0 ? tok.slice(0, slash) : tok;
  const key = slash >= 0 ? tok.slice(slash + 1) : '';
  if (!BUCKET_NAME.test(bucket)) return null;
  // a prefix (a table's or partition's folder) is listed; an object is read
  const onBucket = !key || key.endsWith('/');
  const action = onBucket ? 's3:ListBucket' : 's3:GetObject';
  const arn = onBucket ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`;
  return {
    action,
    target: { arn, accountId: null, partition: 'aws', service: 's3', region: null, resourceType: onBucket ? 'bucket' : 'object', name: onBucket ? bucket : key, fromContext: true },
  };
}

export const CLOUDFRONT_OAC_DOC = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html';
const CF_URL = /https:\/\/[a-z0-9]{1,40}\.cloudfront\.net\/([^\s"'<>?#]{1,1024})/g;
const S3_HOST_REST = /^(?:[.-][a-z0-9-]{1,30})?\.amazonaws\.com(?![a-z0-9-])/;

/** The one bucket named as an S3 origin host (`<bucket>.s3[.<region>].amazonaws.com`) in `lower`, or null (none, several). */
function s3OriginBucket(lower: string): string | null {
  let found: string | null = null;
  for (let i = lower.indexOf('.s3'), n = 0; i >= 0 && n < 20; i = lower.indexOf('.s3', i + 3), n++) {
    if (!S3_HOST_REST.test(lower.slice(i + 3, i + 50))) continue;
    let j = i;
    while (j > 0 && i - j < 63 && /[a-z0-9.-]/.test(lower[j - 1]!)) j--;
    const bucket = lower.slice(j, i);
    if (!BUCKET_NAME.test(bucket)) continue;
    if (found !== null && found !== bucket) return null;
    found = bucket;
  }
  return found;
}

/** The one distinct first capture of `re` in `s` (at most 20 looked at), or null when none or several. */
function oneCapture(re: RegExp, s: string): string | null {
  let found: string | null = null;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; (m = re.exec(s)) !== null && n < 20; n++) {
    const v = m[1] ?? '';
    if (found !== null && found !== v) { re.lastIndex = 0; return null; }
    found = v;
  }
  re.lastIndex = 0;
  return found;
}

/**
 * S3's AccessDenied relayed by CloudFront (the response shows `x-cache: Error from cloudfront` and `server: AmazonS3`):
 * S3 refused CloudFront's origin request, an s3:GetObject of the URL's path in the origin bucket. With origin access
 * control CloudFront signs it as the service principal cloudfront.amazonaws.com, which the bucket policy must allow
 * (with AWS:SourceArn the distribution) — CloudFront Developer Guide, "Restrict access to an Amazon S3 origin". Null
 * unless the paste names one CloudFront URL path and one S3 origin bucket; the principal only when it says origin
 * access control.
 */
function cloudFrontOrigin(src: string, lower: string): ServiceUse | null {
  const key = oneCapture(CF_URL, src);
  const bucket = s3OriginBucket(lower);
  if (!key || !bucket) return null;
  const oac = lower.includes('origin access control') || /\boac\b/.test(lower);
  const arn = `arn:aws:s3:::${bucket}/${key}`;
  return {
    via: 'cloudfront', action: 's3:GetObject', also: [],
    target: { arn, accountId: null, partition: 'aws', service: 's3', region: null, resourceType: 'object', name: key, fromContext: true },
    servicePrincipal: oac ? 'cloudfront.amazonaws.com' : null, context: {}, absent: [], doc: CLOUDFRONT_OAC_DOC,
  };
}

const ELB_CANNOT_INVOKE = 'elasticloadbalancing principal does not have permission to invoke';

/**
 * Elastic Load Balancing's refusal to register a Lambda target ("elasticloadbalancing principal does not have
 * permission to invoke <function> from target group <target group>", answered to RegisterTargets or CreateTargetGroup):
 * ELB checks that elasticloadbalancing.amazonaws.com may call lambda:InvokeFunction on the function, which only the
 * function's resource-based policy can allow, with aws:SourceArn the target group and aws:SourceAccount its account
 * (ELB User Guide, "Lambda functions as targets"). Null when the sentence is not the parsed message's.
 */
function elbInvoke(parsed: ParsedError): ServiceUse | null {
  const msg = parsed.message ?? '';
  const at = msg.toLowerCase().indexOf(ELB_CANNOT_INVOKE);
  if (at < 0) return null;
  const fn = tokenAt(msg, at + ELB_CANNOT_INVOKE.length + 1, 512);
  const fnTarget = /^arn:aws[a-z-]{0,20}:lambda:[a-z0-9-]{1,30}:\d{12}:function:[A-Za-z0-9_-]{1,140}(?::[A-Za-z0-9$_-]{1,128})?$/.test(fn)
    ? { ...parseTarget(fn).target, fromContext: true } : null;
  const from = msg.toLowerCase().indexOf(' from target group ', at);
  const tg = from >= 0 ? tokenAt(msg, from + 19, 512) : '';
  const context: Record<string, ContextValue> = {};
  const m = /^arn:aws[a-z-]{0,20}:elasticloadbalancing:[a-z0-9-]{1,30}:(\d{12}):targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{1,32}$/.exec(tg);
  if (m) {
    context['aws:SourceArn'] = tg;
    context['aws:SourceAccount'] = m[1]!;
  }
  return {
    via: 'elasticloadbalancing', action: 'lambda:InvokeFunction', also: [], target: fnTarget, servicePrincipal: 'elasticloadbalancing.amazonaws.com',
    context, absent: [], doc: ELB_LAMBDA_DOC,
  };
}

export const ROTATION_INVOKE_DOC = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot_rotation.html';
export const LOGS_INVOKE_DOC = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html#LambdaFunctionExample';

/**
 * Other services' check that their service principal may invoke the Lambda function they were handed, in their own
 * words and naming no function: Secrets Manager turning on rotation ("Secrets Manager cannot invoke the specified
 * Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com",
 * Secrets Manager User Guide, troubleshoot rotation) and CloudWatch Logs creating a subscription filter ("Could not
 * execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function",
 * CloudWatch Logs User Guide: `aws lambda add-permission --principal logs.amazonaws.com`). As for ELB, only the
 * function's resource-based policy can allow it. `via` is the service whose call was answered.
 */
const SERVICE_INVOKES: Array<{ words: string; via: string; principal: string; doc: string }> = [
  { words: 'secrets manager cannot invoke the specified lambda function', via: 'secretsmanager', principal: 'secretsmanager.amazonaws.com', doc: ROTATION_INVOKE_DOC },
  { words: 'could not execute the lambda function. make sure you have given cloudwatch logs permission', via: 'logs', principal: 'logs.amazonaws.com', doc: LOGS_INVOKE_DOC },
];

function serviceInvoke(parsed: ParsedError, act: string): ServiceUse | null {
  const msg = (parsed.message ?? '').toLowerCase();
  for (const x of SERVICE_INVOKES) {
    // the action the parser read: the invoke itself, none, or the answered call's own (RotateSecret, PutSubscriptionFilter)
    if (act && act !== 'lambda:invokefunction' && !act.startsWith(`${x.via}:`)) continue;
    if (!msg.includes(x.words)) continue;
    return { via: x.via, action: 'lambda:InvokeFunction', also: [], target: null, servicePrincipal: x.principal, context: {}, absent: [], doc: x.doc };
  }
  return null;
}

const LAYER_HOST = '-starport-layer-bucket.s3.';

/** Amazon ECR's own layer bucket (prod-<region>-starport-layer-bucket): its policy is AWS's, nobody else's to change. */
export function isEcrLayerBucket(arn: string | null | undefined): boolean {
  return !!arn && /^arn:aws[a-z-]{0,20}:s3:::prod-[a-z]{2}(?:-[a-z]{2,10}){1,3}-\d-starport-layer-bucket(?:\/|$)/.test(arn);
}

/**
 * An image pull whose layer download was refused by S3 (docs/decisions/026): Amazon ECR serves image layers from the
 * AWS-managed bucket prod-<region>-starport-layer-bucket, and a container runtime that gets `403 Forbidden` (or
 * `status code 403`) from a URL on that bucket was refused the download itself, after the registry's own calls
 * succeeded. The request is not signed with the task's or node's credentials: ECR's user guide names the S3 gateway
 * endpoint policy as what must allow the bucket ("Minimum Amazon S3 bucket permissions for Amazon ECR"). Null
 * without such a URL next to a 403.
 */
function ecrLayer(text: string, lower: string): ServiceUse | null {
  const at = lower.indexOf(LAYER_HOST);
  if (at < 0) return null;
  const start = lower.lastIndexOf('https://', at);
  if (start < 0 || at - start > 40) return null;
  const bucket = lower.slice(start + 8, at + LAYER_HOST.length - 4); // prod-<region>-starport-layer-bucket
  if (!/^prod-[a-z]{2}(?:-[a-z]{2,10}){1,3}-\d-starport-layer-bucket$/.test(bucket)) return null;
  const url = tokenAt(text, start, 4096);
  const after = lower.slice(start + url.length, start + url.length + 40);
  if (!/^:? ?(?:403\b|status code 403|http 403)/.test(after) && !/\b403 forbidden\b/.test(after)) return null;
  const slash = url.indexOf('/', 8);
  const q = url.indexOf('?');
  const key = slash >= 0 ? url.slice(slash + 1, q > slash ? q : url.length) : '';
  const target: Target = {
    arn: `arn:aws:s3:::${bucket}${key ? `/${key}` : '/*'}`, accountId: null, partition: 'aws', service: 's3', region: null,
    resourceType: 'object', name: key || null, fromContext: true,
  };
  return { via: 'ecr-layer', action: 's3:GetObject', also: [], target, servicePrincipal: 'ecr.amazonaws.com', context: {}, absent: [], doc: ECR_LAYER_DOC };
}

export const EVENTBRIDGE_DLQ_DOC = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-event-delivery.html#eb-rule-dlq';
export const EVENTBRIDGE_TARGET_DOC = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html';
/** Targets EventBridge delivers to under its service principal, which the target's resource-based policy must allow. */
const EVENTBRIDGE_DELIVERY: Record<string, string> = { sqs: 'sqs:SendMessage', sns: 'sns:Publish', lambda: 'lambda:InvokeFunction' };

/** The ARN after a dead-letter message attribute's name (`"RULE_ARN": { "StringValue": "arn:…"`), bounded; null when absent. */
function attributeArn(text: string, name: string): string | null {
  const at = text.indexOf(name);
  if (at < 0) return null;
  const arn = text.indexOf('arn:', at + name.length);
  if (arn < 0 || arn - at > 200) return null;
  const v = tokenAt(text, arn, 1600);
  return /^arn:aws[a-z-]{0,20}:[a-z0-9-]{1,40}:[a-z0-9-]{0,30}:\d{12}:[^\s]{1,1500}$/.test(v) ? v : null;
}

/**
 * An EventBridge dead-letter message (EventBridge User Guide, "Using dead-letter queues to process undelivered
 * events": EventBridge adds the attributes RULE_ARN, TARGET_ARN, ERROR_CODE and ERROR_MESSAGE): the refused call is
 * events.amazonaws.com's delivery of the rule's event to the target — sqs:SendMessage, sns:Publish or
 * lambda:InvokeFunction, which the target's resource-based policy must allow, with the rule's ARN as aws:SourceArn and
 * its account as aws:SourceAccount ("Using resource-based policies for Amazon EventBridge"). Null without both ARNs or
 * for a target EventBridge reaches through a role.
 */
function eventBridgeDelivery(text: string): ServiceUse | null {
  const rule = attributeArn(text, 'RULE_ARN');
  const targetArn = attributeArn(text, 'TARGET_ARN');
  if (!rule || !targetArn || rule.split(':')[2] !== 'events' || !rule.split(':')[5]?.startsWith('rule/')) return null;
  const svc = targetArn.split(':')[2] ?? '';
  const action = EVENTBRIDGE_DELIVERY[svc];
  if (!action) return null;
  const target = { ...parseTarget(targetArn).target, fromContext: true };
  return {
    via: 'events', action, also: [], target, servicePrincipal: 'events.amazonaws.com',
    context: { 'aws:SourceArn': rule, 'aws:SourceAccount': rule.split(':')[4]! }, absent: [], doc: EVENTBRIDGE_TARGET_DOC,
  };
}

/** The onward call the message reports, or null when it reports something else (or names its action itself). */
export function serviceUse(parsed: ParsedError, text: string): ServiceUse | null {
  // ELB's check of its own invoke permission, reported under the caller's RegisterTargets
  const act = parsed.action?.toLowerCase() ?? '';
  if (!act || act.startsWith('elasticloadbalancing')) {
    const elb = elbInvoke(parsed);
    if (elb) return elb;
  }
  const invoke = serviceInvoke(parsed, act);
  if (invoke) return invoke;
  if (!text) return null;
  const src = text.length > 100_000 ? text.slice(0, 100_000) : text;
  const lower = src.toLowerCase();
  // the refusal is EKS Auth's own: the SDK's credential provider failed inside the call that needed credentials (an
  // outer "operation error S3: PutObject, get identity: get credentials: …", which names no principal of its own and
  // was never sent, docs/decisions/027)
  if (lower.includes(POD_IDENTITY_REFUSAL) && (!parsed.action || (!parsed.caller && lower_(parsed.message).includes(POD_IDENTITY_REFUSAL)))) return podIdentity(src, lower);
  if (parsed.action) return null;
  if (src.includes('RULE_ARN') && src.includes('TARGET_ARN')) {
    const delivery = eventBridgeDelivery(src);
    if (delivery) return delivery;
  }
  if (lower.includes(ROLES_ANYWHERE_REFUSAL)) {
    const ra = rolesAnywhere(src, lower);
    if (ra) return ra;
  }
  if (lower.includes(LAYER_HOST)) {
    const layer = ecrLayer(src, lower);
    if (layer) return layer;
  }
  if (lower.includes('does not have permission to access the ecr image')) {
    return {
      via: 'lambda', action: 'ecr:BatchGetImage', also: ['ecr:GetDownloadUrlForLayer'], target: repositoryOf(src, lower),
      servicePrincipal: 'lambda.amazonaws.com', context: {}, absent: [], doc: LAMBDA_IMAGE_DOC,
    };
  }
  const athena = lower.indexOf('permission denied on s3 path: s3://');
  if (athena >= 0) {
    const read = s3Read(src, athena + 'permission denied on s3 path: s3://'.length);
    if (!read) return null;
    return {
      via: 'athena', action: read.action, also: read.action === 's3:GetObject' ? ['s3:ListBucket'] : [], target: read.target, servicePrincipal: null,
      context: { 'aws:CalledVia': ['athena.amazonaws.com'], 'aws:CalledViaFirst': 'athena.amazonaws.com', 'aws:ViaAWSService': 'true' },
      absent: VPC_KEYS, doc: ATHENA_S3_DOC,
    };
  }
  // Athena writing the query results (StartQueryExecution's output, or the workgroup's enforced location): S3
  // PutObject on the result object with the caller's credentials (Athena "Access to Amazon S3")
  const write = lower.indexOf(ATHENA_WRITE);
  if (write >= 0) {
    const read = s3Read(src, write + ATHENA_WRITE.length);
    if (!read || read.target.resourceType !== 'object') return null;
    return {
      via: 'athena', action: 's3:PutObject', also: ['s3:GetBucketLocation'], target: read.target, servicePrincipal: null,
      context: { 'aws:CalledVia': ['athena.amazonaws.com'], 'aws:CalledViaFirst': 'athena.amazonaws.com', 'aws:ViaAWSService': 'true' },
      absent: VPC_KEYS, doc: ATHENA_S3_DOC,
    };
  }
  if (lower.includes('client error on launch')) {
    const also = ['kms:Decrypt', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncrypt*'];
    // EC2 Auto Scaling's documented symptom of a customer managed EBS key its service-linked role may not use
    if (AUTO_SCALING_WORDS.some((w) => lower.includes(w))) {
      return {
        via: 'autoscaling', action: 'kms:CreateGrant', also, target: null,
        servicePrincipal: null, serviceRole: ASG_SLR, context: { 'kms:GrantIsForAWSResource': 'true' }, absent: [], doc: ASG_KEY_DOC,
      };
    }
    // an instance someone launched or started (describe-instances' StateReason): EC2 creates the volume's grant with
    // that principal's own permissions, so its IAM side and the key policy must both allow kms:CreateGrant and the
    // key's use (EBS User Guide, "Permissions for IAM users"; Knowledge Center kms-iam-ec2-permission)
    return {
      via: 'ec2', action: 'kms:CreateGrant', also, target: null,
      servicePrincipal: null, context: { 'kms:GrantIsForAWSResource': 'true' }, absent: [], doc: EBS_KEY_DOC,
    };
  }
  if (lower.includes('x-cache: error from cloudfront') && lower.includes('server: amazons3')) {
    const cf = cloudFrontOrigin(src, lower);
    if (cf) return cf;
  }
  const role = lower.indexOf('execution role does not have permissions to call ');
  if (role >= 0) {
    const words = src.slice(role + 'execution role does not have permissions to call '.length, role + 200).split(/\s+/, 3);
    const [op, on, svc] = words;
    const prefix = svc ? SERVICE_PREFIX[svc.replace(/[^A-Za-z0-9]/g, '').toLowerCase()] : undefined; // EC2, S3: digits are part of the name
    if (!op || on?.toLowerCase() !== 'on' || !prefix || !OP_NAME.test(op)) return null;
    return { via: 'lambda', action: `${prefix}:${op}`, also: [], target: null, servicePrincipal: null, context: {}, absent: [], doc: LAMBDA_ROLE_DOC };
  }
  return null;
}

/** `parsed` as the onward call: its action, its resource when named, and the service principal that made it. */
export function withServiceUse(parsed: ParsedError, use: ServiceUse | null): ParsedError {
  if (!use) return parsed;
  let caller = parsed.caller;
  if (use.servicePrincipal) {
    const svc: Caller = { arn: use.servicePrincipal, type: 'service', accountId: null, partition: null, name: use.servicePrincipal, sessionName: null, roleArn: null, fromContext: true };
    caller = svc;
  } else if (use.serviceRole && !caller) {
    caller = { arn: null, type: 'role', accountId: null, partition: null, name: use.serviceRole, sessionName: null, roleArn: null, fromContext: true };
  }
  return { ...parsed, recognized: true, action: use.action, caller, target: parsed.target ?? use.target };
}
