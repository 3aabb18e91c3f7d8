/**
 * The resource of a request nobody named (docs/decisions/017).
 *
 * S3's bare "Access Denied" names no bucket or object; when nothing pasted names one either, the call
 * was still on *some* resource of the action's service. A Resource pattern that could match such a
 * resource makes the statement `unknown` (it depends on which resource), not "no match". A pasted
 * resource-based policy narrows it: a bucket policy may name only its own bucket, so the call was on
 * that bucket (or one of its objects); a policy whose every named resource is one ARN (a queue's, a
 * topic's, a function's policy) was attached to that resource.
 */
import type { Policy } from '../types.js';
import type { T3 } from './logic.js';
import { parseArn } from './arn.js';
import { compileGlob, matchPattern, QMARK, splitPattern, STAR, type Pattern } from './match.js';

/** Where the unknown resource is known to lie (from a pasted resource-based policy). */
export interface ResourceScope {
  /** partition, service, region, account of every resource in scope. */
  parts: [string, string, string, string];
  /** The resource part: exactly this (`exact`), or this followed by one or more characters. */
  resource: string;
  exact: boolean;
  /** Index of the policy it was read from. */
  policy: number;
  /** For people: `an object in bucket b`, `arn:aws:sqs:…:queue`. */
  text: string;
  /** What the policy is attached to: `bucket b`, the ARN. */
  owner: string;
}

export interface UnknownResource {
  /** ARN service prefixes the action's resources can carry. */
  services: string[];
  scope: ResourceScope | null;
}

/**
 * Actions with no resource type (Service Authorization Reference, "Resource types" column empty):
 * a statement grants them only with `"Resource": "*"`, so their request stays on `*` (decision 010).
 * Lower case; a trailing `*` is a prefix.
 */
const RESOURCE_LESS = [
  'sts:getcalleridentity', 'sts:getsessiontoken', 'sts:getaccesskeyinfo', 'sts:decodeauthorizationmessage', 'sts:getservicebearertoken',
  's3:listallmybuckets', 'ec2:describe*', 'iam:listroles', 'iam:listusers', 'iam:listpolicies', 'iam:listgroups',
  'iam:listaccountaliases', 'iam:createaccountalias', 'iam:deleteaccountalias', 'iam:getaccountsummary', 'iam:getaccountpasswordpolicy',
  'iam:listopenidconnectproviders', 'iam:listsamlproviders', 'iam:getaccountauthorizationdetails', 'iam:listinstanceprofiles',
  'kms:listkeys', 'kms:listaliases', 'kms:createkey', 'kms:generaterandom', 'sqs:listqueues', 'sns:listtopics', 'lambda:listfunctions',
  'dynamodb:listtables', 'secretsmanager:listsecrets', 'secretsmanager:getrandompassword', 'ecr:getauthorizationtoken',
  'cloudwatch:putmetricdata', 'cloudwatch:getmetricdata', 'cloudwatch:listmetrics', 'xray:puttracesegments', 'xray:puttelemetryrecords',
  'ssm:describeparameters', 'route53:listhostedzones', 'ecs:listclusters', 'eks:listclusters', 'states:liststatemachines',
];

export function isResourceLess(action: string): boolean {
  const a = action.toLowerCase();
  for (const r of RESOURCE_LESS) {
    if (r.endsWith('*') ? a.startsWith(r.slice(0, -1)) : a === r) return true;
  }
  return false;
}

/** Actions on an S3 bucket itself (their resource is the bucket ARN, not bucket/key). */
export function s3BucketLevel(actionName: string): boolean {
  const a = actionName.toLowerCase();
  return a === 'listbucket' || a === 'listbucketversions' || a === 'listbucketmultipartuploads' || a.startsWith('getbucket')
    || a.startsWith('putbucket') || a.startsWith('deletebucket') || a === 'createbucket' || a === 'getlifecycleconfiguration'
    || a === 'putlifecycleconfiguration' || a === 'getencryptionconfiguration' || a === 'putencryptionconfiguration'
    || a === 'getreplicationconfiguration' || a === 'putreplicationconfiguration' || a === 'getaccelerateconfiguration'
    || a === 'putaccelerateconfiguration' || a === 'getinventoryconfiguration' || a === 'putinventoryconfiguration'
    || a === 'getanalyticsconfiguration' || a === 'putanalyticsconfiguration' || a === 'getmetricsconfiguration'
    || a === 'putmetricsconfiguration' || a === 'getintelligenttieringconfiguration' || a === 'putintelligenttieringconfiguration';
}

/** Actions whose resources carry another service's prefix too (an STS call on a role, SSM on an instance). */
const OTHER_SERVICES: Record<string, string[]> = {
  sts: ['sts', 'iam'],
  ssm: ['ssm', 'ec2'],
  'ec2-instance-connect': ['ec2'],
  'redshift-data': ['redshift', 'redshift-serverless'],
};

function servicesOf(action: string): string[] {
  const svc = action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase();
  return OTHER_SERVICES[svc] ?? [svc];
}

const hasWild = (s: string): boolean => s.includes('*') || s.includes('?') || s.includes('${');

