/** Reading every pasted form, kind inference, and issue codes with JSON paths. */
import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../src/core/policy/index.js';
import { MAX_DEPTH } from '../../src/core/policy/read.js';
import type { PolicyInput } from '../../src/core/types.js';

const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }],
};
const identity = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] };
const bucket = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
};
const scp = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:*', Resource: '*' }] };

const formats: Array<[string, unknown, string, number]> = [
  ['a policy object', identity, 'identity', 1],
  ['policy JSON as a string', JSON.stringify(identity), 'identity', 1],
  ['URL-encoded JSON (IAM API)', encodeURIComponent(JSON.stringify(trust)), 'trust', 1],
  ['aws iam get-role (object)', { Role: { RoleName: 'deploy', Arn: 'arn:aws:iam::1:role/deploy', AssumeRolePolicyDocument: trust } }, 'trust', 1],
  ['aws iam get-role (text, URL-encoded document)', JSON.stringify({ Role: { RoleName: 'deploy', AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)) } }), 'trust', 1],
  ['aws iam get-role-policy', JSON.stringify({ RoleName: 'r', PolicyName: 'p', PolicyDocument: identity }), 'identity', 1],
  ['aws iam get-policy-version', JSON.stringify({ PolicyVersion: { Document: identity, VersionId: 'v3', IsDefaultVersion: true } }), 'identity', 1],
  ['aws organizations describe-policy (SCP)', JSON.stringify({ Policy: { PolicySummary: { Id: 'p-1', Type: 'SERVICE_CONTROL_POLICY' }, Content: JSON.stringify(scp) } }), 'scp', 1],
  ['aws organizations describe-policy (RCP)', JSON.stringify({ Policy: { PolicySummary: { Id: 'p-2', Type: 'RESOURCE_CONTROL_POLICY' }, Content: JSON.stringify(scp) } }), 'rcp', 1],
  ['aws kms get-key-policy', JSON.stringify({ Policy: JSON.stringify(bucket), PolicyName: 'default' }), 'resource', 1],
  ['aws s3api get-bucket-policy', JSON.stringify({ Policy: JSON.stringify(bucket) }), 'resource', 1],
  ['aws iam get-user-policy', JSON.stringify({ UserName: 'u', PolicyName: 'p', PolicyDocument: encodeURIComponent(JSON.stringify(identity)) }), 'identity', 1],
  ['a CloudFormation AWS::IAM::Role', { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r', AssumeRolePolicyDocument: trust } }, 'trust', 1],
  ['a Terraform aws_iam_role (state attributes)', { name: 'r', assume_role_policy: JSON.stringify(trust) }, 'trust', 1],
  ['URL-encoded twice over', encodeURIComponent(encodeURIComponent(JSON.stringify(trust))), 'trust', 1],
  ['a JSON string holding the policy (Terraform state, jq without -r)', JSON.stringify(JSON.stringify(identity)), 'identity', 1],
  ['a JSON string holding URL-encoded policy JSON', JSON.stringify(encodeURIComponent(JSON.stringify(trust))), 'trust', 1],
  ['a shell prompt around the JSON', `$ aws iam get-role --role-name deploy\n${JSON.stringify({ Role: { AssumeRolePolicyDocument: trust } }, null, 2)}\n$`, 'trust', 1],
];

describe('readPolicy: pasted formats', () => {
  it.each(formats)('%s', (_label, document, kind, statements) => {
    const p = readPolicy({ document });
    expect(p.valid).toBe(true);
    expect(p.kind).toBe(kind);
    expect(p.kindInferred).toBe(true);
    expect(p.statements).toHaveLength(statements);
    expect(p.version).toBe('2012-10-17');
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('keeps an explicit kind and name', () => {
    const p = readPolicy({ kind: 'permissions-boundary', name: 'pb', document: identity, level: 2 });
    expect([p.kind, p.kindInferred, p.name, p.level]).toEqual(['permissions-boundary', false, 'pb', 2]);
  });

  it('normalizes single values and a single statement object', () => {
    const p = readPolicy({ document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root', Service: ['a.amazonaws.com'] }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x' }, Bool: { 'aws:SecureTransport': true } } } } });
    const s = p.statements[0]!;
    expect(s.action).toEqual(['sts:AssumeRole']);
    expect(s.principal).toEqual({ wildcard: false, AWS: ['arn:aws:iam::1:root'], Service: ['a.amazonaws.com'], Federated: [], CanonicalUser: [] });
    expect(s.conditions.map((c) => [c.baseOperator, c.key, c.values])).toEqual([['StringEquals', 'sts:ExternalId', ['x']], ['Bool', 'aws:SecureTransport', ['true']]]);
    expect(p.kind).toBe('trust');
  });

  it('parses set operators and IfExists', () => {
    const p = readPolicy({ document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { 'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': ['a*'] } } }] } });
    const c = p.statements[0]!.conditions[0]!;
    expect([c.setOperator, c.baseOperator, c.ifExists]).toEqual(['ForAllValues', 'StringLike', true]);
  });

  it('tolerates comments and trailing commas with an issue', () => {
    const p = readPolicy({ document: '{\n  // deploy role\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", "Action": "s3:*", "Resource": "*", }, ],\n}' });
    expect(p.valid).toBe(true);
    expect(p.issues.map((i) => i.code)).toContain('json-comments-or-trailing-commas');
  });
});

