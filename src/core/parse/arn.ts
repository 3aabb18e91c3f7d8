/**
 * ARN → Caller / Target fields. The `arn` field stays exactly as printed (placeholders included);
 * derived fields are filled only from what is really there.
 */
import type { Caller, PrincipalType, Target } from '../types.js';
import { isAccountId, isPlaceholder } from './redaction.js';
import { isRegion, stripQuotes } from './text.js';

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Split an ARN (also one missing its `arn:` prefix, as in `aws:iam::*:role/x`). */
export function splitArn(raw: string): ArnParts | null {
  let s = raw;
  if (!/^arn:/i.test(s)) {
    if (/^aws(?:-[a-z-]{1,20})?:[a-z0-9-]{1,40}:[^:]{0,40}:[^:]{0,60}:./i.test(s)) s = 'arn:' + s;
    else return null;
  }
  // the fields between the first five colons, the resource the rest (no array of every piece)
  const c1 = s.indexOf(':');
  const c2 = s.indexOf(':', c1 + 1);
  if (c2 < 0) return null;
  const c3 = s.indexOf(':', c2 + 1);
  const c4 = c3 < 0 ? -1 : s.indexOf(':', c3 + 1);
  const c5 = c4 < 0 ? -1 : s.indexOf(':', c4 + 1);
  const service = s.slice(c2 + 1, c3 < 0 ? s.length : c3).toLowerCase();
  return {
    partition: s.slice(c1 + 1, c2),
    service: /\s/.test(service) ? service.replace(/\s+/g, '') : service,
    region: c3 < 0 ? '' : s.slice(c3 + 1, c4 < 0 ? s.length : c4),
    account: c4 < 0 ? '' : s.slice(c4 + 1, c5 < 0 ? s.length : c5),
    resource: c5 < 0 ? '' : s.slice(c5 + 1),
  };
}

