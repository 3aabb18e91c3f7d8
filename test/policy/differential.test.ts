/**
 * Differential test against @cloud-copilot/iam-simulate (AGPL; test-only) on generated requests.
 * Disagreements are either fixed in the engine or excluded by rule (docs/decisions/00x-*.md).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core/policy/index.js';
import { excludedBy, generateCase } from './generator.js';
import { oracleDecision } from './oracle.js';

const COUNT = 1500;

describe('differential: engine vs @cloud-copilot/iam-simulate', () => {
  it(`agrees on ≥ 99.5% of ${COUNT} generated requests (after documented exclusions)`, async () => {
    let compared = 0;
    let agreed = 0;
    let excluded = 0;
    let oracleErrors = 0;
    const decisions: Record<string, number> = {};
    const services = new Set<string>();
    const disagreements: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const c = generateCase(i);
      if (excludedBy(c)) {
        excluded++;
        continue;
      }
      const oracle = await oracleDecision(c);
      if (typeof oracle !== 'string') {
        oracleErrors++;
        continue;
      }
      const mine = simulate({
        principal: c.principal, action: c.action, resource: c.resource,
        resourceAccount: c.resourceAccount, context: c.context, policies: c.policies,
      });
      compared++;
      services.add(c.action.split(':')[0] as string);
      decisions[oracle] = (decisions[oracle] ?? 0) + 1;
      if (mine.decision === oracle) agreed++;
      else if (disagreements.length < 5) disagreements.push(`case ${i}: engine ${mine.decision}, oracle ${oracle}`);
    }
    const rate = agreed / compared;
    console.log(`differential: ${agreed}/${compared} agree (${(rate * 100).toFixed(2)}%), ${excluded} excluded by rule, ${oracleErrors} rejected by the oracle`);
    expect(compared).toBeGreaterThanOrEqual(1000);
    expect(oracleErrors).toBe(0);
    expect([...services].sort()).toEqual(['kms', 's3', 'sqs', 'sts']);
    // the generator must exercise every outcome
    expect(decisions['allow'] ?? 0).toBeGreaterThan(50);
    expect(decisions['explicit-deny'] ?? 0).toBeGreaterThan(50);
    expect(decisions['implicit-deny'] ?? 0).toBeGreaterThan(50);
    expect(excluded / COUNT).toBeLessThan(0.05);
    expect(rate, disagreements.join('\n')).toBeGreaterThanOrEqual(0.995);
  }, 120_000);

  it('the generator is deterministic', () => {
    expect(JSON.stringify(generateCase(42))).toBe(JSON.stringify(generateCase(42)));
    expect(JSON.stringify(generateCase(42))).not.toBe(JSON.stringify(generateCase(43)));
  });
});
