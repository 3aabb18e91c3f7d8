import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import webForm from '../../src/http/web/index.js';
import { readForm } from '../../src/http/web/form.js';
import { HOSTILE } from './sample.js';

const FORM = 'application/x-www-form-urlencoded';
const MESSAGE = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:role/pipeline-role is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy-role';

function form(fields: Array<[string, string]>): string {
  return new URLSearchParams(fields).toString();
}

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify({ logger: false });
  await app.register(webForm);
  await app.ready();
});
afterAll(async () => { await app.close(); });

describe('GET /', () => {
  it('serves the form as HTML that is not cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<form id="explain-form"');
    expect(res.body).toContain('method="post" action="/#answer"');
  });
});

describe('GET /?example=1', () => {
  it('fills the form with an example to try', async () => {
    const res = await app.inject({ method: 'GET', url: '/?example=1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('assumed-role/pipeline-role/ci-42 is not authorized to perform: sts:AssumeRole');
    expect(res.body).toContain('<option value="trust" selected>');
    const plain = await app.inject({ method: 'GET', url: '/' });
    expect(plain.body).not.toContain('ci-42');
    expect(plain.body).toContain('<a href="/?example=1" class="example-link">Try an example</a>');
  });
});

describe('POST /', () => {
  it('answers a plain form submit with the whole page, keeping the input', async () => {
    const res = await app.inject({
      method: 'POST', url: '/', headers: { 'content-type': FORM },
      payload: form([['message', MESSAGE], ['policyKind', 'trust'], ['policyDocument', '{"Statement":[]}'], ['policyKind', 'detect'], ['policyDocument', '']]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<!doctype html>/);
    expect(res.body).toContain('<h2 id="answer-h" class="answer-title" tabindex="-1">Answer</h2>');
    expect(res.body).toContain('<option value="trust" selected>');
    expect(res.body).toContain('{&quot;Statement&quot;:[]}</textarea>');
  });

  it('answers with the fragment only when asked by the script', async () => {
    const res = await app.inject({
      method: 'POST', url: '/', headers: { 'content-type': FORM, 'x-fragment': '1', accept: 'text/html' }, payload: form([['message', MESSAGE]]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<div class="answer-body">/);
    expect(res.body).not.toContain('<html');
  });

  it('keeps a hostile message as text', async () => {
    const res = await app.inject({ method: 'POST', url: '/', headers: { 'content-type': FORM }, payload: form([['message', HOSTILE]]) });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>');
  });

  const bad: Array<[string, Array<[string, string]>, string]> = [
    ['an empty message', [['message', '  ']], 'Paste the error message'],
    ['a message that is too long', [['message', 'x'.repeat(100_001)]], 'at most 100000 are read'],
    ['an unknown policy kind', [['message', MESSAGE], ['policyKind', 'nonsense'], ['policyDocument', '{}']], 'Policy 1 has an unknown kind'],
    ['a bad duration', [['message', MESSAGE], ['durationSeconds', '-5']], 'The duration must be a whole number'],
    ['an external id said passed but empty', [['message', MESSAGE], ['externalIdPassed', 'yes']], 'type its value'],
    ['a condition line without =', [['message', MESSAGE], ['context', 'aws:PrincipalOrgID']], 'Condition keys, line 1'],
  ];
  it.each(bad)('rejects %s with a 400 page naming the problem', async (_name, fields, text) => {
    for (const fragment of [false, true]) {
      const res = await app.inject({ method: 'POST', url: '/', headers: { 'content-type': FORM, ...(fragment ? { 'x-fragment': '1' } : {}) }, payload: form(fields) });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain(text);
      expect(res.body.startsWith('<!doctype html>')).toBe(!fragment);
    }
  });
});

describe('errors answer in HTML, since a browser asked', () => {
  let small: FastifyInstance;
  beforeAll(async () => {
    small = Fastify({ logger: false, bodyLimit: 2048 });
    await small.register(webForm);
    await small.ready();
  });
  afterAll(async () => { await small.close(); });

  const cases: Array<[string, string, string, number, string]> = [
    ['too large', FORM, form([['message', 'x'.repeat(5000)]]), 413, 'larger than this service accepts'],
    ['an unknown media type', 'application/xml', '<message/>', 415, 'a format this page does not read'],
  ];
  it.each(cases)('%s', async (_name, type, payload, status, text) => {
    for (const fragment of [false, true]) {
      const res = await small.inject({ method: 'POST', url: '/', headers: { 'content-type': type, ...(fragment ? { 'x-fragment': '1' } : {}) }, payload });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain(text);
      expect(res.body.startsWith('<!doctype html>')).toBe(!fragment);
    }
  });
});

describe('readForm', () => {
  it('turns the fields into the api.md request', () => {
    const r = readForm({
      message: 'm\r\nline', policyKind: ['trust', 'detect', 'scp'], policyDocument: ['{"a":1}', '   ', '{"b":2}'],
      externalIdPassed: 'no', externalId: '', durationSeconds: '7200', roleSessionName: ' ci-42 ', chained: 'yes', mfa: 'no',
      context: 'aws:PrincipalOrgID = o-abc123def4\n\n# comment\nk=v=w',
    });
    expect(r.errors).toEqual([]);
    expect(r.input).toEqual({
      message: 'm\nline',
      policies: [{ kind: 'trust', document: '{"a":1}' }, { kind: 'scp', document: '{"b":2}' }],
      request: { externalId: null, durationSeconds: 7200, roleSessionName: 'ci-42', chained: true, mfa: false },
      context: { 'aws:PrincipalOrgID': 'o-abc123def4', k: 'v=w' },
    });
  });

  it('treats a typed external id as passed, and a detected kind as no kind', () => {
    const r = readForm({ message: 'm', externalId: 'abc', policyKind: 'detect', policyDocument: '{}' });
    expect(r.input?.request).toEqual({ externalId: 'abc' });
    expect(r.input?.policies).toEqual([{ document: '{}' }]);
    expect(r.values.externalIdPassed).toBe('yes');
  });

  it('says so when a condition key is __proto__ instead of dropping it without a word', () => {
    const r = readForm({ message: 'm', context: 'aws:PrincipalOrgID=o-1\n__proto__=x\nconstructor=y' });
    expect(r.input).toBeNull();
    expect(r.errors).toEqual(['Condition keys, line 2: __proto__ is not a condition key.']);
  });

  it('never throws on odd bodies', () => {
    for (const body of [null, undefined, 'text', 42, [], { message: ['a', 'b'] }, { message: { x: 1 } }]) {
      expect(() => readForm(body)).not.toThrow();
    }
    expect(readForm({ message: ['first', 'second'] }).input?.message).toBe('first');
  });
});

describe('assets', () => {
  const cases: Array<[string, string, string]> = [
    ['/assets/app.js', 'text/javascript; charset=utf-8', "document.getElementById('explain-form')"],
    ['/assets/app.css', 'text/css; charset=utf-8', '.skip-link'],
    ['/assets/favicon.svg', 'image/svg+xml', '<svg'],
  ];
  it.each(cases)('serves %s with a validator', async (url, type, needle) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body).toContain(needle);
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('knows no other asset', async () => {
    for (const url of ['/assets/nope.js', '/assets/__proto__', '/assets/constructor']) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });

  it('ships script that parses', () => {
    // The script is a string in a TS module: make sure it is valid JavaScript.
    return import('../../src/http/web/assets/app-js.js').then(({ APP_JS }) => {
      expect(() => new Function(APP_JS)).not.toThrow();
    });
  });
});
