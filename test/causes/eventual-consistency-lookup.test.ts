/**
 * iam-eventual-consistency asks CloudTrail when the changed IAM entity was last changed: the role
 * for an AssumeRole, the caller's own role or user when the resource acted on is no IAM entity
 * (an S3 object's name finds no IAM change). `aws iam wait role-exists` only for a role target.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const cause = (message: string, policies = [] as Parameters<typeof explain>[0]['policies']) =>
  explain({ message, policies }).causes.find((c) => c.id === 'iam-eventual-consistency');

describe('iam-eventual-consistency looks up the entity that changed', () => {
  it('S3 object target: the caller role is looked up, no role-exists wait for the object', () => {
    const c = cause('An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::520011223344:assumed-role/etl-reader/run-8 is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::lake-raw/2026/11/30/part-0001.parquet" because no identity-based policy allows the s3:GetObject action', [
      { kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::lake-raw/*' }] } },
    ]);
    expect(c?.detail, `${c?.status}`).toBe('full');
    const cmds = [...c!.confirm.map((x) => x.command), ...c!.fix.commands].join('\n');
    expect(cmds).toContain('AttributeValue=etl-reader');
    expect(cmds).not.toContain('part-0001.parquet');
    expect(cmds).not.toContain('wait role-exists');
  });

  it('AssumeRole: the target role is looked up and waited for', () => {
    const c = cause('An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::520011223344:assumed-role/ci/run-8 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::520011223399:role/fresh-deployer', [
      { kind: 'trust', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::520011223344:role/ci' }, Action: 'sts:AssumeRole' }] } },
      { kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::520011223399:role/fresh-deployer' }] } },
    ]);
    expect(c?.detail, `${c?.status}`).toBe('full');
    const cmds = [...c!.confirm.map((x) => x.command), ...c!.fix.commands].join('\n');
    expect(cmds).toContain('AttributeValue=fresh-deployer');
    expect(cmds).toContain('aws iam wait role-exists --role-name fresh-deployer');
  });
});
