/**
 * Round 23 (held out): the 30 messages of test/fixtures/extra/real-errors-round23.jsonl, verbatim from 30 public GitHub
 * threads found with the `search` tool (issues corpus), chosen for tools and services the fixtures have least: the CDK
 * bootstrap's CloudFormation events and a CDK custom resource (wafv2 on an IP set), external-dns and Vector, Airflow,
 * a Grafana CloudWatch datasource (twice), cert-manager's klog lines (Go SDK v1 and v2), Karpenter's CloudTrail event,
 * Pulumi (a Rekognition log line, an ECS RunTask JSON object), the OpenTelemetry collector's X-Ray exporter, Trino and
 * Presto (Java SDK v1 S3 and STS), Flink on s3a, Kubernetes' service controller (CreateServiceLinkedRole, a
 * permissions boundary and an identity policy), eksctl, Copilot, GovCloud SSM and Lambda layers, Session Manager,
 * Kinesis and Firehose JSON bodies, Redshift (JDBC driver, Go SDK v2), the Datadog forwarder and Serverless plugin,
 * LangWatch's cross-account AssumeRole. Six are from the first depth (AssumeRole / AssumeRoleWithWebIdentity). None
 * of them (thread, distinctive text or ARNs) was already in test/fixtures or the shared corpus; about 45 candidates
 * that were (aws-cdk-cli#762/#1449, OvertureMaps/stac, aws-sdk-net#1522, selling-partner-api threads, fluent-bit-docs,
 * karpenter-provider-aws#7370/#4680, grafana#7295/#6700, game-analytics firehose, azul, amplify-hosting, aws-sam-cli,
 * spapi-php, …) were dropped, and three whose stored text is cut (karpenter-provider-aws#5185, grafana#9076,
 * caktus/aws-web-stacks#112) were left out rather than copied partly. Expected fields were written and committed
 * (9006890) before anything ran against them, compared exactly as score.mjs.
 *
 * Measured blind (build at main ef9c0b3, no change): 29/30 records read whole, 209/210 fields. Not read whole:
 * - r23-23 (the Datadog forwarder's fragment `not authorized to perform: lambda:GetLayerVersion on resource:
 *   arn:aws:lambda:…:layer:Datadog-Forwarder:12 because no resource-based policy allows …`, pasted without its
 *   `User: … is` head): the action and reason read, the resource ARN not (want targetArn the layer ARN).
 * After the rule of test/parse/round23-rules.test.ts — a refusal pasted without its `User: … is` head that keeps
 * AWS's wording after the action (`not authorized to perform: A on resource: R`, the colon STS's own untyped text
 * never has) reads the resource as the typed form does — 30/30 whole, 210/210 fields. The round is no longer blind;
 * the bars are these figures.
 */
import { describePartialRound, readRound } from './held-out-round.js';

/** A GitHub thread (`owner/repo#N`) or a page's address. */
const SOURCE = /^(?:[\w.-]+\/[\w.-]+#\d+|https:\/\/\S+)$/;

describePartialRound('round-23', readRound('real-errors-round23.jsonl'), {
  count: 30, source: SOURCE, wholeBar: 30, fieldsBar: 210,
});
