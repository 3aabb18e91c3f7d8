import type { CliIO } from '../../src/cli/run.js';

export interface Fake {
  io: CliIO;
  stdout: () => string;
  stderr: () => string;
}

/** In-memory io for run(): stdin text, a map of readable files, TTY flags. */
export function fakeIO(opts: { stdin?: string; files?: Record<string, string>; tty?: CliIO['isTTY'] } = {}): Fake {
  let out = '';
  let err = '';
  const files = opts.files ?? {};
  const io: CliIO = {
    stdin: (async function* () {
      if (opts.stdin !== undefined) yield Buffer.from(opts.stdin, 'utf8');
    })(),
    stdout: { write: (s: string) => { out += s; return true; } },
    stderr: { write: (s: string) => { err += s; return true; } },
    isTTY: opts.tty ?? { stdin: false, stdout: false, stderr: false },
    readFile: async (path: string) => {
      const v = files[path];
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return v;
    },
  };
  return { io, stdout: () => out, stderr: () => err };
}
