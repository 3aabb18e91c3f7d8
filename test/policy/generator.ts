/**
 * Seeded, deterministic generator of requests + policies for the differential test
 * (sts:AssumeRole, S3, KMS, SQS; random principals, statements and conditions).
 *
 * Exclusion rules — each written up in docs/decisions/ with the AWS documentation that settles it:
 *  - 001: none — /v1/simulate (missing: 'absent') treats policy types nobody pasted as not existing, as
 *    the oracle does; only explain (missing: 'unknown') leaves them unevaluated.
 *  - 002: no session policy together with a resource-based Allow that names the caller directly
 *    (session ARN, user ARN, `*`, or NotPrincipal) — `excludedBy`.
 *  - 003: no permissions boundary with a same-account trust Allow naming the caller directly — `excludedBy`.
 *  - 004: documents that use policy variables always carry Version 2012-10-17.
 *  - 005: ARN operators get policy variables only in the resource part.
 *  - 006: no `/0` CIDR prefixes.
 *  - 007: ISO 8601 date values only.
 *  - 008: IfExists is not combined with ForAnyValue/ForAllValues.
 *  - 009: no federated-user (GetFederationToken) callers; service principals get no SCPs.
 *  - 010: requests always name a concrete resource ARN (never `*`).
 *  - 011: no Deny + NotPrincipal that lists only some of the caller's identities — `excludedBy`.
 */
import type { ContextValue, PolicyKind } from '../../src/core/types.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenPolicy {
  kind: PolicyKind;
  name: string;
  document: { Version?: string; Statement: Array<Record<string, unknown>> };
  level?: number;
}

export interface GenCase {
  id: number;
  principal: string;
  action: string;
  resource: string;
  resourceAccount: string;
  context: Record<string, string | string[]>;
  policies: GenPolicy[];
}

const A = '111111111111';
const B = '222222222222';

