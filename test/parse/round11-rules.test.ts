/**
 * The general rules added for the misses of round 11 and the third blind round, each tried both ways on messages
 * written here (none is a fixture's text): one of the same shape that must now be read, and a near miss that must
 * not change. The fixtures' own results are in round11.test.ts, real-causes-round11.test.ts and blind3.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { javaClientCall, s3ObjectVerb } from '../../src/core/parse/envelope.js';
import { parseError } from '../../src/core/parse/index.js';
import { joinFixedWidth } from '../../src/core/parse/unwrap.js';

const parsed = (t: string) => parseError(t).parsed;

/** Cuts every line of `t` at exactly `width` characters, as a fixed-width console or log viewer does. */
const cutAt = (t: string, width: number) => t.split('\n').map((l) => {
  const out: string[] = [];
  for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
  return out.join('\n');
}).join('\n');

describe('Swift SDK error values and the x-amzn-ErrorType header', () => {
  it('reads the type name as the code and the quoted string as the message', () => {
    const p = parsed('Request failed: AccessDeniedException(properties: AWSSecretsManager.AccessDeniedException.Properties(message: Optional("You are not permitted to read this secret from this network.")), httpResponse: Status Code: http_status_400 x-amzn-ErrorType: AccessDeniedException:http://internal.amazon.com/coral/com.amazonaws.secretsmanager/, Content-Length: 70, message: Optional("You are not permitted to read this secret from this network."), requestID: Optional("7a1f0c2e-5b8d-4e61-9c3a-2f4d6e8b0a1c"))');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.message).toBe('You are not permitted to read this secret from this network.');
  });

  it('takes the code from the header when the type is the SDK\'s catch-all', () => {
    const p = parsed('UnknownAWSHTTPServiceError(properties: AWSClientRuntime.UnknownAWSHTTPServiceError.Properties(message: Optional("The security token included in the request is invalid.")), httpResponse: Status Code: http_status_403 x-amzn-ErrorType: UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/, Content-Type: application/x-amz-json-1.1)');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('UnrecognizedClientException');
  });

  it('the header names the code of a message read by its wording', () => {
    const p = parsed('HTTP/1.1 400 Bad Request\nx-amzn-ErrorType: AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/\nContent-Type: application/x-amz-json-1.1\n\n{"Message":"User: arn:aws:sts::210987654321:assumed-role/etl/run-7 is not authorized to perform: glue:GetTable on resource: arn:aws:glue:eu-central-1:210987654321:catalog"}');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.action).toBe('glue:GetTable');
  });

  it('near miss: a Swift error value of a code that is no refusal is not read', () => {
    const p = parsed('ThrottlingException(properties: AWSBedrockRuntime.ThrottlingException.Properties(message: Optional("Too many requests, please wait before trying again.")), httpResponse: Status Code: http_status_429 x-amzn-ErrorType: ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/)');
    expect(p.recognized).toBe(false);
  });

  it('near miss: a header naming a code that is no refusal gives no code', () => {
    const p = parsed('x-amzn-ErrorType: ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.service/\nThe security token included in the request is expired');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBeNull();
  });
});

describe('a code before " - " is the message\'s code', () => {
  it.each([
    ['Sync job: SQS ClientError: InvalidClientTokenId - The security token included in the request is invalid.', 'InvalidClientTokenId'],
    ['kinesis put_record failed: ExpiredToken – The security token included in the request is expired', 'ExpiredToken'],
  ])('%s', (text, code) => expect(parsed(text).errorCode).toBe(code));

  it.each([
    '2024-05-01 12:00:00 - The security token included in the request is expired',
    'Deploy step - The security token included in the request is expired',
    'ExpiredToken-The security token included in the request is expired',
  ])('near miss: %s gives no code', (text) => {
    const p = parsed(text);
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBeNull();
  });
});

