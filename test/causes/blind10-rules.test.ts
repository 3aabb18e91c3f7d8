/**
 * The rules added for blind round 10 (docs/decisions/029), each tried both ways on inputs written here (none is a
 * fixture's text); every must-change case fails on the build before them (main 9ded36f). The fixtures' own results
 * are in blind10.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { boto3Calls } from '../../src/core/policy/command-request.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const V = '2012-10-17';
const causeOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id);
const statusOf = (input: ExplainInput, id: string) => causeOf(input, id)?.status;
const topOf = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;
const policy = (kind: PolicyInput['kind'], ...Statement: object[]): PolicyInput => ({ kind, document: { Version: V, Statement } });

describe('a pasted VPC endpoint policy puts the endpoint on the path: aws:SourceIp is absent', () => {
  const msg = 'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:sts::111122223333:assumed-role/batch/job-1 is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::team-data"';
  const identity = policy('identity', { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::team-data' });
  const bucket = policy('resource', {
    Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::team-data', 'arn:aws:s3:::team-data/*'],
    Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
  });
  const endpoint = policy('vpc-endpoint', { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' });

  it('endpoint policy pasted: the bucket\'s NotIpAddress Deny applies, resource-policy-explicit-deny confirmed, first', () => {
    const input = { message: msg, policies: [identity, bucket, endpoint] };
    expect(statusOf(input, 'resource-policy-explicit-deny')).toBe('confirmed');
    expect(topOf(input)).toBe('resource-policy-explicit-deny');
  });
  it('near miss — no endpoint policy pasted: the source address stays unknown, not confirmed', () => {
    expect(statusOf({ message: msg, policies: [identity, bucket] }, 'resource-policy-explicit-deny')).not.toBe('confirmed');
  });
  it('near miss — the person states a source address inside the range: that wins, the Deny does not apply', () => {
    const input = { message: msg, policies: [identity, bucket, endpoint], context: { 'aws:SourceIp': '192.0.2.10' } };
    expect(statusOf(input, 'resource-policy-explicit-deny')).not.toBe('confirmed');
  });
  it('near miss — an IpAddress Allow (not negated) through the endpoint fails rather than a Deny applying', () => {
    const allowOnly = policy('resource', {
      Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/batch' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::team-data',
      Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
    });
    const input = { message: msg, policies: [identity, allowOnly, endpoint] };
    expect(statusOf(input, 'resource-policy-explicit-deny')).not.toBe('confirmed');
  });
});

describe('a boto3 call printed on one line shows which parameters it sent', () => {
  const trace = (call: string) => `Traceback (most recent call last):\n  File "up.py", line 9, in <module>\n    ${call}\nbotocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::111122223333:user/uploader is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::drop-zone/in/a.csv"`;
  const identity = policy('identity', { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::drop-zone/*' });
  const scp = policy('scp', { Effect: 'Allow', Action: '*', Resource: '*' }, {
    Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
  });

  it('put_object without ServerSideEncryption: the header is absent, the SCP\'s Null Deny applies, scp-deny confirmed, first', () => {
    const input = { message: trace('s3.put_object(Bucket="drop-zone", Key="in/a.csv", Body=payload)'), policies: [identity, scp] };
    expect(statusOf(input, 'scp-deny')).toBe('confirmed');
    expect(topOf(input)).toBe('scp-deny');
  });
  it('near miss — ServerSideEncryption="AES256" passed: the header is present, the Deny does not apply', () => {
    const input = { message: trace('s3.put_object(Bucket="drop-zone", Key="in/a.csv", Body=payload, ServerSideEncryption="AES256")'), policies: [identity, scp] };
    expect(statusOf(input, 'scp-deny')).toBe('ruled-out');
  });
  it('near miss — arguments unpacked (**params): what was sent is unknown, not confirmed', () => {
    const input = { message: trace('s3.put_object(**params)'), policies: [identity, scp] };
    expect(statusOf(input, 'scp-deny')).not.toBe('confirmed');
  });
  it('near miss — the call does not close on its line: unknown, not confirmed', () => {
    const input = { message: trace('s3.put_object(Bucket="drop-zone", Key="in/a.csv",'), policies: [identity, scp] };
    expect(statusOf(input, 'scp-deny')).not.toBe('confirmed');
  });
  it('near miss — another operation\'s call (upload_file) is not read for PutObject', () => {
    const input = { message: trace('s3.upload_file("a.csv", "drop-zone", "in/a.csv")'), policies: [identity, scp] };
    expect(statusOf(input, 'scp-deny')).not.toBe('confirmed');
  });
  it('reads keyword names and literal values, nested brackets skipped', () => {
    const [args] = boto3Calls('x = s3.put_object(Bucket="b", Metadata={"k": "v"}, Key=f"{p}/x", ServerSideEncryption=\'aws:kms\')', 'PutObject');
    expect([...(args?.keys() ?? [])]).toEqual(['Bucket', 'Metadata', 'Key', 'ServerSideEncryption']);
    expect(args?.get('ServerSideEncryption')).toBe('aws:kms');
    expect(boto3Calls('c.list_objects_v2(Bucket="b")', 'ListObjectsV2')).toHaveLength(1);
    expect(boto3Calls('c.describe_db_instances()', 'DescribeDBInstances')).toHaveLength(1);
  });
  it('stays linear on a long unclosed call', () => {
    const t0 = Date.now();
    boto3Calls(`s3.put_object(${'a=(, '.repeat(20000)}`, 'PutObject');
    expect(Date.now() - t0).toBeLessThan(500);
  });
});
