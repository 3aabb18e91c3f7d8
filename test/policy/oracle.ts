/** The differential oracle (AGPL, test-only): @cloud-copilot/iam-simulate. Never import from src/. */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { Decision } from '../../src/core/types.js';
import type { GenCase } from './generator.js';

export async function oracleDecision(c: GenCase): Promise<Decision | { error: string }> {
  const byKind = (k: string) => c.policies.filter((p) => p.kind === k);
  const levels = (k: string) => byKind(k).map((p, i) => ({ orgIdentifier: `${k}-level-${p.level ?? i}`, policies: [{ name: p.name, policy: p.document }] }));
  const sim = {
    request: {
      principal: c.principal,
      action: c.action,
      resource: { resource: c.resource, accountId: c.resourceAccount },
      contextVariables: c.context,
    },
    identityPolicies: byKind('identity').map((p) => ({ name: p.name, policy: p.document })),
    serviceControlPolicies: levels('scp'),
    resourceControlPolicies: levels('rcp'),
    resourcePolicy: c.policies.find((p) => p.kind === 'trust' || p.kind === 'resource')?.document,
    permissionBoundaryPolicies: byKind('permissions-boundary').map((p) => ({ name: p.name, policy: p.document })),
    sessionPolicy: byKind('session')[0]?.document,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const res: any = await runSimulation(sim as any, {});
  if (res.resultType === 'error') return { error: JSON.stringify(res.errors).slice(0, 300) };
  switch (res.overallResult) {
    case 'Allowed': return 'allow';
    case 'ExplicitlyDenied': return 'explicit-deny';
    case 'ImplicitlyDenied': return 'implicit-deny';
    default: return { error: String(res.overallResult) };
  }
}
