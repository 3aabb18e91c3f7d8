/**
 * Every 4xx/5xx answer is RFC 9457 problem details (`application/problem+json`), fastify's own
 * errors included: bad JSON, schema failures, unknown routes, bodies too large, wrong media
 * types, rate limits, overload. A 500 never shows internals; the log gets the stack, not the
 * message (which could quote pasted text).
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.js';
import '../lifecycle.js';
import type { Problem } from '../schemas.js';
import { noteError } from './logging.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_PREFIX = 'urn:whydenied:problem:';

export interface ProblemInit {
  status: number;
  /** Short slug, becomes `urn:whydenied:problem:<slug>`. */
  type: string;
  title: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
  limit?: number;
}

/** An error that carries its own problem details; throw it from handlers and hooks. */
export class ProblemError extends Error {
  readonly statusCode: number;
  constructor(readonly problem: ProblemInit) {
    super(problem.detail);
    this.name = 'ProblemError';
    this.statusCode = problem.status;
  }
}

/** Sends problem details; strings bypass the response serializer on purpose. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, p: ProblemInit): FastifyReply {
  const body: Problem = {
    type: TYPE_PREFIX + p.type,
    title: p.title,
    status: p.status,
    detail: p.detail,
    errors: p.errors ?? [],
    ...(p.limit !== undefined ? { limit: p.limit } : {}),
    requestId: String(request.id),
  };
  // Set here too: framework errors (bad URL, 414) skip the onRequest hook that sets it.
  reply.header('x-request-id', String(request.id)).header('cache-control', 'no-store');
  return reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

type ValidationIssue = {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
};

/** `/policies/3/document` → `policies[3].document`, the path style of Issue.path in the core. */
export function toFieldPath(instancePath: string, context?: string): string {
  let out = '';
  for (const raw of instancePath.split('/')) {
    if (raw === '') continue;
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d{1,9}$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]{0,200}$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  if (context === 'querystring') return out ? `query.${out}` : 'query';
  if (context && context !== 'body') return out ? `${context}.${out}` : context;
  return out;
}

/** Maps any error fastify or a plugin raised to problem details. */
export function problemFromError(error: FastifyError & { validation?: unknown; validationContext?: string }, config: AppConfig): ProblemInit {
  if (error instanceof ProblemError) return error.problem;
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;

  if (Array.isArray(error.validation)) {
    const issues = error.validation as ValidationIssue[];
    const errors = issues.map((i) => ({
      path: toFieldPath(i.instancePath ?? '', error.validationContext),
      message: (i.message ?? 'is invalid').slice(0, 500),
    }));
    const limitIssues = issues.filter((i) => i.keyword === 'too_big');
    // A body over one of the size limits (message, policies, documents) is "too large": 413.
    if (error.validationContext === 'body' && limitIssues.length === issues.length && issues.length > 0) {
      const max = limitIssues[0]?.params?.maximum;
      return {
        status: 413, type: 'limit-exceeded', title: 'Request exceeds a limit',
        detail: errors.map((e) => `${e.path || 'body'}: ${e.message}`).join('; '),
        errors, ...(typeof max === 'number' ? { limit: max } : {}),
      };
    }
    return {
      status: 400, type: 'validation-failed', title: 'The request does not match the schema',
      detail: errors.map((e) => `${e.path || 'body'}: ${e.message}`).join('; ').slice(0, 2000), errors,
    };
  }

  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413, type: 'body-too-large', title: 'Request body too large',
        detail: `The request body is larger than the ${config.bodyLimit}-byte limit (BODY_LIMIT).`,
        errors: [{ path: 'body', message: `larger than ${config.bodyLimit} bytes` }], limit: config.bodyLimit,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415, type: 'unsupported-media-type', title: 'Unsupported media type',
        detail: "Send application/json, or text/plain holding the message alone (with curl: -H 'content-type: text/plain' --data-binary @error.txt).",
        errors: [{ path: 'headers.content-type', message: 'must be application/json or text/plain' }],
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400, type: 'invalid-json', title: 'The body is not valid JSON',
        detail: 'The body is empty but Content-Type says application/json.',
        errors: [{ path: 'body', message: 'empty' }],
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400, type: 'invalid-content-length', title: 'Content-Length does not match the body',
        detail: 'The Content-Length header does not match the length of the body.',
        errors: [{ path: 'headers.content-length', message: 'does not match the body' }],
      };
    default:
      break;
  }

  if (error instanceof SyntaxError && status === 400) {
    // Our JSON parser (body-parsers.ts) reports position and field itself; this is a fallback.
    return {
      status: 400, type: 'invalid-json', title: 'The body is not valid JSON',
      detail: 'The body is not valid JSON.', errors: [{ path: 'body', message: 'not valid JSON' }],
    };
  }
  if (status === 429) {
    return {
      status, type: 'rate-limited', title: 'Too many requests',
      detail: error.message, errors: [],
    };
  }
  if (status === 503) {
    return {
      status, type: 'overloaded', title: 'Service overloaded',
      detail: 'The service is overloaded; retry after the number of seconds in Retry-After.', errors: [],
    };
  }
  if (status === 414) {
    // fastify's message quotes the whole URL back
    return {
      status, type: 'uri-too-long', title: 'URI Too Long',
      detail: `A segment of the URL path is longer than the ${MAX_PARAM_LENGTH} characters this route takes.`,
      errors: [{ path: 'url', message: `a path segment longer than ${MAX_PARAM_LENGTH} characters` }],
    };
  }
  if (status < 500) {
    // fastify's own 4xx messages describe the request, not the server.
    return {
      status, type: (STATUS_CODES[status] ?? 'client-error').toLowerCase().replace(/[^a-z]+/g, '-'),
      title: STATUS_CODES[status] ?? 'Bad request', detail: error.message.slice(0, 500), errors: [],
    };
  }
  return {
    status, type: 'internal-error', title: STATUS_CODES[status] ?? 'Internal Server Error',
    detail: 'Something went wrong on our side. Quote the requestId when you report it.', errors: [],
  };
}

