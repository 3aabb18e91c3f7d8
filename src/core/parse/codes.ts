/**
 * Vocabularies: AWS error codes that mean an authorization/credential failure, STS operations,
 * and operation → IAM action mappings where the two names differ.
 */

/** Codes accepted even in a free position (`Code: message`, glued `CodeMessage`). */
export const KNOWN_CODES = new Set([
  'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'ExpiredToken', 'ExpiredTokenException',
  'InvalidClientTokenId', 'ValidationError', 'RegionDisabledException', 'InvalidIdentityToken',
  'InvalidIdentityTokenException', 'UnrecognizedClientException', 'KMSAccessDeniedException', 'Forbidden',
  'NotAuthorizedException', 'AuthFailure', 'AuthorizationError', 'AuthorizationErrorException',
  'SignatureDoesNotMatch', 'InvalidAccessKeyId', 'IDPRejectedClaim', 'IDPRejectedClaimException',
  'IDPCommunicationError', 'IDPCommunicationErrorException', 'PackedPolicyTooLarge',
  'PackedPolicyTooLargeException', 'MalformedPolicyDocument', 'MalformedPolicyDocumentException',
  'InvalidAuthorizationMessageException', 'MissingAuthenticationToken', 'MissingAuthenticationTokenException',
  'IncompleteSignature', 'IncompleteSignatureException', 'UnauthorizedException', 'AccessDeniedError',
  'RequestExpired', 'InvalidToken', 'OptInRequired', 'UnauthorizedAccess', 'AuthorizationFailure',
  'KMSAccessDenied', 'InvalidSignatureException', 'TokenRefreshRequired', 'ExpiredTokenError',
  'InvalidUserID.NotFound', 'Unauthorized', 'AccessDeniedFault', 'InsufficientPermissionsException',
  'ValidationException', 'AllAccessDisabled', 'AccessControlListNotSupported', 'InvalidIdentityPoolConfigurationException',
]);

const AUTHISH = /(?:AccessDenied|Unauthori[sz]ed|NotAuthorized|Forbidden|ExpiredToken|TokenExpired|InvalidClientTokenId|ValidationError|RegionDisabled|InvalidIdentityToken|UnrecognizedClient|AuthFailure|AuthorizationError|SignatureDoesNotMatch|InvalidAccessKeyId|IDPRejectedClaim|IDPCommunicationError|PackedPolicyTooLarge|MalformedPolicyDocument|InvalidAuthorizationMessage|MissingAuthenticationToken|IncompleteSignature|RequestExpired|InvalidToken|InsufficientPermissions|InsufficientPrivileges|KMSKeyNotAccessible|InvalidParameterValue|AllAccessDisabled|InvalidSamlResponse|KMS(?:Disabled|InvalidState|NotFound)Exception|EFSMountFailure)/;

/** Last segment of a namespaced code: `Lambda.KMSAccessDeniedException` → `KMSAccessDeniedException`. */
export function lastSegment(code: string): string {
  if (!hasSeparator(code)) return code; // most codes are one segment
  let c = code;
  const hash = c.lastIndexOf('#');
  if (hash >= 0) c = c.slice(hash + 1);
  const colons = c.lastIndexOf('::');
  if (colons >= 0) c = c.slice(colons + 2);
  if (c.endsWith('.NotFound')) return c;
  const dot = c.lastIndexOf('.');
  if (dot >= 0) c = c.slice(dot + 1);
  return c;
}

/** `code` holds a `#`, `:` or `.` (the separators lastSegment cuts at). */
function hasSeparator(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 35 || c === 58 || c === 46) return true;
  }
  return false;
}

export function isKnownCode(code: string): boolean {
  return KNOWN_CODES.has(lastSegment(code));
}

/** A code in a structural position (`"code": "X"`, `<Code>X</Code>`) that names an auth failure. */
export function isAuthishCode(code: string): boolean {
  return isKnownCode(code) || AUTHISH.test(lastSegment(code));
}

export const STS_OPS = new Set([
  'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'AssumeRoot', 'DecodeAuthorizationMessage',
  'GetAccessKeyInfo', 'GetCallerIdentity', 'GetFederationToken', 'GetSessionToken', 'TagSession',
  'SetSourceIdentity', 'GetWebIdentityToken', 'GetDelegatedAccessToken',
]);

/** Actions used to re-join words broken by injected spaces (`GetCallerIde ntity`). */
export const KNOWN_ACTIONS = new Set([
  ...[...STS_OPS].map((o) => `sts:${o}`.toLowerCase()),
  'iam:passrole', 's3:getobject', 's3:putobject', 's3:listbucket', 'kms:decrypt', 'kms:encrypt',
  'kms:generatedatakey', 'ssm:getparameter', 'ssm:getparameters', 'ssm:getparametersbypath',
  'secretsmanager:getsecretvalue', 'cloudformation:describestacks', 'cloudformation:createstack',
  'lambda:invokefunction', 'ec2:runinstances', 'ec2:describeinstances', 'ecr:getauthorizationtoken',
  'dynamodb:putitem', 'dynamodb:getitem', 'dynamodb:query', 'dynamodb:scan', 'dynamodb:updateitem',
]);

