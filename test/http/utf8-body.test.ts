import { describe, expect, it } from 'vitest';
import { utf8Body } from '../../src/http/utf8-body.js';

// utf8Body must give exactly Buffer.from(text, 'utf8'): what fastify and the socket sent before.
describe('utf8Body', () => {
  it.each([
    ['empty', ''],
    ['ASCII', '{"a":"b"}'],
    ['the answers\' own characters', 'Ask for it… then — maybe → here'],
    ['Latin-1 only (a one-byte string past ASCII)', 'café ÿ'],
    ['an astral character (a surrogate pair)', 'role 😀 name'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate at the end', 'x\udc00'],
    ['text filling the scratch buffer exactly', `→${'a'.repeat(131_071)}`],
    ['text past the scratch buffer', `${'a'.repeat(200_000)}—`],
    ['a lone surrogate past the scratch buffer', `${'a'.repeat(200_000)}\ud800`],
  ])('%s', (_name, text) => {
    const body = utf8Body(text);
    expect(Buffer.isBuffer(body)).toBe(true);
    expect(body.equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('gives each call its own bytes (the scratch buffer is never handed out)', () => {
    const first = utf8Body('first → answer');
    utf8Body('second — answer, longer than the first');
    expect(first.toString('utf8')).toBe('first → answer');
  });
});
