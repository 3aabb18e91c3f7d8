/**
 * The AWS message wordings the parser knows, as data: one named shape per wording, each with a
 * real sample. Triggers are plain phrases (linear regexes); the handlers read the fields around a
 * trigger with bounded, position-anchored scans.
 */
import type { DecodedAuthorization, DenyKind, DenyPolicyType, ErrorSource, PrincipalType } from '../types.js';
import { KNOWN_ACTIONS, STS_OPS, isAuthishCode, isKnownCode, lastSegment, servicePrefix, snakeToOperation } from './codes.js';
import { isPlaceholder } from './redaction.js';
import { trimTrailing, type Flat } from './text.js';

export type ShapeFamily =
  | 'typed' | 'sts' | 'credentials' | 'web-identity' | 'kms' | 'ec2' | 'bare' | 'third-party'
  | 'validation' | 'mfa' | 'tooling' | 'cloudtrail' | 's3' | 'decoded';

export interface MessageShape {
  name: string;
  family: ShapeFamily;
  /** Corpus template number (NOTES.md) when there is one. */
  template?: string;
  description: string;
  /** A real message of this shape (from the corpus or AWS documentation). */
  sample: string;
  /** Higher = more specific wording; ties between errors in one paste go to the higher. */
  priority: number;
  /** IAM action implied by the wording when none is printed. */
  inferAction?: string;
  /** The caller type implied by the wording. */
  callerType?: PrincipalType;
}

