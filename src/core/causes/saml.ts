/**
 * SAML [aws-facts 3.J]: AssumeRoleWithSAML pairs a role with a SAML provider the role does not
 * trust (or names a role that does not exist), the trust's SAML:aud does not match the
 * assertion's recipient (read from a pasted assertion's Recipient, docs/decisions/021), or the
 * assertion itself is rejected (signature, issuer, attributes).
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { failureStage, requestValue } from './signals.js';
import {
  codeIs, ctxValues, editableDoc, fromContext, fromMessage, fromPolicy, has, isSaml, policiesOf, sig, tokenAfter,
} from './service-util.js';

const SAML_TROUBLE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html';
const SAML_ROLE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html';
const SAML_ASSERTIONS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html';
const SAML_API = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html';

const GENERIC = ['not authorized to perform sts:assumerolewithsaml', 'not authorized to perform: sts:assumerolewithsaml'];
const PAIR = ['specified provider doesn\'t exist', 'specified provider does not exist', 'request arn is invalid', "at 'principalarn' failed to satisfy constraint", "at 'rolearn' failed to satisfy constraint", 'invalid saml response', 'attributes/role'];
const AUD = ['response does not contain the required audience', 'saml:aud'];
const ASSERTION = [
  'response signature invalid', 'issuer not present in specified provider', 'rolesessionname is required in authnresponse',
  'rolesessionname in authnresponse must match', 'source identity must match', 'nameid', 'assertion is expired', 'not yet valid',
  'saml assertion is invalid', 'invalid saml assertion', 'notonorafter', 'notbefore',
];

/** The SAML provider ARN the call used (CLI --principal-arn, a tool's log line), or null. */
export function usedProvider(ctx: CauseContext): string | null {
  for (const m of ['--principal-arn', 'principal arn', '"principalarn":', 'principalarn=', 'principal_arn']) {
    let t = tokenAfter(ctx, m, ',;)');
    // "with principal arn:aws:iam::…": the marker "principal arn" eats the ARN's own "arn"
    if (t && t.startsWith(':aws')) t = `arn${t}`;
    if (t && t.includes(':saml-provider/')) return t;
  }
  return assertionPair(ctx)?.provider ?? null;
}

const STOP = ' \t\r\n"\'`,;)(<>';

/** The one SAML provider ARN the text names (any number of times), or null when it names none or several. */
function onlyProviderNamed(ctx: CauseContext): string | null {
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  let found: string | null = null;
  for (let i = text.indexOf(':saml-provider/'), n = 0; i >= 0 && n < 50; i = text.indexOf(':saml-provider/', i + 1), n++) {
    const start = text.lastIndexOf('arn:', i);
    if (start < 0 || i - start > 40) continue;
    let end = i + ':saml-provider/'.length;
    while (end < text.length && end - i < 200 && !STOP.includes(text[end]!)) end++;
    const arn = text.slice(start, end);
    if (found && found !== arn) return null;
    found = arn;
  }
  return found;
}
/**
 * The Role attribute value of a (decoded) assertion in the text: "role-arn,provider-arn" (either
 * order). Bounded indexOf scanning.
 */
export function assertionPair(ctx: CauseContext): { role: string; provider: string } | null {
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  let i = text.indexOf(':saml-provider/');
  let guard = 0;
  while (i >= 0 && guard++ < 50) {
    const start = text.lastIndexOf('arn:', i);
    let end = i;
    while (end < text.length && end - i < 200 && !STOP.includes(text[end]!)) end++;
    if (start >= 0 && i - start < 40) {
      const provider = text.slice(start, end);
      // role ARN right before ("role,provider") or right after ("provider,role")
      const before = text.slice(Math.max(0, start - 200), start);
      const comma = before.lastIndexOf(',');
      const roleBefore = comma >= 0 && before.slice(comma + 1).trim() === '' ? before.slice(0, comma) : '';
      const rb = roleBefore.lastIndexOf('arn:');
      const cand = rb >= 0 ? roleBefore.slice(rb) : '';
      if (cand.includes(':role/') && ![...cand].some((ch) => STOP.includes(ch))) return { role: cand, provider };
      const after = text.slice(end, end + 200);
      if (after.startsWith(',')) {
        const rest = after.slice(1).trimStart();
        let k = 0;
        while (k < rest.length && !STOP.includes(rest[k]!)) k++;
        const role = rest.slice(0, k);
        if (role.startsWith('arn:') && role.includes(':role/')) return { role, provider };
      }
    }
    i = text.indexOf(':saml-provider/', end);
  }
  return null;
}

