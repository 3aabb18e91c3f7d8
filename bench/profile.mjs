// Where a request's time goes: runs the built service under load with V8's CPU profiler and prints
// the self time by source file (time in regexes and builtins counted to the file that called them)
// and the functions with the most self and inclusive time. After `npm run build`:
//   node bench/profile.mjs [alone|policies] [seconds]
// Profiling slows the service down; read the shares, not the req/s it prints.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BODIES } from './payloads.mjs';
import { load, pinned, requireBuild, ROOT, SERVER } from './lib.mjs';

const [scenario = 'alone', seconds = '8'] = process.argv.slice(2);
if (!BODIES[scenario]) { console.error(`unknown scenario ${scenario}: ${Object.keys(BODIES).join(', ')}`); process.exit(2); }
requireBuild();
const dir = mkdtempSync(join(tmpdir(), 'whydenied-prof-'));
const port = 3321;
const [cmd, args] = pinned(0, process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, process.env.BENCH_SERVER ?? SERVER]);
const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_MAX: '1000000', NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
const exited = new Promise((r) => child.once('exit', r));
for (let i = 0; ; i++) {
  try { if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break; } catch { /* not yet */ }
  if (i > 200) throw new Error('the service did not start');
  await new Promise((r) => setTimeout(r, 100));
}
const r = await load({ url: `http://127.0.0.1:${port}/v1/explain`, body: JSON.stringify(BODIES[scenario]), connections: 50, duration: Number(seconds) });
console.log(`${scenario}: ${r.requestsPerSec.toFixed(0)} req/s under the profiler`);
child.kill('SIGTERM');
await exited;

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
rmSync(dir, { recursive: true, force: true });

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const ticks = new Map();
profile.samples.forEach((id, i) => ticks.set(id, (ticks.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const name = (cf) => `${cf.functionName || '(anonymous)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`;
// our files by path under src/, a package by its name (scoped packages with their scope), Node's own modules by name
const ours = (url) => {
  if (url.includes('node_modules/')) {
    const parts = url.split('node_modules/').pop().split('/');
    return parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join('/');
  }
  if (url.includes('/src/')) return url.split('/src/').pop();
  return url.startsWith('node:') ? url : null;
};

let total = 0;
const byFile = new Map();
const self = new Map();
const inclusive = new Map();
for (const [id, t] of ticks) {
  total += t;
  const node = byId.get(id);
  self.set(name(node.callFrame), (self.get(name(node.callFrame)) ?? 0) + t);
  let file = node.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : null;
  const seen = new Set();
  let decided = file !== null;
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const cf = byId.get(cur).callFrame;
    // builtins and regexps have no url: their time goes to the first caller that has one
    if (!decided && cf.url) { file = ours(cf.url); decided = true; }
    const k = name(cf);
    if (!seen.has(k)) { seen.add(k); inclusive.set(k, (inclusive.get(k) ?? 0) + t); }
  }
  file ??= '(node, fastify and the rest)';
  byFile.set(file, (byFile.get(file) ?? 0) + t);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `  ${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`\nself time by file\n${top(byFile, 30)}\n\nself time by function\n${top(self, 25)}\n\ninclusive time (ours)\n${top(new Map([...inclusive].filter(([k]) => k.includes('core/') || k.includes('http/'))), 25)}`);
