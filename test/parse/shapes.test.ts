import { describe, expect, it } from 'vitest';
import { parseError, SHAPES } from '../../src/core/parse/index.js';

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
