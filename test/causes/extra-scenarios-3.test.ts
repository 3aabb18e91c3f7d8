/**
 * Held-out round 3 (test/fixtures/extra-scenarios-3, z01–z34: AccessDenied from any service —
 * S3 bare 403s, cross-account, SSE-KMS, Object Ownership, Block Public Access, access points,
 * Requester Pays, Object Lock; KMS key policies, AWS managed keys, encryption context, ViaService,
 * GrantIsForAWSResource; DynamoDB index ARNs and LeadingKeys; Lambda, SQS, SNS, Secrets Manager,
 * ECR, SSM, EC2, Logs, EventBridge, Step Functions) through explain(), scored with the rules of
 * shared/tools/score.mjs: expect.top first among the causes that are not ruled out; every
 * expect.ruledOut id ruled out (or unlikely and below rank 3).
 * Written before the fixes: BEFORE top-1 28/34, top-3 31/34, ruled-out kept 98/101 (97/99 after two
 * unprovable labels were dropped: a message naming the permissions boundary or the identity policy
 * does not disprove an SCP that also fails to allow).
 * This build (2026-11-30): top-1 34/34, top-3 34/34, ruled-out kept 99/99. The bars allow one slip.
 */

import { describeHeldOut } from './held-out.js';

describeHeldOut({
  name: 'extra scenarios round 3 (held out)',
  folder: 'extra-scenarios-3',
  minCount: 34,
  top1Bar: 0.97,
  top3Bar: 1,
  ruledOutBar: 0.98,
});
