import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import type { ParsedError } from '../../src/core/types.js';

interface Case {
  name: string;
  text: string;
  want: Partial<{
    source: ParsedError['source'];
    errorCode: string | null;
    operation: string | null;
    action: string | null;
    callerArn: string | null;
    callerType: string;
    targetArn: string | null;
    denyKind: string;
    policyType: string | null;
    policyArn: string | null;
    requestId: string | null;
    httpStatus: number | null;
    region: string | null;
    encoded: boolean;
    shape: string;
    wrapper: string;
    crossAccount: boolean | null;
  }>;
}

const CASES: Case[] = [
  {
    name: 'Terraform box around a Go SDK v2 error wrapped between tokens',
    text: [
      '╷',
      '│ Error: Cannot assume IAM Role',
      '│ ',
      '│ IAM Role (arn:aws:iam::561423994715:role/network-admin) cannot be assumed.',
      '│ ',
      '│ Error: operation error STS: AssumeRole, https response error StatusCode:',
      '│ 403, RequestID: 00d9f4ad-53a2-42b6-b3f5-f28807f0cbd4, api error AccessDenied: User:',
      '│ arn:aws:sts::194650323161:assumed-role/terraform-runner/aws-go-sdk-1718870441123456789',
      '│ is not authorized to perform: sts:AssumeRole on resource:',
      '│ arn:aws:iam::561423994715:role/network-admin',
      '╵',
    ].join('\n'),
    want: {
      source: 'terraform', errorCode: 'AccessDenied', operation: 'AssumeRole', action: 'sts:AssumeRole',
      callerArn: 'arn:aws:sts::194650323161:assumed-role/terraform-runner/aws-go-sdk-1718870441123456789',
      targetArn: 'arn:aws:iam::561423994715:role/network-admin', requestId: '00d9f4ad-53a2-42b6-b3f5-f28807f0cbd4',
      httpStatus: 403, wrapper: 'terraform-box', crossAccount: true,
    },
  },
  {
    name: 'Go SDK v2 one-liner with an RCP policy ARN',
    text: 'operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: e345c182-ead5-402a-a5c8-e40952a69ac0, api error AccessDenied: User: arn:aws:sts::204678650372:assumed-role/sandbox-dev/jlee is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::884036592426:role/prod-data-reader with an explicit deny in a resource control policy: arn:aws:organizations::308902542664:policy/o-4kq7zt2m9x/resource_control_policy/p-8w3nq5zt',
    want: {
      source: 'aws-sdk-go', errorCode: 'AccessDenied', denyKind: 'explicit', policyType: 'resource-control',
      policyArn: 'arn:aws:organizations::308902542664:policy/o-4kq7zt2m9x/resource_control_policy/p-8w3nq5zt',
      requestId: 'e345c182-ead5-402a-a5c8-e40952a69ac0', shape: 'user-not-authorized-explicit-arn',
    },
  },
  {
    name: 'Go SDK v2 KMS call behind SOPS `| ` prefixes',
    text: '    - | failed to decrypt sops data key with AWS KMS: operation\n      | error KMS: Decrypt, https response error StatusCode: 400,\n      | RequestID: <edited>, api error\n      | AccessDeniedException: The ciphertext refers to a customer\n      | master key that does not exist, does not exist in this\n      | region, or you are not allowed to access.',
    want: { errorCode: 'AccessDeniedException', action: 'kms:Decrypt', httpStatus: 400, requestId: null, wrapper: 'pipe-prefix', shape: 'kms-ciphertext-key' },
  },
  {
    name: 'Java SDK v1 suffix',
    text: 'com.amazonaws.services.securitytoken.model.AWSSecurityTokenServiceException: User: arn:aws:sts::687037847893:assumed-role/cspm-scanner/scan-952240019583 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::952240019583:role/CloudAuditReadOnly (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: bea75def-e8cb-419d-855c-d6e0683d063f; Proxy: null)',
    want: {
      source: 'aws-sdk-java', errorCode: 'AccessDenied', httpStatus: 403, requestId: 'bea75def-e8cb-419d-855c-d6e0683d063f',
      targetArn: 'arn:aws:iam::952240019583:role/CloudAuditReadOnly', wrapper: 'java-service-suffix',
    },
  },
  {
    name: 'Java SDK v2 suffix without an error code',
    text: 'software.amazon.awssdk.services.sts.model.StsException: User: arn:aws:sts::705979998170:assumed-role/analytics-reader/quarterly-export-7781 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::166247805479:role/finance-export (Service: Sts, Status Code: 403, Request ID: 6dbb8cb8-ef65-4d78-a6ad-41ef88c279d9)',
    want: { source: 'aws-sdk-java', errorCode: null, httpStatus: 403, requestId: '6dbb8cb8-ef65-4d78-a6ad-41ef88c279d9' },
  },
  {
    name: 'JS SDK v3 dump with $metadata',
    text: "AccessDenied: User: arn:aws:sts::715505242681:assumed-role/dev-sandbox-app/app-7f3c is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::715505242681:role/shared-secrets-reader because no permissions boundary allows the sts:AssumeRole action\n    at de_CommandError (/srv/app/node_modules/@aws-sdk/client-sts/dist-cjs/index.js:1185:14) {\n  '$fault': 'client',\n  '$metadata': {\n    httpStatusCode: 403,\n    requestId: '37848b77-2ac9-44c3-b173-f9f7b59ecf10',\n    attempts: 1\n  },\n  Type: 'Sender',\n  Code: 'AccessDenied'\n}",
    want: {
      source: 'aws-sdk-js', errorCode: 'AccessDenied', httpStatus: 403, requestId: '37848b77-2ac9-44c3-b173-f9f7b59ecf10',
      denyKind: 'implicit', policyType: 'permissions-boundary', crossAccount: false, wrapper: 'js-metadata',
    },
  },
  {
    name: 'JS SDK v3 operation from the deserializer name',
    text: '"AccessDenied: Access Denied",\n"    at null.deserializeAws_restXmlPutObjectTaggingCommandError (/node_modules/@aws-sdk/client-s3/protocols/Aws_restXml.ts:9518:39)",',
    want: { errorCode: 'AccessDenied', operation: 'PutObjectTagging', action: 's3:PutObjectTagging', shape: 'access-denied-bare' },
  },
  {
    name: 'CloudTrail event JSON',
    text: JSON.stringify({
      eventVersion: '1.08',
      userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111111111111:assumed-role/ci-role/ci', accountId: '111111111111' },
      eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', awsRegion: 'eu-west-1', errorCode: 'AccessDenied',
      errorMessage: 'An unknown error occurred',
      requestParameters: { roleArn: 'arn:aws:iam::222222222222:role/deploy', roleSessionName: 'ci' },
      requestID: '6f1c2b9e-aaaa-bbbb-cccc-444455556666',
    }, null, 2),
    want: {
      source: 'cloudtrail', errorCode: 'AccessDenied', operation: 'AssumeRole', action: 'sts:AssumeRole',
      callerArn: 'arn:aws:sts::111111111111:assumed-role/ci-role/ci', targetArn: 'arn:aws:iam::222222222222:role/deploy',
      region: 'eu-west-1', requestId: '6f1c2b9e-aaaa-bbbb-cccc-444455556666', crossAccount: true, shape: 'cloudtrail-event',
    },
  },
  {
    name: 'CloudTrail event whose errorMessage is a typed denial',
    text: '{"eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","errorCode":"AccessDenied","errorMessage":"User: arn:aws:iam::111111111111:user/alice is not authorized to perform: s3:GetObject on resource: \\"arn:aws:s3:::b/k\\" because no identity-based policy allows the s3:GetObject action","userIdentity":{"arn":"arn:aws:iam::111111111111:user/alice"}}',
    want: {
      source: 'cloudtrail', errorCode: 'AccessDenied', action: 's3:GetObject', targetArn: 'arn:aws:s3:::b/k',
      denyKind: 'implicit', policyType: 'identity-based', wrapper: 'cloudtrail-json',
    },
  },
  {
    name: 'CloudTrail event whose errorMessage is its last field (the code is still the event\'s)',
    text: '{"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/codebuild-role/build"},"eventSource":"secretsmanager.amazonaws.com","eventName":"GetSecretValue","awsRegion":"us-east-1","errorCode":"AccessDeniedException","errorMessage":"User: arn:aws:sts::123456789012:assumed-role/codebuild-role/build is not authorized to perform: secretsmanager:GetSecretValue on resource: prod/api-key because no identity-based policy allows the secretsmanager:GetSecretValue action"}',
    want: {
      source: 'cloudtrail', errorCode: 'AccessDeniedException', action: 'secretsmanager:GetSecretValue', denyKind: 'implicit',
      policyType: 'identity-based', callerArn: 'arn:aws:sts::123456789012:assumed-role/codebuild-role/build', region: 'us-east-1',
    },
  },
  {
    name: 'XML ErrorResponse inside a Python bytes repr',
    text: `b'<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\\n  <Error>\\n    <Type>Sender</Type>\\n    <Code>InvalidClientTokenId</Code>\\n    <Message>The security token included in the request is invalid</Message>\\n  </Error>\\n  <RequestId>16fc956c-311e-4199-bee1-1680236e9698</RequestId>\\n</ErrorResponse>\\n'`,
    want: { errorCode: 'InvalidClientTokenId', requestId: '16fc956c-311e-4199-bee1-1680236e9698', shape: 'invalid-token', wrapper: 'xml' },
  },
  {
    name: 'XML with a typed message inside <Message>',
    text: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/admin</Message></Error><RequestId>abc-123-def-456</RequestId></ErrorResponse>',
    want: { errorCode: 'AccessDenied', targetArn: 'arn:aws:iam::123456789012:role/admin', requestId: 'abc-123-def-456', crossAccount: false },
  },
  {
    name: 'flattened XML (Sender Code Message RequestId)',
    text: 'Sender InvalidClientTokenId The security token included in the request is invalid. 4d5c1b2a-1111-2222-3333-444455556666',
    want: { errorCode: 'InvalidClientTokenId', requestId: '4d5c1b2a-1111-2222-3333-444455556666', shape: 'invalid-token' },
  },
  {
    name: 'glued code and message',
    text: 'AWS::SES::ResponseError: AWS::SES Response Error: InvalidClientTokenIdThe security token included in the request is invalid',
    want: { errorCode: 'InvalidClientTokenId', shape: 'invalid-token' },
  },
  {
    name: 'JSON-escaped message with escaped quotes around an S3 ARN',
    text: '"{\\"ErrorCode\\":\\"AccessDeniedException\\",\\"ErrorMessage\\":\\"User: arn:aws:sts::123456789012:assumed-role/r/s is not authorized to perform: s3:GetObject on resource: \\\\\\"arn:aws:s3:::b/k\\\\\\" because no identity-based policy allows the s3:GetObject action\\"}"',
    want: { errorCode: 'AccessDeniedException', targetArn: 'arn:aws:s3:::b/k', denyKind: 'implicit', policyType: 'identity-based', wrapper: 'json-double-escaped' },
  },
  {
    name: 'ARN and action wrapped mid-token by a terminal',
    text: 'User: arn:aws:sts::123456789012:assumed-role/very-long-role-name-for-wrapping/session-na\nme is not authorized to perform: cloudforma\ntion:DescribeStacks on resource: arn:aws:cloudformation:us-east-1:123456789012:stack/my-stack/*',
    want: {
      callerArn: 'arn:aws:sts::123456789012:assumed-role/very-long-role-name-for-wrapping/session-name',
      action: 'cloudformation:DescribeStacks', region: 'us-east-1', crossAccount: false,
    },
  },
  {
    name: 'target ARN wrapped at the terminal edge',
    text: 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/some-very-long-role-name-that-the-terminal-wra\npped',
    want: { targetArn: 'arn:aws:iam::210987654321:role/some-very-long-role-name-that-the-terminal-wrapped' },
  },
  {
    name: 'spaces injected mid-word',
    text: 'Error: error using credentials to get account ID: error calling sts:GetCallerIde ntity: InvalidClientTokenId: The security token included in the request is inval id.',
    want: { action: 'sts:GetCallerIdentity', errorCode: 'InvalidClientTokenId', shape: 'invalid-token' },
  },
  {
    name: 'GitHub Actions annotation',
    text: '##[error]User: arn:aws:iam::***:user/deployer is not authorized to perform: sts:TagSession on resource: arn:aws:iam::***:role/devops',
    want: { source: 'github-actions', action: 'sts:TagSession', callerArn: 'arn:aws:iam::***:user/deployer', wrapper: 'github-actions-annotation' },
  },
  {
    name: 'EC2 encoded blob after a typed SCP denial',
    text: 'UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::123456789:assumed-role/karpeter-controller-role/1731429849551905269 is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-2:123456789:instance/* with an explicit deny in a service control policy. Encoded authorization failure message: g4oZPBqZ4Bni8dE5dGjxYTnOZ...',
    want: { errorCode: 'UnauthorizedOperation', encoded: true, denyKind: 'explicit', policyType: 'service-control', shape: 'user-not-authorized-explicit-typed' },
  },
  {
    name: 'encoded blob split across lines',
    text: 'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: 2xtwL5wHCO2FRw3Ta6dIM8kAubKtckgvLsxB3cxhCs6hKp7zG\nQHD1vBVJkkaj9HDU_B_XrVYx0BfNyPuZPeSWa8onUTjAnvY8FFm5RGutfg',
    want: { errorCode: 'UnauthorizedOperation', operation: 'RunInstances', encoded: true, shape: 'ec2-encoded-authorization' },
  },
  {
    name: 'placeholder instead of the blob',
    text: '│ Error: creating EC2 Instance: UnauthorizedOperation: You are not authorized to perform this operation. Encoded authorization failure message: <ENCODED MESSAGE>\n│ \tstatus code: 403, request id: 1550870c-6e0b-4fac-ba19-1da46fef7f17',
    want: { errorCode: 'UnauthorizedOperation', encoded: false, action: null, httpStatus: 403 },
  },
  {
    name: 'CDK plugin wording',
    text: "credentials returned by plugin 'AssumeRoleCredentialPlugin' could not be used to assume 'arn:aws:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-us-east-2', but are for the right account. Proceeding anyway.",
    want: { source: 'cdk', action: 'sts:AssumeRole', targetArn: 'arn:aws:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-us-east-2', errorCode: null },
  },
  {
    name: 'OIDC provider missing behind WebIdentityErr',
    text: 'WebIdentityErr: failed to retrieve credentials\ncaused by: InvalidIdentityToken: No OpenIDConnect provider found in your account for https://oidc.eks.eu-west-1.amazonaws.com/id/xxxx\n\tstatus code: 400, request id: 8c43766a-c880-47a0-9dd3-97a8d0b884f1',
    want: { errorCode: 'InvalidIdentityToken', action: 'sts:AssumeRoleWithWebIdentity', httpStatus: 400, region: 'eu-west-1', shape: 'oidc-provider-missing', source: 'aws-sdk-go', callerType: 'web-identity', callerArn: null },
  },
  {
    name: 'SAML refusal names a SAML caller without an ARN',
    text: 'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML',
    want: { action: 'sts:AssumeRoleWithSAML', callerType: 'saml', callerArn: null, shape: 'sts-not-authorized' },
  },
  {
    name: 'Java suffix with an auth code makes an unknown wording a failure',
    text: 'Cross-account pass role is not allowed (Service: AmazonCloudFormation; Status Code: 403; Error Code: AccessDenied; Request ID: d880bdd7-fe3f-11e7-8a8c-7dcffeae19ae)',
    want: { errorCode: 'AccessDenied', httpStatus: 403, shape: 'generic-auth-error', source: 'aws-sdk-java', action: null },
  },
  {
    name: 'role ARN named earlier in the log becomes the target of a duration error',
    text: 'INFO - Assuming Role - Profile: dev, Role: arn:aws:iam::876701326593:role/HSEAdminRole, Duration: 43200\nAn error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    want: { action: 'sts:AssumeRole', targetArn: 'arn:aws:iam::876701326593:role/HSEAdminRole', shape: 'duration-exceeds-max' },
  },
  {
    name: 'role trust wording, explicit',
    text: 'User: arn:aws:sts::111122223333:assumed-role/role-name/role-session-name is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/role-name with an explicit deny in the role trust policy',
    want: { denyKind: 'explicit', policyType: 'role-trust', crossAccount: true },
  },
  {
    name: 'role trust wording with the doc typo',
    text: 'User: arn:aws:sts::111122223333:assumed-role/role-name/role-session-name is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/role-name because the role trust policy allows the sts:AssumeRole action',
    want: { denyKind: 'implicit', policyType: 'role-trust', shape: 'role-trust-allows-typo' },
  },
  {
    name: 'transitively through a service control policy',
    text: 'User: arn:aws:iam::777788889999:user/JohnDoe is not authorized to perform: codecommit:ListRepositories with an explicit deny in a VPC endpoint policy transitively through a service control policy',
    want: { denyKind: 'explicit', policyType: 'vpc-endpoint' },
  },
  {
    name: 'third-party wording (CodePipeline)',
    text: 'CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/my-pipeline-action-role',
    want: { action: 'sts:AssumeRole', targetArn: 'arn:aws:iam::123456789012:role/my-pipeline-action-role', callerArn: null, shape: 'third-party-not-authorized' },
  },
  {
    name: 'service principal as the caller',
    text: 'User: sns.amazonaws.com is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:Notify because no resource-based policy allows the lambda:InvokeFunction action',
    want: { callerArn: 'sns.amazonaws.com', callerType: 'service', region: 'us-east-1' },
  },
];