export function generateCase(id: number, seed = 20261130): GenCase {
  const r = rng(seed * 1000003 + id);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const chance = (p: number): boolean => r() < p;

  // ── who
  const callerAccount = pick([A, A, B]);
  // rule 009: no federated-user callers (sessions are role sessions); service principals get no SCPs
  const isService = chance(0.06);
  const isSession = !isService && chance(0.55);
  const userName = pick(['alice', 'bob']);
  const roleName = pick(['app-role', 'ops']);
  const sessionName = pick(['s1', 'ci-42']);
  const servicePrincipal = pick(['lambda.amazonaws.com', 'ec2.amazonaws.com']);
  const principal = isService
    ? servicePrincipal
    : isSession
      ? `arn:aws:sts::${callerAccount}:assumed-role/${roleName}/${sessionName}`
      : `arn:aws:iam::${callerAccount}:user/${userName}`;
  const principalArn = isSession ? `arn:aws:iam::${callerAccount}:role/${roleName}` : principal;

  // ── what
  const resourceAccount = pick([A, A, B]);
  const service = pick(['sts', 's3', 'kms', 'sqs'] as const);
  let action: string;
  let resource: string;
  let resourceKind: PolicyKind = 'resource';
  let resourcePolicyRequired = false;
  switch (service) {
    case 'sts':
      action = 'sts:AssumeRole';
      resource = pick([`arn:aws:iam::${resourceAccount}:role/target-role`, `arn:aws:iam::${resourceAccount}:role/deploy/target-role`]);
      resourceKind = 'trust';
      resourcePolicyRequired = true;
      break;
    case 's3':
      action = pick(['s3:GetObject', 's3:PutObject', 's3:ListBucket']);
      resource = action === 's3:ListBucket' ? 'arn:aws:s3:::bucket-x' : pick(['arn:aws:s3:::bucket-x/data/file.txt', `arn:aws:s3:::bucket-x/${userName}/notes.txt`]);
      break;
    case 'kms':
      action = pick(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
      resource = `arn:aws:kms:us-east-1:${resourceAccount}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
      resourcePolicyRequired = true;
      break;
    default:
      action = pick(['sqs:SendMessage', 'sqs:ReceiveMessage']);
      resource = `arn:aws:sqs:us-east-1:${resourceAccount}:queue-a`;
  }
  const cross = callerAccount !== resourceAccount;

  // ── context
  const context: Record<string, string | string[]> = {};
  if (!isService) {
    context['aws:PrincipalArn'] = principalArn;
    context['aws:PrincipalAccount'] = callerAccount;
  }
  if (!isSession) context['aws:username'] = userName;
  if (chance(0.7)) context['aws:SourceIp'] = pick(['10.1.2.3', '192.0.2.10', '203.0.113.7', '2001:db8::1', '2001:db8:1::5']);
  if (chance(0.5)) context['aws:MultiFactorAuthPresent'] = pick(['true', 'false']);
  if (chance(0.5)) context['aws:PrincipalOrgID'] = pick(['o-aaaa1111', 'o-bbbb2222']);
  if (chance(0.5)) context['aws:PrincipalTag/team'] = pick(['red', 'blue', 'Red']);
  if (chance(0.6)) context['aws:CurrentTime'] = pick(['2026-01-15T10:00:00Z', '2026-06-01T00:00:00Z', '2025-12-31T23:59:59Z']);
  if (chance(0.4)) context['aws:MultiFactorAuthAge'] = pick(['30', '3600', '86400']);
  if (chance(0.5)) context['aws:SecureTransport'] = pick(['true', 'false']);
  if (chance(0.4)) context['aws:TagKeys'] = pick([['team'], ['team', 'env'], ['env'], ['Team', 'cost']]);
  if (service === 'sts' && chance(0.6)) context['sts:ExternalId'] = pick(['abc-123', 'xyz', 'ABC-123']);

  // ── statements
  const actionPool: Record<string, string[]> = {
    sts: ['sts:AssumeRole', 'sts:Assume*', 'sts:*', 'sts:TagSession', 'STS:assumerole'],
    s3: ['s3:GetObject', 's3:Get*', 's3:*', 's3:PutObject', 's3:ListBucket', 's3:List*', 's3:?etObject'],
    kms: ['kms:Decrypt', 'kms:*', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:Re*'],
    sqs: ['sqs:SendMessage', 'sqs:*', 'sqs:ReceiveMessage', 'sqs:Send*'],
  };
  const resourcePool: string[] = (() => {
    switch (service) {
      case 'sts': return ['*', resource, `arn:aws:iam::${resourceAccount}:role/*`, `arn:aws:iam::${resourceAccount}:role/target-*`, 'arn:aws:iam::*:role/deploy/*', `arn:aws:iam::${A === resourceAccount ? B : A}:role/target-role`, 'arn:aws:iam::*:role/target-rol?'];
      case 's3': return ['*', resource, 'arn:aws:s3:::bucket-x/*', 'arn:aws:s3:::bucket-x', 'arn:aws:s3:::bucket-x/${aws:username}/*', 'arn:aws:s3:::bucket-y/*', 'arn:aws:s3:::bucket-?/data/*', 'arn:aws:s3:::*'];
      case 'kms': return ['*', resource, `arn:aws:kms:*:${resourceAccount}:key/*`, 'arn:aws:kms:us-west-2:*:key/*', 'arn:aws:kms:us-east-1:*:alias/*'];
      default: return ['*', resource, `arn:aws:sqs:*:${resourceAccount}:*`, 'arn:aws:sqs:us-east-1:*:queue-?', 'arn:aws:sqs:us-east-1:*:other'];
    }
  })();
  const otherActions = ['ec2:DescribeInstances', 'iam:PassRole', 'dynamodb:*'];

  type Cond = Record<string, Record<string, string | string[]>>;
  const genCondition = (allowSide: boolean): Cond | undefined => {
    if (!chance(0.55)) return undefined;
    const cond: Cond = {};
    const n = chance(0.75) ? 1 : 2;
    for (let i = 0; i < n; i++) {
      const fam = pick(['string', 'string', 'arn', 'ip', 'bool', 'date', 'numeric', 'set', 'null', 'var'] as const);
      let op = '';
      let key = '';
      let vals: string[] = [];
      switch (fam) {
        case 'string': {
          const k = pick(['aws:PrincipalOrgID', 'aws:PrincipalTag/team', ...(service === 'sts' ? ['sts:ExternalId'] : [])]);
          key = k;
          op = pick(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike']);
          const pool = k === 'aws:PrincipalOrgID' ? ['o-aaaa1111', 'o-bbbb2222', 'o-*'] : k === 'sts:ExternalId' ? ['abc-123', 'xyz', 'abc-*', 'ABC-123'] : ['red', 'blue', 'r?d', 'RED'];
          vals = chance(0.7) ? [pick(pool)] : [pick(pool), pick(pool)];
          break;
        }
        case 'arn': {
          key = pick(['aws:PrincipalArn', 'aws:PrincipalArn', 'aws:SourceArn']);
          op = pick(['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']);
          const pool = [principalArn, `arn:aws:iam::${callerAccount}:role/*`, 'arn:aws:iam::*:user/*', `arn:aws:iam::${B}:*`, 'arn:aws:iam::*:role/ap?-role', 'arn:aws:*:*:111111111111:*'];
          vals = chance(0.7) ? [pick(pool)] : [pick(pool), pick(pool)];
          break;
        }
        case 'ip': {
          key = 'aws:SourceIp';
          op = pick(['IpAddress', 'NotIpAddress']);
          const pool = ['10.0.0.0/8', '192.0.2.0/24', '203.0.113.7/32', '2001:db8::/32', '2001:db8:1::/48', '0.0.0.0/1'] /* rule 006: no /0 prefix */;
          vals = chance(0.6) ? [pick(pool)] : [pick(pool), pick(pool)];
          break;
        }
        case 'bool':
          key = pick(['aws:MultiFactorAuthPresent', 'aws:SecureTransport']);
          op = 'Bool';
          vals = [pick(['true', 'false'])];
          break;
        case 'date':
          key = 'aws:CurrentTime';
          op = pick(['DateLessThan', 'DateGreaterThan', 'DateEquals', 'DateNotEquals', 'DateLessThanEquals', 'DateGreaterThanEquals']);
          vals = [pick(['2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z', '2025-12-31T23:59:59Z', '2026-01-15T10:00:00Z'])] /* rule 007: ISO dates only (oracle reads integers as milliseconds) */;
          break;
        case 'numeric':
          key = 'aws:MultiFactorAuthAge';
          op = pick(['NumericLessThan', 'NumericGreaterThan', 'NumericEquals', 'NumericNotEquals', 'NumericLessThanEquals', 'NumericGreaterThanEquals']);
          vals = [pick(['30', '3600', '600', '86400'])];
          break;
        case 'set':
          key = 'aws:TagKeys';
          op = `${pick(['ForAnyValue', 'ForAllValues', 'ForAnyValue', 'ForAllValues', ''])}:${pick(['StringEquals', 'StringLike', 'StringNotEquals', 'StringEqualsIgnoreCase'])}`;
          if (op.startsWith(':')) op = op.slice(1); // single-valued operator on a multivalued key
          vals = pick([['team'], ['team', 'env'], ['env', 'cost'], ['t*']]);
          break;
        case 'null':
          key = pick(['aws:PrincipalOrgID', 'aws:MultiFactorAuthPresent', 'aws:PrincipalTag/team', 'aws:TagKeys']);
          op = 'Null';
          vals = [pick(['true', 'false'])];
          break;
        case 'var':
          if (chance(0.5)) {
            key = 'aws:PrincipalArn';
            op = pick(['StringLike', 'ArnLike']);
            // rule 005: ARN operators get variables only in the resource segment
            vals = [pick(['arn:aws:iam::*:user/${aws:username}', ...(op === 'StringLike' ? ['arn:aws:iam::${aws:PrincipalAccount}:*'] : []), 'arn:aws:iam::*:role/${aws:PrincipalTag/team, \'app-role\'}'])];
          } else {
            key = 'aws:PrincipalTag/team';
            op = pick(['StringEquals', 'StringNotEquals']);
            vals = [pick(['${aws:username}', 'red', '${aws:PrincipalTag/team}'])];
          }
          break;
      }
      // rule 008: IfExists is not combined with set operators
      if (fam !== 'set' && fam !== 'null' && chance(0.2)) op += 'IfExists';
      // keep one key per operator block
      cond[op] = { ...(cond[op] ?? {}), [key]: vals.length === 1 ? (vals[0] as string) : vals };
    }
    void allowSide;
    return cond;
  };

  const genStatement = (kind: PolicyKind): Record<string, unknown> => {
    const s: Record<string, unknown> = {};
    s['Effect'] = kind === 'rcp' ? 'Deny' : chance(kind === 'scp' ? 0.45 : 0.72) ? 'Allow' : 'Deny';
    if (chance(0.3)) s['Sid'] = `S${Math.floor(r() * 100)}`;
    const ap = [...(actionPool[service] as string[]), ...(chance(0.15) && kind !== 'rcp' ? ['*'] : []), pick(otherActions)];
    const acts = chance(0.7) ? [pick(ap)] : [pick(ap), pick(ap)];
    if (kind !== 'rcp' && chance(0.12)) s['NotAction'] = acts.length === 1 ? acts[0] : acts;
    else s['Action'] = acts.length === 1 ? acts[0] : acts;
    if (kind !== 'trust' || chance(0.1)) {
      const res = chance(0.7) ? [pick(resourcePool)] : [pick(resourcePool), pick(resourcePool)];
      if (chance(0.08)) s['NotResource'] = res.length === 1 ? res[0] : res;
      else s['Resource'] = res.length === 1 ? res[0] : res;
    }
    if (kind === 'trust' || kind === 'resource' || kind === 'rcp') {
      if (kind === 'rcp') s['Principal'] = '*';
      else {
        const pp = pick(['star', 'acct', 'root', 'user', 'role', 'session', 'other', 'list', 'service', 'pathrole'] as const);
        const other = callerAccount === A ? B : A;
        switch (pp) {
          case 'star': s['Principal'] = chance(0.5) ? '*' : { AWS: '*' }; break;
          case 'acct': s['Principal'] = { AWS: pick([callerAccount, other]) }; break;
          case 'root': s['Principal'] = { AWS: `arn:aws:iam::${pick([callerAccount, other])}:root` }; break;
          case 'user': s['Principal'] = { AWS: `arn:aws:iam::${callerAccount}:user/${pick(['alice', 'bob'])}` }; break;
          case 'role': s['Principal'] = { AWS: `arn:aws:iam::${callerAccount}:role/${pick(['app-role', 'ops'])}` }; break;
          case 'session': s['Principal'] = { AWS: `arn:aws:sts::${callerAccount}:assumed-role/${pick(['app-role', 'ops'])}/${pick(['s1', 'ci-42'])}` }; break;
          case 'other': s['Principal'] = { AWS: `arn:aws:iam::${other}:role/app-role` }; break;
          case 'service': s['Principal'] = { Service: pick(['lambda.amazonaws.com', 'ec2.amazonaws.com', ['ec2.amazonaws.com', 'lambda.amazonaws.com']]) }; break;
          case 'pathrole': s['Principal'] = { AWS: `arn:aws:iam::${callerAccount}:role/team/${pick(['app-role', 'ops'])}` }; break;
          case 'list': s['Principal'] = { AWS: [`arn:aws:iam::${other}:root`, `arn:aws:iam::${callerAccount}:user/${pick(['alice', 'bob'])}`] }; break;
        }
      }
    }
    const c = genCondition(s['Effect'] === 'Allow');
    if (c) {
      // condition key names are case-insensitive
      if (chance(0.1)) for (const block of Object.values(c)) for (const k of Object.keys(block)) { block[k.toUpperCase()] = block[k] as string; delete block[k]; }
      s['Condition'] = c;
    }
    if (kind === 'resource' && s['Principal'] && chance(0.12)) {
      s['NotPrincipal'] = s['Principal'] === '*' ? { AWS: `arn:aws:iam::${callerAccount}:user/bob` } : s['Principal'];
      delete s['Principal'];
    }
    if (chance(0.08) && typeof s['Action'] === 'string' && kind !== 'trust') s['Action'] = (s['Action'] as string).toUpperCase();
    return s;
  };

  const genPolicy = (kind: PolicyKind, name: string, min = 1, max = 3): GenPolicy => {
    const n = min + Math.floor(r() * (max - min + 1));
    const statements = Array.from({ length: n }, () => genStatement(kind));
    const doc: GenPolicy['document'] = { Statement: statements };
    // rule 004: documents using policy variables always carry Version; RCPs require it
    if (kind === 'rcp' || JSON.stringify(statements).includes('${') || chance(0.95)) doc.Version = '2012-10-17';
    return { kind, name, document: doc };
  };

  const policies: GenPolicy[] = [];
  // identity: 0–2 policies (none = the caller has none; rule 001); service principals have none
  const nId = isService ? 0 : chance(0.12) ? 0 : 1 + Math.floor(r() * 2);
  for (let i = 0; i < nId; i++) policies.push(genPolicy('identity', `identity-${i}`));
  // resource / trust
  if (isService || chance(resourcePolicyRequired ? 0.88 : cross ? 0.8 : 0.6)) policies.push(genPolicy(resourceKind, resourceKind === 'trust' ? 'trust' : 'resource', 1, 3));
  // SCP levels
  const nScp = !isService && chance(0.45) ? 1 + Math.floor(r() * 2) : 0;
  for (let i = 0; i < nScp; i++) {
    const p = genPolicy('scp', `scp-${i}`, 1, 2);
    if (chance(0.5)) p.document.Statement.unshift({ Effect: 'Allow', Action: '*', Resource: '*' });
    p.level = i;
    policies.push(p);
  }
  // RCP
  if (chance(0.25)) {
    const p = genPolicy('rcp', 'rcp-0', 1, 2);
    p.level = 0;
    policies.push(p);
  }
  // permissions boundary
  if (!isService && chance(0.25)) policies.push(genPolicy('permissions-boundary', 'boundary', 1, 2));
  // session policy (sessions only)
  if (isSession && chance(0.2)) policies.push(genPolicy('session', 'session', 1, 2));

  return { id, principal, action, resource, resourceAccount, context, policies };
}