/** S3 API operations whose IAM action has a different (or the same) name. */
export const S3_OP_ACTION: Record<string, string> = {
  GetObject: 'GetObject', HeadObject: 'GetObject', PutObject: 'PutObject', CopyObject: 'PutObject',
  CreateMultipartUpload: 'PutObject', UploadPart: 'PutObject', CompleteMultipartUpload: 'PutObject',
  ListObjects: 'ListBucket', ListObjectsV2: 'ListBucket', HeadBucket: 'ListBucket', ListObjectVersions: 'ListBucketVersions',
  DeleteObject: 'DeleteObject', DeleteObjects: 'DeleteObject', PutObjectTagging: 'PutObjectTagging',
  GetObjectTagging: 'GetObjectTagging', GetObjectAcl: 'GetObjectAcl', PutObjectAcl: 'PutObjectAcl',
  GetBucketPolicy: 'GetBucketPolicy', PutBucketPolicy: 'PutBucketPolicy', GetBucketLocation: 'GetBucketLocation',
  ListBuckets: 'ListAllMyBuckets', GetBucketAcl: 'GetBucketAcl', PutBucketAcl: 'PutBucketAcl',
  GetBucketTagging: 'GetBucketTagging', PutBucketTagging: 'PutBucketTagging',
  GetBucketVersioning: 'GetBucketVersioning', GetBucketEncryption: 'GetEncryptionConfiguration',
  CreateBucket: 'CreateBucket', DeleteBucket: 'DeleteBucket', PutBucketVersioning: 'PutBucketVersioning',
  PutPublicAccessBlock: 'PutBucketPublicAccessBlock', GetPublicAccessBlock: 'GetBucketPublicAccessBlock',
  PutBucketEncryption: 'PutEncryptionConfiguration', PutBucketLifecycleConfiguration: 'PutLifecycleConfiguration',
  GetBucketLifecycleConfiguration: 'GetLifecycleConfiguration', RestoreObject: 'RestoreObject',
  AbortMultipartUpload: 'AbortMultipartUpload', ListMultipartUploads: 'ListBucketMultipartUploads',
  ListParts: 'ListMultipartUploadParts', SelectObjectContent: 'GetObject', GetObjectAttributes: 'GetObjectAttributes',
  PutBucketNotificationConfiguration: 'PutBucketNotification', GetBucketNotificationConfiguration: 'GetBucketNotification',
  DeleteBucketPolicy: 'DeleteBucketPolicy', GetBucketPolicyStatus: 'GetBucketPolicyStatus',
};

/** S3 operations whose names no other service uses — safe to map without a service name. */
const S3_UNIQUE = new Set(['GetObject', 'HeadObject', 'PutObject', 'ListObjectsV2', 'ListObjects', 'PutObjectTagging',
  'GetObjectTagging', 'HeadBucket', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload', 'ListObjectVersions',
  'DeleteObject', 'DeleteObjects', 'CopyObject', 'GetBucketPolicy', 'PutBucketPolicy', 'GetBucketLocation', 'GetObjectAcl', 'PutObjectAcl',
  'CreateBucket', 'DeleteBucket', 'PutBucketVersioning', 'PutPublicAccessBlock', 'GetPublicAccessBlock', 'PutBucketEncryption',
  'PutBucketLifecycleConfiguration', 'GetBucketLifecycleConfiguration', 'RestoreObject', 'AbortMultipartUpload', 'ListMultipartUploads',
  'SelectObjectContent', 'GetObjectAttributes', 'PutBucketNotificationConfiguration', 'GetBucketNotificationConfiguration',
  'DeleteBucketPolicy', 'GetBucketPolicyStatus', 'ListBuckets', 'GetBucketAcl', 'PutBucketAcl', 'GetBucketTagging', 'PutBucketTagging',
  'GetBucketVersioning', 'GetBucketEncryption']);

