import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKeyProblem, locateJsonError, scanJsonText } from '../../src/http/json-text.js';

/** Reference for scanJsonText's depth: the separate depth scan the body parser ran before (kept as the oracle). */
function depthExceededAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

describe('scanJsonText depth', () => {
  it.each([
    ['{}', 1, -1],
    ['{"a":[1]}', 2, -1],
    ['{"a":[1]}', 1, 5],
    ['"[[[[[["', 1, -1],
    ['["\\"[[["]', 1, -1],
    ['[[[]]]', 2, 2],
  ])('%s with max %i → %i', (text, max, expected) => {
    expect(scanJsonText(text, max).deepAt).toBe(expected);
    expect(depthExceededAt(text, max)).toBe(expected);
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{"a": }', 6, 'a'],
    ['{"a": [1, 2, ]}', 13, 'a[2]'],
    ['{"a": {"b": tru}}', 12, 'a.b'],
    ['{"a": 1,}', 8, ''],
    ['{"a" 1}', 5, 'a'],
    ["{'a': 1}", 1, ''],
    ['[1] x', 4, ''],
    ['"abc', 4, ''],
    ['{"a": "x\ny"}', 8, 'a'],
    ['01', 1, ''],
    ['-', 1, ''],
    ['{"a\\q": 1}', 3, ''],
    ['{"k.x": [ {"d": }]}', 16, '["k.x"][0].d'],
  ])('%j fails at %i in %j', (text, position, path) => {
    const err = locateJsonError(text);
    expect(err).not.toBeNull();
    expect(err!.position).toBe(position);
    expect(err!.path).toBe(path);
  });

  it('agrees with JSON.parse on which texts are valid (any JSON, mutated JSON, any string)', () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 })).map(([j, at, ins]) => {
      const i = at % (j.length + 1);
      return j.slice(0, i) + ins + j.slice(i + 1);
    });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(locateJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('findKeyProblem', () => {
  it.each([
    ['{"a":1,"b":2}', null],
    ['{"a":{"a":1},"b":[{"a":1},{"a":2}]}', null],
    ['{"a":1,"a":2}', { kind: 'duplicate', key: 'a', path: '' }],
    ['{"p":[{"d":{"S":[{"C":{"x":"1","x":"2"}}]}}]}', { kind: 'duplicate', key: 'x', path: 'p[0].d.S[0].C' }],
    ['{"a":"\\"a\\"","a\\u0062":1,"ab":2}', { kind: 'duplicate', key: 'ab', path: '' }],
    ['{"m":"x","c":{"__proto__":{}}}', { kind: 'forbidden', key: '__proto__', path: 'c' }],
    ['{"m":"x","constructor":{"prototype":{}}}', { kind: 'forbidden', key: 'constructor.prototype', path: '' }],
    ['{"constructor":"x","prototype":"y"}', null],
    ['["a","a"]', null],
  ])('%s → %j', (text, expected) => {
    expect(findKeyProblem(text)).toEqual(expected);
  });

  it('finds a duplicate exactly when one object repeats a key', () => {
    fc.assert(
      fc.property(fc.json().filter((t) => !t.includes('__proto__') && !t.includes('prototype')), (text) => {
        // JSON text from fast-check has unique keys; doubling the first key of any object makes one
        expect(findKeyProblem(text)).toBeNull();
        const m = /\{"((?:[^"\\]|\\.){0,20})":/.exec(text);
        // only an object's first key: a `{"` inside a string value is no object (an odd number of
        // unescaped quotes before it means it sits inside a string)
        if (!m || (text.slice(0, m.index).replace(/\\./g, '').match(/"/g)?.length ?? 0) % 2 === 1) return;
        const dup = text.replace(m[0], () => `${m[0]}null,"${m[1]}":`);
        expect(findKeyProblem(dup)?.kind).toBe(JSON.parse(`"${m[1]}"`) === '__proto__' ? 'forbidden' : 'duplicate');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scanJsonText (the body parser\'s one pass)', () => {
  it('gives the depth depthExceededAt gives and, within the limit, the key findKeyProblem gives', () => {
    const texts = fc.oneof(
      fc.json({ depthSize: 'large' }),
      // doubled keys, forbidden keys and deep nesting, spliced into random JSON
      fc.tuple(fc.json(), fc.constantFrom('{"a":1,"a":2}', '{"__proto__":{}}', '{"constructor":{"prototype":1}}', '{"k\\u0061":1,"ka":2}', '[[[[[[[[1]]]]]]]]'))
        .map(([j, piece]) => `[${j},${piece}]`),
    );
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 12 }), (text, max) => {
        const scan = scanJsonText(text, max);
        expect(scan.deepAt).toBe(depthExceededAt(text, max));
        expect(scan.key).toEqual(scan.deepAt === -1 ? findKeyProblem(text) : null);
      }),
      { numRuns: 3000 },
    );
  });

  it('reports a key problem found before the nesting goes too deep as too deep', () => {
    expect(scanJsonText('{"a":1,"a":[[[[1]]]]}', 3)).toEqual({ deepAt: 13, key: null });
    expect(scanJsonText('{"a":1,"a":[[1]]}', 3)).toEqual({ deepAt: -1, key: { kind: 'duplicate', key: 'a', path: '' } });
  });
});
