/**
 * The rules added for blind round 9 (docs/decisions/028), each tried both ways on inputs written here (none is a
 * fixture's text); every must-change case fails on the build before them (main d308674). The fixtures' own results
 * are in blind9.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { parseError } from '../../src/core/parse/index.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const V = '2012-10-17';
const causeOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id);
const statusOf = (input: ExplainInput, id: string) => causeOf(input, id)?.status;
const topOf = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;
const evidenceOf = (input: ExplainInput, id: string) => (causeOf(input, id)?.evidence ?? []).map((e) => e.text).join('\n');
const policy = (kind: PolicyInput['kind'], ...Statement: object[]): PolicyInput => ({ kind, document: { Version: V, Statement } });

describe('a decoded token\'s printed claims are the token\'s under the issuer the paste prints', () => {
  const refusal = 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity';
  const claims = (iss: string, aud: string) => `${refusal}\n\n# jwt payload:\n#   "iss": "${iss}",\n#   "aud": "${aud}",\n#   "sub": "eu-central-1:5b1c0d2e-aaaa-bbbb-cccc-0123456789ab"`;
  const poolTrust = policy('trust', {
    Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'eu-central-1:11111111-2222-3333-4444-555555555555' } },
  });

  it('iss https://cognito-identity.amazonaws.com and another pool\'s aud: oidc-audience-mismatch confirmed, first', () => {
    const input = { message: claims('https://cognito-identity.amazonaws.com', 'eu-central-1:99999999-8888-7777-6666-555555555555'), policies: [poolTrust] };
    expect(statusOf(input, 'oidc-audience-mismatch')).toBe('confirmed');
    expect(topOf(input)).toBe('oidc-audience-mismatch');
  });
  it('the same pool\'s aud printed: the aud condition is met, oidc-audience-mismatch ruled out', () => {
    const input = { message: claims('https://cognito-identity.amazonaws.com', 'eu-central-1:11111111-2222-3333-4444-555555555555'), policies: [poolTrust] };
    expect(statusOf(input, 'oidc-audience-mismatch')).toBe('ruled-out');
  });
  it('near miss — the printed token is another issuer\'s (accounts.google.com): its aud is not read for the Cognito key', () => {
    const input = { message: claims('https://accounts.google.com', 'eu-central-1:99999999-8888-7777-6666-555555555555'), policies: [poolTrust] };
    expect(statusOf(input, 'oidc-audience-mismatch')).not.toBe('confirmed');
  });
  it('near miss — two issuers printed: which token failed is not known, not confirmed', () => {
    const input = { message: `${claims('https://cognito-identity.amazonaws.com', 'eu-central-1:99999999-8888-7777-6666-555555555555')}\n# other token: "iss": "https://accounts.google.com"`, policies: [poolTrust] };
    expect(statusOf(input, 'oidc-audience-mismatch')).not.toBe('confirmed');
  });
  it('near miss — an aud list of several values is left unknown', () => {
    const msg = `${refusal}\n{"iss":"https://cognito-identity.amazonaws.com","aud":["eu-central-1:99999999-8888-7777-6666-555555555555","other"],"sub":"x"}`;
    expect(statusOf({ message: msg, policies: [poolTrust] }, 'oidc-audience-mismatch')).not.toBe('confirmed');
  });
});

describe('a StringEquals value with * is literal: its failure is no letter-case difference', () => {
  const provider = 'oidc.eks.us-east-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9';
  const token = (sub: string) => `botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\n{"aud":["sts.amazonaws.com"],"iss":"https://${provider}","sub":"${sub}"}`;
  const eksTrust = (op: string, sub: string) => policy('trust', {
    Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${provider}` }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { [op]: { [`${provider}:sub`]: sub, [`${provider}:aud`]: 'sts.amazonaws.com' } },
  });
  it('StringEquals system:serviceaccount:billing:* against billing:worker: confirmed, and no word of letter case', () => {
    const input = { message: token('system:serviceaccount:billing:worker'), policies: [eksTrust('StringEquals', 'system:serviceaccount:billing:*')] };
    expect(statusOf(input, 'oidc-sub-mismatch')).toBe('confirmed');
    expect(evidenceOf(input, 'oidc-sub-mismatch')).not.toContain('letter case');
  });
  it('near miss — StringLike system:serviceaccount:Billing:* against billing:worker still differs only in letter case', () => {
    const input = { message: token('system:serviceaccount:billing:worker'), policies: [eksTrust('StringLike', 'system:serviceaccount:Billing:*')] };
    expect(evidenceOf(input, 'oidc-sub-mismatch')).toContain('letter case');
  });
});

describe('an EventBridge dead-letter message is events.amazonaws.com\'s delivery to the target, the rule as aws:SourceArn', () => {
  const dlq = (rule: string, target: string, error: string) => `$ aws sqs receive-message --queue-url https://sqs.eu-west-1.amazonaws.com/210987654321/rule-dlq --message-attribute-names All
{
  "Messages": [{
    "MessageId": "0b1c2d3e-0000-4000-8000-000000000001",
    "Body": "{\\"detail-type\\":\\"InvoicePaid\\"}",
    "MessageAttributes": {
      "ERROR_CODE": { "StringValue": "NO_PERMISSIONS", "DataType": "String" },
      "ERROR_MESSAGE": { "StringValue": "${error}", "DataType": "String" },
      "RULE_ARN": { "StringValue": "${rule}", "DataType": "String" },
      "TARGET_ARN": { "StringValue": "${target}", "DataType": "String" }
    }
  }]
}`;
  const queue = 'arn:aws:sqs:eu-west-1:210987654321:invoices';
  const queueError = 'Access to the resource https://sqs.eu-west-1.amazonaws.com/210987654321/invoices is denied.';
  const queuePolicy = (sourceArn: string) => policy('resource', {
    Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queue,
    Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
  });

  it('a queue policy naming another rule: condition-other confirmed, first', () => {
    const input = { message: dlq('arn:aws:events:eu-west-1:210987654321:rule/invoice-paid', queue, queueError), policies: [queuePolicy('arn:aws:events:eu-west-1:210987654321:rule/invoice-created')] };
    expect(statusOf(input, 'condition-other')).toBe('confirmed');
    expect(topOf(input)).toBe('condition-other');
  });
  it('the queue policy naming this rule: its condition holds, condition-other is not confirmed', () => {
    const input = { message: dlq('arn:aws:events:eu-west-1:210987654321:rule/invoice-paid', queue, queueError), policies: [queuePolicy('arn:aws:events:eu-west-1:210987654321:rule/invoice-paid')] };
    expect(statusOf(input, 'condition-other')).not.toBe('confirmed');
  });
  it('an SNS target: the delivery is sns:Publish by events.amazonaws.com; a topic policy without that service: resource-policy-missing-grant first', () => {
    const topic = 'arn:aws:sns:eu-west-1:210987654321:alerts';
    const input = {
      message: dlq('arn:aws:events:eu-west-1:210987654321:rule/alarm-fired', topic, 'User: events.amazonaws.com is not authorized to perform SNS:Publish'),
      policies: [policy('resource', { Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: topic })],
    };
    expect(topOf(input)).toBe('resource-policy-missing-grant');
    expect(evidenceOf(input, 'resource-policy-missing-grant')).toContain('events.amazonaws.com');
  });
  it('near miss — TARGET_ARN without RULE_ARN: no delivery is assumed (the caller stays unknown)', () => {
    const msg = dlq('', queue, queueError).replace(/"RULE_ARN"[^\n]*\n/, '');
    const input = { message: msg, policies: [queuePolicy('arn:aws:events:eu-west-1:210987654321:rule/invoice-created')] };
    expect(statusOf(input, 'condition-other')).not.toBe('confirmed');
  });
  it('near miss — a Step Functions target (reached through a role, not a resource policy) is not modelled as a delivery', () => {
    const sfn = 'arn:aws:states:eu-west-1:210987654321:stateMachine:pay';
    const input = { message: dlq('arn:aws:events:eu-west-1:210987654321:rule/invoice-paid', sfn, queueError), policies: [queuePolicy('arn:aws:events:eu-west-1:210987654321:rule/invoice-created')] };
    expect(statusOf(input, 'condition-other')).not.toBe('confirmed');
  });
});

describe('a wording that names no resource: the ARN of the refused action\'s service the failing command passed', () => {
  const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const refusal = 'An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::111122223333:assumed-role/app/s1 is not authorized to perform: kms:Decrypt because no identity-based policy allows the kms:Decrypt action';
  it('aws kms decrypt --key-id <key ARN>: the key is the target', () => {
    expect(parseError(`$ aws kms decrypt --key-id ${key} --ciphertext-blob fileb://blob.bin\n\n${refusal}`).parsed.target?.arn).toBe(key);
  });
  it('near miss — --key-id names an alias, no ARN: no target is made up', () => {
    expect(parseError(`$ aws kms decrypt --key-id alias/app --ciphertext-blob fileb://blob.bin\n\n${refusal}`).parsed.target).toBeNull();
  });
  it('near miss — the command holds two keys\' ARNs (re-encrypt): which one was refused is not known', () => {
    const other = 'arn:aws:kms:eu-west-1:111122223333:key/99999999-12ab-34cd-56ef-1234567890ab';
    expect(parseError(`$ aws kms re-encrypt --source-key-id ${key} --destination-key-id ${other} --ciphertext-blob fileb://b\n\n${refusal}`).parsed.target).toBeNull();
  });
  it('near miss — an ARN of another service in the command (the role handed to Lambda) is not the refused resource', () => {
    const m = '$ aws lambda create-function --function-name f --role arn:aws:iam::111122223333:role/exec --runtime python3.12 --handler h --zip-file fileb://f.zip\n\nAn error occurred (AccessDeniedException) when calling the CreateFunction operation: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: lambda:CreateFunction because no identity-based policy allows the lambda:CreateFunction action';
    expect(parseError(m).parsed.target).toBeNull();
  });
});

describe('a service\'s refused use of KMS: an identity Allow of the KMS action on every key covers the service\'s key', () => {
  const secret = 'arn:aws:secretsmanager:us-east-1:444455556666:secret:team/db-AbC123';
  const kmsRefusal = `$ aws secretsmanager get-secret-value --secret-id ${secret} --profile data\n\nAn error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed\n\n$ aws sts get-caller-identity --profile data\n{\n    "UserId": "AROAEXAMPLEEXAMPLE1:r1",\n    "Account": "111122223333",\n    "Arn": "arn:aws:sts::111122223333:assumed-role/reader/r1"\n}`;
  const secretPolicy = policy('resource', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/reader' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' });
  const kmsAnyKey = policy('identity', { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'kms:Decrypt'], Resource: '*' });
  const kmsNamedKey = policy('identity',
    { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
    { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:444455556666:key/0000aaaa-1111-2222-3333-444455556666' });

  it('kms:Decrypt allowed on Resource "*": identity-missing-allow ruled out whichever key the secret uses', () => {
    expect(statusOf({ message: kmsRefusal, policies: [secretPolicy, kmsAnyKey] }, 'identity-missing-allow')).toBe('ruled-out');
  });
  it('near miss — kms:Decrypt allowed only on a key the paste does not tie to the secret: not ruled out', () => {
    expect(statusOf({ message: kmsRefusal, policies: [secretPolicy, kmsNamedKey] }, 'identity-missing-allow')).not.toBe('ruled-out');
  });
});
