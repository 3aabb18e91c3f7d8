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
