/**
 * The explain and simulate contracts every shell answers with (design/api.md): the simulate
 * request, and the response shapes of explain, parse and simulate. zod only, no fastify: the HTTP
 * app serializes and documents them (src/http/schemas.ts names them for OpenAPI), the MCP server
 * declares its tools' input and output with them.
 *
 * The response schemas mirror src/core/types.ts field for field: a test parses real answers
 * with them, so a field added in the core and forgotten here fails loudly.
 */
import { z } from 'zod';
import {
  CAUSE_STATUSES, DECISIONS, DENY_KINDS, DENY_POLICY_TYPES, ERROR_SOURCES, EVIDENCE_SOURCES, INFERRED_RELATIONS,
  PRINCIPAL_TYPES, VERDICTS,
} from '../core/types.js';
import { ContextSchema, PoliciesSchema, PolicyKindSchema } from './request-schemas.js';

export const SimulateRequestSchema = z.object({
  principal: z.string().min(1).max(2048).describe('Caller ARN.'),
  action: z.string().min(1).max(256).describe('IAM action, e.g. `sts:AssumeRole`.'),
  resource: z.string().min(1).max(2048).describe('Resource ARN, or `*`.'),
  resourceAccount: z
    .string()
    .regex(/^\d{12}$/, 'resourceAccount must be 12 digits')
    .nullable()
    .optional()
    .describe('Needed when the resource ARN has no account, as in S3.'),
  context: ContextSchema.optional(),
  policies: PoliciesSchema,
  missing: z
    .enum(['absent', 'unknown'])
    .optional()
    .describe('`unknown`: keys missing from context are unknown (three-valued evaluation), not absent.'),
});

// ───────────────────────────── responses ─────────────────────────────

const nullableString = z.string().nullable();

export const IssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
});

export const WarningSchema = z.object({
  code: z.string().describe('secret-redacted, a parse issue code, cause-check-failed (a cause was left out because its check broke), cause-ranking-failed, …'),
  message: z.string(),
  cause: z.string().optional().describe('cause-check-failed: the catalog id of the cause left out'),
});

export const CallerSchema = z.object({
  arn: nullableString,
  type: z.enum(PRINCIPAL_TYPES),
  accountId: nullableString,
  partition: nullableString,
  name: nullableString,
  sessionName: nullableString,
  roleArn: nullableString,
  fromContext: z.boolean().optional().describe('true when read from the paste around the message (get-caller-identity output), not the message itself.'),
});

export const TargetSchema = z.object({
  arn: nullableString,
  accountId: nullableString,
  partition: nullableString,
  service: nullableString,
  region: nullableString,
  resourceType: nullableString,
  name: nullableString,
  path: nullableString.optional(),
  fromContext: z.boolean().optional().describe('true when built from the command around the message, not the message itself.'),
});

export const DenySchema = z.object({
  kind: z.enum(DENY_KINDS),
  policyType: z.enum(DENY_POLICY_TYPES).nullable(),
  policyArn: nullableString,
});

const DecodedConditionSchema = z.object({ key: z.string(), values: z.array(z.string()) });

export const DecodedAuthorizationSchema = z.object({
  allowed: z.boolean().nullable(),
  explicitDeny: z.boolean().nullable(),
  matchedStatements: z.array(z.object({
    statementId: nullableString,
    effect: z.enum(['Allow', 'Deny']).nullable(),
    principals: z.array(z.string()),
    actions: z.array(z.string()),
    resources: z.array(z.string()),
    conditions: z.array(DecodedConditionSchema),
  })).describe('The statements AWS found matching (for an explicit deny, the Deny); they name no policy and no policy type.'),
  conditions: z.array(DecodedConditionSchema).describe('The request\'s condition keys and values (context.conditions), as AWS evaluated them; the policy evaluation uses them unless `context` states a key.'),
  truncated: z.boolean().describe('The paste ended before the decoded message did: later fields may be missing.'),
});

export const ParsedErrorSchema = z.object({
  recognized: z.boolean(),
  source: z.enum(ERROR_SOURCES),
  errorCode: nullableString,
  operation: nullableString,
  action: nullableString,
  caller: CallerSchema.nullable(),
  target: TargetSchema.nullable(),
  crossAccount: z.boolean().nullable(),
  deny: DenySchema,
  requestId: nullableString,
  region: nullableString,
  encodedMessage: nullableString,
  redactions: z.array(z.string()),
  shape: nullableString,
  message: nullableString,
  httpStatus: z.number().int().nullable(),
  wrappers: z.array(z.string()),
  identityProvider: nullableString.optional().describe('The SAML or OIDC provider ARN the failing call named, when printed.'),
  decoded: DecodedAuthorizationSchema.optional().describe('What `aws sts decode-authorization-message` printed, when the paste holds it (docs/decisions/024); absent otherwise.'),
});

export const EvidenceSchema = z.object({
  text: z.string(),
  source: z.enum(EVIDENCE_SOURCES),
  policy: z.number().int().optional(),
  statement: z.number().int().optional(),
});

export const CommandStepSchema = z.object({ description: z.string(), command: z.string() });

export const FixSchema = z.object({
  description: z.string(),
  commands: z.array(z.string()),
  policy: z.unknown().optional().describe('The corrected policy document, when the relevant policy was pasted.'),
  policyIndex: z.number().int().optional(),
});

