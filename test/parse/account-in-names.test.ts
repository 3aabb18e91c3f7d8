/**
 * A phrase around "account" stands in for a hidden account id (`<your account>`, `account_number`), but in a role,
 * user, session or bucket name it is part of a real name: OrganizationAccountAccessRole, cross-account-role.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const assume = (role: string, caller = 'arn:aws:iam::111111111111:user/bob') => parseError(`An error occurred (AccessDenied) when calling the AssumeRole operation: User: ${caller} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/${role}`).parsed;

describe('"account" inside names', () => {
  it('role and caller names holding "account" are not redactions', () => {
    expect(assume('OrganizationAccountAccessRole').redactions).toEqual([]);
    expect(assume('dpr-data-api-cross-account-role').redactions).toEqual([]);
    expect(assume('deploy', 'arn:aws:sts::111111111111:assumed-role/cross_account_reader/session').redactions).toEqual([]);
  });
  it('near miss: real stand-ins in a name still are', () => {
    expect(assume('<role-name>').redactions).toContain('target-name');
    expect(assume('REDACTED').redactions).toContain('target-name');
  });
  it('near miss: a phrase around "account" in the account field still is', () => {
    const p = parseError('User: arn:aws:iam::account_number:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k').parsed;
    expect(p.redactions).toContain('account-id');
  });
});
