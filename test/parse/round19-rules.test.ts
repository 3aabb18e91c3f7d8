/**
 * The general parser rules added for the misses of round 19, each tried both ways on messages written here (none is
 * a fixture's text): one of the same shape that must now be read, and a near miss that must not change. The
 * fixtures' own results are in round19.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('`is not authorized to perform` broken mid-word by a terminal', () => {
  it('joins `authoriz` / `ed` across the line break and reads the refusal whole', () => {
    const p = parsed('Error: creating Glue Job: AccessDeniedException: User: arn:aws:sts::210987654321:assumed-role/etl-deployer/ci is not authoriz\ned to perform: glue:CreateJob on resource: arn:aws:glue:eu-west-1:210987654321:job/nightly-load');
    expect(p.action).toBe('glue:CreateJob');
    expect(p.caller?.arn).toBe('arn:aws:sts::210987654321:assumed-role/etl-deployer/ci');
    expect(p.target?.arn).toBe('arn:aws:glue:eu-west-1:210987654321:job/nightly-load');
    const q = parsed('User: arn:aws:iam::210987654321:user/ops is not au\nthorized to perform: ecs:RunTask on resource: arn:aws:ecs:eu-west-1:210987654321:task-definition/report:3');
    expect(q.action).toBe('ecs:RunTask');
  });

  it('near miss: a break that does not rebuild one of those words is left as two words', () => {
    const p = parsed('User: arn:aws:iam::210987654321:user/ops is not authoriz\nxed to perform: ecs:RunTask on resource: arn:aws:ecs:eu-west-1:210987654321:task-definition/report:3');
    expect(p.action).toBeNull();
  });
});

describe('CloudFormation\'s resource handler refusal', () => {
  it('reads "Access denied for operation \'AWS::…\'" with its HandlerErrorCode as the code', () => {
    const p = parsed('Resource handler returned message: "Access denied for operation \'AWS::Athena::WorkGroup\'." (RequestToken: 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b, HandlerErrorCode: AccessDenied)');
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('cfn-handler-access-denied');
    expect(p.errorCode).toBe('AccessDenied');
  });

  it('near miss: a handler failure that is no refusal stays unread', () => {
    const p = parsed('Resource handler returned message: "Workgroup reports already exists." (RequestToken: 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b, HandlerErrorCode: AlreadyExists)');
    expect(p.recognized).toBe(false);
    expect(p.errorCode).toBeNull();
  });
});

describe('EC2\'s fault-prefixed code in parentheses ahead of the message', () => {
  it('reads `(Client.UnauthorizedOperation)` as the code', () => {
    const p = parsed('(Client.UnauthorizedOperation) You are not authorized to perform this operation. User: arn:aws:sts::210987654321:assumed-role/inventory/scan is not authorized to perform: ec2:DescribeVolumes with an explicit deny in a service control policy');
    expect(p.errorCode).toBe('UnauthorizedOperation');
    expect(p.deny.policyType).toBe('service-control');
  });

  it('near miss: a fault-prefixed code that names no refusal is not taken', () => {
    const p = parsed('(Client.InvalidParameterValue) Value (io9) for parameter volumeType is invalid. User: arn:aws:sts::210987654321:assumed-role/inventory/scan is not authorized to perform: ec2:CreateVolume');
    expect(p.errorCode).not.toBe('InvalidParameterValue');
  });
});
