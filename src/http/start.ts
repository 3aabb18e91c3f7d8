/**
 * Starting and stopping the service in this process: listen, then on SIGTERM/SIGINT turn /readyz
 * to 503 at once, keep serving SHUTDOWN_DELAY_MS so load balancers drain, stop accepting
 * connections, let in-flight requests finish and report the exit code (1 when they did not finish
 * within SHUTDOWN_TIMEOUT_MS). Used by the entry (server.ts, `npm start`) and `whydenied serve`.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from './app.js';
import type { AppConfig } from './config.js';

export interface RunningServer {
  app: FastifyInstance;
  /** Where it listens, as fastify reports it (`http://127.0.0.1:3000`). */
  address: string;
  /** Begins the graceful shutdown (what SIGTERM does); safe to call more than once. */
  stop(signal?: NodeJS.Signals): void;
  /** The process exit code once stopped: 0 after a clean close, 1 when close failed or timed out. */
  done: Promise<number>;
}

/** The longest startup waits for the overload guard to settle before listening anyway. */
export const SETTLE_MAX_MS = 3_000;

/**
 * Startup's own work (loading modules, compiling schemas and routes) blocks the event loop, and
 * @fastify/under-pressure's first sample of the loop's delay counts that as lag — on a slow or busy
 * machine, long enough to refuse the first requests as overload (seen in a container under load).
 * Listening only once the guard has settled keeps /readyz honest: ready means it will serve.
 */
async function settle(app: FastifyInstance, maxMs: number): Promise<void> {
  await app.ready();
  const deadline = Date.now() + maxMs;
  while (app.isUnderPressure() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

export interface StartOptions extends BuildOptions {
  /** Install SIGTERM/SIGINT handlers (default true); they are removed once the server has stopped. */
  signals?: boolean;
}

/** Builds the app, listens on config.host:config.port and wires graceful shutdown. */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const { signals = true, ...buildOptions } = options;
  const app = await buildApp(config, buildOptions);
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => { finish = resolve; });
  let stopping = false;
  const stop = (signal?: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    app.lifecycle.shuttingDown = true;
    app.log.info(signal ? { signal } : {}, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('in-flight requests did not finish in time; exiting');
      // nothing may keep this process alive past the timeout
      app.server.closeAllConnections();
      finish(1);
    }, config.shutdownDelayMs + config.shutdownTimeoutMs);
    force.unref();
    setTimeout(() => {
      app.close().then(
        () => {
          app.log.info('closed');
          clearTimeout(force);
          finish(0);
        },
        (err: unknown) => {
          app.log.error({ err: err instanceof Error ? { type: err.name } : {} }, 'close failed');
          clearTimeout(force);
          finish(1);
        },
      );
    }, config.shutdownDelayMs);
  };
  if (signals) {
    const onSignal = (signal: NodeJS.Signals): void => stop(signal);
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    void done.then(() => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  }
  try {
    await settle(app, SETTLE_MAX_MS);
    // fastify logs "Server listening at …" itself.
    const address = await app.listen({ port: config.port, host: config.host });
    return { app, address, stop, done };
  } catch (err) {
    stopping = true;
    finish(1);
    await app.close().catch(() => {});
    throw err;
  }
}
