/**
 * Round 12 (held out): the 30 messages of test/fixtures/extra/real-errors-round12.jsonl, verbatim from 30 public GitHub
 * threads, none of which (nor any distinctive 40-character piece of text) was already in test/fixtures or the shared
 * corpus; expected fields were written and committed (83392bd) before anything ran against them (placeholders accept
 * null, alternatives where a field is a fair guess either way), compared exactly as score.mjs. This round samples the
 * tools earlier rounds under-sampled: Pulumi (JS v2 Lambda dump, Go v2), Serverless, SAM, Ansible amazon.aws, Chalice,
 * Zappa, Hadoop s3a (Gravitino), dbt-athena and dbt-glue, Kafka Connect S3 sink, fluentd (Ruby SDK), Vector (rusoto STS
 * XML), Cortex / Mimir logfmt, Grafana CloudWatch, aws-load-balancer-controller, external-secrets, Karpenter, Argo CD
 * notifications (Go v2), Packer (aws-sdk-go v0), Copilot, Amplify, the Rust SDK (Amazon Q CLI), the Ruby SDK log line,
 * PHP / Guzzle, Java v2, kops, Airflow; six of them are "no credentials" failures (Unable to locate credentials,
 * NoCredentialProviders, no EC2 IMDS role found, the Java SDK chain), plus InvalidClientTokenId and ExpiredToken.
 *
 * Measured when this test was added (build at main 727d8d4, no parser change): 25/30 records read whole, 204/210
 * fields, and the same after rebasing onto main 6ae107f; the bars are these figures. Not read whole (asserted as
 * known misses, so a fix shows up):
 * - r12-07 (Zappa, boto3): `… when calling the UpdateFunctionConfiguration operation:\nYour access has been denied by
 *   EC2, please make sure your request credentials have permission to DescribeSecurityGroups for sg-…` — action want
 *   ec2:DescribeSecurityGroups (or lambda:UpdateFunctionConfiguration), got null: neither Lambda's relayed EC2 wording
 *   nor the boto3 operation gives an action.
 * - r12-10 (dbt-glue): `An error occurred (AccessDeniedException) when calling the GetTable operation\nInsufficient
 *   Lake Formation permission(s) on …` — errorCode want AccessDeniedException and action glue:GetTable, both null: the
 *   boto3 sentence is not read when a line break, not `: `, follows "operation".
 * - r12-22 (Packer, aws-sdk-go v0): `Error querying AMI: You are not authorized to perform this operation.
 *   (UnauthorizedOperation)` — errorCode want UnauthorizedOperation, got null: a code in parentheses after the message
 *   is not read.
 * - r12-25 (Rust SDK via the Amazon Q CLI): `unhandled error (AccessDeniedException)` … `Error { code:
 *   "AccessDeniedException", message: "User is not authorized to make this call.", aws_request_id: … }` — not
 *   recognized at all (errorCode want AccessDeniedException, got null): the Rust error-chain / Debug shape is not read.
 * - r12-26 (Ruby SDK log line): `[Aws::STS::Client 403 …] assume_role(role_arn:"arn:aws:iam::…:role/Administrator",…)
 *   Aws::STS::Errors::AccessDenied Access denied` — action want sts:AssumeRole, got null: the client name plus the
 *   snake_case operation is not turned into an action (the code is read from Aws::STS::Errors::AccessDenied).
 */
import { describePartialRound, GITHUB_THREAD, readRound } from './held-out-round.js';

describePartialRound('round-12', readRound('real-errors-round12.jsonl'), {
  count: 30, source: GITHUB_THREAD, wholeBar: 25, fieldsBar: 204,
  knownMisses: ['r12-07', 'r12-10', 'r12-22', 'r12-25', 'r12-26'],
});