const SERVICE_ALIASES: Record<string, string> = {
  cognitoidentity: 'cognito-identity', cognitoidentityprovider: 'cognito-idp', cloudwatchlogs: 'logs',
  eventbridge: 'events', elasticloadbalancingv2: 'elasticloadbalancing', secretsmanager: 'secretsmanager',
  dynamodb: 'dynamodb', cloudwatch: 'cloudwatch', apigateway: 'apigateway', elasticache: 'elasticache',
  securitytokenservice: 'sts', awssecuritytokenservice: 'sts', identitymanagement: 'iam', amazonidentitymanagement: 'iam',
  keymanagementservice: 'kms', simplesystemsmanagement: 'ssm', ec2containerregistry: 'ecr',
  dynamodbv2: 'dynamodb', securitytoken: 'sts', sfn: 'states',
  // every Bedrock SDK client (Bedrock Runtime, Bedrock Agent, Bedrock Agent Runtime) is authorized under `bedrock:`
  // (Service Authorization Reference, "Amazon Bedrock"); AgentCore has its own prefix and is not one of them
  bedrockruntime: 'bedrock', bedrockagent: 'bedrock', bedrockagentruntime: 'bedrock',
};

/** `STS`, `Secrets Manager`, `client-secrets-manager` → IAM service prefix. */
export function servicePrefix(name: string): string | null {
  const k = name.toLowerCase().replace(/^client-/, '').replace(/[\s_-]+/g, '');
  if (!/^[a-z0-9]{2,40}$/.test(k)) return null;
  return SERVICE_ALIASES[k] ?? k;
}

/** AWS CLI command names that are not the service's IAM prefix (every other command name is). */
const CLI_SERVICE: Record<string, string> = {
  s3api: 's3', stepfunctions: 'states', elbv2: 'elasticloadbalancing', elb: 'elasticloadbalancing',
  apigatewayv2: 'apigateway', configservice: 'config', opensearch: 'es', dynamodbstreams: 'dynamodb', sesv2: 'ses',
  'resourcegroupstaggingapi': 'tag', 'sso-admin': 'sso', 'iot-data': 'iot', 'kinesisanalyticsv2': 'kinesisanalytics',
};

/** `aws logs associate-kms-key` → `logs`: the IAM service prefix of an AWS CLI command name, or null. */
export function cliServicePrefix(command: string): string | null {
  if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(command)) return null;
  return CLI_SERVICE[command] ?? command;
}

/** Operations whose name belongs to exactly one service (the CLI prints no service name). */
const UNIQUE_OPS: Record<string, string> = {
  GetAuthorizationToken: 'ecr', BatchGetImage: 'ecr', InitiateLayerUpload: 'ecr', DescribeRepositories: 'ecr',
  DescribeInstances: 'ec2', RunInstances: 'ec2', DescribeVpcs: 'ec2', DescribeSubnets: 'ec2', DescribeSecurityGroups: 'ec2',
  DescribeRegions: 'ec2', CreateFleet: 'ec2', DescribeImages: 'ec2', TerminateInstances: 'ec2',
  ListUsers: 'iam', ListRoles: 'iam', GetUser: 'iam', GetRole: 'iam', CreateRole: 'iam', PassRole: 'iam',
  ListAttachedRolePolicies: 'iam', CreateInstanceProfile: 'iam', ListAccountAliases: 'iam',
  ListTables: 'dynamodb', PutItem: 'dynamodb', GetItem: 'dynamodb', UpdateItem: 'dynamodb', DescribeTable: 'dynamodb', BatchWriteItem: 'dynamodb',
  GetParameter: 'ssm', GetParameters: 'ssm', GetParametersByPath: 'ssm', PutParameter: 'ssm',
  GetSecretValue: 'secretsmanager', ListSecrets: 'secretsmanager', DescribeSecret: 'secretsmanager',
  ListFunctions: 'lambda', GetFunction: 'lambda', Invoke: 'lambda', CreateFunction: 'lambda', UpdateFunctionCode: 'lambda',
  DescribeStacks: 'cloudformation', CreateStack: 'cloudformation', UpdateStack: 'cloudformation', ValidateTemplate: 'cloudformation',
  DescribeStackEvents: 'cloudformation', CreateChangeSet: 'cloudformation', ExecuteChangeSet: 'cloudformation',
  SendMessage: 'sqs', ReceiveMessage: 'sqs', GetQueueUrl: 'sqs', Publish: 'sns',
  Decrypt: 'kms', Encrypt: 'kms', GenerateDataKey: 'kms', DescribeKey: 'kms',
  DescribeCluster: 'eks', ListClusters: 'eks', LookupEvents: 'cloudtrail', PutMetricData: 'cloudwatch',
  PutLogEvents: 'logs', CreateLogGroup: 'logs', DescribeLogGroups: 'logs', CreateLogStream: 'logs', DescribeLogStreams: 'logs', RegisterTaskDefinition: 'ecs', RunTask: 'ecs',
  GetRoleCredentials: 'sso', ListAccounts: 'organizations', DescribeOrganization: 'organizations',
  ListRoots: 'organizations', ListDelegatedAdministrators: 'organizations', ListOrganizationalUnitsForParent: 'organizations',
  InvokeModel: 'bedrock', InvokeModelWithResponseStream: 'bedrock', Converse: 'bedrock', ConverseStream: 'bedrock',
  GetId: 'cognito-identity', GetCredentialsForIdentity: 'cognito-identity', GetOpenIdToken: 'cognito-identity',
  AssociateVPCWithHostedZone: 'route53', CreateVPCAssociationAuthorization: 'route53', ChangeResourceRecordSets: 'route53',
  ListHostedZones: 'route53', ListResourceRecordSets: 'route53',
  StartQueryExecution: 'athena', GetQueryExecution: 'athena', StopQueryExecution: 'athena',
};

