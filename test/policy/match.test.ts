/** Wildcard matching: agrees with a reference regex, and never backtracks exponentially. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arnGlobMatch } from '../../src/core/policy/arn.js';
import { cidrContains, parseCidr, parseIp } from '../../src/core/policy/ip.js';
import { compileGlob, equalsPlain, globMatch, matchPattern } from '../../src/core/policy/match.js';

function reference(pattern: string, text: string, ignoreCase: boolean): boolean {
  const re = '^' + pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('') + '$';
  return new RegExp(re, ignoreCase ? 'si' : 's').test(text);
}

describe('globMatch', () => {
  it('agrees with a reference regex on random inputs', () => {
    const alpha = fc.constantFrom('a', 'b', 'A', ':', '/', '*', '?');
    fc.assert(
      fc.property(fc.array(alpha, { maxLength: 10 }), fc.array(fc.constantFrom('a', 'b', 'A', ':', '/'), { maxLength: 12 }), fc.boolean(), (p, t, ic) => {
        const pattern = p.join('');
        const text = t.join('');
        expect(globMatch(pattern, text, ic)).toBe(reference(pattern, text, ic));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('equalsPlain answers as matchPattern does for patterns without wildcards', () => {
    const alpha = fc.constantFrom('a', 'b', 'A', 'B', ':', 'İ', 'ı', 'ß');
    fc.assert(
      fc.property(fc.array(alpha, { maxLength: 8 }), fc.array(alpha, { maxLength: 8 }), fc.boolean(), (p, t, ic) => {
        const pattern = p.join('');
        const text = t.join('');
        expect(equalsPlain(pattern, text, ic)).toBe(matchPattern(compileGlob(pattern), text, ic));
        expect(equalsPlain(pattern, pattern.toUpperCase(), ic)).toBe(matchPattern(compileGlob(pattern), pattern.toUpperCase(), ic));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it.each([
    ['s3:Get*', 's3:GetObject', true, true],
    ['S3:get*', 's3:GetObject', true, true],
    ['S3:get*', 's3:GetObject', false, false],
    ['s3:?etObject', 's3:GetObject', false, true],
    ['*', '', false, true],
    ['a*b*c', 'abc', false, true],
    ['a*b*c', 'acb', false, false],
  ])('%s vs %s (ignoreCase %s)', (p, t, ic, want) => {
    expect(globMatch(p, t, ic)).toBe(want);
  });

  it('answers adversarial patterns (no exponential backtracking)', () => {
    // exponential backtracking would not finish within the test timeout on these sizes
    expect(globMatch('*a'.repeat(2000) + 'b', 'a'.repeat(8000))).toBe(false);
    expect(globMatch('*a'.repeat(2000), 'a'.repeat(8000))).toBe(true);
  });
});

describe('ARN matching per segment', () => {
  it.each([
    ['arn:aws:iam::*:role/*', 'arn:aws:iam::111111111111:role/a/b', true],
    ['arn:aws:iam::111111111111:*', 'arn:aws:sts::111111111111:assumed-role/r/s', false],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a:b/c', true],
    ['arn:aws:kms:*:111111111111:key/*', 'arn:aws:kms:us-east-1:111111111111:key/k', true],
    ['arn:aws:kms:us-*-1:*:key/*', 'arn:aws:kms:us-west-2:1:key/k', false],
    ['*', 'anything', true],
  ])('%s vs %s', (p, t, want) => {
    expect(arnGlobMatch(p, t)).toBe(want);
  });
});

describe('IP ranges', () => {
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['203.0.113.7', '203.0.113.7', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::/0', '::1', true],
    ['192.0.2.0/24', '::ffff:192.0.2.9', false],
    ['10.0.0.0/8', '2001:db8::1', false],
  ])('%s contains %s: %s', (cidr, ip, want) => {
    const c = parseCidr(cidr);
    const a = parseIp(ip);
    expect(c).not.toBeNull();
    expect(a).not.toBeNull();
    expect(cidrContains(c!, a!)).toBe(want);
  });

  it.each(['10.0.0.256', '1.2.3', '2001:db8:::1', '10.0.0.0/33', 'x'])('rejects %s', (s) => {
    expect(parseCidr(s)).toBeNull();
  });
});
