/**
 * The general rules of the third shift on fresh synthetic inputs (not the round-2 scenarios):
 * service-side role assumption in its other wordings, service principals on KMS keys, resource "*"
 * for actions that are not resource-scoped, conditional TagSession allows, grant management is not
 * a pending grant, a same-account resource Allow needs no identity Allow, and an explicit deny
 * without a policy type leans to the pasted policy that actually has the Deny.
 */
import { describe } from 'vitest';
import { itReasons, type Case } from './reasoning-cases.js';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const A = '210987654321';
const B = '345678901234';
const trustOf = (service: string) => ({ kind: 'trust' as const, name: 'role trust', document: doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }) });


const CASES: Case[] = [
  {
    name: 'SageMaker "allows principal \'sagemaker.amazonaws.com\' to assume the role" with a trust for another service',
    input: { message: `An error occurred (ValidationException) when calling the CreateProcessingJob operation: Could not assume role arn:aws:iam::${A}:role/sm-proc. Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.`, policies: [trustOf('glue.amazonaws.com')] },
    first: 'trust-service-vs-aws-principal',
    ruledOut: ['identity-missing-allow'],
  },
  {
    name: 'a service-assume failure that names no service still points at the trust',
    input: { message: 'An error occurred (AccessDeniedException) when calling the StartJobRun operation: Service is unable to assume provided role. Please verify role\'s TrustPolicy' },
    first: 'trust-service-vs-aws-principal',
  },
  {
    name: 'the trust with a service principal that does not fit: the service named as the subject (CodeBuild)',
    input: { message: `An error occurred (InvalidInputException) when calling the UpdateProject operation: CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::${A}:role/service-role/cb-web`, policies: [trustOf('codedeploy.amazonaws.com')] },
    first: 'trust-service-vs-aws-principal',
  },
  {
    name: 'a user named like a word is not a service subject',
    input: { message: `User: arn:aws:iam::${A}:user/build is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${B}:role/deploy`, policies: [{ kind: 'trust', name: 't', document: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'sts:AssumeRole' }) }] },
    ruledOut: ['trust-service-vs-aws-principal'],
  },
  {
    name: 'SNS may not use a customer managed key whose policy lacks the SNS service principal',
    input: {
      message: `An error occurred (AccessDeniedException) when calling the CreateTopic operation: The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:sns:eu-west-1:${A}:alerts'`,
      policies: [{ kind: 'resource', name: 'key policy', document: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' }) }],
    },
    first: 'kms-key-policy-missing-grant',
  },
  {
    name: 'a key policy that already allows the service principal is not the missing grant',
    input: {
      message: `An error occurred (AccessDeniedException) when calling the AssociateKmsKey operation: The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:logs:eu-west-1:${A}:log-group:/app/x'`,
      policies: [{ kind: 'resource', name: 'key policy', document: doc({ Effect: 'Allow', Principal: { Service: 'logs.eu-west-1.amazonaws.com' }, Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*'], Resource: '*' }) }],
    },
    notRuledOut: ['kms-key-policy-missing-grant'],
  },
  {
    name: 'an action on resource "*" is not covered by an Allow scoped to one ARN',
    input: {
      message: `User: arn:aws:sts::${A}:assumed-role/ci/run-1 is not authorized to perform: cloudwatch:PutMetricData on resource: * because no identity-based policy allows the cloudwatch:PutMetricData action`,
      policies: [{ kind: 'identity', name: 'ci', document: doc({ Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: `arn:aws:cloudwatch:eu-west-1:${A}:alarm:*` }) }],
    },
    first: 'identity-resource-mismatch',
  },
  {
    name: 'an Allow on "*" does cover resource "*"',
    input: {
      message: `User: arn:aws:sts::${A}:assumed-role/ci/run-1 is not authorized to perform: cloudwatch:PutMetricData on resource: * because no identity-based policy allows the cloudwatch:PutMetricData action`,
      policies: [{ kind: 'identity', name: 'ci', document: doc({ Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' }) }],
    },
    ruledOut: ['identity-resource-mismatch'],
  },
  {
    name: 'a trust that allows sts:TagSession for the caller under a tag condition rules out "TagSession not allowed"',
    input: {
      message: `User: arn:aws:sts::${A}:assumed-role/runner/j1 is not authorized to perform: sts:TagSession on resource: arn:aws:iam::${A}:role/app`,
      policies: [{ kind: 'trust', name: 'app trust', document: doc(
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/runner` }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/runner` }, Action: 'sts:TagSession', Condition: { StringEquals: { 'aws:RequestTag/project': 'alpha' } } },
      ) }],
      request: { sessionTags: { project: 'beta' } },
    },
    first: 'condition-tags',
    ruledOut: ['tagsession-not-allowed'],
  },
  {
    name: 'a refused kms:RetireGrant is not a grant that has not propagated',
    input: { message: `User: arn:aws:sts::${A}:assumed-role/ops/x is not authorized to perform: kms:RetireGrant on resource: arn:aws:kms:eu-west-1:${A}:key/1111aaaa-2222-3333-4444-555566667777 because no identity-based policy allows the kms:RetireGrant action` },
    ruledOut: ['kms-grant-pending'],
  },
  {
    name: 'same account: a queue policy that allows the caller makes an identity Allow unnecessary',
    input: {
      message: `User: arn:aws:sts::${A}:assumed-role/worker/w1 is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:eu-west-1:${A}:jobs with an explicit deny`,
      policies: [{ kind: 'resource', name: 'jobs queue policy', document: doc(
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/worker` }, Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:eu-west-1:${A}:jobs` },
        { Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: `arn:aws:sqs:eu-west-1:${A}:jobs`, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ) }],
    },
    first: 'resource-policy-explicit-deny',
    ruledOut: ['identity-missing-allow'],
  },
];

describe('general reasoning on fresh inputs (round 3)', () => {
  itReasons(CASES);
});