/** Exclusion rules that depend on the generated policies (docs/decisions/002, 003). */
export function excludedBy(c: GenCase): string | null {
  const rp = c.policies.find((p) => p.kind === 'trust' || p.kind === 'resource');
  const namesCallerDirectly = (p: GenPolicy | undefined): boolean => {
    if (!p) return false;
    return p.document.Statement.some((s) => {
      if (s['Effect'] !== 'Allow') return false;
      if (s['NotPrincipal']) return true;
      const pr = s['Principal'];
      if (pr === '*') return true;
      if (pr && typeof pr === 'object') {
        const aws = (pr as Record<string, unknown>)['AWS'];
        const vals = Array.isArray(aws) ? aws : [aws];
        return vals.some((v) => v === '*' || v === c.principal);
      }
      return false;
    });
  };
  const callerAcct = c.principal.split(':')[4] ?? null;
  const same = callerAcct === c.resourceAccount;
  if (c.policies.some((p) => p.kind === 'session') && namesCallerDirectly(rp)) return '002-session-policy-vs-direct-resource-grant';
  // 011: a Deny with NotPrincipal that lists some but not all of the caller's identities
  const identities = [c.principal];
  if (c.principal.includes(':assumed-role/')) {
    const [, role] = c.principal.split('/');
    identities.push(`arn:aws:iam::${callerAcct}:role/${role}`);
  }
  const accountForms = [callerAcct, `arn:aws:iam::${callerAcct}:root`];
  const partial = rp?.document.Statement.some((s) => {
    if (s['Effect'] !== 'Deny' || !s['NotPrincipal'] || typeof s['NotPrincipal'] !== 'object') return false;
    const aws = (s['NotPrincipal'] as Record<string, unknown>)['AWS'];
    const listed = (Array.isArray(aws) ? aws : [aws]).map(String);
    const roleListed = (id: string): boolean => listed.includes(id) || (id.includes(':role/') && listed.some((v) => v.endsWith(`/${id.split('/').pop()}`) && v.includes(':role/')));
    const hits = [...identities.map(roleListed), accountForms.some((a) => listed.includes(a as string))];
    return hits.some(Boolean) && !hits.every(Boolean);
  });
  if (partial) return '011-notprincipal-deny-names-every-identity';
  if (same && rp?.kind === 'trust' && c.policies.some((p) => p.kind === 'permissions-boundary') && namesCallerDirectly(rp)) {
    return '003-boundary-applies-to-trust-grants';
  }
  return null;
}

export type { ContextValue };
