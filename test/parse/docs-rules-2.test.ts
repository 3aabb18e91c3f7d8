/**
 * The parse rules added for the second set of documented wordings (docs-wordings-2.test.ts), each tried both ways on
 * messages written here (none is that table's text): one that must now be read, and a near miss that must not change.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('Bedrock: every Bedrock SDK client is authorized under bedrock:, and Converse as the invocation it makes', () => {
  it('reads Go v2\'s "Bedrock Runtime: ConverseStream" as bedrock:InvokeModelWithResponseStream, "Bedrock Agent Runtime" under bedrock:', () => {
    expect(parsed('operation error Bedrock Runtime: ConverseStream, https response error StatusCode: 403, RequestID: 0d1e, AccessDeniedException: You don\'t have access to the model with the specified model ID.').action)
      .toBe('bedrock:InvokeModelWithResponseStream');
    expect(parsed('operation error Bedrock Agent Runtime: InvokeAgent, https response error StatusCode: 403, RequestID: 0d1e, api error AccessDeniedException: Access denied').action)
      .toBe('bedrock:InvokeAgent');
    expect(parsed('An error occurred (AccessDeniedException) when calling the Converse operation: Your account is not authorized to invoke this API operation.').action)
      .toBe('bedrock:InvokeModel');
  });

  it('near miss: InvokeModel stays bedrock:InvokeModel, and an action AWS prints is kept', () => {
    expect(parsed('operation error Bedrock Runtime: InvokeModel, https response error StatusCode: 403, RequestID: 0d1e, AccessDeniedException: You don\'t have access to the model with the specified model ID.').action)
      .toBe('bedrock:InvokeModel');
    expect(parsed('User: arn:aws:sts::123456789012:assumed-role/app/s is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1').action)
      .toBe('bedrock:InvokeModelWithResponseStream');
  });
});

describe('a service that could not assume the role it was handed, naming the role or itself', () => {
  it('reads sts:AssumeRole on that role, not the caller\'s own call (ECS, CloudFormation, Step Functions, Amplify)', () => {
    const ecs = parsed("An error occurred (ClientException) when calling the RegisterTaskDefinition operation: ECS was unable to assume the role 'arn:aws:iam::210987654321:role/batch-exec' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.");
    expect([ecs.shape, ecs.action, ecs.target?.arn]).toEqual(['service-cannot-assume-role', 'sts:AssumeRole', 'arn:aws:iam::210987654321:role/batch-exec']);
    const cfn = parsed('An error occurred (ValidationError) when calling the UpdateStack operation: Role arn:aws:iam::210987654321:role/stack-exec is invalid or cannot be assumed');
    expect([cfn.action, cfn.target?.arn]).toEqual(['sts:AssumeRole', 'arn:aws:iam::210987654321:role/stack-exec']);
    expect(parsed('An error occurred (AccessDeniedException) when calling the UpdateStateMachine operation: Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role.').action)
      .toBe('sts:AssumeRole');
    const amplify = parsed('2025-01-09T10:02:11.004Z [ERROR]: !!! Unable to assume specified IAM Role. Please ensure the selected IAM Role has sufficient permissions and the Trust Relationship is configured correctly.');
    expect([amplify.recognized, amplify.shape, amplify.action]).toEqual([true, 'service-cannot-assume-role', 'sts:AssumeRole']);
  });

  it('near miss: Lambda\'s "cannot be assumed by Lambda" names neither and keeps its operation', () => {
    const p = parsed('│ Error: creating Lambda Function (ingest): operation error Lambda: CreateFunction, https response error StatusCode: 400, RequestID: 0b9a, InvalidParameterValueException: The role defined for the function cannot be assumed by Lambda.');
    expect(p.shape).toBe('service-cannot-assume-role');
    expect(p.action).toBe('lambda:CreateFunction');
  });
});

describe('operations of one service only: Cognito Identity and Route 53', () => {
  it('maps GetId, GetCredentialsForIdentity and AssociateVPCWithHostedZone to their service', () => {
    expect(parsed('An error occurred (NotAuthorizedException) when calling the GetCredentialsForIdentity operation: Access to Identity \'us-east-1:0f1e2d3c\' is forbidden.').action)
      .toBe('cognito-identity:GetCredentialsForIdentity');
    expect(parsed('An error occurred (NotAuthorizedException) when calling the GetId operation: Unauthenticated access is not supported for this identity pool.').action)
      .toBe('cognito-identity:GetId');
    expect(parsed('An error occurred (NotAuthorizedException) when calling the AssociateVPCWithHostedZone operation: Associating the specified VPC with the specified hosted zone has not been authorized.').action)
      .toBe('route53:AssociateVPCWithHostedZone');
  });

  it('near miss: an operation no table knows still names no action', () => {
    expect(parsed('An error occurred (AccessDenied) when calling the DescribeIdentityPool operation: Access Denied').action).toBeNull();
  });
});

describe('a service that may not invoke the Lambda function it was handed', () => {
  it('reads Secrets Manager\'s and CloudWatch Logs\' wordings as the service\'s lambda:InvokeFunction, not the answered call', () => {
    const sm = parsed('$ aws secretsmanager rotate-secret --secret-id prod/db --rotation-lambda-arn arn:aws:lambda:eu-west-1:123456789012:function:rotate-db\n\nAn error occurred (AccessDeniedException) when calling the RotateSecret operation: Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.');
    expect([sm.shape, sm.errorCode, sm.action]).toEqual(['service-cannot-invoke-function', 'AccessDeniedException', 'lambda:InvokeFunction']);
    const logs = parsed('An error occurred (InvalidParameterException) when calling the PutSubscriptionFilter operation: Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.');
    expect([logs.recognized, logs.shape, logs.action]).toEqual([true, 'service-cannot-invoke-function', 'lambda:InvokeFunction']);
  });

  it('near miss: a role\'s own refused lambda:InvokeFunction keeps its typed reading', () => {
    const p = parsed('An error occurred (AccessDeniedException) when calling the Invoke operation: User: arn:aws:sts::123456789012:assumed-role/app/s is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:f because no identity-based policy allows the lambda:InvokeFunction action');
    expect([p.shape, p.action]).toEqual(['user-not-authorized-implicit', 'lambda:InvokeFunction']);
  });
});

describe('EC2\'s launch failure "Client.InternalError: Client error on launch"', () => {
  it('is read, with its code (describe-instances StateReason, an Auto Scaling activity)', () => {
    const p = parsed('{\n  "StateReason": {\n    "Code": "Client.InternalError",\n    "Message": "Client.InternalError: Client error on launch"\n  }\n}');
    expect([p.recognized, p.shape, p.errorCode, p.action]).toEqual([true, 'ec2-client-error-on-launch', 'Client.InternalError', null]);
  });

  it('near miss: "Server.InternalError: Internal error on launch" is not this wording', () => {
    expect(parsed('"Message": "Server.InternalError: Internal error on launch"').shape).not.toBe('ec2-client-error-on-launch');
  });
});

describe('git over HTTPS to CodeCommit: "The requested URL returned error: 403"', () => {
  it('is read, with GitPull for a clone or fetch and GitPush for a push', () => {
    const push = parsed("$ git push origin main\nfatal: unable to access 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/payments/': The requested URL returned error: 403");
    expect([push.shape, push.action]).toEqual(['codecommit-git-forbidden', 'codecommit:GitPush']);
    expect(parsed("$ git fetch --all\nfatal: unable to access 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/payments/': The requested URL returned error: 403").action)
      .toBe('codecommit:GitPull');
    expect(parsed("fatal: unable to access 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/payments/': The requested URL returned error: 403").action).toBeNull();
  });

  it('near miss: another Git host\'s 403 is not read', () => {
    expect(parsed("$ git clone https://github.com/acme/private.git\nfatal: unable to access 'https://github.com/acme/private.git/': The requested URL returned error: 403").recognized).toBe(false);
  });
});

describe('EFS: "mount.nfs4: access denied by server while mounting"', () => {
  it('is read as elasticfilesystem:ClientMount when the paste is about EFS', () => {
    const p = parsed('Output: Failed to resolve "fs-0123456789abcdef0.efs.eu-west-1.amazonaws.com"\nmount.nfs4: access denied by server while mounting fs-0123456789abcdef0.efs.eu-west-1.amazonaws.com:/');
    expect([p.shape, p.action]).toEqual(['efs-mount-access-denied', 'elasticfilesystem:ClientMount']);
  });

  it('near miss: a plain NFS server\'s same words are not read', () => {
    expect(parsed('# mount -t nfs 127.0.0.1:/nfs/foo /mnt/\nmount.nfs: access denied by server while mounting 127.0.0.1:/nfs/foo').recognized).toBe(false);
  });
});

describe('Cognito identity pools: "Invalid identity pool configuration. Check assigned IAM roles for this pool."', () => {
  it('is read as Cognito\'s AssumeRoleWithWebIdentity, with its code', () => {
    const p = parsed('botocore.errorfactory.InvalidIdentityPoolConfigurationException: An error occurred (InvalidIdentityPoolConfigurationException) when calling the GetCredentialsForIdentity operation: Invalid identity pool configuration. Check assigned IAM roles for this pool.');
    expect([p.shape, p.errorCode, p.action]).toEqual(['cognito-pool-role-untrusted', 'InvalidIdentityPoolConfigurationException', 'sts:AssumeRoleWithWebIdentity']);
  });

  it('near miss: the pool\'s refusal of guest access keeps its own wording', () => {
    expect(parsed('NotAuthorizedException: Unauthenticated access is not supported for this identity pool.').shape).toBe('cognito-unauthenticated-not-supported');
  });
});
