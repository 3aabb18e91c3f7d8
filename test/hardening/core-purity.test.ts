/** src/core stays pure: it imports only src/core/** and a few pure libraries, and touches no clock or I/O. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src/core');
const files = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
})(root);

const ALLOWED_PACKAGES = new Set(['zod', 'jsonc-parser']);
const FORBIDDEN_CALLS = [/\bDate\.now\(/, /\bnew Date\(\s*\)/, /\bprocess\./, /\bperformance\.now\(/, /\bMath\.random\(/, /\brequire\(/, /\bfetch\(/];

describe('src/core is pure', () => {
  it('has files to check', () => expect(files.length).toBeGreaterThan(20));

  it.each(files.map((f) => [relative(root, f), f]))('%s imports only core modules and pure libraries, and no clock or I/O', (_name, file) => {
    const src = readFileSync(file, 'utf8');
    const specifiers = [...src.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const spec of specifiers) {
      if (spec.startsWith('.')) expect(join(file, '..', spec).startsWith(root), spec).toBe(true);
      else expect(ALLOWED_PACKAGES.has(spec), `imports ${spec}`).toBe(true);
    }
    for (const call of FORBIDDEN_CALLS) expect(call.test(src), String(call)).toBe(false);
  });
});
