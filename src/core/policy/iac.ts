/**
 * Values that infrastructure code fills in at deploy time, as people paste them: CloudFormation's
 * intrinsic functions (`{"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"}`, `!Ref CiRoleArn`) and
 * Terraform's references (`var.ci_role_arn`, `"${data.aws_caller_identity.current.account_id}"`).
 *
 * Each becomes a string holding `${reference}`, which the evaluator reads as a value it does not
 * know: a statement that depends on one is neither matched nor ruled out by it. An IAM policy
 * variable always names a namespace and a key (`${aws:username}`, `${saml:sub}`); a reference has
 * no single colon (`${var.x}`, `${CiRole.Arn}`) or CloudFormation's double one (`${AWS::AccountId}`).
 */

import { matchPattern, STAR, type Pattern } from './match.js';

const MAX_REFS = 20;

/** Whether the text inside `${…}` is a deploy-time reference rather than an IAM policy variable. */
export function isIacReference(inner: string): boolean {
  const s = inner.trim();
  if (s === '' || s === '*' || s === '?' || s === '$') return false;
  if (s.includes('::')) return true;
  return !s.includes(':');
}

/** The deploy-time references in a string, in order (at most MAX_REFS). */
export function iacReferences(value: string, out: string[] = []): string[] {
  let i = value.indexOf('${');
  while (i >= 0 && out.length < MAX_REFS) {
    const close = value.indexOf('}', i + 2);
    if (close < 0) break;
    const inner = value.slice(i + 2, close);
    if (isIacReference(inner) && !out.includes(inner.trim())) out.push(inner.trim());
    i = value.indexOf('${', close + 1);
  }
  return out;
}

/** Whether the value holds a deploy-time reference. */
export function hasIacReference(value: string): boolean {
  return value.includes('${') && iacReferences(value).length > 0;
}

/**
 * Whether a value holding references can be one of `names` once deployed: each `${reference}` read
 * as any text (so `arn:aws:iam::${AWS::AccountId}:role/ci` can never be role/deploy).
 */
export function referenceCanName(value: string, names: readonly string[]): boolean {
  const pattern: Pattern = [];
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${', i);
    const close = open < 0 ? -1 : value.indexOf('}', open + 2);
    const end = close < 0 ? value.length : open;
    for (let k = i; k < end; k++) pattern.push(value.charCodeAt(k));
    if (close < 0) break;
    pattern.push(STAR);
    i = close + 1;
  }
  for (const n of names) if (matchPattern(pattern, n)) return true;
  return false;
}

const ref = (name: string): string => '${' + name + '}';

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * A CloudFormation intrinsic function object (one key, `Ref` or `Fn::…`) as the string it stands
 * for, references kept as `${…}`; null when the value is not one. `Fn::Sub`'s own variables and
 * `Fn::Join` of strings are filled in; anything else that only the deployment knows becomes a
 * reference (`${Fn::If}`).
 */
export function intrinsicString(v: unknown, depth = 0): string | null {
  if (!isRecord(v) || depth > 8) return null;
  const keys = Object.keys(v);
  if (keys.length !== 1) return null;
  const fn = keys[0]!;
  const arg = v[fn];
  if (fn === 'Ref') return typeof arg === 'string' ? ref(arg) : ref('Ref');
  if (!fn.startsWith('Fn::')) return null;
  const part = (x: unknown): string | null => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : intrinsicString(x, depth + 1));
  switch (fn) {
    case 'Fn::Sub': {
      // `${!Literal}` is CloudFormation's escape for a literal `${Literal}` (an IAM policy variable)
      if (typeof arg === 'string') return arg.split('${!').join('${');
      if (Array.isArray(arg) && typeof arg[0] === 'string') {
        let text = arg[0];
        const vars = isRecord(arg[1]) ? arg[1] : {};
        for (const [name, value] of Object.entries(vars)) {
          const s = part(value);
          if (s !== null) text = text.split(ref(name)).join(s);
        }
        return text.split('${!').join('${');
      }
      return ref(fn);
    }
    case 'Fn::GetAtt': {
      if (typeof arg === 'string') return ref(arg);
      if (Array.isArray(arg) && arg.every((x) => typeof x === 'string')) return ref(arg.join('.'));
      return ref(fn);
    }
    case 'Fn::Join': {
      if (Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
        const parts = arg[1].map(part);
        if (parts.every((p) => p !== null)) return parts.join(arg[0]);
      }
      return ref(fn);
    }
    case 'Fn::ImportValue': {
      const name = part(arg);
      return ref(name !== null ? `ImportValue.${name.replace(/[${}]/g, '')}` : fn);
    }
    default:
      return ref(fn);
  }
}
