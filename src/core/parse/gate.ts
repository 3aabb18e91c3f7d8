/**
 * Literal gates for regexes that scan the whole paste: the plain strings one of which every match
 * must contain, read once from the regex's source at module load. Finding them is much cheaper
 * than running the regex, and when none is present the regex cannot match, so skipping it changes
 * nothing. A source the reader is not sure about gets no gate (the regex always runs). A `GateSet`
 * finds the literals of all of a family's gates (the message-shape triggers, detectSource's rules,
 * the secret detectors) in one linear pass over the text.
 */

/** Any of `lits` is in every match; `ci`: compare with the lower-cased text. */
export interface Gate { lits: string[]; ci: boolean }

const MIN_LITERAL = 3;
/** A GateSet finds any number of literals in one pass; past this many the gate rarely closes. */
const MAX_LITERALS = 24;

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

/** A-Z → a-z, nothing else: a non-unicode /i regex never matches a non-ASCII character to an ASCII one. */
function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

interface SetLiteral { text: string; cs: boolean; gates: number[] }

/**
 * Many gates answered in one pass over a text: an Aho–Corasick automaton over all their literals,
 * ASCII letters folded (a case-sensitive literal is confirmed with `startsWith` where it ends).
 * `open(text)[k]` is 1 when gate k's regex may match the text, and always 1 for a null gate; it is 0
 * only when none of the gate's literals is in the text (for a case-insensitive gate: in the text
 * with A–Z lower-cased, which is what the regex's own case folding can match).
 */
export class GateSet {
  private readonly lits: SetLiteral[] = [];
  /** Alphabet class of an ASCII code (folded); 0 for a character in no literal. */
  private readonly ascii = new Uint16Array(128);
  /** Alphabet class of a non-ASCII code appearing in a case-sensitive literal. */
  private readonly other = new Map<number, number>();
  private readonly width: number;
  /** delta[state * width + class]: the next state. */
  private readonly delta: Int32Array;
  /** The literals ending at a state: outIds[outFrom[s] .. outFrom[s + 1]). */
  private readonly outFrom: Int32Array;
  private readonly outIds: Int32Array;
  /** 1 for the null gates (their regex always runs); a plain array: a Uint8Array past 64 bytes is off-heap. */
  private readonly always: number[];

  constructor(gates: ReadonlyArray<Gate | null>) {
    this.always = new Array<number>(gates.length).fill(0);
    const byKey = new Map<string, SetLiteral>();
    gates.forEach((g, k) => {
      if (!g) { this.always[k] = 1; return; }
      for (const l of g.lits) {
        const key = (g.ci ? 'i' : 'c') + l;
        let lit = byKey.get(key);
        if (!lit) { lit = { text: l, cs: !g.ci, gates: [] }; byKey.set(key, lit); this.lits.push(lit); }
        if (!lit.gates.includes(k)) lit.gates.push(k);
      }
    });
    let classes = 1;
    const classOf = (c: number): number => {
      const f = foldAscii(c);
      if (f < 128) return (this.ascii[f] ||= classes++);
      let a = this.other.get(f);
      if (a === undefined) { a = classes++; this.other.set(f, a); }
      return a;
    };
    // the trie
    const next: Array<Map<number, number>> = [new Map()];
    const own: number[][] = [[]];
    this.lits.forEach((lit, id) => {
      let st = 0;
      for (let i = 0; i < lit.text.length; i++) {
        const a = classOf(lit.text.charCodeAt(i));
        let to = next[st]!.get(a);
        if (to === undefined) { to = next.length; next.push(new Map()); own.push([]); next[st]!.set(a, to); }
        st = to;
      }
      own[st]!.push(id);
    });
    for (let c = 65; c <= 90; c++) this.ascii[c] = this.ascii[c + 32]!; // upper case reads as lower
    const width = classes + (classes & 1);
    const n = next.length;
    const delta = new Int32Array(n * width);
    const fail = new Int32Array(n);
    const outs: number[][] = new Array<number[]>(n);
    outs[0] = [];
    // breadth first: a state's failure state is shallower, so its row and outputs are complete
    const queue: number[] = [];
    for (const [a, to] of next[0]!) { delta[a] = to; fail[to] = 0; queue.push(to); }
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      outs[u] = [...own[u]!, ...outs[fail[u]!]!];
      for (let a = 0; a < width; a++) {
        const to = next[u]!.get(a);
        if (to === undefined) { delta[u * width + a] = delta[fail[u]! * width + a]!; continue; }
        fail[to] = delta[fail[u]! * width + a]!;
        delta[u * width + a] = to;
        queue.push(to);
      }
    }
    // the scan's table: each entry the next state's row offset, its lowest bit set when a literal
    // ends in that state (one dependent load per character; width even so offsets are even)
    this.width = width;
    this.delta = delta;
    this.outFrom = new Int32Array(n + 1);
    const ids: number[] = [];
    for (let s = 0; s < n; s++) { this.outFrom[s] = ids.length; ids.push(...(outs[s] ?? [])); }
    this.outFrom[n] = ids.length;
    this.outIds = Int32Array.from(ids);
    for (let i = 0; i < delta.length; i++) {
      const to = delta[i]!;
      delta[i] = to * width + (this.outFrom[to] !== this.outFrom[to + 1] ? 1 : 0);
    }
  }

  /** Per gate, 1 when its regex may match `text` (one linear pass). */
  open(text: string): number[] {
    const out = this.always.slice();
    const { ascii, other, delta, width, outFrom, outIds } = this;
    const wide = other.size > 0;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const v = delta[row + (c < 128 ? ascii[c]! : wide ? (other.get(c) ?? 0) : 0)]!;
      row = v & ~1;
      if ((v & 1) === 0) continue;
      const st = row / width;
      for (let j = outFrom[st]!, to = outFrom[st + 1]!; j < to; j++) {
        const lit = this.lits[outIds[j]!]!;
        if (lit.cs && !text.startsWith(lit.text, i + 1 - lit.text.length)) continue;
        for (const g of lit.gates) out[g] = 1;
      }
    }
    return out;
  }
}

/** Characters flatten (text.ts) turns into a space or drops: a literal holding one may not survive it. */
const FLATTENED = /[\s`\u200b-\u200d\ufeff\u3000]/;

/**
 * The gate as asked of a text's flattened form (text.ts): open there wherever the gate is open in
 * the text itself. Flattening copies every other character as it is and turns a lone space between
 * two of them into a space, so a literal whose only such characters are single inner spaces is in
 * the flattened text whenever it is in the text; spaces at a literal's ends are cut off (the
 * shorter literal is in every match too); a gate with any other literal is null (always open).
 */
export function flatGate(gate: Gate | null): Gate | null {
  if (!gate) return null;
  const lits: string[] = [];
  for (const l of gate.lits) {
    let a = 0;
    let b = l.length;
    while (a < b && l[a] === ' ') a++;
    while (b > a && l[b - 1] === ' ') b--;
    const t = l.slice(a, b);
    if (t.length === 0 || t.includes('  ') || FLATTENED.test(t.replace(/ /g, ''))) return null;
    lits.push(t);
  }
  return { lits, ci: gate.ci };
}
