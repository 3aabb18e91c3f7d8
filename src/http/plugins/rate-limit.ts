/**
 * Rate limiting (@fastify/rate-limit): RATE_LIMIT_MAX requests per minute per client address,
 * then 429 problem details with Retry-After. Health routes opt out with `config.rateLimit: false`;
 * addresses in RATE_LIMIT_ALLOW (loopback by default) are never limited.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import { ProblemError } from './problem.js';

export async function registerRateLimit(app: FastifyInstance, config: AppConfig): Promise<void> {
  if (config.rateLimitMax === 0) return;
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitMax,
    timeWindow: 60_000,
    allowList: config.rateLimitAllow,
    hook: 'onRequest',
    errorResponseBuilder: (_request, context) =>
      new ProblemError({
        status: context.statusCode,
        type: 'rate-limited',
        title: 'Too many requests',
        detail: `More than ${context.max} requests per minute from this client; retry in ${context.after}.`,
        errors: [],
        limit: context.max,
      }),
  });
}
