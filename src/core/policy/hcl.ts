/**
 * Policies pasted as Terraform: `assume_role_policy = jsonencode({ … })`, a heredoc holding JSON,
 * or a `data "aws_iam_policy_document"` block, alone or inside the resource that uses them.
 *
 * A small reader of the HCL that policies are written in (attributes, blocks, objects, tuples,
 * strings, heredocs, function calls, comments), not a Terraform evaluator: a reference
 * (`var.account_id`, `aws_iam_role.ci.arn`) or an expression it does not evaluate becomes
 * `${reference}`, a value the deployment fills in (iac.ts). One pass over the text and one over
 * its tokens, nesting bounded: linear time on any input.
 */
import type { Issue } from '../types.js';

const MAX_NESTING = 64;
const MAX_TOKENS = 50_000;

type Tok = { k: 'str' | 'num' | 'id' | 'p' | 'nl' | 'doc'; v: string };

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57) || c === 45;

/** The tokens of the text; null when there are too many to be a policy. */
function tokenize(s: string): Tok[] | null {
  const out: Tok[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    if (out.length > MAX_TOKENS) return null;
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) { i++; continue; }
    if (c === 10) { out.push({ k: 'nl', v: '\n' }); i++; continue; }
    if (c === 35 || (c === 47 && s.charCodeAt(i + 1) === 47)) { // # or // comment
      const e = s.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (c === 47 && s.charCodeAt(i + 1) === 42) { // /* … */
      const e = s.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === 34) { // "…"
      let v = '';
      i++;
      while (i < n) {
        const ch = s[i]!;
        if (ch === '"' || ch === '\n') { i++; break; }
        if (ch === '\\' && i + 1 < n) {
          const e = s[i + 1]!;
          if (e === 'n') v += '\n';
          else if (e === 't') v += '\t';
          else if (e === 'r') v += '\r';
          else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) { v += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16)); i += 4; }
          else v += e;
          i += 2;
          continue;
        }
        if ((ch === '$' || ch === '%') && s[i + 1] === ch && s[i + 2] === '{') { v += `${ch}{`; i += 3; continue; } // $${ and %%{ escape
        if (ch === '$' && s[i + 1] === '{') { // an interpolation, kept whole as a reference
          let depth = 0;
          let j = i + 1;
          for (; j < n; j++) {
            const x = s[j];
            if (x === '{') depth++;
            else if (x === '}' && --depth === 0) break;
            else if (x === '\n') break;
          }
          v += s.slice(i, Math.min(j + 1, n));
          i = j + 1;
          continue;
        }
        v += ch;
        i++;
      }
      out.push({ k: 'str', v });
      continue;
    }
    if (c === 60 && s.charCodeAt(i + 1) === 60) { // <<EOF / <<-EOF heredoc
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_]{0,40})[ \t]*\r?\n/.exec(s.slice(i, i + 50));
      if (m) {
        const marker = m[1]!;
        let j = i + m[0].length;
        const start = j;
        let end = n;
        let after = n;
        while (j < n) {
          const e = s.indexOf('\n', j);
          const line = s.slice(j, e < 0 ? n : e);
          if (line.trim() === marker) { end = j; after = e < 0 ? n : e; break; }
          if (e < 0) break;
          j = e + 1;
        }
        out.push({ k: 'doc', v: s.slice(start, end) });
        i = after;
        continue;
      }
    }
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < n && /[0-9.eE+-]/.test(s[j]!)) j++;
      out.push({ k: 'num', v: s.slice(i, j) });
      i = j;
      continue;
    }
    if (isIdStart(c)) { // an identifier or a traversal: var.x, data.aws_caller_identity.current.account_id, a[0].b
      let j = i + 1;
      for (;;) {
        while (j < n && isIdPart(s.charCodeAt(j))) j++;
        if (s[j] === '.' && j + 1 < n && (isIdStart(s.charCodeAt(j + 1)) || s[j + 1] === '*' || /[0-9]/.test(s[j + 1]!))) { j += 2; continue; }
        if (s[j] === '[' ) {
          const e = s.indexOf(']', j);
          if (e > 0 && e - j < 80 && !s.slice(j + 1, e).includes('\n') && !/^\s*for\s/.test(s.slice(j + 1, e))) { j = e + 1; continue; }
        }
        break;
      }
      out.push({ k: 'id', v: s.slice(i, j) });
      i = j;
      continue;
    }
    out.push({ k: 'p', v: s[i]! });
    i++;
  }
  return out;
}

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };
interface Block { type: string; labels: string[]; body: Entry[] }
type Entry = { attr: string; value: Value } | { block: Block };