export const RankedCauseSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(CAUSE_STATUSES),
  score: z.number(),
  evidence: z.array(EvidenceSchema),
  confirm: z.array(CommandStepSchema),
  fix: FixSchema,
  docs: z.array(z.string()),
  detail: z.enum(['full', 'summary']).optional().describe('full: confirm and fix commands filled in; summary: an unlikely or ruled-out cause past the first few, evidence only (its commands are at GET /v1/causes/{id}).'),
});

const MatchedSchema = z.union([z.boolean(), z.literal('unknown')]);

export const ConditionOutcomeSchema = z.object({
  operator: z.string(),
  key: z.string(),
  values: z.array(z.string()),
  actual: z.array(z.string()).nullable().optional(),
  result: MatchedSchema,
});

export const StatementRecordSchema = z.object({
  index: z.number().int(),
  sid: nullableString,
  effect: z.enum(['Allow', 'Deny']),
  matched: MatchedSchema,
  why: z.string(),
  failedElement: z
    .enum(['Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'])
    .optional(),
  conditions: z.array(ConditionOutcomeSchema),
});

export const PolicyReportSchema = z.object({
  name: nullableString,
  kind: PolicyKindSchema,
  kindInferred: z.boolean(),
  valid: z.boolean(),
  issues: z.array(IssueSchema),
  verdict: z.enum(VERDICTS),
  statements: z.array(StatementRecordSchema).optional(),
  decidingConditions: z.array(ConditionOutcomeSchema).optional(),
});

export const EvaluationSummarySchema = z.object({
  decision: z.enum(DECISIONS),
  decidedBy: PolicyKindSchema.nullable(),
  missingContext: z.array(z.string()),
  trail: z.array(z.string()),
});

export const InferredValueSchema = z.object({
  key: z.string().describe('Condition key as written in the policy.'),
  must: z.enum(INFERRED_RELATIONS).describe('How the call\'s value stood to `values` (`be absent` / `be present`: no values).'),
  values: z.array(z.string()),
  orAbsent: z.boolean().describe('true: or the call carried no such key at all.'),
  operator: z.string().describe('The condition operator as written.'),
  text: z.string().describe('One sentence for people.'),
  from: z.object({
    policy: z.number().int().describe('Index into policies[].'),
    statement: z.number().int().describe('0-based statement index.'),
    sid: nullableString,
    kind: PolicyKindSchema,
    effect: z.enum(['Allow', 'Deny']),
  }).describe('The one pasted statement AWS\'s message points at.'),
}).describe('A value the failed call must have carried: AWS names the policy type that refused, and exactly one pasted statement of that type could have (docs/decisions/016).');

export const EvaluatedCallSchema = z.object({
  kind: z.enum(['service-call', 'kms-use', 's3-command', 'shown-caller'])
    .describe('`service-call`: a service\'s onward call for the caller (docs/decisions/019); `kms-use`: a service\'s use of KMS with the caller\'s permissions (018); `s3-command`: the S3 resource read from the command around the message; `shown-caller`: the caller `aws sts get-caller-identity` shows after the failure, with the failing command\'s profile (023).'),
  action: z.string().describe('The IAM action checked, e.g. `ecr:BatchGetImage`.'),
  also: z.array(z.string()).describe('Further actions the same step needs (shown, not evaluated).'),
  caller: nullableString.describe('Who makes the call: a service principal, a service-linked role or the caller; null when not known.'),
  resource: nullableString.describe('The resource checked (an ARN), when known.'),
  why: z.string().describe('One sentence for people, e.g. "Lambda pulls the image from ECR on your behalf: the check is ecr:BatchGetImage by lambda.amazonaws.com".'),
}).describe('What the causes and the policy evaluation checked when it is not the request the message names; `parsed` stays as the parser made it.');

export const ExplanationSchema = z.object({
  parsed: ParsedErrorSchema,
  evaluated: EvaluatedCallSchema.nullable().optional()
    .describe('Present only when the check differs from the parsed request (a service\'s onward call, KMS use through a service, an S3 target from the command).'),
  causes: z.array(RankedCauseSchema).describe('Every cause considered, best first; ruled-out ones last.'),
  firstSteps: z.array(CommandStepSchema),
  policies: z.array(PolicyReportSchema).describe('One per pasted policy, same order.'),
  warnings: z.array(WarningSchema),
  otherErrors: z.array(ParsedErrorSchema).describe('Further distinct errors found in the same text.'),
  inferred: z.array(InferredValueSchema).optional()
    .describe('What the call must have carried, reasoned backwards from the policy type AWS names in the message; empty when nothing could be inferred.'),
  evaluation: EvaluationSummarySchema.nullable().optional(),
});

export const ParseResponseSchema = z.object({
  parsed: ParsedErrorSchema,
  otherErrors: z.array(ParsedErrorSchema),
  warnings: z.array(WarningSchema),
});

export const SimulateResponseSchema = z.object({
  decision: z.enum(DECISIONS),
  // a policy report without the per-condition detail explain adds
  policies: z.array(
    PolicyReportSchema.omit({ statements: true, decidingConditions: true }).extend({
      statements: z.array(StatementRecordSchema.pick({ index: true, sid: true, effect: true, matched: true, why: true })),
    }),
  ),
  missingContext: z.array(z.string()).describe('Condition keys whose values would decide the outcome; `Resource` when it depends on which resource the call was on (explain, when no resource was named).'),
});
