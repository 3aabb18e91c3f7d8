// Bytes explain() allocates per call, A/B between builds:
//   node bench/alloc.mjs distA [distB …]     (each a `tsc -p tsconfig.build.json` output dir)
// Method: each build runs in its own child process with a young generation large enough (512 MB
// semi-spaces) that no garbage collection happens inside a measured loop; after a warm-up over
// every input, the growth of V8's used heap over the loop, divided by the calls, is what the calls
// allocated (garbage included). A figure is the minimum over 5 loops in a process and the median
// over ALLOC_PROCS processes (default 3) alternating the builds. Measures: the two bench bodies
// (300 calls each per loop) and the mean over every other input in bench/inputs.mjs.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { allInputs } from './inputs.mjs';

const PROCS = Number(process.env.ALLOC_PROCS ?? 3);
const isChild = process.argv[2] === '--child';

if (!isChild) {
  const dists = process.argv.slice(2).map((d) => resolve(d));
  if (!dists.length) { console.error('usage: node bench/alloc.mjs distA [distB …]'); process.exit(2); }
  const self = fileURLToPath(import.meta.url);
  const runs = dists.map(() => []);
  for (let p = 0; p < PROCS; p++) {
    for (const [i, d] of dists.entries()) {
      const flags = ['--expose-gc', '--min-semi-space-size=512', '--max-semi-space-size=512'];
      runs[i].push(JSON.parse(execFileSync(process.execPath, [...flags, self, '--child', d], { encoding: 'utf8' })));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const keys = Object.keys(runs[0][0]);
  console.log(`KB allocated per explain() call: median over ${PROCS} processes of the minimum over 5 loops`);
  console.log(['build', ...keys].join('\t'));
  const base = keys.map((k) => median(runs[0].map((r) => r[k])));
  dists.forEach((d, i) => {
    const row = keys.map((k, j) => {
      const v = median(runs[i].map((r) => r[k]));
      return i === 0 ? v.toFixed(1) : `${v.toFixed(1)} (${(((v - base[j]) / base[j]) * 100).toFixed(1)}%)`;
    });
    console.log([d, ...row].join('\t'));
  });
  process.exit(0);
}

const { explain } = await import(pathToFileURL(resolve(process.argv[3], 'src/core/index.js')).href);
const inputs = allInputs();
const sets = {
  alone: inputs.filter((x) => x.name === 'bench/alone'),
  policies: inputs.filter((x) => x.name === 'bench/policies'),
  all: inputs.filter((x) => x.group !== 'bench'),
};
for (let r = 0; r < 15; r++) for (const x of inputs) explain(x.input);
const out = {};
for (const [k, list] of Object.entries(sets)) {
  const reps = k === 'all' ? 1 : 300;
  let best = Infinity;
  for (let t = 0; t < 5; t++) {
    globalThis.gc();
    const before = v8.getHeapStatistics().used_heap_size;
    for (let r = 0; r < reps; r++) for (const x of list) explain(x.input);
    best = Math.min(best, (v8.getHeapStatistics().used_heap_size - before) / (reps * list.length));
  }
  out[k] = best / 1024;
}
console.log(JSON.stringify(out));
