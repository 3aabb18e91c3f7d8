/**
 * The general rules added for the misses of round 13 and the botocore gaps found after it, each tried both ways on
 * messages written here (none is a fixture's text): one of the same shape that must now be read, and a near miss that
 * must not change. The fixtures' own results are in round13.test.ts and real-causes-round13.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('a service\'s own "insufficient permissions" sentence after an SDK envelope on the same line', () => {
  it('botocore\'s envelope keeps its code and operation (Lake Formation on a Glue catalog call → the glue action)', () => {
    const p = parsed('job 17 failed: An error occurred (AccessDeniedException) when calling the GetPartitions operation: Insufficient Lake Formation permission(s) on clicks (Database name: web, Table Name: clicks)');
    expect(p.shape).toBe('insufficient-permissions-sentence');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.operation).toBe('GetPartitions');
    expect(p.action).toBe('glue:GetPartitions');
    expect(p.message).toBe('Insufficient Lake Formation permission(s) on clicks (Database name: web, Table Name: clicks)');
  });

  it('an operation only one service has gives that service\'s action (Lambda Invoke, Athena StartQueryExecution)', () => {
    const inv = parsed('botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Invoke operation: Insufficient permissions to invoke the resize-images function');
    expect(inv.errorCode).toBe('AccessDeniedException');
    expect(inv.action).toBe('lambda:InvokeFunction');
    const ath = parsed('An error occurred (AccessDeniedException) when calling the StartQueryExecution operation: You do not have sufficient access to perform this action.');
    expect(ath.errorCode).toBe('AccessDeniedException');
    expect(ath.action).toBe('athena:StartQueryExecution');
  });

  it('Go v2\'s "api error Code: " keeps the service and operation of its envelope', () => {
    const p = parsed('error: operation error Athena: GetQueryExecution, https response error StatusCode: 400, RequestID: 5d1e, api error AccessDeniedException: You do not have sufficient access to perform this action.');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.operation).toBe('GetQueryExecution');
    expect(p.action).toBe('athena:GetQueryExecution');
  });

  it('near miss: an operation several services have gives its code and operation, but no guessed service', () => {
    const p = parsed('An error occurred (AccessDeniedException) when calling the ListTagsForResource operation: Insufficient permissions to list tags');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.operation).toBe('ListTagsForResource');
    expect(p.action).toBeNull();
  });

  it('near miss: a validation code before the sentence (an onward call of a role the service was handed) stays part of it', () => {
    const p = parsed('An error occurred (InvalidParameterValueException) when calling the CreateEventSourceMapping operation: The provided execution role does not have permissions to call ReceiveMessage on SQS');
    expect(p.shape).toBe('insufficient-permissions-sentence');
    // the code is the service's answer and is read; the operation is not the refused call
    expect(p.errorCode).toBe('InvalidParameterValueException');
    expect(p.operation).toBeNull();
    expect(p.action).toBeNull();
  });
});

describe('a resource handler\'s "Access denied for operation \'<service>:<Action>\'"', () => {
  it('reads the quoted action', () => {
    const p = parsed('2026-11-30 09:12:44 UTC+0000 EcrRepo CREATE_FAILED Resource handler returned message: "Access denied for operation \'ecr:CreateRepository\'." (RequestToken: 7c1d, HandlerErrorCode: AccessDenied)');
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('cfn-api-access-denied');
    expect(p.action).toBe('ecr:CreateRepository');
  });

  it.each([
    'Access denied for operation CreateRepository',
    'Access denied for operation \'the nightly export\'',
  ])('near miss: %s (no quoted service:Action) is not read', (text) => {
    expect(parsed(text).recognized).toBe(false);
  });
});

describe('Lambda\'s event source mapping: "Cannot access stream <ARN>. Please ensure the role can perform the … Actions on your stream in IAM."', () => {
  const tail = '. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.';
  const STREAM = 'arn:aws:dynamodb:ap-south-1:210987654321:table/payments/stream/2025-12-01T08:30:00.123';

  it('reads the stream as the target and the first action listed, in the stream\'s service', () => {
    const p = parsed(`Invalid request provided: Cannot access stream ${STREAM}${tail} (Service: Lambda, Status Code: 400, Request ID: 0b3e)`);
    expect(p.shape).toBe('event-source-stream-unreadable');
    expect(p.action).toBe('dynamodb:GetRecords');
    expect(p.target?.arn).toBe(STREAM);
  });

  it('joins an ARN a terminal wrapped, and reads a Kinesis stream as kinesis', () => {
    const p = parsed(`Cannot access stream arn:aws:kinesis:us-west-2:210987654321:stream/click\nstream-raw${tail}`);
    expect(p.action).toBe('kinesis:GetRecords');
    expect(p.target?.arn).toBe('arn:aws:kinesis:us-west-2:210987654321:stream/clickstream-raw');
  });

  it('a placeholder for the stream is still the message, with no action', () => {
    const p = parsed(`Cannot access stream <my stream arn>${tail}`);
    expect(p.shape).toBe('event-source-stream-unreadable');
    expect(p.action).toBeNull();
  });

  it.each([
    `Cannot access stream logs right now${tail}`,
    `Cannot access stream ${STREAM}. Please check your network connection and retry.`,
  ])('near miss: %s is not read as the mapping\'s refusal', (text) => {
    expect(parsed(text).shape).not.toBe('event-source-stream-unreadable');
  });
});

describe('a KMS wording under another service\'s operation answered with the service\'s plain AccessDenied code', () => {
  it('keeps the operation the envelope names as the action', () => {
    const ssm = parsed('An error occurred (AccessDeniedException) when calling the GetParameters operation: The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.');
    expect(ssm.errorCode).toBe('AccessDeniedException');
    expect(ssm.action).toBe('ssm:GetParameters');
    const go = parsed('Error: operation error Secrets Manager: PutSecretValue, https response error StatusCode: 400, RequestID: 9a8b, api error AccessDeniedException: Access to KMS is not allowed');
    expect(go.action).toBe('secretsmanager:PutSecretValue');
  });

  it('near miss: a KMS code relayed by the service (Lambda\'s KMSAccessDeniedException on Invoke) gives no action from the operation', () => {
    const p = parsed('An error occurred (KMSAccessDeniedException) when calling the Invoke operation: Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the nightly-report function\'s KMS key settings.');
    expect(p.action).toBeNull();
  });
});