/** saml-provider ARNs the pasted trust policies allow for AssumeRoleWithSAML. */
export function trustedProviders(ctx: CauseContext): Array<{ arn: string; policy: number; statement: number }> {
  const out: Array<{ arn: string; policy: number; statement: number }> = [];
  for (const { policy, index } of policiesOf(ctx, 'trust')) {
    for (const st of policy.statements) {
      if (st.effect !== 'Allow') continue;
      for (const f of st.principal?.Federated ?? []) if (f.includes(':saml-provider/')) out.push({ arn: f, policy: index, statement: st.index });
    }
  }
  return out;
}

/** STS's plain AccessDenied for the exchange: the trust policy refused an assertion STS had accepted. */
function refusedAfterValidation(ctx: CauseContext): boolean {
  return (has(ctx, ...GENERIC) || codeIs(ctx, 'AccessDenied')) && !codeIs(ctx, 'InvalidIdentityToken', 'ExpiredToken');
}

const pair: CauseDefinition = {
  id: 'saml-role-provider-pair',
  title: 'The SAML role / provider pair is wrong (role misspelled, or a provider the role does not trust)',
  summary: 'AssumeRoleWithSAML takes a role ARN and a SAML provider ARN, from the IdP\'s https://aws.amazon.com/SAML/Attributes/Role attribute ("role-arn,provider-arn"). The role is misspelled or missing, the provider is not the one its trust policy names, the two are swapped, or the attribute is absent.',
  family: 'saml',
  stage: 'idp',
  prior: 0.08,
  specificity: 2,
  gate: { keys: ['saml'] },
  appliesTo: isSaml,
  signals: [
    (ctx) => {
      if (has(ctx, 'specified provider doesn\'t exist', 'specified provider does not exist')) return sig(30, fromMessage('STS says the SAML provider named in the pair does not exist in the role\'s account.'));
      if (has(ctx, 'request arn is invalid')) return sig(25, fromMessage('STS says the request ARN is invalid: the Role attribute\'s role and provider ARNs are malformed or in the wrong order (role ARN first, provider ARN second).'));
      if (has(ctx, "at 'principalarn' failed to satisfy constraint", "at 'rolearn' failed to satisfy constraint")) return sig(6, fromMessage('The role or provider ARN sent to STS is empty or malformed.'));
      if (has(ctx, 'invalid saml response') && has(ctx, 'role')) return sig(6, fromMessage('AWS says the SAML response is invalid: typically the Role attribute is missing or malformed.'));
      if (has(ctx, ...GENERIC) || codeIs(ctx, 'AccessDenied')) return sig(4, fromMessage('STS refused AssumeRoleWithSAML: most often the role in the assertion is misspelled or its trust does not name this SAML provider.'));
      return null;
    },
    (ctx) => {
      const trusted = trustedProviders(ctx);
      if (!trusted.length) return null;
      const used = usedProvider(ctx);
      if (!used) {
        // the paste names one provider, outside any marker of the call (a tool's log line, a note): not proof that the
        // call used it, but a provider the trust does not name is the likeliest pair error
        const named = onlyProviderNamed(ctx);
        if (named && !trusted.some((t) => t.arn.toLowerCase() === named.toLowerCase())) {
          return sig(4, fromPolicy(`The paste names the SAML provider ${named}, but the role's trust only names ${trusted.map((t) => t.arn).join(', ')}: if the IdP pairs the role with ${named}, STS refuses it.`, trusted[0]!.policy, trusted[0]!.statement));
        }
        return sig(1.2, fromPolicy(`The role trusts the SAML provider ${trusted.map((t) => t.arn).join(', ')}; the IdP must pair the role with exactly that provider.`, trusted[0]!.policy, trusted[0]!.statement));
      }
      const hit = trusted.find((t) => t.arn === used);
      const pair = assertionPair(ctx);
      const target = ctx.parsed.target?.arn ?? null;
      if (hit && ((pair && pair.provider === used && (!target || target === pair.role)) || (!pair && target && ctx.parsed.target?.resourceType === 'role'))) {
        return sig(0.05, fromPolicy(`The call pairs ${pair?.role ?? target} with ${used}, which is exactly the provider the role's trust names: the pair is right.`, hit.policy, hit.statement), 'ruled-out');
      }
      if (hit) return sig(0.2, fromPolicy(`The trust names the provider the call used (${used}).`, hit.policy, hit.statement));
      const t = trusted[0]!;
      return sig(6, fromPolicy(`The call pairs the role with ${used}, but statement ${t.statement + 1} of the trust only names ${trusted.map((x) => x.arn).join(', ')}.`, t.policy, t.statement), 'confirmed');
    },
  ],
  confirm: [
    { description: 'The SAML providers in the role\'s account (the provider ARN must be one of these).', command: 'aws iam list-saml-providers --profile {targetProfile}' },
    { description: 'The role\'s trust policy: Principal.Federated must be the provider, Action sts:AssumeRoleWithSAML.', command: 'aws iam get-role --role-name {targetRoleName} --query Role.AssumeRolePolicyDocument --profile {targetProfile}' },
    { description: 'Read the Role attribute the IdP sends (from a saved SAMLResponse, base64): each value is "role-arn,provider-arn".', command: 'base64 -d samlresponse.b64 | grep -o \'<[^>]*Attribute Name="https://aws.amazon.com/SAML/Attributes/Role".*</[^>]*Attribute>\'' },
  ],
  fix: {
    description: 'Correct the IdP\'s Role attribute (or --principal-arn) so it pairs the exact, case-sensitive role ARN with the provider ARN the role trusts, role first; or, if this IdP should be trusted, add its provider to the trust policy\'s Principal.Federated.',
    commands: ['aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust-policy.json --profile {targetProfile}'],
    correctPolicy: (ctx) => {
      const used = usedProvider(ctx);
      const trusted = trustedProviders(ctx);
      if (!used || !trusted.length || trusted.some((t) => t.arn === used)) return null;
      const t = trusted[0]!;
      const p = ctx.policies[t.policy];
      if (!p) return null;
      const e = editableDoc(p);
      const st = e?.statements[t.statement];
      const pr = st?.Principal as Record<string, unknown> | undefined;
      if (!e || !pr || typeof pr !== 'object') return null;
      const cur = pr.Federated;
      pr.Federated = Array.isArray(cur) ? [...cur, used] : typeof cur === 'string' ? [cur, used] : used;
      e.doc.Statement = e.wasArray ? e.statements : e.statements[0];
      return { policyIndex: t.policy, policy: e.doc };
    },
  },
  docs: [SAML_TROUBLE, SAML_ASSERTIONS],
};

