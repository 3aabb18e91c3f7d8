/**
 * Per-answer caches. The causes ask the same questions of one answer many times (is it a denial,
 * the caller's shape, the statement views …); each question's answer is kept in a slot of the
 * context's `memo` array. A slot is an array index, so a lookup costs next to nothing and the
 * garbage collector has no weak tables to walk: every entry dies with its context.
 * A context built without `memo` (tests build them by hand) falls back to a WeakMap.
 */
import type { CauseContext } from './types.js';

let slots = 0;

export interface CtxCache<T> {
  get(ctx: CauseContext): T | undefined;
  /** Whether a value was set (values are never `undefined`: store null for "none"). */
  has(ctx: CauseContext): boolean;
  set(ctx: CauseContext, value: T): void;
}

/** A cache keyed by the answer's context, with WeakMap's get/set. */
export function ctxCache<T>(): CtxCache<T> {
  const slot = slots++;
  const fallback = new WeakMap<CauseContext, T>();
  return {
    get: (ctx) => (ctx.memo ? (ctx.memo[slot] as T | undefined) : fallback.get(ctx)),
    has: (ctx) => (ctx.memo ? ctx.memo[slot] !== undefined : fallback.has(ctx)),
    set: (ctx, value) => {
      if (ctx.memo) ctx.memo[slot] = value;
      else fallback.set(ctx, value);
    },
  };
}
