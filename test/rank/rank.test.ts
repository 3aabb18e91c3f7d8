/**
 * The generic ranker: proof beats weight, ruled-out causes come last, refinements and ties are
 * data-driven, scores follow the order, and nothing depends on a cause's id.
 */
import { describe, expect, it } from 'vitest';
import { LIKELY_AT, POSSIBLE_AT, assess, rank } from '../../src/core/rank/index.js';
import { causeContext } from '../../src/core/causes/index.js';
import type { CauseContext, CauseDefinition, Signal } from '../../src/core/causes/types.js';
import type { ParsedError } from '../../src/core/types.js';
import { crossAccountAssume } from './parsed-fixture.js';
import { claim } from '../../src/core/causes/signals.js';

const parsed: ParsedError = crossAccountAssume;
const ctx: CauseContext = causeContext({ parsed, policies: [], evaluation: null, request: {}, context: {} });

const w = (weight: number, text = `weight ${weight}`): Signal => () => ({ weight, evidence: { text, source: 'message' } });
const proof = (p: 'confirmed' | 'ruled-out', weight = 1): Signal => () => ({ weight, proof: p, evidence: { text: p, source: 'policy', policy: 0 } });

function def(id: string, prior: number, signals: Signal[], extra: Partial<CauseDefinition> = {}): CauseDefinition {
  return {
    id, title: `Title of ${id}`, summary: 'summary', family: 'test', prior, appliesTo: () => true, signals,
    confirm: [{ description: 'who', command: 'aws iam get-role --role-name {targetRoleName}' }],
    fix: { description: 'fix {targetRoleName}', commands: ['aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust.json'] },
    docs: ['https://docs.aws.amazon.com/'],
    ...extra,
  };
}

const ids = (defs: CauseDefinition[]) => rank(defs, ctx).map((c) => c.id);
const statuses = (defs: CauseDefinition[]) => Object.fromEntries(rank(defs, ctx).map((c) => [c.id, c.status]));

