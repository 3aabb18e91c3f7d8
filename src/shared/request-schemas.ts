/**
 * The request schemas every shell validates with (design/api.md): `POST /v1/explain`, the batch
 * items of both `whydenied explain --batch` and `POST /v1/explain/batch`, and the CLI's limits.
 * zod only — no fastify — so the CLI and the MCP server use them without loading the HTTP app.
 */
import { z } from 'zod';
import { POLICY_KINDS } from '../core/types.js';

// ───────────────────────────── limits ─────────────────────────────

/** Request limits (issue 6). Bytes of the whole body are limited by config.bodyLimit. */
export const LIMITS = Object.freeze({
  messageChars: 100_000,
  policies: 20,
  documentChars: 100_000,
  jsonDepth: 32,
  contextKeys: 200,
});

const fmt = (n: number): string => n.toLocaleString('en-US').replace(/,/g, ' ');

// ───────────────────────────── requests ─────────────────────────────

export const PolicyKindSchema = z.enum(POLICY_KINDS);

/** What a value was, in words, for messages about the wrong kind of value. */
function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/** A union's own message when no alternative matched (zod's is only "Invalid input"). */
const unionMessage = (expected: string) => (issue: { code?: string; input?: unknown }): string | undefined =>
  issue.code === 'invalid_union' ? `must be ${expected}, not ${kindOf(issue.input)}` : undefined;

export const ContextValueSchema = z.union([
  z.string().max(10_000), z.number(), z.boolean(), z.array(z.union([z.string().max(10_000), z.number(), z.boolean()])).max(1000),
], { error: unionMessage('a string, number or boolean, or a list of them') });

export const ContextSchema = z
  .record(z.string().min(1).max(256), ContextValueSchema)
  .refine((r) => Object.keys(r).length <= LIMITS.contextKeys, {
    message: `context has more than the ${LIMITS.contextKeys}-key limit`,
  })
  .describe('Other IAM condition keys the person knows, e.g. `aws:PrincipalOrgID`.');

/** JSON length of an object document; strings are measured as they are. */
function documentLength(doc: unknown): number {
  if (typeof doc === 'string') return doc.length;
  try {
    return JSON.stringify(doc)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export const PolicyInputSchema = z
  .object({
    kind: PolicyKindSchema.optional().describe('Inferred when absent.'),
    name: z.string().max(256).optional().describe('A label echoed back.'),
    document: z
      .union([
        z.string().min(1).max(LIMITS.documentChars, `a policy document may be at most ${fmt(LIMITS.documentChars)} characters`),
        z.record(z.string(), z.unknown()),
        z.array(z.unknown()),
      ], { error: unionMessage('a policy object, a list of its statements, or a string holding either') })
      .describe(
        'A policy object (or a bare list of its statements, read as a policy without Version), or a string holding policy JSON, URL-encoded policy JSON, or the whole output of ' +
          '`aws iam get-role`, `get-role-policy`, `get-policy-version`, `aws organizations describe-policy`, ' +
          '`aws kms get-key-policy` or `aws s3api get-bucket-policy`; or the infrastructure code that defines it: Terraform ' +
          '(`jsonencode({…})`, a heredoc, `data "aws_iam_policy_document"`), a CloudFormation or SAM template in YAML or JSON ' +
          '(short tags such as `!Sub` and `!Ref` included) or a Serverless Framework `iam.role.statements` block. Values the ' +
          'deployment fills in (`${AWS::AccountId}`, `var.x`) are read as unknown.',
      ),
    level: z.number().int().min(0).max(10).optional().describe('SCP/RCP organization level (0 = root).'),
  })
  .superRefine((p, ctx) => {
    if (typeof p.document === 'object' && documentLength(p.document) > LIMITS.documentChars) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'string',
        maximum: LIMITS.documentChars,
        inclusive: true,
        path: ['document'],
        input: undefined,
        message: `a policy document may be at most ${fmt(LIMITS.documentChars)} characters of JSON`,
      });
    }
  });

export const PoliciesSchema = z
  .array(PolicyInputSchema)
  .max(LIMITS.policies, `at most ${LIMITS.policies} policies may be pasted`);

export const RequestFactsSchema = z
  .object({
    externalId: z.string().max(2048).nullable().optional().describe('null = the call passed no external id.'),
    durationSeconds: z.number().int().min(0).max(10_000_000).optional(),
    roleSessionName: z.string().max(2048).optional(),
    sourceIdentity: z.string().max(2048).optional(),
    sessionTags: z.record(z.string().max(256), z.string().max(2048)).optional(),
    mfa: z.boolean().optional().describe('The call carried SerialNumber + TokenCode.'),
    chained: z.boolean().optional().describe("The caller's credentials came from another AssumeRole."),
  })
  .describe('What the failing call sent, when the person knows.');

export const MessageSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'is required: the error text as pasted (or send it alone as text/plain)' : 'must be a string: the error text as pasted') })
  .min(1, 'message must not be empty')
  .max(LIMITS.messageChars, `message may be at most ${fmt(LIMITS.messageChars)} characters`)
  .describe('The raw text as pasted; may hold a whole log.');

export const ExplainRequestSchema = z.object({
  message: MessageSchema,
  policies: PoliciesSchema.optional(),
  request: RequestFactsSchema.optional(),
  context: ContextSchema.optional(),
});

/** `POST /v1/explain/batch` and `explain --batch` items: each is checked on its own. */
export const BATCH_MAX_ITEMS = 100;
