/**
 * Text helpers for the parser: a whitespace-flattened view of the (unwrapped) text that remembers
 * where line breaks were, so wrapped ARNs and actions can be re-joined. Everything here is linear.
 */

export interface Flat {
  /** Every whitespace run collapsed to one space; backticks and zero-width characters dropped. */
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
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const invisible = isInvisible(c);
    if (invisible || isSpace(c)) {
      if (run >= 0) { s += t.slice(run, i); run = -1; }
      if (invisible) continue;
      pendingWs = true;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) pendingNl = true;
      continue;
    }
    if (run < 0) {
      if (pendingWs && s.length > 0) {
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