describe('text cut at a fixed width is glued back', () => {
  const cli = 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::482919365107:assumed-role/report-reader/batch-2291 is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::quarterly-exports-eu/2026/q3/ledger.parquet because no identity-based policy allows the s3:GetObject action';

  it.each([64, 77, 90])('a CLI message cut every %i characters reads whole', (width) => {
    const p = parsed(cutAt(cli, width));
    expect(p.errorCode).toBe('AccessDenied');
    expect(p.operation).toBe('GetObject');
    expect(p.action).toBe('s3:GetObject');
    expect(p.caller?.arn).toBe('arn:aws:sts::482919365107:assumed-role/report-reader/batch-2291');
    expect(p.target?.arn).toBe('arn:aws:s3:::quarterly-exports-eu/2026/q3/ledger.parquet');
    expect(p.deny.policyType).toBe('identity-based');
    expect(p.wrappers).toContain('fixed-width-lines');
  });

  it('a JSON log line cut at a fixed width, among other lines, is glued and the rest kept', () => {
    const json = '{"errorType":"ClientError","errorMessage":"An error occurred (AccessDeniedException) when calling the Publish operation: User: arn:aws:sts::731902554418:assumed-role/notify-fn-role/notify-fn is not authorized to perform: SNS:Publish on resource: arn:aws:sns:ap-southeast-2:731902554418:order-events because no identity-based policy allows the SNS:Publish action"}';
    const text = `START RequestId: 0d1e2f3a Version: $LATEST\n${cutAt(json, 100)}\nEND RequestId: 0d1e2f3a`;
    const { text: glued, joined } = joinFixedWidth(text);
    expect(joined).toBe(true);
    expect(glued).toBe(`START RequestId: 0d1e2f3a Version: $LATEST\n${json}\nEND RequestId: 0d1e2f3a`);
    const p = parsed(text);
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.target?.arn).toBe('arn:aws:sns:ap-southeast-2:731902554418:order-events');
  });

  it('near miss: a table whose rows share one width is not glued', () => {
    const table = [
      '-------------------------------------------------------------------------',
      '|                            GetCallerIdentity                          |',
      '+---------+-------------------------------------------------------------+',
      '|  Account|  482919365107                                               |',
      '|  Arn    |  arn:aws:sts::482919365107:assumed-role/report-reader/b-22  |',
      '+---------+-------------------------------------------------------------+',
      'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
    ].join('\n');
    expect(joinFixedWidth(table).joined).toBe(false);
  });

  it('near miss: log lines of one length that each carry a timestamp are not glued', () => {
    const log = [
      '2026-03-02T10:15:01Z INFO  sync started for bucket quarterly-exports-eu prefix 2026/q3/a',
      '2026-03-02T10:15:02Z INFO  listed 418 objects under quarterly-exports-eu/2026/q3 in 0.4s',
      '2026-03-02T10:15:03Z WARN  retrying GetObject for 2026/q3/ledger.parquet attempt 2 of 05',
      'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
    ];
    expect(log[0]!.length).toBe(log[1]!.length);
    expect(log[1]!.length).toBe(log[2]!.length);
    expect(joinFixedWidth(log.join('\n')).joined).toBe(false);
  });

  it('near miss: sentences that happen to share a length, each ending a word, are not glued', () => {
    const lines = [
      'The deploy role was created in the shared services account last week by ops.',
      'Since then every pipeline run fails at the same step with the message below!',
      'We checked the trust policy twice and it names the pipeline role explicitly.',
      'Any idea what else could be wrong here?',
    ];
    expect(new Set(lines.slice(0, 3).map((l) => l.length)).size).toBe(1);
    expect(joinFixedWidth(lines.join('\n')).joined).toBe(false);
  });

  it('near miss: two equal lines are not enough, nor equal lines that are not the widest', () => {
    const two = cutAt(cli.slice(0, 180), 70); // 70, 70, 40
    expect(joinFixedWidth(two).joined).toBe(false);
    const narrower = `${cutAt(cli, 80)}\n${'x'.repeat(30)} ${'y'.repeat(60)}`;
    expect(joinFixedWidth(narrower).joined).toBe(false);
  });
});

describe('an action at the end of a JSON string', () => {
  it('is read without the string\'s closing quote and what follows', () => {
    const p = parsed('{"level":"error","msg":"publish failed: AccessDenied: User: arn:aws:iam::604218873310:user/relay is not authorized to perform: \nsns:Publish","ts":"2024-02-11T08:00:00Z"}');
    expect(p.action).toBe('sns:Publish');
    expect(p.caller?.arn).toBe('arn:aws:iam::604218873310:user/relay');
  });

  it('near miss: a quoted action and a redacted one read as before', () => {
    expect(parsed('User: arn:aws:iam::604218873310:user/relay is not authorized to perform: "sns:Publish" on resource: "arn:aws:sns:us-east-2:604218873310:t"').action).toBe('sns:Publish');
    const r = parsed('{"msg":"User: arn:aws:iam::604218873310:user/relay is not authorized to perform: <redacted>","ts":"x"}');
    expect(r.action).toBeNull();
    expect(r.redactions).toContain('action');
  });
});

