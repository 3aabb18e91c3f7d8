/**
 * Digging a policy document out of what people paste: an object, JSON text (comments and trailing
 * commas tolerated), URL-encoded JSON, or the whole output of the AWS CLI commands that return one.
 * Never throws; size and nesting depth are bounded before anything recursive runs.
 */
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { Issue, PolicyKind, PolicyMeta } from '../types.js';
import { looksLikeHcl, parseHclText } from './hcl.js';
import { intrinsicString } from './iac.js';
import { looksLikeYaml, parseYamlText } from './yaml.js';

export const MAX_DOCUMENT_CHARS = 100_000;
export const MAX_DEPTH = 64;
const MAX_NODES = 200_000;

export interface Dug {
  doc: Record<string, unknown> | null;
  kindHint: PolicyKind | null;
  /** Where the document came from (`get-role`, `describe-policy`, …), or null for a bare document. */
  source: string | null;
  issues: Issue[];
  /** Role metadata from `aws iam get-role` output, when that is what was pasted. */
  meta?: PolicyMeta;
}

const str = (v: unknown, max = 2048): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);

/** Role.RoleName, Arn, Path, MaxSessionDuration, RoleId, PermissionsBoundary, CreateDate (get-role output). */
/** AWS::IAM::Role Properties (RoleName, Path, MaxSessionDuration, PermissionsBoundary as an ARN string). */
function cfnRoleMeta(props: Record<string, unknown>): PolicyMeta | undefined {
  return roleMeta({
    RoleName: props['RoleName'], Path: props['Path'], MaxSessionDuration: props['MaxSessionDuration'],
    PermissionsBoundary: typeof props['PermissionsBoundary'] === 'string' ? { PermissionsBoundaryArn: props['PermissionsBoundary'] } : undefined,
  });
}

/** Terraform aws_iam_role state attributes (name, path, arn, unique_id, max_session_duration, …). */
function terraformRoleMeta(o: Record<string, unknown>): PolicyMeta | undefined {
  return roleMeta({
    RoleName: o['name'], Path: o['path'], Arn: o['arn'], RoleId: o['unique_id'], MaxSessionDuration: o['max_session_duration'],
    CreateDate: o['create_date'],
    PermissionsBoundary: typeof o['permissions_boundary'] === 'string' ? { PermissionsBoundaryArn: o['permissions_boundary'] } : undefined,
  });
}

export function roleMeta(role: Record<string, unknown>): PolicyMeta | undefined {
  const meta: PolicyMeta = {};
  const roleName = str(role['RoleName']);
  if (roleName) meta.roleName = roleName;
  const roleArn = str(role['Arn']);
  if (roleArn) meta.roleArn = roleArn;
  const path = str(role['Path'], 512);
  if (path && path.startsWith('/') && path.endsWith('/')) meta.path = path;
  const msd = role['MaxSessionDuration'];
  const msdNum = typeof msd === 'number' ? msd : typeof msd === 'string' && /^\d{1,6}$/.test(msd) ? Number(msd) : NaN;
  if (Number.isInteger(msdNum) && msdNum > 0) meta.maxSessionDuration = msdNum;
  const roleId = str(role['RoleId'], 128);
  if (roleId) meta.roleId = roleId;
  const pb = role['PermissionsBoundary'];
  if (isRecord(pb)) {
    const pbArn = str(pb['PermissionsBoundaryArn']);
    if (pbArn) meta.permissionsBoundaryArn = pbArn;
  }
  const created = str(role['CreateDate'], 64);
  if (created) meta.createDate = created;
  return Object.keys(meta).length > 0 ? meta : undefined;
}

/** Depth of JSON-ish text, scanning once; stops early past the limit. */
export function textDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return max;
}

/**
 * Whether text has at most `limit` opening brackets (`{`, `[`), quoted or not: each level of nesting
 * needs one, so such text cannot nest deeper than `limit`. Counted by indexOf, which skips the
 * characters in between far faster than textDepth's scan of each one.
 */
function fewOpeners(text: string, limit: number): boolean {
  let n = 0;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) if (++n > limit) return false;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) if (++n > limit) return false;
  return true;
}

