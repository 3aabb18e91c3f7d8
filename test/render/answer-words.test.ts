/**
 * What a person reads in real answers (explain() on real-shaped messages): values in sentences are
 * not shell-quoted, and commands fit the call that failed. Found by using the service as its users do.
 */
import { describe, it, expect } from 'vitest';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import type { Explanation, RankedCause } from '../../src/core/types.js';

function cause(e: Explanation, id: string): RankedCause {
  const c = e.causes.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} in ${e.causes.map((x) => x.id).join(', ')}`);
  return c;
}

// A pasted message with the account redacted as people do (`<redacted-accountid>`).
const REDACTED = 'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::<redacted-accountid>:assumed-role/deployer/ci is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::site-<env>/index.html" because no identity-based policy allows the s3:PutObject action';

describe('values in sentences', () => {
  it('are written as they are, not shell-quoted, so the example policy in the fix is valid JSON', () => {
    const fix = cause(explain({ message: REDACTED }), 'identity-missing-allow').fix;
    // a site file written at the bucket's root: the grant covers bucket/* (test/causes/ux-leftovers.test.ts)
    expect(fix.description).toContain('{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::site-<env>/*"}');
    expect(fix.description).not.toContain("'arn:");
    // the commands themselves still quote what a shell would misread
    expect(fix.commands.join('\n')).toContain("--role-name deployer");
  });

  it('keep shell quoting in confirm commands but not in their descriptions', () => {
    const e = explain({ message: REDACTED });
    const steps = cause(e, 'identity-missing-allow').confirm;
    expect(steps.some((s) => s.command.includes("'arn:aws:s3:::site-<env>/index.html'"))).toBe(true);
    for (const s of steps) expect(s.description).not.toMatch(/'arn:/);
  });
});

describe('the resource policy fix', () => {
  const message = 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::111111111111:assumed-role/reader/s is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::data-bucket/report.csv" because no resource-based policy allows the s3:GetObject action';

  it('gives only the target service\'s own call, never a Lambda or SNS command with an S3 ARN', () => {
    const fix = cause(explain({ message }), 'resource-policy-missing-grant').fix;
    expect(fix.commands).toEqual(['aws s3api put-bucket-policy --bucket data-bucket --policy file://policy.json']);
    expect(fix.description).not.toContain('--function-name');
    const md = renderMarkdown(explain({ message }));
    expect(md).not.toContain('--function-name arn:aws:s3');
    expect(md).toContain('```bash\naws s3api put-bucket-policy --bucket data-bucket --policy file://policy.json\n```');
  });

  it('for a Lambda function, the add-permission call with the function', () => {
    const fix = cause(explain({ message: 'User: arn:aws:sts::111111111111:assumed-role/caller/s is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:222222222222:function:worker because no resource-based policy allows the lambda:InvokeFunction action' }), 'resource-policy-missing-grant').fix;
    expect(fix.commands).toEqual(['aws lambda add-permission --function-name arn:aws:lambda:us-east-1:222222222222:function:worker --statement-id allow-caller --action lambda:InvokeFunction --principal <principal>']);
  });
});

describe('MFA required on a service call (not AssumeRole)', () => {
  const e = explain({
    message: 'An error occurred (UnauthorizedOperation) when calling the TerminateInstances operation: You are not authorized to perform this operation. User: arn:aws:iam::846201739518:user/ops is not authorized to perform: ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:846201739518:instance/i-0e4d7b2a9c61f8305 because no identity-based policy allows the ec2:TerminateInstances action',
    policies: [{ kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] } }],
  });
  const c = cause(e, 'mfa-required');

  it('retries with get-session-token credentials, not an assume-role of a role nobody named', () => {
    const commands = c.confirm.map((s) => s.command).join('\n');
    expect(commands).toContain('aws sts get-session-token --serial-number');
    expect(commands).not.toContain('aws sts assume-role');
    expect(c.fix.commands.join('\n')).not.toContain('mfa_serial');
  });

  it('still retries an AssumeRole with assume-role and mfa_serial', () => {
    const a = cause(explain({
      message: 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/admin',
      policies: [{ kind: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] } }],
    }), 'mfa-required');
    expect(a.confirm.map((s) => s.command).join('\n')).toContain('aws sts assume-role --role-arn arn:aws:iam::111111111111:role/admin');
    expect(a.fix.commands[0]).toContain('aws configure set mfa_serial');
  });
});

