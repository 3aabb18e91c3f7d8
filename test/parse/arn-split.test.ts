// splitArn (src/core/parse/arn.ts) reads the first five colon-separated fields with indexOf: it must
// agree with splitting on every colon and joining the resource back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitArn } from '../../src/core/parse/arn.js';

function reference(raw: string) {
  let s = raw;
  if (!/^arn:/i.test(s)) {
    if (/^aws(?:-[a-z-]{1,20})?:[a-z0-9-]{1,40}:[^:]{0,40}:[^:]{0,60}:./i.test(s)) s = 'arn:' + s;
    else return null;
  }
  const p = s.split(':');
  if (p.length < 3) return null;
  return { partition: p[1] ?? '', service: (p[2] ?? '').toLowerCase().replace(/\s+/g, ''), region: p[3] ?? '', account: p[4] ?? '', resource: p.slice(5).join(':') };
}

describe('splitArn', () => {
  it('reads ARNs as printed, cut short and with extra colons', () => {
    for (const s of ['arn:aws:iam::123456789012:role/a', 'arn:aws:s3:::b/k:x', 'arn:aws', 'arn:aws:', 'arn:aws:sts', 'ARN:aws:I AM::1:user/u', 'aws:iam::*:role/x', 'arn:aws:kms:us-east-1:1:key/k:a:b']) {
      expect(splitArn(s), s).toEqual(reference(s));
    }
  });
  it('agrees with splitting on every colon on random pieces', () => {
    const piece = fc.constantFrom('arn', 'aws', 'ARN', ':', '::', 'iam', 'S3', ' ', '\t', '\u00a0', 'x', 'role/a:b', 'aws-cn', '1');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (p) => {
      const s = p.join('');
      expect(splitArn(s)).toEqual(reference(s));
    }), { numRuns: 1000 });
  });
});
