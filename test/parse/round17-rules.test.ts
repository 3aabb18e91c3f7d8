/**
 * The general parser rules added for the misses of round 17, each tried both ways on messages written here (none is
 * a fixture's text): one of the same shape that must now be read, and a near miss that must not change. The
 * fixtures' own results are in round17.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('EKS and Auto Scaling relaying EC2\'s refusal of a launch template', () => {
  it('reads "You are not authorized to launch instances with this launch template" as the message after boto\'s code', () => {
    const p = parsed('botocore.errorfactory.InvalidRequestException: An error occurred (InvalidRequestException) when calling the CreateNodegroup operation: You are not authorized to launch instances with this launch template. Encoded authorization failure message: 7kQ2vT9xLmN4pR8sW1yZ3aB6cD0eF5gH2jK7lM9nP4qS8tU1vX6wY3zA5bC');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('InvalidRequestException');
    expect(p.operation).toBe('CreateNodegroup');
    expect(p.encodedMessage).not.toBeNull();
  });

  it('reads CloudFormation\'s Auto Scaling wording "You are not authorized to use launch template: NAME"', () => {
    const p = parsed('AWS::AutoScaling::AutoScalingGroup/WorkerGroup: CREATE_FAILED – "API: autoscaling:CreateAutoScalingGroup You are not authorized to use launch template: lt-workers-blue"');
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('ec2-not-authorized');
  });

  it('near miss: a launch-template validation error of the same operation is no refusal', () => {
    const p = parsed('An error occurred (InvalidRequestException) when calling the CreateNodegroup operation: Cannot specify instance types in launch template and API request');
    expect(p.recognized).toBe(false);
  });
});

describe('an ARN that ends a Python repr before a line of dashes', () => {
  it('stops the resource at the repr\'s closing quote instead of joining the next line to it', () => {
    const p = parsed("Failed Accounts\n-------------------------\n111122223333:\n        ClientError(u'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::444455556666:assumed-role/OrgAdminInstanceRole/i-0abc123 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/OrgMemberAdmin',)\n-------------------------------------------------------------");
    expect(p.target?.arn).toBe('arn:aws:iam::111122223333:role/OrgMemberAdmin');
  });

  it('near miss: an ARN a terminal wrapped onto the next line is still joined', () => {
    const p = parsed('User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/deploy-\nrole-prod');
    expect(p.target?.arn).toBe('arn:aws:iam::444455556666:role/deploy-role-prod');
  });
});

describe('the Rust SDK\'s Debug of an operation error with no code and a 403 response', () => {
  it('reads `HeadObjectError { kind: Unhandled(` with `status: StatusCode(403)` as a refused HeadObject', () => {
    const p = parsed('Error: ServiceError(ServiceError { source: HeadObjectError { kind: Unhandled(Unhandled { source: ErrorMetadata { code: None, message: None, extras: None }, meta: ErrorMetadata { code: None, message: None, extras: None } }) }, raw: Response { status: StatusCode(403), headers: Headers { headers: {"x-amz-request-id": HeaderValue { _private: "Q1W2E3R4T5Y6" }, "server": HeaderValue { _private: "AmazonS3" }} }, body: SdkBody { inner: Once(Some(b"")), retryable: true } } })');
    expect(p.recognized).toBe(true);
    expect(p.operation).toBe('HeadObject');
    expect(p.action).toBe('s3:GetObject');
  });

  it('near miss: the same dump with a 404 (a missing key S3 may show) is no refusal', () => {
    const p = parsed('Error: ServiceError(ServiceError { source: HeadObjectError { kind: Unhandled(Unhandled { source: ErrorMetadata { code: None, message: None, extras: None } }) }, raw: Response { status: StatusCode(404), headers: Headers { headers: {"server": HeaderValue { _private: "AmazonS3" }} } } })');
    expect(p.recognized).toBe(false);
  });
});

describe('a table whose last column wrapped its cell onto the lines below', () => {
  const rule = '-'.repeat(106);
  it('puts the cell back on its row: full-width pieces and hyphen breaks joined without a space', () => {
    // the reason wrapped as Python's textwrap wraps it (width 30: mid-word cuts fill the line, hyphens end one)
    const table = [
      'CloudFormation events from stack operations (refresh every 0.5 seconds)',
      rule,
      'ResourceStatus           ResourceType             LogicalResourceId        ResourceStatusReason',
      rule,
      'CREATE_FAILED            AWS::Lambda::Function    ThumbnailFunction        Resource handler returned     ',
      '                                                                           message: "User: arn:aws:sts::2',
      '                                                                           10987654321:assumed-role/sam- ',
      '                                                                           deployer/ci is not authorized ',
      '                                                                           to perform:                   ',
      '                                                                           lambda:CreateFunction on      ',
      '                                                                           resource: arn:aws:lambda:eu-we',
      '                                                                           st-                           ',
      '                                                                           1:210987654321:function:thumbn',
      '                                                                           ail because no identity-based ',
      '                                                                           policy allows the             ',
      '                                                                           lambda:CreateFunction action" ',
      rule,
    ].join('\n');
    const p = parsed(table);
    expect(p.recognized).toBe(true);
    expect(p.caller?.arn).toBe('arn:aws:sts::210987654321:assumed-role/sam-deployer/ci');
    expect(p.action).toBe('lambda:CreateFunction');
    expect(p.target?.arn).toBe('arn:aws:lambda:eu-west-1:210987654321:function:thumbnail');
    expect(p.deny.policyType).toBe('identity-based');
    expect(parsed(table).wrappers).toContain('table-column');
  });

  it('near miss: rows that start at the left edge, and indented code, are left as they are', () => {
    const rows = [
      'CREATE_FAILED            AWS::IAM::Role           DeployRole               Resource creation cancelled',
      'UPDATE_COMPLETE          AWS::S3::Bucket          ArtifactBucket           -',
      '                                  indented note of 34 columns, not a cell',
    ].join('\n');
    expect(parsed(rows).wrappers).not.toContain('table-column');
    const trace = 'Traceback (most recent call last):\n  File "deploy.py", line 14, in <module>\n    s3.put_object(Bucket="b", Key="k")\nbotocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied';
    expect(parsed(trace).wrappers).not.toContain('table-column');
    expect(parsed(trace).action).toBe('s3:PutObject');
  });
});
