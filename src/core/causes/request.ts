/**
 * Request parameters [aws-facts 3.F]: STS refused the request before any policy was read — a
 * ValidationError (HTTP 400), not an authorization failure. DurationSeconds above the role's
 * MaxSessionDuration, above the one-hour cap of role chaining, or a RoleSessionName outside
 * [\w+=,.@-]{2,64}.
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { codeIs, fromMessage, fromPolicy, fromRequest, has, isAssumeFamily, sig, tokenAfter } from './service-util.js';

const ASSUME_API = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html';
const ROLE_SETTINGS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html';
const CHAINING = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html';

const MAX_WORDING = ['exceeds the maxsessionduration', 'maxsessionduration set for this role'];
const CHAIN_WORDING = ['1 hour session limit for roles assumed by role chaining', 'session limit for roles assumed by role chaining', 'role chaining'];

const saysMax = (ctx: CauseContext) => has(ctx, ...MAX_WORDING);
const saysChain = (ctx: CauseContext) => has(ctx, CHAIN_WORDING[0]!, CHAIN_WORDING[1]!);

/** Every wording isDurationError reads before the ValidationError case (the causes' gate). */
const DURATION_WORDING = [...MAX_WORDING, CHAIN_WORDING[0]!, CHAIN_WORDING[1]!, 'durationseconds exceeds', 'requested durationseconds'];

/** A duration error of any wording (or a ValidationError on an AssumeRole call that asked for a long session). */
function isDurationError(ctx: CauseContext): boolean {
  if (saysMax(ctx) || saysChain(ctx) || has(ctx, 'durationseconds exceeds', 'requested durationseconds')) return true;
  if (codeIs(ctx, 'ValidationError') && isAssumeFamily(ctx)) {
    const d = requestedDuration(ctx);
    if (d !== null && d.value > 3600) return true;
    return has(ctx, "at 'durationseconds'");
  }
  return false;
}

const DURATION_MARKERS = ['--duration-seconds', 'durationseconds=', 'durationseconds:', 'role-duration-seconds:', 'sessionduration attribute', '--session-duration', 'duration_seconds =', 'duration_seconds=', '"durationseconds":'];

/** The duration the call asked for: the request fact, else a number printed next to a known flag. */
function requestedDuration(ctx: CauseContext): { value: number; from: 'request' | 'message' } | null {
  if (typeof ctx.request.durationSeconds === 'number') return { value: ctx.request.durationSeconds, from: 'request' };
  for (const m of DURATION_MARKERS) {
    const tok = tokenAfter(ctx, m, ',;)}');
    if (tok && /^\d{1,6}$/.test(tok)) return { value: Number(tok), from: 'message' };
  }
  return null;
}

/** MaxSessionDuration from a pasted `aws iam get-role` output (in a policy document or in the message). */
function maxSessionDuration(ctx: CauseContext): { value: number; policy: number | null } | null {
  for (let i = 0; i < ctx.policies.length; i++) {
    const v = findNumber(ctx.policies[i]!.document, 'maxsessionduration', 0);
    if (v !== null) return { value: v, policy: i };
  }
  const tok = tokenAfter(ctx, '"maxsessionduration":', ',}');
  if (tok && /^\d{4,5}$/.test(tok)) return { value: Number(tok), policy: null };
  return null;
}

function findNumber(v: unknown, key: string, depth: number): number | null {
  if (depth > 4 || !v) return null;
  if (typeof v === 'string') {
    const i = v.toLowerCase().indexOf(`"${key}"`);
    if (i < 0) return null;
    let j = v.indexOf(':', i);
    if (j < 0) return null;
    j++;
    while (j < v.length && (v[j] === ' ' || v[j] === '\n' || v[j] === '\t' || v[j] === '\r')) j++;
    let n = '';
    while (j < v.length && n.length < 6 && v[j]! >= '0' && v[j]! <= '9') n += v[j++];
    return n ? Number(n) : null;
  }
  if (typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k.toLowerCase() === key && typeof x === 'number') return x;
    if (x && typeof x === 'object') {
      const r = findNumber(x, key, depth + 1);
      if (r !== null) return r;
    }
  }
  return null;
}

