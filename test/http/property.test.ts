/**
 * Hostile and random requests never produce a 500 or a non-problem error: any body, any content
 * type, any path, mutated valid requests.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_MESSAGE, TRUST_POLICY, makeApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await app.close();
});

const VALID = JSON.stringify({
  message: ARTICLE_MESSAGE,
  policies: [{ kind: 'trust', name: 'trust', document: TRUST_POLICY }, { document: JSON.stringify(TRUST_POLICY) }],
  request: { externalId: 'abc', durationSeconds: 7200, mfa: true, sessionTags: { team: 'a' } },
  context: { 'aws:PrincipalOrgID': 'o-abc123def4', list: ['a', 1, true] },
});

const mutate = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 8 })).map(([at, cut, insert]) => {
  const i = at % VALID.length;
  return VALID.slice(0, i) + insert + VALID.slice(i + cut);
});

const body = fc.oneof(fc.string({ maxLength: 2000 }), fc.json({ maxDepth: 6 }), mutate, fc.constant(VALID));
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', '', 'multipart/form-data; boundary=x');
const route = fc.constantFrom('/v1/explain', '/v1/explain?format=markdown', '/v1/explain?format=text', '/v1/parse', '/v1/simulate', '/v1/causes/x', '/nope');

async function check(method: 'GET' | 'POST', url: string, payload: string | undefined, ct: string): Promise<void> {
  const res = await app.inject({ method, url, ...(payload !== undefined ? { payload } : {}), headers: ct ? { 'content-type': ct } : {} });
  expect(res.statusCode, `${method} ${url} ${ct} ${payload?.slice(0, 200)}`).toBeLessThan(500);
  // The web form (/ and /assets/) answers its errors in HTML for browsers; everything else is the API.
  // (dot segments resolve as a URL does: `/.` is the form's `/`).
  const path = new URL('http://localhost' + url).pathname;
  const webForm = path === '/' || path.startsWith('/assets/');
  if (res.statusCode >= 400 && !webForm) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const p = res.json();
    expect(p.status).toBe(res.statusCode);
    expect(Array.isArray(p.errors)).toBe(true);
  }
}

describe('random requests', () => {
  it('never answer 5xx, and every error is problem details', async () => {
    await fc.assert(
      fc.asyncProperty(route, body, contentType, async (url, payload, ct) => check('POST', url, payload, ct)),
      { numRuns: 400 },
    );
  });

  it('any path, any method', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET' as const, 'POST' as const), fc.webPath(), async (method, path) =>
        check(method, path || '/', undefined, ''),
      ),
      { numRuns: 200 },
    );
  });
});
