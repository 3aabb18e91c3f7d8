/**
 * The explain orchestrator end to end: parse → read policies → evaluate → rank, with evidence
 * pointing at the pasted policy and statement, corrected documents, first steps, and no throw.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const message = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111111111111:assumed-role/build-agent/i-0abc is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/release-deployer';
const trust = {
  kind: 'trust' as const,
  name: 'release-deployer trust',
  document: { Version: '2012-10-17', Statement: [{ Sid: 'Old', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:role/legacy' }, Action: 'sts:AssumeRole' }] },
};
const identity = {
  kind: 'identity' as const,
  name: 'build-agent policy',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/release-deployer' }] },
};

describe('explain', () => {
  it('proves the trust-side cause from the pasted trust policy and rules out the caller side', () => {
    const a = explain({ message, policies: [identity, trust] });
    const top = a.causes[0]!;
    expect(top.id).toBe('trust-principal-missing');
    expect(top.status).toBe('confirmed');
    expect(top.evidence[0]).toMatchObject({ source: 'policy', policy: 1 });
    expect(a.causes.find((c) => c.id === 'identity-missing-allow')?.status).toBe('ruled-out');
    expect(a.causes.find((c) => c.id === 'trust-explicit-deny')?.status).toBe('ruled-out');
    expect(a.evaluation?.decision).toBeDefined();
  });

  it('returns the corrected trust policy: the caller\'s role added to Principal, nothing else changed', () => {
    const fix = explain({ message, policies: [identity, trust] }).causes[0]!.fix;
    expect(fix.policyIndex).toBe(1);
    expect(fix.policy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Old', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::333333333333:role/legacy', 'arn:aws:iam::111111111111:role/build-agent'] }, Action: 'sts:AssumeRole' }],
    });
    // the pasted document itself is untouched
    expect(trust.document.Statement[0]!.Principal.AWS).toBe('arn:aws:iam::333333333333:role/legacy');
  });

  it('fills confirm commands with the error\'s names, ids and ARNs', () => {
    const cmds = explain({ message }).causes.flatMap((c) => c.confirm.map((x) => x.command));
    expect(cmds).toContain("aws iam get-role --role-name release-deployer --query 'Role.{Arn:Arn,RoleId:RoleId,Trust:AssumeRolePolicyDocument}' --profile <target-account-profile>");
    expect(cmds.some((c) => c.includes('--policy-source-arn arn:aws:iam::111111111111:role/build-agent'))).toBe(true);
    for (const c of cmds) expect(c).not.toMatch(/\{[A-Za-z]+\}/);
  });

  it('ranks message-only answers without proof, and orders ruled-out causes last', () => {
    const a = explain({ message });
    expect(a.causes.some((c) => c.status === 'confirmed')).toBe(false);
    const firstOut = a.causes.findIndex((c) => c.status === 'ruled-out');
    if (firstOut >= 0) for (const c of a.causes.slice(firstOut)) expect(c.status).toBe('ruled-out');
    expect(['trust-principal-missing', 'identity-missing-allow']).toContain(a.causes[0]!.id);
  });

  it('uses request facts: a wrong external id is proven with both values in the evidence', () => {
    const a = explain({
      message,
      request: { externalId: 'abc-124' },
      policies: [{ kind: 'trust', document: { Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'abc-421' } } }] } }],
    });
    expect(a.causes[0]!.id).toBe('externalid-missing-or-wrong');
    expect(a.causes[0]!.status).toBe('confirmed');
    expect(a.causes[0]!.evidence[0]!.text).toContain('abc-421');
    expect(a.causes[0]!.evidence[0]!.text).toContain('abc-124');
  });

  it('says "likely, if …" with the passing value when a condition cannot be decided', () => {
    const a = explain({
      message,
      policies: [{ kind: 'trust', document: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } } }] } }],
    });
    const c = a.causes.find((x) => x.id === 'condition-principalorgid')!;
    expect(c.status).toBe('likely');
    expect(c.evidence.some((e) => e.text.startsWith('Likely, if') && e.text.includes('o-abc123def4'))).toBe(true);
  });

  it('gives first steps: who is calling, then the CloudTrail lookup for the failed call', () => {
    const steps = explain({ message }).firstSteps.map((s) => s.command);
    expect(steps[0]).toBe('aws sts get-caller-identity');
    expect(steps.at(-1)).toContain('AttributeKey=EventName,AttributeValue=AssumeRole');
  });

  it('never throws on junk, empty or hostile input', () => {
    const inputs = ['', 'hello', '{'.repeat(5000), `User: ${'a'.repeat(90_000)} is not authorized to perform: sts:AssumeRole on resource: *`];
    for (const m of inputs) expect(() => explain({ message: m, policies: [{ document: 'not json' }, { kind: 'trust', document: { Statement: 'x' } }], request: { externalId: null } })).not.toThrow();
  });

  it('handles many pasted statements', () => {
    const statements = Array.from({ length: 2000 }, (_, i) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${String(100000000000 + i)}:role/r${i}` }, Action: 'sts:AssumeRole', Condition: { StringLike: { 'sts:RoleSessionName': `s-${i}-*` } } }));
    const a = explain({ message, policies: [{ kind: 'trust', document: { Version: '2012-10-17', Statement: statements } }] });
    expect(a.causes[0]!.id).toBe('trust-principal-missing');
  });
});

describe('explain: what the pasted command sent reaches the evaluation', () => {
  const externalIdTrust = { kind: 'trust' as const, document: { Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }] } };
  const withCommand = (flags: string) => `$ aws sts assume-role --role-arn arn:aws:iam::222222222222:role/release-deployer --role-session-name ci ${flags}\n${message}`;
  const trustVerdict = (a: ReturnType<typeof explain>) => a.policies[0]!.verdict;

  it('--external-id decides the sts:ExternalId condition that was unknown without it', () => {
    expect(trustVerdict(explain({ message, policies: [externalIdTrust] }))).toBe('unknown');
    expect(explain({ message, policies: [externalIdTrust] }).evaluation?.missingContext).toContain('sts:ExternalId');
    expect(trustVerdict(explain({ message: withCommand('--external-id abc'), policies: [externalIdTrust] }))).toBe('allow');
    const wrong = explain({ message: withCommand('--external-id abd'), policies: [externalIdTrust] });
    expect(trustVerdict(wrong)).toBe('implicit-deny');
    expect(wrong.evaluation?.decision).toBe('implicit-deny');
    expect(wrong.evaluation?.missingContext).not.toContain('sts:ExternalId');
    // the command without --external-id passed none
    expect(trustVerdict(explain({ message: withCommand(''), policies: [externalIdTrust] }))).toBe('implicit-deny');
    expect(explain({ message: withCommand('--external-id abd'), policies: [externalIdTrust] }).causes[0]!.id).toBe('externalid-missing-or-wrong');
  });

  it('what the person states wins over the text', () => {
    expect(trustVerdict(explain({ message: withCommand('--external-id abd'), policies: [externalIdTrust], request: { externalId: 'abc' } }))).toBe('allow');
    expect(trustVerdict(explain({ message: withCommand('--external-id abc'), policies: [externalIdTrust], context: { 'sts:externalid': 'zzz' } }))).toBe('implicit-deny');
  });

  it('--role-session-name, --source-identity, --tags and --duration-seconds decide their sts: conditions', () => {
    const trust = (cond: Record<string, Record<string, unknown>>) => ({ kind: 'trust' as const, document: { Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], Condition: cond }] } });
    const cases: Array<[Record<string, Record<string, unknown>>, string, string]> = [
      [{ StringLike: { 'sts:RoleSessionName': 'ci-*' } }, '', 'implicit-deny'],
      [{ StringLike: { 'sts:RoleSessionName': 'c*' } }, '', 'allow'],
      [{ StringEquals: { 'sts:SourceIdentity': 'alice' } }, '--source-identity alice', 'allow'],
      [{ StringEquals: { 'aws:RequestTag/team': 'a' } }, '--tags Key=team,Value=b', 'implicit-deny'],
      [{ NumericLessThanEquals: { 'sts:DurationSeconds': '3600' } }, '--duration-seconds 7200', 'implicit-deny'],
      [{ NumericLessThanEquals: { 'sts:DurationSeconds': '3600' } }, '--duration-seconds 900', 'allow'],
    ];
    for (const [cond, flags, verdict] of cases) {
      expect(trustVerdict(explain({ message, policies: [trust(cond)] })), JSON.stringify(cond)).toBe('unknown');
      expect(trustVerdict(explain({ message: withCommand(flags), policies: [trust(cond)] })), `${JSON.stringify(cond)} ${flags}`).toBe(verdict);
    }
  });

  it('an upload without --sse meets a bucket Deny on the missing header: explicit deny, not unknown', () => {
    const put = 'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::111111111111:user/ops is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::fin-drop/in/r.csv" with an explicit deny in a resource-based policy';
    const bucket = { kind: 'resource' as const, document: { Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::fin-drop/*', Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } } }] } };
    expect(explain({ message: put, policies: [bucket] }).policies[0]!.verdict).toBe('unknown');
    expect(explain({ message: `$ aws s3 cp ./r.csv s3://fin-drop/in/r.csv\n${put}`, policies: [bucket] }).policies[0]!.verdict).toBe('explicit-deny');
    expect(explain({ message: `$ aws s3 cp ./r.csv s3://fin-drop/in/r.csv --sse aws:kms\n${put}`, policies: [bucket] }).policies[0]!.verdict).not.toBe('explicit-deny');
  });
});
