/**
 * The general parser rules added for what round 24 showed, each tried both ways on messages written here (none is a
 * fixture's text): one of the same shape that must now be read differently, and a near miss that must not change.
 * The fixtures' own results are in round24.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const U = 'arn:aws:sts::111122223333:assumed-role/deployer/ci';
const wrapped = (head: string, tail: string, action: string, resource: string) =>
  `10:01:02 AM | CREATE_FAILED        | AWS::S3::BucketPolicy   | SitePolicy\n` +
  `Resource handler returned message: "User: ${U} is not authorized to perform: ${head}\n` +
  `${tail} on resource: ${resource} because no identity-based policy allows the ${action} action (Service: S3, Status Code: 403)"\n\n` +
  ` ❌  Stack failed: Resource handler returned message: "User: ${U} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action (Service: S3, Status Code: 403)"`;

describe('a copy of the refusal whose action a line break cut (a wrapped event row, then the message whole)', () => {
  it('is the one refusal shown twice: read once, no further error', () => {
    const r = parseError(wrapped('s3:PutBucketPol', 'icy', 's3:PutBucketPolicy', 'arn:aws:s3:::site-bucket'));
    expect(r.parsed.action).toBe('s3:PutBucketPolicy');
    expect(r.otherErrors).toEqual([]);
    const q = parseError(`User: ${U} is not authorized to perform: dynamodb:BatchWrite\nItem on resource: arn:aws:dynamodb:us-east-1:111122223333:table/t\n` +
      `AccessDeniedException: User: ${U} is not authorized to perform: dynamodb:BatchWriteItem on resource: arn:aws:dynamodb:us-east-1:111122223333:table/t because no identity-based policy allows the dynamodb:BatchWriteItem action`);
    expect(q.parsed.action).toBe('dynamodb:BatchWriteItem');
    expect(q.otherErrors).toEqual([]);
  });

  it('near miss: a shorter action that is its own refusal (not cut at a line break), or a cut line whose next line is not the rest, stays a further error', () => {
    const r = parseError(`User: ${U} is not authorized to perform: s3:GetObject\n` +
      `User: ${U} is not authorized to perform: s3:GetObjectAcl on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObjectAcl action`);
    expect(r.parsed.action).toBe('s3:GetObjectAcl');
    expect(r.otherErrors.map((o) => o.action)).toEqual(['s3:GetObject']);
    const q = parseError(`User: ${U} is not authorized to perform: s3:GetObject\nAccess logs were checked on resource: arn:aws:s3:::b/k\n` +
      `User: ${U} is not authorized to perform: s3:GetObjectAcl on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObjectAcl action`);
    expect(q.otherErrors.map((o) => o.action)).toEqual(['s3:GetObject']);
    const other = 'arn:aws:sts::111122223333:assumed-role/other/ci';
    const c = parseError(`User: ${other} is not authorized to perform: iam:PutRolePo\nlicy\n` +
      `User: ${U} is not authorized to perform: iam:PutRolePolicy on resource: role r because no identity-based policy allows the iam:PutRolePolicy action`);
    expect(c.otherErrors.map((o) => o.caller?.arn)).toEqual([other]);
  });
});
