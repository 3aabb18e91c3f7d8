/**
 * Linear scans over raw JSON text, run before and after JSON.parse: the nesting depth (so a
 * 50 000-deep body is refused before anything recurses over it), and, when parsing failed,
 * where and why (V8's messages often give neither a position nor a field).
 */

export interface JsonSyntaxError {
  position: number;
  line: number;
  column: number;
  /** The field being read when the error occurred, in `policies[0].document` style ('' = top level). */
  path: string;
  message: string;
}

type Frame = { kind: 'object'; key: string | null } | { kind: 'array'; index: number };

/** Finds the first syntax error in `text`, or null when it is valid JSON. Iterative and linear. */
export function locateJsonError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: Frame[] = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';

  const fail = (message: string): JsonSyntaxError => {
    let line = 1;
    let column = 1;
    for (let k = 0; k < i && k < n; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    return { position: i, line, column, path: pathOf(stack), message };
  };
  const skipWs = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  /** Reads a string starting at the quote; returns its end offset or an error message. */
  const readString = (): string | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return 'invalid \\u escape in a string';
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return 'invalid escape in a string';
      } else if (c < 32) return 'unescaped control character (such as a line break) in a string';
      else i++;
    }
    return 'unterminated string';
  };
  const readNumber = (): string | null => {
    if (text[i] === '-') i++;
    const digits = (): number => {
      const start = i;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      return i - start;
    };
    if (text[i] === '0') i++;
    else if (digits() === 0) return 'invalid number';
    if (text[i] === '.') {
      i++;
      if (digits() === 0) return 'invalid number: digits expected after the decimal point';
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (digits() === 0) return 'invalid number: digits expected in the exponent';
    }
    return null;
  };

  for (;;) {
    skipWs();
    if (state === 'value') {
      if (i >= n) return fail('unexpected end of the body; a value was expected');
      const c = text[i]!;
      if (c === '{') {
        stack.push({ kind: 'object', key: null });
        i++;
        skipWs();
        if (text[i] === '}') {
          stack.pop();
          i++;
          state = 'after';
        } else state = 'key';
      } else if (c === '[') {
        stack.push({ kind: 'array', index: 0 });
        i++;
        skipWs();
        if (text[i] === ']') {
          stack.pop();
          i++;
          state = 'after';
        } else state = 'value';
      } else if (c === '"') {
        const err = readString();
        if (err) return fail(err);
        state = 'after';
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        const err = readNumber();
        if (err) return fail(err);
        state = 'after';
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
        state = 'after';
      } else if (text.startsWith('false', i)) {
        i += 5;
        state = 'after';
      } else {
        return fail(`unexpected ${JSON.stringify(c)}; a value was expected (strings need double quotes)`);
      }
    } else if (state === 'key') {
      if (text[i] !== '"') return fail(i >= n ? 'unexpected end of the body' : 'a double-quoted property name was expected (no trailing commas)');
      const start = i;
      const err = readString();
      if (err) return fail(err);
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.key = safeKey(text.slice(start, i));
      skipWs();
      if (text[i] !== ':') return fail("':' was expected after the property name");
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (!top) return i < n ? fail('unexpected text after the end of the JSON value') : null;
      if (i >= n) return fail(`unexpected end of the body; '${top.kind === 'object' ? '}' : ']'}' was expected`);
      const c = text[i];
      if (c === ',') {
        i++;
        if (top.kind === 'array') {
          top.index++;
          state = 'value';
        } else {
          top.key = null;
          state = 'key';
        }
      } else if ((top.kind === 'object' && c === '}') || (top.kind === 'array' && c === ']')) {
        stack.pop();
        i++;
      } else {
        return fail(`',' or '${top.kind === 'object' ? '}' : ']'}' was expected`);
      }
    }
  }
}

function safeKey(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}

function pathOf(stack: Frame[]): string {
  let out = '';
  for (const f of stack) {
    if (f.kind === 'array') out += `[${f.index}]`;
    else if (f.key !== null) out += /^[A-Za-z_$][\w$]{0,200}$/.test(f.key) ? (out ? `.${f.key}` : f.key) : `[${JSON.stringify(f.key)}]`;
  }
  return out;
}

export interface KeyProblem {
  kind: 'duplicate' | 'forbidden';
  /** The key as written (unescaped); `constructor.prototype` for that pair. */
  key: string;
  /** The object holding it, in `policies[0].document` style ('' = top level). */
  path: string;
}

type KeyFrame = { kind: 'object'; key: string | null; keys: Set<string> } | { kind: 'array'; index: number };

/**
 * In valid JSON text, the first key that appears twice in one object, or the first key that
 * fastify's parser refuses as prototype poisoning (`__proto__`, or `prototype` inside a
 * `constructor` object), with the path of the object holding it. Linear; iterative.
 */
export function findKeyProblem(text: string): KeyProblem | null {
  return scanJsonText(text, Number.POSITIVE_INFINITY).key;
}

/**
 * One pass over a request body before it is parsed: `deepAt`, the offset at which nesting first
 * goes deeper than `maxDepth` (strings skipped), or -1 (then `key` is null: the depth is refused
 * first); else `key` as findKeyProblem gives it (meaningful once the text parses).
 */
export function scanJsonText(text: string, maxDepth: number): { deepAt: number; key: KeyProblem | null } {
  const n = text.length;
  const stack: KeyFrame[] = [];
  let found: KeyProblem | null = null;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i;
      let escaped = false;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) {
          escaped = true;
          i += 2;
        } else if (d === 34) break;
        else i++;
      }
      i++;
      const top = stack[stack.length - 1];
      if (found !== null || top?.kind !== 'object' || top.key !== null) continue;
      // a string directly inside an object whose key has not been read yet is the key (unescaped
      // only when it holds a backslash)
      const key = escaped ? safeKey(text.slice(start, i)) : text.slice(start + 1, i - 1);
      const parent = stack[stack.length - 2];
      if (key === '__proto__') found = { kind: 'forbidden', key, path: keyPathOf(stack) };
      else if (key === 'prototype' && parent?.kind === 'object' && parent.key === 'constructor') {
        found = { kind: 'forbidden', key: 'constructor.prototype', path: keyPathOf(stack.slice(0, -1)) };
      } else if (top.keys.has(key)) found = { kind: 'duplicate', key, path: keyPathOf(stack) };
      top.keys.add(key);
      top.key = key;
    } else if (c === 123 || c === 91) {
      if (stack.length >= maxDepth) return { deepAt: i, key: null };
      stack.push(c === 123 ? { kind: 'object', key: null, keys: new Set() } : { kind: 'array', index: 0 });
      i++;
    } else if (c === 125 || c === 93) {
      stack.pop();
      i++;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      else if (top) top.key = null;
      i++;
    } else i++;
  }
  return { deepAt: -1, key: found };
}

function keyPathOf(stack: KeyFrame[]): string {
  // the innermost object's own key is the one being reported, not part of its path
  return pathOf(stack.slice(0, -1).map((f): Frame => (f.kind === 'object' ? { kind: 'object', key: f.key } : f)));
}
