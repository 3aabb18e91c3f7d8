/**
 * The general parser rules added for the misses of round 20, each tried both ways on messages written here (none is
 * a fixture's text): one of the same shape that must now be read, and a near miss that must not change. The
 * fixtures' own results are in round20.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('a backslash ending its line (a shell-style line continuation)', () => {
  it('reads the envelope broken by `\\` + line break as one line', () => {
    const p = parsed('An error occurred (UnauthorizedOperation) when calling the CreateVolume\\\n operation: You are not authorized to perform this operation. Encoded authorization\\\n failure message: <redacted>');
    expect(p.errorCode).toBe('UnauthorizedOperation');
    expect(p.action).toBe('ec2:CreateVolume');
    const q = parsed('An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::210987654321:assumed-role/reports/run is not authorized \\\r\n  to perform: s3:GetObject on resource: "arn:aws:s3:::reports-archive/2024/q1.csv"');
    expect(q.action).toBe('s3:GetObject');
    expect(q.target?.arn).toBe('arn:aws:s3:::reports-archive/2024/q1.csv');
  });

  it('near miss: a backslash before anything but a line break stays in the text (a Windows path, an escaped `\\n`)', () => {
    const p = parsed('An error occurred (UnauthorizedOperation) when calling the CreateVolume\\ operation: You are not authorized to perform this operation.');
    expect(p.errorCode).toBeNull();
    const q = parsed('Error writing C:\\Users\\ops\\out.csv: AccessDenied: User: arn:aws:iam::210987654321:user/ops is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::reports-archive/out.csv');
    expect(q.action).toBe('s3:PutObject');
    expect(q.target?.arn).toBe('arn:aws:s3:::reports-archive/out.csv');
  });
});

describe('a code separated from the message by a double dash', () => {
  it('reads `AccessDenied -- Not authorized to perform …` with AccessDenied as the code', () => {
    const p = parsed('AccessDenied -- Not authorized to perform sts:AssumeRoleWithSAML');
    expect(p.errorCode).toBe('AccessDenied');
    expect(p.action).toBe('sts:AssumeRoleWithSAML');
  });

  it('near miss: a command-line option before the double dash is no code', () => {
    const p = parsed('kubectl exec -it app --namespace prod -- Not authorized to perform sts:AssumeRoleWithWebIdentity');
    expect(p.errorCode).not.toBe('prod');
    expect(p.errorCode).toBeNull();
    const q = parsed('AccessDenied--Not authorized to perform sts:AssumeRoleWithWebIdentity');
    expect(q.action).toBe('sts:AssumeRoleWithWebIdentity');
  });
});
