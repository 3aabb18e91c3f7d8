/**
 * Secret detection: people paste `env | grep AWS_`, credentials files, SDK debug logs and
 * presigned URLs together with their error. Everything credential-shaped is replaced by a marker
 * such as `[REDACTED:aws-secret-access-key]` before the text is parsed, so no later stage (parsed
 * fields, causes, commands, renderers) can echo it, and one `secret-redacted` warning per kind tells
 * the person to rotate what they exposed (never repeating the secret itself).
 *
 * Linear time: every pattern is a literal or a single character class with a bounded quantifier,
 * and every class run is anchored by a negative lookbehind on the same class, so a long run is tried
 * once (at its start), not at each of its positions. Nothing here may touch what the parser needs:
 * ARNs, unique ids (AROA…, AIDA…), request and host ids, account ids, and the encoded authorization
 * message blob (long base64, but not a secret) all survive.
 */
import type { Warning } from './types.js';
import { GateSet, gateOf } from './parse/gate.js';

export const SECRET_KINDS = [
  'private-key', 'aws-presigned-url', 'aws-signature', 'aws-secret-access-key', 'aws-session-token',
  'web-identity-token-signature', 'github-token', 'password', 'aws-access-key-id',
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export function redactionMarker(kind: SecretKind): string {
  return `[REDACTED:${kind}]`;
}

const ADVICE: Record<SecretKind, string> = {
  'private-key':
    'Your text contained a private key (PEM block). It was removed before analysis and is not in this answer. ' +
    'Treat it as exposed: replace the key pair and remove the old public key wherever it is trusted.',
  'aws-presigned-url':
    'Your text contained a presigned URL signature or credential. It was removed before analysis and is not in this answer. ' +
    'Anyone holding the URL can use it until it expires; if it was signed with long-term access keys, rotate those keys.',
  'aws-signature':
    'Your text contained an AWS request signature (Authorization header). It was removed before analysis and is not in this answer. ' +
    'A debug log with signed headers usually sits next to the credentials that signed them: rotate those keys if the log was shared.',
  'aws-secret-access-key':
    'Your text contained an AWS secret access key. It was removed before analysis and is not in this answer. ' +
    'Treat it as compromised and rotate it now: `aws iam create-access-key`, switch to the new key, then ' +
    '`aws iam update-access-key --status Inactive` and `aws iam delete-access-key` on the old one. Prefer roles or IAM Identity Center over long-term keys.',
  'aws-session-token':
    'Your text contained an AWS session token. It was removed before analysis and is not in this answer. ' +
    'Temporary credentials stay valid until they expire; to cut them off now, revoke the role\'s active sessions ' +
    '(IAM console → the role → Revoke active sessions), and rotate any long-term key pasted with them.',
  'web-identity-token-signature':
    'Your text contained a signed web identity token (JWT). Its signature was removed before analysis, so the token cannot be replayed from this answer; ' +
    'its claims are kept. Tokens like this expire quickly, but do not share a still-valid one.',
  'github-token':
    'Your text contained a GitHub token. It was removed before analysis and is not in this answer. ' +
    'Revoke it now (GitHub → Settings → Developer settings → tokens) and create a new one.',
  password:
    'Your text contained a password. It was removed before analysis and is not in this answer. Change that password.',
  'aws-access-key-id':
    'Your text contained an AWS access key ID. It was removed before analysis and is not in this answer. ' +
    'If its secret access key was ever pasted or shared with it: a long-term key (AKIA…) must be rotated — `aws iam create-access-key`, ' +
    'switch to the new key, then deactivate and delete the old one; a temporary key (ASIA…, as in CloudTrail events) cannot be, ' +
    'it expires with its session (revoke the role\'s active sessions to cut it off sooner).',
};

/** Values that are placeholders, not secrets (`<secret>`, `****`, `xxxxxxxx`, `REDACTED`, `${VAR}`). */
function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  const v = value.toLowerCase();
  if (v.includes('redacted') || v.includes('<') || v.includes('*') || v.includes('${') || v.includes('...') || v.includes('…')) return true;
  // one repeated character (xxxxxxxx, 00000000)
  let same = true;
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) { same = false; break; }
  if (same) return true;
  if (/^(?:x{3,100}|your[a-z_-]{0,60}|changeme|password|secret|example|none|null|undefined|true|false)$/.test(v)) return true;
  return false;
}

function hasUpperLowerDigit(s: string): boolean {
  let u = false, l = false, d = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) u = true;
    else if (c >= 97 && c <= 122) l = true;
    else if (c >= 48 && c <= 57) d = true;
  }
  return u && l && d;
}

