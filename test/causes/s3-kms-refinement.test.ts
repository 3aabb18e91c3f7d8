/**
 * An S3 call refused on the object's KMS key: s3-sse-kms-permissions is the precise form of the key
 * policy gap, so when both are proven the S3 cause leads and the generic KMS one steps down with a
 * note naming it (one confirmed answer, not two near-identical ones). A direct KMS call keeps the
 * key-policy cause confirmed.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { PolicyInput } from '../../src/core/types.js';

const KEY = 'arn:aws:kms:eu-central-1:380012345678:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const keyPolicy: PolicyInput = {
  kind: 'resource', name: 'key policy',
  document: { Version: '2012-10-17', Statement: [{ Sid: 'Admins', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::380012345678:role/key-admins' }, Action: 'kms:*', Resource: '*' }] },
};
const refusal = (op: string, action: string) =>
  `An error occurred (AccessDenied) when calling the ${op} operation: User: arn:aws:sts::380012345678:assumed-role/report-writer/run-311 is not authorized to perform: ${action} on resource: ${KEY} because no resource-based policy allows the ${action} action`;

describe('S3 on an SSE-KMS key refines the key-policy gap', () => {
  it('PutObject refused on kms:GenerateDataKey: the S3 cause is the one confirmed answer', () => {
    const e = explain({ message: refusal('PutObject', 'kms:GenerateDataKey'), policies: [keyPolicy] });
    expect(e.causes[0]?.id).toBe('s3-sse-kms-permissions');
    expect(e.causes[0]?.status).toBe('confirmed');
    const generic = e.causes.find((c) => c.id === 'kms-key-policy-missing-grant');
    expect(generic?.status).toBe('possible');
    expect(generic?.evidence.some((x) => x.text.includes('(s3-sse-kms-permissions)'))).toBe(true);
    expect(e.causes.filter((c) => c.status === 'confirmed')).toHaveLength(1);
  });

  it('a direct kms:Decrypt call keeps the key-policy cause confirmed and first', () => {
    const e = explain({ message: refusal('Decrypt', 'kms:Decrypt'), policies: [keyPolicy] });
    expect(e.causes[0]?.id).toBe('kms-key-policy-missing-grant');
    expect(e.causes[0]?.status).toBe('confirmed');
  });
});