export const SHAPES: MessageShape[] = [
  { name: 'user-not-authorized', family: 'typed', template: 'T01', priority: 10,
    description: 'User: X is not authorized to perform: A on resource: R (no policy-type tail)',
    sample: 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/aws-user is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/cross-account-assume-role' },
  { name: 'user-not-authorized-implicit', family: 'typed', template: 'T02', priority: 12,
    description: '… because no <type> policy allows the A action',
    sample: 'User: arn:aws:sts::321831419467:assumed-role/theme-park-backend-ThemeParkLambdaRole-APGEWB3D9EAH/theme-park-ridetimes is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-west-2:321831419467:table/heme-park-backend-DynamoDBTable-16JZ3N4IKS7MD because no identity-based policy allows the dynamodb:PutItem action' },
  { name: 'user-not-authorized-explicit-typed', family: 'typed', template: 'T03', priority: 12,
    description: '… with an explicit deny in a(n) <type> policy',
    sample: 'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:iam::<account-ID>:user/<username> is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::<bucket=-name>" with an explicit deny in a resource-based policy' },
  { name: 'user-not-authorized-explicit-arn', family: 'typed', template: 'T04', priority: 13,
    description: '… with an explicit deny in a <type>: <policy ARN> (newest format, optional console link)',
    sample: 'User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: iam:CreateInstanceProfile on resource: arn:aws:iam::123456789012:instance-profile/my-instance-profile with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy. Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/EXAMPLE1a2b3c4d5e' },
  { name: 'user-not-authorized-explicit', family: 'typed', template: 'T05', priority: 11,
    description: '… with an explicit deny (no policy type)',
    sample: 'An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: <USER> is not authorized to perform: <AWS_SERVICES:ACTION> on resource: * with an explicit deny' },
  { name: 'user-not-authorized-no-resource', family: 'typed', template: 'T06', priority: 9,
    description: 'User: X is not authorized to perform: A (no resource, no tail)',
    sample: 'The CloudFormation template is invalid: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: cloudformation:ValidateTemplate' },
  { name: 'role-trust-allows-typo', family: 'typed', template: 'T02', priority: 12,
    description: 'AWS doc typo: "because the role trust policy allows" (missing "no") — an implicit trust-policy denial',
    sample: 'User: arn:aws:sts::111122223333:assumed-role/role-name/role-session-name is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/role-name because the role trust policy allows the sts:AssumeRole action' },
  { name: 'third-party-not-authorized', family: 'third-party', template: 'T21', priority: 8,
    description: 'A tool names itself instead of a principal: "Datadog is not authorized to perform …", CodePipeline "… is not authorized to perform AssumeRole on role …"',
    sample: 'Datadog is not authorized to perform sts:AssumeRole' },
  { name: 'user-not-authorized-to-assume-role', family: 'typed', priority: 9, inferAction: 'sts:AssumeRole',
    description: 'STS as the Go SDK (Terraform\'s assume_role) prints it: "User: X is not authorized to assume role: R"',
    sample: 'AWS Error: AccessDenied: User: arn:aws:iam::123456789012:role/ci-runner\nis not authorized to assume role: arn:aws:iam::987654321098:role/terraform-deploy-role\n        status code: 403, request id: a1b2c3d4-...' },
  { name: 'not-authorized-to-access', family: 'typed', priority: 8,
    description: 'API Gateway / AppSync style: "User: X is not authorized to access this resource"',
    sample: 'User: arn:aws:sts::123456789012:assumed-role/app-role/session is not authorized to access this resource' },
  { name: 'lambda-function-url-forbidden', family: 'third-party', priority: 8, inferAction: 'lambda:InvokeFunctionUrl',
    description: 'A Lambda function URL (AuthType AWS_IAM or NONE) refusing the request: {"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: …/urls-auth.html"}; the function is the one ARN the paste names',
    sample: '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}\n# function arn:aws:lambda:eu-west-1:184620397715:function:report-api' },
  { name: 'sts-not-authorized', family: 'sts', template: 'T07', priority: 8,
    description: 'Not authorized to perform sts:AssumeRole[WithWebIdentity|WithSAML] (no caller, no target)',
    sample: 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity' },
  { name: 'unauthorized-to-call', family: 'typed', priority: 7,
    description: 'Controller summary: "unauthorized to call ec2:RunInstances" (Karpenter)',
    sample: 'unauthorized to call ec2:RunInstances\n... explicit deny in a service control policy ...' },
  { name: 'ec2-encoded-authorization', family: 'ec2', template: 'T08', priority: 6,
    description: 'EC2 "Encoded authorization failure message: <blob>"',
    sample: 'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: 2xtwL5wHCO2FRw3Ta6dIM8kAubKtckgvLsxB3cxhCs6hKp7zGQHD1vBVJkkaj9HDU_B_XrVYx0BfNyPuZPeSWa8onUTjAnvY8FFm5RGutfg' },
  { name: 'ec2-not-authorized', family: 'ec2', template: 'T09', priority: 5,
    description: 'EC2 "You are not authorized to perform this operation." with no blob (also as EKS and Auto Scaling relay it for a launch template: "You are not authorized to launch instances with this launch template")',
    sample: 'Resource handler returned message: "You are not authorized to perform this operation. (Service: Ec2, Status Code: 403, Request ID: 739745f0-4cfe-47d6-a622-c6e95615e17b, Extended Request ID: null)"' },
  { name: 'root-cannot-assume', family: 'sts', template: 'T10', priority: 9, inferAction: 'sts:AssumeRole', callerType: 'root',
    description: 'Roles may not be assumed by root accounts.',
    sample: 'An error occurred (AccessDenied) when calling the AssumeRole operation: Roles may not be assumed by root accounts.' },
  { name: 'invalid-token', family: 'credentials', template: 'T11', priority: 7,
    description: 'The security token included in the request is invalid',
    sample: 'Error: InvalidClientTokenId: The security token included in the request is invalid.\n\tstatus code: 403, request id: 86d1302f-64cb-427a-8824-296ab645b63c' },
  { name: 'expired-token', family: 'credentials', template: 'T12', priority: 7,
    description: 'The security token included in the request is expired (the calling credentials)',
    sample: "<class 'botocore.exceptions.ClientError'> An error occurred (ExpiredToken) when calling the AssumeRole operation: The security token included in the request is expired" },
  { name: 'web-identity-token-expired', family: 'web-identity', template: 'T12', priority: 7, inferAction: 'sts:AssumeRoleWithWebIdentity',
    description: 'STS on the web identity token (JWT) handed to AssumeRoleWithWebIdentity: "Token expired: current date/time N must be before the expiration date/time M", "Token too old: N" — the token, not the calling credentials, expired',
    sample: 'botocore.errorfactory.ExpiredTokenException: An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: Token expired: current date/time 1624482533 must be before the expiration date/time1624482335' },
  { name: 'invalid-access-key', family: 'credentials', priority: 7,
    description: 'The AWS Access Key Id you provided does not exist in our records.',
    sample: 'An error occurred (InvalidAccessKeyId) when calling the ListObjectsV2 operation: The AWS Access Key Id you provided does not exist in our records.' },
  { name: 'signature-mismatch', family: 'credentials', priority: 7,
    description: 'The request signature we calculated does not match the signature you provided.',
    sample: 'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.' },
  { name: 'auth-failure', family: 'credentials', priority: 7,
    description: 'EC2 AuthFailure: AWS was not able to validate the provided access credentials',
    sample: 'An error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to validate the provided access credentials' },
  { name: 'duration-exceeds-max', family: 'validation', template: 'T13', priority: 8,
    description: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    sample: 'botocore.exceptions.ClientError: An error occurred (ValidationError) when calling the AssumeRoleWithSAML operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' },
  { name: 'role-chaining-limit', family: 'validation', template: 'T13', priority: 8, inferAction: 'sts:AssumeRole',
    description: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    sample: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' },
  { name: 'region-disabled', family: 'sts', template: 'T14', priority: 8,
    description: 'STS is not activated in this region for account:N …',
    sample: 'com.amazonaws.services.securitytoken.model.RegionDisabledException: STS is not activated in this region for account:01234567890. Your account administrator can activate STS in this region using the IAM Console.' },
  { name: 'oidc-provider-missing', family: 'web-identity', template: 'T15', priority: 8, inferAction: 'sts:AssumeRoleWithWebIdentity',
    description: 'No OpenIDConnect provider found in your account for <issuer>',
    sample: 'caused by: InvalidIdentityToken: No OpenIDConnect provider found in your account for https://oidc.eks.eu-west-1.amazonaws.com/id/xxxx' },
  { name: 'oidc-audience-mismatch', family: 'web-identity', template: 'T15', priority: 8, inferAction: 'sts:AssumeRoleWithWebIdentity',
    description: 'Incorrect token audience',
    sample: 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience' },
  { name: 'oidc-jwks-unreachable', family: 'web-identity', template: 'T15', priority: 8, inferAction: 'sts:AssumeRoleWithWebIdentity',
    description: "Couldn't retrieve verification key from your identity provider",
    sample: "An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements" },
  { name: 'oidc-thumbprint', family: 'web-identity', priority: 8, inferAction: 'sts:AssumeRoleWithWebIdentity',
    description: "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint",
    sample: "InvalidIdentityToken: OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint" },
  { name: 'oidc-rejected-claim', family: 'web-identity', priority: 8, inferAction: 'sts:AssumeRoleWithWebIdentity',
    description: 'IDPRejectedClaim / missing or invalid claim in the web identity token',
    sample: 'An error occurred (IDPRejectedClaim) when calling the AssumeRoleWithWebIdentity operation: Token audience or subject is not valid' },
  { name: 'webidentity-err', family: 'web-identity', priority: 4, inferAction: 'sts:AssumeRoleWithWebIdentity',
    description: 'Go SDK v1 WebIdentityErr: failed to retrieve credentials',
    sample: 'E0416 12:40:46.016106       1 healthcheck.go:38] Controller health check failed: [ec2.DescribeTagsWithContext]: WebIdentityErr: failed to retrieve credentials' },
  { name: 'mfa-failed', family: 'mfa', template: 'T16', priority: 8,
    description: 'MultiFactorAuthentication failed …',
    sample: 'An error occurred (AccessDenied) when calling the GetSessionToken operation: MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user' },
  { name: 'kms-ciphertext-key', family: 'kms', template: 'T17', priority: 6,
    description: 'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.',
    sample: 'Caught an error: AccessDeniedException: The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.' },
  { name: 'kms-key-not-found', family: 'kms', priority: 5,
    description: 'A service reports that the KMS key it was told to use does not exist (a key ARN of another account or Region, or a deleted key)',
    sample: "Secrets Manager can't encrypt the secret value: Key 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: 5f6a7b8c)" },
  { name: 'kms-key-unusable-by-service', family: 'third-party', priority: 6,
    description: 'A service that encrypts its own resource with a KMS key under its service principal (CloudWatch Logs, SNS …) says the key does not exist or may not be used with that resource: the key policy does not allow the service, or the key ARN or Region is wrong. The resource named is what the call acted on',
    sample: "Error: creating CloudWatch Logs Log Group (vpc-flow-logs): AccessDeniedException: The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:logs:eu-west-2:1234567890:log-group:vpc-flow-logs'" },
  { name: 's3-acls-disabled', family: 's3', priority: 6,
    description: 'S3 refuses an ACL because the bucket enforces bucket-owner object ownership (AccessControlListNotSupported)',
    sample: 'An error occurred (AccessControlListNotSupported) when calling the PutObject operation: The bucket does not allow ACLs' },
  { name: 'malformed-token', family: 'credentials', priority: 6,
    description: 'S3 InvalidToken: the session token sent is malformed (cut short, from another Region that is opt-in, or stale)',
    sample: 'An error occurred (InvalidToken) when calling the ListBuckets operation: The provided token is malformed or otherwise invalid.' },
  { name: 'sso-session-expired', family: 'credentials', priority: 6,
    description: 'The CLI or an SDK has no valid IAM Identity Center (SSO) session for the profile: run aws sso login',
    sample: 'Error when retrieving token from sso: Token has expired and refresh failed\nThe SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.' },
  { name: 'no-credentials', family: 'credentials', priority: 2,
    description: 'The SDK or tool found no credentials at all (botocore NoCredentialsError, JS CredentialsProviderError, Go NoCredentialProviders / no EC2 IMDS role, Java and .NET provider chains, Terraform; docker\'s "no basic auth credentials" for an ECR registry): no request reached AWS',
    sample: 'botocore.exceptions.NoCredentialsError: Unable to locate credentials' },
  { name: 'kms-not-allowed', family: 'kms', template: 'T17', priority: 6,
    description: 'Access to KMS is not allowed (Lambda\'s environment variables), or Kinesis Video Streams\' KMS_KEY_ACCESS_DENIED fragment acknowledgement',
    sample: 'An error occurred (KMSAccessDeniedException) when calling the Invoke operation: Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function\'s KMS key settings. KMS Exception: AccessDeniedException KMS Message: Access to KMS is not allowed' },
  { name: 'kms-key-not-accessible', family: 'kms', priority: 6,
    description: 'A service that uses a KMS key with the caller\'s permissions says the key is not accessible: "The specified KMS key [<key>] does not exist, is not enabled or you do not have permissions to access it" (RDS, Neptune, DocumentDB: KMSKeyNotAccessibleFault), EC2\'s "Given key ID is not accessible. You must have DescribeKey permissions on the default CMK" (a snapshot or AMI copy)',
    sample: 'com.amazonaws.services.neptune.model.KMSKeyNotAccessibleException: The specified KMS key [arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab] does not exist, is not enabled or you do not have permissions to access it. (Service: AmazonNeptune; Status Code: 400; Error Code: KMSKeyNotAccessibleFault; Request ID: 5f6a7b8c; Proxy: null)' },
  { name: 'passrole-insufficient-privileges', family: 'typed', priority: 6, inferAction: 'iam:PassRole',
    description: 'Elastic Beanstalk\'s refusal of the role it was given: "Insufficient privileges for IAM PassRole Action." (InsufficientPrivilegesException): the caller may not pass that role, or the value is not a role ARN',
    sample: '"errorCode": "InsufficientPrivilegesException",\n"errorMessage": "Insufficient privileges for IAM PassRole Action."' },
  { name: 'access-denied-bare', family: 'bare', template: 'T18', priority: 1,
    description: 'bare "Access Denied" / "Forbidden"',
    sample: 'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied' },
  { name: 'cdk-could-not-assume', family: 'tooling', template: 'T19', priority: 7, inferAction: 'sts:AssumeRole',
    description: "CDK: current credentials could not be used to assume '<role>' … Proceeding anyway.",
    sample: "credentials returned by plugin 'AssumeRoleCredentialPlugin' could not be used to assume 'arn:aws:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-us-east-2', but are for the right account. Proceeding anyway." },
  { name: 'terraform-cannot-assume', family: 'tooling', priority: 6, inferAction: 'sts:AssumeRole',
    description: 'Terraform AWS provider: IAM Role (<arn>) cannot be assumed.',
    sample: 'IAM Role (arn:aws:iam::527336378561:role/root) cannot be assumed.' },
  { name: 'cfn-no-permission-to-call', family: 'tooling', template: 'T20', priority: 7,
    description: "CloudFormation: AccessDenied. User doesn't have permission to call ssm:GetParameters",
    sample: "An error occurred (ValidationError) when calling the CreateStack operation: AccessDenied. User doesn't have permission to call ssm:GetParameters" },
  { name: 'cfn-handler-access-denied', family: 'tooling', priority: 5,
    description: "CloudFormation's resource handler: \"Access denied for operation 'AWS::<Service>::<Type>'.\" (its HandlerErrorCode is the code; the refused IAM action is not printed)",
    sample: "Resource handler returned message: \"Access denied for operation 'AWS::QuickSight::Analysis'.\" (RequestToken: 83651e40-2cdd-12cd-adba-70a1d098b942, HandlerErrorCode: AccessDenied)" },
  { name: 'cognito-role-forbidden', family: 'third-party', template: 'T21', priority: 6,
    description: "Cognito: Access to Role '…' is forbidden.",
    sample: '"message": "Access to Role \'my-stack-SomeRole-KBKHTR8P6UC2\' is forbidden.",\n"code": "NotAuthorizedException",' },
  { name: 'service-cannot-assume-role', family: 'third-party', priority: 7,
    description: 'A service cannot assume the role handed to it: "The role defined for the function cannot be assumed by Lambda.", "ECS was unable to assume the role \'…\' that was provided for this task.", Amplify\'s "Unable to assume specified IAM Role." (sts:AssumeRole when the wording names the role or the service principal)',
    sample: 'An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The role defined for the function cannot be assumed by Lambda.' },
  { name: 'service-cannot-invoke-function', family: 'third-party', priority: 7, inferAction: 'lambda:InvokeFunction',
    description: 'A service checked that it may invoke the Lambda function it was given and may not: Secrets Manager\'s rotation ("cannot invoke the specified Lambda function"), CloudWatch Logs\' subscription filter ("Could not execute the lambda function"). Only the function\'s resource-based policy can allow the service principal (read by causes/service-use)',
    sample: 'An error occurred (AccessDeniedException) when calling the RotateSecret operation: Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.' },
  { name: 'ec2-client-error-on-launch', family: 'third-party', priority: 5,
    description: 'EC2 stops a launching instance with the state reason "Client.InternalError: Client error on launch": the launcher (or Auto Scaling\'s service-linked role) may not use the KMS key of an encrypted EBS volume (kms:CreateGrant and the key\'s use; read by causes/service-use)',
    sample: '"StateReason": {\n    "Code": "Client.InternalError",\n    "Message": "Client.InternalError: Client error on launch"\n}' },
  { name: 'codecommit-git-forbidden', family: 'third-party', priority: 5,
    description: 'git over HTTPS to CodeCommit answered 403: the Git credentials sent are not accepted for the repository (stale credentials a credential manager or the macOS Keychain kept, another user\'s, no credential helper) or the identity may not codecommit:GitPull / GitPush it. The action follows the git command when the paste shows it',
    sample: "$ git clone https://git-codecommit.us-east-2.amazonaws.com/v1/repos/MyDemoRepo\nCloning into 'MyDemoRepo'...\nfatal: unable to access 'https://git-codecommit.us-east-2.amazonaws.com/v1/repos/MyDemoRepo/': The requested URL returned error: 403" },
  { name: 'efs-mount-access-denied', family: 'third-party', priority: 5, inferAction: 'elasticfilesystem:ClientMount',
    description: 'Amazon EFS mount (mount -t efs, the EFS mount helper\'s local TLS tunnel at 127.0.0.1): "mount.nfs4: access denied by server while mounting …" — IAM authorization refused elasticfilesystem:ClientMount (the file system policy or the identity\'s policies), not a network failure. A plain NFS server\'s same words are not read',
    sample: "$ sudo mount -t efs -o tls,iam fs-0123456789abcdef0:/ /mnt/efs\nb'mount.nfs4: access denied by server while mounting 127.0.0.1:/'" },
  { name: 'gha-assume-role-failed', family: 'tooling', priority: 1,
    description: 'aws-actions/configure-aws-credentials: "Could not assume role with OIDC | web identity token file | user credentials: <message>" — its STS call failed; STS\'s message, when it is a known wording, is read by that wording',
    sample: 'Error: Could not assume role with web identity token file: Unable to validate tags' },
  { name: 'sdk-param-validation', family: 'validation', priority: 5,
    description: 'The Go SDK v1 refusing an STS call before sending it: "InvalidParameter: N validation error(s) found." with the input field it names (`AssumeRoleWithSAMLInput.PrincipalArn`)',
    sample: 'FATAL Error getting credentials: InvalidParameter: 1 validation error(s) found.\n- minimum field size of 20, AssumeRoleWithSAMLInput.PrincipalArn.' },
  { name: 'cognito-pool-role-untrusted', family: 'third-party', priority: 6, inferAction: 'sts:AssumeRoleWithWebIdentity',
    description: 'Cognito identity pools: "Invalid identity pool configuration. Check assigned IAM roles for this pool." — a role the pool hands out does not trust cognito-identity.amazonaws.com for this pool (its trust\'s cognito-identity.amazonaws.com:aud condition names another pool, or the role trusts another principal)',
    sample: 'InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool.' },
  { name: 'redshift-cannot-assume-role', family: 'third-party', priority: 7, inferAction: 'sts:AssumeRole',
    description: 'Redshift (COPY, UNLOAD, Spectrum) cannot assume the IAM role the statement names for the database user: "User <dbuser ARN> is not authorized to assume IAM Role <role ARN>"',
    sample: 'error: User arn:aws:redshift:us-east-2:123456789012:dbuser:my-cluster/my-user is not authorized to assume IAM Role arn:aws:iam::123456789012:role/MySpectrumRole' },
  { name: 'codebuild-source-denied', family: 'third-party', priority: 7, inferAction: 's3:GetObject',
    description: 'CodeBuild cannot download the build\'s source from S3 with its service role: "AccessDenied: Access Denied for primary source and source version <S3 object ARN>" (s3:GetObject on the source object)',
    sample: 'CLIENT_ERROR: AccessDenied: Access Denied for primary source and source version arn:aws:s3:::my-source-bucket/source.zip' },
  { name: 'event-source-stream-unreadable', family: 'third-party', priority: 7,
    description: 'Lambda creating an event source mapping cannot read the stream with the execution role: "Cannot access stream <ARN>. Please ensure the role can perform the GetRecords, … Actions on your stream in IAM." (the action is the first one listed, in the stream\'s service)',
    sample: 'An error occurred (InvalidParameterValueException) when calling the CreateEventSourceMapping operation: Cannot access stream arn:aws:dynamodb:us-east-2:123456789012:table/orders/stream/2026-01-05T10:00:00.000. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.' },
  { name: 'sts-request-arn-invalid', family: 'validation', template: 'T22', priority: 7,
    description: 'STS ValidationError: Request ARN is invalid / Principal ARN is invalid (a role or provider ARN the call passed is malformed)',
    sample: 'botocore.exceptions.ClientError: An error occurred (ValidationError) when calling the AssumeRoleWithSAML operation: Request ARN is invalid' },
  { name: 'sts-validation-errors', family: 'validation', template: 'T22', priority: 6,
    description: 'STS ValidationError: N validation error(s) detected …',
    sample: "An error occurred (ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value 'deploy/feature/checkout-v2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*" },
  { name: 'packed-policy-too-large', family: 'sts', priority: 8,
    description: 'PackedPolicyTooLarge: session policies and tags exceed the packed size limit',
    sample: 'An error occurred (PackedPolicyTooLarge) when calling the AssumeRole operation: Packed policy consumes 112% of allotted space, please use smaller policy.' },
  { name: 'gha-credentials-not-loaded', family: 'tooling', priority: 3,
    description: 'configure-aws-credentials: Credentials could not be loaded (often a missing id-token permission)',
    sample: 'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers' },
  { name: 'gha-id-token-permission', family: 'tooling', priority: 3,
    description: 'configure-aws-credentials: Did you mean to set the id-token permission?',
    sample: 'It looks like you might be trying to authenticate with OIDC. Did you mean to set the id-token permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.' },
  { name: 'saml-invalid-response', family: 'sts', priority: 8, inferAction: 'sts:AssumeRoleWithSAML',
    description: 'AssumeRoleWithSAML: Your request included an invalid SAML response',
    sample: 'An error occurred (ValidationError) when calling the AssumeRoleWithSAML operation: Your request included an invalid SAML response. To logout, click here.' },
  { name: 'console-switch-role-invalid', family: 'sts', priority: 5, inferAction: 'sts:AssumeRole',
    description: 'Console switch role: Invalid information in one or more fields (trust, external id or MFA condition not met)',
    sample: 'Invalid information in one or more fields. Check your information or contact your administrator.' },
  { name: 'console-permissions-panel', family: 'typed', priority: 12,
    description: 'The AWS Management Console\'s copyable "You need permissions" panel: labeled fields "User: X", "Action: A" (or "Service: S" and "Action: Op" apart), "On resource(s): R", "Context: no <type> policy allows the action" / "<type> explicitly denies the action"; it prints no error code',
    sample: 'You need permissions\nYou don\'t have permission to bedrock:InvokeModelWithResponseStream.\nTo request access, copy the following text and send it to your AWS administrator.\nUser: arn:aws:sts::123456789012:assumed-role/AssumedDevRole/DevUserName\nAction: bedrock:InvokeModelWithResponseStream\nOn resource(s): arn:aws:bedrock:eu-west-3::foundation-model/amazon.nova-pro-v1:0\nContext: a service control policy explicitly denies the action' },
  { name: 'user-not-authorized-truncated', family: 'typed', template: 'T01', priority: 7,
    description: 'A typed denial cut off by the tool that printed it: "User: X is not a (truncated...)", or a JSON error body cut inside its message ({"__type":"AccessDeniedException","Message":"User: X is not)',
    sample: 'Error executing "Scan" on "https://dynamodb.ap-southeast-1.amazonaws.com"; AWS HTTP error: Client error: `POST https://dynamodb.ap-southeast-1.amazonaws.com` resulted in a `400 Bad Request` response:\n{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User: arn:aws:iam::893977949585:user/abc is not a (truncated...)' },
  { name: 'deny-context-only', family: 'bare', template: 'T02', priority: 2,
    description: 'Only the context tail survived the paste: "because no <type> policy allows the A action" / "with an explicit deny in a <type> policy"',
    sample: 'source: arn:aws:iam::143384653512:role/PowerTunerWebsiteStack because no permissions boundary allows the iam:CreateRole action' },
  { name: 'sqs-access-denied', family: 'typed', priority: 6,
    description: 'SQS: Access to the resource <queue URL> is denied.',
    sample: '{"message": "Access to the resource https://sqs.eu-west-1.amazonaws.com/ is denied.", "code": "AccessDenied", "statusCode": 403}' },
  { name: 'cloudtrail-delivery-access-denied', family: 'third-party', priority: 6, inferAction: 's3:PutObject',
    description: 'CloudTrail cannot deliver log files to its bucket: `aws cloudtrail get-trail-status` shows "LatestDeliveryError": "AccessDenied" (cloudtrail.amazonaws.com\'s s3:PutObject refused by the bucket policy, an RCP or the bucket\'s settings)',
    sample: '{\n    "IsLogging": true,\n    "LatestDeliveryError": "AccessDenied",\n    "LatestDeliveryAttemptTime": "2026-11-30T11:05:40Z"\n}' },
  { name: 's3-notification-destination-unvalidated', family: 'third-party', priority: 6,
    description: 'S3 event notifications: S3 could not confirm it may deliver to the Lambda function, SNS topic or SQS queue (the destination\'s resource policy does not allow s3.amazonaws.com)',
    sample: 'An error occurred (InvalidArgument) when calling the PutBucketNotificationConfiguration operation: Unable to validate the following destination configurations' },
  { name: 'dotnet-error-making-request', family: 'bare', template: 'T18', priority: 3,
    description: '.NET SDK: Error making request with Error Code Forbidden and Http Status Code Forbidden (no body from the service)',
    sample: 'Amazon.S3.AmazonS3Exception: Error making request with Error Code Forbidden and Http Status Code Forbidden. No further error information was returned by the service.' },
  { name: 'js-sdk-unknown-403', family: 'bare', priority: 3,
    description: 'JS SDK v3: a 403 whose response has no error body (HEAD requests such as S3 HeadObject / HeadBucket): the error is named after the status, name "403" (printed "403: UnknownError"), message "UnknownError"',
    sample: '{\n    "name": "403",\n    "$fault": "client",\n    "$metadata": {\n        "httpStatusCode": 403,\n        "requestId": "XXXXX",\n        "attempts": 1,\n        "totalRetryDelay": 0\n    },\n    "message": "UnknownError"\n}' },
  { name: 'cognito-unauthenticated-not-supported', family: 'third-party', priority: 6,
    description: 'Cognito identity pool: Unauthenticated access is not supported for this identity pool.',
    sample: 'NotAuthorizedException: Unauthenticated access is not supported for this identity pool.' },
  { name: 'sso-session-invalid', family: 'credentials', priority: 6,
    description: 'IAM Identity Center: Session token not found or invalid',
    sample: 'An error occurred (UnauthorizedException) when calling the GetRoleCredentials operation: Session token not found or invalid' },
  { name: 'registry-token-expired', family: 'credentials', priority: 6,
    description: 'Amazon ECR (docker, containerd, finch): the registry login token from ecr:GetAuthorizationToken is past its 12 hours',
    sample: 'denied: Your authorization token has expired. Reauthenticate and try again.' },
  { name: 'apigw-missing-auth-token', family: 'third-party', priority: 5, inferAction: 'execute-api:Invoke',
    description: 'API Gateway\'s 403 body {"message":"Missing Authentication Token"}: no deployed resource, method or stage matches the URL (API Gateway does not say which paths exist), or an IAM-authorized method got an unsigned request',
    sample: '{"message":"Missing Authentication Token"}' },
  { name: 'kms-key-state', family: 'kms', priority: 6,
    description: 'KMS refuses a key for its state, naming the key: "<key ARN> is pending deletion." (KMSInvalidStateException), "<key ARN> is disabled." (DisabledException)',
    sample: 'An error occurred (KMSInvalidStateException) when calling the Decrypt operation: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab is pending deletion.' },
  { name: 'stackset-execution-role-untrusted', family: 'sts', priority: 7, inferAction: 'sts:AssumeRole',
    description: 'CloudFormation StackSets (self-managed): the administration role could not assume the execution role in a target account (the role is missing there, or its trust does not name the administrator)',
    sample: "Account 111122223333 should have 'AWSCloudFormationStackSetExecutionRole' role with trust relationship to Role 'AWSCloudFormationStackSetAdministrationRole'." },
  { name: 'k8s-unauthorized', family: 'credentials', priority: 4,
    description: 'kubectl against EKS: the cluster did not accept the IAM identity behind the token (no access entry / aws-auth mapping, or the token was for another identity)',
    sample: 'kubectl get svc\nerror: You must be logged in to the server (Unauthorized)' },
  { name: 'k8s-forbidden', family: 'third-party', priority: 6,
    description: 'kubectl against EKS: the cluster knows the IAM identity but Kubernetes authorization (an EKS access policy or RBAC) does not let it do this: Error from server (Forbidden): <resource> is forbidden: User "<identity>" cannot <verb> resource …',
    sample: 'Error from server (Forbidden): pods is forbidden: User "arn:aws:sts::123456789012:assumed-role/eks-dev/alice" cannot list resource "pods" in API group "" in the namespace "payments"' },
  { name: 's3-all-access-disabled', family: 'bare', priority: 4,
    description: 'S3 AllAccessDisabled: All access to this resource has been disabled (bucket or account suspended, or S3-compatible store blocking access)',
    sample: 'operation error S3: ListObjectsV2, https response error StatusCode: 403, RequestID: 17D0850741E9E650, api error AllAccessDisabled: All access to this resource has been disabled.' },
  { name: 'sts-session-credentials', family: 'sts', priority: 7,
    description: 'STS: Cannot call GetSessionToken / GetFederationToken with session credentials (temporary credentials where an IAM user\'s long-term keys are needed)',
    sample: 'Amazon.SecurityToken.AmazonSecurityTokenServiceException: Cannot call GetSessionToken with session credentials' },
  { name: 'cfn-api-access-denied', family: 'tooling', priority: 5,
    description: 'CloudFormation resource event: API: <service>:<Action> Access Denied (or a resource handler\'s Access denied for operation \'<service>:<Action>\')',
    sample: 'API: s3:PutBucketPolicy Access Denied' },
  { name: 'cfn-ssm-parameter-unreadable', family: 'tooling', priority: 5, inferAction: 'ssm:GetParameters',
    description: 'CloudFormation: Unable to fetch parameters [<names>] from parameter store for this account (the stack\'s caller may not read the SSM parameter, or it does not exist)',
    sample: 'unable to fetch parameters (/DataQuality/S3/ArtifactsBucket) from parameter store for this account' },
  { name: 'saml-provider-missing', family: 'sts', priority: 8, inferAction: 'sts:AssumeRoleWithSAML',
    description: 'SAML sign-in: the provider the assertion names does not match a SAML provider in IAM ("Specified provider doesn\'t exist.")',
    sample: 'Error: Specified provider doesn\'t exist.' },
  { name: 'secret-default-key-cross-account', family: 'kms', priority: 7, inferAction: 'secretsmanager:GetSecretValue',
    description: 'Secrets Manager: a secret encrypted with the AWS managed key aws/secretsmanager read from another account',
    sample: "You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key." },
  { name: 'code-after-message', family: 'bare', priority: 1,
    description: 'A tool prints its own sentence, then the service\'s code: "Unable to download certificate from S3. AccessDenied"',
    sample: 'Unable to download certificate from S3. AccessDenied' },
  { name: 'insufficient-permissions-sentence', family: 'bare', priority: 1,
    description: 'A service says in its own words that a role or user lacks permissions: "The provided role does not have sufficient permissions", "… does not have access to …", "You do not have sufficient access to perform this action", "Insufficient Lake Formation permissions on …"',
    sample: 'Deployment failed. The provided role does not have sufficient permissions: Service:AmazonElasticLoadBalancing' },
  { name: 'service-relayed-refusal', family: 'third-party', priority: 6,
    description: 'A service relays another service\'s refusal of a call it made with the caller\'s credentials, naming the service and the operation: Lambda "Your access has been denied by EC2, please make sure your request credentials have permission to DescribeSecurityGroups for sg-…" (the action is that service\'s operation)',
    sample: 'An error occurred (AccessDeniedException) when calling the CreateFunction operation: Your access has been denied by EC2, please make sure your request credentials have permission to DescribeSubnets for subnet-0a1b2c3d. EC2 Error Code: UnauthorizedOperation. EC2 Error Message: You are not authorized to perform this operation.' },
  { name: 'sdk-error-value', family: 'credentials', priority: 1,
    description: 'The Rust SDK prints the service error as a value: `Error { code: "…", message: "…", aws_request_id: "…" }` (ErrorMetadata\'s Display), `ErrorMetadata { code: Some("…"), message: Some("…"), … }` or `ServiceError { source: Code(Code { message: Some("…"), … }) }` (Debug), only `unhandled error (Code)`, or an `OpError { kind: Unhandled(…) }` with no code whose raw response says 403',
    sample: '5: Error { code: "AccessDeniedException", message: "User is not authorized to make this call.", aws_request_id: "3f0a9c2e-7b1d-4e55-a6c8-0d9e8f7a6b5c" }' },
  { name: 'fluent-bit-api-error', family: 'credentials', priority: 3,
    description: 'The fluent-bit C output plugins (cloudwatch_logs, kinesis_firehose, kinesis_streams) print only the operation and the code the service answered: `CreateLogGroup API responded with error=\'AccessDeniedException\'` (no message, caller or resource)',
    sample: '[2021/05/12 19:36:11] [error] [output:cloudwatch_logs:cloudwatch_logs.0] CreateLogGroup API responded with error=\'AccessDeniedException\'' },
  { name: 'xml-error-element', family: 'credentials', priority: 0,
    description: 'A REST-XML error body whose root element is the code itself, as .NET\'s AmazonUnmarshallingException prints it: `<AccessDeniedException><Message>…</Message></AccessDeniedException>`',
    sample: 'Response Body: <AccessDeniedException>\n  <Message>The request was rejected by the authorization layer</Message>\n</AccessDeniedException>' },
  { name: 'generic-auth-error', family: 'credentials', priority: 0,
    description: 'Any other message printed with an authorization error code (CLI, Go SDK, `Code: message`)',
    sample: 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithSAML operation: Response signature invalid' },
  { name: 'decoded-authorization-message', family: 'decoded', priority: 14,
    description: 'What `aws sts decode-authorization-message` prints for an encoded failure: allowed, explicitDeny, the matched statements and the request context (principal, action, resource, condition values); as the CLI\'s JSON, `--query DecodedMessage --output text`, through `jq .`, or in boto3\'s response dict (docs/decisions/024)',
    sample: '{"allowed":false,"explicitDeny":true,"matchedStatements":{"items":[{"statementId":"VisualEditor0","effect":"DENY","principals":{"items":[{"value":"AROA123456789EXAMPLE"}]},"principalGroups":{"items":[]},"actions":{"items":[{"value":"ec2:RunInstances"}]},"resources":{"items":[{"value":"*"}]},"conditions":{"items":[]}}]},"failures":{"items":[]},"context":{"principal":{"id":"AROA123456789EXAMPLE:Ana","arn":"arn:aws:sts::111122223333:assumed-role/Developer/Ana"},"action":"RunInstances","resource":"arn:aws:ec2:us-east-1:111122223333:instance/*","conditions":{"items":[{"key":"ec2:InstanceType","values":{"items":[{"value":"t2.micro"}]}},{"key":"aws:Region","values":{"items":[{"value":"us-east-1"}]}},{"key":"aws:Service","values":{"items":[{"value":"ec2"}]}}]}}}' },
  { name: 'cloudtrail-event', family: 'cloudtrail', priority: 5,
    description: 'A CloudTrail event record with errorCode/errorMessage',
    sample: '{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111111111111:assumed-role/pipeline-role/ci"},"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"us-east-1","errorCode":"AccessDenied","errorMessage":"An unknown error occurred","requestParameters":{"roleArn":"arn:aws:iam::222222222222:role/deploy-role","roleSessionName":"ci"},"requestID":"3f1c2b9e-1111-2222-3333-444455556666"}' },
];

export const SHAPE_BY_NAME = new Map(SHAPES.map((s) => [s.name, s]));

// ───────────────────────────── hits ─────────────────────────────

/** One recognized wording in the flattened text. */
export interface Hit {
  shape: string;
  start: number;
  end: number;
  action: string | null;
  actionRedacted: boolean;
  callerRaw: string | null;
  targetRaw: string | null;
  denyKind: DenyKind;
  policyType: DenyPolicyType | null;
  policyArn: string | null;
  encoded: string | null;
  /** errorCode printed by the record itself (CloudTrail's errorCode). */
  code: string | null;
  /** errorCode inside the wording, used when no envelope prints one (CloudFormation `AccessDenied. User …`). */
  fallbackCode?: string | null;
  /** The target's account where its ARN holds none (an S3 bucket's owner in a CloudTrail event's resources). */
  targetAccount?: string | null;
  operation: string | null;
  service: string | null;
  region: string | null;
  requestId: string | null;
  /** What a decoded authorization message says (decoded.ts); only on its own hits. */
  decoded?: DecodedAuthorization;
  /** The tool that printed it, when the hit itself tells (a decoded message in boto3's response dict). */
  source?: ErrorSource;
}

function newHit(shape: string, start: number, end: number): Hit {
  return {
    shape, start, end, action: null, actionRedacted: false, callerRaw: null, targetRaw: null,
    denyKind: 'unknown', policyType: null, policyArn: null, encoded: null, code: null, operation: null,
    service: null, region: null, requestId: null,
  };
}

const TYPE_PHRASE = String.raw`(identity-based polic(?:y|ies)|resource-based polic(?:y|ies)|role trust polic(?:y|ies)|trust polic(?:y|ies)|service control polic(?:y|ies)|resource control polic(?:y|ies)|permissions? boundar(?:y|ies)(?: polic(?:y|ies))?|sessions? polic(?:y|ies)|VPC endpoint polic(?:y|ies)|identity polic(?:y|ies)|resource polic(?:y|ies))`;

export function policyTypeOf(phrase: string): DenyPolicyType | null {
  const p = phrase.toLowerCase();
  if (p.startsWith('identity')) return 'identity-based';
  if (p.startsWith('resource-based') || p.startsWith('resource polic')) return 'resource-based';
  if (p.startsWith('role trust') || p.startsWith('trust')) return 'role-trust';
  if (p.startsWith('service control')) return 'service-control';
  if (p.startsWith('resource control')) return 'resource-control';
  if (p.startsWith('permission')) return 'permissions-boundary';
  if (p.startsWith('session')) return 'session';
  if (p.startsWith('vpc')) return 'vpc-endpoint';
  return null;
}

const TAIL_IMPLICIT = new RegExp(String.raw`\.? ?because no ${TYPE_PHRASE}(?: (?:allows?|allow access)(?: the [^ ]{1,200} action)?)?`, 'iy');
const TAIL_TRUST_TYPO = /\.? ?because the role trust policy allows(?: the [^ ]{1,200} action)?/iy;
const TAIL_EXPLICIT = new RegExp(String.raw`\.? ?with an explicit deny in (?:a |an |the )?${TYPE_PHRASE}(?: transitively through (?:a |an |the )?${TYPE_PHRASE})?`, 'iy');
const TAIL_EXPLICIT_BARE = /\.? ?with an explicit deny\b/iy;
/**
 * A bare `with an explicit deny` that goes on to name the other kind as well (`… or missing permission: sts:TagSession`,
 * `… / no identity-based policy allows this action`): a guide's either-or, not AWS reporting an explicit deny.
 */
const TAIL_EITHER_KIND = / ?(?:or|\/) (?:an? )?(?:missing permission|implicit deny|no [a-z]{1,12}(?:-[a-z]{1,12})? policy allows)/iy;
const TAIL_OTHER = /\.? ?because (?:public (?:ACLs|policies) are prevented by the \w{1,40} setting in S3 Block Public Access|this bucket has blocked upload requests that specify Server Side Encryption with Customer provided keys \(SSE-C\)|the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access)/iy;
const POLICY_ARN_AFTER = /: ?([^\s"'\\<>]{1,400})/y;
const CONSOLE_LINK = /\.? ?Go to (https?:\/\/[^\s"'\\<>]{1,600})/iy;

/** A Java exception class leading a log line: `com.amazonaws.services.s3.model.AmazonS3Exception: `. */
const EXCEPTION_CLASS = /^[A-Za-z0-9_.$]{1,200}(?:Exception|Error): /;
const IAM_ENTITY_WORD = /^(?:role|user|group)$/;
const IAM_ENTITY_NAME = /^ ([\w+=,.@-]{1,128})(?=[\s.,;)]|$)/;
const ACTION_RE = /^[a-z0-9][a-z0-9-]{0,40}:[A-Za-z0-9*][A-Za-z0-9*_-]{0,120}$/i;
const STOP = new Set(['on', 'because', 'with', 'for', 'and', 'in', 'to', 'the', 'at', 'when', 'status', 'from', 'by', 'as', 'or', 'is', 'error', 'action', 'operation']);

/** Read a whitespace-delimited token at p (p at a non-space). Returns [token, endIndex]. */
function tokenAt(s: string, p: number, max = 1000): [string, number] {
  let e = p;
  const lim = Math.min(s.length, p + max);
  while (e < lim && s.charCodeAt(e) !== 32) e++;
  return [s.slice(p, e), e];
}

/** botocore's "An error occurred (C) when calling the Op operation: " or Go v2's "api error C: ", ending a prefix. */
const ENVELOPE_BEFORE_G = /(?:(?:An [Ee]rror occur?red \(([^()\s]{1,100})\)|A client error \(([^()\s]{1,100})\) occurred)(?: \(reached max retries: \d{1,3}\))? when calling the [A-Za-z0-9]{1,100} operation(?: \(reached max retries: \d{1,3}\))?|\bapi error ([A-Za-z][A-Za-z0-9.]{1,100})): /g;

/** Codes by which a service refuses the caller's own call (not a validation code about a role it was handed). */
const REFUSAL_CODE = /AccessDenied|Unauthori[sz]ed|NotAuthorized|Forbidden|InsufficientPermission/;

/**
 * The end of the last SDK envelope in s[from, to) (a short prefix of one line) whose code refuses the caller's own
 * call, else `from`: after such an envelope the service's sentence is the message and the envelope's operation the
 * refused call. A validation code (InvalidParameterValueException: "The provided execution role does not have
 * permissions to call …") reports an onward call the envelope's operation is not, and stays part of the sentence;
 * that code is still the one the service answered with (`code`).
 */
function afterLastEnvelope(s: string, from: number, to: number): { at: number; code: string | null } {
  if (to - from < 12) return { at: from, code: null };
  const pre = s.slice(from, to);
  let at = from;
  let code: string | null = null;
  ENVELOPE_BEFORE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENVELOPE_BEFORE_G.exec(pre)) !== null) {
    const c = m[1] ?? m[2] ?? m[3] ?? '';
    if (REFUSAL_CODE.test(c)) { at = from + m.index + m[0].length; code = null; } else code = /^[A-Za-z]/.test(c) ? c : null; // a bare HTTP status (403) is not a code
  }
  ENVELOPE_BEFORE_G.lastIndex = 0;
  return { at, code };
}

function skipSpaces(s: string, p: number): number {
  while (p < s.length && s.charCodeAt(p) === 32) p++;
  return p;
}

function sticky(re: RegExp, s: string, p: number): RegExpExecArray | null {
  re.lastIndex = p;
  const m = re.exec(s);
  re.lastIndex = 0;
  return m;
}

/** Remove trailing sentence punctuation from an action token. */
function trimAction(t: string): string {
  // a trailing backslash is the first half of an escape whose second half a line break or an unescape took
  // (`…perform: route53:ListHostedZones\` + a line break, from a log's `\\n\\t`): never part of an action
  return trimTrailing(t.replace(/^[("'`{[]+/, ''), '.,;:)"\'`]}\\');
}

/** Read an IAM action at p, re-joining words a terminal or a thread split. */
export function readAction(f: Flat, p: number): { action: string | null; raw: string; end: number; redacted: boolean } {
  const s = f.s;
  let [tok, e] = tokenAt(s, p, 300);
  // "cloudforma\ntion:DescribeStacks": a break inside the action
  if (!tok.includes(':') && e < s.length && f.nl[e] === 1) {
    const [next, e2] = tokenAt(s, e + 1, 300);
    if (/^[A-Za-z0-9-]{0,40}:[A-Za-z*]/.test(next) && /^[a-z0-9-]{1,40}$/.test(tok)) {
      tok = tok + next;
      e = e2;
    }
  }
  // "sts:GetCallerIde ntity": a space injected mid-word
  if (tok.includes(':') && e < s.length) {
    const [next, e2] = tokenAt(s, e + 1, 40);
    const frag = trimTrailing(next, '.,;:');
    if (/^[A-Za-z]{1,30}$/.test(frag) && !STOP.has(frag)) {
      const joined = trimAction(tok) + frag;
      if (KNOWN_ACTIONS.has(joined.toLowerCase())) {
        tok = trimTrailing(tok, '.,;:') + next;
        e = e2;
      }
    }
  }
  // the end of a JSON string (`…perform: route53:ListHostedZonesByName","time":…`): an action holds no quote
  let lead = 0;
  while (lead < tok.length && /[("'`{[]/.test(tok[lead] as string)) lead++;
  const q = tok.indexOf('"', lead + 1);
  if (q > lead && tok.includes(':', lead) && tok.indexOf(':', lead) < q) {
    e -= tok.length - q;
    tok = tok.slice(0, q);
  }
  const raw = tok;
  const t = trimAction(tok);
  if (ACTION_RE.test(t)) return { action: t, raw, end: e, redacted: false };
  if (STS_OPS.has(t)) return { action: `sts:${t}`, raw, end: e, redacted: false };
  const redacted = /[<>{}[\]]|\*{2,}|x{3,}|\.\.\./i.test(t);
  return { action: null, raw, end: e, redacted };
}

/** How many `:` the token holds, up to 5 (an ARN's fields are split by five). */
function colons(tok: string): number {
  let n = 0;
  for (let i = 0; i < tok.length && n < 5; i++) if (tok.charCodeAt(i) === 58) n++;
  return n;
}

/**
 * The end of an ARN whose account (or region) someone replaced by a placeholder with spaces around it:
 * `arn:aws:dynamodb:us-east-1: ... :table/T`, `arn:aws:sts::xxx :assumed-role/r/s`, `arn:aws:iam:: <account id> :role/x`.
 * `tok` is the token at `p` ending at `e`; while it holds fewer than the five colons of an ARN, the words that
 * follow on the same line (at most 4, 60 characters) are taken into it when, with what stands after its last colon,
 * they make one placeholder (redaction.ts) and a word starting at a colon goes on with the ARN. Returns `e` when
 * nothing is joined. Bounded work: at most 2 gaps of 4 words.
 */
export function spacedArnEnd(f: Flat, p: number, tok: string, e: number): number {
  const s = f.s;
  if (!/^(?:arn|aws):/i.test(tok)) return e;
  let end = e;
  let n = colons(tok);
  for (let gap = 0; gap < 2 && n < 5; gap++) {
    const field = s.slice(s.lastIndexOf(':', end - 1) + 1, end);
    const words: string[] = field ? [field] : [];
    let k = end;
    let joined = -1;
    for (let w = 0; w < 4 && k < s.length && s.charCodeAt(k) === 32 && f.nl[k] !== 1; w++) {
      const [next, ne] = tokenAt(s, k + 1, 400);
      const c = next.indexOf(':');
      if (c < 0) {
        words.push(next);
        if (words.join(' ').length > 60) break;
        k = ne;
        continue;
      }
      const pre = next.slice(0, c);
      if (pre) words.push(pre);
      const placeholder = words.join(' ');
      if (words.length > 0 && placeholder.length <= 60 && isPlaceholder(placeholder) && !/^\d{12}$/.test(placeholder)) joined = ne;
      break;
    }
    if (joined < 0) break;
    end = joined;
    n = colons(s.slice(p, end));
  }
  return end;
}

/** Read the resource after "on resource:" (quoted or a token), re-joining an ARN a terminal wrapped. */
function readTarget(f: Flat, p: number): { target: string | null; end: number } {
  const s = f.s;
  if (s[p] === '"' || s[p] === '“') {
    const close = s.indexOf(s[p] === '"' ? '"' : '”', p + 1);
    if (close > p && close - p < 1200) return { target: s.slice(p + 1, close).replace(/ /g, ''), end: close + 1 };
  }
  // async-aws (PHP) prints "… on resource (code AccessDeniedException)": no resource, and the code in parentheses
  if (s.startsWith('(code ', p)) return { target: null, end: p };
  let [tok, e] = tokenAt(s, p, 1500);
  // placeholders with spaces inside: <<table name>>, {role name}, [account id]
  for (let guard = 0; guard < 6 && e < s.length; guard++) {
    const open = count(tok, '<') - count(tok, '>') + count(tok, '{') - count(tok, '}') + count(tok, '[') - count(tok, ']');
    if (open <= 0) break;
    const [next, e2] = tokenAt(s, e + 1, 200);
    if (next.length > 60) break;
    tok = tok + ' ' + next;
    e = e2;
  }
  const xml = tok.indexOf('</');
  if (xml > 0) {
    tok = tok.slice(0, xml);
    e = p + xml;
  }
  // a quoted placeholder inside the ARN: arn:aws:iam::"my account number":role/x
  const oq = tok.indexOf('"');
  if (oq > 0 && tok[oq - 1] === ':' && /^arn:/i.test(tok)) {
    const close = s.indexOf('"', p + oq + 1);
    if (close > 0 && close - (p + oq) < 80 && s[close + 1] === ':') {
      let [rest, e2] = tokenAt(s, close + 1, 1000);
      const cut = rest.search(/<\/|["\\]/);
      if (cut >= 0) {
        rest = rest.slice(0, cut);
        e2 = close + 1 + cut;
      }
      return { target: s.slice(p, close + 1) + rest, end: e2 };
    }
  }
  // inside a JSON string: an ARN never holds a double quote or a backslash (a markdown `\*` is a star)
  const q = tok.search(/"|\\(?![*_])/);
  if (q > 0) {
    tok = tok.slice(0, q);
    e = p + q;
  }
  if (tok.includes('\\') && /^arn:/i.test(tok)) tok = tok.replace(/\\([*_])/g, '$1');
  // an account redacted with spaces around it ("arn:aws:dynamodb:us-east-1: ... :table/T"): the ARN whole, as printed
  if (q < 0 && colons(tok) < 5) {
    const se = spacedArnEnd(f, p, tok, e);
    if (se > e) {
      [tok, e] = [s.slice(p, se), se];
      const cut = tok.search(/"|\\(?![*_])/);
      if (cut > 0) [tok, e] = [tok.slice(0, cut), p + cut];
      return { target: tok, end: e };
    }
  }
  // a terminal wrapped the ARN: the next line holds one more token and then the tail or the end — not after a token
  // that closes a quote or a call (`…/Name',)` ends a Python repr) nor with a rule of dashes on the next line
  if (/^(?:arn:|aws:)/i.test(tok) && e < s.length && f.nl[e] === 1 && !/['"),\]}]$/.test(tok)) {
    let lineStart = p;
    let guard = 0;
    while (lineStart > 0 && f.nl[lineStart] !== 1 && guard < 400) { lineStart--; guard++; }
    const [next, e2] = tokenAt(s, e + 1, 400);
    const after = s.slice(e2, e2 + 30);
    if (e - lineStart >= 50 && /^[A-Za-z0-9_\-/.*:+=@]{1,200}$/.test(next) && /[A-Za-z0-9]/.test(next) && !/^(?:with|because|is|on|and|Error|error)$/i.test(next) &&
      !/^[A-Z][a-z]{1,30}:?$/.test(next) &&
      (e2 >= s.length || f.nl[e2] === 1 || /^ (?:because|with an explicit|\(Service:|status code:)/i.test(after))) {
      tok = tok + next;
      e = e2;
    }
  }
  return { target: tok || null, end: e };
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/** Parse the context tail (because no … / with an explicit deny …) at p. */
function readTail(s: string, p: number, hit: Hit): number {
  let m = sticky(TAIL_IMPLICIT, s, p);
  if (m) {
    hit.denyKind = 'implicit';
    hit.policyType = policyTypeOf(m[1] ?? '');
    return p + m[0].length;
  }
  m = sticky(TAIL_TRUST_TYPO, s, p);
  if (m) {
    hit.denyKind = 'implicit';
    hit.policyType = 'role-trust';
    hit.shape = 'role-trust-allows-typo';
    return p + m[0].length;
  }
  m = sticky(TAIL_EXPLICIT, s, p);
  if (m) {
    hit.denyKind = 'explicit';
    hit.policyType = policyTypeOf(m[1] ?? '');
    let end = p + m[0].length;
    const a = sticky(POLICY_ARN_AFTER, s, end);
    if (a) {
      const v = trimTrailing(a[1] ?? '', '.,;)');
      if (/^arn:/i.test(v)) hit.policyArn = v;
      end += a[0].length;
    }
    const c = sticky(CONSOLE_LINK, s, end);
    if (c) end += c[0].length;
    return end;
  }
  m = sticky(TAIL_EXPLICIT_BARE, s, p);
  if (m) {
    if (!sticky(TAIL_EITHER_KIND, s, p + m[0].length)) hit.denyKind = 'explicit';
    return p + m[0].length;
  }
  m = sticky(TAIL_OTHER, s, p);
  if (m) return p + m[0].length;
  return p;
}

function typedShapeName(hit: Hit, hadResource: boolean): string {
  if (hit.shape === 'role-trust-allows-typo') return hit.shape;
  if (hit.denyKind === 'implicit') return 'user-not-authorized-implicit';
  if (hit.denyKind === 'explicit') {
    if (hit.policyArn) return 'user-not-authorized-explicit-arn';
    if (hit.policyType) return 'user-not-authorized-explicit-typed';
    return 'user-not-authorized-explicit';
  }
  return hadResource ? 'user-not-authorized' : 'user-not-authorized-no-resource';
}

export interface ScanState {
  f: Flat;
  /** Sorted positions of `User:` in the flat text. */
  userPos: number[];
  userIdx: number;
  lastTypedEnd: number;
}

/** Remove line-break spaces, except inside a bracketed placeholder (`<<account number>>`). */
function joinBreaks(t: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i] as string;
    if (c === '<' || c === '{' || c === '[') depth++;
    else if ((c === '>' || c === '}' || c === ']') && depth > 0) depth--;
    if (c === ' ' && depth === 0) continue;
    out += c;
  }
  return out;
}

/** An IAM/STS principal ARN with a space, not a colon, between its account and its resource type. */
const EATEN_COLON_RE = /^(arn:[a-z-]{1,20}:(?:sts|iam)::[^\s:]{1,40}) ((?:assumed-role|role|user|federated-user)\/\S{1,600})$/i;

/** `seg` without a trailing ` is `/` are ` (what `seg.replace(/ ?(?:is|are) $/i, '')` does, without trying every position). */
function withoutTrailingVerb(seg: string): string {
  const n = seg.length;
  const tail = seg.slice(Math.max(0, n - 4)).toLowerCase();
  const cut = tail.endsWith('are ') ? 4 : tail.endsWith('is ') ? 3 : 0;
  if (cut === 0) return seg;
  return seg.slice(0, n - cut - (seg[n - cut - 1] === ' ' ? 1 : 0));
}

/** The raw caller of a message that names only the caller's account: `accountId:<12 digits>`. */
export const ACCOUNT_ONLY = 'accountId:';

function callerBefore(st: ScanState, i: number): { raw: string | null; start: number; named: boolean } {
  const s = st.f.s;
  // the nearest "User:" before i, after the previous message
  while (st.userIdx + 1 < st.userPos.length && (st.userPos[st.userIdx + 1] as number) < i) st.userIdx++;
  const u = st.userPos[st.userIdx];
  if (u !== undefined && u < i && i - u <= 600 && u >= st.lastTypedEnd) {
    const seg = withoutTrailingVerb(s.slice(u + 5, i));
    const t0 = u + 5;
    // join pieces split only by line breaks
    const trimmed = seg.trim();
    const lead = seg.length - seg.trimStart().length;
    let raw = trimmed;
    if (trimmed.includes(' ')) {
      let allBreaks = true;
      for (let k = 0; k < trimmed.length; k++) {
        if (trimmed.charCodeAt(k) === 32 && st.f.nl[t0 + lead + k] !== 1) { allBreaks = false; break; }
      }
      if (allBreaks && /^(?:arn:|aws:)/i.test(trimmed)) raw = joinBreaks(trimmed);
      // a hand redaction that took the colon after the account with it (`arn:aws:sts::80xxxxx assumed-role/r/s`):
      // a principal's ARN holds no space, and its resource type always follows the account after a colon
      else {
        const eaten = EATEN_COLON_RE.exec(trimmed);
        if (eaten) raw = `${eaten[1]}:${eaten[2]}`;
      }
    }
    return { raw: raw || null, start: u, named: true };
  }
  // no "User:": the word before "is" (an ARN, a service principal, or a tool's name)
  const wordEnd = s.lastIndexOf(' ', i - 2);
  if (wordEnd <= 0) return { raw: null, start: i, named: false };
  let b = wordEnd;
  let guard = 0;
  while (b > 0 && s.charCodeAt(b - 1) !== 32 && guard < 600) { b--; guard++; }
  const word = s.slice(b, wordEnd);
  if (/^["'(]?(?:arn:|aws:)/i.test(word) || /\.amazonaws\.com["')]?$/i.test(word)) return { raw: word, start: b, named: true };
  // CloudWatch Logs: "User with accountId: 123456789012 is not authorized to perform: logs:…" — a principal of that
  // account, not named further (kept apart from a bare account id, which reads as the root user)
  if (/^\d{12}$/.test(word) && /user with accountid: ?$/i.test(s.slice(Math.max(0, b - 22), b))) {
    return { raw: `${ACCOUNT_ONLY}${word}`, start: s.lastIndexOf('User', b), named: true };
  }
  // the end of an ARN redacted with spaces ("arn:aws:sts:: ... :assumed-role/r/s is not …"): its start a few words back
  if (word.startsWith(':') || word.includes(':')) {
    let a = b;
    for (let w = 0; w < 6 && a > 1 && s.charCodeAt(a - 1) === 32 && st.f.nl[a - 1] !== 1; w++) {
      let k = a - 1;
      let g = 0;
      while (k > 0 && s.charCodeAt(k - 1) !== 32 && g < 400) { k--; g++; }
      const tok = s.slice(k, a - 1);
      if (/^["'(]?(?:arn:|aws:)/i.test(tok)) {
        const at = /^["'(]/.test(tok) ? k + 1 : k;
        if (spacedArnEnd(st.f, at, s.slice(at, a - 1), a - 1) === wordEnd) return { raw: s.slice(at, wordEnd), start: k, named: true };
        break;
      }
      a = k;
    }
  }
  return { raw: null, start: word ? b : i, named: false };
}

/** The first three characters of every text `/^:? ?this operation/i` matches. */
const THIS_OP_START = /^(?:thi|:th| th|: t)/i;

/** "…not authorized to perform…" — the typed family, T07, and EC2's "this operation". */
export function scanNotAuthorized(st: ScanState, m: RegExpExecArray): Hit | null {
  const s = st.f.s;
  const i = m.index;
  const after = i + m[0].length;
  const prev = s.slice(Math.max(0, i - 4), i).toLowerCase();
  // "this operation", also when a terminal wrapped it mid-word ("this op\neration")
  let w = '';
  const at: number[] = [];
  for (let k = after; k < s.length && k < after + 24; k++) {
    if (s[k] === ' ' && st.f.nl[k] === 1 && /\w/.test(s[k - 1] ?? '') && /\w/.test(s[k + 1] ?? '')) continue;
    w += s[k];
    at.push(k);
    if (w.length === 3 && !THIS_OP_START.test(w)) break; // cannot be "this operation"
  }
  const thisOp = /^:? ?this operation/i.exec(w);
  if (thisOp) {
    let start = i;
    if (/you are $/i.test(s.slice(Math.max(0, i - 8), i))) start = i - 8;
    let end = (at[thisOp[0].length - 1] ?? after) + 1;
    if (s[end] === '.') end++;
    return newHit('ec2-not-authorized', start, end);
  }
  const typed = prev.endsWith('is ') || prev.endsWith('are ');
  let p = skipSpaces(s, after);
  const colon = s[p] === ':';
  if (colon) p = skipSpaces(s, p + 1);
  // "perform action sts:AssumeRole" / "perform API action"
  if (/^action /i.test(s.slice(p, p + 7))) p += 7;
  const act = readAction(st.f, p);
  if (!typed) {
    if (!act.action && !act.redacted) return null;
    const h = newHit('sts-not-authorized', i, act.end);
    h.action = act.action;
    h.actionRedacted = act.redacted;
    // a fragment pasted without its "User: … is" head keeps AWS's wording after the action, "perform: A on resource: R":
    // the resource is read as in the typed form (STS's own untyped text has no colon and names no resource)
    if (colon && act.action) {
      const q = skipSpaces(s, act.end);
      const on = /^on resource: ?/i.exec(s.slice(q, q + 14));
      const t = on ? readTarget(st.f, skipSpaces(s, q + on[0].length)) : null;
      if (t?.target) {
        h.targetRaw = t.target;
        h.end = t.end;
      }
    }
    return h;
  }
  const who = callerBefore(st, i);
  const hit = newHit('user-not-authorized', who.start, act.end);
  hit.callerRaw = who.raw;
  hit.action = act.action;
  hit.actionRedacted = act.redacted;
  if (!act.action && /^API$/i.test(act.raw)) {
    // "The IAM Entity is not authorized to perform API action on resource: …"
    hit.actionRedacted = false;
  }
  let q = skipSpaces(s, act.end);
  if (/^api action /i.test(s.slice(p, p + 11))) q = skipSpaces(s, p + 11);
  let hadResource = false;
  const res = /^(?:on (?:the )?resources?:?|on role:?) ?/i.exec(s.slice(q, q + 20));
  const cipher = /^on the resource associated with this ciphertext/i.exec(s.slice(q, q + 60));
  const thisRes = /^on (?:this|the) resource(?!s? ?:)(?=[.,;]|\s|$)/i.exec(s.slice(q, q + 20));
  if (cipher) {
    q += cipher[0].length;
    hadResource = true;
  } else if (thisRes) {
    q += thisRes[0].length;
    hadResource = true;
  } else if (res) {
    const tp = skipSpaces(s, q + res[0].length);
    const t = readTarget(st.f, tp);
    hit.targetRaw = t.target;
    q = t.end;
    hadResource = true;
    // IAM names its own entities by type and name: "on resource: role ci-deployer"
    const named = t.target && IAM_ENTITY_WORD.test(t.target) ? IAM_ENTITY_NAME.exec(s.slice(q, q + 140)) : null;
    if (named && !STOP.has((named[1] ?? '').toLowerCase())) {
      hit.targetRaw = `${t.target} ${named[1]}`;
      q += named[0].length;
    }
    // a resource name with spaces (Glue job "Copy parking zone"): words up to the tail on the same line
    if (t.target && !t.target.startsWith('"')) {
      let k = q;
      let words = 0;
      while (k < s.length && k - q < 160 && words < 12) {
        if (/^ (?:because no |because the role trust|with an explicit deny)/i.test(s.slice(k, k + 32))) {
          if (words > 0) {
            hit.targetRaw = s.slice(tp, k);
            q = k;
          }
          break;
        }
        if (s.charCodeAt(k) !== 32) break;
        const [w, we] = tokenAt(s, k + 1, 80);
        if (!w || /[:()]/.test(w)) break;
        k = we;
        words++;
      }
    }
  }
  let end = q;
  const tq = skipSpaces(s, q);
  const tailEnd = readTail(s, tq, hit);
  if (tailEnd > tq) end = tailEnd;
  hit.end = end;
  hit.shape = who.named || who.raw || hit.denyKind !== 'unknown' ? typedShapeName(hit, hadResource) : 'third-party-not-authorized';
  st.lastTypedEnd = end;
  return hit;
}

/** Scan for the encoded blob after "Encoded authorization failure message". */
export function scanEncoded(f: Flat, m: RegExpExecArray): Hit {
  const s = f.s;
  let p = m.index + m[0].length;
  const h = newHit('ec2-encoded-authorization', m.index, p);
  if (s[p] === ':') {
    p = skipSpaces(s, p + 1);
    let [tok, e] = tokenAt(s, p, 20000);
    tok = trimTrailing(tok, '"\',)]}');
    // a blob split across lines: keep joining long pieces made of blob characters
    let guard = 0;
    while (e < s.length && f.nl[e] === 1 && tok.length >= 40 && guard < 200) {
      const [next, e2] = tokenAt(s, e + 1, 20000);
      if (next.length >= 16 && /^[A-Za-z0-9_\-+/=]+$/.test(next) && /\d/.test(next) && /[A-Z]/.test(next)) {
        tok += next;
        e = e2;
        guard++;
      } else break;
    }
    const trimmed = trimTrailing(tok, '"\',)]}');
    const blob = trimmed.endsWith('…') ? trimmed.slice(0, -1) : trimmed.endsWith('..') ? trimTrailing(trimmed, '.') : trimmed;
    if (blob.length >= 20 && /^[A-Za-z0-9_\-+/=]+$/.test(blob)) h.encoded = blob;
    h.end = e;
  }
  return h;
}

export interface Trigger {
  re: RegExp;
  handle: (st: ScanState, m: RegExpExecArray) => Hit | null;
}

/** The one Lambda function ARN `s` prints (at most 20 looked at), or null when none or several different ones. */
function oneFunctionArn(s: string): string | null {
  let found: string | null = null;
  const re = /\barn:aws[a-z-]{0,20}:lambda:[a-z0-9-]{1,30}:\d{12}:function:[A-Za-z0-9_-]{1,140}(?::[A-Za-z0-9$_-]{1,128})?/g;
  let m: RegExpExecArray | null;
  for (let n = 0; (m = re.exec(s)) !== null && n < 20; n++) {
    if (found !== null && found !== m[0]) return null;
    found = m[0];
  }
  return found;
}

function simple(shape: string, opts: { backTo?: RegExp; extend?: RegExp } = {}) {
  return (st: ScanState, m: RegExpExecArray): Hit => {
    const s = st.f.s;
    let start = m.index;
    if (opts.backTo) {
      const w = s.slice(Math.max(0, start - 40), start);
      const b = opts.backTo.exec(w);
      if (b) start = start - (w.length - b.index);
    }
    let end = m.index + m[0].length;
    if (opts.extend) {
      const x = sticky(opts.extend, s, end);
      if (x) end += x[0].length;
    }
    const h = newHit(shape, start, end);
    // the wording is the error code itself (`<Code>IDPRejectedClaim</Code>`, `PackedPolicyTooLarge`)
    if (isKnownCode(m[0])) h.code = m[0];
    return h;
  };
}

/**
 * The wordings of "no credentials found" across the CLI and SDKs; the error's name when it leads
 * (`NoCredentialsError: `, `CredentialsProviderError: `, `NoCredentialProviders: `) is its code.
 * Every alternative is a fixed phrase or a bounded class: linear on any input.
 */
const NO_CREDENTIALS_RE = new RegExp(
  String.raw`(?:\b(NoCredentialsError|NoCredentialProviders|CredentialsProviderError|CredentialsError|NoAwsCredentials(?:Exception)?|CredentialRetrievalError): ?)?` +
  '(?:Unable to locate credentials|Could not load credentials from any providers|no valid providers in chain' +
  '|no valid credential sources for [A-Za-z0-9 ._-]{1,60} found|Missing credentials in config' +
  '|(?:failed to refresh cached credentials, )?no EC2 IMDS role found' +
  '|Unable to load (?:AWS )?credentials from any (?:provider in the chain|of the providers in the chain)' +
  '|Unable to get IAM security credentials from EC2 Instance Metadata Service|Failed to resolve AWS credentials' +
  '|Unable to find credentials|no providers in chain provided credentials' +
  '|Error retrieving credentials from the instance profile metadata service)',
  'gi',
);

function noCredentials(_st: ScanState, m: RegExpExecArray): Hit {
  const h = newHit('no-credentials', m.index, m.index + m[0].length);
  h.code = m[1] ?? null;
  return h;
}

/**
 * A message after its code: botocore's `An error occurred (Code) when calling the Op operation:` (m[1], or m[2] for
 * the CLI v1 of 2015's `A client error (Code) occurred …`) or `Code:` (m[3]); the message starts at `from`.
 */
/**
 * `code` with its first letter upper-cased: botocore prints an event stream's error (`EventStreamError`) with the
 * stream's lower-camel code (`An error occurred (accessDeniedException) when calling the InvokeAgent operation`).
 */
function upperFirst(code: string): string {
  return code.charAt(0).toUpperCase() + code.slice(1);
}

/** Words by which a ValidationException's message reports a refusal rather than a bad parameter. */
const VALIDATION_REFUSAL = /not authori[sz]ed|access ?denied|permission|unauthori[sz]ed|forbidden|assume|credential|security token|\bkms\b|\brole\b|not allowed|access to/i;

/**
 * A message with its quoted values ('roleArn', 'arn:aws:iam::…:role/x') and a constraint's pattern blanked: they name
 * parameters and their forms, not a refusal.
 */
function unquoted(msg: string): string {
  return msg.replace(/'[^'\n]{0,300}'/g, "''").replace(/regular expression pattern: ?[^\n]{0,600}/g, '');
}

/** The code printed just before `at` is a JSON protocol's ValidationException (`ValidationException: `, `(ValidationException) when calling the Op operation: `). */
function validationExceptionBefore(s: string, at: number): boolean {
  const before = s.slice(Math.max(0, at - 120), at);
  const m = /\b([A-Za-z][A-Za-z0-9.:]{0,80}?)\)?(?: when calling the [A-Za-z0-9]{1,80} operation)?: ?$/.exec(before);
  return m !== null && lastSegment(m[1] ?? '') === 'ValidationException';
}

function codeThenMessage(st: ScanState, m: RegExpExecArray, from: number): Hit | null {
  const s = st.f.s;
  const cli = m[1] ?? m[2];
  const code = cli ?? m[3] ?? '';
  // botocore prints the bare HTTP status when the service sent no body (`(403) … HeadObject`)
  if (cli !== undefined && !isAuthishCode(code) && !isAuthishCode(upperFirst(code)) && code !== '403' && code !== '401') return null;
  const start = skipSpaces(s, from);
  // "FooException: An error occurred (Foo) when calling …": the CLI form is read on its own
  if (/^An error occur?red \(/i.test(s.slice(start, start + 20))) return null;
  let e = start;
  const lim = Math.min(s.length, start + 400);
  // to the end of the line, and on over lines that continue a wrapped sentence (lowercase start)
  for (;;) {
    while (e < lim && st.f.nl[e] !== 1) e++;
    if (e < lim && /[a-z0-9]/.test(s[e + 1] ?? '') && !/^(?:status code|request id|at |caused by|host id)/i.test(s.slice(e + 1, e + 13))) { e++; continue; }
    break;
  }
  if (e <= start) return null;
  // the JSON protocols' ValidationException is mostly a bad parameter ("One or more parameter values were invalid"); it
  // is an authorization failure only when its message says so (a role a service could not assume, a refused key …)
  if (lastSegment(code) === 'ValidationException' && !VALIDATION_REFUSAL.test(s.slice(start, e))) return null;
  const h = newHit('generic-auth-error', start, e);
  // `Code: message` names its code before the message (used when no envelope code is read)
  if (m[3]) h.fallbackCode = m[3];
  return h;
}

/**
 * A code that names a refusal on its own, without a wording to confirm it: an auth code other than a validation one
 * (`ValidationException`, `ValidationError`, `InvalidParameterValue` are refusals only in the wordings that say so).
 */
function namesRefusal(code: string): boolean {
  return isAuthishCode(code) && !/^(?:Validation|InvalidParameterValue)/.test(lastSegment(code));
}

/** The end of a Rust Debug string literal opened before `from` (`\"` escapes skipped), or -1 within `max`. */
function rustStringEnd(s: string, from: number, max = 2000): number {
  const lim = Math.min(s.length, from + max);
  let first = -1;
  for (let k = from; k < lim; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === '"') {
      if (first < 0) first = k;
      // the closing quote is followed by the next field, the struct's or Some's end (an unwrapped `\"` inside is not)
      if (RUST_FIELD_NEXT.test(s.slice(k + 1, k + 44))) return k;
    }
  }
  return first;
}

const RUST_FIELD_NEXT = /^(?:\)?, [a-z0-9_]{1,40}: | \}|\)?$)/;

/** A Rust SDK error value whose code (m[1]) names a refusal: its message string (from m's end) is the message. */
function rustErrorValue(st: ScanState, m: RegExpExecArray): Hit | null {
  const code = m[1] ?? '';
  if (!isAuthishCode(code)) return null;
  const s = st.f.s;
  const start = m.index + m[0].length;
  let h: Hit;
  if (s[start - 1] === '"') {
    const end = rustStringEnd(s, start);
    if (end <= start) return null;
    h = newHit('sdk-error-value', start, end);
  } else {
    h = newHit('sdk-error-value', m.index, start); // `message: None`: the value itself
  }
  h.code = lastSegment(code);
  return h;
}

/**
 * The Ruby SDK's log line: `[Aws::STS::Client 403 0.29 0 retries] assume_role(role_arn:"…",…) Aws::STS::Errors::Code
 * message` — the client's module names the service, the snake_case method the operation.
 */
const RUBY_LOG_RE = /\[Aws::([A-Za-z0-9]{1,40})::Client (\d{3}) [0-9.]{1,20} \d{1,3} retr(?:y|ies)\] ([a-z][a-z0-9_]{1,80})\(/g;

function rubyLogLine(st: ScanState, m: RegExpExecArray): Hit | null {
  const s = st.f.s;
  const mod = m[1] ?? '';
  const from = m.index + m[0].length;
  let eol = from;
  const lim = Math.min(s.length, from + 4000);
  while (eol < lim && st.f.nl[eol] !== 1) eol++;
  const mark = `Aws::${mod}::Errors::`;
  const at = s.lastIndexOf(mark, eol);
  if (at < from) return null;
  let k = at + mark.length;
  const c0 = k;
  while (k < eol && /[A-Za-z0-9]/.test(s[k] as string)) k++;
  const code = s.slice(c0, k);
  if (!isAuthishCode(code)) return null;
  const start = skipSpaces(s, k);
  const h = newHit('generic-auth-error', start < eol ? start : at, start < eol ? eol : k);
  h.code = code;
  h.operation = snakeToOperation(m[3] ?? '');
  h.service = servicePrefix(mod);
  // an AssumeRole* call names its role in the parameters the line prints: `role_arn:"arn:aws:iam::…:role/…"`
  if (h.service === 'sts' && h.operation?.startsWith('AssumeRole')) {
    const r = /\brole_arn: ?"(arn:aws[a-z-]{0,20}:iam::[^"\s]{1,40}:role\/[^"\s]{1,400})"/.exec(s.slice(from, Math.min(at, from + 3000)));
    if (r) h.targetRaw = r[1] ?? null;
  }
  return h;
}

/**
 * A service says it could not assume the role it was handed, naming that role or itself (ECS, CloudFormation, Step
 * Functions, Amplify): the refused action is the service's sts:AssumeRole of that role, not the caller's own call
 * (RunTask, DeleteStack), which was authorized. Lambda's "The role defined for the function cannot be assumed by
 * Lambda." names neither and keeps the operation.
 */
/** Words that put a paste on Amazon EFS (its mount type, a file system id, its helper, CSI driver and mount target DNS). */
const EFS_CONTEXT = /-t efs\b|\bfs-[0-9a-f]{8,17}\b|\bamazon-efs|\befs-utils\b|\befs\.csi\.aws\.com|\baws-efs-csi|\.efs\.[a-z0-9-]{1,30}\.amazonaws\.com|\bEFS\b/;

function serviceAssume(m: RegExpExecArray, role: string | null): Hit {
  const h = newHit('service-cannot-assume-role', m.index, m.index + m[0].length);
  h.action = 'sts:AssumeRole';
  h.targetRaw = role;
  return h;
}

// ───────────────────────────── the console's permissions panel ─────────────────────────────

/**
 * The panel's Context field: "no <type> allows the action" (implicit), "<type> explicitly denies the action" or
 * "an explicit deny in <type>" (explicit). One sticky match at the field's value: bounded, linear.
 */
const PANEL_CONTEXT = new RegExp(String.raw`no ${TYPE_PHRASE} allows?(?: access| the (?:[a-z0-9-]{1,40}:[A-Za-z0-9*]{1,120} )?action)?|(?:an? |the )?${TYPE_PHRASE} explicitly denies(?: access| the (?:[a-z0-9-]{1,40}:[A-Za-z0-9*]{1,120} )?action)?|(?:with )?an explicit deny in (?:a |an |the )?${TYPE_PHRASE}`, 'iy');
/** The panel's heading and request sentence, when they stand right before its User field. */
const PANEL_HEAD = /(?:You need permissions )?You don['’]t have permission to [^ ]{1,200} To request access, copy the following text and send it to your AWS administrator\.(?: Learn more about troubleshooting access denied errors\.?)? $/;
const PANEL_OP = /^[A-Za-z0-9*][A-Za-z0-9*_-]{0,120}$/;
const PANEL_SERVICE = /^[a-z0-9][a-z0-9-]{0,40}$/;

/** The label `label` ending (with one space) right at `at`, its value one token: the value's start, else -1. */
function fieldBefore(s: string, label: string, at: number, max: number): number {
  const i = s.lastIndexOf(label, at - 1);
  if (i < 0 || at - i > max || (i > 0 && s.charCodeAt(i - 1) !== 32)) return -1;
  const v = i + label.length;
  const [, e] = tokenAt(s, v, max);
  return e > v && skipSpaces(s, e) === at ? i : -1;
}

/**
 * The console's copyable panel ("You need permissions … User: X Action: A On resource(s): R Context: …"): read
 * from its Action field. A service:Action, or an operation after a Service field, and at least a resource field or
 * a Context AWS words, or it is someone else's "Action:" (a CI log's "Action: deploy").
 */
function consolePanel(st: ScanState, m: RegExpExecArray): Hit | null {
  const s = st.f.s;
  const a = m.index;
  const [raw, te] = tokenAt(s, a + m[0].length, 200);
  const tok = trimAction(raw);
  let first = a;
  let action: string | null = null;
  const sv = fieldBefore(s, 'Service: ', a, 60);
  if (sv >= 0) first = sv;
  if (ACTION_RE.test(tok)) action = tok;
  else if (sv >= 0 && PANEL_OP.test(tok)) {
    const svc = tokenAt(s, sv + 9, 60)[0];
    if (PANEL_SERVICE.test(svc)) action = `${svc}:${tok}`;
  }
  if (!action) return null;
  let p = skipSpaces(s, te);
  let end = te;
  let resource = false;
  let targetRaw: string | null = null;
  if (s.startsWith('On resource(s): ', p)) {
    resource = true;
    p += 16;
    // one ARN or several (comma- or line-separated) up to the Context field; the first ARN is the target, `*` none
    for (let n = 0; n < 50 && p < s.length; n++) {
      if (s.startsWith('Context:', p)) break;
      const [t, e] = tokenAt(s, p, 1500);
      const v = trimTrailing(t.replace(/^["'(]+/, ''), '.,;"\')');
      if (n > 0 && !/^arn:|^\*$/i.test(v)) break;
      if (!targetRaw && /^arn:/i.test(v)) targetRaw = v;
      end = e;
      p = skipSpaces(s, e);
    }
  }
  let denyKind: DenyKind = 'unknown';
  let policyType: DenyPolicyType | null = null;
  if (s.startsWith('Context: ', p)) {
    const c = sticky(PANEL_CONTEXT, s, p + 9);
    if (c) {
      const explicit = c[1] === undefined;
      denyKind = explicit ? 'explicit' : 'implicit';
      policyType = policyTypeOf(c[1] ?? c[2] ?? c[3] ?? '');
      end = p + 9 + c[0].length;
      if (s[end] === '.') end++;
    } else if (resource) {
      // a Context the console words otherwise: part of the panel, read to its line's end
      let e = p + 9;
      const lim = Math.min(s.length, e + 300);
      while (e < lim && st.f.nl[e] !== 1) e++;
      end = e;
    }
  }
  if (!resource && denyKind === 'unknown') return null;
  let start = first;
  let callerRaw: string | null = null;
  const u = fieldBefore(s, 'User: ', first, 1000);
  if (u >= 0) {
    callerRaw = trimTrailing(tokenAt(s, u + 6, 1000)[0], '.,;') || null;
    start = u;
  }
  const head = PANEL_HEAD.exec(s.slice(Math.max(0, start - 400), start));
  if (head) start -= head[0].length;
  const h = newHit('console-permissions-panel', start, end);
  h.action = action;
  h.callerRaw = callerRaw;
  h.targetRaw = targetRaw;
  h.denyKind = denyKind;
  h.policyType = policyType;
  return h;
}

export const TRIGGERS: Trigger[] = [
  { re: /not authori[sz]ed to perform/gi, handle: scanNotAuthorized },
  // the console's "You need permissions" panel, read from its Action field (consolePanel)
  { re: /\bAction: /g, handle: consolePanel },
  {
    // "User: X is not authorized to assume role: R" — the refused action is sts:AssumeRole; a role ARN must follow
    re: /\bis not authori[sz]ed to assume (?:the )?role:? ?/gi,
    handle: (st, m) => {
      const s = st.f.s;
      const t = readTarget(st.f, skipSpaces(s, m.index + m[0].length));
      if (!t.target || !/^["']?arn:/i.test(t.target)) return null;
      const who = callerBefore(st, m.index + 3);
      const h = newHit('user-not-authorized-to-assume-role', who.start, t.end);
      h.callerRaw = who.raw;
      h.targetRaw = t.target;
      h.action = 'sts:AssumeRole';
      return h;
    },
  },
  {
    re: /\bis not authorized to access this resource/gi,
    handle: (st, m) => {
      const who = callerBefore(st, m.index + 3);
      const h = newHit('not-authorized-to-access', who.start, m.index + m[0].length);
      h.callerRaw = who.raw;
      return h;
    },
  },
  {
    re: /\bunauthorized to call /gi,
    handle: (st, m) => {
      const s = st.f.s;
      const a = readAction(st.f, m.index + m[0].length);
      const h = newHit('unauthorized-to-call', m.index, a.end);
      h.action = a.action;
      // the deny phrase may follow on the next lines
      const win = s.slice(a.end, a.end + 300);
      const re = new RegExp(String.raw`(?:with an )?explicit deny in (?:a |an |the )?${TYPE_PHRASE}|because no ${TYPE_PHRASE}`, 'i');
      const d = re.exec(win);
      if (d) {
        h.denyKind = d[1] ? 'explicit' : 'implicit';
        h.policyType = policyTypeOf(d[1] ?? d[2] ?? '');
        h.end = a.end + d.index + d[0].length;
      }
      return h;
    },
  },
  {
    // a Lambda function URL's 403 body names neither caller nor function: the function is the one function ARN the
    // paste prints (unqualified, or with one version/alias), else none
    re: /Forbidden\. For troubleshooting Function URL authori[sz]ation issues/g,
    handle: (st, m) => {
      const h = newHit('lambda-function-url-forbidden', m.index, m.index + m[0].length);
      h.targetRaw = oneFunctionArn(st.f.s);
      return h;
    },
  },
  { re: /Encoded authorization failure message/gi, handle: (st, m) => scanEncoded(st.f, m) },
  // EKS (CreateNodegroup) and EC2 Auto Scaling relay EC2's refusal of a launch template in their own words: "You are
  // not authorized to launch instances with this launch template", "You are not authorized to use launch template: X"
  { re: /You are not authori[sz]ed to (?:launch instances with this launch template|use launch template)(?:: ?[\w.-]{1,128})?\.?/g, handle: simple('ec2-not-authorized') },
  { re: /Roles may not be assumed by root accounts\.?/gi, handle: simple('root-cannot-assume') },
  { re: /security token included in the request is inval/gi, handle: simple('invalid-token', { backTo: /The $/i, extend: /(?:id| id)\.?/y }) },
  { re: /security token included in the request is expired\.?|The provided token has expired\.?|Request has expired\.?/gi, handle: simple('expired-token', { backTo: /The $/i }) },
  // STS's own words for the web identity token (JWT) it was handed: past its exp, or issued too long ago
  { re: /Token expired: current date\/time/gi, handle: simple('web-identity-token-expired', { extend: / ?[^.]{0,160}/y }) },
  { re: /\bToken too old: \d{1,12}/g, handle: simple('web-identity-token-expired') },
  { re: /The AWS Access Key Id you provided does not exist in our records\.?/gi, handle: simple('invalid-access-key') },
  { re: /The request signature we calculated does not match the signature you provided\.?/gi, handle: simple('signature-mismatch') },
  { re: /AWS was not able to validate the provided access credentials/gi, handle: simple('auth-failure') },
  { re: /DurationSeconds exceeds (?:the )?MaxSessionDuration set for this role\.?/gi, handle: simple('duration-exceeds-max', { backTo: /(?:The )?requested $/i }) },
  { re: /exceeds the 1 hour session limit for roles assumed by role chaining\.?/gi, handle: simple('role-chaining-limit', { backTo: /The requested DurationSeconds $/i }) },
  { re: /STS is not activated in (?:this|the requested) region for (?:account:? ?\S{0,40}|the account that is being asked to generate credentials)/gi, handle: simple('region-disabled', { extend: / Your account administrator can activate STS in this region using the IAM Console\.?/y }) },
  { re: /No OpenIDConnect provider found in (?:your )?account(?: for \S{1,300})?/gi, handle: simple('oidc-provider-missing') },
  { re: /Incorrect token audience/gi, handle: simple('oidc-audience-mismatch') },
  { re: /Couldn'?t retrieve verification key from your identity provider[^.]{0,160}/gi, handle: simple('oidc-jwks-unreachable') },
  { re: /(?:OpenIDConnect provider's HTTPS certificate )?doesn'?t match configured thumbprint/gi, handle: simple('oidc-thumbprint') },
  { re: /IDPRejectedClaim|Missing a required claim: \w{1,30}|Token audience or subject is not valid/g, handle: simple('oidc-rejected-claim') },
  { re: /WebIdentityErr(?:or)?\b:?(?: ?failed to retrieve credentials\.?)?/gi, handle: simple('webidentity-err') },
  { re: /MultiFactorAuthentication failed[^.]{0,200}\.?/gi, handle: simple('mfa-failed') },
  { re: /The ciphertext (?:refers to a customer master key|references a key) that (?:does not|doesn['’]t) exist[^.]{0,160}\.?/gi, handle: simple('kms-ciphertext-key') },
  { re: /Access to KMS is not allowed|KMS access was denied/gi, handle: simple('kms-not-allowed') },
  {
    // a service using a key with the caller's permissions; the key is named in brackets (RDS, Neptune, DocumentDB)
    re: /The specified KMS key (?:\[([^\]\s]{1,300})\] )?does not exist, is not enabled or you do not have permissions to access it\.?|Given key ID is not accessible\.(?: You must have DescribeKey permissions on the default CMK\.?)?/g,
    handle: (st, m) => {
      const h = simple('kms-key-not-accessible')(st, m);
      if (m[1] && /^arn:aws[a-z-]{0,20}:kms:[a-z0-9-]{1,30}:\d{12}:(?:key|alias)\//.test(m[1])) h.targetRaw = m[1];
      if (/DescribeKey permissions/.test(m[0])) h.action = 'kms:DescribeKey';
      return h;
    },
  },
  { re: /\bInsufficient privileges for IAM PassRole Action\.?/g, handle: simple('passrole-insufficient-privileges') },
  {
    // Kinesis Video Streams acknowledges a fragment with a SCREAMING_SNAKE error code: `"ErrorCode":"KMS_KEY_ACCESS_DENIED"`
    re: /"ErrorCode" ?: ?"((KMS_)?[A-Z][A-Z0-9_]{0,60}_ACCESS_DENIED)"/g,
    handle: (_st, m) => {
      const at = m.index + m[0].indexOf(m[1] ?? '');
      const h = newHit(m[2] ? 'kms-not-allowed' : 'generic-auth-error', at, at + (m[1] ?? '').length);
      h.code = m[1] ?? null;
      return h;
    },
  },
  { re: /\bKey '?arn:aws[a-z-]{0,20}:kms:[a-z0-9-]{1,30}:[^:\s']{1,40}:(?:key|alias)\/[^\s']{1,300}'? does not exist/g, handle: simple('kms-key-not-found') },
  {
    // the service's own resource is named: the target of the call (the key is what the service could not use)
    re: /The specified KMS key does not exist or is not allowed to be used with (?:Arn|ARN) '?(arn:[^'"\s]{1,400})'?/g,
    handle: (st, m) => {
      const h = simple('kms-key-unusable-by-service')(st, m);
      h.targetRaw = trimTrailing(m[1] ?? '', '.,;)') || null;
      return h;
    },
  },
  { re: /The bucket does not allow ACLs\.?/gi, handle: simple('s3-acls-disabled') },
  { re: /The provided token is malformed or otherwise invalid\.?/gi, handle: simple('malformed-token') },
  { re: /The SSO session associated with this profile has expired(?: or is otherwise invalid)?\.?|Error loading SSO Token|Token has expired and refresh failed/gi, handle: simple('sso-session-expired') },
  {
    re: /could not be used to assume /gi,
    handle: (st, m) => {
      const s = st.f.s;
      let start = m.index;
      const w = s.slice(Math.max(0, start - 120), start);
      const b = /(?:current )?credentials(?: returned by plugin '[^']{1,60}')?(?: for account \S{1,40})? $/i.exec(w);
      if (b) start -= w.length - b.index;
      const p = m.index + m[0].length;
      const [tok, e] = tokenAt(s, p, 600);
      const h = newHit('cdk-could-not-assume', start, e);
      const t = tok.replace(/^['"]/, '').replace(/['"]?[,.]?$/, '');
      if (t) h.targetRaw = t;
      const x = /^,? ?but are for the right account\. Proceeding anyway\.?/i.exec(s.slice(e, e + 60));
      if (x) h.end = e + x[0].length;
      return h;
    },
  },
  {
    re: /IAM Role \(([^()\s]{1,400})\) cannot be assumed\.?/g,
    handle: (_st, m) => {
      const h = newHit('terraform-cannot-assume', m.index, m.index + m[0].length);
      h.targetRaw = m[1] ?? null;
      return h;
    },
  },
  {
    re: /(?:(?:does not|doesn'?t) have|no longer has) permission to call(?:ed)? ([a-z0-9-]{1,40}:[A-Za-z0-9*]{1,100})/gi,
    handle: (st, m) => {
      const s = st.f.s;
      let start = m.index;
      const w = s.slice(Math.max(0, start - 40), start);
      const b = /(?:AccessDenied\. )?User $/.exec(w);
      if (b) start -= w.length - b.index;
      const h = newHit('cfn-no-permission-to-call', start, m.index + m[0].length);
      h.action = m[1] ?? null;
      if (/AccessDenied\. User $/.test(w)) h.fallbackCode = 'AccessDenied';
      return h;
    },
  },
  { re: /Access to Role '[^']{1,300}' is forbidden\.?/g, handle: simple('cognito-role-forbidden') },
  { re: /Unauthenticated access is not supported for this identity pool\.?/g, handle: simple('cognito-unauthenticated-not-supported') },
  { re: /Session token not found or invalid\.?/g, handle: simple('sso-session-invalid') },
  // API Gateway's JSON body (AWS APIs word their own unsigned-request error "Request is missing Authentication Token")
  { re: /"message" ?: ?"Missing Authentication Token"/gi, handle: simple('apigw-missing-auth-token') },
  {
    re: /\b(arn:aws[a-z-]{0,12}:kms:[a-z0-9-]{1,30}:\d{12}:key\/[A-Za-z0-9-]{1,100}) is (?:pending deletion|disabled)\b\.?/g,
    handle: (_st, m) => {
      const h = newHit('kms-key-state', m.index, m.index + m[0].length);
      h.targetRaw = m[1] ?? null;
      return h;
    },
  },
  {
    re: /\bAccount (\d{12}) should have '([\w+=,.@-]{1,64})' role with trust relationship to Role '([\w+=,.@-]{1,64})'\.?/g,
    handle: (_st, m) => {
      const h = newHit('stackset-execution-role-untrusted', m.index, m.index + m[0].length);
      h.targetRaw = `arn:aws:iam::${m[1]}:role/${m[2]}`;
      return h;
    },
  },
  { re: /Your authorization token has expired\. Reauthenticate and try again\.?/g, handle: simple('registry-token-expired', { backTo: /denied: $/ }) },
  {
    // a JSON error body cut inside its message (the paste or the log line ended there): `{"__type":"AccessDeniedException",
    // "Message":"User: arn:… is not` — the code names the refusal; a body whose message closes is read by its wording
    re: /"__type" ?: ?"([A-Za-z][A-Za-z0-9.#:]{1,200})" ?, ?"[Mm]essage" ?: ?"/g,
    handle: (st, m) => {
      const code = lastSegment(m[1] ?? '');
      if (!isAuthishCode(code)) return null;
      const s = st.f.s;
      const start = m.index + m[0].length;
      let e = start;
      const lim = Math.min(s.length, start + 2000);
      while (e < lim && !(s[e] === '"' && s[e - 1] !== '\\') && st.f.nl[e] !== 1) e++;
      // a body whose message closes (`{"__type":"com.amazon.aws.codewhisperer#AccessDeniedException","message":"Your
      // subscription does not support …"}`): its code names the refusal and the message is the text; a wording the
      // catalog knows is read by its own shape as well, over the same span
      const closed = s[e] === '"';
      if (!closed && e >= lim && lim < s.length) return null;
      if (closed && !namesRefusal(code)) return null;
      while (e > start && s.charCodeAt(e - 1) === 32) e--;
      if (e <= start) return null;
      const u = closed ? null : /^User: ([^\s"]{1,400}) is not\b/.exec(s.slice(start, e));
      const h = newHit(u ? 'user-not-authorized-truncated' : 'generic-auth-error', start, e);
      if (u) h.callerRaw = u[1] ?? null;
      h.code = code;
      return h;
    },
  },
  {
    re: /\bUser: ([^\s"]{1,400}) is not[a-z ]{0,24}\(truncated/g,
    handle: (_st, m) => {
      const h = newHit('user-not-authorized-truncated', m.index, m.index + m[0].length);
      h.callerRaw = m[1] ?? null;
      return h;
    },
  },
  {
    re: new RegExp(String.raw`because no ${TYPE_PHRASE} allows? the ([a-z0-9-]{1,40}:[A-Za-z0-9*]{1,100})|with an explicit deny in (?:a |an |the )?${TYPE_PHRASE}`, 'gi'),
    handle: (_st, m) => {
      const h = newHit('deny-context-only', m.index, m.index + m[0].length);
      h.denyKind = m[1] ? 'implicit' : 'explicit';
      h.policyType = policyTypeOf(m[1] ?? m[3] ?? '');
      h.action = m[2] ?? null;
      return h;
    },
  },
  {
    re: /Access to the resource (?:<[^<>\n]{1,80}>|\S{1,400}) ?is denied\.?/g,
    handle: (st, m) => {
      const h = simple('sqs-access-denied')(st, m);
      // a full queue URL names the queue: https://sqs.<region>.amazonaws.com[.cn]/<account>/<name>
      const q = /^Access to the resource https:\/\/sqs\.([a-z]{2}(?:-[a-z]{2,10}){1,3}-\d)\.amazonaws\.com(\.cn)?\/(\d{12})\/([A-Za-z0-9_-]{1,80})(?:\s|$)/.exec(m[0]);
      if (q) {
        h.targetRaw = `arn:${q[2] ? 'aws-cn' : 'aws'}:sqs:${q[1]}:${q[3]}:${q[4]}`;
        h.region = q[1] ?? null;
      }
      return h;
    },
  },
  {
    // JS SDK v3 names an error whose response has no body after the HTTP status: `403: UnknownError`, or
    // `"name": "403"` … `"message": "UnknownError"` in the error's JSON / util.inspect dump (aws-sdk-js-v3 #6597)
    re: /\bUnknownError\b/g,
    handle: (st, m) => {
      const s = st.f.s;
      const before = s.slice(Math.max(0, m.index - 600), m.index);
      const after = s.slice(m.index, m.index + 400);
      const named = /\b403: $/.test(before) || /name\\?["']?\s?[:=]\s?\\?["']403\\?["']/.test(before + after);
      if (!named || (!/\b403: $/.test(before) && !/httpStatusCode\\?["']?\s?:\s?403\b/.test(before + after))) return null;
      return newHit('js-sdk-unknown-403', m.index, m.index + m[0].length);
    },
  },
  {
    re: /Error making request with Error Code ([A-Za-z]{2,60}) and Http Status Code ([A-Za-z]{2,60})\.?/g,
    handle: (_st, m) => {
      if (!isAuthishCode(m[1] ?? '')) return null;
      const h = newHit('dotnet-error-making-request', m.index, m.index + m[0].length);
      h.code = m[1] ?? null;
      return h;
    },
  },
  {
    // Java/.NET: any message followed by `(Service: …; Status Code: 4xx; Error Code: <auth code>; …)`; AWS's
    // documentation prints the same tail lower-case and without a request id: `(service: …; error code: X)`
    re: /\(Service: [^;,()]{1,80}[;,] Status Code: \d{3}[;,] Error Code: ([A-Za-z][A-Za-z0-9.]{1,100})[;,)]/gi,
    handle: (st, m) => {
      if (!isAuthishCode(m[1] ?? '')) return null;
      const s = st.f.s;
      let b = m.index;
      const lim = Math.max(0, m.index - 400);
      while (b > lim && st.f.nl[b - 1] !== 1) b--;
      // a line that starts lower-case continues the sentence of the line above (a terminal or a console wrapped
      // it: "… on resource: arn:…:secret:x because no\nresource-based policy … (Service: …)"): the message began
      // there, so this hit joins the wording read on that line (not an exception class: `com.amazonaws…Exception:`)
      for (let guard = 0; guard < 4 && b > lim && b < m.index && /^[a-z]/.test(s[b] ?? '') && !EXCEPTION_CLASS.test(s.slice(b, m.index)) && !/[.!?]$/.test(s.slice(b - 2, b - 1)); guard++) {
        let k = b - 1;
        const klim = Math.max(0, k - 400);
        while (k > klim && st.f.nl[k - 1] !== 1) k--;
        b = k;
      }
      while (b < m.index && s.charCodeAt(b) === 32) b++;
      // skip a leading exception class (`com.amazonaws…FooException: `)
      const cls = EXCEPTION_CLASS.exec(s.slice(b, m.index));
      if (cls) b += cls[0].length;
      let e = m.index;
      while (e > b && s.charCodeAt(e - 1) === 32) e--;
      if (e <= b) return null;
      return newHit('generic-auth-error', b, e);
    },
  },
  {
    // the Java SDK v2 prints a service error that came without a message as `Service returned error code <Code>
    // (Service: SsoOidc, Status Code: 400, Request ID: …)`: the code names the refusal when it names an auth failure
    re: /\bService returned error code ([A-Za-z][A-Za-z0-9.]{1,100})(?= \(Service: ?[^;,()]{1,80}[;,] ?Status Code: ?\d{3}\b)/g,
    handle: (_st, m) => {
      const code = m[1] ?? '';
      if (!namesRefusal(code)) return null;
      const h = newHit('generic-auth-error', m.index, m.index + m[0].length);
      h.code = code;
      return h;
    },
  },
  { re: /Your request included an invalid SAML response\.?/g, handle: simple('saml-invalid-response') },
  { re: /Specified provider doesn'?t exist\.?/g, handle: simple('saml-provider-missing') },
  {
    // CloudFormation's resource handler names the resource type it was refused on; the `HandlerErrorCode: AccessDenied`
    // after the quoted message is this refusal's code (read here only: a handler quoting a service's own message keeps
    // that message's reading)
    re: /\bAccess denied for operation '?AWS::[A-Za-z0-9]{1,60}::[A-Za-z0-9]{1,80}'?\.?/g,
    handle: (st, m) => {
      const h = simple('cfn-handler-access-denied')(st, m);
      const end = m.index + m[0].length;
      const c = /^["']? ?\(RequestToken: ?[^,()]{1,80}, ?HandlerErrorCode: ?([A-Za-z]{2,60})\)/.exec(st.f.s.slice(end, end + 200));
      if (c?.[1] && isAuthishCode(c[1])) h.fallbackCode = c[1];
      return h;
    },
  },
  { re: /You can'?t access a secret from a different AWS account if you encrypt the secret with the default KMS service key\.?/g, handle: simple('secret-default-key-cross-account') },
  {
    // a sentence, then the service's code as the line's last word ("… from S3. AccessDenied")
    re: /[a-z0-9)]\. (AccessDenied(?:Exception)?|Forbidden|UnauthorizedOperation)(?=[ "'}\]]|$)/g,
    handle: (st, m) => {
      const s = st.f.s;
      const end = m.index + m[0].length;
      // the line (or the quoted string holding it) ends there; a line break is a marked space in the flat text
      let k = end;
      while (k < s.length && k < end + 4 && /["'}\]]/.test(s[k] ?? '')) k++;
      if (k < s.length && st.f.nl[k] !== 1) return null;
      let b = m.index;
      const lim = Math.max(0, m.index - 300);
      while (b > lim && st.f.nl[b - 1] !== 1) b--;
      const h = newHit('code-after-message', skipSpaces(s, b), end);
      h.fallbackCode = m[1] ?? null;
      return h;
    },
  },
  {
    // a service's own sentence that a principal lacks permissions (CodePipeline, EKS console …); read from the
    // start of its line to the end of its sentence
    re: /\b(?:does not|doesn'?t) have (?:sufficient |the required |the necessary |necessary |enough )?(?:permissions?|access) to\b|\bdoes not have sufficient permissions\b|\bhas sufficient permissions to access\b|\bYou (?:do not|don'?t) have (?:sufficient |enough )?(?:permissions?|access) to perform\b|\bInsufficient (?:[A-Za-z]{1,20} ){0,4}permission(?:s|\(s\))?\b|\brole is not authorized to (?:access|use|write to|publish to|create|invoke)\b/gi,
    handle: (st, m) => {
      const s = st.f.s;
      let b = m.index;
      const lim = Math.max(0, m.index - 300);
      while (b > lim && st.f.nl[b - 1] !== 1) b--;
      // the sentence begins after an SDK's envelope on its line (botocore's "… when calling the Op operation: ",
      // Go v2's "… api error Code: "), which the envelope reader then reads before the sentence
      const env = afterLastEnvelope(s, b, m.index);
      b = env.at;
      let e = m.index + m[0].length;
      const elim = Math.min(s.length, e + 300);
      // the sentence ends where a Java/.NET `(Service: …; Error Code: …)` suffix begins, which the envelope reads
      while (e < elim && st.f.nl[e] !== 1 && s[e] !== '.' && !(s.charCodeAt(e) === 40 && s.startsWith('(Service:', e))) e++;
      if (s[e] === '.') e++;
      else if (s.charCodeAt(e) === 40) while (e > m.index + m[0].length && s.charCodeAt(e - 1) === 32) e--;
      const h = newHit('insufficient-permissions-sentence', skipSpaces(s, b), e);
      h.fallbackCode = env.code;
      return h;
    },
  },
  { re: /Invalid information in one or more fields\.?(?: Check your information or contact your administrator\.?)?/g, handle: simple('console-switch-role-invalid') },
  {
    // the Swift SDK prints its service errors as Swift values: `AccessDeniedException(properties:
    // AWSBedrockRuntime.AccessDeniedException.Properties(message: Optional("…")), httpResponse: … x-amzn-ErrorType: …`;
    // the type's name is the code (else the response's x-amzn-ErrorType header), the quoted string the message
    re: /\b([A-Z][A-Za-z0-9]{1,100})\(properties: [A-Za-z0-9_.]{1,200}\(message: (?:Optional\()?"/g,
    handle: (st, m) => {
      const s = st.f.s;
      const start = m.index + m[0].length;
      let end = s.indexOf('"', start);
      if (end < 0 || end - start > 2000) return null;
      let code = m[1] ?? '';
      if (!isAuthishCode(code)) {
        const hdr = /\bx-amzn-ErrorType: ?([A-Za-z][A-Za-z0-9.#]{1,100})(?=[:,;)\s]|$)/i.exec(s.slice(end, end + 1500));
        code = hdr?.[1] ?? '';
        if (!isAuthishCode(code)) return null;
      }
      while (end > start && s.charCodeAt(end - 1) === 32) end--;
      if (end <= start) return null;
      const h = newHit('generic-auth-error', start, end);
      h.code = code;
      return h;
    },
  },
  {
    re: /(?:(?:An [Ee]rror occur?red \(([^()\s]{1,100})\)|A client error \(([^()\s]{1,100})\) occurred)(?: \(reached max retries: \d{1,3}\))? when calling the [A-Za-z0-9]{1,100} operation(?: \(reached max retries: \d{1,3}\))?|\b(?:api error |Aws::[A-Za-z0-9]{1,30}::Errors::)?(AccessDenied(?:Exception)?|UnauthorizedOperation|ExpiredToken(?:Exception)?|InvalidClientTokenId|InvalidIdentityToken(?:Exception)?|IDPRejectedClaim(?:Exception)?|IDPCommunicationError(?:Exception)?|RegionDisabledException|UnrecognizedClientException|KMSAccessDeniedException|KMS(?:Disabled|InvalidState|NotFound)Exception|EFSMountFailureException|SignatureDoesNotMatch|InvalidAccessKeyId|AuthFailure|NotAuthorizedException|AuthorizationError(?:Exception)?|PackedPolicyTooLarge(?:Exception)?|AllAccessDisabled|OptInRequired)(?: \((?:client|server)\))?|\bapi error ([A-Za-z][A-Za-z0-9.]{1,100})):(?=\s|$)/g,
    handle: (st, m) => {
      // Go v2's `api error Code:` with a code not listed above (`ForbiddenException`, `UnauthorizedException`): read
      // when the code names an auth failure
      if (m[4] !== undefined) {
        if (!isAuthishCode(m[4])) return null;
        m[3] = m[4];
      }
      return codeThenMessage(st, m, m.index + m[0].length);
    },
  },
  {
    // botocore's sentence with a line break, not `: `, after "operation" (a tool printed the message on the next line)
    re: /(?:An [Ee]rror occur?red \(([^()\s]{1,100})\)|A client error \(([^()\s]{1,100})\) occurred)(?: \(reached max retries: \d{1,3}\))? when calling the [A-Za-z0-9]{1,100} operation(?: \(reached max retries: \d{1,3}\))?(?= [^\s:])/g,
    handle: (st, m) => {
      const at = m.index + m[0].length;
      return st.f.nl[at] === 1 ? codeThenMessage(st, m, at + 1) : null;
    },
  },
  {
    // the Rust SDK (aws-smithy-types): ErrorMetadata's Display `Error { code: "X", message: "…", … }`, its Debug
    // `ErrorMetadata { code: Some("X"), message: Some("…"), … }`, a modeled error's Debug inside `ServiceError { source:
    // X(X { message: Some("…"), meta: … }) }`
    re: /\b(?:Error|ErrorMetadata) \{ code: (?:Some\()?"([A-Za-z][A-Za-z0-9.#:]{1,100})"\)?, message: (?:Some\()?"?|\bServiceError \{ source: ([A-Z][A-Za-z0-9]{1,100})\([A-Z][A-Za-z0-9]{1,100} \{ message: (?:Some\()?"?/g,
    handle: (st, m) => {
      if (m[2]) m[1] = m[2];
      return rustErrorValue(st, m);
    },
  },
  {
    // the Rust SDK's Display of an operation error the model does not name: `unhandled error (X)`; when the error
    // value printed after it (`Error { code: "X", message: … }`) gives the message, that value is read instead
    re: /\bunhandled error \(([A-Za-z][A-Za-z0-9.]{1,100})\)/g,
    handle: (st, m) => {
      const code = m[1] ?? '';
      if (!isAuthishCode(code)) return null;
      const later = st.f.s.slice(m.index + m[0].length, m.index + 3000);
      if (later.includes(`code: "${code}", message: "`) || later.includes(`code: Some("${code}"), message: Some("`)) return null;
      const h = newHit('sdk-error-value', m.index, m.index + m[0].length);
      h.code = lastSegment(code);
      return h;
    },
  },
  {
    // the Rust SDK's Debug of an operation error with no code at all (S3 answers HEAD with a bare 403): `ServiceError {
    // err: HeadObjectError { kind: Unhandled(Error { code: None, … }) … }, raw: Response { … status: 403` — the error
    // type names the operation, the raw response's status (`403`, `StatusCode(403)`) says it was refused
    re: /\b([A-Z][A-Za-z0-9]{1,80})Error \{ ?kind: Unhandled\(/g,
    handle: (st, m) => {
      const s = st.f.s;
      const win = s.slice(m.index + m[0].length, m.index + m[0].length + 2500);
      const status = /\bstatus: (?:StatusCode\()?(40[13])\b/.exec(win);
      // a code in the dump is read by the value's own trigger (`Error { code: Some("AccessDenied"), … }`)
      if (!status || /\bcode: Some\("/.test(win.slice(0, status.index))) return null;
      const h = newHit('sdk-error-value', m.index, m.index + m[0].length);
      h.operation = m[1] ?? null;
      if (/"server": ?(?:HeaderValue \{ _private: )?"AmazonS3"/.test(win)) h.service = 's3';
      return h;
    },
  },
  {
    // a service relays another's refusal of the call it made with the caller's credentials (Lambda checking a VPC
    // configuration with EC2): the action is the named service's operation
    re: /Your access has been denied by ([A-Za-z0-9][A-Za-z0-9 ]{0,39}), please make sure your request credentials have permission to ([A-Z][A-Za-z0-9]{1,100})\b/g,
    handle: (st, m) => {
      const svc = servicePrefix(m[1] ?? '');
      if (!svc) return null;
      const s = st.f.s;
      let end = m.index + m[0].length;
      const lim = Math.min(s.length, end + 400);
      while (end < lim && st.f.nl[end] !== 1 && s[end] !== '.') end++;
      if (s[end] === '.') end++;
      const h = newHit('service-relayed-refusal', m.index, end);
      h.action = `${svc}:${m[2]}`;
      return h;
    },
  },
  { re: RUBY_LOG_RE, handle: rubyLogLine },
  {
    // ECS: "ECS was unable to assume the role '<arn>' that was provided for this task."
    re: /\b[A-Z][A-Za-z0-9]{1,30} was unable to assume the role '([^'\s]{1,400})'(?: that was provided for this [a-z ]{1,40})?\.?/g,
    handle: (_st, m) => serviceAssume(m, m[1] ?? null),
  },
  {
    // CloudFormation: "Role arn:aws:iam::…:role/… is invalid or cannot be assumed" (the stack's service role)
    re: /Role (arn:aws[a-z-]{0,12}:iam::\d{12}:role\/[\w+=,.@\/-]{1,400}) is invalid or cannot be assumed\.?/g,
    handle: (_st, m) => serviceAssume(m, m[1] ?? null),
  },
  {
    // git over HTTPS to CodeCommit: "fatal: unable to access 'https://git-codecommit.<region>.amazonaws.com/v1/repos/<repo>/':
    // The requested URL returned error: 403" (CodeCommit troubleshooting: credentials the helper or keychain supplies)
    re: /unable to access '?https:\/\/git-codecommit(?:-fips)?\.[a-z0-9-]{1,30}\.amazonaws\.com(?:\.cn)?\/v1\/repos\/[A-Za-z0-9._-]{1,100}\/?'?: The requested URL returned error: 403\b/g,
    handle: (st, m) => {
      const h = newHit('codecommit-git-forbidden', m.index, m.index + m[0].length);
      // the git command that ran, on a line before it: reads need GitPull, a push GitPush (CodeCommit permissions reference)
      const before = st.f.s.slice(Math.max(0, m.index - 1500), m.index);
      const cmd = /\bgit (clone|pull|fetch|ls-remote|push)\b(?![\s\S]*\bgit (?:clone|pull|fetch|ls-remote|push)\b)/.exec(before);
      if (cmd) h.action = cmd[1] === 'push' ? 'codecommit:GitPush' : 'codecommit:GitPull';
      return h;
    },
  },
  {
    // EFS: the same words a plain NFS server prints, read only when the paste is about EFS (mount -t efs, a file system
    // id, the mount helper's or the CSI driver's names)
    re: /mount\.nfs4?: access denied by server while mounting \S{1,300}/g,
    handle: (st, m) => {
      const around = st.f.s.slice(Math.max(0, m.index - 2000), Math.min(st.f.s.length, m.index + m[0].length + 300));
      if (!EFS_CONTEXT.test(around)) return null;
      let end = m.index + m[0].length;
      while (end > m.index && /['".,;)]/.test(st.f.s[end - 1] as string)) end--;
      return newHit('efs-mount-access-denied', m.index, end);
    },
  },
  {
    // Cognito identity pools: the role the pool hands out does not trust Cognito for this pool
    re: /Invalid identity pool configuration\. Check assigned IAM roles for this pool\.?/g,
    handle: (st, m) => {
      const h = newHit('cognito-pool-role-untrusted', m.index, m.index + m[0].length);
      // its own code leads it (`InvalidIdentityPoolConfigurationException: …`, botocore's `(InvalidIdentityPoolConfigurationException)`)
      if (/InvalidIdentityPoolConfiguration(?:Exception)?\)?[^A-Za-z]{0,80}$/.test(st.f.s.slice(Math.max(0, m.index - 160), m.index))) {
        const k = st.f.s.lastIndexOf('InvalidIdentityPoolConfiguration', m.index);
        h.code = /^InvalidIdentityPoolConfigurationException/.test(st.f.s.slice(k, k + 41)) ? 'InvalidIdentityPoolConfigurationException' : 'InvalidIdentityPoolConfiguration';
      }
      return h;
    },
  },
  {
    // aws-actions/configure-aws-credentials reports its failed STS call as "Could not assume role with <how>: <STS's
    // message>"; STS's message is read by its own wording when it has one, this reads the rest (`Unable to validate tags`)
    re: /\bCould not assume role with (?:OIDC|web identity token file|user credentials): /g,
    handle: (st, m) => {
      const s = st.f.s;
      let end = m.index + m[0].length;
      const lim = Math.min(s.length, end + 300);
      while (end < lim && st.f.nl[end] !== 1) end++;
      if (end <= m.index + m[0].length) return null;
      return newHit('gha-assume-role-failed', m.index, end);
    },
  },
  {
    // the Go SDK v1's client-side parameter validation (`InvalidParameter: 1 validation error(s) found.` then a line per
    // field, `- minimum field size of 20, AssumeRoleWithSAMLInput.PrincipalArn.`): read when the input it names is an
    // STS call's — the request never reached STS, a parameter the tool built was empty or malformed
    re: /\bInvalidParameter: \d{1,3} validation error\(s\) found\./g,
    handle: (st, m) => {
      const s = st.f.s;
      const from = m.index + m[0].length;
      const inp = /\b([A-Z][A-Za-z0-9]{1,80})Input\.[A-Z][A-Za-z0-9]{0,80}\.?/.exec(s.slice(from, from + 600));
      if (!inp || !STS_OPS.has(inp[1] ?? '')) return null;
      const h = newHit('sdk-param-validation', m.index, from + inp.index + inp[0].length);
      h.code = 'InvalidParameter';
      h.operation = inp[1] ?? null;
      h.service = 'sts';
      return h;
    },
  },
  {
    // Cognito's code before another text (the JS SDK v2 replaces the message with its own "Missing credentials in
    // config" when the credentials provider fails): the code alone says the pool's role configuration was refused
    re: /\bInvalidIdentityPoolConfigurationException: (?!Invalid identity pool configuration)/g,
    handle: (st, m) => {
      const s = st.f.s;
      let end = m.index + m[0].length;
      const lim = Math.min(s.length, end + 300);
      while (end < lim && st.f.nl[end] !== 1) end++;
      const h = newHit('cognito-pool-role-untrusted', m.index, end);
      h.code = 'InvalidIdentityPoolConfigurationException';
      return h;
    },
  },
  {
    // EC2's state reason for an instance that could not start (describe-instances StateReason, Auto Scaling activities)
    re: /\bClient\.InternalError: Client error on launch\b\.?/g,
    handle: (_st, m) => {
      const h = newHit('ec2-client-error-on-launch', m.index, m.index + m[0].length);
      h.code = 'Client.InternalError';
      return h;
    },
  },
  {
    // a service's own check that it may invoke the function it was handed (Secrets Manager rotation, CloudWatch Logs
    // subscription filters): the function's resource-based policy must allow the service principal
    re: /Secrets Manager cannot invoke the specified Lambda function\.(?: Ensure that the function policy grants access to the principal [a-z0-9.-]{1,80}\.amazonaws\.com\.?)?|Could not execute the lambda function\. Make sure you have given CloudWatch Logs permission to execute your function\.?/g,
    handle: (_st, m) => newHit('service-cannot-invoke-function', m.index, m.index + m[0].length),
  },
  {
    // Amplify Hosting's build: "!!! Unable to assume specified IAM Role. Please ensure the selected IAM Role has
    // sufficient permissions and the Trust Relationship is configured correctly." (the app's service role)
    re: /Unable to assume (?:the )?specified IAM Role\.(?: Please ensure the selected IAM Role has sufficient permissions and the Trust Relationship is configured correctly\.?)?/g,
    handle: (_st, m) => serviceAssume(m, null),
  },
  {
    // CloudTrail's trail status: the service principal's last write of log files (or digests) to the bucket was refused
    re: /"Latest(?:Digest)?DeliveryError"\s{0,4}:\s{0,4}"AccessDenied"/g,
    handle: (_st, m) => {
      const h = newHit('cloudtrail-delivery-access-denied', m.index, m.index + m[0].length);
      h.callerRaw = 'cloudtrail.amazonaws.com';
      h.code = 'AccessDenied';
      return h;
    },
  },
  {
    // S3 checks that it may call the notification destination before saving the configuration
    re: /Unable to validate the following destination configurations/g,
    handle: (_st, m) => {
      const h = newHit('s3-notification-destination-unvalidated', m.index, m.index + m[0].length);
      h.callerRaw = 's3.amazonaws.com';
      return h;
    },
  },
  { re: /cannot be assumed by [A-Z][A-Za-z0-9 .-]{0,40}?\./g, handle: simple('service-cannot-assume-role', { backTo: /The role defined for the [a-z ]{1,40}$/i }) },
  {
    // Redshift's COPY / UNLOAD / Spectrum: "User arn:aws:redshift:…:dbuser:CLUSTER/USER is not authorized to assume IAM
    // Role arn:aws:iam::…:role/R" — the cluster assumes the role for the database user; the first role of a chain
    re: /\bis not authorized to assume IAM Role (arn:aws[a-z-]{0,20}:iam::[^\s,;'"]{1,300})/g,
    handle: (st, m) => {
      const who = callerBefore(st, m.index + 3); // from "not", as the typed wordings ask
      const h = newHit('redshift-cannot-assume-role', who.raw ? who.start : m.index, m.index + m[0].length);
      h.callerRaw = who.raw;
      h.targetRaw = m[1] ?? null;
      return h;
    },
  },
  // Step Functions (and other services handed a role): "The principal states.amazonaws.com is not authorized to assume
  // the provided role.", "Neither the global service principal states.amazonaws.com, nor the regional one is authorized …"
  {
    re: /\b(?:The principal|Neither the global service principal) [a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){0,2}\.amazonaws\.com(?:\.cn)?,?(?: nor the regional one)? is (?:not )?authorized to assume the provided role\.?/g,
    handle: (_st, m) => serviceAssume(m, null),
  },
  {
    // Lambda's event source mapping: "Cannot access stream <ARN>. Please ensure the role can perform the GetRecords,
    // GetShardIterator, DescribeStream, ListShards, and ListStreams Actions on your stream in IAM." — the execution
    // role's onward read of the stream; the ARN may have been wrapped (its line breaks are dropped)
    re: /\. Please ensure the role can perform the ([A-Za-z, ]{1,300}?) Actions on your stream in IAM\.?/g,
    handle: (st, m) => {
      const s = st.f.s;
      const lead = 'Cannot access stream ';
      const i = s.lastIndexOf(lead, m.index);
      if (i < 0 || m.index - i > 600) return null;
      let stream = '';
      let spaced = false;
      for (let k = i + lead.length; k < m.index; k++) {
        if (s.charCodeAt(k) !== 32) stream += s[k];
        else if (st.f.nl[k] !== 1) { stream += ' '; spaced = true; } // a space the text had
      }
      // one stream name, or a placeholder the reporter put for it (`<Stream ARN>`)
      if (!stream || (spaced && !isPlaceholder(stream))) return null;
      const h = newHit('event-source-stream-unreadable', i, m.index + m[0].length);
      const arn = /^arn:aws[a-z-]{0,20}:(dynamodb|kinesis):/.exec(stream);
      const first = /^[A-Z][A-Za-z]{1,60}(?=,| and |$)/.exec(m[1] ?? '');
      if (arn && first) h.action = `${arn[1]}:${first[0]}`;
      if (stream.startsWith('arn:')) h.targetRaw = stream;
      return h;
    },
  },
  {
    // CodeBuild's DOWNLOAD_SOURCE phase: "CLIENT_ERROR: AccessDenied: Access Denied for primary source and source
    // version arn:aws:s3:::bucket/key" — its service role's s3:GetObject of the source object (the S3 status line
    // may sit between the refusal and "for primary source")
    re: /for primary source(?: and source version (arn:aws[a-z-]{0,12}:s3:::[^\s'"`]{1,1024}))?/g,
    handle: (st, m) => {
      const s = st.f.s;
      const i = s.lastIndexOf('Access Denied', m.index);
      if (i < 0 || m.index - i > 400) return null;
      const h = newHit('codebuild-source-denied', i, m.index + m[0].length);
      h.action = 's3:GetObject';
      // the sentence's own full stop or comma is not part of the key
      let arn = m[1] ?? '';
      while (arn && '.,;:'.includes(arn[arn.length - 1]!)) arn = arn.slice(0, -1);
      if (arn) h.targetRaw = arn;
      return h;
    },
  },
  { re: /(?:Request|Principal|Role|Provider) ARN is invalid/g, handle: simple('sts-request-arn-invalid') },
  {
    re: /You must be logged in to the server \((?:Unauthorized|the server has asked for the client to provide credentials)\)/g,
    handle: (st, m) => {
      const h = simple('k8s-unauthorized', { backTo: /error: $/ })(st, m);
      if (/\(Unauthorized\)$/.test(m[0])) h.fallbackCode = 'Unauthorized';
      return h;
    },
  },
  {
    // Kubernetes' refusal of an authenticated identity: the caller is the IAM ARN EKS mapped it from (quoted)
    re: /Error from server \(Forbidden\): [a-z0-9.-]{1,100} is forbidden: User "([^"\n]{1,400})" cannot [a-z]{1,30} resource "[a-z0-9.-]{1,100}"(?: in API group "[a-z0-9.-]{0,100}")?(?: in the namespace "[a-z0-9-]{1,63}")?(?: at the cluster scope)?/g,
    handle: (_st, m) => {
      const h = newHit('k8s-forbidden', m.index, m.index + m[0].length);
      const who = m[1] ?? '';
      if (who.startsWith('arn:aws')) h.callerRaw = who;
      h.fallbackCode = 'Forbidden';
      return h;
    },
  },
  { re: /All access to this (?:resource|object|bucket) has been disabled\.?/g, handle: simple('s3-all-access-disabled') },
  {
    re: /Cannot call (GetSessionToken|GetFederationToken) with session credentials\.?/g,
    handle: (_st, m) => {
      const h = newHit('sts-session-credentials', m.index, m.index + m[0].length);
      h.action = `sts:${m[1]}`;
      return h;
    },
  },
  {
    // also a resource handler's "Access denied for operation 'codeartifact:CreateRepository'" (the action quoted)
    re: /\bAPI: ([a-z0-9-]{1,40}:[A-Za-z0-9]{1,100}) Access Denied\b|\bAccess [Dd]enied for operation '([a-z0-9-]{1,40}:[A-Za-z0-9]{1,100})'\.?/g,
    handle: (_st, m) => {
      const h = newHit('cfn-api-access-denied', m.index, m.index + m[0].length);
      h.action = m[1] ?? m[2] ?? null;
      h.fallbackCode = 'AccessDenied';
      return h;
    },
  },
  { re: /[Uu]nable to fetch parameters? [[(][^\])]{1,600}[\])] from parameter store for this account\.?/g, handle: simple('cfn-ssm-parameter-unreadable') },
  {
    re: /\b\d{1,3} validation errors? detected:?/g,
    handle: (st, m) => {
      const s = st.f.s;
      const end = m.index + m[0].length;
      const win = s.slice(Math.max(0, m.index - 200), end + 600);
      if (!/roleSessionName|roleArn|principalArn|durationSeconds|serialNumber|tokenCode|externalId|webIdentityToken|samlAssertion|AssumeRole|operation error STS/i.test(win)) return null;
      // the constraint list runs to the end of its line; keep it bounded
      let e = end;
      const lim = Math.min(s.length, end + 1500);
      while (e < lim && st.f.nl[e] !== 1) e++;
      // STS's code is ValidationError; a JSON protocol's ValidationException printed just before (`Code: `, botocore's
      // `(Code) when calling the Op operation: `) is another service refusing a parameter ("Value null at 'roleArn'"), an
      // authorization failure only when its message reports a refusal, as codeThenMessage reads that code
      if (validationExceptionBefore(s, m.index) && !VALIDATION_REFUSAL.test(unquoted(s.slice(m.index, e)))) return null;
      return newHit('sts-validation-errors', m.index, e);
    },
  },
  // the code inside botocore's envelope "(PackedPolicyTooLarge)" is the envelope's: the sentence after it is the hit, so the
  // envelope before it is read (code and operation)
  { re: /(?<!\()PackedPolicyTooLarge(?!\))|Packed policy consumes \d{1,4}% of allotted space[^.]{0,80}\.?/g, handle: simple('packed-policy-too-large') },
  { re: /Credentials could not be loaded, please check your action inputs(?:: [^.]{0,120})?/g, handle: simple('gha-credentials-not-loaded') },
  { re: NO_CREDENTIALS_RE, handle: noCredentials },
  {
    // docker (or a CI step calling it) had no credentials to send to an ECR registry: `Error response from daemon:
    // Get https://<acct>.dkr.ecr.<region>.amazonaws.com/v2/…: no basic auth credentials`, or after `docker push`'s
    // `The push refers to repository [<acct>.dkr.ecr…]`; another registry's refusal is not AWS's
    re: /\bno basic auth credentials\b/g,
    handle: (st, m) => (st.f.s.slice(Math.max(0, m.index - 800), m.index).includes('.dkr.ecr.') ? newHit('no-credentials', m.index, m.index + m[0].length) : null),
  },
  {
    // a REST-XML error body whose root element is the code (`<AccessDeniedException> <Message> … </Message>`): the
    // element's name is the code, the Message element's text the message
    re: /<([A-Z][A-Za-z0-9]{2,100})>\s{0,40}<Message>\s{0,4}/g,
    handle: (st, m) => {
      const code = m[1] ?? '';
      if (!isAuthishCode(code)) return null;
      const s = st.f.s;
      const start = m.index + m[0].length;
      let end = s.indexOf('</Message>', start);
      if (end < 0 || end - start > 2000) return null;
      while (end > start && s.charCodeAt(end - 1) === 32) end--;
      if (end <= start) return null;
      const h = newHit('xml-error-element', start, end);
      h.code = code;
      return h;
    },
  },
  {
    // fluent-bit's C output plugins: `<Operation> API responded with error='<Code>'` is the whole report (the operation
    // and the code, nothing else); only an authorization code is a refusal (ResourceAlreadyExistsException is not)
    re: /\b([A-Z][A-Za-z0-9]{2,80}) API responded with error='([A-Za-z][A-Za-z0-9.]{2,100})'/g,
    handle: (_st, m) => {
      const code = m[2] ?? '';
      if (!isAuthishCode(code)) return null;
      const h = newHit('fluent-bit-api-error', m.index, m.index + m[0].length);
      h.code = code;
      h.operation = m[1] ?? null;
      return h;
    },
  },
  { re: /Did you mean to set the id-token permission\??/g, handle: simple('gha-id-token-permission', { backTo: /It looks like you might be trying to authenticate with OIDC\. $/ }) },
];

/** Bare "Access Denied" / "Forbidden": only when it is the whole message (after a code, quote or colon). */
export const BARE_RE = /Access Denied|Access denied|Forbidden|ACCESS DENIED/g;

export function scanBare(f: Flat, m: RegExpExecArray): Hit | null {
  const s = f.s;
  const i = m.index;
  const e = i + m[0].length;
  const before = s.slice(Math.max(0, i - 2), i);
  const okBefore = i === 0 || /(?:[:"'>(\]]|^) ?$/.test(before) || (f.nl[i - 1] === 1) ||
    (m[0] === 'Forbidden' && /HTTP\/\d(?:\.\d)? 403 $/.test(s.slice(Math.max(0, i - 14), i)));
  if (!okBefore) return null;
  const next = s.slice(e, e + 14);
  const okAfter = e >= s.length || f.nl[e] === 1 || (/^ ?(?:[."'<),;\]}]|$)/.test(next) || /^ (?:\(|status code|\[|-{1,3}>?(?: |$))/i.test(next)
    // a client's error name after it (Kafka clients against MSK IAM: `Access denied: SASL_AUTHENTICATION_FAILED: …`)
    || /^: [A-Z][A-Z0-9]{1,20}_[A-Z0-9_]{2,60}(?::|\s|$)/.test(s.slice(e, e + 64)));
  if (!okAfter) return null;
  let end = e;
  if (s[end] === '.') end++;
  return newHit('access-denied-bare', i, end);
}
