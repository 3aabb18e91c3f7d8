/**
 * `npm run openapi`: builds the app, reads the OpenAPI document it serves, and writes it to
 * openapi/openapi.json (sorted keys, two-space indent). test/http/openapi.test.ts fails when the
 * checked-in file and the served document differ.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/http/app.js';
import { DEFAULT_CONFIG } from '../src/http/config.js';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'openapi', 'openapi.json');

const app = await buildApp({ ...DEFAULT_CONFIG, logLevel: 'silent' });
try {
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}`);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, res.body);
  process.stdout.write(`wrote ${target} (${res.body.length} bytes)\n`);
} finally {
  await app.close();
}
