import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseContextFlag, parsePolicyFlag, run } from '../../src/cli/run.js';
import type { Explanation } from '../../src/core/types.js';
import { fakeIO } from './fake-io.js';

const ARTICLE = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:role/pipeline-role is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy-role';
const NOT_AN_ERROR = 'Deployment finished in 42 seconds. All services are healthy.';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/ci' }, Action: 'sts:AssumeRole' }] });
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('whydenied commands and exit codes', () => {
  it('--help prints usage and exits 0', async () => {
    const f = fakeIO();
    expect(await run(['--help'], f.io)).toBe(0);
    expect(f.stdout()).toContain('whydenied explain [FILE] [options]');
    expect(f.stdout()).toContain('--policy KIND=PATH');
  });

  it('--version prints the package version', async () => {
    const f = fakeIO();
    expect(await run(['--version'], f.io)).toBe(0);
    expect(f.stdout()).toBe(version + '\n');
  });

  it.each([
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown option', ['explain', '--bogus'], /Unknown option '--bogus'/],
    ['--json with --markdown', ['explain', '--json', '--markdown'], /cannot be combined/],
    ['--format with --json', ['explain', '--format', 'json', '--json'], /cannot be combined/],
    ['unknown --format', ['explain', '--format', 'html'], /expected text, json or markdown/],
    ['--batch with --format markdown', ['explain', '--batch', 'x.jsonl', '--format', 'markdown'], /always writes JSON Lines/],
    ['two files', ['explain', 'a', 'b'], /at most one FILE/],
    ['bad --duration', ['explain', '--duration', 'an hour'], /expected a number of seconds/],
    ['both external id flags', ['explain', '--external-id', 'x', '--no-external-id'], /cannot be combined/],
    ['unknown policy kind', ['explain', '--policy', 'trusts=t.json'], /unknown kind "trusts"/],
    ['missing policy file', ['explain', '--policy', 'trust=nope.json'], /cannot read policy file nope.json: ENOENT/],
    ['missing message file', ['explain', 'nope.txt'], /cannot read nope.txt: ENOENT/],
    ['--batch with single-message flags', ['explain', '--batch', 'x.jsonl', '--policy', 'trust=t.json'], /drop --policy/],
    ['missing batch file', ['explain', '--batch', 'nope.jsonl'], /cannot read nope.jsonl/],
    ['bad port', ['serve', '--port', '99999'], /expected 0..65535/],
  ])('%s → exit 2 with a message on stderr', async (_name, argv, message) => {
    const f = fakeIO({ stdin: ARTICLE });
    expect(await run(argv, f.io)).toBe(2);
    expect(f.stderr()).toMatch(message);
    expect(f.stdout()).toBe('');
  });

  it('no command at a terminal prints usage, exit 2', async () => {
    const f = fakeIO({ tty: { stdin: true, stdout: true, stderr: true } });
    expect(await run([], f.io)).toBe(2);
    expect(f.stderr()).toMatch(/Usage:/);
    expect(f.stdout()).toBe('');
  });

  it('text piped in with no command is explained, options included; an unknown option is still a usage error', async () => {
    const plain = fakeIO({ stdin: ARTICLE });
    expect(await run([], plain.io)).toBe(0);
    expect(plain.stdout()).toMatch(/^Why sts:AssumeRole was denied\n/);
    const json = fakeIO({ stdin: ARTICLE });
    expect(await run(['--json'], json.io)).toBe(0);
    expect((JSON.parse(json.stdout()) as Explanation).parsed.action).toBe('sts:AssumeRole');
    const bad = fakeIO({ stdin: ARTICLE });
    expect(await run(['--bogus'], bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/Unknown option '--bogus'/);
  });

  it('explain reads stdin and prints the text answer, exit 0', async () => {
    const f = fakeIO({ stdin: ARTICLE });
    expect(await run(['explain'], f.io)).toBe(0);
    expect(f.stdout()).toMatch(/^Why sts:AssumeRole was denied\n/);
    expect(f.stdout()).toContain('arn:aws:iam::222222222222:role/deploy-role');
    expect(f.stdout()).not.toContain('```');
  });

  it('explain FILE reads the file; --json prints the Explanation', async () => {
    const f = fakeIO({ files: { 'err.txt': ARTICLE } });
    expect(await run(['explain', 'err.txt', '--json'], f.io)).toBe(0);
    const e = JSON.parse(f.stdout()) as Explanation;
    expect(e.parsed.recognized).toBe(true);
    expect(e.parsed.action).toBe('sts:AssumeRole');
    expect(e.parsed.target?.arn).toBe('arn:aws:iam::222222222222:role/deploy-role');
  });

  it('--markdown prints the Markdown answer', async () => {
    const f = fakeIO({ stdin: ARTICLE });
    expect(await run(['explain', '--markdown'], f.io)).toBe(0);
    expect(f.stdout()).toMatch(/^## Why sts:AssumeRole was denied\n/);
    expect(f.stdout()).toContain('| Field | Value |');
  });

  it.each([
    ['text', /^Why sts:AssumeRole was denied\n=/],
    ['markdown', /^## Why sts:AssumeRole was denied\n/],
    ['json', /^\{\n  "parsed": \{/],
  ])('--format %s', async (format, start) => {
    const f = fakeIO({ stdin: ARTICLE });
    expect(await run(['explain', '--format', format], f.io)).toBe(0);
    expect(f.stdout()).toMatch(start);
  });

  it('text without an authorization failure → exit 1, and the answer says what to paste', async () => {
    const f = fakeIO({ stdin: NOT_AN_ERROR });
    expect(await run(['explain'], f.io)).toBe(1);
    expect(f.stdout()).toMatch(/^No AWS authorization failure found\n/);
    expect(f.stdout()).toContain('Paste the error exactly as printed');
  });

  it.each([
    ['empty stdin', '', /no input/],
    ['whitespace only', ' \n\t\n', /no input/],
    ['message over 100 000 characters', 'x'.repeat(100_001), /message: message may be at most 100 000 characters/],
    ['stdin far over the limit (stops reading)', 'é'.repeat(300_000), /message: message may be at most 100 000 characters/],
  ])('%s → exit 2', async (_name, stdin, message) => {
    const f = fakeIO({ stdin });
    expect(await run(['explain'], f.io)).toBe(2);
    expect(f.stderr()).toMatch(message);
  });

  it('asks for input on stderr when stdin is a terminal', async () => {
    const f = fakeIO({ stdin: ARTICLE, tty: { stdin: true, stdout: true, stderr: true } });
    expect(await run(['explain'], f.io)).toBe(0);
    expect(f.stderr()).toContain('press Ctrl-D');
  });

  it('--policy reads each file, labels it with the file name and keeps the kind', async () => {
    const f = fakeIO({ stdin: ARTICLE, files: { 'trust.json': TRUST, 'p.json': TRUST } });
    expect(await run(['explain', '--json', '--policy', 'trust=trust.json', '--policy', 'p.json'], f.io)).toBe(0);
    const e = JSON.parse(f.stdout()) as Explanation;
    expect(e.policies.map((p) => [p.name, p.kindInferred])).toEqual([['trust.json', false], ['p.json', true]]);
    expect(e.policies[0]?.kind).toBe('trust');
  });

  it('more than 20 policies → exit 2 (same limit as HTTP)', async () => {
    const f = fakeIO({ stdin: ARTICLE, files: { 't.json': TRUST } });
    const argv = ['explain', ...Array.from({ length: 21 }, () => ['--policy', 'trust=t.json']).flat()];
    expect(await run(argv, f.io)).toBe(2);
    expect(f.stderr()).toMatch(/at most 20 policies/);
  });

  it('serve and mcp hand over to their runners', async () => {
    const calls: unknown[] = [];
    const f = fakeIO();
    f.io.serve = async (o) => { calls.push(o); return 0; };
    f.io.mcp = async () => { calls.push('mcp'); return 0; };
    expect(await run(['serve', '--port', '8080', '--host', '127.0.0.1'], f.io)).toBe(0);
    expect(await run(['mcp'], f.io)).toBe(0);
    expect(calls).toEqual([{ port: 8080, host: '127.0.0.1' }, 'mcp']);
  });
});

describe('--policy KIND=PATH', () => {
  it.each([
    ['trust=trust.json', { kind: 'trust', path: 'trust.json' }],
    ['permissions-boundary=./pb.json', { kind: 'permissions-boundary', path: './pb.json' }],
    ['SCP=org/scp.json', { kind: 'scp', path: 'org/scp.json' }],
    ['detect=p.json', { kind: null, path: 'p.json' }],
    ['p.json', { kind: null, path: 'p.json' }],
    ['vpc-endpoint=a=b.json', { kind: 'vpc-endpoint', path: 'a=b.json' }],
    ['C:\\pol=1.json', { kind: null, path: 'C:\\pol=1.json' }],
  ])('%s', (flag, want) => expect(parsePolicyFlag(flag)).toEqual(want));

  it.each([['nope=p.json'], ['trust=']])('%s is a usage error', (flag) => expect(() => parsePolicyFlag(flag)).toThrow());
});

describe('--context KEY=VALUE', () => {
  it.each([
    ['aws:PrincipalOrgID=o-abc123def4', ['aws:PrincipalOrgID', 'o-abc123def4']],
    ['token.actions.githubusercontent.com:sub=repo:acme/app:ref:refs/heads/main', ['token.actions.githubusercontent.com:sub', 'repo:acme/app:ref:refs/heads/main']],
    ['k=a=b', ['k', 'a=b']],
    ['k=', ['k', '']],
    ['k=["a","b"]', ['k', ['a', 'b']]],
    ['k=[not json', ['k', '[not json']],
    ['k=[{"x":1}]', ['k', '[{"x":1}]']],
  ])('%s', (flag, want) => expect(parseContextFlag(flag)).toEqual(want));

  it.each([['=v'], ['novalue']])('%s is a usage error', (flag) => expect(() => parseContextFlag(flag)).toThrow());
});
