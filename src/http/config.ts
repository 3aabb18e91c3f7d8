/**
 * Service configuration, read from environment variables. Only src/http/server.ts passes
 * `process.env` here; tests build configs directly.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  /** TCP port to listen on (PORT, default 3000). */
  port: number;
  /** Interface to bind (HOST, default 0.0.0.0). */
  host: string;
  /** pino level (LOG_LEVEL, default info). */
  logLevel: LogLevel;
  /** Requests per minute per client (RATE_LIMIT_MAX, default 120; 0 turns rate limiting off). */
  rateLimitMax: number;
  /**
   * Client addresses never rate limited (RATE_LIMIT_ALLOW, comma-separated; default loopback, so
   * local tools — the CLI, health probes, score scripts — are not throttled; `none` exempts nobody).
   */
  rateLimitAllow: string[];
  /** Largest accepted request body in bytes (BODY_LIMIT, default 1 MiB; accepts `512kb`, `2mb`). */
  bodyLimit: number;
  /** Origins allowed by CORS (CORS_ORIGINS, comma-separated); empty = CORS off (the default). */
  corsOrigins: string[];
  /** Trust X-Forwarded-* from this many proxy hops (TRUST_PROXY: false, true or a hop count). */
  trustProxy: boolean | number;
  /** Event-loop delay in ms above which requests get 503 (MAX_EVENT_LOOP_DELAY_MS, default 1000). */
  maxEventLoopDelayMs: number;
  /** On SIGTERM, ms to keep serving with /readyz = 503 before closing (SHUTDOWN_DELAY_MS, default 0). */
  shutdownDelayMs: number;
  /** On SIGTERM, ms to wait for in-flight requests before exiting anyway (SHUTDOWN_TIMEOUT_MS, default 10000). */
  shutdownTimeoutMs: number;
}

export const DEFAULT_CONFIG: Readonly<AppConfig> = Object.freeze({
  port: 3000,
  host: '0.0.0.0',
  logLevel: 'info',
  rateLimitMax: 120,
  rateLimitAllow: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
  bodyLimit: 1024 * 1024,
  corsOrigins: [],
  trustProxy: false,
  maxEventLoopDelayMs: 1000,
  shutdownDelayMs: 0,
  shutdownTimeoutMs: 10_000,
});

/** Thrown by loadConfig; `problems` names each bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const SIZE_UNITS: Record<string, number> = {
  '': 1, b: 1, kb: 1024, kib: 1024, k: 1024, mb: 1024 * 1024, mib: 1024 * 1024, m: 1024 * 1024,
};

/** Builds an AppConfig from environment variables; throws ConfigError listing every bad value. */
export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const raw = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const v = raw(name);
    if (v === undefined) return fallback;
    if (!/^\d{1,10}$/.test(v) || Number(v) < min || Number(v) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`);
      return fallback;
    }
    return Number(v);
  };

  const port = integer('PORT', DEFAULT_CONFIG.port, 0, 65535);
  const host = raw('HOST') ?? DEFAULT_CONFIG.host;
  if (/\s/.test(host)) problems.push(`HOST must be a host name or IP address, got ${JSON.stringify(host)}`);

  let logLevel: LogLevel = DEFAULT_CONFIG.logLevel;
  const level = raw('LOG_LEVEL');
  if (level !== undefined) {
    if ((LOG_LEVELS as readonly string[]).includes(level.toLowerCase())) logLevel = level.toLowerCase() as LogLevel;
    else problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }

  const rateLimitMax = integer('RATE_LIMIT_MAX', DEFAULT_CONFIG.rateLimitMax, 0, 1_000_000);

  let rateLimitAllow = [...DEFAULT_CONFIG.rateLimitAllow];
  const allow = raw('RATE_LIMIT_ALLOW');
  if (allow !== undefined) {
    rateLimitAllow = [];
    if (allow.toLowerCase() !== 'none') {
      for (const part of allow.split(',')) {
        const ip = part.trim();
        if (ip === '') continue;
        if (/^[0-9a-fA-F.:]{2,45}$/.test(ip)) rateLimitAllow.push(ip);
        else problems.push(`RATE_LIMIT_ALLOW entries must be IP addresses (or none), got ${JSON.stringify(ip)}`);
      }
    }
  }

  let bodyLimit = DEFAULT_CONFIG.bodyLimit;
  const body = raw('BODY_LIMIT');
  if (body !== undefined) {
    const m = /^(\d{1,10})\s{0,3}([a-zA-Z]{0,3})$/.exec(body);
    const unit = m ? SIZE_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
    const bytes = m && unit !== undefined ? Number(m[1]) * unit : NaN;
    if (!Number.isSafeInteger(bytes) || bytes < 1024 || bytes > 100 * 1024 * 1024) {
      problems.push(`BODY_LIMIT must be a size from 1kb to 100mb (bytes, or with kb/mb), got ${JSON.stringify(body)}`);
    } else bodyLimit = bytes;
  }

  const corsOrigins: string[] = [];
  const cors = raw('CORS_ORIGINS');
  if (cors !== undefined) {
    for (const part of cors.split(',')) {
      const origin = part.trim();
      if (origin === '') continue;
      if (origin === '*' || /^https?:\/\/[^\s/]{1,253}$/.test(origin)) corsOrigins.push(origin);
      else problems.push(`CORS_ORIGINS entries must be origins like https://example.com (or *), got ${JSON.stringify(origin)}`);
    }
  }

  let trustProxy: boolean | number = DEFAULT_CONFIG.trustProxy;
  const proxy = raw('TRUST_PROXY');
  if (proxy !== undefined) {
    if (/^(true|false)$/i.test(proxy)) trustProxy = proxy.toLowerCase() === 'true';
    else if (/^\d{1,2}$/.test(proxy)) trustProxy = Number(proxy);
    else problems.push(`TRUST_PROXY must be true, false or a number of proxy hops, got ${JSON.stringify(proxy)}`);
  }

  const maxEventLoopDelayMs = integer('MAX_EVENT_LOOP_DELAY_MS', DEFAULT_CONFIG.maxEventLoopDelayMs, 0, 600_000);
  const shutdownDelayMs = integer('SHUTDOWN_DELAY_MS', DEFAULT_CONFIG.shutdownDelayMs, 0, 600_000);
  const shutdownTimeoutMs = integer('SHUTDOWN_TIMEOUT_MS', DEFAULT_CONFIG.shutdownTimeoutMs, 0, 600_000);

  if (problems.length) throw new ConfigError(problems);
  return {
    port, host, logLevel, rateLimitMax, rateLimitAllow, bodyLimit, corsOrigins, trustProxy,
    maxEventLoopDelayMs, shutdownDelayMs, shutdownTimeoutMs,
  };
}