/** Depth and size of a JS value, iteratively (no recursion, cycle-safe). */
export function valueTooDeep(value: unknown): 'depth' | 'size' | null {
  // two parallel stacks (no tuple per node); only objects are pushed
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  const seen = new Set<object>();
  let nodes = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    const d = depths.pop() as number;
    if (++nodes > MAX_NODES) return 'size';
    if (typeof v === 'string') {
      if (v.length > MAX_DOCUMENT_CHARS) return 'size';
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (d > MAX_DEPTH) return 'depth';
    if (seen.has(v)) return 'depth';
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        stack.push(v[i]);
        depths.push(d + 1);
      }
    } else {
      for (const k in v as Record<string, unknown>) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        stack.push((v as Record<string, unknown>)[k]);
        depths.push(d + 1);
      }
    }
  }
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function looksUrlEncoded(t: string): boolean {
  const head = t.slice(0, 6).toLowerCase();
  // `%25…` is a percent sign encoded again: the document was URL-encoded twice
  return head.startsWith('%7b') || head.startsWith('%5b') || head.startsWith('%257b') || head.startsWith('%255b')
    || (!t.includes('{') && (t.includes('%22') || t.includes('%2522')));
}

/** Parse text that should hold JSON. Returns the value or undefined, with issues. */
export function parseJsonText(text: string, issues: Issue[], path = ''): unknown {
  let t = text.trim();
  if (t.length > MAX_DOCUMENT_CHARS) {
    issues.push({ code: 'document-too-large', message: `The document is longer than ${MAX_DOCUMENT_CHARS} characters.`, path, severity: 'error' });
    return undefined;
  }
  // Layers around the JSON, peeled in any order: URL-encoding (as the IAM API returns a document,
  // sometimes twice over) and a JSON string holding the document (Terraform state, logs, `jq` without -r).
  let urlLayers = 0;
  for (let layer = 0; layer < 4; layer++) {
    if (looksUrlEncoded(t)) {
      try {
        t = decodeURIComponent(t).trim();
      } catch {
        issues.push({ code: 'invalid-url-encoding', message: 'The document looks URL-encoded but could not be decoded.', path, severity: 'error' });
        return undefined;
      }
      if (urlLayers++ === 0) issues.push({ code: 'url-encoded', message: 'The document was URL-encoded (as the IAM API returns it); decoded.', path, severity: 'info' });
    } else if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
      let inner: unknown;
      try {
        inner = JSON.parse(t);
      } catch {
        break;
      }
      if (typeof inner !== 'string') break;
      t = inner.trim();
      issues.push({ code: 'json-string', message: 'The document was a JSON string holding the policy (quoted, with \\" inside); read what it holds.', path, severity: 'info' });
    } else break;
  }
  if (urlLayers > 1) issues.push({ code: 'url-encoded-twice', message: `The document was URL-encoded ${urlLayers} times over; decoded each time.`, path, severity: 'info' });
  if (!(t.startsWith('{') || t.startsWith('['))) {
    // infrastructure code: Terraform (jsonencode, a heredoc, aws_iam_policy_document) or YAML (CloudFormation, SAM, Serverless)
    if (looksLikeHcl(t)) return parseHclText(t, issues, path);
    if (looksLikeYaml(t)) {
      if (!fewOpeners(t, MAX_DEPTH) && textDepth(t) > MAX_DEPTH) {
        issues.push({ code: 'too-deep', message: `The document is nested deeper than ${MAX_DEPTH} levels.`, path, severity: 'error' });
        return undefined;
      }
      const value = parseYamlText(t, issues, path);
      if (value !== undefined && valueTooDeep(value)) {
        issues.push({ code: 'too-deep', message: `The document is nested deeper than ${MAX_DEPTH} levels.`, path, severity: 'error' });
        return undefined;
      }
      return value;
    }
    // JSON somewhere inside other text (a log line, a shell prompt, …)
    const start = t.indexOf('{');
    const end = t.lastIndexOf('}');
    if (start < 0 || end <= start) {
      issues.push({ code: 'not-json', message: 'No JSON policy document found in the text.', path, severity: 'error' });
      return undefined;
    }
    t = t.slice(start, end + 1);
    issues.push({ code: 'extra-text', message: 'Text around the JSON document was ignored.', path, severity: 'info' });
  }
  if (!fewOpeners(t, MAX_DEPTH) && textDepth(t) > MAX_DEPTH) {
    issues.push({ code: 'too-deep', message: `The document is nested deeper than ${MAX_DEPTH} levels.`, path, severity: 'error' });
    return undefined;
  }
  try {
    return JSON.parse(t) as unknown;
  } catch {
    // fall through to the tolerant parser
  }
  const errors: ParseError[] = [];
  const value = parseJsonc(t, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false }) as unknown;
  if (errors.length > 0 || value === undefined) {
    issues.push({ code: 'invalid-json', message: `The document is not valid JSON (${errors.length} syntax error${errors.length === 1 ? '' : 's'}); read what could be read.`, path, severity: 'error' });
  } else {
    issues.push({ code: 'json-comments-or-trailing-commas', message: 'The document has comments or trailing commas, which IAM rejects; they were tolerated here.', path, severity: 'warning' });
  }
  return value;
}

