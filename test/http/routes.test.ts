import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  CauseListSchema, CauseSummarySchema, ExplanationSchema, ParseResponseSchema, SimulateResponseSchema,
} from '../../src/http/schemas.js';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import type { Explanation } from '../../src/core/types.js';
import { chooseFormat } from '../../src/http/routes/explain.js';
import { ARTICLE_MESSAGE, TRUST_POLICY, makeApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST', url, headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /v1/explain', () => {
  it('answers JSON that matches the response schema exactly', async () => {
    const res = await post('/v1/explain', {
      message: ARTICLE_MESSAGE,
      policies: [{ kind: 'trust', name: 'deploy-role trust', document: TRUST_POLICY }],
      request: { externalId: null, mfa: false, chained: true },
      context: { 'aws:PrincipalOrgID': 'o-abc123def4' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    // strict() on every level would be noisy; instead compare the parsed copy with the raw body.
    const parsed = ExplanationSchema.parse(body);
    expect(parsed).toEqual(body);
    expect(body.policies).toHaveLength(1);
    expect(body.policies[0].name).toBe('deploy-role trust');
    expect(Array.isArray(body.firstSteps)).toBe(true);
  });

  it('takes a text/plain body as the whole message', async () => {
    const asText = await app.inject({
      method: 'POST', url: '/v1/explain', headers: { 'content-type': 'text/plain' }, payload: ARTICLE_MESSAGE,
    });
    const asJson = await post('/v1/explain', { message: ARTICLE_MESSAGE });
    expect(asText.statusCode).toBe(200);
    expect(asText.json()).toEqual(asJson.json());
  });

  it.each([
    { name: 'Accept: text/markdown', url: '/v1/explain', accept: 'text/markdown', type: /^text\/markdown/ },
    { name: '?format=markdown', url: '/v1/explain?format=markdown', accept: undefined, type: /^text\/markdown/ },
    { name: '?format=text', url: '/v1/explain?format=text', accept: undefined, type: /^text\/plain/ },
    { name: '?format=json beats Accept', url: '/v1/explain?format=json', accept: 'text/markdown', type: /^application\/json/ },
    { name: 'Accept: */*', url: '/v1/explain', accept: '*/*', type: /^application\/json/ },
  ])('answers in the format asked for: $name', async ({ url, accept, type }) => {
    const res = await post(url, { message: ARTICLE_MESSAGE }, accept ? { accept } : {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers.vary).toMatch(/accept/i);
    expect(res.body.length).toBeGreaterThan(0);
    if (!type.source.includes('json')) expect(() => JSON.parse(res.body)).toThrow();
  });

  it.each([
    { format: 'json', render: (x: Explanation) => JSON.stringify(x) },
    { format: 'markdown', render: renderMarkdown },
    { format: 'text', render: renderText },
  ])('sends the $format answer as its exact UTF-8 bytes with a matching content-length', async ({ format, render }) => {
    // a lone surrogate in the pasted ARN: Markdown and text echo it (ICU refuses it, Buffer.from
    // writes U+FFFD), JSON escapes it; every answer holds characters past ASCII (…, —, →)
    const input = { message: 'User: arn:aws:iam::111111111111:user/b\ud800ob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::logs/k' };
    const res = await post(`/v1/explain?format=${format}`, input);
    expect(res.statusCode).toBe(200);
    const answer = render(explain(input));
    expect(answer).toMatch(/[^\x00-\x7f]/);
    if (format !== 'json') expect(answer).toContain('\ud800');
    const expected = Buffer.from(answer, 'utf8');
    expect(res.rawPayload.equals(expected)).toBe(true);
    expect(res.headers['content-length']).toBe(String(expected.length));
  });

  it('reads a policy document given as a bare list of statements, as it does the same list in a string', async () => {
    const asArray = await post('/v1/explain', { message: ARTICLE_MESSAGE, policies: [{ kind: 'trust', document: TRUST_POLICY.Statement }] });
    const asString = await post('/v1/explain', { message: ARTICLE_MESSAGE, policies: [{ kind: 'trust', document: JSON.stringify(TRUST_POLICY.Statement) }] });
    expect(asArray.statusCode, asArray.body).toBe(200);
    expect(asArray.json().policies[0].issues.map((i: { code: string }) => i.code)).toContain('statement-list-only');
    expect(asArray.json().causes).toEqual(asString.json().causes);
    expect(asArray.json().policies).toEqual(asString.json().policies);
  });

  it('rejects an unknown format with 400 naming query.format', async () => {
    const res = await post('/v1/explain?format=pdf', { message: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('query.format');
  });
});

describe('chooseFormat', () => {
  it.each([
    [undefined, undefined, 'json'],
    ['text', 'text/markdown', 'text'],
    [undefined, 'text/markdown', 'markdown'],
    [undefined, 'text/plain', 'text'],
    [undefined, 'text/markdown;q=0.5, application/json', 'json'],
    [undefined, 'application/json;q=0.2, text/markdown;q=0.9', 'markdown'],
    [undefined, 'image/png', 'json'],
    [undefined, 'text/markdown;q=0', 'json'],
  ] as const)('query %s, Accept %s → %s', (query, accept, expected) => {
    expect(chooseFormat(query, accept)).toBe(expected);
  });
});

describe('POST /v1/parse', () => {
  it('answers parsed, otherErrors and warnings', async () => {
    const res = await post('/v1/parse', { message: ARTICLE_MESSAGE });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['otherErrors', 'parsed', 'warnings']);
    expect(ParseResponseSchema.parse(body)).toEqual(body);
  });

  it('takes text/plain too', async () => {
    const res = await app.inject({
      method: 'POST', url: '/v1/parse', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: ARTICLE_MESSAGE,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().parsed).toEqual((await post('/v1/parse', { message: ARTICLE_MESSAGE })).json().parsed);
  });
});

describe('POST /v1/simulate', () => {
  it('answers decision, policies and missingContext', async () => {
    const res = await post('/v1/simulate', {
      principal: 'arn:aws:iam::111111111111:role/pipeline-role',
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::222222222222:role/deploy-role',
      context: { 'sts:ExternalId': 'abc' },
      missing: 'unknown',
      policies: [{ kind: 'trust', name: 'trust', document: JSON.stringify(TRUST_POLICY) }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(SimulateResponseSchema.parse(body)).toEqual(body);
    expect(body.policies).toHaveLength(1);
    expect(['allow', 'explicit-deny', 'implicit-deny', 'unknown']).toContain(body.decision);
  });

  it.each([
    { name: 'no principal', body: { action: 'sts:AssumeRole', resource: '*', policies: [] }, path: 'principal' },
    { name: 'bad resourceAccount', body: { principal: 'p', action: 'a', resource: '*', resourceAccount: '12', policies: [] }, path: 'resourceAccount' },
    { name: 'bad missing', body: { principal: 'p', action: 'a', resource: '*', missing: 'maybe', policies: [] }, path: 'missing' },
    { name: 'bad policy kind', body: { principal: 'p', action: 'a', resource: '*', policies: [{ kind: 'x', document: '{}' }] }, path: 'policies[0].kind' },
  ])('names the field on a schema error: $name', async ({ body, path }) => {
    const res = await post('/v1/simulate', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe('GET /v1/causes', () => {
  it('lists the catalog, and each cause by id', async () => {
    const res = await app.inject({ url: '/v1/causes' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = CauseListSchema.parse(res.json());
    expect(body).toEqual(res.json());
    for (const cause of body.causes.slice(0, 5)) {
      const one = await app.inject({ url: `/v1/causes/${encodeURIComponent(cause.id)}` });
      expect(one.statusCode).toBe(200);
      expect(CauseSummarySchema.parse(one.json())).toEqual(cause);
    }
  });

  it('answers 404 problem details for an unknown id', async () => {
    const res = await app.inject({ url: '/v1/causes/no-such-cause' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, type: 'urn:whydenied:problem:unknown-cause' });
    expect(res.json().detail).toContain('no-such-cause');
  });
});

describe('health', () => {
  it.each(['/healthz', '/readyz'])('%s answers 200', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(['ok', 'ready']).toContain(res.json().status);
  });

  it('/readyz answers 503 problem details once shutting down, /healthz stays 200', async () => {
    const other = await makeApp();
    other.lifecycle.shuttingDown = true;
    const ready = await other.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBeDefined();
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await other.inject({ url: '/healthz' })).statusCode).toBe(200);
    await other.close();
  });

  it('once closing, new requests get 503 problem details with Connection: close', async () => {
    const other = await makeApp();
    other.lifecycle.closing = true;
    const res = await other.inject({ method: 'POST', url: '/v1/parse', headers: { 'content-type': 'application/json' }, payload: '{"message":"x"}' });
    expect(res.statusCode).toBe(503);
    expect(res.headers.connection).toBe('close');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ status: 503, type: 'urn:whydenied:problem:shutting-down' });
    other.lifecycle.closing = false;
    await other.close();
  });

  it('under pressure: API routes and /readyz answer 503 with Retry-After, /healthz 200', async () => {
    const other = await makeApp({}, { healthCheck: async () => false });
    const api = await other.inject({ method: 'POST', url: '/v1/parse', headers: { 'content-type': 'application/json' }, payload: '{"message":"x"}' });
    expect(api.statusCode).toBe(503);
    expect(api.headers['retry-after']).toBe('10');
    expect(api.json()).toMatchObject({ status: 503, type: 'urn:whydenied:problem:overloaded' });
    expect((await other.inject({ url: '/readyz' })).statusCode).toBe(503);
    expect((await other.inject({ url: '/healthz' })).statusCode).toBe(200);
    await other.close();
  });
});

describe('every answer carries x-request-id', () => {
  it('keeps a plain caller id and replaces a hostile one', async () => {
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await app.inject({ url: '/nope', headers: { 'x-request-id': 'evil\nid {"level":60}' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.json().requestId).toBe(replaced.headers['x-request-id']);
  });
});

describe('web form and docs are served', () => {
  it('GET / is HTML', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('GET /docs serves swagger-ui and its static files (on this Node version)', async () => {
    const page = await app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    const srcs = [...page.body.matchAll(/(?:src|href)="(\/docs\/static\/[^"]{1,200})"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) {
      const asset = await app.inject({ url: src });
      expect(asset.statusCode, src).toBe(200);
    }
    const init = await app.inject({ url: '/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    expect(init.body).toContain('/openapi.json');
  });
});
