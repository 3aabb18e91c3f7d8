/** POST /v1/parse — the parser alone: what the error says, no ranking. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseError, redactSecrets } from '../../core/index.js';
import { problemResponses, responseSchema } from '../response-schema.js';
import { ParseRequestSchema, ParseResponseSchema, ProblemSchema } from '../schemas.js';
import { textBodyAsMessage } from './text-body.js';

export async function parseRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/parse', {
    schema: {
      summary: 'Parse an AWS error message',
      description: 'Finds every AWS authorization failure in the text and extracts its fields; the most specific one is `parsed`.',
      tags: ['explain'],
      body: ParseRequestSchema,
      response: {
        200: responseSchema(ParseResponseSchema),
        ...problemResponses(responseSchema(ProblemSchema), [400, 413, 415, 429, 500, 503]),
      },
    },
    config: { textBody: true },
    preValidation: textBodyAsMessage,
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { text, warnings } = redactSecrets(request.body.message);
      const { parsed, otherErrors, issues } = parseError(text);
      return {
        parsed,
        otherErrors,
        warnings: [
          ...warnings,
          ...issues.filter((i) => i.severity !== 'info').map((i) => ({ code: i.code, message: i.message })),
        ],
      };
    },
  });
}