describe('wrappers and envelopes', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { parsed: p } = parseError(c.text);
    expect(p.recognized).toBe(true);
    const w = c.want;
    if ('source' in w) expect(p.source).toBe(w.source);
    if ('errorCode' in w) expect(p.errorCode).toBe(w.errorCode);
    if ('operation' in w) expect(p.operation).toBe(w.operation);
    if ('action' in w) expect(p.action).toBe(w.action);
    if ('callerArn' in w) expect(p.caller?.arn ?? null).toBe(w.callerArn);
    if ('callerType' in w) expect(p.caller?.type).toBe(w.callerType);
    if ('targetArn' in w) expect(p.target?.arn ?? null).toBe(w.targetArn);
    if ('denyKind' in w) expect(p.deny.kind).toBe(w.denyKind);
    if ('policyType' in w) expect(p.deny.policyType).toBe(w.policyType);
    if ('policyArn' in w) expect(p.deny.policyArn).toBe(w.policyArn);
    if ('requestId' in w) expect(p.requestId).toBe(w.requestId);
    if ('httpStatus' in w) expect(p.httpStatus).toBe(w.httpStatus);
    if ('region' in w) expect(p.region).toBe(w.region);
    if ('encoded' in w) expect(Boolean(p.encodedMessage)).toBe(w.encoded);
    if ('shape' in w) expect(p.shape).toBe(w.shape);
    if ('wrapper' in w) expect(p.wrappers).toContain(w.wrapper);
    if ('crossAccount' in w) expect(p.crossAccount).toBe(w.crossAccount);
  });
});

