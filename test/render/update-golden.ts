/**
 * Regenerates the render goldens from GOLDEN_CASES: <name>.explanation.json (explain()'s answer
 * for a real message, frozen) and <name>.md / <name>.txt (its renderings). Run with
 * `npx tsx test/render/update-golden.ts`, then READ the diff before committing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { GOLDEN_CASES } from './golden-cases.js';

const dir = new URL('./golden/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const c of GOLDEN_CASES) {
  // Through JSON, as the goldens test reads it back.
  const e = JSON.parse(JSON.stringify(explain(c.input))) as ReturnType<typeof explain>;
  writeFileSync(new URL(`${c.name}.explanation.json`, dir), JSON.stringify(e, null, 2) + '\n');
  writeFileSync(new URL(`${c.name}.md`, dir), renderMarkdown(e));
  writeFileSync(new URL(`${c.name}.txt`, dir), renderText(e));
  process.stdout.write(`${c.name}: ${e.parsed.recognized ? 'recognized' : 'not recognized'}, ${e.causes.length} causes\n`);
}
