import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { DEFAULT_CONFIG, loadConfig } from '../../src/http/config.js';
import { ROOT } from './fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML is untyped
type Obj = Record<string, any>;

const DIR = join(ROOT, 'deploy/kubernetes');
const docs: Obj[] = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort().flatMap((f) => {
  const parsed = parseAllDocuments(readFileSync(join(DIR, f), 'utf8'));
  return parsed.map((d) => {
    if (d.errors.length) throw new Error(`${f}: ${d.errors[0]!.message}`);
    return d.toJS() as Obj;
  }).filter(Boolean);
});
const byKind = (kind: string) => docs.filter((d) => d.kind === kind);
const deployment = byKind('Deployment')[0]!;
const pod = deployment?.spec?.template?.spec as Obj;
const container = pod?.containers?.[0] as Obj;
const env: Record<string, string> = Object.fromEntries((container?.env ?? []).map((e: Obj) => [e.name, String(e.value)]));

function resolvePort(port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  return (container.ports as Obj[]).find((p) => p.name === port)?.containerPort;
}
function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
const podLabels = () => deployment.spec.template.metadata.labels as Record<string, string>;

describe('Kubernetes manifests', () => {
  it('hold a Deployment, a Service, an autoscaling/v2 HPA and a PodDisruptionBudget', () => {
    expect(byKind('Deployment')).toHaveLength(1);
    expect(byKind('Service')).toHaveLength(1);
    expect(byKind('HorizontalPodAutoscaler')).toHaveLength(1);
    expect(byKind('PodDisruptionBudget')).toHaveLength(1);
    expect(deployment.apiVersion).toBe('apps/v1');
    expect(byKind('HorizontalPodAutoscaler')[0]!.apiVersion).toBe('autoscaling/v2');
    expect(byKind('PodDisruptionBudget')[0]!.apiVersion).toBe('policy/v1');
  });

  it('the Deployment selects its own pods', () => {
    expect(matches(deployment.spec.selector.matchLabels, podLabels())).toBe(true);
  });

  it('the container listens where the app listens: containerPort = PORT = the configured port', () => {
    const port = (container.ports as Obj[]).find((p) => p.name === 'http');
    expect(port?.containerPort).toBe(3000);
    const config = loadConfig(env); // every env value must be valid configuration
    expect(config.port).toBe(port!.containerPort);
    expect(DEFAULT_CONFIG.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
  });

  it('every env value is accepted by the service\'s configuration loader', () => {
    expect(() => loadConfig(env)).not.toThrow();
    expect(loadConfig(env).rateLimitMax).toBeGreaterThan(0);
  });

  it('runs non-root on a read-only root filesystem without privilege escalation', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    const sc = container.securityContext as Obj;
    expect(sc.readOnlyRootFilesystem).toBe(true);
    expect(sc.allowPrivilegeEscalation).toBe(false);
    expect(sc.privileged).not.toBe(true);
    expect(sc.capabilities.drop).toContain('ALL');
    // the Dockerfile's user is the one Kubernetes runs
    const dockerUser = /^USER\s+(\d+)/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
    expect(String(pod.securityContext.runAsUser)).toBe(dockerUser);
  });

  it('sets resource requests and limits, with room for the 150 MB soak target', () => {
    const r = container.resources as Obj;
    for (const k of ['cpu', 'memory']) {
      expect(r.requests?.[k], `requests.${k}`).toBeTruthy();
      expect(r.limits?.[k], `limits.${k}`).toBeTruthy();
    }
    const mi = (v: string) => (v.endsWith('Gi') ? Number(v.slice(0, -2)) * 1024 : Number(v.replace(/Mi$/, '')));
    expect(mi(r.limits.memory)).toBeGreaterThanOrEqual(150 * 1e6 / 2 ** 20);
    expect(mi(r.limits.memory)).toBeGreaterThanOrEqual(mi(r.requests.memory));
    // V8's heap cap stays below the container limit
    const heap = /--max-old-space-size=(\d+)/.exec(env.NODE_OPTIONS ?? '')?.[1];
    if (heap) expect(Number(heap)).toBeLessThan(mi(r.limits.memory));
  });

  it('lets in-flight requests finish before the kubelet kills the pod', () => {
    const config = loadConfig(env);
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(config.shutdownDelayMs + config.shutdownTimeoutMs);
    expect(config.shutdownDelayMs).toBeGreaterThan(0); // endpoints drain while /readyz is 503
  });

  it('the Service reaches the container port and selects the pods', () => {
    const svc = byKind('Service')[0]!;
    expect(matches(svc.spec.selector, podLabels())).toBe(true);
    for (const p of svc.spec.ports as Obj[]) expect(resolvePort(p.targetPort)).toBe(3000);
  });

  it('the HPA scales this Deployment on CPU, above the PDB\'s floor', () => {
    const hpa = byKind('HorizontalPodAutoscaler')[0]!;
    expect(hpa.spec.scaleTargetRef).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    const cpu = (hpa.spec.metrics as Obj[]).find((m) => m.type === 'Resource' && m.resource.name === 'cpu');
    expect(cpu?.resource.target.type).toBe('Utilization');
    expect(cpu?.resource.target.averageUtilization).toBeGreaterThan(0);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    const pdb = byKind('PodDisruptionBudget')[0]!;
    expect(matches(pdb.spec.selector.matchLabels, podLabels())).toBe(true);
    expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    // CPU utilization needs a CPU request to be measured against
    expect(container.resources.requests.cpu).toBeTruthy();
  });

  describe('probes point at real routes of the app', () => {
    let app: FastifyInstance;
    beforeAll(async () => { app = await buildApp({ ...loadConfig(env), logLevel: 'silent' }); await app.ready(); });
    afterAll(async () => { await app.close(); });

    const probes = () => (['startupProbe', 'readinessProbe', 'livenessProbe'] as const).map((k) => [k, container[k] as Obj] as const);

    it('readiness asks /readyz and liveness asks /healthz, on the container port', () => {
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');
      for (const [k, p] of probes()) if (p) expect(resolvePort(p.httpGet.port), k).toBe(3000);
    });

    it('each probe path is a route that answers 200', async () => {
      const routes = app.printRoutes({ commonPrefix: false });
      for (const [k, p] of probes()) {
        if (!p) continue;
        const path = p.httpGet.path as string;
        expect(routes, k).toContain(path.slice(1));
        const r = await app.inject({ method: 'GET', url: path });
        expect(r.statusCode, `${k} ${path}`).toBe(200);
      }
    });

    it('readiness turns 503 when the app shuts down, while liveness stays 200', async () => {
      app.lifecycle.shuttingDown = true;
      try {
        expect((await app.inject({ method: 'GET', url: container.readinessProbe.httpGet.path })).statusCode).toBe(503);
        expect((await app.inject({ method: 'GET', url: container.livenessProbe.httpGet.path })).statusCode).toBe(200);
      } finally {
        app.lifecycle.shuttingDown = false;
      }
    });
  });
});
