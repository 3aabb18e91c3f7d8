/**
 * The shells' layering: src/shared (request and response schemas, batch items) uses only the core
 * and zod; src/cli reaches src/http only to run the server (`whydenied serve`, loaded on demand);
 * src/mcp never reaches src/http.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '../../src');
const filesOf = (dir: string): string[] => readdirSync(join(src, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(src, dir, f));
/** Static `import … from` / `export … from` specifiers (type-only included). */
const staticImports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
const target = (file: string, spec: string): string => relative(src, join(file, '..', spec));

describe('shell layers', () => {
  it.each(filesOf('shared').map((f) => [relative(src, f), f]))('%s imports only src/core, src/shared and zod', (_n, file) => {
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) expect(target(file, spec), spec).toMatch(/^(core|shared)\//);
      else expect(spec).toBe('zod');
    }
  });

  it.each(filesOf('cli').map((f) => [relative(src, f), f]))('%s has no static import of src/http', (_n, file) => {
    for (const spec of staticImports(file)) if (spec.startsWith('.')) expect(target(file, spec), spec).not.toMatch(/^http\//);
  });

  it.each(filesOf('mcp').map((f) => [relative(src, f), f]))('%s has no import of src/http', (_n, file) => {
    const relativeSpecs = staticImports(file).filter((s) => s.startsWith('.'));
    expect(relativeSpecs.length).toBeGreaterThan(0);
    for (const spec of relativeSpecs) expect(target(file, spec), spec).not.toMatch(/^http\//);
  });
});
