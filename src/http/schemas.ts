/**
 * The HTTP contract's schemas (design/api.md), in zod. Requests are validated with them; responses
 * are serialized from their JSON Schema conversion (see response-schema.ts and
 * docs/decisions/101-response-serialization.md). The OpenAPI document is generated from both.
 * What every shell shares (request limits, the explain / parse / simulate shapes) lives in
 * src/shared; the HTTP-only schemas (query, route params, catalog, health, problems, batch) and the
 * names of the response components are here.
 */
import { z } from 'zod';
import { responseRegistry } from './response-schema.js';
import { BATCH_MAX_ITEMS, ExplainRequestSchema, MessageSchema } from '../shared/request-schemas.js';
import {
  CommandStepSchema, ConditionOutcomeSchema, EvidenceSchema, ExplanationSchema, FixSchema, InferredValueSchema,
  IssueSchema, ParsedErrorSchema, ParseResponseSchema, PolicyReportSchema, RankedCauseSchema, SimulateRequestSchema,
  SimulateResponseSchema,
  StatementRecordSchema, WarningSchema,
} from '../shared/response-schemas.js';

export {
  BATCH_MAX_ITEMS, ContextSchema, ContextValueSchema, ExplainRequestSchema, LIMITS, MessageSchema, PolicyInputSchema,
  PolicyKindSchema, RequestFactsSchema,
} from '../shared/request-schemas.js';
export * from '../shared/response-schemas.js';

export const FORMATS = ['json', 'markdown', 'text'] as const;
export const ExplainQuerySchema = z.object({
  format: z.enum(FORMATS, {
    error: (issue) => (Array.isArray(issue.input) ? `format is given ${issue.input.length} times; give it once (${FORMATS.join(', ')})` : undefined),
  }).optional().describe('Response format; overrides the Accept header.'),
});

export const ParseRequestSchema = z.object({ message: MessageSchema });

export const CauseParamsSchema = z.object({
  id: z.string().min(1).max(128).describe('A cause id from the catalog.'),
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
