/**
 * Reading pass 10 (docs/ux-review.md): answers that said something the paste does not hold. Each rule has a paste
 * that must change and a near miss that must not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const cause = (message: string, id: string) => explain({ message }).causes.find((c) => c.id === id);
const evidenceOf = (message: string, id: string) => (cause(message, id)?.evidence ?? []).map((e) => e.text).join('\n');

describe('invalid-token quotes what AWS said about the credentials, not always "the security token is invalid"', () => {
  it('a request with no authentication token is said to be unsigned, and its fix says to check that credentials are found', () => {
    const m = 'com.amazonaws.services.ecr.model.AmazonECRException: Missing Authentication Token (Service: AmazonECR; Status Code: 400; Error Code: MissingAuthenticationTokenException; Request ID: ee4a32c8-1638-496a-8300-ba3817c6c878; Proxy: null)';
    const c = cause(m, 'invalid-token');
    const ev = (c?.evidence ?? []).map((e) => e.text).join('\n');
    expect(ev).toContain('carried no authentication token');
    expect(ev).not.toContain('security token included in the request is invalid');
    expect(c?.fix.description).toContain('was not signed at all');
  });
  it('an access key id AWS has no record of, and a malformed token, are said as such', () => {
    expect(evidenceOf('An error occurred (InvalidAccessKeyId) when calling the ListBuckets operation: The AWS Access Key Id you provided does not exist in our records.', 'invalid-token'))
      .toContain('access key id does not exist in its records');
    expect(evidenceOf('An error occurred (InvalidToken) when calling the GetObject operation: The provided token is malformed or otherwise invalid.', 'invalid-token'))
      .toContain('provided token is malformed');
  });
  it('near miss: InvalidClientTokenId keeps AWS\'s own words, and API Gateway\'s missing-token body stays about the URL', () => {
    const m = 'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.';
    expect(evidenceOf(m, 'invalid-token')).toContain('AWS says the security token included in the request is invalid');
    const c = cause(m, 'invalid-token');
    expect(c?.fix.description).not.toContain('was not signed at all');
    const apigw = evidenceOf('$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n{"message":"Missing Authentication Token"}', 'invalid-token');
    if (apigw) expect(apigw).not.toContain('carried no authentication token');
  });
});

describe('an anonymous caller is an unsigned request: the fix says to sign it, not to open the policy or switch profiles', () => {
  it('a resource-policy grant for `anonymous` warns against Principal "*" and says to sign the request', () => {
    const m = "Message: 'User: anonymous is not authorized to perform: es:ESHttpPost because no resource-based policy allows the es:ESHttpPost action'";
    expect(cause(m, 'resource-policy-missing-grant')?.fix.description).toContain('sign the request with SigV4');
  });
  it('the wrong-credentials cause says no credentials were sent at all', () => {
    const m = '{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-southeast-2:111111111111:abcdef1234/prod/GET/items"}';
    const c = cause(m, 'wrong-credentials-in-use');
    expect((c?.evidence ?? []).map((e) => e.text).join('\n')).toContain('without any credentials');
    expect(c?.fix.description).toContain('went out unsigned');
  });
  it('near miss: a named role session is not told its request was unsigned', () => {
    const m = 'User: arn:aws:sts::111111111111:assumed-role/app/s1 is not authorized to perform: es:ESHttpPost on resource: arn:aws:es:us-east-1:222222222222:domain/logs because no resource-based policy allows the es:ESHttpPost action';
    expect(cause(m, 'resource-policy-missing-grant')?.fix.description).not.toContain('anonymous');
    expect(cause(m, 'wrong-credentials-in-use')?.fix.description ?? '').not.toContain('unsigned');
  });
});

describe('a caller-side fix whose caller may be a user or a role gives both commands', () => {
  it('no caller in the message: put-role-policy and put-user-policy, never --role-name <caller-role-or-user-name>', () => {
    const c = cause("[error] [output:cloudwatch_logs] CreateLogGroup API responded with error='AccessDeniedException'", 'identity-missing-allow');
    const cmds = c?.fix.commands.join('\n') ?? '';
    expect(cmds).toContain('aws iam put-role-policy --role-name <caller-role-name>');
    expect(cmds).toContain('aws iam put-user-policy --user-name <caller-user-name>');
    expect(cmds).not.toContain('<caller-role-or-user-name>');
    expect(c?.fix.description).toContain('run the first command for a role');
    expect(c?.confirm.map((s) => s.command).join('\n')).toContain('list-attached-user-policies');
  });
  it('near miss: a user or a role session named by AWS keeps its one command and one listing', () => {
    const user = cause('AccessDenied: User: arn:aws:iam::111111111111:user/ci is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:111111111111:log-group:app', 'identity-missing-allow');
    expect(user?.fix.commands.join('\n')).toMatch(/^aws iam put-user-policy --user-name ci /);
    expect(user?.fix.commands).toHaveLength(1);
    expect(user?.fix.description).not.toContain('run the first command');
    const role = cause('AccessDenied: User: arn:aws:sts::111111111111:assumed-role/app/s1 is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:111111111111:log-group:app', 'identity-missing-allow');
    expect(role?.fix.commands).toHaveLength(1);
    expect(role?.confirm.map((s) => s.command).join('\n')).not.toContain('list-attached-user-policies');
  });
});

const scenario = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/blind-scenarios-12/${name}.json`, import.meta.url), 'utf8')).input;

describe('a web identity\'s trust naming another account\'s provider is fixed toward the role\'s account, not the caller\'s', () => {
  it('the fix names the role\'s account and the confirm lists its OIDC providers (no caller account to ask for)', () => {
    const a = explain(scenario('m04-go-irsa-cross-account-role-trust-names-cluster-account-provider'));
    const c = a.causes.find((x) => x.id === 'trust-principal-wrong-account');
    expect(c?.fix.description).toContain('482916037551, the role\'s own account');
    expect(c?.fix.description).not.toContain('<caller-account-id>');
    const cmds = c?.confirm.map((s) => s.command).join('\n') ?? '';
    expect(cmds).toContain('aws iam list-open-id-connect-providers');
    expect(cmds).not.toContain('get-caller-identity');
  });
  it('near miss: an AWS principal in the wrong account is still corrected to the caller\'s account', () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:role/ci' }, Action: 'sts:AssumeRole' }] };
    const a = explain({ message: 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111111111111:assumed-role/ci/run-1 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy', policies: [{ kind: 'trust', document: trust }] });
    const c = a.causes.find((x) => x.id === 'trust-principal-wrong-account');
    expect(c?.fix.description).toBe('Correct the account id (and partition) in the trust policy principal to 111111111111.');
    expect(c?.confirm.map((s) => s.command).join('\n')).toContain('get-caller-identity');
  });
});

describe('an Object Lambda GetObject refused for the function\'s invoke grants lambda:InvokeFunction, not the allowed GetObject again', () => {
  it('the fix and the corrected policy name the function, under aws:CalledVia', () => {
    const c = explain(scenario('m10-boto3-s3-object-lambda-getobject-caller-lacks-lambda-invoke')).causes[0];
    expect(c?.id).toBe('identity-missing-allow');
    expect(c?.fix.description).toMatch(/^Attach an Allow for lambda:InvokeFunction on arn:aws:lambda:us-east-1:407219586331:function:redact-pii-fn:3 /);
    const added = JSON.stringify(c?.fix.policy);
    expect(added).toContain('"Action":"lambda:InvokeFunction"');
    expect(added).not.toContain('AllowFailedCall');
  });
  it('near miss: a plain refused action keeps its own grant', () => {
    const c = explain({ message: 'User: arn:aws:sts::111111111111:assumed-role/app/s1 is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action', policies: [{ kind: 'identity', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' }] } }] }).causes.find((x) => x.id === 'identity-missing-allow');
    expect(c?.fix.description).toMatch(/^Attach an Allow for s3:GetObject on /);
    expect(JSON.stringify(c?.fix.policy)).toContain('AllowFailedCall');
  });
});

describe('creating the OIDC provider: eksctl only for EKS (or an unknown issuer), the client id of another issuer its own', () => {
  it('a Cognito user pool token gets no eksctl command and no sts.amazonaws.com client id', () => {
    const c = explain(scenario('m08-js-cognito-user-pool-id-token-sent-to-assumerolewithwebidentity')).causes.find((x) => x.id === 'oidc-provider-missing');
    const cmds = c?.fix.commands.join('\n') ?? '';
    expect(cmds).not.toContain('eksctl');
    expect(cmds).toContain('--client-id-list <token-audience>');
  });
  it('near miss: an EKS issuer keeps eksctl and sts.amazonaws.com', () => {
    const m = 'WebIdentityErr: failed to retrieve credentials\ncaused by: InvalidIdentityToken: No OpenIDConnect provider found in your account for https://oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789\n\tstatus code: 400';
    const c = cause(m, 'oidc-provider-missing');
    const cmds = c?.fix.commands.join('\n') ?? '';
    expect(cmds).toContain('eksctl utils associate-iam-oidc-provider');
    expect(cmds).toContain('--client-id-list sts.amazonaws.com');
  });
});

describe('an OpenSearch HTTP request (es:ESHttp*) is never in CloudTrail: the steps read the domain\'s audit logs and access policy', () => {
  const m = 'User: arn:aws:sts::111111111111:assumed-role/app/s1 is not authorized to perform: es:ESHttpGet on resource: arn:aws:es:us-east-1:111111111111:domain/logs-prod/app/_search because no resource-based policy allows the es:ESHttpGet action';
  it('first steps point at the audit logs of the named domain, and the grant cause reads its access policy', () => {
    const a = explain({ message: m });
    const steps = a.firstSteps.map((s) => s.command).join('\n');
    expect(steps).not.toContain('cloudtrail lookup-events');
    expect(steps).toContain('aws opensearch describe-domain --domain-name logs-prod --region us-east-1');
    expect(a.causes.find((c) => c.id === 'resource-policy-missing-grant')?.confirm.map((s) => s.command).join('\n'))
      .toContain('aws opensearch describe-domain-config --domain-name logs-prod');
  });
  it('near miss: the domain\'s configuration API (es:UpdateDomainConfig) is in CloudTrail', () => {
    const a = explain({ message: 'User: arn:aws:sts::111111111111:assumed-role/app/s1 is not authorized to perform: es:UpdateDomainConfig on resource: arn:aws:es:us-east-1:111111111111:domain/logs-prod because no identity-based policy allows the es:UpdateDomainConfig action' });
    expect(a.firstSteps.map((s) => s.command).join('\n')).toContain('cloudtrail lookup-events');
  });
});

describe('an issuer read from STS\'s XML body ends before the closing tag', () => {
  const xml = (iss: string) => `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>InvalidIdentityToken</Code>\n    <Message>No OpenIDConnect provider found in your account for ${iss}</Message>\n  </Error>\n</ErrorResponse>`;
  const create = (m: string) => cause(m, 'oidc-provider-missing')?.fix.commands.find((c) => c.startsWith('aws iam create-open-id-connect-provider')) ?? '';
  it('`https://x.auth0.com/</Message>` is the issuer https://x.auth0.com/', () => {
    expect(create(xml('https://auth.example.auth0.com/'))).toContain('--url https://auth.example.auth0.com/ ');
  });
  it('near miss: a redacted `<ID>` in the issuer stays', () => {
    expect(create('No OpenIDConnect provider found in your account for https://oidc.eks.cn-north-1.amazonaws.com.cn/id/<ID>')).toContain("'https://oidc.eks.cn-north-1.amazonaws.com.cn/id/<ID>'");
  });
});
