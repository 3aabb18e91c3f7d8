// The service's throughput, A/B between two builds, over HTTP: the same load as bench/run.mjs
// (server alone on core 0, autocannon on core 1, 50 connections, the two bench bodies), the two
// builds measured in alternation round after round (A B, B A, A B, …) so drift hits both alike.
// Before measuring, checks that both builds answer every bench body byte for byte the same (status,
// content-type, body) in each format (JSON, Markdown, text): a faster build that answers
// differently measures nothing. Reports req/s and the server's CPU time per request (user +
// system over every thread, from /proc/<pid>/stat, over the measured run): on a shared machine
// other jobs starve the load generator and move req/s by ±30 %, the CPU per request far less.
//
//   node bench/ab.mjs distA distB      (each a `npx tsc -p tsconfig.build.json` output dir; one
//                                       outside the repo needs node_modules beside it:
//                                       `ln -s "$PWD/node_modules" /tmp/dist-x/node_modules`)
//   AB_ROUNDS=3 AB_DURATION=10 AB_WARMUP=3 AB_CONNECTIONS=50 AB_FORMAT=json|markdown|text
//   AB_BODIES=alone,policies   BENCH_LOG_LEVEL / BENCH_NODE_OPTIONS as in bench/run.mjs
//   AB_ALLOW_DIFFERENT=1 measures builds whose answers differ (a change meant to change them)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { BODIES } from './payloads.mjs';
import { deployedNodeOptions, load, median, pinning, startPinned, stop } from './lib.mjs';

