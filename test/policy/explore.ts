// Exploratory differential runs over dimensions the committed generator excludes (see docs/decisions/00x):
//   npx tsx test/policy/explore.ts [mutation]  — prints agreement per mutation. Not part of the test run.
import { generateCase, excludedBy, rng, type GenCase } from './generator.js';
import { oracleDecision } from './oracle.js';
import { simulate } from '../../src/core/policy/index.js';

type Mut = (c: GenCase, r: () => number) => boolean;
const stmts = (c: GenCase) => c.policies.flatMap((p) => p.document.Statement.map((s) => ({ p, s })));
const muts: Record<string, Mut> = {
  notprincipal: (c, r) => { let did = false; for (const { p, s } of stmts(c)) if (p.kind === 'resource' && s['Principal'] && r() < 0.5) { s['NotPrincipal'] = s['Principal']; delete s['Principal']; did = true; } return did; },
  federated: (c) => { if (!c.principal.includes(':user/')) return false; const n = c.principal.split('/').pop(); const acct = c.principal.split(':')[4]; c.principal = `arn:aws:sts::${acct}:federated-user/${n}`; c.context['aws:PrincipalArn'] = c.principal; delete c.context['aws:username']; return true; },
  setIfExists: (c) => { let did = false; for (const { s } of stmts(c)) { const cond = s['Condition'] as Record<string, unknown> | undefined; if (!cond) continue; for (const k of Object.keys(cond)) if (k.startsWith('For')) { cond[k + 'IfExists'] = cond[k]; delete cond[k]; did = true; } } return did; },
  multiSingle: (c) => { let did = false; for (const { s } of stmts(c)) { const cond = s['Condition'] as Record<string, unknown> | undefined; if (!cond) continue; for (const k of Object.keys(cond)) if (k.startsWith('For')) { const base = k.split(':')[1]!; cond[base] = cond[k]; delete cond[k]; did = true; } } return did && Array.isArray(c.context['aws:TagKeys']); },
  noVersion: (c) => { let did = false; for (const p of c.policies) if (p.kind !== 'rcp' && JSON.stringify(p.document).includes('${')) { delete p.document.Version; did = true; } return did; },
  keyCase: (c) => { let did = false; for (const { s } of stmts(c)) { const cond = s['Condition'] as Record<string, Record<string, unknown>> | undefined; if (!cond) continue; for (const op of Object.values(cond)) for (const k of Object.keys(op)) { op[k.toUpperCase()] = op[k]; delete op[k]; did = true; } } return did; },
  actionCase: (c) => { let did = false; for (const { s } of stmts(c)) if (typeof s['Action'] === 'string') { s['Action'] = (s['Action'] as string).toUpperCase(); did = true; } return did; },
  epoch: (c) => { let did = false; for (const { s } of stmts(c)) { const cond = s['Condition'] as Record<string, Record<string, unknown>> | undefined; if (!cond) continue; for (const [op, kv] of Object.entries(cond)) if (op.startsWith('Date')) for (const k of Object.keys(kv)) { kv[k] = String(Date.parse(String(kv[k])) / 1000); did = true; } } return did; },
  ctxEpoch: (c) => { const t = c.context['aws:CurrentTime']; if (typeof t !== 'string') return false; c.context['aws:CurrentTime'] = String(Date.parse(t) / 1000); return true; },
  principalList: (c) => { let did = false; for (const { s } of stmts(c)) { const pr = s['Principal'] as Record<string, unknown> | string | undefined; if (pr && typeof pr === 'object' && typeof pr['AWS'] === 'string') { pr['AWS'] = [pr['AWS'], '999999999999']; did = true; } } return did; },
  resourceCase: (c) => { let did = false; for (const { s } of stmts(c)) if (typeof s['Resource'] === 'string' && (s['Resource'] as string).includes('bucket-x')) { s['Resource'] = (s['Resource'] as string).replace('bucket-x', 'BUCKET-X'); did = true; } return did; },
  noResourceInResourcePolicy: (c) => { let did = false; for (const { p, s } of stmts(c)) if (p.kind === 'resource' && s['Resource']) { delete s['Resource']; did = true; } return did; },
  svcScp: (c) => { if (!c.principal.endsWith('amazonaws.com')) return false; c.policies.push({ kind: 'scp', name: 'scp-x', level: 0, document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } }); return true; },
  roleArn: (c) => { if (!c.principal.includes(':assumed-role/')) return false; const parts = c.principal.split('/'); const acct = c.principal.split(':')[4]; c.principal = `arn:aws:iam::${acct}:role/${parts[1]}`; return true; },
  dynamo: (c) => { c.action = 'dynamodb:GetItem'; c.resource = `arn:aws:dynamodb:us-east-1:${c.resourceAccount}:table/t`; delete c.context['sts:ExternalId']; c.policies = c.policies.filter((p) => p.kind !== 'trust'); return true; },
  kmsAlias: (c) => { if (!c.action.startsWith('kms:')) return false; c.resource = `arn:aws:kms:us-east-1:${c.resourceAccount}:alias/app`; return true; },
  resourceStar: (c) => { if (!c.action.startsWith('sqs:')) return false; c.resource = '*'; return true; },
  root: (c) => { if (c.action === 'sts:AssumeRole') return false; const acct = c.principal.split(':')[4]; if (!acct) return false; c.principal = `arn:aws:iam::${acct}:root`; c.context['aws:PrincipalArn'] = c.principal; delete c.context['aws:username']; return true; },
};
const only = process.argv[2];
for (const [name, mut] of Object.entries(muts)) {
  if (only && name !== only) continue;
  let n = 0, dis = 0, err = 0; const ex: string[] = [];
  for (let i = 0; i < 3000 && n < 600; i++) {
    const c = generateCase(i, 777);
    if (!mut(c, rng(i))) continue;
    if (excludedBy(c)) continue;
    const o = await oracleDecision(c);
    if (typeof o !== 'string') { err++; continue; }
    n++;
    const m = simulate({ ...c });
    if (m.decision !== o) { dis++; if (ex.length < 3) ex.push(`${i}:${m.decision}/${o}`); }
  }
  console.log(name.padEnd(28), 'n', n, 'dis', dis, 'err', err, ex.join(' '));
}
