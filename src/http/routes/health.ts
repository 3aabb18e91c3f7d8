/**
 * GET /healthz — the process is alive (liveness). GET /readyz — ready for traffic (readiness):
 * 503 while shutting down or under pressure, so a load balancer stops sending requests.
 * Neither is rate limited nor refused under pressure.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { RETRY_AFTER_SECONDS } from '../plugins/pressure.js';
import { ProblemError } from '../plugins/problem.js';
import { problemResponses, responseSchema } from '../response-schema.js';
import { HealthSchema, ProblemSchema } from '../schemas.js';

const exempt = { rateLimit: false, pressureHandler: () => undefined } as const;

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const health = responseSchema(HealthSchema);

  typed.get('/healthz', {
    schema: { summary: 'Liveness', tags: ['health'], response: { 200: health } },
    config: exempt,
    handler: async () => ({ status: 'ok' as const }),
  });

  typed.get('/readyz', {
    schema: {
      summary: 'Readiness',
      tags: ['health'],
      response: { 200: health, ...problemResponses(responseSchema(ProblemSchema), [503]) },
    },
    config: exempt,
    handler: async (_request, reply) => {
      const shuttingDown = app.lifecycle.shuttingDown;
      if (shuttingDown || app.isUnderPressure()) {
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        throw new ProblemError({
          status: 503, type: 'not-ready', title: 'Not ready',
          detail: shuttingDown ? 'The server is shutting down.' : 'The server is overloaded.',
          errors: [],
        });
      }
      return { status: 'ready' as const };
    },
  });
}
