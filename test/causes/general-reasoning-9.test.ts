/**
 * General reasoning added after the third blind round (blind3.test.ts: d06, d10, d11), each rule checked on
 * inputs written for it, not the round's fixtures, and both ways: the new case ranks right, and a near miss
 * (the fact the rule reads is absent or different) answers as the build before the rule did. Facts from AWS
 * documentation: S3 Object Ownership and object-operation authorization, Secrets Manager's DescribeSecret
 * KmsKeyId (left out for aws/secretsmanager) and cross-account access, KMS grants and grant tokens.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput } from '../../src/core/types.js';

const answer = (input: ExplainInput) => explain(input).causes;
const live = (input: ExplainInput) => answer(input).filter((c) => c.status !== 'ruled-out');
const find = (input: ExplainInput, id: string) => answer(input).find((c) => c.id === id);
/** 1-based rank among the causes not ruled out; 0 when ruled out or absent. */
const rankOf = (input: ExplainInput, id: string) => live(input).findIndex((c) => c.id === id) + 1;

describe('S3 owners read from pasted get-bucket-acl / get-object-acl output', () => {
  const BUCKET_OWNER = 'c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc';
  const PARTNER = '5a5a5a5a0b0b0b0b1c1c1c1c2d2d2d2d3e3e3e3e4f4f4f4f6060606071717171';
  const paste = (objOwner: string, { ownership = 'BucketOwnerPreferred', aclBucket = 'media-landing-zone' } = {}) => ({
    message: [
      'PS C:\\> aws s3api get-bucket-ownership-controls --bucket media-landing-zone',
      `{ "OwnershipControls": { "Rules": [ { "ObjectOwnership": "${ownership}" } ] } }`,
      `PS C:\\> aws s3api get-bucket-acl --bucket ${aclBucket}`,
      '{',
      `    "Owner": { "DisplayName": "media-prod", "ID": "${BUCKET_OWNER}" },`,
      `    "Grants": [ { "Grantee": { "DisplayName": "media-prod", "ID": "${BUCKET_OWNER}", "Type": "CanonicalUser" }, "Permission": "FULL_CONTROL" } ]`,
      '}',
      'PS C:\\> aws s3api get-object-acl --bucket media-landing-zone --key vendor/2026-07-01/clip-17.mp4',
      `{ "Owner": { "ID": "${objOwner}" }, "Grants": [ { "Grantee": { "ID": "${objOwner}", "Type": "CanonicalUser" }, "Permission": "FULL_CONTROL" } ] }`,
      'PS C:\\> aws s3api get-object --bucket media-landing-zone --key vendor/2026-07-01/clip-17.mp4 clip.mp4',
      '',
      'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
    ].join('\n'),
  });

  it('an object owned by another canonical user than the bucket puts object ownership first', () => {
    const input = paste(PARTNER);
    expect(live(input)[0]?.id).toBe('s3-object-ownership');
    expect(find(input, 's3-object-ownership')?.evidence.some((e) => e.text.includes('owned by canonical user 5a5a5a5a'))).toBe(true);
  });
  it('the same object owned by the bucket owner weighs ownership down', () => {
    const input = paste(BUCKET_OWNER);
    expect(find(input, 's3-object-ownership')?.status).toBe('unlikely');
    expect(rankOf(input, 's3-object-ownership')).toBeGreaterThan(3);
  });
  it('a bucket ACL of another bucket says nothing: ownership stays where the build put it before (3rd, possible)', () => {
    const input = paste(PARTNER, { aclBucket: 'media-archive' });
    expect(rankOf(input, 's3-object-ownership')).toBe(3);
    expect(find(input, 's3-object-ownership')?.status).toBe('possible');
    expect(find(input, 's3-object-ownership')?.evidence.some((e) => e.text.includes('canonical user'))).toBe(false);
  });
  it('Bucket owner enforced: no other account can own the object', () => {
    const enforced = paste(BUCKET_OWNER, { ownership: 'BucketOwnerEnforced', aclBucket: 'media-archive' });
    expect(find(enforced, 's3-object-ownership')?.evidence.some((e) => e.text.includes('Bucket owner enforced'))).toBe(true);
    expect(rankOf(enforced, 's3-object-ownership')).toBeGreaterThan(10);
  });
});

