/**
 * The rules added for the answers blind round 5 found weaker than the text allows (blind5.test.ts's header: f02/f09
 * caller, f12 ELB → Lambda, f19 aws/secretsmanager across accounts), each tried both ways on inputs written here
 * (none is a fixture's text). The parse-side rules (f07, f20) are in test/parse/blind5-followup-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const V = '2012-10-17';
const statusOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id)?.status;

describe('the caller aws sts get-caller-identity shows after the failure (docs/decisions/023)', () => {
  const identity = (arn: string) => `{\n    "UserId": "AIDAQ3EXAMPLE7XK2PL4M",\n    "Account": "${arn.split(':')[4]}",\n    "Arn": "${arn}"\n}`;
  const user = 'arn:aws:iam::493817265504:user/ops/l.ferreira';
  const fail = 'An error occurred (AccessDeniedException) when calling the ListSecrets operation: User is not authorized to perform this operation';
  const denyAll = { kind: 'identity' as const, document: { Version: V, Statement: [{ Effect: 'Allow', Action: 'ssm:*', Resource: '*' }] } };
  const run = (message: string) => explain({ message, policies: [denyAll] });

  it.each([
    ['same default profile', `$ aws secretsmanager list-secrets\n\n${fail}\n\n$ aws sts get-caller-identity\n${identity(user)}`],
    ['same --profile', `% aws secretsmanager list-secrets --profile ops --region eu-west-1\n${fail}\n% aws sts get-caller-identity --profile ops\n${identity(user)}`],
    ['--profile= and AWS_PROFILE= name the same profile', `$ aws secretsmanager list-secrets --profile=ops\n${fail}\n$ AWS_PROFILE=ops aws sts get-caller-identity\n${identity(user)}`],
    ['another read-only command between them', `user@build:~$ aws secretsmanager list-secrets\n${fail}\nuser@build:~$ aws iam list-attached-user-policies --user-name l.ferreira\n{ "AttachedPolicies": [] }\nuser@build:~$ aws sts get-caller-identity\n${identity(user)}`],
  ])('%s: the causes and the evaluation check that identity; wrong-credentials-in-use is unlikely', (_n, message) => {
    const r = run(message);
    expect(r.parsed.caller).toBeNull(); // the parser's own output is unchanged
    expect(r.evaluated?.kind).toBe('shown-caller');
    expect(r.evaluated?.caller).toBe(user);
    expect(r.causes[0]?.id).toBe('identity-missing-allow');
    expect(statusOf({ message }, 'wrong-credentials-in-use')).toBe('unlikely');
  });

  it.each([
    ['another profile', `$ aws secretsmanager list-secrets --profile ops\n${fail}\n$ aws sts get-caller-identity --profile admin\n${identity(user)}`],
    ['credentials exported between them', `$ aws secretsmanager list-secrets\n${fail}\n$ export AWS_PROFILE=admin\n$ aws sts get-caller-identity\n${identity(user)}`],
    ['an SSO login between them', `$ aws secretsmanager list-secrets\n${fail}\n$ aws sso login --profile ops\n$ aws sts get-caller-identity\n${identity(user)}`],
    ['an SDK traceback, not a CLI command', `Traceback (most recent call last):\n  File "app.py", line 3, in <module>\nbotocore.exceptions.ClientError: ${fail}\n\n$ aws sts get-caller-identity\n${identity(user)}`],
    ['no get-caller-identity command line, only its JSON', `$ aws secretsmanager list-secrets\n${fail}\n${identity(user)}`],
  ])('near miss — %s: no caller is assumed', (_n, message) => {
    expect(run(message).evaluated?.kind).not.toBe('shown-caller');
    // without policies that refuse anyone, the credentials stay a possibility
    expect(statusOf({ message }, 'wrong-credentials-in-use')).toBe('possible');
  });

  it('an S3 command\'s target and the identity shown after it are both checked', () => {
    const role = 'arn:aws:sts::493817265504:assumed-role/etl/run-2';
    const r = run(`$ aws s3 cp s3://ledger-raw-4938/in/day.json .\nfatal error: An error occurred (403) when calling the HeadObject operation: Forbidden\n$ aws sts get-caller-identity\n${identity(role)}`);
    expect([r.evaluated?.kind, r.evaluated?.resource, r.evaluated?.caller]).toEqual(['s3-command', 'arn:aws:s3:::ledger-raw-4938/in/day.json', role]);
  });

  it('near miss — a caller the message names is never replaced', () => {
    const message = `$ aws s3api get-object --bucket b-4938 --key k out\nAn error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::493817265504:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b-4938/k"\n$ aws sts get-caller-identity\n${identity(user)}`;
    const r = run(message);
    expect(r.parsed.caller?.arn).toBe('arn:aws:iam::493817265504:user/bob');
    expect(r.evaluated?.kind).not.toBe('shown-caller');
  });
});

describe('Elastic Load Balancing may not invoke a Lambda target: elasticloadbalancing.amazonaws.com\'s lambda:InvokeFunction', () => {
  const fn = 'arn:aws:lambda:us-east-2:730194856612:function:quote-api';
  const tg = 'arn:aws:elasticloadbalancing:us-east-2:730194856612:targetgroup/quote-tg/0a1b2c3d4e5f6789';
  const sentence = `elasticloadbalancing principal does not have permission to invoke ${fn} from target group ${tg}`;
  const fnPolicy = (principal: string, sourceArn: string) => ({ kind: 'resource' as const, document: { Version: V, Statement: [{
    Effect: 'Allow', Principal: { Service: principal }, Action: 'lambda:InvokeFunction', Resource: fn, Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } },
  }] } });
  const admin = { kind: 'identity' as const, document: { Version: V, Statement: [{ Effect: 'Allow', Action: 'elasticloadbalancing:*', Resource: '*' }] } };

  it.each([
    ['AWS CLI', `An error occurred (AccessDenied) when calling the RegisterTargets operation: ${sentence}`],
    ['Terraform', `Error: registering ELBv2 Target Group (${tg}) target: operation error Elastic Load Balancing v2: RegisterTargets, https response error StatusCode: 403, RequestID: 5e0c9a3b-1d2e-4f60-8a7b-9c0d1e2f3a4b, api error AccessDenied: ${sentence}`],
    ['CloudFormation', `Resource handler returned message: "${sentence} (Service: ElasticLoadBalancingV2, Status Code: 403, Request ID: 2b4d6f80-1a3c-4e5f-9b7d-0c2e4a6b8d0f)" (RequestToken: 7c9e1a3b-5d7f-4b2e-8a0c-2e4f6a8b0c1d, HandlerErrorCode: AccessDenied)`],
  ])('%s: the function policy is evaluated for the service principal, with the target group as aws:SourceArn', (_n, message) => {
    const other = explain({ message, policies: [fnPolicy('apigateway.amazonaws.com', 'arn:aws:execute-api:us-east-2:730194856612:abc123/*'), admin] });
    expect([other.evaluated?.action, other.evaluated?.caller, other.evaluated?.resource]).toEqual(['lambda:InvokeFunction', 'elasticloadbalancing.amazonaws.com', fn]);
    expect(other.causes[0]?.id).toBe('resource-policy-missing-grant');
    expect(other.causes[0]?.status).toBe('confirmed');
    // a grant for ELB scoped to another target group does not allow this one
    const wrongTg = explain({ message, policies: [fnPolicy('elasticloadbalancing.amazonaws.com', tg.replace('quote-tg', 'old-tg')), admin] });
    expect(wrongTg.policies[0]?.verdict).toBe('implicit-deny');
    // the grant for this target group allows it (the refusal is then elsewhere: a stale copy)
    const right = explain({ message, policies: [fnPolicy('elasticloadbalancing.amazonaws.com', tg), admin] });
    expect(right.policies[0]?.verdict).toBe('allow');
  });

  it('near miss — the caller\'s own RegisterTargets refusal stays the caller\'s', () => {
    const r = explain({ message: `An error occurred (AccessDenied) when calling the RegisterTargets operation: User: arn:aws:iam::730194856612:user/dev is not authorized to perform: elasticloadbalancing:RegisterTargets on resource: ${tg}`, policies: [admin] });
    expect(r.evaluated?.kind).not.toBe('service-call');
    expect(r.parsed.action).toBe('elasticloadbalancing:RegisterTargets');
  });
});

describe('a secret under aws/secretsmanager whose pasted policy grants only other accounts', () => {
  const secret = 'arn:aws:secretsmanager:eu-central-1:604817293355:secret:billing/stripe-key-Ab12Cd';
  const message = (extra: string) => `botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed\n\n$ aws secretsmanager describe-secret --secret-id billing/stripe-key\n{\n    "ARN": "${secret}",\n    "Name": "billing/stripe-key",${extra}\n    "LastChangedDate": "2026-10-02T08:00:00+00:00",\n    "VersionIdsToStages": { "3f1e9a7c-0b2d-4c6e-8a1f-5d3b7e9c1a2f": ["AWSCURRENT"] },\n    "CreatedDate": "2026-10-01T08:00:00+00:00"\n}`;
  const secretPolicy = (account: string) => ({ kind: 'resource' as const, document: { Version: V, Statement: [{
    Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:role/billing-reader` }, Action: 'secretsmanager:GetSecretValue', Resource: '*',
  }] } });
  const id = 'kms-aws-managed-key-cross-account';

  it.each([
    ['describe-secret without KmsKeyId', ''],
    ['KmsKeyId alias/aws/secretsmanager', '\n    "KmsKeyId": "alias/aws/secretsmanager",'],
  ])('%s: the AWS managed key across accounts is likely', (_n, extra) => {
    expect(statusOf({ message: message(extra), policies: [secretPolicy('215930486721')] }, id)).toBe('likely');
  });

  it('near miss — the policy grants the secret\'s own account: unlikely, as before', () => {
    expect(statusOf({ message: message(''), policies: [secretPolicy('604817293355')] }, id)).toBe('unlikely');
  });

  it('near miss — a customer managed key in describe-secret rules it out', () => {
    const extra = '\n    "KmsKeyId": "arn:aws:kms:eu-central-1:604817293355:key/1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",';
    expect(statusOf({ message: message(extra), policies: [secretPolicy('215930486721')] }, id)).toBe('ruled-out');
  });
});
