/**
 * Web identity (OIDC) [aws-facts 3.I]: GitHub Actions, EKS IRSA, GitLab and other issuers.
 * AssumeRoleWithWebIdentity fails on the provider (missing, wrong audience, legacy thumbprint,
 * JWKS not reachable), on the trust conditions (sub, aud), on the workload side (no id-token
 * permission, a pod without its service-account role), or on a stale token.
 */
import type { ConditionClause, Statement } from '../types.js';
import type { CauseContext, CauseDefinition, CommandTemplate } from './types.js';
import { failureStage, perAnswer, policyWords } from './signals.js';
import {
  codeIs, ctxEndingWith, ctxValues, editableDoc, fromContext, fromMessage, fromPolicy, glob, globsMeet, globTokens, has, isWebIdentity, lower,
  policiesOf, policyLabel, sig, stmtLabel, tokenAfter, withConditionAdded, type Indexed,
} from './service-util.js';
import { ctxCache } from './memo.js';
import { eksSubFromText } from './eks-subject.js';

const OIDC_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html';
const WEBID_API = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html';
const GITHUB_DOC = 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services';
const GITHUB_CLAIMS = 'https://docs.github.com/en/actions/reference/security/oidc';
const ACTION_README = 'https://github.com/aws-actions/configure-aws-credentials';
const IRSA_DOC = 'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html';
const EKS_OIDC_DOC = 'https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html';

// ───────────────────────────── issuer and provider ─────────────────────────────

export type OidcProvider = 'github' | 'eks' | 'gitlab' | 'other';

/** The token issuer URL the error (or the trust policy) names, or null. */
export function issuerOf(ctx: CauseContext): string | null {
  const found = tokenAfter(ctx, 'provider found in your account for ');
  if (found && found.startsWith('https://')) return trimDot(found);
  for (const marker of ['https://oidc.eks.', 'https://token.actions.githubusercontent.com', 'https://vstoken.actions.githubusercontent.com']) {
    const t = tokenAfter(ctx, marker);
    if (t !== null || has(ctx, marker)) return trimDot(marker + (t ?? ''));
  }
  const fed = trustProviders(ctx)[0];
  return fed ? `https://${fed.slice(fed.indexOf('oidc-provider/') + 'oidc-provider/'.length)}` : null;
}

function trimDot(s: string): string {
  // an XML body's issuer runs into its closing tag (`https://x.auth0.com/</Message>`); a redacted `<ID>` stays
  const lt = s.indexOf('</');
  let out = lt >= 0 ? s.slice(0, lt) : s;
  while (out.endsWith('.') || out.endsWith(',') || out.endsWith(')')) out = out.slice(0, -1);
  return out;
}

/** `oidc-provider/…` ARNs named by the pasted trust policies. */
function trustProviders(ctx: CauseContext): string[] {
  const out: string[] = [];
  for (const { policy } of policiesOf(ctx, 'trust')) {
    for (const st of policy.statements) for (const f of st.principal?.Federated ?? []) if (f.includes(':oidc-provider/')) out.push(f);
  }
  return out;
}

/** Issuer hosts the request shows: the prefix of `<issuer>:sub` / `:aud` context keys, or the issuer in the text. */
function tokenIssuers(ctx: CauseContext): string[] {
  const out = new Set<string>();
  for (const k of Object.keys(ctx.context)) {
    const low = k.toLowerCase();
    for (const claim of [':sub', ':aud']) if (low.endsWith(claim) && low.includes('.')) out.add(low.slice(0, -claim.length));
  }
  const found = tokenAfter(ctx, 'provider found in your account for ');
  if (found && found.startsWith('https://')) out.add(trimDot(found).slice(8).toLowerCase());
  if (!out.size) {
    const gh = githubDefaultIssuer(ctx);
    if (gh) out.add(gh);
  }
  if (!out.size) {
    const shown = issClaimShown(ctx) ?? eksIssuerShown(ctx);
    if (shown) out.add(shown);
  }
  return [...out];
}

const ISS_CLAIM = /["']?\biss["']?[ \t]{0,3}:[ \t]{0,3}["']?https:\/\/([^\s"',}]{3,300})/g;

/** The issuer of the decoded token the paste shows (its `iss` claim), one distinct value, as a host/path, lower-cased. */
function issClaimShown(ctx: CauseContext): string | null {
  if (!ctx.text || !has(ctx, 'iss')) return null;
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  const seen = new Set<string>();
  ISS_CLAIM.lastIndex = 0;
  for (let m = ISS_CLAIM.exec(text), n = 0; m && n < 50; m = ISS_CLAIM.exec(text), n++) seen.add(trimDot(m[1]!).replace(/\/$/, '').toLowerCase());
  return seen.size === 1 ? [...seen][0]! : null;
}

const EKS_ISSUER_URL = /https:\/\/(oidc\.eks\.[a-z0-9-]{1,30}\.amazonaws\.com(?:\.cn)?\/id\/[A-Za-z0-9]{8,64})/g;

/**
 * The one EKS cluster issuer URL the paste shows (`aws eks describe-cluster … oidc.issuer`, a pod's token `iss`), as
 * a host/path, lower-cased; null when none or several show. Provider ARNs (`oidc-provider/oidc.eks…`) carry no
 * https:// and are not read: they list what IAM has, not what the token says.
 */
function eksIssuerShown(ctx: CauseContext): string | null {
  if (!ctx.text || !has(ctx, 'https://oidc.eks.')) return null;
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  const seen = new Set<string>();
  EKS_ISSUER_URL.lastIndex = 0;
  for (let m = EKS_ISSUER_URL.exec(text), n = 0; m && n < 50; m = EKS_ISSUER_URL.exec(text), n++) seen.add(m[1]!.toLowerCase());
  return seen.size === 1 ? [...seen][0]! : null;
}

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

/**
 * A GitHub Actions job's token issuer when nothing points elsewhere: https://token.actions.githubusercontent.com
 * (GitHub OIDC reference, `iss`). An enterprise's own issuer (…githubusercontent.com/<slug>), GitHub Enterprise
 * Server (HOSTNAME/_services/token) or a GHE.com subdomain named in the text or the trust leaves it unknown.
 */
function githubDefaultIssuer(ctx: CauseContext): string | null {
  if (!isGithub(ctx) || has(ctx, `${GITHUB_ISSUER}/`, '_services/token', '.ghe.com')) return null;
  const named = trustProviders(ctx).map((p) => p.slice(p.indexOf('oidc-provider/') + 'oidc-provider/'.length).toLowerCase());
  if (named.some((h) => h.startsWith(`${GITHUB_ISSUER}/`) || h.includes('_services/token') || h.includes('.ghe.com'))) return null;
  return GITHUB_ISSUER;
}

export function providerOf(ctx: CauseContext): OidcProvider {
  const iss = (issuerOf(ctx) ?? '').toLowerCase();
  if (iss.includes('token.actions.githubusercontent.com') || ctx.parsed.source === 'github-actions'
    || has(ctx, 'configure-aws-credentials', 'github actions', 'actions_id_token', 'role-to-assume', 'github_event_name')) return 'github';
  if (iss.includes('oidc.eks.') || has(ctx, 'system:serviceaccount', 'eks.amazonaws.com/role-arn', 'aws_web_identity_token_file', 'serviceaccount', 'irsa')) return 'eks';
  if (iss.includes('gitlab') || has(ctx, 'gitlab')) return 'gitlab';
  if (has(ctx, 'webidentityerr', 'kube-system', 'kubectl')) return 'eks';
  return 'other';
}

const isGithub = (ctx: CauseContext) => providerOf(ctx) === 'github';

/**
 * The paste shows a GitHub Actions workflow or its log (the token's issuer, the action, `runs-on`, `jobs:`, `uses:` …):
 * only there is an `environment:` key a job's GitHub environment — a Serverless or docker-compose `environment:` block
 * holds variables.
 */
const GITHUB_WORKFLOW_MARKERS = ['token.actions.githubusercontent.com', 'configure-aws-credentials', 'runs-on:', 'jobs:', 'uses:', 'role-to-assume', 'github actions', 'actions_id_token', 'github_event_name', 'github_workflow'];
const showsGithubWorkflow = (ctx: CauseContext) => ctx.parsed.source === 'github-actions' || has(ctx, ...GITHUB_WORKFLOW_MARKERS);
/**
 * A workflow's `environment:` key: lower case, first on its line (after indentation or a comment's `#`). An `ENVIRONMENT: production` variable in the log's
 * `env:` block (or `environment: prod` inside a sentence) names no GitHub environment.
 */
export function jobEnvironmentKey(text: string): boolean {
  for (let at = text.indexOf('environment:'); at !== -1; at = text.indexOf('environment:', at + 12)) {
    let i = at - 1;
    // indentation, or a workflow quoted as comment lines (`#     environment: production`)
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '#')) i--;
    if (i < 0 || text[i] === '\n' || text[i] === '\r') return true;
  }
  return false;
}
const isEks = (ctx: CauseContext) => providerOf(ctx) === 'eks';
/** The token's issuer is known and is none of GitHub's, EKS's or GitLab's (a Cognito user pool, Auth0, Okta …). */
const otherKnownIssuer = (ctx: CauseContext) => providerOf(ctx) === 'other' && !!issuerOf(ctx);
const isGitlab = (ctx: CauseContext) => providerOf(ctx) === 'gitlab';

// ───────────────────────────── wordings ─────────────────────────────

