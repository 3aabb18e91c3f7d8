/**
 * What the causes and the policy evaluation actually checked, when it is not the request the message
 * names (Explanation.evaluated): a service's onward call (docs/decisions/019), a service's use of KMS
 * with the caller's permissions (018), an S3 resource read from the command around the message
 * (s3-target.ts), the caller get-caller-identity shows after the failure (shown-caller.ts). The answer shows it under the parsed fields so "Caller: not in the message" is not
 * the last word when the check was ecr:BatchGetImage by lambda.amazonaws.com.
 */
import type { EvaluatedCall, ParsedError } from '../types.js';
import type { KmsUse } from './kms-use.js';
import type { ServiceUse } from './service-use.js';

/** IAM prefixes → the service's name in a sentence. */
const SERVICE_WORDS: Record<string, string> = {
  lambda: 'Lambda', athena: 'Athena', 'eks-pod-identity': 'EKS Pod Identity', rolesanywhere: 'IAM Roles Anywhere', autoscaling: 'EC2 Auto Scaling', secretsmanager: 'Secrets Manager', ssm: 'Systems Manager',
  kinesis: 'Kinesis', elasticloadbalancing: 'Elastic Load Balancing', sns: 'SNS', sqs: 'SQS', states: 'Step Functions',
};

function serviceWords(svc: string | null): string {
  return svc ? SERVICE_WORDS[svc] ?? svc : 'The service';
}

function who(p: ParsedError): string | null {
  return p.caller ? p.caller.arn ?? p.caller.name : null;
}

function onwardWhy(use: ServiceUse, caller: string | null, resource: string | null): string {
  const on = resource ? ` on ${resource}` : '';
  const check = `the check is ${use.action}`;
  if (use.via === 'elasticloadbalancing') {
    return `Elastic Load Balancing checks that it may invoke the function before registering it as a target: ${check} by ${use.servicePrincipal}${on}, which only the function's resource-based policy can allow`;
  }
  if (use.via === 'ecr-layer') {
    return `The image's layers are downloaded from Amazon ECR's own S3 bucket, through the VPC's S3 endpoint when it has one: ${check}${on}, not signed with your role's credentials`;
  }
  if (use.via === 'lambda' && use.servicePrincipal) {
    return `Lambda pulls the image from ECR on your behalf: ${check} by ${use.servicePrincipal}${on}`;
  }
  if (use.via === 'athena') {
    return `Athena reads S3 with your credentials from its own network: ${check}${on} by ${caller ?? 'the caller'}, through Athena (aws:CalledVia athena.amazonaws.com)`;
  }
  if (use.via === 'eks-pod-identity') {
    return `EKS Pod Identity assumes the associated role for the pod: ${check}${use.also.length ? ` (with ${use.also.join(', ')} for its session tags)` : ''}${on} by ${use.servicePrincipal ?? caller ?? 'the service'}`;
  }
  if (use.via === 'rolesanywhere') {
    return `IAM Roles Anywhere exchanges the certificate for a role session: ${check} (with ${use.also.join(', ')}: it tags the session with the certificate's attributes and sets its source identity to the subject's CN)${on} by ${use.servicePrincipal ?? 'the service'}`;
  }
  if (use.via === 'autoscaling') {
    return `EC2 Auto Scaling launches the instance with its service-linked role: ${check} by ${caller ?? use.serviceRole ?? 'that role'} on the launch template's EBS key`;
  }
  if (use.via === 'lambda') {
    return `Lambda makes this call with the function's execution role: ${check}${on} by ${caller ?? 'the execution role'}`;
  }
  return `${serviceWords(use.via)} makes this call on your behalf: ${check}${on} by ${caller ?? use.servicePrincipal ?? 'the caller'}`;
}

/**
 * The call checked, or null when it is the one the message names. `parsed` is the parser's output,
 * `seen` the view the causes and the evaluation read (withServiceUse(withS3Target(parsed))).
 */
export function evaluatedCall(parsed: ParsedError, seen: ParsedError, use: ServiceUse | null, kms: KmsUse | null | undefined, callerStated = false): EvaluatedCall | null {
  if (!parsed.recognized && !use) return null;
  if (use) {
    const caller = who(seen);
    const resource = seen.target?.arn ?? null;
    return { kind: 'service-call', action: use.action, also: use.also, caller, resource, why: onwardWhy(use, caller, resource) };
  }
  if (kms) {
    const caller = who(parsed);
    const svc = serviceWords(kms.service);
    const what = kms.resource ? kms.resource : kms.kmsAction === 'kms:Decrypt' ? 'the data' : 'the new data';
    const verb = kms.kmsAction === 'kms:Decrypt' ? 'decrypt' : 'encrypt';
    const why = `${svc} uses KMS with your permissions to ${verb} ${what}: the check is ${kms.kmsAction} on its KMS key by ${caller ?? 'the caller'}`
      + `${kms.service ? `, through ${kms.service} (kms:ViaService)` : ''}`;
    return { kind: 'kms-use', action: kms.kmsAction, also: [], caller, resource: null, why };
  }
  // the caller get-caller-identity showed after the failure, or the one the paste says the call runs as (shown-caller.ts)
  const shown = seen.caller && seen.caller !== parsed.caller && seen.caller.fromContext ? seen.caller.arn : null;
  const by = shown ? (callerStated ? ` by ${shown}, the identity the paste says the call runs as` : ` by ${shown}, the identity aws sts get-caller-identity shows after it with the same profile`) : '';
  // a bare S3 refusal's operation, read from its log line (s3-target.ts)
  const action = parsed.action ?? (seen.operation && !parsed.operation ? seen.action : null);
  const fromLog = !parsed.action && !!action;
  if (seen.target && seen.target !== parsed.target && seen.target.arn && action) {
    return {
      kind: 's3-command', action, also: [], caller: shown ?? who(parsed), resource: seen.target.arn,
      why: fromLog
        ? `The message names no operation or resource; the log line around it does (${seen.operation}): the check is ${action} on ${seen.target.arn}${by}`
        : `The message names no resource; the command around it does: the check is ${action} on ${seen.target.arn}${by}`,
    };
  }
  if (shown && action) {
    const on = seen.target?.arn ? ` on ${seen.target.arn}` : '';
    return {
      kind: 'shown-caller', action, also: [], caller: shown, resource: seen.target?.arn ?? null,
      why: callerStated
        ? `The message names no caller; the paste says the call runs as ${shown}: the check is ${action}${on} by it`
        : `The message names no caller; aws sts get-caller-identity, run after it with the same profile, does: the check is ${action}${on} by ${shown}`,
    };
  }
  return null;
}
