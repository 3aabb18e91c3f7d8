/**
 * General reasoning added for round 7 (messages from AWS's troubleshooting pages, real-causes-round7.test.ts), each
 * checked on inputs that are not the round-7 fixtures, and each in both directions: the rule acts when its facts hold
 * and stays quiet when they do not.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { parseError } from '../../src/core/parse/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const live = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);

describe('AWS naming a session policy', () => {
  const msg = (tail: string) => `User: arn:aws:iam::210987654321:user/build-bot is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:210987654321:table/orders ${tail}`;
  it('is believed even when the caller ARN printed is an IAM user', () => {
    expect(live({ message: msg('because no session policy allows the dynamodb:PutItem action') })[0]).toBe('session-policy');
    expect(live({ message: msg('with an explicit deny in a session policy') })[0]).toBe('session-policy');
  });
  it('an IAM user without that wording still does not get a session policy', () => {
    expect(live({ message: msg('because no identity-based policy allows the dynamodb:PutItem action') })).not.toContain('session-policy');
  });
});

describe('a deny reached transitively through another policy type', () => {
  const msg = (via: string) => `User: arn:aws:sts::210987654321:assumed-role/worker/i-0123 is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:eu-west-1:210987654321:jobs with an explicit deny in a VPC endpoint policy${via}`;
  it('puts the policy it came through first: the SCP', () => {
    const ids = live({ message: msg(' transitively through a service control policy') });
    expect(ids[0]).toBe('scp-deny');
    expect(ids).toContain('vpc-endpoint-policy-deny');
  });
  it('without "transitively" the VPC endpoint policy stays first', () => {
    expect(live({ message: msg('') })[0]).toBe('vpc-endpoint-policy-deny');
  });
});

describe('Secrets Manager and its keys', () => {
  it('the default-key refusal is the AWS managed key read from another account', () => {
    const a = explain({ message: 'Error: failed to read secret: You can\'t access a secret from a different AWS account if you encrypt the secret with the default KMS service key.' });
    expect(a.parsed.recognized).toBe(true);
    expect(a.parsed.action).toBe('secretsmanager:GetSecretValue');
    expect(a.causes[0]?.id).toBe('kms-aws-managed-key-cross-account');
  });
  it('a version still under the previous key is the wrong key; plain "Access to KMS is not allowed" is not', () => {
    const m = 'An error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed';
    // the sentence is the evidence; it ties with the caller's identity policy (which may lack kms:Decrypt)
    expect(live({ message: `${m}. This version of secret is not encrypted with the current KMS key.` }).slice(0, 2)).toContain('kms-wrong-key-or-region');
    expect(live({ message: 'Access to KMS is not allowed. This version of secret is not encrypted with the current KMS key.' })[0]).toBe('kms-wrong-key-or-region');
    expect(live({ message: m }).slice(0, 3)).not.toContain('kms-wrong-key-or-region');
  });
});

describe('wordings AWS documentation prints', () => {
  it('a lower-case Java-style tail without a request id carries the code', () => {
    const p = parseError('Error: Response signature invalid (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)').parsed;
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('InvalidIdentityToken');
    // a tail with a code that is no refusal is still not one
    expect(parseError('Error: Table not found (service: AmazonDynamoDBv2; status code: 400; error code: ResourceNotFoundException)').parsed.recognized).toBe(false);
  });
  it("the 2015 CLI's 'A client error (X) occurred' gives the code", () => {
    const p = parseError('A client error (AccessDeniedException) occurred when calling the ListFunctions operation: User: arn:aws:iam::210987654321:user/ops is not authorized to perform: lambda:ListFunctions').parsed;
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.operation).toBe('ListFunctions');
  });
  it("CodeBuild's 'Code:X, Message:' labels the refusal after it, and only that", () => {
    expect(parseError('Code:InvalidInputException, Message:CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::210987654321:role/build').parsed.errorCode).toBe('InvalidInputException');
    expect(parseError('Code:InvalidInputException, Message:Project name is too long').parsed.recognized).toBe(false);
  });
  it('a code printed after a sentence ends its line; inside a sentence it is not one', () => {
    const p = parseError('[Container] 2026/11/30 Phase DOWNLOAD_SOURCE\nUnable to download certificate from S3. AccessDenied\n[Container] done').parsed;
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDenied');
    expect(parseError('We checked it. AccessDenied happens when the key is missing, see the docs').parsed.recognized).toBe(false);
  });
  it("SAML's 'Specified provider doesn't exist.' is the role/provider pair", () => {
    const a = explain({ message: "Error: Specified provider doesn't exist." });
    expect(a.parsed.action).toBe('sts:AssumeRoleWithSAML');
    expect(a.causes[0]?.id).toBe('saml-role-provider-pair');
  });
  it('MaxSessionDuration without "the" is still the duration limit; "no longer has permission to called" names the action', () => {
    expect(live({ message: 'Requested DurationSeconds exceeds MaxSessionDuration set for this role.' })[0]).toBe('duration-exceeds-max');
    expect(parseError('the service role no longer has permission to called s3:GetBucketAcl').parsed.action).toBe('s3:GetBucketAcl');
  });
});

describe('AWS naming the VPC endpoint policy is as strong as naming any other policy type', () => {
  const refusal = 'An error occurred (AccessDeniedException) when calling the UpdateItem operation: User: arn:aws:sts::412345678901:assumed-role/orders-api/i-0c1d2e3f is not authorized to perform: dynamodb:UpdateItem on resource: arn:aws:dynamodb:eu-west-1:412345678901:table/Orders';
  const top = (message: string) => explain({ message }).causes[0];

  it('explicit or implicit, vpc-endpoint-policy-deny leads as likely (its low prior alone left it possible)', () => {
    for (const tail of [' with an explicit deny in a VPC endpoint policy', ' because no VPC endpoint policy allows the dynamodb:UpdateItem action']) {
      expect(top(refusal + tail)?.id).toBe('vpc-endpoint-policy-deny');
      expect(top(refusal + tail)?.status).toBe('likely');
    }
  });

  it('near miss: the same refusal naming no policy type leaves it below likely', () => {
    const e = explain({ message: `${refusal} because no identity-based policy allows the dynamodb:UpdateItem action` });
    expect(e.causes.find((c) => c.id === 'vpc-endpoint-policy-deny')?.status ?? 'absent').not.toBe('likely');
  });
});

describe('an expired presigned URL is its own cause, not only expired credentials', () => {
  const body = (extra: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message>${extra}<RequestId>7N1W0QK2M8D5C3B9</RequestId></Error>`;
  const ranked = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out');

  it('S3\'s "Request has expired" with the URL\'s X-Amz-Expires leads with s3-presigned-url-expired, expired-token kept below it', () => {
    const causes = ranked(body('<X-Amz-Expires>604800</X-Amz-Expires><Expires>2026-05-01T00:00:00Z</Expires><ServerTime>2026-05-03T09:12:44Z</ServerTime>'));
    expect(causes[0]?.id).toBe('s3-presigned-url-expired');
    expect(causes[0]?.status).toBe('likely');
    expect(causes[0]?.fix.commands[0]).toMatch(/^aws s3 presign s3:\/\//);
    expect(causes.map((c) => c.id)).toContain('expired-token');
  });

  it('a curl of the URL whose query carries X-Amz-Security-Token says temporary credentials signed it', () => {
    const url = 'curl -sS "https://reports-eu.s3.eu-west-1.amazonaws.com/q2.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20260501%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20260501T080000Z&X-Amz-Expires=43200&X-Amz-Security-Token=IQoJb3JpZ2luX2Vj&X-Amz-SignedHeaders=host&X-Amz-Signature=0f1e"';
    const top = ranked(`${url}\n${body('')}`)[0];
    expect(top?.id).toBe('s3-presigned-url-expired');
    expect(top?.evidence.map((e) => e.text).join(' ')).toContain('X-Amz-Security-Token');
  });

  it('near miss: an expired signature with no presigned URL in sight (clock skew, a replayed request) does not name it', () => {
    for (const message of [
      'An error occurred (AccessDenied) when calling the GetObject operation: Request has expired',
      'An error occurred (RequestExpired) when calling the DescribeInstances operation: Request has expired.',
      'An error occurred (ExpiredToken) when calling the ListBuckets operation: The provided token has expired.',
    ]) expect(explain({ message }).causes.map((c) => c.id)).not.toContain('s3-presigned-url-expired');
  });
});

describe('S3\'s AllAccessDisabled is a block no policy lifts', () => {
  it('leads with s3-all-access-disabled, as AWS\'s block, or as the store\'s own when the paste names an S3-compatible store', () => {
    const aws = explain({ message: 'download failed: s3://partner-drop-2019/exports/q1.csv to ./q1.csv An error occurred (AllAccessDisabled) when calling the GetObject operation: All access to this object has been disabled' });
    expect(aws.causes[0]?.id).toBe('s3-all-access-disabled');
    expect(aws.causes[0]?.status).toBe('likely');
    expect(aws.causes[0]?.evidence[0]?.text).toContain('AWS blocked it');
    const store = explain({ message: 'level=error msg="BackupStorageLocation \\"minio-backups\\" is unavailable: operation error S3: ListObjectsV2, https response error StatusCode: 403, RequestID: 1A2B3C, api error AllAccessDisabled: All access to this resource has been disabled."' });
    expect(store.causes[0]?.id).toBe('s3-all-access-disabled');
    expect(store.causes[0]?.evidence[0]?.text).toContain('names minio');
  });

  it('near miss: S3\'s ordinary Access Denied does not name it', () => {
    const e = explain({ message: 'download failed: s3://partner-drop-2019/exports/q1.csv to ./q1.csv An error occurred (AccessDenied) when calling the GetObject operation: Access Denied' });
    expect(e.causes.map((c) => c.id)).not.toContain('s3-all-access-disabled');
  });
});

describe('Cognito\'s "Unauthenticated access is not supported for this identity pool"', () => {
  it('leads with cognito-guest-access-disabled (the pool gives no guest identities; no IAM policy was read)', () => {
    for (const message of [
      'An error occurred (NotAuthorizedException) when calling the GetId operation: Unauthenticated access is not supported for this identity pool.',
      '[ERROR] 12:04.311 AuthError - NotAuthorizedException: Unauthenticated access is not supported for this identity pool.',
    ]) {
      const top = explain({ message }).causes[0];
      expect(top?.id).toBe('cognito-guest-access-disabled');
      expect(top?.status).toBe('likely');
    }
  });

  it('near miss: Cognito\'s pool-role refusal and other NotAuthorizedExceptions do not name it', () => {
    for (const message of [
      'InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool.',
      'An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: Incorrect username or password.',
    ]) expect(explain({ message }).causes.map((c) => c.id)).not.toContain('cognito-guest-access-disabled');
  });
});

describe('OptInRequired: the account has not subscribed, no policy was read', () => {
  it('leads with opt-in-required, naming the Marketplace terms or the Region when the message shows them', () => {
    const marketplace = explain({ message: 'An error occurred (OptInRequired) when calling the RunInstances operation: In order to use this AWS Marketplace product you need to accept terms and subscribe. To do so please visit https://aws.amazon.com/marketplace/pp?sku=0a9b8c7d6e5f4a3b2c1d0e9f8' });
    expect(marketplace.causes[0]?.id).toBe('opt-in-required');
    expect(marketplace.causes[0]?.evidence[0]?.text).toContain('Marketplace');
    expect(marketplace.causes[0]?.confirm.map((c) => c.command).join('\n')).toContain('aws ec2 describe-images');
    const go = explain({ message: 'Error: creating EC2 Instance: operation error EC2: RunInstances, https response error StatusCode: 401, RequestID: 5e6f, api error OptInRequired: You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.' });
    expect(go.parsed.errorCode).toBe('OptInRequired');
    expect(go.causes[0]?.id).toBe('opt-in-required');
    expect(go.causes[0]?.confirm.map((c) => c.command).join('\n')).not.toContain('describe-images');
  });

  it('near miss: an UnauthorizedOperation on RunInstances does not name it', () => {
    const e = explain({ message: 'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:iam::310987654321:user/dev is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:310987654321:instance/* because no identity-based policy allows the ec2:RunInstances action.' });
    expect(e.causes.map((c) => c.id)).not.toContain('opt-in-required');
  });
});
