/**
 * The service entry: the only file that reads process.env, listens, and handles signals.
 * SIGTERM/SIGINT: /readyz turns 503 at once; after SHUTDOWN_DELAY_MS the server stops accepting
 * connections, lets in-flight requests finish, and exits (forcefully after SHUTDOWN_TIMEOUT_MS).
 */
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }

  const app = await buildApp(config);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    app.lifecycle.shuttingDown = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownDelayMs + config.shutdownTimeoutMs);
    force.unref();
    setTimeout(() => {
      app.close().then(
        () => {
          app.log.info('closed');
          process.exit(0);
        },
        (err: unknown) => {
          app.log.error({ err: err instanceof Error ? { type: err.name } : {} }, 'close failed');
          process.exit(1);
        },
      );
    }, config.shutdownDelayMs);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  // fastify logs "Server listening at …" itself.
  await app.listen({ port: config.port, host: config.host });
}

main().catch((err: unknown) => {
  process.stderr.write(`whydenied failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
