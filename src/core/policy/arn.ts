/** ARN helpers: parsing and per-segment matching (IAM matches each of the six parts separately). */
import { Memo } from './cache.js';
import { compileGlob, matchPattern, matchPatternRange, type Pattern } from './match.js';

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(text: string): ArnParts | null {
  if (!text.startsWith('arn:')) return null;
  // the colons after `arn:` by indexOf, each part sliced once (no list of the parts)
  const p = text.indexOf(':', 4);
  const s = p < 0 ? -1 : text.indexOf(':', p + 1);
  const r = s < 0 ? -1 : text.indexOf(':', s + 1);
  const a = r < 0 ? -1 : text.indexOf(':', r + 1);
  if (a < 0) return null;
  return {
    partition: text.slice(4, p),
    service: text.slice(p + 1, s),
    region: text.slice(s + 1, r),
    account: text.slice(r + 1, a),
    resource: text.slice(a + 1),
  };
}

export function isArn(text: string): boolean {
  return parseArn(text) !== null;
}

/**
 * Match an ARN against an ARN pattern segment by segment (`*` in one segment never spans a colon,
 * except inside the resource part, which is everything after the fifth colon).
 * A pattern that is not ARN-shaped is matched against the whole text.
 */
const targetMemo = new Memo<string[] | null>(256);
function targetParts(arn: string): string[] | null {
  const t = parseArn(arn);
  return t ? ['arn', t.partition, t.service, t.region, t.account, t.resource] : null;
}

const CUTS: number[] = [0, 0, 0, 0, 0];

export function arnMatch(pattern: Pattern, arn: string, ignoreCase = false, strict = false): boolean {
  if (strict) {
    // ARN condition operators: both sides must have the six parts
    if (!arn.startsWith('arn:') || targetMemo.get(arn, targetParts) === null) return false;
  } else if (pattern.length === 1 && pattern[0] === -1) return true;
  // the pattern's six parts, as token ranges: split at its first five `:` (patterns are fresh per
  // answer, so a cache of their splits costs more than the scan)
  const cuts = CUTS;
  let found = 0;
  for (let i = 0; i < pattern.length && found < 5; i++) if (pattern[i] === 58) cuts[found++] = i;
  if (found < 5) return strict ? false : matchPattern(pattern, arn, ignoreCase);
  const tParts = targetMemo.get(arn, targetParts);
  if (tParts === null) return matchPattern(pattern, arn, ignoreCase);
  let from = 0;
  for (let i = 0; i < 6; i++) {
    const to = i < 5 ? (cuts[i] as number) : pattern.length;
    if (!matchPatternRange(pattern, from, to, tParts[i] as string, ignoreCase)) return false;
    from = to + 1;
  }
  return true;
}

export function arnGlobMatch(pattern: string, arn: string): boolean {
  return arnMatch(compileGlob(pattern), arn);
}

/** 12-digit account id. */
export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/** The account that owns a principal or resource ARN, or null. */
export function accountOf(arn: string): string | null {
  const p = parseArn(arn);
  if (p && isAccountId(p.account)) return p.account;
  return null;
}

/** For `arn:…:sts::acct:assumed-role/Role/session` → { account, roleName, session, partition }. */
export function assumedRoleParts(arn: string): { partition: string; account: string; roleName: string; session: string } | null {
  const p = parseArn(arn);
  if (!p || p.service !== 'sts' || !p.resource.startsWith('assumed-role/')) return null;
  const rest = p.resource.slice('assumed-role/'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  return { partition: p.partition, account: p.account, roleName: rest.slice(0, slash), session: rest.slice(slash + 1) };
}

/** `arn:…:iam::acct:role/path/Name` → { account, name (last segment), path }. */
export function roleParts(arn: string): { partition: string; account: string; name: string; path: string } | null {
  const p = parseArn(arn);
  if (!p || p.service !== 'iam' || !p.resource.startsWith('role/')) return null;
  const full = p.resource.slice('role/'.length);
  const slash = full.lastIndexOf('/');
  return { partition: p.partition, account: p.account, name: full.slice(slash + 1), path: '/' + full.slice(0, slash + 1) };
}

export function isServicePrincipal(text: string): boolean {
  if (text.length > 256 || text.includes(':') || text.includes('/')) return false;
  return text.endsWith('.amazonaws.com') || text.endsWith('.amazonaws.com.cn');
}
