/**
 * Credentials and environment [aws-facts 3.H]: the call was signed with other credentials than
 * intended, with expired or unknown ones, against a Regional STS endpoint that is not active,
 * with a v1 global-endpoint token in an opt-in Region — or the IAM change it needs is moments old.
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { callerShownByCli, configureList } from './pasted-output.js';
import { credentialSettingIgnored, intendedCallerMismatch, isServiceAssumeFailure, regionsIn, serviceFromAssumeFailure } from './signals.js';
import {
  codeIn, codeIs, fromContext, fromMessage, fromPolicy, has, isAssumeFamily, isSaml, isWebIdentity, OPT_IN_REGIONS, regionOf, sig, tokenAfter,
} from './service-util.js';

const CLI_ENV = 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html';
const CLI_FILES = 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html';
const STS_ERRORS = 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html';
const STS_REGIONS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html';
const TROUBLESHOOT_GENERAL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html';

const EXPIRED = [
  'security token included in the request is expired', 'expiredtoken', 'token has expired', 'token is expired', 'the provided token has expired',
  'credentials have expired', 'session has expired', 'sso session associated with this profile has expired', 'token expired',
  'request has expired', 'signature expired', 'requestexpired', 'expired token', 'requesttimetooskewed',
  // IAM Identity Center's portal refuses GetRoleCredentials when the cached SSO access token has lapsed or was revoked
  'session token not found or invalid',
  // botocore's SSOTokenLoadError when the cached SSO access token is past its expiry (not when there is none: "Token for
  // <start url> does not exist" is a profile never logged in)
  'sso access token has either expired',
];
const INVALID = [
  'security token included in the request is invalid', 'invalidclienttokenid', 'unrecognizedclient', 'invalidaccesskeyid',
  'access key id you provided does not exist', 'signaturedoesnotmatch', 'request signature we calculated does not match',
  'not able to validate the provided access credentials', 'authfailure', 'incompletesignature', 'the provided token is malformed',
  'missingauthenticationtoken', 'invalid security token',
];
const NO_CREDS = ['unable to locate credentials', 'could not load credentials from any providers', 'nocredentialproviders', 'no valid credential sources', 'credentials could not be loaded', 'no credentials', 'missing credentials in config'];
/** The other SDKs' "found nothing in the chain" wordings (parse/message-shapes.ts NO_CREDENTIALS_RE). */
const NO_CREDS_MORE = [
  'no valid providers in chain', 'no ec2 imds role found', 'unable to load credentials from any', 'unable to load aws credentials from any',
  'unable to get iam security credentials from ec2 instance metadata', 'failed to resolve aws credentials', 'unable to find credentials',
  'no providers in chain provided credentials', 'error retrieving credentials from the instance profile metadata service',
];
/** docker's wording when it sent no credentials to an ECR registry (parsed as no-credentials only beside an ECR host). */
const NO_CREDS_DOCKER = 'no basic auth credentials';
/** The paste's main error is the SDK finding no credentials (not a line beside another error). */
const noCredentialsError = (ctx: CauseContext) => ctx.parsed.shape === 'no-credentials';
/** The error's code is followed by a "no credentials" wording (`Code: Missing credentials in config`): its SDK printed that text as the refused call's message. */
const ownMessageSaysNoCredentials = (ctx: CauseContext): boolean => {
  const code = ctx.parsed.errorCode?.toLowerCase();
  if (!code) return false;
  const msg = (ctx.parsed.message ?? '').toLowerCase();
  return NO_CREDS.some((p) => msg.includes(`${code}: ${p}`));
};
/**
 * The main error is the tool's own report that an assume step failed (Terraform's "IAM Role (…)
 * cannot be assumed"), with nothing from AWS: no caller, no AWS error code, no refusal wording.
 * Beside a "no credentials" line, that step had nothing to sign its sts:AssumeRole* call with.
 */
const toolCouldNotAssume = (ctx: CauseContext) => {
  const p = ctx.parsed;
  return !!p.action?.startsWith('sts:AssumeRole') && !p.caller?.arn && !p.errorCode
    && !has(ctx, 'not authorized', 'accessdenied', 'access denied', 'forbidden');
};

