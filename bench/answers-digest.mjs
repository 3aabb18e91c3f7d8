// One SHA-256 over JSON.stringify(explain(x)) for every input in bench/inputs.mjs, so a
// performance change can be shown to leave every answer byte-identical.
//   node bench/answers-digest.mjs [distDir] [--dump file]   (distDir defaults to ./dist; build first)
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { allInputs } from './inputs.mjs';

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : null;
const dist = resolve(args[0] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const { explain } = await import(pathToFileURL(resolve(dist, 'src/core/index.js')).href);

const hash = createHash('sha256');
const lines = [];
const inputs = allInputs();
for (const { name, input } of inputs) {
  const answer = JSON.stringify(explain(structuredClone(input)));
  hash.update(name).update('\0').update(answer).update('\n');
  if (dump) lines.push(`${name}\t${answer}`);
}
if (dump) writeFileSync(dump, lines.join('\n') + '\n');
console.log(`${hash.digest('hex')}  ${inputs.length} answers  ${dist}`);
