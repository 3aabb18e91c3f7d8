import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ARTICLE_MESSAGE, makeApp } from './helpers.js';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PASTED = `$ env | grep AWS_\nAWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n${ARTICLE_MESSAGE}`;

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(async () => {
  await app.close();
});

describe('pasted credentials', () => {
  it.each(['/v1/explain', '/v1/explain?format=markdown', '/v1/explain?format=text', '/v1/parse'])(
    'are never echoed by %s, which warns secret-redacted and is not cacheable',
    async (url) => {
      const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'text/plain' }, payload: PASTED });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(KEY_ID);
      expect(res.body).not.toContain(SECRET);
      expect(res.body).toContain('secret-redacted');
      expect(res.headers['cache-control']).toBe('no-store');
    },
  );
});
