/**
 * The general rules added for the misses of round 12, each tried both ways on messages written here (none is a
 * fixture's text): one of the same shape that must now be read, and a near miss that must not change. The fixtures'
 * own results are in round12.test.ts and real-causes-round12.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { snakeToOperation } from '../../src/core/parse/codes.js';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('botocore\'s sentence followed by a line break instead of ": "', () => {
  it('reads the code and the operation, and the next line as the message', () => {
    const p = parsed('[2026-03-02 10:11:12] task failed\nAn error occurred (AccessDeniedException) when calling the GetPartitions operation\nThe caller may not read partitions of analytics.page_views');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.operation).toBe('GetPartitions');
    expect(p.message).toBe('The caller may not read partitions of analytics.page_views');
  });

  it('a Glue Data Catalog operation refused in Lake Formation\'s words is the glue action', () => {
    const p = parsed('Runtime Error\nAn error occurred (AccessDeniedException) when calling the GetDatabase operation\nInsufficient Lake Formation permission(s) on marketing_raw');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.action).toBe('glue:GetDatabase');
  });

  it('near miss: the sentence going on after "operation" on the same line gives no code', () => {
    const p = parsed('An error occurred (AccessDeniedException) when calling the GetTable operation and the job retried\nInsufficient Lake Formation permission(s) on orders');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBeNull();
    expect(p.operation).toBeNull();
  });

  it('near miss: Lake Formation\'s words after an operation outside the Glue catalog give no glue action', () => {
    const p = parsed('An error occurred (AccessDeniedException) when calling the StartQueryExecution operation\nInsufficient Lake Formation permission(s) on web_logs');
    expect(p.errorCode).toBe('AccessDeniedException');
    // no glue action; since round 13 StartQueryExecution, an operation only Athena has, is Athena's own action
    expect(p.action).toBe('athena:StartQueryExecution');
  });

  it('near miss: a catalog operation refused in other words gives no glue action', () => {
    const p = parsed('An error occurred (AccessDeniedException) when calling the GetTable operation\nAccess to this table is not allowed from this network');
    expect(p.operation).toBe('GetTable');
    expect(p.action).toBeNull();
  });
});

describe('a code in parentheses after the message (aws-sdk-go v0)', () => {
  it('is the message\'s code', () => {
    const p = parsed('==> amazon-instance: Error creating volume snapshot: You are not authorized to perform this operation. (UnauthorizedOperation)');
    expect(p.shape).toBe('ec2-not-authorized');
    expect(p.errorCode).toBe('UnauthorizedOperation');
  });

  it('also before a Go status line', () => {
    const p = parsed('Error: The security token included in the request is expired (ExpiredToken)');
    expect(p.errorCode).toBe('ExpiredToken');
  });

  it.each([
    '==> amazon-ebs: Error launching source instance: You are not authorized to perform this operation. (RequestLimitExceeded)',
    '==> amazon-ebs: Error launching source instance: You are not authorized to perform this operation. (retrying in 5s)',
  ])('near miss: %s gives no code', (text) => {
    const p = parsed(text);
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBeNull();
  });
});

describe('the Rust SDK\'s error values', () => {
  it('ErrorMetadata\'s Display: the code and the quoted message', () => {
    const p = parsed('Error: failed to list buckets\n  0: service error\n  1: unhandled error (AccessDenied)\n  2: Error { code: "AccessDenied", message: "Access to this bucket is not permitted for "reports" callers.", s3_extended_request_id: "Zm9v", aws_request_id: "7QK2N1" }');
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('sdk-error-value');
    expect(p.errorCode).toBe('AccessDenied');
    expect(p.message).toBe('Access to this bucket is not permitted for "reports" callers.');
    expect(parseError('  1: unhandled error (AccessDenied)\n  2: Error { code: "AccessDenied", message: "No.", aws_request_id: "1" }').otherErrors).toEqual([]);
  });

  it('the Debug of a modeled error: `ServiceError { source: Code(Code { message: Some("…") … }) }`', () => {
    const p = parsed('Err(ServiceError(ServiceError { source: AccessDeniedException(AccessDeniedException { message: Some("You lack access to the model you requested."), meta: ErrorMetadata { code: Some("AccessDeniedException"), message: Some("You lack access to the model you requested."), extras: Some({"aws_request_id": "9c1f"}) } }), raw: Response { status: StatusCode(403) } }))');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.message).toBe('You lack access to the model you requested.');
  });

  it('only `unhandled error (Code)`: the code', () => {
    const p = parsed('Error: dispatch failed\nCaused by: unhandled error (ExpiredTokenException)');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('ExpiredTokenException');
  });

  it.each([
    'Caused by: unhandled error (ThrottlingException)',
    '0: Error { code: "ResourceNotFoundException", message: "Requested resource not found", aws_request_id: "abc" }',
    'ServiceError(ServiceError { source: ThrottlingException(ThrottlingException { message: Some("Rate exceeded"), meta: ErrorMetadata { code: Some("ThrottlingException") } }) })',
  ])('near miss: a value of a code that is no refusal is not read: %s', (text) => {
    expect(parsed(text).recognized).toBe(false);
  });
});

describe('the Ruby SDK\'s log line', () => {
  it('the client and the snake_case method give the action; role_arn the target', () => {
    const p = parsed('[Aws::STS::Client 403 0.118 0 retries] assume_role(role_arn:"arn:aws:iam::210987654321:role/release-deployer",role_session_name:"nightly") Aws::STS::Errors::AccessDenied Access denied');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDenied');
    expect(p.operation).toBe('AssumeRole');
    expect(p.action).toBe('sts:AssumeRole');
    expect(p.target?.arn).toBe('arn:aws:iam::210987654321:role/release-deployer');
  });

  it('role_arn is the target even when the paste names another role', () => {
    const p = parsed('profile role: arn:aws:iam::111122223333:role/ci-base\n[Aws::STS::Client 403 0.2 1 retries] assume_role(role_arn:"arn:aws:iam::444455556666:role/prod-admin",role_session_name:"ci") Aws::STS::Errors::AccessDenied Access denied');
    expect(p.target?.arn).toBe('arn:aws:iam::444455556666:role/prod-admin');
  });

  it('other services: S3\'s operation maps to its action, Secrets Manager\'s is the operation', () => {
    expect(parsed('[Aws::S3::Client 403 0.061 0 retries] list_objects_v2(bucket:"ledger-exports",prefix:"2026/") Aws::S3::Errors::AccessDenied Access Denied').action).toBe('s3:ListBucket');
    expect(parsed('[Aws::SecretsManager::Client 400 0.03 0 retries] get_secret_value(secret_id:"prod/db") Aws::SecretsManager::Errors::AccessDeniedException Access to this secret is not allowed').action).toBe('secretsmanager:GetSecretValue');
  });

  it('snake_case methods map to known operations with their casing', () => {
    expect(snakeToOperation('assume_role_with_saml')).toBe('AssumeRoleWithSAML');
    expect(snakeToOperation('list_objects_v2')).toBe('ListObjectsV2');
    expect(snakeToOperation('describe_log_streams')).toBe('DescribeLogStreams');
    expect(snakeToOperation('Not A Method')).toBeNull();
  });

  it.each([
    '[Aws::S3::Client 404 0.061 0 retries] get_object(bucket:"ledger-exports",key:"q3.csv") Aws::S3::Errors::NoSuchKey The specified key does not exist.',
    '[Aws::S3::Client 200 0.061 0 retries] get_object(bucket:"ledger-exports",key:"q3.csv")',
  ])('near miss: a log line with no refusal is not read: %s', (text) => {
    expect(parsed(text).recognized).toBe(false);
  });

  it('near miss: a refusal after a successful call\'s log line takes no action from it', () => {
    const p = parsed('[Aws::S3::Client 200 0.061 0 retries] get_object(bucket:"ledger-exports",key:"q3.csv")\nAccess Denied');
    expect(p.recognized).toBe(true);
    expect(p.action).toBeNull();
  });
});

describe('a service relaying another service\'s refusal of its call with the caller\'s credentials', () => {
  it('the named service\'s operation is the action', () => {
    const p = parsed('An error occurred (AccessDeniedException) when calling the CreateFunction operation: Your access has been denied by EC2, please make sure your request credentials have permission to DescribeSubnets for subnet-0a1b2c3d4e5f. EC2 Error Code: UnauthorizedOperation. EC2 Error Message: You are not authorized to perform this operation.');
    expect(p.shape).toBe('service-relayed-refusal');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.action).toBe('ec2:DescribeSubnets');
    expect(p.caller).toBeNull();
  });

  it('near miss: the same refusal without the operation gives no action', () => {
    const p = parsed('An error occurred (AccessDeniedException) when calling the UpdateFunctionConfiguration operation: Your access has been denied by EC2, please check your VPC settings.');
    expect(p.recognized).toBe(true);
    expect(p.action).toBeNull();
  });

  it('near miss: the execution role\'s own call stays unread by the parser (causes/service-use reads it)', () => {
    const p = parsed('An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The provided execution role does not have permissions to call CreateNetworkInterface on EC2');
    expect(p.action).toBeNull();
    // the code the service answered with is still read: the answer's table never says "not printed" for it
    expect(p.errorCode).toBe('InvalidParameterValueException');
  });

  it('a validation code in Go v2\'s envelope before such a sentence is read too; a bare HTTP status is not a code', () => {
    expect(parsed('api error InvalidRequestException: You do not have sufficient access to perform this action.').errorCode).toBe('InvalidRequestException');
    expect(parsed('An error occurred (403) when calling the Foo operation: The provided role does not have sufficient permissions to do X.').errorCode).toBeNull();
  });
});
