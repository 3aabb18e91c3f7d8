import { describe, expect, it } from 'vitest';
import { parseCaller, parseError, parseTarget } from '../../src/core/parse/index.js';
import { accountField, isPlaceholder } from '../../src/core/parse/redaction.js';

describe('placeholders', () => {
  it.each([
    ['xxx', true], ['XXXXX', true], ['***', true], ['*********', true], ['<account-id>', true], ['<<account number>>', true],
    ['{account-id}', true], ['{redacted}', true], ['[IAMID]', true], ['[account]', true], ['OMITTED', true], ['...', true],
    ['??????', true], ['***REDACTED**', true], ['<REDACTED>', true],
    ['123456789012', false], ['111122223333', false], ['deploy-role', false], ['alice', false],
  ])('%s → %s', (v, want) => {
    expect(isPlaceholder(v)).toBe(want);
  });

  it('treats only 12 digits as an account id', () => {
    expect(accountField('123456789012')).toEqual({ id: '123456789012', redacted: false });
    expect(accountField('xxx')).toEqual({ id: null, redacted: true });
    expect(accountField('01234567890')).toEqual({ id: null, redacted: true });
  });
});

describe('callers keep the printed text, hide nothing they did not see', () => {
  it.each([
    ['arn:aws:sts::xxx:assumed-role/SchedulerRole/Main', 'assumed-role', null, 'SchedulerRole', 'Main', ['account-id']],
    ['arn:aws:iam::<account-ID>:user/<username>', 'user', null, '<username>', null, ['account-id', 'user-name']],
    ['arn:aws:sts::{account-id}:assumed-role/{role-arn}', 'assumed-role', null, '{role-arn}', null, ['account-id', 'role-name']],
    ['arn:aws:iam::123456789012:user/mateojackson', 'user', '123456789012', 'mateojackson', null, []],
    ['arn:aws:sts:::assumed-role/foo/bar', 'assumed-role', null, 'foo', 'bar', ['account-id']],
    ['arn:aws:iam::OMITTED:user/michael', 'user', null, 'michael', null, ['account-id']],
    ['arn:aws:iam::123456789012:root', 'root', '123456789012', null, null, []],
    ['arn:aws:sts::123456789012:federated-user/bob', 'federated-user', '123456789012', 'bob', 'bob', []],
    ['sns.amazonaws.com', 'service', null, 'sns.amazonaws.com', null, []],
    ['...', 'unknown', null, null, null, ['caller-arn']],
    ['<USER>', 'unknown', null, null, null, ['caller-arn']],
  ] as const)('%s', (arn, type, acct, name, session, red) => {
    const { caller, redactions } = parseCaller(arn);
    expect(caller.arn).toBe(arn);
    expect(caller.type).toBe(type);
    expect(caller.accountId).toBe(acct);
    expect(caller.name).toBe(name);
    expect(caller.sessionName).toBe(session);
    expect(redactions).toEqual(red);
  });

  it('builds the role behind a session', () => {
    expect(parseCaller('arn:aws-cn:sts::123456789012:assumed-role/r/s').caller.roleArn).toBe('arn:aws-cn:iam::123456789012:role/r');
    expect(parseCaller('arn:aws:sts:::assumed-role/r/s').caller.roleArn).toBeNull();
  });
});

describe('targets', () => {
  it.each([
    ['arn:aws:s3:::test-s3-docs/Amazon-2021-Annual-Report.pdf', 's3', null, 'object', null, []],
    ['arn:aws:s3:::my-bucket', 's3', null, 'bucket', null, []],
    ['arn:aws:lambda:eu-central-1:xxx:function:AWSInstanceSchedulerMain', 'lambda', 'eu-central-1', 'function', null, ['account-id']],
    ['arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling', 'iam', null, 'role', '123456789012', []],
    ['arn:aws:ssm:us-west-2:******:parameter/github-runners-config', 'ssm', 'us-west-2', 'parameter', null, ['account-id']],
    ['aws:iam::*:role/gudsen_role', 'iam', null, 'role', null, []],
  ] as const)('%s', (arn, service, region, type, acct, red) => {
    const { target, redactions } = parseTarget(arn);
    expect(target.arn).toBe(arn);
    expect(target.service).toBe(service);
    expect(target.region).toBe(region);
    expect(target.resourceType).toBe(type);
    expect(target.accountId).toBe(acct);
    expect(redactions).toEqual(red);
  });

  it('keeps IAM paths', () => {
    const { target } = parseTarget('arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_abc');
    expect(target.name).toBe('AWSReservedSSO_Admin_abc');
    expect(target.path).toBe('/aws-reserved/sso.amazonaws.com/');
  });

  it('keeps a bare name as printed', () => {
    expect(parseTarget('My-Trail').target).toMatchObject({ arn: 'My-Trail', name: 'My-Trail', service: null });
  });
});

describe('redactions in whole messages', () => {
  it('reports hidden account ids and leaves accountId null, but keeps the printed ARNs', () => {
    const { parsed } = parseError('error AccessDenied: User: arn:aws:iam::OMITTED:user/michael is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::OMITTED:role/mikelyticsToSandbox');
    expect(parsed.caller?.arn).toBe('arn:aws:iam::OMITTED:user/michael');
    expect(parsed.target?.arn).toBe('arn:aws:iam::OMITTED:role/mikelyticsToSandbox');
    expect(parsed.caller?.accountId).toBeNull();
    expect(parsed.crossAccount).toBeNull();
    expect(parsed.redactions).toContain('account-id');
  });

  it('treats 123456789012 as a real example id', () => {
    const { parsed } = parseError('User: arn:aws:iam::123456789012:user/aws-user is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/x');
    expect(parsed.caller?.accountId).toBe('123456789012');
    expect(parsed.redactions).toEqual([]);
    expect(parsed.crossAccount).toBe(true);
  });

  it('reports a placeholder action and a hidden request id', () => {
    const a = parseError('An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: <USER> is not authorized to perform: <AWS_SERVICES:ACTION> on resource: * with an explicit deny');
    expect(a.parsed.action).toBe('ecr:GetAuthorizationToken'); // the placeholder hides it; the CLI operation names it
    expect(a.parsed.redactions).toEqual(expect.arrayContaining(['action', 'caller-arn']));
    const b = parseError('operation error KMS: Decrypt, https response error StatusCode: 400, RequestID: <edited>, api error AccessDeniedException: The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.');
    expect(b.parsed.requestId).toBeNull();
    expect(b.parsed.redactions).toContain('request-id');
  });

  it('keeps placeholders with spaces inside a target', () => {
    const { parsed } = parseError('User: arn:aws:sts::<<account number>>:assumed-role/<<role name>>/s is not authorized to perform: dynamodb:Query on resource: arn:aws:dynamodb:us-east-1:<<account number>>:table/<<table name>> because no identity-based policy allows the dynamodb:Query action');
    expect(parsed.target?.arn).toBe('arn:aws:dynamodb:us-east-1:<<account number>>:table/<<table name>>');
    expect(parsed.deny.kind).toBe('implicit');
  });
});
