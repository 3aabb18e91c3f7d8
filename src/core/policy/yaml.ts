/**
 * Policies pasted as YAML: a CloudFormation or SAM template (or one resource of it), a Serverless
 * Framework `iam.role.statements` block, or a bare policy written in YAML. CloudFormation's short
 * tags (`!Sub`, `!Ref`, `!GetAtt`, `!Join` …) become the long forms (`{"Fn::Sub": …}`), which the
 * reader turns into strings holding deploy-time references (iac.ts).
 *
 * The YAML that policies are written in, read by hand: block mappings and sequences, plain and
 * quoted scalars, flow collections, block scalars (`|`, `>`), tags and comments. Not read: anchors
 * and aliases (an alias stays the text `*name`, so nothing can expand), multiple documents (the
 * first is read), complex keys. Every line is visited once and flow text once: linear time. (The
 * `yaml` package would read more, but it writes every token it reads to the console when
 * LOG_STREAM or LOG_TOKENS is set, and pasted text must never be logged.)
 */
import type { Issue } from '../types.js';

const INTRINSICS: Record<string, string> = {
  Ref: 'Ref', Sub: 'Fn::Sub', GetAtt: 'Fn::GetAtt', Join: 'Fn::Join', If: 'Fn::If', Select: 'Fn::Select',
  Split: 'Fn::Split', ImportValue: 'Fn::ImportValue', FindInMap: 'Fn::FindInMap', Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr', GetAZs: 'Fn::GetAZs', Equals: 'Fn::Equals', And: 'Fn::And', Or: 'Fn::Or', Not: 'Fn::Not',
  Condition: 'Condition', Transform: 'Fn::Transform', ToJsonString: 'Fn::ToJsonString', Length: 'Fn::Length',
};
const MAX_NESTING = 64;

/** Keys that start a policy, a template or a Serverless block, at the start of a line. */
const YAML_KEY = /^[ \t-]*(?:Version|Statement|Effect|AssumeRolePolicyDocument|PolicyDocument|KeyPolicy|Resources|iamRoleStatements|statements|Policies)[ \t]*:/m;

/** Whether text that is not JSON reads as a policy written in YAML. */
export function looksLikeYaml(text: string): boolean {
  return YAML_KEY.test(text);
}

type Value = string | null | Value[] | { [k: string]: Value };
interface Line { indent: number; text: string; blank: boolean }

/** The text before a comment (` #` outside quotes), trimmed at the end. */
function uncomment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(s[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

/** Where `key: value` splits (the `:` followed by a space or the end, outside quotes and brackets), or -1. */
function keyColon(s: string): number {
  if (s.startsWith('[') || s.startsWith('{')) return -1;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && i === 0) { quote = c; continue; }
    if (c === ':' && (i + 1 === s.length || s[i + 1] === ' ' || s[i + 1] === '\t')) return i;
  }
  return -1;
}

function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).split("''").join("'");
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try { return JSON.parse(s) as string; } catch { return s.slice(1, -1); }
  }
  return s;
}

class Reader {
  p = 0;
  errors = 0;
  constructor(private readonly lines: Line[]) {}

  private next(): Line | undefined {
    while (this.p < this.lines.length && this.lines[this.p]!.blank) this.p++;
    return this.lines[this.p];
  }

  /** The node starting at the current line, indented at least `min`. */
  node(min: number, depth: number): Value {
    const l = this.next();
    if (!l || l.indent < min || depth > MAX_NESTING) return null;
    if (l.text === '-' || l.text.startsWith('- ')) return this.seq(l.indent, depth);
    if (keyColon(l.text) > 0) return this.map(l.indent, depth);
    this.p++;
    return this.inline(l.text, l.indent, depth);
  }

