#!/usr/bin/env node
/** The `whydenied` executable: wires the real process to run(). */
import { readFile } from 'node:fs/promises';
import { run } from './run.js';

// `whydenied explain --batch big.jsonl | head`: a closed pipe ends the run quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: { stdin: process.stdin.isTTY === true, stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  readFile: (path) => readFile(path, 'utf8'),
}).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    // Never echo pasted text: only the error's class and message.
    process.stderr.write(`whydenied: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
