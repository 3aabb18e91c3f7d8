/**
 * The general cause rules added for the misses of round 26, each tried both ways on messages written here (none is a
 * fixture's text): one that must now rank differently, and a near miss that must not change. The fixtures' own
 * results are in real-causes-round26.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const top = (message: string, n = 3) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').slice(0, n).map((c) => c.id);

describe('an AssumeRole refusal whose tail names sts:TagSession / sts:SetSourceIdentity as the missing permission', () => {
  const head = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::210987654321:assumed-role/build/job-9 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/release with an explicit deny or missing permission: ';
  it('puts the session-tags / source-identity cause first', () => {
    expect(top(`${head}sts:TagSession`)[0]).toBe('tagsession-not-allowed');
    expect(top(`${head}sts:SetSourceIdentity`)[0]).toBe('setsourceidentity-not-allowed');
  });

  it('near miss: the same refusal naming sts:AssumeRole itself as missing, or no missing permission, does not raise them', () => {
    for (const t of [`${head}sts:AssumeRole`, head.replace(/ with an explicit deny or missing permission: $/, '')]) {
      const ids = top(t);
      expect(ids, t).not.toContain('tagsession-not-allowed');
      expect(ids, t).not.toContain('setsourceidentity-not-allowed');
    }
  });
});

describe('a DynamoDB index named by an elided resource', () => {
  it('puts identity-resource-mismatch first for `on resource: .../index/<name>`', () => {
    expect(top('AccessDeniedException: User: arn:aws:sts::... is not authorized to perform: dynamodb:Query on resource: .../index/by-customer-index')[0]).toBe('identity-resource-mismatch');
  });

  it('near miss: an elided table (no index), or a non-DynamoDB action on an `/index/` path, gets no index reading', () => {
    expect(top('AccessDeniedException: User: arn:aws:sts::... is not authorized to perform: dynamodb:Query on resource: .../table/customers')[0]).not.toBe('identity-resource-mismatch');
    const ids = explain({ message: 'AccessDeniedException: User: arn:aws:sts::... is not authorized to perform: es:ESHttpGet on resource: .../index/logs-2024' }).causes;
    const irm = ids.find((c) => c.id === 'identity-resource-mismatch');
    expect(irm?.evidence?.some((e) => /DynamoDB index/.test(e.text ?? '')) ?? false).toBe(false);
  });
});

describe('the paste says the refused identity holds administrator permissions', () => {
  const msg = 'Error launching source instance: UnauthorizedOperation: You are not authorized to perform this operation.';
  it('puts identity-explicit-deny first, above a missing Allow', () => {
    for (const said of ['The deploy user has the AdministratorAccess policy attached and Terraform still fails:', 'Even though my IAM user has administrator access, I get:', 'The role was granted full administrative privileges, yet:']) {
      const ids = top(`${said}\n${msg}`);
      expect(ids[0], said).toBe('identity-explicit-deny');
    }
  });

  it('near miss: a paste saying the identity has no admin rights, or naming an AdministratorAccess SSO role, keeps the missing Allow above it', () => {
    for (const said of ['My user does not have administrator access, only EC2 read:', 'Signed in as arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jo and ran terraform:']) {
      const ids = top(`${said}\n${msg}`, 6);
      expect(ids.indexOf('identity-explicit-deny') === -1 || ids.indexOf('identity-missing-allow') < ids.indexOf('identity-explicit-deny'), said).toBe(true);
    }
  });

  it('near miss: AWS saying no identity-based policy allows the action wins over the claim', () => {
    const t = 'The user has the AdministratorAccess policy attached:\nUser: arn:aws:iam::123456789012:user/ops is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/* because no identity-based policy allows the ec2:RunInstances action';
    expect(top(t)[0]).not.toBe('identity-explicit-deny');
  });
});