describe('a key policy that does not delegate to IAM', () => {
  it('names the caller\'s account root it lacks (the account is in the message), without "key policy policy 1"', () => {
    const e = explain({
      message: 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::483660929456:assumed-role/renderer/fn is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:483660929456:key/5d0e8c3a-91f2-4b7e-a6c4-2f8d1e0b9a73 because no resource-based policy allows the kms:Decrypt action',
      policies: [{ name: 'key policy', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::483660929456:role/admins' }, Action: 'kms:*', Resource: '*' }] } }],
    });
    const why = cause(e, 'identity-missing-allow').evidence.map((x) => x.text).join('\n');
    expect(why).toContain('(arn:aws:iam::483660929456:root)');
    expect(why).not.toContain('<account>');
    expect(why).not.toMatch(/key policy policy/);
  });
});

describe('Terraform\'s S3 backend error names bucket and key but no ARN', () => {
  const message = 'Error: Error loading state:\n│     Unable to access object "env/prod/terraform.tfstate" in S3 bucket "tf-state-a1b2": operation error S3: HeadObject, https response error StatusCode: 403, RequestID: QBVV89ZW47NQCBR2, api error Forbidden: Forbidden';

  it('fills the object ARN into the commands instead of <target-arn>', () => {
    const e = explain({ message });
    const commands = e.causes.flatMap((c) => [...c.confirm.map((s) => s.command), ...c.fix.commands]).join('\n');
    expect(commands).toContain('--resource-arns arn:aws:s3:::tf-state-a1b2/env/prod/terraform.tfstate');
    expect(commands).not.toContain('<target-arn>');
    expect(cause(e, 'identity-missing-allow').fix.description).toContain('on arn:aws:s3:::tf-state-a1b2/env/prod/terraform.tfstate');
  });
});

describe('CloudTrail look-ups for data events', () => {
  it('an S3 object call is never sent to lookup-events (Event history has no data events), a bucket call still is', () => {
    const object = explain({ message: 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::111111111111:assumed-role/reader/s is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::data-bucket/report.csv" with an explicit deny in a resource-based policy' });
    const all = (e: Explanation) => [...e.firstSteps, ...e.causes.flatMap((c) => c.confirm)].map((s) => s.command).join('\n');
    expect(all(object)).not.toContain('AttributeKey=EventName,AttributeValue=GetObject');
    expect(object.firstSteps.at(-1)?.command).toContain('aws cloudtrail describe-trails');
    const bucket = explain({ message: 'An error occurred (AccessDenied) when calling the GetBucketPolicy operation: User: arn:aws:sts::111111111111:assumed-role/reader/s is not authorized to perform: s3:GetBucketPolicy on resource: "arn:aws:s3:::data-bucket" with an explicit deny in a resource-based policy' });
    expect(all(bucket)).toContain('AttributeKey=EventName,AttributeValue=GetBucketPolicy');
  });
});

describe('a Parameter Store refusal that may be a missing parameter', () => {
  it('gets no S3 command in its fix', () => {
    const e = explain({ message: 'An error occurred (AccessDeniedException) when calling the GetParameter operation: User: arn:aws:sts::421698035577:assumed-role/batch/s is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:eu-central-1:421698035577:parameter/prod/billing' });
    const c = cause(e, 'resource-missing-masked');
    expect(c.fix.commands.join('\n')).not.toContain('s3api');
    expect(c.confirm.map((s) => s.command).join('\n')).toContain('aws ssm describe-parameters');
  });

  it('an S3 read still gets head-object, with the bucket and key', () => {
    const e = explain({ message: 'Error: Error loading state:\n│     Unable to access object "env/prod/terraform.tfstate" in S3 bucket "tf-state-a1b2": operation error S3: HeadObject, https response error StatusCode: 403, RequestID: QBVV89ZW47NQCBR2, api error Forbidden: Forbidden' });
    expect(cause(e, 'resource-missing-masked').fix.commands).toEqual(['aws s3api head-object --bucket tf-state-a1b2 --key env/prod/terraform.tfstate']);
  });
});

describe('headline: "never sent" follows the catalog\'s nothingSent, not the cause\'s stage', () => {
  const idTokenHint = [
    'Run aws-actions/configure-aws-credentials@v4',
    '  with:',
    '    role-to-assume: arn:aws:iam::310987654321:role/gha-deploy',
    '    aws-region: eu-central-1',
    'It looks like you might be trying to authenticate with OIDC. Did you mean to set the id-token permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.',
    'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
  ].join('\n');

  it('a missing id-token permission (no token, so no request) names no denial, even with no action parsed', () => {
    const e = explain({ message: idTokenHint });
    expect(e.causes[0]?.id).toBe('github-missing-id-token-permission');
    expect(['likely', 'confirmed']).toContain(e.causes[0]?.status);
    expect(renderMarkdown(e)).toContain('## Why no request reached AWS');
    expect(renderMarkdown(e)).not.toMatch(/^## Why .* denied/m);
    expect(renderText(e).split('\n')[0]).toBe('Why no request reached AWS');
  });

  it('an IRSA cause leading (client-side, but the call was sent under another identity) keeps "was denied"', () => {
    const e = explain({ message: [
      '09:14:07.200 WARN  [s.a.a.a.c.i.WebIdentityCredentialsUtils] To use web identity tokens, the \'sts\' service module must be on the class path.',
      '09:14:07.611 ERROR software.amazon.awssdk.services.sqs.model.SqsException: User: arn:aws:sts::310987654321:assumed-role/eks-nodes-prod/i-0fedcba9876543210 is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:eu-central-1:310987654321:orders because no identity-based policy allows the sqs:SendMessage action (Service: Sqs, Status Code: 403, Request ID: 1A2B)',
    ].join('\n') });
    expect(e.causes.slice(0, 2).map((c) => c.id)).toContain('irsa-service-account-misconfigured');
    expect(renderMarkdown(e)).toContain('## Why sqs:SendMessage was denied');
  });
});

describe('headline: STS\'s own parameter validation is a failure, not a denial', () => {
  it('a duration above the role\'s maximum or chaining\'s hour reads "failed", with or without the action', () => {
    const chained = explain({ message: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' });
    expect(renderMarkdown(chained)).toContain('## Why sts:AssumeRole failed');
    expect(renderText(chained).split('\n')[0]).toBe('Why sts:AssumeRole failed');
    const bare = explain({ message: 'Could not assume role with user credentials: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });
    expect(renderMarkdown(bare)).toContain('## Why this request failed');
    expect(renderMarkdown(bare)).not.toMatch(/^## .*denied/m);
  });

  it('near miss: a refusal that a tool reports under ValidationError (CloudFormation) still reads "was denied"', () => {
    const e = explain({ message: 'An error occurred (ValidationError) when calling the CreateStack operation: User: arn:aws:sts::310987654321:assumed-role/cfn-deployer/ci is not authorized to perform: iam:PassRole on resource: arn:aws:iam::310987654321:role/stack-exec' });
    expect(renderMarkdown(e)).toContain('## Why iam:PassRole was denied');
  });
});
