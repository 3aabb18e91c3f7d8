import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthExceededAt, locateJsonError } from '../../src/http/json-text.js';

describe('depthExceededAt', () => {
  it.each([
    ['{}', 1, -1],
    ['{"a":[1]}', 2, -1],
    ['{"a":[1]}', 1, 5],
    ['"[[[[[["', 1, -1],
    ['["\\"[[["]', 1, -1],
    ['[[[]]]', 2, 2],
  ])('%s with max %i → %i', (text, max, expected) => {
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
