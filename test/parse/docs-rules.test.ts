/**
 * The parse rules added for the documented wordings of docs-wordings.test.ts, each tried both ways on messages
 * written here (none is that table's text): one of the same wording that must now be read, and a near miss that
 * must not change.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('ECR: the registry login token has expired', () => {
  it('is read as a credentials error (docker pull, an ECS agent line)', () => {
    const pull = parsed('Error response from daemon: pull access denied for 210987654321.dkr.ecr.eu-west-1.amazonaws.com/worker, repository does not exist or may require \'docker login\': denied: Your authorization token has expired. Reauthenticate and try again.');
    expect(pull.recognized).toBe(true);
    expect(pull.shape).toBe('registry-token-expired');
    const agent = parsed('level=error msg="pull failed" error="denied: Your authorization token has expired. Reauthenticate and try again."');
    expect(agent.shape).toBe('registry-token-expired');
  });

  it('near miss: Docker Hub\'s "requested access to the resource is denied" is not this wording', () => {
    const p = parsed('denied: requested access to the resource is denied');
    expect(p.shape).not.toBe('registry-token-expired');
  });
});

describe('API Gateway\'s {"message":"Missing Authentication Token"}', () => {
  it('is read as execute-api:Invoke, with the x-amzn-ErrorType code when the headers are pasted', () => {
    const p = parsed('fetch https://q9w8e7r6t5.execute-api.eu-central-1.amazonaws.com/v1/users/42 -> 403\n{ "message" : "Missing Authentication Token" }');
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('apigw-missing-auth-token');
    expect(p.action).toBe('execute-api:Invoke');
    const h = parsed('< HTTP/1.1 403 Forbidden\n< x-amzn-ErrorType: MissingAuthenticationTokenException\n{"message":"Missing Authentication Token"}');
    expect(h.errorCode).toBe('MissingAuthenticationTokenException');
  });

  it('near miss: an AWS API\'s own "Request is missing Authentication Token" keeps its code and no execute-api action', () => {
    const p = parsed('An error occurred (MissingAuthenticationToken) when calling the ListUsers operation: Request is missing Authentication Token');
    expect(p.shape).not.toBe('apigw-missing-auth-token');
    expect(p.errorCode).toBe('MissingAuthenticationToken');
    expect(p.action).not.toBe('execute-api:Invoke');
  });
});

describe('KMS refusing a key for its state, naming the key', () => {
  it('reads the key as the target (pending deletion, disabled)', () => {
    const pending = parsed('botocore.errorfactory.KMSInvalidStateException: An error occurred (KMSInvalidStateException) when calling the GenerateDataKey operation: arn:aws:kms:ap-southeast-2:210987654321:key/mrk-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6 is pending deletion.');
    expect(pending.shape).toBe('kms-key-state');
    expect(pending.errorCode).toBe('KMSInvalidStateException');
    expect(pending.action).toBe('kms:GenerateDataKey');
    expect(pending.target?.arn).toBe('arn:aws:kms:ap-southeast-2:210987654321:key/mrk-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6');
    const disabled = parsed('An error occurred (DisabledException) when calling the Encrypt operation: arn:aws:kms:us-west-2:210987654321:key/5c6d7e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f is disabled.');
    expect(disabled.target?.arn).toBe('arn:aws:kms:us-west-2:210987654321:key/5c6d7e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f');
  });

  it('near miss: a key ARN in a refusal ("… on resource: <key>") is not a key-state message', () => {
    const p = parsed('User: arn:aws:sts::210987654321:assumed-role/app/s is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-west-2:210987654321:key/5c6d7e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f because no identity-based policy allows the kms:Decrypt action');
    expect(p.shape).not.toBe('kms-key-state');
    expect(p.deny.policyType).toBe('identity-based');
  });
});

describe('CloudFormation StackSets: the execution role a target account should have', () => {
  it('is read as sts:AssumeRole on that account\'s execution role', () => {
    const p = parsed("Operation ID 7c1e: Account 987654321098 should have 'stackset-exec-prod' role with trust relationship to Role 'stackset-admin-prod'.");
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('stackset-execution-role-untrusted');
    expect(p.action).toBe('sts:AssumeRole');
    expect(p.target?.arn).toBe('arn:aws:iam::987654321098:role/stackset-exec-prod');
  });

  it('near miss: an account id that is not 12 digits, or no trust wording, is not read', () => {
    expect(parsed("Account 98765 should have 'stackset-exec-prod' role with trust relationship to Role 'stackset-admin-prod'.").shape).not.toBe('stackset-execution-role-untrusted');
    expect(parsed("Account 987654321098 should have 'stackset-exec-prod' role attached.").recognized).toBe(false);
  });
});
