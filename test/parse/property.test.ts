import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT, parseError } from '../../src/core/parse/index.js';

const PIECES = [
  'User: ', 'arn:aws:', 'arn:aws:sts::123456789012:assumed-role/r/s', ' is not authorized to perform: ', 'sts:AssumeRole',
  ' on resource: ', '"', '\\"', '\\n', '\n', '│ ', '| ', '<', '>', '<Code>', '</Code>', 'An error occurred (', ') when calling the ',
  ' operation: ', 'because no ', 'with an explicit deny in a ', 'Access Denied', 'Forbidden', ' ', ':', 'operation error STS: ',
  'Encoded authorization failure message: ', 'abcDEF123', '{"eventSource":"sts.amazonaws.com","errorCode":"AccessDenied"', '(Service: ',
  'status code: 403, request id: ', '\u2502', '`', "b'", 'caused by: ', 'InvalidClientTokenId', 'The security token included in the request is inval',
];

describe('parseError never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (s) => {
      const r = parseError(s);
      expect(typeof r.parsed.recognized).toBe('boolean');
    }), { numRuns: 300 });
  });

  it('on strings built from the pieces of real messages', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }), (parts) => {
      const r = parseError(parts.join(''));
      expect(Array.isArray(r.otherErrors)).toBe(true);
      if (r.parsed.recognized) expect(r.parsed.shape).not.toBeNull();
    }), { numRuns: 300 });
  });

  it('on full-size input and beyond the cap', () => {
    fc.assert(fc.property(fc.constantFrom(...PIECES), fc.integer({ min: 90_000, max: 120_000 }), (piece, n) => {
      const s = piece.repeat(Math.ceil(n / piece.length)).slice(0, n);
      const r = parseError(s);
      expect(r.issues.some((i) => i.code === 'input-truncated')).toBe(s.length > MAX_INPUT);
    }), { numRuns: 12 });
  });

  it('on non-string input passed by a careless caller', () => {
    expect(parseError(undefined as unknown as string).parsed.recognized).toBe(false);
    expect(parseError(42 as unknown as string).parsed.recognized).toBe(false);
  });
});

describe('parseError runs in linear time', () => {
  const adversarial: Record<string, (n: number) => string> = {
    'arn:aws: floods': (n) => 'arn:aws:'.repeat(n / 8),
    'typed-message loops': (n) => 'User: x is not authorized to perform: '.repeat(n / 38),
    'full typed messages': (n) => 'User: arn:aws:iam::123456789012:user/a is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action\n'.repeat(n / 170),
    '│ walls': (n) => '│ '.repeat(n / 2),
    'quote floods': (n) => '"'.repeat(n),
    '< floods': (n) => '<'.repeat(n),
    'escaped quotes': (n) => '\\"'.repeat(n / 2),
    'spaces then a trigger': (n) => ' '.repeat(n - 40) + 'Access Denied',
    'User: floods': (n) => 'User: '.repeat(n / 6),
    'CLI prefixes': (n) => 'An error occurred (AccessDenied) when calling the AssumeRole operation: '.repeat(n / 72),
    'line breaks': (n) => 'a\n'.repeat(n / 2),
    'validation words': (n) => '1 validation error detected: roleSessionName '.repeat(n / 45),
    'bare denials': (n) => 'error: Access Denied\n'.repeat(n / 21),
    'dots and colons': (n) => '.:'.repeat(n / 2),
    'placeholder targets': (n) => 'User: a is not authorized to perform: s3:GetObject on resource: <<x '.repeat(n / 68),
    'blob lines': (n) => 'Encoded authorization failure message: ' + 'Ab3dEfGh1jKlMn0pQrStUvWxYz0123456789abcdEF\n'.repeat(n / 43),
    'CloudTrail keys': (n) => '{"eventSource":"sts.amazonaws.com","errorCode":"AccessDenied","userIdentity":{"arn":"x"}}'.repeat(n / 88),
    'Go envelopes': (n) => 'operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: x, api error AccessDenied: Access Denied\n'.repeat(n / 120),
  };
  const time = (s: string) => {
    const t0 = performance.now();
    parseError(s);
    return performance.now() - t0;
  };
  it.each(Object.entries(adversarial))('%s', (_name, make) => {
    const n = 20_000;
    const small = make(n);
    const big = make(4 * n);
    time(small); // warm-up
    time(big);
    // the machine is shared: the fastest of several runs is the least noisy estimate
    const best = (s: string) => Math.min(...Array.from({ length: 7 }, () => time(s)));
    const t1 = best(small);
    const t4 = best(big);
    // linear: t4 ≈ 4·t1; quadratic would be ≈ 16·t1. The constant absorbs scheduler noise on small n.
    expect(t4).toBeLessThan(12 * t1 + 50);
  });
});
