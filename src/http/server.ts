/**
 * The service entry (`npm start`, the container's CMD): the only file that reads process.env.
 * It starts the server in this process (start.ts: listening, SIGTERM/SIGINT, graceful shutdown)
 * and exits with the code the shutdown reports.
 */
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './start.js';

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
  const server = await startServer(config);
  process.exit(await server.done);
}

main().catch((err: unknown) => {
  process.stderr.write(`whydenied failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
