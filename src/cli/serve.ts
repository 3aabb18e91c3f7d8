/**
 * `whydenied serve`: runs the HTTP service exactly as `npm start` does. Uses the server entry's
 * exported `start` when it has one, else runs the entry as a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type ServerModule = { start?: (...args: unknown[]) => unknown; main?: (...args: unknown[]) => unknown };

export async function serve(options: { port?: number; host?: string }): Promise<number> {
  if (options.port !== undefined) process.env.PORT = String(options.port);
  if (options.host !== undefined) process.env.HOST = options.host;
  const js = new URL('../http/server.js', import.meta.url);
  const ts = new URL('../http/server.ts', import.meta.url);
  const entry = existsSync(fileURLToPath(js)) ? js : ts;
  // A variable specifier: the server entry is loaded only for this command.
  const spec: string = entry.href;
  const mod = (await import(spec)) as ServerModule;
  const start = mod.start ?? mod.main;
  if (typeof start === 'function') {
    await start();
    return 0;
  }
  // The entry starts itself only when run as the main module: run it as one.
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(entry)], { stdio: 'inherit', env: process.env });
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}
