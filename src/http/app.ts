/**
 * buildApp(config) → a fastify instance with every plugin and route registered. It never
 * listens and never reads process.env (server.ts does both), so tests build as many as they like.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './config.js';
import type { Lifecycle } from './lifecycle.js';
import { sharedResponseSchemas } from './response-schema.js';
import './schemas.js';
import { installBodyParsers } from './plugins/body-parsers.js';
import { registerCors } from './plugins/cors.js';
import { createLogger, installRequestLogging, requestIdFor } from './plugins/logging.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerPressure } from './plugins/pressure.js';
import { clientErrorHandler, frameworkErrorHandler, installClosingGuard, MAX_PARAM_LENGTH, installNotFoundHandler, installProblemHandling } from './plugins/problem.js';
import { registerRateLimit } from './plugins/rate-limit.js';
import { registerSecurity } from './plugins/security.js';
import { batchRoutes } from './routes/batch.js';
import { causeRoutes } from './routes/causes.js';
import { docsRoutes } from './routes/docs.js';
import { explainRoutes } from './routes/explain.js';
import { healthRoutes } from './routes/health.js';
import { parseRoutes } from './routes/parse.js';
import { simulateRoutes } from './routes/simulate.js';
import webForm from './web/index.js';

export const API_VERSION = '0.1.0';

/** Seams for tests and the server entry; production passes none. */
export interface BuildOptions {
  /** Where log lines go (default stdout). */
  logStream?: DestinationStream;
  /** An extra health check for @fastify/under-pressure; false = under pressure. */
  healthCheck?: () => Promise<boolean>;
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: createLogger(config, options.logStream),
    // Our own onResponse hook writes the one line per request (plugins/logging.ts).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdFor,
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    // fastify takes a hop count too; its types only list boolean | string | string[] | function.
    trustProxy: config.trustProxy as boolean,
    // While closing, our own hook answers 503 as problem details (fastify's own is plain JSON).
    return503OnClosing: false,
    // Bound the time a client may take to send a request (slow-loris); answers take milliseconds.
    requestTimeout: 30_000,
    frameworkErrors: frameworkErrorHandler(config),
    clientErrorHandler,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    forceCloseConnections: 'idle',
  }) as unknown as FastifyInstance;

  const lifecycle: Lifecycle = { shuttingDown: false, closing: false };
  app.decorate('lifecycle', lifecycle);
  app.addHook('preClose', async () => {
    lifecycle.shuttingDown = true;
    lifecycle.closing = true;
  });

  // Requests are validated with zod; responses use fastify's default serializer (fast-json-stringify).
  app.setValidatorCompiler(validatorCompiler);
  for (const schema of sharedResponseSchemas()) app.addSchema(schema);

  installRequestLogging(app);
  installProblemHandling(app, config);
  installClosingGuard(app);
  installBodyParsers(app);
  await registerSecurity(app);
  await registerCors(app, config);
  await registerPressure(app, config, options.healthCheck);
  await registerRateLimit(app, config);
  installNotFoundHandler(app);
  await registerOpenApi(app, API_VERSION);

  await app.register(healthRoutes);
  await app.register(explainRoutes);
  await app.register(batchRoutes);
  await app.register(parseRoutes);
  await app.register(simulateRoutes);
  await app.register(causeRoutes);
  await app.register(webForm);
  await app.register(docsRoutes);
  return app;
}
