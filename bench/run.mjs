// npm run bench: throughput and tail latency of the built service against a bare fastify baseline.
// The service (dist/src/http/server.js) and the baseline (bench/baseline.mjs) each run alone on
// core 0; autocannon runs on core 1; the two are measured in alternation, round after round, so
// drift on the machine hits both alike. Builds nothing itself (npm run bench builds first).
//
//   BENCH_DURATION=10 BENCH_ROUNDS=3 BENCH_CONNECTIONS=50 BENCH_WARMUP=3 node bench/run.mjs
//   BENCH_LOG_LEVEL=info (the default: the service logs one line per request, as in production)
//   BENCH_SERVER=/tmp/dist-x/src/http/server.js measures another build's server against the same baseline
//   The service and the baseline run with the Deployment's NODE_OPTIONS (V8's heap sizes, as in
//   production); BENCH_NODE_OPTIONS overrides them (BENCH_NODE_OPTIONS= for Node's defaults).
import { BODIES } from './payloads.mjs';
import { deployedNodeOptions, load, median, pinning, requireBuild, SERVER, startPinned, stop } from './lib.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
// The latency pass: what one request costs when it does not queue behind 49 others — a closed loop
// on BENCH_LATENCY_CONNECTIONS connections (default 1). 0 skips it.
const LATENCY_CONNECTIONS = Number(process.env.BENCH_LATENCY_CONNECTIONS ?? 1);
const TARGETS = { alone: 0.6, policies: 0.4 };
const P99_TARGET_MS = 10;

requireBuild();
const NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? deployedNodeOptions();

const SUBJECTS = {
  service: { script: process.env.BENCH_SERVER ?? SERVER, port: 3301, env: { RATE_LIMIT_MAX: '1000000', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', NODE_ENV: 'production', NODE_OPTIONS } },
  baseline: { script: 'bench/baseline.mjs', port: 3302, env: { NODE_OPTIONS } }, // the same heap sizes: the ratio compares code
};

async function measure(subject, body, duration, connections = CONNECTIONS) {
  const s = SUBJECTS[subject];
  const child = await startPinned(s.script, s.env, s.port);
  try {
    const url = `http://127.0.0.1:${s.port}/v1/explain`;
    // check the answer once: a bench of 4xx answers measures nothing
    const check = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (check.status !== 200) throw new Error(`${subject} answered ${check.status}: ${(await check.text()).slice(0, 200)}`);
    const bytes = (await check.arrayBuffer()).byteLength;
    if (WARMUP > 0) await load({ url, body: JSON.stringify(body), connections, duration: WARMUP });
    const r = await load({ url, body: JSON.stringify(body), connections, duration });
    if (r.non2xx || r.errors || r.timeouts) throw new Error(`${subject}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    return { ...r, bytes };
  } finally {
    await stop(child);
  }
}

const results = {};
console.log(`whydenied bench: ${CONNECTIONS} connections, ${DURATION}s × ${ROUNDS} rounds per subject and scenario, ${WARMUP}s warm-up; ${pinning}; service NODE_OPTIONS=${JSON.stringify(NODE_OPTIONS)}`);
for (const [scenario, body] of Object.entries(BODIES)) {
  results[scenario] = { service: [], baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // alternate which goes first
    const order = round % 2 === 0 ? ['baseline', 'service'] : ['service', 'baseline'];
    for (const subject of order) {
      const r = await measure(subject, body, DURATION);
      results[scenario][subject].push(r);
      console.log(`  ${scenario.padEnd(8)} round ${round + 1} ${subject.padEnd(8)} ${r.requestsPerSec.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  (${r.bytes} B answers)`);
    }
  }
}

console.log('\nscenario   subject    req/s (median)   p99 ms (median)   ratio   target');
let ok = true;
for (const [scenario, rs] of Object.entries(results)) {
  const svc = median(rs.service.map((r) => r.requestsPerSec));
  const base = median(rs.baseline.map((r) => r.requestsPerSec));
  const p99s = median(rs.service.map((r) => r.p99));
  const p99b = median(rs.baseline.map((r) => r.p99));
  const ratio = svc / base;
  const target = TARGETS[scenario];
  const pass = ratio >= target && p99s < P99_TARGET_MS;
  ok &&= pass;
  console.log(`${scenario.padEnd(10)} baseline   ${base.toFixed(0).padStart(14)}   ${String(p99b).padStart(15)}`);
  console.log(`${scenario.padEnd(10)} service    ${svc.toFixed(0).padStart(14)}   ${String(p99s).padStart(15)}   ${ratio.toFixed(2).padStart(5)}×  ≥${target}× and p99 < ${P99_TARGET_MS} ms: ${pass ? 'met' : 'NOT met'}`);
}
// At 50 connections in a closed loop, mean latency is connections ÷ throughput (Little's law): the p99
// above measures the queue on one core. This pass shows the time of one request on its own.
const latency = {};
if (LATENCY_CONNECTIONS > 0) {
  console.log(`\nlatency of a request on its own (${LATENCY_CONNECTIONS} connection${LATENCY_CONNECTIONS > 1 ? 's' : ''}, closed loop, ${DURATION}s)`);
  for (const [scenario, body] of Object.entries(BODIES)) {
    latency[scenario] = {};
    for (const subject of ['baseline', 'service']) {
      const r = await measure(subject, body, DURATION, LATENCY_CONNECTIONS);
      latency[scenario][subject] = r;
      console.log(`  ${scenario.padEnd(8)} ${subject.padEnd(8)} ${r.requestsPerSec.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  max ${r.max} ms`);
    }
  }
}
console.log(JSON.stringify({ bench: results, latency, connections: CONNECTIONS, duration: DURATION, rounds: ROUNDS }));
process.exitCode = ok ? 0 : 0; // figures, not a gate: the bench never fails the build
