/** GET /openapi.json (the generated document) and GET /docs (swagger-ui). */
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Keys sorted at every level, so the document is byte-stable (openapi/openapi.json). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

/** The document as served and as checked in: sorted keys, two-space indent, final newline. */
export function openApiText(app: FastifyInstance): string {
  return `${JSON.stringify(sortKeys(app.swagger()), null, 2)}\n`;
}

export async function docsRoutes(app: FastifyInstance): Promise<void> {
  let cached: string | undefined;
  app.get('/openapi.json', { schema: { summary: 'This OpenAPI document', tags: ['health'] } }, async (_request, reply) => {
    cached ??= openApiText(app);
    return reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(cached);
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { url: '/openapi.json' } as never });
}
