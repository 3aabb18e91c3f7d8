/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, `${*}`, `${?}`, `${$}`, and
 * defaults `${aws:username, 'nobody'}`. Only with Version 2012-10-17; otherwise the text is literal.
 * Characters coming from a variable's value are always literal (never wildcards).
 * A variable whose key is absent (and has no default) makes the value match nothing.
 */
import { Memo } from './cache.js';
import type { ContextView } from './context.js';
import { compileGlob, STAR, QMARK, type Pattern } from './match.js';
import { iacReferences } from './iac.js';

export type Resolved =
  | { kind: 'ok'; pattern: Pattern; text: string }
  | { kind: 'missing'; key: string }
  | { kind: 'unknown'; key: string };

const MAX_VAR = 512;

export function hasVariable(value: string): boolean {
  return value.includes('${');
}

function pushLiteral(pattern: Pattern, s: string): void {
  for (let i = 0; i < s.length; i++) pattern.push(s.charCodeAt(i));
}

function pushRaw(pattern: Pattern, s: string, wildcards: boolean): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (wildcards && c === 42) pattern.push(STAR);
    else if (wildcards && c === 63) pattern.push(QMARK);
    else pattern.push(c);
  }
}

const plainWild = new Memo<Resolved>();
const plainLiteral = new Memo<Resolved>();

// a value without variables: its tokens in one array of its length (pushed one by one, it grew a few times over)
function makeWild(v: string): Resolved {
  return { kind: 'ok', pattern: compileGlob(v, true), text: v };
}

function makeLiteral(v: string): Resolved {
  return { kind: 'ok', pattern: compileGlob(v, false), text: v };
}

function plain(value: string, wildcards: boolean): Resolved {
  return wildcards ? plainWild.get(value, makeWild) : plainLiteral.get(value, makeLiteral);
}

export function resolveValue(
  value: string,
  ctx: ContextView,
  opts: { variables: boolean; wildcards: boolean },
): Resolved {
  if (!value.includes('${')) return plain(value, opts.wildcards);
  // a value CloudFormation or Terraform fills in at deploy time is unknown here, whatever the Version (iac.ts)
  const ref = iacReferences(value);
  if (ref.length > 0) return { kind: 'unknown', key: ref[0]! };
  if (!opts.variables) return plain(value, opts.wildcards);
  const pattern: Pattern = [];
  let text = '';
  const w = opts.wildcards;
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${', i);
    if (open < 0) {
      pushRaw(pattern, value.slice(i), w);
      text += value.slice(i);
      break;
    }
    const close = value.indexOf('}', open + 2);
    if (close < 0 || close - open > MAX_VAR) {
      pushRaw(pattern, value.slice(i), w);
      text += value.slice(i);
      break;
    }
    pushRaw(pattern, value.slice(i, open), w);
    text += value.slice(i, open);
    const inner = value.slice(open + 2, close).trim();
    i = close + 1;
    if (inner === '*' || inner === '?' || inner === '$') {
      pushLiteral(pattern, inner);
      text += inner;
      continue;
    }
    let key = inner;
    let dflt: string | null = null;
    const comma = inner.indexOf(',');
    if (comma >= 0) {
      key = inner.slice(0, comma).trim();
      let d = inner.slice(comma + 1).trim();
      if (d.length >= 2 && d.startsWith("'") && d.endsWith("'")) d = d.slice(1, -1);
      dflt = d;
    }
    const v = ctx.get(key);
    if (v === undefined) return { kind: 'unknown', key };
    if (v === null || v.length !== 1) {
      if (dflt !== null) {
        pushLiteral(pattern, dflt);
        text += dflt;
        continue;
      }
      return { kind: 'missing', key };
    }
    pushLiteral(pattern, v[0] as string);
    text += v[0] as string;
  }
  return { kind: 'ok', pattern, text };
}
