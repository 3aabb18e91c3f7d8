import { connect, type AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { clientErrorHandler } from '../../src/http/plugins/problem.js';
import request from 'supertest';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_MESSAGE, makeApp } from './helpers.js';

let app: FastifyInstance;
let base: string;

/** Sends raw bytes and resolves with everything the server wrote before closing. */
function raw(bytes: string): Promise<string> {
  const port = (app.server.address() as AddressInfo).port;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let out = '';
    socket.on('data', (d) => { out += d.toString(); });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

function problemOf(response: string): { status: number; type: string; contentType: string } {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  const contentType = /content-type: ([^\r\n]*)/i.exec(head)?.[1] ?? '';
  return { status: Number(head.split(' ')[1]), contentType, type: (JSON.parse(body) as { type: string }).type };
}

beforeAll(async () => {
  app = await makeApp({ rateLimitMax: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
});

describe('a real listening server', () => {
  it('explains over HTTP with JSON', async () => {
    const res = await request(base).post('/v1/explain').send({ message: ARTICLE_MESSAGE }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.parsed).toBeDefined();
    expect(res.headers['x-request-id']).toBeDefined();
    expect(res.headers['x-ratelimit-limit']).toBe('1000');
    // the answer holds characters past ASCII (…, —, →): content-length counts UTF-8 bytes
    expect(res.text).toMatch(/[^\x00-\x7f]/);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
  });

  it('takes a raw text body as curl --data-binary sends it, and answers Markdown', async () => {
    const res = await request(base)
      .post('/v1/explain')
      .set('content-type', 'text/plain')
      .set('accept', 'text/markdown')
      .send(ARTICLE_MESSAGE)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/);
    expect(res.text.length).toBeGreaterThan(0);
  });

  it('answers problem details over the wire', async () => {
    const bad = await request(base).post('/v1/explain').set('content-type', 'application/json').send('{"message":').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(bad.text).type).toBe('urn:whydenied:problem:invalid-json');
    const big = await request(base).post('/v1/explain').set('content-type', 'text/plain').send('x'.repeat(2 * 1024 * 1024));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).type).toBe('urn:whydenied:problem:body-too-large');
  });

  it('answers what Node refuses before routing as problem details too: 431 for huge headers, 400 for broken HTTP', async () => {
    const big = problemOf(await raw(`GET /healthz?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(big).toEqual({ status: 431, type: 'urn:whydenied:problem:headers-too-large', contentType: 'application/problem+json; charset=utf-8' });
    const broken = problemOf(await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
    expect(broken).toEqual({ status: 400, type: 'urn:whydenied:problem:bad-request', contentType: 'application/problem+json; charset=utf-8' });
    await request(base).get('/healthz').expect(200);
  });

  it('a request that does not arrive in time is answered 408 problem details (the writer, without waiting 30 s)', () => {
    const socket = new PassThrough();
    let written = '';
    socket.on('data', (d: Buffer) => { written += d.toString(); });
    const err = Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    clientErrorHandler(err, socket);
    expect(problemOf(written)).toEqual({ status: 408, type: 'urn:whydenied:problem:request-timeout', contentType: 'application/problem+json; charset=utf-8' });
    expect(written).toMatch(/content-length: \d+/i);
    expect(socket.destroyed).toBe(true);
  });

  it('serves health, docs, the catalog, the OpenAPI document and the form', async () => {
    await request(base).get('/healthz').expect(200, { status: 'ok' });
    await request(base).get('/readyz').expect(200, { status: 'ready' });
    await request(base).get('/v1/causes').expect(200);
    await request(base).get('/openapi.json').expect('content-type', /json/).expect(200);
    await request(base).get('/docs').expect(200);
    await request(base).get('/').expect('content-type', /html/).expect(200);
  });
});