const aud: CauseDefinition = {
  id: 'saml-aud-mismatch',
  title: 'The assertion\'s audience / recipient does not match SAML:aud in the trust policy',
  summary: 'The trust policy requires SAML:aud (normally https://signin.aws.amazon.com/saml, or a Regional sign-in URL), which comes from the assertion\'s Recipient; the IdP posts to another endpoint, or sets another audience.',
  family: 'saml',
  stage: 'token',
  prior: 0.03,
  specificity: 2,
  gate: { keys: ['saml'] },
  appliesTo: isSaml,
  signals: [
    (ctx) => {
      if (has(ctx, 'response does not contain the required audience')) return sig(40, fromMessage('AWS says the SAML response does not contain the required audience.'));
      if (failureStage(ctx) === 'token') return sig(0.05, fromMessage('AWS rejected the assertion for another, named reason than its audience: that is the failing check, and the trust policy was never read.'), 'ruled-out');
      if (has(ctx, ...GENERIC)) return sig(0.6, fromMessage('A plain refusal can be a failing SAML:aud condition.'));
      return null;
    },
    (ctx) => {
      const trusts = policiesOf(ctx, 'trust');
      const clauses = trusts.flatMap(({ policy, index }) => policy.statements.filter((s) => s.effect === 'Allow').flatMap((st) =>
        st.conditions.filter((c) => c.key.toLowerCase() === 'saml:aud').map((c) => ({ c, index, st }))));
      if (!trusts.length) return null;
      if (!clauses.length) return sig(0.3, fromPolicy('The trust policy has no SAML:aud condition.', trusts[0]!.index));
      // stated, or the Recipient the pasted assertion shows (SAML:aud comes from Recipient, not Audience)
      const stated = ctxValues(ctx, 'SAML:aud');
      const actual = stated ?? requestValue(ctx, 'SAML:aud') ?? null;
      const whose = stated ? 'The assertion\'s SAML:aud' : 'The assertion\'s Recipient (the value of SAML:aud)';
      const first = clauses[0]!;
      if (!actual) return sig(1, fromPolicy(`The trust requires SAML:aud ${first.c.values.join(' or ')}.`, first.index, first.st.index));
      const ok = clauses.some(({ c }) => actual.some((a) => c.values.includes(a)));
      if (ok) return sig(0.05, fromContext(`${whose} ${actual.join(', ')} is one the trust accepts.`), 'ruled-out');
      return sig(6, fromPolicy(`The trust requires SAML:aud ${first.c.values.join(' or ')}, but ${whose.charAt(0).toLowerCase()}${whose.slice(1)} is ${actual.join(', ')}.`, first.index, first.st.index), 'confirmed');
    },
  ],
  confirm: [
    { description: 'The SAML:aud value the trust requires.', command: 'aws iam get-role --role-name {targetRoleName} --query \'Role.AssumeRolePolicyDocument.Statement[].Condition\' --profile {targetProfile}' },
    { description: 'The Recipient / Audience in a saved SAMLResponse.', command: 'base64 -d samlresponse.b64 | grep -oE \'(Recipient="[^"]*"|<[^>]*Audience>[^<]*)\'' },
  ],
  fix: {
    description: 'Make the IdP\'s ACS / Recipient URL and the trust\'s SAML:aud agree (https://signin.aws.amazon.com/saml, or the Regional https://<region>.signin.aws.amazon.com/saml on both sides).',
    commands: ['aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust-policy.json --profile {targetProfile}'],
  },
  docs: [SAML_ROLE, SAML_TROUBLE],
};

