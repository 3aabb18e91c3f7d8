/**
 * Template facts only the web-identity and SAML families know how to derive (the issuer URL of a
 * token, the IAM OIDC / SAML provider ARN). The framework merges them into CauseContext.facts
 * after deriveFacts, filling only keys that are still empty:
 *   Object.assign(ctx.facts, familyFacts(ctx))
 */
import type { CauseContext, TemplateFacts } from './types.js';
import { issuerOf, providerOf } from './oidc.js';
import { trustedProviders, usedProvider } from './saml.js';
import { policiesOf, tokenAfter } from './service-util.js';

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
  // S3 bucket and key named outside an ARN: `s3://bucket/key`, Terraform's `object "key" in S3 bucket "bucket"`
  const url = tokenAfter(ctx, 's3://', ',;)');
  if (url) {
    const slash = url.indexOf('/');
    put('bucket', slash > 0 ? url.slice(0, slash) : url);
    if (slash > 0 && slash < url.length - 1) put('objectKey', url.slice(slash + 1));
  } else {
    const b = quoted(ctx, 'in s3 bucket "');
    put('bucket', b);
    if (b) put('objectKey', quoted(ctx, 'unable to access object "'));
  }
  return out;
}

/** The text between `marker` and the next double quote (case-insensitive marker), bounded. */
function quoted(ctx: CauseContext, marker: string): string | null {
  const src = ctx.text ?? '';
  const i = src.toLowerCase().indexOf(marker);
  if (i < 0) return null;
  const start = i + marker.length;
  const end = src.indexOf('"', start);
  if (end < 0 || end - start > 1024 || end === start) return null;
  return src.slice(start, end);
}
