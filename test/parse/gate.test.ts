// Literal gates (src/core/parse/gate.ts): a regex is skipped only when a literal every match needs
// is absent, so a gate must never say "cannot match" for a text the regex matches.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GateSet, flatGate, gateOf, type Gate } from '../../src/core/parse/gate.js';
import { flatten } from '../../src/core/parse/text.js';
import { unwrap } from '../../src/core/parse/unwrap.js';
import { TRIGGERS } from '../../src/core/parse/message-shapes.js';
import { RULES } from '../../src/core/parse/source.js';
import { DETECTORS } from '../../src/core/secrets.js';

const lits = (re: RegExp) => gateOf(re)?.lits ?? null;
/** A gate alone: one of its literals is in the text (lower-cased for a case-insensitive gate). */
const mayMatch = (gate: Gate | null, text: string) => !gate || gate.lits.some((l) => (gate.ci ? text.toLowerCase() : text).includes(l));

describe('gateOf reads the literals every match contains', () => {
  it('takes the longest required run, drops optional characters, keeps `+` ones', () => {
    expect(lits(/\bis not authori[sz]ed to perform/gi)).toEqual(['is not authori']);
    expect(lits(/Roles may not be assumed\.?/g)).toEqual(['Roles may not be assumed']);
    expect(lits(/ab?cdef/)).toEqual(['cdef']);
    expect(lits(/xyzzy+ q/)).toEqual(['xyzzy']);
    expect(lits(/Token expired: current date\/time/gi)).toEqual(['token expired: current date/time']);
  });
  it('needs every alternative, and reads inside required groups only', () => {
    expect(lits(/Access to KMS is not allowed|KMS access was denied/gi)).toEqual(['access to kms is not allowed', 'kms access was denied']);
    expect(lits(/(?:Request|Principal) ARN is invalid/g)).toEqual([' ARN is invalid']);
    expect(lits(/(?:Requesting )?ARNs/g)).toEqual(['ARNs']);
    expect(lits(/(?:Request|Principal|RoleX)ab/g)).toEqual(['Request', 'Principal', 'RoleX']);
    expect(lits(/abcd|x/g)).toBeNull(); // one alternative without a usable literal: no gate
    expect(lits(/(?=abcd)\w+/g)).toBeNull(); // lookarounds are not required text
    expect(lits(/(abcd){0,2}e/g)).toBeNull();
  });
  it('refuses sources it does not read with certainty', () => {
    expect(lits(/abcdef/iu)).toBeNull();
    expect(lits(/\u0041bcdef/)).toBeNull();
    expect(lits(/(abc)\1defg/)).toBeNull();
    expect(lits(/abc{/)).toBeNull();
  });
  it('leaves out non-ASCII characters of a case-insensitive literal', () => {
    expect(lits(/abcé/i)).toEqual(['abc']);
    expect(lits(/abcé/)).toEqual(['abcé']);
  });
});

const FIXTURES = join(import.meta.dirname, '../fixtures');
function texts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...texts(p));
    else if (p.endsWith('.jsonl')) for (const l of readFileSync(p, 'utf8').split('\n')) { if (l.trim()) { const r = JSON.parse(l); if (typeof r.text === 'string') out.push(r.text); } }
    else if (p.endsWith('.json')) { const d = JSON.parse(readFileSync(p, 'utf8')); if (typeof d?.input?.message === 'string') out.push(d.input.message); }
    else if (p.endsWith('.txt')) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

describe('a gate never hides a match', () => {
  const gates = TRIGGERS.map((t) => ({ re: new RegExp(t.re.source, t.re.flags), gate: gateOf(t.re) }));
  it('most triggers have a gate', () => {
    expect(gates.filter((g) => g.gate).length).toBeGreaterThan(TRIGGERS.length * 0.8);
  });
  it('on every fixture text, in its own case, upper-cased and lower-cased', () => {
    let matched = 0;
    for (const t of texts(FIXTURES)) {
      for (const text of [t, t.toUpperCase(), t.toLowerCase()]) {
        for (const { re, gate } of gates) {
          re.lastIndex = 0;
          if (!re.test(text)) continue;
          matched++;
          expect(mayMatch(gate, text), `${re} on ${text.slice(0, 80)}`).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(500);
  });
  it('on random mixes of the literals, mutated', () => {
    const pieces = [...new Set(gates.flatMap((g) => g.gate?.lits ?? []))];
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }), fc.constantFrom('İ', 'ſ', 'K', ' ', '\n', "'")), { maxLength: 12 }),
      fc.boolean(),
      (parts, upper) => {
        const text = upper ? parts.join('').toUpperCase() : parts.join('');
        for (const { re, gate } of gates) {
          re.lastIndex = 0;
          if (re.test(text)) expect(mayMatch(gate, text)).toBe(true);
        }
      },
    ), { numRuns: 300 });
  });
});

