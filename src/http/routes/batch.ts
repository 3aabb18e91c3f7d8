/**
 * POST /v1/explain/batch — up to 100 explain requests in one call, for support tooling. Each item
 * is validated on its own (same schema and limits as POST /v1/explain); a bad item becomes an error
 * record in its place, never a failed batch. The same code serves `whydenied explain --batch`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { explainItem } from '../../shared/explain-item.js';
import { logCauseFailures } from '../plugins/logging.js';
import { plainJsonSerializer, problemResponses, responseSchema } from '../response-schema.js';
import { utf8Body } from '../utf8-body.js';
import { BatchRequestSchema, BatchResponseSchema, ProblemSchema } from '../schemas.js';

export async function batchRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/explain/batch', {
    schema: {
      summary: 'Explain up to 100 errors in one call',
      description:
        'Each item is shaped like the body of POST /v1/explain. Results come back in order, one per item: ' +
        '`answer` for a valid item, `error` (problem details naming the field) for one that is not.',
      tags: ['explain'],
      body: BatchRequestSchema,
      response: {
        200: { description: 'One result per item, in order.', content: { 'application/json': { schema: responseSchema(BatchResponseSchema) } } },
        ...problemResponses(responseSchema(ProblemSchema), [400, 413, 415, 429, 500, 503]),
      },
    },
    serializerCompiler: plainJsonSerializer,
    handler: async (request, reply) => {
      const results = request.body.items.map((item, index) => {
        const result = explainItem(item);
        if ('answer' in result) logCauseFailures(request, result.answer.warnings);
        return { index, ...result };
      });
      reply.header('cache-control', 'no-store');
      return reply.type('application/json; charset=utf-8').send(utf8Body(JSON.stringify({ results })));
    },
  });
}
