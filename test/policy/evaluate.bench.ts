/**
 * Micro-benchmark: one request against 20 policies × 50 statements (worst case: every statement's
 * Action matches, so Resource and Condition are evaluated too). Run: npx vitest bench test/policy
 */
import { bench, describe } from 'vitest';
import { evaluatePolicies, readPolicy } from '../../src/core/policy/index.js';

const statement = (i: number) => ({
  Sid: `S${i}`,
  Effect: i % 7 === 0 ? 'Deny' : 'Allow',
  Action: ['s3:Get*', 'sts:AssumeRole', `kms:${i}*`],
  Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:iam::*:role/x${i}`],
  Condition: { StringLike: { 'aws:PrincipalTag/team': ['a*', `b${i}`] }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
});
const policies = Array.from({ length: 20 }, (_, p) => readPolicy({
  kind: p === 0 ? 'trust' : 'identity',
  document: {
    Version: '2012-10-17',
    Statement: Array.from({ length: 50 }, (_, i) => {
      const s = statement(i);
      if (p !== 0) return s;
      const { Resource: _r, ...rest } = s;
      return { ...rest, Principal: { AWS: 'arn:aws:iam::111111111111:root' } };
    }),
  },
}));
const request = {
  principal: 'arn:aws:sts::111111111111:assumed-role/r/s',
  action: 'sts:AssumeRole',
  resource: 'arn:aws:iam::111111111111:role/target',
  context: { 'aws:PrincipalTag/team': 'alpha', 'aws:SourceIp': '10.1.1.1' },
  missing: 'absent' as const,
};

describe('evaluatePolicies', () => {
  bench('20 policies × 50 statements', () => {
    evaluatePolicies(request, policies);
  });
});
