/**
 * A chat or a ticket has one box: people paste the error and then the policy. A policy document
 * in the message is evaluated as a pasted one, named "in the message", when it is clear that it is
 * the policy in effect.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ERROR = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111122223333:assumed-role/ci-runner/s is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/deploy';
const trustFor = (principal: string) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }],
}, null, 2);
const top = (message: string) => explain({ message }).causes[0]!;

describe('policies pasted inside the message', () => {
  it('evaluates a trust policy pasted after the error', () => {
    const a = explain({ message: `${ERROR}\n\nHere is the trust policy on deploy:\n${trustFor('arn:aws:iam::111122223333:role/ci')}\n\nwhat am I missing?` });
    expect(a.policies.map((p) => [p.name, p.kind, p.verdict])).toEqual([['in the message', 'trust', 'implicit-deny']]);
    expect(a.policies[0]!.issues[0]!.code).toBe('from-message');
    expect(a.causes[0]!.id).toBe('trust-principal-missing');
    expect(a.causes[0]!.status).toBe('confirmed');
    expect(a.parsed.target?.arn).toBe('arn:aws:iam::444455556666:role/deploy');
    // near miss: without the document the same error leaves the trust unproven
    expect(top(ERROR).status).not.toBe('confirmed');
  });

  it('reads `aws iam get-role` output and Terraform pasted in the message', () => {
    const getRole = JSON.stringify({ Role: { RoleName: 'deploy', Arn: 'arn:aws:iam::444455556666:role/deploy', AssumeRolePolicyDocument: JSON.parse(trustFor('arn:aws:iam::111122223333:role/ci-runner')) } }, null, 4);
    const a = explain({ message: `${ERROR}\n$ aws iam get-role --role-name deploy\n${getRole}` });
    expect(a.policies.map((p) => p.kind)).toEqual(['trust']);
    expect(a.causes.find((c) => c.id === 'trust-principal-missing')!.status).toBe('ruled-out');
    const tf = `${ERROR}\n\nmain.tf:\nresource "aws_iam_role" "deploy" {\n  name = "deploy"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:role/ci" }, Action = "sts:AssumeRole" }]\n  })\n}\n`;
    const b = explain({ message: tf });
    expect(b.policies.map((p) => p.kind)).toEqual(['trust']);
    // the error line around the code is not a part of the Terraform that failed to read
    expect(b.policies[0]!.issues.map((i) => i.code)).not.toContain('invalid-hcl');
    expect(b.causes[0]!.id).toBe('trust-principal-missing');
    expect(b.causes[0]!.status).toBe('confirmed');
  });

  it('reads a policy written in YAML in the message (a Serverless block), up to the prose after it', () => {
    const put = 'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111122223333:assumed-role/svc-dev-lambdaRole/svc-dev-upload is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::media/u/1.png" because no identity-based policy allows the s3:PutObject action';
    const yaml = 'provider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: s3:GetObject\n          Resource: arn:aws:s3:::media/*\n';
    const a = explain({ message: `${put}\n\nmy serverless.yml:\n\n${yaml}\nany idea why? Error: it worked yesterday` });
    expect(a.policies.map((p) => [p.name, p.kind])).toEqual([['in the message', 'identity']]);
    expect(a.causes[0]!.id).toBe('identity-action-mismatch');
    expect(a.causes[0]!.status).toBe('confirmed');
    // near miss: prose that says "Statement:" holds no policy
    const b = explain({ message: `${put}\nStatement: the upload fails since Monday\nVersion: 2.3 of our app` });
    expect(b.policies).toEqual([]);
  });

  it('takes the kind from the words before the document', () => {
    const scp = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] });
    const a = explain({ message: `${ERROR}\nOur SCP on the OU:\n${scp}` });
    expect(a.policies.map((p) => [p.kind, p.kindInferred])).toEqual([['scp', false]]);
    // near miss: "scp" inside another word names nothing
    const b = explain({ message: `${ERROR}\nscript scpfile.sh attached this:\n${scp}` });
    expect(b.policies.map((p) => p.kind)).toEqual(['identity']);
  });

  it('leaves out what is not clearly the policy in effect, and says so', () => {
    // a before and an after
    const a = explain({ message: `${ERROR}\nThe trust policy was:\n${trustFor('arn:aws:iam::111122223333:role/ci')}\nand I changed it to:\n${trustFor('arn:aws:iam::111122223333:role/ci-runner')}` });
    expect(a.policies).toEqual([]);
    expect(a.warnings.map((w) => w.code)).toContain('policies-in-message-not-read');
    // an article's worth of examples
    const docs = Array.from({ length: 4 }, (_, i) => trustFor(`arn:aws:iam::111122223333:role/r${i}`)).join('\nor\n');
    const b = explain({ message: `${ERROR}\n${docs}` });
    expect(b.policies).toEqual([]);
    expect(b.warnings.find((w) => w.code === 'policies-in-message-not-read')!.message).toContain('more than 3 policy documents');
    // one in the message beside a pasted one of the same kind
    const c = explain({ message: `${ERROR}\n${trustFor('arn:aws:iam::111122223333:role/ci')}`, policies: [{ kind: 'trust', document: trustFor('arn:aws:iam::111122223333:role/ci-runner') }] });
    expect(c.policies.map((p) => p.name ?? 'pasted')).toEqual(['pasted']);
  });

  it('does not read JSON that is not a policy, the same document twice, or a Terraform plan', () => {
    const cloudTrail = JSON.stringify({ eventVersion: '1.08', eventName: 'AssumeRole', errorCode: 'AccessDenied', requestParameters: { roleArn: 'arn:aws:iam::444455556666:role/deploy' } });
    expect(explain({ message: `${ERROR}\n${cloudTrail}` }).policies).toEqual([]);
    expect(explain({ message: `${ERROR}\n{"Version": "3.1", "Id": "build-42"}` }).policies).toEqual([]);
    const doc = trustFor('arn:aws:iam::111122223333:role/ci');
    const same = explain({ message: `${ERROR}\n${doc}`, policies: [{ kind: 'trust', document: doc }] });
    expect(same.policies).toHaveLength(1);
    expect(same.warnings.map((w) => w.code)).not.toContain('policies-in-message-not-read');
    const plan = `${ERROR}\n  # aws_iam_role.deploy will be updated in-place\n  ~ resource "aws_iam_role" "deploy" {\n      ~ assume_role_policy = jsonencode(\n          ~ {\n              ~ Statement = [\n                  - { Principal = { AWS = "arn:aws:iam::111122223333:role/ci" } },\n                  + { Principal = { AWS = "arn:aws:iam::111122223333:role/ci-runner" } },\n                ]\n            }\n        )\n    }\n`;
    expect(explain({ message: plan }).policies).toEqual([]);
  });
});
