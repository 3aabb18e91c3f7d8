/**
 * The rules added for blind round 8 (docs/decisions/027), each tried both ways on inputs written here (none is a
 * fixture's text). The fixtures' own results are in blind8.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { parseError } from '../../src/core/parse/index.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const V = '2012-10-17';
const causeOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id);
const statusOf = (input: ExplainInput, id: string) => causeOf(input, id)?.status;
const topOf = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;
const trust = (...Statement: object[]): PolicyInput => ({ kind: 'trust', document: { Version: V, Statement } });
const GH = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

describe('a CloudTrail event of an AWS service acting on its own names that service as the caller', () => {
  const event = (identity: string) => `{"eventVersion":"1.08","userIdentity":${identity},"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"us-east-2","errorCode":"AccessDenied","errorMessage":"Not authorized to perform sts:AssumeRole","requestParameters":{"roleArn":"arn:aws:iam::123456789012:role/pipe-role","roleSessionName":"abc123"}}`;
  const serviceTrust = trust({ Effect: 'Allow', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:pipes:us-east-2:123456789012:pipe/orders' } } });

  it('{"type":"AWSService","invokedBy":"pipes.amazonaws.com"}: the service is the caller, and the trust naming it leaves its condition', () => {
    const input = { message: event('{"type":"AWSService","invokedBy":"pipes.amazonaws.com"}'), policies: [serviceTrust] };
    expect(parseError(input.message).parsed.caller).toMatchObject({ type: 'service', arn: 'pipes.amazonaws.com' });
    expect(statusOf(input, 'trust-principal-missing')).toBe('ruled-out');
    expect(topOf(input)).toBe('condition-other');
  });
  it('near miss — a role session the service acted for (AssumedRole with invokedBy) keeps the session as the caller', () => {
    const m = event('{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/ops/j","invokedBy":"cloudformation.amazonaws.com"}');
    expect(parseError(m).parsed.caller).toMatchObject({ type: 'assumed-role', arn: 'arn:aws:sts::123456789012:assumed-role/ops/j' });
  });
});

describe('a GitHub Actions token\'s claims as the paste shows them (the action\'s audience input, printed aud / sub)', () => {
  const run = (withs: string, note = '') => `Run aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: arn:aws:iam::123456789012:role/ci\n${withs}Assuming role with OIDC\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity\n${note}`;
  const ghTrust = trust({ Effect: 'Allow', Principal: { Federated: GH }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:ref:refs/heads/*' } } });

  it('audience: api://corp-ci against an aud condition of sts.amazonaws.com: oidc-audience-mismatch confirmed, first', () => {
    const input = { message: run('    audience: api://corp-ci\n'), policies: [ghTrust] };
    expect(statusOf(input, 'oidc-audience-mismatch')).toBe('confirmed');
    expect(topOf(input)).toBe('oidc-audience-mismatch');
  });
  it('near miss — two different audiences in the paste: which one the token had is not known, not confirmed', () => {
    const input = { message: run('    audience: api://corp-ci\n', '# the other job uses audience: sts.amazonaws.com'), policies: [ghTrust] };
    expect(statusOf(input, 'oidc-audience-mismatch')).not.toBe('confirmed');
  });
  it('a printed sub: repo:octo/app:environment:prod against refs/heads/*: oidc-sub-mismatch confirmed', () => {
    expect(statusOf({ message: run('', '# token claims: sub: repo:octo/app:environment:prod'), policies: [ghTrust] }, 'oidc-sub-mismatch')).toBe('confirmed');
  });
  it('near miss — a sub: line that is not GitHub\'s form (no repo: prefix) is not read as the token\'s', () => {
    expect(statusOf({ message: run('', '# sub: environment:prod'), policies: [ghTrust] }, 'oidc-sub-mismatch')).not.toBe('confirmed');
  });
});

describe('a provider listing\'s ThumbprintList is no complaint about the thumbprint', () => {
  const deny = 'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity';
  const listing = '{\n  "Url": "token.actions.githubusercontent.com",\n  "ClientIDList": ["sts.amazonaws.com"],\n  "ThumbprintList": ["1b511abead59c6ce207077c0bf0e0043b1382612"]\n}';
  it('get-open-id-connect-provider output beside a plain refusal: oidc-thumbprint-legacy does not apply', () => {
    expect(causeOf({ message: `${deny}\n${listing}` }, 'oidc-thumbprint-legacy')).toBeUndefined();
  });
  it('near miss — STS\'s own thumbprint wording still raises it', () => {
    const m = 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: OpenIDConnect provider\'s HTTPS certificate doesn\'t match configured thumbprint';
    expect(statusOf({ message: `${m}\n${listing}` }, 'oidc-thumbprint-legacy')).not.toBeUndefined();
  });
});

describe('a federated caller against a trust that names no Federated principal of its kind', () => {
  const web = 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\nAWS_ROLE_ARN=arn:aws:iam::123456789012:role/app';
  it('a web identity token, a trust naming only ecs-tasks.amazonaws.com: trust-service-vs-aws-principal confirmed; sub and aud ruled out', () => {
    const input = { message: web, policies: [trust({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' })] };
    expect(statusOf(input, 'trust-service-vs-aws-principal')).toBe('confirmed');
    expect(statusOf(input, 'oidc-sub-mismatch')).toBe('ruled-out');
    expect(statusOf(input, 'oidc-audience-mismatch')).toBe('ruled-out');
  });
  it('near miss — the trust names an OIDC provider: not this cause, and the sub stays open', () => {
    const input = { message: web, policies: [trust({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-2.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789' }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'oidc.eks.us-east-2.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789:sub': 'system:serviceaccount:a:b' } } })] };
    expect(statusOf(input, 'trust-service-vs-aws-principal')).not.toBe('confirmed');
    expect(statusOf(input, 'oidc-sub-mismatch')).not.toBe('ruled-out');
  });
});

describe('what the IdP puts in the assertion or token asks for sts:SetSourceIdentity / sts:TagSession', () => {
  const saml = (attrs: string) => `An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML\n${attrs}`;
  const samlTrust = (...actions: string[]) => trust({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/Corp' }, Action: ['sts:AssumeRoleWithSAML', ...actions] });
  const si = '<saml2:Attribute Name="https://aws.amazon.com/SAML/Attributes/SourceIdentity"><saml2:AttributeValue>mkowalski</saml2:AttributeValue></saml2:Attribute>';

  it('the assertion\'s SourceIdentity attribute (XML), a trust without sts:SetSourceIdentity: setsourceidentity-not-allowed confirmed, first', () => {
    const input = { message: saml(si), policies: [samlTrust()] };
    expect(statusOf(input, 'setsourceidentity-not-allowed')).toBe('confirmed');
    expect(topOf(input)).toBe('setsourceidentity-not-allowed');
  });
  it('near miss — the trust allows sts:SetSourceIdentity: not confirmed, and not first', () => {
    const input = { message: saml(si), policies: [samlTrust('sts:SetSourceIdentity')] };
    expect(statusOf(input, 'setsourceidentity-not-allowed')).not.toBe('confirmed');
    expect(topOf(input)).not.toBe('setsourceidentity-not-allowed');
  });
  const webMsg = (claims: string) => `AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n# decoded token: {"iss":"https://idp.example.org","aud":"aws","sub":"u-1",${claims}}`;
  const webTrust = trust({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/idp.example.org' }, Action: 'sts:AssumeRoleWithWebIdentity' });
  it('a token whose https://aws.amazon.com/tags claim has principal_tags: tagsession-not-allowed confirmed', () => {
    expect(statusOf({ message: webMsg('"https://aws.amazon.com/tags":{"principal_tags":{"team":["red"]},"transitive_tag_keys":[]}'), policies: [webTrust] }, 'tagsession-not-allowed')).toBe('confirmed');
  });
  it('near miss — the claim carries no principal_tags: not confirmed', () => {
    expect(statusOf({ message: webMsg('"https://aws.amazon.com/tags":{"transitive_tag_keys":[]}'), policies: [webTrust] }, 'tagsession-not-allowed')).not.toBe('confirmed');
  });
});

describe('the token\'s issuer as the paste shows it, against the provider the trust names', () => {
  const deny = 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\nAWS_ROLE_ARN=arn:aws:iam::123456789012:role/app';
  const old = 'oidc.eks.eu-west-1.amazonaws.com/id/11112222333344445555666677778888';
  const eksTrust = trust({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${old}` }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${old}:sub`]: 'system:serviceaccount:shop:api' } } });

  it('describe-cluster shows another cluster\'s issuer: oidc-provider-missing first (the trust names another issuer)', () => {
    const input = { message: `${deny}\n$ aws eks describe-cluster --name shop --query cluster.identity.oidc.issuer\n"https://oidc.eks.eu-west-1.amazonaws.com/id/9999AAAABBBBCCCCDDDDEEEEFFFF0000"`, policies: [eksTrust] };
    expect(topOf(input)).toBe('oidc-provider-missing');
  });
  it('near miss — two different issuers shown: neither is taken for the token\'s', () => {
    const input = { message: `${deny}\nblue: https://oidc.eks.eu-west-1.amazonaws.com/id/9999AAAABBBBCCCCDDDDEEEEFFFF0000\ngreen: https://${old}`, policies: [eksTrust] };
    expect(topOf(input)).not.toBe('oidc-provider-missing');
  });
  const genericTrust = (host: string) => trust({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${host}` }, Action: 'sts:AssumeRoleWithWebIdentity' });
  const decoded = 'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n# token: {"iss":"https://login.example.net/tenant-a","aud":"aws","sub":"svc"}';
  it('a decoded token\'s iss names the provider the trust names: oidc-provider-missing ruled out', () => {
    expect(statusOf({ message: decoded, policies: [genericTrust('login.example.net/tenant-a')] }, 'oidc-provider-missing')).toBe('ruled-out');
  });
  it('near miss — the trust names another issuer: not ruled out', () => {
    expect(statusOf({ message: decoded, policies: [genericTrust('login.example.net/tenant-b')] }, 'oidc-provider-missing')).not.toBe('ruled-out');
  });
});

describe('EKS Auth\'s Pod Identity refusal inside the call that needed credentials', () => {
  const refusal = 'operation error EKS Auth: AssumeRoleForPodIdentity, https response error StatusCode: 400, RequestID: 1, AccessDeniedException: Unauthorized Exception! EKS does not have permissions to assume the associated role.';
  const assoc = '{"clusterName":"c1","namespace":"ns-b","serviceAccount":"sa1","associationArn":"arn:aws:eks:us-east-2:123456789012:podidentityassociation/c1/a-1"}';
  const podTrust = trust({ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'ns-a' } } });

  it('"operation error S3: PutObject, get identity: … EKS does not have permissions …" (the S3 call was never sent): the check is pods.eks.amazonaws.com\'s sts:AssumeRole; condition-tags confirmed', () => {
    const line = `{"level":"error","msg":"upload failed","error":"operation error S3: PutObject, get identity: get credentials: failed to refresh cached credentials, failed to load credentials, operation error ec2imds: GetMetadata, canceled; ${refusal}"}`;
    const input = { message: `${line}\n${assoc}`, policies: [podTrust] };
    expect(parseError(line).parsed.action).toBe('s3:PutObject');
    expect(explain(input).evaluated).toMatchObject({ kind: 'service-call', action: 'sts:AssumeRole', caller: 'pods.eks.amazonaws.com' });
    expect(statusOf(input, 'condition-tags')).toBe('confirmed');
  });
  it('near miss — the refusal of the outer call is another one (the wording only in a later note): the outer action stays', () => {
    const m = `An error occurred (AccessDenied) when calling the SendMessage operation: User: arn:aws:sts::123456789012:assumed-role/app/x is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-2:123456789012:q\n# yesterday: ${refusal}`;
    expect(explain({ message: m }).evaluated?.action ?? explain({ message: m }).parsed.action).toBe('sqs:SendMessage');
  });
});

describe('IAM Roles Anywhere\'s refusal as its credential helper prints it', () => {
  const helper = (extra: string) => `aws_signing_helper credential-process --trust-anchor-arn arn:aws:rolesanywhere:us-east-2:123456789012:trust-anchor/00000000-1111-2222-3333-444444444444 --role-arn arn:aws:iam::123456789012:role/edge\nAccessDeniedException: Unable to assume role for arn:aws:iam::123456789012:role/edge\n${extra}`;
  const raTrust = (actions: string[], condition?: object) => trust({ Effect: 'Allow', Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: actions, ...(condition ? { Condition: condition } : {}) });
  const all = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];

  it('the certificate\'s subject CN against aws:PrincipalTag/x509Subject/CN: condition-tags confirmed, first', () => {
    const input = { message: helper('subject=O = Corp, CN = edge-7.corp.example'), policies: [raTrust(all, { StringEquals: { 'aws:PrincipalTag/x509Subject/CN': 'edge-7' } })] };
    expect(explain(input).evaluated).toMatchObject({ action: 'sts:AssumeRole', caller: 'rolesanywhere.amazonaws.com' });
    expect(statusOf(input, 'condition-tags')).toBe('confirmed');
    expect(topOf(input)).toBe('condition-tags');
  });
  it('a trust without sts:SetSourceIdentity (Roles Anywhere sets the CN as source identity): setsourceidentity-not-allowed confirmed', () => {
    expect(statusOf({ message: helper('subject=CN = edge-7'), policies: [raTrust(['sts:AssumeRole', 'sts:TagSession'])] }, 'setsourceidentity-not-allowed')).toBe('confirmed');
  });
  it('near miss — the same wording without a Roles Anywhere context is not read so', () => {
    expect(explain({ message: 'AccessDeniedException: Unable to assume role for arn:aws:iam::123456789012:role/edge' }).evaluated ?? null).toBeNull();
  });
});

describe('STS\'s parameter validation in its own words is no refusal', () => {
  const chained = 'Run aws-actions/configure-aws-credentials@v4\nError: Could not assume role with user credentials: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';
  const roleTrust = trust({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/base' }, Action: 'sts:AssumeRole' });
  it('role chaining\'s hour printed by the action (no ValidationError code): trust and identity causes do not apply', () => {
    const input = { message: chained, policies: [roleTrust] };
    expect(topOf(input)).toBe('role-chaining-1h-limit');
    expect(causeOf(input, 'trust-principal-missing')).toBeUndefined();
    expect(causeOf(input, 'identity-missing-allow')).toBeUndefined();
  });
  it('near miss — the action\'s plain refusal with the same trust: the trust causes apply', () => {
    const m = 'Run aws-actions/configure-aws-credentials@v4\nError: Could not assume role with user credentials: User: arn:aws:sts::123456789012:assumed-role/other/s is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/deploy';
    expect(causeOf({ message: m, policies: [roleTrust] }, 'trust-principal-missing')).toBeDefined();
  });
});