function orgKind(type: unknown): PolicyKind | null {
  if (type === 'SERVICE_CONTROL_POLICY') return 'scp';
  if (type === 'RESOURCE_CONTROL_POLICY') return 'rcp';
  return null;
}

const IDENTITY_SIDE: readonly PolicyKind[] = ['identity', 'permissions-boundary', 'session'];

/** A CloudFormation resource's Properties that hold a policy document, and whether it is a trust. */
function templateDocument(props: Record<string, unknown>, want: PolicyKind | null): 'trust' | 'inline' | 'other' | null {
  const inline = Array.isArray(props['Policies']) && props['Policies'].some((p) => isRecord(p) && p['PolicyDocument'] !== undefined);
  if (props['AssumeRolePolicyDocument'] !== undefined) return want && IDENTITY_SIDE.includes(want) && inline ? 'inline' : 'trust';
  if (props['PolicyDocument'] !== undefined || props['KeyPolicy'] !== undefined) return 'other';
  return inline ? 'inline' : null;
}

/**
 * The resource of a CloudFormation / SAM template whose document the person means: the one whose
 * kind matches the kind given (a role's trust, a role's inline policy, a policy, a bucket or key
 * policy), else the first that holds one.
 */
function templateResource(resources: Record<string, unknown>, want: PolicyKind | null, issues: Issue[]): Record<string, unknown> | null {
  const holding: Array<[string, Record<string, unknown>, 'trust' | 'inline' | 'other']> = [];
  for (const [id, r] of Object.entries(resources)) {
    if (!isRecord(r) || !isRecord(r['Properties'])) continue;
    const d = templateDocument(r['Properties'], want);
    if (d) holding.push([id, r, d]);
  }
  if (!holding.length) return null;
  const fits = (d: 'trust' | 'inline' | 'other') => (want === 'trust' ? d === 'trust' : want && IDENTITY_SIDE.includes(want) ? d !== 'trust' : true);
  const pick = holding.find(([, , d]) => fits(d)) ?? holding[0]!;
  const others = holding.filter((h) => h !== pick).map(([id]) => id);
  issues.push({ code: 'template', message: `Read resource ${pick[0]}${typeof pick[1]['Type'] === 'string' ? ` (${pick[1]['Type']})` : ''} of the template${others.length ? `; not read: ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}` : ''}.`, severity: 'info' });
  return pick[1];
}

