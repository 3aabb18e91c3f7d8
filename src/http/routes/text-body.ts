import type { FastifyRequest } from 'fastify';
import { bodyWasText } from '../plugins/body-parsers.js';

/** preValidation hook: a text/plain body is the whole message (a JSON string body is not). */
export async function textBodyAsMessage(request: FastifyRequest): Promise<void> {
  if (bodyWasText(request) && typeof request.body === 'string') request.body = { message: request.body };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route also takes a text/plain body as the message (shown in the OpenAPI document). */
    textBody?: boolean;
  }
}