const ref = (text: string): string => '${' + text + '}';

class Reader {
  i = 0;
  errors = 0;
  /** Loop turns left: every turn consumes a token, and this bounds the reader even if one did not. */
  private budget: number;
  constructor(private readonly t: Tok[]) { this.budget = 4 * t.length + 16; }
  private spent(): boolean { return --this.budget < 0; }

  private peek(): Tok | undefined { return this.t[this.i]; }
  private isP(v: string): boolean { const x = this.t[this.i]; return !!x && x.k === 'p' && x.v === v; }
  private skipNl(commas = false): void {
    while (this.i < this.t.length) {
      const x = this.t[this.i]!;
      if (x.k === 'nl' || (commas && x.k === 'p' && x.v === ',')) this.i++;
      else break;
    }
  }

  /** Skips to the end of the current line, or the closing bracket of the current level. */
  private recover(): void {
    this.errors++;
    let depth = 0;
    while (this.i < this.t.length) {
      const x = this.t[this.i]!;
      if (x.k === 'p' && (x.v === '{' || x.v === '[' || x.v === '(')) depth++;
      else if (x.k === 'p' && (x.v === '}' || x.v === ']' || x.v === ')')) { if (depth === 0) return; depth--; }
      else if (x.k === 'nl' && depth === 0) return;
      this.i++;
    }
  }

  body(nesting: number, closing: boolean): Entry[] {
    const out: Entry[] = [];
    for (;;) {
      this.skipNl();
      const x = this.peek();
      if (!x || this.spent()) return out;
      if (closing && x.k === 'p' && x.v === '}') { this.i++; return out; }
      if (x.k !== 'id') {
        const at = this.i;
        this.recover();
        if (this.i === at) this.i++; // a stray closing bracket
        continue;
      }
      this.i++;
      if (this.isP('=')) {
        this.i++;
        out.push({ attr: x.v, value: this.expr(nesting) });
        continue;
      }
      const labels: string[] = [];
      while (this.peek() && (this.peek()!.k === 'str' || this.peek()!.k === 'id')) labels.push(this.t[this.i++]!.v);
      if (this.isP('{') && nesting < MAX_NESTING) {
        this.i++;
        out.push({ block: { type: x.v, labels, body: this.body(nesting + 1, true) } });
        continue;
      }
      this.recover();
    }
  }

  /** An expression; one that is not a literal, object, tuple or jsonencode() becomes a reference. */
  expr(nesting: number): Value {
    const v = this.primary(nesting);
    const x = this.peek();
    if (!x || x.k === 'nl' || (x.k === 'p' && (x.v === ',' || x.v === '}' || x.v === ']' || x.v === ')'))) return v;
    // a conditional, an operator, a splat …: not evaluated here
    let depth = 0;
    while (this.i < this.t.length) {
      const y = this.t[this.i]!;
      if (y.k === 'p' && (y.v === '{' || y.v === '[' || y.v === '(')) depth++;
      else if (y.k === 'p' && (y.v === '}' || y.v === ']' || y.v === ')')) { if (depth === 0) break; depth--; }
      else if (depth === 0 && (y.k === 'nl' || (y.k === 'p' && y.v === ','))) break;
      this.i++;
    }
    return ref('expression');
  }

  private primary(nesting: number): Value {
    const x = this.peek();
    if (!x) return null;
    if (nesting >= MAX_NESTING) { this.recover(); return null; }
    this.i++;
    if (x.k === 'str' || x.k === 'doc') return x.v;
    if (x.k === 'num') return Number.isFinite(Number(x.v)) ? Number(x.v) : x.v;
    if (x.k === 'id') {
      if (x.v === 'true') return true;
      if (x.v === 'false') return false;
      if (x.v === 'null') return null;
      if (this.isP('(')) {
        this.i++;
        const args: Value[] = [];
        for (;;) {
          this.skipNl(true);
          if (!this.peek() || this.spent()) break;
          if (this.isP(')')) { this.i++; break; }
          const before = this.i;
          args.push(this.expr(nesting + 1));
          if (this.i === before) this.i++;
        }
        if ((x.v === 'jsonencode' || x.v === 'tolist' || x.v === 'toset') && args.length === 1) return args[0]!;
        return ref(`${x.v}(…)`);
      }
      return ref(x.v);
    }
    if (x.v === '{') {
      const o: { [k: string]: Value } = {};
      for (;;) {
        this.skipNl(true);
        const k = this.peek();
        if (!k || this.spent()) break;
        if (k.k === 'p' && k.v === '}') { this.i++; break; }
        if ((k.k === 'id' || k.k === 'str') && this.t[this.i + 1]?.k === 'p' && (this.t[this.i + 1]!.v === '=' || this.t[this.i + 1]!.v === ':')) {
          this.i += 2;
          o[k.v] = this.expr(nesting + 1);
          continue;
        }
        const at = this.i;
        this.recover();
        if (this.isP('}')) { this.i++; break; }
        if (this.i === at) this.i++; // a stray ] or )
      }
      return o;
    }
    if (x.v === '[') {
      if (this.peek()?.k === 'id' && this.peek()!.v === 'for') { this.i--; this.recover(); if (this.isP(']')) this.i++; return ref('for'); }
      const a: Value[] = [];
      for (;;) {
        this.skipNl(true);
        if (!this.peek() || this.spent()) break;
        if (this.isP(']')) { this.i++; break; }
        const before = this.i;
        a.push(this.expr(nesting + 1));
        if (this.i === before) this.i++;
      }
      return a;
    }
    if (x.v === '(') {
      const v = this.expr(nesting + 1);
      if (this.isP(')')) this.i++;
      return v;
    }
    this.i--;
    this.recover();
    return null;
  }
}

