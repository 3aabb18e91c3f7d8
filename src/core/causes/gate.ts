/**
 * Cause gates (CauseDefinition.gate): cheap necessary conditions read before a cause's appliesTo,
 * so the ranker asks appliesTo only of the causes that can apply to this kind of error. Each key's
 * fact is computed at most once per answer; phrases are read as `has` reads them, codes as `codeIs`
 * compares them. A gate that throws counts as open (appliesTo then decides, and reports a failure).
 */
import type { CauseContext, CauseGate, GateKey } from './types.js';
import { ctxCache } from './memo.js';
import { action, codeIn, isKmsContext, isSaml, isWebIdentity } from './service-util.js';
import { isS3 } from './s3.js';
import { isAwsPrincipalAssume } from './signals.js';
import { hayIndex } from './text-index.js';
import { hasSessionTags, hasSourceIdentity } from './sts-session.js';

const FACTS: Record<GateKey, (ctx: CauseContext) => boolean> = {
  s3: isS3,
  kms: isKmsContext,
  saml: isSaml,
  'web-identity': isWebIdentity,
  'source-identity': hasSourceIdentity,
  'session-tags': hasSessionTags,
  'aws-assume': isAwsPrincipalAssume,
};
const BIT: Record<GateKey, number> = { s3: 1, kms: 2, saml: 4, 'web-identity': 8, 'source-identity': 16, 'aws-assume': 32, 'session-tags': 64 };

/** Per answer: which keys were computed, and which of them hold. */
const known = ctxCache<{ asked: number; holds: number }>();

function fact(ctx: CauseContext, key: GateKey): boolean {
  let k = known.get(ctx);
  if (!k) { k = { asked: 0, holds: 0 }; known.set(ctx, k); }
  const bit = BIT[key];
  if (!(k.asked & bit)) {
    k.asked |= bit;
    if (FACTS[key](ctx)) k.holds |= bit;
  }
  return (k.holds & bit) !== 0;
}

/** Whether the cause may apply: some key, phrase, code or action of its gate holds. */
export function gateOpen(gate: CauseGate, ctx: CauseContext): boolean {
  try {
    if (gate.actions) { const a = action(ctx); if (a && gate.actions.includes(a)) return true; }
    if (gate.codes && codeIn(ctx, gate.codes)) return true;
    if (gate.callers) { const t = ctx.parsed.caller?.type; if (t && gate.callers.includes(t)) return true; }
    if (gate.request) for (const f of gate.request) if (ctx.request[f] !== undefined) return true;
    if (gate.keys) for (const key of gate.keys) if (fact(ctx, key)) return true;
    if (gate.phrases) { const h = hayIndex(ctx); for (const p of gate.phrases) if (h.includes(p)) return true; }
    return false;
  } catch {
    return true;
  }
}
