/**
 * Round 10 (held out): the 34 messages of test/fixtures/extra/real-errors-round10.jsonl, verbatim from 34 public GitHub
 * threads none of which (nor any text) was already in test/fixtures (see test/causes/real-causes-round10.test.ts):
 * Go SDK v2 `operation error … api error …` lines inside Terraform `│ Error:` blocks and logs, Java v1 / .NET / PHP /
 * JS v2 error objects, CloudFormation and StackSet events, CloudTrail record fields, SES's back-quoted refusals, Step
 * Functions' trust sentences, KMS, SSM, SQS, ECR, Athena, Bedrock. Expected fields were written before anything was
 * run (alternatives where a field is a fair guess either way; placeholders accept null), compared exactly as score.mjs.
 *
 * Measured when this test was added (build at main 74eec85, no parser change): 28/34 records recognized with every
 * field right; 234/238 fields right. Not read whole:
 * - t005: the Lambda ARN before `: ClientError` was read with the colon (`…function:NAME:`).
 * - t011, t012: Step Functions' "The principal states.amazonaws.com is not authorized to assume the provided role." and
 *   "Neither the global service principal …, nor the regional one is authorized to assume …" are not read as errors.
 * - t014: CloudFormation's "The state machine IAM Role is not authorized to access the Log Destination" is not read.
 * - t019: async-aws's `… on resource (code AccessDeniedException)`: the code is missed and `code` read as the target.
 * - t028: "on resource ..." (an ellipsis) read as the target `...`.
 */
import { describePartialRound, GITHUB_THREAD, readRound } from './held-out-round.js';

describePartialRound('round-10', readRound('real-errors-round10.jsonl'), {
  count: 34, source: GITHUB_THREAD, wholeBar: 28, fieldsBar: 234, knownMisses: ['t005', 't019', 't028'],
});