describe('rank', () => {
  it('puts a confirmed cause above any unproven one, whatever the weights', () => {
    const defs = [def('heavy', 1, [w(500)]), def('proven', 0.01, [proof('confirmed', 0.01)])];
    expect(ids(defs)).toEqual(['proven', 'heavy']);
    expect(statuses(defs)).toEqual({ proven: 'confirmed', heavy: 'likely' });
  });

  it('puts ruled-out causes last, whatever their prior and weights', () => {
    const defs = [def('excluded', 1, [w(1000), proof('ruled-out')]), def('weak', 0.01, [w(0.5)]), def('mid', 0.5, [])];
    expect(ids(defs)).toEqual(['mid', 'weak', 'excluded']);
    expect(statuses(defs).excluded).toBe('ruled-out');
  });

  it('orders unproven causes by prior × product of weights', () => {
    const defs = [def('a', 0.2, [w(2), w(2)]), def('b', 1, [w(0.5)]), def('c', 0.1, [w(100)])];
    expect(ids(defs)).toEqual(['c', 'a', 'b']); // 10, 0.8, 0.5
  });

  it('maps strength to likely / possible / unlikely', () => {
    expect(assess(def('x', 1, [w(LIKELY_AT)]), ctx).status).toBe('likely');
    expect(assess(def('x', 1, [w(POSSIBLE_AT)]), ctx).status).toBe('possible');
    expect(assess(def('x', 1, [w(POSSIBLE_AT / 2)]), ctx).status).toBe('unlikely');
  });

  it('reports conflicting proof as possible, with a note', () => {
    const a = assess(def('x', 1, [proof('confirmed'), proof('ruled-out')]), ctx);
    expect(a.status).toBe('possible');
    expect(a.evidence.some((e) => e.text.includes('conflicts'))).toBe(true);
  });

  it('breaks ties by specificity (data), not by id or catalog order', () => {
    const generic = def('zzz-generic', 0.5, [w(2)]);
    const specific = def('aaa-specific', 0.5, [w(2)], { specificity: 2 });
    expect(ids([generic, specific])).toEqual(['aaa-specific', 'zzz-generic']);
    expect(ids([specific, generic])).toEqual(['aaa-specific', 'zzz-generic']);
    const g2 = def('aaa-generic', 0.5, [w(2)]);
    const s2 = def('zzz-specific', 0.5, [w(2)], { specificity: 2 });
    expect(ids([g2, s2])).toEqual(['zzz-specific', 'aaa-generic']);
  });

  it('never depends on the id: renaming every cause keeps the order', () => {
    const make = (prefix: string) => [
      def(`${prefix}1`, 0.3, [w(3)]), def(`${prefix}2`, 0.9, [proof('ruled-out')]), def(`${prefix}3`, 0.1, [proof('confirmed')]),
      def(`${prefix}4`, 0.6, [w(0.2)], { specificity: 1 }), def(`${prefix}5`, 0.6, [w(0.2)]),
    ];
    const strip = (list: string[], prefix: string) => list.map((x) => x.slice(prefix.length));
    expect(strip(ids(make('trust-')), 'trust-')).toEqual(strip(ids(make('q-')), 'q-'));
    expect(strip(ids(make('trust-')), 'trust-')).toEqual(['3', '1', '4', '5', '2']);
  });

  it('downgrades a generic cause when a cause that refines it is confirmed', () => {
    const generic = def('generic', 1, [proof('confirmed', 10)]);
    const specific = def('specific', 0.1, [proof('confirmed')], { refines: ['generic'], specificity: 2 });
    const out = rank([generic, specific], ctx);
    expect(out.map((c) => [c.id, c.status])).toEqual([['specific', 'confirmed'], ['generic', 'possible']]);
    expect(out[1]!.evidence.some((e) => e.text.includes('specific'))).toBe(true);
  });

  it('puts an unproven refining cause first only when its own evidence (weights, not prior) is stronger', () => {
    const generic = def('generic', 1, [w(2)]);
    expect(ids([generic, def('specific', 0.1, [w(2), w(3)], { refines: ['generic'] })])).toEqual(['specific', 'generic']);
    // same evidence: the prior (how often each occurs) decides
    expect(ids([generic, def('specific', 0.1, [w(2)], { refines: ['generic'] })])).toEqual(['generic', 'specific']);
    // a stronger but non-refining cause with a small prior does not jump ahead
    expect(ids([generic, def('other', 0.1, [w(2), w(3)])])).toEqual(['generic', 'other']);
  });

  it('does not downgrade when the refining cause is only likely', () => {
    const out = rank([def('generic', 1, [w(5)]), def('specific', 0.1, [w(40)], { refines: ['generic'] })], ctx);
    expect(out.find((c) => c.id === 'generic')?.status).toBe('likely');
  });

  it('says so when the evidence cannot separate the two leading causes', () => {
    const out = rank([def('one', 0.5, [w(2)]), def('two', 0.45, [w(2)])], ctx);
    expect(out[0]!.evidence.some((e) => e.text.includes('cannot separate') && e.text.includes('two'))).toBe(true);
    expect(out[1]!.evidence.some((e) => e.text.includes('cannot separate') && e.text.includes('one'))).toBe(true);
    const apart = rank([def('one', 1, [w(20)]), def('two', 0.1, [w(2)])], ctx);
    expect(apart[0]!.evidence.some((e) => e.text.includes('cannot separate'))).toBe(false);
  });

  it('gives scores in 0..1 that never increase down the list, confirmed ≥ 0.9 and ruled-out < 0.05', () => {
    const out = rank([
      def('a', 1, [w(3)]), def('b', 0.1, [proof('confirmed')]), def('c', 0.2, [proof('ruled-out')]), def('d', 0.05, [w(0.1)]), def('e', 0.5, []),
    ], ctx);
    for (let i = 1; i < out.length; i++) expect(out[i]!.score).toBeLessThanOrEqual(out[i - 1]!.score);
    for (const c of out) { expect(c.score).toBeGreaterThanOrEqual(0); expect(c.score).toBeLessThanOrEqual(1); }
    expect(out[0]!.score).toBeGreaterThanOrEqual(0.9);
    expect(out.at(-1)!.score).toBeLessThan(0.05);
  });

  it('lists proof first in the evidence, and fills commands from the facts', () => {
    const out = rank([def('x', 1, [w(2, 'weak hint'), proof('confirmed')])], ctx)[0]!;
    expect(out.evidence[0]!.text).toBe('confirmed');
    expect(out.evidence[0]!.policy).toBe(0);
    expect(out.confirm[0]!.command).toBe('aws iam get-role --role-name deploy');
    expect(out.fix.description).toBe('fix deploy');
  });

  it('survives a signal, appliesTo or fix that throws, and leaves out causes that do not apply', () => {
    const boom: Signal = () => { throw new Error('bug'); };
    const defs = [
      def('throws', 1, [boom, w(2)]),
      def('skipped', 1, [w(100)], { appliesTo: () => false }),
      def('bad-applies', 1, [], { appliesTo: () => { throw new Error('x'); } }),
      def('bad-fix', 1, [], { fix: { description: 'd', commands: [], correctPolicy: () => { throw new Error('y'); } } }),
    ];
    const out = rank(defs, ctx);
    expect(out.map((c) => c.id).sort()).toEqual(['bad-fix', 'throws']);
    expect(out.find((c) => c.id === 'bad-fix')?.fix.policy).toBeUndefined();
  });

  it('adds the corrected policy and its index when a fix provides one', () => {
    const out = rank([def('x', 1, [], { fix: { description: 'd', commands: [], correctPolicy: () => ({ policyIndex: 2, policy: { Version: '2012-10-17', Statement: [] } }) } })], ctx)[0]!;
    expect(out.fix.policyIndex).toBe(2);
    expect(out.fix.policy).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it('filters confirm commands by their when()', () => {
    const out = rank([def('x', 1, [], { confirm: [
      { description: 'kept', command: 'aws sts get-caller-identity', when: () => true },
      { description: 'dropped', command: 'aws iam list-roles', when: () => false },
    ] })], ctx)[0]!;
    expect(out.confirm.map((c) => c.description)).toEqual(['kept']);
  });
});

describe('rank: second-shift rules (data-driven)', () => {
  it('a message claim turns a pasted-policy rule-out into lower confidence', () => {
    const claimed: Signal = () => ({ weight: 40, claim: true, evidence: { text: 'AWS says so', source: 'message' } });
    const r = rank([def('named', 0.1, [claimed, proof('ruled-out')]), def('other', 0.1, [w(2)])], ctx);
    expect(r.find((c) => c.id === 'named')?.status).not.toBe('ruled-out');
    expect(r.find((c) => c.id === 'named')?.evidence.some((e) => e.text.includes('AWS itself names this cause'))).toBe(true);
    // without the claim the same rule-out stands
    expect(statuses([def('named', 0.1, [w(40), proof('ruled-out')])]).named).toBe('ruled-out');
  });

  it('a message claim is at least likely whatever the prior, but not once the pasted copies seem to allow the call', () => {
    const named = claim(40, { text: 'AWS says so', source: 'message' });
    expect(statuses([def('rare', 0.01, [() => named])]).rare).toBe('likely'); // 0.01 × 40 alone would be possible
    // revived from a rule-out: lower confidence (0.1 × 40 × 0.3), the floor does not lift it back
    expect(statuses([def('revived', 0.1, [() => named, proof('ruled-out')])]).revived).toBe('possible');
    // a strong argument against it (weight < 0.2) still beats the floor
    expect(statuses([def('argued', 0.1, [() => named, w(0.01)])]).argued).not.toBe('likely');
  });

  it('a message that places the failure at a stage rules out other stages\' server-side causes', () => {
    const tokenCtx = causeContext({ parsed: { ...parsed, action: 'sts:AssumeRoleWithWebIdentity', operation: 'AssumeRoleWithWebIdentity', errorCode: 'InvalidIdentityToken', message: 'Incorrect token audience' }, policies: [], evaluation: null, request: {}, context: {} });
    const r = rank([
      def('later', 1, [w(5)], { stage: 'policy' }),
      def('earlier', 1, [w(5)], { stage: 'idp' }),
      def('same', 0.5, [w(2)], { stage: 'token' }),
      def('client-side', 0.5, [w(2)], { stage: 'client' }),
      def('anywhere', 0.5, [w(2)]),
    ], tokenCtx);
    const st = Object.fromEntries(r.map((c) => [c.id, c.status]));
    expect(st.later).toBe('ruled-out');
    expect(st.earlier).toBe('ruled-out');
    expect(st.same).not.toBe('ruled-out');
    expect(st['client-side']).not.toBe('ruled-out');
    expect(st.anywhere).not.toBe('ruled-out');
  });

  it('a confirmed cause drops the causes it supersedes below it', () => {
    const r = rank([def('grant-caller', 1, [proof('confirmed')]), def('other-creds', 0.2, [proof('confirmed')], { supersedes: ['grant-caller'] })], ctx);
    expect(r.map((c) => c.id)).toEqual(['other-creds', 'grant-caller']);
    expect(r[1]?.status).toBe('possible');
  });

  it('fix commands with `when` are kept only when it holds', () => {
    const d = def('f', 1, [], { fix: { description: 'fix', commands: ['aws sts get-caller-identity', { command: 'aws iam get-user', when: () => false }, { command: 'aws iam get-role --role-name {targetRoleName}', when: (c) => c.parsed.caller?.type === 'assumed-role' }] } });
    expect(rank([d], ctx)[0]?.fix.commands).toEqual(['aws sts get-caller-identity', 'aws iam get-role --role-name deploy']);
  });
});
