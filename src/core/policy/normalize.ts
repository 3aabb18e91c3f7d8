/** Normalizing a policy document: every element an array, issues with JSON paths. */
import type { ConditionClause, Issue, PolicyKind, PrincipalElement, Statement } from '../types.js';
import { parseOperator } from './conditions.js';
import { iacReferences, intrinsicString } from './iac.js';

const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'];
const TOP_ELEMENTS = ['Version', 'Id', 'Statement'];
const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const STATEMENT_LOWER = new Set(STATEMENT_ELEMENTS.map((e) => e.toLowerCase()));
const TOP_LOWER = new Set(TOP_ELEMENTS.map((e) => e.toLowerCase()));
const MAX_STATEMENTS = 1000;
const MAX_VALUES = 2000;
export const TRUST_ACTIONS = [
  'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:TagSession',
  'sts:SetSourceIdentity', 'sts:SetContext', 'sts:AssumeRoot',
];
const TRUST_BY_LOWER = new Map(TRUST_ACTIONS.map((t) => [t.toLowerCase(), t]));

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function scalar(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // a CloudFormation intrinsic ({"Fn::Sub": …}, {"Ref": …}) stands for a string the deployment fills in (iac.ts)
  return intrinsicString(v);
}

/**
 * Look up an element by exact name, else case-insensitively (with an issue). `exact`: every key of
 * `o` is an element name spelled as IAM spells it, so there is no other spelling to look for (the
 * usual case: the scan copied the keys and lower-cased each one for every absent element).
 */
function element(o: Record<string, unknown>, name: string, path: string, issues: Issue[], exact: boolean): unknown {
  // exact: `name in o` holds just when o[name] is there, so the read alone answers (an `in` per element was a generic lookup each)
  if (exact) return o[name];
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) {
    if (k.toLowerCase() === lower) {
      issues.push({ code: 'element-case', message: `"${k}" should be written "${name}"; IAM rejects other spellings.`, path: `${path}.${k}`, severity: 'warning' });
      return o[k];
    }
  }
  return undefined;
}

/** Whether every key is one of the names, spelled exactly. */
function allSpelled(keys: readonly string[], names: readonly string[]): boolean {
  for (const k of keys) if (!names.includes(k)) return false;
  return true;
}

/** The values of an element at `${path}.${key}` (the path is written out only for an issue). */
function stringList(v: unknown, path: string, key: string, issues: Issue[]): string[] {
  const out: string[] = [];
  if (!Array.isArray(v)) {
    const s = scalar(v);
    if (s === null) issues.push({ code: 'invalid-value', message: 'Expected a string or a list of strings.', path: `${path}.${key}`, severity: 'error' });
    else out.push(s);
    return out;
  }
  for (let i = 0; i < v.length && out.length < MAX_VALUES; i++) {
    const s = scalar(v[i]);
    if (s === null) {
      issues.push({ code: 'invalid-value', message: 'Expected a string or a list of strings.', path: `${path}.${key}[${i}]`, severity: 'error' });
    } else out.push(s);
  }
  return out;
}

