// Every explain() input the repository holds, for bench/answers-digest.mjs and bench/cpu.mjs:
// the bench bodies, the AssumeRole article, every real message (test/fixtures/**/real-errors*.jsonl)
// and every scenario's input (test/fixtures/**/*.json). Sorted by path so the order is stable.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BODIES } from './payloads.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures');

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** [{ name, group, input }] — group is 'bench', 'corpus' (real-errors.jsonl), 'messages' (extra rounds), 'scenarios'. */
export function allInputs() {
  const out = [
    { name: 'bench/alone', group: 'bench', input: BODIES.alone },
    { name: 'bench/policies', group: 'bench', input: BODIES.policies },
    { name: 'assumerole-article.txt', group: 'messages', input: { message: readFileSync(join(FIXTURES, 'assumerole-article.txt'), 'utf8') } },
  ];
  for (const p of walk(FIXTURES)) {
    const rel = relative(FIXTURES, p);
    if (/real-errors[^/]*\.jsonl$/.test(p)) {
      const group = rel === 'corpus/real-errors.jsonl' ? 'corpus' : 'messages';
      for (const line of readFileSync(p, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const row = JSON.parse(line);
        out.push({ name: `${rel}#${row.id}`, group, input: { message: row.text } });
      }
    } else if (p.endsWith('.json')) {
      const d = JSON.parse(readFileSync(p, 'utf8'));
      if (d && typeof d === 'object' && d.input) out.push({ name: rel, group: 'scenarios', input: d.input });
    }
  }
  return out;
}
