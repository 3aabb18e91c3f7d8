/** GET /v1/causes and /v1/causes/{id} — the cause catalog (design/causes.md). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { catalog } from '../../core/index.js';
import { ProblemError } from '../plugins/problem.js';
import { problemResponses, responseSchema } from '../response-schema.js';
import { CauseListSchema, CauseParamsSchema, CauseSummarySchema, ProblemSchema } from '../schemas.js';

type CauseSummary = z.infer<typeof CauseSummarySchema>;

/** The public part of a catalog entry: data only, no signal functions. */
export function summarizeCause(entry: unknown): CauseSummary {
  const e = entry as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const out: CauseSummary = { id: String(e.id), title: String(e.title ?? e.id) };
  const summary = str(e.summary);
  if (summary !== undefined) out.summary = summary;
  const family = str(e.family);
  if (family !== undefined) out.family = family;
  if (Array.isArray(e.docs)) out.docs = e.docs.filter((d): d is string => typeof d === 'string');
  if (Array.isArray(e.confirm)) {
    out.confirm = e.confirm
      .map((c) => c as Record<string, unknown>)
      .filter((c) => typeof c.description === 'string' && typeof c.command === 'string')
      .map((c) => ({ description: c.description as string, command: c.command as string }));
  }
  const fix = e.fix as Record<string, unknown> | undefined;
  if (fix && typeof fix.description === 'string' && Array.isArray(fix.commands)) {
    out.fix = { description: fix.description, commands: fix.commands.filter((c): c is string => typeof c === 'string') };
  }
  return out;
}

export async function causeRoutes(app: FastifyInstance): Promise<void> {
  // The catalog is static: summarize it once.
  const summaries = catalog.map(summarizeCause);
  const byId = new Map(summaries.map((c) => [c.id, c]));
  const problem = responseSchema(ProblemSchema);
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/v1/causes', {
    schema: {
      summary: 'List the cause catalog',
      tags: ['causes'],
      response: { 200: responseSchema(CauseListSchema), ...problemResponses(problem, [429, 500, 503]) },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { causes: summaries };
    },
  });

  typed.get('/v1/causes/:id', {
    schema: {
      summary: 'One cause of the catalog',
      tags: ['causes'],
      params: CauseParamsSchema,
      response: { 200: responseSchema(CauseSummarySchema), ...problemResponses(problem, [400, 404, 429, 500, 503]) },
    },
    handler: async (request, reply) => {
      const cause = byId.get(request.params.id);
      if (!cause) {
        throw new ProblemError({
          status: 404, type: 'unknown-cause', title: 'Unknown cause',
          detail: `There is no cause with id ${JSON.stringify(request.params.id.slice(0, 128))}; GET /v1/causes lists them.`,
          errors: [{ path: 'params.id', message: 'not in the catalog' }],
        });
      }
      reply.header('cache-control', 'public, max-age=300');
      return cause;
    },
  });
}