describe('get-caller-identity output in the paste answers "which credentials"', () => {
  const SESSION = 'arn:aws:sts::402918375561:assumed-role/report-builder/i-0a1b2c3d4e5f60718';
  const gci = `$ aws sts get-caller-identity --profile reporting\n{\n    "UserId": "AROAX7EXAMPLE2Q4W6E8R:i-0a1b2c3d4e5f60718",\n    "Account": "402918375561",\n    "Arn": "${SESSION}"\n}\n`;
  const ls = '$ aws s3 ls s3://quarterly-exports --profile reporting\n\nAn error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied';
  const allowList = { kind: 'identity' as const, name: 'report-builder', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::quarterly-exports' }] } };

  it('the identity shown and nothing saying another was meant: wrong credentials no longer lead', () => {
    const input = { message: gci + ls, policies: [allowList] };
    expect(live(input)[0]?.id).not.toBe('wrong-credentials-in-use');
    expect(find(input, 'wrong-credentials-in-use')?.status).toBe('unlikely');
    expect(find(input, 'wrong-credentials-in-use')?.evidence.some((e) => e.text.includes('get-caller-identity in the paste shows'))).toBe(true);
  });
  it('only the ARN printed (--query Arn --output text, no JSON): unchanged, wrong credentials first (possible)', () => {
    const input = { message: `$ aws sts get-caller-identity --profile reporting --query Arn --output text\n${SESSION}\n${ls}`, policies: [allowList] };
    expect(live(input)[0]?.id).toBe('wrong-credentials-in-use');
    expect(live(input)[0]?.status).toBe('possible');
  });
  it('the text names another identity that was meant: still confirmed', () => {
    const input = { message: `# expected to run as arn:aws:iam::402918375561:role/report-publisher\n${gci}${ls}`, policies: [allowList] };
    expect(live(input)[0]?.id).toBe('wrong-credentials-in-use');
    expect(live(input)[0]?.status).toBe('confirmed');
  });
});

describe('the Secrets Manager secret\'s key as describe-secret prints it', () => {
  const SECRET = 'arn:aws:secretsmanager:eu-west-1:918273645501:secret:platform/ledger-api-key-3JkQ9z';
  const gci = '$ aws sts get-caller-identity --profile ledger\n{\n    "UserId": "AROAX7EXAMPLE2Q4W6E8R:botocore-session-1751234567",\n    "Account": "402918375561",\n    "Arn": "arn:aws:sts::402918375561:assumed-role/ledger-reader/botocore-session-1751234567"\n}';
  const getSecret = `$ aws secretsmanager get-secret-value --secret-id ${SECRET}\n\nAn error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed`;
  const describeSecret = (kms: string | null, query = '') => [
    `$ aws secretsmanager describe-secret --secret-id ${SECRET}${query}`,
    '{',
    `    "ARN": "${SECRET}",`,
    '    "Name": "platform/ledger-api-key",',
    ...(kms ? [`    "KmsKeyId": "${kms}",`] : []),
    '    "LastChangedDate": "2026-07-02T09:12:44.120000+00:00",',
    '    "VersionIdsToStages": { "0c6f5e1a-2b3c-4d5e-8f90-a1b2c3d4e5f6": [ "AWSCURRENT" ] },',
    '    "CreatedDate": "2026-03-11T17:40:02.001000+00:00"',
    '}',
  ].join('\n');
  const msg = (...parts: string[]) => ({ message: [gci, ...parts, getSecret].join('\n') });
  const MANAGED = 'kms-aws-managed-key-cross-account';

  it('a customer alias ARN rules the AWS managed key out', () => {
    const input = msg(describeSecret('arn:aws:kms:eu-west-1:918273645501:alias/ledger-secrets'));
    expect(find(input, MANAGED)?.status).toBe('ruled-out');
    expect(rankOf(input, 'kms-key-policy-missing-grant')).toBeLessThan(rankOf(msg(), 'kms-key-policy-missing-grant'));
  });
  it('a multi-Region key ARN in a boto3-printed dict rules it out too', () => {
    const input = msg(`{'ARN': '${SECRET}', 'Name': 'platform/ledger-api-key', 'KmsKeyId': 'arn:aws:kms:eu-west-1:918273645501:key/mrk-7d1e0c9b4a2f4e6d8c0b1a2f3e4d5c6b'}`);
    expect(find(input, MANAGED)?.status).toBe('ruled-out');
  });
  it('alias/aws/secretsmanager, read from another account, confirms it', () => {
    const input = msg(describeSecret('alias/aws/secretsmanager'));
    expect(live(input)[0]?.id).toBe(MANAGED);
    expect(live(input)[0]?.status).toBe('confirmed');
  });
  it('describe-secret printing no KmsKeyId (Secrets Manager leaves it out for aws/secretsmanager) confirms it', () => {
    const input = msg(describeSecret(null));
    expect(live(input)[0]?.id).toBe(MANAGED);
    expect(live(input)[0]?.status).toBe('confirmed');
  });
  it('describe-secret narrowed by --query, or not pasted: unchanged (2nd, possible)', () => {
    for (const input of [msg('$ aws secretsmanager describe-secret --secret-id platform/ledger-api-key --query Name\n"platform/ledger-api-key"'), msg()]) {
      expect(rankOf(input, MANAGED)).toBe(2);
      expect(find(input, MANAGED)?.status).toBe('possible');
    }
  });
  it('a KmsKeyId of something other than a secret says nothing about the secret\'s key', () => {
    const volume = '$ aws ec2 describe-volumes --volume-ids vol-0a1b2c3d4e5f60718 --query "Volumes[0].{Id:VolumeId,KmsKeyId:KmsKeyId}"\n{\n    "Id": "vol-0a1b2c3d4e5f60718",\n    "KmsKeyId": "arn:aws:kms:eu-west-1:402918375561:key/0d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"\n}';
    const input = msg(volume);
    expect(find(input, MANAGED)?.status).toBe('possible');
  });
  it('the identity policy allowing kms:Decrypt on exactly that key rules identity-missing-allow out', () => {
    const KEY = 'arn:aws:kms:eu-west-1:918273645501:key/2b4d6f80-1a3c-4e5f-9a7b-c9d1e3f50719';
    const policy = (keyResource: string) => ({ kind: 'identity' as const, document: { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `${SECRET.slice(0, -7)}-*` },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyResource },
    ] } });
    const input = { ...msg(describeSecret(KEY)), policies: [policy(KEY)] };
    expect(find(input, 'identity-missing-allow')?.status).toBe('ruled-out');
    // an Allow on another key: the IAM side for this key is not shown, identity-missing-allow stays open
    const other = { ...msg(describeSecret(KEY)), policies: [policy('arn:aws:kms:eu-west-1:918273645501:key/ffffffff-1a3c-4e5f-9a7b-c9d1e3f50719')] };
    expect(find(other, 'identity-missing-allow')?.status).not.toBe('ruled-out');
  });
});

