/**
 * The general rules added for the misses of round 15, each tried both ways on messages written here (none is a
 * fixture's text): one of the same shape that must now be read, and a near miss that must not change. The fixtures'
 * own results are in round15.test.ts and real-causes-round15.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('a principal ARN whose account redaction took the colon before the resource type with it', () => {
  it('restores the colon: the caller is the assumed role (or user) it names', () => {
    const p = parsed('unable to assume role: AccessDenied: User: arn:aws:sts::42xxxxxxxx assumed-role/ci-deployer/1700000000 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::42xxxxxxxx:role/prod-deployer');
    expect(p.caller?.arn).toBe('arn:aws:sts::42xxxxxxxx:assumed-role/ci-deployer/1700000000');
    expect(p.caller?.type).toBe('assumed-role');
    expect(p.caller?.name).toBe('ci-deployer');
    const u = parsed('User: arn:aws:iam::<redacted> user/build-bot is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::artifacts/x.zip');
    expect(u.caller?.arn).toBe('arn:aws:iam::<redacted>:user/build-bot');
  });

  it('near miss: a space before something that is no resource type, or in another service\'s ARN, is not joined', () => {
    const words = parsed('User: arn:aws:sts::123456789012 assumed role via SSO is not authorized to perform: s3:GetObject');
    expect(words.caller?.arn).not.toContain(':assumed role');
    expect(words.caller?.type).not.toBe('assumed-role');
    const ec2 = parsed('User: arn:aws:ec2:us-east-1:123456789012 instance/i-0abc is not authorized to perform: ec2:StopInstances');
    expect(ec2.caller?.arn ?? null).not.toBe('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc');
  });
});

describe('an action followed by the first half of an escape (a backslash before a line break)', () => {
  it('reads the action without the backslash (a logrus line whose escaped \\n\\t a paste broke)', () => {
    const p = parsed('level=error msg=\\"AccessDenied: User: arn:aws:sts::210987654321:assumed-role/dns-writer/i-0abc123 is not authorized to perform: route53:ChangeResourceRecordSets\\\n\\\\tstatus code: 403, request id: 1f2e\\""');
    expect(p.action).toBe('route53:ChangeResourceRecordSets');
    expect(p.caller?.arn).toBe('arn:aws:sts::210987654321:assumed-role/dns-writer/i-0abc123');
  });

  it('near miss: a backslash alone where the action should be is still no action', () => {
    const p = parsed('User: arn:aws:iam::210987654321:user/ops is not authorized to perform: \\\nstatus code: 403');
    expect(p.action).toBeNull();
  });
});

describe('botocore\'s event-stream error with a lower-camel code', () => {
  it('is read with the code as printed when its upper-camel form is a refusal code', () => {
    const p = parsed("botocore.exceptions.EventStreamError: An error occurred (accessDeniedException) when calling the InvokeModelWithResponseStream operation: You don't have access to the model with the specified model ID.");
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('accessDeniedException');
  });

  it('near miss: a lower-camel code that is no refusal (throttling, a model error) is not read as one', () => {
    expect(parsed('An error occurred (throttlingException) when calling the InvokeAgent operation: Rate exceeded').recognized).toBe(false);
    expect(parsed('An error occurred (modelStreamErrorException) when calling the InvokeModelWithResponseStream operation: The model stream failed').recognized).toBe(false);
  });
});

describe('the Ruby SDK\'s error class printed on its own (a Rails / Sentry / Bugsnag title)', () => {
  it('names the code of the message that follows', () => {
    const p = parsed('Aws::SecretsManager::Errors::AccessDeniedException in OrdersController#index\nUser: arn:aws:sts::210987654321:assumed-role/web-task/4f1c is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:eu-west-1:210987654321:secret:db-AbCdEf');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.action).toBe('secretsmanager:GetSecretValue');
  });

  it('near miss: a Ruby error class that is no refusal does not become the code', () => {
    const p = parsed('Aws::ECR::Errors::RepositoryNotFoundException in ImagesController#show\nUser: arn:aws:sts::210987654321:assumed-role/web-task/4f1c is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:eu-west-1:210987654321:repository/api');
    expect(p.errorCode).not.toBe('RepositoryNotFoundException');
  });
});

describe('Redshift\'s "is not authorized to assume IAM Role" (COPY, UNLOAD, Spectrum)', () => {
  it('is read as the cluster assuming the role for the database user', () => {
    const p = parsed("psycopg2.errors.InternalError_: User arn:aws:redshift:eu-west-1:210987654321:dbuser:analytics/etl_loader is not authorized to assume IAM Role arn:aws:iam::210987654321:role/RedshiftCopyRole\nDETAIL:\n  error:  User arn:aws:redshift:eu-west-1:210987654321:dbuser:analytics/etl_loader is not authorized to assume IAM Role arn:aws:iam::210987654321:role/RedshiftCopyRole");
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('redshift-cannot-assume-role');
    expect(p.action).toBe('sts:AssumeRole');
    expect(p.caller?.arn).toBe('arn:aws:redshift:eu-west-1:210987654321:dbuser:analytics/etl_loader');
    expect(p.target?.arn).toBe('arn:aws:iam::210987654321:role/RedshiftCopyRole');
    // a chain of roles: the first is the one refused first
    const chain = parsed('User arn:aws:redshift:us-east-1:210987654321:dbuser:c1/u is not authorized to assume IAM Role arn:aws:iam::210987654321:role/A,arn:aws:iam::111122223333:role/B');
    expect(chain.target?.arn).toBe('arn:aws:iam::210987654321:role/A');
  });

  it('near miss: the wording without a role ARN, and Step Functions\' own wording, keep their readings', () => {
    expect(parsed('User etl is not authorized to assume IAM Role MyRole').shape).not.toBe('redshift-cannot-assume-role');
    expect(parsed('The principal states.amazonaws.com is not authorized to assume the provided role.').shape).toBe('service-cannot-assume-role');
  });
});
