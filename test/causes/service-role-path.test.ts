/**
 * The role's path says whose it is: a service-linked role (/aws-service-role/<service>/) trusts only its service and
 * its trust cannot be edited; a console-made service role (/service-role/) trusts its service. An IAM caller refused
 * on such a role meets the wrong kind of principal in the trust.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const refused = (caller: string, role: string) => explain({ message: `An error occurred (AccessDenied) when calling the AssumeRole operation: User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${role}` });
const SSO = 'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Dev_abc123/alice@example.com';
const cause = (a: ReturnType<typeof explain>, id: string) => a.causes.find((c) => c.id === id);

describe('a role\'s service path against an IAM caller', () => {
  it('a service-linked role: the wrong kind of principal, proven, with no trust edit offered', () => {
    const a = refused(SSO, 'arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS');
    expect(a.causes[0]?.id).toBe('trust-service-vs-aws-principal');
    expect(a.causes[0]?.status).toBe('confirmed');
    expect(a.causes[0]?.evidence[0]?.text).toContain('names only ecs.amazonaws.com');
    expect(a.causes[0]?.fix.commands.some((c) => c.includes('update-assume-role-policy'))).toBe(false);
  });
  it('a console service role (/service-role/): the wrong kind of principal first, unproven', () => {
    const a = refused('arn:aws:iam::111111111111:user/bob', 'arn:aws:iam::111111111111:role/service-role/codebuild-app');
    expect(a.causes[0]?.id).toBe('trust-service-vs-aws-principal');
    expect(a.causes[0]?.status).not.toBe('confirmed');
    expect(a.causes[0]?.fix.commands.some((c) => c.includes('update-assume-role-policy --role-name codebuild-app'))).toBe(true);
  });
  it('near miss: another path says nothing of a service', () => {
    const a = refused(SSO, 'arn:aws:iam::111111111111:role/app/codebuild-app');
    expect(cause(a, 'trust-service-vs-aws-principal')?.status).toBe('unlikely');
  });
  it('near miss: a pasted trust decides instead of the path', () => {
    const trust = { kind: 'trust' as const, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/bob' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] } };
    const a = explain({ message: `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/service-role/codebuild-app`, policies: [trust] });
    expect(cause(a, 'trust-service-vs-aws-principal')?.status).toBe('ruled-out');
  });
});
