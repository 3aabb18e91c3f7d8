/**
 * Round 20's cause rule (after its blind measurement): a bare refusal of a KMS action names neither side, and KMS reads
 * the key policy first, so the key policy's missing grant is in play beside the caller's missing IAM Allow. A pasted
 * key policy is evaluated instead.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const bare = `An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::123456789012:assumed-role/reports/i-0a1b is not authorized to perform: kms:Decrypt on resource: ${KEY}`;
const rank = (a: ReturnType<typeof explain>, id: string) => a.causes.findIndex((c) => c.id === id) + 1;
const status = (a: ReturnType<typeof explain>, id: string) => a.causes.find((c) => c.id === id)?.status;

describe('a bare refusal of a KMS action', () => {
  it('puts the key policy\'s missing grant in the top 3, the missing IAM Allow still first', () => {
    const a = explain({ message: bare });
    expect(a.causes[0]?.id).toBe('identity-missing-allow');
    expect(rank(a, 'kms-key-policy-missing-grant')).toBeLessThanOrEqual(3);
    expect(status(a, 'kms-key-policy-missing-grant')).toBe('possible');
  });
  it('near miss: AWS naming the identity-based policy leaves the key policy unlikely', () => {
    const a = explain({ message: `${bare} because no identity-based policy allows the kms:Decrypt action` });
    expect(status(a, 'kms-key-policy-missing-grant')).toBe('unlikely');
  });
  it('near miss: a pasted key policy that delegates to IAM rules it out', () => {
    const keyPolicy = { kind: 'resource' as const, name: 'key policy', document: { Version: '2012-10-17', Statement: [{ Sid: 'EnableIAM', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }] } };
    const a = explain({ message: bare, policies: [keyPolicy] });
    expect(status(a, 'kms-key-policy-missing-grant')).toBe('ruled-out');
    expect(a.causes.find((c) => c.id === 'kms-key-policy-missing-grant')?.evidence.some((e) => e.text.includes('read both'))).toBe(false);
  });
});
