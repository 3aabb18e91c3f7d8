/**
 * A CloudTrail data event names what it touched in its `resources` list (the object's ARN, the bucket with its owner's
 * accountId): the first ARN there is the target and that accountId its account, which an S3 ARN never holds.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const event = (extra: string) => `{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111111111111:assumed-role/ci/run","accountId":"111111111111"},"eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","errorCode":"AccessDenied","errorMessage":"Access Denied","requestParameters":{"bucketName":"artifacts-222","key":"builds/app.zip"}${extra}}`;
const RESOURCES = ',"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::artifacts-222/builds/app.zip"},{"accountId":"222222222222","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::artifacts-222"}]';

describe('a CloudTrail event\'s resources', () => {
  it('name the target and, for S3, the bucket owner\'s account: the call is cross-account', () => {
    const p = parseError(event(RESOURCES)).parsed;
    expect(p.target?.arn).toBe('arn:aws:s3:::artifacts-222/builds/app.zip');
    expect(p.target?.accountId).toBe('222222222222');
    expect(p.crossAccount).toBe(true);
  });
  it('near miss: a bucket owned by the caller\'s account is not cross-account', () => {
    const p = parseError(event(RESOURCES.replace('222222222222', '111111111111'))).parsed;
    expect(p.crossAccount).toBe(false);
  });
  it('near miss: without resources the target stays unknown', () => {
    expect(parseError(event('')).parsed.target).toBeNull();
  });
  it('near miss: an AssumeRole event\'s requestParameters.roleArn stays the target', () => {
    const ev = '{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111111111111:assumed-role/ci/run","accountId":"111111111111"},"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","errorCode":"AccessDenied","errorMessage":"An unknown error occurred","requestParameters":{"roleArn":"arn:aws:iam::222222222222:role/deploy","roleSessionName":"run"},"resources":[{"ARN":"arn:aws:iam::333333333333:role/other","accountId":"333333333333","type":"AWS::IAM::Role"}]}';
    const p = parseError(ev).parsed;
    expect(p.target?.arn).toBe('arn:aws:iam::222222222222:role/deploy');
    expect(p.target?.accountId).toBe('222222222222');
  });
});
