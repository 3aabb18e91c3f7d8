/**
 * Request and response schemas of the HTTP contract (design/api.md), in zod. Requests are
 * validated with them; responses are serialized from their JSON Schema conversion (see
 * response-schema.ts and docs/decisions/101-response-serialization.md). The OpenAPI document
 * is generated from both.
 *
 * The response schemas mirror src/core/types.ts field for field: a test parses real answers
 * with them, so a field added in the core and forgotten here fails loudly.
 */
import { z } from 'zod';
import { responseRegistry } from './response-schema.js';
import {
  CAUSE_STATUSES, DECISIONS, DENY_KINDS, DENY_POLICY_TYPES, ERROR_SOURCES, EVIDENCE_SOURCES, INFERRED_RELATIONS,
  PRINCIPAL_TYPES, VERDICTS,
} from '../core/types.js';

// Request schemas and limits live in src/shared (the CLI validates with them too).
import {
  BATCH_MAX_ITEMS, ContextSchema, ExplainRequestSchema, MessageSchema, PoliciesSchema, PolicyKindSchema,
} from '../shared/request-schemas.js';
export {
  BATCH_MAX_ITEMS, ContextSchema, ContextValueSchema, ExplainRequestSchema, LIMITS, MessageSchema, PolicyInputSchema,
  PolicyKindSchema, RequestFactsSchema,
} from '../shared/request-schemas.js';

export const FORMATS = ['json', 'markdown', 'text'] as const;
export const ExplainQuerySchema = z.object({
  format: z.enum(FORMATS).optional().describe('Response format; overrides the Accept header.'),
});

export const ParseRequestSchema = z.object({ message: MessageSchema });

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

export const CauseParamsSchema = z.object({
  id: z.string().min(1).max(128).describe('A cause id from the catalog.'),
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

export const ExplanationSchema = z.object({
  parsed: ParsedErrorSchema,
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
  policies: z.array(
    z.object({
      name: nullableString,
      kind: PolicyKindSchema,
      kindInferred: z.boolean(),
      valid: z.boolean(),
      issues: z.array(IssueSchema),
      verdict: z.enum(VERDICTS),
      statements: z.array(
        z.object({
          index: z.number().int(),
          sid: nullableString,
          effect: z.enum(['Allow', 'Deny']),
          matched: MatchedSchema,
          why: z.string(),
        }),
      ),
    }),
  ),
  missingContext: z.array(z.string()).describe('Condition keys whose values would decide the outcome.'),
});

export const CauseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  family: z.string().optional(),
  docs: z.array(z.string()).optional(),
  confirm: z
    .array(CommandStepSchema)
    .optional()
    .describe('Command templates; `{placeholders}` are filled from the error in an answer.'),
  fix: z.object({ description: z.string(), commands: z.array(z.string()) }).optional(),
});

export const CauseListSchema = z.object({ causes: z.array(CauseSummarySchema) });

export const HealthSchema = z.object({ status: z.enum(['ok', 'ready']) });

export const ProblemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).describe('The offending fields.'),
    limit: z.number().optional().describe('The limit that was exceeded, when one was.'),
    requestId: z.string().optional().describe('Quote it when reporting a problem.'),
  })
  .describe('RFC 9457 problem details.');

/** POST /v1/explain/batch: each item is checked on its own, so one bad item does not fail the rest. */
export const BatchRequestSchema = z.object({
  items: z.array(z.unknown()).min(1).max(BATCH_MAX_ITEMS)
    .describe('Up to 100 explain requests, each shaped like the body of POST /v1/explain.'),
});

export const BatchResponseSchema = z.object({
  results: z.array(z.object({
    index: z.number().int().describe('Position of the item in `items`.'),
    answer: ExplanationSchema.optional().describe('The explanation, when the item was valid.'),
    error: ProblemSchema.optional().describe('Why the item was refused (problem details), when it was not.'),
  })).describe('One result per item, in order.'),
});

export type Problem = z.infer<typeof ProblemSchema>;
export type ExplainRequest = z.infer<typeof ExplainRequestSchema>;
export type SimulateRequest = z.infer<typeof SimulateRequestSchema>;

// Named response schemas: OpenAPI components and shared schemas of the serializer.
const NAMED: Array<[z.ZodType, string]> = [
  [ExplanationSchema, 'Explanation'],
  [ParseResponseSchema, 'ParseResponse'],
  [BatchResponseSchema, 'BatchResponse'],
  [SimulateResponseSchema, 'SimulateResponse'],
  [CauseListSchema, 'CauseList'],
  [CauseSummarySchema, 'CauseSummary'],
  [HealthSchema, 'Health'],
  [ProblemSchema, 'Problem'],
  [ParsedErrorSchema, 'ParsedError'],
  [RankedCauseSchema, 'RankedCause'],
  [EvidenceSchema, 'Evidence'],
  [CommandStepSchema, 'CommandStep'],
  [FixSchema, 'Fix'],
  [PolicyReportSchema, 'PolicyReport'],
  [StatementRecordSchema, 'StatementRecord'],
  [ConditionOutcomeSchema, 'ConditionOutcome'],
  [InferredValueSchema, 'InferredValue'],
  [IssueSchema, 'Issue'],
  [WarningSchema, 'Warning'],
];
for (const [schema, id] of NAMED) if (!responseRegistry.has(schema)) responseRegistry.add(schema, { id });
