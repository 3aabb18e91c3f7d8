import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import type { ParsedError } from '../../src/core/types.js';

/**
 * Families found by the second held-out round (test/fixtures/extra/real-errors-extra2.jsonl) and the
 * red-team scenarios, each written as a fresh variant (not the corpus text) so the rule is tested,
 * not the sample.
 */
type Want = Partial<{
  shape: string;
  errorCode: string | null;
  action: string | null;
  targetArn: string | null;
  region: string | null;
  identityProvider: string | null;
}>;

const CASES: Array<{ name: string; text: string; want: Want }> = [
  {
    name: 'region: the failing command of a multi-command log, not an earlier one',
    text: [
      '$ aws s3 ls --region us-west-2',
      '2024-01-01 bucket-a',
      '$ aws ec2 describe-vpcs --region me-south-1',
      '',
      'An error occurred (AuthFailure) when calling the DescribeVpcs operation: AWS was not able to validate the provided access credentials',
    ].join('\n'),
    want: { shape: 'auth-failure', region: 'me-south-1' },
  },
  {
    name: 'region: a failing command without --region does not borrow an earlier command\'s',
    text: [
      '$ aws sqs list-queues --region eu-north-1',
      '$ aws sqs list-queues',
      'An error occurred (InvalidClientTokenId) when calling the ListQueues operation: The security token included in the request is invalid.',
    ].join('\n'),
    want: { shape: 'invalid-token', region: null },
  },
  {
    name: 'region: a command printed after the error is not the call that failed; prose is',
    text: [
      '{"errorType":"AccessDeniedException","errorMessage":"The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access."}',
      '# the secret was encrypted with: aws kms encrypt --key-id alias/app --region us-east-2',
      '# the function itself runs in ap-south-1',
    ].join('\n'),
    want: { shape: 'kms-ciphertext-key', region: 'ap-south-1' },
  },
  {
    name: 'region: one printed inside the message wins over the context',
    text: '$ aws sts get-caller-identity --region eu-west-3\nUser: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: logs:PutLogEvents on resource: arn:aws:logs:ca-central-1:111122223333:log-group:app:log-stream:x',
    want: { region: 'ca-central-1' },
  },
  {
    name: 'SAML provider named by a tool log line keeps its arn: prefix',
    text: 'INFO Assuming arn:aws:iam::210987654321:role/Finance with principal arn:aws:iam::210987654321:saml-provider/Okta\nERROR An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML',
    want: { action: 'sts:AssumeRoleWithSAML', identityProvider: 'arn:aws:iam::210987654321:saml-provider/Okta', targetArn: 'arn:aws:iam::210987654321:role/Finance' },
  },
  {
    name: 'OIDC provider ARN for a web-identity failure; a SAML provider is not taken for it',
    text: 'provider arn:aws:iam::111122223333:saml-provider/Corp\nrole trusts arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity',
    want: { action: 'sts:AssumeRoleWithWebIdentity', identityProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
  },
  {
    name: 'no provider for a plain AssumeRole',
    text: 'see arn:aws:iam::111122223333:saml-provider/Corp\nAn error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/u is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/r',
    want: { action: 'sts:AssumeRole', identityProvider: null },
  },
  {
    name: 'CloudTrail errorCode wrapped by a table column',
    text: '{"eventSource":"kms.amazonaws.com","eventName":"Decrypt","awsRegion":"eu-west-1","errorCode":"AccessDeniedExcep\ntion","errorMessage":"x"}',
    want: { shape: 'cloudtrail-event', errorCode: 'AccessDeniedException', action: 'kms:Decrypt' },
  },
  {
    name: 'JS v2 object whose message is only the code word',
    text: "{ [AccessDenied: null]\n  message: null,\n  code: 'AccessDenied',\n  statusCode: 403 }",
    want: { errorCode: 'AccessDenied' },
  },
  {
    name: 'XML document whose Code is a web-identity rejection',
    text: '<ErrorResponse><Error><Type>Sender</Type><Code>IDPRejectedClaim</Code><Message>accounts.google.com: token rejected</Message></Error></ErrorResponse>',
    want: { errorCode: 'IDPRejectedClaim', action: 'sts:AssumeRoleWithWebIdentity' },
  },
  {
    name: 'botocore (403) with the message glued to a traceback',
    text: '[ERROR] ClientError: An error occurred (403) when calling the HeadObject operation: ForbiddenTraceback (most recent call last):',
    want: { errorCode: null, action: 's3:GetObject' },
  },
  {
    name: 'botocore (401) is a denial too',
    text: 'An error occurred (401) when calling the GetObject operation: Unauthorized',
    want: { action: 's3:GetObject' },
  },
  {
    name: 'STS ValidationError: Principal ARN is invalid, from a SAML login tool',
    text: 'Requesting AWS credentials using SAML assertion\nValidationError: Principal ARN is invalid\n\tstatus code: 400, request id: 0e3c1d7a-0000-4000-8000-000000000000',
    want: { shape: 'sts-request-arn-invalid', errorCode: 'ValidationError', action: 'sts:AssumeRoleWithSAML' },
  },
  {
    name: 'MaxSessionDuration from a web-identity tool',
    text: 'WebIdentityErr: failed to retrieve credentials\ncaused by: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    want: { errorCode: 'ValidationError', action: 'sts:AssumeRoleWithWebIdentity' },
  },
  {
    name: 'MaxSessionDuration with no federation words stays without an action',
    text: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    want: { action: 'sts:AssumeRole' },
  },
  {
    name: 'kubectl against EKS: Unauthorized',
    text: '$ kubectl get pods -A\nerror: You must be logged in to the server (Unauthorized)',
    want: { shape: 'k8s-unauthorized', errorCode: 'Unauthorized' },
  },
  {
    name: 'kubectl: the server asked for credentials',
    text: 'error: You must be logged in to the server (the server has asked for the client to provide credentials)',
    want: { shape: 'k8s-unauthorized', errorCode: null },
  },
  {
    name: 'S3 AllAccessDisabled through the Go SDK v2',
    text: 'operation error S3: GetObject, https response error StatusCode: 403, RequestID: ABC, HostID: x, api error AllAccessDisabled: All access to this resource has been disabled.',
    want: { shape: 's3-all-access-disabled', errorCode: 'AllAccessDisabled', action: 's3:GetObject' },
  },
  {
    name: 'aws-iam-authenticator "could not get token" is the AssumeRole of --role-arn',
    text: 'aws eks update-kubeconfig --name c1 --role-arn arn:aws:iam::111122223333:role/EksAdmin\ncould not get token: AccessDenied: Access denied\n\tstatus code: 403, request id: 1c1d2b3a-0000-4000-8000-000000000000',
    want: { errorCode: 'AccessDenied', action: 'sts:AssumeRole', targetArn: 'arn:aws:iam::111122223333:role/EksAdmin' },
  },
];

function field(p: ParsedError, k: keyof Want): unknown {
  switch (k) {
    case 'targetArn': return p.target?.arn ?? null;
    case 'identityProvider': return p.identityProvider ?? null;
    default: return p[k] ?? null;
  }
}

describe('round-2 families', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const { parsed } = parseError(c.text);
    expect(parsed.recognized).toBe(true);
    for (const [k, v] of Object.entries(c.want)) expect([k, field(parsed, k as keyof Want)]).toEqual([k, v]);
  });
});

