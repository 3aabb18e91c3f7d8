/**
 * `whydenied serve`: runs the HTTP service exactly as `npm start` does — the server entry
 * (dist/src/http/server.js, or server.ts under tsx) as a child process with this environment.
 * The entry starts listening when loaded and exports nothing, so importing it here would give
 * no handle to stop it; a child keeps its signal handling (graceful SIGTERM) intact.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function serverEntry(): string {
  const js = fileURLToPath(new URL('../http/server.js', import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL('../http/server.ts', import.meta.url));
}

export async function serve(options: { port?: number; host?: string }): Promise<number> {
  const env = { ...process.env };
  if (options.port !== undefined) env.PORT = String(options.port);
  if (options.host !== undefined) env.HOST = options.host;
  return new Promise<number>((resolve) => {
    // execArgv carries tsx's loader when the CLI itself runs under tsx.
    const child = spawn(process.execPath, [...process.execArgv, serverEntry()], { stdio: 'inherit', env });
    const forward = (sig: NodeJS.Signals): void => { child.kill(sig); };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1));
    });
  });
}
