import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildOptions } from '../../src/http/app.js';
import { DEFAULT_CONFIG, type AppConfig } from '../../src/http/config.js';

export const ARTICLE_MESSAGE =
  'An error occurred (AccessDenied) when calling the AssumeRole operation:\n' +
  'User: arn:aws:iam::111111111111:role/pipeline-role is not authorized to perform:\n' +
  'sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy-role';

export const TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/someone' }, Action: 'sts:AssumeRole' },
  ],
};

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...DEFAULT_CONFIG, logLevel: 'silent', rateLimitMax: 0, rateLimitAllow: [], ...overrides };
}

export async function makeApp(overrides: Partial<AppConfig> = {}, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides), options);
  await app.ready();
  return app;
}

/** A stream that keeps every log line written to it. */
export class LogCapture extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
  get lines(): Array<Record<string, unknown>> {
    return this.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}
