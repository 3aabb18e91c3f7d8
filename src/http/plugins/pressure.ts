/**
 * Overload protection (@fastify/under-pressure): when the event loop lags past
 * MAX_EVENT_LOOP_DELAY_MS, requests get 503 problem details with Retry-After. /healthz keeps
 * answering (the process is alive); /readyz answers 503 itself (see routes/health.ts).
 */
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';

export const RETRY_AFTER_SECONDS = 10;

export async function registerPressure(
  app: FastifyInstance,
  config: AppConfig,
  healthCheck?: () => Promise<boolean>,
): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    retryAfter: RETRY_AFTER_SECONDS,
    ...(healthCheck ? { healthCheck: async () => healthCheck(), healthCheckInterval: 1000 } : {}),
  });
}
