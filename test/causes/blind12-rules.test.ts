/**
 * The rules added for blind round 12 (docs/decisions/032), each tried both ways on inputs written here (none is a
 * fixture's text); every must-change case fails on the build before them (main 5e4791e). The fixtures' own results
 * are in blind12.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain, parseError } from '../../src/core/index.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const V = '2012-10-17';
const causeOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id);
const statusOf = (input: ExplainInput, id: string) => causeOf(input, id)?.status;
const topOf = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;
const policy = (kind: PolicyInput['kind'], ...Statement: object[]): PolicyInput => ({ kind, document: { Version: V, Statement } });

describe('web identity: a plain AccessDenied with the trust naming the provider under another account is the trust\'s account', () => {
  const iss = 'oidc.eks.us-east-2.amazonaws.com/id/7C2E5A9B1D3F4E60A8B7C6D5E4F30291';
  const trust = (acct: string) => policy('trust', {
    Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${acct}:oidc-provider/${iss}` }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${iss}:sub`]: 'system:serviceaccount:billing:exporter' } },
  });
  const context = { [`${iss}:sub`]: 'system:serviceaccount:billing:exporter' };
  const denied = 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\n# AWS_ROLE_ARN=arn:aws:iam::604311927785:role/billing-exporter';

  it('the role in 604311927785, the trust naming 118204736951\'s provider: trust-principal-wrong-account confirmed, first; oidc-provider-missing not', () => {
    const input = { message: denied, policies: [trust('118204736951')], context };
    expect(statusOf(input, 'trust-principal-wrong-account')).toBe('confirmed');
    expect(topOf(input)).toBe('trust-principal-wrong-account');
    expect(statusOf(input, 'oidc-provider-missing')).not.toBe('confirmed');
  });
  it('near miss — the trust names the role\'s own account\'s provider: trust-principal-wrong-account does not apply', () => {
    expect(causeOf({ message: denied, policies: [trust('604311927785')], context }, 'trust-principal-wrong-account')).toBeUndefined();
  });
  it('near miss — STS says no provider was found: oidc-provider-missing stays first', () => {
    const input = { message: `An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://${iss}\n# AWS_ROLE_ARN=arn:aws:iam::604311927785:role/billing-exporter`, policies: [trust('118204736951')], context };
    expect(topOf(input)).toBe('oidc-provider-missing');
  });
});

describe('an access point ARN passed as the Bucket of SDK code names the request\'s resource', () => {
  const err = 'operation error S3: GetObject, https response error StatusCode: 403, RequestID: 4J1M8Q2W6E0R9T3Y, api error AccessDenied: Access Denied';
  it('Go v2 Bucket: aws.String(<Multi-Region Access Point ARN>) with its Key below the error: the object through it', () => {
    const code = `${err}\n// out, err := client.GetObject(ctx, &s3.GetObjectInput{\n//     Bucket: aws.String("arn:aws:s3::903812746655:accesspoint/k7q2lmz9x1abc.mrap"),\n//     Key:    aws.String("exports/2026/day.csv"),\n// })`;
    expect(parseError(code).parsed.target?.arn).toBe('arn:aws:s3::903812746655:accesspoint/k7q2lmz9x1abc.mrap/object/exports/2026/day.csv');
  });
  it('boto3 Bucket="<access point ARN>", Key="…" in the traceback: the object through the access point', () => {
    const tb = 'File "/app/x.py", line 9, in run\n    s3.get_object(Bucket="arn:aws:s3:eu-west-1:903812746655:accesspoint/reports-ap", Key="a/b.json")\nbotocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied';
    expect(parseError(tb).parsed.target?.arn).toBe('arn:aws:s3:eu-west-1:903812746655:accesspoint/reports-ap/object/a/b.json');
  });
  it('near miss — two different access points in the paste, both after the error: no target guessed', () => {
    const two = `${err}\n// Bucket: aws.String("arn:aws:s3:eu-west-1:903812746655:accesspoint/one-ap"), Key: aws.String("k")\n// Bucket: aws.String("arn:aws:s3:eu-west-1:903812746655:accesspoint/two-ap"), Key: aws.String("k")`;
    expect(parseError(two).parsed.target).toBeNull();
  });
  it('near miss — a plain bucket name as Bucket: not an access point target', () => {
    const plain = `${err}\n// Bucket: aws.String("orders-archive"), Key: aws.String("k")`;
    expect(parseError(plain).parsed.target?.arn ?? '').not.toContain('accesspoint');
  });
});

describe('S3 Object Lambda: the action is s3-object-lambda:<op> on the access point, and the caller must be allowed to invoke its function', () => {
  const olap = 'arn:aws:s3-object-lambda:eu-west-1:590283716644:accesspoint/mask-ssn';
  const fn = 'arn:aws:lambda:eu-west-1:590283716644:function:mask-ssn-fn';
  const msg = `Traceback (most recent call last):\n  File "/srv/a.py", line 3, in <module>\n    s3.get_object(Bucket="${olap}", Key="people.csv")\nbotocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied\n# the Object Lambda access point runs ${fn}`;
  const base = { Effect: 'Allow', Action: 's3-object-lambda:GetObject', Resource: olap };
  it('parses as s3-object-lambda:GetObject on the access point itself', () => {
    const p = parseError(msg).parsed;
    expect(p.action).toBe('s3-object-lambda:GetObject');
    expect(p.target?.arn).toBe(olap);
  });
  it('no lambda:InvokeFunction on the function: identity-missing-allow confirmed, first', () => {
    const input = { message: msg, policies: [policy('identity', base)] };
    expect(statusOf(input, 'identity-missing-allow')).toBe('confirmed');
    expect(topOf(input)).toBe('identity-missing-allow');
  });
  it('near miss — the identity policy allows lambda:InvokeFunction on the function: identity-missing-allow ruled out', () => {
    const input = { message: msg, policies: [policy('identity', base, { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: fn })] };
    expect(statusOf(input, 'identity-missing-allow')).toBe('ruled-out');
  });
});

describe('a Lambda function URL\'s "Forbidden. For troubleshooting Function URL authorization issues" is lambda:InvokeFunctionUrl', () => {
  const fn = 'arn:aws:lambda:us-west-2:771203948556:function:quotes-api';
  const body = '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}';
  const msg = `$ awscurl --service lambda https://abc123.lambda-url.us-west-2.on.aws/\n${body}\n# signed as arn:aws:sts::339201485576:assumed-role/partner-app/s1; the URL is ${fn}'s`;
  const fnPolicy = (action: string) => policy('resource', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::339201485576:root' }, Action: action, Resource: fn });
  const id = policy('identity', { Effect: 'Allow', Action: ['lambda:InvokeFunctionUrl', 'lambda:InvokeFunction'], Resource: fn });
  it('parses the action and the one function ARN of the paste', () => {
    const p = parseError(msg).parsed;
    expect(p.action).toBe('lambda:InvokeFunctionUrl');
    expect(p.target?.arn).toBe(fn);
  });
  it('a function policy granting only lambda:InvokeFunction across accounts: resource-policy-missing-grant confirmed, first', () => {
    const input = { message: msg, policies: [id, fnPolicy('lambda:InvokeFunction')] };
    expect(statusOf(input, 'resource-policy-missing-grant')).toBe('confirmed');
    expect(topOf(input)).toBe('resource-policy-missing-grant');
  });
  it('near miss — the function policy grants lambda:InvokeFunctionUrl: resource-policy-missing-grant ruled out', () => {
    expect(statusOf({ message: msg, policies: [id, fnPolicy('lambda:InvokeFunctionUrl')] }, 'resource-policy-missing-grant')).toBe('ruled-out');
  });
  it('near miss — two different function ARNs in the paste: no target guessed', () => {
    expect(parseError(`${msg}\n# and ${fn}-v2`).parsed.target).toBeNull();
  });
});

describe('aws:ResourceAccount is the account the target ARN prints; a cap whose only Allow fails its condition refuses', () => {
  const msg = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::205816394427:assumed-role/builder/b-1 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::';
  const boundary = policy('permissions-boundary',
    { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } } });
  const identity = policy('identity', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' });
  const trustFor = (acct: string) => policy('trust', { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::205816394427:role/builder' }, Action: 'sts:AssumeRole' });
  it('a role in another account: permissions-boundary confirmed, first', () => {
    const input = { message: `${msg}662019384755:role/release`, policies: [identity, boundary, trustFor('662019384755')] };
    expect(statusOf(input, 'permissions-boundary')).toBe('confirmed');
    expect(topOf(input)).toBe('permissions-boundary');
  });
  it('near miss — a role in the caller\'s own account: the boundary allows, permissions-boundary ruled out', () => {
    expect(statusOf({ message: `${msg}205816394427:role/release`, policies: [identity, boundary, trustFor('205816394427')] }, 'permissions-boundary')).toBe('ruled-out');
  });
  it('near miss — the person states another aws:ResourceAccount: the stated value wins', () => {
    const input = { message: `${msg}662019384755:role/release`, policies: [identity, boundary, trustFor('662019384755')], context: { 'aws:ResourceAccount': '205816394427' } };
    expect(statusOf(input, 'permissions-boundary')).toBe('ruled-out');
  });
});

describe('a refusal in another authority\'s own words is no missing IAM Allow', () => {
  const identity = policy('identity', { Effect: 'Allow', Action: ['eks:DescribeCluster', 'glue:GetTable', 'athena:StartQueryExecution'], Resource: '*' });
  it('kubectl "You must be logged in to the server (Unauthorized)": identity-missing-allow ruled out', () => {
    expect(statusOf({ message: 'error: You must be logged in to the server (Unauthorized)', policies: [identity] }, 'identity-missing-allow')).toBe('ruled-out');
  });
  it('Athena "Insufficient Lake Formation permission(s)": identity-missing-allow ruled out', () => {
    expect(statusOf({ message: 'Query failed: Insufficient Lake Formation permission(s): Required Select on invoices', policies: [identity] }, 'identity-missing-allow')).toBe('ruled-out');
  });
  it('near miss — kubectl Forbidden names a verb (authorization, not authentication): not ruled out by this rule', () => {
    const input = { message: 'Error from server (Forbidden): pods is forbidden: User "arn:aws:sts::123456789012:assumed-role/dev/s" cannot list resource "pods" in API group "" in the namespace "web"', policies: [identity] };
    expect(causeOf(input, 'identity-missing-allow')?.evidence.some((e) => e.text.includes('Kubernetes answered Unauthorized')) ?? false).toBe(false);
  });
  it('near miss — an IAM refusal of a Glue call names its action: identity-missing-allow stays open', () => {
    const input = { message: 'An error occurred (AccessDeniedException) when calling the GetTable operation: User: arn:aws:sts::123456789012:assumed-role/bi/x is not authorized to perform: glue:GetTables on resource: arn:aws:glue:eu-west-1:123456789012:catalog', policies: [identity] };
    expect(statusOf(input, 'identity-missing-allow')).not.toBe('ruled-out');
  });
});

describe('S3\'s AccessDenied relayed by CloudFront is CloudFront\'s origin request (cloudfront.amazonaws.com under origin access control)', () => {
  const dist = (id: string) => `arn:aws:cloudfront::480193726655:distribution/${id}`;
  const resp = (xcache: string) => `$ curl -sS -D - https://d1a2b3c4d5e6f7.cloudfront.net/img/logo.png\nHTTP/2 403\ncontent-type: application/xml\nserver: AmazonS3\nx-cache: ${xcache}\n\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>\n# origin access control for origin brand-assets-eu.s3.eu-central-1.amazonaws.com`;
  const bucket = policy('resource', {
    Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::brand-assets-eu/*',
    Condition: { StringEquals: { 'AWS:SourceArn': dist('E3OLDDISTRIB01') } },
  });
  it('the bucket policy\'s AWS:SourceArn names another distribution: condition-other confirmed, first', () => {
    const input = { message: resp('Error from cloudfront'), policies: [bucket], context: { 'aws:SourceArn': dist('E9NEWDISTRIB02') } };
    expect(statusOf(input, 'condition-other')).toBe('confirmed');
    expect(topOf(input)).toBe('condition-other');
  });
  it('near miss — the same distribution: condition-other not confirmed', () => {
    expect(statusOf({ message: resp('Error from cloudfront'), policies: [bucket], context: { 'aws:SourceArn': dist('E3OLDDISTRIB01') } }, 'condition-other')).not.toBe('confirmed');
  });
  it('near miss — the 403 did not come through CloudFront (no x-cache from it): no origin request is read', () => {
    const input = { message: resp('Miss from somewhere'), policies: [bucket], context: { 'aws:SourceArn': dist('E9NEWDISTRIB02') } };
    expect(statusOf(input, 'condition-other')).not.toBe('confirmed');
  });
});