interface Detector {
  kind: SecretKind;
  pattern: RegExp;
  /** Builds the replacement from the match; return null to leave the match alone. */
  replace: (m: RegExpExecArray, text: string) => string | null;
}

// Key names followed by a separator: `KEY=`, `KEY: `, `"Key": "`, `<Key>`, `'Key': b'`, `KEY = "`.
const SEP = String.raw`["']?\s{0,8}(?:[:=]|=>|>)\s{0,8}(?:b?["'])?`;

export const DETECTORS: Detector[] = [
  // Presigned URL query parameters (SigV4 and SigV2).
  {
    kind: 'aws-presigned-url',
    pattern: /([?&](?:amp;)?(?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature)=)[^&\s"'<>#]{1,8192}/gi,
    replace: (m) => (isPlaceholder(m[0].slice(m[1]!.length)) ? null : m[1] + redactionMarker('aws-presigned-url')),
  },
  // Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=<64 hex>
  {
    kind: 'aws-signature',
    pattern: /(Signature=)[0-9a-f]{64}(?![0-9a-zA-Z])/g,
    replace: (m) => m[1] + redactionMarker('aws-signature'),
  },
  // Keyed secret access keys: AWS_SECRET_ACCESS_KEY=…, aws_secret_access_key = …, "SecretAccessKey": "…",
  // <SecretAccessKey>…</SecretAccessKey>, secret_key = "…" (Terraform provider block).
  {
    kind: 'aws-secret-access-key',
    pattern: new RegExp(String.raw`((?:secret_?access_?key|secret_?key)(?:_?id)?${SEP})[A-Za-z0-9/+=]{16,1024}`, 'gi'),
    replace: (m) => (isPlaceholder(m[0].slice(m[1]!.length)) ? null : m[1] + redactionMarker('aws-secret-access-key')),
  },
  // `aws configure set aws_secret_access_key VALUE`
  {
    kind: 'aws-secret-access-key',
    pattern: /(aws_secret_access_key[ \t]{1,8})[A-Za-z0-9/+=]{30,1024}/gi,
    replace: (m) => (isPlaceholder(m[0].slice(m[1]!.length)) ? null : m[1] + redactionMarker('aws-secret-access-key')),
  },
  // Keyed session tokens: AWS_SESSION_TOKEN=…, aws_security_token, "SessionToken": "…", X-Amz-Security-Token: …
  {
    kind: 'aws-session-token',
    pattern: new RegExp(String.raw`((?:session_?token|security_?token|x-amz-security-token)${SEP})[A-Za-z0-9/+=%]{32,16384}`, 'gi'),
    replace: (m) => (isPlaceholder(m[0].slice(m[1]!.length)) ? null : m[1] + redactionMarker('aws-session-token')),
  },
  {
    kind: 'aws-session-token',
    pattern: /(aws_session_token[ \t]{1,8})[A-Za-z0-9/+=%]{32,16384}/gi,
    replace: (m) => (isPlaceholder(m[0].slice(m[1]!.length)) ? null : m[1] + redactionMarker('aws-session-token')),
  },
  // Bare session tokens by their well-known base64 prefixes (protobuf `origin_ec…` / legacy `er/aws…`).
  {
    kind: 'aws-session-token',
    pattern: /(?<![A-Za-z0-9/+=])(?:[A-Za-z]{2}oJb3JpZ2lu|F[wQ]oGZXIvYXdz)[A-Za-z0-9/+=%]{20,16384}/g,
    replace: () => redactionMarker('aws-session-token'),
  },
  // JWT (web identity / OIDC token): keep header and claims, drop the signature.
  {
    kind: 'web-identity-token-signature',
    pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.)[A-Za-z0-9_-]{16,2048}/g,
    replace: (m) => m[1] + redactionMarker('web-identity-token-signature'),
  },
  // GitHub tokens.
  {
    kind: 'github-token',
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,242})(?![A-Za-z0-9_])/g,
    replace: () => redactionMarker('github-token'),
  },
  // password=…, "password": "…", client_secret: …
  {
    kind: 'password',
    pattern: /((?<![A-Za-z0-9_])(?:password|passwd|client_secret|db_pass)["']?[ \t]{0,8}[:=][ \t]{0,8}["']?)[^\s"'<>]{3,200}/gi,
    replace: (m) => (isPlaceholder(m[0].slice(m[1]!.length)) ? null : m[1] + redactionMarker('password')),
  },
  // scheme://user:password@host
  {
    kind: 'password',
    pattern: /(:\/\/[^\s:/@]{1,64}:)[^\s@/]{3,128}@/g,
    replace: (m) => (isPlaceholder(m[0].slice(m[1]!.length, -1)) ? null : m[1] + redactionMarker('password') + '@'),
  },
  // Access key ids: AKIA (long-term), ASIA (temporary), ABIA (STS bearer), ACCA, A3T (legacy).
  // Not AROA/AIDA/ANPA/… (unique ids of roles, users, policies): the parser needs those.
  {
    kind: 'aws-access-key-id',
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    replace: () => redactionMarker('aws-access-key-id'),
  },
];

