/**
 * A trigram filter over a text, for answering many "does it contain this phrase?" questions about
 * the same text (the causes ask a few hundred per answer). A phrase with a trigram the text lacks
 * is absent; otherwise `includes` decides, so the answer is always exactly `text.includes(p)`.
 * Building is one linear pass; each question hashes the phrase's trigrams until one is missing.
 */

/** A 32-bit hash of a trigram; the top `bits` bits pick the slot. */
function gram(a: number, b: number, c: number): number {
  return Math.imul(Math.imul(Math.imul(a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193);
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
