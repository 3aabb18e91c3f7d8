// Debug helper: npx tsx test/policy/diff-run.ts [count] — prints disagreements.
import { simulate } from '../../src/core/policy/index.js';
import { excludedBy, generateCase } from './generator.js';
import { oracleDecision } from './oracle.js';

const n = Number(process.argv[2] ?? 1000);
let agree = 0, total = 0, excluded = 0, errors = 0;
const dist: Record<string, number> = {};
const exRules: Record<string, number> = {};
const shown: string[] = [];
for (let i = 0; i < n; i++) {
  const c = generateCase(i);
  const ex = excludedBy(c);
  if (ex) { excluded++; exRules[ex] = (exRules[ex] ?? 0) + 1; continue; }
  const o = await oracleDecision(c);
  if (typeof o !== 'string') { errors++; if (errors < 4) console.log('ORACLE ERROR', i, o.error); continue; }
  const mine = simulate({ principal: c.principal, action: c.action, resource: c.resource, resourceAccount: c.resourceAccount, context: c.context, policies: c.policies });
  total++;
  dist[o] = (dist[o] ?? 0) + 1;
  if (mine.decision === o) agree++;
  else if (shown.length < Number(process.argv[3] ?? 5)) shown.push(JSON.stringify({ i, mine: mine.decision, oracle: o, c, why: mine.policies.map((p) => [p.kind, p.verdict, p.statements.map((s) => s.why)]) }, null, 1));
}
console.log(shown.join('\n\n'));
console.log({ total, agree, pct: (100 * agree / total).toFixed(2), excluded, errors, dist, exRules });
