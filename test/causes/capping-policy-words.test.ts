/**
 * A pasted session policy or permissions boundary that allows nothing for the call is named once:
 * "No statement of policy 2 (x), the pasted session policy, allows …", never "the pasted session
 * policy policy 2 (x)" (session 8, docs/ux-review.md).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { explain } from '../../src/core/index.js';

const CASES = [
  { name: 'session policy (k20)', file: 'blind-scenarios-10/k20-cloudtrail-secrets-same-account-secret-policy-grants-role-arn-session-policy-limits.json', id: 'session-policy', words: 'the pasted session policy' },
  { name: 'permissions boundary (j17)', file: 'blind-scenarios-9/j17-terraform-lambda-passrole-boundary-notaction-iam-path-role.json', id: 'permissions-boundary', words: 'the pasted permissions boundary' },
];

describe('the pasted capping policy is named once', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const s = JSON.parse(readFileSync(new URL(`../fixtures/${c.file}`, import.meta.url), 'utf8'));
      const cause = explain(s.input).causes.find((x) => x.id === c.id)!;
      const texts = cause.evidence.map((e) => e.text).filter((t) => t.startsWith('No statement of'));
      expect(texts.length).toBe(1);
      expect(texts[0]).toMatch(new RegExp(`^No statement of policy \\d+ \\(.+\\), ${c.words}, allows `));
      expect(texts[0]).not.toMatch(/policy policy|boundary policy \d/);
    });
  }
});
