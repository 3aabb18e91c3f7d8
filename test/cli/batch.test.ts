import { describe, it, expect } from 'vitest';
import { run } from '../../src/cli/run.js';
import { explainBatch, fieldPath, validateExplainItem } from '../../src/cli/batch.js';
import type { Explanation } from '../../src/core/types.js';
import { fakeIO } from './fake-io.js';

const MSG = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:role/pipeline-role is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy-role';

type Rec = { line: number; answer?: Explanation; error?: { type: string; status: number; detail: string; errors: Array<{ path: string; message: string }> } };

const LINES = [
  JSON.stringify({ message: MSG }),
  '',
  'this is not json',
  JSON.stringify({ policies: [] }),
  JSON.stringify({ message: 'Build green. Nothing failed.', request: { externalId: null, chained: true } }),
  JSON.stringify({ message: MSG, policies: Array.from({ length: 21 }, () => ({ document: {} })) }),
  JSON.stringify({ message: MSG, request: { durationSeconds: 'long' } }),
  '   ',
  JSON.stringify({ message: MSG, policies: [{ kind: 'trust', document: { Version: '2012-10-17', Statement: [] } }], context: { 'aws:PrincipalOrgID': 'o-1' } }),
];

async function batch(content: string, opts: { stdin?: boolean; tty?: boolean } = {}) {
  const f = opts.stdin ? fakeIO({ stdin: content, tty: { stderr: opts.tty ?? false } }) : fakeIO({ files: { 'in.jsonl': content }, tty: { stderr: opts.tty ?? false } });
  const code = await run(['explain', '--batch', opts.stdin ? '-' : 'in.jsonl'], f.io);
  const records = f.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
  return { code, records, stderr: f.stderr(), stdout: f.stdout() };
}

describe('explain --batch', () => {
  it('answers good lines and turns bad lines into error records, in order, never crashing', async () => {
    const { code, records, stderr } = await batch(LINES.join('\n') + '\n');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(records.map((r) => [r.line, r.answer ? 'answer' : r.error?.status])).toEqual([
      [1, 'answer'], [3, 400], [4, 400], [5, 'answer'], [6, 413], [7, 400], [9, 'answer'],
    ]);
    expect(records[0]?.answer?.parsed.action).toBe('sts:AssumeRole');
    expect(records[1]?.error?.type).toBe('urn:whydenied:problem:invalid-json');
    expect(records[1]?.error?.detail).toMatch(/^Line 3 is not valid JSON/);
    expect(records[2]?.error?.errors[0]?.path).toBe('message');
    expect(records[3]?.answer?.parsed.recognized).toBe(false);
    expect(records[4]?.error?.type).toBe('urn:whydenied:problem:limit-exceeded');
    expect(records[5]?.error?.errors.map((e) => e.path)).toEqual(['request.durationSeconds']);
    expect(records[6]?.answer?.policies).toHaveLength(1);
  });

  it('reads stdin with "-" and accepts CRLF line ends', async () => {
    const { records } = await batch(LINES.slice(0, 3).join('\r\n'), { stdin: true });
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(records[0]?.answer?.parsed.action).toBe('sts:AssumeRole');
  });

  it('shows a progress bar on stderr only when stderr is a terminal', async () => {
    const content = Array.from({ length: 5 }, () => JSON.stringify({ message: MSG })).join('\n');
    const quiet = await batch(content);
    const tty = await batch(content, { tty: true });
    expect(quiet.stderr).toBe('');
    expect(tty.stderr).toContain('] 5/5');
    expect(tty.stderr).toContain('5 answered, 0 error record(s)');
    expect(tty.stdout).toBe(quiet.stdout); // the progress never reaches stdout
  });

  it('an empty file gives no records and exit 0', async () => {
    const { code, records } = await batch('');
    expect(code).toBe(0);
    expect(records).toEqual([]);
  });
});

describe('shared batch helpers (also for POST /v1/explain/batch)', () => {
  it('explainBatch keeps order and mixes answers and problems', () => {
    const out = explainBatch([{ message: MSG }, 42, { message: '' }]);
    expect(out.map((r) => ('answer' in r ? 'answer' : r.error.status))).toEqual(['answer', 400, 400]);
  });

  it('a message over the limit is a 413 problem with the limit', () => {
    const v = validateExplainItem({ message: 'x'.repeat(100_001) });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.problem.status).toBe(413);
      expect(v.problem.limit).toBe(100_000);
    }
  });

  it.each<[Array<string | number>, string]>([
    [['policies', 3, 'document'], 'policies[3].document'],
    [['context', 'aws:PrincipalOrgID'], 'context["aws:PrincipalOrgID"]'],
    [[], ''],
  ])('fieldPath %j', (path, want) => expect(fieldPath(path)).toBe(want));
});
