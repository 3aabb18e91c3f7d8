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

describe('the printing tool read from the log around the refusal', () => {
  const source = (m: string) => parseError(m).parsed.source;
  const GO = `AccessDenied: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/app\n\tstatus code: 403, request id: 0f0e0d0c-1111-2222-3333-444455556666`;
  const JAVA = `User: ${U} is not authorized to perform: iam:PutRolePolicy on resource: role app because no identity-based policy allows the iam:PutRolePolicy action (Service: Iam, Status Code: 403, Request ID: 0f0e0d0c-1111-2222-3333-444455556666)`;

  it('Terraform 0.11\'s apply summary, cdk\'s stack-activity rows and bootstrap summary, the SDK for .NET\'s frames', () => {
    expect(source(`Error: Error applying plan:\n\n1 error(s) occurred:\n\n* aws_iam_role.app: 1 error(s) occurred:\n\n* aws_iam_role.app: Error creating IAM Role app: ${GO}`)).toBe('terraform');
    expect(source(`3 error(s) occurred:\n\n* aws_iam_role.app: ${GO}`)).toBe('terraform');
    expect(source(`AppStack |  3/9 | 10:11:12 | CREATE_FAILED        | AWS::IAM::Policy        | AppPolicy Resource handler returned message: "${JAVA}"`)).toBe('cdk');
    expect(source(`10:11:12 PM | UPDATE_FAILED        | AWS::IAM::Role          | AppRole\nResource handler returned message: "${JAVA}"`)).toBe('cdk');
    expect(source(` ❌  Environment aws://111122223333/eu-west-1 failed bootstrapping: Error: ${JAVA}`)).toBe('cdk');
    expect(source(`${JAVA.replace(/ \(Service:.*$/, '')}\n   at Amazon.Runtime.Internal.ErrorHandler.InvokeAsync[T](IExecutionContext executionContext)`)).toBe('aws-sdk-dotnet');
  });

  it('near miss: the Go SDK\'s text with prose about errors, a CloudFormation console row, the Java suffix alone, a Java frame', () => {
    expect(source(`Two errors occurred while applying:\n${GO}`)).toBe('aws-sdk-go');
    expect(source(`2026-01-02 10:11:12 UTC+0100 | AppRole | CREATE_FAILED | - | ${JAVA}`)).not.toBe('cdk');
    expect(source(JAVA)).toBe('aws-sdk-java');
    expect(source(`${JAVA}\n\tat com.amazonaws.http.AmazonHttpClient.execute(AmazonHttpClient.java:726)\nsee the shop at Amazon.com`)).toBe('aws-sdk-java');
  });
});
