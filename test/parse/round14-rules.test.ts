/**
 * The general rules added for the misses of round 14, each tried both ways on messages written here (none is a
 * fixture's text): one of the same shape that must now be read, and a near miss that must not change. The fixtures'
 * own results are in round14.test.ts and real-causes-round14.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('a service\'s "insufficient permissions" sentence that runs into a Java/.NET suffix without a full stop', () => {
  it('ends the sentence at `(Service:` and reads the suffix\'s code (Glue crawler log, Java v1 and v2 suffixes)', () => {
    const v1 = parsed('2026-03-02 11:04:55 ERROR crawler: Insufficient Lake Formation permission(s) on sales_raw (Database name: lake) (Service: AWSGlue; Status Code: 400; Error Code: AccessDeniedException; Request ID: 0b7e2a44-9d1c-4f0e-8f55-1c2d3e4f5a6b; Proxy: null). For more information, see the Developer Guide.');
    expect(v1.shape).toBe('insufficient-permissions-sentence');
    expect(v1.errorCode).toBe('AccessDeniedException');
    expect(v1.message).toBe('ERROR crawler: Insufficient Lake Formation permission(s) on sales_raw (Database name: lake)');
    const v2 = parsed('Insufficient Lake Formation permission(s) on orders (Service: Glue, Status Code: 400, Request ID: 9f1d, Error Code: AccessDeniedException)');
    expect(v2.shape).toBe('insufficient-permissions-sentence');
    expect(v2.message).toBe('Insufficient Lake Formation permission(s) on orders');
  });

  it('near miss: a sentence with its full stop before the suffix reads as before', () => {
    const p = parsed('Insufficient Lake Formation permission(s) on orders. (Service: AWSGlue; Status Code: 400; Error Code: AccessDeniedException; Request ID: 12ab)');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.message).toBe('Insufficient Lake Formation permission(s) on orders.');
  });
});

describe('a REST-XML error body whose root element is the code', () => {
  it('reads the element\'s name as the code and its Message as the message', () => {
    const p = parsed('System.Exception: Error unmarshalling response back from AWS. Response Body: <AccessDeniedException>\n  <Message>The request was rejected by the authorization layer</Message>\n</AccessDeniedException>');
    expect(p.recognized).toBe(true);
    expect(p.shape).toBe('xml-error-element');
    expect(p.errorCode).toBe('AccessDeniedException');
    expect(p.message).toBe('The request was rejected by the authorization layer');
    // a wording of its own inside the element keeps its shape, and the element still gives the code
    const own = parsed('Response Body: <AccessDeniedException><Message>User is not authorized to access this resource</Message></AccessDeniedException>');
    expect(own.errorCode).toBe('AccessDeniedException');
    const one = parsed('<UnauthorizedOperation><Message>You cannot call this API on that cluster</Message></UnauthorizedOperation>');
    expect(one.errorCode).toBe('UnauthorizedOperation');
  });

  it('near miss: an element named by a code that is no refusal (a missing resource) is not read as one', () => {
    const p = parsed('Response Body: <ResourceNotFoundException>\n  <Message>Function not found: arn:aws:lambda:us-east-1:210987654321:function:resize</Message>\n</ResourceNotFoundException>');
    expect(p.shape).not.toBe('xml-error-element');
    expect(p.errorCode).not.toBe('ResourceNotFoundException');
  });
});

describe('docker\'s "no basic auth credentials" for an ECR registry', () => {
  it('is read as no credentials when an ECR registry host precedes it (pull, or push after "The push refers to repository")', () => {
    const pull = parsed('Error response from daemon: Head "https://210987654321.dkr.ecr.eu-west-1.amazonaws.com/v2/api/manifests/1.4.2": no basic auth credentials');
    expect(pull.recognized).toBe(true);
    expect(pull.shape).toBe('no-credentials');
    const push = parsed('The push refers to repository [210987654321.dkr.ecr.us-east-2.amazonaws.com/web]\n5f70bf18a086: Preparing\nno basic auth credentials');
    expect(push.shape).toBe('no-credentials');
  });

  it('near miss: another registry\'s refusal is not AWS\'s', () => {
    const p = parsed('Error response from daemon: Get "https://registry.example.com/v2/team/api/manifests/latest": no basic auth credentials');
    expect(p.recognized).toBe(false);
  });
});
