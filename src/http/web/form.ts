/**
 * Reads the web form's fields (urlencoded, as a browser sends them) into the form values shown
 * back to the person and the ExplainInput for the core. Never throws: problems become messages.
 */
import { POLICY_KINDS } from '../../core/types.js';
import type { ContextValue, ExplainInput, PolicyInput, PolicyKind, RequestFacts } from '../../core/types.js';
import { emptyFormValues, MAX_POLICIES } from '../../core/render/html.js';
import type { HtmlFormValues, TriState } from '../../core/render/html.js';

export const MAX_TEXT = 100_000;
const MAX_CONTEXT_KEYS = 50;
const MAX_DURATION = 129_600;

export interface ReadForm {
  values: HtmlFormValues;
  /** null when `errors` says why not. */
  input: ExplainInput | null;
  errors: string[];
}

type Body = Record<string, unknown>;

function all(body: Body, name: string): string[] {
  const v = Object.prototype.hasOwnProperty.call(body, name) ? body[name] : undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function one(body: Body, name: string): string {
  return all(body, name)[0] ?? '';
}

function tri(body: Body, name: string): TriState {
  const v = one(body, name);
  return v === 'yes' || v === 'no' ? v : 'unknown';
}

/** Form fields → form values + ExplainInput. `body` is whatever the body parser produced. */
export function readForm(raw: unknown): ReadForm {
  const body: Body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Body) : {};
  const errors: string[] = [];
  const values: HtmlFormValues = emptyFormValues();

  values.message = one(body, 'message').replace(/\r\n/g, '\n');
  const kinds = all(body, 'policyKind');
  const docs = all(body, 'policyDocument');
  for (let i = 0; i < docs.length; i += 1) {
    const document = (docs[i] ?? '').replace(/\r\n/g, '\n');
    if (!document.trim()) continue;
    values.policies.push({ kind: kinds[i] ?? 'detect', document });
  }
  values.externalIdPassed = tri(body, 'externalIdPassed');
  values.externalId = one(body, 'externalId');
  // A value typed without touching the select means it was passed.
  if (values.externalIdPassed === 'unknown' && values.externalId !== '') values.externalIdPassed = 'yes';
  values.durationSeconds = one(body, 'durationSeconds').trim();
  values.roleSessionName = one(body, 'roleSessionName');
  values.chained = tri(body, 'chained');
  values.mfa = tri(body, 'mfa');
  values.context = one(body, 'context').replace(/\r\n/g, '\n');

  if (!values.message.trim()) errors.push('Paste the error message: the field is empty.');
  if (values.message.length > MAX_TEXT) errors.push(`The error message is ${values.message.length} characters long; at most ${MAX_TEXT} are read.`);

  const policies: PolicyInput[] = [];
  if (values.policies.length > MAX_POLICIES) errors.push(`At most ${MAX_POLICIES} policies can be pasted; you sent ${values.policies.length}.`);
  values.policies.slice(0, MAX_POLICIES).forEach((p, i) => {
    if (p.document.length > MAX_TEXT) errors.push(`Policy ${i + 1} is ${p.document.length} characters long; at most ${MAX_TEXT} are read.`);
    if (p.kind === 'detect') {
      policies.push({ document: p.document });
    } else if ((POLICY_KINDS as readonly string[]).includes(p.kind)) {
      policies.push({ kind: p.kind as PolicyKind, document: p.document });
    } else {
      errors.push(`Policy ${i + 1} has an unknown kind; choose one from the list.`);
    }
  });

  const request: RequestFacts = {};
  if (values.externalIdPassed === 'yes') {
    if (values.externalId === '') errors.push('You said an external id was passed: type its value, or choose "Don\'t know".');
    else if (values.externalId.length > 1224) errors.push('The external id is longer than AWS allows (1224 characters).');
    else request.externalId = values.externalId;
  } else if (values.externalIdPassed === 'no') {
    request.externalId = null;
  }
  if (values.durationSeconds !== '') {
    const n = Number(values.durationSeconds);
    if (!/^\d{1,6}$/.test(values.durationSeconds) || !Number.isInteger(n) || n > MAX_DURATION) {
      errors.push(`The duration must be a whole number of seconds from 0 to ${MAX_DURATION}.`);
    } else {
      request.durationSeconds = n;
    }
  }
  const session = values.roleSessionName.trim();
  if (session) {
    if (session.length > 64) errors.push('A role session name has at most 64 characters.');
    else request.roleSessionName = session;
  }
  if (values.chained !== 'unknown') request.chained = values.chained === 'yes';
  if (values.mfa !== 'unknown') request.mfa = values.mfa === 'yes';

  const context: Record<string, ContextValue> = {};
  let keys = 0;
  if (values.context.length > MAX_TEXT) {
    errors.push(`The condition keys field is longer than ${MAX_TEXT} characters.`);
  } else {
    values.context.split('\n').forEach((line, i) => {
      const t = line.trim();
      if (!t || t.startsWith('#')) return;
      const eq = t.indexOf('=');
      const key = eq > 0 ? t.slice(0, eq).trim() : '';
      if (!key || key.length > 256) {
        errors.push(`Condition keys, line ${i + 1}: write it as key=value (for example aws:PrincipalOrgID=o-abc123def4).`);
        return;
      }
      // as the JSON API refuses it; assigned to {} it would also vanish without a word
      if (key === '__proto__') {
        errors.push(`Condition keys, line ${i + 1}: __proto__ is not a condition key.`);
        return;
      }
      keys += 1;
      if (keys > MAX_CONTEXT_KEYS) {
        if (keys === MAX_CONTEXT_KEYS + 1) errors.push(`At most ${MAX_CONTEXT_KEYS} condition keys are read.`);
        return;
      }
      context[key] = t.slice(eq + 1).trim();
    });
  }

  if (errors.length) return { values, input: null, errors };
  const input: ExplainInput = { message: values.message };
  if (policies.length) input.policies = policies;
  if (Object.keys(request).length) input.request = request;
  if (Object.keys(context).length) input.context = context;
  return { values, input, errors };
}