/** Find the policy document in a value (a document, or CLI output wrapping one). */
export function digDocument(input: unknown, want: PolicyKind | null = null): Dug {
  const issues: Issue[] = [];
  let value: unknown = input;
  let kindHint: PolicyKind | null = null;
  let source: string | null = null;
  let meta: PolicyMeta | undefined;
  const done = (doc: Record<string, unknown> | null): Dug => (meta ? { doc, kindHint, source, issues, meta } : { doc, kindHint, source, issues });
  for (let round = 0; round < 4; round++) {
    if (typeof value === 'string') {
      value = parseJsonText(value, issues, source ? source : '');
      continue;
    }
    if (Array.isArray(value)) {
      // a bare statement list
      value = { Statement: value };
      issues.push({ code: 'statement-list-only', message: 'Only a list of statements was given; read as a policy without Version.', severity: 'warning' });
      continue;
    }
    if (!isRecord(value)) break;
    const o = value;
    if ('Statement' in o || 'statement' in o) {
      return done(o);
    }
    // a document written as text inside CloudFormation's Fn::Sub (`PolicyDocument: !Sub | {…}`)
    const sub = o['Fn::Sub'] !== undefined ? intrinsicString(o) : null;
    if (sub !== null) {
      value = sub;
      continue;
    }
    const role = o['Role'];
    if (isRecord(role) && role['AssumeRolePolicyDocument'] !== undefined) {
      value = role['AssumeRolePolicyDocument'];
      kindHint = 'trust';
      source = 'get-role';
      meta = roleMeta(role);
      continue;
    }
    if (o['AssumeRolePolicyDocument'] !== undefined) {
      value = o['AssumeRolePolicyDocument'];
      kindHint = 'trust';
      source = source ?? 'AssumeRolePolicyDocument';
      // beside it, the role's own name and limits (CloudFormation Properties, Terraform's aws_iam_role)
      meta = meta ?? roleMeta(o);
      continue;
    }
    if (o['PolicyDocument'] !== undefined) {
      value = o['PolicyDocument'];
      source = source ?? 'get-role-policy';
      continue;
    }
    const pv = o['PolicyVersion'];
    if (isRecord(pv) && pv['Document'] !== undefined) {
      value = pv['Document'];
      source = 'get-policy-version';
      continue;
    }
    const pol = o['Policy'];
    if (isRecord(pol) && pol['Content'] !== undefined) {
      const summary = pol['PolicySummary'];
      kindHint = orgKind(isRecord(summary) ? summary['Type'] : undefined) ?? kindHint;
      // an organization policy's ARN names the management account (arn:aws:organizations::<management>:policy/…)
      const arn = isRecord(summary) && typeof summary['Arn'] === 'string' ? summary['Arn'] : '';
      const mgmt = /^arn:aws[a-z-]{0,20}:organizations::(\d{12}):policy\//.exec(arn);
      if (mgmt) meta = { ...meta, managementAccount: mgmt[1]! };
      value = pol['Content'];
      source = 'describe-policy';
      continue;
    }
    // other services' get-…-policy outputs that hold the document as a string: Glue's get-resource-policy
    // (PolicyInJson), CloudWatch Logs' destination (accessPolicy); describe-destinations lists them
    const asString = typeof o['PolicyInJson'] === 'string' ? o['PolicyInJson'] : typeof o['accessPolicy'] === 'string' ? o['accessPolicy'] : null;
    if (asString !== null) {
      value = asString;
      kindHint = kindHint ?? 'resource';
      source = source ?? 'get-resource-policy';
      continue;
    }
    const dests = o['destinations'];
    if (Array.isArray(dests) && dests.length === 1 && isRecord(dests[0]) && typeof dests[0]['accessPolicy'] === 'string') {
      value = dests[0];
      continue;
    }
    if (typeof pol === 'string') {
      value = pol;
      kindHint = kindHint ?? 'resource';
      source = 'get-key-policy/get-bucket-policy';
      continue;
    }
    if (isRecord(pol) && ('Statement' in pol)) {
      value = pol;
      continue;
    }
    // a CloudFormation / SAM template: one of its resources
    if (isRecord(o['Resources']) && round < 3) {
      const r = templateResource(o['Resources'], want, issues);
      if (r) {
        value = r;
        continue;
      }
    }
    // Serverless Framework: provider.iam.role.statements (v3) or provider.iamRoleStatements (v2)
    if (isRecord(o['provider']) && round < 3) {
      value = o['provider'];
      continue;
    }
    const iam = o['iam'];
    const slsStatements = Array.isArray(o['iamRoleStatements']) ? o['iamRoleStatements']
      : isRecord(iam) && isRecord(iam['role']) && Array.isArray(iam['role']['statements']) ? iam['role']['statements'] : null;
    if (slsStatements) {
      source = 'serverless';
      return done({ Version: '2012-10-17', Statement: slsStatements });
    }
    // CloudFormation resource / Terraform state shapes
    if (isRecord(o['Properties']) && round < 3) {
      const props = o['Properties'];
      const inline = templateDocument(props, want) === 'inline' && Array.isArray(props['Policies'])
        ? props['Policies'].find((p) => isRecord(p) && p['PolicyDocument'] !== undefined) as Record<string, unknown> | undefined
        : undefined;
      if (inline) {
        value = inline['PolicyDocument'];
        kindHint = null;
      } else if (props['AssumeRolePolicyDocument'] !== undefined) {
        value = props['AssumeRolePolicyDocument'];
        kindHint = 'trust';
        meta = cfnRoleMeta(props);
      } else if (props['PolicyDocument'] !== undefined) value = props['PolicyDocument'];
      else if (props['KeyPolicy'] !== undefined) {
        value = props['KeyPolicy'];
        kindHint = 'resource';
      } else value = props;
      source = 'cloudformation';
      continue;
    }
    if (o['assume_role_policy'] !== undefined) {
      value = o['assume_role_policy'];
      kindHint = 'trust';
      source = 'terraform';
      meta = terraformRoleMeta(o);
      continue;
    }
    if (o['policy'] !== undefined && (typeof o['policy'] === 'string' || isRecord(o['policy']))) {
      value = o['policy'];
      source = 'terraform';
      continue;
    }
    if (o['Document'] !== undefined) {
      value = o['Document'];
      continue;
    }
    if (o['Content'] !== undefined) {
      value = o['Content'];
      continue;
    }
    break;
  }
  if (isRecord(value) && ('Statement' in value || 'statement' in value)) return done(value);
  if (!issues.some((i) => i.severity === 'error')) {
    issues.push({ code: 'no-statement', message: 'No policy document (an object with a Statement) was found.', severity: 'error' });
  }
  return done(null);
}
