// explain()'s CPU time, A/B between builds, in one process:
//   node bench/cpu.mjs distA [distB …]     (each a `tsc -p tsconfig.build.json` output dir)
// Measures: the two bench bodies (bench/payloads.mjs), the mean over the corpus's real messages
// (test/fixtures/corpus/real-errors.jsonl), the mean over the corpus's scenarios
// (test/fixtures/corpus/scenarios), and the mean over every other input in bench/inputs.mjs.
// Method: each measure is cut into chunks of inputs that take ~CPU_MS of CPU (default 5); every
// round times each chunk once per build with process.cpuUsage (user+system), the builds' order
// rotating chunk by chunk (each build in each position equally often). A chunk's figure is its minimum over rounds (the machine is shared
// and noisy: the minimum is the run least disturbed); a measure is the sum over its chunks divided
// by its number of inputs. JIT decisions differ from one process to the next (a few % on one
// input), so this runs in CPU_PROCS child processes (default 4; a multiple of the number of builds
// loads each build first equally often) and keeps each figure's minimum over them. CPU_ROUNDS (default 15 per process) changes the run. CPU_WHAT=parse times parsing
// alone instead: redactSecrets(message) then parseError on the result (each input's message only).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allInputs } from './inputs.mjs';

const ROUNDS = Number(process.env.CPU_ROUNDS ?? 15);
const PROCS = Number(process.env.CPU_PROCS ?? 4);
const TARGET_US = Number(process.env.CPU_MS ?? 5) * 1000;
const WHAT = process.env.CPU_WHAT === 'parse' ? 'parse' : 'explain';
const isChild = process.argv[2] === '--child';
const dists = process.argv.slice(isChild ? 3 : 2).map((d) => resolve(d));
if (!dists.length) { console.error('usage: node bench/cpu.mjs distA [distB …]'); process.exit(2); }
const inputs = allInputs();
const sets = {
  alone: inputs.filter((x) => x.name === 'bench/alone'),
  policies: inputs.filter((x) => x.name === 'bench/policies'),
  corpus: inputs.filter((x) => x.group === 'corpus'),
  scenarios: inputs.filter((x) => x.group === 'scenarios' && x.name.startsWith('corpus/')),
  all: inputs.filter((x) => x.group !== 'bench'),
};
const keys = Object.keys(sets);
/** `list` rotated left by k. */
const rotate = (list, k) => list.map((_, i) => list[(i + k) % list.length]);

if (!isChild) {
  const self = fileURLToPath(import.meta.url);
  const runs = [];
  for (let p = 0; p < PROCS; p++) {
    // each process loads the builds in another rotation; results come back in the rotated order
    const order = rotate(dists.map((_, i) => i), p);
    const r = JSON.parse(execFileSync(process.execPath, [self, '--child', ...order.map((i) => dists[i])], { encoding: 'utf8' }));
    const back = [];
    order.forEach((i, at) => { back[i] = r[at]; });
    runs.push(back);
  }
  const figure = (i, k) => Math.min(...runs.map((r) => r[i][k]));
  console.log(`µs CPU per ${WHAT === 'parse' ? 'redactSecrets + parseError' : 'explain()'} call: min over ${PROCS} processes × ${ROUNDS} interleaved rounds per ~${TARGET_US / 1000} ms chunk (${keys.map((k) => `${k}: ${sets[k].length}`).join(', ')} inputs)`);
  console.log(['build', ...keys].join('\t'));
  dists.forEach((d, i) => {
    const row = keys.map((k) => {
      const v = figure(i, k).toFixed(1);
      return i === 0 ? v : `${v} (${(((figure(i, k) - figure(0, k)) / figure(0, k)) * 100).toFixed(1)}%)`;
    });
    console.log([d, ...row].join('\t'));
  });
  process.exit(0);
}
const explains = [];
for (const d of dists) {
  const core = await import(pathToFileURL(resolve(d, 'src/core/index.js')).href);
  explains.push(WHAT === 'parse' ? (input) => core.parseError(core.redactSecrets(input.message).text) : core.explain);
}

function cpu() { const u = process.cpuUsage(); return u.user + u.system; }
function time(explain, list, reps) {
  const t0 = cpu();
  for (let r = 0; r < reps; r++) for (let i = 0; i < list.length; i++) explain(list[i]);
  return cpu() - t0;
}

// warm-up, then cut each measure into chunks of ~TARGET_US (timed with the first build)
for (let w = 0; w < 3; w++) for (const e of explains) for (const s of Object.values(sets)) time(e, s.map((x) => x.input), 1);
const chunks = []; // { set, list, reps, best: [per build] }
for (const [k, s] of Object.entries(sets)) {
  let cur = [];
  let us = 0;
  const flush = () => {
    if (!cur.length) return;
    const reps = Math.max(1, Math.round(TARGET_US / Math.max(us, 1)));
    chunks.push({ set: k, list: cur, reps, best: dists.map(() => Infinity) });
    cur = []; us = 0;
  };
  for (const x of s) {
    let t = Infinity;
    for (let i = 0; i < 3; i++) t = Math.min(t, time(explains[0], [x.input], 1));
    cur.push(x.input); us += t;
    if (us >= TARGET_US) flush();
  }
  flush();
}
// The order rotates chunk by chunk, so every build runs in every position equally often. (Reversing it
// instead kept a third build of three always in the middle, always after another build's code, never
// after its own: 8–12 % slower than the same build in an end position, 2026-11-30.)
let turn = 0;
const ids = dists.map((_, i) => i);
for (let round = 0; round < ROUNDS; round++) {
  for (const c of chunks) {
    for (const i of rotate(ids, turn++)) c.best[i] = Math.min(c.best[i], time(explains[i], c.list, c.reps) / c.reps);
  }
}
const figure = (i, k) => chunks.filter((c) => c.set === k).reduce((a, c) => a + c.best[i], 0) / sets[k].length;
process.stdout.write(JSON.stringify(dists.map((_, i) => Object.fromEntries(keys.map((k) => [k, figure(i, k)])))));
