/**
 * STS's PackedPolicyTooLarge: the envelope around it is read (code, operation, action), a web identity login tool's
 * wording names the federation call, and the cause STS names is likely, as the other codes that name their cause.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const SENTENCE = 'Packed policy consumes 112% of allotted space, please use smaller policy for your request.';
const top = (message: string) => explain({ message }).causes[0];

describe('PackedPolicyTooLarge', () => {
  it('botocore\'s envelope gives the code and the operation, and the action from it', () => {
    const p = explain({ message: `An error occurred (PackedPolicyTooLarge) when calling the AssumeRole operation: ${SENTENCE}` }).parsed;
    expect([p.errorCode, p.operation, p.action]).toEqual(['PackedPolicyTooLarge', 'AssumeRole', 'sts:AssumeRole']);
  });
  it('Go v2\'s envelope too', () => {
    const p = explain({ message: `operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, RequestID: 5d0c, api error PackedPolicyTooLarge: ${SENTENCE}` }).parsed;
    expect([p.errorCode, p.action]).toEqual(['PackedPolicyTooLarge', 'sts:AssumeRoleWithWebIdentity']);
  });
  it('configure-aws-credentials\' "Could not assume role with OIDC" names the web identity call', () => {
    const p = explain({ message: `Error: Could not assume role with OIDC: ${SENTENCE}` }).parsed;
    expect(p.action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(p.caller?.type).toBe('web-identity');
  });
  it('near miss: the bare sentence names no call', () => {
    expect(explain({ message: SENTENCE }).parsed.action).toBeNull();
  });
  it('the cause STS names is likely, whatever the wrapper', () => {
    for (const m of [`An error occurred (PackedPolicyTooLarge) when calling the AssumeRole operation: ${SENTENCE}`, SENTENCE, `Error: Could not assume role with OIDC: ${SENTENCE}`]) {
      expect(top(m)?.id, m).toBe('packed-policy-too-large');
      expect(top(m)?.status, m).toBe('likely');
    }
  });
});
