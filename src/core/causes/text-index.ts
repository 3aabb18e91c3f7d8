/**
 * A trigram filter over a text, for answering many "does it contain this phrase?" questions about
 * the same text (the causes ask a few hundred per answer). A phrase with a trigram the text lacks
 * is absent; otherwise `includes` decides, so the answer is always exactly `text.includes(p)`.
 * Building is one linear pass; each question hashes the phrase's trigrams until one is missing.
 */

const WORDS = 2048; // 65 536 bits

function gram(a: number, b: number, c: number): number {
  return Math.imul((Math.imul(a, 0x01000193) ^ b) * 0x01000193 ^ c, 0x01000193) >>> 16;
}

export class TextIndex {
  readonly text: string;
  private readonly bits: Uint32Array | null;

  constructor(text: string) {
    this.text = text;
    // short texts: a plain scan is as fast as the filter
    if (text.length < 48) { this.bits = null; return; }
    const bits = new Uint32Array(WORDS);
    let a = text.charCodeAt(0);
    let b = text.charCodeAt(1);
    for (let i = 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const h = gram(a, b, c);
      bits[h >>> 5]! |= 1 << (h & 31);
      a = b;
      b = c;
    }
    this.bits = bits;
  }

  /** Exactly `text.includes(phrase)`. */
  includes(phrase: string): boolean {
    const bits = this.bits;
    if (bits && phrase.length >= 3) {
      let a = phrase.charCodeAt(0);
      let b = phrase.charCodeAt(1);
      for (let i = 2; i < phrase.length; i++) {
        const c = phrase.charCodeAt(i);
        const h = gram(a, b, c);
        if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
        a = b;
        b = c;
      }
    }
    return this.text.includes(phrase);
  }
}