describe('context around the message (causes-needs)', () => {
  it('a service that cannot assume the role handed to it names the role', () => {
    const { parsed } = parseError("An error occurred (ClientException) when calling the RunTask operation: ECS was unable to assume the role 'arn:aws:iam::111122223333:role/batch-task' that was provided for this task. Please verify that the role being passed has the proper trust relationship");
    expect([parsed.shape, parsed.errorCode, parsed.operation, parsed.target?.arn, parsed.target?.resourceType])
      .toEqual(['service-cannot-assume-role', 'ClientException', 'RunTask', 'arn:aws:iam::111122223333:role/batch-task', 'role']);
  });

  it.each([
    ['UnauthorizedOperation means EC2', 'An error occurred (UnauthorizedOperation) when calling the CreateFlowLogs operation: You are not authorized to perform this operation.', 'ec2:CreateFlowLogs'],
    ['an SQS endpoint names the service', 'An error occurred (AccessDenied) when calling the CreateQueue operation: Access to the resource https://sqs.us-east-2.amazonaws.com/ is denied.', 'sqs:CreateQueue'],
    ['a legacy queue endpoint too', 'An error occurred (AccessDenied) when calling the SetQueueAttributes operation: Access to the resource https://us-east-2.queue.amazonaws.com/ is denied.', 'sqs:SetQueueAttributes'],
    ['CDK debug "Call failed: op(…)"', '[10:00:00] Call failed: getBucketPolicy({"Bucket":"b"}) => Access Denied (code=AccessDenied)', 's3:GetBucketPolicy'],
  ])('operation → action: %s', (_n, text, action) => {
    expect(parseError(text).parsed.action).toBe(action);
  });

  it('the caller comes from get-caller-identity output before a message that names none', () => {
    const text = [
      '$ aws sts get-caller-identity',
      '{ "UserId": "AIDAEXAMPLE", "Account": "111122223333", "Arn": "arn:aws:iam::111122223333:user/alice" }',
      '$ aws s3 cp s3://b/k .',
      'fatal error: An error occurred (403) when calling the HeadObject operation: Forbidden',
    ].join('\n');
    const c = parseError(text).parsed.caller;
    expect([c?.arn, c?.type, c?.fromContext]).toEqual(['arn:aws:iam::111122223333:user/alice', 'user', true]);
  });

  it('a caller printed in the message is never replaced by context', () => {
    const text = '{"UserId": "AIDAX", "Account": "1", "Arn": "arn:aws:iam::111122223333:user/alice"}\nUser: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k"';
    const c = parseError(text).parsed.caller;
    expect([c?.arn, c?.fromContext]).toEqual(['arn:aws:iam::111122223333:user/bob', undefined]);
  });

  it('an access point named by --bucket becomes the target of a bare denial', () => {
    const text = '$ aws s3api get-object --bucket arn:aws:s3:us-west-2:111122223333:accesspoint/finance-ap --key q1/report.csv out.csv\n\nAn error occurred (AccessDenied) when calling the GetObject operation: Access Denied';
    const t = parseError(text).parsed.target;
    expect([t?.arn, t?.resourceType, t?.name, t?.region, t?.fromContext])
      .toEqual(['arn:aws:s3:us-west-2:111122223333:accesspoint/finance-ap/object/q1/report.csv', 'accesspoint', 'finance-ap', 'us-west-2', true]);
  });
});

