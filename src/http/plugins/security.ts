/**
 * Security headers from helmet. The content security policy is strict: no inline script or style
 * anywhere, so the web form serves its JavaScript and CSS as files under /assets/. The /docs page
 * (swagger-ui) sets its own policy with hashes for its inline parts.
 *
 * helmet runs once, at startup, against a recording response; every request then gets the same
 * header set from one synchronous hook. (@fastify/helmet rebuilt the helmet middleware, and
 * re-parsed the CSP directives, on every request: docs/decisions/103-serialization-and-headers.md.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  // The API is meant to be called from other origins when CORS allows it.
  crossOriginResourcePolicy: { policy: 'same-site' },
};

/** The headers helmet sets for these options (lower-case names), computed by running it once. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown = null;
  // helmet's middleware is synchronous and reads nothing from the request for static options
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => { failure = err ?? null; });
  if (failure) throw failure;
  return headers;
}

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders(HELMET_OPTIONS);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
