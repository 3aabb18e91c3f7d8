import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_MESSAGE, makeApp } from './helpers.js';

let app: FastifyInstance;
let base: string;

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

  it('serves health, docs, the catalog, the OpenAPI document and the form', async () => {
    await request(base).get('/healthz').expect(200, { status: 'ok' });
    await request(base).get('/readyz').expect(200, { status: 'ready' });
    await request(base).get('/v1/causes').expect(200);
    await request(base).get('/openapi.json').expect('content-type', /json/).expect(200);
    await request(base).get('/docs').expect(200);
    await request(base).get('/').expect('content-type', /html/).expect(200);
  });
});
