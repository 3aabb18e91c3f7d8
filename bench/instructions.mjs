// Instructions per explain() call, A/B between builds, counted by valgrind's callgrind with V8 run
// deterministically (`--predictable`, fixed hash and random seeds, a 64 MB young generation so no
// major GC lands in the window at random). On the 'alone' body two copies of one build measured
// 0.0–0.6 % apart (CPU time with bench/cpu.mjs: 3–17 % on a loaded machine). On the 'policies' body
// they measured 4.2 % apart with 200 warm-up calls and 11.4 % with 1000: there JIT outcomes still
// differ between processes. Always run a copy of one build beside the others (an A/A pair) and
// read differences smaller than its spread as noise.
//   node bench/instructions.mjs distA [distB …]   (each a `tsc -p tsconfig.build.json` output dir)
//   INSTR_WHAT=alone,policies,sample (default)   bench bodies; `sample` = every 9th other input
//   INSTR_STRINGIFY=1                            count JSON.stringify of each answer too
//   INSTR_WARM=200 INSTR_CALLS=300               calls before counting and calls counted, shared
//                                                among a set's inputs (each input ⌈N / inputs⌉ times)
// A figure is (instructions of WARM + CALLS calls − instructions of WARM calls) / CALLS, so start-up
// and warm-up cancel out. Instructions are not time (cache misses and GC pauses cost no
// instructions): read them beside cpu.mjs and ab.mjs, not instead of them. Needs valgrind.
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allInputs } from './inputs.mjs';

const isChild = process.argv[2] === '--child';

function inputsFor(what) {
  const all = allInputs();
  if (what === 'sample') return all.filter((x) => x.group !== 'bench').filter((_, i) => i % 9 === 0).map((x) => x.input);
  return all.filter((x) => x.name === `bench/${what}`).map((x) => x.input);
}

if (isChild) {
  const [, , , dist, what, warm, calls, stringify] = process.argv;
  const { explain } = await import(pathToFileURL(resolve(dist, 'src/core/index.js')).href);
  const inputs = inputsFor(what);
  let sink = 0;
  const once = stringify === '1' ? (x) => JSON.stringify(explain(x)).length : (x) => explain(x).causes.length;
  for (let i = 0; i < Number(warm) + Number(calls); i++) for (const x of inputs) sink += once(x);
  if (sink < 0) console.log(sink);
} else {
  const dists = process.argv.slice(2).map((d) => resolve(d));
  if (!dists.length) { console.error('usage: node bench/instructions.mjs distA [distB …]'); process.exit(2); }
  try { execFileSync('valgrind', ['--version'], { stdio: 'ignore' }); } catch { console.error('valgrind is not installed'); process.exit(2); }
  const WHAT = (process.env.INSTR_WHAT ?? 'alone,policies,sample').split(',');
  const WARM_CALLS = Number(process.env.INSTR_WARM ?? 200);
  const COUNTED_CALLS = Number(process.env.INSTR_CALLS ?? 300);
  const STRINGIFY = process.env.INSTR_STRINGIFY === '1' ? '1' : '0';
  const self = fileURLToPath(import.meta.url);
  /** Instructions callgrind counted for WARM + `calls` calls in a fresh process. */
  const collected = (dist, what, warm, calls) => {
    const r = spawnSync('valgrind', [
      '--tool=callgrind', '--callgrind-out-file=/dev/null', '--cache-sim=no', '--branch-sim=no', '--smc-check=all-non-file',
      process.execPath, '--predictable', '--hash-seed=1', '--random-seed=1', '--min-semi-space-size=64', '--max-semi-space-size=64',
      self, '--child', dist, what, String(warm), String(calls), STRINGIFY,
    ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const n = /Collected : (\d+)/.exec(r.stderr ?? '')?.[1];
    if (r.status !== 0 || !n) throw new Error(`callgrind failed for ${dist} ${what}: ${(r.stderr ?? '').slice(-500)}`);
    return Number(n);
  };
  console.log(`instructions per explain()${STRINGIFY === '1' ? ' + JSON.stringify' : ''} call (callgrind; ~${WARM_CALLS} warm-up calls, ~${COUNTED_CALLS} counted per set)`);
  console.log(['build', ...WHAT].join('\t'));
  const first = {};
  for (const dist of dists) {
    const row = [dist];
    for (const what of WHAT) {
      const n = inputsFor(what).length;
      const warm = Math.ceil(WARM_CALLS / n);
      const calls = Math.ceil(COUNTED_CALLS / n);
      const base = collected(dist, what, warm, 0);
      const full = collected(dist, what, warm, calls);
      const per = (full - base) / (calls * n);
      first[what] ??= per;
      row.push(`${Math.round(per).toLocaleString('en-US')}${first[what] === per ? '' : ` (${((per / first[what] - 1) * 100).toFixed(1)} %)`}`);
    }
    console.log(row.join('\t'));
  }
}
