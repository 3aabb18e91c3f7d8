/**
 * Second blind parse measurement (2026-11-30, build at main 3a58489, no parser change): the 15 real messages
 * p001–p015 (verbatim from public GitHub threads, none already in test/fixtures; see test/causes/blind2.test.ts).
 * Expected fields were written and committed (b714294) before anything ran; placeholder-filled ARNs accept null too.
 *
 * Measured: 15/15 recognized, 13/15 with every field right, 98/105 fields right; the bars are these figures.
 * Known misses (not read whole):
 * - p013 (aws/aws-cdk#28537, CloudFormation event line): errorCode null although the Java trailer says
 *   `Error Code: AccessDeniedException`; and "no resource-based polic\ny allows" (the line break falls inside a word)
 *   leaves denyKind and policyType unknown.
 * - p015 (anomalyco/sst#4469, ARNs redacted as "arn:aws:sts:: ... :assumed-role/..."): callerArn is read as the
 *   spaced text (the label wanted null), targetArn is cut at the first space ("arn:aws:dynamodb:us-east-1:"), and the
 *   "because no identity-based policy allows" clause is not read (denyKind unknown, policyType null).
 */
import { describePartialRound, GITHUB_THREAD, readRound } from './held-out-round.js';

describePartialRound('blind2', readRound('real-errors-blind2.jsonl'), {
  count: 15,
  source: GITHUB_THREAD,
  wholeBar: 13,
  fieldsBar: 98,
  knownMisses: ['p013', 'p015'],
});