describe('a CloudTrail event\'s sessionIssuer', () => {
  const event = (issuerArn: string) => JSON.stringify({
    userIdentity: {
      type: 'AssumedRole', arn: 'arn:aws:sts::421698035577:assumed-role/billing-batch/run-1', accountId: '421698035577',
      sessionContext: { sessionIssuer: { type: 'Role', arn: issuerArn, accountId: '421698035577', userName: 'billing-batch' } },
    },
    eventSource: 'ssm.amazonaws.com', eventName: 'GetParametersByPath', awsRegion: 'eu-central-1', errorCode: 'AccessDenied',
    errorMessage: 'User: arn:aws:sts::421698035577:assumed-role/billing-batch/run-1 is not authorized to perform: ssm:GetParametersByPath on resource: arn:aws:ssm:eu-central-1:421698035577:parameter/prod/billing because no permissions boundary allows the ssm:GetParametersByPath action',
  }, null, 2);

  it('gives the session\'s role ARN with its path, which the session ARN drops', () => {
    expect(parseError(event('arn:aws:iam::421698035577:role/app/billing-batch')).parsed.caller?.roleArn).toBe('arn:aws:iam::421698035577:role/app/billing-batch');
  });

  it('is ignored when it names another role or account', () => {
    expect(parseError(event('arn:aws:iam::421698035577:role/app/other-role')).parsed.caller?.roleArn).toBe('arn:aws:iam::421698035577:role/billing-batch');
    expect(parseError(event('arn:aws:iam::999999999999:role/app/billing-batch')).parsed.caller?.roleArn).toBe('arn:aws:iam::421698035577:role/billing-batch');
  });
});