const dists = process.argv.slice(2).map((d) => resolve(d));
if (dists.length !== 2) { console.error('usage: node bench/ab.mjs distA distB'); process.exit(2); }
for (const d of dists) {
  const server = resolve(d, 'src/http/server.js');
  if (!existsSync(server)) { console.error(`${server} is missing: build into ${d} first`); process.exit(2); }
  try { createRequire(server).resolve('fastify'); } catch {
    console.error(`fastify is not reachable from ${d}: ln -s "${process.cwd()}/node_modules" ${d}/node_modules`);
    process.exit(2);
  }
}
const ROUNDS = Number(process.env.AB_ROUNDS ?? 3);
const DURATION = Number(process.env.AB_DURATION ?? 10);
const WARMUP = Number(process.env.AB_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.AB_CONNECTIONS ?? 50);
const FORMAT = process.env.AB_FORMAT ?? 'json';
const NAMES = (process.env.AB_BODIES ?? Object.keys(BODIES).join(',')).split(',');
const NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? deployedNodeOptions();
const ENV = { RATE_LIMIT_MAX: '1000000', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', NODE_ENV: 'production', NODE_OPTIONS };
// B's own NODE_OPTIONS, to compare V8 settings (give the same build twice): AB_NODE_OPTIONS_B
const ENVS = [ENV, process.env.AB_NODE_OPTIONS_B === undefined ? ENV : { ...ENV, NODE_OPTIONS: process.env.AB_NODE_OPTIONS_B }];
const PORTS = [3301, 3302];
const url = (port, format) => `http://127.0.0.1:${port}/v1/explain${format === 'json' ? '' : `?format=${format}`}`;

async function answers(i) {
  const child = await startPinned(resolve(dists[i], 'src/http/server.js'), ENVS[i], PORTS[i]);
  try {
    const out = {};
    for (const name of NAMES) {
      for (const format of ['json', 'markdown', 'text']) {
        const r = await fetch(url(PORTS[i], format), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BODIES[name]) });
        const body = Buffer.from(await r.arrayBuffer());
        const length = r.headers.get('content-length');
        if (length !== String(body.length)) throw new Error(`${dists[i]} ${name} ${format}: content-length ${length}, body ${body.length} bytes`);
        out[`${name} ${format}`] = `${r.status} ${r.headers.get('content-type')} ${body.length} B ${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
      }
    }
    return out;
  } finally {
    await stop(child);
  }
}

/** CPU time (user + system, every thread) the process has used, in µs (Linux; NaN elsewhere). */
function cpuOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1e6; // utime, stime
  } catch { return NaN; }
}
const TICKS = (() => { try { return Number(execFileSync('getconf', ['CLK_TCK']).toString()); } catch { return 100; } })();

async function measure(i, name) {
  const child = await startPinned(resolve(dists[i], 'src/http/server.js'), ENVS[i], PORTS[i]);
  try {
    const options = { url: url(PORTS[i], FORMAT), body: JSON.stringify(BODIES[name]), connections: CONNECTIONS };
    if (WARMUP > 0) await load({ ...options, duration: WARMUP });
    const before = cpuOf(child.pid);
    const r = await load({ ...options, duration: DURATION });
    // the server's CPU per request: unlike req/s, it does not fall when other jobs starve the load generator
    r.cpuUs = (cpuOf(child.pid) - before) / r.totalRequests;
    if (r.non2xx || r.errors || r.timeouts) throw new Error(`${dists[i]}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    return r;
  } finally {
    await stop(child);
  }
}

const [a, b] = [await answers(0), await answers(1)];
let same = true;
for (const key of Object.keys(a)) {
  const ok = a[key] === b[key];
  same &&= ok;
  console.log(`answer ${key.padEnd(18)} ${ok ? 'identical' : 'DIFFERENT'}: ${a[key]}${ok ? '' : ` vs ${b[key]}`}`);
}
if (!same && process.env.AB_ALLOW_DIFFERENT !== '1') { console.error('the builds answer differently: not measuring (AB_ALLOW_DIFFERENT=1 measures anyway, for changes meant to change the answers)'); process.exit(1); }

console.log(`\nA = ${dists[0]}\nB = ${dists[1]}\n${CONNECTIONS} connections, ${DURATION}s × ${ROUNDS} rounds per build and body, ${WARMUP}s warm-up, format ${FORMAT}; ${pinning}; NODE_OPTIONS=${JSON.stringify(NODE_OPTIONS)}${ENVS[1] === ENV ? '' : ` (B: ${JSON.stringify(ENVS[1].NODE_OPTIONS)})`}`);
const results = {};
for (const name of NAMES) {
  results[name] = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const r = await measure(i, name);
      results[name][i].push(r);
      console.log(`  ${name.padEnd(8)} round ${round + 1} ${'AB'[i]} ${r.requestsPerSec.toFixed(0).padStart(6)} req/s  ${r.cpuUs.toFixed(0).padStart(5)} µs CPU/req  p50 ${r.p50} ms  p99 ${r.p99} ms`);
    }
  }
}
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const summary = {};
console.log('\nbody       build   req/s median (min–max)   µs CPU/req median (min–max)   p99 ms median');
for (const [name, [ra, rb]] of Object.entries(results)) {
  summary[name] = {};
  for (const [label, rs] of [['A', ra], ['B', rb]]) {
    const rps = stats(rs.map((r) => r.requestsPerSec));
    const cpu = stats(rs.map((r) => r.cpuUs));
    summary[name][label] = { rps, cpu, rounds: rs.map((r) => ({ rps: r.requestsPerSec, cpuUs: r.cpuUs, p99: r.p99 })) };
    console.log(`${name.padEnd(10)} ${label}       ${`${rps.median.toFixed(0)} (${rps.min.toFixed(0)}–${rps.max.toFixed(0)})`.padEnd(22)} ${`${cpu.median.toFixed(0)} (${cpu.min.toFixed(0)}–${cpu.max.toFixed(0)})`.padEnd(29)} ${median(rs.map((r) => r.p99))}`);
  }
  const { A, B } = summary[name];
  console.log(`${name.padEnd(10)} B/A     ${(B.rps.median / A.rps.median).toFixed(3)}×${' '.repeat(16)} ${(B.cpu.median / A.cpu.median).toFixed(3)}×`);
}
console.log(JSON.stringify({ dists, format: FORMAT, connections: CONNECTIONS, duration: DURATION, rounds: ROUNDS, summary }));
