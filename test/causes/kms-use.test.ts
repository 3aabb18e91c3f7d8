/**
 * A service's use of KMS on the caller's behalf was refused (docs/decisions/018): the message names the
 * service's operation, not the KMS action. Wordings from AWS (Secrets Manager's knowledge-center page
 * "Access to KMS is not allowed"; Lambda's KMSAccessDeniedException for environment variables; the
 * KMSAccessDenied / KmsAccessDeniedException errors of SNS, Kinesis and Step Functions in the SDK
 * references). Checked both ways on inputs other than blind b15.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const SECRET_ACCT = '707070707070';
const CALLER_ACCT = '808080808080';
const secret = `arn:aws:secretsmanager:eu-west-1:${SECRET_ACCT}:secret:billing/stripe-key-Q1w2E3`;
const getSecret = `$ aws secretsmanager get-secret-value --secret-id ${secret}\nAn error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed`;
const secretPolicy = (principal: string) => ({
  kind: 'resource' as const,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] },
});
const identity = (...extra: object[]) => ({
  kind: 'identity' as const,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `${secret.slice(0, secret.lastIndexOf(':'))}:*` }, ...extra] },
});
const kmsDecrypt = { Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:eu-west-1:${SECRET_ACCT}:key/*` };
const rank = (a: ReturnType<typeof explain>, id: string) => a.causes.findIndex((c) => c.id === id) + 1;
const cause = (a: ReturnType<typeof explain>, id: string) => a.causes.find((c) => c.id === id);

describe('Secrets Manager "Access to KMS is not allowed" read from another account', () => {
  it('ranks the AWS managed key first when the secret\'s policy grants only another account', () => {
    const a = explain({ message: getSecret, policies: [secretPolicy(`arn:aws:iam::${CALLER_ACCT}:role/billing-sync`), identity(kmsDecrypt)] });
    expect(a.causes[0]?.id).toBe('kms-aws-managed-key-cross-account');
    expect(a.causes[0]?.evidence.some((e) => e.text.includes(`account ${CALLER_ACCT}`))).toBe(true);
    // the identity side allows kms:Decrypt on the secret account's keys: not the first suspect
    expect(cause(a, 'identity-missing-allow')?.status).toBe('unlikely');
    expect(rank(a, 'identity-missing-allow')).toBeGreaterThan(3);
  });
  it('does not infer another account when the secret\'s policy grants its own account', () => {
    const a = explain({ message: getSecret, policies: [secretPolicy(`arn:aws:iam::${SECRET_ACCT}:role/billing-sync`), identity(kmsDecrypt)] });
    expect(a.causes[0]?.id).not.toBe('kms-aws-managed-key-cross-account');
    expect(cause(a, 'kms-aws-managed-key-cross-account')?.evidence.some((e) => e.text.includes('another account'))).toBe(false);
  });
  it('does not infer another account when the secret\'s policy grants everyone', () => {
    const a = explain({ message: getSecret, policies: [secretPolicy('*'), identity(kmsDecrypt)] });
    expect(a.causes[0]?.id).not.toBe('kms-aws-managed-key-cross-account');
  });
});

describe('the caller\'s IAM side of the key use', () => {
  const other = secretPolicy(`arn:aws:iam::${CALLER_ACCT}:role/billing-sync`);
  it('a missing kms:Decrypt in the identity policies is a likely cause', () => {
    const a = explain({ message: getSecret, policies: [other, identity()] });
    const c = cause(a, 'identity-missing-allow');
    expect(c?.status).toBe('likely');
    expect(c?.evidence.some((e) => e.text.includes('kms:Decrypt'))).toBe(true);
    expect(rank(a, 'identity-missing-allow')).toBeLessThanOrEqual(3);
  });
  it('a kms:Decrypt Allow makes it unlikely', () => {
    expect(cause(explain({ message: getSecret, policies: [other, identity(kmsDecrypt)] }), 'identity-missing-allow')?.status).toBe('unlikely');
  });
  it('a write asks KMS for a data key: kms:GenerateDataKey', () => {
    const put = getSecret.replace('get-secret-value', 'put-secret-value').replace('GetSecretValue operation', 'PutSecretValue operation');
    const c = cause(explain({ message: put, policies: [other, identity()] }), 'identity-missing-allow');
    expect(c?.evidence.some((e) => e.text.includes('kms:GenerateDataKey'))).toBe(true);
  });
  it('the same family in other services\' words names the KMS action they need', () => {
    const noKms = { kind: 'identity' as const, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sns:Publish', 'kinesis:PutRecord', 'states:StartExecution', 'lambda:InvokeFunction'], Resource: '*' }] } };
    const cases: Array<[string, string]> = [
      ["An error occurred (KMSAccessDeniedException) when calling the Invoke operation: Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function's KMS key settings. KMS Exception: AccessDeniedException KMS Message: The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.", 'kms:Decrypt'],
      ["An error occurred (KMSAccessDeniedException) when calling the PutRecord operation: The ciphertext references a key that doesn't exist or that you don't have access to.", 'kms:GenerateDataKey'],
      ["An error occurred (KMSAccessDenied) when calling the Publish operation: The ciphertext references a key that doesn't exist or that you don't have access to.", 'kms:GenerateDataKey'],
      ['An error occurred (KmsAccessDeniedException) when calling the StartExecution operation: Either your KMS key policy or API caller does not have the required permissions.', 'kms:GenerateDataKey'],
    ];
    for (const [message, kms] of cases) {
      const c = cause(explain({ message, policies: [noKms] }), 'identity-missing-allow');
      expect(c?.evidence.some((e) => e.text.includes(`allows ${kms}`)), message).toBe(true);
    }
  });
  it('commands name the KMS action, not <action>, when nothing was pasted', () => {
    const a = explain({ message: getSecret });
    const steps = (id: string) => { const c = cause(a, id); return [...(c?.confirm.map((s) => s.command) ?? []), ...(c?.fix.commands ?? []), c?.fix.description ?? '']; };
    expect(steps('identity-missing-allow').some((t) => t.includes('--action-names kms:Decrypt'))).toBe(true);
    expect(a.causes.flatMap((c) => [...c.confirm.map((s) => s.command), ...c.fix.commands, c.fix.description]).some((t) => t.includes('<action'))).toBe(false);
    const put = explain({ message: getSecret.replace('GetSecretValue operation', 'PutSecretValue operation') });
    expect(put.causes.find((c) => c.id === 'identity-missing-allow')?.fix.description).toContain('kms:GenerateDataKey');
  });
  it('near miss: a refusal of the service\'s own action keeps its own action in the commands', () => {
    const msg = `An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:sts::${CALLER_ACCT}:assumed-role/billing-sync/s is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret} because no identity-based policy allows the secretsmanager:GetSecretValue action`;
    const c = cause(explain({ message: msg }), 'identity-missing-allow');
    expect(c?.confirm.some((s) => s.command.includes('--action-names secretsmanager:GetSecretValue'))).toBe(true);
  });
  it('stays quiet for a refusal of the service\'s own action', () => {
    const msg = `An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:sts::${CALLER_ACCT}:assumed-role/billing-sync/s is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret} because no resource-based policy allows the secretsmanager:GetSecretValue action`;
    const a = explain({ message: msg, policies: [other, identity()] });
    expect(a.causes.flatMap((c) => c.evidence).some((e) => e.text.includes('kms:Decrypt'))).toBe(false);
  });
});
