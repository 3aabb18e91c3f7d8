/**
 * Round 15 (held out): the 30 messages of test/fixtures/extra/real-errors-round15.jsonl, verbatim from 30 public GitHub
 * threads, none of which (nor any distinctive 40-character piece of its text, nor its distinctive ARNs) was already in
 * test/fixtures or the shared corpus; expected fields were written and committed (87980df) before anything ran against
 * them (placeholders accept null, alternatives where a field is a fair guess either way), compared exactly as score.mjs.
 * This round samples what earlier rounds under-sampled: SSM Session Manager (the CLI, the agent's XML body with an SCP
 * deny, a Go log line), the CloudWatch agent under a permissions boundary, log4j appenders (Java v1 Logs), cert-manager's
 * Route 53 solver assuming its own role (a klog line, and one broken by the reporter at every clause), external-dns
 * (logrus lines escaped three ways, kube2iam and IRSA falling back to the node role, a zone outside the policy), Vault
 * (the secrets engine's JSON error with IAM's `on resource: user NAME`, a tag-enforcing SCP, the KMS seal), Karpenter
 * PassRole, RDS export, Bedrock (an AgentCore browser ARN whose account is `aws`, an SCP on a global inference profile,
 * an agent's lower-case `accessDeniedException`), Elastic Beanstalk (ebcli's botocore response dict, a Jenkins Java v1
 * exception), the X-Ray daemon, Redshift COPY's "is not authorized to assume IAM Role", Crossplane upjet, EMR hdfs,
 * Databricks s3a `403 Forbidden`, Thanos, Amazon Managed Grafana, Grafana's `%!(EXTRA …)` log line and a Bugsnag title
 * naming `Aws::ECR::Errors::AccessDeniedException`.
 *
 * Measured blind (build at main 746b164, no parser change): 24/30 records read whole, 205/210 fields. The six not read
 * whole:
 * - r15-06 (cert-manager klog): `User: arn:aws:sts::80xxxxx assumed-role/eks-ops-cluster-cert-manager/166… is not
 *   authorized …` — the redaction left a space where the colon before `assumed-role/` was; the caller came back with the
 *   space in it (want the ARN with the colon, or null; got `arn:aws:sts::80xxxxx assumed-role/…`).
 * - r15-09 (Vault JSON): `… iam:GetUser on resource: user vault\n\tstatus code: 403` — targetArn came back `vault`; IAM's
 *   `user NAME` wording would need the user's ARN in the caller's account (as `role NAME` already gets), or null.
 * - r15-15 (external-dns, escaped logrus): `… perform: route53:ListHostedZones\` then a line break — the action is not
 *   read when a backslash (the first half of an escaped `\n`) follows it (want route53:ListHostedZones, got null).
 * - r15-20 (Redshift COPY, lib/pq): `pq: User arn:aws:redshift:…:dbuser:…/test_user is not authorized to assume IAM Role
 *   arn:aws:iam::…:role/…` — not recognized (every expected field accepts null, so no field is counted wrong).
 * - r15-24 (Bedrock agent, boto3 event stream): `An error occurred (accessDeniedException) when calling the InvokeAgent
 *   operation: Access denied when calling Bedrock.` — not recognized: the code is lower-camel (errorCode want
 *   accessDeniedException, got null).
 * - r15-30 (Bugsnag title, Ruby SDK): `**Aws::ECR::Errors::AccessDeniedException** in **maintaining/tracks#show**` then
 *   `User: … is not authorized to perform: ecr:DescribeImages …` — the Ruby error class's code is not read (errorCode
 *   want AccessDeniedException, got null).
 * After the general rules of round15-rules.test.ts (a principal ARN whose redaction took the colon before
 * `assumed-role/`, `role/`, `user/` gets it back; a backslash ending an action token is the first half of an escape,
 * not part of the action; botocore's sentence with a lower-camel code is read when the upper-camel form is a refusal
 * code, event streams print them so; the Ruby SDK's `Aws::Svc::Errors::Code` names the code also outside parentheses;
 * Redshift's "User … is not authorized to assume IAM Role <ARN>" is a shape of its own, new shape
 * redshift-cannot-assume-role): 29/30 whole, 209/210 fields. r15-09 stays a miss: IAM's `on resource: user vault`
 * under a caller whose account is not an account id (`9999999999`, ten digits) is read as the bare name `vault`, as
 * rounds 4 and 11 expect of `role NAME` under a placeholder account (q008, r11-29); this round's record wanted the ARN
 * or null. Building an ARN from a placeholder account would break those, so the reading is kept and the miss said
 * here. The round is no longer blind (its misses were looked at to write those rules); the bars are these figures.
 */
import { describePartialRound, GITHUB_THREAD, readRound } from './held-out-round.js';

describePartialRound('round-15', readRound('real-errors-round15.jsonl'), {
  count: 30, source: GITHUB_THREAD, wholeBar: 29, fieldsBar: 209,
  knownMisses: ['r15-09'],
});
