/**
 * Policies pasted from infrastructure code hold values the deployment fills in: CloudFormation's
 * intrinsic functions and pseudo parameters, Terraform's references. A statement such a value
 * decides is unknown, not matched and not refused; one it cannot decide is read as usual.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { renderMarkdown } from '../../src/core/render/index.js';
import { readPolicy, simulate } from '../../src/core/policy/index.js';
import { iacReferences, intrinsicString, isIacReference, referenceCanName } from '../../src/core/policy/iac.js';

const CALLER = 'arn:aws:sts::111122223333:assumed-role/ci-runner/s';
const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const MESSAGE = `An error occurred (AccessDenied) when calling the AssumeRole operation: User: ${CALLER} is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`;

const trustNaming = (aws: unknown) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'sts:AssumeRole' }],
});
const cfnRole = (aws: unknown) => ({ Type: 'AWS::IAM::Role', Properties: { RoleName: 'deploy', AssumeRolePolicyDocument: trustNaming(aws) } });

describe('deploy-time references', () => {
  it('tells references from IAM policy variables', () => {
    for (const ref of ['AWS::AccountId', 'AWS::Partition', 'var.ci_role_arn', 'data.aws_caller_identity.current.account_id', 'CiRole.Arn', 'BucketName']) {
      expect(isIacReference(ref), ref).toBe(true);
    }
    for (const v of ['aws:username', 'aws:PrincipalTag/team', 'token.actions.githubusercontent.com:sub', 'saml:sub', '*', '?', '$']) {
      expect(isIacReference(v), v).toBe(false);
    }
    expect(iacReferences('arn:${AWS::Partition}:s3:::${var.bucket}/${aws:username}/*')).toEqual(['AWS::Partition', 'var.bucket']);
  });

  it('reads CloudFormation intrinsic functions as the strings they stand for', () => {
    expect(intrinsicString({ 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' })).toBe('arn:aws:iam::${AWS::AccountId}:root');
    expect(intrinsicString({ 'Fn::Sub': ['arn:aws:iam::${Acct}:role/${Name}', { Acct: '444455556666', Name: { Ref: 'RoleName' } }] }))
      .toBe('arn:aws:iam::444455556666:role/${RoleName}');
    expect(intrinsicString({ 'Fn::Sub': 'arn:aws:s3:::b/${!aws:username}/*' })).toBe('arn:aws:s3:::b/${aws:username}/*');
    expect(intrinsicString({ Ref: 'CiRoleArn' })).toBe('${CiRoleArn}');
    expect(intrinsicString({ 'Fn::GetAtt': ['CiRole', 'Arn'] })).toBe('${CiRole.Arn}');
    expect(intrinsicString({ 'Fn::GetAtt': 'CiRole.Arn' })).toBe('${CiRole.Arn}');
    expect(intrinsicString({ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Bucket' }, '/*']] })).toBe('arn:aws:s3:::${Bucket}/*');
    expect(intrinsicString({ 'Fn::If': ['Prod', 'a', 'b'] })).toBe('${Fn::If}');
    // not an intrinsic: two keys, or a key that is not Ref / Fn::…
    expect(intrinsicString({ Ref: 'A', Other: 1 })).toBeNull();
    expect(intrinsicString({ AWS: 'arn:aws:iam::1:root' })).toBeNull();
    expect(intrinsicString('plain')).toBeNull();
  });

  it('matches a reference as any text, and only there', () => {
    expect(referenceCanName('arn:aws:iam::${AWS::AccountId}:role/ci-runner', ['arn:aws:iam::111122223333:role/ci-runner'])).toBe(true);
    expect(referenceCanName('arn:aws:iam::${AWS::AccountId}:role/ci', ['arn:aws:iam::111122223333:role/ci-runner'])).toBe(false);
    expect(referenceCanName('${CiRoleArn}', ['arn:aws:iam::111122223333:role/ci-runner'])).toBe(true);
  });

  it('reads a CloudFormation role with Fn::Sub in its trust policy without a value error, and warns about the reference', () => {
    const p = readPolicy({ document: cfnRole({ 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/ci-runner' }) });
    expect(p.kind).toBe('trust');
    expect(p.issues.map((i) => i.code)).not.toContain('invalid-value');
    expect(p.statements[0]!.principal!.AWS).toEqual(['arn:aws:iam::${AWS::AccountId}:role/ci-runner']);
    const warning = p.issues.find((i) => i.code === 'deploy-time-references');
    expect(warning?.message).toContain('${AWS::AccountId}');
    // near miss: a plain document holds no reference, and an IAM policy variable is not one
    const plain = readPolicy({ document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] } });
    expect(plain.issues.map((i) => i.code)).not.toContain('deploy-time-references');
  });

  it('evaluates a trust principal holding a reference as unknown when it may name the caller, refused when it cannot', () => {
    const base = { principal: CALLER, action: 'sts:AssumeRole', resource: ROLE };
    const may = simulate({ ...base, policies: [{ kind: 'trust', document: trustNaming('arn:aws:iam::${AWS::AccountId}:role/ci-runner') }] });
    expect(may.policies[0]!.verdict).toBe('unknown');
    expect(may.policies[0]!.statements[0]!.why).toContain('the deployed value of `arn:aws:iam::${AWS::AccountId}:role/ci-runner` names');
    const cannot = simulate({ ...base, policies: [{ kind: 'trust', document: trustNaming('arn:aws:iam::${AWS::AccountId}:role/ci') }] });
    expect(cannot.policies[0]!.verdict).toBe('implicit-deny');
    expect(cannot.policies[0]!.statements[0]!.matched).toBe(false);
  });

  it('evaluates a Resource holding a reference as unknown, whatever the Version', () => {
    const identity = (version: string | undefined) => ({
      ...(version ? { Version: version } : {}),
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::${var.bucket}/*' }],
    });
    for (const version of ['2012-10-17', undefined]) {
      const r = simulate({ principal: 'arn:aws:iam::111122223333:user/u', action: 's3:GetObject', resource: 'arn:aws:s3:::data/k', resourceAccount: '111122223333', policies: [{ kind: 'identity', document: identity(version) }] });
      expect(r.policies[0]!.verdict, String(version)).toBe('unknown');
    }
    // near miss: a policy variable the request lacks still makes the value match nothing
    const r = simulate({
      principal: 'arn:aws:iam::111122223333:user/u', action: 's3:GetObject', resource: 'arn:aws:s3:::data/k', resourceAccount: '111122223333',
      policies: [{ kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/${aws:PrincipalTag/team}/*' }] } }],
    });
    expect(r.policies[0]!.verdict).toBe('implicit-deny');
  });

  it('does not confirm a missing principal that the deployment may fill in, and still confirms one it cannot', () => {
    const top = (aws: unknown) => explain({ message: MESSAGE, policies: [{ kind: 'trust', document: cfnRole(aws) }] }).causes.find((c) => c.id === 'trust-principal-missing')!;
    const may = top({ 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/ci-runner' });
    expect(may.status).not.toBe('confirmed');
    expect(may.evidence.map((e) => e.text).join(' ')).toContain('fills in at deploy time');
    const cannot = top({ 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/ci' });
    expect(cannot.status).toBe('confirmed');
  });
});

describe('a corrected document that keeps deploy-time references', () => {
  const terraform = (principal: string) => `resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "${principal}" }, Action = "sts:AssumeRole" }]
  })
}`;
  const words = (principal: string) => renderMarkdown(explain({ message: MESSAGE, policies: [{ kind: 'trust', document: terraform(principal) }] }))
    .split('\n').filter((l) => l.startsWith('Corrected policy'));

  it('says to make the change in the code (or fill the values in) before the command reads it', () => {
    const [line] = words('arn:aws:iam::${var.ci_account}:role/ci');
    expect(line).toContain('it keeps ${var.ci\\_account}, which the deployment fills in: make the same change in the Terraform or CloudFormation that defines it');
    expect(line).toContain('save it as trust.json and run the command below');
  });

  it('near miss: a document without references is saved and applied as it is', () => {
    const [line] = words('arn:aws:iam::111122223333:role/ci');
    expect(line).toContain('save it as trust.json, then run the command below');
    expect(line).not.toContain('deployment fills in');
  });
});

describe('commands for a value the deployment fills in', () => {
  it('put a placeholder for the deployed value where the pasted code has a reference', () => {
    const trust = 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Principal:\n      AWS: arn:aws:iam::111122223333:role/ci-runner\n    Action: sts:AssumeRole\n    Condition:\n      StringEquals:\n        sts:ExternalId: !Ref ExternalId\n';
    const cause = explain({ message: MESSAGE, policies: [{ kind: 'trust', document: trust }] }).causes.find((c) => c.id === 'externalid-missing-or-wrong')!;
    const commands = [...cause.confirm.map((c) => c.command), ...cause.fix.commands].join('\n');
    expect(commands).toContain("--external-id '<ExternalId>'");
    expect(commands).not.toContain('${ExternalId}');
  });

  it('near miss: a literal external id is passed as it is', () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ci-runner' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'vendor-42' } } }] };
    const cause = explain({ message: MESSAGE, policies: [{ kind: 'trust', document: trust }] }).causes.find((c) => c.id === 'externalid-missing-or-wrong')!;
    expect(cause.confirm.map((c) => c.command).join('\n')).toContain('--external-id vendor-42');
  });
});