  private seq(indent: number, depth: number): Value[] {
    const out: Value[] = [];
    for (let l = this.next(); l && l.indent === indent && (l.text === '-' || l.text.startsWith('- ')); l = this.next()) {
      const rest = l.text.slice(1).trimStart();
      if (rest === '') {
        this.p++;
        out.push(this.node(indent + 1, depth + 1));
        continue;
      }
      // `- key: value` or `- - item`: the item starts where its text does
      const at = indent + (l.text.length - rest.length);
      if (rest === '-' || rest.startsWith('- ') || keyColon(rest) > 0) {
        l.indent = at;
        l.text = rest;
        out.push(this.node(at, depth + 1));
        continue;
      }
      this.p++;
      out.push(this.inline(rest, at, depth + 1));
    }
    return out;
  }

  private map(indent: number, depth: number): { [k: string]: Value } {
    const out: { [k: string]: Value } = {};
    for (let l = this.next(); l && l.indent === indent; l = this.next()) {
      const colon = keyColon(l.text);
      if (colon <= 0) { this.errors++; this.p++; continue; }
      const key = unquote(l.text.slice(0, colon).trim());
      const rest = l.text.slice(colon + 1).trim();
      this.p++;
      if (rest === '') {
        const n = this.next();
        // a sequence may sit at the key's own indentation
        out[key] = n && (n.indent > indent || (n.indent === indent && (n.text === '-' || n.text.startsWith('- ')))) ? this.node(n.indent, depth + 1) : null;
      } else out[key] = this.inline(rest, indent, depth + 1);
    }
    return out;
  }

  /** The value written after `key:` or `- `: a tag, a block scalar, a flow collection or a scalar. */
  private inline(text: string, indent: number, depth: number): Value {
    if (depth > MAX_NESTING) return null;
    if (text.startsWith('!')) {
      const sp = text.search(/[\s[{]/);
      const name = sp < 0 ? text.slice(1) : text.slice(1, sp);
      const rest = sp < 0 ? '' : text.slice(sp).trim();
      const inner: Value = rest === '' ? this.nested(indent, depth) : this.inline(rest, indent, depth + 1);
      const fn = INTRINSICS[name];
      return fn ? { [fn]: inner } : inner; // !!str and other tags: the value as it is
    }
    if (text.startsWith('&')) { // an anchor: the value, unnamed
      const sp = text.indexOf(' ');
      return sp < 0 ? this.nested(indent, depth) : this.inline(text.slice(sp + 1).trim(), indent, depth + 1);
    }
    if (text.startsWith('|') || text.startsWith('>')) return this.blockScalar(text[0] === '>', indent);
    if (text.startsWith('[') || text.startsWith('{')) return this.flow(text, depth);
    const s = uncomment(text);
    if (s === '~' || s === 'null' || s === '') return null;
    return unquote(s);
  }

  /** A node on the following, more indented lines (after a tag or anchor alone on its line). */
  private nested(indent: number, depth: number): Value {
    const n = this.next();
    return n && (n.indent > indent || (n.indent === indent && n.text.startsWith('- '))) ? this.node(n.indent, depth + 1) : null;
  }

  private blockScalar(folded: boolean, indent: number): string {
    const parts: string[] = [];
    let inner = -1;
    while (this.p < this.lines.length) {
      const l = this.lines[this.p]!;
      if (!l.blank && l.indent <= indent) break;
      if (!l.blank && inner < 0) inner = l.indent;
      parts.push(l.blank ? '' : ' '.repeat(Math.max(0, l.indent - inner)) + l.text);
      this.p++;
    }
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    return parts.join(folded ? ' ' : '\n') + '\n';
  }

  /** A flow collection, continued over the next lines until its brackets close. */
  private flow(first: string, depth: number): Value {
    let text = first;
    let balance = flowBalance(text);
    while (balance > 0 && this.p < this.lines.length) {
      const l = this.lines[this.p++]!;
      if (!l.blank) text += ' ' + l.text;
      balance = flowBalance(text);
    }
    const r = new Flow(uncomment(text), depth);
    const v = r.value();
    if (r.bad) this.errors++;
    return v;
  }
}

/** Open brackets minus closed ones, outside quotes. */
function flowBalance(s: string): number {
  let n = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) { if (c === '\\' && quote === '"') i++; else if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') n++;
    else if (c === ']' || c === '}') n--;
  }
  return n;
}

/** `[a, "b", !Ref C]`, `{ Type: String, Default: [] }`: one pass over the text. */
class Flow {
  i = 0;
  bad = false;
  constructor(private readonly s: string, private readonly depth: number) {}

