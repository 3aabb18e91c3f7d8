/**
 * Round 24 (held out, message only): the 25 log pastes of test/fixtures/extra/real-errors-round24.jsonl (see
 * test/parse/round24.test.ts), labels in real-causes-round24.jsonl, both committed (24a0b01 before rebasing onto main: the first commit of this round, `test(fixtures): round 24 held out …`) before anything was run
 * against them. Each label is the cause its thread states (the note says who says it); 9 are labeled, 16 listed
 * unlabeled (the thread does not settle a cause). Scored from the pasted text alone with score.mjs's rule.
 *
 * Measured blind (build at main ef9c0b3): top-1 8/9, top-3 8/9. Not in the top 3:
 * - r24-15 (airbyte: Java `Caused by: …S3Exception: User: arn:aws:sts::<REDACTED>:assumed-role/<REDACTED-NODE-ROLE> is
 *   not authorized to perform: s3:PutObject because no identity-based policy allows …`, the workload pod running
 *   without its service account so the SDK fell back to the node's instance role): want
 *   irsa-service-account-misconfigured | wrong-credentials-in-use, got identity-missing-allow,
 *   identity-resource-mismatch, identity-action-mismatch.
 * After the cause rule of test/causes/round24-rules.test.ts — an assumed-role caller whose role name says it is a
 * node's instance role (`…NodeInstanceRole…`, `node-role`, `node-group`) and whose session name is not shown reads as
 * the node's credentials, as an `i-…` session already did (wrong-credentials-in-use's instance-profile signal);
 * identity-missing-allow stays first, as for the labeled node-role refusals before it (r11-22, r15-19 want it; r15-15,
 * r17-07 want wrong-credentials-in-use second) — top-1 8/9, top-3 9/9. r24-15 stays second-or-third, not first: the
 * paste alone cannot tell a pod that lost its service-account role from a node role that lacks a permission. The
 * round is no longer blind (its misses were looked at); the bars are these figures.
 */
import { describeLabeledRound } from './held-out.js';

describeLabeledRound({
  name: 'round-24 labeled pastes inside logs (message only)', errorsFile: 'real-errors-round24.jsonl',
  causesFile: 'real-causes-round24.jsonl', minLabels: 9, top1Bar: 8 / 9, top3Bar: 9 / 9, everyMessageListed: true,
  distinctSources: true, sourcePattern: /^(?:[\w.-]+\/[\w.-]+#\d+|https:\/\/\S+)$/,
});
