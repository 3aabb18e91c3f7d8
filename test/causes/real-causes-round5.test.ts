/**
 * Round 5: 45 new real messages from public issue threads (test/fixtures/extra/real-errors-round5.jsonl),
 * 15 with a cause the thread or its fix states (real-causes-round5.jsonl), scored from the message alone with
 * score.mjs's rule (rank among causes not ruled out). Bars are what this build reaches
 * (run 2026-11-30: top-1 12/15, top-3 13/15; before this round's changes 11/15 and 13/15). The misses carry
 * little hint in the text: a Glue database that does not exist behind "no identity-based policy allows"
 * (resource-missing-masked, ranked below the caller-side causes), and an EC2 runner's instance-role session
 * refused sts:TagSession because the workflow lacked `id-token: write` (the text never says GitHub).
 * Top-3 only: secretsmanager:GetResourcePolicy "because no resource-based policy allows", where the thread's
 * answer is the caller's identity policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, getCause } from '../../src/core/index.js';
import { rankOf } from './held-out.js';

const dir = join(import.meta.dirname, '../fixtures/extra');
const readJsonl = <T>(f: string): T[] => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const errors = new Map(readJsonl<{ id: string; text: string }>('real-errors-round5.jsonl').map((e) => [e.id, e]));
const all = readJsonl<{ id: string; causes: string[]; also: string[] }>('real-causes-round5.jsonl');
const labels = all.filter((l) => l.causes.length > 0);

const results = labels.map((l) => {
  const causes = explain({ message: errors.get(l.id)?.text ?? '' }).causes;
  return { label: l, rank: rankOf(causes, l.causes), top: causes.slice(0, 3).map((c) => c.id) };
});

const TOP3_BAR = 0.86;
const TOP1_BAR = 0.8;

describe('round-5 real labeled messages (message only)', () => {
  it('has 15 labels, a line for every message, and catalog ids only', () => {
    expect(labels.length).toBeGreaterThanOrEqual(15);
    expect(all.length).toBe(errors.size);
    for (const l of all) {
      expect(errors.has(l.id), l.id).toBe(true);
      for (const id of [...l.causes, ...l.also]) expect(getCause(id), `${l.id}: ${id}`).toBeDefined();
    }
  });

  it(`puts a labeled cause in the top 3 for ${TOP3_BAR * 100}% and first for at least ${TOP1_BAR * 100}%`, () => {
    const top1 = results.filter((r) => r.rank === 1).length;
    const top3 = results.filter((r) => r.rank <= 3).length;
    const lines = results.filter((r) => r.rank !== 1).map((r) => `${r.rank <= 3 ? 'top3' : 'MISS'} ${r.label.id}: want ${r.label.causes.join('|')} got ${r.top.join(', ')}`);
    console.log(`round-5 real labeled: top-1 ${top1}/${results.length}, top-3 ${top3}/${results.length}\n${lines.join('\n')}`);
    expect(top3 / results.length, lines.join('\n')).toBeGreaterThanOrEqual(TOP3_BAR);
    expect(top1 / results.length, lines.join('\n')).toBeGreaterThanOrEqual(TOP1_BAR);
  });
});

describe('a resource AWS owns (account field "aws") points at the Resource of the caller\'s Allow', () => {
  const first = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;
  const msg = (res: string) => `User: arn:aws:iam::111122223333:user/deployer is not authorized to perform: cloudformation:CreateChangeSet on resource: ${res}`;
  it('the SAM transform ranks identity-resource-mismatch first', () => {
    expect(first(msg('arn:aws:cloudformation:eu-west-1:aws:transform/Serverless-2016-10-31'))).toBe('identity-resource-mismatch');
  });
  it('a stack in the caller\'s account does not', () => {
    expect(first(msg('arn:aws:cloudformation:eu-west-1:111122223333:stack/app/*'))).not.toBe('identity-resource-mismatch');
  });
  it('not when AWS names an explicit deny', () => {
    expect(first(`${msg('arn:aws:cloudformation:eu-west-1:aws:transform/Serverless-2016-10-31')} with an explicit deny in a service control policy`)).not.toBe('identity-resource-mismatch');
  });
});