describe('readPolicy: kind inference', () => {
  it.each([
    ['Principal + sts:AssumeRole → trust', trust, 'trust'],
    ['Principal + sts:AssumeRoleWithWebIdentity → trust', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::1:oidc-provider/x' }, Action: 'sts:AssumeRoleWithWebIdentity' }] }, 'trust'],
    ['Principal + s3 → resource', bucket, 'resource'],
    ['no Principal → identity', identity, 'identity'],
  ])('%s', (_l, document, kind) => {
    expect(readPolicy({ document }).kind).toBe(kind);
  });
});

const issueCases: Array<[string, PolicyInput, string, string | undefined]> = [
  ['unknown element', { document: { Version: '2012-10-17', Statement: [identity.Statement[0], { Effect: 'Allow', Action: '*', Resource: '*', Foo: 1 }] } }, 'unknown-element', 'Statement[1].Foo'],
  ['operator that does not exist', { document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualz: { 'aws:x': 'y' } } }] } }, 'unknown-operator', 'Statement[0].Condition.StringEqualz'],
  ['partial wildcard principal', { document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:user/dev-*' }, Action: 'sts:AssumeRole' }] } }, 'principal-partial-wildcard', 'Statement[0].Principal.AWS'],
  ['NotPrincipal in a trust policy', { kind: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::1:root' }, Action: 'sts:AssumeRole' }] } }, 'notprincipal-in-trust', 'Statement[0].NotPrincipal'],
  ['AROA unique id as principal', { document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root', 'AROA1234567890EXAMPLE'] }, Action: 'sts:AssumeRole' }] } }, 'principal-unique-id', 'Statement[0].Principal.AWS[1]'],
  ['AIDA unique id as principal', { document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'AIDAJQABLZS4A3QDU576Q' }, Action: 'sts:AssumeRole' } } }, 'principal-unique-id', 'Statement.Principal.AWS'],
  ['lower-case action in a trust policy', { kind: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'sts:assumerole' }] } }, 'trust-action-case', 'Statement[0].Action'],
  ['Version missing', { document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }, 'version-missing', 'Version'],
  ['invalid Effect', { document: { Version: '2012-10-17', Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] } }, 'invalid-effect', 'Statement[0].Effect'],
  ['Principal in an identity policy', { kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] } }, 'principal-not-allowed', 'Statement[0].Principal'],
  ['Allow in an RCP', { kind: 'rcp', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] } }, 'rcp-allow', 'Statement[0].Effect'],
  ['URL-encoded input is noted', { document: encodeURIComponent(JSON.stringify(identity)) }, 'url-encoded', undefined],
  ['URL-encoded twice is noted', { document: encodeURIComponent(encodeURIComponent(JSON.stringify(identity))) }, 'url-encoded-twice', undefined],
  ['a JSON string around the policy is noted', { document: JSON.stringify(JSON.stringify(identity)) }, 'json-string', undefined],
];

describe('readPolicy: issues with JSON paths', () => {
  it.each(issueCases)('%s', (_l, input, code, path) => {
    const p = readPolicy(input);
    const issue = p.issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(p.issues)).toBeDefined();
    if (path !== undefined) expect(issue!.path).toBe(path);
    expect(issue!.message.length).toBeGreaterThan(10);
  });

  it('a clean policy has no issues', () => {
    expect(readPolicy({ document: trust }).issues).toEqual([]);
  });
});

