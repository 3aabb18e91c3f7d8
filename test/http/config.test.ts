import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../../src/http/config.js';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000, host: '0.0.0.0', logLevel: 'info', rateLimitMax: 120, rateLimitAllow: ['127.0.0.1', '::1', '::ffff:127.0.0.1'], bodyLimit: 1_048_576, corsOrigins: [],
      trustProxy: false, maxEventLoopDelayMs: 1000, shutdownDelayMs: 0, shutdownTimeoutMs: 10_000,
    });
    expect(loadConfig({})).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    [{ PORT: '8080' }, { port: 8080 }],
    [{ PORT: '0' }, { port: 0 }],
    [{ HOST: '127.0.0.1' }, { host: '127.0.0.1' }],
    [{ LOG_LEVEL: 'DEBUG' }, { logLevel: 'debug' }],
    [{ RATE_LIMIT_MAX: '5' }, { rateLimitMax: 5 }],
    [{ RATE_LIMIT_MAX: '0' }, { rateLimitMax: 0 }],
    [{ RATE_LIMIT_ALLOW: '10.0.0.7, ::1' }, { rateLimitAllow: ['10.0.0.7', '::1'] }],
    [{ RATE_LIMIT_ALLOW: 'none' }, { rateLimitAllow: [] }],
    [{ BODY_LIMIT: '2048' }, { bodyLimit: 2048 }],
    [{ BODY_LIMIT: '512kb' }, { bodyLimit: 512 * 1024 }],
    [{ BODY_LIMIT: '2MiB' }, { bodyLimit: 2 * 1024 * 1024 }],
    [{ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }, { corsOrigins: ['https://a.example', 'http://localhost:5173'] }],
    [{ CORS_ORIGINS: '*' }, { corsOrigins: ['*'] }],
    [{ CORS_ORIGINS: '' }, { corsOrigins: [] }],
    [{ TRUST_PROXY: 'true' }, { trustProxy: true }],
    [{ TRUST_PROXY: '2' }, { trustProxy: 2 }],
    [{ SHUTDOWN_DELAY_MS: '5000' }, { shutdownDelayMs: 5000 }],
  ])('reads %j', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'http' }, /PORT must be a whole number from 0 to 65535, got "http"/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: '-1' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ RATE_LIMIT_MAX: '1.5' }, /RATE_LIMIT_MAX/],
    [{ BODY_LIMIT: 'huge' }, /BODY_LIMIT must be a size/],
    [{ BODY_LIMIT: '10' }, /BODY_LIMIT/],
    [{ BODY_LIMIT: '5gb' }, /BODY_LIMIT/],
    [{ CORS_ORIGINS: 'example.com' }, /CORS_ORIGINS entries must be origins/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY/],
    [{ RATE_LIMIT_ALLOW: 'localhost' }, /RATE_LIMIT_ALLOW entries must be IP addresses/],
    [{ HOST: 'a b' }, /HOST/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y', BODY_LIMIT: 'z' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(3);
    }
  });
});