describe('a CreateGrant for the caller on the refused key', () => {
  const ACCT = '663018274519';
  const KEY = `arn:aws:kms:ap-southeast-2:${ACCT}:key/1f2e3d4c-5b6a-4789-90ab-cdef01234567`;
  const WORKER = `arn:aws:iam::${ACCT}:role/ingest-worker`;
  const keyPolicy = { kind: 'resource' as const, name: 'ingest key policy', document: { Version: '2012-10-17', Statement: [
    { Sid: 'Admins', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:role/kms-admins` }, Action: 'kms:*', Resource: '*' },
    { Sid: 'Dispatcher', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:role/dispatcher` }, Action: ['kms:CreateGrant', 'kms:DescribeKey'], Resource: '*' },
  ] } };
  const denied = `botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::${ACCT}:assumed-role/ingest-worker/task-5521 is not authorized to perform: kms:Decrypt on resource: ${KEY} because no resource-based policy allows the kms:Decrypt action`;
  const cliGrant = (grantee: string, ops: string, key = KEY) => `$ aws kms create-grant \\\n    --key-id ${key} \\\n    --grantee-principal ${grantee} \\\n    --operations ${ops}\n{\n    "GrantId": "0f9e8d7c6b5a49382716a5b4c3d2e1f00f9e8d7c6b5a49382716a5b4c3d2e1f0"\n}\n`;
  const withGrant = (grant: string, after = false) => ({ message: after ? `${denied}\n${grant}` : `${grant}${denied}`, policies: [keyPolicy] });

  it('a CLI create-grant for the caller\'s role covering Decrypt puts the pending grant first; the key policy is no longer confirmed', () => {
    const input = withGrant(cliGrant(WORKER, 'Decrypt GenerateDataKey'));
    expect(live(input)[0]?.id).toBe('kms-grant-pending');
    expect(find(input, 'kms-key-policy-missing-grant')?.status).not.toBe('confirmed');
  });
  it('a CloudTrail CreateGrant event printed over many lines counts the same', () => {
    const trail = `{\n  "eventSource": "kms.amazonaws.com",\n  "eventName": "CreateGrant",\n  "requestParameters": {\n    "keyId": "${KEY}",\n    "granteePrincipal": "${WORKER}",\n    "operations": ["Decrypt"]\n  }\n}\n`;
    expect(live(withGrant(trail))[0]?.id).toBe('kms-grant-pending');
  });
  it('a grant for another role, another key, other operations, or made after the failure: unchanged, the key policy confirmed', () => {
    for (const input of [
      withGrant(cliGrant(`${WORKER}-canary`, 'Decrypt')),
      withGrant(cliGrant(WORKER, 'Decrypt', `arn:aws:kms:ap-southeast-2:${ACCT}:key/99999999-5b6a-4789-90ab-cdef01234567`)),
      withGrant(cliGrant(WORKER, 'Encrypt GenerateDataKey')),
      withGrant(cliGrant(WORKER, 'Decrypt'), true),
    ]) {
      expect(live(input)[0]?.id).toBe('kms-key-policy-missing-grant');
      expect(live(input)[0]?.status).toBe('confirmed');
      expect(rankOf(input, 'kms-grant-pending')).toBe(2);
    }
  });
});