describe('an S3 object read or write in the tool\'s words, on an S3 error', () => {
  it.each([
    ['level=error msg="error uploading object exports/2026/a.csv: AccessDenied: Access Denied\n\tstatus code: 403, request id: 9ZK2M4Q8T1V6B3N7, host id: Qm9zdC1pZC1leGFtcGxlLWhvc3QtaWQ="', 's3:PutObject'],
    ['failed to download object models/v3/weights.bin: AccessDenied: Access Denied\n\tstatus code: 403, request id: 1A2B3C4D5E6F7G8H, host id: c29tZS1ob3N0LWlkLXZhbHVl', 's3:GetObject'],
    ['error deleting object tmp/part-0001: AccessDenied: Access Denied\n\tstatus code: 403, request id: 8H7G6F5E4D3C2B1A, host id: aG9zdGlkLXRoYXQtczMtc2VuZHM=', 's3:DeleteObject'],
  ])('%s', (text, action) => {
    const p = parsed(text);
    expect(p.errorCode).toBe('AccessDenied');
    expect(p.action).toBe(action);
    expect(p.operation).toBeNull();
  });

  it('the verb\'s own s3:// URL is S3\'s mark too', () => {
    expect(s3ObjectVerb('job 7: failed to fetch s3://feeds-eu/acme/day.gz ', '', '')).toBe('s3:GetObject');
  });

  it('near miss: the same words with no S3 mark (another store\'s error) give no action', () => {
    const p = parsed('error uploading object exports/2026/a.csv: AccessDenied: Access Denied\n\tstatus code: 403, request id: 9ZK2M4Q8T1V6B3N7');
    expect(p.errorCode).toBe('AccessDenied');
    expect(p.action).toBeNull();
    expect(s3ObjectVerb('uploading object exports/a.csv: ', 'host id: abc=', '')).toBeNull(); // no failure word
  });

  it('near miss: an operation printed by the SDK decides, not the words', () => {
    const p = parsed('error uploading object a.csv: operation error S3: CreateMultipartUpload, https response error StatusCode: 403, RequestID: 1A2B3C4D5E6F7G8H, HostID: aGVsbG8=, api error AccessDenied: Access Denied');
    expect(p.operation).toBe('CreateMultipartUpload');
    expect(p.action).toBe('s3:PutObject');
  });
});

describe('the SDK client call in a Java stack trace', () => {
  it('v2: Default<Service>Client.<operation> gives the operation and the action', () => {
    const p = parsed('software.amazon.awssdk.services.s3.model.S3Exception: Access Denied (Service: S3, Status Code: 403, Request ID: 0K8M2P4R6T8V0X2Z, Extended Request ID: ZXhhbXBsZS1leHQtcmVxLWlk=)\n\tat software.amazon.awssdk.core.internal.handler.BaseSyncClientHandler.execute(BaseSyncClientHandler.java:103)\n\tat software.amazon.awssdk.services.s3.DefaultS3Client.putObject(DefaultS3Client.java:10912)\n\tat com.example.export.Uploader.send(Uploader.java:44)');
    expect(p.operation).toBe('PutObject');
    expect(p.action).toBe('s3:PutObject');
    expect(p.source).toBe('aws-sdk-java');
  });

  it('v1: Amazon<Service>Client.execute<Operation>, past the client\'s internal frames', () => {
    const call = javaClientCall(' at com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient.doInvoke(AmazonDynamoDBClient.java:6230) at com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient.invoke(AmazonDynamoDBClient.java:6197) at com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient.executeQuery(AmazonDynamoDBClient.java:4411) at com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient.query(AmazonDynamoDBClient.java:4380)');
    expect(call).toEqual({ service: 'dynamodb', operation: 'Query' });
    expect(javaClientCall(' at com.amazonaws.services.s3.AmazonS3Client.invoke(AmazonS3Client.java:5062) at com.amazonaws.services.s3.AmazonS3Client.getObject(AmazonS3Client.java:1517)')).toEqual({ service: 's3', operation: 'GetObject' });
  });

  it('near miss: an application class named like a client, or only the client\'s plumbing, gives nothing', () => {
    expect(javaClientCall(' at com.acme.storage.DefaultS3Client.getObject(DefaultS3Client.java:12)')).toBeNull();
    expect(javaClientCall(' at software.amazon.awssdk.services.s3.DefaultS3Client.invokeOperation(DefaultS3Client.java:9)')).toBeNull();
    expect(javaClientCall(' at com.amazonaws.services.s3.AmazonS3Client.invoke(AmazonS3Client.java:5062)')).toBeNull();
  });
});

