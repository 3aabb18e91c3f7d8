/**
 * The general parser rules added for the misses of round 21, each tried both ways on messages written here (none is
 * a fixture's text): one of the same shape that must now be read, and a near miss that must not change. The
 * fixtures' own results are in round21.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('Cognito identity pools: the InvalidIdentityPoolConfigurationException code', () => {
  it('reads the code before the mobile SDKs\' `, message=` field, and before another SDK text', () => {
    const p = parsed('GetCredentialsForIdentity failed: InvalidIdentityPoolConfigurationException, message=Invalid identity pool configuration. Check assigned IAM roles for this pool.');
    expect(p.errorCode).toBe('InvalidIdentityPoolConfigurationException');
    const q = parsed('Uncaught (in promise) InvalidIdentityPoolConfigurationException: Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1');
    expect(q.recognized).toBe(true);
    expect(q.errorCode).toBe('InvalidIdentityPoolConfigurationException');
    expect(q.shape).toBe('cognito-pool-role-untrusted');
  });

  it('near miss: a word that is no code before `, message=` is not read; the SDK\'s own "no credentials" error stays one', () => {
    const p = parsed('Upload failed, message=Invalid identity pool configuration. Check assigned IAM roles for this pool.');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBeNull();
    const q = parsed('CredentialsError: Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1');
    expect(q.shape).toBe('no-credentials');
    expect(q.errorCode).toBe('CredentialsError');
  });
});

describe('the Go SDK v2\'s `api error Code:` with any code naming an auth failure', () => {
  it('reads ForbiddenException / UnauthorizedException after `api error`, even with an empty RequestID', () => {
    const p = parsed('failed to get role credentials: operation error SSO: GetRoleCredentials, https response error StatusCode: 403, RequestID: , api error ForbiddenException: No access');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('ForbiddenException');
    expect(p.action).toBe('sso:GetRoleCredentials');
    const q = parsed('operation error SSO: GetRoleCredentials, https response error StatusCode: 401, RequestID: 5d2c1b7e-0f3a-4c55-9d0e-2a1b3c4d5e6f, api error UnauthorizedException: Session token not found or invalid');
    expect(q.errorCode).toBe('UnauthorizedException');
  });

  it('near miss: a code that names no auth failure (`NoSuchKey`) is not read', () => {
    const p = parsed('operation error S3: GetObject, https response error StatusCode: 404, RequestID: 8J2K4M6N, api error NoSuchKey: The specified key does not exist.');
    expect(p.recognized).toBe(false);
  });
});

describe('STS\'s words for an expired web identity token', () => {
  it('infers sts:AssumeRoleWithWebIdentity from "Token expired: current date/time …" and "Token too old: N"', () => {
    const p = parsed('software.amazon.awssdk.services.sts.model.ExpiredTokenException: Token expired: current date/time 1700000900 must be before the expiration date/time 1700000600 (Service: Sts, Status Code: 400, Request ID: 0f0e0d0c-1111-2222-3333-444455556666)');
    expect(p.shape).toBe('web-identity-token-expired');
    expect(p.errorCode).toBe('ExpiredTokenException');
    expect(p.action).toBe('sts:AssumeRoleWithWebIdentity');
    const q = parsed('<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredTokenException</Code><Message>Token too old: 90210</Message></Error></ErrorResponse>');
    expect(q.recognized).toBe(true);
    expect(q.errorCode).toBe('ExpiredTokenException');
    expect(q.action).toBe('sts:AssumeRoleWithWebIdentity');
  });

  it('near miss: the calling credentials\' expiry stays expired-token with no action; "token too old" with no age is not read', () => {
    const p = parsed('ExpiredTokenException: The security token included in the request is expired');
    expect(p.shape).toBe('expired-token');
    expect(p.action).toBeNull();
    expect(parsed('warning: refresh token too old, please log in again').recognized).toBe(false);
  });
});

describe('the Go SDK v1\'s client-side validation of an STS call', () => {
  it('reads `InvalidParameter: N validation error(s) found.` naming an STS input as that call\'s error', () => {
    const p = parsed('Error: InvalidParameter: 2 validation error(s) found.\n- minimum field size of 2, AssumeRoleInput.RoleSessionName.\n- minimum field size of 20, AssumeRoleInput.RoleArn.');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('InvalidParameter');
    expect(p.action).toBe('sts:AssumeRole');
  });

  it('near miss: the same validation of another service\'s input is not read', () => {
    expect(parsed('InvalidParameter: 1 validation error(s) found.\n- minimum field size of 1, GetObjectInput.Key.').recognized).toBe(false);
  });
});

describe('configure-aws-credentials: "Could not assume role with <how>: <message>"', () => {
  it('reads the action\'s failed assume when STS\'s message is no known wording', () => {
    const p = parsed('Error: Could not assume role with OIDC: Request ARN is invalid because of a bad tag');
    expect(p.recognized).toBe(true);
    const q = parsed('Error: Could not assume role with web identity token file: Unable to validate tags');
    expect(q.recognized).toBe(true);
    expect(q.source).toBe('github-actions');
  });

  it('near miss: a known STS wording after it keeps its own reading; a tool\'s other "could not assume role" is not read', () => {
    const p = parsed('Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity');
    expect(p.shape).toBe('sts-not-authorized');
    expect(p.action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(parsed('could not assume role with kubectl: context deadline exceeded').recognized).toBe(false);
  });
});
