/**
 * Logging: exactly one line per request (id, method, route, status, time), written by our own
 * onResponse hook; fastify's request logging is off. Bodies and credential headers are never
 * passed to the logger, and pino's `redact` removes them anyway should a future line include one.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Warning } from '../../core/types.js';
import type { AppConfig } from '../config.js';

/** Paths pino censors: bodies, pasted text, credential headers. */
export const REDACT_PATHS = [
  'body', 'req.body', 'request.body', '*.body',
  'message', 'policies', 'document', 'context', '*.message', '*.policies', '*.document', '*.context',
  'headers.authorization', 'headers.cookie', 'headers["set-cookie"]', 'headers["x-api-key"]',
  'headers["x-amz-security-token"]', 'req.headers.authorization', 'req.headers.cookie',
  'req.headers["x-api-key"]', 'req.headers["x-amz-security-token"]', 'res.headers["set-cookie"]',
];

export function createLogger(config: AppConfig, stream?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: { service: 'whydenied' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return stream ? pino(options, stream) : pino(options);
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's `x-request-id` when it is a plain token; otherwise makes a UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** What the error handler learned about a 5xx, logged on the request's one line. */
export const ERROR_INFO = Symbol('whydenied.errorInfo');
type WithErrorInfo = FastifyRequest & { [ERROR_INFO]?: Record<string, unknown> };

export function noteError(request: FastifyRequest, info: Record<string, unknown>): void {
  (request as WithErrorInfo)[ERROR_INFO] = info;
}

export function installRequestLogging(app: FastifyInstance): void {
  // Callback-style hooks: a little cheaper per request than async ones.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const err = (request as WithErrorInfo)[ERROR_INFO];
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
      ...(err ? { err } : {}),
    };
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else request.log.info(line, 'request');
    done();
  });
}

const CAUSE_ID = /^[a-z0-9-]{1,80}$/;

/**
 * A cause check that broke inside the core (a bug, not bad input): one warn line per cause with
 * its catalog id only — never the pasted text, which the warning's own message does not hold either.
 */
export function logCauseFailures(request: FastifyRequest, warnings: readonly Warning[]): void {
  for (const w of warnings) {
    if (w.code === 'cause-check-failed' && typeof w.cause === 'string' && CAUSE_ID.test(w.cause)) {
      request.log.warn({ causeId: w.cause }, 'cause check failed');
    } else if (w.code === 'cause-ranking-failed') {
      request.log.warn('cause ranking failed');
    }
  }
}
