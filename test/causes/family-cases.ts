/**
 * Synthetic cases for the session-tag, request, target, credential, web-identity, SAML, service,
 * S3 and KMS cause families: per cause, one input where it must rank first, and — where a pasted
 * policy or a request fact can disprove it — one input where it must be ruled out.
 * Shared by families.test.ts (and usable by the catalog test).
 */
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const A = '111111111111';
const B = '222222222222';
const session = (role: string, s = 'job-1', acct = A) => `arn:aws:sts::${acct}:assumed-role/${role}/${s}`;
const role = (name: string, acct = B) => `arn:aws:iam::${acct}:role/${name}`;
const deny = (caller: string, action: string, resource: string, tail = '', op = action.split(':')[1]) =>
  `An error occurred (AccessDenied) when calling the ${op} operation: User: ${caller} is not authorized to perform: ${action} on resource: ${resource}${tail}`;
const doc = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const trust = (...statements: object[]): PolicyInput => ({ kind: 'trust', document: doc(...statements) });
const identity = (...statements: object[]): PolicyInput => ({ kind: 'identity', document: doc(...statements) });
const resource = (...statements: object[]): PolicyInput => ({ kind: 'resource', document: doc(...statements) });
const KEY = `arn:aws:kms:eu-west-1:${A}:key/0b6f2a8e-4c1d-47e3-9a25-d8e7c6b5a4f3`;
const GH_PROVIDER = `arn:aws:iam::${B}:oidc-provider/token.actions.githubusercontent.com`;
const keyAdmin = { Sid: 'KeyAdmins', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/kms-admins` }, Action: ['kms:Create*', 'kms:Describe*', 'kms:Put*'], Resource: '*' };
const webDeny = 'Run aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: arn:aws:iam::222222222222:role/gh-deploy\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity';
const ghTrust = (conditions: object) => trust({ Sid: 'GitHub', Effect: 'Allow', Principal: { Federated: GH_PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditions });

export const FAMILY_FIRST: Record<string, ExplainInput> = {
  'tagsession-not-allowed': {
    message: deny(session('ci'), 'sts:TagSession', role('deploy'), '', 'AssumeRole'),
    policies: [trust({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/ci` }, Action: 'sts:AssumeRole' })],
    request: { sessionTags: { Repository: 'org/app', Actor: 'dev' } },
  },
  'setsourceidentity-not-allowed': {
    message: deny(session('engineer', 'ana'), 'sts:SetSourceIdentity', role('prod-read'), '', 'AssumeRole'),
    policies: [trust({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/engineer` }, Action: 'sts:AssumeRole' })],
    request: { chained: true, sourceIdentity: 'ana' },
  },
  'packed-policy-too-large': {
    message: 'An error occurred (PackedPolicyTooLarge) when calling the AssumeRole operation: Packed policy consumes 112% of allotted space, please use smaller policy for assume role.',
  },
  'duration-exceeds-max': {
    message: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    request: { durationSeconds: 43200 },
  },
  'role-chaining-1h-limit': {
    message: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  },
  'rolesessionname-invalid': {
    message: "An error occurred (ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value 'dependabot[bot]' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
  },
  'role-missing-or-typo': {
    message: "An error occurred (ValidationError) when calling the AssumeRole operation: 2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
  },
  'rolearn-not-a-role': {
    message: deny(`arn:aws:iam::${A}:user/etl`, 'sts:AssumeRole', `arn:aws:iam::${B}:instance-profile/etl-profile`),
  },
  'wrong-credentials-in-use': {
    message: 'An error occurred (AccessDenied) when calling the GetSessionToken operation: Cannot call GetSessionToken with session credentials',
  },
  'credentials-not-found': {
    message: 'Traceback (most recent call last):\n  File "sync.py", line 12, in <module>\n    s3.list_buckets()\nbotocore.exceptions.NoCredentialsError: Unable to locate credentials',
  },
  'expired-token': {
    message: 'An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired',
  },
  'invalid-token': {
    message: 'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
  },
  'sts-region-disabled': {
    message: 'An error occurred (RegionDisabledException) when calling the AssumeRole operation: STS is not activated in this region for account:222222222222. Your account administrator can activate STS in this region using the IAM Console.',
  },
  'global-endpoint-v1-token-optin-region': {
    message: '$ aws ec2 describe-instances --region ap-east-1\nAn error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to validate the provided access credentials',
  },
  'iam-eventual-consistency': {
    message: `# the pipeline's previous step just created the role\n${deny(`arn:aws:iam::${B}:user/ci`, 'sts:AssumeRole', role('bootstrap'))}`,
    policies: [
      trust({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:user/ci` }, Action: 'sts:AssumeRole' }),
      identity({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role('bootstrap') }),
    ],
  },
  'oidc-provider-missing': {
    message: 'WebIdentityErr: failed to retrieve credentials\ncaused by: InvalidIdentityToken: No OpenIDConnect provider found in your account for https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF\n\tstatus code: 400',
  },
  'oidc-audience-mismatch': {
    message: 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience',
  },
  'oidc-thumbprint-legacy': {
    message: "An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint",
  },
  'oidc-jwks-unreachable': {
    message: "An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
  },
  'oidc-sub-mismatch': {
    message: webDeny,
    policies: [ghTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:org/app:ref:refs/heads/main' } })],
    context: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:environment:prod', 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
  },
  'irsa-service-account-misconfigured': {
    message: 'E0625 06:12:44.498102       1 manager.go:128] WebIdentityErr: failed fetching WebIdentity token: \ncaused by: WebIdentityErr: unable to read file at /var/run/secrets/eks.amazonaws.com/serviceaccount/token\ncaused by: open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: no such file or directory',
  },
  'github-missing-id-token-permission': {
    message: 'Run aws-actions/configure-aws-credentials@v4\nError: Credentials could not be loaded, please check your action inputs: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable',
  },
  'webidentity-token-expired': {
    message: 'botocore.errorfactory.ExpiredTokenException: An error occurred (ExpiredTokenException) when calling the AssumeRoleWithWebIdentity operation: Token expired: current date/time 1624482533 must be before the expiration date/time1624482335',
  },
  'saml-role-provider-pair': {
    message: `$ aws sts assume-role-with-saml --role-arn ${role('Finance')} --principal-arn arn:aws:iam::${B}:saml-provider/Okta --saml-assertion file://a.b64\nAn error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML`,
    policies: [trust({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${B}:saml-provider/Entra` }, Action: 'sts:AssumeRoleWithSAML' })],
  },
  'saml-aud-mismatch': {
    message: 'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML',
    policies: [trust({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${B}:saml-provider/Okta` }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } })],
    context: { 'SAML:aud': 'https://eu-central-1.signin.aws.amazon.com/saml' },
  },
  'saml-assertion-invalid': {
    message: 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithSAML operation: Response signature invalid',
  },
  'resource-policy-missing-grant': {
    message: `An error occurred (AccessDenied) when calling the SendMessage operation: User: ${session('producer')} is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:eu-west-1:${B}:orders because no resource-based policy allows the sqs:SendMessage action`,
    policies: [resource({ Sid: 'Consumers', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:role/consumer` }, Action: 'sqs:*', Resource: `arn:aws:sqs:eu-west-1:${B}:orders` })],
  },
  'resource-policy-explicit-deny': {
    message: deny(session('app'), 's3:PutObject', '"arn:aws:s3:::finance-close/q2.xlsx"', ' with an explicit deny in a resource-based policy', 'PutObject'),
    policies: [resource({ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::finance-close', 'arn:aws:s3:::finance-close/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
    context: { 'aws:SecureTransport': 'false' },
  },
  'missing-passrole': {
    message: `An error occurred (AccessDeniedException) when calling the CreateFunction operation: User: ${session('deployer')} is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${A}:role/fn-exec because no identity-based policy allows the iam:PassRole action`,
    policies: [identity({ Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:UpdateFunctionCode'], Resource: '*' })],
  },
  'resource-missing-masked': {
    message: deny(session('reports'), 's3:GetObject', '"arn:aws:s3:::reports-prod/2024/06/summry.csv"', '', 'GetObject'),
    policies: [identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports-prod/*' })],
  },
  's3-block-public-access': {
    message: deny(session('web-admin'), 's3:PutBucketPolicy', '"arn:aws:s3:::site-assets"', ' because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.', 'PutBucketPolicy'),
  },
  's3-object-ownership': {
    message: 'upload failed: ./a.csv to s3://partner-drop/a.csv An error occurred (AccessControlListNotSupported) when calling the PutObject operation: The bucket does not allow ACLs',
  },
  's3-sse-kms-permissions': {
    message: deny(session('reader'), 'kms:Decrypt', KEY, ' because no resource-based policy allows the kms:Decrypt action', 'GetObject'),
    policies: [{ kind: 'resource', name: 'bucket key policy', document: doc(keyAdmin) }],
  },
  's3-requester-pays': {
    message: '$ aws s3 cp s3://open-genomes/reads/sample.bam .\nfatal error: An error occurred (403) when calling the HeadObject operation: Forbidden (the bucket is a Requester Pays bucket)',
    policies: [identity({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' })],
  },
  's3-object-lock': {
    message: 'An error occurred (AccessDenied) when calling the DeleteObject operation: Access Denied because object protected by object lock.',
  },
  's3-access-point': {
    message: deny(session('analyst'), 's3:GetObject', `"arn:aws:s3:eu-west-1:${A}:accesspoint/analytics-vpc/object/2024/a.csv"`, '', 'GetObject'),
    policies: [identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })],
  },
  's3-sse-c-blocked': {
    message: deny(session('uploader'), 's3:PutObject', '"arn:aws:s3:::vault/a.bin"', ' because this bucket has blocked upload requests that specify Server Side Encryption with Customer provided keys (SSE-C). Please specify a different server-side encryption type', 'PutObject'),
  },
  'kms-key-policy-missing-grant': {
    message: deny(session('worker'), 'kms:Decrypt', KEY, ' because no resource-based policy allows the kms:Decrypt action', 'Decrypt'),
    policies: [{ kind: 'resource', name: 'key policy', document: doc(keyAdmin) }, identity({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY })],
  },
  'kms-aws-managed-key-cross-account': {
    message: `An error occurred (AccessDeniedException) when calling the Decrypt operation: User: ${session('etl', 'x', B)} is not authorized to perform: kms:Decrypt on resource: ${KEY}`,
    policies: [{
      kind: 'resource', name: 'aws/s3 key policy', document: doc({
        Sid: 'Allow access through S3 for all principals in the account that are authorized to use S3', Effect: 'Allow', Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': A, 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
      }),
    }],
  },
  'kms-grant-pending': {
    message: `${deny(session('ebs-attacher'), 'kms:Decrypt', KEY, ' because no resource-based policy allows the kms:Decrypt action', 'Decrypt')}\n(CreateGrant for this role succeeded a second earlier; the grant token from CreateGrant was not passed)`,
    policies: [
      { kind: 'resource', name: 'key policy', document: doc({ Sid: 'EnableIam', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' }) },
      identity({ Effect: 'Allow', Action: 'kms:*', Resource: KEY }),
    ],
  },
  'kms-condition-unmet': {
    message: `$ aws kms decrypt --ciphertext-blob fileb://secret.bin\n${deny(session('ops'), 'kms:Decrypt', KEY, ' because no resource-based policy allows the kms:Decrypt action', 'Decrypt')}`,
    policies: [{
      kind: 'resource', name: 'key policy', document: doc(keyAdmin, {
        Sid: 'ViaS3Only', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/ops` }, Action: 'kms:Decrypt', Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
      }),
    }],
    context: { 'kms:ViaService': 'none' },
  },
  'kms-wrong-key-or-region': {
    message: `An error occurred (NotFoundException) when calling the Decrypt operation: Key '${KEY}' does not exist`,
  },
  'lake-formation-grant-missing': {
    message: `An error occurred (AccessDeniedException) when calling the GetTable operation: Insufficient Lake Formation permission(s) on orders (Service: AWSGlue; Status Code: 400; Error Code: AccessDeniedException)`,
  },
};

/** Cases where a pasted policy or a request fact disproves the cause: it must be ruled out (or absent). */
export const FAMILY_RULED_OUT: Array<{ id: string; why: string; input: ExplainInput }> = [
  {
    id: 'tagsession-not-allowed', why: 'the trust already allows sts:TagSession for the caller (same account)',
    input: {
      message: deny(session('ci', 'job', B), 'sts:TagSession', role('deploy'), '', 'AssumeRole'),
      policies: [trust({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:role/ci` }, Action: ['sts:AssumeRole', 'sts:TagSession'] })],
      request: { sessionTags: { a: 'b' } },
    },
  },
  {
    id: 'setsourceidentity-not-allowed', why: 'trust and caller policy allow sts:SetSourceIdentity',
    input: {
      message: deny(session('engineer', 'ana', B), 'sts:SetSourceIdentity', role('prod-read'), '', 'AssumeRole'),
      policies: [
        trust({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:role/engineer` }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }),
        identity({ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'], Resource: role('prod-read') }),
      ],
      request: { sourceIdentity: 'ana' },
    },
  },
  {
    id: 'duration-exceeds-max', why: 'the call asked for 3600 seconds, which every role allows',
    input: { message: "An error occurred (ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value '3600' at 'durationSeconds' failed to satisfy constraint", request: { durationSeconds: 3600 } },
  },
  {
    id: 'role-chaining-1h-limit', why: 'the call is not chained',
    input: { message: "An error occurred (ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value '7200' at 'durationSeconds' failed to satisfy constraint", request: { durationSeconds: 7200, chained: false } },
  },
  {
    id: 'rolesessionname-invalid', why: 'the session name sent is valid',
    input: { message: "An error occurred (ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64", request: { roleSessionName: 'deploy-main' } },
  },
  {
    id: 'oidc-sub-mismatch', why: 'the token subject satisfies the sub condition (the audience fails)',
    input: {
      message: webDeny,
      policies: [ghTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' } })],
      context: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:ref:refs/heads/main', 'token.actions.githubusercontent.com:aud': 'https://github.com/org' },
    },
  },
  {
    id: 'oidc-audience-mismatch', why: 'the token audience satisfies the aud condition',
    input: FAMILY_FIRST['oidc-sub-mismatch']!,
  },
  {
    id: 'saml-aud-mismatch', why: 'the assertion audience is the one the trust requires',
    input: { ...FAMILY_FIRST['saml-aud-mismatch']!, context: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  },
  {
    id: 'resource-policy-missing-grant', why: 'the queue policy grants the caller',
    input: {
      ...FAMILY_FIRST['resource-policy-missing-grant']!,
      policies: [resource({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/producer` }, Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:eu-west-1:${B}:orders` })],
    },
  },
  {
    id: 'resource-policy-explicit-deny', why: 'the TLS-only Deny does not apply to a TLS request',
    input: {
      message: deny(session('app', 'x', B), 's3:GetObject', '"arn:aws:s3:::datasets/a.parquet"', ' because no resource-based policy allows the s3:GetObject action', 'GetObject'),
      policies: [resource({ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::datasets', 'arn:aws:s3:::datasets/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
      context: { 'aws:SecureTransport': 'true' },
    },
  },
  {
    id: 'missing-passrole', why: 'the identity policy allows iam:PassRole on the role; an SCP denies',
    input: {
      message: `An error occurred (AccessDeniedException) when calling the CreateFunction operation: User: ${session('deployer')} is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${A}:role/fn-exec with an explicit deny in a service control policy`,
      policies: [identity({ Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${A}:role/fn-exec` })],
    },
  },
  {
    id: 'resource-missing-masked', why: 'the caller may list the bucket, so a missing key would be a 404',
    input: {
      message: `An error occurred (AccessDenied) when calling the GetObject operation: User: ${session('reports')} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::reports-prod/2024/a.csv"`,
      policies: [identity({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::reports-prod' })],
    },
  },
  {
    id: 's3-sse-kms-permissions', why: 'the key policy names the caller for kms:Decrypt',
    input: {
      message: deny(session('reader'), 'kms:Decrypt', KEY, ' because no identity-based policy allows the kms:Decrypt action', 'GetObject'),
      policies: [{ kind: 'resource', name: 'key policy', document: doc(keyAdmin, { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/reader` }, Action: 'kms:Decrypt', Resource: '*' }) }],
    },
  },
  {
    id: 'kms-key-policy-missing-grant', why: 'the key policy delegates to the account (IAM decides)',
    input: {
      message: deny(session('worker'), 'kms:Decrypt', KEY, ' because no identity-based policy allows the kms:Decrypt action', 'Decrypt'),
      policies: [{ kind: 'resource', name: 'key policy', document: doc({ Sid: 'EnableIam', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' }) }],
    },
  },
];