function readPrincipal(v: unknown, path: string, issues: Issue[], kind: PolicyKind | null): PrincipalElement {
  const el: PrincipalElement = { wildcard: false, AWS: [], Service: [], Federated: [], CanonicalUser: [] };
  if (v === '*') {
    el.wildcard = true;
    return el;
  }
  if (!isRecord(v)) {
    issues.push({ code: 'invalid-principal', message: 'Principal must be "*" or an object such as {"AWS": "…"}.', path, severity: 'error' });
    return el;
  }
  for (const [k, raw] of Object.entries(v)) {
    const key = PRINCIPAL_KEYS.find((p) => p.toLowerCase() === k.toLowerCase());
    if (!key) {
      issues.push({ code: 'unknown-principal-type', message: `Unknown principal type "${k}" (use AWS, Service, Federated or CanonicalUser).`, path: `${path}.${k}`, severity: 'error' });
      continue;
    }
    const list = stringList(raw, path, k, issues);
    (el[key as 'AWS' | 'Service' | 'Federated' | 'CanonicalUser']).push(...list);
    list.forEach((value, i) => {
      const vpath = Array.isArray(raw) ? `${path}.${k}[${i}]` : `${path}.${k}`;
      if (value !== '*' && value.includes('*')) {
        issues.push({ code: 'principal-partial-wildcard', message: `"${value}": a Principal cannot hold a partial wildcard; IAM rejects it ("Invalid principal in policy"). Use "*" with an ArnLike condition on aws:PrincipalArn.`, path: vpath, severity: 'error' });
      }
      if (key === 'AWS' && /^A(ROA|IDA)[A-Z0-9]{8,40}$/.test(value)) {
        issues.push({ code: 'principal-unique-id', message: `"${value}" is a unique id, not an ARN: the ${value.startsWith('AROA') ? 'role' : 'user'} it named was deleted (and maybe recreated with a new id); this entry matches nobody. Save the policy again with the ARN.`, path: vpath, severity: 'error' });
      }
      if (key === 'AWS' && value.startsWith('arn:') && value.includes(':assumed-role/') && kind === 'trust') {
        issues.push({ code: 'principal-session-arn', message: `"${value}" names one session only; name the role ARN (arn:…:iam::…:role/…) to trust every session.`, path: vpath, severity: 'warning' });
      }
    });
  }
  return el;
}

function readConditions(v: unknown, path: string, issues: Issue[]): ConditionClause[] {
  const out: ConditionClause[] = [];
  if (!isRecord(v)) {
    issues.push({ code: 'invalid-condition', message: 'Condition must be an object of operator → {key: value}.', path, severity: 'error' });
    return out;
  }
  for (const [op, block] of Object.entries(v)) {
    const parsed = parseOperator(op);
    const opPath = `${path}.${op}`;
    if (!parsed.def) {
      issues.push({ code: 'unknown-operator', message: `"${op}" is not a condition operator; IAM rejects the policy, and the condition never matches here.`, path: opPath, severity: 'error' });
    } else if (parsed.caseDiffers) {
      issues.push({ code: 'operator-case', message: `"${op}" should be written with the case AWS uses ("${parsed.baseOperator}").`, path: opPath, severity: 'warning' });
    }
    if (!isRecord(block)) {
      issues.push({ code: 'invalid-condition', message: 'Each operator needs an object of {key: value}.', path: opPath, severity: 'error' });
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const values = stringList(raw, opPath, key, issues);
      out.push({ operator: op, baseOperator: parsed.baseOperator, setOperator: parsed.setOperator, ifExists: parsed.ifExists, key, values });
      if (parsed.def?.name === 'Null' && values.some((x) => x.toLowerCase() !== 'true' && x.toLowerCase() !== 'false')) {
        issues.push({ code: 'null-value', message: 'Null takes "true" (key absent) or "false" (key present).', path: `${opPath}.${key}`, severity: 'error' });
      }
    }
  }
  return out;
}

export interface Normalized {
  version: string | null;
  statements: Statement[];
  issues: Issue[];
  hasPrincipal: boolean;
  trustActions: boolean;
}