  private ws(): void { while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\t')) this.i++; }

  value(depth = this.depth): Value {
    this.ws();
    const c = this.s[this.i];
    if (c === undefined || depth > MAX_NESTING) { this.bad = true; return null; }
    if (c === '[') {
      this.i++;
      const out: Value[] = [];
      for (;;) {
        this.ws();
        if (this.i >= this.s.length) { this.bad = true; break; }
        if (this.s[this.i] === ']') { this.i++; break; }
        const at = this.i;
        out.push(this.value(depth + 1));
        this.ws();
        if (this.s[this.i] === ',') this.i++;
        else if (this.s[this.i] !== ']' && this.i === at) this.i++;
      }
      return out;
    }
    if (c === '{') {
      this.i++;
      const out: { [k: string]: Value } = {};
      for (;;) {
        this.ws();
        if (this.i >= this.s.length) { this.bad = true; break; }
        if (this.s[this.i] === '}') { this.i++; break; }
        const at = this.i;
        const key = this.scalar(true);
        this.ws();
        if (this.s[this.i] === ':') { this.i++; out[key ?? ''] = this.value(depth + 1); } else if (key !== null) out[key] = null;
        this.ws();
        if (this.s[this.i] === ',') this.i++;
        else if (this.s[this.i] !== '}' && this.i === at) this.i++;
      }
      return out;
    }
    if (c === '!') {
      const start = ++this.i;
      while (this.i < this.s.length && /[A-Za-z]/.test(this.s[this.i]!)) this.i++;
      const fn = INTRINSICS[this.s.slice(start, this.i)];
      const inner = this.value(depth + 1);
      return fn ? { [fn]: inner } : inner;
    }
    const v = this.scalar(false);
    return v === 'null' || v === '~' ? null : v;
  }

  /** A quoted or plain scalar; a plain one ends at `,`, `]`, `}` (and at `: ` for a key). */
  private scalar(key: boolean): string | null {
    const c = this.s[this.i];
    if (c === '"' || c === "'") {
      const start = this.i++;
      while (this.i < this.s.length && this.s[this.i] !== c) this.i += this.s[this.i] === '\\' && c === '"' ? 2 : 1;
      this.i++;
      return unquote(this.s.slice(start, Math.min(this.i, this.s.length)));
    }
    const start = this.i;
    while (this.i < this.s.length) {
      const x = this.s[this.i]!;
      if (x === ',' || x === ']' || x === '}') break;
      if (key && x === ':' && (this.s[this.i + 1] === ' ' || this.i + 1 === this.s.length)) break;
      this.i++;
    }
    const t = this.s.slice(start, this.i).trim();
    return t === '' && !key ? null : t;
  }
}

/** The YAML's value (undefined when nothing could be read), with issues. */
export function parseYamlText(text: string, issues: Issue[], path: string): unknown {
  const lines: Line[] = [];
  let started = false;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const body = line.trimStart();
    if (body === '---' || body.startsWith('--- ')) { if (started) break; continue; }
    if (body === '...') break;
    const blank = body === '' || body.startsWith('#') || body.startsWith('%');
    if (!blank) started = true;
    lines.push({ indent: line.length - body.length, text: body, blank });
  }
  const reader = new Reader(lines);
  let value: Value = null;
  try {
    value = reader.node(0, 0);
  } catch {
    value = null;
  }
  if (value === null || typeof value !== 'object') {
    issues.push({ code: 'invalid-yaml', message: 'The document looks like YAML but could not be read.', path, severity: 'error' });
    return undefined;
  }
  issues.push(reader.errors > 0
    ? { code: 'invalid-yaml', message: `${reader.errors} line${reader.errors === 1 ? '' : 's'} of the YAML could not be read and ${reader.errors === 1 ? 'was' : 'were'} skipped.`, path, severity: 'warning' }
    : { code: 'yaml', message: 'The document was YAML (CloudFormation, SAM or Serverless); read as the JSON policy it describes.', path, severity: 'info' });
  return value;
}
