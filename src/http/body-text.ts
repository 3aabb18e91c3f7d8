/**
 * Request body bytes → text, honouring what the client said about them: a byte order mark, the
 * Content-Type's charset, and (with neither) the pattern of zero bytes that UTF-16 leaves in text
 * that starts with ASCII (the detection RFC 4627 describes). Windows tools save and send UTF-16
 * (PowerShell 5's `Out-File`, Notepad's "Unicode"); read as UTF-8, such a body was JSON that
 * "fails at column 2" or a message with a NUL between every letter that matched nothing.
 */

import { TextDecoder } from 'node:util';

/** Why a body could not be read as text: the charset named in Content-Type is unknown. */
export class UnsupportedCharsetError extends Error {
  constructor(readonly charset: string) {
    super(`unsupported charset ${charset}`);
    this.name = 'UnsupportedCharsetError';
  }
}

/** The `charset` parameter of a Content-Type header, lower-cased and unquoted, or null. */
export function charsetOf(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const params = contentType.split(';', 16);
  for (let i = 1; i < params.length; i++) {
    const p = params[i]!;
    const eq = p.indexOf('=');
    if (eq < 0 || p.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
    return value === '' ? null : value;
  }
  return null;
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    throw new UnsupportedCharsetError(label.slice(0, 64));
  }
}

/**
 * Decodes a request body. A byte order mark wins over the charset (as in the WHATWG Encoding
 * standard) and is removed; without either, UTF-16 is recognised by its zero bytes, and anything
 * else is UTF-8 (invalid sequences become U+FFFD, as before). Throws UnsupportedCharsetError for
 * a charset no decoder knows.
 */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  const b0 = body[0];
  const b1 = body[1];
  if (b0 === 0xef && b1 === 0xbb && body[2] === 0xbf) return body.toString('utf8', 3);
  if (b0 === 0xff && b1 === 0xfe) return decoderFor('utf-16le').decode(body.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decoderFor('utf-16be').decode(body.subarray(2));
  const charset = charsetOf(contentType);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') return decoderFor(charset).decode(body);
  if (charset === null && body.length >= 4) {
    const b2 = body[2];
    const b3 = body[3];
    if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return decoderFor('utf-16le').decode(body);
    if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return decoderFor('utf-16be').decode(body);
  }
  return body.toString('utf8');
}