// A bare secret access key: exactly 40 base64 characters standing alone.
const BARE_SECRET = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

function isKeyChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 47 || c === 43;
}

/**
 * Whether BARE_SECRET matches: a maximal run of exactly 40 of its characters not followed by `=`.
 * Looks at the last character of each 40-wide window first, so most text is stepped over 40 at a
 * time; a character is read at most twice (linear).
 */
export function hasBareSecret(s: string): boolean {
  const n = s.length;
  let i = 0; // s[i - 1], when there is one, is not a key character
  while (i + 40 <= n) {
    let j = i + 39;
    while (j >= i && isKeyChar(s.charCodeAt(j))) j--;
    if (j >= i) { i = j + 1; continue; } // no run of 40 starts at or before j
    let end = i + 40; // s[i, end) is a run of 40
    if (end === n) return true;
    const c = s.charCodeAt(end);
    if (!isKeyChar(c)) {
      if (c !== 61) return true; // `=`: base64 padding, not a key
      i = end + 1;
      continue;
    }
    while (end < n && isKeyChar(s.charCodeAt(end))) end++; // longer than 40: not a key
    i = end + 1;
  }
  return false;
}
const BARE_BEFORE = new Set([' ', '\t', '\n', '\r', '"', "'", '`', '=', '(', '[', ',', '>', '{']);
const BARE_AFTER = new Set([' ', '\t', '\n', '\r', '"', "'", '`', ',', ')', ']', '<', ';', '}']);
/** Words just before a 40-char run that mean it is an id, not a secret. */
const ID_CONTEXT = /(?:host ?id|hostid|request ?id|requestid|id-2|extended request id|message|token|signature|digest|hash|etag|sha1?|commit)["']?\s{0,4}[:=]?\s{0,4}["'(]?$/i;
/** Starts of regions whose base64 is not a secret (encoded authorization messages). */
const BLOB_MARKERS = ['encoded authorization failure message', 'encoded-message', 'encodedmessage', 'encoded message'];

function isBlobChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 43 || c === 47 || c === 61;
}

/**
 * Marks the encoded authorization blobs (one base64url token after its label, possibly wrapped
 * across full-width lines inside a `│ ` box): their pieces are not secrets.
 */
function protectedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const lower = text.toLowerCase();
  for (const marker of BLOB_MARKERS) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(marker, from);
      if (at < 0) break;
      let end = at + marker.length;
      // separator: `:`, spaces, quotes, a line break into a `│ ` box
      let sepNewline = false;
      while (end < text.length && end - at < marker.length + 12 && /[\s:"'=│|]/.test(text[end]!)) {
        if (text[end] === '\n') sepNewline = true;
        end++;
      }
      let first = true;
      let width = -1;
      for (;;) {
        const segStart = end;
        while (end < text.length && isBlobChar(text.charCodeAt(end))) end++;
        const seg = end - segStart;
        if (text[end] !== '\n' && text[end] !== '\r') break;
        // a wrapped blob continues on the next line only after a full-width line
        if (first && !sepNewline) {
          if (seg < 20) break;
        } else {
          if (seg < 60 || (width >= 0 && seg !== width)) break;
          width = seg;
        }
        first = false;
        let next = end;
        if (text[next] === '\r') next++;
        if (text[next] !== '\n') break;
        next++;
        while (next < text.length && (text[next] === ' ' || text[next] === '\t' || text[next] === '│' || text[next] === '|')) next++;
        if (next >= text.length || !isBlobChar(text.charCodeAt(next))) break;
        end = next;
      }
      mask.fill(1, at, end);
      from = Math.max(end, at + 1);
    }
  }
  return mask;
}

/** Per detector, the literals one of which its every match contains, all found in one pass (parse/gate.ts). */
const DETECTOR_GATES = new GateSet(DETECTORS.map((d) => gateOf(d.pattern)));

