/**
 * Request bodies: JSON whose nesting depth is checked before it is parsed, and text/plain, which
 * the API routes take as the whole message (`curl --data-binary @error.txt`). Anything else is
 * 415. The form encoding of the web form is registered inside its own plugin.
 *
 * Bytes become text as the client declared them (body-text.ts: byte order mark, charset, UTF-16
 * detection); a body in a content coding (gzip, br, deflate …) is refused with 415, since none is
 * decoded here and reading compressed bytes as JSON only produced a baffling syntax error.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decodeBody, UnsupportedCharsetError } from '../body-text.js';
import { locateJsonError, scanJsonText } from '../json-text.js';
import { LIMITS } from '../schemas.js';
import { ProblemError } from './problem.js';

/** Requests whose body came from the text/plain parser (only routes marked `textBody` take it). */
const textBodies = new WeakSet<FastifyRequest>();

/** True when the request's body is text/plain text (and not, say, a JSON string). */
export function bodyWasText(request: FastifyRequest): boolean {
  return textBodies.has(request);
}

function readText(req: FastifyRequest, body: string | Buffer): string {
  if (typeof body === 'string') return body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  try {
    return decodeBody(body, req.headers['content-type']);
  } catch (err) {
    if (!(err instanceof UnsupportedCharsetError)) throw err;
    throw new ProblemError({
      status: 415, type: 'unsupported-charset', title: 'Unsupported character set',
      detail: `The Content-Type names the charset ${JSON.stringify(err.charset)}, which is not one this service can decode. Send UTF-8 (or say which UTF-16 or ISO-8859 variant the body is in).`,
      errors: [{ path: 'headers.content-type', message: `unknown charset ${JSON.stringify(err.charset)}` }],
    });
  }
}

/** Every coding but `identity` in a Content-Encoding header, lower-cased. */
function contentCodings(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const all = Array.isArray(header) ? header.join(',') : header;
  return all.split(',', 16).map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
}

export function installBodyParsers(app: FastifyInstance): void {
  app.addHook('preParsing', (request, reply, payload, done) => {
    const codings = contentCodings(request.headers['content-encoding']);
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (codings.length === 0 || !hasBody) {
      done(null, payload);
      return;
    }
    // RFC 9110 §15.5.16: say which codings would have been accepted.
    reply.header('accept-encoding', 'identity');
    done(new ProblemError({
      status: 415, type: 'unsupported-content-encoding', title: 'Unsupported content encoding',
      detail: `The body is sent with Content-Encoding ${JSON.stringify(codings.join(', ').slice(0, 100))}, which this service does not decode. Send it uncompressed.`,
      errors: [{ path: 'headers.content-encoding', message: 'only identity (no compression) is accepted' }],
    }));
  });

  app.addHook('preValidation', (request, _reply, done) => {
    if (bodyWasText(request) && !request.routeOptions.config?.textBody) {
      done(new ProblemError({
        status: 415, type: 'unsupported-media-type', title: 'Unsupported media type',
        detail: 'This route takes application/json only.',
        errors: [{ path: 'headers.content-type', message: 'must be application/json' }],
      }));
      return;
    }
    // No body at all (and so no Content-Type): zod would say "expected object, received null".
    if (request.body == null && request.method === 'POST' && request.routeOptions.schema?.body) {
      done(new ProblemError({
        status: 400, type: 'empty-body', title: 'The request has no body',
        detail: request.routeOptions.config?.textBody
          ? 'The request has no body. Send application/json such as {"message": "…"}, or the message alone as text/plain.'
          : 'The request has no body. Send application/json.',
        errors: [{ path: 'body', message: 'missing' }],
      }));
      return;
    }
    done();
  });

  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, async (req: FastifyRequest, body: string | Buffer) => {
    const text = readText(req, body);
    textBodies.add(req);
    return text;
  });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, async (req: FastifyRequest, body: string | Buffer) => {
    const text = readText(req, body);
    if (text.trim() === '') {
      throw new ProblemError({
        status: 400, type: 'invalid-json', title: 'The body is not valid JSON',
        detail: 'The body is empty but Content-Type says application/json.',
        errors: [{ path: 'body', message: 'empty' }],
      });
    }
    // one pass: the nesting depth (refused before anything recurses) and the keys checked below
    const { deepAt, key } = scanJsonText(text, LIMITS.jsonDepth);
    if (deepAt !== -1) {
      throw new ProblemError({
        status: 400, type: 'json-too-deep', title: 'JSON nested too deeply',
        detail: `The body nests objects and arrays more than ${LIMITS.jsonDepth} levels deep (at position ${deepAt}).`,
        errors: [{ path: 'body', message: `nesting deeper than ${LIMITS.jsonDepth} levels` }],
        limit: LIMITS.jsonDepth,
      });
    }
    let value: unknown;
    try {
      // JSON.parse makes `__proto__` an own property (it never sets a prototype); such a body is
      // refused below before anything reads it, as fastify's own parser (secure-json-parse) would
      value = JSON.parse(text);
    } catch {
      const where = locateJsonError(text);
      const at = where ? `line ${where.line}, column ${where.column} (position ${where.position})` : '';
      throw new ProblemError({
        status: 400, type: 'invalid-json', title: 'The body is not valid JSON',
        detail: where ? `The body is not valid JSON at ${at}${where.path ? `, in ${where.path}` : ''}: ${where.message}.` : 'The body is not valid JSON.',
        errors: [{ path: where?.path || 'body', message: where ? `${where.message} at ${at}` : 'not valid JSON' }],
      });
    }
    if (key?.kind === 'forbidden') {
      // __proto__, or prototype inside constructor: they can change the prototype of objects
      const path = key.path;
      const name = key.key;
      throw new ProblemError({
        status: 400, type: 'forbidden-key', title: 'The body uses a forbidden property name',
        detail: `The body has the property ${JSON.stringify(name)}${path ? ` in ${path}` : ' at the top level'}; it is refused because it can change the prototype of JavaScript objects, and no AWS policy or condition key is named so.`,
        errors: [{ path: path ? `${path}.${name}` : name, message: 'forbidden property name' }],
      });
    }
    if (key?.kind === 'duplicate') {
      const where = key.path ? `in ${key.path}` : 'at the top level';
      throw new ProblemError({
        status: 400, type: 'duplicate-key', title: 'The body has a duplicate key',
        detail: `The key ${JSON.stringify(key.key.slice(0, 200))} appears twice ${where}. JSON readers disagree on which value counts, so whydenied does not guess: keep one.`,
        errors: [{ path: key.path || 'body', message: `duplicate key ${JSON.stringify(key.key.slice(0, 200))}` }],
      });
    }
    return value;
  });
}
