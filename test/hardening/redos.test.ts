import { describe, it, expect, beforeAll } from 'vitest';
import { check, type Diagnostics } from 'recheck';
import { ROOT, corpus, scenarios } from './fixtures.js';
import { regexLiterals, runtimeRegexes, staticRegexes, type FoundRegex } from './regex-collect.js';

// Every regular expression of the project goes through recheck (the native backend when it is
// installed, else its pure-JS worker): none may be super-linear on adversarial input.

const PARAMS = { timeout: 8_000, attackTimeout: 500, incubationTimeout: 100, maxIteration: 4 } as const;

describe('the regex collector', () => {
  it('finds literals and skips strings, comments, divisions and templates', () => {
    const code = [
      'const a = /ab+c/gi; // not /this/',
      "const s = 'not /a regex/';",
      'const t = `x/${y / 2}/z` + /t(?:x)/.source;',
      'const d = (a! / b) / c;',
      'if (/^\\/[^/]+\\/$/.test(x)) return /[/]/u;',
      '/* /comment/ */ const e = x.split(/,\\s*/);',
    ].join('\n');
    expect(regexLiterals(code).map((r) => `/${r.source}/${r.flags}`)).toEqual([
      '/ab+c/gi', '/t(?:x)/', '/^\\/[^/]+\\/$/', '/[/]/u', '/,\\s*/',
    ]);
  });

  it('recheck reports a textbook ReDoS as vulnerable (the check can fail)', async () => {
    const r = await check('^(a+)+$', '', PARAMS);
    expect(r.status).toBe('vulnerable');
  });
});

describe('no regex of the project is vulnerable to ReDoS', () => {
  let all: FoundRegex[] = [];
  let results: Array<{ r: FoundRegex; d: Diagnostics }> = [];

  beforeAll(async () => {
    const literal = staticRegexes(ROOT, ['src']);
    const built = await runtimeRegexes(async () => {
      const core = await import('../../src/core/index.js');
      for (const rec of corpus) core.explain({ message: rec.text });
      for (const s of scenarios) core.explain(s.input as Parameters<typeof core.explain>[0]);
    });
    const unique = new Map<string, FoundRegex>();
    for (const r of [...literal, ...built]) {
      const flags = r.flags.replace(/[gyd]/g, '');
      const key = `${flags}/${r.source}`;
      if (!unique.has(key)) unique.set(key, { ...r, flags });
    }
    all = [...unique.values()];
    results = await Promise.all(all.map(async (r) => ({ r, d: await check(r.source, r.flags, PARAMS) })));
  }, 120_000);

  it('collects the project\'s regexes (literals and RegExp built at run time)', () => {
    expect(all.length).toBeGreaterThan(10);
    // the secret detectors build some patterns with `new RegExp`
    expect(all.some((r) => r.where === 'new RegExp' && r.source.includes('secret_?access_?key'))).toBe(true);
    expect(all.some((r) => r.where.startsWith('src/core/secrets.ts'))).toBe(true);
  });

  it('none is vulnerable', () => {
    const vulnerable = results.filter((x) => x.d.status === 'vulnerable').map((x) => {
      const d = x.d as Extract<Diagnostics, { status: 'vulnerable' }>;
      return `${x.r.where}: /${x.r.source}/${x.r.flags} — ${d.complexity.summary}, attack ${JSON.stringify(d.attack.pattern).slice(0, 80)}`;
    });
    expect(vulnerable).toEqual([]);
  });

  it('recheck could analyse nearly all of them', () => {
    const unknown = results.filter((x) => x.d.status === 'unknown');
    // a few may time out on a loaded machine; most must get a verdict
    expect(unknown.length).toBeLessThanOrEqual(Math.max(3, Math.floor(results.length * 0.1)));
  });
});
