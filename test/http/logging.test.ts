import { describe, expect, it, vi } from 'vitest';
import { definitions } from '../../src/core/causes/catalog.js';
import { explain } from '../../src/core/index.js';
import { ARTICLE_MESSAGE, LogCapture, TRUST_POLICY, makeApp } from './helpers.js';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PASTED = `${ARTICLE_MESSAGE}\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`;

describe('logs', () => {
  it('write one line per request with id, method, route, status and time — never the body or credentials', async () => {
    const logs = new LogCapture();
    const app = await makeApp({ logLevel: 'trace' }, { logStream: logs });
    const requests = [
      { method: 'POST' as const, url: '/v1/explain', headers: { 'content-type': 'application/json', authorization: `AWS4-HMAC-SHA256 Credential=${KEY_ID}`, cookie: `s=${SECRET}` }, payload: JSON.stringify({ message: PASTED, policies: [{ document: TRUST_POLICY, name: SECRET }], context: { 'aws:SecretKey': SECRET } }) },
      { method: 'POST' as const, url: '/v1/explain?format=markdown', headers: { 'content-type': 'text/plain' }, payload: PASTED },
      { method: 'POST' as const, url: '/v1/parse', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ message: PASTED }) },
      { method: 'POST' as const, url: '/v1/explain', headers: { 'content-type': 'application/json' }, payload: `{"message": "${KEY_ID} ${SECRET}", }` },
      { method: 'POST' as const, url: '/v1/explain', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ message: 7, policies: SECRET }) },
      { method: 'GET' as const, url: '/nope', headers: { 'x-api-key': SECRET } },
    ];
    const ids: string[] = [];
    for (const r of requests) {
      const res = await app.inject(r);
      ids.push(String(res.headers['x-request-id']));
    }
    await app.close();

    const text = logs.text;
    expect(text.length).toBeGreaterThan(0);
    for (const needle of [KEY_ID, SECRET, 'pipeline-role', 'deploy-role', 'is not authorized', 'Credential=', 'aws:SecretKey']) {
      expect(text, needle).not.toContain(needle);
    }
    const requestLines = logs.lines.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(requests.length);
    expect(requestLines.map((l) => l.reqId)).toEqual(ids);
    expect(requestLines.map((l) => [l.method, l.route, l.status])).toEqual([
      ['POST', '/v1/explain', 200],
      ['POST', '/v1/explain', 200],
      ['POST', '/v1/parse', 200],
      ['POST', '/v1/explain', 400],
      ['POST', '/v1/explain', 400],
      ['GET', null, 404],
    ]);
    for (const l of requestLines) expect(typeof l.ms).toBe('number');
    // Nothing else per request: every line is a request line (trace level included).
    expect(logs.lines.filter((l) => l.reqId !== undefined)).toHaveLength(requests.length);
  });

  it('redact paths catch a body or a credential header should some line include one', async () => {
    const logs = new LogCapture();
    const app = await makeApp({ logLevel: 'info' }, { logStream: logs });
    app.log.info({ body: { message: PASTED }, req: { headers: { authorization: SECRET, cookie: SECRET } }, message: PASTED, policies: [SECRET] }, 'careless');
    await app.close();
    expect(logs.text).toContain('careless');
    expect(logs.text).not.toContain(SECRET);
    expect(logs.text).not.toContain(KEY_ID);
    expect(logs.text).toContain('[redacted]');
  });

  it('a 500 is one error line with stack frames but not the error message', async () => {
    const logs = new LogCapture();
    const { buildApp } = await import('../../src/http/app.js');
    const { testConfig } = await import('./helpers.js');
    const app = await buildApp(testConfig({ logLevel: 'info' }), { logStream: logs });
    app.get('/v1/boom', async () => {
      throw new Error(`pasted ${SECRET}`);
    });
    await app.ready();
    await app.inject({ url: '/v1/boom' });
    await app.close();
    const lines = logs.lines.filter((l) => l.reqId !== undefined);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, status: 500, route: '/v1/boom' });
    expect((lines[0]!.err as { frames: string[] }).frames.length).toBeGreaterThan(0);
    expect(logs.text).not.toContain(SECRET);
  });

  it('a broken cause check is one warn line with the cause id only, on the explain, batch and form routes', async () => {
    const victimId = explain({ message: ARTICLE_MESSAGE }).causes[0]!.id;
    const victim = definitions.find((d) => d.id === victimId)!;
    const spy = vi.spyOn(victim, 'appliesTo').mockImplementation(() => { throw new Error(`pasted ${SECRET}`); });
    try {
      const logs = new LogCapture();
      const app = await makeApp({ logLevel: 'info' }, { logStream: logs });
      const res = await app.inject({ method: 'POST', url: '/v1/explain', headers: { 'content-type': 'text/plain' }, payload: PASTED });
      expect(res.statusCode).toBe(200);
      expect(res.json().warnings).toContainEqual(expect.objectContaining({ code: 'cause-check-failed', cause: victimId }));
      const batch = await app.inject({ method: 'POST', url: '/v1/explain/batch', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ items: [{ message: PASTED }, { message: 7 }] }) });
      expect(batch.statusCode).toBe(200);
      const form = await app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ message: PASTED }).toString() });
      expect(form.statusCode).toBe(200);
      await app.close();
      const warns = logs.lines.filter((l) => l.msg === 'cause check failed');
      expect(warns).toHaveLength(3);
      for (const l of warns) {
        expect(l).toMatchObject({ level: 40, causeId: victimId });
        expect(l.reqId).toBeDefined();
      }
      for (const needle of [SECRET, KEY_ID, 'pipeline-role', 'is not authorized']) expect(logs.text, needle).not.toContain(needle);
    } finally {
      spy.mockRestore();
    }
  });
});
