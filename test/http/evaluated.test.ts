/** POST /v1/explain and the web form carry Explanation.evaluated (what whydenied checked) in every format. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeApp, ARTICLE_MESSAGE } from './helpers.js';

const LAMBDA_ECR = 'Error: creating Lambda Function (orders-api): operation error Lambda: CreateFunction, https response error StatusCode: 403, '
  + 'RequestID: 0f9c2a1e-1111-2222-3333-444455556666, AccessDeniedException: Lambda does not have permission to access the ECR image. Check the ECR permissions.';

let app: FastifyInstance;
beforeAll(async () => { app = await makeApp(); });
afterAll(async () => { await app.close(); });

const post = (url: string, message: string) =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ message }) });

describe('evaluated over HTTP', () => {
  it('JSON answers carry it for a service\'s onward call, and not for AssumeRole', async () => {
    const res = await post('/v1/explain', LAMBDA_ECR);
    expect(res.statusCode).toBe(200);
    expect(res.json().evaluated).toMatchObject({ kind: 'service-call', action: 'ecr:BatchGetImage', caller: 'lambda.amazonaws.com' });
    expect(res.json().parsed.action).toBeNull();
    const plain = await post('/v1/explain', ARTICLE_MESSAGE);
    expect(Object.keys(plain.json())).not.toContain('evaluated');
  });

  it.each([
    ['markdown', '**What whydenied checked:** Lambda pulls the image from ECR on your behalf'],
    ['text', 'What whydenied checked: Lambda pulls the image from ECR on your behalf'],
  ])('?format=%s shows it', async (format, line) => {
    const res = await post(`/v1/explain?format=${format}`, LAMBDA_ECR);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(line);
  });

  it('the web form shows it under the parsed fields', async () => {
    const res = await app.inject({
      method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ message: LAMBDA_ECR }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<p class="checked"><strong>What whydenied checked:</strong> Lambda pulls the image from ECR on your behalf');
  });
});
