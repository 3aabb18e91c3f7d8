import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ProblemSchema } from '../../src/http/schemas.js';
import { makeApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ bodyLimit: 1024 * 1024 });
});
afterAll(async () => {
  await app.close();
});

const policy = (document: unknown) => ({ kind: 'identity', document });
const nest = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

interface Case {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  contentType?: string;
  body?: string;
  status: number;
  type: string;
  /** A path that must be among errors[].path. */
  path?: string;
  /** Text the detail must contain. */
  detail?: RegExp;
  limit?: number;
}

const CASES: Case[] = [
  { name: 'bad JSON names line, column and field', url: '/v1/explain', body: '{"message": "a",\n "policies": [ {"document": } ]}', status: 400, type: 'invalid-json', path: 'policies[0].document', detail: /line 2, column 29 \(position 45\)/ },
  { name: 'trailing comma', url: '/v1/explain', body: '{"message": "a",}', status: 400, type: 'invalid-json', detail: /position 16/ },
  { name: 'truncated JSON', url: '/v1/explain', body: '{"message": "a"', status: 400, type: 'invalid-json', detail: /end of the body/ },
  { name: 'empty JSON body', url: '/v1/explain', body: '', status: 400, type: 'invalid-json' },
  { name: 'proto poisoning', url: '/v1/explain', body: '{"message":"a","__proto__":{"x":1}}', status: 400, type: 'forbidden-key', path: '__proto__' },
  { name: 'wrong type names the field', url: '/v1/explain', body: '{"message": 42}', status: 400, type: 'validation-failed', path: 'message', detail: /^message: must be a string: the error text as pasted$/ },
  { name: 'missing message', url: '/v1/explain', body: '{}', status: 400, type: 'validation-failed', path: 'message', detail: /^message: is required: the error text as pasted \(or send it alone as text\/plain\)$/ },
  { name: 'a misspelt message key says it is required', url: '/v1/explain', body: '{"mesage": "AccessDenied"}', status: 400, type: 'validation-failed', path: 'message', detail: /message: is required/ },
  { name: 'empty message', url: '/v1/explain', body: '{"message": ""}', status: 400, type: 'validation-failed', path: 'message' },
  { name: 'empty text/plain body', url: '/v1/explain', contentType: 'text/plain', body: '', status: 400, type: 'validation-failed', path: 'message' },
  { name: 'nested field path', url: '/v1/explain', body: JSON.stringify({ message: 'a', request: { durationSeconds: 'long' } }), status: 400, type: 'validation-failed', path: 'request.durationSeconds' },
  { name: 'bad policy kind', url: '/v1/explain', body: JSON.stringify({ message: 'a', policies: [{ kind: 'nope', document: '{}' }] }), status: 400, type: 'validation-failed', path: 'policies[0].kind' },
  { name: 'message too long', url: '/v1/explain', body: JSON.stringify({ message: 'x'.repeat(100_001) }), status: 413, type: 'limit-exceeded', path: 'message', detail: /100 000/, limit: 100_000 },
  { name: 'message too long as text/plain', url: '/v1/explain', contentType: 'text/plain', body: 'x'.repeat(100_001), status: 413, type: 'limit-exceeded', path: 'message' },
  { name: 'too many policies', url: '/v1/explain', body: JSON.stringify({ message: 'a', policies: Array.from({ length: 21 }, () => policy('{}')) }), status: 413, type: 'limit-exceeded', path: 'policies', detail: /20 policies/, limit: 20 },
  { name: 'policy string too long', url: '/v1/explain', body: JSON.stringify({ message: 'a', policies: [policy('x'.repeat(100_001))] }), status: 413, type: 'limit-exceeded', path: 'policies[0].document' },
  { name: 'policy object too long as JSON', url: '/v1/explain', body: JSON.stringify({ message: 'a', policies: [policy({ Statement: [{ Sid: 'x'.repeat(100_001) }] })] }), status: 413, type: 'limit-exceeded', path: 'policies[0].document', detail: /100 000 characters of JSON/ },
  { name: 'deep JSON', url: '/v1/explain', body: `{"message":"a","context":{"k":${nest(50_000)}}}`, status: 400, type: 'json-too-deep', detail: /32 levels/, limit: 32 },
  { name: 'deep JSON in a policy', url: '/v1/simulate', body: `{"principal":"p","action":"a","resource":"*","policies":[{"document":{"a":${nest(40)}}}]}`, status: 400, type: 'json-too-deep' },
  { name: 'body too large', url: '/v1/explain', body: JSON.stringify({ message: 'x'.repeat(1024 * 1024) }), status: 413, type: 'body-too-large', path: 'body', limit: 1024 * 1024 },
  { name: 'unsupported media type', url: '/v1/explain', contentType: 'application/xml', body: '<message/>', status: 415, type: 'unsupported-media-type', path: 'headers.content-type' },
  { name: 'text/plain on a JSON-only route', url: '/v1/simulate', contentType: 'text/plain', body: 'hello', status: 415, type: 'unsupported-media-type', path: 'headers.content-type' },
  { name: 'form encoding on the API', url: '/v1/explain', contentType: 'application/x-www-form-urlencoded', body: 'message=a', status: 415, type: 'unsupported-media-type' },
  { name: 'unknown route', method: 'GET', url: '/v2/explain', status: 404, type: 'not-found', detail: /GET \/v2\/explain/ },
  { name: 'wrong method (a browser opening the API URL)', method: 'GET', url: '/v1/explain', status: 405, type: 'method-not-allowed', path: 'method', detail: /\/v1\/explain does not take GET; it takes POST/ },
  { name: 'wrong method on a parametric route', method: 'PUT', url: '/v1/causes/nope', body: '{}', status: 405, type: 'method-not-allowed', detail: /takes GET, HEAD/ },
  { name: 'wrong method on the web form', method: 'DELETE', url: '/', status: 405, type: 'method-not-allowed', detail: /takes GET, HEAD, POST/ },
  { name: 'an unknown asset is still not found', method: 'GET', url: '/assets/nope.js', status: 404, type: 'not-found' },
  { name: 'unknown cause', method: 'GET', url: '/v1/causes/nope', status: 404, type: 'unknown-cause', path: 'params.id' },
  { name: 'cause id too long for the router (not quoted back)', method: 'GET', url: `/v1/causes/${'a'.repeat(200)}`, status: 414, type: 'uri-too-long', path: 'url', detail: /^A segment of the URL path is longer than the 100 characters/ },
  { name: 'a policy document that is a number', url: '/v1/explain', body: JSON.stringify({ message: 'a', policies: [policy(42)] }), status: 400, type: 'validation-failed', path: 'policies[0].document', detail: /policies\[0\]\.document: must be a policy object, a list of its statements, or a string holding either, not a number/ },
  { name: 'a policy document that is null', url: '/v1/explain', body: JSON.stringify({ message: 'a', policies: [policy(null)] }), status: 400, type: 'validation-failed', path: 'policies[0].document', detail: /not null/ },
  { name: 'a context value that is an object', url: '/v1/explain', body: JSON.stringify({ message: 'a', context: { 'aws:SourceVpc': { id: 'vpc-1' } } }), status: 400, type: 'validation-failed', path: 'context["aws:SourceVpc"]', detail: /must be a string, number or boolean, or a list of them, not an object/ },
  { name: 'format given twice', url: '/v1/explain?format=markdown&format=text', body: '{"message":"a"}', status: 400, type: 'validation-failed', path: 'query.format', detail: /format is given 2 times; give it once/ },
  { name: 'query too long', url: `/v1/explain?format=${'m'.repeat(50)}`, body: '{"message":"a"}', status: 400, type: 'validation-failed', path: 'query.format' },
];

