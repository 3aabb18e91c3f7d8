import { describe, expect, it } from 'vitest';
import { makeApp } from './helpers.js';
import { HELMET_OPTIONS, helmetHeaders } from '../../src/http/plugins/security.js';

const explain = { method: 'POST' as const, url: '/v1/parse', headers: { 'content-type': 'application/json' }, payload: '{"message":"x"}' };

describe('rate limit', () => {
  it('answers 429 problem details with Retry-After after RATE_LIMIT_MAX requests a minute; health routes are exempt', async () => {
    const app = await makeApp({ rateLimitMax: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject(explain)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.inject(explain);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, type: 'urn:whydenied:problem:rate-limited', limit: 3 });
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    }
    // Another client is counted separately.
    expect((await app.inject({ ...explain, remoteAddress: '10.0.0.9' })).statusCode).toBe(200);
    await app.close();
  });

  it('counts unknown routes too', async () => {
    const app = await makeApp({ rateLimitMax: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.inject({ url: '/wp-login.php' })).statusCode);
    expect(statuses).toEqual([404, 404, 429]);
    await app.close();
  });

  it('never limits addresses in RATE_LIMIT_ALLOW (loopback by default) while others are limited', async () => {
    const app = await makeApp({ rateLimitMax: 2, rateLimitAllow: ['127.0.0.1'] });
    for (let i = 0; i < 5; i++) expect((await app.inject(explain)).statusCode).toBe(200);
    const remote = { ...explain, remoteAddress: '10.0.0.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.inject(remote)).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    await app.close();
  });

  it('RATE_LIMIT_MAX=0 turns it off', async () => {
    const app = await makeApp({ rateLimitMax: 0 });
    for (let i = 0; i < 5; i++) expect((await app.inject(explain)).statusCode).toBe(200);
    await app.close();
  });
});

describe('CORS', () => {
  it('is off by default: no Access-Control headers, preflight is not answered', async () => {
    const app = await makeApp();
    const res = await app.inject({ ...explain, headers: { ...explain.headers, origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await app.inject({ method: 'OPTIONS', url: '/v1/parse', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });

  it('allows exactly the CORS_ORIGINS listed', async () => {
    const app = await makeApp({ corsOrigins: ['https://a.example'] });
    const ok = await app.inject({ ...explain, headers: { ...explain.headers, origin: 'https://a.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://a.example');
    const other = await app.inject({ ...explain, headers: { ...explain.headers, origin: 'https://b.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await app.inject({ method: 'OPTIONS', url: '/v1/parse', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://a.example');
    await app.close();
  });
});

describe('security headers', () => {
  it('sets helmet headers and a CSP that forbids inline script and style', async () => {
    const app = await makeApp();
    for (const url of ['/', '/healthz', '/nope']) {
      const res = await app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeDefined();
    }
    await app.close();
  });

  it('sends the same helmet header set on API answers, computed once from helmet itself', async () => {
    const headers = helmetHeaders(HELMET_OPTIONS);
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['cross-origin-resource-policy']).toBe('same-site');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['x-powered-by']).toBeUndefined();
    const app = await makeApp();
    const res = await app.inject({ ...explain, url: '/v1/explain' });
    expect(res.statusCode).toBe(200);
    for (const [name, value] of Object.entries(headers)) expect(res.headers[name], name).toBe(value);
    // swagger-ui's own policy (hashes for its inline parts) replaces ours on /docs
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.headers['content-security-policy']).not.toBe(headers['content-security-policy']);
    await app.close();
  });
});
