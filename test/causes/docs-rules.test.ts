/**
 * The cause rules added for the documented wordings of test/parse/docs-wordings.test.ts, each tried both ways on
 * messages written here (none is that table's text): one of the same wording whose documented cause must now rank
 * first, and a near miss that must not change.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const live = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out');
const ranked = (message: string) => live(message).map((c) => c.id);
const commands = (message: string, id: string) => (live(message).find((c) => c.id === id)?.confirm ?? []).map((k) => k.command).join('\n');

describe('IAM Identity Center: "Session token not found or invalid"', () => {
  it('ranks expired-token first (the cached SSO session lapsed or was signed out: aws sso login)', () => {
    expect(ranked('Error when retrieving credentials from sso: An error occurred (UnauthorizedException) when calling the GetRoleCredentials operation: Session token not found or invalid')[0]).toBe('expired-token');
  });

  it('near miss: an Identity Center refusal that names no session ("No access") does not raise expired-token', () => {
    expect(ranked('An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access')[0]).not.toBe('expired-token');
  });
});

describe('ECR: "Your authorization token has expired"', () => {
  it('ranks expired-token first', () => {
    expect(ranked('Error response from daemon: Head "https://210987654321.dkr.ecr.eu-west-1.amazonaws.com/v2/worker/manifests/latest": denied: Your authorization token has expired. Reauthenticate and try again.')[0]).toBe('expired-token');
  });

  it('near miss: ECR refusing the pull by policy does not', () => {
    const ids = ranked('denied: User: arn:aws:sts::210987654321:assumed-role/ci/build is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:eu-west-1:111122223333:repository/worker because no resource-based policy allows the ecr:BatchGetImage action');
    expect(ids[0]).not.toBe('expired-token');
  });
});

describe('API Gateway: "Missing Authentication Token"', () => {
  const body = '$ curl -s -X DELETE https://q9w8e7r6t5.execute-api.eu-central-1.amazonaws.com/v1/users/42\n{"message":"Missing Authentication Token"}';
  it('ranks resource-missing-masked first: no deployed path, method or stage matches (no caller policy was read)', () => {
    const ids = ranked(body);
    expect(ids[0]).toBe('resource-missing-masked');
    expect(ids).not.toContain('identity-missing-allow');
    // the invoke URL names the API
    expect(commands(body, 'resource-missing-masked')).toContain('aws apigateway get-resources --rest-api-id q9w8e7r6t5 --region eu-central-1');
  });

  it('near miss: an AWS API\'s unsigned-request "Request is missing Authentication Token" stays a credentials answer', () => {
    const ids = ranked('An error occurred (MissingAuthenticationToken) when calling the GetCallerIdentity operation: Request is missing Authentication Token');
    expect(ids[0]).toBe('invalid-token');
    expect(ids).not.toContain('resource-missing-masked');
  });
});

describe('API Gateway: an untyped "with an explicit deny" for execute-api:Invoke', () => {
  const msg = '{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:eu-central-1:210987654321:q9w8e7r6t5/v1/GET/reports with an explicit deny"}';
  it('ranks resource-policy-explicit-deny first and reads the API\'s resource policy', () => {
    expect(ranked(msg)[0]).toBe('resource-policy-explicit-deny');
    expect(commands(msg, 'resource-policy-explicit-deny')).toContain('aws apigateway get-rest-api --rest-api-id q9w8e7r6t5 --region eu-central-1 --query policy');
    // CloudTrail never records execute-api:Invoke: no lookup-events, in the cause or in the first steps
    expect(commands(msg, 'resource-policy-explicit-deny')).not.toContain('cloudtrail');
    const first = explain({ message: msg }).firstSteps.map((s) => s.command).join('\n');
    expect(first).not.toContain('cloudtrail');
    expect(first).toContain('aws apigateway get-stages --rest-api-id q9w8e7r6t5 --region eu-central-1');
  });

  it('near miss: another service\'s untyped explicit deny keeps identity-explicit-deny first (and its CloudTrail step)', () => {
    const ecr = 'An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:sts::210987654321:assumed-role/ci/build is not authorized to perform: ecr:GetAuthorizationToken on resource: * with an explicit deny';
    expect(explain({ message: ecr }).firstSteps.map((s) => s.command).join('\n')).toContain('aws cloudtrail lookup-events');
    const ids = ranked('An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:sts::210987654321:assumed-role/ci/build is not authorized to perform: ecr:GetAuthorizationToken on resource: * with an explicit deny');
    expect(ids[0]).toBe('identity-explicit-deny');
  });
});

describe('KMS refusing a key for its state (KMSInvalidStateException, DisabledException)', () => {
  it('ranks kms-wrong-key-or-region first, with no caller-policy cause: the key\'s state refuses every caller', () => {
    const ids = ranked('operation error KMS: Decrypt, https response error StatusCode: 400, RequestID: 4e5f, KMSInvalidStateException: arn:aws:kms:eu-west-1:210987654321:key/5c6d7e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f is pending deletion.');
    expect(ids[0]).toBe('kms-wrong-key-or-region');
    expect(ids).not.toContain('identity-missing-allow');
  });

  it('near miss: KMS\'s AccessDeniedException on the same key keeps the policy causes', () => {
    const ids = ranked('An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::210987654321:assumed-role/app/s is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:210987654321:key/5c6d7e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f because no identity-based policy allows the kms:Decrypt action');
    expect(ids[0]).toBe('identity-missing-allow');
  });
});

describe('S3: a request through an access point that no resource-based policy allows', () => {
  const msg = 'download failed: s3://arn:aws:s3:eu-west-1:210987654321:accesspoint/reports-ro/2024/q2.pdf to ./q2.pdf An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::210987654321:assumed-role/reader/ana is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:eu-west-1:210987654321:accesspoint/reports-ro/object/2024/q2.pdf" because no resource-based policy allows the s3:GetObject action';
  it('ranks s3-access-point first and names the access point in its commands (no bucket made of the ARN)', () => {
    expect(ranked(msg)[0]).toBe('s3-access-point');
    const cmd = commands(msg, 's3-access-point');
    expect(cmd).toContain('aws s3control get-access-point-policy --account-id 210987654321 --name reports-ro');
    expect(cmd).not.toContain('--bucket arn:');
  });

  it('near miss: the same refusal on a bucket keeps resource-policy-missing-grant first', () => {
    const ids = ranked('An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::210987654321:assumed-role/reader/ana is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::reports-eu/2024/q2.pdf" because no resource-based policy allows the s3:GetObject action');
    expect(ids[0]).toBe('resource-policy-missing-grant');
    expect(ids).not.toContain('s3-access-point');
  });
});
