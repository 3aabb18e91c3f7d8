/**
 * The general parser rules added for the misses of round 22, each tried both ways on messages written here (none is
 * a fixture's text): one of the same shape that must now be read, and a near miss that must not change. The
 * fixtures' own results are in round22.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const parsed = (t: string) => parseError(t).parsed;

describe('a JSON error body whose message closes, with a refusal code in `__type`', () => {
  it('reads the code (a Smithy namespace before `#` dropped) when the message is no wording the catalog knows', () => {
    const p = parsed('{"__type":"com.amazon.aws.example#AccessDeniedException","message":"Your plan does not include this feature."}');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDeniedException');
    const q = parsed('HTTP 403 {"__type":"UnauthorizedException","message":"The workspace is not enabled for this user"}');
    expect(q.recognized).toBe(true);
    expect(q.errorCode).toBe('UnauthorizedException');
  });

  it('keeps a known wording read by its own shape, and the cut body as before', () => {
    const p = parsed('{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::111122223333:user/dev is not authorized to perform: dynamodb:Query on resource: arn:aws:dynamodb:us-east-1:111122223333:table/t because no identity-based policy allows the dynamodb:Query action"}');
    expect(p.shape).toBe('user-not-authorized-implicit');
    expect(p.action).toBe('dynamodb:Query');
    const q = parsed('{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User: arn:aws:iam::111122223333:user/dev is not (truncated...)');
    expect(q.shape).toBe('user-not-authorized-truncated');
  });

  it('near miss: a closed body with a validation or throttling code is not read as a refusal', () => {
    expect(parsed('{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value null at \'name\'"}').recognized).toBe(false);
    expect(parsed('{"__type":"ThrottlingException","message":"Rate exceeded"}').recognized).toBe(false);
  });
});

describe('the Java SDK v2\'s `Service returned error code <Code> (Service: …, Status Code: …)`', () => {
  it('reads a refusal code printed without a message', () => {
    const p = parsed('software.amazon.awssdk.services.ssooidc.model.AccessDeniedException: Service returned error code AccessDeniedException (Service: SsoOidc, Status Code: 400, Request ID: 0f0e0d0c-1111-2222-3333-444455556666)');
    expect(p.recognized).toBe(true);
    expect(p.errorCode).toBe('AccessDeniedException');
    const q = parsed('Service returned error code UnauthorizedException (Service: Sso, Status Code: 401, Request ID: 0f0e0d0c-1111-2222-3333-444455556666)');
    expect(q.errorCode).toBe('UnauthorizedException');
  });

  it('near miss: another code, or the phrase without the Java tail, is not read', () => {
    expect(parsed('Service returned error code ValidationException (Service: SsoOidc, Status Code: 400, Request ID: 0f0e0d0c-1111-2222-3333-444455556666)').recognized).toBe(false);
    expect(parsed('Service returned error code ThrottlingException (Service: Sso, Status Code: 429, Request ID: 0f0e0d0c-1111-2222-3333-444455556666)').recognized).toBe(false);
    expect(parsed('the service returned error code AccessDeniedException earlier today').recognized).toBe(false);
  });
});
