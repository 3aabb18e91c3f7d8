/**
 * The general parser rules added for what round 25 showed, each tried both ways on messages written here (none is a
 * fixture's text): one of the same shape that must now be read differently, and a near miss that must not change.
 * The fixtures' own results are in round25.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import { joinBoxRows } from '../../src/core/parse/unwrap.js';

const U = 'arn:aws:sts::111122223333:assumed-role/app-role/i-0abc';

describe('Organizations operations no other service has (ListRoots, ListDelegatedAdministrators, ListOrganizationalUnitsForParent)', () => {
  it('map to organizations: with no service printed', () => {
    const r = parseError('An error occurred (AccessDeniedException) when calling the ListRoots operation: You don\'t have permissions to access this resource.');
    expect(r.parsed.action).toBe('organizations:ListRoots');
    const q = parseError('An error occurred (AccessDeniedException) when calling the ListDelegatedAdministrators operation: You don\'t have permissions to access this resource.');
    expect(q.parsed.action).toBe('organizations:ListDelegatedAdministrators');
  });
  it('near miss: ListPolicies (IAM, Organizations and IoT all have it) with nothing naming the service stays unmapped', () => {
    const r = parseError('An error occurred (AccessDeniedException) when calling the ListPolicies operation: You don\'t have permissions to access this resource.');
    expect(r.parsed.action).toBeNull();
  });
});

describe('the program\'s own code names the service of an operation several services have', () => {
  const msg = 'botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the ListPolicies operation: You don\'t have permissions to access this resource.';
  it('a client call of the operation in the traceback (`organizations.list_policies(`, `iam_client.list_policies(`)', () => {
    expect(parseError(`Traceback (most recent call last):\n  File "scan.py", line 12, in main\n    pols = organizations.list_policies(Filter="SERVICE_CONTROL_POLICY")\n${msg}`).parsed.action).toBe('organizations:ListPolicies');
    expect(parseError(`Traceback (most recent call last):\n  File "audit.py", line 3, in run\n    iam_client.list_policies(Scope="Local")\n${msg}`).parsed.action).toBe('iam:ListPolicies');
  });
  it('a log line\'s `<service>_service` module just before the message', () => {
    const line = `2024-01-02 10:00:00,000 [File: iam_service.py:88]    [Module: iam_service]  ERROR: us-east-1 -- AccessDeniedException[88]: An error occurred (AccessDeniedException) when calling the ListPolicies operation: You don't have permissions to access this resource.`;
    expect(parseError(line).parsed.action).toBe('iam:ListPolicies');
  });
  it('near miss: a generic receiver (`client.list_policies(`), a call of another operation, or calls naming two services, name none', () => {
    expect(parseError(`    pols = client.list_policies()\n${msg}`).parsed.action).toBeNull();
    expect(parseError(`    organizations.list_roots()\n${msg}`).parsed.action).toBeNull();
    expect(parseError(`    iam.list_policies()\n    organizations.list_policies()\n${msg}`).parsed.action).toBeNull();
    expect(parseError(`[Module: billing_service]  ERROR: ${msg}`).parsed.action).toBeNull();
  });
});

describe('fluent-bit\'s `<Operation> API responded with error=\'<Code>\'`', () => {
  it('is a refusal of that operation when the code is an authorization code', () => {
    const r = parseError("[2024/01/02 10:00:00] [error] [output:cloudwatch_logs:cloudwatch_logs.1] PutLogEvents API responded with error='AccessDeniedException'");
    expect(r.parsed.recognized).toBe(true);
    expect(r.parsed.errorCode).toBe('AccessDeniedException');
    expect(r.parsed.action).toBe('logs:PutLogEvents');
  });
  it('near miss: another code (the group already exists) is no refusal', () => {
    const r = parseError("[2024/01/02 10:00:00] [error] [output:cloudwatch_logs:cloudwatch_logs.1] CreateLogGroup API responded with error='ResourceAlreadyExistsException'");
    expect(r.parsed.recognized).toBe(false);
  });
});

describe('a box drawn on both sides that cut its text inside words (a describe pane)', () => {
  it('joins each row ending in ` │` to the next row starting with `│` with nothing between', () => {
    const r = parseError(`Warning  CannotCreate  AccessDen │\n│ iedException: User: ${U} is not authorized  │\n│ to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:111122223333:log-group:app because no identity-based policy allows the logs:CreateLogGroup action`);
    expect(r.parsed.errorCode).toBe('AccessDeniedException');
    expect(r.parsed.caller?.arn).toBe(U);
    expect(r.parsed.action).toBe('logs:CreateLogGroup');
    const lines = ['abc Acc │', '│ essDenied  │', '│ rest'];
    expect(joinBoxRows(lines)).toBe(true);
    expect(lines).toEqual(['abc AccessDenied rest']);
  });
  it('near miss: table rows with inner column borders, and left-only (Terraform) boxes, are left as they are', () => {
    const table = ['│ NAME   │ STATUS │', '│ app    │ Denied │'];
    expect(joinBoxRows(table)).toBe(false);
    expect(table).toEqual(['│ NAME   │ STATUS │', '│ app    │ Denied │']);
    const tf = ['│ Error: creating Log Group: AccessDeniedException: User: x', '│ is not authorized'];
    expect(joinBoxRows(tf)).toBe(false);
  });
});
