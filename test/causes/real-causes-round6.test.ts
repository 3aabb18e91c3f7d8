/**
 * Round 6 (held out, message only): 30 new real messages from public issue threads
 * (test/fixtures/extra/real-errors-round6.jsonl), each with the cause its thread, maintainer or fix states
 * (real-causes-round6.jsonl), chosen for variety: S3 Object Ownership / Block Public Access / SSE-KMS, KMS key
 * ids and key policies, ECR, DynamoDB, Lambda, SSM, Secrets Manager, SCP denies, IAM Identity Center, EKS Pod
 * Identity session tags, OIDC issuers, expired and opt-in-Region tokens, MFA codes, GetSessionToken.
 * Scored from the message alone with score.mjs's rule (rank among causes not ruled out).
 *
 * Measured before this round's changes (run 2026-11-30): top-1 14/30, top-3 17/30. After them (general rules,
 * each tested both ways in general-reasoning-6.test.ts): top-1 19/30, top-3 26/30; the bars are those figures.
 *
 * Misses undecidable from the text alone (the thread's cause leaves no trace in the message):
 * - s008: ECR "no resource-based policy allows" across accounts, where the image URI named a repository that
 *   does not exist; a missing repository policy reads exactly the same.
 * - s014: CloudFormation's "Access Denied (Service: S3 …)" for a bucket policy: the S3 call is not named.
 * - s021: a bare PutObject "Access Denied" (the bucket key's policy lacked the uploader): IAM reads the same.
 * - s022: a Node stack with only "AccessDenied: Access Denied": neither the S3 call nor KMS appears.
 * Top-3 only, for the same reason: s012/s013 (bare PutBucketPolicy denial: Block Public Access or a missing
 * Allow), s016 (an Allow on the wrong ARN vs no Allow), s018 (STS names the OIDC provider; the thread's cause
 * is a role ARN in another account), s024 ("with an explicit deny" without the policy type), s029/s030
 * (S3's InvalidToken without the Region that makes it an opt-in-Region token).
 */
import { describeLabeledRound } from './held-out.js';

describeLabeledRound({
  name: 'round-6 real labeled messages (message only)', errorsFile: 'real-errors-round6.jsonl', causesFile: 'real-causes-round6.jsonl',
  minLabels: 30, top1Bar: 0.63, top3Bar: 0.86, everyMessageListed: true, distinctSources: true,
});
