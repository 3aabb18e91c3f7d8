/**
 * Target role identity [aws-facts 3.G]: the RoleArn names a role that does not exist (typo,
 * case, wrong account, partition or path), or something that is not a role at all. STS answers
 * a missing role exactly like a trust refusal, so the message alone rarely proves it.
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { policyWords } from './signals.js';
import {
  actionIs, codeIs, fromMessage, fromPolicy, has, isAssumeFamily, isSaml, isWebIdentity, lower, policiesOf, sig, tokenAfter, verdictOf,
} from './service-util.js';

const TROUBLESHOOT_ROLES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_roles.html';
const ASSUME_API = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html';
const IDENTIFIERS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html';

/** Errors returned before STS looks the role up (token, Region, validation of other fields, OIDC provider). */
function preLookupError(ctx: CauseContext): boolean {
  if (codeIs(ctx, 'ExpiredToken', 'InvalidClientTokenId', 'UnrecognizedClient', 'RegionDisabled', 'SignatureDoesNotMatch', 'PackedPolicyTooLarge', 'IDPCommunicationError', 'IDPRejectedClaim')) return true;
  if (has(ctx, 'security token included in the request is', 'sts is not activated', 'durationseconds exceeds', "at 'rolesessionname'", 'no openidconnect provider',
    'incorrect token audience', 'thumbprint', 'verification key from your identity provider', 'token expired', 'id-token permission', 'could not load credentials from any providers', 'may not be assumed by root')) return true;
  return false;
}

/** STS failed to find an OIDC provider for the token's issuer in the role's account (before reading the role). */
const providerLookup = (ctx: CauseContext) => has(ctx, 'no openidconnect provider found in your account');

const NOT_ROLE_TYPES = new Set(['user', 'group', 'policy', 'instance-profile', 'root', 'assumed-role', 'oidc-provider', 'saml-provider', 'mfa', 'server-certificate']);

/** What the target ARN really names when it is not a role, or null. */
function nonRoleKind(ctx: CauseContext): string | null {
  const t = ctx.parsed.target;
  if (!t) return null;
  const arn = lower(t.arn);
  if (arn.includes(':assumed-role/')) return 'assumed-role session';
  if (arn.includes(':instance-profile/')) return 'instance profile';
  if (arn.includes(':user/')) return 'IAM user';
  if (arn.includes(':group/')) return 'IAM group';
  if (arn.includes(':policy/')) return 'IAM policy';
  if (arn.includes(':oidc-provider/') || arn.includes(':saml-provider/')) return 'identity provider';
  if (arn.endsWith(':root')) return 'account root';
  if (t.resourceType && NOT_ROLE_TYPES.has(t.resourceType)) return t.resourceType;
  if (arn.startsWith('arn:') && t.service && t.service !== 'iam' && t.service !== 'sts') return `${t.service} resource`;
  return null;
}

const assumeTargetsSomething = (ctx: CauseContext) => isAssumeFamily(ctx) && !!ctx.parsed.target?.arn;

const ARN_FIELD = ["at 'rolearn' failed to satisfy constraint", "at 'principalarn' failed to satisfy constraint"];

/** CDK found no bootstrap version parameter (`SSM parameter /cdk-bootstrap/<qualifier>/version not found`): no bootstrap stack, so no CDK roles. */
const cdkNotBootstrapped = (ctx: CauseContext) => has(ctx, '/cdk-bootstrap/') && has(ctx, 'not found', 'has the environment been bootstrapped');

const ORG_ROLE_DOC = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_create-cross-account-role.html';
const ACCOUNT_RECORD = /"Id"\s{0,20}:\s{0,20}"(\d{12})"[^{}]{0,600}?"JoinedMethod"\s{0,20}:\s{0,20}"(INVITED|CREATED)"/g;

/**
 * AssumeRole of OrganizationAccountAccessRole in an account the paste lists (organizations list-accounts /
 * describe-account) as JoinedMethod INVITED: Organizations creates that role only in accounts it creates; an invited
 * account has it only if someone created it by hand (AWS Organizations, "Creating OrganizationAccountAccessRole for an
 * invited account"). Likely, not proven: the role may have been added since. Bounded scan of the account records.
 */
