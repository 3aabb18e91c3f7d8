/** Case-insensitive view of a request's condition keys, with the absent/unknown rule. */
import type { ContextValue, EvaluationRequest } from '../types.js';

/** Global / STS keys that AWS documents as multivalued. */
const MULTIVALUED_KEYS = new Set([
  'aws:tagkeys', 'aws:calledvia', 'aws:principalservicenameslist', 'aws:principalorgpaths',
  'aws:resourceorgpaths', 'aws:sourceorgpaths', 'sts:transitivetagkeys',
]);

/** string[] = present; null = known absent; undefined = unknown. */
export type KeyValues = string[] | null | undefined;

export class ContextView {
  private readonly values = new Map<string, string[]>();
  private readonly absent = new Set<string>();
  /** Keys given as a list: multivalued, they need ForAnyValue / ForAllValues. */
  private readonly multi = new Set<string>();
  readonly unknownMode: boolean;
  /** aws:PrincipalArn holds a role ARN without its (unknown) path. */
  readonly rolePathUnknown: boolean;
  /** Keys asked for that were unknown (for missingContext). */
  readonly unknownAsked = new Set<string>();

  constructor(request: EvaluationRequest) {
    this.unknownMode = request.missing === 'unknown';
    for (const [k, v] of Object.entries(request.context ?? {})) {
      const vals = toStrings(v);
      if (vals !== null) this.values.set(k.toLowerCase(), vals);
      // multivalued: several values, or a list for a key AWS defines as multivalued
      if (Array.isArray(v) && (v.length > 1 || MULTIVALUED_KEYS.has(k.toLowerCase()) || k.toLowerCase().endsWith(':amr'))) {
        this.multi.add(k.toLowerCase());
      }
    }
    for (const k of request.knownAbsent ?? []) this.absent.add(k.toLowerCase());
    const pa = this.values.get('aws:principalarn');
    this.rolePathUnknown = request.rolePathUnknown === true && pa !== undefined && pa.length === 1 &&
      (pa[0] as string).includes(':role/');
  }

  /** Is this key a role ARN whose path is unknown? (only aws:PrincipalArn, only for role sessions) */
  pathUnknown(key: string): boolean {
    return this.rolePathUnknown && key.toLowerCase() === 'aws:principalarn';
  }

  isMultivalued(key: string): boolean {
    return this.multi.has(key.toLowerCase());
  }

  get(key: string): KeyValues {
    const k = key.toLowerCase();
    // no condition key has a URL scheme (web-identity keys are the provider URL without https://): never in a request
    if (k.includes('://')) return null;
    const v = this.values.get(k);
    if (v !== undefined) return v;
    if (this.absent.has(k) || !this.unknownMode) return null;
    this.unknownAsked.add(key);
    return undefined;
  }
}

function toStrings(v: ContextValue | null | undefined): string[] | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => String(x));
  return [String(v)];
}