/** The scope one resource-based policy gives an unknown resource of `action`, or null when it tells nothing. */
function scopeOf(policy: Policy, index: number, action: string): ResourceScope | null | 'conflict' {
  const svc = action.slice(0, action.indexOf(':')).toLowerCase();
  const s3 = svc === 's3';
  let found: ResourceScope | null = null;
  for (const st of policy.statements ?? []) {
    for (const r of st.resource ?? []) {
      if (r === '*') continue;
      const p = parseArn(r);
      if (!p || hasWild(p.partition) || hasWild(p.service) || hasWild(p.region) || hasWild(p.account)) return 'conflict';
      const { partition, service, region, account, resource: res } = p;
      let scope: ResourceScope;
      if (s3) {
        // a bucket policy names only its own bucket (S3 refuses one naming another: "Policy has invalid resource")
        if (service !== 's3' || region !== '' || account !== '') return 'conflict';
        const slash = res.indexOf('/');
        const bucket = slash >= 0 ? res.slice(0, slash) : res;
        if (!bucket || hasWild(bucket)) return 'conflict';
        const onBucket = s3BucketLevel(action.slice(3));
        scope = {
          parts: [partition, 's3', '', ''], resource: onBucket ? bucket : `${bucket}/`, exact: onBucket, policy: index,
          text: onBucket ? `bucket ${bucket}` : `an object in bucket ${bucket}`, owner: `bucket ${bucket}`,
        };
      } else {
        if (hasWild(res)) return 'conflict';
        scope = { parts: [partition, service, region, account], resource: res, exact: true, policy: index, text: r, owner: r };
      }
      if (found && !sameScope(found, scope)) return 'conflict';
      found ??= scope;
    }
  }
  return found;
}

function sameScope(a: ResourceScope, b: ResourceScope): boolean {
  return a.exact === b.exact && a.resource === b.resource && a.parts.join(':') === b.parts.join(':');
}

/**
 * The unknown resource of `action`, narrowed by the pasted resource-based policies (kind `resource`;
 * trust policies are a role's, and the role is the request's target only when a message names it).
 */
export function unknownResource(action: string, policies: Policy[]): UnknownResource {
  let scope: ResourceScope | null = null;
  for (let i = 0; i < policies.length; i++) {
    const p = policies[i];
    if (!p || p.kind !== 'resource' || !p.document) continue;
    const s = scopeOf(p, i, action);
    if (s === null) continue;
    if (s === 'conflict' || (scope && !sameScope(scope, s))) return { services: servicesOf(action), scope: null };
    scope ??= s;
  }
  return { services: servicesOf(action), scope };
}

function literalText(p: Pattern): string | null {
  let s = '';
  for (const t of p) {
    if (t === STAR || t === QMARK) return null;
    s += String.fromCharCode(t);
  }
  return s;
}

function literalPrefix(p: Pattern): string {
  let s = '';
  for (const t of p) {
    if (t === STAR || t === QMARK) break;
    s += String.fromCharCode(t);
  }
  return s;
}

/** Does a (resolved) Resource pattern match the unknown resource: surely, surely not, or depending on which it is. */
export function matchUnknownResource(pattern: Pattern, u: UnknownResource): T3 {
  if (pattern.every((t) => t === STAR)) return true;
  const parts = splitPattern(pattern, 58, 6);
  if (parts.length < 6) return 'unknown';
  const service = literalText(parts[2] as Pattern);
  if (service !== null && !u.services.includes(service.toLowerCase())) return false;
  const scope = u.scope;
  if (!scope) return 'unknown';
  if (!matchPattern(parts[0] as Pattern, 'arn')) return false;
  for (let i = 0; i < 4; i++) if (!matchPattern(parts[i + 1] as Pattern, scope.parts[i] as string)) return false;
  const res = parts[5] as Pattern;
  if (scope.exact) return matchPattern(res, scope.resource);
  // the resource is scope.resource followed by one or more characters (an object key)
  const lit = literalText(res);
  if (lit !== null) return lit.startsWith(scope.resource) && lit.length > scope.resource.length ? 'unknown' : false;
  if (res[res.length - 1] === STAR) {
    // a trailing * takes any key once the rest matches a prefix of the known part
    const head = res.slice(0, -1);
    for (let k = 0; k <= scope.resource.length; k++) if (matchPattern(head, scope.resource.slice(0, k))) return true;
  }
  const pre = literalPrefix(res);
  return pre.startsWith(scope.resource) || scope.resource.startsWith(pre) ? 'unknown' : false;
}

/**
 * Resource / NotResource of a statement against the unknown resource, without policy variables (a
 * pattern holding one may match: unknown). null when the statement has neither element.
 */
export function coversUnknownResource(resource: string[] | null, notResource: string[] | null, u: UnknownResource): T3 | null {
  const patterns = resource ?? notResource;
  if (!patterns) return null;
  let any: T3 = false;
  for (const p of patterns) {
    const m: T3 = p.includes('${') ? 'unknown' : matchUnknownResource(compileGlob(p), u);
    if (m === true) { any = true; break; }
    if (m === 'unknown') any = 'unknown';
  }
  return resource ? any : any === 'unknown' ? 'unknown' : !any;
}