const NO_PROVIDER = ['no openidconnect provider found', 'no openid connect provider found'];
const AUDIENCE = ['incorrect token audience', 'missing a required claim: aud'];
const THUMBPRINT = ["doesn't match configured thumbprint", 'does not match configured thumbprint', 'thumbprint'];
const JWKS = ["couldn't retrieve verification key", 'could not retrieve verification key', 'idpcommunicationerror', 'identity provider (idp) that was asked to verify the incoming identity token could not be reached'];
const TOKEN_EXPIRED = ['token expired: current date/time', 'expiredtokenexception', 'idprejectedclaim'];
const ID_TOKEN_HINT = ['did you mean to set the id-token permission', 'actions_id_token_request_url', 'actions_id_token_request_token', 'unable to get actions_id_token_request', 'id-token: write'];
const GENERIC_DENY = ['not authorized to perform sts:assumerolewithwebidentity', 'not authorized to perform: sts:assumerolewithwebidentity'];

/**
 * The text is about the provider's thumbprint: STS's wording, or the word outside the ThumbprintList field of pasted
 * get-open-id-connect-provider output (a provider listing shows that field whatever went wrong).
 */
const thumbprintNamed = perAnswer((ctx: CauseContext): boolean => {
  if (has(ctx, THUMBPRINT[0]!, THUMBPRINT[1]!)) return true;
  if (!has(ctx, 'thumbprint')) return false;
  const low = lower(ctx.text) || lower(ctx.parsed.message);
  return low.length > 0 && low.replace(/thumbprintlist/g, '').includes('thumbprint');
});

/** A provider-level InvalidIdentityToken wording (STS refused the token itself, before the trust policy). */
function tokenLevel(ctx: CauseContext): boolean {
  return has(ctx, ...NO_PROVIDER, ...AUDIENCE, ...JWKS, ...TOKEN_EXPIRED) || thumbprintNamed(ctx);
}
/**
 * Cognito identity pools get a role's credentials with AssumeRoleWithWebIdentity on the Federated principal
 * cognito-identity.amazonaws.com, which needs no IAM OIDC provider; the trust must name this pool in
 * cognito-identity.amazonaws.com:aud (Cognito Developer Guide, "IAM roles", role trust and permissions).
 */
const isCognitoPool = (ctx: CauseContext) => ctx.parsed.shape === 'cognito-pool-role-untrusted';
const COGNITO_DOC = 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html';
const genericDeny = (ctx: CauseContext) => has(ctx, ...GENERIC_DENY) || (isWebIdentity(ctx) && codeIs(ctx, 'AccessDenied') && !tokenLevel(ctx));

// ───────────────────────────── trust conditions ─────────────────────────────

interface KeyCheck {
  policy: Indexed;
  st: Statement;
  clause: ConditionClause;
  /** Context value for the key, when known. */
  actual: string[] | null;
  /** When the value is not known but its form is (GitHub's sub from the text): how it reads, and where it comes from. */
  shape?: SubShape;
  /** The value is read from the paste (the service account it names), not stated as the token's: evidence, not proof. */
  fromText?: boolean;
  /** The value is the token's claim as the paste prints it (GitHub's `aud:` / `sub:`, the action's `audience:`). */
  stated?: boolean;
  /** The key is written with a URL scheme (`https://<issuer>:sub`): no request carries it, so it is absent. */
  neverSent?: boolean;
  result: boolean | 'unknown';
}

/**
 * IAM's web-identity keys are the provider URL without its scheme (`oidc.eks.<region>.amazonaws.com/id/<id>:sub`):
 * a key written `https://…:sub` is never in a request, so the clause reads an absent key.
 */
function schemeKey(key: string): boolean {
  return key.includes('://');
}

/** A clause on a key the request never carries: IfExists and negated operators hold, ForAllValues holds, others fail. */
function absentClause(cl: ConditionClause): boolean {
  if (cl.ifExists || cl.setOperator === 'ForAllValues') return true;
  if (cl.setOperator === 'ForAnyValue') return false;
  return cl.baseOperator.toLowerCase().includes('not');
}

function schemeNote(c: KeyCheck): string {
  const bare = c.clause.key.slice(c.clause.key.indexOf('://') + 3);
  return `${stmtLabel(c.st)} of ${policyLabel(c.policy.policy, c.policy.index)} keys its condition as ${c.clause.key}; IAM's key is the provider URL without the scheme (${bare}), so no request carries the key as written and ${c.clause.operator} on it is false whatever the token says`;
}

/** A token sub known only in part: literal segments and holes (`*`), from what the text shows. */
interface SubShape {
  pattern: string;
  /** The form as people read it, holes named (`repo:<repo>:<context>:…`). */
  shown: string;
  /** What it was built from. */
  from: string;
}

const shapeMemo = ctxCache<{ v: SubShape | null }>();
const eksSubMemo = ctxCache<{ v: string | null }>();

/** The sub of the one service account the paste names, for an EKS web-identity call (eks-subject.ts). */
function namedEksSub(ctx: CauseContext): string | null {
  const memo = eksSubMemo.get(ctx);
  if (memo) return memo.v;
  const v = ctx.text ? eksSubFromText(ctx.text) : null;
  eksSubMemo.set(ctx, { v });
  return v;
}

/** The one value of `uses: owner/repo/.github/workflows/file.yml@ref` in the text (a job calling a reusable workflow), or null. */
function reusableWorkflow(text: string, lower: string): { path: string; ref: string } | null {
  const seen = new Set<string>();
  for (let i = lower.indexOf('uses:'), n = 0; i >= 0 && n < 50; i = lower.indexOf('uses:', i + 5), n++) {
    let k = i + 5;
    while (k < text.length && k - i < 12 && (text[k] === ' ' || text[k] === '\t' || text[k] === '"' || text[k] === "'")) k++;
    let e = k;
    while (e < text.length && e - k < 400 && !' \t\r\n"\'#'.includes(text[e] as string)) e++;
    const v = text.slice(k, e);
    if (/^[\w.-]{1,100}\/[\w.-]{1,100}\/\.github\/workflows\/[\w./-]{1,200}\.ya?ml@[\w./-]{1,200}$/.test(v)) seen.add(v);
  }
  if (seen.size !== 1) return null;
  const [v] = [...seen] as [string];
  const at = v.lastIndexOf('@');
  return { path: v.slice(0, at), ref: v.slice(at + 1) };
}

/** The include_claim_keys of a pasted OIDC sub customisation (`gh api …/oidc/customization/sub`), when one template shows. */
function claimKeys(text: string, lower: string): string[] | null {
  if (/"use_default"\s{0,4}:\s{0,4}true/.test(lower.slice(0, 100_000))) return null; // the default template, not a custom one
  let found: string[] | null = null;
  for (let i = lower.indexOf('"include_claim_keys"'), n = 0; i >= 0 && n < 10; i = lower.indexOf('"include_claim_keys"', i + 1), n++) {
    const open = text.indexOf('[', i);
    const close = open >= 0 ? text.indexOf(']', open) : -1;
    if (open < 0 || close < 0 || open - i > 40 || close - open > 1000) return null;
    const keys = text.slice(open + 1, close).split(',').map((k) => k.trim().replace(/^"|"$/g, ''));
    if (!keys.length || keys.some((k) => !/^[A-Za-z0-9_]{1,100}$/.test(k))) return null;
    if (found && found.join(',') !== keys.join(',')) return null; // two templates: which applies is not known
    found = keys;
  }
  return found;
}

/**
 * GitHub's sub as far as the text shows it (GitHub OIDC reference, "Customizing the subject claims"): with
 * include_claim_keys the sub is each key's `key:value` in that order (`context` gives its own `environment:…` /
 * `ref:…` / `pull_request`), and a job calling a reusable workflow has job_workflow_ref `<path>@<ref path>` — for
 * `uses: …@v3` a ref path ending in v3 (refs/tags/v3 or refs/heads/v3). Every other value is a hole: the repo segment
 * may carry owner and repository ids (immutable subjects), the context depends on the job.
 */
function githubSubShape(ctx: CauseContext): SubShape | null {
  const memo = shapeMemo.get(ctx);
  if (memo) return memo.v;
  let v: SubShape | null = null;
  if (isGithub(ctx) && ctx.text) {
    const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
    const lower = text.toLowerCase();
    const keys = claimKeys(text, lower);
    if (keys) {
      const wf = keys.includes('job_workflow_ref') ? reusableWorkflow(text, lower) : null;
      const pattern: string[] = [];
      const shown: string[] = [];
      for (const k of keys) {
        if (k === 'context') { pattern.push('*'); shown.push('<context>'); continue; }
        if (k === 'job_workflow_ref' && wf) {
          pattern.push(`${k}:${wf.path}@*${wf.ref}`);
          shown.push(`${k}:${wf.path}@<ref path ending in ${wf.ref}>`);
          continue;
        }
        // the documented keys read `key:value`; how another spelling of the repository renders is not documented
        pattern.push(k === 'repository' ? '*' : `${k}:*`);
        shown.push(`${k === 'repository' ? '' : `${k}:`}<${k}>`);
      }
      // a shape that is all holes decides nothing
      if (pattern.some((p) => p.length > 2 && !p.endsWith(':*'))) {
        v = {
          pattern: pattern.join(':'), shown: shown.join(':'),
          from: `include_claim_keys ${keys.join(', ')}${wf ? `; the job calls ${wf.path}@${wf.ref}` : ''}`,
        };
      }
    }
  }
  shapeMemo.set(ctx, { v });
  return v;
}

