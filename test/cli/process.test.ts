import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const MSG = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:role/pipeline-role is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy-role';

function cli(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('the whydenied executable (real process, stdin piped)', { timeout: 60_000 }, () => {
  it('explain reads stdin, prints the text answer, exits 0', async () => {
    const r = await cli(['explain'], MSG);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Why sts:AssumeRole was denied\n/);
  });

  it('exits 1 when the text holds no authorization failure, 2 on a usage error', async () => {
    const [none, usage] = await Promise.all([cli(['explain', '--json'], 'all good here'), cli(['explain', '--nope'], MSG)]);
    expect(none.code).toBe(1);
    expect((JSON.parse(none.stdout) as { parsed: { recognized: boolean } }).parsed.recognized).toBe(false);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Unknown option '--nope'");
  });
});

describe('whydenied serve (real process)', () => {
  it('starts the HTTP service on the given port and stops cleanly on SIGTERM', async () => {
    const child = spawn(TSX, ['src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'info' } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let timer: NodeJS.Timeout | undefined;
    try {
      let out = '';
      const address = await new Promise<string>((resolve, reject) => {
        timer = setTimeout(() => reject(new Error('serve did not report its address')), 45_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          // fastify logs "Server listening at http://127.0.0.1:PORT"
          const m = /listening at (http:\/\/127\.0\.0\.1:\d{1,5})/.exec(out);
          if (m) resolve(m[1]!);
        });
        void exited.then((code) => reject(new Error(`serve exited early with ${code}`)));
      });
      const res = await fetch(`${address}/v1/explain?format=markdown`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: MSG });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^## Why sts:AssumeRole was denied\n/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); // tsx forwards it to the cli, which runs the server in process
    }
  }, 60_000);
});
