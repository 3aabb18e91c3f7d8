/**
 * A cause check that throws is a bug: the answer stays alive, that one cause is left out, and the
 * answer says which cause (by catalog id, never with text from the input).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rankCauses, rankCausesChecked } from '../../src/core/causes/index.js';
import { definitions } from '../../src/core/causes/catalog.js';
import type { CauseDefinition } from '../../src/core/causes/types.js';
import { explain } from '../../src/core/index.js';
import type { ParsedError } from '../../src/core/types.js';
import { crossAccountAssume } from '../rank/parsed-fixture.js';

const SECRET_TEXT = 'tenant-4471-private-note';
const message = `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111111111111:assumed-role/build-agent/${SECRET_TEXT} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/release-deployer`;
const parsed: ParsedError = crossAccountAssume;
const def = (id: string, over: Partial<CauseDefinition> = {}): CauseDefinition => ({
  id, title: id, summary: id, family: 'caller', prior: 1, appliesTo: () => true,
  signals: [() => ({ weight: 2, evidence: { text: `${id} signal`, source: 'message' } })],
  confirm: [], fix: { description: 'fix', commands: [] }, docs: [], ...over,
});
const boom = (): never => { throw new Error(`boom ${SECRET_TEXT}`); };

describe('rankCausesChecked', () => {
  it('skips only the causes whose appliesTo or signal threw, and names each in a warning', () => {
    const defs = [def('healthy'), def('bad-signal', { signals: [() => ({ weight: 50, evidence: { text: 'strong', source: 'message' } }), boom] }), def('bad-applies', { appliesTo: boom })];
    const r = rankCausesChecked({ parsed, policies: [], evaluation: null, request: {}, context: {}, text: SECRET_TEXT }, defs);
    expect(r.causes.map((c) => c.id)).toEqual(['healthy']);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'cause-check-failed', cause: 'bad-signal' }),
      expect.objectContaining({ code: 'cause-check-failed', cause: 'bad-applies' }),
    ]);
    expect(JSON.stringify(r.warnings)).not.toContain(SECRET_TEXT);
    expect(JSON.stringify(r.warnings)).not.toContain('boom');
  });

  it('no warning when every check runs', () => {
    const r = rankCausesChecked({ parsed, policies: [], evaluation: null, request: {}, context: {} }, [def('a'), def('b')]);
    expect(r.warnings).toEqual([]);
    expect(r.causes).toHaveLength(2);
  });

  it('a context that cannot be built: no causes, and a cause-ranking-failed warning instead of silence', () => {
    const r = rankCausesChecked({ parsed: null as unknown as ParsedError, policies: [], evaluation: null, request: {}, context: {} });
    expect(r.causes).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['cause-ranking-failed']);
    expect(rankCauses({ parsed: null as unknown as ParsedError, policies: [], evaluation: null, request: {}, context: {} })).toEqual([]);
  });
});

describe('explain with a broken cause check', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers with the other causes and warns cause-check-failed with the id only', () => {
    const healthy = explain({ message });
    const victim = definitions.find((d) => d.id === healthy.causes[0]!.id)!;
    vi.spyOn(victim, 'appliesTo').mockImplementation(boom);
    const a = explain({ message });
    expect(a.causes.length).toBe(healthy.causes.length - 1);
    expect(a.causes.some((c) => c.id === victim.id)).toBe(false);
    expect(a.causes[0]!.id).toBe(healthy.causes[1]!.id);
    const w = a.warnings.filter((x) => x.code === 'cause-check-failed');
    expect(w).toEqual([{ code: 'cause-check-failed', cause: victim.id, message: expect.stringContaining(victim.id) }]);
    expect(JSON.stringify(w)).not.toContain(SECRET_TEXT);
    expect(healthy.warnings.some((x) => x.code === 'cause-check-failed')).toBe(false);
  });
});
