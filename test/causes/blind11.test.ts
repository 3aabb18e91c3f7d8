/**
 * Eleventh blind measurement (2026-11-30) of the build at main ef9c0b3, on inputs nobody tuned it for: twenty cases,
 * twelve in the product's first depth (sts:AssumeRole and its siblings) and eight across services. Fixtures were
 * committed first (0b02681; 'blind scenarios 11' on main after the rebases) before anything ran against them; no code
 * under src/ was changed for these figures.
 * - Scenarios: test/fixtures/blind-scenarios-11 (k01–k20), written without reading src/ or tests other than this
 *   harness's model blind10.test.ts, held-out.ts and two blind-scenarios-10 fixtures; cause ids from design/causes.md and
 *   the built catalog; labeled from AWS documentation checked with the `search` tool (each fixture's `why` names the
 *   deciding fact and its source URL); earlier rounds' fixtures grepped so that none repeats one. First depth:
 *   sts:ExternalId under StringEquals with a wildcard value (k01), Principal "*" with StringLike aws:PrincipalArn that
 *   misses the caller role's path (k02), a stale AROA unique id beside a sibling role ARN (k03), ForAllValues
 *   sts:TransitiveTagKeys on a chained call's TagSession (k04), StringLike sts:SourceIdentity in a CloudTrail event
 *   (k05), a GitHub tag push against a refs/heads/* trust (k06), an IRSA trust whose :sub key is written with https://
 *   (k07), a Cognito guest role whose trust asks amr authenticated (k08), AssumeRoleWithSAML above MaxSessionDuration
 *   with SAML:aud and SAML:sub_type met (k09), an IAM Identity Center session chaining for two hours (k10), an SCP
 *   denying sts:AssumeRole outside aws:PrincipalOrgID on the target's account beside a trust naming user/ where the
 *   caller is a role (k11), a boundary without sts beside a ForAllValues sts:ExternalId that holds with no external id
 *   (k12). Services: S3 object owned by the bucket owner but SSE-KMS with the partner's key (k13), kms:ViaService naming
 *   Lambda for a secret read (k14), kms:CallerAccount of the owner on a cross-account secret's CMK (k15), a function
 *   policy's aws:SourceAccount for a direct IAM call (k16), SNS:Protocol https on a cross-account SQS subscribe (k17), an
 *   ECR repository policy naming the old node role (k18), SQS with alias/aws/sqs across accounts (k19), a secret
 *   policy's aws:PrincipalOrgID after an account moved organizations in a CloudTrail event (k20). Shapes: AWS CLI, boto3,
 *   JS v3, Go v2, Java v2, Terraform, configure-aws-credentials, CloudTrail JSON.
 *
 * Measured blind (held-out.ts, score.mjs's rules): top-1 15/20, top-3 18/20, ruled-out kept 58/60, notAbove: none
 * labeled. Misses:
 * - k07 (outside the top 3): role-missing-or-typo first (possible); oidc-sub-mismatch ruled out because the :sub check
 *   matched the clause keyed https://oidc.eks…:sub against the context's oidc.eks…:sub. Needs: a condition key written
 *   with a URL scheme is a key no request carries (IAM's web-identity keys are the provider URL without https://), so
 *   the clause reads an absent key.
 * - k08 (outside the top 3): role-missing-or-typo first (unlikely); condition-other ruled out because a Cognito
 *   cognito-identity.amazonaws.com:amr key is kept out of the "other" conditions (reserved for web-identity causes that
 *   do not test amr). Needs: amr is a token claim other than sub and aud — the catalog's condition-other.
 * - k13 (top 3, second): s3-sse-kms-permissions first (confirmed), kms-key-policy-missing-grant second. See the label
 *   note below.
 * - k14 (top 3, third): wrong-credentials-in-use first; the JS v3 stack throws from the shared de_CommandError, so no
 *   operation is read and kms:ViaService stays unknown. Needs: the one `new <Op>Command(` the pasted code sends, with
 *   the @aws-sdk/client-… package the stack names, is the operation; a service's refused use of KMS (Secrets Manager's
 *   "Access to KMS is not allowed") carries kms:ViaService <service>.<region>.amazonaws.com of that service.
 *   Ruled-out miss: identity-missing-allow (unlikely, rank 2): the identity Allow names the pasted key policy's key, but
 *   the key the service used is not tied to it.
 * - k15 (top 3, second): wrong-credentials-in-use first; kms:ViaService and kms:CallerAccount unknown (the caller is
 *   printed only as "failed to read <secret> as <ARN>").
 * - k11 ruled-out miss: scp-deny (likely, rank 2): an SCP pasted under a name saying it sits on the target's OU is
 *   taken as on the caller's path.
 * These were the blind figures.
 *
 * Label corrected after scoring (the one change to a fixture): k13 now accepts s3-sse-kms-permissions beside
 * kms-key-policy-missing-grant. The catalog's s3-sse-kms-permissions covers an SSE-KMS object whose key policy refuses
 * the reader, and S3 'Protecting data with SSE-KMS' (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html)
 * makes kms:Decrypt on the object's key the reader's requirement, which across accounts the key policy must grant; the
 * earlier rounds (j11, z06) accept both ids for the same fact. Under the corrected label the blind top-1 was 16/20.
 *
 * After the fixes — no longer blind: the rules were written after reading the misses, each tried both ways on other
 * inputs (blind11-rules.test.ts, every must-change case failing on the base build ef9c0b3); docs/decisions/030.
 * - A condition key written with a URL scheme (https://oidc.eks…:sub) is a key no request carries: the clause reads an
 *   absent key (k07: oidc-sub-mismatch confirmed, first).
 * - Cognito's amr is a token claim other than sub and aud, i.e. condition-other (k08: confirmed, first).
 * - A JS v3 stack thrown from the shared de_CommandError takes its operation from the one `new <Op>Command(` the paste
 *   sends, with the @aws-sdk/client-… package the stack names (k14: GetSecretValue).
 * - A service's refused use of KMS carries kms:ViaService <service>.<region>.amazonaws.com of that service (k14, k15).
 * - "as <assumed-role session ARN>" states the caller (k15: kms:CallerAccount 935620147283).
 * - An SCP whose label places it on the resource account's path (names the target's account, not the caller's) does
 *   not govern a caller from another account (k11: scp-deny ruled out).
 * Measured: top-1 20/20, top-3 20/20, ruled-out kept 59/60, notAbove: none labeled. Left: k14's identity-missing-allow
 * (unlikely, rank 3): the identity Allow names the key of the pasted key policy, but nothing in the text says that key
 * is the secret's (describe-secret's KmsKeyId would); tying a pasted key policy to the key by its label was not done.
 * Other answers moved (bench/inputs.mjs, 1 356 answers, against the base build): only j01 (blind round 9), same first
 * cause, condition-other now likely second (the trust's amr condition, whose value that paste does not give). The
 * bars are these figures.
 */
import { describeHeldOut } from './held-out.js';

describeHeldOut({
  name: 'blind scenarios, eleventh round (k01–k20, first depth and cross-service conditions)',
  folder: 'blind-scenarios-11',
  minCount: 20,
  top1Bar: 20 / 20,
  top3Bar: 20 / 20,
  ruledOutBar: 59 / 60,
});
