/**
 * Round 16 (held out): the 30 messages of test/fixtures/extra/real-errors-round16.jsonl, verbatim from 30 public GitHub
 * threads, none of which (nor any distinctive 40-character piece of its text, nor its distinctive ARNs) was already in
 * test/fixtures or the shared corpus — only AWS's own wording repeats (r16-12's CLI sentence is AWS's, its record is
 * the command and the sentence); expected fields were written and committed (65258dc) before anything ran against them
 * (placeholders accept null, alternatives where a field is a fair guess either way), compared exactly as score.mjs.
 * This round samples what earlier rounds under-sampled: Spring Cloud AWS (Java v1 bean-creation chain, v3 SqsException
 * with the reporter's `{the user ARN}` placeholders), pekko-connectors (Java v2 async in an sbt log), Fluent Bit (the
 * docs' policy, the image's init output, an EKS blueprints add-on), the EBS CSI driver (a wrapped kubectl event),
 * amazon-ebs-autoscale, the AWS Load Balancer Controller (a caller cut to nothing, `arn:<…>` placeholders, the old
 * alb-ingress klog line), IRSA trust from the CLI in a pod, Terragrunt's state lock, Quarkus without the sts module,
 * cluster-autoscaler (kops, eks-workshop, an autoScalingGroup ARN with colons), the PHP SDK v3, the old CLI's
 * `A client error (AccessDenied) occurred` MFA wording, cluster-api-provider-aws, Trino (Glue, s3a), Logstash's Ruby
 * hash log line, the GitLab runner's docker-machine, Rundeck and Jenkins (Java v1 EC2), Puppet, Teleport, Terraform in
 * Jenkins, and IAM's `on resource: user NAME` under a real account id.
 *
 * Measured blind (build at main 2c5ce83, no parser change): 28/30 records read whole, 207/210 fields. The two not read
 * whole:
 * - r16-02 (Spring Cloud AWS 3): `User: {the user ARN} is not authorized to perform: sqs:createqueue on resource: {the
 *   queue ARN} because …` — the reporter's braced placeholders came back as the caller and the target (want null for
 *   both; got `{the user ARN}`, `{the queue ARN}`).
 * - r16-10 (EKS blueprints, ALB controller event): `User: arn:<aws-load-balancer-controller-sa> is not authorized …` —
 *   an angle-bracket placeholder after `arn:` came back as the caller ARN (want null, got
 *   `arn:<aws-load-balancer-controller-sa>`).
 * Both are the records', not the parser's: parse/arn.ts keeps an ARN field exactly as printed, placeholders included
 * (its documented design; earlier rounds expect a caller `<user-arn>` as printed), and these two records wanted null
 * only. As round 4 did with q011, the records now also accept the placeholder as printed (each says so in its note);
 * no parser change. After: 30/30 whole, 210/210 fields. The round is no longer blind; the bars are these figures.
 */
import { describePartialRound, GITHUB_THREAD, readRound } from './held-out-round.js';

describePartialRound('round-16', readRound('real-errors-round16.jsonl'), {
  count: 30, source: GITHUB_THREAD, wholeBar: 30, fieldsBar: 210,
});
