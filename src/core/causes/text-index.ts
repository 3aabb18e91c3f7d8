/**
 * A trigram filter over a text, for answering many "does it contain this phrase?" questions about
 * the same text (the causes ask a few hundred per answer). A phrase with a trigram the text lacks
 * is absent; otherwise `includes` decides, so the answer is always exactly `text.includes(p)`.
 * Building is one linear pass; each question hashes the phrase's trigrams until one is missing.
 */

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

  /** False when a trigram of the phrase is missing from the text (then the phrase is too). */
  private mayContain(phrase: string): boolean {
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
 * message, text and action many times per answer. Holds at most LOWER_SLOTS strings.
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
