/**
 * The general cause rules added for the misses of round 24, each tried both ways on messages written here (none is a
 * fixture's text): one that must now rank differently, and a near miss that must not change. The fixtures' own
 * results are in real-causes-round24.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ids = (message: string, n = 3) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').slice(0, n).map((c) => c.id);
const refused = (caller: string) => `Caused by: software.amazon.awssdk.services.s3.model.S3Exception: User: ${caller} is not authorized to perform: s3:GetObject because no identity-based policy allows the s3:GetObject action (Service: S3, Status Code: 403, Request ID: ABCDEF0123456789)`;

describe('a node\'s instance role by its name, refused with no session name shown', () => {
  it('puts wrong-credentials-in-use in the top 3 (the pod fell back to the node\'s credentials), identity-missing-allow kept first', () => {
    for (const caller of ['arn:aws:sts::111122223333:assumed-role/prod-NodeInstanceRole-1A2B3C', 'arn:aws:sts::111122223333:assumed-role/<NODE-ROLE>', 'arn:aws:sts::111122223333:assumed-role/cluster-a-node-group-role']) {
      const top = ids(refused(caller));
      expect(top[0], caller).toBe('identity-missing-allow');
      expect(top, caller).toContain('wrong-credentials-in-use');
    }
  });

  it('near miss: a node-named role with a person\'s or pipeline\'s session, or another role with no session, gets no such reading', () => {
    for (const caller of ['arn:aws:sts::111122223333:assumed-role/prod-NodeInstanceRole-1A2B3C/alice@example.com', 'arn:aws:sts::111122223333:assumed-role/app-role']) {
      expect(ids(refused(caller)), caller).not.toContain('wrong-credentials-in-use');
    }
  });
});
