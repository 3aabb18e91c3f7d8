/**
 * Round 19 (held out, message only): 30 real messages from 30 public GitHub threads (found with the `search` tool,
 * issues corpus), none of them (source, distinctive text or ARNs) already in test/fixtures or the shared corpus:
 * test/fixtures/extra/real-errors-round19.jsonl, labels in real-causes-round19.jsonl, both committed (5cb46ca; fbdbc71 before a rebase) before
 * anything was run against them. Each label is the cause its thread states (the note says who says it); 19 are
 * labeled, 11 listed unlabeled (no cause stated in what was read). Scored from the message alone with score.mjs's rule.
 *
 * Measured blind (build at main d308674): top-1 12/19, top-3 18/19. Not first:
 * - r19-05 (boto3, `… not authorized to perform: batch:SubmitJob on resource: arn:aws:batch:…:job-definition/
 *   cttsoicatopieriandxdevb-3fac93477d7a86a`; the policy named the definition with its revision `:1`): want
 *   identity-resource-mismatch, got identity-missing-allow first, identity-resource-mismatch 2nd.
 * - r19-06 (JS v2, `… batch:SubmitJob on resource: arn:aws:batch:…:job-definition/my-job`; the policy allowed
 *   `my-job:*`): want identity-resource-mismatch, got identity-missing-allow first, identity-resource-mismatch 2nd.
 * - r19-16 (django-ses, `User: arn:aws:iam::<user> is not authorized to perform: ses:GetSendQuota`; the library signed
 *   with the S3 user's keys): want wrong-credentials-in-use, got it 3rd.
 * - r19-21 (AFT Lambda, `(UnauthorizedOperation) when calling the DescribeVpcs operation: You are not authorized to
 *   perform this operation.`; Control Tower's region deny SCP): want scp-deny, got identity-missing-allow,
 *   identity-resource-mismatch, wrong-credentials-in-use (out of the top 3).
 * - r19-22 (CloudFormation custom resource, `… cloudformation:DescribeStacks with an explicit deny`, no policy type
 *   named; Control Tower's region deny guardrail): want scp-deny, got identity-explicit-deny first, scp-deny 2nd.
 * - r19-26 (Lambda, `… ecs:DescribeServices on resource: arn:aws:ecs:us-west-1:…` because no identity-based policy
 *   allows; the policy named another region): want identity-resource-mismatch, got it 2nd.
 * - r19-29 (boto3, `User: arn:aws:iam:::user/… is not authorized to perform: sts:AssumeRole on resource:
 *   arn:aws:iam:::role/BillingConsolePolicyMigratorRole`; the role was never created in the member account): want
 *   role-missing-or-typo, got trust-principal-missing, identity-missing-allow, role-missing-or-typo (3rd).
 * After the rule of test/causes/round19-rules.test.ts (and the parser's, round19-rules in test/parse) — a refused
 * batch:SubmitJob on a job definition named without its revision (`…:job-definition/name`, no `:N`) ranks
 * identity-resource-mismatch first: the request is authorized against that exact ARN, which a policy naming the revision
 * ARN (`name:1`, `name:*`, as CDK's jobDefinitionArn gives it) does not cover — top-1 14/19, top-3 18/19: r19-05 and
 * r19-06 now rank their label first; nothing else moved. Left, undecidable from the message alone:
 * - r19-16: `arn:aws:iam::<user>` says nothing of which keys the library signed with (wrong-credentials-in-use 3rd).
 * - r19-21: EC2's bare `You are not authorized to perform this operation.` on a Describe call (which never carries an
 *   encoded message) does not name Control Tower's region deny.
 * - r19-22: a bare `with an explicit deny` names no policy type; across the labeled fixtures it is an SCP three times
 *   (s024, n018, this one) and an identity Deny once (x090), too few to reorder a catalog-wide default (scp-deny 2nd).
 * - r19-26: a policy naming another Region's service looks like any missing Allow (identity-resource-mismatch 2nd).
 * - r19-29: an AssumeRole refusal does not say the role is missing in the member account (role-missing-or-typo 3rd).
 * The round is no longer blind (its misses were looked at); the bars are these figures.
 */
import { describeLabeledRound } from './held-out.js';

describeLabeledRound({
  name: 'round-19 labeled messages from GitHub threads (message only)', errorsFile: 'real-errors-round19.jsonl',
  causesFile: 'real-causes-round19.jsonl', minLabels: 19, top1Bar: 14 / 19, top3Bar: 18 / 19, everyMessageListed: true,
  distinctSources: true, sourcePattern: /^([\w.-]+\/[\w.-]+#\d+|https:\/\/\S+)$/,
});
