/**
 * Collects the regular expressions of the project for the ReDoS check:
 *  - statically: every regex literal in src/**\/*.ts, found with a small tokenizer that knows
 *    strings, template literals, comments and where a `/` starts a regex rather than a division;
 *  - at run time: every `new RegExp(…)` / `RegExp(…)` call made while the core loads and explains
 *    the corpus (patterns built from strings are only known then).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FoundRegex {
  source: string;
  flags: string;
  where: string;
  /**
   * The longest input the author says this regex ever sees, from a `redos-bounded: N` comment on
   * its line or the line above (e.g. a token cut at 80 characters); undefined = any input.
   */
  bound?: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(?:ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const REGEX_AFTER_WORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

/** Regex literals of one TypeScript/JavaScript source text. */
export function regexLiterals(code: string): Array<{ source: string; flags: string; line: number }> {
  const found: Array<{ source: string; flags: string; line: number }> = [];
  // last significant token: 'regex-ok' when a `/` here would start a regex
  let regexAllowed = true;
  const braceStack: Array<'code' | 'template'> = [];
  let i = 0;
  const n = code.length;
  const lineAt = (pos: number) => code.slice(0, pos).split('\n').length;

  const readTemplate = (): void => {
    // at a position just after '`' or after the '}' closing a ${…}
    while (i < n) {
      const c = code[i]!;
      if (c === '\\') { i += 2; continue; }
      if (c === '`') { i++; regexAllowed = false; return; }
      if (c === '$' && code[i + 1] === '{') { i += 2; braceStack.push('template'); regexAllowed = true; return; }
      i++;
    }
  };

  while (i < n) {
    const c = code[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '/' && code[i + 1] === '/') { while (i < n && code[i] !== '\n') i++; continue; }
    if (c === '/' && code[i + 1] === '*') { const e = code.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
    if (c === '"' || c === "'") {
      i++;
      while (i < n && code[i] !== c) { if (code[i] === '\\') i++; i++; }
      i++; regexAllowed = false; continue;
    }
    if (c === '`') { i++; readTemplate(); continue; }
    if (c === '{') { braceStack.push('code'); i++; regexAllowed = true; continue; }
    if (c === '}') {
      const top = braceStack.pop();
      i++;
      if (top === 'template') { readTemplate(); continue; }
      regexAllowed = true; // end of a block; an expression `}` followed by `/` is rare enough
      continue;
    }
    if (c === '/') {
      if (regexAllowed) {
        const start = i;
        i++;
        let inClass = false;
        while (i < n) {
          const d = code[i]!;
          if (d === '\\') { i += 2; continue; }
          if (d === '\n') break;
          if (inClass) { if (d === ']') inClass = false; }
          else if (d === '[') inClass = true;
          else if (d === '/') break;
          i++;
        }
        const source = code.slice(start + 1, i);
        i++;
        let flags = '';
        while (i < n && /[a-z]/.test(code[i]!)) flags += code[i++]!;
        found.push({ source, flags, line: lineAt(start) });
        regexAllowed = false;
        continue;
      }
      i++; regexAllowed = true; continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(code[j]!)) j++;
      const word = code.slice(i, j);
      i = j;
      regexAllowed = REGEX_AFTER_WORDS.has(word);
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < n && /[0-9A-Za-z_.]/.test(code[i]!)) i++;
      regexAllowed = false; continue;
    }
    if (c === ')' || c === ']') { i++; regexAllowed = false; continue; }
    // `!` after an expression is TypeScript's non-null assertion: `a! / b` is a division
    if (c === '!' && !regexAllowed) { i++; continue; }
    i++; regexAllowed = true; // operators and punctuation
  }
  return found;
}

export function staticRegexes(root: string, dirs: string[]): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const d of dirs) {
    let files: string[] = [];
    try { files = walk(join(root, d)); } catch { continue; }
    for (const f of files) {
      const code = readFileSync(f, 'utf8');
      const lines = code.split('\n');
      for (const r of regexLiterals(code)) {
        const near = `${lines[r.line - 2] ?? ''}\n${lines[r.line - 1] ?? ''}`;
        const bound = /redos-bounded:\s*(\d{1,6})/.exec(near)?.[1];
        out.push({ ...r, where: `${relative(root, f)}:${r.line}`, ...(bound ? { bound: Number(bound) } : {}) });
      }
    }
  }
  return out;
}

/** Records every RegExp built from a string while `run` executes (literals are not seen here). */
export async function runtimeRegexes(run: () => Promise<void>): Promise<FoundRegex[]> {
  const seen: FoundRegex[] = [];
  const Original = globalThis.RegExp;
  const record = (args: unknown[]) => {
    const [pattern, flags] = args;
    if (typeof pattern === 'string') seen.push({ source: pattern, flags: typeof flags === 'string' ? flags : '', where: 'new RegExp' });
    else if (pattern instanceof Original) seen.push({ source: pattern.source, flags: typeof flags === 'string' ? flags : pattern.flags, where: 'new RegExp(regex)' });
  };
  const Spy: RegExpConstructor = new Proxy(Original, {
    construct(target, args, newTarget): object { record(args); return Reflect.construct(target, args, newTarget === Spy ? target : newTarget) as object; },
    apply(target, thisArg, args): unknown { record(args); return Reflect.apply(target, thisArg, args) as unknown; },
  });
  globalThis.RegExp = Spy;
  try { await run(); } finally { globalThis.RegExp = Original; }
  return seen;
}
