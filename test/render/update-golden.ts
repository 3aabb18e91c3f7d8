/**
 * Regenerates test/render/golden/*.{md,txt} from GOLDEN_CASES. Run with `npx tsx test/render/update-golden.ts`,
 * then READ the diff before committing (goldens are reviewed, not rubber-stamped).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { GOLDEN_CASES } from './golden-cases.js';

const dir = new URL('./golden/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const c of GOLDEN_CASES) {
  const e = explain(c.input);
  writeFileSync(new URL(`${c.name}.md`, dir), renderMarkdown(e));
  writeFileSync(new URL(`${c.name}.txt`, dir), renderText(e));
  process.stdout.write(`${c.name}: ${e.parsed.recognized ? 'recognized' : 'not recognized'}, ${e.causes.length} causes\n`);
}
