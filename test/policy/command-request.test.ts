/** requestFromCommand / mergeRequest: what the pasted `aws` command shows the failed call sent. */
import { describe, expect, it } from 'vitest';
import { awsCommands, commandContextValue, mergeRequest, requestFromCommand, roleArnWithPath } from '../../src/core/policy/command-request.js';
import type { Caller, ParsedError } from '../../src/core/types.js';

function parsed(action: string, operation: string | null, caller: Partial<Caller> | null = { type: 'user', accountId: '111111111111', name: 'ops' }, region: string | null = null): ParsedError {
  return {
    recognized: true, source: 'aws-cli', errorCode: 'AccessDenied', operation, action,
    caller: caller ? { arn: null, type: 'unknown', accountId: null, partition: 'aws', name: null, sessionName: null, roleArn: null, ...caller } : null,
    target: null, crossAccount: null, deny: { kind: 'implicit', policyType: null, policyArn: null }, requestId: null, region,
    encodedMessage: null, redactions: [], shape: null, message: null, httpStatus: 403, wrappers: [],
  };
}
const assume = parsed('sts:AssumeRole', 'AssumeRole');
const ERR = '\nAn error occurred (AccessDenied) when calling the AssumeRole operation: …';

describe('requestFromCommand: sts assume-role', () => {
  it.each([
    ['--external-id', '$ aws sts assume-role --role-arn arn:aws:iam::2:role/r --role-session-name s1 --external-id abc', { externalId: 'abc', roleSessionName: 's1' }],
    ['no --external-id: the call passed none', 'aws sts assume-role --role-arn arn:aws:iam::2:role/r --role-session-name s1', { externalId: null, roleSessionName: 's1' }],
    ['--flag=value and quotes', 'aws sts assume-role --role-arn=arn:aws:iam::2:role/r --external-id="a b" --source-identity \'alice\'', { externalId: 'a b', sourceIdentity: 'alice' }],
    ['--duration-seconds', 'aws sts assume-role --role-arn r --role-session-name s --duration-seconds 7200', { externalId: null, roleSessionName: 's', durationSeconds: 7200 }],
    ['non-numeric duration ignored', 'aws sts assume-role --role-arn r --duration-seconds $DUR', { externalId: null }],
    ['--tags shorthand', 'aws sts assume-role --role-arn r --tags Key=team,Value=a Key=env,Value=prod --external-id x', { externalId: 'x', sessionTags: { team: 'a', env: 'prod' } }],
    ['--tags JSON', 'aws sts assume-role --role-arn r --tags \'[{"Key":"team","Value":"b"}]\'', { externalId: null, sessionTags: { team: 'b' } }],
    ['continuation lines', 'aws sts assume-role \\\n  --role-arn arn:aws:iam::2:role/r \\\n  --external-id from-line-3 \\\n  --role-session-name s', { externalId: 'from-line-3', roleSessionName: 's' }],
    ['global options before the service', 'aws --profile dev --debug sts assume-role --role-arn r --external-id g', { externalId: 'g' }],
    ['a CI trace line', '+ /usr/local/bin/aws sts assume-role --role-arn r --external-id ci', { externalId: 'ci' }],
    ['--cli-input-json: parameters not shown', 'aws sts assume-role --cli-input-json file://in.json', {}],
    ['another operation does not count', 'aws sts get-caller-identity --region eu-west-1', {}],
    ['two retries that disagree: unknown', 'aws sts assume-role --role-arn r --external-id a\naws sts assume-role --role-arn r --external-id b', {}],
    ['two retries that agree', 'aws sts assume-role --role-arn r --external-id a\naws sts assume-role --role-arn r --external-id a', { externalId: 'a' }],
    ['prose without a command', 'I passed the external id abc to the AWS console', {}],
  ])('%s', (_name, text, want) => {
    expect(requestFromCommand(text + ERR, assume).request).toEqual(want);
  });

  it('reads --region as aws:RequestedRegion unless the message names the Region', () => {
    const text = 'aws sts assume-role --role-arn r --region eu-central-1';
    expect(requestFromCommand(text, assume).context['aws:RequestedRegion']).toBe('eu-central-1');
    expect(requestFromCommand('aws --region ap-south-1 sts assume-role --role-arn r', assume).context['aws:RequestedRegion']).toBe('ap-south-1');
    expect(requestFromCommand(text, parsed('sts:AssumeRole', 'AssumeRole', null, 'us-west-2')).context['aws:RequestedRegion']).toBeUndefined();
    expect(requestFromCommand('aws sts assume-role --role-arn r --region not-a-region', assume).context['aws:RequestedRegion']).toBeUndefined();
  });
});

