import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutTrailingCode } from '../../src/core/parse/envelope.js';
import { isKnownCode } from '../../src/core/parse/codes.js';

/** The regex withoutTrailingCode replaced (quadratic on long letter runs), as the oracle. */
const oracle = (s: string) => s.replace(/ ?[A-Za-z]{2,60}: ?$/, (x) => (isKnownCode(x.replace(/[: ]/g, '')) ? '' : x));

describe('withoutTrailingCode', () => {
  it('drops a known code printed last, with its space and colon', () => {
    expect(withoutTrailingCode('error calling sts:GetCallerIdentity AccessDenied: ')).toBe('error calling sts:GetCallerIdentity');
    expect(withoutTrailingCode('calling s3:GetObject: AccessDenied:')).toBe('calling s3:GetObject:');
  });
  it('keeps unknown words and text without a trailing colon', () => {
    expect(withoutTrailingCode('error calling sts:GetCallerIdentity Hello: ')).toBe('error calling sts:GetCallerIdentity Hello: ');
    expect(withoutTrailingCode('AccessDenied')).toBe('AccessDenied');
    expect(withoutTrailingCode('')).toBe('');
  });
  it('agrees with the regex it replaced', () => {
    const word = fc.constantFrom('AccessDenied', 'AccessDeniedException', 'Hello', 'x', 'ExpiredToken', 'a'.repeat(70), 'b'.repeat(59) + 'AccessDenied');
    const piece = fc.oneof(word, fc.constantFrom(' ', ': ', ':', '  ', 'sts:AssumeRole', '1'), fc.string({ maxLength: 4 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const s = parts.join('');
      expect(withoutTrailingCode(s)).toBe(oracle(s));
    }), { numRuns: 3000 });
  });
});
