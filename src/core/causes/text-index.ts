/**
 * A trigram filter over a text, for answering many "does it contain this phrase?" questions about
 * the same text (the causes ask a few hundred per answer). A phrase with a trigram the text lacks
 * is absent; otherwise `includes` decides, so the answer is always exactly `text.includes(p)`.
 * Building is one linear pass; each question hashes the phrase's trigrams until one is missing.
 */

import type { CauseContext } from './types.js';
import { ctxCache } from './memo.js';

/** A 32-bit hash of a trigram; the top `bits` bits pick the slot. */
function gram(a: number, b: number, c: number): number {
  return Math.imul((a << 16 | b) ^ (c << 7) ^ (c << 23), 0x9e3779b1);
}

export class TextIndex {
  readonly text: string;
  private readonly bits: Uint32Array | null;
  /** 32 − log2(slots): about 16 slots per character, 1 024 to 65 536 slots. */
  private readonly shift: number;

  constructor(text: string) {
    this.text = text;
    // short texts: a plain scan is as fast as the filter
    if (text.length < 48) { this.bits = null; this.shift = 0; return; }
    let log = 10;
    while (log < 16 && 1 << log < text.length * 16) log++;
    const shift = 32 - log;
    this.shift = shift;
    const bits = new Uint32Array(1 << (log - 5));
    let a = text.charCodeAt(0);
    let b = text.charCodeAt(1);
    for (let i = 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const h = gram(a, b, c) >>> shift;
      bits[h >>> 5]! |= 1 << (h & 31);
      a = b;
      b = c;
    }
    this.bits = bits;
  }

  /** Exactly `text.includes(phrase)`. */
  includes(phrase: string): boolean {
    return this.mayContain(phrase) && this.text.includes(phrase);
  }

  /** Exactly `text.indexOf(phrase)`. */
  indexOf(phrase: string): number {
    return this.mayContain(phrase) ? this.text.indexOf(phrase) : -1;
  }

  /**
   * Like mayContain, asking only the phrase's trigrams free of the characters foldSpace folds: for
   * texts that are folded copies of the one searched (hay for the raw text and message).
   */
  mayContainUnfolded(phrase: string): boolean {
    const bits = this.bits;
    const shift = this.shift;
    if (!bits || phrase.length < 3) return true;
    let a = phrase.charCodeAt(0);
    let b = phrase.charCodeAt(1);
    for (let i = 2; i < phrase.length; i++) {
      const c = phrase.charCodeAt(i);
      if (!folds(a) && !folds(b) && !folds(c)) {
        const h = gram(a, b, c) >>> shift;
        if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
      }
      a = b;
      b = c;
    }
    return true;
  }

  /** False when a trigram of the phrase is missing from the text (then the phrase is too). */
  mayContain(phrase: string): boolean {
    const bits = this.bits;
    const shift = this.shift;
    if (bits && phrase.length >= 3) {
      let a = phrase.charCodeAt(0);
      let b = phrase.charCodeAt(1);
      for (let i = 2; i < phrase.length; i++) {
        const c = phrase.charCodeAt(i);
        const h = gram(a, b, c) >>> shift;
        if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
        a = b;
        b = c;
      }
    }
    return true;
  }
}

/**
 * `(s ?? '').toLowerCase()`, remembering the last few strings: the causes lower-case the same
 * message, text and action many times per answer. Holds at most LOWER_SLOTS strings, and only
 * while an answer is ranked (rankCauses empties it when it is done).
 */
const LOWER_SLOTS = 8;
const lowerKeys: string[] = new Array<string>(LOWER_SLOTS).fill('');
const lowerVals: string[] = new Array<string>(LOWER_SLOTS).fill('');
let lowerNext = 0;

export function lowerCached(s: string | null | undefined): string {
  if (typeof s !== 'string') return (s ?? '').toLowerCase();
  if (s.length === 0) return '';
  for (let i = 0; i < LOWER_SLOTS; i++) if (lowerKeys[i] === s) return lowerVals[i]!;
  const v = s.toLowerCase();
  lowerKeys[lowerNext] = s;
  lowerVals[lowerNext] = v;
  lowerNext = (lowerNext + 1) % LOWER_SLOTS;
  return v;
}

/** The strings the lower-case memory holds now (for the test that it forgets them). */
export function heldLowered(): string[] {
  return lowerKeys.filter((k) => k !== '');
}

/** Empties the lower-case memory, so no pasted text outlives the answer it came with. */
export function forgetLowered(): void {
  lowerKeys.fill('');
  lowerVals.fill('');
  lowerNext = 0;
}

// ───────────────────────────── the paste, lower-cased and folded ─────────────────────────────

const hayCache = ctxCache<string>();
const hayIndexCache = ctxCache<TextIndex>();

/** The pasted text plus the unwrapped AWS message, lower-cased, with line breaks folded to spaces. */
export function hay(ctx: CauseContext): string {
  const cached = hayCache.get(ctx);
  if (cached !== undefined) return cached;
  const parts = [ctx.text ?? '', ctx.parsed.message ?? '', ctx.parsed.errorCode ?? '', ctx.parsed.action ?? '', ctx.parsed.operation ?? ''];
  let s = parts.join('\n').toLowerCase();
  // Terminals and CI logs wrap lines; fold whitespace runs so phrases match across breaks.
  s = foldSpace(s);
  hayCache.set(ctx, s);
  return s;
}

/** hay(ctx), indexed for the many phrase questions of one answer. */
export function hayIndex(ctx: CauseContext): TextIndex {
  let x = hayIndexCache.get(ctx);
  if (!x) { x = new TextIndex(hay(ctx)); hayIndexCache.set(ctx, x); }
  return x;
}

/** The characters foldSpace folds: space, tab, CR, LF, and the Terraform box bar `│`. */
function folds(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x2502;
}

function foldSpace(s: string): string {
  // copies runs of other characters as slices; each whitespace run becomes one space, none at the ends
  let out = '';
  let space = false;
  let run = -1;
  for (let i = 0; i < s.length; i++) {
    if (folds(s.charCodeAt(i))) {
      if (run >= 0) { out += s.slice(run, i); run = -1; }
      space = true;
      continue;
    }
    if (run < 0) {
      if (space && out.length) out += ' ';
      space = false;
      run = i;
    }
  }
  if (run >= 0) out += s.slice(run);
  return out;
}

/**
 * False only when a lower-case needle is surely absent from the lower-cased text, the lower-cased
 * message and the two joined. A needle without the characters foldSpace folds that occurs in any
 * of them occurs verbatim in hay(ctx), so hay's trigrams decide; any other needle passes.
 */
export function mayMention(ctx: CauseContext, needle: string): boolean {
  // Each run of the needle free of folded characters occurs verbatim in hay when the needle
  // occurs in the text or the message, so only trigrams without such characters are asked.
  return hayIndex(ctx).mayContainUnfolded(needle);
}
