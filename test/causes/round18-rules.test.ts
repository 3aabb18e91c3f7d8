/**
 * The general rules added for round 18's cause misses, tried both ways on messages written here (none is a fixture's
 * text): one of the same shape whose cause must now rank first (or at all), and a near miss that must not change. The
 * fixtures' own results are in real-causes-round18.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ranked = (message: string) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').map((c) => c.id);

describe('a resource whose name is itself an ARN', () => {
  it('ranks identity-resource-mismatch first: the call passed an ARN where the API takes a name', () => {
    const ids = ranked('User: arn:aws:sts::210987654321:assumed-role/ingest-api/worker is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:210987654321:arn:aws:sqs:us-east-1:210987654321:orders because no identity-based policy allows the sqs:SendMessage action');
    expect(ids[0]).toBe('identity-resource-mismatch');
  });

  it('near miss: an ordinary resource keeps the missing Allow first', () => {
    const ids = ranked('User: arn:aws:sts::210987654321:assumed-role/ingest-api/worker is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:210987654321:orders because no identity-based policy allows the sqs:SendMessage action');
    expect(ids[0]).toBe('identity-missing-allow');
  });
});

describe('a service saying a KMS key is not accessible to the caller', () => {
  it('is a refusal: the caller\'s missing IAM Allow and the key policy both rank in the top 3', () => {
    const ids = ranked('com.amazonaws.services.rds.model.KMSKeyNotAccessibleException: The specified KMS key [arn:aws:kms:eu-west-1:210987654321:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b] does not exist, is not enabled or you do not have permissions to access it. (Service: AmazonRDS; Status Code: 400; Error Code: KMSKeyNotAccessibleFault; Request ID: 1a2b3c4d; Proxy: null)');
    expect(ids[0]).toBe('identity-missing-allow');
    expect(ids.slice(0, 3)).toContain('kms-key-policy-missing-grant');
  });

  it('near miss: a key pending deletion keeps the key-state answer (the key exists, its state refuses)', () => {
    const ids = ranked('An error occurred (KMSInvalidStateException) when calling the Decrypt operation: arn:aws:kms:eu-west-1:210987654321:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b is pending deletion.');
    expect(ids[0]).toBe('kms-wrong-key-or-region');
  });
});

describe('a SCREAMING_SNAKE refusal code', () => {
  it('reads KMS_KEY_ACCESS_DENIED as a denial (the caller\'s policies are in question, not only its credentials)', () => {
    const ids = ranked('{"EventType":"ERROR","FragmentTimecode":1700000000000,"ErrorCode":"KMS_KEY_ACCESS_DENIED","ErrorId":4500}');
    expect(ids[0]).toBe('identity-missing-allow');
  });
});