const durationExceedsMax: CauseDefinition = {
  id: 'duration-exceeds-max',
  title: 'DurationSeconds is above the role\'s MaxSessionDuration',
  summary: 'The call asked for a longer session than the role allows (MaxSessionDuration, 1–12 hours; 1 hour by default). STS answers ValidationError (HTTP 400) before evaluating any policy.',
  family: 'request',
  prior: 0.2,
  specificity: 2,
  // AWS names the limit that failed: the role-chaining wording rules this one out.
  gate: { codes: ['ValidationError'], phrases: DURATION_WORDING },
  appliesTo: (ctx) => isDurationError(ctx) && !(saysChain(ctx) && !saysMax(ctx)),
  signals: [
    (ctx) => {
      if (saysMax(ctx)) return sig(50, fromMessage('STS says the requested DurationSeconds exceeds the MaxSessionDuration set for this role.'));
      if (saysChain(ctx)) return sig(0.03, fromMessage('The message names the one-hour role-chaining limit, not the role\'s MaxSessionDuration.'));
      return sig(2, fromMessage('A ValidationError about the session duration.'));
    },
    (ctx) => {
      const d = requestedDuration(ctx);
      if (!d) return null;
      const ev = d.from === 'request' ? fromRequest : fromMessage;
      if (d.value <= 3600) {
        const e = ev(`The call asked for ${d.value} seconds; every role allows at least 3600, so MaxSessionDuration cannot be what failed.`);
        return d.from === 'request' ? sig(0.05, e, 'ruled-out') : sig(0.1, e);
      }
      if (d.value > 43200) {
        const e = ev(`The call asked for ${d.value} seconds, above 43200 (12 hours), the largest MaxSessionDuration a role can have.`);
        return d.from === 'request' ? sig(4, e, 'confirmed') : sig(4, e);
      }
      return sig(1.5, ev(`The call asked for ${d.value} seconds (${(d.value / 3600).toFixed(1).replace(/\.0$/, '')} h).`));
    },
    (ctx) => {
      const max = maxSessionDuration(ctx);
      const d = requestedDuration(ctx);
      if (!max) return null;
      const text = (s: string) => (max.policy !== null ? fromPolicy(s, max.policy) : fromMessage(s));
      if (!d) return sig(1.2, text(`The role's MaxSessionDuration is ${max.value} seconds.`));
      if (d.value > max.value) {
        const e = text(`The role's MaxSessionDuration is ${max.value} seconds and the call asked for ${d.value}.`);
        return d.from === 'request' ? sig(5, e, 'confirmed') : sig(5, e);
      }
      const e = text(`The role's MaxSessionDuration is ${max.value} seconds, at or above the ${d.value} the call asked for.`);
      return d.from === 'request' ? sig(0.05, e, 'ruled-out') : sig(0.2, e);
    },
  ],
  confirm: [
    { description: 'Read the role\'s MaxSessionDuration (seconds) in the role\'s account.', command: 'aws iam get-role --role-name {targetRoleName} --query Role.MaxSessionDuration --profile {targetProfile}' },
  ],
  fix: {
    description: 'Ask for at most the role\'s MaxSessionDuration (e.g. --duration-seconds 3600; for SAML lower the IdP\'s SessionDuration attribute), or raise the role\'s maximum (3600–43200 seconds).',
    commands: [
      'aws iam update-role --role-name {targetRoleName} --max-session-duration 43200 --profile {targetProfile}',
      'aws sts assume-role --role-arn {targetRoleArn} --role-session-name {roleSessionName} --duration-seconds 3600',
    ],
  },
  docs: [ROLE_SETTINGS, ASSUME_API],
};

const chaining: CauseDefinition = {
  id: 'role-chaining-1h-limit',
  title: 'A chained role session asked for more than one hour',
  summary: 'The caller\'s credentials are themselves a role session (role chaining), and a session assumed that way is capped at one hour whatever the role\'s MaxSessionDuration. STS answers ValidationError (HTTP 400).',
  family: 'request',
  prior: 0.13,
  specificity: 2,
  // AWS names the limit that failed: the MaxSessionDuration wording rules this one out.
  gate: { codes: ['ValidationError'], phrases: DURATION_WORDING },
  appliesTo: (ctx) => isDurationError(ctx) && !(saysMax(ctx) && !saysChain(ctx)),
  signals: [
    (ctx) => {
      if (saysChain(ctx)) return sig(50, fromMessage('STS says the requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'));
      if (saysMax(ctx)) return sig(0.05, fromMessage('The message names the role\'s MaxSessionDuration, not the role-chaining limit.'));
      return null;
    },
    (ctx) => {
      if (ctx.request.chained === true) return sig(2, fromRequest('The call is chained: its credentials come from another AssumeRole.'));
      if (ctx.request.chained === false) {
        const e = fromRequest('The call is not chained (long-term or web-identity credentials).');
        return saysChain(ctx) ? sig(0.5, e) : sig(0.05, e, 'ruled-out');
      }
      const t = ctx.parsed.caller?.type;
      if (t === 'assumed-role') return sig(2, fromMessage('The caller is a role session, so the AssumeRole call is role chaining.'));
      if (t === 'user' && !saysChain(ctx)) return sig(0.3, fromMessage('The caller is an IAM user, which is not role chaining (unless its keys came from GetSessionToken).'));
      return null;
    },
    (ctx) => {
      const d = typeof ctx.request.durationSeconds === 'number' ? ctx.request.durationSeconds : null;
      if (d === null) return null;
      if (d <= 3600) return sig(0.05, fromRequest(`The call asked for ${d} seconds, within the one-hour chaining limit.`), 'ruled-out');
      return sig(1.3, fromRequest(`The call asked for ${d} seconds, above the 3600 a chained session may have.`));
    },
  ],
  confirm: [
    { description: 'See which credentials make the AssumeRole call: an assumed-role ARN means the call is chained.', command: 'aws sts get-caller-identity --profile {callerProfile}' },
  ],
  fix: {
    description: 'Ask for 3600 seconds or less when chaining, or assume the final role directly from long-term, SSO or web-identity credentials (then the role\'s MaxSessionDuration applies).',
    commands: ['aws sts assume-role --role-arn {targetRoleArn} --role-session-name {roleSessionName} --duration-seconds 3600'],
  },
  docs: [CHAINING, 'https://repost.aws/knowledge-center/iam-role-chaining-limit', ASSUME_API],
};

