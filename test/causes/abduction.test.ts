/**
 * Reasoning backwards from what AWS says (docs/decisions/016): when the message names the policy type
 * and exactly one pasted statement of that type can explain the refusal, that statement is the one,
 * its cause is confirmed and the answer reports what the call must have carried. Every input here is
 * new (not a held-out fixture); each rule is checked where it must act and where it must stay quiet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { renderHtmlAnswer } from '../../src/core/render/html.js';
import { relate } from '../../src/core/causes/abduce.js';
import { ExplanationSchema } from '../../src/http/schemas.js';
import type { ConditionOutcome, ExplainInput, Explanation, PolicyInput } from '../../src/core/types.js';

const S = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const ROLE = 'arn:aws:sts::210987654321:assumed-role/build-runner/job-8842';
const USER = 'arn:aws:iam::210987654321:user/dana';
const cli = (code: string, op: string, who: string, action: string, resource: string, tail: string) =>
  `An error occurred (${code}) when calling the ${op} operation: User: ${who} is not authorized to perform: ${action} on resource: ${resource}${tail}`;

const cause = (a: Explanation, id: string) => a.causes.find((c) => c.id === id);
const statusOf = (a: Explanation, id: string) => cause(a, id)?.status;
const evidenceOf = (a: Explanation, id: string) => (cause(a, id)?.evidence ?? []).map((e) => e.text).join('\n');

// ───────────────────────────── fixtures ─────────────────────────────

const OBJECT = 'arn:aws:s3:::ledger-exports/2026/11/report.csv';
const FULL_ACCESS = { Sid: 'FullAccess', Effect: 'Allow', Action: '*', Resource: '*' };
const REGION_DENY = {
  Sid: 'DenyOutsideEU', Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'support:*'], Resource: '*',
  Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
};
const MFA_DENY = {
  Sid: 'DenyWithoutMfa', Effect: 'Deny', Action: 's3:*', Resource: '*',
  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
};
const scpInput = (tail: string, statements: unknown[], extra: Partial<ExplainInput> = {}): ExplainInput => ({
  message: cli('AccessDenied', 'PutObject', ROLE, 's3:PutObject', OBJECT, tail),
  policies: [{ kind: 'scp', name: 'region-guard', document: S(...statements) }],
  ...extra,
});
const SCP_SAYS = ' with an explicit deny in a service control policy';

// ───────────────────────────── explicit denies, one per policy type ─────────────────────────────

describe('explicit deny: the only Deny of the named type that can match is the denying one', () => {
  it('service control policy: the Region guard, so the call went to another Region', () => {
    const a = explain(scpInput(SCP_SAYS, [FULL_ACCESS, REGION_DENY]));
    expect(a.causes[0]?.id).toBe('scp-deny');
    expect(a.causes[0]?.status).toBe('confirmed');
    const text = evidenceOf(a, 'scp-deny');
    expect(text).toContain('statement 2 "DenyOutsideEU"');
    expect(text).toContain('aws:RequestedRegion was none of eu-west-1, eu-central-1');
    expect(text).toContain('check the Region your SDK/CLI uses');
    expect(a.inferred).toEqual([{
      key: 'aws:RequestedRegion', must: 'not be one of', values: ['eu-west-1', 'eu-central-1'], orAbsent: true, operator: 'StringNotEquals',
      text: 'aws:RequestedRegion was none of eu-west-1, eu-central-1 (or the call carried no aws:RequestedRegion)',
      from: { policy: 0, statement: 1, sid: 'DenyOutsideEU', kind: 'scp', effect: 'Deny' },
    }]);
    // the evidence points at the statement (0-based in the field, 1-based in the words)
    expect(cause(a, 'scp-deny')?.evidence.find((e) => e.source === 'policy')).toMatchObject({ policy: 0, statement: 1 });
  });

  it('identity-based policy with BoolIfExists: the credentials carried MFA false, or none', () => {
    const a = explain({
      message: cli('AccessDenied', 'DeleteObject', USER, 's3:DeleteObject', OBJECT, ' with an explicit deny in an identity-based policy'),
      policies: [{ kind: 'identity', name: 'dana', document: S({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, MFA_DENY) }],
    });
    expect(statusOf(a, 'identity-explicit-deny')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'aws:MultiFactorAuthPresent', must: 'be one of', values: ['false'], orAbsent: true });
    expect(evidenceOf(a, 'identity-explicit-deny')).toContain('the credentials carried no MFA');
  });

  it('permissions boundary: a StringLike tag guard, so the instance was tagged prod*', () => {
    const a = explain({
      message: cli('UnauthorizedOperation', 'TerminateInstances', ROLE, 'ec2:TerminateInstances', 'arn:aws:ec2:eu-west-1:210987654321:instance/i-0abc12de34f567890', ' with an explicit deny in a permissions boundary'),
      policies: [{ kind: 'permissions-boundary', name: 'dev-boundary', document: S(
        { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        { Sid: 'KeepProd', Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { StringLike: { 'aws:ResourceTag/env': 'prod*' } } },
      ) }],
    });
    expect(statusOf(a, 'permissions-boundary')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'aws:ResourceTag/env', must: 'match one of', values: ['prod*'], orAbsent: false });
  });

  it('resource control policy with StringNotEqualsIfExists: the caller is outside the organization (or carries no org id)', () => {
    const a = explain({
      message: cli('AccessDenied', 'GetObject', 'arn:aws:sts::999988887777:assumed-role/partner-sync/s1', 's3:GetObject', OBJECT, ' with an explicit deny in a resource control policy'),
      policies: [{ kind: 'rcp', name: 'identity-perimeter', document: S({
        Sid: 'OrgOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-7hq2xk91ab' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
      }) }],
    });
    expect(statusOf(a, 'rcp-deny')).toBe('confirmed');
    // only the unknown condition is inferred; aws:PrincipalIsAWSService is known for a role session
    expect(a.inferred).toHaveLength(1);
    expect(a.inferred?.[0]).toMatchObject({ key: 'aws:PrincipalOrgID', must: 'not be one of', orAbsent: true, from: { kind: 'rcp', sid: 'OrgOnly' } });
  });

  it('role trust policy with Null: the call set no source identity', () => {
    const a = explain({
      message: cli('AccessDenied', 'AssumeRole', ROLE, 'sts:AssumeRole', 'arn:aws:iam::210987654321:role/audit-reader', ' with an explicit deny in the role trust policy'),
      policies: [{ kind: 'trust', document: S(
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] },
        { Sid: 'NeedSourceIdentity', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { Null: { 'sts:SourceIdentity': 'true' } } },
      ) }],
    });
    expect(statusOf(a, 'trust-explicit-deny')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'sts:SourceIdentity', must: 'be absent', values: [] });
    expect(evidenceOf(a, 'trust-explicit-deny')).toContain('pass --source-identity');
  });

  it('resource-based policy: a queue that only takes messages through one endpoint', () => {
    const a = explain({
      message: cli('AccessDenied', 'SendMessage', ROLE, 'sqs:SendMessage', 'arn:aws:sqs:eu-west-1:210987654321:ingest', ' with an explicit deny in a resource-based policy'),
      policies: [
        { kind: 'resource', name: 'ingest queue policy', document: S({
          Sid: 'EndpointOnly', Effect: 'Deny', Principal: '*', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:210987654321:ingest',
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0f1e2d3c4b5a69788' } },
        }) },
        { kind: 'identity', document: S({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) },
      ],
    });
    expect(statusOf(a, 'resource-policy-explicit-deny')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'aws:SourceVpce', must: 'not be one of', values: ['vpce-0f1e2d3c4b5a69788'], from: { policy: 0, statement: 0 } });
    expect(evidenceOf(a, 'resource-policy-explicit-deny')).toContain('did not come through those VPC endpoints');
  });

  it('session policy: a NotIpAddress guard', () => {
    const a = explain({
      message: cli('AccessDenied', 'GetObject', ROLE, 's3:GetObject', OBJECT, ' with an explicit deny in a session policy'),
      policies: [{ kind: 'session', document: S(
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Sid: 'OfficeOnly', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '198.51.100.0/24' } } },
      ) }],
    });
    expect(statusOf(a, 'session-policy')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'aws:SourceIp', must: 'not be in', values: ['198.51.100.0/24'], orAbsent: true });
  });
});

// ───────────────────────────── implicit denies ─────────────────────────────

describe('implicit deny: the only Allow of the named type that could allow had its condition false', () => {
  it('identity-based policy with MFA: mfa-required is confirmed, the call carried no MFA true', () => {
    const a = explain({
      message: cli('AccessDenied', 'PutBucketPolicy', USER, 's3:PutBucketPolicy', 'arn:aws:s3:::ledger-exports', ' because no identity-based policy allows the s3:PutBucketPolicy action'),
      policies: [{ kind: 'identity', document: S(
        { Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
        { Sid: 'AdminWithMfa', Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      ) }],
    });
    expect(a.causes[0]?.id).toBe('mfa-required');
    expect(a.causes[0]?.status).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'aws:MultiFactorAuthPresent', must: 'not be one of', values: ['true'], orAbsent: true, from: { effect: 'Allow', statement: 1 } });
    expect(evidenceOf(a, 'mfa-required')).toContain('that condition was false for this call');
  });

  it('role trust policy with an external id: externalid-missing-or-wrong is confirmed', () => {
    const a = explain({
      message: cli('AccessDenied', 'AssumeRole', ROLE, 'sts:AssumeRole', 'arn:aws:iam::543210987654:role/vendor-access', ' because no role trust policy allows the sts:AssumeRole action'),
      policies: [{ kind: 'trust', document: S({
        Sid: 'Vendor', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:role/build-runner' }, Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'k7-ledger-22' } },
      }) }],
    });
    expect(statusOf(a, 'externalid-missing-or-wrong')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'sts:ExternalId', must: 'not be one of', values: ['k7-ledger-22'], orAbsent: true });
  });

  it('an IfExists Allow that failed: the key was present with another value (no "or absent")', () => {
    const a = explain({
      message: cli('AccessDenied', 'GetObject', ROLE, 's3:GetObject', OBJECT, ' because no identity-based policy allows the s3:GetObject action'),
      policies: [{ kind: 'identity', document: S({
        Sid: 'ViaEndpoint', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ledger-exports/*',
        Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-0a0b0c0d0e0f01234' } },
      }) }],
    });
    expect(statusOf(a, 'condition-other')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'aws:SourceVpce', must: 'not be one of', orAbsent: false });
  });

  it('permissions boundary: the boundary itself is confirmed', () => {
    const a = explain({
      message: cli('AccessDenied', 'CreateRole', ROLE, 'iam:CreateRole', 'arn:aws:iam::210987654321:role/app-fn', ' because no permissions boundary allows the iam:CreateRole action'),
      policies: [{ kind: 'permissions-boundary', document: S({
        Sid: 'RolesUnderApp', Effect: 'Allow', Action: 'iam:CreateRole', Resource: '*',
        Condition: { StringEquals: { 'iam:PermissionsBoundary': 'arn:aws:iam::210987654321:policy/app-boundary' } },
      }) }],
    });
    expect(statusOf(a, 'permissions-boundary')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'iam:PermissionsBoundary', must: 'not be one of', orAbsent: true, from: { kind: 'permissions-boundary' } });
  });

  it('VPC endpoint policy: the endpoint allows only one team', () => {
    const a = explain({
      message: cli('AccessDenied', 'GetObject', ROLE, 's3:GetObject', OBJECT, ' because no VPC endpoint policy allows the s3:GetObject action'),
      policies: [{ kind: 'vpc-endpoint', document: S({
        Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ledger' } },
      }) }],
    });
    expect(statusOf(a, 'vpc-endpoint-policy-deny')).toBe('confirmed');
    expect(a.inferred?.[0]).toMatchObject({ key: 'aws:PrincipalTag/team', must: 'not be one of', values: ['ledger'] });
  });
});

// ───────────────────────────── where it must stay quiet ─────────────────────────────

describe('no inference', () => {
  it('two Denies could explain it', () => {
    const a = explain(scpInput(SCP_SAYS, [FULL_ACCESS, REGION_DENY, MFA_DENY]));
    expect(a.inferred).toEqual([]);
    expect(statusOf(a, 'scp-deny')).not.toBe('confirmed');
    expect(statusOf(a, 'scp-deny')).toBe('likely');
  });

  it('the message names no policy type', () => {
    const a = explain(scpInput('', [FULL_ACCESS, REGION_DENY]));
    expect(a.inferred).toEqual([]);
    expect(statusOf(a, 'scp-deny')).not.toBe('confirmed');
  });

  it('the only Deny\'s condition is false for this call: nothing pasted can explain it', () => {
    const a = explain(scpInput(SCP_SAYS, [FULL_ACCESS, REGION_DENY], { context: { 'aws:RequestedRegion': 'eu-west-1' } }));
    expect(a.inferred).toEqual([]);
    expect(statusOf(a, 'scp-deny')).not.toBe('confirmed');
  });

  it('the only Deny\'s condition is true for this call: confirmed as before, nothing left to infer', () => {
    const a = explain(scpInput(SCP_SAYS, [FULL_ACCESS, REGION_DENY], { context: { 'aws:RequestedRegion': 'us-east-1' } }));
    expect(a.inferred).toEqual([]);
    expect(statusOf(a, 'scp-deny')).toBe('confirmed');
    expect(evidenceOf(a, 'scp-deny')).not.toContain('AWS says an explicit deny');
  });

  it('an explicit deny message with an allow-list SCP that does not allow the call (AWS has worded a missing SCP Allow that way)', () => {
    const a = explain(scpInput(SCP_SAYS, [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }, REGION_DENY]));
    expect(a.inferred).toEqual([]);
  });

  it('an implicit deny where the one Allow has two unknown conditions: which one failed is not known', () => {
    const a = explain({
      message: cli('AccessDenied', 'PutBucketPolicy', USER, 's3:PutBucketPolicy', 'arn:aws:s3:::ledger-exports', ' because no identity-based policy allows the s3:PutBucketPolicy action'),
      policies: [{ kind: 'identity', document: S({
        Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
      }) }],
    });
    expect(a.inferred).toEqual([]);
    expect(statusOf(a, 'mfa-required')).not.toBe('confirmed');
  });

  it('the pasted copy is cut short: a statement may be missing', () => {
    const doc = JSON.stringify(S(FULL_ACCESS, REGION_DENY), null, 2);
    const a = explain({ ...scpInput(SCP_SAYS, []), policies: [{ kind: 'scp', document: doc.slice(0, doc.lastIndexOf('}') - 10) }] } as ExplainInput);
    expect(a.inferred).toEqual([]);
    expect(statusOf(a, 'scp-deny')).not.toBe('confirmed');
  });

  it('an implicit deny while a pasted Deny surely matches: the copies contradict the message', () => {
    const policies: PolicyInput[] = [{ kind: 'identity', document: S(
      { Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      { Effect: 'Deny', Action: 's3:PutBucketPolicy', Resource: '*' },
    ) }];
    const a = explain({ message: cli('AccessDenied', 'PutBucketPolicy', USER, 's3:PutBucketPolicy', 'arn:aws:s3:::ledger-exports', ' because no identity-based policy allows the s3:PutBucketPolicy action'), policies });
    expect(a.inferred).toEqual([]);
  });

  it('KMS\'s "no resource-based policy allows" (it says so when the IAM side lacks the grant too)', () => {
    const a = explain({
      message: cli('AccessDeniedException', 'Decrypt', ROLE, 'kms:Decrypt', 'arn:aws:kms:eu-west-1:210987654321:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', ' because no resource-based policy allows the kms:Decrypt action'),
      policies: [{ kind: 'resource', document: S({
        Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:role/build-runner' }, Action: 'kms:Decrypt', Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:project': 'ledger' } },
      }) }],
    });
    expect(a.inferred).toEqual([]);
  });

  it('no policies pasted: the field is an empty list', () => {
    expect(explain({ message: cli('AccessDenied', 'PutObject', ROLE, 's3:PutObject', OBJECT, SCP_SAYS) }).inferred).toEqual([]);
  });
});

// ───────────────────────────── the relation table ─────────────────────────────

describe('relate: what a condition outcome says about the value', () => {
  const o = (operator: string, values = ['a', 'b']): ConditionOutcome => ({ operator, key: 'k', values, result: 'unknown' });
  it.each([
    // operator, holds → [must, orAbsent]
    ['StringEquals', true, 'be one of', false],
    ['StringEquals', false, 'not be one of', true],
    ['StringEqualsIfExists', true, 'be one of', true],
    ['StringEqualsIfExists', false, 'not be one of', false],
    ['StringNotEquals', true, 'not be one of', true],
    ['StringNotEquals', false, 'be one of', false],
    ['StringNotEqualsIfExists', true, 'not be one of', true],
    ['StringLike', false, 'match none of', true],
    ['ArnNotLike', true, 'match none of', true],
    ['NotIpAddress', true, 'not be in', true],
    ['IpAddressIfExists', false, 'not be in', false],
    ['NumericLessThan', false, 'be at least', true],
    ['DateGreaterThan', true, 'be after', false],
    ['BoolIfExists', true, 'be one of', true],
    ['ForAnyValue:StringEquals', true, 'include one of', false],
    ['ForAnyValue:StringEquals', false, 'include none of', true],
    ['ForAllValues:StringLike', true, 'all be among', true],
    ['ForAllValues:StringLike', false, 'include a value outside', false],
    ['ForAnyValue:StringNotEquals', true, 'satisfy', false],
    ['NoSuchOperator', false, 'not satisfy', false],
  ] as const)('%s holding=%s → %s (or absent: %s)', (op, holds, must, orAbsent) => {
    expect(relate(o(op), holds)).toMatchObject({ must, orAbsent });
  });
  it('Null tests presence itself', () => {
    expect(relate(o('Null', ['true']), true)).toEqual({ must: 'be absent', values: [], orAbsent: false });
    expect(relate(o('Null', ['true']), false)).toEqual({ must: 'be present', values: [], orAbsent: false });
    expect(relate(o('Null', ['false']), true)).toEqual({ must: 'be present', values: [], orAbsent: false });
  });
});

// ───────────────────────────── the answer carries it ─────────────────────────────

describe('the answer shows it', () => {
  const a = explain(scpInput(SCP_SAYS, [FULL_ACCESS, REGION_DENY]));
  it('in the HTTP schema (nothing dropped, nothing extra)', () => {
    const body = JSON.parse(JSON.stringify(a)) as unknown;
    expect(ExplanationSchema.parse(body)).toEqual(body);
  });
  it('in Markdown, text and HTML, under the confirmed cause', () => {
    const md = renderMarkdown(a);
    const heading = md.indexOf('What the call must have carried');
    expect(heading).toBeGreaterThan(md.indexOf('#### 1.'));
    expect(heading).toBeLessThan(md.indexOf('#### 2.') < 0 ? Infinity : md.indexOf('#### 2.'));
    expect(md.slice(heading)).toContain('aws:RequestedRegion was none of eu-west-1, eu-central-1');
    expect(md.slice(heading)).toContain('statement 2 (Sid "DenyOutsideEU")');
    const txt = renderText(a);
    expect(txt).toContain('What the call must have carried (from AWS\'s own message):');
    expect(txt).toContain('aws:RequestedRegion was none of eu-west-1,');
    const html = renderHtmlAnswer(a);
    expect(html).toContain('class="evidence inferred"');
    expect(html).toContain('aws:RequestedRegion was none of eu-west-1, eu-central-1');
  });
  it('no heading when nothing was inferred', () => {
    const b = explain(scpInput(SCP_SAYS, [FULL_ACCESS, REGION_DENY, MFA_DENY]));
    expect(renderMarkdown(b)).not.toContain('What the call must have carried');
    expect(renderText(b)).not.toContain('What the call must have carried');
  });
});

// ───────────────────────────── the round-5 held-out cases that prompted it ─────────────────────────────

describe('round-5 held-out scenarios', () => {
  const load = (id: string) => {
    const dir = new URL('../fixtures/extra-scenarios-5/', import.meta.url);
    const file = readdirSync(dir).find((f) => f.startsWith(id))!;
    return JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { input: ExplainInput; expect: { top: string[] } };
  };
  it.each(['x5-05', 'x5-36'])('%s names the policy type: its one Deny is confirmed', (id) => {
    const sc = load(id);
    const a = explain(sc.input);
    expect(a.causes[0]?.id).toBe(sc.expect.top[0]);
    expect(a.causes[0]?.status).toBe('confirmed');
    expect(a.inferred).toHaveLength(1);
  });
  it.each(['x5-04', 'x5-39'])('%s names no policy type (encoded / bare message): still "likely, if"', (id) => {
    const sc = load(id);
    const a = explain(sc.input);
    expect(a.causes[0]?.id).toBe(sc.expect.top[0]);
    expect(a.causes[0]?.status).toBe('likely');
    expect(a.inferred).toEqual([]);
  });
});
