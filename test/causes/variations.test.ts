/**
 * Variations on the framework's families that the corpus does not hold: other wrappers, other
 * principal forms, other policy shapes. Each names the cause that must come first (among those
 * not ruled out) and the causes the pasted evidence must rule out.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const A = '123456789012';
const B = '210987654321';
const stsDeny = (caller: string, target = `arn:aws:iam::${B}:role/deploy`, tail = '') =>
  `An error occurred (AccessDenied) when calling the AssumeRole operation: User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${target}${tail}`;
const session = (role: string, acct = A, s = 'run-7') => `arn:aws:sts::${acct}:assumed-role/${role}/${s}`;
const trust = (...Statement: object[]) => ({ kind: 'trust' as const, document: { Version: '2012-10-17', Statement } });
const identity = (...Statement: object[]) => ({ kind: 'identity' as const, document: { Version: '2012-10-17', Statement } });
const allowRole = (principal: unknown, extra: object = {}) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', ...extra });

interface Case { name: string; input: ExplainInput; top: string[]; out?: string[] }

const CASES: Case[] = [
  {
    name: 'user caller, trust names the user under another path',
    input: { message: stsDeny(`arn:aws:iam::${A}:user/ops/ana`), policies: [trust(allowRole(`arn:aws:iam::${A}:user/ana`))] },
    top: ['trust-principal-path-mismatch'], out: ['trust-principal-user-vs-role', 'trust-explicit-deny'],
  },
  {
    name: 'trust trusts the caller account by bare id, caller policy lacks sts:AssumeRole',
    input: {
      message: stsDeny(session('etl')),
      policies: [trust(allowRole(A)), identity({ Effect: 'Allow', Action: 's3:*', Resource: '*' })],
    },
    top: ['identity-missing-allow'], out: ['trust-principal-missing', 'trust-explicit-deny', 'externalid-missing-or-wrong', 'identity-resource-mismatch'],
  },
  {
    name: 'caller policy allows deploy-* but the role is deployer',
    input: {
      message: stsDeny(session('etl'), `arn:aws:iam::${B}:role/deployer`),
      policies: [trust(allowRole(`arn:aws:iam::${A}:root`)), identity({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${B}:role/deploy-*` })],
    },
    top: ['identity-resource-mismatch'], out: ['trust-principal-missing', 'identity-action-mismatch'],
  },
  {
    name: 'caller policy names the role without its path',
    input: {
      message: stsDeny(session('etl'), `arn:aws:iam::${B}:role/team/deploy`),
      policies: [identity({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${B}:role/deploy` })],
    },
    top: ['identity-resource-mismatch'], out: ['identity-action-mismatch'],
  },
  {
    name: 'trust condition on source IP, known from context',
    input: {
      message: stsDeny(session('etl')), context: { 'aws:SourceIp': '10.1.2.3' },
      policies: [trust(allowRole(`arn:aws:iam::${A}:root`, { Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }))],
    },
    top: ['condition-other'], out: ['trust-principal-missing', 'externalid-missing-or-wrong', 'mfa-required', 'condition-principalorgid'],
  },
  {
    name: 'external id required, the call passed none',
    input: {
      message: stsDeny(session('scanner', A, 'scan-1')), request: { externalId: null },
      policies: [trust(allowRole(`arn:aws:iam::${A}:root`, { Condition: { StringEquals: { 'sts:ExternalId': 'tenant-42' } } }))],
    },
    top: ['externalid-missing-or-wrong'], out: ['trust-principal-missing', 'mfa-required'],
  },
  {
    name: 'external id required, unknown whether it was sent: likely, if …',
    input: {
      message: stsDeny(session('scanner', A, 'scan-1')),
      policies: [trust(allowRole(`arn:aws:iam::${A}:root`, { Condition: { StringEquals: { 'sts:ExternalId': 'tenant-42' } } }))],
    },
    top: ['externalid-missing-or-wrong'], out: ['trust-principal-missing'],
  },
  {
    name: 'MFA required and the caller is a chained role session',
    input: {
      message: stsDeny(session('jump')),
      policies: [trust(allowRole(`arn:aws:iam::${A}:root`, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))],
    },
    top: ['mfa-required'], out: ['trust-principal-missing', 'externalid-missing-or-wrong'],
  },
  {
    name: 'trust Deny for callers outside the organization, org id known',
    input: {
      message: stsDeny(session('etl')), context: { 'aws:PrincipalOrgID': 'o-other00001' },
      policies: [trust(allowRole('*'), { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-mine000001' } } })],
    },
    top: ['trust-explicit-deny'], out: ['trust-principal-missing'],
  },
  {
    name: 'explicit deny in an identity policy, no policy pasted',
    input: { message: stsDeny(session('etl'), undefined, ' with an explicit deny in an identity-based policy') },
    top: ['identity-explicit-deny'],
  },
  {
    name: 'implicit SCP denial of a service action with a permissive identity policy',
    input: {
      message: `User: ${session('app')} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/x because no service control policy allows the bedrock:InvokeModel action`,
      policies: [identity({ Effect: 'Allow', Action: '*', Resource: '*' })],
    },
    top: ['scp-deny'], out: ['identity-missing-allow', 'identity-explicit-deny', 'trust-explicit-deny'],
  },
  {
    name: 'allow-list SCP without the action',
    input: {
      message: `User: ${session('app')} is not authorized to perform: sagemaker:CreateDomain on resource: arn:aws:sagemaker:us-east-1:${A}:domain/d1 with an explicit deny in a service control policy`,
      policies: [{ kind: 'scp', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' }] } }],
    },
    top: ['scp-deny'],
  },
  {
    name: 'permissions boundary with an explicit deny, pasted',
    input: {
      message: `User: ${session('dev')} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${A}:role/x with an explicit deny in a permissions boundary`,
      policies: [{ kind: 'permissions-boundary', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*' }] } }],
    },
    top: ['permissions-boundary'], out: ['trust-explicit-deny'],
  },
  {
    name: 'near-miss action only from the message (ssm:GetParameter)',
    input: { message: `User: ${session('api')} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:eu-west-1:${A}:parameter/app/db because no identity-based policy allows the ssm:GetParameter action` },
    top: ['identity-missing-allow', 'identity-action-mismatch'],
  },
  {
    name: 'S3 ListBucket where the policy only names bucket/*',
    input: {
      message: `An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: ${session('reader')} is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::reports" because no identity-based policy allows the s3:ListBucket action`,
      policies: [identity({ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: 'arn:aws:s3:::reports/*' })],
    },
    top: ['identity-resource-mismatch'], out: ['identity-action-mismatch'],
  },
  {
    name: 'a role session re-assuming its own role (IRSA-style), message only',
    input: { message: stsDeny(session('app-irsa', B, 'botocore-session-1'), `arn:aws:iam::${B}:role/app-irsa`) },
    top: ['trust-self-assumption-missing'],
  },
  {
    name: 'a person calling a role that trusts only a service',
    input: { message: stsDeny(`arn:aws:iam::${A}:user/ana`), policies: [trust({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' })] },
    top: ['trust-service-vs-aws-principal', 'trust-principal-missing'], out: ['trust-explicit-deny', 'trust-action-mismatch'],
  },
  {
    name: 'root credentials in a boto3 traceback',
    input: { message: 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRole operation: Roles may not be assumed by root accounts.' },
    top: ['caller-is-root-user'], out: ['trust-principal-missing', 'identity-missing-allow'],
  },
  {
    name: 'session tag condition on the trust, tags known',
    input: {
      message: stsDeny(session('ci')), request: { sessionTags: { team: 'blue' } },
      policies: [trust({ ...allowRole(`arn:aws:iam::${A}:root`), Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'aws:RequestTag/team': 'red' } } })],
    },
    top: ['condition-tags'], out: ['trust-principal-missing', 'externalid-missing-or-wrong'],
  },
  {
    name: 'caller account redacted: a trust naming the same role name is taken as the caller, its condition decides',
    input: {
      message: stsDeny('arn:aws:sts::***:assumed-role/etl/run-1'), request: { externalId: null },
      policies: [trust(allowRole(`arn:aws:iam::${A}:role/etl`, { Condition: { StringEquals: { 'sts:ExternalId': 'x-1' } } }))],
    },
    top: ['externalid-missing-or-wrong'],
  },
  {
    name: 'caller account redacted: a trust naming another role still points at the principal',
    input: { message: stsDeny('arn:aws:sts::<ACCOUNT>:assumed-role/etl/run-1'), policies: [trust(allowRole(`arn:aws:iam::${A}:role/loader`))] },
    top: ['trust-principal-missing'], out: ['trust-explicit-deny', 'externalid-missing-or-wrong'],
  },
  {
    name: 'trust names the account root with two digits swapped',
    input: { message: stsDeny(session('etl')), policies: [trust(allowRole('arn:aws:iam::123456789021:root'))] },
    top: ['trust-principal-wrong-account'], out: ['trust-principal-user-vs-role', 'trust-explicit-deny'],
  },
  {
    name: 'trust names the role in the commercial partition, the caller is in GovCloud',
    input: { message: stsDeny(`arn:aws-us-gov:sts::${A}:assumed-role/etl/run-1`, `arn:aws-us-gov:iam::${B}:role/deploy`), policies: [trust(allowRole(`arn:aws:iam::${A}:role/etl`))] },
    top: ['trust-principal-wrong-account'],
  },
  {
    name: 'AssumeRole "explicit deny in a resource-based policy": the role trust policy is that resource policy',
    input: { message: stsDeny(session('pipeline-role'), undefined, ' with an explicit deny in a resource-based policy') },
    top: ['trust-explicit-deny'],
  },
];

describe('variations', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const a = explain(c.input);
    const live = a.causes.filter((x) => x.status !== 'ruled-out');
    expect(c.top, live.slice(0, 4).map((x) => `${x.id}(${x.status})`).join(', ')).toContain(live[0]?.id);
    for (const id of c.out ?? []) {
      const i = a.causes.findIndex((x) => x.id === id);
      const x = a.causes[i];
      expect(!x || x.status === 'ruled-out' || (x.status === 'unlikely' && i >= 3), `${id}: ${x?.status} at ${i + 1}`).toBe(true);
    }
  });
});

describe('the MFA serial number in mfa-required commands', () => {
  const mfaTrust = [trust(allowRole(`arn:aws:iam::${A}:root`, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))];
  const commandsOf = (message: string): string[] => {
    const c = explain({ message, policies: mfaTrust }).causes.find((x) => x.id === 'mfa-required');
    return [...(c?.confirm.map((s) => s.command) ?? []), ...(c?.fix.commands ?? [])].filter((x) => x.includes('mfa'));
  };

  it("names the caller user's account: the device is that user's", () => {
    const cmds = commandsOf(stsDeny(`arn:aws:iam::${A}:user/ana`));
    expect(cmds.some((x) => x.includes('--serial-number'))).toBe(true);
    for (const x of cmds.filter((y) => y.includes('--serial-number') || y.includes('mfa_serial'))) {
      expect(x).toContain(`arn:aws:iam::${A}:mfa/<mfa-device-name>`);
    }
  });

  it('keeps the account a placeholder behind a role session: the user is in an account the error never names', () => {
    const cmds = commandsOf(stsDeny(session('jump'))).filter((x) => x.includes('--serial-number') || x.includes('mfa_serial'));
    expect(cmds.length).toBeGreaterThan(0);
    for (const x of cmds) expect(x).toContain('arn:aws:iam::<mfa-user-account-id>:mfa/<mfa-device-name>');
  });
});
