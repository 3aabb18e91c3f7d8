/**
 * Thirteenth blind measurement (2026-11-30) of the build at main 8e96654, on inputs nobody tuned it for: twenty cases,
 * twelve in the product's first depth (sts:AssumeRole and its siblings, and which principal really called) and eight
 * across services. Fixtures were committed first (3cb8253) before anything ran against them; no code under src/ was
 * changed for these figures.
 * - Scenarios: test/fixtures/blind-scenarios-13 (n01–n20), written without reading src/ or tests other than this
 *   harness's model blind12.test.ts, held-out.ts and two blind-scenarios-12 fixtures; cause ids from design/causes.md and
 *   the built catalog; labeled from AWS (GitHub, GitLab) documentation checked with the `search` tool (each fixture's
 *   `why` names the deciding fact and its source URL); earlier rounds' fixtures grepped so that none repeats one. First
 *   depth: an Identity Center role whose trust pins aws:PrincipalArn with ArnEquals and a * over the path's Region
 *   segment (matches) beside a permission-set policy naming roles under /warehouse/ (n01), an IRSA pod whose env also
 *   holds static keys (n02), a Pod Identity session assuming a role whose trust names pods.eks.amazonaws.com (n03),
 *   mfa_serial on the source profile instead of the role profile (n04), an SCP pasted from describe-policy while the
 *   caller is the management account (n05), a GitLab tags-only job against a trust pinning ref_type:branch (n06), an
 *   ECS task role against a trust naming the task execution role (n07), a GitHub token fetched with curl and no
 *   audience (n08), an Identity Center permissions boundary without sts (CloudTrail, n09), OrganizationAccountAccessRole
 *   in an invited account (n10), a Step Functions Credentials.RoleArn task whose execution role lacks sts:AssumeRole
 *   (n11), a confused-deputy trust Deny on StringNotEquals aws:SourceAccount that a direct caller never carries (n12).
 *   Services: SQS SSE-KMS SendMessage needing kms:Decrypt (n13), a DynamoDB global table's replica ARN (n14), ECR pull
 *   through cache's BatchImportUpstreamImage (n15), an Athena workgroup overriding the client's output location (n16),
 *   a Glue catalog policy under another organization's aws:PrincipalOrgID (n17), a CloudWatch Logs destination policy
 *   listing other accounts (n18), a Backup vault access policy Deny (n19), Step Functions .sync's EventBridge managed
 *   rule (n20). Shapes: AWS CLI, ~/.aws/config, boto3, Go v2, Java v2, Terraform, GitHub Actions, GitLab CI, kubectl,
 *   CloudTrail lookup-events, get-role / describe-policy / get-resource-policy / describe-destinations outputs.
 *
 * Measured blind (held-out.ts, score.mjs's rules): top-1 15/20, top-3 18/20, ruled-out kept 56/60, notAbove: none
 * labeled. Misses:
 * - n16 (outside the top 3): s3-sse-kms-permissions first; Athena's "Access denied when writing output to url: s3://…"
 *   was not read at all (no action, no target). Needs: that wording as s3:PutObject on the result object, by the
 *   caller through Athena (as "Permission denied on S3 path" is read for reads).
 * - n17 (outside the top 3): resource-policy-missing-grant first; the Glue get-resource-policy output ({"PolicyInJson":
 *   "<policy as a string>"}) was not dug out, so the catalog policy had no statement and its aws:PrincipalOrgID
 *   condition was never seen. Needs: PolicyInJson (Glue) read like describe-policy's Content.
 * - n08 (third): oidc-audience-mismatch had the right evidence (the decoded token's aud) but was held below
 *   iam-eventual-consistency and role-missing-or-typo: the curl to ACTIONS_ID_TOKEN_REQUEST_URL that fetched the
 *   token placed the failure "before any request was sent", ruling the policy-stage causes out. Needs: STS's own
 *   AccessDenied to AssumeRoleWithWebIdentity overrides the client-stage words.
 * - n10 (second): role-missing-or-typo possible behind trust-principal-missing; the list-accounts output's
 *   JoinedMethod INVITED for the target account was not read.
 * - n18 (second): wrong-credentials-in-use first; "User with accountId: N" was not read as a caller of account N, and
 *   describe-destinations' accessPolicy string was not dug out.
 * - Ruled-out misses: condition-principalarn confirmed in n01 (the causes' quick check compared ArnEquals literally,
 *   while the policy engine — and IAM — expand its wildcards), scp-deny likely in n05 (the management account was not
 *   recognized, neither from describe-organization's MasterAccountId nor from the describe-policy ARN), and
 *   oidc-audience-mismatch third in n06 (the job's id_tokens aud, which the trust's :aud accepts, was not read).
 * These were the blind figures.
 *
 * After the fixes — no longer blind: the rules were written after reading the misses, each tried both ways on other
 * inputs (blind13-rules.test.ts, every must-change case failing on the base build 8e96654); docs/decisions/033.
 * - ArnEquals and ArnNotEquals expand * and ? per ARN part in the causes' quick condition check, as the engine and IAM
 *   do (n01: condition-principalarn no longer confirmed; the "compares literally" note is StringEquals' only).
 * - STS's error answer to an AssumeRole* call means a token reached STS: the client-stage words of a step that fetched
 *   it do not place the failure before STS (n08: oidc-audience-mismatch confirmed, first).
 * - Athena "Access denied when writing output to url: s3://b/k" is s3:PutObject on arn:aws:s3:::b/k through Athena
 *   (n16: identity-resource-mismatch confirmed, first).
 * - SCPs do not affect the management account: an SCP whose describe-policy ARN names the caller's account does not
 *   apply (policy engine, as for RCPs), and describe-organization's MasterAccountId equal to the caller's account rules
 *   scp-deny out (n05).
 * - GitLab: the job's id_tokens aud is the token's aud; a job whose only rule is `if: $CI_COMMIT_TAG` has a sub of the
 *   form project_path:…:ref_type:tag:ref:… (n06: oidc-sub-mismatch confirmed, oidc-audience-mismatch ruled out).
 * - "User with accountId: N" is a principal of account N (type unknown, not root) (n18).
 * - Glue get-resource-policy's PolicyInJson and CloudWatch Logs' accessPolicy (one destination of describe-destinations)
 *   are read as the resource policy (n17: condition-principalorgid confirmed, first; n18: resource-policy-missing-grant
 *   confirmed, first).
 * - AssumeRole of OrganizationAccountAccessRole in an account the paste lists with JoinedMethod INVITED raises
 *   role-missing-or-typo (likely, not proven: the role may have been created by hand) (n10: first).
 * Measured: top-1 20/20, top-3 20/20, ruled-out kept 59/60, notAbove: none labeled. Left: n06's oidc-provider-missing
 * stays unlikely at rank 3 (a plain AccessDenied weighs it down without ruling it out, as decided in round 12; only
 * three causes stay open). The bars are these figures.
 */
import { describeHeldOut } from './held-out.js';

describeHeldOut({
  name: 'blind scenarios, thirteenth round (n01–n20, first depth and across services)',
  folder: 'blind-scenarios-13',
  minCount: 20,
  top1Bar: 20 / 20,
  top3Bar: 20 / 20,
  ruledOutBar: 59 / 60,
});