/** fastify's default `maxParamLength`: a longer path parameter is answered 414. */
export const MAX_PARAM_LENGTH = 100;

/**
 * For fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request
 * (headers over Node's 16 KB `maxHeaderSize`, a request not received within `requestTimeout`,
 * malformed HTTP), answered as problem details too (fastify's default writes its own JSON shape).
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let p: ProblemInit;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    p = {
      status: 408, type: 'request-timeout', title: 'Request Timeout',
      detail: 'The request was not received completely in time; send the whole body at once.', errors: [],
    };
  } else if (err.code === 'HPE_HEADER_OVERFLOW') {
    p = {
      status: 431, type: 'headers-too-large', title: 'Request Header Fields Too Large',
      detail: 'The URL and headers together are larger than this server reads (16 KB). Send the error text in the body, not in the URL or a header.',
      errors: [{ path: 'headers', message: 'larger than 16 KB' }],
    };
  } else {
    p = { status: 400, type: 'bad-request', title: 'Bad Request', detail: 'The request is not valid HTTP/1.1.', errors: [] };
  }
  const body = JSON.stringify({ type: TYPE_PREFIX + p.type, title: p.title, status: p.status, detail: p.detail, errors: p.errors });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** For fastify's `frameworkErrors` option: bad URLs and over-long path parameters (414). */
export function frameworkErrorHandler(config: AppConfig) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    sendProblem(request, reply, problemFromError(error, config));
  };
}

/** Installs the error and not-found handlers at the root, so they cover every route and plugin. */
export function installProblemHandling(app: FastifyInstance, config: AppConfig): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemFromError(error, config);
    if (problem.status >= 500 && problem.status !== 503) {
      // Logged on the request's one line. The message may quote user input; the stack frames do not.
      const frames = (error.stack ?? '').split('\n').slice(1, 12).map((f) => f.trim());
      noteError(request, { type: error.name, code: error.code ?? null, frames });
    }
    return sendProblem(request, reply, problem);
  });
}

/** Once the app is closing, new requests get 503 problem details and the connection is closed. */
export function installClosingGuard(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (!app.lifecycle.closing) {
      done();
      return;
    }
    reply.header('connection', 'close').header('retry-after', '5');
    sendProblem(request, reply, {
      status: 503, type: 'shutting-down', title: 'Shutting down',
      detail: 'This instance is shutting down; retry, and another instance will answer.', errors: [],
    });
  });
}

/** The methods each registered route pattern answers, for telling 405 from 404. */
export class RouteMethods {
  private readonly routes: Array<{ segments: string[]; methods: Set<string> }> = [];

  add(url: string, methods: string | string[]): void {
    const segments = url.split('/');
    let route = this.routes.find((r) => r.segments.join('/') === segments.join('/'));
    if (!route) {
      route = { segments, methods: new Set() };
      this.routes.push(route);
    }
    for (const m of Array.isArray(methods) ? methods : [methods]) route.methods.add(m.toUpperCase());
    if (route.methods.has('GET')) route.methods.add('HEAD');
  }

  /** The methods some route answers at this path (a `:param` matches one segment, `*` the rest), sorted. */
  allowed(path: string): string[] {
    const parts = path.split('/');
    const out = new Set<string>();
    for (const r of this.routes) {
      if (matches(r.segments, parts)) for (const m of r.methods) out.add(m);
    }
    return [...out].sort();
  }
}

function matches(pattern: string[], parts: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p === '*') return true;
    const part = parts[i];
    if (part === undefined) return false;
    if (p.startsWith(':') ? part === '' : p !== part) return false;
  }
  return pattern.length === parts.length;
}

/**
 * Unknown routes: 404 problem details; a known path asked with a method it does not take: 405
 * with `Allow` (RFC 9110 §15.5.6), and OPTIONS on it: 204 with `Allow`. Rate limited like the
 * rest when rate limiting is on. Call before any route is registered (it records them).
 */
export function installNotFoundHandler(app: FastifyInstance): void {
  const known = new RouteMethods();
  app.addHook('onRoute', (route) => known.add(route.url, route.method));
  const handler = (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = known.allowed(path);
    // a route that matched and still found nothing (an unknown asset) is a plain 404
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      const allow = [...allowed, 'OPTIONS'].join(', ');
      reply.header('allow', allow);
      if (request.method === 'OPTIONS') return reply.code(204).header('cache-control', 'no-store').send();
      return sendProblem(request, reply, {
        status: 405, type: 'method-not-allowed', title: 'Method not allowed',
        detail: `${safePath(request.url)} does not take ${request.method}; it takes ${allowed.join(', ')}. See /docs for the API.`,
        errors: [{ path: 'method', message: `must be one of ${allowed.join(', ')}` }],
      });
    }
    return sendProblem(request, reply, {
      status: 404, type: 'not-found', title: 'Not found',
      detail: `No route ${request.method} ${safePath(request.url)}. See /docs for the API.`,
      errors: [],
    });
  };
  if (app.hasDecorator('rateLimit')) app.setNotFoundHandler({ preHandler: app.rateLimit() }, handler);
  else app.setNotFoundHandler(handler);
}

function safePath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
