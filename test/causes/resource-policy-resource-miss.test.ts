/**
 * A resource policy that names the caller and the action but another resource: the evidence says which Resource
 * missed (S3's bucket ARN for an object action above all), instead of "it grants only <the caller itself>".
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const CALLER = 'arn:aws:sts::111111111111:assumed-role/etl/i-0abc';
const getObject = `An error occurred (AccessDenied) when calling the GetObject operation: User: ${CALLER} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::partner-data/exports/2024/a.csv" because no resource-based policy allows the s3:GetObject action`;
const bucketPolicy = (principal: string, resource: string | string[]) => ({
  kind: 'resource' as const,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: resource }] },
});
const texts = (a: ReturnType<typeof explain>, id: string) => a.causes.find((c) => c.id === id)?.evidence.map((e) => e.text) ?? [];

describe('a resource policy whose Allow names the caller but another resource', () => {
  it('says the bucket ARN does not cover the object and names the objects\' ARN', () => {
    const a = explain({ message: getObject, policies: [bucketPolicy('arn:aws:iam::111111111111:role/etl', 'arn:aws:s3:::partner-data')] });
    expect(a.causes[0]?.id).toBe('resource-policy-missing-grant');
    const ev = a.causes[0]!.evidence.find((e) => e.text.includes('does not cover'));
    expect(ev?.text).toContain('arn:aws:s3:::partner-data/*');
    expect(ev?.statement).toBe(0);
    expect(texts(a, 'resource-policy-missing-grant').some((t) => t.includes('grants only'))).toBe(false);
  });

  it('near miss: an Allow for another principal still reads "grants only" that principal', () => {
    const a = explain({ message: getObject, policies: [bucketPolicy('arn:aws:iam::111111111111:role/loader', 'arn:aws:s3:::partner-data/*')] });
    const t = texts(a, 'resource-policy-missing-grant');
    expect(t.some((x) => x.includes('grants only arn:aws:iam::111111111111:role/loader'))).toBe(true);
    expect(t.some((x) => x.includes('does not cover'))).toBe(false);
  });

  it('near miss: another prefix of the same bucket is a Resource miss without the objects hint', () => {
    const a = explain({ message: getObject, policies: [bucketPolicy('arn:aws:iam::111111111111:role/etl', 'arn:aws:s3:::partner-data/imports/*')] });
    const ev = texts(a, 'resource-policy-missing-grant').find((x) => x.includes('does not cover'));
    expect(ev).toContain('arn:aws:s3:::partner-data/imports/*');
    expect(ev).not.toContain('object actions need');
  });

  it('near miss: a bucket policy naming the bucket is no Resource miss for an access point\'s ARN', () => {
    const ap = 'arn:aws:s3:us-west-2:111111111111:accesspoint/finance-ap/object/q3/ledger.csv';
    const msg = getObject.replace('"arn:aws:s3:::partner-data/exports/2024/a.csv"', `"${ap}"`);
    const a = explain({ message: msg, policies: [bucketPolicy('arn:aws:iam::111111111111:role/etl', ['arn:aws:s3:::partner-data', 'arn:aws:s3:::partner-data/*'])] });
    expect(a.causes.flatMap((c) => c.evidence).some((e) => e.text.includes('does not cover'))).toBe(false);
  });
});
