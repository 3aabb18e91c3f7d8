/**
 * Round 26 (held out, message only): the 30 pastes of test/fixtures/extra/real-errors-round26.jsonl (see
 * test/parse/round26.test.ts), labels in real-causes-round26.jsonl, both committed (f2c0802, the first commit of this
 * round) before anything was run against them. Each label is the cause its page states (the note says who says it:
 * the AWS Knowledge Center, an Atlassian KB, the author who hit it); 11 are labeled, 19 listed unlabeled (KBs and
 * guides that list several causes, or pages that do not settle one). Scored from the pasted text alone with
 * score.mjs's rule.
 *
 * Measured blind (build at main 8e96654): top-1 7/11, top-3 8/11. Not first:
 * - r26-05 (CodeBuild: `… is not authorized to perform: sts:AssumeRole on resource: … with an explicit deny or
 *   missing permission: sts:TagSession`): want tagsession-not-allowed, got identity-explicit-deny, scp-deny,
 *   trust-explicit-deny.
 * - r26-18 (`Error launching source instance: UnauthorizedOperation: …` and `their IAM identity is theoretically
 *   granted broad administrative privileges`; AWSCompromisedKeyQuarantineV2 denies): want identity-explicit-deny,
 *   got identity-missing-allow, wrong-credentials-in-use, identity-resource-mismatch.
 * - r26-25 (`… dynamodb:Query on resource: .../index/other_dial_status-index`; the role names the table, not its
 *   index): want identity-resource-mismatch, got it second behind identity-missing-allow.
 * - r26-27 (`AccessDeniedException: User is not authorized to perform iam:PassRole`; a managed policy's explicit
 *   deny): want identity-explicit-deny, got missing-passrole, identity-missing-allow, identity-resource-mismatch.
 * After the parser's rules (round26-rules in test/parse: r26-05's tail no longer reads as an explicit deny) and the
 * cause rules of test/causes/round26-rules.test.ts — an AssumeRole refusal whose tail names sts:TagSession /
 * sts:SetSourceIdentity as the `missing permission` raises that cause; a DynamoDB action refused on an elided
 * `.../index/<name>` resource reads as an index the policy does not name (as the full ARN already did); a paste saying
 * the refused identity holds administrator permissions (`AdministratorAccess policy attached`, `administrative
 * privileges`, not negated, not when AWS says no policy allows) lowers a missing Allow or a Resource mismatch and
 * raises an identity Deny — top-1 10/11, top-3 10/11. Left: r26-27 — `User is not authorized to perform iam:PassRole`
 * and a sentence about deploying; only the post's later prose (a managed policy's Deny) names the cause, and
 * missing-passrole first is the right reading of the message alone. The round is no longer blind; the bars are these
 * figures.
 */
import { describeLabeledRound } from './held-out.js';

describeLabeledRound({
  name: 'round-26 labeled pastes (message only)', errorsFile: 'real-errors-round26.jsonl',
  causesFile: 'real-causes-round26.jsonl', minLabels: 11, top1Bar: 10 / 11, top3Bar: 10 / 11, everyMessageListed: true,
  distinctSources: true, sourcePattern: /^(?:[\w.-]+\/[\w.-]+#\d+|https?:\/\/\S+)$/,
});
