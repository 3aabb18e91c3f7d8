/** readPolicy: any pasted form → a normalized Policy with issues. Never throws. */
import type { Issue, Policy, PolicyInput, PolicyKind } from '../types.js';
import { POLICY_KINDS } from '../types.js';
import { kindIssues, normalizeDocument } from './normalize.js';
import { digDocument, valueTooDeep } from './read.js';

export function readPolicy(input: PolicyInput, _index = 0): Policy {
  const safe: PolicyInput = input !== null && typeof input === 'object' ? input : { document: input };
  try {
    return readPolicyUnsafe(safe);
  } catch {
    return emptyPolicy({ document: null }, [{ code: 'unreadable', message: 'The policy could not be read.', severity: 'error' }]);
  }
}

function emptyPolicy(input: PolicyInput, issues: Issue[]): Policy {
  const kind = validKind(input.kind);
  return {
    name: typeof input.name === 'string' ? input.name : null,
    kind: kind ?? 'identity',
    kindInferred: kind === null,
    valid: false,
    issues,
    version: null,
    statements: [],
    document: null,
    level: typeof input.level === 'number' && Number.isFinite(input.level) ? input.level : null,
  };
}

function validKind(k: unknown): PolicyKind | null {
  return typeof k === 'string' && (POLICY_KINDS as readonly string[]).includes(k) ? (k as PolicyKind) : null;
}

function readPolicyUnsafe(input: PolicyInput): Policy {
  const issues: Issue[] = [];
  const doc0 = input?.document;
  if (doc0 !== null && typeof doc0 === 'object') {
    const bad = valueTooDeep(doc0);
    if (bad) {
      return emptyPolicy(input, [{ code: bad === 'depth' ? 'too-deep' : 'document-too-large', message: bad === 'depth' ? 'The document is nested too deeply.' : 'The document is too large.', severity: 'error' }]);
    }
  }
  const dug = digDocument(doc0, validKind(input.kind));
  issues.push(...dug.issues);
  const given = validKind(input.kind);
  if (input.kind !== undefined && given === null) {
    issues.push({ code: 'unknown-kind', message: `Unknown policy kind "${String(input.kind)}"; the kind was inferred instead.`, severity: 'warning' });
  }
  if (!dug.doc) {
    const p = emptyPolicy(input, issues);
    if (given === null && dug.kindHint) p.kind = dug.kindHint;
    if (dug.meta) p.meta = dug.meta;
    return p;
  }
  const norm = normalizeDocument(dug.doc, given ?? dug.kindHint);
  issues.push(...norm.issues);
  let kind: PolicyKind;
  if (given) kind = given;
  else if (dug.kindHint) kind = dug.kindHint;
  else if (norm.hasPrincipal) kind = norm.trustActions ? 'trust' : 'resource';
  else kind = 'identity';
  const stRaw = dug.doc['Statement'] ?? dug.doc['statement'];
  issues.push(...kindIssues(kind, norm.statements, !Array.isArray(stRaw)));
  const policy: Policy = {
    name: typeof input.name === 'string' ? input.name : null,
    kind,
    kindInferred: given === null,
    valid: norm.statements.some((s) => (s.action !== null && s.action.length > 0) || s.notAction !== null),
    issues,
    version: norm.version,
    statements: norm.statements,
    document: dug.doc,
    level: typeof input.level === 'number' && Number.isFinite(input.level) ? input.level : null,
  };
  if (dug.meta) policy.meta = dug.meta;
  return policy;
}