describe('requestFromCommand: S3 uploads and KMS', () => {
  const put = parsed('s3:PutObject', 'PutObject');
  it.each([
    ['aws s3 cp ./a s3://b/k --sse aws:kms --sse-kms-key-id alias/x', { 's3:x-amz-server-side-encryption': ['aws:kms'], 's3:x-amz-server-side-encryption-aws-kms-key-id': 'alias/x' }, []],
    ['aws s3api put-object --bucket b --key k --body a --server-side-encryption AES256', { 's3:x-amz-server-side-encryption': ['AES256'] }, []],
    ['aws s3 cp ./a s3://b/k', {}, ['s3:x-amz-server-side-encryption']],
    ['aws s3api get-object --bucket b --key k out', {}, []],
  ])('%s', (text, context, absent) => {
    const r = requestFromCommand(text, put);
    expect(r.context).toEqual(context);
    expect(r.absent).toEqual(absent);
  });

  it('a direct kms call: the encryption context is exactly what the command passed', () => {
    const dec = parsed('kms:Decrypt', 'Decrypt');
    const r = requestFromCommand('aws kms decrypt --ciphertext-blob fileb://c --encryption-context tenant=a,env=prod', dec);
    expect(r.context).toMatchObject({ 'kms:EncryptionContext:tenant': 'a', 'kms:EncryptionContext:env': 'prod', 'kms:EncryptionContextKeys': ['tenant', 'env'] });
    expect(commandContextValue(r, 'kms:encryptioncontext:TENANT')).toEqual(['a']);
    expect(commandContextValue(r, 'kms:EncryptionContext:app')).toBeNull();
    const none = requestFromCommand('aws kms decrypt --ciphertext-blob fileb://c', dec);
    expect(commandContextValue(none, 'kms:EncryptionContext:app')).toBeNull();
    expect(commandContextValue(none, 'kms:EncryptionContextKeys')).toBeNull();
    // an encrypt command says nothing about a failed Decrypt
    expect(commandContextValue(requestFromCommand('aws kms encrypt --key-id k --plaintext p', dec), 'kms:EncryptionContext:app')).toBeUndefined();
    // a service calling KMS for someone: unknown
    expect(requestFromCommand('aws kms decrypt --ciphertext-blob fileb://c', parsed('kms:Decrypt', 'Decrypt', { type: 'service' })).absentPrefixes).toEqual([]);
  });
});

describe('roleArnWithPath', () => {
  const caller = { arn: 'arn:aws:sts::111111111111:assumed-role/etl/s', type: 'assumed-role', accountId: '111111111111', partition: 'aws', name: 'etl', sessionName: 's', roleArn: null } as Caller;
  it('finds the role ARN with its path in get-role output, only for the caller\'s role and account', () => {
    expect(roleArnWithPath('"Arn": "arn:aws:iam::111111111111:role/automation/etl"', caller)).toBe('arn:aws:iam::111111111111:role/automation/etl');
    expect(roleArnWithPath('arn:aws:iam::222222222222:role/automation/etl', caller)).toBeNull();
    expect(roleArnWithPath('arn:aws:iam::111111111111:role/automation/etl-2', caller)).toBeNull();
    expect(roleArnWithPath('arn:aws:iam::111111111111:role/etl', caller)).toBeNull();
    expect(requestFromCommand('arn:aws:iam::111111111111:role/automation/etl', { ...assume, caller }).context['aws:PrincipalArn']).toBe('arn:aws:iam::111111111111:role/automation/etl');
  });
});

describe('mergeRequest', () => {
  const fromText = requestFromCommand('aws sts assume-role --role-arn r --external-id abc --role-session-name t --region eu-west-1', assume);
  it('what the person stated wins, fact by fact and key by key (case-insensitive)', () => {
    const m = mergeRequest(fromText, { externalId: 'mine', roleSessionName: undefined }, { 'AWS:requestedregion': 'us-east-1' });
    expect(m.request).toEqual({ externalId: 'mine', roleSessionName: 't' });
    expect(m.context).toEqual({ 'AWS:requestedregion': 'us-east-1' });
    expect(mergeRequest(fromText, { externalId: null }, {}).request.externalId).toBeNull();
    expect(mergeRequest(fromText, {}, {}).context).toEqual({ 'aws:RequestedRegion': 'eu-west-1' });
  });
  it('turns an absent prefix into the policies\' keys, unless stated', () => {
    const r = requestFromCommand('aws kms decrypt --ciphertext-blob fileb://c --encryption-context a=1', parsed('kms:Decrypt', 'Decrypt'));
    const m = mergeRequest(r, {}, { 'kms:EncryptionContext:stated': 'x' }, ['kms:EncryptionContext:app', 'kms:EncryptionContext:a', 'kms:EncryptionContext:stated', 'aws:SourceIp']);
    expect(m.absent).toEqual(['kms:EncryptionContext:app']);
  });
});

describe('awsCommands stays linear and bounded', () => {
  it('a long line full of "aws " and many continuation lines finish fast', () => {
    const t0 = Date.now();
    awsCommands(' aws x'.repeat(16_000));
    awsCommands(`aws sts assume-role ${'\\\n'.repeat(50_000)}`);
    awsCommands(`aws sts assume-role --tags ${"'".repeat(90_000)}`);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
