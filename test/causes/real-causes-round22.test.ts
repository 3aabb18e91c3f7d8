/**
 * Round 22 (held out, message only): 20 real 2024–2026 messages from 20 public GitHub threads (Bedrock, SageMaker,
 * S3 Tables, OpenSearch Serverless, S3, EC2/VPC endpoints, IAM PassRole for EKS Pod Identity, Amazon Q / IAM Identity
 * Center, AWS Backup; found with the `search` tool, issues corpus), none of them (thread, distinctive text or ARNs)
 * already in test/fixtures or the shared corpus: test/fixtures/extra/real-errors-round22.jsonl, labels in
 * real-causes-round22.jsonl, both committed (e14a144) before anything was run against them. Each label is the cause its
 * thread states (the note says who says it); 9 are labeled, 11 listed unlabeled (the thread does not settle a cause,
 * or the cause it names has no catalog id). Scored from the message alone with score.mjs's rule.
 *
 * Measured blind (build at main f880a72): top-1 8/9, top-3 9/9. Not first:
 * - r22-15 (amplify-category-api: `… is not authorized to perform: bedrock:InvokeModel on resource:
 *   arn:aws:bedrock:us-west-2:…:inference-profile/global.anthropic.claude-haiku-4-5-… because no identity-based policy
 *   allows …`, the generated role granting only the foundation-model ARN): want identity-resource-mismatch, got
 *   identity-missing-allow, identity-resource-mismatch, identity-action-mismatch.
 * After the cause rule of test/causes/round22-rules.test.ts — a call refused on a Bedrock cross-Region inference
 * profile (`…:inference-profile/<geo>.<provider>.<model>`, not an application profile, not an explicit deny) with no
 * policy pasted weighs identity-resource-mismatch (a policy written for the model names only its foundation-model
 * ARN), as the scenario extra-scenarios-4/w38 already expects with its policy; no earlier label disagrees (the two
 * labeled foundation-model messages, blind n001/n002, keep identity-missing-allow) — top-1 9/9, top-3 9/9. The round
 * is no longer blind (its misses were looked at); the bars are these figures.
 */
import { describeLabeledRound } from './held-out.js';

describeLabeledRound({
  name: 'round-22 labeled 2024–2026 messages (message only)', errorsFile: 'real-errors-round22.jsonl',
  causesFile: 'real-causes-round22.jsonl', minLabels: 9, top1Bar: 9 / 9, top3Bar: 9 / 9, everyMessageListed: true,
  distinctSources: true, sourcePattern: /^(?:[\w.-]+\/[\w.-]+#\d+|https:\/\/\S+)$/,
});
