/**
 * Round 19 (held out): the 30 messages of test/fixtures/extra/real-errors-round19.jsonl, verbatim from 30 public GitHub
 * threads (found with the `search` tool, issues corpus), none of which (nor any distinctive 40-character piece of its
 * text, nor any of its ARNs) was already in test/fixtures or the shared corpus — 43 of the 77 candidates checked were
 * (32 by their thread or ARNs, 11 by their text, among them whole AssumeRoleWithWebIdentity and KMS wordings seen
 * before) and were dropped before the commit; only
 * boilerplate repeats (botocore's `An error occurred (…) when calling the … operation`, `(Service: …; Status Code: …`,
 * `because no identity-based policy allows`, stack frames); expected fields were written and committed (5cb46ca; fbdbc71 before a rebase) before
 * anything ran against them (placeholders accept null, alternatives where a field is a fair guess either way), compared
 * exactly as score.mjs. This round samples services and tools rounds 1–18 under-sampled: Glue (a catalog read wrapped
 * over five lines), EMR (twirp, Step Functions), Batch (TagResource under SubmitJob, job definitions without a
 * revision, AWS.jl), CloudFormation StackSets (PassRole of the service-linked role), QuickSight (embedding, a dashboard
 * in another account, a resource handler), CodeBuild in CodePipeline, Secrets Manager, SES (the PHP-less API and SMTP's
 * 554 in a Python bytes literal), Lake Formation, IoT (a twice-escaped JSON body, the Android SDK), Control Tower's
 * region deny (three shapes), SNS through KMS, Lightsail under Ansible, ECS, Spark s3a, AssumeRole with the account ids
 * stripped, AssumeRoleWithWebIdentity from the Ruby SDK.
 *
 * Measured blind (build at main d308674, no change): 27/30 records read whole, 205/210 fields. Not read whole:
 * - r19-08 (Terraform: `… is not authoriz` / `ed to perform: iam:PassRole on resource: …`, the phrase broken across two
 *   lines by the terminal): recognized, action, callerArn and targetArn all null.
 * - r19-11 (CloudFormation: `Resource handler returned message: "Access denied for operation 'AWS::QuickSight::
 *   Dashboard'." (RequestToken: …, HandlerErrorCode: AccessDenied)`): not recognized; want errorCode AccessDenied.
 * - r19-23 (CloudBeat: `(Client.UnauthorizedOperation) \`ou are not authorized to perform this operation. User: … with an
 *   explicit deny in a service control policy\``): recognized, want errorCode (Client.)UnauthorizedOperation, got null.
 * After the rules of test/parse/round19-rules.test.ts — a line break inside `authorized` (`authoriz\ned`) is a terminal
 * wrapping the word, joined as the deny-tail words already were; CloudFormation's resource handler sentence `Access
 * denied for operation 'AWS::<Service>::<Type>'` is read (shape cfn-handler-access-denied) with the HandlerErrorCode
 * that follows it as its code (only there: a handler quoting a service's own message, as corpus r070 does, keeps that
 * message's reading); EC2's fault-prefixed refusal codes in parentheses (`(Client.UnauthorizedOperation)`, AuthFailure,
 * Blocked, OptInRequired) are read as the code — every record is read whole. After: 30/30 whole, 210/210 fields. The
 * round is no longer blind; the bars are these figures.
 */
import { describePartialRound, readRound } from './held-out-round.js';

/** A GitHub thread (`owner/repo#123`) or a page's address. */
const THREAD_OR_PAGE = /^([\w.-]+\/[\w.-]+#\d+|https:\/\/\S+)$/;

describePartialRound('round-19', readRound('real-errors-round19.jsonl'), {
  count: 30, source: THREAD_OR_PAGE, wholeBar: 30, fieldsBar: 210,
});
