import type { FastifyRequest } from 'fastify';

/** preValidation hook: a text/plain body is the whole message. */
export async function textBodyAsMessage(request: FastifyRequest): Promise<void> {
  if (typeof request.body === 'string') request.body = { message: request.body };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route also takes a text/plain body as the message (shown in the OpenAPI document). */
    textBody?: boolean;
  }
}
