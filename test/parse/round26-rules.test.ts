/**
 * The general parser rules added for the misses of round 26, each tried both ways on messages written here (none is a
 * fixture's text): one that must now read differently, and a near miss that must not change. The fixtures' own
 * results are in round26.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const head = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::210987654321:user/deploy-bot is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/release';

describe('a deny tail that names both kinds is not an explicit deny', () => {
  it('reads `with an explicit deny or missing permission: …` and `… / no identity-based policy allows …` as unknown', () => {
    for (const tail of [' with an explicit deny or missing permission: sts:SetSourceIdentity', ' with an explicit deny / no identity-based policy allows this action.', ' with an explicit deny or an implicit deny']) {
      const p = parseError(head + tail).parsed;
      expect(p.deny.kind, tail).toBe('unknown');
      expect(p.action).toBe('sts:AssumeRole');
      expect(p.target?.arn).toBe('arn:aws:iam::123456789012:role/release');
    }
  });

  it('near miss: a bare `with an explicit deny` (or one followed by other words) stays explicit', () => {
    for (const tail of [' with an explicit deny', ' with an explicit deny. Check your SCPs or missing permission sets.', ' with an explicit deny in an identity-based policy']) {
      expect(parseError(head + tail).parsed.deny.kind, tail).toBe('explicit');
    }
  });
});

describe('"User: X is not authorized to assume role: R"', () => {
  it('reads caller, target and sts:AssumeRole, also across a line break and after Go SDK v1', () => {
    for (const t of [
      'AccessDenied: User: arn:aws:iam::210987654321:role/pipeline is not authorized to assume role: arn:aws:iam::123456789012:role/deployer\n\tstatus code: 403, request id: 5f0c9d5e-1111-2222-3333-444455556666',
      'Error: User: arn:aws:sts::210987654321:assumed-role/pipeline/job-17\nis not authorized to assume role: "arn:aws:iam::123456789012:role/deployer"',
    ]) {
      const p = parseError(t).parsed;
      expect(p.action, t).toBe('sts:AssumeRole');
      expect(p.caller?.arn, t).toMatch(/^arn:aws:(?:iam|sts)::210987654321:/);
      expect(p.target?.arn, t).toBe('arn:aws:iam::123456789012:role/deployer');
    }
  });

  it('near miss: prose about not being authorized to assume a role, with no role ARN after it, is not that shape', () => {
    const p = parseError('It seems my user is not authorized to assume role: the one the admin created yesterday.').parsed;
    expect(p.shape).not.toBe('user-not-authorized-to-assume-role');
    expect(p.target?.arn ?? null).toBeNull();
  });
});

describe('botocore\'s operation followed by a period', () => {
  it('reads the code of `… when calling the Op operation. <message>`', () => {
    const p = parseError('An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation. No OpenIDConnect provider found in your account for https://token.example.dev').parsed;
    expect(p.errorCode).toBe('InvalidIdentityToken');
    expect(p.action).toBe('sts:AssumeRoleWithWebIdentity');
  });

  it('near miss: the colon form and an operation ending a sentence with no message after it keep their reading', () => {
    expect(parseError('An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://token.example.dev').parsed.errorCode).toBe('InvalidIdentityToken');
    const p = parseError('The job failed when calling the GetObject operation. Access Denied').parsed;
    expect(p.errorCode).not.toBe('InvalidIdentityToken');
  });
});

describe('one refusal shown twice is not a further error', () => {
  it('drops a bare wording repeated with nothing of its own (no code, action, caller or resource)', () => {
    for (const t of [
      'Our nightly export hits the dreaded "Access Denied" from S3, logged as:\n\ncom.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 7QW2E3R4T5Y6U7I8)',
      'Our nightly export hits "Access Denied" from S3, logged as:\nAccessDeniedException: Access Denied',
    ]) expect(parseError(t).otherErrors, t).toEqual([]);
  });

  it('near miss: the same wording under another error code stays a further error', () => {
    const t = 'Step 1 failed with S3Exception: Access Denied (Service: S3, Status Code: 403, Error Code: AccessDenied)\n\nStep 2 failed with KMSException: Access Denied (Service: Kms, Status Code: 400, Error Code: AccessDeniedException)';
    expect(parseError(t).otherErrors.map((o) => o.errorCode)).toEqual(['AccessDeniedException']);
  });

  it('drops Terraform\'s `IAM Role (R) cannot be assumed.` when the AssumeRole refusal under it names a role of the same name', () => {
    const t = 'Error: error configuring Terraform AWS Provider: IAM Role (arn:aws:iam::111122223333:role/ops/deploy) cannot be assumed.\n\nError: AccessDenied: User: arn:aws:iam::444455556666:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::777788889999:role/ops/deploy';
    const r = parseError(t);
    expect(r.parsed.target?.arn).toBe('arn:aws:iam::777788889999:role/ops/deploy');
    expect(r.otherErrors).toEqual([]);
  });

  it('near miss: a wrapper naming another role, and a second refusal with its own action, stay further errors', () => {
    const t = 'Error: error configuring Terraform AWS Provider: IAM Role (arn:aws:iam::111122223333:role/audit) cannot be assumed.\n\nError: AccessDenied: User: arn:aws:iam::444455556666:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::777788889999:role/deploy';
    expect(parseError(t).otherErrors.map((o) => o.target?.arn)).toEqual(['arn:aws:iam::111122223333:role/audit']);
    const two = 'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied\nAn error occurred (AccessDenied) when calling the PutObject operation: Access Denied';
    expect(parseError(two).otherErrors.length).toBe(1);
  });
});