const EXPIRED_CODES = ['ExpiredToken', 'RequestExpired'];
const INVALID_CODES = ['InvalidClientTokenId', 'UnrecognizedClient', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AuthFailure', 'IncompleteSignature'];
const isExpired = (ctx: CauseContext) => codeIn(ctx, EXPIRED_CODES) || has(ctx, ...EXPIRED);
const isInvalid = (ctx: CauseContext) => codeIn(ctx, INVALID_CODES) || has(ctx, ...INVALID);
/**
 * The one Region the text names when it is opt-in and the error names none (`Scanning ap-east-1 region` before the
 * refusal): the call most likely went there. Null when the text names another Region too.
 */
function onlyOptInRegion(ctx: CauseContext): string | null {
  const all = regionsIn(ctx.text);
  return all.length === 1 && OPT_IN_REGIONS.has(all[0] as string) ? all[0] as string : null;
}

/** The web-identity token (not the calling credentials) expired. */
const webTokenExpired = (ctx: CauseContext) => isWebIdentity(ctx) && has(ctx, 'token expired: current date/time', 'expiredtokenexception');

/** A session name that looks like an EC2 instance id (`i-0123…`): the instance profile's credentials. */
function instanceSession(ctx: CauseContext): boolean {
  const s = ctx.parsed.caller?.sessionName ?? '';
  return ctx.parsed.caller?.type === 'assumed-role' && /^i-[0-9a-f]{8,17}$/.test(s);
}

/**
 * The caller is a node's instance role by its name (`…-NodeInstanceRole-…`, `…node-group…`, `NODE-ROLE`) with no
 * session name shown (redacted or cut off the ARN): the session an instance role runs under is the instance id, so
 * this is the instance profile's credentials as surely as `instanceSession`. A session name that is not an instance
 * id (a person, a pipeline) means someone assumed the role on purpose: not this.
 */
const NODE_ROLE_NAME = /node[-_]?(?:instance)?[-_]?role|node[-_]?group/i;
function nodeRoleWithoutSession(ctx: CauseContext): boolean {
  const c = ctx.parsed.caller;
  return c?.type === 'assumed-role' && !c.sessionName && NODE_ROLE_NAME.test(c.name ?? '');
}

/**
 * The person ran the check this cause asks for: get-caller-identity in the paste shows the identity in use,
 * nothing says another was meant, and the error is not about the credentials themselves. The guesses from
 * the session name or a profile mention then have their answer.
 */
function shownAsMeant(ctx: CauseContext): boolean {
  return !!callerShownByCli(ctx) && !intendedCallerMismatch(ctx) && !has(ctx, ...NO_CREDS) && !isExpired(ctx) && !isInvalid(ctx);
}

/** The resource acted on is an IAM role (an AssumeRole target), or nothing names another resource. */
const targetIsRole = (ctx: CauseContext) => {
  const t = ctx.parsed.target;
  return !t || (t.service === 'iam' && t.resourceType === 'role');
};

const confirmWho = [
  { description: 'See which identity the failing tool really uses (run it with the same profile and environment).', command: 'aws sts get-caller-identity --profile {callerProfile}' },
  { description: 'List the AWS_* variables set in that shell (names only): environment variables beat profiles, and a stale AWS_SESSION_TOKEN breaks fresh keys.', command: "env | grep '^AWS_' | cut -d= -f1" },
  { description: 'Show where each credential setting comes from (env, shared file, SSO, instance metadata).', command: 'aws configure list --profile {callerProfile}' },
];

const wrongCredentials: CauseDefinition = {
  id: 'wrong-credentials-in-use',
  title: 'The call runs with different credentials than intended',
  summary: 'The failing call was signed by another identity than the one you set up — stray AWS_* environment variables overriding a profile, the wrong profile, a role_arn in the profile, a self-hosted runner\'s or node\'s instance role — so the right policies are never consulted.',
  family: 'credentials',
  prior: 0.25,
  appliesTo: (ctx) => {
    // AssumeRoleWithSAML is not signed: an expired or invalid token there is the assertion (STS API reference)
    if (isSaml(ctx) && (isExpired(ctx) || isInvalid(ctx))) return false;
    if (has(ctx, ...NO_CREDS) || isExpired(ctx) || isInvalid(ctx)) return true;
    // web identity, SAML, Region and validation errors are not about which AWS credentials signed the call
    if (isWebIdentity(ctx) || codeIs(ctx, 'ValidationError', 'RegionDisabled', 'InvalidIdentityToken', 'PackedPolicyTooLarge', 'IDPCommunicationError')) return false;
    if (has(ctx, 'assumerolewithsaml', 'sts is not activated')) return false;
    // an AWS service principal signs with its own identity (a service's onward call, docs/decisions/019)
    if (ctx.parsed.caller?.type === 'service') return false;
    return ctx.parsed.recognized;
  },
  supersedes: ['trust-principal-missing', 'identity-missing-allow', 'identity-resource-mismatch', 'resource-policy-missing-grant'],
  signals: [
    (ctx) => {
      const m = intendedCallerMismatch(ctx);
      if (!m) return null;
      return sig(8, fromContext(`The text says the call was meant to run as ${m.named} ("${m.line}"), but AWS saw ${ctx.parsed.caller?.arn ?? 'another caller'}: the call used other credentials than intended.`), 'confirmed');
    },
    (ctx) => {
      // the paste says the setting that picks the identity was not applied; only where AWS names the caller it saw
      if (!ctx.parsed.caller?.arn || intendedCallerMismatch(ctx)) return null;
      const said = credentialSettingIgnored(ctx);
      if (!said) return null;
      return sig(6, fromContext(`The text says the credential setting was not applied ("${said}"), and AWS saw ${ctx.parsed.caller.arn}: the call ran with the tool's default credentials instead of the configured identity.`));
    },
    (ctx) => {
      // CDK deploys through its bootstrap roles; when it cannot assume them it falls back to the current credentials
      if (has(ctx, 'could not be used to assume') && has(ctx, 'cdk-')) return sig(4, fromMessage('CDK could not assume its bootstrap role with the current credentials and proceeded with them instead: the credentials in use (Cloud9 managed credentials, an old profile, stray AWS_* variables) are not the ones that may assume the CDK roles.'));
      if (!ctx.parsed.caller && has(ctx, 'cdk-hnb659fds-', 'cdk-assets', 'cdktoolkit')) return sig(4, fromMessage('A CDK bootstrap resource was called without going through the CDK roles: CDK fell back to the current credentials, typically because it could not assume its file-publishing or deploy role.'));
      return null;
    },
    (ctx) => (has(ctx, 'with session credentials')
      ? sig(20, fromMessage(`STS refuses ${ctx.parsed.action ?? 'this call'} to temporary (session) credentials: the profile or environment holds a role session or an earlier session token where the IAM user's long-term access keys were meant to be used.`))
      : null),
    (ctx) => {
      // no credentials at all is credentials-not-found; a profile that was meant to be picked up still fits here
      if (has(ctx, ...NO_CREDS)) {
        // the refused call's own message in its SDK's words (`<Code>: Missing credentials in config`, the JS SDK v2
        // replacing the service's message) is that refusal, not a later step that ran without credentials
        if (!noCredentialsError(ctx) && ctx.parsed.errorCode && ownMessageSaysNoCredentials(ctx)) return sig(0.15, fromMessage(`The "no credentials" text is the SDK's own message for the ${ctx.parsed.errorCode} error, not a separate step: the service refused the call that would have produced the credentials.`));
        // beside a refusal of a named action (an OIDC assume that failed first), the "no credentials" line is its consequence
        if (!noCredentialsError(ctx) && ctx.parsed.action) return sig(0.8, fromMessage('The paste also says the SDK found no credentials: likely a later step that ran without the credentials the refused call should have produced.'));
        return sig(noCredentialsError(ctx) ? 1.5 : 6, fromMessage('The SDK found no usable credentials at all: the environment, profile or instance metadata it should read is not what you expect.'));
      }
      if (isInvalid(ctx)) return sig(0.8, fromMessage('AWS does not recognise the credentials: often a stale or mismatched set of AWS_* variables rather than the intended profile.'));
      if (isExpired(ctx)) return sig(0.6, fromMessage('The credentials used have expired: often old exported AWS_* variables that override a profile that would refresh itself.'));
      return null;
    },
    (ctx) => {
      // get-caller-identity already showed this instance role as the identity in use (signal below)
      if (instanceSession(ctx) && !shownAsMeant(ctx)) {
        return sig(2.5, fromMessage(`The caller is the EC2 instance role ${ctx.parsed.caller?.name ?? ''} (session ${ctx.parsed.caller?.sessionName ?? ''}): the process fell back to the instance profile instead of its own credentials.`));
      }
      if (nodeRoleWithoutSession(ctx) && !shownAsMeant(ctx)) {
        return sig(2.5, fromMessage(`The caller is ${ctx.parsed.caller?.name ?? 'a role'}, by its name a node's instance role: the process (a pod) fell back to the node's credentials instead of its own.`));
      }
      return null;
    },
    (ctx) => {
      const p = ctx.parsed;
      if (p.caller?.arn && isAssumeFamily(ctx) && !p.deny.policyType && p.deny.kind !== 'explicit' && !ctx.policies.length) {
        return sig(1.4, fromMessage(`The caller in the message is ${p.caller.arn}: if that is not the identity you meant to assume the role with, a profile, environment variable or role_arn setting picked other credentials.`));
      }
      if (!p.caller?.arn && !p.action && !isExpired(ctx) && !isInvalid(ctx)) {
        return sig(2, fromMessage('The message names neither the caller nor the action: first make sure which credentials the tool actually used.'));
      }
      return null;
    },
    // evidence only (weight 1): who AWS saw says the request was unsigned, not signed by another identity
    (ctx) => (ctx.parsed.caller?.type === 'anonymous'
      ? sig(1, fromMessage('AWS names the caller "anonymous": the request carried no signature, so it was sent without any credentials rather than with the wrong ones.'))
      : null),
    (ctx) => {
      // `aws configure list` names the source of the keys: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY win over a profile
      // chosen with AWS_PROFILE (botocore drops its environment provider only for a profile given with --profile)
      const list = configureList(ctx);
      if (!list?.accessKey || list.accessKey.value === '<not set>') return null;
      const prof = list.profile && list.profile.value !== '<not set>' ? list.profile : null;
      if (list.accessKey.type === 'env' && prof?.type === 'env') {
        return sig(8, fromContext(`aws configure list shows profile ${prof.value} chosen by AWS_PROFILE, but the access key taken from environment variables (Type env): AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY win over a profile chosen that way, so the call ran with those keys, not the profile's.`), 'confirmed');
      }
      if (list.accessKey.type === 'env') return sig(1.6, fromContext('aws configure list shows the access key taken from environment variables (Type env): AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY override every profile not given with --profile.'));
      return null;
    },
    (ctx) => {
      if (has(ctx, 'cloud9')) return sig(3, fromMessage('Cloud9 AWS managed temporary credentials are in use: they refuse IAM and STS calls and expire; turn them off and use your own credentials.'));
      if (!shownAsMeant(ctx) && has(ctx, 'aws_profile', '--profile', 'source_profile', 'credential_source', 'role_arn', 'aws_access_key_id', 'aws_session_token', 'aws_security_token', 'self-hosted')) {
        return sig(1.4, fromMessage('The output mentions profiles or credential variables: check which source the SDK picked.'));
      }
      return null;
    },
    (ctx) => {
      if (!shownAsMeant(ctx)) return null;
      return sig(0.25, fromContext(`aws sts get-caller-identity in the paste shows the identity in use (${callerShownByCli(ctx)}), and nothing in the text says another one was meant: the credentials were already checked.`));
    },
    (ctx) => {
      const dec = ctx.evaluation?.decision;
      if (ctx.policies.length && (dec === 'explicit-deny' || dec === 'implicit-deny')) {
        return sig(0.5, fromPolicy('The pasted policies already refuse this caller, which explains the error without other credentials being involved.', 0));
      }
      return null;
    },
    (ctx) => {
      const d = ctx.parsed.deny;
      if (d.kind === 'explicit' || (d.policyType && d.policyType !== 'identity-based')) {
        return sig(0.4, fromMessage('The message names the policy that refused the call, which points at that policy rather than at the credentials.'));
      }
      return null;
    },
  ],
  confirm: confirmWho,
  fix: {
    description: 'Make the tool use the intended identity: unset stray variables (they override every profile), select the right profile, or remove the role_arn / credential_source that makes the profile assume something else. On CI runners and nodes, check which credentials the job or pod really gets.',
    notes: [{
      text: 'AWS saw an anonymous caller: the request went out unsigned, with no credentials at all — have the client sign it with SigV4 (an AWS SDK, or an HTTP client set up for AWS IAM auth) rather than changing profiles.',
      when: (ctx) => ctx.parsed.caller?.type === 'anonymous',
    }],
    commands: ['unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_SECURITY_TOKEN', 'export AWS_PROFILE={callerProfile}', 'aws sts get-caller-identity'],
  },
  docs: [CLI_ENV, CLI_FILES],
};

const expired: CauseDefinition = {
  id: 'expired-token',
  title: 'The calling credentials have expired',
  summary: 'The temporary credentials that signed the call (a role session, SSO or MFA session) are past their expiration, so AWS rejects them before evaluating any policy. Long jobs that cache one session hit this after an hour.',
  family: 'credentials',
  prior: 0.25,
  specificity: 1,
  gate: { codes: EXPIRED_CODES, phrases: EXPIRED },
  appliesTo: isExpired,
  signals: [
    (ctx) => {
      if (webTokenExpired(ctx)) return sig(0.3, fromMessage('It is the web identity token (the OIDC JWT) that expired, not the AWS credentials.'));
      // AssumeRoleWithSAML is not signed with AWS credentials: its ExpiredToken is about the assertion (STS API reference)
      if (isSaml(ctx)) return sig(0.3, fromMessage('AssumeRoleWithSAML is not signed with AWS credentials: its ExpiredToken means the SAML assertion is expired or not valid.'));
      if (has(ctx, 'request has expired') && has(ctx, 'x-amz-expires', 'presign', 'x-amz-signature')) {
        // s3-presigned-url-expired is the precise cause; this one stays in play for the signing credentials
        return sig(8, fromMessage('S3 says the request has expired: the presigned URL is past its X-Amz-Expires, or the credentials that signed it expired first (a URL signed with role credentials dies with the session).'));
      }
      if (has(ctx, 'signature expired', 'requestexpired', 'request has expired', 'requesttimetooskewed')) {
        return sig(8, fromMessage('AWS says the request signature has expired: the signing time is too old — the local clock is off, or a signed request was replayed late.'));
      }
      // the CLI's and SDKs' own words when the cached Identity Center token is past its end: nothing was sent to AWS
      if (has(ctx, 'token from sso', 'sso token', 'sso access token', 'ssotokenprovider')) {
        return sig(50, fromMessage('The IAM Identity Center (SSO) sign-in the CLI or SDK cached has expired and could not be refreshed, so no call reached AWS: sign in again.'));
      }
      return sig(50, fromMessage('AWS says the security token included in the request is expired: the temporary credentials must be refreshed.'));
    },
    (ctx) => {
      if (has(ctx, 'sso login', 'sso session', 'aws sso', 'sso_', 'identity center', 'token from sso', 'sso token', 'ssotokenprovider')) return sig(1.2, fromMessage('The credentials come from IAM Identity Center (SSO): run aws sso login again.'));
      if (isAssumeFamily(ctx) && !isSaml(ctx) && !isWebIdentity(ctx)) return sig(1.1, fromMessage('The expired credentials were the ones calling STS: the source session must be refreshed before assuming the next role.'));
      return null;
    },
  ],
  confirm: [
    { description: 'Fails the same way while the credentials are expired.', command: 'aws sts get-caller-identity --profile {callerProfile}' },
    { description: 'See whether exported variables (which never refresh themselves) provide the credentials.', command: "env | grep '^AWS_' | cut -d= -f1" },
  ],
  fix: {
    description: 'Get fresh credentials (aws sso login, or re-run the assume step), unset exported session variables that shadow a self-refreshing profile, and let long jobs use a provider that refreshes (role_arn + source_profile in the config file, the SDK\'s refreshable credentials) instead of one exported session.',
    commands: ['aws sso login --profile {callerProfile}', 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN'],
  },
  docs: [STS_ERRORS, 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html'],
};

/**
 * What AWS said about the credentials, in the words the paste holds: a request that carried no token at all, an
 * access key id AWS has no record of, and EC2's AuthFailure each say something else than "the security token included
 * in the request is invalid" (InvalidClientTokenId, UnrecognizedClientException), which is the default.
 */
function invalidWording(ctx: CauseContext): string {
  if (codeIs(ctx, 'MissingAuthenticationToken') || has(ctx, 'missingauthenticationtoken', 'missing authentication token')) {
    return 'AWS says the request carried no authentication token: it was sent unsigned, so no key was read — the tool found no credentials to sign with (or was set to send anonymous requests).';
  }
  if (codeIs(ctx, 'InvalidAccessKeyId') || has(ctx, 'access key id you provided does not exist')) {
    return 'AWS says the access key id does not exist in its records: the key was deleted or mistyped, or is a temporary key (ASIA…) used without its session token or after its session ended.';
  }
  if (codeIs(ctx, 'AuthFailure') || has(ctx, 'not able to validate the provided access credentials')) {
    return 'AWS says it could not validate the provided access credentials: the key is unknown, deactivated, or its session token is missing or from another session.';
  }
  if (codeIs(ctx, 'IncompleteSignature')) {
    return 'AWS says the request signature is incomplete: the Authorization header lacks a part SigV4 needs (a client that builds the signature itself, or a proxy that rewrote the headers).';
  }
  if (has(ctx, 'the provided token is malformed')) {
    return 'AWS says the provided token is malformed: the session token is cut short, quoted or otherwise altered, or belongs to another kind of credential.';
  }
  return 'AWS says the security token included in the request is invalid: the access key (or its session token) is unknown to AWS.';
}

const invalid: CauseDefinition = {
  id: 'invalid-token',
  title: 'AWS does not recognise the calling credentials',
  summary: 'The access key is unknown or malformed — deleted or deactivated, mistyped, a temporary key sent without its session token (or with another one), a wrong secret key — so AWS rejects the call before evaluating any policy (InvalidClientTokenId, SignatureDoesNotMatch).',
  family: 'credentials',
  prior: 0.2,
  specificity: 1,
  gate: { codes: INVALID_CODES, phrases: INVALID },
  appliesTo: isInvalid,
  signals: [
    (ctx) => {
      // API Gateway's body and its x-amzn-ErrorType MissingAuthenticationTokenException are about the URL, not a key
      if (ctx.parsed.shape === 'apigw-missing-auth-token') return sig(0.2, fromMessage('API Gateway answers "Missing Authentication Token" for a URL no deployed method matches, without reading any key; only an IAM-authorized method that got an unsigned request answers it about credentials.'));
      if (has(ctx, 'signaturedoesnotmatch', 'request signature we calculated does not match')) {
        return sig(30, fromMessage('The signature does not match: the secret access key does not belong to the access key id (or the request was altered).'));
      }
      return sig(50, fromMessage(invalidWording(ctx)));
    },
    (ctx) => {
      if (has(ctx, 'aws_security_token')) return sig(1.5, fromMessage('AWS_SECURITY_TOKEN is mentioned: some tools read only AWS_SESSION_TOKEN, so temporary keys go out without their token.'));
      return null;
    },
    (ctx) => {
      const r = regionOf(ctx);
      if (r && OPT_IN_REGIONS.has(r)) return sig(0.15, fromMessage(`The call went to ${r}, an opt-in Region, where (v1) tokens from the global STS endpoint are not valid — more likely than a bad key when the same credentials work elsewhere.`));
      const only = r ? null : onlyOptInRegion(ctx);
      if (only) return sig(0.15, fromContext(`The only Region the text names is ${only}, an opt-in Region, where (v1) tokens from the global STS endpoint are not valid and which may not be enabled for the account — more likely than a bad key when the same credentials work elsewhere.`));
      return null;
    },
  ],
  confirm: [
    { description: 'Fails the same way with the same credentials.', command: 'aws sts get-caller-identity --profile {callerProfile}' },
    { description: 'List the AWS_* variables set (names only): temporary keys need AWS_SESSION_TOKEN from the same session.', command: "env | grep '^AWS_' | cut -d= -f1" },
    { description: 'Check the key\'s status from a working identity in the same account (Inactive or missing keys are refused).', command: 'aws iam list-access-keys --user-name {callerUserName}' },
  ],
  fix: {
    description: 'Use a valid, active key pair: for temporary credentials set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the same session; create a new access key if the old one was deleted or deactivated; refresh secrets stored in CI.',
    notes: [{
      text: 'A request with no authentication token was not signed at all: check first that the tool finds credentials (aws configure list in its environment; a plugin or SDK client set to anonymous or to empty keys sends none).',
      when: (ctx) => ctx.parsed.shape !== 'apigw-missing-auth-token' && (codeIs(ctx, 'MissingAuthenticationToken') || has(ctx, 'missingauthenticationtoken')),
    }],
    commands: ['unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_SECURITY_TOKEN', 'aws configure --profile {callerProfile}'],
  },
  docs: [STS_ERRORS, CLI_ENV],
};

const regionDisabled: CauseDefinition = {
  id: 'sts-region-disabled',
  title: 'STS is not active in this Region for the account that issues the credentials',
  summary: 'The client called a Regional STS endpoint that is deactivated for the account asked to issue the credentials (the role\'s account), or the account is new and the Region not yet ready. STS answers RegionDisabledException (HTTP 403).',
  family: 'credentials',
  prior: 0.12,
  specificity: 2,
  gate: { codes: ['RegionDisabled'], phrases: ['sts is not activated', 'regiondisabled', 'not activated in this region'] },
  appliesTo: (ctx) => codeIs(ctx, 'RegionDisabled') || has(ctx, 'sts is not activated', 'regiondisabled', 'not activated in this region'),
  signals: [
    (ctx) => {
      const acct = tokenAfter(ctx, 'for account:', '.');
      return sig(60, fromMessage(`STS is not activated in the requested Region${acct ? ` for account ${acct}` : ''}: activate it in that account's IAM account settings, or use another Regional endpoint.`));
    },
    (ctx) => {
      const r = regionOf(ctx);
      if (r && OPT_IN_REGIONS.has(r)) return sig(1.2, fromMessage(`${r} is an opt-in Region: it must be enabled in both the caller's and the role's account.`));
      return null;
    },
  ],
  confirm: [
    { description: 'For an opt-in Region: is it enabled for the account?', command: 'aws account get-region-opt-status --region-name {region}' },
    { description: 'Reproduce against that Regional endpoint (fails while STS is deactivated there).', command: 'aws sts get-caller-identity --region {region} --endpoint-url https://sts.{region}.amazonaws.com' },
  ],
  fix: {
    description: 'In the account that owns the role, activate the Region in IAM > Account settings > Security Token Service (STS) > Endpoints (for opt-in Regions also enable the Region in both accounts) — or point the client at a Regional STS endpoint that is active.',
    commands: ['export AWS_STS_REGIONAL_ENDPOINTS=regional AWS_REGION=<an-active-region>'],
  },
  docs: [STS_REGIONS],
};

const OPT_IN_WORDING = ['you are not subscribed to this service', 'in order to use this aws marketplace product you need to accept terms and subscribe', 'optinrequired'];
const MARKETPLACE_TERMS = 'aws marketplace product you need to accept terms';

const optInRequired: CauseDefinition = {
  id: 'opt-in-required',
  title: 'The account has not opted in: a Marketplace product\'s terms, the account\'s activation, or the Region',
  summary: 'EC2 and other services answer OptInRequired before any policy is read when the account has not subscribed to what the call needs: an AWS Marketplace product whose terms were never accepted (launching its AMI), an account whose activation or verification is not finished ("You are not subscribed to this service"), or an opt-in Region not enabled for the account.',
  family: 'credentials',
  prior: 0.04,
  specificity: 2,
  gate: { codes: ['OptInRequired'], phrases: OPT_IN_WORDING },
  appliesTo: (ctx) => codeIs(ctx, 'OptInRequired') || has(ctx, OPT_IN_WORDING[0]!, OPT_IN_WORDING[1]!),
  signals: [
    (ctx) => {
      if (has(ctx, MARKETPLACE_TERMS)) return sig(150, fromMessage('The service says the AWS Marketplace product (the AMI being launched) needs its terms accepted and a subscription: the account has not subscribed to it.'));
      const r = regionOf(ctx);
      if (r && OPT_IN_REGIONS.has(r)) return sig(150, fromMessage(`OptInRequired from ${r}, an opt-in Region: it must be enabled for the account before anything there answers.`));
      return sig(100, fromMessage('The service says the account is not subscribed to it (OptInRequired): no policy was evaluated. A new account whose activation is not finished, or an opt-in Region not enabled for it, answers this way.'));
    },
  ],
  confirm: [
    { description: 'Whether the Region is enabled for the account (ENABLED_BY_DEFAULT / ENABLED / DISABLED).', command: 'aws account get-region-opt-status --region-name {region} --profile {callerProfile}' },
    { description: 'For a Marketplace AMI: the product code the image carries (accept that product\'s terms in the Marketplace console).', command: "aws ec2 describe-images --image-ids <ami-id> --region {region} --query 'Images[].ProductCodes' --profile {callerProfile}", when: (ctx) => has(ctx, MARKETPLACE_TERMS) },
  ],
  fix: {
    description: 'Accept the Marketplace product\'s terms and subscribe (the console link in the error), finish the account\'s activation (payment method, verification; it can take a few hours after sign-up), or enable the opt-in Region for the account.',
    commands: ['aws account enable-region --region-name {region} --profile {callerProfile}'],
  },
  docs: ['https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html', 'https://docs.aws.amazon.com/marketplace/latest/buyerguide/buyer-subscribing-to-products.html'],
};

const globalEndpoint: CauseDefinition = {
  id: 'global-endpoint-v1-token-optin-region',
  title: 'A token from the global STS endpoint is used in an opt-in Region',
  summary: 'Session tokens issued by the global endpoint (sts.amazonaws.com) are version 1 by default, valid only in Regions enabled by default; used in an opt-in Region (ap-east-1, me-south-1, af-south-1, …) they are rejected as invalid.',
  family: 'credentials',
  prior: 0.03,
  specificity: 2,
  refines: ['invalid-token'],
  gate: { codes: INVALID_CODES, phrases: INVALID },
  appliesTo: isInvalid,
  signals: [
    (ctx) => {
      const r = regionOf(ctx);
      if (r && OPT_IN_REGIONS.has(r)) return sig(60, fromMessage(`The call went to ${r}, an opt-in Region, where v1 tokens from the global STS endpoint are not valid.`));
      // a multi-command log: another Region in the text may be the failing call's (the first one seen may be a call that worked)
      const only = r ? null : onlyOptInRegion(ctx);
      if (only) return sig(60, fromContext(`The only Region the text names is ${only}, an opt-in Region, where v1 tokens from the global STS endpoint are not valid (and nothing is valid until the Region is enabled for the account).`));
      const optIn = regionsIn(ctx.text).find((x) => OPT_IN_REGIONS.has(x));
      if (optIn && r !== optIn) return sig(25, fromContext(`The text also shows a call to ${optIn}, an opt-in Region, where v1 tokens from the global STS endpoint are not valid — if the failing call went there (and calls to ${r ?? 'other Regions'} work), this is the cause.`));
      if (r) return sig(0.1, fromMessage(`The call went to ${r}, a Region enabled by default, where every STS token is valid.`));
      // S3's InvalidToken wording is about the session token alone (the key and signature passed): a
      // token not valid where it was sent, as a v1 global-endpoint token is in an opt-in Region
      if (has(ctx, 'the provided token is malformed')) return sig(3, fromMessage('S3 says the session token is malformed or otherwise invalid while the key and signature passed: a session token not valid in the bucket\'s Region (a v1 token from the global STS endpoint in an opt-in Region) gives exactly this answer; the Region is not shown.'));
      return sig(0.6, fromMessage('The Region of the call is not shown.'));
    },
    (ctx) => (has(ctx, 'authfailure', 'not able to validate the provided access credentials')
      ? sig(1.5, fromMessage('EC2 answers AuthFailure when it cannot validate the session token.'))
      : null),
    (ctx) => (has(ctx, 'globalendpointtokenversion', 'v1token') ? sig(3, fromContext('The account issues v1 global-endpoint tokens.')) : null),
  ],
  confirm: [
    { description: 'Which token version the global endpoint issues for the account (1 = valid only in default Regions).', command: 'aws iam get-account-summary --query SummaryMap.GlobalEndpointTokenVersion' },
    { description: 'Is the Region opt-in, and enabled?', command: 'aws account get-region-opt-status --region-name {region}' },
  ],
  fix: {
    description: 'Get credentials from a Regional STS endpoint (valid in every Region), or make the global endpoint issue v2 tokens.',
    commands: ['aws iam set-security-token-service-preferences --global-endpoint-token-version v2Token', 'export AWS_STS_REGIONAL_ENDPOINTS=regional'],
  },
  docs: [STS_REGIONS],
};

const RETRY_WORDS = [
  'just created', 'newly created', 'intermittent', 'sometimes works', 're-run', 'rerun', 'on retry', 'second attempt', 'eventually succeed',
  'succeeded on retry', 'retry worked', 'retrying worked', 'worked on retry', 'ran it again', 'ran again', 'apply again', 'without changing anything',
  'second time it worked', 'worked the second time', 'a few seconds later', 'minutes later it worked', 'after a minute',
];
const NOT_POLICY = (ctx: CauseContext) => isExpired(ctx) || isInvalid(ctx) || codeIs(ctx, 'ValidationError', 'RegionDisabled', 'InvalidIdentityToken', 'PackedPolicyTooLarge');

const consistency: CauseDefinition = {
  id: 'iam-eventual-consistency',
  title: 'The role or permission was created or changed moments ago and has not propagated yet',
  summary: 'IAM is eventually consistent: a role, trust policy or permission created or changed seconds ago may not be visible to every service yet. The same call succeeds on retry a little later — typical of pipelines that create a role and use it in the same run.',
  family: 'credentials',
  prior: 0.05,
  appliesTo: (ctx) => !NOT_POLICY(ctx) && (ctx.parsed.recognized || has(ctx, 'cannot be assumed')),
  signals: [
    (ctx) => {
      if (has(ctx, 'cannot be assumed by lambda', 'role defined for the function cannot be assumed')) {
        return sig(5, fromMessage('Lambda cannot assume the function\'s role yet: typical right after the role was created.'));
      }
      if (has(ctx, 'error configuring terraform aws provider', 'cannot assume iam role', 'iam role (') && has(ctx, 'cannot be assumed')) {
        return sig(8, fromMessage('The Terraform / Pulumi provider assumes the role while configuring itself, often in the same pipeline that just created the account, role or trust policy — a change seconds old is often not usable yet, and a re-run succeeds.'));
      }
      return null;
    },
    (ctx) => (has(ctx, ...RETRY_WORDS)
      ? sig(5, fromMessage('The text says the failure is recent or intermittent, or went away on a re-run.'))
      : null),
    // a Terraform / CloudFormation log that creates the role in the same run, just before the failure
    (ctx) => (has(ctx, 'aws_iam_role.') && has(ctx, 'creation complete')) || (has(ctx, 'aws::iam::role') && has(ctx, 'create_complete'))
      ? sig(3, fromMessage('The same run created the IAM role moments before the failing call.'))
      : null,
    (ctx) => {
      // a service-side assume failure: what matters is whether the role's trust allows the service
      if (isServiceAssumeFailure(ctx)) {
        const svc = serviceFromAssumeFailure(ctx) ?? (has(ctx, 'assumed by lambda') ? 'lambda.amazonaws.com' : null);
        const trusts = ctx.policies.map((p, i) => ({ p, i })).filter((x) => x.p.kind === 'trust' && x.p.valid);
        if (!svc || !trusts.length) return null;
        const allows = trusts.some((x) => x.p.statements.some((st) => st.effect === 'Allow' && st.principal?.Service.some((sv) => sv.toLowerCase() === svc)
          && (st.action ?? []).some((a) => a === '*' || a.toLowerCase() === 'sts:assumerole' || a.toLowerCase() === 'sts:*')));
        return allows
          ? sig(4, fromPolicy(`The pasted trust policy allows ${svc} to assume the role: if it is current, the role (or its trust) had not propagated yet when the service tried.`, trusts[0]!.i))
          : sig(0.3, fromPolicy(`The pasted trust policy does not allow ${svc}: waiting will not change that.`, trusts[0]!.i));
      }
      const dec = ctx.evaluation?.decision;
      if (dec === 'allow' && ctx.policies.length) {
        return sig(3, fromPolicy('The pasted policies allow this request: if they are current, a change that has not propagated yet (or a policy not pasted) explains the refusal.', 0));
      }
      if (ctx.policies.length && (dec === 'explicit-deny' || dec === 'implicit-deny')) {
        return sig(0.3, fromPolicy('The pasted policies refuse this request as they stand: waiting will not change that.', 0));
      }
      return null;
    },
  ],
  confirm: [
    {
      description: 'When was the role or its policies last changed? (CloudTrail, management events; compare with the time of the failure.)',
      command: "aws cloudtrail lookup-events --region us-east-1 --lookup-attributes AttributeKey=ResourceName,AttributeValue={targetName} --max-results 20 --query 'Events[].[EventTime,EventName]' --output table",
      when: targetIsRole,
    },
    {
      // the resource acted on is no IAM entity: the change that may not have propagated is the caller's
      description: 'When were the caller\'s role (or user) and its policies last changed? (CloudTrail, management events; compare with the time of the failure.)',
      command: "aws cloudtrail lookup-events --region us-east-1 --lookup-attributes AttributeKey=ResourceName,AttributeValue={callerIamName} --max-results 20 --query 'Events[].[EventTime,EventName]' --output table",
      when: (ctx) => !targetIsRole(ctx),
    },
  ],
  fix: {
    description: 'Retry with backoff (seconds to a minute), and keep IAM changes out of the hot path: create roles ahead of time, or wait for them explicitly in the pipeline (e.g. aws iam wait role-exists, then a short sleep).',
    commands: [{ command: 'aws iam wait role-exists --role-name {targetRoleName}', when: targetIsRole }],
  },
  docs: [TROUBLESHOOT_GENERAL],
};

const IMDS_WORDS = ['imds', 'instance metadata', '169.254.169.254', 'instance profile metadata'];
const IMDS_DOC = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html';

const notFound: CauseDefinition = {
  id: 'credentials-not-found',
  title: 'The tool found no AWS credentials at all',
  summary: 'The CLI or SDK went through its whole credential chain (environment variables, the shared config and credentials files, SSO, web identity, the container and instance metadata endpoints) and nothing returned credentials, so no request was signed or sent and no policy was evaluated.',
  family: 'credentials',
  stage: 'client',
  nothingSent: true,
  prior: 0.2,
  specificity: 1,
  gate: { phrases: [...NO_CREDS, ...NO_CREDS_MORE, NO_CREDS_DOCKER] },
  appliesTo: (ctx) => noCredentialsError(ctx) || has(ctx, ...NO_CREDS, ...NO_CREDS_MORE),
  signals: [
    (ctx) => {
      if (noCredentialsError(ctx)) {
        return sig(40, fromMessage(`${ctx.parsed.errorCode ? `${ctx.parsed.errorCode}: the` : 'The'} SDK reports that no source in its credential chain returned credentials: nothing was sent to AWS, so no policy was evaluated.`));
      }
      if (ctx.parsed.caller?.arn) return sig(0.1, fromMessage(`AWS names the caller ${ctx.parsed.caller.arn}: the failing call was signed, so the "no credentials" line in the paste is about another attempt.`));
      if (toolCouldNotAssume(ctx)) {
        return sig(20, fromMessage(`The tool reports that it could not assume the role, and AWS refused nothing: no caller, no AWS error code, no "not authorized". It also found no credentials at all, and an ${ctx.parsed.action} call must be signed with some: with nothing to sign it, the call was never sent.`));
      }
      if (ctx.parsed.action) return sig(0.4, fromMessage(`The paste also says the SDK found no credentials, but the error it is about is a refused ${ctx.parsed.action}: the missing credentials are likely its consequence (a later step that needed what the refused call should have produced).`));
      return sig(2, fromMessage('The paste reports that the SDK found no credentials in its chain.'));
    },
    (ctx) => {
      if (!has(ctx, ...IMDS_WORDS)) return null;
      // IMDS answers 404 for iam/security-credentials/ when no instance profile is attached
      if (has(ctx, 'statuscode: 404', 'status code: 404', 'status code 404', '(404)')) {
        return sig(2, fromMessage('The instance metadata service answered 404 for the role\'s credentials: it was reached, and the instance has no instance profile (no role) attached.'));
      }
      return sig(1.5, fromMessage('The chain ended at the EC2 instance metadata service without a role: the instance has no instance profile, or the call runs in a container that cannot reach IMDSv2 (with a PUT response hop limit of 1 the token never reaches a container behind a bridge network).'));
    },
    (ctx) => (has(ctx, 'terraform aws provider', 's3 backend')
      ? sig(1.2, fromMessage('Terraform found no credentials: the provider block and the S3 backend each read their own settings (profile, shared_config_files, assume_role) besides the AWS_* variables of the run.'))
      : null),
    (ctx) => (has(ctx, 'please check your action inputs', 'id-token permission', 'actions_id_token_request')
      ? sig(0.3, fromMessage('configure-aws-credentials failed before calling AWS: its own causes (the OIDC token, the role-to-assume input) come first.'))
      : null),
  ],
  confirm: [
    { description: 'Where the CLI looks for each credential setting and what it found: every row <not set> confirms the chain is empty in this shell.', command: 'aws configure list --profile {callerProfile}' },
    { description: 'List the AWS_* variables set in the failing process\'s shell (names only): with none set, a profile or a metadata endpoint must provide the credentials.', command: "env | grep '^AWS_' | cut -d= -f1" },
    { description: 'The profiles the CLI knows; the tool must be told which one to use (AWS_PROFILE or --profile) unless it is [default].', command: 'aws configure list-profiles' },
    {
      description: 'On the instance (or in the container): the instance metadata service names the instance profile\'s role, or answers 404 when there is none.',
      command: 'curl -s -H "X-aws-ec2-metadata-token: $(curl -s -X PUT http://169.254.169.254/latest/api/token -H \'X-aws-ec2-metadata-token-ttl-seconds: 60\')" http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      when: (ctx) => has(ctx, ...IMDS_WORDS),
    },
    {
      description: 'The instance\'s profile and metadata options: no IamInstanceProfile, or HttpTokens required with a hop limit of 1 for a containerized caller.',
      command: "aws ec2 describe-instances --instance-ids <instance-id> --query 'Reservations[].Instances[].[IamInstanceProfile.Arn,MetadataOptions.HttpTokens,MetadataOptions.HttpPutResponseHopLimit]'",
      when: (ctx) => has(ctx, ...IMDS_WORDS),
    },
  ],
  fix: {
    description: 'Give the process credentials the way its environment provides them: a profile (aws configure, or aws configure sso then aws sso login) selected with AWS_PROFILE; in CI, secrets or OIDC (configure-aws-credentials with id-token: write); on EC2 an instance profile (and a hop limit of 2 for containers using IMDSv2); on ECS a task role; on EKS IRSA or Pod Identity.',
    commands: [
      'aws configure --profile {callerProfile}',
      'export AWS_PROFILE={callerProfile}',
      { command: 'aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<instance-profile-name>', when: (ctx) => has(ctx, ...IMDS_WORDS) },
      { command: 'aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-put-response-hop-limit 2 --http-endpoint enabled', when: (ctx) => has(ctx, ...IMDS_WORDS) },
      'aws sts get-caller-identity',
    ],
  },
  docs: ['https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-authentication.html', 'https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html', IMDS_DOC],
};

export const causes: CauseDefinition[] = [wrongCredentials, notFound, expired, invalid, regionDisabled, globalEndpoint, optInRequired, consistency];
