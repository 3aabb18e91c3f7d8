/**
 * Wildcard matching without backtracking blow-up.
 *
 * A pattern is a list of tokens: literal characters, `*` (any run, possibly empty) and `?` (exactly one
 * character). Tokens are produced by `compileGlob` (plain string) or by variable substitution
 * (variables.ts), where characters that came from a variable value are always literal.
 *
 * The matcher is the classic two-pointer algorithm that remembers only the last `*`: O(n·m) in the
 * worst case, never exponential, no recursion.
 */

export const STAR = -1;
export const QMARK = -2;
/** A token: a UTF-16 code unit (literal) or STAR / QMARK. */
export type Token = number;
export type Pattern = Token[];

export function compileGlob(pattern: string, wildcards = true): Pattern {
  const out: Pattern = new Array<number>(pattern.length);
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (wildcards && c === 42) out[i] = STAR;
    else if (wildcards && c === 63) out[i] = QMARK;
    else out[i] = c;
  }
  return out;
}

export function literalPattern(text: string): Pattern {
  return compileGlob(text, false);
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Does `text` match `pattern` in full? */
export function matchPattern(pattern: Pattern, text: string, ignoreCase = false): boolean {
  return matchPatternRange(pattern, 0, pattern.length, text, ignoreCase);
}

/** matchPattern of a pattern without `*` or `?`, on the text itself: the same answer without compiling it. */
export function equalsPlain(pattern: string, text: string, ignoreCase = false): boolean {
  if (pattern.length !== text.length) return false;
  if (pattern === text) return true;
  if (!ignoreCase) return false;
  for (let i = 0; i < text.length; i++) if (lower(pattern.charCodeAt(i)) !== lower(text.charCodeAt(i))) return false;
  return true;
}

/** matchPattern over the tokens [from, to) of a pattern (an ARN segment, without copying it out). */
export function matchPatternRange(pattern: Pattern, from: number, to: number, text: string, ignoreCase = false): boolean {
  const n = text.length;
  let p = from;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < n) {
    if (p < to) {
      const tok = pattern[p] as number;
      if (tok === STAR) {
        starP = p++;
        starT = t;
        continue;
      }
      if (tok === QMARK) {
        p++;
        t++;
        continue;
      }
      const c = text.charCodeAt(t);
      if (tok === c || (ignoreCase && lower(tok) === lower(c))) {
        p++;
        t++;
        continue;
      }
    }
    if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
      continue;
    }
    return false;
  }
  while (p < to && pattern[p] === STAR) p++;
  return p === to;
}

export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  return matchPattern(compileGlob(pattern), text, ignoreCase);
}

/** Split a pattern at a token (used to split ARN patterns at `:`). At most `limit` parts; the last keeps the rest. */
export function splitPattern(pattern: Pattern, sep: number, limit: number): Pattern[] {
  const parts: Pattern[] = [];
  let start = 0;
  for (let i = 0; i < pattern.length && parts.length < limit - 1; i++) {
    if (pattern[i] === sep) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
}

export function patternToString(pattern: Pattern): string {
  let s = '';
  for (const tok of pattern) s += tok === STAR ? '*' : tok === QMARK ? '?' : String.fromCharCode(tok);
  return s;
}