function invitedAccountAccessRole(ctx: CauseContext) {
  const t = ctx.parsed.target;
  if (!isAssumeFamily(ctx) || t?.resourceType !== 'role' || t.name !== 'OrganizationAccountAccessRole' || !t.accountId) return null;
  if (!ctx.text.includes('"JoinedMethod"')) return null;
  ACCOUNT_RECORD.lastIndex = 0;
  const text = ctx.text.length > 100_000 ? ctx.text.slice(0, 100_000) : ctx.text;
  for (let m = ACCOUNT_RECORD.exec(text), n = 0; m && n < 200; m = ACCOUNT_RECORD.exec(text), n++) {
    if (m[1] !== t.accountId) continue;
    if (m[2] !== 'INVITED') return null;
    return sig(12, fromMessage(`The paste lists account ${t.accountId} with JoinedMethod INVITED: AWS Organizations creates OrganizationAccountAccessRole only in the accounts it creates, so an invited account has no such role unless someone created it there (${ORG_ROLE_DOC}).`));
  }
  return null;
}

const roleMissing: CauseDefinition = {
  id: 'role-missing-or-typo',
  title: 'The role ARN is wrong: the role does not exist there (typo, case, account, partition or path)',
  summary: 'The RoleArn does not name an existing role — a misspelled or mis-cased name, another account id, the wrong partition, a missing path, or a role that was deleted. STS answers exactly as it does for a trust refusal, so only get-role in the role\'s account tells them apart.',
  family: 'target',
  prior: 0.12,
  specificity: 1,
  appliesTo: (ctx) => {
    if (preLookupError(ctx) && !providerLookup(ctx)) return false;
    if (nonRoleKind(ctx)) return false;
    // a constraint on a roleArn field is STS's only when the text was read as a failure: another service's
    // ValidationException about its own roleArn parameter is no authorization failure (parse/message-shapes.ts)
    if (ctx.parsed.recognized && has(ctx, ...ARN_FIELD)) return true;
    if (has(ctx, 'request arn is invalid', 'access to role \'', 'nosuchentity', 'cannot be assumed', 'invalid information in one or more fields')) return true;
    return isAssumeFamily(ctx);
  },
  signals: [
    invitedAccountAccessRole,
    // STS looks the provider up in the account the RoleArn names: a wrong account id there misses it
    (ctx) => (providerLookup(ctx)
      ? sig(1.5, fromMessage('STS looks for the OIDC provider in the account named by the RoleArn: a role ARN with the wrong account id (another environment\'s role, a typo) gets this same answer even where the provider exists.'))
      : null),
    // message wording that points at the ARN itself
    (ctx) => {
      if (ctx.parsed.recognized && has(ctx, "at 'rolearn' failed to satisfy constraint")) {
        return sig(isSaml(ctx) ? 6 : 12, fromMessage('STS rejected the roleArn parameter itself (empty or malformed): the tool was not given the role ARN it should send.'));
      }
      if (has(ctx, 'request arn is invalid') && !isSaml(ctx)) return sig(8, fromMessage('STS says the request ARN is invalid: the RoleArn is malformed.'));
      if (has(ctx, 'nosuchentity', 'cannot find role', 'role does not exist', 'cannot be found')) return sig(8, fromMessage('The text says the role was not found.'));
      if (has(ctx, "access to role '")) {
        const name = tokenAfter(ctx, "access to role '", "'");
        if (name && !name.startsWith('arn:')) return sig(6, fromMessage(`The service was given the role name '${name}' where it needs the full role ARN (arn:aws:iam::<account>:role/${name}).`));
        return sig(3, fromMessage('The service refused to use the role it was given.'));
      }
      if (has(ctx, 'invalid information in one or more fields')) return sig(6, fromMessage('The console\'s switch-role form says the account or role name is wrong.'));
      // CDK reads its bootstrap stack's version parameter before it assumes the bootstrap roles: without the parameter
      // the stack (and the roles it creates) is not there — never bootstrapped with this qualifier, or deleted
      if (cdkNotBootstrapped(ctx)) {
        return sig(10, fromMessage('CDK says its bootstrap version parameter (/cdk-bootstrap/<qualifier>/version) is not found: the environment is not bootstrapped with this qualifier, or the bootstrap stack was deleted — the CDK roles it tried to assume do not exist (cdk bootstrap creates them).'));
      }
      return null;
    },
    // what the message says about why
    (ctx) => {
      const d = ctx.parsed.deny;
      if (d.kind === 'explicit') return sig(0.1, fromMessage('An explicit Deny refused the call; that is a policy decision, not a missing role.'));
      if (d.policyType && d.policyType !== 'role-trust') return sig(0.15, fromMessage(`The message names a ${policyWords(ctx, d.policyType)} as the reason, which points at that policy rather than at the role ARN.`));
      if (d.policyType === 'role-trust') return sig(0.7, fromMessage('The message names the role trust policy; a missing role gives the same text, so the ARN is still worth one check.'));
      if (ctx.parsed.target?.resourceType === 'role') return sig(2.8, fromMessage('The message names no policy type: STS returns this same text when the role does not exist or the ARN has a typo (account, name, case, path).'));
      return null;
    },
    (ctx) => (actionIs(ctx, 'sts:TagSession', 'sts:SetSourceIdentity')
      ? sig(0.3, fromMessage('STS refused the session tags / source identity, so it found the role and read its trust policy.'))
      : null),
    (ctx) => (has(ctx, 'just created', 'newly created', 'was created', 'were created')
      ? sig(0.3, fromMessage('The text says the role was just created: it exists, and a change that has not propagated yet is more likely than a wrong ARN.'))
      : null),
    // the ARN's own shape
    (ctx) => {
      const t = ctx.parsed.target;
      const arn = t?.arn ?? '';
      if (!arn) return null;
      if (!arn.startsWith('arn:') && arn.includes(':role/')) return sig(5, fromMessage(`The role ARN '${arn}' does not start with "arn:" — it is malformed.`));
      const c = ctx.parsed.caller;
      if (t?.partition && c?.partition && t.partition !== c.partition && !lower(c.arn).includes('<')) {
        return sig(5, fromMessage(`The role is in partition ${t.partition} but the caller in ${c.partition}; roles cannot be assumed across partitions.`));
      }
      const acct = t?.accountId ?? '';
      if (/^\d+$/.test(acct) && acct.length !== 12) return sig(5, fromMessage(`The account id in the role ARN, ${acct}, has ${acct.length} digits instead of 12.`));
      // a placeholder the poster wrote in place of the name (`<their role>`, `{role name}`) is a redaction, not a typo
      if (t?.name && /\s/.test(t.name) && /\s/.test(withoutPlaceholders(t.name))) return sig(4, fromMessage('The role name contains whitespace.'));
      return null;
    },
    // pasted policies
    (ctx) => {
      const trusts = policiesOf(ctx, 'trust');
      if (!trusts.length) return null;
      const target = ctx.parsed.target;
      // a pasted get-role / policy name that differs from the ARN only by case
      for (const { policy, index } of trusts) {
        const n = policy.name ?? '';
        if (target?.name && n && n !== target.name && n.toLowerCase() === target.name.toLowerCase()) {
          return sig(10, fromPolicy(`The pasted role is "${n}" but the call names "${target.name}": role names are case-sensitive when assuming.`, index));
        }
      }
      const verdicts = trusts.map((t) => verdictOf(ctx, t.index));
      if (verdicts.some((v) => v === 'allow') && ctx.evaluation?.decision === 'allow') {
        return sig(3, fromPolicy('The pasted policies allow this call, yet it failed: make sure the ARN names the role whose policies you pasted (account, path, case).', trusts[0]!.index));
      }
      if (verdicts.some((v) => v === 'implicit-deny' || v === 'explicit-deny')) {
        return sig(0.5, fromPolicy('The pasted trust policy already explains the refusal.', trusts[0]!.index));
      }
      return null;
    },
  ],
  confirm: [
    { description: 'Look the role up in the account the ARN names (NoSuchEntity: it does not exist there under this exact, case-sensitive name). Copy Role.Arn, path included.', command: 'aws iam get-role --role-name {targetRoleName} --query Role.Arn --output text --profile {targetProfile}' },
    { description: 'Find roles with a similar name (case-insensitive) in that account.', command: "aws iam list-roles --query 'Roles[].Arn' --output text --profile {targetProfile} | tr '\\t' '\\n' | grep -i {targetName}" },
    { description: 'Is the CDK bootstrap stack there (it creates the cdk-<qualifier>-* roles)?', command: 'aws cloudformation describe-stacks --stack-name CDKToolkit --query Stacks[0].StackStatus --profile {targetProfile}', when: cdkNotBootstrapped },
  ],
  fix: {
    description: 'Use the exact Arn that get-role prints — right account id, partition (arn:aws, arn:aws-cn, arn:aws-us-gov), path and case — in the tool\'s configuration; if the role was deleted, recreate it (and update every trust policy that named the old one).',
    // retry with the exact ARN through the same STS call that failed
    commands: [
      { command: 'aws sts assume-role --role-arn arn:{partition}:iam::{targetAccount}:role/<exact-role-name-with-path> --role-session-name {roleSessionName}', when: (ctx) => !isSaml(ctx) && !isWebIdentity(ctx) },
      { command: 'aws sts assume-role-with-saml --role-arn arn:{partition}:iam::{targetAccount}:role/<exact-role-name-with-path> --principal-arn <saml-provider-arn> --saml-assertion file://samlresponse.b64', when: isSaml },
      { command: 'aws sts assume-role-with-web-identity --role-arn arn:{partition}:iam::{targetAccount}:role/<exact-role-name-with-path> --role-session-name {roleSessionName} --web-identity-token file://token.jwt', when: isWebIdentity },
    ],
  },
  docs: [TROUBLESHOOT_ROLES, IDENTIFIERS],
};