/** Whether a sub of this shape can satisfy the clause: false when no value of that form matches, else unknown. */
function shapeMatch(cl: ConditionClause, shape: SubShape): boolean | 'unknown' {
  const base = cl.baseOperator.toLowerCase();
  if (cl.setOperator || (base !== 'stringequals' && base !== 'stringlike')) return 'unknown';
  // letter case folded: a form that meets no value even so meets none as written
  const form = globTokens(shape.pattern.toLowerCase(), true);
  for (const want of cl.values) {
    const meet = globsMeet(form, globTokens(want.toLowerCase(), base === 'stringlike'));
    if (meet !== false) return 'unknown';
  }
  return false;
}

function matchClause(cl: ConditionClause, values: string[]): boolean | 'unknown' {
  let base = cl.baseOperator.toLowerCase();
  const neg = base.includes('not');
  if (neg) base = base.replace('not', '');
  const one = (v: string): boolean | 'unknown' => {
    for (const want of cl.values) {
      if (base === 'stringequals') { if (want === v) return true; } else if (base === 'stringequalsignorecase') { if (want.toLowerCase() === v.toLowerCase()) return true; } else if (base === 'stringlike') { if (glob(want, v, false)) return true; } else return 'unknown';
    }
    return false;
  };
  const hits = values.map(one);
  let r: boolean | 'unknown' = hits.some((h) => h === true) ? true : hits.some((h) => h === 'unknown') ? 'unknown' : false;
  if (cl.setOperator === 'ForAllValues') r = hits.every((h) => h === true) ? true : hits.some((h) => h === false) ? false : 'unknown';
  if (neg && r !== 'unknown') r = !r;
  return r;
}