describe('readPolicy: never throws, bounded', () => {
  const deep = '['.repeat(50_000) + ']'.repeat(50_000);
  const deepObj = (() => {
    let o: unknown = { Statement: [] };
    for (let i = 0; i < 50_000; i++) o = { a: o };
    return o;
  })();
  const cyclic: Record<string, unknown> = { Statement: [] };
  cyclic['self'] = cyclic;
  it.each([
    ['50 000-deep JSON text', deep, 'too-deep'],
    ['50 000-deep object', deepObj, 'too-deep'],
    ['a cyclic object', cyclic, 'too-deep'],
    ['too large', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'x'.repeat(100_001), Resource: '*' }] }), 'document-too-large'],
    ['plain text', 'hello, this is not a policy', 'not-json'],
    ['broken JSON', '{"Statement": [ {"Effect": "Allow", ', 'invalid-json'],
    ['null', null, 'no-statement'],
    ['a number', 42, 'no-statement'],
    ['bad URL encoding', '%7B%E0%A4%A', 'invalid-url-encoding'],
  ])('%s', (_l, document, code) => {
    const p = readPolicy({ document });
    expect(p.valid).toBe(false);
    expect(p.issues.map((i) => i.code)).toContain(code);
  });

  it('JSON text nested exactly MAX_DEPTH deep is read, one level more is too deep', () => {
    // 80 brackets inside a string: too many to rule the depth out by counting them, so the depth scan decides
    const nested = (depth: number): string => {
      let v = '"x"';
      for (let i = 0; i < depth - 4; i++) v = `[${v}]`;
      return `{"Version": "2012-10-17", "Statement": {"Sid": "${'{['.repeat(40)}", "Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"k": ${v}}}}}`;
    };
    expect(readPolicy({ document: nested(MAX_DEPTH) }).issues.map((i) => i.code)).not.toContain('too-deep');
    expect(readPolicy({ document: nested(MAX_DEPTH + 1) }).issues.map((i) => i.code)).toContain('too-deep');
  });

  it('unknown kind falls back to inference with a warning', () => {
    const p = readPolicy({ kind: 'nonsense' as never, document: identity });
    expect(p.kind).toBe('identity');
    expect(p.issues.map((i) => i.code)).toContain('unknown-kind');
  });
});

describe('readPolicy: get-role metadata (Policy.meta)', () => {
  const getRole = {
    Role: {
      Path: '/automation/',
      RoleName: 'etl-runner',
      RoleId: 'AROAEXAMPLEID1234567',
      Arn: 'arn:aws:iam::111111111111:role/automation/etl-runner',
      CreateDate: '2024-03-01T10:00:00+00:00',
      AssumeRolePolicyDocument: trust,
      MaxSessionDuration: 7200,
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: 'arn:aws:iam::111111111111:policy/Boundary' },
    },
  };
  const cases: Array<[string, unknown]> = [
    ['object', getRole],
    ['JSON text', JSON.stringify(getRole, null, 2)],
    ['text with a shell prompt', `$ aws iam get-role --role-name etl-runner\n${JSON.stringify(getRole)}\n`],
  ];
  it.each(cases)('reads every field from get-role output (%s)', (_l, document) => {
    const p = readPolicy({ document });
    expect(p.kind).toBe('trust');
    expect(p.meta).toEqual({
      roleName: 'etl-runner',
      roleArn: 'arn:aws:iam::111111111111:role/automation/etl-runner',
      path: '/automation/',
      maxSessionDuration: 7200,
      roleId: 'AROAEXAMPLEID1234567',
      permissionsBoundaryArn: 'arn:aws:iam::111111111111:policy/Boundary',
      createDate: '2024-03-01T10:00:00+00:00',
    });
  });
  it('keeps the metadata when the trust document itself is unreadable', () => {
    const p = readPolicy({ document: { Role: { RoleName: 'r', Path: '/', AssumeRolePolicyDocument: '%7Bnot json' } } });
    expect(p.valid).toBe(false);
    expect(p.meta).toEqual({ roleName: 'r', path: '/' });
  });
  it.each([
    ['a bare document', trust],
    ['get-policy-version', { PolicyVersion: { Document: identity } }],
  ])('has no meta for %s', (_l, document) => {
    expect(readPolicy({ document }).meta).toBeUndefined();
  });
  it('reads the same fields from a CloudFormation AWS::IAM::Role and a Terraform aws_iam_role', () => {
    const cfn = readPolicy({ document: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r', Path: '/svc/', MaxSessionDuration: 3600, PermissionsBoundary: 'arn:aws:iam::1:policy/B', AssumeRolePolicyDocument: trust } } });
    expect(cfn.meta).toEqual({ roleName: 'r', path: '/svc/', maxSessionDuration: 3600, permissionsBoundaryArn: 'arn:aws:iam::1:policy/B' });
    const tf = readPolicy({ document: { name: 'r', path: '/svc/', arn: 'arn:aws:iam::111111111111:role/svc/r', unique_id: 'AROAEXAMPLE', max_session_duration: 7200, assume_role_policy: JSON.stringify(trust) } });
    expect(tf.meta).toEqual({ roleName: 'r', path: '/svc/', roleArn: 'arn:aws:iam::111111111111:role/svc/r', roleId: 'AROAEXAMPLE', maxSessionDuration: 7200 });
  });

  it('ignores malformed fields', () => {
    const p = readPolicy({ document: { Role: { Path: 'no-slashes', MaxSessionDuration: -5, RoleName: 42, AssumeRolePolicyDocument: trust } } });
    expect(p.meta).toBeUndefined();
  });
});
