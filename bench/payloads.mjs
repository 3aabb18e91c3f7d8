// Request bodies for the benchmarks: the article's first error alone, and with three pasted
// policies (the deploy role's trust policy, the caller's identity policy, an SCP).
import { readFileSync } from 'node:fs';

const article = readFileSync(new URL('../test/fixtures/assumerole-article.txt', import.meta.url), 'utf8');
const start = article.indexOf('An error occurred (AccessDenied)');
const end = article.indexOf('role/deploy-role', start) + 'role/deploy-role'.length;
/** The first error message of the AssumeRole article, as pasted. */
export const ARTICLE_MESSAGE = article.slice(start, end);

export const TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowPipeline',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:user/pipeline-user' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'deploy-2024' } },
    },
  ],
};

export const IDENTITY_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AssumeDeploy', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/deploy-role' },
    { Sid: 'ReadArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::build-artifacts', 'arn:aws:s3:::build-artifacts/*'] },
  ],
};

export const SCP = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyOutsideRegions',
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*'],
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    },
    { Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' },
  ],
};

export const BODIES = {
  alone: { message: ARTICLE_MESSAGE },
  policies: {
    message: ARTICLE_MESSAGE,
    policies: [
      { kind: 'trust', name: 'deploy-role trust', document: JSON.stringify(TRUST_POLICY, null, 2) },
      { kind: 'identity', name: 'pipeline-role inline', document: IDENTITY_POLICY },
      { kind: 'scp', name: 'region guardrail', document: SCP },
    ],
  },
};