describe('which SDK printed it: a service shape id is not a Java class', () => {
  it('a Node.js log with a JS v3 error whose __type is a shape id is aws-sdk-js', () => {
    const p = parsed('2026-01-09T10:00:00.000Z\tb1c2d3e4\tERROR\t{"name":"AccessDeniedException","$fault":"client","$metadata":{"httpStatusCode":400,"attempts":1},"__type":"com.amazonaws.dynamodb.v20120810#AccessDeniedException","message":"User: arn:aws:sts::390118274655:assumed-role/cart-fn/cart-fn is not authorized to perform: dynamodb:BatchWriteItem on resource: arn:aws:dynamodb:us-west-2:390118274655:table/Carts because no identity-based policy allows the dynamodb:BatchWriteItem action"}');
    expect(p.source).toBe('aws-sdk-js');
  });

  it('a boto3 traceback printing a shape id is boto3', () => {
    const p = parsed('Traceback (most recent call last):\n  File "app.py", line 9, in <module>\nbotocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Scan operation: User: arn:aws:sts::390118274655:assumed-role/r/s is not authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:us-west-2:390118274655:table/Carts\n{"__type":"com.amazonaws.dynamodb.v20120810#AccessDeniedException"}');
    expect(p.source).toBe('boto3');
  });

  it('near miss: Java classes under com.amazonaws. are still Java, with or without a shape id beside them', () => {
    const msg = 'com.amazonaws.services.dynamodbv2.model.AmazonDynamoDBException: User: arn:aws:sts::390118274655:assumed-role/r/s is not authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:us-west-2:390118274655:table/Carts (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: AccessDeniedException; Request ID: ABC)';
    expect(parsed(msg).source).toBe('aws-sdk-java');
    expect(parsed(`${msg}\n"__type":"com.amazonaws.dynamodb.v20120810#AccessDeniedException"`).source).toBe('aws-sdk-java');
  });
});

describe('the pasted CLI command names the operation\'s service', () => {
  it.each([
    ['$ aws logs put-retention-policy --log-group-name /svc/api --retention-in-days 30\n\nAn error occurred (AccessDeniedException) when calling the PutRetentionPolicy operation: The security token included in the request is expired', 'logs:PutRetentionPolicy'],
    ['$ aws stepfunctions start-execution --state-machine-arn arn:aws:states:eu-west-1:250417791302:stateMachine:Orders\nAn error occurred (ExpiredTokenException) when calling the StartExecution operation: The security token included in the request is expired', 'states:StartExecution'],
  ])('%s', (text, action) => expect(parsed(text).action).toBe(action));

  it('near miss: a command for another operation names nothing', () => {
    const p = parsed('$ aws logs describe-log-groups --log-group-name-prefix /svc\n$ other-tool retention --days 30\nAn error occurred (AccessDeniedException) when calling the PutRetentionPolicy operation: The security token included in the request is expired');
    expect(p.operation).toBe('PutRetentionPolicy');
    expect(p.action).toBeNull();
  });
});

describe('a service that may not use the KMS key for its own resource', () => {
  it('names the resource the call acted on', () => {
    const p = parsed("$ aws sns create-topic --name billing-alerts --attributes KmsMasterKeyId=arn:aws:kms:eu-north-1:550286119774:key/2b7c9e10-4d3f-4a8b-9c6e-0f1a2b3c4d5e\nAn error occurred (AccessDeniedException) when calling the CreateTopic operation: The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:sns:eu-north-1:550286119774:billing-alerts'");
    expect(p.shape).toBe('kms-key-unusable-by-service');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.action).toBe('sns:CreateTopic');
    expect(p.target?.arn).toBe('arn:aws:sns:eu-north-1:550286119774:billing-alerts');
  });

  it('near miss: KMS\'s own "key does not exist" keeps its shape and names no resource', () => {
    const p = parsed("Secrets Manager can't encrypt the secret value: Key 'arn:aws:kms:eu-north-1:550286119774:key/2b7c9e10-4d3f-4a8b-9c6e-0f1a2b3c4d5e' does not exist (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: 5f6a7b8c)");
    expect(p.shape).toBe('kms-key-not-found');
  });
});