export function normalizeDocument(doc: Record<string, unknown>, kind: PolicyKind | null): Normalized {
  const issues: Issue[] = [];
  const topKeys = Object.keys(doc);
  const topExact = allSpelled(topKeys, TOP_ELEMENTS);
  for (const k of topKeys) {
    if (!TOP_ELEMENTS.includes(k) && !TOP_LOWER.has(k.toLowerCase())) {
      issues.push({ code: 'unknown-element', message: `Unknown top-level element "${k}".`, path: k, severity: 'error' });
    }
  }
  const versionRaw = element(doc, 'Version', '', issues, topExact);
  const version = scalar(versionRaw);
  if (versionRaw === undefined) {
    issues.push({ code: 'version-missing', message: 'No "Version": "2012-10-17"; policy variables such as ${aws:username} stay literal text.', path: 'Version', severity: 'warning' });
  } else if (version !== '2012-10-17') {
    issues.push({ code: 'version-old', message: `Version "${String(version)}": policy variables stay literal text; use "2012-10-17".`, path: 'Version', severity: 'warning' });
  }
  const stRaw = element(doc, 'Statement', '', issues, topExact);
  const single = !Array.isArray(stRaw);
  const list = Array.isArray(stRaw) ? stRaw : stRaw === undefined ? [] : [stRaw];
  if (list.length > MAX_STATEMENTS) {
    issues.push({ code: 'too-many-statements', message: `Only the first ${MAX_STATEMENTS} statements were read.`, path: 'Statement', severity: 'warning' });
  }
  const statements: Statement[] = [];
  let hasPrincipal = false;
  let trustActions = false;
  for (let i = 0; i < list.length && i < MAX_STATEMENTS; i++) {
    const path = single ? 'Statement' : `Statement[${i}]`;
    const s = list[i];
    if (!isRecord(s)) {
      issues.push({ code: 'invalid-statement', message: 'A statement must be an object.', path, severity: 'error' });
      continue;
    }
    const keys = Object.keys(s);
    const exact = allSpelled(keys, STATEMENT_ELEMENTS);
    for (const k of keys) {
      if (!STATEMENT_ELEMENTS.includes(k) && !STATEMENT_LOWER.has(k.toLowerCase())) {
        issues.push({ code: 'unknown-element', message: `Unknown statement element "${k}"; IAM rejects the policy.`, path: `${path}.${k}`, severity: 'error' });
      }
    }
    const effectRaw = scalar(element(s, 'Effect', path, issues, exact));
    if (effectRaw !== 'Allow' && effectRaw !== 'Deny') {
      issues.push({ code: 'invalid-effect', message: `Effect must be "Allow" or "Deny" (got ${JSON.stringify(effectRaw ?? null)}); the statement is ignored.`, path: `${path}.Effect`, severity: 'error' });
      continue;
    }
    const sid = scalar(element(s, 'Sid', path, issues, exact));
    const a = element(s, 'Action', path, issues, exact);
    const na = element(s, 'NotAction', path, issues, exact);
    const r = element(s, 'Resource', path, issues, exact);
    const nr = element(s, 'NotResource', path, issues, exact);
    const p = element(s, 'Principal', path, issues, exact);
    const np = element(s, 'NotPrincipal', path, issues, exact);
    const c = element(s, 'Condition', path, issues, exact);
    if (a !== undefined && na !== undefined) {
      issues.push({ code: 'action-and-notaction', message: 'A statement cannot hold both Action and NotAction.', path, severity: 'error' });
    }
    if (a === undefined && na === undefined) {
      issues.push({ code: 'missing-action', message: 'The statement has no Action or NotAction; it matches nothing.', path, severity: 'error' });
    }
    if (r !== undefined && nr !== undefined) {
      issues.push({ code: 'resource-and-notresource', message: 'A statement cannot hold both Resource and NotResource.', path, severity: 'error' });
    }
    if (p !== undefined && np !== undefined) {
      issues.push({ code: 'principal-and-notprincipal', message: 'A statement cannot hold both Principal and NotPrincipal.', path, severity: 'error' });
    }
    const action = a !== undefined ? stringList(a, path, 'Action', issues) : na === undefined ? [] : null;
    const notAction = na !== undefined && a === undefined ? stringList(na, path, 'NotAction', issues) : null;
    const statement: Statement = {
      index: i,
      sid,
      effect: effectRaw,
      action,
      notAction,
      resource: r !== undefined ? stringList(r, path, 'Resource', issues) : null,
      notResource: nr !== undefined && r === undefined ? stringList(nr, path, 'NotResource', issues) : null,
      principal: p !== undefined ? readPrincipal(p, `${path}.Principal`, issues, kind) : null,
      notPrincipal: np !== undefined && p === undefined ? readPrincipal(np, `${path}.NotPrincipal`, issues, kind) : null,
      conditions: c !== undefined ? readConditions(c, `${path}.Condition`, issues) : [],
    };
    if (statement.principal || statement.notPrincipal) hasPrincipal = true;
    const acts = statement.action ?? [];
    acts.forEach((act, ai) => {
      if (!act.startsWith('sts:') && !act.startsWith('STS:') && act.length > 3 && act.slice(0, 4).toLowerCase() !== 'sts:') return;
      const lower = act.toLowerCase();
      const canonical = TRUST_BY_LOWER.get(lower);
      if (canonical || lower === 'sts:*') trustActions = true;
      if (canonical && canonical !== act && (kind === 'trust' || (kind === null && (statement.principal || statement.notPrincipal)))) {
        issues.push({ code: 'trust-action-case', message: `"${act}": IAM rejects this case in a trust policy ("AssumeRole policy may only specify STS AssumeRole actions"); write "${canonical}".`, path: Array.isArray(a) ? `${path}.Action[${ai}]` : `${path}.Action`, severity: 'error' });
      }
    });
    statements.push(statement);
  }
  if (list.length === 0) {
    issues.push({ code: 'no-statement', message: 'The policy has no statements.', path: 'Statement', severity: 'error' });
  }
  const refs = deployTimeReferences(statements);
  if (refs.length > 0) {
    const shown = refs.slice(0, 3).map((r) => '${' + r + '}').join(', ') + (refs.length > 3 ? `, … (${refs.length - 3} more)` : '');
    issues.push({
      code: 'deploy-time-references',
      message: `Values filled in at deploy time (${shown}) are read as unknown where they decide a statement; paste the deployed document to decide them.`,
      path: '',
      severity: 'warning',
    });
  }
  return { version, statements, issues, hasPrincipal, trustActions };
}

