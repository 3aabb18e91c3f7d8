/**
 * One explain request from outside (a batch line, an HTTP batch item): validated with the same
 * schema and limits as `POST /v1/explain`, then explained. A bad item becomes problem details
 * (RFC 9457 shape), never an exception. Shared by src/cli and src/http; no fastify here.
 */
import { explain } from '../core/index.js';
import type { ExplainInput, Explanation } from '../core/types.js';
import { ExplainRequestSchema } from './request-schemas.js';

const PROBLEM_PREFIX = 'urn:whydenied:problem:';

/** Problem details for one item, the shape of the HTTP API's error bodies (without requestId). */
export interface ItemProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: Array<{ path: string; message: string }>;
  limit?: number;
}

export type ItemResult = { answer: Explanation } | { error: ItemProblem };

/** `['policies', 3, 'document']` → `policies[3].document`, the path style of the HTTP API. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const s = String(part);
      if (/^[A-Za-z_$][\w$]{0,200}$/.test(s)) out += out ? `.${s}` : s;
      else out += `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

export function problem(status: number, type: string, title: string, detail: string, errors: ItemProblem['errors'] = [], limit?: number): ItemProblem {
  return { type: PROBLEM_PREFIX + type, title, status, detail, errors, ...(limit !== undefined ? { limit } : {}) };
}

/** Validates one explain request (same schema and limits as `POST /v1/explain`). */
export function validateExplainItem(raw: unknown): { ok: true; input: ExplainInput } | { ok: false; problem: ItemProblem } {
  const r = ExplainRequestSchema.safeParse(raw);
  if (r.success) return { ok: true, input: r.data as ExplainInput };
  const issues = r.error.issues;
  const errors = issues.slice(0, 20).map((i) => ({ path: fieldPath(i.path), message: i.message.slice(0, 500) }));
  const detail = errors.map((e) => `${e.path || 'item'}: ${e.message}`).join('; ').slice(0, 2000);
  const tooBig = issues.filter((i) => i.code === 'too_big');
  if (tooBig.length === issues.length && issues.length > 0) {
    const first = tooBig[0] as { maximum?: unknown } | undefined;
    const max = typeof first?.maximum === 'number' ? first.maximum : typeof first?.maximum === 'bigint' ? Number(first.maximum) : undefined;
    return { ok: false, problem: problem(413, 'limit-exceeded', 'Request exceeds a limit', detail, errors, max) };
  }
  return { ok: false, problem: problem(400, 'validation-failed', 'The request does not match the schema', detail, errors) };
}

/** Validates and explains one item. Never throws. */
export function explainItem(raw: unknown): ItemResult {
  const v = validateExplainItem(raw);
  if (!v.ok) return { error: v.problem };
  try {
    return { answer: explain(v.input) };
  } catch {
    // The core never throws on user input; if it does, say so without internals.
    return { error: problem(500, 'internal', 'Internal error', 'This item could not be explained because of an internal error.') };
  }
}