const assertion: CauseDefinition = {
  id: 'saml-assertion-invalid',
  title: 'AWS rejects the SAML assertion itself (signature, issuer, attributes, time)',
  summary: 'The assertion does not pass validation: the IdP\'s signing certificate changed (provider metadata is stale), the Issuer is not the provider\'s entity id, RoleSessionName / NameID / SourceIdentity attributes are missing or malformed, or it is expired (clock skew). STS answers InvalidIdentityToken (HTTP 400).',
  family: 'saml',
  stage: 'token',
  prior: 0.05,
  specificity: 2,
  gate: { keys: ['saml'] },
  appliesTo: (ctx) => isSaml(ctx) && (has(ctx, ...ASSERTION) || codeIs(ctx, 'InvalidIdentityToken', 'ExpiredToken') || has(ctx, 'invalid saml response')),
  signals: [
    (ctx) => {
      if (has(ctx, 'response signature invalid')) return sig(50, fromMessage('The assertion\'s signature does not verify against the provider\'s metadata: the IdP certificate was rotated.'));
      if (has(ctx, 'issuer not present in specified provider')) return sig(50, fromMessage('The assertion\'s Issuer is not the entity id in the provider\'s metadata.'));
      if (has(ctx, 'rolesessionname is required in authnresponse')) return sig(50, fromMessage('The assertion has no RoleSessionName attribute.'));
      if (has(ctx, 'rolesessionname in authnresponse must match')) return sig(20, fromMessage('The assertion\'s RoleSessionName attribute has invalid characters or length.'));
      if (has(ctx, 'source identity must match')) return sig(40, fromMessage('The assertion\'s SourceIdentity attribute is malformed.'));
      if (has(ctx, 'assertion is expired', 'not yet valid') || codeIs(ctx, 'ExpiredToken')) return sig(30, fromMessage('AWS says the assertion is outside its validity window (expired, or the IdP clock is off).'));
      if (codeIs(ctx, 'InvalidIdentityToken')) return sig(10, fromMessage('STS answered InvalidIdentityToken: it rejected the assertion itself.'));
      if (has(ctx, 'invalid saml response')) return sig(3, fromMessage('AWS says the SAML response is invalid.'));
      // the attributes alone (a pasted assertion) say nothing about their values being wrong
      if (refusedAfterValidation(ctx)) {
        return sig(0.1, fromMessage('STS answered AccessDenied (not authorized), which it gives once the assertion passed validation; a rejected assertion gets InvalidIdentityToken or ExpiredToken (HTTP 400).'));
      }
      if (has(ctx, 'notonorafter', 'notbefore')) return sig(1, fromMessage('The text shows the assertion\'s validity window (NotBefore / NotOnOrAfter) but no time of the call to compare it with: whether it had expired is not known.'));
      if (has(ctx, 'nameid')) return sig(2, fromMessage('The text is about the assertion\'s NameID, which must be present and well formed.'));
      return null;
    },
  ],
  confirm: [
    { description: 'Compare the provider\'s metadata (certificate, entity id) with the IdP\'s current metadata.', command: 'aws iam get-saml-provider --saml-provider-arn {samlProviderArn} --query SAMLMetadataDocument --output text --profile {targetProfile}' },
    { description: 'Inspect the assertion: Issuer, NotOnOrAfter, NameID and the RoleSessionName / SourceIdentity attributes.', command: 'base64 -d samlresponse.b64 | xmllint --format -' },
  ],
  fix: {
    description: 'Upload the IdP\'s current metadata to the provider (after a certificate rotation), and make the IdP send a valid Issuer, NameID and RoleSessionName (2–64 characters of [a-zA-Z_0-9+=,.@-]).',
    commands: ['aws iam update-saml-provider --saml-provider-arn {samlProviderArn} --saml-metadata-document file://idp-metadata.xml --profile {targetProfile}'],
  },
  docs: [SAML_TROUBLE, SAML_ASSERTIONS, SAML_API],
};

export const causes: CauseDefinition[] = [pair, aud, assertion];