describe('every error is RFC 9457 problem details', () => {
  it.each(CASES)('$name → $status $type', async (c) => {
    const res = await app.inject({
      method: c.method ?? 'POST',
      url: c.url,
      ...(c.body !== undefined ? { payload: c.body, headers: { 'content-type': c.contentType ?? 'application/json' } } : {}),
    });
    expect(res.statusCode).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = ProblemSchema.parse(res.json());
    expect(problem.status).toBe(c.status);
    expect(problem.type).toBe(`urn:whydenied:problem:${c.type}`);
    expect(problem.title.length).toBeGreaterThan(0);
    expect(problem.detail.length).toBeGreaterThan(0);
    expect(problem.requestId).toBe(res.headers['x-request-id']);
    if (c.path !== undefined) expect(problem.errors.map((e) => e.path)).toContain(c.path);
    if (c.detail) expect(problem.detail).toMatch(c.detail);
    if (c.limit !== undefined) expect(problem.limit).toBe(c.limit);
  });

  it('405 names the methods in Allow; OPTIONS on a known path answers 204 with Allow', async () => {
    const wrong = await app.inject({ method: 'GET', url: '/v1/simulate' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('POST, OPTIONS');
    const options = await app.inject({ method: 'OPTIONS', url: '/v1/causes/some-id' });
    expect(options.statusCode).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(options.body).toBe('');
    const unknown = await app.inject({ method: 'OPTIONS', url: '/v2/nothing' });
    expect(unknown.statusCode).toBe(404);
  });

  it('a 500 shows no internals', async () => {
    // A route that fails the way a bug in the core would, with user text in the message.
    const { buildApp } = await import('../../src/http/app.js');
    const { testConfig } = await import('./helpers.js');
    const app2 = await buildApp(testConfig());
    app2.get('/v1/boom', async () => {
      throw new Error('secret internals at /work/main/src/core/x.ts AKIAIOSFODNN7EXAMPLE');
    });
    await app2.ready();
    const res = await app2.inject({ url: '/v1/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).not.toMatch(/internals|\/work\/|AKIA|\.ts/);
    expect(res.json()).toMatchObject({ status: 500, type: 'urn:whydenied:problem:internal-error' });
    await app2.close();
  });
});