const isObj = (v: unknown): v is { [k: string]: Value } => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: Value | undefined): Value[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** aws_iam_policy_document writes IAM policy variables as &{aws:username}. */
const unescape = (v: Value): Value => (typeof v === 'string' ? v.split('&{').join('${') : Array.isArray(v) ? v.map(unescape) : v);
const attrOf = (b: Entry[], name: string): Value | undefined => {
  for (const e of b) if ('attr' in e && e.attr === name) return e.value;
  return undefined;
};
const blocksOf = (b: Entry[], type: string): Block[] => b.flatMap((e) => ('block' in e && e.block.type === type ? [e.block] : []));

/** A `data "aws_iam_policy_document"` block as the JSON document Terraform renders. */
function documentOfDataBlock(body: Entry[], notes: string[]): Record<string, Value> {
  const doc: Record<string, Value> = { Version: attrOf(body, 'version') ?? '2012-10-17' };
  const id = attrOf(body, 'policy_id');
  if (id !== undefined) doc['Id'] = id;
  for (const a of ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']) {
    if (attrOf(body, a) !== undefined) notes.push(a);
  }
  if (body.some((e) => 'block' in e && e.block.type === 'dynamic')) notes.push('dynamic blocks');
  const statements: Value[] = [];
  for (const st of blocksOf(body, 'statement')) {
    const s: Record<string, Value> = {};
    const b = st.body;
    const sid = attrOf(b, 'sid');
    if (sid !== undefined) s['Sid'] = sid;
    s['Effect'] = attrOf(b, 'effect') ?? 'Allow';
    const pairs: Array<[string, string]> = [['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']];
    for (const [tf, iam] of pairs) {
      const v = attrOf(b, tf);
      if (v !== undefined) s[iam] = unescape(list(v));
    }
    for (const [tf, iam] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      const ps = blocksOf(b, tf);
      if (!ps.length) continue;
      let el: Value = {};
      for (const p of ps) {
        const type = attrOf(p.body, 'type');
        const ids = list(attrOf(p.body, 'identifiers'));
        if (type === '*') { el = '*'; break; }
        if (typeof type !== 'string' || !isObj(el)) continue;
        el[type] = [...list(el[type]), ...ids];
      }
      s[iam] = el;
    }
    const conditions = blocksOf(b, 'condition');
    if (conditions.length) {
      const c: Record<string, Value> = {};
      for (const cond of conditions) {
        const test = attrOf(cond.body, 'test');
        const variable = attrOf(cond.body, 'variable');
        if (typeof test !== 'string' || typeof variable !== 'string') continue;
        const block = isObj(c[test]) ? c[test] : (c[test] = {});
        block[variable] = [...list(block[variable]), ...list(unescape(list(attrOf(cond.body, 'values'))))];
      }
      s['Condition'] = c;
    }
    statements.push(s);
  }
  doc['Statement'] = statements;
  return doc;
}

interface Found {
  where: string;
  value: Value;
  trust: boolean;
  /** The aws_iam_role whose assume_role_policy it is: its literal name and max_session_duration. */
  role?: RoleFacts;
}
interface RoleFacts { RoleName?: string; MaxSessionDuration?: number }

/** An aws_iam_role block's literal name and session limit (a reference names nothing yet). */
function roleFacts(body: Entry[]): RoleFacts | undefined {
  const name = attrOf(body, 'name');
  const msd = attrOf(body, 'max_session_duration');
  const out: RoleFacts = {};
  if (typeof name === 'string' && !name.includes('${')) out.RoleName = name;
  if (typeof msd === 'number') out.MaxSessionDuration = msd;
  return out.RoleName || out.MaxSessionDuration ? out : undefined;
}

/** Every policy document in the entries, in the order written (blocks searched inside). */
function collect(entries: Entry[], found: Found[], data: Map<string, Found>, notes: string[], owner: string, role?: RoleFacts): void {
  for (const e of entries) {
    if ('block' in e) {
      const b = e.block;
      if (b.type === 'data' && b.labels[0] === 'aws_iam_policy_document' && b.labels[1]) {
        const f: Found = { where: `data.aws_iam_policy_document.${b.labels[1]}`, value: documentOfDataBlock(b.body, notes), trust: false };
        found.push(f);
        data.set(b.labels[1], f);
      } else {
        collect(b.body, found, data, notes, b.labels.length ? `${b.labels.join('.')}` : b.type, b.type === 'resource' && b.labels[0] === 'aws_iam_role' ? roleFacts(b.body) : undefined);
      }
      continue;
    }
    const trust = e.attr === 'assume_role_policy';
    const v = e.value;
    const pointer = typeof v === 'string' ? /^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]{1,100})\.json\}$/.exec(v) : null;
    if (pointer) {
      const target = data.get(pointer[1]!);
      if (target && trust) {
        target.trust = true;
        if (role) target.role = role;
      } else if (!target) found.push({ where: `${owner}.${e.attr}`, value: v, trust, ...(trust && role ? { role } : {}) }); // the data block comes later in the text
      continue;
    }
    if (trust || e.attr === 'policy' || (isObj(v) && ('Statement' in v || 'statement' in v))) {
      if (isObj(v) || (typeof v === 'string' && (v.includes('Statement') || v.includes('statement') || v.startsWith('${')))) {
        found.push({ where: `${owner}.${e.attr}`, value: v, trust, ...(trust && role ? { role } : {}) });
      }
    }
  }
}

