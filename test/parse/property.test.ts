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
    'command lines around denials': (n) => '$ aws ec2 describe-vpcs --region eu-west-1\nerror: Access Denied\n'.repeat(n / 63),
    'provider ARNs': (n) => 'with principal arn:aws:iam::1:saml-provider/p Not authorized to perform sts:AssumeRoleWithSAML\n'.repeat(n / 94),
    'Go envelopes': (n) => 'operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: x, api error AccessDenied: Access Denied\n'.repeat(n / 120),
  };
  /**
   * CPU time (this process: the pool is `forks`), not wall time: a loaded machine (CI runs every
   * test file at once on 2 cores) deschedules the worker, which inflates wall time but not CPU time.
   * The cheapest of several runs drops GC pauses and cache noise.
   */
  const cpuMs = (fn: () => void) => {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const cheapest = (fn: () => void, runs = 5) => Math.min(...Array.from({ length: runs }, () => cpuMs(fn)));
  /**
   * Linear in n when quadrupling the input at most ~quadruples the cost: the bound (9×) sits between
   * linear (4×) and quadratic (16×). Below FLOOR_MS at 4n the cost cannot matter at the 100 000-char
   * cap whatever its shape, and timer granularity would dominate the ratio, so it passes.
   */
  const FLOOR_MS = 25;
  const looksLinear = (work: (s: string) => void, make: (n: number) => string, n: number) => {
    const small = make(n);
    const big = make(4 * n);
    work(small); // warm-up (JIT, regex compilation)
    work(big);
    // a noisy sample can fail once; a quadratic one fails every time
    for (let attempt = 0; attempt < 3; attempt++) {
      const t1 = cheapest(() => work(small));
      const t4 = cheapest(() => work(big));
      if (t4 < FLOOR_MS || t4 < 9 * t1) return true;
    }
    return false;
  };

  it.each(Object.entries(adversarial))('%s', (_name, make) => {
    expect(looksLinear((s) => parseError(s), make, 20_000)).toBe(true);
  });

  it('the check itself catches a quadratic scan', () => {
    // indexOf from every k-th position: O(n²/k). Pick k so the big input costs well above the floor.
    const make = (n: number) => 'x'.repeat(n);
    let step = 256;
    const quad = (s: string) => {
      let acc = 0;
      for (let i = 0; i < s.length; i += step) acc += s.indexOf('\u0001', i);
      return acc;
    };
    while (step > 1 && cheapest(() => quad(make(80_000)), 1) < 4 * FLOOR_MS) step = Math.max(1, step >> 1);
    expect(looksLinear(quad, make, 20_000)).toBe(false);
    // and a linear scan of the same input passes
    expect(looksLinear((s) => s.indexOf('\u0001'), make, 20_000)).toBe(true);
  });
});
