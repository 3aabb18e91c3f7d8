// One autocannon run, in its own process (bench/run.mjs pins it to the other core).
//   node bench/load.mjs '<json options>'  → prints the result as one JSON line
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2] ?? '{}');
const result = await autocannon({
  url: opts.url,
  method: 'POST',
  connections: opts.connections ?? 50,
  duration: opts.duration ?? 10,
  ...(opts.amount ? { amount: opts.amount } : {}),
  headers: { 'content-type': 'application/json' },
  ...(opts.requests ? { requests: opts.requests } : { body: opts.body }),
});
const out = {
  requestsPerSec: result.requests.average,
  totalRequests: result.requests.total,
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  non2xx: result.non2xx,
  statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  errors: result.errors,
  timeouts: result.timeouts,
  duration: result.duration,
};
process.stdout.write(JSON.stringify(out) + '\n');
