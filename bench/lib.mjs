// Shared helpers for bench/run.mjs and bench/soak.mjs: start pinned processes, wait until ready,
// run autocannon from the other core, read a process's memory.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SERVER = 'dist/src/http/server.js';

function hasTaskset() {
  try { execFileSync('taskset', ['-V'], { stdio: 'ignore' }); return true; } catch { return false; }
}
const TASKSET = hasTaskset();
const CORES = (() => { try { return Number(execFileSync('nproc').toString().trim()); } catch { return 1; } })();

/** `cmd args…` pinned to one core when taskset exists and there is more than one core. */
export function pinned(core, cmd, args) {
  return TASKSET && CORES > 1 ? ['taskset', ['-c', String(core), cmd, ...args]] : [cmd, args];
}
export const pinning = TASKSET && CORES > 1 ? `server on core 0, load generator on core 1 (taskset, ${CORES} cores)` : 'not pinned (taskset or a second core missing)';

export function requireBuild() {
  if (!existsSync(new URL(`../${SERVER}`, import.meta.url))) {
    console.error(`${SERVER} is missing: run \`npm run build\` first (npm run bench does).`);
    process.exit(1);
  }
}

/** Starts a Node script pinned to core 0; resolves once GET /readyz answers 200. */
export async function startPinned(script, env, port) {
  const [cmd, args] = pinned(0, process.execPath, [script]);
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = null;
  child.on('exit', (code) => { exited = code ?? -1; });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited !== null) throw new Error(`${script} exited with ${exited} before it was ready`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`${script} did not become ready`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

export async function stop(child) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(t);
}

/** Runs bench/load.mjs on core 1 and returns its JSON result. */
export function load(options) {
  const [cmd, args] = pinned(1, process.execPath, ['bench/load.mjs', JSON.stringify(options)]);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try { resolve(JSON.parse(out.trim().split('\n').at(-1))); } catch (e) { reject(e); }
    });
  });
}

/** Resident set size and its peak (VmRSS, VmHWM) of a process, in bytes. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch { return { rss: NaN, hwm: NaN }; }
}

export const mb = (bytes) => (bytes / 1e6).toFixed(1);
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };

/** NODE_OPTIONS of the Deployment (deploy/kubernetes/deployment.yaml; the image's default too). */
export function deployedNodeOptions() {
  try {
    const d = parse(readFileSync(new URL('../deploy/kubernetes/deployment.yaml', import.meta.url), 'utf8'));
    return d.spec.template.spec.containers[0].env.find((e) => e.name === 'NODE_OPTIONS')?.value ?? '';
  } catch {
    return '';
  }
}
