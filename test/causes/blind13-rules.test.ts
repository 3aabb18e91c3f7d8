/**
 * The rules added for blind round 13 (docs/decisions/033), each tried both ways on inputs written here (none is a
 * fixture's text); every must-change case fails on the build before them (main 8e96654). The fixtures' own results
 * are in blind13.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain, parseError } from '../../src/core/index.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const V = '2012-10-17';
const causeOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id);
const statusOf = (input: ExplainInput, id: string) => causeOf(input, id)?.status;
const topOf = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;
const policy = (kind: PolicyInput['kind'], ...Statement: object[]): PolicyInput => ({ kind, document: { Version: V, Statement } });

describe('ArnEquals expands * and ? like ArnLike (IAM condition operators, ARN section)', () => {
  const msg = (role: string) => `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::204418337596:assumed-role/${role}/lee is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::590331284417:role/audit-reader`;
  const trust = policy('trust', {
    Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::204418337596:root' }, Action: 'sts:AssumeRole',
    Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::204418337596:role/ops/*/Auditor-*' } },
  });
  const ident = policy('identity', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::590331284417:role/audit/*' });
  // the role's path as `aws iam get-role --query Role.Arn` prints it above the error
  const shown = (role: string) => `$ aws iam get-role --role-name ${role} --query Role.Arn --output text\narn:aws:iam::204418337596:role/ops/eu/${role}\n${msg(role)}`;

  it('a role under the wildcard path: condition-principalarn is not confirmed, the identity Resource is what fails', () => {
    const input = { message: shown('Auditor-7'), policies: [ident, trust] };
    expect(statusOf(input, 'condition-principalarn')).not.toBe('confirmed');
    expect(topOf(input)).toBe('identity-resource-mismatch');
  });
  it('near miss — another role name under the same path: the ArnEquals pattern still fails, condition-principalarn confirmed', () => {
    const input = { message: shown('Billing-7'), policies: [ident, trust] };
    expect(statusOf(input, 'condition-principalarn')).toBe('confirmed');
  });
});

describe('a token fetched in the paste does not place the failure before STS when STS answered', () => {
  const trust = policy('trust', {
    Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::318077264519:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme-io/*' } },
  });
  const fetched = 'curl -s -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL" | jq -r .value > tok\n{\n  "aud": "https://github.com/acme-io",\n  "sub": "repo:acme-io/site:ref:refs/heads/main",\n  "iss": "https://token.actions.githubusercontent.com"\n}\n';
  it('STS\'s AccessDenied to AssumeRoleWithWebIdentity after the fetch: oidc-audience-mismatch confirmed and first', () => {
    const input = { message: `${fetched}An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity`, policies: [trust] };
    expect(statusOf(input, 'oidc-audience-mismatch')).toBe('confirmed');
    expect(topOf(input)).toBe('oidc-audience-mismatch');
  });
  it('near miss — the job could not get a token at all: the failure stays before STS', () => {
    const input = { message: 'Error: Could not load credentials from any providers\nError: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. Did you mean to set the id-token permission?', policies: [trust] };
    expect(topOf(input)).toBe('github-missing-id-token-permission');
  });
});

describe('Athena\'s "Access denied when writing output to url" is s3:PutObject on the result object', () => {
  const say = (url: string) => `{'State': 'FAILED', 'StateChangeReason': 'Access denied when writing output to url: ${url} . Please ensure you are allowed to access the S3 bucket.'}`;
  const ident = policy('identity', { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetBucketLocation'], Resource: ['arn:aws:s3:::query-out-7', 'arn:aws:s3:::query-out-7/*'] });
  it('results written to a bucket the policy does not name: identity-resource-mismatch confirmed, first', () => {
    const input = { message: say('s3://team-results-prod/q/1f2e.csv'), policies: [ident] };
    expect(statusOf(input, 'identity-resource-mismatch')).toBe('confirmed');
    expect(topOf(input)).toBe('identity-resource-mismatch');
  });
  it('near miss — results written where the policy allows: the identity policy is not what refused', () => {
    const input = { message: say('s3://query-out-7/q/1f2e.csv'), policies: [ident] };
    expect(statusOf(input, 'identity-resource-mismatch')).toBe('ruled-out');
  });
});

describe('SCPs do not affect the management account\'s users and roles', () => {
  const msg = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::701933428156:user/ops is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::366102948117:role/reader';
  const scp = (mgmt: string): PolicyInput => ({
    kind: 'scp',
    document: JSON.stringify({ Policy: { PolicySummary: { Arn: `arn:aws:organizations::${mgmt}:policy/o-k2j4h6g8f1/service_control_policy/p-77aa11bb`, Type: 'SERVICE_CONTROL_POLICY' }, Content: JSON.stringify({ Version: V, Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] }) } }),
  });
  const trust = policy('trust', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::701933428156:user/ops' }, Action: 'sts:AssumeRole' });
  it('the describe-policy ARN names the caller\'s account as the management account: scp-deny ruled out', () => {
    expect(statusOf({ message: msg, policies: [scp('701933428156'), trust] }, 'scp-deny')).toBe('ruled-out');
  });
  it('describe-organization\'s MasterAccountId is the caller\'s account: scp-deny ruled out', () => {
    const input = { message: `{"Organization": {"Id": "o-k2j4h6g8f1", "MasterAccountId": "701933428156"}}\n${msg}`, policies: [policy('scp', { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }), trust] };
    expect(statusOf(input, 'scp-deny')).toBe('ruled-out');
  });
  it('near miss — a member account caller under the same SCP: scp-deny confirmed', () => {
    expect(statusOf({ message: msg, policies: [scp('990011223344'), trust] }, 'scp-deny')).toBe('confirmed');
    const input = { message: `{"Organization": {"Id": "o-k2j4h6g8f1", "MasterAccountId": "990011223344"}}\n${msg}`, policies: [policy('scp', { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }), trust] };
    expect(statusOf(input, 'scp-deny')).toBe('confirmed');
  });
});

describe('GitLab: the job\'s id_tokens aud and a tags-only rule tell the token\'s claims', () => {
  const denied = 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity';
  const trust = (aud: string, sub: string) => policy('trust', {
    Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::583310927741:oidc-provider/gitlab.example.org' }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { 'gitlab.example.org:aud': aud }, StringLike: { 'gitlab.example.org:sub': sub } },
  });
  const ci = (rule: string) => `deploy:\n  id_tokens:\n    AWS_TOKEN:\n      aud: https://gitlab.example.org\n  rules:\n${rule}\n  script:\n    - aws sts assume-role-with-web-identity --role-arn arn:aws:iam::583310927741:role/deployer --role-session-name d --web-identity-token "$AWS_TOKEN"\n${denied}`;
  it('aud as the trust wants it: oidc-audience-mismatch ruled out', () => {
    expect(statusOf({ message: ci('    - if: $CI_COMMIT_BRANCH == "main"'), policies: [trust('https://gitlab.example.org', 'project_path:web/site:*')] }, 'oidc-audience-mismatch')).toBe('ruled-out');
  });
  it('near miss — the trust wants another aud: oidc-audience-mismatch confirmed', () => {
    expect(statusOf({ message: ci('    - if: $CI_COMMIT_BRANCH == "main"'), policies: [trust('sts.amazonaws.com', 'project_path:web/site:*')] }, 'oidc-audience-mismatch')).toBe('confirmed');
  });
  it('a tags-only job against a trust pinning ref_type:branch: oidc-sub-mismatch confirmed', () => {
    expect(statusOf({ message: ci('    - if: $CI_COMMIT_TAG'), policies: [trust('https://gitlab.example.org', 'project_path:web/site:ref_type:branch:ref:main')] }, 'oidc-sub-mismatch')).toBe('confirmed');
  });
  it('near miss — the job also runs for branches: the sub is not decided', () => {
    const rules = '    - if: $CI_COMMIT_TAG\n    - if: $CI_COMMIT_BRANCH == "main"';
    expect(statusOf({ message: ci(rules), policies: [trust('https://gitlab.example.org', 'project_path:web/site:ref_type:branch:ref:main')] }, 'oidc-sub-mismatch')).not.toBe('confirmed');
  });
});

describe('CloudWatch Logs\' "User with accountId: N" is a principal of account N, not its root user', () => {
  const msg = 'An error occurred (AccessDeniedException) when calling the PutSubscriptionFilter operation: User with accountId: 437702918345 is not authorized to perform: logs:PutSubscriptionFilter on resource: arn:aws:logs:eu-west-1:881203344756:destination:sink';
  it('the caller\'s account is read, the type stays unknown', () => {
    const c = parseError(msg).parsed.caller;
    expect(c?.accountId).toBe('437702918345');
    expect(c?.type).toBe('unknown');
    expect(parseError(msg).parsed.crossAccount).toBe(true);
  });
  it('near miss — a bare 12-digit principal ("User: 123…") is still the account\'s root', () => {
    const root = 'An error occurred (AccessDenied) when calling the GetObject operation: User: 437702918345 is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k';
    expect(parseError(root).parsed.caller?.type).toBe('root');
  });
});

describe('resource policies inside Glue\'s and CloudWatch Logs\' own outputs are read', () => {
  const glueMsg = 'User: arn:aws:sts::402218834417:assumed-role/etl/s is not authorized to perform: glue:GetDatabase on resource: arn:aws:glue:eu-west-1:771209348856:catalog because no resource-based policy allows the glue:GetDatabase action';
  const gluePolicy = (principal: string): PolicyInput => ({
    kind: 'resource',
    document: JSON.stringify({ PolicyInJson: JSON.stringify({ Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${principal}:root` }, Action: 'glue:Get*', Resource: 'arn:aws:glue:eu-west-1:771209348856:*' }] }), PolicyHash: 'h' }),
  });
  const ident = policy('identity', { Effect: 'Allow', Action: 'glue:GetDatabase', Resource: '*' });
  it('Glue get-resource-policy granting another account: resource-policy-missing-grant confirmed', () => {
    expect(statusOf({ message: glueMsg, policies: [ident, gluePolicy('118822334455')] }, 'resource-policy-missing-grant')).toBe('confirmed');
  });
  it('near miss — the same output granting the caller\'s account: resource-policy-missing-grant ruled out', () => {
    expect(statusOf({ message: glueMsg, policies: [ident, gluePolicy('402218834417')] }, 'resource-policy-missing-grant')).toBe('ruled-out');
  });
  it('Logs describe-destinations: the one destination\'s accessPolicy is the document', () => {
    const out = JSON.stringify({ destinations: [{ destinationName: 'sink', accessPolicy: JSON.stringify({ Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: '437702918345' }, Action: 'logs:PutSubscriptionFilter', Resource: '*' }] }) }] });
    const r = explain({ message: 'User with accountId: 437702918345 is not authorized to perform: logs:PutSubscriptionFilter on resource: arn:aws:logs:eu-west-1:881203344756:destination:sink', policies: [{ kind: 'resource', document: out }] });
    expect(r.policies[0]?.valid).toBe(true);
    expect(r.policies[0]?.verdict).not.toBe('unknown');
  });
});

describe('OrganizationAccountAccessRole in an invited account', () => {
  const msg = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::612093847751:user/admin is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::339014827765:role/OrganizationAccountAccessRole';
  const listed = (how: string) => `[\n  {\n    "Id": "339014827765",\n    "Name": "media",\n    "Status": "ACTIVE",\n    "JoinedMethod": "${how}"\n  }\n]\n${msg}`;
  const admin = policy('identity', { Effect: 'Allow', Action: '*', Resource: '*' });
  it('the account joined by invitation: role-missing-or-typo first', () => {
    expect(topOf({ message: listed('INVITED'), policies: [admin] })).toBe('role-missing-or-typo');
  });
  it('near miss — an account Organizations created: not raised', () => {
    expect(topOf({ message: listed('CREATED'), policies: [admin] })).not.toBe('role-missing-or-typo');
  });
});
