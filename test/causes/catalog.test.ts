/**
 * The catalog contract: every id of design/causes.md exists; every cause carries signals, confirm
 * commands, a fix and docs; every command template resolves the placeholders it names; and every
 * cause ranks first in at least one case (a synthetic case below, a scenario or a real message).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { catalog, firstSteps, getCause } from '../../src/core/causes/index.js';
import { definitions } from '../../src/core/causes/catalog.js';
import { deriveFacts, fillTemplate, templateNames } from '../../src/core/causes/templates.js';
import type { ExplainInput, ParsedError } from '../../src/core/types.js';
import { FAMILY_FIRST } from './family-cases.js';
const cmdOf = (c: string | { command: string }): string => (typeof c === 'string' ? c : c.command);

/** Copied from design/causes.md: the ids are a contract. */
const IDS = [
  'trust-principal-missing', 'trust-principal-user-vs-role', 'trust-principal-wrong-account', 'trust-principal-assumed-role-arn',
  'trust-principal-path-mismatch', 'trust-principal-stale-unique-id', 'trust-self-assumption-missing', 'trust-service-vs-aws-principal',
  'trust-action-mismatch', 'trust-explicit-deny',
  'identity-missing-allow', 'identity-resource-mismatch', 'identity-action-mismatch', 'identity-explicit-deny', 'permissions-boundary',
  'session-policy', 'caller-is-root-user', 'caller-is-federation-token',
  'scp-deny', 'rcp-deny', 'vpc-endpoint-policy-deny',
  'externalid-missing-or-wrong', 'mfa-required', 'mfa-code-invalid', 'condition-principalorgid', 'condition-principalarn',
  'condition-rolesessionname', 'condition-sourceidentity', 'condition-tags', 'condition-other',
  'tagsession-not-allowed', 'setsourceidentity-not-allowed', 'packed-policy-too-large',
  'duration-exceeds-max', 'role-chaining-1h-limit', 'rolesessionname-invalid',
  'role-missing-or-typo', 'rolearn-not-a-role',
  'wrong-credentials-in-use', 'expired-token', 'invalid-token', 'sts-region-disabled', 'global-endpoint-v1-token-optin-region', 'iam-eventual-consistency',
  'oidc-provider-missing', 'oidc-audience-mismatch', 'oidc-thumbprint-legacy', 'oidc-jwks-unreachable', 'oidc-sub-mismatch',
  'irsa-service-account-misconfigured', 'github-missing-id-token-permission', 'webidentity-token-expired',
  'saml-role-provider-pair', 'saml-aud-mismatch', 'saml-assertion-invalid',
  'resource-policy-missing-grant', 'resource-policy-explicit-deny', 'missing-passrole', 'resource-missing-masked',
  's3-block-public-access', 's3-object-ownership', 's3-sse-kms-permissions', 's3-requester-pays', 's3-object-lock', 's3-access-point', 's3-sse-c-blocked',
  'kms-key-policy-missing-grant', 'kms-aws-managed-key-cross-account', 'kms-grant-pending', 'kms-condition-unmet', 'kms-wrong-key-or-region',
];

/** Shell helpers some confirm commands pipe through (decoding a token, reading a workflow file). */
const SHELL_TOOLS = ['kubectl', 'gh', 'curl', 'openssl', 'eksctl', 'export', 'unset', 'env', 'jq', 'base64', 'grep', 'cut', 'printf', 'echo', 'cat', 'xmllint', 'date', 'yq'];

// ───────────────────────────── synthetic cases ─────────────────────────────

const A = '111111111111';
const B = '222222222222';
const deny = (caller: string, action: string, resource: string, tail = '') =>
  `An error occurred (AccessDenied) when calling the ${action.split(':')[1]} operation: User: ${caller} is not authorized to perform: ${action} on resource: ${resource}${tail}`;
