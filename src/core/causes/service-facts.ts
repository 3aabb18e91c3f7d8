/**
 * Template facts only the web-identity and SAML families know how to derive (the issuer URL of a
 * token, the IAM OIDC / SAML provider ARN). The framework merges them into CauseContext.facts
 * after deriveFacts, filling only keys that are still empty:
 *   Object.assign(ctx.facts, familyFacts(ctx))
 */
import type { CauseContext, TemplateFacts } from './types.js';
import { issuerOf, providerOf } from './oidc.js';
import { trustedProviders, usedProvider } from './saml.js';
import { policiesOf } from './service-util.js';

export function familyFacts(ctx: CauseContext): TemplateFacts {
  const out: TemplateFacts = {};
  const put = (k: string, v: string | null) => {
    if (v && (ctx.facts[k] === undefined || ctx.facts[k] === null || ctx.facts[k] === '')) out[k] = v;
  };
  const iss = issuerOf(ctx) ?? (providerOf(ctx) === 'github' ? 'https://token.actions.githubusercontent.com' : null);
  if (iss) {
    const host = iss.replace(/^https:\/\//, '');
    put('oidcIssuer', iss);
    put('oidcIssuerHost', host.split('/')[0] ?? host);
    // the provider named by the trust policy, else the one the role's account should hold
    let arn: string | null = null;
    for (const { policy } of policiesOf(ctx, 'trust')) {
      for (const st of policy.statements) for (const f of st.principal?.Federated ?? []) if (!arn && f.includes(':oidc-provider/')) arn = f;
    }
    const acct = ctx.parsed.target?.accountId;
    if (!arn && acct && /^\d{12}$/.test(acct)) arn = `arn:${ctx.parsed.target?.partition || 'aws'}:iam::${acct}:oidc-provider/${host}`;
    put('oidcProviderArn', arn);
  }
  put('samlProviderArn', usedProvider(ctx) ?? trustedProviders(ctx)[0]?.arn ?? null);
  return out;
}
