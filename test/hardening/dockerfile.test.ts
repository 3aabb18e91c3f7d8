import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { DEFAULT_CONFIG } from '../../src/http/config.js';
import { ROOT } from './fixtures.js';

// No Docker engine here: the Dockerfile is parsed and checked instead of built.

interface Instruction { op: string; args: string; line: number }
interface Stage { from: string; name: string | null; instructions: Instruction[] }

function parseDockerfile(text: string): { args: Map<string, string>; stages: Stage[] } {
  const lines: Array<{ text: string; line: number }> = [];
  let buf = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!buf && (t === '' || t.startsWith('#'))) return;
    if (buf && t.startsWith('#')) return; // comments inside a continuation
    if (!buf) start = i + 1;
    if (t.endsWith('\\')) { buf += t.slice(0, -1) + ' '; return; }
    lines.push({ text: buf + t, line: start });
    buf = '';
  });
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const { text: l, line } of lines) {
    const m = /^(\S+)\s+([\s\S]*)$/.exec(l);
    if (!m) continue;
    const op = m[1]!.toUpperCase();
    const rest = m[2]!.trim();
    if (op === 'ARG' && stages.length === 0) {
      const [k, v] = rest.split('=');
      args.set(k!, v ?? '');
      continue;
    }
    if (op === 'FROM') {
      const f = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      const image = (f?.[1] ?? rest).replace(/\$\{(\w+)\}/g, (_, k: string) => args.get(k) ?? '');
      stages.push({ from: image, name: f?.[2] ?? null, instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ op, args: rest, line });
  }
  return { args, stages };
}

function execForm(args: string): string[] | null {
  try {
    const v = JSON.parse(args) as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch { return null; }
}

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const { stages } = parseDockerfile(dockerfile);
const final = stages.at(-1)!;
const ops = (s: Stage, op: string) => s.instructions.filter((i) => i.op === op);

describe('Dockerfile', () => {
  it('is multi-stage: npm ci → build → production deps only → runtime', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runs = stages.map((s) => ops(s, 'RUN').map((i) => i.args).join(' && '));
    const ci = runs.findIndex((r) => /\bnpm ci\b/.test(r) && !/--omit=dev/.test(r));
    const build = runs.findIndex((r) => /\bnpm run build\b/.test(r));
    const prod = runs.findIndex((r) => /\bnpm ci\b[^&]*--omit=dev/.test(r));
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThanOrEqual(ci);
    expect(prod).toBeGreaterThanOrEqual(0);
    expect(prod).not.toBe(build);
    // the build stage starts from the full-dependency stage
    const buildStage = stages[build]!;
    expect(buildStage.from === stages[ci]!.name || build === ci).toBe(true);
    // the runtime takes node_modules from the production-only stage, dist from the build
    const copies = ops(final, 'COPY').map((i) => i.args);
    const nm = copies.find((c) => /node_modules/.test(c));
    expect(nm).toMatch(new RegExp(`--from=${stages[prod]!.name}\\b`));
    expect(copies.find((c) => /\bdist\b/.test(c))).toMatch(new RegExp(`--from=${buildStage.name}\\b`));
    // nothing else from the build stage (its node_modules hold dev dependencies)
    expect(copies.filter((c) => c.includes(`--from=${buildStage.name}`)).every((c) => /\/app\/dist\b/.test(c))).toBe(true);
    expect(ops(final, 'RUN')).toHaveLength(0);
  });

  it('uses a small official Node 20 base image', () => {
    for (const s of stages.filter((s) => !stages.some((o) => o.name === s.from))) {
      expect(s.from).toMatch(/^node:20(?:\.\d+){0,2}-(?:slim|alpine)/);
    }
  });

  it('runs as a non-root user', () => {
    const users = ops(final, 'USER').map((i) => i.args.split(':')[0]!);
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!;
    expect(['root', '0']).not.toContain(user);
    // numeric, so Kubernetes can verify runAsNonRoot without a runAsUser
    expect(user).toMatch(/^[1-9]\d*$/);
  });

  it('leaves the code owned by root, so the service user cannot rewrite it', () => {
    const copies = ops(final, 'COPY').map((i) => i.args);
    expect(copies.some((c) => /\bdist\b/.test(c))).toBe(true);
    for (const c of copies) expect(c, c).not.toMatch(/--chown|--chmod/);
  });

  it('exposes 3000, the service\'s default port', () => {
    expect(ops(final, 'EXPOSE').map((i) => i.args)).toContain('3000');
    expect(DEFAULT_CONFIG.port).toBe(3000);
    const env = ops(final, 'ENV').map((i) => i.args).join(' ');
    const port = /\bPORT=(\d+)/.exec(env)?.[1];
    if (port) expect(port).toBe('3000');
  });

  it('starts the compiled server, which the build produces', () => {
    const cmd = execForm(ops(final, 'CMD').at(-1)!.args);
    expect(cmd).toEqual(['node', 'dist/src/http/server.js']);
    // tsc maps src/http/server.ts to dist/src/http/server.js (outDir dist, rootDir .)
    expect(existsSync(join(ROOT, 'src/http/server.ts'))).toBe(true);
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { outDir: string; rootDir: string } };
    expect([tsconfig.compilerOptions.outDir, tsconfig.compilerOptions.rootDir]).toEqual(['dist', '.']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/tsc -p tsconfig\.build\.json/);
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    // allow-list style: everything out, then the build inputs back in
    expect(ignore[0]).toBe('*');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/(\*\*)?$/, ''));
    for (const s of stages) {
      for (const c of ops(s, 'COPY').filter((i) => !i.args.includes('--from='))) {
        const parts = c.args.split(/\s+/).filter((p) => !p.startsWith('--'));
        for (const src of parts.slice(0, -1)) {
          expect(existsSync(join(ROOT, src)), `${src} exists`).toBe(true);
          expect(allowed, `${src} allowed by .dockerignore`).toContain(src.replace(/\/$/, ''));
        }
      }
    }
    for (const secretish of ['.env', 'node_modules', 'dist', 'test', '.git']) expect(allowed).not.toContain(secretish);
  });

  describe('HEALTHCHECK', () => {
    let app: FastifyInstance;
    beforeAll(async () => { app = await buildApp({ ...DEFAULT_CONFIG, logLevel: 'silent' }); await app.ready(); });
    afterAll(async () => { await app.close(); });

    it('asks /healthz with node (no curl in the slim image), and the route answers 200', async () => {
      const hc = ops(final, 'HEALTHCHECK').at(-1)!.args;
      const cmd = execForm(hc.replace(/^(?:--\S+\s+)*CMD\s+/, ''));
      expect(cmd?.[0]).toBe('node');
      expect(hc).not.toMatch(/\b(?:curl|wget)\b/);
      // the path is the one string literal of the script that starts with a slash
      const path = /'(\/[a-z/]{1,40})'/.exec(cmd![2] ?? '')?.[1];
      expect(path).toBe('/healthz');
      const r = await app.inject({ method: 'GET', url: path! });
      expect(r.statusCode).toBe(200);
    });

    it('the health check script itself is valid JavaScript that exits on both outcomes', () => {
      const cmd = execForm(ops(final, 'HEALTHCHECK').at(-1)!.args.replace(/^(?:--\S+\s+)*CMD\s+/, ''))!;
      expect(cmd[1]).toBe('-e');
      expect(() => new Function(cmd[2]!)).not.toThrow();
      expect(cmd[2]).toMatch(/process\.exit\(r\.ok \? 0 : 1\)/);
      expect(cmd[2]).toMatch(/\(\) => process\.exit\(1\)/);
    });
  });
});
