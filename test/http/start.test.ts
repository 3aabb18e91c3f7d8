/** startServer: the service started in process (npm start's entry and `whydenied serve` both use it). */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SETTLE_MAX_MS, startServer } from '../../src/http/start.js';
import { LogCapture, testConfig } from './helpers.js';

const get = (url: string): Promise<number> => new Promise((resolve, reject) => {
  request(url, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); }).on('error', reject).end();
});

describe('startServer', () => {
  it('listens, serves, and on stop closes with exit code 0, removing its signal handlers', async () => {
    const before = process.listenerCount('SIGTERM');
    const logs = new LogCapture();
    const server = await startServer(testConfig({ port: 0, host: '127.0.0.1', logLevel: 'info' }), { logStream: logs });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(server.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await get(`${server.address}/readyz`)).toBe(200);
    server.stop('SIGTERM');
    server.stop('SIGTERM'); // a second signal changes nothing
    expect(await server.done).toBe(0);
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(logs.lines.filter((l) => l.msg === 'shutting down')).toHaveLength(1);
    expect(logs.lines.some((l) => l.msg === 'closed')).toBe(true);
    await expect(get(`${server.address}/healthz`)).rejects.toThrow();
  });

  it('without signals: installs no handler', async () => {
    const before = process.listenerCount('SIGINT');
    const server = await startServer(testConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }), { signals: false });
    expect(process.listenerCount('SIGINT')).toBe(before);
    server.stop();
    expect(await server.done).toBe(0);
  });

  it('a port already taken rejects, and leaves no handler behind', async () => {
    const first = await startServer(testConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }), { signals: false });
    const port = Number(new URL(first.address).port);
    const before = process.listenerCount('SIGTERM');
    await expect(startServer(testConfig({ port, host: '127.0.0.1', logLevel: 'silent' }))).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 10));
    expect(process.listenerCount('SIGTERM')).toBe(before);
    first.stop();
    expect(await first.done).toBe(0);
  });
});

describe('startServer waits for the overload guard to settle', () => {
  it('listens only once under-pressure stops reporting pressure, so its first answers are not 503', async () => {
    // the health-check seam stands in for the lag startup itself causes: unhealthy at first, then fine
    let calls = 0;
    const server = await startServer(testConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }), {
      signals: false,
      healthCheck: async () => ++calls > 1,
    });
    expect(calls).toBeGreaterThan(1);
    expect(await get(`${server.address}/readyz`)).toBe(200);
    server.stop();
    expect(await server.done).toBe(0);
  });

  it('listens anyway after SETTLE_MAX_MS when the pressure does not clear', async () => {
    const server = await startServer(testConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }), {
      signals: false,
      healthCheck: async () => false,
    });
    expect(await get(`${server.address}/readyz`)).toBe(503);
    server.stop();
    expect(await server.done).toBe(0);
  });
});
