/**
 * The OpenAPI document (@fastify/swagger), generated from the route schemas: request schemas are
 * zod, converted by fastify-type-provider-zod; response schemas are already JSON Schema
 * (response-schema.ts) and pass through as they are.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';

const zodTransform = createJsonSchemaTransform({ skipList: [] });
type TransformInput = Parameters<typeof zodTransform>[0];

/** Zod → JSON Schema for requests; responses as given; text/plain added where a route takes it. */
export function transformRouteSchema(input: TransformInput): ReturnType<typeof zodTransform> {
  const { schema, url } = input;
  // The web form's pages and assets are not part of the API (and change with its design).
  if (!isApiRoute(url)) return { schema: { ...(schema ?? {}), hide: true }, url } as ReturnType<typeof zodTransform>;
  if (!schema) return { schema, url };
  const { response, ...requestParts } = schema as Record<string, unknown>;
  const out = zodTransform({ ...input, schema: requestParts } as TransformInput);
  const transformed = { ...(out.schema as Record<string, unknown>) };
  if (response && !transformed.hide) transformed.response = response;
  const route = (input as { route?: { config?: { textBody?: boolean } } }).route;
  if (route?.config?.textBody && transformed.body) {
    transformed.body = {
      content: {
        'application/json': { schema: transformed.body },
        'text/plain': { schema: { type: 'string', description: 'The whole body is the message.' } },
      },
    };
  }
  return { schema: transformed, url: out.url } as ReturnType<typeof zodTransform>;
}

const API_ROUTES = new Set(['/healthz', '/readyz', '/openapi.json']);
export function isApiRoute(url: string): boolean {
  return url.startsWith('/v1/') || API_ROUTES.has(url);
}

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'whydenied',
        version,
        description:
          'Explains AWS AccessDenied errors: parses the message, evaluates pasted policies as IAM does, and ranks root ' +
          'causes with confirm commands and fixes. Every 4xx/5xx answer is `application/problem+json` (RFC 9457).',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      tags: [
        { name: 'explain', description: 'Explain and parse errors' },
        { name: 'simulate', description: 'Evaluate policies' },
        { name: 'causes', description: 'The cause catalog' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transform: transformRouteSchema,
    // Shared schemas become components named by their $id (ParsedError, RankedCause …).
    refResolver: {
      buildLocalReference: (json: Record<string, unknown>, _base: unknown, _fragment: unknown, i: number) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
}
