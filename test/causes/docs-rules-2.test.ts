/**
 * The cause rules added for the second set of documented wordings (test/parse/docs-wordings-2.test.ts), each tried
 * both ways on messages written here (none is that table's text): one whose documented cause must now rank first (with
 * the commands it needs), and a near miss that must not change.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const live = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out');
const ranked = (message: string) => live(message).map((c) => c.id);
const cause = (message: string, id: string) => live(message).find((c) => c.id === id);
const commands = (message: string, id: string) => {
  const c = cause(message, id);
  return [...(c?.confirm ?? []).map((k) => k.command), ...(c?.fix.commands ?? [])].join('\n');
};
const evidence = (message: string, id: string) => (cause(message, id)?.evidence ?? []).map((e) => e.text).join('\n');

describe('Bedrock: the account may not use the model (bedrock-model-access-missing)', () => {
  const denied = 'Traceback (most recent call last):\n  File "chat.py", line 12, in <module>\n    r = client.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=msgs)\nbotocore.errorfactory.AccessDeniedException: An error occurred (AccessDeniedException) when calling the Converse operation: You don\'t have access to the model with the specified model ID.';

  it('ranks first for Bedrock\'s own words, with the model the paste names in the commands', () => {
    expect(ranked(denied)[0]).toBe('bedrock-model-access-missing');
    expect(commands(denied, 'bedrock-model-access-missing')).toContain('aws bedrock get-foundation-model-availability --model-id anthropic.claude-3-haiku-20240307-v1:0');
    expect(ranked('Error invoking the model: AccessDeniedException(message: "Your account is not authorized to invoke this API operation.") (AWSBedrockRuntime)')[0]).toBe('bedrock-model-access-missing');
  });

  it('near miss: IAM\'s own refusal of bedrock:InvokeModel, and the same sentence from another service, do not raise it', () => {
    const iam = 'User: arn:aws:sts::123456789012:assumed-role/app/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1 because no identity-based policy allows the bedrock:InvokeModel action';
    expect(ranked(iam)).not.toContain('bedrock-model-access-missing');
    expect(ranked(iam)[0]).toBe('identity-missing-allow');
    expect(ranked('An error occurred (AccessDeniedException) when calling the ListBuckets operation: Your account is not authorized to invoke this API operation.')).not.toContain('bedrock-model-access-missing');
  });
});

describe('IAM Identity Center: GetRoleCredentials "No access" (sso-account-assignment-missing)', () => {
  const noAccess = 'AWS_PROFILE=analytics-prod aws athena list-work-groups\n\nAn error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access';

  it('ranks first, with the profile the paste names', () => {
    expect(ranked(noAccess)[0]).toBe('sso-account-assignment-missing');
    expect(commands(noAccess, 'sso-account-assignment-missing')).toContain('aws configure get sso_account_id --profile analytics-prod');
  });

  it('near miss: an expired session ("Session token not found or invalid") stays expired-token', () => {
    const expired = 'An error occurred (UnauthorizedException) when calling the GetRoleCredentials operation: Session token not found or invalid';
    expect(ranked(expired)[0]).toBe('expired-token');
    expect(ranked(expired)).not.toContain('sso-account-assignment-missing');
  });
});

describe('a service principal that may not invoke the function it was handed (resource-policy-missing-grant)', () => {
  it('Secrets Manager rotation and CloudWatch Logs subscriptions: the function policy must name the service principal', () => {
    const rotation = 'An error occurred (AccessDeniedException) when calling the RotateSecret operation: Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.';
    expect(ranked(rotation)[0]).toBe('resource-policy-missing-grant');
    expect(commands(rotation, 'resource-policy-missing-grant')).toContain('--action lambda:InvokeFunction --principal secretsmanager.amazonaws.com');
    const logs = '│ Error: putting CloudWatch Logs Subscription Filter (audit): operation error CloudWatch Logs: PutSubscriptionFilter, https response error StatusCode: 400, RequestID: 4c1d, InvalidParameterException: Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.';
    expect(ranked(logs)[0]).toBe('resource-policy-missing-grant');
    expect(commands(logs, 'resource-policy-missing-grant')).toContain('--principal logs.amazonaws.com');
  });

  it('near miss: a role\'s own refused invoke is its identity policy\'s, and a role caller\'s add-permission keeps <principal>', () => {
    const own = 'An error occurred (AccessDeniedException) when calling the Invoke operation: User: arn:aws:sts::123456789012:assumed-role/app/s is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:f because no identity-based policy allows the lambda:InvokeFunction action';
    expect(ranked(own)[0]).toBe('identity-missing-allow');
    const cross = 'User: arn:aws:sts::111122223333:assumed-role/app/s is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:444455556666:function:f because no resource-based policy allows the lambda:InvokeFunction action';
    expect(commands(cross, 'resource-policy-missing-grant')).toContain('--principal <principal>');
  });
});

describe('Lambda\'s event source mapping: "Cannot access stream … Please ensure the role can perform …"', () => {
  it('is a refusal of the execution role\'s reads: the identity causes apply though the code is a validation one', () => {
    const r = ranked('An error occurred (InvalidParameterValueException) when calling the CreateEventSourceMapping operation: Cannot access stream arn:aws:kinesis:eu-west-1:123456789012:stream/clicks. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, ListShards, and ListStreams Actions on your stream in IAM.');
    expect(r.slice(0, 2)).toContain('identity-missing-allow');
    expect(r[0]).not.toBe('wrong-credentials-in-use');
  });

  it('near miss: a plain validation error of the same code raises no identity cause', () => {
    const r = ranked('An error occurred (InvalidParameterValueException) when calling the CreateEventSourceMapping operation: Unsupported MaximumBatchingWindowInSeconds value for event source: 900');
    expect(r).not.toContain('identity-missing-allow');
  });
});

describe('EC2 "Client.InternalError: Client error on launch": who could not use the EBS key', () => {
  it('an instance someone launched: the launcher\'s kms:CreateGrant and the key policy, not Auto Scaling\'s role', () => {
    const m = '$ aws ec2 describe-instances --instance-ids i-0123456789abcdef0 --query "Reservations[].Instances[].StateReason"\n[\n  [\n    {\n      "Code": "Client.InternalError",\n      "Message": "Client.InternalError: Client error on launch"\n    }\n  ]\n]';
    const r = ranked(m);
    expect(r.slice(0, 3)).toEqual(expect.arrayContaining(['identity-missing-allow', 'kms-key-policy-missing-grant']));
    expect(commands(m, 'identity-missing-allow')).toContain('--action-names kms:CreateGrant');
    expect(evidence(m, 'kms-key-policy-missing-grant')).not.toContain('Auto Scaling');
  });

  it('near miss: an Auto Scaling activity keeps its service-linked role reading', () => {
    const m = '{"Activities":[{"AutoScalingGroupName":"web","Description":"Launching a new EC2 instance.  Status Reason: Client.InternalError: Client error on launch","StatusCode":"Failed"}]}';
    expect(ranked(m)[0]).toBe('kms-key-policy-missing-grant');
    expect(evidence(m, 'kms-key-policy-missing-grant')).toContain('AWSServiceRoleForAutoScaling');
  });
});

describe('Route 53: "Associating the specified VPC with the specified hosted zone has not been authorized"', () => {
  const m = 'An error occurred (NotAuthorizedException) when calling the AssociateVPCWithHostedZone operation: Associating the specified VPC with the specified hosted zone has not been authorized.';

  it('ranks the zone owner\'s missing authorization first, with its commands', () => {
    expect(ranked(m)[0]).toBe('resource-policy-missing-grant');
    expect(commands(m, 'resource-policy-missing-grant')).toContain('aws route53 create-vpc-association-authorization --hosted-zone-id <hosted-zone-id>');
  });

  it('near miss: the caller\'s own refused route53:AssociateVPCWithHostedZone is its identity policy\'s', () => {
    const own = 'User: arn:aws:iam::123456789012:user/net-admin is not authorized to perform: route53:AssociateVPCWithHostedZone on resource: arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ because no identity-based policy allows the route53:AssociateVPCWithHostedZone action';
    expect(ranked(own)[0]).toBe('identity-missing-allow');
    expect(commands(own, 'resource-policy-missing-grant')).not.toContain('create-vpc-association-authorization');
  });
});

describe('Cognito identity pools: "Invalid identity pool configuration. Check assigned IAM roles for this pool."', () => {
  const m = 'InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool.';

  it('ranks the trust\'s audience (the pool id) first, with Cognito\'s commands and no OIDC provider', () => {
    expect(ranked(m)[0]).toBe('oidc-audience-mismatch');
    expect(ranked(m)).not.toContain('oidc-provider-missing');
    const cmds = commands(m, 'oidc-audience-mismatch');
    expect(cmds).toContain('aws cognito-identity get-identity-pool-roles --identity-pool-id <identity-pool-id>');
    expect(cmds).not.toContain('get-open-id-connect-provider');
  });

  it('near miss: a GitHub Actions web-identity refusal keeps the provider commands and no Cognito one', () => {
    const gha = 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity\n  (token.actions.githubusercontent.com)';
    const cmds = commands(gha, 'oidc-audience-mismatch');
    expect(cmds).toContain('aws iam get-open-id-connect-provider');
    expect(cmds).not.toContain('cognito-identity');
  });
});

describe('a service that could not assume a role, naming itself: the trust must name that service', () => {
  it('Amplify\'s build and CloudFormation\'s stack role name their service principals', () => {
    expect(evidence('2025-01-09T10:02:11.004Z [ERROR]: !!! Unable to assume specified IAM Role. Please ensure the selected IAM Role has sufficient permissions and the Trust Relationship is configured correctly.', 'trust-service-vs-aws-principal'))
      .toContain('amplify.amazonaws.com');
    expect(evidence('An error occurred (ValidationError) when calling the DeleteStack operation: Role arn:aws:iam::123456789012:role/cfn-exec is invalid or cannot be assumed', 'trust-service-vs-aws-principal'))
      .toContain('cloudformation.amazonaws.com');
  });

  it('near miss: ECS still names ecs-tasks.amazonaws.com', () => {
    expect(evidence("An error occurred (ClientException) when calling the RunTask operation: ECS was unable to assume the role 'arn:aws:iam::123456789012:role/t' that was provided for this task.", 'trust-service-vs-aws-principal'))
      .toContain('ecs-tasks.amazonaws.com');
  });
});
