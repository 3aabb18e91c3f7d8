/**
 * The general rule added for round 16's cause misses, tried both ways on messages written here (none is a fixture's
 * text): one of the same shape whose cause must now rank first, and a near miss that must not change. The fixtures'
 * own results are in real-causes-round16.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ranked = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);

describe('the Java SDK saying it cannot use web identity tokens (no sts module on the class path)', () => {
  it('ranks irsa-service-account-misconfigured in the top 2 (after the Allow the shown identity lacks): the IRSA token is ignored', () => {
    const ids = ranked([
      '12:01:02.113 WARN  [s.a.a.a.c.i.WebIdentityCredentialsUtils] To use web identity tokens, the \'sts\' service module must be on the class path.',
      '12:01:02.540 ERROR [c.e.Worker] software.amazon.awssdk.services.s3.model.S3Exception: User: arn:aws:sts::210987654321:assumed-role/platform-prod-workers-2024/i-0a1b2c3d4e5f60718 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::reports-out/2024/a.csv" because no identity-based policy allows the s3:PutObject action (Service: S3, Status Code: 403, Request ID: 7QX1)',
    ].join('\n'));
    expect(ids.slice(0, 2)).toContain('irsa-service-account-misconfigured');
  });

  it('near miss: the same refusal without the warning, or the class-path warning about assume-role profiles, does not', () => {
    const refusal = 'software.amazon.awssdk.services.s3.model.S3Exception: User: arn:aws:sts::210987654321:assumed-role/platform-prod-workers-2024/i-0a1b2c3d4e5f60718 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::reports-out/2024/a.csv" because no identity-based policy allows the s3:PutObject action (Service: S3, Status Code: 403, Request ID: 7QX1)';
    expect(ranked(refusal).slice(0, 3)).not.toContain('irsa-service-account-misconfigured');
    const profiles = ranked(`WARN To use assume role profiles, the 'sts' service module must be on the class path.\n${refusal}`);
    expect(profiles.slice(0, 3)).not.toContain('irsa-service-account-misconfigured');
  });
});
