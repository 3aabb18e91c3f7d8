/**
 * The cause-side effect of the rules added for the misses of round 14, tried both ways on messages written here (none
 * is a fixture's text). The fixtures' own results are in real-causes-round14.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const live = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);

describe('docker sent no credentials to an ECR registry', () => {
  it('ranks credentials-not-found first', () => {
    expect(live('Error response from daemon: Get https://210987654321.dkr.ecr.ap-south-1.amazonaws.com/v2/batch/manifests/2026.1: no basic auth credentials')[0]).toBe('credentials-not-found');
  });
  it('near miss: another registry gives no AWS cause', () => {
    expect(live('Error response from daemon: Get https://ghcr.io/v2/team/api/manifests/latest: no basic auth credentials')).not.toContain('credentials-not-found');
  });
});
