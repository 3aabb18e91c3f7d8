/**
 * A small bounded memo (pure: no clock, no I/O). Cleared wholesale when full, and after every
 * answer (`forgetMemos`): the keys are strings from pasted policies, which must not outlive the
 * request they came with.
 */
const all = new Set<Memo<unknown>>();

export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max = 4096) {
    all.add(this as Memo<unknown>);
  }
  get(key: string, make: (key: string) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const v = make(key);
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, v);
    return v;
  }
  get size(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
}

/** Empties every memo of the policy engine (called when an answer is done). */
export function forgetMemos(): void {
  for (const m of all) m.clear();
}

/** How many entries the memos hold together (for the test that they are emptied). */
export function memoEntries(): number {
  let n = 0;
  for (const m of all) n += m.size;
  return n;
}
