/**
 * `whydenied serve`: the HTTP service in this process, exactly as `npm start` runs it (same
 * configuration from the environment, --port / --host over PORT / HOST, same graceful SIGTERM).
 * The HTTP shell is loaded only here, on demand, so the other commands never load fastify.
 */
export async function serve(options: { port?: number; host?: string }): Promise<number> {
  const { ConfigError, loadConfig } = await import('../http/config.js');
  const env = { ...process.env };
  if (options.port !== undefined) env.PORT = String(options.port);
  if (options.host !== undefined) env.HOST = options.host;
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const { startServer } = await import('../http/start.js');
  let server;
  try {
    server = await startServer(config);
  } catch (err) {
    process.stderr.write(`whydenied failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  return server.done;
}
