// Literal gates (src/core/parse/gate.ts): a regex is skipped only when a literal every match needs
// is absent, so a gate must never say "cannot match" for a text the regex matches.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateOf, mayMatch } from '../../src/core/parse/gate.js';
import { TRIGGERS } from '../../src/core/parse/message-shapes.js';

const lits = (re: RegExp) => gateOf(re)?.lits ?? null;

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
          expect(mayMatch(gate, text, () => text.toLowerCase()), `${re} on ${text.slice(0, 80)}`).toBe(true);
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
          if (re.test(text)) expect(mayMatch(gate, text, () => text.toLowerCase())).toBe(true);
        }
      },
    ), { numRuns: 300 });
  });
});