/** Whether text that is not JSON reads as Terraform holding a policy. */
export function looksLikeHcl(text: string): boolean {
  return text.includes('jsonencode(') || text.includes('aws_iam_policy_document') || text.includes('assume_role_policy')
    || (text.includes('policy') && text.includes('<<'));
}

/**
 * The policy the Terraform text holds: a document object, a JSON string from a heredoc, or a
 * trust document wrapped as `{ AssumeRolePolicyDocument: … }` so the reader keeps its kind.
 * Undefined when no policy was found.
 */
export function parseHclText(text: string, issues: Issue[], path: string): unknown {
  const tokens = tokenize(text);
  if (!tokens) {
    issues.push({ code: 'invalid-hcl', message: 'The Terraform text is too long to be a policy.', path, severity: 'error' });
    return undefined;
  }
  const reader = new Reader(tokens);
  const entries = reader.body(0, false);
  const found: Found[] = [];
  const data = new Map<string, Found>();
  const notes: string[] = [];
  collect(entries, found, data, notes, 'terraform');
  // a pointer written before its data block: resolved now
  const resolved = found.flatMap((f) => {
    const m = typeof f.value === 'string' ? /^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]{1,100})\.json\}$/.exec(f.value) : null;
    if (!m) return [f];
    const target = data.get(m[1]!);
    if (target && f.trust) {
      target.trust = true;
      if (f.role) target.role = f.role;
    }
    return [];
  });
  const docs = resolved.filter((f) => isObj(f.value) || (typeof f.value === 'string' && !f.value.startsWith('${')));
  if (!docs.length) {
    issues.push({ code: 'invalid-hcl', message: 'The text looks like Terraform but holds no policy document it could read.', path, severity: 'error' });
    return undefined;
  }
  const first = docs.find((f) => f.trust) ?? docs[0]!;
  const others = docs.filter((f) => f !== first).map((f) => f.where);
  issues.push({
    code: 'terraform',
    message: `The document was Terraform; read ${first.where}${others.length ? ` (not read: ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''})` : ''}.`,
    path, severity: 'info',
  });
  if (reader.errors > 0) issues.push({ code: 'invalid-hcl', message: `${reader.errors} part${reader.errors === 1 ? '' : 's'} of the Terraform could not be read and were skipped.`, path, severity: 'warning' });
  if (notes.length) issues.push({ code: 'terraform-not-evaluated', message: `Not read: ${notes.join(', ')} (they take other documents or generated statements that only Terraform knows).`, path, severity: 'warning' });
  // a trust keeps its role's name (and session limit): the reader takes them as get-role's
  return first.trust ? { AssumeRolePolicyDocument: first.value, ...first.role } : first.value;
}
