/**
 * Bodies as clients really send them: byte order marks, UTF-16 from Windows tools (with and
 * without a charset), other charsets, compressed bodies, duplicate and forbidden keys, no body.
 * Before these were handled, a UTF-16 text/plain body answered 200 "not recognized" and a UTF-16
 * or gzip JSON body answered "not valid JSON at column 1".
 */
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../src/http/schemas.js';
import { ARTICLE_MESSAGE, makeApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  // no overload guard: a busy test machine must not turn these answers into 503s
  app = await makeApp({ maxEventLoopDelayMs: 0 });
});
afterAll(async () => {
  await app.close();
});

const json = JSON.stringify({ message: ARTICLE_MESSAGE });
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

const READ: Array<{ name: string; contentType: string; body: Buffer }> = [
  { name: 'JSON with a UTF-8 BOM', contentType: 'application/json', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]) },
  { name: 'text with a UTF-8 BOM', contentType: 'text/plain', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE_MESSAGE)]) },
  { name: 'JSON in UTF-16LE, no charset', contentType: 'application/json', body: Buffer.from(json, 'utf16le') },
  { name: 'JSON in UTF-16LE with its BOM', contentType: 'application/json', body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]) },
  { name: 'JSON in UTF-16BE, charset=utf-16be', contentType: 'application/json; charset=utf-16be', body: utf16be(json) },
  { name: 'text in UTF-16LE, no charset (PowerShell 5 Out-File without its BOM)', contentType: 'text/plain', body: Buffer.from(ARTICLE_MESSAGE, 'utf16le') },
  { name: 'text in UTF-16LE, charset="UTF-16LE"', contentType: 'text/plain; charset="UTF-16LE"', body: Buffer.from(ARTICLE_MESSAGE, 'utf16le') },
  { name: 'text in UTF-16BE with its BOM, charset=utf-16', contentType: 'text/plain; charset=utf-16', body: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ARTICLE_MESSAGE)]) },
  { name: 'JSON in latin1', contentType: 'application/json; charset=latin1', body: Buffer.from(json, 'latin1') },
];

describe('bodies are read in the encoding the client sent', () => {
  it.each(READ)('$name', async ({ contentType, body }) => {
    const res = await app.inject({ method: 'POST', url: '/v1/parse', headers: { 'content-type': contentType }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const parsed = res.json().parsed;
    expect(parsed.recognized).toBe(true);
    expect(parsed.caller.arn).toBe('arn:aws:iam::111111111111:role/pipeline-role');
    expect(parsed.target.arn).toBe('arn:aws:iam::222222222222:role/deploy-role');
  });

  it('keeps latin1 letters that are not ASCII', async () => {
    const body = Buffer.from(JSON.stringify({ message: `${ARTICLE_MESSAGE} (café)` }), 'latin1');
    const res = await app.inject({ method: 'POST', url: '/v1/explain?format=text', headers: { 'content-type': 'application/json; charset=iso-8859-1' }, payload: body });
    expect(res.statusCode).toBe(200);
  });
});

interface Refused {
  name: string;
  url?: string;
  headers: Record<string, string>;
  body: Buffer | string;
  status: number;
  type: string;
  path: string;
  detail: RegExp;
}

const REFUSED: Refused[] = [
  { name: 'an unknown charset', headers: { 'content-type': 'text/plain; charset=bogus-8' }, body: ARTICLE_MESSAGE, status: 415, type: 'unsupported-charset', path: 'headers.content-type', detail: /"bogus-8"/ },
  { name: 'a gzip body', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(json), status: 415, type: 'unsupported-content-encoding', path: 'headers.content-encoding', detail: /"gzip".*uncompressed/ },
  { name: 'a br body as text', headers: { 'content-type': 'text/plain', 'content-encoding': 'br' }, body: Buffer.from([0x0b, 0x02, 0x80]), status: 415, type: 'unsupported-content-encoding', path: 'headers.content-encoding', detail: /"br"/ },
  { name: 'deflate after identity', headers: { 'content-type': 'application/json', 'content-encoding': 'identity, deflate' }, body: json, status: 415, type: 'unsupported-content-encoding', path: 'headers.content-encoding', detail: /"deflate"/ },
  { name: 'a duplicate message key', headers: { 'content-type': 'application/json' }, body: `{"message":${JSON.stringify(ARTICLE_MESSAGE)},"message":"hello"}`, status: 400, type: 'duplicate-key', path: 'body', detail: /"message" appears twice at the top level/ },
  { name: 'a duplicate key in a pasted policy', headers: { 'content-type': 'application/json' }, body: `{"message":"m","policies":[{"document":{"Statement":[{"Condition":{"StringEquals":{"sts:ExternalId":"a","sts:ExternalId":"b"}}}]}}]}`, status: 400, type: 'duplicate-key', path: 'policies[0].document.Statement[0].Condition.StringEquals', detail: /"sts:ExternalId" appears twice in policies\[0\]/ },
  { name: '__proto__ at the top', headers: { 'content-type': 'application/json' }, body: '{"message":"a","__proto__":{"x":1}}', status: 400, type: 'forbidden-key', path: '__proto__', detail: /"__proto__" at the top level/ },
  { name: '__proto__ in context', headers: { 'content-type': 'application/json' }, body: '{"message":"a","context":{"__proto__":"x"}}', status: 400, type: 'forbidden-key', path: 'context.__proto__', detail: /in context/ },
  { name: '__proto__ in sessionTags', headers: { 'content-type': 'application/json' }, body: '{"message":"a","request":{"sessionTags":{"__proto__":"x"}}}', status: 400, type: 'forbidden-key', path: 'request.sessionTags.__proto__', detail: /in request\.sessionTags/ },
  { name: 'constructor.prototype in a pasted Condition', headers: { 'content-type': 'application/json' }, body: '{"message":"a","policies":[{"document":{"Statement":[{"Condition":{"constructor":{"prototype":"x"}}}]}}]}', status: 400, type: 'forbidden-key', path: 'policies[0].document.Statement[0].Condition.constructor.prototype', detail: /"constructor\.prototype" in policies\[0\]\.document\.Statement\[0\]\.Condition;/ },
  { name: 'no body and no Content-Type', headers: {}, body: '', status: 400, type: 'empty-body', path: 'body', detail: /no body.*text\/plain/ },
  { name: 'no body on a JSON-only route', url: '/v1/simulate', headers: {}, body: '', status: 400, type: 'empty-body', path: 'body', detail: /Send application\/json\.$/ },
];

describe('bodies that cannot be read are refused with a specific problem', () => {
  it.each(REFUSED)('$name → $status $type', async (c) => {
    const res = await app.inject({ method: 'POST', url: c.url ?? '/v1/explain', headers: c.headers, payload: c.body });
    expect(res.statusCode, res.body).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = ProblemSchema.parse(res.json());
    expect(problem.type).toBe(`urn:whydenied:problem:${c.type}`);
    expect(problem.errors.map((e) => e.path)).toContain(c.path);
    expect(problem.detail).toMatch(c.detail);
    if (c.type === 'unsupported-content-encoding') expect(res.headers['accept-encoding']).toBe('identity');
  });

  it('a JSON string body is not a message: the schema says an object is expected (not "must be application/json")', async () => {
    for (const url of ['/v1/explain', '/v1/simulate']) {
      const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(ARTICLE_MESSAGE) });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/expected object, received string/);
    }
  });

  it('the web form answers a compressed body in HTML, like its other errors', async () => {
    const res = await app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' }, payload: gzipSync('message=x') });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});
