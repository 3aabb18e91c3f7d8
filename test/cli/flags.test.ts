import { describe, it, expect, vi, beforeEach } from 'vitest';
import type { ExplainInput } from '../../src/core/types.js';

// Record what the CLI hands to the core; the real explain still runs.
const seen: ExplainInput[] = [];
vi.mock('../../src/core/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/index.js')>();
  return { ...real, explain: (input: ExplainInput) => { seen.push(structuredClone(input)); return real.explain(input); } };
});

const { run } = await import('../../src/cli/run.js');
const { fakeIO } = await import('./fake-io.js');

const MESSAGE = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:role/a is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/b';

beforeEach(() => { seen.length = 0; });

describe('request facts and context flags reach explain()', () => {
  it.each<[string, string[], Partial<ExplainInput>]>([
    ['no flags', [], {}],
    ['external id', ['--external-id', 'abc-123'], { request: { externalId: 'abc-123' } }],
    ['no external id', ['--no-external-id'], { request: { externalId: null } }],
    ['duration, chained, mfa', ['--duration', '7200', '--chained', '--mfa'], { request: { durationSeconds: 7200, chained: true, mfa: true } }],
    ['session name and source identity', ['--session-name', 'ci-42', '--source-identity', 'alice'], { request: { roleSessionName: 'ci-42', sourceIdentity: 'alice' } }],
    ['context, repeated key accumulates', ['--context', 'aws:PrincipalOrgID=o-abc123def4', '--context', 'aws:SourceVpce=vpce-1', '--context', 'aws:SourceVpce=vpce-2'],
      { context: { 'aws:PrincipalOrgID': 'o-abc123def4', 'aws:SourceVpce': ['vpce-1', 'vpce-2'] } }],
    ['context JSON array', ['--context', 'aws:TagKeys=["team","env"]'], { context: { 'aws:TagKeys': ['team', 'env'] } }],
  ])('%s', async (_name, flags, want) => {
    const f = fakeIO({ stdin: MESSAGE });
    const code = await run(['explain', ...flags], f.io);
    expect([0, 1]).toContain(code);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual({ message: MESSAGE, ...want });
  });

  it('policies carry kind (unless detect), file name and the file text', async () => {
    const f = fakeIO({ stdin: MESSAGE, files: { 'dir/trust.json': '{"Statement":[]}', 'scp.json': 'SCP TEXT' } });
    await run(['explain', '--policy', 'trust=dir/trust.json', '--policy', 'detect=scp.json'], f.io);
    expect(seen[0]?.policies).toEqual([
      { kind: 'trust', name: 'trust.json', document: '{"Statement":[]}' },
      { name: 'scp.json', document: 'SCP TEXT' },
    ]);
  });
});
