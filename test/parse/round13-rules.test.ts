/**
 * The general rules added for the misses of round 13 and the botocore gaps found after it, each tried both ways on
 * messages written here (none is a fixture's text): one of the same shape that must now be read, and a near miss that
 * must not change. The fixtures' own results are in round13.test.ts and real-causes-round13.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('a service\'s own "insufficient permissions" sentence after an SDK envelope on the same line', () => {
  it('botocore\'s envelope keeps its code and operation (Lake Formation on a Glue catalog call → the glue action)', () => {
    const p = parsed('job 17 failed: An error occurred (AccessDeniedException) when calling the GetPartitions operation: Insufficient Lake Formation permission(s) on clicks (Database name: web, Table Name: clicks)');
    expect(p.shape).toBe('insufficient-permissions-sentence');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.operation).toBe('GetPartitions');
    expect(p.action).toBe('glue:GetPartitions');
    expect(p.message).toBe('Insufficient Lake Formation permission(s) on clicks (Database name: web, Table Name: clicks)');
  });

  it('an operation only one service has gives that service\'s action (Lambda Invoke, Athena StartQueryExecution)', () => {
    const inv = parsed('botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Invoke operation: Insufficient permissions to invoke the resize-images function');
    expect(inv.errorCode).toBe('AccessDeniedException');
    expect(inv.action).toBe('lambda:InvokeFunction');
    const ath = parsed('An error occurred (AccessDeniedException) when calling the StartQueryExecution operation: You do not have sufficient access to perform this action.');
    expect(ath.errorCode).toBe('AccessDeniedException');
    expect(ath.action).toBe('athena:StartQueryExecution');
  });

  it('Go v2\'s "api error Code: " keeps the service and operation of its envelope', () => {
    const p = parsed('error: operation error Athena: GetQueryExecution, https response error StatusCode: 400, RequestID: 5d1e, api error AccessDeniedException: You do not have sufficient access to perform this action.');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.operation).toBe('GetQueryExecution');
    expect(p.action).toBe('athena:GetQueryExecution');
  });

  it('near miss: an operation several services have gives its code and operation, but no guessed service', () => {
    const p = parsed('An error occurred (AccessDeniedException) when calling the ListTagsForResource operation: Insufficient permissions to list tags');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.operation).toBe('ListTagsForResource');
    expect(p.action).toBeNull();
  });

  it('near miss: a validation code before the sentence (an onward call of a role the service was handed) stays part of it', () => {
    const p = parsed('An error occurred (InvalidParameterValueException) when calling the CreateEventSourceMapping operation: The provided execution role does not have permissions to call ReceiveMessage on SQS');
    expect(p.shape).toBe('insufficient-permissions-sentence');
    expect(p.errorCode).toBeNull();
    expect(p.operation).toBeNull();
    expect(p.action).toBeNull();
  });
});
