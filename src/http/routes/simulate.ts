/** POST /v1/simulate — evaluate pasted policies for one request, as IAM would; no error text needed. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { simulate } from '../../core/index.js';
import type { SimulateInput } from '../../core/types.js';
import { problemResponses, responseSchema } from '../response-schema.js';
import { ProblemSchema, SimulateRequestSchema, SimulateResponseSchema } from '../schemas.js';

export async function simulateRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/simulate', {
    schema: {
      summary: 'Evaluate policies for one request',
      description:
        'Keys missing from `context` are absent, as in a real request; `"missing": "unknown"` switches to three-valued ' +
        'evaluation, and `decision` may then be `unknown` with `missingContext` naming the keys that decide.',
      tags: ['simulate'],
      body: SimulateRequestSchema,
      response: {
        200: responseSchema(SimulateResponseSchema),
        ...problemResponses(responseSchema(ProblemSchema), [400, 413, 415, 429, 500, 503]),
      },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return simulate(request.body as SimulateInput);
    },
  });
}
