/**
 * Field comparison exactly as /work/shared/tools/score.mjs does it (norm, action case-folding,
 * arrays = every acceptable value). Shared by the golden test and the dev scorer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { ParsedError } from '../../src/core/types.js';

export interface CorpusRecord {
  id: string;
  text: string;
  kind: string;
  expected: Record<string, unknown>;
}

const here = dirname(fileURLToPath(import.meta.url));

function readJsonl(file: string): CorpusRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusRecord);
}

/** The shared corpus (real-errors.jsonl). */
export function readCorpus(): CorpusRecord[] {
  return readJsonl(join(here, '../fixtures/corpus/real-errors.jsonl'));
}

/** Further real messages collected for this repo (test/fixtures/extra), when present. */
export function readExtraCorpus(): CorpusRecord[] {
  return readJsonl(join(here, '../fixtures/extra/real-errors-extra.jsonl'));
}

/** Held-out round 2: real messages collected after the parser was tuned on the first two files. */
export function readExtra2Corpus(): CorpusRecord[] {
  return readJsonl(join(here, '../fixtures/extra/real-errors-extra2.jsonl'));
}

export const norm = (v: unknown): string | boolean | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().replace(/^[`"'“”]+|[`"'“”]+$/g, '').trim();
  return s === '' ? null : s;
};

export const FIELDS: Record<string, (p: ParsedError) => unknown> = {
  errorCode: (p) => p?.errorCode,
  action: (p) => p?.action,
  callerArn: (p) => p?.caller?.arn,
  targetArn: (p) => p?.target?.arn,
  denyKind: (p) => p?.deny?.kind ?? 'unknown',
  policyType: (p) => p?.deny?.policyType,
  encodedMessage: (p) => Boolean(p?.encodedMessage),
};

/** Returns [field, wanted, got] for every field that misses. */
export function compare(rec: CorpusRecord, parsed: ParsedError): Array<[string, unknown, unknown]> {
  const misses: Array<[string, unknown, unknown]> = [];
  for (const [k, get] of Object.entries(FIELDS)) {
    const raw = rec.expected[k];
    const fold = (v: unknown) => (k === 'action' && typeof v === 'string' ? v.toLowerCase() : v);
    const wants = (Array.isArray(raw) ? raw : [raw]).map((w) =>
      fold(k === 'encodedMessage' ? Boolean(w) : norm(w ?? (k === 'denyKind' ? 'unknown' : null))));
    const got = fold(k === 'encodedMessage' ? get(parsed) : norm(get(parsed)));
    if (!wants.includes(got)) misses.push([k, raw, got]);
  }
  return misses;
}