/** The reference GateSet answers: a literal in the text, A–Z folded for a case-insensitive gate. */
function naiveOpen(gates: Array<Gate | null>, text: string): number[] {
  const folded = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return gates.map((g) => (!g || g.lits.some((l) => (g.ci ? folded : text).includes(l)) ? 1 : 0));
}

describe('GateSet answers every gate in one pass', () => {
  const families: Array<[string, RegExp[]]> = [
    ['triggers', TRIGGERS.map((t) => t.re)],
    ['source rules', RULES.map(([, re]) => re)],
    ['secret detectors', DETECTORS.map((d) => d.pattern)],
  ];
  for (const [name, res] of families) {
    const gates = res.map((re) => gateOf(re));
    const set = new GateSet(gates);
    const fresh = res.map((re) => new RegExp(re.source, re.flags));
    const check = (text: string) => {
      const open = [...set.open(text)];
      expect(open, text.slice(0, 80)).toEqual(naiveOpen(gates, text));
      fresh.forEach((re, k) => {
        re.lastIndex = 0;
        if (re.test(text)) expect(open[k], `${re} on ${text.slice(0, 80)}`).toBe(1);
      });
    };
    it(`${name}: as the literals' includes, and open wherever the regex matches, on every fixture text`, () => {
      for (const t of texts(FIXTURES)) for (const text of [t, t.toUpperCase(), t.toLowerCase()]) check(text);
    });
    it(`${name}: on random mixes of the literals, overlapping, cut and mutated`, () => {
      const pieces = [...new Set(gates.flatMap((g) => g?.lits ?? []))];
      const cut = pieces.flatMap((p) => [p.slice(0, p.length >> 1), p.slice(p.length >> 1), p.slice(1)]);
      fc.assert(fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...cut), fc.string({ maxLength: 6 }), fc.constantFrom('İ', 'ſ', 'K', 'K', ' ', '\n', "'", '│', '’')), { maxLength: 14 }),
        fc.constantFrom('same', 'upper', 'lower'),
        (parts, kase) => {
          const joined = parts.join('');
          check(kase === 'upper' ? joined.toUpperCase() : kase === 'lower' ? joined.toLowerCase() : joined);
        },
      ), { numRuns: 300 });
    });
  }
  it('keeps null gates always open and tells overlapping literals apart', () => {
    const set = new GateSet([null, { lits: ['abcd'], ci: false }, { lits: ['bcd'], ci: true }, { lits: ['ABCD', 'xyz'], ci: false }, { lits: ['cd€'], ci: false }]);
    expect([...set.open('')]).toEqual([1, 0, 0, 0, 0]);
    expect([...set.open('xabcd')]).toEqual([1, 1, 1, 0, 0]);
    expect([...set.open('xABCd')]).toEqual([1, 0, 1, 0, 0]);
    expect([...set.open('ABCD cd€')]).toEqual([1, 0, 1, 1, 1]);
    expect([...set.open('abxyz')]).toEqual([1, 0, 0, 1, 0]);
  });
});

describe('flatGate: a gate asked of the flattened text is open wherever the regex matches the text', () => {
  const rules = RULES.map(([, re]) => ({ re: new RegExp(re.source, re.flags), gate: flatGate(gateOf(re)) }));
  const set = new GateSet(rules.map((r) => r.gate));
  const check = (text: string) => {
    const open = set.open(flatten(text).s);
    rules.forEach(({ re, gate }, k) => {
      re.lastIndex = 0;
      if (re.test(text)) expect(open[k], `${re} on ${text.slice(0, 80)}`).toBe(1);
      if (!gate) expect(open[k]).toBe(1);
    });
  };
  it('keeps a gate for every source rule', () => {
    expect(rules.every((r) => r.gate)).toBe(true);
  });
  it('trims spaces at a literal\'s ends and refuses literals flattening changes', () => {
    expect(flatGate({ lits: ['cdk ', ' a b '], ci: false })).toEqual({ lits: ['cdk', 'a b'], ci: false });
    expect(flatGate({ lits: ['ok', 'a  b'], ci: false })).toBeNull();
    expect(flatGate({ lits: ['a\tb'], ci: true })).toBeNull();
    expect(flatGate({ lits: ['a`b'], ci: false })).toBeNull();
    expect(flatGate({ lits: ['   '], ci: false })).toBeNull();
  });
  it('on every fixture text, unwrapped as the parser does', () => {
    for (const t of texts(FIXTURES)) check(unwrap(t).text);
  });
  it('on random mixes of the literals with whitespace, backticks and invisible characters', () => {
    const pieces = [...new Set(RULES.flatMap(([, re]) => gateOf(re)?.lits ?? []))];
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '  ', '\n', '\t', ' \n ', '`', '\u200b', '\u00a0', 'x', 'deploy', '(OIDC)', '12'), fc.string({ maxLength: 4 })), { maxLength: 14 }),
      (parts) => check(parts.join('')),
    ), { numRuns: 500 });
  });
});
