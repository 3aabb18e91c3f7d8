import { describe, expect, it } from 'vitest';
import { parseError, SHAPES } from '../../src/core/parse/index.js';
import { wrapWords } from './wrap.js';

describe('message shapes', () => {
  it('have unique names and a sample each', () => {
    const names = SHAPES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of SHAPES) expect(s.sample.length).toBeGreaterThan(10);
  });

  it('cover every corpus template T01–T22', () => {
    const templates = new Set(SHAPES.map((s) => s.template).filter(Boolean));
    for (let i = 1; i <= 22; i++) expect(templates.has(`T${String(i).padStart(2, '0')}`)).toBe(true);
  });

  it.each(SHAPES.map((s) => [s.name, s] as const))('%s recognizes its own sample', (name, shape) => {
    const { parsed } = parseError(shape.sample);
    expect(parsed.recognized).toBe(true);
    expect(parsed.shape).toBe(name);
    if (shape.inferAction) expect(parsed.action).not.toBeNull();
  });
});


const ENVELOPES: Record<string, (t: string) => string> = {
  'JSON string': (t) => JSON.stringify({ message: t }),
  'Terraform box': (t) => `╷\n${t.split('\n').map((l) => `│ ${l}`).join('\n')}\n╵`,
  'terminal wrap at 50 columns': (t) => wrapWords(t, 50),
  'markdown quote': (t) => t.split('\n').map((l) => `> ${l}`).join('\n'),
  'inside a log': (t) => `INFO starting\n${t}\nINFO exiting`,
};

describe('shape samples keep their reading in other envelopes', () => {
  const cases = SHAPES.flatMap((s) => Object.entries(ENVELOPES).map(([env, wrap]) => [s.name, env, s.sample, wrap] as const));
  it.each(cases)('%s in %s', (_name, _env, sample, wrap) => {
    const base = parseError(sample).parsed;
    const p = parseError(wrap(sample)).parsed;
    expect({ shape: p.shape, errorCode: p.errorCode, action: p.action, caller: p.caller?.arn ?? null, target: p.target?.arn ?? null })
      .toEqual({ shape: base.shape, errorCode: base.errorCode, action: base.action, caller: base.caller?.arn ?? null, target: base.target?.arn ?? null });
  });
});