const NAME_OK = /^[\w+=,.@-]{2,64}$/;

/** `Value 'x' at 'roleSessionName'` → x (bounded scan, no regex on the text). */
function nameFromMessage(ctx: CauseContext): string | null {
  const src = `${ctx.parsed.message ?? ''}\n${ctx.text ?? ''}`;
  const low = src.toLowerCase();
  const at = low.indexOf("' at 'rolesessionname'");
  if (at < 0) return null;
  const start = low.lastIndexOf("value '", at);
  if (start < 0 || at - start > 200) return null;
  return src.slice(start + 7, at);
}

function badChars(name: string): string[] {
  const out = new Set<string>();
  for (const ch of name) if (!/[\w+=,.@-]/.test(ch)) out.add(ch === ' ' ? 'space' : ch);
  return [...out];
}

function describeBad(name: string): string {
  if (name.length > 64) return `'${name.slice(0, 40)}…' is ${name.length} characters long (at most 64)`;
  if (name.length < 2) return `'${name}' is shorter than 2 characters`;
  const bad = badChars(name);
  const fixed = name.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return `'${name}' contains ${bad.map((c) => `'${c}'`).join(', ')}, outside [\\w+=,.@-] (e.g. use '${fixed}')`;
}

const SESSION_WORDING = ["at 'rolesessionname' failed to satisfy constraint", 'rolesessionname in authnresponse must match', 'rolesessionname is required', "'rolesessionname'"];

const sessionName: CauseDefinition = {
  id: 'rolesessionname-invalid',
  title: 'The role session name has characters or a length STS does not accept',
  summary: 'RoleSessionName must be 2–64 characters from letters, digits and _ + = , . @ -; slashes from branch or repository names, colons, spaces and [bot] are common offenders. STS answers ValidationError before evaluating any policy.',
  family: 'request',
  prior: 0.06,
  specificity: 2,
  gate: { phrases: SESSION_WORDING, request: ['roleSessionName'] },
  appliesTo: (ctx) => {
    if (has(ctx, ...SESSION_WORDING)) return true;
    const n = ctx.request.roleSessionName;
    return n !== undefined && !NAME_OK.test(n) && isAssumeFamily(ctx);
  },
  signals: [
    (ctx) => {
      if (has(ctx, "at 'rolesessionname' failed to satisfy constraint")) return sig(50, fromMessage('STS rejected the roleSessionName parameter: it failed the pattern or length constraint.'));
      if (has(ctx, 'rolesessionname in authnresponse must match')) return sig(40, fromMessage('The SAML assertion\'s RoleSessionName attribute does not match [a-zA-Z_0-9+=,.@-]{2,64}.'));
      return null;
    },
    (ctx) => {
      const n = nameFromMessage(ctx);
      if (n === null) return null;
      if (NAME_OK.test(n)) return sig(0.8, fromMessage(`The session name in the message, '${n}', looks valid.`));
      return sig(2, fromMessage(`The session name ${describeBad(n)}.`));
    },
    (ctx) => {
      const n = ctx.request.roleSessionName;
      if (n === undefined) return null;
      const shown = nameFromMessage(ctx);
      if (NAME_OK.test(n)) {
        if (shown !== null && shown !== n) return null; // the message shows another name: trust the message
        return sig(0.05, fromRequest(`The session name '${n}' is valid: 2–64 characters from [\\w+=,.@-].`), 'ruled-out');
      }
      return sig(4, fromRequest(`The session name ${describeBad(n)}.`), 'confirmed');
    },
  ],
  confirm: [
    { description: 'Check the session name against the pattern STS enforces (prints it only when valid).', command: "printf '%s\\n' {roleSessionName} | grep -Ex '[A-Za-z0-9_+=,.@-]{2,64}' || echo 'invalid role session name'" },
  ],
  fix: {
    description: 'Use a session name of 2–64 characters from letters, digits and _ + = , . @ - (replace / : spaces and brackets with -, and truncate to 64). For SAML, fix the IdP\'s RoleSessionName attribute.',
    commands: ['aws sts assume-role --role-arn {targetRoleArn} --role-session-name <name-from-A-Za-z0-9_+=,.@->'],
  },
  docs: [ASSUME_API],
};

export const causes: CauseDefinition[] = [durationExceedsMax, chaining, sessionName];
