/**
 * Literal gates for regexes that scan the whole paste: the plain strings one of which every match
 * must contain, read once from the regex's source at module load. `includes` on them is much
 * cheaper than running the regex, and when none is present the regex cannot match, so skipping it
 * changes nothing. A source the reader is not sure about gets no gate (the regex always runs).
 */

/** Any of `lits` is in every match; `ci`: compare with the lower-cased text. */
export interface Gate { lits: string[]; ci: boolean }

const MIN_LITERAL = 3;
const MAX_LITERALS = 6;

/** One requirement: any of these literals (null: nothing usable). */
type Req = string[] | null;

function better(a: Req, b: Req): Req {
  if (!a) return b;
  if (!b) return a;
  const ma = Math.min(...a.map((x) => x.length));
  const mb = Math.min(...b.map((x) => x.length));
  if (ma !== mb) return ma > mb ? a : b;
  return a.length <= b.length ? a : b;
}

/** Index just past the character class starting at `i` (`[`). */
function skipClass(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index just past the group starting at `i` (`(`). */
function skipGroup(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') { j += 2; continue; }
    if (c === '[') { j = skipClass(src, j); continue; }
    if (c === '(') depth++;
    else if (c === ')') { depth--; if (depth === 0) return j + 1; }
    j++;
  }
  return -1;
}

/** Top-level alternatives of `src` (split at `|` outside groups and classes). */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  let j = 0;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') { j += 2; continue; }
    if (c === '[') { j = skipClass(src, j); continue; }
    if (c === '(') { const e = skipGroup(src, j); if (e < 0) return [src]; j = e; continue; }
    if (c === '|') { out.push(src.slice(from, j)); from = j + 1; }
    j++;
  }
  out.push(src.slice(from));
  return out;
}

/** Whether a quantifier starts at `i`; returns [index past it, whether it allows zero]. */
function quantifier(src: string, i: number): [number, boolean] | null {
  const c = src[i];
  let end: number;
  let zero: boolean;
  if (c === '*' || c === '?') { end = i + 1; zero = true; }
  else if (c === '+') { end = i + 1; zero = false; }
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i, i + 24));
    if (!m) return null;
    end = i + m[0].length;
    zero = Number(m[1]) === 0;
  } else return null;
  if (src[end] === '?') end++; // lazy
  return [end, zero];
}

function reqOfSource(src: string, ci: boolean): Req {
  let best: Req = null;
  for (const alt of alternatives(src)) {
    const r = reqOfSequence(alt, ci);
    if (!r) return null;
    best = best ? [...best, ...r] : r;
  }
  return best && best.length <= MAX_LITERALS ? best : null;
}

/** The best requirement of one alternative (a sequence of atoms). */
function reqOfSequence(src: string, ci: boolean): Req {
  let best: Req = null;
  let run = '';
  const flush = () => { if (run.length >= MIN_LITERAL) best = better(best, [run]); run = ''; };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '(') {
      const end = skipGroup(src, i);
      if (end < 0) return null;
      flush();
      const q = quantifier(src, end);
      const look = src.startsWith('(?=', i) || src.startsWith('(?!', i) || src.startsWith('(?<=', i) || src.startsWith('(?<!', i);
      if (!look && !(q && q[1])) {
        const inner = src.slice(src.startsWith('(?:', i) ? i + 3 : src.startsWith('(?<', i) ? src.indexOf('>', i) + 1 : i + 1, end - 1);
        best = better(best, reqOfSource(inner, ci));
      }
      i = q ? q[0] : end;
      continue;
    }
    if (c === '[' || c === '.' || c === '^' || c === '$') {
      flush();
      i = c === '[' ? skipClass(src, i) : i + 1;
      const q = quantifier(src, i);
      if (q) i = q[0];
      continue;
    }
    let ch: string | null;
    let next: number;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      ch = /[A-Za-z0-9]/.test(n) ? null : n; // \d \w \s \b … end the run; \. \/ \( are the character
      next = i + 2;
    } else if (c === '*' || c === '+' || c === '?' || c === '{' || c === ')' || c === ']' || c === '|') {
      return null; // not expected here: do not guess
    } else {
      ch = c;
      next = i + 1;
    }
    if (ch !== null && ci && ch.charCodeAt(0) > 127) ch = null; // case folding of non-ASCII: not guessed
    const q = quantifier(src, next);
    if (ch === null) { flush(); i = q ? q[0] : next; continue; }
    if (q) {
      // `a?` `a*` `a{0,}`: the character may be absent; `a+` `a{2}`: present at least once
      if (!q[1]) run += ci ? ch.toLowerCase() : ch;
      flush();
      i = q[0];
      continue;
    }
    run += ci ? ch.toLowerCase() : ch;
    i = next;
  }
  flush();
  return best;
}

/** The regex's gate, or null when its source is not read with certainty. */
export function gateOf(re: RegExp): Gate | null {
  // u/v flags fold case differently (ſ, K); escapes with payloads are not read
  if (/[uvy]/.test(re.flags) || /\\[uxckpP0-9]/.test(re.source)) return null;
  const ci = re.flags.includes('i');
  const lits = reqOfSource(re.source, ci);
  return lits ? { lits, ci } : null;
}

/**
 * False only when the regex with this gate cannot match `text`. `lower` is `text.toLowerCase()`,
 * asked for lazily (once per text by the caller).
 */
export function mayMatch(gate: Gate | null, text: string, lower: () => string): boolean {
  if (!gate) return true;
  const hay = gate.ci ? lower() : text;
  for (const l of gate.lits) if (hay.includes(l)) return true;
  return false;
}
