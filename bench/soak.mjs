// Memory soak: SOAK_REQUESTS (default 1 000 000) requests against the built service, alternating
// the article's error alone and with three policies, sampling the server's RSS from
// /proc/<pid>/status once a second. Reports the maximum (target: < 150 MB).
//   SOAK_REQUESTS=1000000 SOAK_CONNECTIONS=50 node bench/soak.mjs
import { BODIES } from './payloads.mjs';
import { deployedNodeOptions, load, mb, memoryOf, pinning, requireBuild, SERVER, startPinned, stop } from './lib.mjs';

const REQUESTS = Number(process.env.SOAK_REQUESTS ?? 1_000_000);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const TARGET_MB = 150;
const PORT = 3303;

requireBuild();
// Run the service as deployed: NODE_OPTIONS from deploy/kubernetes/deployment.yaml unless
// SOAK_NODE_OPTIONS says otherwise (SOAK_NODE_OPTIONS= for Node's defaults).
const NODE_OPTIONS = process.env.SOAK_NODE_OPTIONS ?? deployedNodeOptions();
const child = await startPinned(SERVER, { RATE_LIMIT_MAX: '1000000', LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? 'info', NODE_ENV: 'production', NODE_OPTIONS }, PORT);
const pid = child.pid;
const start = memoryOf(pid);
console.log(`soak: ${REQUESTS} requests, ${CONNECTIONS} connections; ${pinning}; NODE_OPTIONS=${JSON.stringify(NODE_OPTIONS)}; server pid ${pid}, RSS at start ${mb(start.rss)} MB`);

let maxRss = start.rss;
const samples = [];
const t0 = Date.now();
const timer = setInterval(() => {
  const m = memoryOf(pid);
  if (Number.isFinite(m.rss)) {
    maxRss = Math.max(maxRss, m.rss);
    samples.push([Math.round((Date.now() - t0) / 1000), m.rss]);
    if (samples.length % 30 === 0) console.log(`  ${String(samples.at(-1)[0]).padStart(5)} s  RSS ${mb(m.rss)} MB  (max ${mb(maxRss)} MB)`);
  }
}, 1000);

let result;
try {
  const requests = [
    { method: 'POST', path: '/v1/explain', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BODIES.alone) },
    { method: 'POST', path: '/v1/explain', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BODIES.policies) },
  ];
  result = await load({ url: `http://127.0.0.1:${PORT}`, requests, connections: CONNECTIONS, amount: REQUESTS });
} finally {
  clearInterval(timer);
  const end = memoryOf(pid);
  maxRss = Math.max(maxRss, Number.isFinite(end.rss) ? end.rss : 0);
  const peak = Number.isFinite(end.hwm) ? end.hwm : maxRss;
  await stop(child);
  if (result) {
    console.log(`done: ${result.totalRequests} requests in ${result.duration.toFixed(0)} s (${result.requestsPerSec.toFixed(0)} req/s), status codes ${JSON.stringify(result.statusCodes)}, ${result.errors} errors; p99 ${result.p99} ms`);
  }
  console.log(`RSS: start ${mb(start.rss)} MB, end ${mb(end.rss)} MB, max sampled ${mb(maxRss)} MB, peak (VmHWM) ${mb(peak)} MB — target < ${TARGET_MB} MB: ${peak < TARGET_MB * 1e6 ? 'met' : 'NOT met'}`);
  const third = Math.floor(samples.length / 3);
  if (third > 2) {
    const avg = (xs) => xs.reduce((a, [, r]) => a + r, 0) / xs.length;
    console.log(`RSS trend: first third avg ${mb(avg(samples.slice(0, third)))} MB, last third avg ${mb(avg(samples.slice(-third)))} MB`);
  }
}