/** The deploy-time references (iac.ts) in the statements' values, in order. */
function deployTimeReferences(statements: readonly Statement[]): string[] {
  const out: string[] = [];
  const scan = (values: readonly string[] | null): void => {
    if (values) for (const v of values) if (v.includes('${')) iacReferences(v, out);
  };
  for (const s of statements) {
    scan(s.action); scan(s.notAction); scan(s.resource); scan(s.notResource);
    for (const el of [s.principal, s.notPrincipal]) if (el) { scan(el.AWS); scan(el.Service); scan(el.Federated); }
    for (const c of s.conditions) { scan(c.values); if (c.key.includes('${')) iacReferences(c.key, out); }
  }
  return out;
}

/** Issues that depend on the final kind. */
export function kindIssues(kind: PolicyKind, statements: Statement[], single: boolean): Issue[] {
  const issues: Issue[] = [];
  for (const s of statements) {
    const path = single ? 'Statement' : `Statement[${s.index}]`;
    if (kind === 'trust' && s.notPrincipal) {
      issues.push({ code: 'notprincipal-in-trust', message: 'NotPrincipal cannot be used in a role trust policy; IAM rejects it.', path: `${path}.NotPrincipal`, severity: 'error' });
    }
    if ((kind === 'trust' || kind === 'resource') && !s.principal && !s.notPrincipal) {
      issues.push({ code: 'missing-principal', message: `A ${kind === 'trust' ? 'trust' : 'resource-based'} policy statement needs a Principal.`, path, severity: 'error' });
    }
    if ((kind === 'identity' || kind === 'permissions-boundary' || kind === 'session' || kind === 'scp') && (s.principal || s.notPrincipal)) {
      issues.push({ code: 'principal-not-allowed', message: `A ${kind} policy cannot hold Principal or NotPrincipal; the element is ignored.`, path: `${path}.${s.principal ? 'Principal' : 'NotPrincipal'}`, severity: 'error' });
    }
    if (kind === 'rcp') {
      if (s.effect === 'Allow' && !(s.action?.includes('*') && s.resource?.includes('*'))) {
        issues.push({ code: 'rcp-allow', message: 'Only RCPFullAWSAccess may allow in a resource control policy; other RCP statements must be Deny (an Allow here changes nothing).', path: `${path}.Effect`, severity: 'warning' });
      }
      if (s.notAction) issues.push({ code: 'rcp-notaction', message: 'NotAction is not supported in a resource control policy.', path: `${path}.NotAction`, severity: 'error' });
      if (s.principal && !s.principal.wildcard) issues.push({ code: 'rcp-principal', message: 'A resource control policy must use "Principal": "*" (narrow it with conditions).', path: `${path}.Principal`, severity: 'error' });
    }
    if (kind !== 'trust' && s.resource === null && s.notResource === null) {
      issues.push({ code: 'missing-resource', message: 'The statement has no Resource; read as "*" here, but IAM requires it.', path, severity: 'warning' });
    }
  }
  return issues;
}