describe('several errors in one paste', () => {
  it('picks the most specific and keeps the distinct rest', () => {
    const log = [
      '[Container] Running command aws s3 cp s3://b/k .',
      'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
      'User: arn:aws:iam::123456789012:user/x is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/ecsTaskRole because no identity-based policy allows the iam:PassRole action',
      'User: arn:aws:iam::123456789012:user/x is not authorized to perform: ecs:RunTask on resource: arn:aws:ecs:us-east-1:123456789012:task-definition/app:3',
    ].join('\n');
    const { parsed, otherErrors } = parseError(log);
    expect(parsed.action).toBe('iam:PassRole');
    expect(parsed.deny.kind).toBe('implicit');
    expect(otherErrors.map((e) => e.action).sort()).toEqual(['ecs:RunTask', 's3:GetObject']);
  });

  it('reports a repeated error once', () => {
    const line = 'An error occurred (AccessDenied) when calling the AssumeRole operation: Roles may not be assumed by root accounts.\n';
    const { parsed, otherErrors } = parseError(line.repeat(5));
    expect(parsed.shape).toBe('root-cannot-assume');
    expect(parsed.caller?.type).toBe('root');
    expect(otherErrors).toHaveLength(0);
  });

  it('does not merge two adjacent typed denials into one', () => {
    const t = 'User: arn:aws:iam::111111111111:user/a is not authorized to perform: s3:GetObject User: arn:aws:iam::111111111111:user/b is not authorized to perform: s3:PutObject';
    const { parsed, otherErrors } = parseError(t);
    expect([parsed, ...otherErrors].map((e) => e.caller?.arn).sort()).toEqual(['arn:aws:iam::111111111111:user/a', 'arn:aws:iam::111111111111:user/b']);
  });
});

describe('text without an AWS authorization failure', () => {
  it.each([
    ['empty', ''],
    ['prose', 'The deployment finished successfully in 42 seconds.'],
    ['a word containing forbidden', 'nothing is forbidden here, the 403 Forbidden page is a test fixture'],
    ['an ARN alone', 'arn:aws:iam::123456789012:role/deploy'],
  ])('%s → recognized: false', (_n, text) => {
    const r = parseError(text);
    expect(r.parsed.recognized).toBe(false);
    expect(r.otherErrors).toEqual([]);
  });
});