const notARole: CauseDefinition = {
  id: 'rolearn-not-a-role',
  title: 'The RoleArn points at something that is not a role (a user, instance profile or session)',
  summary: 'AssumeRole only works on a :role/ ARN. The call names an IAM user, an instance profile, an assumed-role session ARN or another resource, so no trust or identity policy can make it succeed.',
  family: 'target',
  prior: 0.04,
  specificity: 2,
  appliesTo: (ctx) => assumeTargetsSomething(ctx) && nonRoleKind(ctx) !== null,
  signals: [
    (ctx) => {
      const kind = nonRoleKind(ctx);
      if (!kind) return null;
      const arn = ctx.parsed.target?.arn ?? '';
      const hint = kind === 'assumed-role session'
        ? ' Use the role ARN arn:aws:iam::<account>:role/<role-name> instead of the session ARN.'
        : kind === 'instance profile' ? ' Use the ARN of the role inside the instance profile (aws iam get-instance-profile).' : '';
      return sig(60, fromMessage(`The resource the call tries to assume, ${arn}, is an ${kind}, not a role.${hint}`));
    },
    (ctx) => {
      const c = ctx.parsed.caller?.arn;
      const t = ctx.parsed.target?.arn;
      if (c && t && c === t) return sig(1.5, fromMessage('The caller tries to "assume" itself: the configured role ARN is the caller\'s own ARN.'));
      return null;
    },
  ],
  confirm: [
    { description: 'The ARN is not a role: get-role fails with NoSuchEntity.', command: 'aws iam get-role --role-name {targetName} --profile {targetProfile}' },
    { description: 'List the roles in that account to find the one meant.', command: "aws iam list-roles --query 'Roles[].Arn' --output text --profile {targetProfile} | tr '\\t' '\\n'" },
  ],
  fix: {
    description: 'Configure the role\'s ARN (arn:aws:iam::<account>:role/<path/name>) where the tool takes the role to assume, not a user, instance-profile or session ARN.',
    commands: ['aws sts assume-role --role-arn arn:{partition}:iam::{targetAccount}:role/<role-name> --role-session-name {roleSessionName}'],
  },
  docs: [ASSUME_API, IDENTIFIERS],
};

export const causes: CauseDefinition[] = [roleMissing, notARole];

/** The text without its bracketed placeholders (`<their role>`, `{role name}`, `[account id]`); each regex is linear. */
function withoutPlaceholders(name: string): string {
  return name.replace(/<[^<>]{0,80}>/g, '').replace(/\{[^{}]{0,80}\}/g, '').replace(/\[[^[\]]{0,80}\]/g, '');
}
