/**
 * The whole cause catalog: every family file's causes, in a stable order. Ids are a contract
 * (design/causes.md); a duplicate id is a bug and the later definition is dropped.
 *
 * Priors share one scale: 1.0 = identity-missing-allow, the most frequent root cause (27 of the
 * 122 threads in shared/corpus/NOTES.md "Top root causes"). A category of n threads gets about
 * n/27 in total, split over its ids: trust 18 → trust-principal-missing 0.75 plus its precise
 * forms; credentials 18 → wrong-credentials-in-use 0.25, expired-token 0.25, invalid-token 0.2;
 * duration/chaining 9 → 0.18 + 0.08; OIDC provider/JWKS 8 → 0.2 + 0.05 + 0.03; TagSession /
 * SetSourceIdentity 7 → 0.2 + 0.13; KMS 6 → 0.14 + the rest; OIDC conditions 5 → 0.15 + 0.08;
 * SCP/RCP 5 → 0.2 + 0.08; Region 4 → 0.12; MFA 3 → 0.15 + 0.1; resource policy 3 → 0.12.
 * Causes that apply only to their own kind of error (root caller, SSE-C …) may sit higher than
 * their share, since they compete only with each other there.
 */
import type { CauseDefinition, CauseGate } from './types.js';
import { causes as trust } from './trust.js';
import { causes as caller } from './caller.js';
import { causes as guardrail } from './guardrail.js';
import { causes as condition } from './condition.js';
import { causes as stsSession } from './sts-session.js';
import { causes as request } from './request.js';
import { causes as target } from './target.js';
import { causes as credentials } from './credentials.js';
import { causes as oidc } from './oidc.js';
import { causes as saml } from './saml.js';
import { causes as service } from './service.js';
import { causes as s3 } from './s3.js';
import { causes as kms } from './kms.js';
import { causes as lakeFormation } from './lakeformation.js';
import { causes as eks } from './eks.js';
import { causes as bedrock } from './bedrock.js';
import { causes as identityCenter } from './identity-center.js';

/** The gate with every field present, in one order. */
function sameShapeGate(g: CauseGate): CauseGate {
  return { keys: g.keys, phrases: g.phrases, codes: g.codes, actions: g.actions, callers: g.callers, request: g.request };
}

/**
 * The definition with every field present, in one order: the family files write each cause with
 * its own set and order of fields, and the ranker reads the same fields of every cause, so one
 * shape keeps those reads monomorphic.
 */
function sameShape(d: CauseDefinition): CauseDefinition {
  return {
    id: d.id, title: d.title, summary: d.summary, family: d.family, prior: d.prior, appliesTo: d.appliesTo,
    gate: d.gate ? sameShapeGate(d.gate) : undefined, signals: d.signals, confirm: d.confirm, fix: d.fix, docs: d.docs,
    specificity: d.specificity, refines: d.refines, supersedes: d.supersedes, stage: d.stage, nothingSent: d.nothingSent, facts: d.facts,
  };
}

function gather(...families: CauseDefinition[][]): CauseDefinition[] {
  const seen = new Set<string>();
  const out: CauseDefinition[] = [];
  for (const fam of families) {
    for (const def of fam) {
      if (seen.has(def.id)) continue;
      seen.add(def.id);
      out.push(sameShape(def));
    }
  }
  return out;
}

export const definitions: readonly CauseDefinition[] = gather(
  trust, caller, guardrail, condition, stsSession, request, target, credentials, oidc, saml, service, s3, kms, lakeFormation, eks, bedrock, identityCenter,
);

const byId = new Map(definitions.map((d) => [d.id, d]));
export function definitionOf(id: string): CauseDefinition | undefined {
  return byId.get(id);
}
