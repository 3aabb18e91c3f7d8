/**
 * Template facts only the web-identity, SAML and S3 families know how to derive (the issuer URL of
 * a token, the IAM OIDC / SAML provider ARN, a bucket named by an s3:// URL). They fill only keys
 * deriveFacts left empty.
 *
 * The S3 names are merged when the context is built (signals read ctx.facts.bucket). The OIDC and
 * SAML names are read by command templates alone, and deriving them scans the text for a dozen
 * markers: factsFor derives them the first time a ranked cause's templates name one, which for most
 * answers (no OIDC or SAML cause applies) is never.
 */
import type { CauseContext, CauseDefinition, TemplateFacts } from './types.js';
import { s3BucketLevel } from '../policy/resource.js';
import { issuerOf, providerOf } from './oidc.js';
import { trustedProviders, usedProvider } from './saml.js';
import { policiesOf, tokenAfter } from './service-util.js';
import { templateNames } from './templates.js';
import { ctxCache } from './memo.js';
import { lowerCached, mayMention } from './text-index.js';

/** Fills `k` in `out` when the value is known and the context's facts leave it empty. */
function putter(ctx: CauseContext, out: TemplateFacts) {
  return (k: string, v: string | null) => {
    if (v && (ctx.facts[k] === undefined || ctx.facts[k] === null || ctx.facts[k] === '')) out[k] = v;
  };
}

/** The S3 bucket and key named outside an ARN, for Object.assign(ctx.facts, familyFacts(ctx)). */
export function familyFacts(ctx: CauseContext): TemplateFacts {
  const out: TemplateFacts = {};
  const put = putter(ctx, out);
  // S3 bucket and key named outside an ARN: `s3://bucket/key`, Terraform's `object "key" in S3 bucket "bucket"`
  // an API Gateway invoke URL names the API: https://API_ID.execute-api.REGION.amazonaws.com/stage/path
  const api = ctx.parsed.action?.toLowerCase().startsWith('execute-api:') ? tokenAfter(ctx, 'https://', '/"\'') : null;
  if (api && /^[a-z0-9]{10}\.execute-api\.[a-z0-9-]{1,30}\.amazonaws\.com$/.test(api)) put('apiId', api.slice(0, 10));
  const url = tokenAfter(ctx, 's3://', ',;)');
  // s3://arn:aws:s3:region:account:accesspoint/name/key names an access point, not a bucket (the target ARN holds it)
  if (url && url.startsWith('arn:')) return out;
  if (url) {
    const slash = url.indexOf('/');
    put('bucket', slash > 0 ? url.slice(0, slash) : url);
    if (slash > 0 && slash < url.length - 1) put('objectKey', url.slice(slash + 1));
  } else {
    const b = quoted(ctx, 'in s3 bucket "');
    put('bucket', b);
    const key = b ? quoted(ctx, 'unable to access object "') : null;
    if (key) put('objectKey', key);
    // Terraform names bucket and key but no ARN: commands get the ARN instead of <target-arn>
    const act = ctx.parsed.action ?? '';
    if (b && act.toLowerCase().startsWith('s3:')) {
      put('targetArn', key && !s3BucketLevel(act.slice(3)) ? `arn:${ctx.facts.partition ?? 'aws'}:s3:::${b}/${key}` : `arn:${ctx.facts.partition ?? 'aws'}:s3:::${b}`);
    }
  }
  return out;
}

/** The OIDC issuer and provider and the SAML provider (merged into ctx.facts by factsFor). */
export function providerFacts(ctx: CauseContext): TemplateFacts {
  const out: TemplateFacts = {};
  const put = putter(ctx, out);
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

const PROVIDER_KEYS = new Set(['oidcIssuer', 'oidcIssuerHost', 'oidcProviderArn', 'samlProviderArn']);

/** Whether a definition's confirm or fix templates name a provider fact (read once per definition). */
const namesProvider = new WeakMap<CauseDefinition, boolean>();
function needsProviderFacts(def: CauseDefinition): boolean {
  let known = namesProvider.get(def);
  if (known === undefined) {
    const templates = [def.fix.description, ...def.fix.commands.map((c) => (typeof c === 'string' ? c : c.command))];
    for (const c of def.confirm) templates.push(c.description, c.command);
    known = templates.some((t) => templateNames(t).some((n) => PROVIDER_KEYS.has(n)));
    namesProvider.set(def, known);
  }
  return known;
}

const providerFactsDone = ctxCache<true>();

/**
 * The facts a cause's templates are filled from: ctx.facts, with the provider facts derived first
 * when this cause's templates name one, and under the cause's own facts (CauseDefinition.facts)
 * where it has any — in a copy, so they stay this cause's.
 */
export function factsFor(def: CauseDefinition, ctx: CauseContext): TemplateFacts {
  if (needsProviderFacts(def) && !providerFactsDone.has(ctx)) {
    providerFactsDone.set(ctx, true);
    Object.assign(ctx.facts, providerFacts(ctx));
  }
  if (!def.facts) return ctx.facts;
  let own: TemplateFacts;
  try { own = def.facts(ctx); } catch { return ctx.facts; } // a bug in one cause's facts leaves its placeholders
  // copied only when the cause fills a key the context left empty, or gives one of CAUSE_FACTS another value (most
  // answers: none; a copy per answer for a common cause cost +10-15 µs, bench/README.md)
  let out: TemplateFacts | null = null;
  for (const k in own) {
    const v = own[k];
    const cur = ctx.facts[k];
    if (v && (cur === undefined || cur === null || cur === '' || (v !== cur && CAUSE_FACTS.has(k)))) (out ??= { ...ctx.facts })[k] = v;
  }
  return out ?? ctx.facts;
}

/**
 * Facts with an answer-wide default (set in rankCausesChecked) that a cause's own facts may replace: the grant a
 * missing-Allow fix names (an Object Lambda refusal grants lambda:InvokeFunction on the function instead) and the
 * account a trust principal must name (for a web identity, the role's own account).
 */
const CAUSE_FACTS: ReadonlySet<string> = new Set(['grantAction', 'grantOn', 'trustPrincipalAccount']);

/** The text between `marker` and the next double quote (case-insensitive marker), bounded. */
function quoted(ctx: CauseContext, marker: string): string | null {
  if (!mayMention(ctx, marker)) return null;
  const src = ctx.text ?? '';
  const i = lowerCached(src).indexOf(marker);
  if (i < 0) return null;
  const start = i + marker.length;
  const end = src.indexOf('"', start);
  if (end < 0 || end - start > 1024 || end === start) return null;
  return src.slice(start, end);
}
