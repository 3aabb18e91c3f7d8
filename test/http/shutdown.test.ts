/**
 * Graceful shutdown of the real entry point: spawn src/http/server.ts with tsx, start a slow
 * request, send SIGTERM, and check that the request still completes, new connections are
 * refused, and the process exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => pattern.test(l));
      if (line) {
        child.stdout?.off('data', onData);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before logging ${pattern}: ${buffer} ${stderr}`)));
  });
}

function post(port: number, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'text/plain', connection: 'close' } },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    // Send the body in two parts, so the request is in flight when the signal arrives.
    req.write(body.slice(0, 10));
    setTimeout(() => req.end(body.slice(10)), 300);
  });
}

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('graceful shutdown', () => {
  it('finishes the in-flight request after SIGTERM, then exits 0', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/http/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_MAX: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await waitForLine(child, /"msg":"Server listening at /);

    const inFlight = post(port, '/v1/explain?format=text', 'User: arn:aws:iam::111111111111:user/a is not authorized to perform: s3:GetObject');
    await new Promise((r) => setTimeout(r, 100));
    const shuttingDown = waitForLine(child, /"msg":"shutting down"/);
    child.kill('SIGTERM');
    await shuttingDown;

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeGreaterThan(0);
    expect(await exited).toBe(0);
  }, 30_000);

  it('exits with a clear message on bad configuration', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/http/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child!.once('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain('PORT must be a whole number');
  }, 30_000);
});
