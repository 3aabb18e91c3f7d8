/**
 * The general cause rules added for the misses of round 21, each tried both ways on messages written here (none is a
 * fixture's text): one that must now rank differently, and a near miss that must not change. The fixtures' own
 * results are in real-causes-round21.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const top = (message: string, n = 3) => explain({ message }).causes.slice(0, n).map((c) => c.id);

describe('an SDK\'s own "no credentials" text as the message of a coded refusal', () => {
  it('is that refusal, not a later step: the Cognito pool\'s trust causes rank above wrong-credentials-in-use', () => {
    const ids = top('Uncaught (in promise) InvalidIdentityPoolConfigurationException: Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1');
    expect(ids).toContain('trust-action-mismatch');
    expect(ids).not.toContain('wrong-credentials-in-use');
  });

  it('near miss: a "no credentials" line after a separate refusal still reads as its consequence', () => {
    const r = explain({ message: 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\nUnable to locate credentials. You can configure credentials by running "aws configure".' });
    const wc = r.causes.find((c) => c.id === 'wrong-credentials-in-use');
    expect(JSON.stringify(wc?.evidence ?? [])).toContain('later step');
    expect(JSON.stringify(wc?.evidence ?? [])).not.toContain("SDK's own message");
  });
});

describe('STS\'s words for an expired web identity token, without the operation printed', () => {
  it('ranks webidentity-token-expired first (the token, not the calling credentials)', () => {
    expect(top('s.a.a.s.s.m.ExpiredTokenException: Token expired: current date/time 1700000900 must be before the expiration date/time 1700000600 (Service: Sts, Status Code: 400, Request ID: 0f0e0d0c-1111-2222-3333-444455556666)', 1)).toEqual(['webidentity-token-expired']);
    expect(top('<Error><Code>ExpiredTokenException</Code><Message>Token too old: 90210</Message></Error>', 1)).toEqual(['webidentity-token-expired']);
  });

  it('near miss: the calling credentials\' expiry keeps expired-token first', () => {
    expect(top('ExpiredTokenException: The security token included in the request is expired\n\tstatus code: 403, request id: 0f0e0d0c-1111-2222-3333-444455556666', 1)).toEqual(['expired-token']);
  });
});