/** Clean an ARN-ish token as printed: quotes, markdown link tails, unbalanced closers, trailing dots. */
export function cleanToken(raw: string): string {
  let s = stripQuotes(raw.trim());
  // a space pasted after an ARN's last slash ("…:assumed-role/Role/ Session"): one token, the space is no part of it
  if (s.startsWith('arn:') && s.includes('/ ')) s = s.replace(/^(arn:\S*\/) +(?=[^\s/]+$)/, '$1');
  const md = s.indexOf('](');
  if (md > 0) s = s.slice(0, md);
  // drop unbalanced trailing closers and sentence punctuation
  for (let guard = 0; guard < 10; guard++) {
    const last = s[s.length - 1];
    if (last === undefined) break;
    if (last === ')' && count(s, '(') < count(s, ')')) { s = s.slice(0, -1); continue; }
    if (last === ']' && count(s, '[') < count(s, ']')) { s = s.slice(0, -1); continue; }
    if (last === '}' && count(s, '{') < count(s, '}')) { s = s.slice(0, -1); continue; }
    if ((last === ',' || last === ';' || last === '"' || last === "'") && s.length > 1) { s = s.slice(0, -1); continue; }
    if (last === '.' && s.length > 1 && !s.endsWith('...') && !/^\.+$/.test(s)) { s = s.slice(0, -1); continue; }
    // a colon after a whole ARN is the label separator of what follows ("…:function:my-fn: ClientError"); only a log
    // stream's ARN ends in one (`…:log-group:NAME:log-stream:`), and an ARN cut short before its resource keeps it
    if (last === ':' && /^arn:/i.test(s) && count(s, ':') >= 6 && !/:log-stream:$/i.test(s)) { s = s.slice(0, -1); continue; }
    break;
  }
  // leading openers
  while (s.length > 1 && (s[0] === '(' || s[0] === '[') && !s.includes(s[0] === '(' ? ')' : ']')) s = s.slice(1);
  return stripQuotes(s);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

export interface ParsedCaller {
  caller: Caller;
  redactions: string[];
}

const SERVICE_PRINCIPAL = /^[a-z0-9.-]{1,80}\.amazonaws\.com(?:\.cn)?$/i;

export function parseCaller(printed: string): ParsedCaller {
  const arn = printed;
  const redactions: string[] = [];
  const c: Caller = { arn, type: 'unknown', accountId: null, partition: null, name: null, sessionName: null, roleArn: null };
  const a = splitArn(arn);
  if (!a) {
    if (SERVICE_PRINCIPAL.test(arn)) {
      c.type = 'service';
      c.name = arn;
    } else if (/^(?:anonymous|\*)$/i.test(arn)) {
      c.type = 'anonymous';
    } else if (/^\d{12}$/.test(arn)) {
      c.accountId = arn;
      c.type = 'root';
    } else if (/^(?:AROA|AIDA|ASIA|AKIA)[A-Z0-9]{8,}/.test(arn)) {
      c.type = 'unknown';
    } else if (isPlaceholder(arn) || /^\.{2,}/.test(arn) || /\.\.\.|…/.test(arn)) {
      redactions.push('caller-arn');
    }
    return { caller: c, redactions };
  }
  c.partition = a.partition && /^aws(?:-[a-z-]{1,20})?$/.test(a.partition) ? a.partition : null;
  if (isAccountId(a.account)) c.accountId = a.account;
  else if (a.account !== '' || a.service === 'sts') {
    if (a.account !== '*' || true) redactions.push('account-id');
  }
  const res = a.resource;
  const slash = res.indexOf('/');
  const kind = (slash >= 0 ? res.slice(0, slash) : res).toLowerCase();
  const rest = slash >= 0 ? res.slice(slash + 1) : '';
  const segs = rest.split('/');
  if (a.service === 'sts' && kind === 'assumed-role') {
    c.type = 'assumed-role';
    const role = segs[0] || null;
    c.name = role;
    c.sessionName = segs.length > 1 ? segs.slice(1).join('/') || null : null;
    // an account redacted with spaces around it (" ... ") is written without them in the derived role ARN
    const acct = a.account.trim();
    if (role && acct) c.roleArn = `arn:${a.partition || 'aws'}:iam::${acct}:role/${role}`;
    if (role && isPlaceholder(role, false)) redactions.push('role-name');
    if (c.sessionName && isPlaceholder(c.sessionName, false)) redactions.push('session-name');
  } else if (a.service === 'sts' && kind === 'federated-user') {
    c.type = 'federated-user';
    c.name = segs.join('/') || null;
    c.sessionName = c.name;
  } else if (a.service === 'iam' && kind === 'user') {
    c.type = 'user';
    c.name = segs[segs.length - 1] || null;
  } else if (a.service === 'iam' && kind === 'role') {
    c.type = 'role';
    c.name = segs[segs.length - 1] || null;
    c.roleArn = arn;
  } else if (a.service === 'iam' && kind === 'root') {
    c.type = 'root';
  } else if (a.service === 'iam' && (kind === 'saml-provider')) {
    c.type = 'saml';
    c.name = segs.join('/') || null;
  } else if (a.service === 'iam' && (kind === 'oidc-provider')) {
    c.type = 'web-identity';
    c.name = segs.join('/') || null;
  } else if (a.service.includes('iam') || a.service.includes('sts') || a.service.includes('am')) {
    // mangled service (`I am`): guess from the resource kind
    if (kind === 'user') { c.type = 'user'; c.name = segs[segs.length - 1] || null; }
    else if (kind === 'role') { c.type = 'role'; c.name = segs[segs.length - 1] || null; }
    else if (kind === 'assumed-role') { c.type = 'assumed-role'; c.name = segs[0] || null; c.sessionName = segs.slice(1).join('/') || null; }
  }
  if (c.name && isPlaceholder(c.name, false) && !redactions.includes('role-name')) redactions.push(c.type === 'user' ? 'user-name' : 'role-name');
  return { caller: c, redactions };
}

export interface ParsedTarget {
  target: Target;
  redactions: string[];
}

const NO_ACCOUNT_SERVICES = new Set(['s3', 'route53', 'cloudfront', 'waf']);

export function parseTarget(printed: string): ParsedTarget {
  const redactions: string[] = [];
  const t: Target = { arn: printed, accountId: null, partition: null, service: null, region: null, resourceType: null, name: null, path: null };
  const a = splitArn(printed);
  if (!a) {
    if (isPlaceholder(printed) || /\.\.\.|…/.test(printed)) redactions.push('target-arn');
    else if (printed !== '*') t.name = printed;
    return { target: t, redactions };
  }
  t.partition = /^aws(?:-[a-z-]{1,20})?$/.test(a.partition) ? a.partition : null;
  t.service = /^[a-z0-9-]{1,40}$/.test(a.service) ? a.service : null;
  t.region = isRegion(a.region) ? a.region : null;
  if (a.region && !t.region && a.region !== '*' && isPlaceholder(a.region)) redactions.push('region');
  if (isAccountId(a.account)) t.accountId = a.account;
  else if (a.account !== '' && a.account !== '*') redactions.push('account-id');
  else if (a.account === '' && a.service !== '' && !NO_ACCOUNT_SERVICES.has(a.service) && a.service !== 'iam') {
    // services without account in the ARN are few; an empty account elsewhere is just absent
  }
  const res = a.resource;
  if (a.service === 's3' && res.startsWith('accesspoint/')) {
    // arn:aws:s3:region:acct:accesspoint/NAME[/object/KEY]
    const name = res.slice('accesspoint/'.length).split('/', 1)[0] ?? '';
    t.resourceType = 'accesspoint';
    t.name = name || null;
    return { target: t, redactions };
  }
  if (a.service === 's3') {
    const slash = res.indexOf('/');
    if (slash < 0) { t.resourceType = 'bucket'; t.name = res || null; }
    else { t.resourceType = 'object'; t.name = res.slice(slash + 1) || null; }
    if (res && isPlaceholder(slash < 0 ? res : res.slice(0, slash), false)) redactions.push('bucket-name');
    return { target: t, redactions };
  }
  // resource-type/name, resource-type:name, or bare name
  const m = /^([A-Za-z0-9_.*-]{1,60})([/:])(.*)$/.exec(res);
  if (m) {
    t.resourceType = m[1] ?? null;
    const rest = m[3] ?? '';
    if (a.service === 'iam' || a.service === 'sts') {
      const segs = rest.split('/');
      t.name = segs[segs.length - 1] || null;
      t.path = segs.length > 1 ? '/' + segs.slice(0, -1).join('/') + '/' : '/';
    } else {
      t.name = rest || null;
    }
  } else {
    t.name = res || null;
  }
  if (t.name && isPlaceholder(t.name, false)) redactions.push('target-name');
  return { target: t, redactions };
}

/** Principal type from a caller ARN (exported for other helpers). */
export function principalTypeOf(arn: string): PrincipalType {
  return parseCaller(arn).caller.type;
}
