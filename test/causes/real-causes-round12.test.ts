/**
 * Round 12 (held out, message only): 30 real messages from 30 public GitHub threads (found with the `search` tool,
 * issues corpus), none of them (source or distinctive text) already in test/fixtures or the shared corpus:
 * test/fixtures/extra/real-errors-round12.jsonl, labels in real-causes-round12.jsonl, both committed (83392bd) before
 * anything was run against them. Each label is the cause its thread states (the note says where); 19 are labeled, 11
 * are listed unlabeled (no cause stated in what was read, or none a catalog id names). Scored from the message alone
 * with score.mjs's rule.
 *
 * Measured before any change (build at main 727d8d4): top-1 15/19, top-3 16/19, and the same (ranks included)
 * after rebasing onto main 6ae107f. After the parser's round-12 rules (test/parse/round12-rules.test.ts): top-1 17/19,
 * top-3 17/19 — r12-26 now parses sts:AssumeRole with the role_arn as target and ranks trust-principal-missing first,
 * r12-07 parses ec2:DescribeSecurityGroups and ranks identity-missing-allow first (missing-passrole, read from the
 * UpdateFunctionConfiguration operation before, is no longer in the top 3). The round is no longer blind (its misses
 * were looked at); the bars are these figures.
 * Outside the top 3:
 * - r12-04 (SAM CLI) CreateChangeSet "because no identity-based policy allows", sam deploy using the default
 *   credentials (account 1) instead of the Toolkit's profile (account 2): want wrong-credentials-in-use, got
 *   identity-missing-allow, identity-resource-mismatch, identity-action-mismatch (wrong-credentials-in-use 4th,
 *   possible); the message is a plain implicit identity deny, and only the thread says the account is the wrong one.
 * - r12-20 (Karpenter) `with fleet error(s), UnauthorizedOperation: … Encoded authorization failure message: ****`, a
 *   tag condition in the controller's policy: want condition-tags, got identity-missing-allow, wrong-credentials-in-use,
 *   identity-resource-mismatch (condition-tags 15th, unlikely); no action is parsed and the blob is redacted, so nothing
 *   in the message points at a condition.
 */
import { describeLabeledRound } from './held-out.js';

describeLabeledRound({
  name: 'round-12 labeled messages from GitHub threads (message only)', errorsFile: 'real-errors-round12.jsonl',
  causesFile: 'real-causes-round12.jsonl', minLabels: 19, top1Bar: 17 / 19, top3Bar: 17 / 19, everyMessageListed: true,
  distinctSources: true, sourcePattern: /^[\w.-]+\/[\w.-]+#\d+$/,
});
