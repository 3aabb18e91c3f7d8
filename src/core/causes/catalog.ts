/**
 * The whole cause catalog: every family file's causes, in a stable order. Ids are a contract
 * (design/causes.md); a duplicate id is a bug and the later definition is dropped.
 */
import type { CauseDefinition } from './types.js';
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

function gather(...families: CauseDefinition[][]): CauseDefinition[] {
  const seen = new Set<string>();
  const out: CauseDefinition[] = [];
  for (const fam of families) {
    for (const def of fam) {
      if (seen.has(def.id)) continue;
      seen.add(def.id);
      out.push(def);
    }
  }
  return out;
}

export const definitions: readonly CauseDefinition[] = gather(
  trust, caller, guardrail, condition, stsSession, request, target, credentials, oidc, saml, service, s3, kms,
);

const byId = new Map(definitions.map((d) => [d.id, d]));
export function definitionOf(id: string): CauseDefinition | undefined {
  return byId.get(id);
}
