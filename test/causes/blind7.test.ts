/**
 * Seventh blind measurement (2026-11-30) of the build at main a2b7ab9, on inputs nobody tuned it for, chosen where a
 * careless evaluator goes wrong. Fixtures were committed (2b54176 on main, 7f6126d before the rebase) before anything
 * ran against them; no label or fixture was changed after scoring; no code under src/ was changed for these figures.
 * - Scenarios: test/fixtures/blind-scenarios-7 (h01–h20), written without reading src/ or tests other than this
 *   harness, blind6.test.ts and the blind-scenarios-6 / shared corpus format, cause ids from design/causes.md and
 *   `GET /v1/causes`, labeled from AWS documentation checked with the `search` tool (each fixture's `why` names the
 *   deciding fact and its source): an RCP perimeter on sts:AssumeRole against a vendor outside the organization (h01), a
 *   same-account bucket grant to the role ARN cut by a permissions boundary behind a bodyless HeadObject 403 (h02), a
 *   queue grant to the role ARN cut by a managed session policy (PolicyArns) behind SQS's query-protocol refusal (h03),
 *   aws:CalledVia on a direct call (h04), a trust naming the account root that delegates to the user's own policy (h05),
 *   aws:SourceIp without aws:ViaAWSService on S3's KMS call (h06), aws:CalledVia naming S3, which does not set it (h07),
 *   aws:SourceIp absent through a gateway endpoint under a NotIpAddress Deny (h08), SAML PrincipalTag attributes
 *   without sts:TagSession (h09), dynamodb:LeadingKeys against a prefixed partition key (h10), aws:ResourceTag on a create
 *   (h11), an absent SSE-KMS key-id header under StringNotEquals (h12), DateLessThan with a +09:00 offset (h13), Cost
 *   Explorer's us-east-1 endpoint under a region SCP (h14), aws:PrincipalArn against an assumed-role pattern (h15), an
 *   API Gateway AWS:SourceArn for GET only (h16), ECR's layer bucket behind an S3 gateway endpoint policy (h17),
 *   StringLikeIfExists with the key present (h18), a Deny-only RCP beside a key policy limited by kms:CallerAccount
 *   (h19), an RCP whose bucket is in the management account (h20). Shapes: AWS CLI (sts, s3 cp, ce, ec2), boto3, JS v3
 *   (Lambda and server logs), Go v2 JSON logs, Java v2 (Spring), .NET (SQS, DynamoDB), Terraform, the AWS sign-in page,
 *   the ECS console, API Gateway execution logs, GitHub Actions and GitLab CI logs.
 *
 * Measured blind (held-out.ts, score.mjs's rules): top-1 16/20, top-3 17/20, ruled-out kept 59/60, notAbove —.
 * Misses (labeled cause not in the top 3):
 * - h02: nothing recognized (source aws-sdk-js, no action, no caller); only S3 catalog causes, all unlikely. The JS v3
 *   error of a bodyless 403 ({"name":"403","message":"UnknownError","$metadata":{"httpStatusCode":403}}) after
 *   "headObject failed for s3://media-originals-prod/…" is not read, nor the role ARN the paste states. Needs: that
 *   line read as s3:GetObject (HeadObject) on the named object, the stated role as the caller, and the same-account
 *   bucket grant to the role ARN judged as limited by the pasted permissions boundary.
 * - h03: SQS's "Access to the resource https://sqs…/order-events is denied." is read (target known) but not the caller
 *   or the session: the pasted .NET AssumeRoleRequest (RoleArn, PolicyArns) is ignored, and rolearn-not-a-role
 *   ("possible", first) treats the queue as something being assumed. Needs: the AssumeRoleRequest read as the caller's
 *   session (a session of role/order-publisher issued with a managed session policy), the queue grant to the role ARN
 *   judged as limited by the pasted session policy, and rolearn-not-a-role kept to AssumeRole refusals.
 * - h17: nothing recognized (source plain): ECS's "CannotPullContainerError … unexpected status code
 *   https://prod-eu-west-1-starport-layer-bucket.s3…: 403 Forbidden" has no shape and no cause; the result is empty.
 *   Needs: that refusal read as the image pull's s3:GetObject on ECR's AWS-owned layer bucket, with the pasted S3
 *   gateway endpoint policy evaluated against it (it allows only acme-payments-* buckets).
 * Top-3, not first: h19 ranks wrong-credentials-in-use (possible) first and kms-condition-unmet third (unlikely): the
 * caller the paste states ("# caller: arn:aws:sts::193847560218:assumed-role/partner-sync/…") is not read, so
 * kms:CallerAccount stays unknown. Ruled-out miss: h19 identity-missing-allow 2nd (unlikely).
 * These were the blind figures.
 *
 * After the fixes — no longer blind: the rules were written after reading h02, h03, h17 and h19, each tried both ways on
 * other inputs (blind7-rules.test.ts); no fixture or label changed; docs/decisions/026. JS SDK v3's bodyless 403 is a
 * shape (js-sdk-unknown-403); a bare S3 refusal takes its operation from the S3 operation name before the s3:// URL on
 * its log line; the principal a line says the call "runs as" / "caller:" stands in when nothing else names one (h02:
 * permissions-boundary confirmed; h19: kms:CallerAccount known, kms-condition-unmet confirmed); a key policy that grants
 * administering the key is no AWS managed key's (h19); a 403 from prod-<region>-starport-layer-bucket is ECR's layer
 * download, evaluated against the pasted endpoint policy (h17: vpc-endpoint-policy-deny confirmed); a refusal on another
 * service's resource is no AssumeRole (h03: rolearn-not-a-role gone); a cap policy is not confirmed against an action
 * nobody named; RCPs do not apply to the management account their describe-policy ARN names.
 * Measured: top-1 19/20, top-3 19/20, ruled-out kept 57/60. Left:
 * - h03 (miss): SQS's refusal names no action, and which one failed decides between the session policy (SendMessage,
 *   which only the queue policy grants the role) and a missing identity Allow (the session policy's receive-side
 *   actions); only the log's "Publishing order …" hints SendMessage — not decidable from the refusal.
 * - Ruled-out misses: h02 identity-missing-allow 2nd (likely) — S3 ARNs carry no account, and only the prose says the
 *   bucket is in the caller's account (where the bucket policy's grant makes an identity Allow unnecessary); h20 rcp-deny
 *   2nd (likely) — the RCP applies unless the bucket is in the management account, which again only the prose says (the
 *   answer now states the exemption); h03 resource-policy-missing-grant 2nd of three causes (unlikely): positional, once
 *   the spurious rolearn-not-a-role no longer ranks first.
 * The bars are these figures.
 */
import { describeHeldOut } from './held-out.js';

describeHeldOut({
  name: 'blind scenarios, seventh round (h01–h20, subtle evaluation)',
  folder: 'blind-scenarios-7',
  minCount: 20,
  top1Bar: 19 / 20,
  top3Bar: 19 / 20,
  ruledOutBar: 57 / 60,
  knownMisses: ['h03-dotnet-sqs-sendmessage-queue-grant-to-role-arn-limited-by-managed-session-policy'],
});
