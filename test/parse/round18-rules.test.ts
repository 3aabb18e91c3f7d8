/**
 * The general parser rules added for the misses of round 18, each tried both ways on messages written here (none is
 * a fixture's text): one of the same shape that must now be read, and a near miss that must not change. The
 * fixtures' own results are in round18.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('Redshift\'s comma-separated S3 refusal', () => {
  it('reads the code after `Error` / `ErrorCode` in `S3ServiceException:Access Denied,Status 403,Error AccessDenied,Rid …`', () => {
    expect(parsed("ERROR: S3ServiceException:Access Denied,Status 403,Error AccessDenied,Rid 9F2A61C0D4E8B713,ExtRid q8Zt/xw3Lm0=,CanRetry 1\n  context:   S3 key being read : s3://orders-staging/2026/11/part-0000.gz").errorCode).toBe('AccessDenied');
    expect(parsed('ERROR:  S3ServiceException:Access Denied,StatusCode 403,ErrorCode AccessDenied,RequestId 3B7E').errorCode).toBe('AccessDenied');
  });

  it('near miss: a non-refusal code in the same envelope is not taken', () => {
    const p = parsed('ERROR: S3ServiceException:The specified bucket does not exist,Status 404,Error NoSuchBucket,Rid 11AA22BB');
    expect(p.errorCode).toBeNull();
  });
});

describe('R\'s str() of an AWS error list', () => {
  it('reads ` $ Code     : chr "AccessDenied"`', () => {
    const p = parsed('List of 4\n $ Code     : chr "AccessDenied"\n $ Message  : chr "Access Denied"\n $ RequestId: chr "7D1C0A9E55"\nError in parse_aws_s3_response(r, Sig, verbose = verbose) : \n  Forbidden (HTTP 403).');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDenied');
  });

  it('near miss: a code that names no refusal is not taken', () => {
    expect(parsed('List of 4\n $ Code     : chr "NoSuchKey"\n $ Message  : chr "The specified key does not exist."').errorCode).toBeNull();
  });
});

describe('a CloudTrail event excerpt that kept only its errorCode / errorMessage pair', () => {
  it('reads the pair when the code names a refusal', () => {
    const p = parsed('    "errorCode": "AccessDenied",\n    "errorMessage": "Access Denied",\n');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDenied');
    expect(p.source).toBe('cloudtrail');
  });

  it('near miss: a pair whose code names no refusal, or fields far apart, stay unread', () => {
    expect(parsed('"errorCode": "ThrottlingException",\n"errorMessage": "Rate exceeded"').recognized).toBe(false);
    expect(parsed('{"errorCode": "InternalFailure", "detail": {"a": 1, "b": 2, "c": "some other field in between"}, "errorMessage": "x"}').recognized).toBe(false);
  });
});

describe('Elastic Beanstalk\'s PassRole refusal', () => {
  it('reads "Insufficient privileges for IAM PassRole Action." as a refused iam:PassRole', () => {
    const p = parsed('Service:AWSElasticBeanstalk, Message:Insufficient privileges for IAM PassRole Action.');
    expect(p.recognized).toBe(true);
    expect(p.action).toBe('iam:PassRole');
  });

  it('near miss: "Insufficient privileges" about something else is no PassRole refusal', () => {
    expect(parsed('Insufficient privileges to view the application versions.').action).not.toBe('iam:PassRole');
  });
});

describe('a service saying a KMS key is not accessible to the caller', () => {
  it('reads RDS\'s / Neptune\'s wording with its code and the bracketed key', () => {
    const p = parsed('An error occurred (KMSKeyNotAccessibleFault) when calling the RestoreDBClusterFromSnapshot operation: The specified KMS key [arn:aws:kms:eu-west-1:210987654321:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b] does not exist, is not enabled or you do not have permissions to access it.');
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('kms-key-not-accessible');
    expect(p.errorCode).toBe('KMSKeyNotAccessibleFault');
    expect(p.target?.arn).toBe('arn:aws:kms:eu-west-1:210987654321:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
  });

  it('reads EC2\'s copy wording as a refused kms:DescribeKey', () => {
    const p = parsed('Copy job failed: Given key ID is not accessible. You must have DescribeKey permissions on the default CMK.');
    expect(p.recognized).toBe(true);
    expect(p.action).toBe('kms:DescribeKey');
  });

  it('near miss: a key that merely does not exist (no permission wording) is not this shape', () => {
    expect(parsed('The specified KMS key does not exist.').shape).not.toBe('kms-key-not-accessible');
  });
});

describe('a JSON error body cut inside its message', () => {
  it('reads `{"__type":"AccessDeniedException","Message":"User: … is not` with its code and caller', () => {
    const p = parsed('put_records failed: {"__type":"AccessDeniedException","Message":"User: arn:aws:iam::210987654321:user/log-shipper is not');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.caller?.arn).toBe('arn:aws:iam::210987654321:user/log-shipper');
  });

  it('near miss: a cut body whose code names no refusal stays unread', () => {
    expect(parsed('{"__type":"ResourceNotFoundException","Message":"Stream events under account 210987654321 not').recognized).toBe(false);
  });
});

describe('a space pasted after an ARN\'s last slash', () => {
  it('joins the session name to the role: "…/Role/ Session"', () => {
    const p = parsed('User: arn:aws:sts::210987654321:assumed-role/Cognito_ShopUnauth_Role/ CognitoIdentityCredentials is not authorized to perform: kinesis:PutRecord on resource: arn:aws:kinesis:us-east-1:210987654321:stream/clicks');
    expect(p.caller?.arn).toBe('arn:aws:sts::210987654321:assumed-role/Cognito_ShopUnauth_Role/CognitoIdentityCredentials');
    expect(p.caller?.sessionName).toBe('CognitoIdentityCredentials');
  });

  it('near miss: an ARN without that space is unchanged', () => {
    const p = parsed('User: arn:aws:sts::210987654321:assumed-role/Cognito_ShopUnauth_Role/CognitoIdentityCredentials is not authorized to perform: kinesis:PutRecord on resource: arn:aws:kinesis:us-east-1:210987654321:stream/clicks');
    expect(p.caller?.arn).toBe('arn:aws:sts::210987654321:assumed-role/Cognito_ShopUnauth_Role/CognitoIdentityCredentials');
  });
});

describe('Kafka clients refused by MSK\'s IAM authentication', () => {
  it('reads "Access denied: SASL_AUTHENTICATION_FAILED: SASL Authentication failed." as a refused kafka-cluster:Connect', () => {
    const p = parsed('consumer: unable to dial: Access denied: SASL_AUTHENTICATION_FAILED: SASL Authentication failed.');
    expect(p.recognized).toBe(true);
    expect(p.action).toBe('kafka-cluster:Connect');
  });

  it('near miss: "Access denied: see the logs" (no client error name) is not read as a message of its own', () => {
    expect(parsed('Access denied: see the logs for details').recognized).toBe(false);
  });
});

describe('Kinesis Video Streams\' fragment acknowledgement with a refusal code', () => {
  it('reads `"ErrorCode":"KMS_KEY_ACCESS_DENIED"`', () => {
    const p = parsed('{"EventType":"ERROR","FragmentTimecode":1700000000000,"FragmentNumber":"9134385233318269013","ErrorCode":"KMS_KEY_ACCESS_DENIED","ErrorId":4500}');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('KMS_KEY_ACCESS_DENIED');
  });

  it('near miss: another acknowledgement error is no refusal', () => {
    expect(parsed('{"EventType":"ERROR","FragmentTimecode":1700000000000,"ErrorCode":"INVALID_MKV_DATA","ErrorId":4001}').recognized).toBe(false);
  });
});
