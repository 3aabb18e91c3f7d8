/** Three-valued (Kleene) logic: true, false, or 'unknown'. */
export type T3 = boolean | 'unknown';

export function and3(...xs: T3[]): T3 {
  let unknown = false;
  for (const x of xs) {
    if (x === false) return false;
    if (x === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : true;
}

export function or3(...xs: T3[]): T3 {
  let unknown = false;
  for (const x of xs) {
    if (x === true) return true;
    if (x === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : false;
}

export function not3(x: T3): T3 {
  return x === 'unknown' ? 'unknown' : !x;
}
