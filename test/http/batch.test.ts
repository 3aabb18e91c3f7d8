import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_MESSAGE, TRUST_POLICY, makeApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => { app = await makeApp(); });
afterAll(async () => { await app.close(); });

const post = (payload: unknown) =>
  app.inject({ method: 'POST', url: '/v1/explain/batch', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

describe('POST /v1/explain/batch', () => {
  it('answers each item in order; a bad item becomes an error record in its place', async () => {
    const res = await post({ items: [
      { message: ARTICLE_MESSAGE, policies: [{ kind: 'trust', document: TRUST_POLICY }] },
      { message: '' },
      { policies: [] },
      { message: 'no aws error in here' },
    ] });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3]);
    expect(results[0].answer.parsed.target.arn).toBe('arn:aws:iam::222222222222:role/deploy-role');
    expect(results[0].answer.causes[0].id).toBe('trust-principal-user-vs-role');
    expect(results[0].error).toBeUndefined();
    expect(results[1].error).toMatchObject({ status: 400, errors: [{ path: 'message' }] });
    expect(results[2].error.errors.map((e: { path: string }) => e.path)).toContain('message');
    expect(results[3].answer.parsed.recognized).toBe(false);
  });

  it('refuses more than 100 items, an empty list and a body that is not {items}, as problem details', async () => {
    const cases: Array<[unknown, number]> = [
      [{ items: Array.from({ length: 101 }, () => ({ message: 'x' })) }, 413], // a limit, named as such
      [{ items: [] }, 400],
      [[{ message: 'x' }], 400],
    ];
    for (const [payload, status] of cases) {
      const res = await post(payload);
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
  });
});
