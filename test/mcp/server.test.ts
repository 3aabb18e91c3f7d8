import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const MSG = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:role/pipeline-role is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy-role';
const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/ci' }, Action: 'sts:AssumeRole' }] };

type Text = { type: 'text'; text: string };
type Result = { content: Text[]; structuredContent?: Record<string, unknown>; isError?: boolean };

let client: Client;
let stderr = '';

beforeAll(async () => {
  // The real CLI entry, as a chatbot host would start it: `whydenied mcp`.
  const transport = new StdioClientTransport({ command: TSX, args: ['src/cli/main.ts', 'mcp'], cwd: ROOT, stderr: 'pipe' });
  transport.stderr?.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
  client = new Client({ name: 'whydenied-test', version: '0.0.0' });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
});

describe('whydenied mcp over stdio', { timeout: 30_000 }, () => {
  it('names itself and lists both tools with input and output schemas', async () => {
    expect(client.getServerVersion()?.name).toBe('whydenied');
    expect(client.getInstructions()).toContain('explain_access_denied');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['explain_access_denied', 'simulate_policy']);
    const explainTool = tools.find((t) => t.name === 'explain_access_denied')!;
    expect(explainTool.inputSchema.required).toEqual(['message']);
    expect(Object.keys(explainTool.inputSchema.properties ?? {}).sort()).toEqual(['context', 'message', 'policies', 'request']);
    expect(explainTool.outputSchema?.properties).toHaveProperty('causes');
    expect(explainTool.annotations?.readOnlyHint).toBe(true);
    const sim = tools.find((t) => t.name === 'simulate_policy')!;
    expect(sim.inputSchema.required).toEqual(expect.arrayContaining(['principal', 'action', 'resource', 'policies']));
  });

  it('explain_access_denied returns the Markdown answer and the JSON as structured content', async () => {
    const r = (await client.callTool({
      name: 'explain_access_denied',
      arguments: { message: MSG, policies: [{ kind: 'trust', name: 'deploy-role trust', document: TRUST }], request: { externalId: null } },
    })) as Result;
    expect(r.isError).toBeFalsy();
    expect(r.content[0]?.type).toBe('text');
    expect(r.content[0]?.text).toMatch(/^## Why sts:AssumeRole was denied\n/);
    expect(r.content[0]?.text).toContain('| Field | Value |');
    const s = r.structuredContent as { parsed: { action: string }; policies: Array<{ name: string; kind: string }> };
    expect(s.parsed.action).toBe('sts:AssumeRole');
    expect(s.policies).toEqual([expect.objectContaining({ name: 'deploy-role trust', kind: 'trust' })]);
  });

  it('simulate_policy returns the decision as JSON', async () => {
    const r = (await client.callTool({
      name: 'simulate_policy',
      arguments: {
        principal: 'arn:aws:iam::111111111111:user/ci', action: 'sts:AssumeRole', resource: 'arn:aws:iam::222222222222:role/deploy-role',
        policies: [{ kind: 'trust', document: TRUST }],
      },
    })) as Result;
    expect(r.isError).toBeFalsy();
    const s = r.structuredContent as { decision: string; policies: unknown[] };
    expect(['allow', 'explicit-deny', 'implicit-deny', 'unknown']).toContain(s.decision);
    expect(s.policies).toHaveLength(1);
    expect(JSON.parse(r.content[0]!.text)).toEqual(s);
  });

  it.each([
    ['missing message', 'explain_access_denied', { policies: [] }, /message/],
    ['message too long', 'explain_access_denied', { message: 'x'.repeat(100_001) }, /100 000/],
    ['bad policy kind', 'explain_access_denied', { message: MSG, policies: [{ kind: 'nope', document: {} }] }, /kind/],
    ['simulate without policies', 'simulate_policy', { principal: 'a', action: 'b', resource: 'c' }, /policies/],
  ])('%s → isError, and the server keeps serving', async (_name, tool, args, message) => {
    const r = (await client.callTool({ name: tool, arguments: args })) as Result;
    expect(r.isError).toBe(true);
    expect(r.content[0]?.text).toMatch(message);
    const again = (await client.callTool({ name: 'explain_access_denied', arguments: { message: 'hello' } })) as Result;
    expect(again.isError).toBeFalsy();
  });

  it('wrote nothing but protocol to stdout and no errors to stderr', () => {
    expect(stderr).toBe('');
  });
});
