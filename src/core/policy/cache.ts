/** A small bounded memo (pure: no clock, no I/O). Cleared wholesale when full. */
export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max = 4096) {}
  get(key: string, make: (key: string) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const v = make(key);
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, v);
    return v;
  }
}