/** IAM service prefixes a program's own names can carry (a boto3 client `organizations`, a module `iam_service`). */
let knownPrefixes: Set<string> | null = null;

/**
 * `organizations` → `organizations`, `cloudwatchlogs` → `logs`: the IAM prefix a program name stands for, when it is one
 * of the services this parser maps operations for (UNIQUE_OPS' services, S3, STS, IAM, Glue); null otherwise, so
 * that `client`, `self` or `session` name no service.
 */
export function knownServicePrefix(name: string): string | null {
  knownPrefixes ??= new Set([...Object.values(UNIQUE_OPS), ...Object.values(CLI_SERVICE), 's3', 'sts', 'iam', 'glue', 'lakeformation', 'iot']);
  const p = servicePrefix(name);
  return p !== null && knownPrefixes.has(p) ? p : null;
}

/**
 * Glue Data Catalog operations: the calls whose refusal Lake Formation reports ("Insufficient Lake Formation
 * permission(s) on …"), Lake Formation governing the catalog. Some names are another service's too (S3 Tables has
 * GetTable), so they map to Glue only with Lake Formation's wording.
 */
export const GLUE_CATALOG_OPS = new Set([
  'GetDatabase', 'GetDatabases', 'CreateDatabase', 'UpdateDatabase', 'DeleteDatabase',
  'GetTable', 'GetTables', 'CreateTable', 'UpdateTable', 'DeleteTable', 'BatchDeleteTable', 'GetTableVersion', 'GetTableVersions', 'SearchTables',
  'GetPartition', 'GetPartitions', 'BatchGetPartition', 'CreatePartition', 'BatchCreatePartition', 'UpdatePartition', 'DeletePartition', 'BatchDeletePartition',
]);

const BEDROCK_CONVERSE: Record<string, string> = { Converse: 'InvokeModel', ConverseStream: 'InvokeModelWithResponseStream' };

/** Operation (optionally with its service) → IAM action, or null when it cannot be worked out. */
export function opToAction(service: string | null, op: string): string | null {
  if (!/^[A-Z][A-Za-z0-9]{1,100}$/.test(op)) return null;
  if (service === null) {
    if (STS_OPS.has(op)) return `sts:${op}`;
    if (S3_UNIQUE.has(op)) return `s3:${S3_OP_ACTION[op] ?? op}`;
    const svc = UNIQUE_OPS[op];
    if (svc) return opToAction(svc, op);
    return null;
  }
  if (service === 's3') return S3_OP_ACTION[op] ? `s3:${S3_OP_ACTION[op]}` : null;
  if (service === 'lambda' && (op === 'Invoke' || op === 'InvokeAsync')) return 'lambda:InvokeFunction';
  // the Converse API is authorized as the model invocation it makes (Bedrock User Guide, "Carry out a conversation
  // with the Converse API operations": bedrock:InvokeModel, and bedrock:InvokeModelWithResponseStream for the stream)
  if (service === 'bedrock' && (op === 'Converse' || op === 'ConverseStream')) return `bedrock:${BEDROCK_CONVERSE[op]}`;
  if (service === 'sts' && !STS_OPS.has(op)) return null;
  return `${service}:${op}`;
}

/** Operation names whose casing is not the plain join of their words (`AssumeRoleWithSAML`), by their letters lower-cased. */
let opNames: Map<string, string> | null = null;

/**
 * A Ruby SDK method name (`assume_role`, `list_objects_v2`) → the API operation (`AssumeRole`, `ListObjectsV2`):
 * the known operation of those letters when there is one (`assume_role_with_saml` → `AssumeRoleWithSAML`), else the
 * words joined (IAM compares action names case-insensitively); null when `method` is no snake_case name.
 */
export function snakeToOperation(method: string): string | null {
  if (!/^[a-z][a-z0-9]{0,40}(?:_[a-z0-9]{1,40}){0,12}$/.test(method)) return null;
  opNames ??= new Map([...STS_OPS, ...Object.keys(S3_OP_ACTION), ...Object.keys(UNIQUE_OPS), ...GLUE_CATALOG_OPS].map((o) => [o.toLowerCase(), o]));
  const joined = method.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return opNames.get(joined.toLowerCase()) ?? joined;
}
