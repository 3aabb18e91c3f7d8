/**
 * Text helpers for the parser: a whitespace-flattened view of the (unwrapped) text that remembers
 * where line breaks were, so wrapped ARNs and actions can be re-joined. Everything here is linear.
 */

export interface Flat {
  /**
   * Every whitespace run collapsed to one space; backticks and zero-width characters dropped; a line break inside
   * a deny-tail word (`polic\ny`) dropped with its run (see wrappedWord).
   */
  s: string;
  /** nl[i] === 1 when s[i] is a space standing for a run that held a line break (0 from s.length on). */
  nl: Uint8Array;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 ||
    c === 0x2028 || c === 0x2029 || c === 0x60 /* backtick */ || c === 0x3000;
}

function isInvisible(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff;
}

/** A character flatten copies as it is; printable ASCII but the backtick needs one range test. */
function isKept(c: number): boolean {
  return (c > 32 && c < 127 && c !== 0x60) || !(isSpace(c) || isInvisible(c));
}

/**
 * One zeroed line-break map kept between parses: a fresh Uint8Array longer than 64 bytes is an
 * off-heap allocation V8 makes and later frees at a much higher cost than filling this one. Taken
 * by `flatten`, given back (zeroed, so it holds nothing of the text) by `releaseFlat`.
 */
let spareNl: Uint8Array | null = null;
const MAX_SPARE = 100_002;

export function flatten(t: string): Flat {
  let nl: Uint8Array;
  if (spareNl && spareNl.length >= t.length + 1) {
    nl = spareNl;
    spareNl = null;
  } else {
    nl = new Uint8Array(Math.max(t.length + 1, 1024));
  }
  let s = '';
  let pendingWs = false;
  let pendingNl = false;
  // characters are copied in runs (slices), not one by one
  let run = -1;
  let lastEnd = -1; // where in t the last copied run ended
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // a lone space between two kept characters is copied with the run it is in (fewer, longer slices)
    if (c === 32 && run >= 0 && i + 1 < t.length && isKept(t.charCodeAt(i + 1)) && !isContinuation(t, i + 1)) continue;
    if (!isKept(c) || (c === 92 && isContinuation(t, i))) {
      if (run >= 0) { s += t.slice(run, i); run = -1; lastEnd = i; }
      if (isInvisible(c)) continue;
      pendingWs = true;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 92) pendingNl = true;
      continue;
    }
    if (run < 0) {
      if (pendingWs && s.length > 0 && !(pendingNl && wrappedWord(t, lastEnd, i))) {
        nl[s.length] = pendingNl ? 1 : 0;
        s += ' ';
      }
      pendingWs = false;
      pendingNl = false;
      run = i;
    }
  }
  if (run >= 0) s += t.slice(run);
  // nl is longer than s when taken from the spare or whitespace was collapsed: zero past s.length
  return { s, nl };
}

/**
 * A backslash ending its line (`…AuthorizeSecurityGroupIngress\\` then ` operation: …` on the next): a shell's or a
 * blog's line continuation, standing for the line break it escapes — read as whitespace, not as a character of the
 * word before it. A backslash before anything else (`\\n` written out, a Windows path) stays.
 */
function isContinuation(t: string, i: number): boolean {
  if (t.charCodeAt(i) !== 92) return false;
  const n = t.charCodeAt(i + 1);
  return n === 10 || (n === 13 && t.charCodeAt(i + 2) === 10);
}

/**
 * The words of AWS's deny tail (`because no resource-based policy allows the … action`, `with an explicit deny in
 * a service control policy`) and of `is not authorized to perform`: a line break that falls inside one of them (`polic\ny`, `resource-\nbased`) is a
 * terminal or console wrapping the text mid-word, not two words.
 */
const WRAP_WORDS = new Set([
  'because', 'identity-based', 'resource-based', 'identity', 'resource', 'policy', 'policies', 'permissions',
  'permission', 'boundary', 'boundaries', 'service', 'control', 'session', 'sessions', 'endpoint', 'allows',
  'allow', 'access', 'explicit', 'deny', 'trust', 'transitively', 'through', 'action',
  // the refusal's own phrase, `is not authoriz\ned to perform` (a terminal wrapping Terraform's one-line error)
  'authorized',
]);

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45;
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * True when the line break between `t[end - 1]` and `t[i]` splits one deny-tail word: the letters up to `end` and
 * the letters from `i` on make a word of WRAP_WORDS, and are not two such words themselves (`explicit\ndeny`
 * stays two). Each side is read at most 16 characters and must stand alone (no letter, digit, `_`, `:` or `/`
 * next to it), so an ARN or an action is never joined. Constant work per line break, read from `t` (indexing the
 * string flatten is building would flatten it again at every break).
 */
function wrappedWord(t: string, end: number, i: number): boolean {
  if (end < 0) return false;
  let a = end;
  while (a > 0 && end - a < 16 && isWordChar(t.charCodeAt(a - 1))) a--;
  if (a === end || (a > 0 && (isAlnum(t.charCodeAt(a - 1)) || t[a - 1] === ':' || t[a - 1] === '/' || t[a - 1] === '-'))) return false;
  let b = i;
  while (b < t.length && b - i < 16 && isWordChar(t.charCodeAt(b))) b++;
  if (b === i || (b < t.length && (isAlnum(t.charCodeAt(b)) || t[b] === ':' || t[b] === '/' || t[b] === '-'))) return false;
  const left = t.slice(a, end).toLowerCase();
  const right = t.slice(i, b).toLowerCase();
  if (!WRAP_WORDS.has(left + right)) return false;
  return !(WRAP_WORDS.has(left) && WRAP_WORDS.has(right));
}

/** Gives `f`'s line-break map back for the next `flatten` (f must not be read afterwards). */
export function releaseFlat(f: Flat): void {
  if (f.nl.length > MAX_SPARE) return;
  f.nl.fill(0, 0, f.s.length + 1);
  spareNl = f.nl;
}

/** Linear scan for every match of a global regex; bounded to `max` matches. */
export function allMatches(re: RegExp, s: string, max = 5000): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null && out.length < max) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** Trim quotes, backticks and surrounding spaces. */
export function stripQuotes(v: string): string {
  let a = 0;
  let b = v.length;
  const q = (c: string | undefined) => c === '"' || c === "'" || c === '`' || c === '“' || c === '”' || c === ' ' || c === '‘' || c === '’';
  while (a < b && q(v[a])) a++;
  while (b > a && q(v[b - 1])) b--;
  return v.slice(a, b);
}

export const REGION_RE = /\b((?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest|gov-east|gov-west)-\d{1,2})\b/;

export function isRegion(s: string | null | undefined): boolean {
  return !!s && /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest|gov-east|gov-west)-\d{1,2}$/.test(s);
}

/**
 * `s` without the run of `chars` at its end. A loop, not `/[…]+$/`: V8 retries such a regex at
 * every start position, which is quadratic on a long run of those characters mid-string.
 */
export function trimTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}
