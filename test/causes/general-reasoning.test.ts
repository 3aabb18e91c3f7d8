/**
 * The general rules of the second shift on fresh synthetic inputs (not the red-team cases):
 * the message's own claim beats an evaluation, failure stages rule out other stages' causes,
 * evidence around the error (stated intent, get-role paths, retries), service-side assume
 * failures, PassRole candidates, calls that need no permission, KMS delegation and ABAC keys.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { itReasons, live, type Case } from './reasoning-cases.js';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });


const A = '123456789012';
const CASES: Case[] = [
  {
    name: 'an explicit deny AWS attributes to an SCP stays open when the pasted SCP seems to allow',
    input: {
      message: `User: arn:aws:iam::${A}:user/dev is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:${A}:instance/* with an explicit deny in a service control policy`,
      policies: [{ kind: 'scp', name: 'guard', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }],
    },
    first: 'scp-deny',
  },
  {
    name: 'a JWKS fetch failure rules out the trust-side subject condition',
    input: { message: 'An error occurred (IDPCommunicationError) when calling the AssumeRoleWithWebIdentity operation: Couldn\'t retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements' },
    first: 'oidc-jwks-unreachable',
    ruledOut: ['oidc-sub-mismatch', 'oidc-provider-missing'],
  },
  {
    name: 'a stated intended role that differs from the caller confirms other credentials, above the caller grant',
    input: {
      message: `An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:sts::${A}:assumed-role/default-runner/i-0abc12345def67890 is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:eu-west-1:${A}:secret:db-AbCdEf because no identity-based policy allows the secretsmanager:GetSecretValue action\n# the job is supposed to run as arn:aws:iam::${A}:role/payments-job`,
    },
    first: 'wrong-credentials-in-use',
  },
  {
    name: 'CodeBuild failing to assume its service role is a trust / propagation problem, not the caller\'s',
    input: { message: 'An error occurred (InvalidInputException) when calling the StartBuild operation: CodeBuild is unable to assume the role arn:aws:iam::123456789012:role/build-svc' , policies: [{ kind: 'trust', name: 'build-svc trust', document: doc({ Effect: 'Allow', Principal: { Service: 'codepipeline.amazonaws.com' }, Action: 'sts:AssumeRole' }) }] },
    first: 'trust-service-vs-aws-principal',
    ruledOut: ['identity-missing-allow'],
  },
  {
    name: 'Lambda "cannot be assumed" with a correct trust and a re-run that worked is propagation',
    input: {
      message: 'An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The role defined for the function cannot be assumed by Lambda.\nran it again a minute later and it worked',
      policies: [{ kind: 'trust', name: 'fn trust', document: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) }],
    },
    first: 'iam-eventual-consistency',
    ruledOut: ['trust-service-vs-aws-principal'],
  },
  {
    name: 'an unnamed refusal of a call that passes a role keeps iam:PassRole in the top 3',
    input: { message: 'An error occurred (UnauthorizedOperation) when calling the AssociateIamInstanceProfile operation: You are not authorized to perform this operation. Encoded authorization failure message: abc' },
  },
  {
    name: 'GetCallerIdentity needs no permission: no missing identity Allow',
    input: { message: `An error occurred (AccessDenied) when calling the GetCallerIdentity operation: User: arn:aws:iam::${A}:user/x is not authorized to perform: sts:GetCallerIdentity` },
    ruledOut: ['identity-missing-allow'],
  },
  {
    name: 'a key policy that does not delegate to IAM rules out identity causes',
    input: {
      message: `User: arn:aws:iam::${A}:user/etl is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:eu-west-1:${A}:key/1111aaaa-22bb-33cc-44dd-555555eeeeee`,
      policies: [{ kind: 'resource', name: 'key policy', document: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/admins` }, Action: 'kms:*', Resource: '*' }) }],
    },
    first: 'kms-key-policy-missing-grant',
    ruledOut: ['identity-missing-allow', 'identity-resource-mismatch'],
  },
  {
    name: 'an ec2:ResourceTag condition compared with a principal tag is ABAC',
    input: {
      message: `User: arn:aws:iam::${A}:user/ana is not authorized to perform: ec2:StopInstances on resource: arn:aws:ec2:eu-west-1:${A}:instance/i-0123456789abcdef0 because no identity-based policy allows the ec2:StopInstances action`,
      policies: [{ kind: 'identity', name: 'ana', document: doc({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { StringEquals: { 'ec2:ResourceTag/team': '${aws:PrincipalTag/team}' } } }) }],
    },
    first: 'condition-tags',
  },
  {
    name: 'get-role output with the caller role\'s path decides an aws:PrincipalArn condition',
    input: {
      message: `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::${A}:assumed-role/builder/s1 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${A}:role/publisher\n$ aws iam get-role --role-name builder --query Role.Arn\n"arn:aws:iam::${A}:role/ci/builder"`,
      policies: [{ kind: 'trust', name: 'publisher trust', document: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole', Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/builder` } } }) }],
    },
    first: 'trust-principal-path-mismatch',
  },
];

describe('general reasoning on fresh inputs', () => {
  itReasons(CASES);

  it('offers iam:PassRole for an unnamed refusal of a role-passing call', () => {
    const causes = explain(CASES.find((c) => c.name.includes('PassRole'))!.input).causes;
    expect(live(causes).slice(0, 3).map((c) => c.id)).toContain('missing-passrole');
  });
});