describe('more wrappers (post-round-2 probe)', () => {
  it.each([
    ['HTTP header x-amzn-errortype names the code', '    x-amzn-errortype : AccessDeniedException\n  Body:\n  {"Message":"User: arn:aws:iam::111122223333:user/joe is not authorized to perform: lambda:GetFunction on resource: *"}', 'AccessDeniedException', 'lambda:GetFunction'],
    ['Swift typeName: Optional("…")', 'UnknownAWSHTTPServiceError(typeName: Optional("UnauthorizedOperation"), message: Optional("You are not authorized to perform this operation. User: arn:aws:iam::111122223333:user/u is not authorized to perform: ec2:DescribeVpcs because no identity-based policy allows the ec2:DescribeVpcs action"))', 'UnauthorizedOperation', 'ec2:DescribeVpcs'],
    ['PHP S3 class: S3::op(bucket): [Code] message', 'S3::putObject(my-bucket): [AccessDenied] Access Denied', 'AccessDenied', 's3:PutObject'],
    ['PowerShell cmdlet prefix', 'Write-S3Object : Access Denied\nAt line:3 char:1', null, 's3:PutObject'],
    ['PowerShell STS cmdlet', 'Use-STSRole : User: arn:aws:iam::111122223333:user/u is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/r', null, 'sts:AssumeRole'],
  ])('%s', (_n, text, code, action) => {
    const { parsed } = parseError(text);
    expect([parsed.errorCode, parsed.action]).toEqual([code, action]);
  });

  it('S3 AllAccessDisabled for an object', () => {
    expect(parseError('S3 error: All access to this object has been disabled For more information check the docs').parsed.shape).toBe('s3-all-access-disabled');
  });
});

describe('terminal wrapping and debug logs', () => {
  it('EC2 "this operation" wrapped mid-word keeps the EC2 shape and its blob', () => {
    const text = '* aws_instance.web: Error launching source instance: UnauthorizedOperation: You are not authorized to perform this oper\nation. Encoded authorization failure message: Qm9vT0sxYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzNDU2Nzg5QUJD\n        status code: 403, request id: 0f0e0d0c-0000-4000-8000-000000000000';
    const { parsed } = parseError(text);
    expect([parsed.shape, parsed.errorCode, parsed.encodedMessage?.slice(0, 8)]).toEqual(['ec2-encoded-authorization', 'UnauthorizedOperation', 'Qm9vT0sx']);
  });

  it('a Go SDK v1 debug log: HTTP/1.1 403 Forbidden after "Response svc/Op"', () => {
    const text = '2024/01/01 10:00:00 [DEBUG] [aws-sdk-go] DEBUG: Response ec2/DescribeSubnets Details:\n---[ RESPONSE ]----\nHTTP/1.1 403 Forbidden\nServer: AmazonEC2';
    const { parsed } = parseError(text);
    expect([parsed.recognized, parsed.shape, parsed.action]).toEqual([true, 'access-denied-bare', 'ec2:DescribeSubnets']);
  });

  it('"403 Forbidden" in running prose is not a message', () => {
    expect(parseError('the docs list 403 Forbidden among the status codes').parsed.recognized).toBe(false);
  });
});
