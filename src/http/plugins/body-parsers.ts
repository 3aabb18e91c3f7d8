/**
 * Request bodies: JSON whose nesting depth is checked before it is parsed, and text/plain, which
 * the API routes take as the whole message (`curl --data-binary @error.txt`). Anything else is
 * 415. The form encoding of the web form is registered inside its own plugin.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { depthExceededAt, locateJsonError } from '../json-text.js';
import { LIMITS } from '../schemas.js';
import { ProblemError } from './problem.js';

export function installBodyParsers(app: FastifyInstance): void {
  // text/plain is parsed everywhere (fastify's parser) but only routes marked `textBody` take it.
  app.addHook('preValidation', (request, _reply, done) => {
    if (typeof request.body === 'string' && !request.routeOptions.config?.textBody) {
      done(new ProblemError({
        status: 415, type: 'unsupported-media-type', title: 'Unsupported media type',
        detail: 'This route takes application/json only.',
        errors: [{ path: 'headers.content-type', message: 'must be application/json' }],
      }));
      return;
    }
    done();
  });

  // Same protections as fastify's own parser (prototype poisoning is an error).
  const defaultParser = app.getDefaultJsonParser('error', 'error');
  const parseJson = (req: FastifyRequest, body: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      defaultParser(req, body, (err, value) => (err ? reject(err) : resolve(value)));
    });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, async (req: FastifyRequest, body: string | Buffer) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      throw new ProblemError({
        status: 400, type: 'invalid-json', title: 'The body is not valid JSON',
        detail: 'The body is empty but Content-Type says application/json.',
        errors: [{ path: 'body', message: 'empty' }],
      });
    }
    const deepAt = depthExceededAt(text, LIMITS.jsonDepth);
    if (deepAt !== -1) {
      throw new ProblemError({
        status: 400, type: 'json-too-deep', title: 'JSON nested too deeply',
        detail: `The body nests objects and arrays more than ${LIMITS.jsonDepth} levels deep (at position ${deepAt}).`,
        errors: [{ path: 'body', message: `nesting deeper than ${LIMITS.jsonDepth} levels` }],
        limit: LIMITS.jsonDepth,
      });
    }
    try {
      return await parseJson(req, text);
    } catch (err) {
      const where = locateJsonError(text);
      if (where) {
        const at = `line ${where.line}, column ${where.column} (position ${where.position})`;
        throw new ProblemError({
          status: 400, type: 'invalid-json', title: 'The body is not valid JSON',
          detail: `The body is not valid JSON at ${at}${where.path ? `, in ${where.path}` : ''}: ${where.message}.`,
          errors: [{ path: where.path || 'body', message: `${where.message} at ${at}` }],
        });
      }
      // Valid syntax that the parser still refused: __proto__ or constructor.prototype keys.
      throw new ProblemError({
        status: 400, type: 'invalid-json', title: 'The body is not valid JSON',
        detail: `The body was refused: ${err instanceof Error ? err.message.slice(0, 200) : 'invalid JSON'}.`,
        errors: [{ path: 'body', message: 'forbidden property name (__proto__ or constructor.prototype)' }],
      });
    }
  });
}
