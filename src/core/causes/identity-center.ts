/**
 * IAM Identity Center account assignments [IAM Identity Center User Guide: "Assign user access to AWS accounts";
 * Knowledge Center sso-temporary-credentials]. The CLI and SDKs get a profile's credentials with the portal's
 * GetRoleCredentials for the profile's sso_account_id and sso_role_name (the permission set's name). "An error occurred
 * (ForbiddenException) when calling the GetRoleCredentials operation: No access" means the signed-in user has no
 * assignment of that permission set in that account: the profile names another account or permission set, or the
 * assignment (to the user or a group) was removed. The SSO session itself is valid (an expired one answers
 * UnauthorizedException "Session token not found or invalid"), and no IAM policy is read.
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { codeIs, fromMessage, has, sig } from './service-util.js';

const ASSIGN_DOC = 'https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html';
const KC_DOC = 'https://repost.aws/knowledge-center/sso-temporary-credentials';

const isNoAccess = (ctx: CauseContext) =>
  codeIs(ctx, 'ForbiddenException') && has(ctx, 'no access')
  && (ctx.parsed.operation === 'GetRoleCredentials' || (ctx.parsed.action ?? '').toLowerCase() === 'sso:getrolecredentials');

/** The profile the failing command names (`--profile NAME`, `AWS_PROFILE=NAME`), when it names one. */
function profileOf(ctx: CauseContext): string | null {
  const text = (ctx.text ?? '').slice(0, 100_000);
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:--profile[ =]|\bAWS_PROFILE=)["']?([A-Za-z0-9][A-Za-z0-9_.@+-]{0,63})/g)) {
    found.add(m[1]!);
    if (found.size > 2) break;
  }
  return found.size === 1 ? [...found][0]! : null;
}

const assignmentMissing: CauseDefinition = {
  id: 'sso-account-assignment-missing',
  title: 'IAM Identity Center does not assign this user the permission set in that account',
  summary: 'The profile\'s IAM Identity Center session is valid, but the user has no assignment of the permission set the profile names (sso_role_name) in the account it names (sso_account_id): a wrong account id or permission-set name in the profile, or an assignment to the user or its group that was removed. No IAM policy decides this.',
  family: 'credentials',
  prior: 0.08,
  specificity: 2,
  gate: { codes: ['ForbiddenException'] },
  appliesTo: isNoAccess,
  signals: [
    () => sig(30, fromMessage('IAM Identity Center answered GetRoleCredentials with "No access": the sign-in is valid (an expired session gets "Session token not found or invalid"), but the user may not use that permission set in that account.')),
  ],
  confirm: [
    { description: 'The account and permission set the profile asks for.', command: 'aws configure get sso_account_id --profile {ssoProfile} && aws configure get sso_role_name --profile {ssoProfile}' },
    { description: 'The accounts and permission sets this user is assigned (from the access portal, after aws sso login).', command: 'aws sso list-account-roles --account-id <account-id> --access-token <access-token-from-~/.aws/sso/cache> --region <sso-region>' },
  ],
  fix: {
    description: 'Point the profile at an account and permission set the user is assigned (aws configure sso, or sso_account_id / sso_role_name in ~/.aws/config), or have an Identity Center administrator assign the permission set in that account to the user or one of its groups.',
    commands: [
      'aws configure sso --profile {ssoProfile}',
      'aws sso-admin create-account-assignment --instance-arn <instance-arn> --target-id <account-id> --target-type AWS_ACCOUNT --permission-set-arn <permission-set-arn> --principal-type USER --principal-id <user-id>',
    ],
  },
  docs: [ASSIGN_DOC, KC_DOC],
  facts: (ctx) => ({ ssoProfile: profileOf(ctx) }),
};

export const causes: CauseDefinition[] = [assignmentMissing];
