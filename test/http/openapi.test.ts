import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeApp } from './helpers.js';

const CHECKED_IN = fileURLToPath(new URL('../../openapi/openapi.json', import.meta.url));

describe('OpenAPI document', async () => {
  const app = await makeApp();
  const res = await app.inject({ url: '/openapi.json' });
  await app.close();
  const served = res.body;
  const doc = JSON.parse(served) as {
    openapi: string;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>>;
  };

  /** Follows a `#/components/schemas/X` reference. */
  const deref = (schema: { $ref?: string; properties?: Record<string, unknown> }) =>
    schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]! : schema;

  it('is served at /openapi.json', () => {
    expect(res.statusCode).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('matches openapi/openapi.json byte for byte (run `npm run openapi` after changing a schema)', () => {
    expect(served).toBe(readFileSync(CHECKED_IN, 'utf8'));
  });

  it('describes every route of api.md', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/healthz', '/openapi.json', '/readyz', '/v1/causes', '/v1/causes/{id}', '/v1/explain', '/v1/explain/batch', '/v1/parse', '/v1/simulate'],
    );
  });

  it.each([
    ['/v1/explain', 'post', ['parsed', 'causes', 'firstSteps', 'policies', 'warnings', 'otherErrors', 'inferred', 'evaluation', 'evaluated']],
    ['/v1/parse', 'post', ['parsed', 'otherErrors', 'warnings']],
    ['/v1/simulate', 'post', ['decision', 'policies', 'missingContext']],
    ['/v1/causes', 'get', ['causes']],
    ['/v1/explain/batch', 'post', ['results']],
  ])('shows the response schema of %s', (path, method, fields) => {
    const ok = doc.paths[path]![method]!.responses['200']!;
    const props = deref(ok.content!['application/json']!.schema).properties!;
    expect(Object.keys(props).sort()).toEqual([...fields].sort());
  });

  it('shows problem details for errors and both body types of /v1/explain', () => {
    const explain = doc.paths['/v1/explain']!.post!;
    expect(Object.keys(explain.requestBody!.content).sort()).toEqual(['application/json', 'text/plain']);
    for (const code of ['400', '413', '415', '429']) {
      const props = deref(explain.responses[code]!.content!['application/problem+json']!.schema).properties!;
      expect(Object.keys(props)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors']));
    }
    expect(Object.keys(explain.responses['200']!.content!).sort()).toEqual(['application/json', 'text/markdown', 'text/plain']);
  });

  it('names the shared response types as components, and leaves no unresolved reference', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Explanation', 'ParsedError', 'RankedCause', 'Problem']));
    for (const m of served.matchAll(/"\$ref": "([^"]{1,200})"/g)) {
      expect(m[1]).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[m[1]!.replace('#/components/schemas/', '')], m[1]).toBeDefined();
    }
  });

  it('shows every field of parsed', () => {
    const response = deref(doc.paths['/v1/parse']!.post!.responses['200']!.content!['application/json']!.schema);
    const parsed = deref(response.properties!.parsed as { $ref?: string }).properties!;
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining([
      'recognized', 'source', 'errorCode', 'operation', 'action', 'caller', 'target', 'crossAccount', 'deny',
      'requestId', 'region', 'encodedMessage', 'redactions',
    ]));
  });
});
