/**
 * Every real message and every scenario of the corpus goes through the HTTP layer: the answer is
 * 200 and matches the zod response schema field for field (fast-json-stringify would turn a
 * missing required field into a 500; a field the schema lacks would silently vanish).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { ExplanationSchema, ParseResponseSchema, SimulateResponseSchema } from '../../src/http/schemas.js';
import { makeApp } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const errors = readFileSync(`${FIXTURES}real-errors.jsonl`, 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
const scenarios = readdirSync(`${FIXTURES}scenarios`).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${FIXTURES}scenarios/${f}`, 'utf8')) as { id: string; input: Record<string, unknown> });

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, body: unknown) =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });

describe('corpus through HTTP', () => {
  it('has fixtures', () => {
    expect(errors.length).toBeGreaterThan(50);
    expect(scenarios.length).toBeGreaterThan(10);
  });

  it.each(errors.map((e) => [e.id, e] as const))('real error %s: /v1/explain and /v1/parse answer the schema', async (_id, e) => {
    const res = await post('/v1/explain', { message: e.text });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(ExplanationSchema.parse(body)).toEqual(body);
    // Nothing the core produced was dropped by the serializer.
    expect(body).toEqual(JSON.parse(JSON.stringify(explain({ message: e.text }))));
    const parsed = await post('/v1/parse', { message: e.text });
    expect(parsed.statusCode).toBe(200);
    expect(ParseResponseSchema.parse(parsed.json())).toEqual(parsed.json());
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('scenario %s: /v1/explain answers the schema', async (_id, s) => {
    const res = await post('/v1/explain', s.input);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json();
    expect(ExplanationSchema.parse(body)).toEqual(body);
    expect(body.policies).toHaveLength((s.input.policies as unknown[] | undefined)?.length ?? 0);
  });

  it('simulate answers the schema for every scenario with policies', async () => {
    let checked = 0;
    for (const s of scenarios) {
      const policies = s.input.policies as unknown[] | undefined;
      if (!policies?.length) continue;
      const res = await post('/v1/simulate', {
        principal: 'arn:aws:iam::111111111111:role/pipeline-role',
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::222222222222:role/deploy-role',
        missing: 'unknown',
        policies,
      });
      expect(res.statusCode, `${s.id}: ${res.body.slice(0, 300)}`).toBe(200);
      expect(SimulateResponseSchema.parse(res.json())).toEqual(res.json());
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
