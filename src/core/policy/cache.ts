/**
 * A small bounded memo (pure: no clock, no I/O). Cleared wholesale when full, and after every
 * answer (`forgetMemos`): the keys are strings from pasted policies, which must not outlive the
 * request they came with.
 */
const all = new Set<{ clear(): void; readonly size: number }>();

export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max = 4096) {
    all.add(this);
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

/**
 * The last result of a function of two arguments (compared by identity): for work the answer
 * asks for twice with the same inputs. Emptied with the memos.
 */
export class LastCall<A, B, V> {
  private a: A | undefined;
  private b: B | undefined;
  private v: V | undefined;
  constructor() {
    all.add(this);
  }
  get(a: A, b: B, make: (a: A, b: B) => V): V {
    if (this.v !== undefined && this.a === a && this.b === b) return this.v;
    const v = make(a, b);
    this.a = a;
    this.b = b;
    this.v = v;
    return v;
  }
  get size(): number {
    return this.v === undefined ? 0 : 1;
  }
  clear(): void {
    this.a = undefined;
    this.b = undefined;
    this.v = undefined;
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