/**
 * Replaces credential-shaped strings with `[REDACTED:<kind>]` and returns one `secret-redacted`
 * warning per kind found. Never throws; linear in the text length.
 */
export function redactSecrets(text: string): { text: string; warnings: Warning[] } {
  if (typeof text !== 'string' || text.length === 0) return { text: typeof text === 'string' ? text : '', warnings: [] };
  const found = new Set<SecretKind>();
  let out = text;

  // PEM private keys, by indexOf scanning.
  if (out.includes('PRIVATE KEY-----')) out = redactPem(out, found);

  let open = DETECTOR_GATES.open(out);
  let openOf = out;
  for (let i = 0; i < DETECTORS.length; i++) {
    const d = DETECTORS[i]!;
    if (openOf !== out) { open = DETECTOR_GATES.open(out); openOf = out; } // a replacement changed the text
    if (open[i] !== 1) continue; // a literal every match needs is absent
    d.pattern.lastIndex = 0;
    if (!d.pattern.test(out)) continue;
    d.pattern.lastIndex = 0;
    out = out.replace(d.pattern, (...args: unknown[]) => {
      const groups = args.slice(0, -2) as Array<string | undefined>;
      const m = Object.assign(groups.map((g) => g ?? ''), { index: 0, input: out }) as unknown as RegExpExecArray;
      const r = d.replace(m, out);
      if (r === null) return groups[0]!;
      found.add(d.kind);
      return r;
    });
  }

  // Bare 40-char secret access keys, away from encoded blobs and id labels.
  if (hasBareSecret(out)) {
    BARE_SECRET.lastIndex = 0;
    const blob = protectedMask(out);
    const source = out;
    out = source.replace(BARE_SECRET, (match: string, offset: number) => {
      const before = offset > 0 ? source[offset - 1]! : ' ';
      const after = offset + match.length < source.length ? source[offset + match.length]! : ' ';
      if (!BARE_BEFORE.has(before) || !BARE_AFTER.has(after)) return match;
      if (!hasUpperLowerDigit(match)) return match;
      if (/^[0-9a-fA-F]{40}$/.test(match)) return match;
      if (blob[offset] === 1) return match;
      if (ID_CONTEXT.test(source.slice(Math.max(0, offset - 40), offset))) return match;
      found.add('aws-secret-access-key');
      return redactionMarker('aws-secret-access-key');
    });
  }

  const warnings: Warning[] = SECRET_KINDS.filter((k) => found.has(k)).map((k) => ({ code: 'secret-redacted', message: ADVICE[k] }));
  return { text: out, warnings };
}

function redactPem(text: string, found: Set<SecretKind>): string {
  let out = '';
  let from = 0;
  // position of the next END line; -1 once there is none left (searched once, not per BEGIN)
  let nextEnd = -2;
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', from);
    if (begin < 0) break;
    const headerEnd = text.indexOf('-----', begin + 11);
    if (headerEnd < 0) break;
    const label = text.slice(begin + 11, headerEnd);
    if (!label.endsWith('PRIVATE KEY') || label.length > 40) {
      out += text.slice(from, headerEnd + 5);
      from = headerEnd + 5;
      continue;
    }
    if (nextEnd !== -1 && nextEnd < headerEnd + 5) nextEnd = text.indexOf('-----END ', headerEnd + 5);
    const endMarker = nextEnd;
    let stop: number;
    if (endMarker >= 0) {
      const close = text.indexOf('-----', endMarker + 9);
      stop = close >= 0 ? close + 5 : text.length;
    } else {
      // truncated block: the base64 body runs to the first character that cannot be in it
      stop = headerEnd + 5;
      let lineHasText = true;
      while (stop < text.length && isPemBodyChar(text.charCodeAt(stop))) {
        const c = text.charCodeAt(stop);
        if (c === 10) {
          if (!lineHasText && stop > headerEnd + 6) break; // a blank line ends the block
          lineHasText = false;
        } else if (c !== 32 && c !== 9 && c !== 13) lineHasText = true;
        stop++;
      }
    }
    out += text.slice(from, begin) + redactionMarker('private-key');
    found.add('private-key');
    from = stop;
  }
  return out + text.slice(from);
}

/** Characters of a PEM body and its header lines: base64, whitespace, `:`, `-`, `,`. */
function isPemBodyChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ||
    c === 43 || c === 47 || c === 61 || c === 58 || c === 45 || c === 44 || c === 32 || c === 9 || c === 10 || c === 13;
}
