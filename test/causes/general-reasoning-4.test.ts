/**
 * General reasoning added for held-out round 3 (any-service AccessDenied), each checked on inputs
 * that are not the round-3 fixtures: the S3 resource from the command, the KMS encryption context
 * from the CLI, account-scoped resource-policy grants, AWS managed keys from describe-key, and S3
 * messages that name the refusing setting.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { s3FromCommand, withS3Target } from '../../src/core/causes/s3-target.js';
import { cliEncryptionContext, cliS3Sse } from '../../src/core/causes/signals.js';
import { parseError } from '../../src/core/parse/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const S = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const first = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;
const statusOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id)?.status;

describe('S3 resource from the command', () => {
  it.each([
    ['aws s3 cp s3://my-bucket-01/a/b.txt .', { bucket: 'my-bucket-01', key: 'a/b.txt' }],
    ['aws s3 ls s3://logs.example.com/', { bucket: 'logs.example.com', key: null }],
    ['aws s3api get-object --bucket data-lake-9 --key x/y.parquet out', { bucket: 'data-lake-9', key: 'x/y.parquet' }],
    ['aws s3api get-object --bucket arn:aws:s3:us-east-1:111122223333:accesspoint/ap --key k out', null],
    ['no command here', null],
  ])('%s', (text, want) => expect(s3FromCommand(text)).toEqual(want));

  it('bucket-level actions get the bucket ARN, object actions bucket/key; a parsed target is kept', () => {
    const p = parseError('An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied').parsed;
    expect(withS3Target({ ...p, action: 's3:ListBucket' }, 'aws s3 ls s3://b-one/pre/').target?.arn).toBe('arn:aws:s3:::b-one');
    expect(withS3Target({ ...p, action: 's3:GetObject' }, 'aws s3 cp s3://b-one/pre/k .').target?.arn).toBe('arn:aws:s3:::b-one/pre/k');
    const withTarget = { ...p, action: 's3:GetObject', target: { arn: 'arn:aws:s3:::other/k', accountId: null, partition: 'aws', service: 's3', region: null, resourceType: 'object', name: 'k' } };
    expect(withS3Target(withTarget, 'aws s3 cp s3://b-one/k .').target?.arn).toBe('arn:aws:s3:::other/k');
  });

  it('a bare S3 403 with a bucket-policy Deny on the command\'s bucket is the resource-policy deny', () => {
    const input: ExplainInput = {
      message: 'aws s3 cp s3://ops-backups-4411/db.dump .\ndownload failed: s3://ops-backups-4411/db.dump to ./db.dump An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
      policies: [
        { kind: 'identity', document: S({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::ops-backups-4411', 'arn:aws:s3:::ops-backups-4411/*'] }) },
        { kind: 'resource', document: S({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::ops-backups-4411/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }, { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ops-backups-4411/*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }) },
      ],
      context: { 'aws:SourceIp': '198.51.100.7', 'aws:SecureTransport': 'true' },
    };
    expect(first(input)).toBe('resource-policy-explicit-deny');
  });
});

describe('KMS encryption context from the CLI', () => {
  it.each([
    ['aws kms decrypt --ciphertext-blob fileb://x --encryption-context tenant=a,env=prod', { tenant: 'a', env: 'prod' }],
    ['aws kms decrypt --ciphertext-blob fileb://x --encryption-context \'{"tenant":"b"}\'', { tenant: 'b' }],
    ['aws kms decrypt --ciphertext-blob fileb://x', {}],
    ['kms.decrypt(CiphertextBlob=blob)', null],
  ])('%s', (text, want) => expect(cliEncryptionContext(text)).toEqual(want));

  it('a direct decrypt without the context an Allow requires is kms-condition-unmet', () => {
    const input: ExplainInput = {
      message: '$ aws kms decrypt --ciphertext-blob fileb://c.bin\nAn error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:iam::222233334444:user/ops is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:222233334444:key/11112222-3333-4444-5555-666677778888 because no identity-based policy allows the kms:Decrypt action',
      policies: [{ kind: 'identity', document: S({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:tenant': 'a' } } }) }],
    };
    expect(first(input)).toBe('kms-condition-unmet');
  });
});

describe('account-scoped resource grants', () => {
  const msg = 'An error occurred (AccessDenied) when calling the SendMessage operation: User: arn:aws:sts::555566667777:assumed-role/producer/p is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:888899990000:jobs because no resource-based policy allows the sqs:sendmessage action';
  const policy = (acct: string) => ({ kind: 'resource' as const, document: S({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'SQS:SendMessage', Resource: 'arn:aws:sqs:us-east-1:888899990000:jobs', Condition: { StringEquals: { 'aws:SourceOwner': acct } } }) });
  it('an Allow scoped by aws:SourceOwner to another account does not grant the caller', () => {
    expect(first({ message: msg, policies: [policy('888899990000')] })).toBe('resource-policy-missing-grant');
    expect(statusOf({ message: msg, policies: [policy('888899990000')] }, 'resource-policy-missing-grant')).toBe('confirmed');
  });
  it('scoped to the caller\'s own account it is no proof of a missing grant', () => {
    expect(statusOf({ message: msg, policies: [policy('555566667777')] }, 'resource-policy-missing-grant')).not.toBe('confirmed');
  });
});

describe('AWS managed keys and S3 settings named by the message', () => {
  it('describe-key KeyManager AWS with a cross-account caller is kms-aws-managed-key-cross-account', () => {
    const message = 'An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::121212121212:assumed-role/r/s is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:343434343434:key/aaaabbbb-cccc-dddd-eeee-ffff00001111 because no resource-based policy allows the kms:Decrypt action\n"KeyManager": "AWS"';
    expect(first({ message })).toBe('kms-aws-managed-key-cross-account');
    expect(first({ message: message.replace('"KeyManager": "AWS"', '"KeyManager": "CUSTOMER"') })).not.toBe('kms-aws-managed-key-cross-account');
  });
  it.each([
    'An error occurred (AccessDenied) when calling the PutBucketAcl operation: User: arn:aws:iam::121212121212:user/u is not authorized to perform: s3:PutBucketAcl on resource: "arn:aws:s3:::site-b" because public ACLs are prevented by the BlockPublicAcls block public access setting.',
    'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied because object protected by object lock.',
  ])('a message naming the refusing setting rules out a missing grant: %s', (message) => {
    const c = explain({ message }).causes.find((x) => x.id === 'resource-policy-missing-grant');
    expect(c === undefined || c.status === 'ruled-out').toBe(true);
  });
});

describe('S3 upload encryption header from the command', () => {
  it.each([
    ['aws s3 cp ./a s3://b-1/k', null],
    ['aws s3 cp ./a s3://b-1/k --sse aws:kms --sse-kms-key-id alias/x', ['aws:kms']],
    ['aws s3 cp ./a s3://b-1/k --sse', ['AES256']],
    ['aws s3api put-object --bucket b-1 --key k --body a --server-side-encryption AES256', ['AES256']],
    ['s3.put_object(Bucket="b-1", Key="k")', undefined],
  ])('%s', (text, want) => expect(cliS3Sse(text)).toEqual(want));

  it('a bare 403 on an upload without --sse, under a bucket Deny requiring SSE-KMS, is the resource-policy deny', () => {
    const input: ExplainInput = {
      message: '$ aws s3 cp ./r.csv s3://fin-drop-221/in/r.csv\nupload failed: ./r.csv to s3://fin-drop-221/in/r.csv An error occurred (AccessDenied) when calling the PutObject operation: Access Denied',
      policies: [
        { kind: 'identity', document: S({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::fin-drop-221/*' }) },
        { kind: 'resource', document: S({ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::fin-drop-221/*', Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } } }) },
      ],
    };
    expect(first(input)).toBe('resource-policy-explicit-deny');
    const withSse = { ...input, message: input.message.replace('s3://fin-drop-221/in/r.csv\n', 's3://fin-drop-221/in/r.csv --sse aws:kms\n') };
    expect(first(withSse)).not.toBe('resource-policy-explicit-deny');
  });
});