const session = (role: string, s = 'job-1', acct = A) => `arn:aws:sts::${acct}:assumed-role/${role}/${s}`;
const role = (name: string, acct = B) => `arn:aws:iam::${acct}:role/${name}`;
const trust = (...statements: object[]) => ({ kind: 'trust' as const, document: { Version: '2012-10-17', Statement: statements } });
const identity = (...statements: object[]) => ({ kind: 'identity' as const, document: { Version: '2012-10-17', Statement: statements } });
const allowAws = (principal: string | string[], extra: object = {}) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', ...extra });
const assume = (tail = '', caller = session('ci-runner')) => deny(caller, 'sts:AssumeRole', role('deploy'), tail);

/** One small case per cause of the framework's families: the cause must rank first. */
const CASES: Record<string, ExplainInput> = {
  'trust-principal-missing': { message: assume(), policies: [trust(allowAws(role('other-role', '333333333333')))] },
  'trust-principal-user-vs-role': { message: assume(), policies: [trust(allowAws(`arn:aws:iam::${A}:user/ci-runner`))] },
  'trust-principal-wrong-account': { message: assume(), policies: [trust(allowAws(role('ci-runner', '444444444444')))] },
  'trust-principal-assumed-role-arn': { message: assume(), policies: [trust(allowAws(session('ci-runner', 'job-0')))] },
  'trust-principal-path-mismatch': {
    message: assume('', session('AWSReservedSSO_Admin_0123456789abcdef', 'ana@example.com')),
    policies: [trust(allowAws(`arn:aws:iam::${A}:role/AWSReservedSSO_Admin_0123456789abcdef`))],
  },
  'trust-principal-stale-unique-id': { message: assume(), policies: [trust(allowAws('AROAABCDEFGHIJKLMNOPQ'))] },
  'trust-self-assumption-missing': { message: deny(session('deploy', 'x', B), 'sts:AssumeRole', role('deploy')) },
  'trust-service-vs-aws-principal': {
    message: 'An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The role defined for the function cannot be assumed by Lambda.',
    policies: [trust(allowAws(`arn:aws:iam::${A}:root`))],
  },
  'trust-action-mismatch': {
    message: 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity',
    policies: [trust({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${B}:oidc-provider/token.actions.githubusercontent.com` }, Action: 'sts:AssumeRole' })],
  },
  'trust-explicit-deny': { message: assume(' with an explicit deny in the role trust policy') },
  'identity-missing-allow': { message: deny(session('app'), 'dynamodb:PutItem', `arn:aws:dynamodb:eu-west-1:${A}:table/orders`, ' because no identity-based policy allows the dynamodb:PutItem action') },
  'identity-resource-mismatch': {
    message: deny(session('app'), 'dynamodb:PutItem', `arn:aws:dynamodb:eu-west-1:${A}:table/orders`, ' because no identity-based policy allows the dynamodb:PutItem action'),
    policies: [identity({ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: `arn:aws:dynamodb:eu-west-1:${A}:table/order` })],
  },
  'identity-action-mismatch': {
    message: deny(session('app'), 'dynamodb:PutItem', `arn:aws:dynamodb:eu-west-1:${A}:table/orders`, ' because no identity-based policy allows the dynamodb:PutItem action'),
    policies: [identity({ Effect: 'Allow', Action: 'dynamodb:PutItems', Resource: '*' })],
  },
  'identity-explicit-deny': { message: deny(session('app'), 'dynamodb:PutItem', `arn:aws:dynamodb:eu-west-1:${A}:table/orders`, ' with an explicit deny in an identity-based policy') },
  'permissions-boundary': { message: deny(session('app'), 'sqs:SendMessage', `arn:aws:sqs:eu-west-1:${A}:jobs`, ' because no permissions boundary allows the sqs:SendMessage action') },
  'session-policy': { message: deny(session('app'), 'sqs:SendMessage', `arn:aws:sqs:eu-west-1:${A}:jobs`, ' because no session policy allows the sqs:SendMessage action') },
  'caller-is-root-user': { message: 'An error occurred (AccessDenied) when calling the AssumeRole operation: Roles may not be assumed by root accounts.' },
  'caller-is-federation-token': { message: assume('', `arn:aws:sts::${A}:federated-user/bob`) },
  'scp-deny': { message: deny(session('app'), 'ec2:RunInstances', `arn:aws:ec2:eu-west-1:${A}:instance/*`, ' with an explicit deny in a service control policy') },
  'rcp-deny': { message: assume(' with an explicit deny in a resource control policy') },
  'vpc-endpoint-policy-deny': { message: assume(' because no VPC endpoint policy allows the sts:AssumeRole action') },
  'externalid-missing-or-wrong': {
    message: assume(), request: { externalId: null },
    policies: [trust(allowAws(`arn:aws:iam::${A}:root`, { Condition: { StringEquals: { 'sts:ExternalId': 'vendor-123' } } }))],
  },
  'mfa-required': {
    message: assume('', `arn:aws:iam::${A}:user/ana`), request: { mfa: false },
    policies: [trust(allowAws(`arn:aws:iam::${A}:root`, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))],
  },
  'mfa-code-invalid': { message: 'An error occurred (AccessDenied) when calling the AssumeRole operation: MultiFactorAuthentication failed with invalid MFA one time pass code.' },
  'condition-principalorgid': {
    message: assume(), context: { 'aws:PrincipalOrgID': 'o-aaaaaaaaaa' },
    policies: [trust(allowAws('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-bbbbbbbbbb' } } }))],
  },
  'condition-principalarn': {
    message: assume('', `arn:aws:iam::${A}:user/ana`),
    policies: [trust(allowAws(`arn:aws:iam::${A}:root`, { Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/ci-*` } } }))],
  },
  'condition-rolesessionname': {
    message: assume(), request: { roleSessionName: 'nightly' },
    policies: [trust(allowAws(`arn:aws:iam::${A}:root`, { Condition: { StringLike: { 'sts:RoleSessionName': 'svc-*' } } }))],
  },
  'condition-sourceidentity': {
    message: assume(), request: { sourceIdentity: 'bot' },
    policies: [trust({ ...allowAws(`arn:aws:iam::${A}:root`), Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'], Condition: { StringLike: { 'sts:SourceIdentity': '*@example.com' } } })],
  },
  'condition-tags': {
    message: assume(), context: { 'aws:PrincipalTag/team': 'blue' },
    policies: [trust(allowAws(`arn:aws:iam::${A}:root`, { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } }))],
  },
  'condition-other': {
    message: assume(), context: { 'aws:SourceIp': '198.51.100.7' },
    policies: [trust(allowAws(`arn:aws:iam::${A}:root`, { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }))],
  },
  // the other families: one typical message each
  'packed-policy-too-large': { message: 'An error occurred (PackedPolicyTooLarge) when calling the AssumeRole operation: Packed policy consumes 104% of allotted space, please use smaller policy.' },
  'wrong-credentials-in-use': { message: 'An error occurred (AccessDenied) when calling the GetSessionToken operation: Cannot call GetSessionToken with session credentials' },
  'credentials-not-found': { message: 'botocore.exceptions.NoCredentialsError: Unable to locate credentials' },
  'eks-access-entry-missing': { message: 'Updated context arn:aws:eks:eu-west-1:111111111111:cluster/prod in /home/ci/.kube/config\nerror: You must be logged in to the server (Unauthorized)' },
  'bedrock-model-access-missing': { message: "botocore.errorfactory.AccessDeniedException: An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID." },
  'sso-account-assignment-missing': { message: '$ aws s3 ls --profile prod\n\nAn error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access' },
  'eks-kubernetes-permission-missing': { message: 'Error from server (Forbidden): deployments.apps is forbidden: User "arn:aws:sts::111111111111:assumed-role/ci-deployer/gha" cannot patch resource "deployments" in API group "apps" in the namespace "web"' },
  'global-endpoint-v1-token-optin-region': { message: 'An error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to validate the provided access credentials (region ap-east-1, GlobalEndpointTokenVersion v1Token)' },
  'iam-eventual-consistency': { message: `Error: error configuring Terraform AWS Provider: IAM Role (arn:aws:iam::${B}:role/deploy) cannot be assumed. Error: operation error STS: AssumeRole, https response error StatusCode: 403, api error AccessDenied: User: ${session('ci-runner')} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${B}:role/deploy (the role was just created; a re-run succeeded)`, policies: [trust(allowAws(`arn:aws:iam::${A}:root`)), identity({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })] },
  'oidc-thumbprint-legacy': { message: "An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint" },
  'irsa-service-account-misconfigured': { message: 'WebIdentityErr: failed fetching WebIdentity token: open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: no such file or directory' },
  'saml-aud-mismatch': { message: 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithSAML operation: Response does not contain the required audience.' },
  'saml-assertion-invalid': { message: 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithSAML operation: Invalid SAML Response: Response signature invalid' },
  'resource-missing-masked': { message: `User: ${session('app')} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:eu-west-1:${A}:parameter/app/typo — the parameter does not exist (ParameterNotFound when read as admin)`, policies: [identity({ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' })] },
  's3-block-public-access': { message: `An error occurred (AccessDenied) when calling the PutBucketPolicy operation: User: ${session('ops')} is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::site" because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.` },
  's3-object-ownership': { message: 'upload failed: ./f.csv to s3://shared/in/f.csv An error occurred (AccessControlListNotSupported) when calling the PutObject operation: The bucket does not allow ACLs' },
  's3-requester-pays': { message: 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied (the bucket is a Requester Pays bucket; no --request-payer given)', policies: [identity({ Effect: 'Allow', Action: 's3:*', Resource: '*' })] },
  's3-object-lock': { message: 'An error occurred (AccessDenied) when calling the DeleteObject operation: Access Denied because object protected by object lock' },
  's3-access-point': { message: `An error occurred (AccessDenied) when calling the GetObject operation: User: ${session('app')} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:eu-west-1:${A}:accesspoint/reports/object/q2.csv" (access point with VPC network origin)`, policies: [identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })] },
  's3-presigned-url-expired': { message: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>900</X-Amz-Expires><Expires>2026-03-02T10:15:00Z</Expires><ServerTime>2026-03-02T11:40:09Z</ServerTime><RequestId>Q3J9XKZ7C1M4B2A8</RequestId></Error>' },
  's3-all-access-disabled': { message: 'An error occurred (AllAccessDisabled) when calling the GetObject operation: All access to this object has been disabled' },
  'cognito-guest-access-disabled': { message: 'NotAuthorizedException: Unauthenticated access is not supported for this identity pool.\n    at de_NotAuthorizedExceptionRes (/srv/app/node_modules/@aws-sdk/client-cognito-identity/dist-cjs/index.js:1431:21)' },
  'opt-in-required': { message: 'An error occurred (OptInRequired) when calling the RunInstances operation: In order to use this AWS Marketplace product you need to accept terms and subscribe. To do so please visit https://aws.amazon.com/marketplace/pp?sku=7f1e2d3c4b5a69788796a5b4c' },
  's3-sse-c-blocked': { message: 'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied because this bucket has blocked upload requests that specify Server Side Encryption with Customer provided keys (SSE-C). Please specify a different server-side encryption type' },
  'kms-key-policy-missing-grant': { message: `User: ${session('app')} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:Decrypt action`, policies: [identity({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' })] },
  'kms-aws-managed-key-cross-account': { message: `User: ${session('app', '210987654321')} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:304567891234:key/1234abcd-12ab-34cd-56ef-1234567890ab (the secret is encrypted with alias/aws/secretsmanager)` },
  'kms-grant-pending': { message: `User: ${session('app')} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab — the KMS grant was just created by CreateGrant; it works on retry a few minutes later`, policies: [identity({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' })] },
  'kms-condition-unmet': { message: `User: ${session('app')} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab (the key policy requires kms:EncryptionContext and kms:ViaService)`, policies: [identity({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' })] },
  'kms-wrong-key-or-region': { message: `An error occurred (NotFoundException) when calling the Decrypt operation: Key 'arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist` },
  's3-sse-kms-permissions': { message: `An error occurred (AccessDenied) when calling the GetObject operation: User: ${session('app')} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:Decrypt action`, policies: [identity({ Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*' })] },
};

// ───────────────────────────── other cases: scenarios and real messages ─────────────────────────────

const corpus = join(import.meta.dirname, '../fixtures/corpus');
const scenarioInputs: ExplainInput[] = readdirSync(join(corpus, 'scenarios')).filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(join(corpus, 'scenarios', f), 'utf8')) as { input: ExplainInput }).input);
const realInputs: ExplainInput[] = readFileSync(join(corpus, 'real-errors.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => ({ message: (JSON.parse(l) as { text: string }).text }));

const firstLive = (input: ExplainInput) => explain(input).causes.find((c) => c.status !== 'ruled-out')?.id;
const firsts = new Set([...scenarioInputs, ...realInputs].map(firstLive));

// ───────────────────────────── tests ─────────────────────────────

describe('catalog', () => {
  it.each(IDS.map((id) => [id]))('has %s', (id) => {
    expect(definitions.some((d) => d.id === id)).toBe(true);
    expect(getCause(id)?.id).toBe(id);
  });

  it('has no duplicate or unknown-shaped ids', () => {
    const ids = definitions.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(catalog.map((c) => c.id)).toEqual(ids);
  });

  describe.each(definitions.map((d) => [d.id, d] as const))('%s', (_id, d) => {
    it('carries a title, summary, prior, signals, confirm commands, a fix and docs', () => {
      expect(d.title.length).toBeGreaterThan(10);
      expect(d.summary.length).toBeGreaterThan(20);
      expect(d.prior).toBeGreaterThan(0);
      expect(d.signals.length).toBeGreaterThanOrEqual(1);
      expect(d.confirm.length).toBeGreaterThanOrEqual(1);
      expect(d.fix.description.length).toBeGreaterThan(10);
      expect(d.fix.commands.length + (d.fix.correctPolicy ? 1 : 0)).toBeGreaterThanOrEqual(1);
      expect(d.docs.length).toBeGreaterThanOrEqual(1);
      for (const url of d.docs) expect(url).toMatch(/^https:\/\//);
      for (const r of d.refines ?? []) expect(definitions.some((x) => x.id === r), `refines unknown ${r}`).toBe(true);
    });

    it('uses only real AWS CLI commands', () => {
      for (const c of [...d.confirm.map((x) => x.command), ...d.fix.commands.map(cmdOf)]) {
        if (c.startsWith('<')) continue;
        const tool = c.split(' ')[0] ?? '';
        expect(c.startsWith('aws ') || c.includes('| aws ') || c.includes('$(aws ') || SHELL_TOOLS.includes(tool), c).toBe(true);
        // an aws command names a service and an operation: `aws <service> <operation>`
        for (const m of c.matchAll(/(?:^|[|(;&] ?)aws ([a-z0-9-]+) ([a-z0-9-]+)/g)) if (m[1] !== 'configure') expect(m[2], c).toMatch(/^[a-z][a-z0-9-]+$/);
      }
    });

    it('resolves every placeholder it names when the facts exist', () => {
      const facts = Object.fromEntries(
        [...d.confirm.flatMap((c) => [c.command, c.description]), ...d.fix.commands.map(cmdOf), d.fix.description]
          .flatMap(templateNames).map((n) => [n, `VALUE-${n}`]),
      );
      for (const t of [...d.confirm.map((c) => c.command), ...d.fix.commands.map(cmdOf)]) {
        const out = fillTemplate(t, facts);
        expect(out).not.toMatch(/\{[A-Za-z][A-Za-z0-9]*\}/);
        for (const n of templateNames(t)) expect(out).toContain(`VALUE-${n}`);
      }
    });

    it('leaves a clear <placeholder>, never an empty value, when a fact is missing', () => {
      for (const t of [...d.confirm.map((c) => c.command), ...d.fix.commands.map(cmdOf)]) {
        const out = fillTemplate(t, {});
        expect(out).not.toMatch(/\{[A-Za-z][A-Za-z0-9]*\}/);
        if (templateNames(t).length) expect(out).toMatch(/<[a-z0-9-]+>/);
      }
    });

    it('ranks first in at least one case', () => {
      // the synthetic case here and the family file's case (test/causes/family-cases.ts): each ranks it first
      const inputs = [CASES[d.id], FAMILY_FIRST[d.id]].filter((x): x is ExplainInput => !!x);
      if (inputs.length) {
        for (const input of inputs) {
          const answer = explain(input);
          const live = answer.causes.filter((c) => c.status !== 'ruled-out');
          expect(live[0]?.id, live.slice(0, 3).map((c) => `${c.id}(${c.status})`).join(', ')).toBe(d.id);
        }
      } else {
        expect(firsts.has(d.id), 'no synthetic case, scenario or real message ranks it first').toBe(true);
      }
    });
  });
});

describe('templates', () => {
  const parsed = explain({ message: deny(session('ci-runner'), 'sts:AssumeRole', role('deploy')) }).parsed;
  const facts = deriveFacts(parsed);

  it('derives names, accounts and ARNs from the error', () => {
    expect(facts).toMatchObject({
      callerAccount: A, callerRoleName: 'ci-runner', callerRoleArn: `arn:aws:iam::${A}:role/ci-runner`, sessionName: 'job-1',
      targetAccount: B, targetRoleName: 'deploy', targetRoleArn: role('deploy'), action: 'sts:AssumeRole', eventName: 'AssumeRole',
    });
  });

  it('fills the error\'s real names and leaves profiles as placeholders', () => {
    expect(fillTemplate('aws iam get-role --role-name {targetRoleName} --profile {targetProfile}', facts))
      .toBe('aws iam get-role --role-name deploy --profile <target-account-profile>');
    expect(fillTemplate('--policy-source-arn {callerPrincipalArn}', facts)).toBe(`--policy-source-arn arn:aws:iam::${A}:role/ci-runner`);
  });

  it('keeps JSON braces and quotes unsafe values', () => {
    expect(fillTemplate('{"Action":"{action}"}', facts)).toBe('{"Action":"sts:AssumeRole"}');
    expect(fillTemplate('--external-id {externalId}', { externalId: "a b'c" })).toBe("--external-id 'a b'\\''c'");
    // an unquoted * stops zsh ("no matches found") and is expanded by bash when a file matches
    expect(fillTemplate('--resource-arns {targetArn}', { targetArn: 'arn:aws:ec2:ap-southeast-2:448569557833:instance/*' })).toBe("--resource-arns 'arn:aws:ec2:ap-southeast-2:448569557833:instance/*'");
  });

  it('names missing facts clearly', () => {
    expect(fillTemplate('--role-name {targetRoleName} --bucket {bucket}', {})).toBe('--role-name <target-role-name> --bucket <bucket>');
  });
});

describe('role-missing-or-typo retries through the STS call that failed', () => {
  const fixOf = (message: string) => explain({ message }).causes.find((c) => c.id === 'role-missing-or-typo')?.fix.commands ?? [];
  it.each([
    ['AssumeRole', 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy', 'aws sts assume-role --role-arn arn:aws:iam::222222222222:role/'],
    ['AssumeRoleWithSAML', 'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML', 'aws sts assume-role-with-saml --role-arn arn:aws:iam::<target-account-id>:role/'],
    ['AssumeRoleWithWebIdentity', 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity', 'aws sts assume-role-with-web-identity --role-arn arn:aws:iam::<target-account-id>:role/'],
  ])('%s', (_op, message, start) => {
    const commands = fixOf(message);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toContain(start);
  });
});

describe('firstSteps', () => {
  const base = explain({ message: 'x' }).parsed;
  const parsed = (over: Partial<ParsedError>): ParsedError => ({ ...base, recognized: true, ...over });

  it('starts with get-caller-identity and looks the failed call up in CloudTrail', () => {
    const steps = firstSteps(parsed({ operation: 'AssumeRole', action: 'sts:AssumeRole', region: 'eu-west-1' }));
    expect(steps[0]?.command).toBe('aws sts get-caller-identity');
    expect(steps.at(-1)?.command).toBe("aws cloudtrail lookup-events --region eu-west-1 --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRole --max-results 20 --query 'Events[].CloudTrailEvent' --output text");
  });

  it.each([
    ['web identity', { operation: 'AssumeRoleWithWebIdentity', action: 'sts:AssumeRoleWithWebIdentity' }],
    ['SAML', { operation: 'AssumeRoleWithSAML', action: null }],
  ])('a %s exchange has no caller identity to show yet, and its CloudTrail event is in the role\'s account only', (_l, over) => {
    const steps = firstSteps(parsed({ ...over, region: 'us-east-2' }));
    expect(steps.map((s) => s.command)).not.toContain('aws sts get-caller-identity');
    expect(steps.at(-1)?.description).toMatch(/in the role's account/);
    expect(steps.at(-1)?.description).not.toMatch(/caller's and the role's account/);
    expect(steps.at(-1)?.command).toContain(`AttributeValue=${over.operation}`);
  });

  it('decodes the encoded blob when there is one, with the real blob', () => {
    const steps = firstSteps(parsed({ operation: 'RunInstances', encodedMessage: 'AbC-123_xyz' }));
    expect(steps.map((s) => s.command)).toContain('aws sts decode-authorization-message --encoded-message AbC-123_xyz --query DecodedMessage --output text');
  });

  it('has no decode step without a blob, and a region placeholder when the region is unknown', () => {
    const steps = firstSteps(parsed({ operation: 'GetBucketPolicy', action: 's3:GetBucketPolicy', region: null }));
    expect(steps.some((s) => s.command.includes('decode-authorization-message'))).toBe(false);
    expect(steps.at(-1)?.command).toContain('--region <region>');
    expect(steps.at(-1)?.command).toContain('AttributeValue=GetBucketPolicy');
  });

  it.each([
    ['HeadObject', 's3:GetObject'], ['PutObjectTagging', 's3:PutObjectTagging'], ['Invoke', 'lambda:InvokeFunction'], ['GetItem', 'dynamodb:GetItem'],
  ])('does not send %s (a data event) to lookup-events, which never holds data events', (operation, action) => {
    const steps = firstSteps(parsed({ operation, action, region: 'eu-west-1' }));
    expect(steps.map((s) => s.command).join('\n')).not.toContain('lookup-events');
    expect(steps.at(-1)?.description).toMatch(new RegExp(`^${operation} is a CloudTrail data event`));
    expect(steps.at(-1)?.command).toBe("aws cloudtrail describe-trails --region eu-west-1 --query 'trailList[].[Name,HomeRegion,HasCustomEventSelectors,S3BucketName]' --output text");
  });
});

describe('priors on one scale (1.0 = identity-missing-allow)', () => {
  const prior = (id: string) => definitions.find((d) => d.id === id)?.prior ?? NaN;
  it('keeps every prior in (0, 1] with identity-missing-allow the most frequent', () => {
    for (const d of definitions) expect(d.prior, d.id).toBeGreaterThan(0);
    for (const d of definitions) expect(d.prior, d.id).toBeLessThanOrEqual(1);
    expect(prior('identity-missing-allow')).toBe(1);
    expect(definitions.filter((d) => d.prior === 1).map((d) => d.id)).toEqual(['identity-missing-allow']);
  });
  it('follows the corpus order of the headline causes (NOTES.md: identity 27 > trust 18 = credentials 18 > OIDC provider 8 > KMS 6 > Region 4)', () => {
    expect(prior('trust-principal-missing')).toBeGreaterThan(prior('wrong-credentials-in-use'));
    expect(prior('wrong-credentials-in-use')).toBeGreaterThanOrEqual(prior('oidc-provider-missing'));
    expect(prior('oidc-provider-missing')).toBeGreaterThan(prior('kms-key-policy-missing-grant'));
    expect(prior('kms-key-policy-missing-grant')).toBeGreaterThan(prior('sts-region-disabled'));
  });
});