const CLAIM_LINE = /(?:^|[\s{,#])["']?(sub|aud|audience)["']?[ \t]{0,3}:[ \t]{0,3}["']?([^\s"',}]{1,300})/gim;
const statedMemo = ctxCache<{ sub: string | null; aud: string | null }>();

/**
 * A GitHub Actions job's token claims as the paste shows them: the configure-aws-credentials input `audience:` (the
 * aud it requests, configure-aws-credentials README) or a printed `aud:` claim, and a printed `sub:` claim in GitHub's
 * form (repo:…). One distinct value each, or null (two values: which token failed is not known).
 */
function statedGithubClaims(ctx: CauseContext): { sub: string | null; aud: string | null } {
  const memo = statedMemo.get(ctx);
  if (memo) return memo;
  const subs = new Set<string>();
  const auds = new Set<string>();
  if (isGithub(ctx) && ctx.text) {
    const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
    CLAIM_LINE.lastIndex = 0;
    for (let m = CLAIM_LINE.exec(text), n = 0; m && n < 200; m = CLAIM_LINE.exec(text), n++) {
      const key = (m[1] ?? '').toLowerCase();
      const v = m[2] ?? '';
      if (key === 'sub') { if (v.startsWith('repo:')) subs.add(v); } else if (!v.includes('{') && !v.includes('$')) auds.add(v);
    }
  }
  const v = { sub: subs.size === 1 ? [...subs][0]! : null, aud: auds.size === 1 ? [...auds][0]! : null };
  statedMemo.set(ctx, v);
  return v;
}

const ISS_LINE = /(?:^|[\s{,#])["']?iss["']?[ \t]{0,3}:[ \t]{0,3}["']?https:\/\/([^\s"',}]{1,300})/gim;
const TOKEN_CLAIM = /(?:^|[\s{,#])["']?(sub|aud)["']?[ \t]{0,3}:[ \t]{0,3}(\[?)[ \t]{0,3}["']?([^\s"',}[\]]{1,300})["']?[ \t]{0,3}(,?)/gim;
const issuerMemo = ctxCache<{ iss: string | null; sub: string | null; aud: string | null }>();

/**
 * A decoded token's claims as the paste prints them (`iss: https://…`, `"aud":["…"]`, `sub: …`), any issuer: the
 * token's own values when the paste prints exactly one issuer, so that a trust condition key `<issuer>:aud` /
 * `<issuer>:sub` (IAM "Available keys for AWS OIDC federation": the key is the provider's URL without https://)
 * names the token printed. One distinct value per claim, else null; an aud list of several values is left unknown.
 */
function statedTokenClaims(ctx: CauseContext): { iss: string | null; sub: string | null; aud: string | null } {
  const memo = issuerMemo.get(ctx);
  if (memo) return memo;
  const issuers = new Set<string>();
  const subs = new Set<string>();
  const auds = new Set<string>();
  if (ctx.text) {
    const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
    ISS_LINE.lastIndex = 0;
    for (let m = ISS_LINE.exec(text), n = 0; m && n < 50; m = ISS_LINE.exec(text), n++) {
      let v = m[1] ?? '';
      while (v.endsWith('/')) v = v.slice(0, -1);
      issuers.add(v.toLowerCase());
    }
    if (issuers.size === 1) {
      TOKEN_CLAIM.lastIndex = 0;
      for (let m = TOKEN_CLAIM.exec(text), n = 0; m && n < 200; m = TOKEN_CLAIM.exec(text), n++) {
        const v = m[3] ?? '';
        if (!v || v.includes('{') || v.includes('$') || v.includes('<')) continue;
        const set = (m[1] ?? '').toLowerCase() === 'sub' ? subs : auds;
        set.add(v);
        if (m[2] && m[4]) set.add('\u0000several'); // `["a", "b"]`: which audience STS matched is not shown
      }
    }
  }
  const v = {
    iss: issuers.size === 1 ? [...issuers][0]! : null,
    sub: subs.size === 1 ? [...subs][0]! : null,
    aud: auds.size === 1 ? [...auds][0]! : null,
  };
  issuerMemo.set(ctx, v);
  return v;
}

/** The token's claim as printed, for a condition key `<issuer>:<claim>` whose issuer is the one the paste prints. */
function statedClaimFor(ctx: CauseContext, key: string, claim: 'sub' | 'aud'): string | null {
  const lower = key.toLowerCase();
  if (lower.startsWith(`${GITHUB_ISSUER}:`)) return statedGithubClaims(ctx)[claim];
  const t = statedTokenClaims(ctx);
  return t.iss && lower === `${t.iss}:${claim}` ? t[claim] : null;
}

/** Web-identity Allow statements of the pasted trust policies. */
function webStatements(ctx: CauseContext): Array<{ policy: Indexed; st: Statement }> {
  const out: Array<{ policy: Indexed; st: Statement }> = [];
  for (const ip of policiesOf(ctx, 'trust')) {
    for (const st of ip.policy.statements) {
      if (st.effect !== 'Allow') continue;
      const acts = (st.action ?? []).map((a) => a.toLowerCase());
      const web = acts.some((a) => a === 'sts:assumerolewithwebidentity' || a === 'sts:*' || a === '*' || a === 'sts:assumerole*');
      const fed = (st.principal?.Federated ?? []).some((f) => !f.includes(':saml-provider/'));
      if (web || fed) out.push({ policy: ip, st });
    }
  }
  return out;
}

/**
 * A trust was pasted but none of its statements is a web-identity one (no OIDC provider, no
 * sts:AssumeRoleWithWebIdentity): after a plain refusal STS read no sub or aud condition at all — the principal is
 * what fails (trust-service-vs-aws-principal).
 */
function noWebStatement(ctx: CauseContext, claim: 'sub' | 'aud') {
  const trust = policiesOf(ctx, 'trust');
  if (!trust.length || !genericDeny(ctx) || tokenLevel(ctx)) return null;
  return sig(0.05, fromPolicy(`No statement of the pasted trust policy names an OIDC provider or allows sts:AssumeRoleWithWebIdentity, so no ${claim} condition was read: the token matched no statement at all.`, trust[0]!.index), 'ruled-out');
}

/** The checks of one claim (`sub`, `aud`) across the web-identity statements. */
const TAG_RULE = /^[ \t]{0,40}-[ \t]{1,10}if:[ \t]{0,10}["']?\$CI_COMMIT_TAG["']?[ \t]{0,10}$/m;
const ANY_RULE = /^[ \t]{0,40}-[ \t]{1,10}if:/gm;

/**
 * A GitLab job whose only rule is `- if: $CI_COMMIT_TAG` runs for tag pipelines only, so its ID token's default
 * sub reads project_path:<project>:ref_type:tag:ref:<tag> (GitLab "ID tokens", the sub claim). Null when the paste
 * shows another rule (the job may run for branches too) or no such rule.
 */
function gitlabTagSubShape(ctx: CauseContext): SubShape | null {
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  if (!text.includes('$CI_COMMIT_TAG') || !TAG_RULE.test(text)) return null;
  ANY_RULE.lastIndex = 0;
  let rules = 0;
  while (ANY_RULE.exec(text) && rules < 3) rules++;
  if (rules !== 1) return null;
  return { pattern: 'project_path:*:ref_type:tag:ref:*', shown: 'project_path:<group>/<project>:ref_type:tag:ref:<tag>', from: 'the job\'s only rule is if: $CI_COMMIT_TAG, so it runs for tags' };
}

const ID_TOKENS = /(?:^|\n)[ \t]{0,40}id_tokens:[ \t]{0,20}\n/g;
const YAML_AUD = /^[ \t]{1,60}aud:[ \t]{0,20}["']?([^\s"'#]{1,300})["']?[ \t]{0,20}$/;

/**
 * The aud a GitLab job's `id_tokens:` block requests (`aud: https://gitlab.com`), when the paste shows exactly one
 * such block with one literal aud line (GitLab "OpenID Connect (OIDC) Authentication Using ID Tokens": each token
 * carries the aud the job sets). Null for a variable, a list, or several values. Bounded: 40 lines after the key.
 */
function gitlabIdTokenAud(ctx: CauseContext): string | null {
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  ID_TOKENS.lastIndex = 0;
  const m = ID_TOKENS.exec(text);
  if (!m || ID_TOKENS.exec(text)) return null;
  const lines = text.slice(m.index + m[0].length, m.index + m[0].length + 4000).split('\n', 40);
  let found: string | null = null;
  for (const line of lines) {
    if (line.trim() && !/^[ \t]/.test(line)) break; // the block ends at the next top-level key
    const a = YAML_AUD.exec(line);
    if (!a) continue;
    const v = a[1]!;
    if (v.includes('$') || (found !== null && found !== v)) return null;
    found = v;
  }
  return found;
}

function claimChecks(ctx: CauseContext, claim: 'sub' | 'aud'): { statements: number; unconstrained: boolean; checks: KeyCheck[] } {
  const stmts = webStatements(ctx);
  const checks: KeyCheck[] = [];
  let unconstrained = false;
  const known = ctxEndingWith(ctx, `:${claim}`);
  for (const { policy, st } of stmts) {
    const clauses = st.conditions.filter((c) => c.key.toLowerCase().endsWith(`:${claim}`) || c.key.toLowerCase() === claim);
    if (!clauses.length) { unconstrained = true; continue; }
    for (const clause of clauses) {
      if (schemeKey(clause.key)) { checks.push({ policy, st, clause, actual: null, neverSent: true, result: absentClause(clause) }); continue; }
      const exact = known.find((k) => k.key.toLowerCase() === clause.key.toLowerCase()) ?? (known.length === 1 ? known[0] : undefined);
      // nothing given for the claim: the token's claim as the paste shows it (GitHub's, or a decoded token's under its printed iss)
      // GitLab: the job's id_tokens block sets the token's aud itself (GitLab "ID tokens")
      const stated = !exact ? statedClaimFor(ctx, clause.key, claim) ?? (claim === 'aud' && isGitlab(ctx) ? gitlabIdTokenAud(ctx) : null) : null;
      const actual = exact ? exact.values : stated ? [stated] : null;
      const shape = !actual && claim === 'sub' ? clause.key.toLowerCase().startsWith(`${GITHUB_ISSUER}:`) ? githubSubShape(ctx) : isGitlab(ctx) ? gitlabTagSubShape(ctx) : null : null;
      // an EKS token's sub from the service account the paste names (kubectl, eksctl, a manifest)
      const named = !actual && !shape && claim === 'sub' && clause.key.toLowerCase().startsWith('oidc.eks.') ? namedEksSub(ctx) : null;
      if (shape) checks.push({ policy, st, clause, actual, shape, result: shapeMatch(clause, shape) });
      else if (named) checks.push({ policy, st, clause, actual: [named], fromText: true, result: matchClause(clause, [named]) });
      else checks.push({ policy, st, clause, actual, ...(stated && !exact ? { stated: true } : {}), result: actual ? matchClause(clause, actual) : 'unknown' });
    }
  }
  return { statements: stmts.length, unconstrained, checks };
}

/** Per statement: all checks pass (true), one fails (false), or unknown. */
function statementOutcome(checks: KeyCheck[], st: Statement): boolean | 'unknown' {
  const mine = checks.filter((c) => c.st === st);
  if (mine.some((c) => c.result === false)) return false;
  if (mine.some((c) => c.result === 'unknown')) return 'unknown';
  return true;
}

/** Evidence of a claim's value: the paste's own print of it, or what the person gave. */
const claimSource = (c: KeyCheck) => (c.stated ? fromMessage : fromContext);

function describe(c: KeyCheck): string {
  return `${c.clause.operator} ${c.clause.key} ${c.clause.values.map((v) => `"${v}"`).join(' or ')}`;
}

// ───────────────────────────── shared commands ─────────────────────────────

const GET_TRUST: CommandTemplate = { description: 'Read the role\'s trust policy (Federated provider, sub / aud conditions).', command: 'aws iam get-role --role-name {targetRoleName} --query Role.AssumeRolePolicyDocument --profile {targetProfile}' };
const LIST_PROVIDERS: CommandTemplate = { description: 'List the IAM OIDC providers of the role\'s account; one must match the token\'s issuer URL exactly.', command: 'aws iam list-open-id-connect-providers --profile {targetProfile}' };
const GET_PROVIDER: CommandTemplate = { description: 'Show the provider\'s URL, client ids (audiences) and thumbprints.', command: 'aws iam get-open-id-connect-provider --open-id-connect-provider-arn {oidcProviderArn} --profile {targetProfile}' };
const TRAIL_WEBID: CommandTemplate = { description: 'CloudTrail of the role\'s account logs the refused AssumeRoleWithWebIdentity with the token\'s subject (userIdentity.userName) and issuer.', command: 'aws cloudtrail lookup-events --region {region} --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRoleWithWebIdentity --max-results 20 --query \'Events[].CloudTrailEvent\' --output text --profile {targetProfile}' };
const EKS_ISSUER: CommandTemplate = { description: 'The cluster\'s OIDC issuer URL (each cluster has its own).', command: 'aws eks describe-cluster --name <cluster-name> --query cluster.identity.oidc.issuer --output text', when: isEks };
const GITHUB_CLAIMS_CMD: CommandTemplate = {
  description: 'Print the subject GitHub puts in the token, from a step of the failing job (needs permissions: id-token: write).',
  command: 'curl -sH "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com" | jq -r \'.value | split(".")[1] | @base64d | fromjson | {sub, aud, repository_owner, job_workflow_ref}\'',
  when: isGithub,
};
const KUBE_SA: CommandTemplate = { description: 'The pod\'s service account must carry the role annotation, and the trust\'s sub must be system:serviceaccount:<namespace>:<service-account>.', command: 'kubectl get serviceaccount <service-account> -n <namespace> -o yaml', when: isEks };
const GITLAB_SUB: CommandTemplate = { description: 'GitLab\'s sub is project_path:<group>/<project>:ref_type:<branch|tag>:ref:<ref>; print the job token\'s claims from the job (replace the variable with your id_tokens name).', command: 'echo "$ID_TOKEN" | cut -d. -f2 | base64 -d 2>/dev/null', when: isGitlab };

/** The role's account: from the target ARN, else the aws:ResourceAccount the person gave. */
function roleAccount(ctx: CauseContext): string | null {
  const a = ctx.parsed.target?.accountId;
  if (a && /^\d{12}$/.test(a)) return a;
  const r = ctxValues(ctx, 'aws:ResourceAccount')?.[0];
  return r && /^\d{12}$/.test(r) ? r : null;
}

/** The trust's OIDC providers when every one of them is in another account than the role's (else null). */
function providersElsewhere(ctx: CauseContext): string[] | null {
  const acct = roleAccount(ctx);
  const provs = trustProviders(ctx);
  if (!acct || !provs.length) return null;
  const other = provs.filter((p) => { const a = p.split(':')[4]; return !!a && /^\d{12}$/.test(a) && a !== acct; });
  return other.length === provs.length ? other : null;
}

/**
 * A plain AccessDenied on AssumeRoleWithWebIdentity (STS found the role's own provider for the issuer — a missing
 * one answers InvalidIdentityToken "No OpenIDConnect provider found") while the pasted trust names that provider
 * only under other accounts: the trust's Federated principal is in the wrong account, not a provider missing.
 */
export function webProviderInOtherAccount(ctx: CauseContext): { acct: string; elsewhere: string[]; trustIndex: number } | null {
  // asked by trust-principal-wrong-account's appliesTo, two confirm steps and its facts: once per answer
  let v = providerElsewhereMemo.get(ctx);
  if (v === undefined) providerElsewhereMemo.set(ctx, (v = webProviderInOtherAccountUncached(ctx) ?? false));
  return v || null;
}
const providerElsewhereMemo = ctxCache<{ acct: string; elsewhere: string[]; trustIndex: number } | false>();
function webProviderInOtherAccountUncached(ctx: CauseContext): { acct: string; elsewhere: string[]; trustIndex: number } | null {
  if (!isWebIdentity(ctx) || has(ctx, ...NO_PROVIDER) || tokenLevel(ctx) || !genericDeny(ctx)) return null;
  const acct = roleAccount(ctx);
  const elsewhere = providersElsewhere(ctx);
  if (!acct || !elsewhere) return null;
  return { acct, elsewhere, trustIndex: policiesOf(ctx, 'trust')[0]!.index };
}

// ───────────────────────────── causes ─────────────────────────────

const providerMissing: CauseDefinition = {
  id: 'oidc-provider-missing',
  title: 'No IAM OIDC provider for the token\'s issuer in the role\'s account',
  summary: 'STS found no IAM OIDC identity provider whose URL matches the token\'s issuer in the account of the role — never created, created in another account, or an old issuer (a rebuilt EKS cluster, vstoken vs token.actions.githubusercontent.com, a GitHub Enterprise Server issuer).',
  family: 'web-identity',
  stage: 'idp',
  prior: 0.2,
  specificity: 2,
  gate: { keys: ['web-identity'] },
  appliesTo: isWebIdentity,
  signals: [
    (ctx) => {
      if (isCognitoPool(ctx)) return sig(0.05, fromMessage('Cognito identity pools use the built-in Federated principal cognito-identity.amazonaws.com: no IAM OIDC provider is involved.'), 'ruled-out');
      if (has(ctx, ...NO_PROVIDER)) {
        const iss = issuerOf(ctx);
        return sig(60, fromMessage(`STS says no OpenID Connect provider in the role's account matches ${iss ? `the issuer ${iss}` : 'the token\'s issuer'}.`));
      }
      if (tokenLevel(ctx)) return sig(0.05, fromMessage('STS rejected the token for another reason than a missing provider.'));
      if (genericDeny(ctx)) return sig(0.3, fromMessage('A plain "not authorized" means a provider was found and the trust policy refused; a missing provider has its own message.'));
      return null;
    },
    (ctx) => {
      const iss = issuerOf(ctx);
      const provs = trustProviders(ctx);
      if (!iss || !provs.length || !has(ctx, ...NO_PROVIDER)) return null;
      const host = iss.replace(/^https:\/\//, '');
      const named = provs.map((p) => p.slice(p.indexOf('oidc-provider/') + 'oidc-provider/'.length));
      const i = policiesOf(ctx, 'trust')[0]!.index;
      if (!named.includes(host)) return sig(3, fromPolicy(`The trust policy names the provider ${named.join(', ')}, but the token comes from ${host}: the provider for the current issuer was never registered (and the trust still points at the old one).`, i));
      return sig(1.5, fromPolicy(`The trust policy names ${host}; that provider must exist in the role's account.`, i));
    },
    (ctx) => {
      if (has(ctx, ...NO_PROVIDER) || !genericDeny(ctx)) return null;
      const provs = trustProviders(ctx).map((p) => p.slice(p.indexOf('oidc-provider/') + 'oidc-provider/'.length).toLowerCase());
      const issuers = tokenIssuers(ctx);
      if (!provs.length || !issuers.length) return null;
      const miss = issuers.find((i) => !provs.includes(i));
      // "not authorized" comes after STS found the issuer's provider, and the trust names that provider —
      // unless the trust names it only in another account than the role's (then the trust cannot match)
      if (!miss) {
        if (providersElsewhere(ctx)) return null; // the signal on other accounts' providers decides
        return sig(0.05, fromPolicy('STS found a provider for the token\'s issuer (a missing one has its own message) and the trust names it.', policiesOf(ctx, 'trust')[0]!.index), 'ruled-out');
      }
      return sig(6, fromPolicy(`The token comes from ${miss}, but the trust policy's Federated principal names ${provs.join(', ')}: the role trusts another issuer (an old cluster, another account's provider).`, policiesOf(ctx, 'trust')[0]!.index));
    },
    (ctx) => (has(ctx, 'vstoken.actions.githubusercontent.com')
      ? sig(3, fromMessage('The issuer vstoken.actions.githubusercontent.com is GitHub\'s old one; current tokens come from token.actions.githubusercontent.com.'))
      : null),
    (ctx) => {
      const acct = roleAccount(ctx);
      const elsewhere = providersElsewhere(ctx);
      if (!acct || !elsewhere) return null;
      const i = policiesOf(ctx, 'trust')[0]!.index;
      // STS matches the token against the provider of the role's own account: a trust that names
      // providers of other accounts only can never match this call
      // a plain AccessDenied comes after STS found the issuer's provider in the role's account: the provider is not
      // missing; the trust names it under another account (trust-principal-wrong-account)
      if (genericDeny(ctx)) return sig(0.3, fromPolicy(`The trust names only providers of other accounts (${elsewhere.join(', ')}), but STS answered a plain AccessDenied, which it does only after finding the issuer's provider in the role's account (${acct}); a missing provider answers "No OpenIDConnect provider found". The trust's Federated principal is what is wrong.`, i));
      return sig(3, fromPolicy(`The trust names a provider in another account (${elsewhere[0]}); the provider must be in the role's own account (${acct}).`, i));
    },
  ],
  confirm: [LIST_PROVIDERS, EKS_ISSUER, GET_TRUST],
  fix: {
    description: 'Create the IAM OIDC provider for the exact issuer URL in the role\'s account (EKS: eksctl utils associate-iam-oidc-provider --cluster <cluster-name> --approve; GitHub: https://token.actions.githubusercontent.com with client id sts.amazonaws.com), and make the trust\'s Federated principal and condition keys name that issuer.',
    commands: [
      { command: 'aws iam create-open-id-connect-provider --url {oidcIssuer} --client-id-list sts.amazonaws.com --profile {targetProfile}', when: (ctx) => !otherKnownIssuer(ctx) },
      // another issuer (a Cognito user pool, Auth0, Okta …) puts its own client id in aud, not sts.amazonaws.com
      { command: 'aws iam create-open-id-connect-provider --url {oidcIssuer} --client-id-list <token-audience> --profile {targetProfile}', when: otherKnownIssuer },
      // eksctl only makes an EKS cluster's provider: for an EKS token, or when nothing says which issuer it is
      { command: 'eksctl utils associate-iam-oidc-provider --cluster <cluster-name> --approve', when: (ctx) => isEks(ctx) || (providerOf(ctx) === 'other' && !issuerOf(ctx)) },
    ],
    correctPolicy: (ctx) => {
      const iss = issuerOf(ctx);
      const provs = trustProviders(ctx);
      if (!iss || !provs.length || !has(ctx, ...NO_PROVIDER)) return null;
      const host = iss.replace(/^https:\/\//, '');
      const old = provs[0]!.slice(provs[0]!.indexOf('oidc-provider/') + 'oidc-provider/'.length);
      if (old === host) return null;
      const tp = policiesOf(ctx, 'trust')[0]!;
      const e = editableDoc(tp.policy);
      if (!e) return null;
      const replaced = JSON.parse(JSON.stringify(e.doc).split(old).join(host)) as unknown;
      return { policyIndex: tp.index, policy: replaced };
    },
  },
  docs: [OIDC_DOC, EKS_OIDC_DOC, GITHUB_DOC],
};

const audience: CauseDefinition = {
  id: 'oidc-audience-mismatch',
  title: 'The token\'s audience (aud) is not one the provider or the trust policy accepts',
  summary: 'The token\'s aud claim is not in the IAM OIDC provider\'s client ID list ("Incorrect token audience"), or does not satisfy the trust policy\'s :aud condition. GitHub\'s action and EKS use sts.amazonaws.com (sts.amazonaws.com.cn in China); GitLab defaults to the instance URL unless id_tokens sets aud.',
  family: 'web-identity',
  stage: 'token',
  prior: 0.08,
  specificity: 2,
  gate: { keys: ['web-identity'] },
  appliesTo: isWebIdentity,
  signals: [
    (ctx) => {
      if (isCognitoPool(ctx)) return sig(20, fromMessage(`Cognito says the pool's roles do not let it get credentials: a role's trust must allow sts:AssumeRoleWithWebIdentity for the Federated principal cognito-identity.amazonaws.com with StringEquals "cognito-identity.amazonaws.com:aud" equal to this identity pool's id (a role made for another pool names that pool) and ForAnyValue:StringLike "cognito-identity.amazonaws.com:amr" authenticated or unauthenticated (${COGNITO_DOC}).`));
      if (has(ctx, ...AUDIENCE)) return sig(60, fromMessage('STS says the token audience is incorrect: its aud claim is not in the provider\'s client ID list.'));
      if (failureStage(ctx) === 'token') return sig(0.05, fromMessage('STS rejected the token for another, named reason than its audience: that is the failing check, and the trust policy was never read.'), 'ruled-out');
      if (tokenLevel(ctx)) return sig(0.05, fromMessage('STS rejected the token for another reason than its audience.'));
      if (genericDeny(ctx)) return sig(0.6, fromMessage('A plain "not authorized" can be a failing :aud condition in the trust policy.'));
      return null;
    },
    (ctx) => {
      const { checks, statements, unconstrained } = claimChecks(ctx, 'aud');
      if (!statements) return noWebStatement(ctx, 'aud');
      const i = policiesOf(ctx, 'trust')[0]!.index;
      const subLike = checks.find((c) => c.clause.values.some((v) => v.startsWith('system:serviceaccount:') || v.startsWith('repo:') || v.startsWith('project_path:')));
      if (subLike) return sig(8, fromPolicy(`${stmtLabel(subLike.st)} puts a subject value (${subLike.clause.values[0]}) under the :aud key — it belongs under :sub; the aud claim is sts.amazonaws.com.`, subLike.policy.index, subLike.st.index), 'confirmed');
      if (!checks.length) return unconstrained && !has(ctx, ...AUDIENCE) ? sig(0.3, fromPolicy('The trust policy has no :aud condition, so only the provider\'s client ID list checks the audience.', i)) : null;
      const known = checks.filter((c) => c.result !== 'unknown');
      if (!known.length) return sig(1, fromPolicy(`The trust requires ${describe(checks[0]!)}; the token's aud is not known.`, checks[0]!.policy.index, checks[0]!.st.index));
      const passing = known.find((c) => c.result === true);
      if (passing) return sig(0.05, claimSource(passing)(`The token's aud ${passing.actual?.join(', ')} satisfies ${describe(passing)}${passing.stated ? ' (as the paste shows it)' : ''}.`), 'ruled-out');
      const f = known[0]!;
      if (f.neverSent) return sig(6, fromPolicy(`${schemeNote(f)}.`, f.policy.index, f.st.index), 'confirmed');
      return sig(6, fromPolicy(`${stmtLabel(f.st)} requires ${describe(f)} but the token's aud is ${f.actual?.join(', ')}.`, f.policy.index, f.st.index), 'confirmed');
    },
    (ctx) => {
      // a decoded token of another issuer (Cognito, EKS) prints its own aud: the default sts.amazonaws.com is GitHub's and EKS's
      const iss = statedTokenClaims(ctx).iss;
      if (iss && iss !== GITHUB_ISSUER && !isGithub(ctx)) return null;
      const aud = tokenAfter(ctx, 'audience:') ?? tokenAfter(ctx, 'aud:');
      if (aud && aud !== 'sts.amazonaws.com' && aud !== 'sts.amazonaws.com.cn') return sig(2, fromMessage(`The job requests the audience ${aud}; the provider and trust usually expect sts.amazonaws.com.`));
      return null;
    },
  ],
  confirm: [
    { description: 'The roles the identity pool hands out (authenticated, unauthenticated, and any role mappings).', command: 'aws cognito-identity get-identity-pool-roles --identity-pool-id <identity-pool-id> --region {region}', when: isCognitoPool },
    { description: 'The audiences the provider accepts (the token\'s aud must be one of them).', command: 'aws iam get-open-id-connect-provider --open-id-connect-provider-arn {oidcProviderArn} --query ClientIDList --profile {targetProfile}', when: (ctx) => !isCognitoPool(ctx) },
    GET_TRUST,
    GITHUB_CLAIMS_CMD,
  ],
  fix: {
    description: 'Make the token\'s aud, the provider\'s client ID list and the trust\'s :aud condition agree: request the audience the provider lists (GitHub action input audience, GitLab id_tokens aud), or add the token\'s audience to the provider, and set "<issuer>:aud" in the trust to it.',
    commands: [
      { command: 'aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn {oidcProviderArn} --client-id <token-audience> --profile {targetProfile}', when: (ctx) => !isCognitoPool(ctx) },
      { command: 'aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust.json --profile {targetProfile}', when: isCognitoPool },
    ],
  },
  docs: [OIDC_DOC, WEBID_API, ACTION_README],
};

const thumbprint: CauseDefinition = {
  id: 'oidc-thumbprint-legacy',
  title: 'The provider\'s configured thumbprint does not match the issuer\'s certificate',
  summary: 'The IAM OIDC provider holds certificate thumbprints that no longer match the issuer\'s TLS chain (a rotated certificate on an older setup). For well-known issuers AWS now trusts its CA library instead; self-hosted issuers still depend on the thumbprint list.',
  family: 'web-identity',
  stage: 'token',
  prior: 0.03,
  specificity: 2,
  gate: { keys: ['web-identity'] },
  appliesTo: (ctx) => isWebIdentity(ctx) && thumbprintNamed(ctx),
  signals: [
    (ctx) => sig(60, fromMessage(has(ctx, THUMBPRINT[0]!, THUMBPRINT[1]!)
      ? 'STS says the provider\'s HTTPS certificate does not match the configured thumbprint.'
      : 'The text is about the provider\'s thumbprint.')),
  ],
  confirm: [
    { description: 'The thumbprints the provider holds.', command: 'aws iam get-open-id-connect-provider --open-id-connect-provider-arn {oidcProviderArn} --query ThumbprintList --profile {targetProfile}' },
    { description: 'The certificates the issuer serves now (the thumbprint is the SHA-1 of the top intermediate CA of the chain).', command: 'openssl s_client -servername {oidcIssuerHost} -showcerts -connect {oidcIssuerHost}:443 </dev/null' },
  ],
  fix: {
    description: 'Replace the provider\'s thumbprint list with the SHA-1 thumbprint of the issuer\'s current CA certificate (up to five are allowed, so rotations can overlap).',
    commands: ['aws iam update-open-id-connect-provider-thumbprint --open-id-connect-provider-arn {oidcProviderArn} --thumbprint-list <sha1-thumbprint> --profile {targetProfile}'],
  },
  docs: [OIDC_DOC, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html'],
};

const jwks: CauseDefinition = {
  id: 'oidc-jwks-unreachable',
  title: 'STS could not fetch the issuer\'s signing keys (JWKS)',
  summary: 'To verify the token STS fetches the issuer\'s OpenID configuration and JWKS over the internet; it timed out or failed. Intermittent for public issuers (retry); permanent for issuers that are private, slow, or serve an invalid certificate or document.',
  family: 'web-identity',
  stage: 'token',
  prior: 0.05,
  specificity: 2,
  gate: { phrases: JWKS, codes: ['IDPCommunicationError'] },
  appliesTo: (ctx) => has(ctx, ...JWKS) || codeIs(ctx, 'IDPCommunicationError'),
  signals: [
    () => sig(60, fromMessage('STS could not retrieve the verification key from the identity provider.')),
    (ctx) => (has(ctx, 'intermittent', 'sometimes', 'retry', 'flaky') ? sig(1.3, fromMessage('The failure is intermittent: a slow JWKS fetch on the issuer side.')) : null),
  ],
  confirm: [
    { description: 'The issuer\'s discovery document must be public and name a reachable jwks_uri.', command: 'curl -sS --max-time 5 {oidcIssuer}/.well-known/openid-configuration' },
    { description: 'Then fetch the keys themselves (time it: STS gives up quickly).', command: "curl -sS --max-time 5 -o /dev/null -w '%{http_code} %{time_total}s\\n' \"$(curl -sS {oidcIssuer}/.well-known/openid-configuration | jq -r .jwks_uri)\"" },
  ],
  fix: {
    description: 'For GitHub and other public issuers, retry with backoff (configure-aws-credentials retries AssumeRoleWithWebIdentity); for self-hosted issuers, serve /.well-known/openid-configuration and the JWKS publicly over valid TLS, fast.',
    commands: ['aws sts assume-role-with-web-identity --role-arn {targetRoleArn} --role-session-name {roleSessionName} --web-identity-token file://token.jwt'],
  },
  docs: [WEBID_API, OIDC_DOC],
};

const subMismatch: CauseDefinition = {
  id: 'oidc-sub-mismatch',
  title: 'The token\'s subject (sub) does not match the trust policy\'s condition',
  summary: 'The trust policy only allows certain subjects and this token\'s sub is not one of them: another branch, a pull_request or environment job (GitHub), another namespace or service account (EKS), a different project path (GitLab), a case difference, GitHub\'s new immutable repo:<org>@<id>/<repo>@<id> form, or StringEquals used with a wildcard.',
  family: 'web-identity',
  stage: 'policy',
  prior: 0.15,
  specificity: 1,
  gate: { keys: ['web-identity'] },
  appliesTo: isWebIdentity,
  signals: [
    (ctx) => {
      if (tokenLevel(ctx)) return sig(0.05, fromMessage('STS rejected the token itself, before the trust policy\'s conditions were read.'));
      if (genericDeny(ctx)) return sig(3, fromMessage('STS accepted the token but the trust policy refused it — most often because the sub condition does not match the token\'s subject.'));
      return null;
    },
    (ctx) => {
      const { checks, statements, unconstrained } = claimChecks(ctx, 'sub');
      if (!statements) return noWebStatement(ctx, 'sub');
      const i = policiesOf(ctx, 'trust')[0]!.index;
      if (!checks.length) return unconstrained ? sig(0.05, fromPolicy('The trust policy sets no sub condition, so the subject cannot be what fails.', i), 'ruled-out') : null;
      const wildEq = checks.find((c) => c.clause.baseOperator.toLowerCase() === 'stringequals' && c.clause.values.some((v) => v.includes('*')));
      const out = [];
      if (wildEq) out.push(sig(6, fromPolicy(`${stmtLabel(wildEq.st)} uses StringEquals with a wildcard (${wildEq.clause.values.find((v) => v.includes('*'))}); StringEquals compares literally, so it needs StringLike.`, wildEq.policy.index, wildEq.st.index)));
      const stmtsWithSub = [...new Set(checks.map((c) => c.st))];
      const outcomes = stmtsWithSub.map((st) => statementOutcome(checks, st));
      const okFromText = checks.find((c) => c.result === true && c.fromText);
      if (okFromText && !unconstrained) {
        // the named service account fits the trust; whether the pod runs under it is not shown (irsa-service-account-misconfigured)
        out.push(sig(0.3, fromPolicy(`The service account the paste names (sub "${okFromText.actual?.join(', ')}") satisfies ${describe(okFromText)}: if the pod runs under it, the sub is not what fails.`, okFromText.policy.index, okFromText.st.index)));
        return out;
      }
      if (outcomes.some((o) => o === true) || unconstrained) {
        const ok = checks.find((c) => c.result === true);
        out.push(sig(0.05, (ok ? claimSource(ok) : fromContext)(ok ? `The token's sub ${ok.actual?.join(', ')} satisfies ${describe(ok)}${ok.stated ? ' (as the paste shows it)' : ''}.` : 'A web-identity statement of the trust sets no sub condition.'), 'ruled-out'));
        return out;
      }
      if (outcomes.every((o) => o === false)) {
        const f = checks.find((c) => c.result === false)!;
        if (f.neverSent) {
          out.push(sig(6, fromPolicy(`${schemeNote(f)}.`, f.policy.index, f.st.index), 'confirmed'));
          return out;
        }
        if (f.shape) {
          out.push(sig(6, fromPolicy(`${stmtLabel(f.st)} of ${policyLabel(f.policy.policy, f.policy.index)} requires ${describe(f)}, but the token's sub, as the text shows it is built (${f.shape.from}), reads ${f.shape.shown}: no value of that form matches.`, f.policy.index, f.st.index), 'confirmed'));
          return out;
        }
        const actual = f.actual?.join(', ') ?? '';
        // a StringEquals value is literal: its * is no wildcard, so a match only as a pattern is no letter-case difference
        const like = f.clause.baseOperator.toLowerCase() === 'stringlike';
        const caseOnly = f.clause.values.some((v) => v.toLowerCase() === actual.toLowerCase() || (like && glob(v, actual, true)));
        if (f.fromText) {
          // the paste names the service account; that the failing pod runs as it is what it was pasted for, not proven
          out.push(sig(8, fromPolicy(`${stmtLabel(f.st)} of ${policyLabel(f.policy.policy, f.policy.index)} requires ${describe(f)}, but the service account the paste names gives the token the sub "${actual}"${caseOnly ? ' — they differ only in letter case, and sub matching is case-sensitive' : ''}.`, f.policy.index, f.st.index)));
          return out;
        }
        out.push(sig(6, fromPolicy(`${stmtLabel(f.st)} of ${policyLabel(f.policy.policy, f.policy.index)} requires ${describe(f)}, but the token's sub is "${actual}"${caseOnly ? ' — they differ only in letter case, and sub matching is case-sensitive' : ''}.`, f.policy.index, f.st.index), 'confirmed'));
        return out;
      }
      const u = checks[0]!;
      out.push(sig(1.3, fromPolicy(`The trust requires ${describe(u)}; the token's sub is not known (the confirm commands print it).`, u.policy.index, u.st.index)));
      return out;
    },
    (ctx) => {
      // GitHub: the event or environment decides the subject's shape
      if (!isGithub(ctx)) return null;
      const { checks } = claimChecks(ctx, 'sub');
      const pats = checks.flatMap((c) => c.clause.values);
      if (has(ctx, 'pull_request') && pats.length && !pats.some((p) => p.includes('pull_request') || p.endsWith(':*'))) {
        return sig(4, fromMessage('The job runs for a pull_request event, whose subject is repo:<org>/<repo>:pull_request — the trust only allows other subjects.'));
      }
      if (has(ctx, 'environment:') && showsGithubWorkflow(ctx) && jobEnvironmentKey(ctx.text) && pats.length && !pats.some((p) => p.includes(':environment:') || p.endsWith(':*'))) {
        return sig(3, fromMessage('The job uses a GitHub environment, so its subject is repo:<org>/<repo>:environment:<name>, not a ref.'));
      }
      if (pats.length === 0 && genericDeny(ctx)) return sig(1.3, fromMessage('GitHub\'s sub depends on the trigger: ref:refs/heads/<branch>, ref:refs/tags/<tag>, pull_request or environment:<name>.'));
      return null;
    },
    (ctx) => (isEks(ctx) && genericDeny(ctx) ? sig(1.2, fromMessage('For IRSA the sub is system:serviceaccount:<namespace>:<service-account> of the pod.')) : null),
    (ctx) => {
      const provs = trustProviders(ctx).map((p) => p.slice(p.indexOf('oidc-provider/') + 'oidc-provider/'.length).toLowerCase());
      const miss = tokenIssuers(ctx).find((i) => provs.length > 0 && !provs.includes(i));
      return miss ? sig(0.3, fromPolicy(`The trust does not name the token's issuer ${miss} at all; its sub conditions are keyed to another provider.`, policiesOf(ctx, 'trust')[0]!.index)) : null;
    },
  ],
  confirm: [GET_TRUST, GITHUB_CLAIMS_CMD, KUBE_SA, GITLAB_SUB, TRAIL_WEBID],
  fix: {
    description: 'Make the trust\'s sub condition match the real subject: {oidcSubjectForms}. Use StringLike for wildcards. Widening the subject widens who may assume the role: add only the subject you mean.',
    commands: ['aws iam update-assume-role-policy --role-name {targetRoleName} --policy-document file://trust-policy.json --profile {targetProfile}'],
    correctPolicy: (ctx) => {
      const { checks } = claimChecks(ctx, 'sub');
      const wildEq = checks.find((c) => c.clause.baseOperator.toLowerCase() === 'stringequals' && c.clause.values.some((v) => v.includes('*')));
      if (wildEq) {
        const doc = moveToStringLike(wildEq);
        if (doc) return { policyIndex: wildEq.policy.index, policy: doc };
      }
      const f = checks.find((c) => c.result === false && c.actual && c.actual.length === 1);
      if (!f || !f.actual) return null;
      const doc = withConditionAdded(f.policy.policy, f.st.index, f.clause.operator, f.clause.key, f.actual[0]!);
      return doc ? { policyIndex: f.policy.index, policy: doc } : null;
    },
  },
  docs: [GITHUB_CLAIMS, GITHUB_DOC, IRSA_DOC, 'https://docs.gitlab.com/ci/cloud_services/aws/'],
  // the subject forms of the token's own issuer only; unknown issuer: all of them (the placeholder)
  facts: (ctx) => ({ oidcSubjectForms: SUBJECT_FORMS[providerOf(ctx)] ?? null }),
};

const SUBJECT_FORMS: Record<string, string> = {
  github: 'GitHub\'s is repo:<org>/<repo>:ref:refs/heads/<branch>, :pull_request or :environment:<name> (or repo:<org>/<repo>:* with StringLike; repositories created from July 2026 use repo:<org>@<org-id>/<repo>@<repo-id>:…)',
  eks: 'for IRSA it is system:serviceaccount:<namespace>:<service-account> of the pod',
  gitlab: 'GitLab\'s is project_path:<group>/<project>:ref_type:branch:ref:<branch>',
};

/** Moves one key of a statement's Condition from StringEquals to StringLike. */
function moveToStringLike(c: KeyCheck): unknown {
  const e = editableDoc(c.policy.policy);
  if (!e) return null;
  const st = e.statements[c.st.index];
  const cond = st?.Condition as Record<string, Record<string, unknown>> | undefined;
  if (!st || !cond) return null;
  const from = cond[c.clause.operator];
  if (!from || !(c.clause.key in from)) return null;
  const value = from[c.clause.key];
  delete from[c.clause.key];
  if (!Object.keys(from).length) delete cond[c.clause.operator];
  const like = (cond.StringLike && typeof cond.StringLike === 'object' ? cond.StringLike : {}) as Record<string, unknown>;
  like[c.clause.key] = value;
  cond.StringLike = like;
  e.doc.Statement = e.wasArray ? e.statements : e.statements[0];
  return e.doc;
}

/** A session name like `i-0abc…`: the EC2 instance (node) role. */
const nodeSession = (ctx: CauseContext) => ctx.parsed.caller?.type === 'assumed-role' && /^i-[0-9a-f]{8,17}$/.test(ctx.parsed.caller.sessionName ?? '');
const KUBE_WORDS = ['kubernetes', 'kubectl', 'k8s', 'pod ', 'pods', 'serviceaccount', 'service account', 'namespace', 'helm', 'irsa', 'eks.', ' eks', 'kube-system', 'controller'];
/** The caller is an EKS node's instance role: an EKS-looking role name, or a node-ish name in a Kubernetes log. */
const nodeRoleName = (ctx: CauseContext) => {
  const name = ctx.parsed.caller?.name ?? '';
  if (/eks|nodegroup|nodeinstancerole|karpenter/i.test(name)) return true;
  return /node|worker/i.test(name) && has(ctx, ...KUBE_WORDS);
};

/** The Java SDK v2's warning (`To use web identity tokens, the 'sts' service module must be on the class path.`). */
const WEB_IDENTITY_UNUSABLE = 'to use web identity tokens';
/** The SDK printed that it cannot use web identity tokens: IRSA's token is ignored, whatever the caller shown. */
const sdkCannotUseWebIdentity = (ctx: CauseContext) => has(ctx, WEB_IDENTITY_UNUSABLE) && has(ctx, 'must be on the class path', 'must be on the classpath');

const irsa: CauseDefinition = {
  id: 'irsa-service-account-misconfigured',
  title: 'The pod does not get its IAM role for service accounts (IRSA) set up right',
  summary: 'The pod\'s service account lacks the eks.amazonaws.com/role-arn annotation (or names another role), the pod was started before the annotation and never got AWS_ROLE_ARN / AWS_WEB_IDENTITY_TOKEN_FILE, or its SDK ignores web identity — so calls fail or silently run as the node\'s instance role.',
  family: 'web-identity',
  stage: 'client',
  prior: 0.06,
  specificity: 1,
  gate: { keys: ['web-identity'], callers: ['assumed-role'], phrases: ['eks.amazonaws.com/role-arn', 'aws_web_identity_token_file', 'aws_role_arn', WEB_IDENTITY_UNUSABLE] },
  appliesTo: (ctx) => (isWebIdentity(ctx) && isEks(ctx)) || (nodeSession(ctx) && nodeRoleName(ctx))
    || has(ctx, 'eks.amazonaws.com/role-arn', 'aws_web_identity_token_file', 'aws_role_arn') || sdkCannotUseWebIdentity(ctx),
  signals: [
    (ctx) => (sdkCannotUseWebIdentity(ctx)
      ? sig(40, fromMessage('The SDK says it cannot use web identity tokens (its STS module is missing), so it ignores the pod\'s IRSA token and falls back to other credentials, such as the node\'s instance role.'))
      : null),
    (ctx) => {
      if (nodeSession(ctx) && nodeRoleName(ctx)) {
        if (ctx.parsed.deny.policyType && ctx.parsed.deny.policyType !== 'identity-based') return sig(0.5, fromMessage(`The call runs as the node's instance role, but AWS names a ${policyWords(ctx, ctx.parsed.deny.policyType)} as the reason.`));
        return sig(5, fromMessage(`The call runs as the node's instance role ${ctx.parsed.caller?.name ?? ''} (session ${ctx.parsed.caller?.sessionName ?? ''}): the pod did not use its service-account role and fell back to the node's credentials.`));
      }
      return null;
    },
    (ctx) => {
      if (has(ctx, 'aws_web_identity_token_file', 'serviceaccount/token', 'failed fetching webidentity token', 'web identity token file') && has(ctx, 'no such file', 'not found', 'does not exist', 'unable to read file')) return sig(8, fromMessage('The web identity token file is missing in the pod: the IRSA webhook did not mount it (annotation added after the pod started, or wrong service account).'));
      if (has(ctx, 'eks.amazonaws.com/role-arn', 'aws_role_arn')) return sig(2, fromMessage('The output mentions the IRSA annotation / variables.'));
      return null;
    },
    (ctx) => {
      if (tokenLevel(ctx)) return sig(0.1, fromMessage('STS rejected the token at the provider level; the pod side did its part.'));
      if (genericDeny(ctx)) return sig(1, fromMessage('The trust refused the pod\'s token: the pod may run under another service account or namespace than the trust names.'));
      return null;
    },
    (ctx) => {
      const { checks } = claimChecks(ctx, 'sub');
      const sa = checks.find((c) => c.clause.values.some((v) => v.startsWith('system:serviceaccount:')));
      // STS read the trust and the token's sub is the service account it names: the pod got its token
      if (sa && sa.result === true && genericDeny(ctx) && !nodeSession(ctx)) {
        return sig(0.05, fromContext(`The token's sub ${sa.actual?.join(', ') ?? ''} is the service account the trust expects: the pod runs under it and got its IRSA token.`), 'ruled-out');
      }
      if (sa) return sig(1.2, fromPolicy(`The trust expects the service account ${sa.clause.values.join(' or ')}; the pod must run under exactly that one.`, sa.policy.index, sa.st.index));
      return null;
    },
  ],
  confirm: [
    { description: 'The service account must carry eks.amazonaws.com/role-arn with this role\'s ARN.', command: 'kubectl get serviceaccount <service-account> -n <namespace> -o jsonpath=\'{.metadata.annotations.eks\\.amazonaws\\.com/role-arn}\'' },
    { description: 'The pod must have been started with the IRSA variables (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE).', command: 'kubectl get pod <pod-name> -n <namespace> -o yaml | grep -E \'serviceAccountName|AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE\'' },
    GET_TRUST,
  ],
  fix: {
    description: 'Annotate the pod\'s service account with the role ARN, make the trust\'s sub name system:serviceaccount:<namespace>:<service-account> for this cluster\'s issuer, and restart the pods so the webhook injects the token (use an SDK version that supports web identity).',
    commands: [
      'kubectl annotate serviceaccount <service-account> -n <namespace> eks.amazonaws.com/role-arn={targetRoleArn} --overwrite',
      'kubectl rollout restart deployment/<deployment> -n <namespace>',
    ],
  },
  docs: [IRSA_DOC, 'https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html'],
};

const idToken: CauseDefinition = {
  id: 'github-missing-id-token-permission',
  title: 'The GitHub Actions job gets no OIDC token (no id-token: write, or a fork pull request)',
  summary: 'GitHub gives a job an OIDC token only when the workflow or job grants permissions: id-token: write (and never to pull requests from forks). Without it configure-aws-credentials cannot request a token, prints its id-token hint and fails to load any credentials — STS is never called.',
  family: 'web-identity',
  stage: 'client',
  nothingSent: true,
  prior: 0.07,
  specificity: 2,
  gate: { phrases: [...ID_TOKEN_HINT, 'could not load credentials from any providers', 'credentials could not be loaded'] },
  appliesTo: (ctx) => has(ctx, ...ID_TOKEN_HINT) || (isGithub(ctx) && has(ctx, 'could not load credentials from any providers', 'credentials could not be loaded')),
  signals: [
    (ctx) => {
      if (has(ctx, 'did you mean to set the id-token permission')) return sig(60, fromMessage('configure-aws-credentials says it looks like OIDC but the id-token permission is not set.'));
      if (has(ctx, 'actions_id_token_request_url', 'actions_id_token_request_token', 'unable to get actions_id_token_request')) return sig(50, fromMessage('The job has no ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN: GitHub did not grant it an OIDC token.'));
      return null;
    },
    (ctx) => (has(ctx, 'could not load credentials from any providers', 'credentials could not be loaded')
      ? sig(isGithub(ctx) ? 8 : 2, fromMessage('The action could not load credentials from any provider: no keys were given and no OIDC token was available.'))
      : null),
    (ctx) => (has(ctx, 'fork') && has(ctx, 'pull_request')
      ? sig(2, fromMessage('The run is a pull request from a fork: GitHub never gives such runs an id-token: write token.'))
      : null),
    (ctx) => (has(ctx, ...GENERIC_DENY, ...NO_PROVIDER, ...AUDIENCE)
      ? sig(0.05, fromMessage('STS answered, so the job did get a token.'))
      : null),
  ],
  confirm: [
    { description: 'Check the permissions block of the workflow and of the job (a job-level block replaces the workflow-level one).', command: 'grep -n -A4 \'permissions:\' .github/workflows/*.yml' },
  ],
  fix: {
    description: 'Grant the job an OIDC token: permissions: { id-token: write, contents: read } at workflow or job level (reusable workflows: in the caller). Pull requests from forks never get one — run those without AWS access, or via a reviewed pull_request_target / workflow_run design.',
    commands: ['yq -i \'.permissions."id-token" = "write" | .permissions.contents = "read"\' .github/workflows/<workflow>.yml'],
  },
  docs: [GITHUB_DOC, ACTION_README],
};

const tokenExpired: CauseDefinition = {
  id: 'webidentity-token-expired',
  title: 'The web identity token (JWT) had expired when it was used',
  summary: 'The OIDC token passed to AssumeRoleWithWebIdentity is past its exp: a projected service-account token the SDK did not re-read (EKS tokens rotate hourly), or a CI token fetched long before the call.',
  family: 'web-identity',
  stage: 'token',
  prior: 0.04,
  specificity: 2,
  gate: { keys: ['web-identity'] },
  appliesTo: (ctx) => isWebIdentity(ctx) && (has(ctx, ...TOKEN_EXPIRED) || codeIs(ctx, 'ExpiredToken')),
  signals: [
    (ctx) => {
      const now = tokenAfter(ctx, 'current date/time', ' ');
      const exp = tokenAfter(ctx, 'expiration date/time', ' ');
      if (now && exp && /^\d{9,12}$/.test(now) && /^\d{9,12}$/.test(exp)) {
        // STS's own words state the cause: as likely as any other cause a message names outright
        return sig(100, fromMessage(`STS says the token expired: the call came ${Number(now) - Number(exp)} seconds after the token's expiration.`));
      }
      if (has(ctx, 'token expired: current date/time')) return sig(100, fromMessage('STS says the web identity token expired.'));
      return sig(20, fromMessage('An expired-token error on AssumeRoleWithWebIdentity.'));
    },
  ],
  confirm: [
    { description: 'Read the exp claim of the token file the pod uses (EKS).', command: 'kubectl exec <pod-name> -n <namespace> -- sh -c \'cut -d. -f2 "$AWS_WEB_IDENTITY_TOKEN_FILE" | base64 -d 2>/dev/null\'', when: isEks },
    { description: 'Decode the token you pass and compare exp with the time of the call.', command: 'cut -d. -f2 token.jwt | base64 -d 2>/dev/null | jq .exp' },
  ],
  fix: {
    description: 'Let the SDK read the token file on every refresh (do not cache the token string; upgrade old SDKs), and fetch CI tokens right before assuming the role.',
    commands: ['aws sts assume-role-with-web-identity --role-arn {targetRoleArn} --role-session-name {roleSessionName} --web-identity-token file://fresh-token.jwt'],
  },
  docs: [WEBID_API, IRSA_DOC],
};

// ───────────────────────────── Cognito guest access ─────────────────────────────

const GUEST_ACCESS_OFF = 'unauthenticated access is not supported for this identity pool';

const cognitoGuestAccess: CauseDefinition = {
  id: 'cognito-guest-access-disabled',
  title: 'The Cognito identity pool does not allow guest (unauthenticated) identities, and the call carried no login',
  summary: 'GetId / GetCredentialsForIdentity without a Logins map asks the identity pool for a guest identity; a pool whose AllowUnauthenticatedIdentities is false answers NotAuthorizedException "Unauthenticated access is not supported for this identity pool" before any role or policy is involved. Either the app should have signed the user in (and passed the token under the provider\'s exact name in Logins), or the pool must enable guest access.',
  family: 'web-identity',
  stage: 'idp',
  prior: 0.05,
  specificity: 2,
  gate: { phrases: [GUEST_ACCESS_OFF] },
  appliesTo: (ctx) => has(ctx, GUEST_ACCESS_OFF),
  signals: [
    () => sig(150, fromMessage('Cognito says the identity pool does not support unauthenticated access: the request carried no login it accepted, and the pool gives no guest identities. No IAM policy was evaluated.')),
  ],
  confirm: [
    { description: 'Whether the pool allows guest identities, and which providers it accepts logins from (the Logins key must be one of these names exactly).', command: "aws cognito-identity describe-identity-pool --identity-pool-id <identity-pool-id> --region {region} --query '{guest:AllowUnauthenticatedIdentities,providers:CognitoIdentityProviders[].ProviderName,openId:OpenIdConnectProviderARNs,saml:SamlProviderARNs,supported:SupportedLoginProviders}'" },
  ],
  fix: {
    description: 'If the user should be signed in, pass their ID token in Logins under the provider name the pool lists (for a user pool: cognito-idp.<region>.amazonaws.com/<user-pool-id>). If guests are intended, turn guest access on and give the pool an unauthenticated role.',
    commands: ['aws cognito-identity update-identity-pool --identity-pool-id <identity-pool-id> --identity-pool-name <identity-pool-name> --allow-unauthenticated-identities --region {region}'],
  },
  docs: ['https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html', COGNITO_DOC],
};

export const causes: CauseDefinition[] = [providerMissing, audience, thumbprint, jwks, subMismatch, irsa, idToken, tokenExpired, cognitoGuestAccess];
