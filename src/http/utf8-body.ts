/**
 * Big text answers (explain and batch JSON, Markdown, plain text) as UTF-8 Buffers, encoded once.
 * Nearly every answer holds a character past ASCII (…, —, →), which makes the whole JSON.stringify
 * or rendered string two-byte; for such a string Node's own UTF-8 paths are slow (Node 20:
 * Buffer.byteLength and the socket's write each ~17 µs for a 31 KB answer, against ~2 µs for a
 * one-byte string). Sent as a string, the answer paid both: fastify measures it for
 * content-length, then the socket encodes it. ICU's UTF-16 → UTF-8 converter does it in ~10 µs,
 * and a Buffer is sent as it is (fastify: Buffers are pre-serialized). docs/decisions/103.
 */
import { Buffer, transcode } from 'node:buffer';

/** The UTF-16 copy of the text ICU reads; texts longer than half of it take Buffer.from. */
const SCRATCH = Buffer.allocUnsafe(256 * 1024);

/**
 * The text's UTF-8 bytes, exactly as `Buffer.from(text, 'utf8')` gives them: a lone surrogate
 * (which ICU refuses) and texts past the scratch buffer go through Buffer.from itself.
 */
export function utf8Body(text: string): Buffer {
  if (text.length * 2 <= SCRATCH.length) {
    const n = SCRATCH.write(text, 0, 'utf16le');
    try {
      return transcode(SCRATCH.subarray(0, n), 'utf16le', 'utf8');
    } catch {
      // U_INVALID_CHAR_FOUND: a lone surrogate, which Buffer.from writes as U+FFFD
    }
  }
  return Buffer.from(text, 'utf8');
}
