/**
 * The tenth session's reading pass: pastes a person would bring, each rule a general one with a case that must
 * change and a near miss that must not.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const fixOf = (message: string, id: string) => explain({ message }).causes.find((c) => c.id === id)?.fix.description ?? '';

describe('the way to stop passing session tags names the tool that passes them', () => {
  const refusal = 'is not authorized to perform: sts:TagSession on resource: arn:aws:iam::444455556666:role/DataReader';
  it('a boto3 or CLI call is told to drop its Tags argument, not to set a GitHub Action\'s input', () => {
    const fix = fixOf(`botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111122223333:assumed-role/ops/jane ${refusal}`, 'tagsession-not-allowed');
    expect(fix).toContain('drop the Tags');
    expect(fix).not.toContain('role-skip-session-tagging');
  });
  it('near miss: a configure-aws-credentials log is told about role-skip-session-tagging, not the Tags argument', () => {
    const fix = fixOf(`Run aws-actions/configure-aws-credentials@v4\nError: User: arn:aws:iam::111122223333:user/ci ${refusal}`, 'tagsession-not-allowed');
    expect(fix).toContain('role-skip-session-tagging: true');
    expect(fix).not.toContain('drop the Tags');
  });
});

describe('a GitHub environment is read from a workflow\'s `environment:` key, not from a variable of that name', () => {
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' } },
    }],
  });
  const head = 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity\nRun aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: arn:aws:iam::123456789012:role/gha-deploy\n';
  const says = (message: string) => explain({ message, policies: [{ kind: 'trust', document: trust }] })
    .causes.find((c) => c.id === 'oidc-sub-mismatch')!.evidence.some((e) => e.text.includes('uses a GitHub environment'));
  it('an ENVIRONMENT variable in the step\'s env block is no GitHub environment', () => {
    expect(says(`${head}  env:\n    ENVIRONMENT: production\n`)).toBe(false);
    expect(says(`${head}The deploy environment: production failed\n`)).toBe(false);
  });
  it('near miss: the job\'s environment: key is', () => {
    expect(says(`${head}jobs:\n  deploy:\n    environment: production\n`)).toBe(true);
    expect(says(`${head}jobs:\n  deploy:\n\tenvironment:\n      name: production\n`)).toBe(true);
  });
});

describe('a refusal that does not say which tool passed the tags gets both ways to stop', () => {
  it('a bare refusal names the Tags argument and the GitHub input', () => {
    const fix = fixOf('User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:TagSession on resource: arn:aws:iam::444455556666:role/DataReader', 'tagsession-not-allowed');
    expect(fix).toContain('drop the Tags');
    expect(fix).toContain('role-skip-session-tagging: true');
  });
  it('near miss: a SAML sign-in\'s tags come from the IdP, so neither is offered', () => {
    const fix = fixOf('An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:TagSession', 'tagsession-not-allowed');
    expect(fix).not.toContain('drop the Tags');
    expect(fix).not.toContain('role-skip-session-tagging');
    const anywhere = fixOf('aws_signing_helper credential-process: AccessDeniedException: User: arn:aws:iam::111122223333:user/x is not authorized to perform: sts:TagSession on resource: arn:aws:iam::111122223333:role/edge', 'tagsession-not-allowed');
    expect(anywhere).not.toContain('drop the Tags');
    expect(anywhere).not.toContain('role-skip-session-tagging');
  });
});

describe('a pasted CloudTrail AssumeRole event says what the call sent', () => {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/build-role' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'prod-7' } } }] };
  const event = (params: string, role = 'arn:aws:iam::444455556666:role/deployer') => JSON.stringify({
    eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', awsRegion: 'eu-west-1', errorCode: 'AccessDenied',
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/build-role/ci-runner' },
    errorMessage: `User: arn:aws:sts::111122223333:assumed-role/build-role/ci-runner is not authorized to perform: sts:AssumeRole on resource: ${role}`,
    requestParameters: JSON.parse(params.replace('ROLE', role)),
  }, null, 2);
  const top = (message: string) => explain({ message, policies: [{ kind: 'trust', document: trust }] }).causes[0]!;
  it('the externalId it logged decides the trust\'s condition: a wrong one and a missing one are proven', () => {
    const wrong = top(event('{"roleArn":"ROLE","roleSessionName":"deploy","externalId":"prod-77"}'));
    expect([wrong.id, wrong.status]).toEqual(['externalid-missing-or-wrong', 'confirmed']);
    expect(wrong.evidence[0]!.text).toContain('"prod-77"');
    // AssumeRole events log externalId only when the call passed one
    const none = top(event('{"roleArn":"ROLE","roleSessionName":"deploy"}'));
    expect([none.id, none.status]).toEqual(['externalid-missing-or-wrong', 'confirmed']);
  });
  it('the logged session name fills the retry command', () => {
    const c = top(event('{"roleArn":"ROLE","roleSessionName":"deploy","externalId":"prod-77"}'));
    expect(c.confirm.map((s) => s.command).join('\n')).toContain('--role-session-name deploy --external-id prod-7');
  });
  it('inside lookup-events output, where each event is an escaped string, it is read too', () => {
    const escaped = JSON.stringify({ Events: [{ EventName: 'AssumeRole', CloudTrailEvent: event('{"roleArn":"ROLE","roleSessionName":"deploy","externalId":"prod-77"}') }] }, null, 2);
    const c = top(escaped);
    expect([c.id, c.status]).toEqual(['externalid-missing-or-wrong', 'confirmed']);
  });
  it('near miss: an event for another role, or a requestParameters cut short, says nothing about this call', () => {
    const other = event('{"roleArn":"arn:aws:iam::444455556666:role/other","externalId":"prod-77"}');
    const refusal = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111122223333:assumed-role/build-role/ci-runner is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/deployer';
    const c = top(`${refusal}\n\nan older event:\n${other}`);
    expect(c.id).toBe('externalid-missing-or-wrong');
    expect(c.status).not.toBe('confirmed');
    const cut = event('{"roleArn":"ROLE","roleSessionName":"deploy"}').replace(/"roleSessionName": "deploy"\n  }/, '"roleSessionName": "dep');
    expect(top(cut).status).not.toBe('confirmed');
  });
});

describe('an expired Identity Center sign-in is told as such, not as an expired AWS session', () => {
  const first = (message: string) => explain({ message }).causes[0]!;
  it('the CLI\'s "Error when retrieving token from sso" names the SSO sign-in', () => {
    const c = first('Error when retrieving token from sso: Token has expired and refresh failed');
    expect(c.id).toBe('expired-token');
    expect(c.evidence[0]!.text).toContain('IAM Identity Center (SSO) sign-in');
    expect(c.evidence.some((e) => e.text.includes('run aws sso login again'))).toBe(true);
  });
  it('near miss: STS\'s ExpiredToken is still the AWS session', () => {
    const c = first('An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired');
    expect(c.id).toBe('expired-token');
    expect(c.evidence[0]!.text).toContain('AWS says the security token included in the request is expired');
  });
});

describe('a debug log shows what the SDK sent for the failed STS call', () => {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/build-role' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'prod-7' } } }] };
  const refusal = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111122223333:assumed-role/build-role/ci-runner is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/deployer';
  const botocore = (body: string) => `2026-11-30 10:00:00,123 - MainThread - botocore.endpoint - DEBUG - Making request for OperationModel(name=AssumeRole) with params: {'url_path': '/', 'query_string': '', 'method': 'POST', 'headers': {'User-Agent': 'aws-cli/2.15.0'}, 'body': {${body}}, 'url': 'https://sts.amazonaws.com/', 'context': {'client_region': 'us-east-1'}}\n${refusal}`;
  const top = (message: string) => explain({ message, policies: [{ kind: 'trust', document: trust }] }).causes[0]!;
  it('botocore\'s request params (the CLI\'s --debug) decide the external id: a wrong one and none at all', () => {
    const wrong = top(botocore("'Action': 'AssumeRole', 'Version': '2011-06-15', 'RoleArn': 'arn:aws:iam::444455556666:role/deployer', 'RoleSessionName': 'deploy', 'ExternalId': 'prod-77'"));
    expect([wrong.id, wrong.status]).toEqual(['externalid-missing-or-wrong', 'confirmed']);
    expect(wrong.evidence[0]!.text).toContain('"prod-77"');
    expect(wrong.confirm.map((s) => s.command).join('\n')).toContain('--role-session-name deploy');
    const none = top(botocore("'Action': 'AssumeRole', 'Version': '2011-06-15', 'RoleArn': 'arn:aws:iam::444455556666:role/deployer', 'RoleSessionName': 'deploy'"));
    expect([none.id, none.status]).toEqual(['externalid-missing-or-wrong', 'confirmed']);
  });
  it('a form-encoded body (Go, Java or a raw HTTP dump) is read the same way', () => {
    const c = top(`SDK 2026/11/30 10:00:00 DEBUG Request\nPOST / HTTP/1.1\nHost: sts.amazonaws.com\n\nAction=AssumeRole&ExternalId=prod-77&RoleArn=arn%3Aaws%3Aiam%3A%3A444455556666%3Arole%2Fdeployer&RoleSessionName=deploy&Version=2011-06-15\n${refusal}`);
    expect([c.id, c.status]).toEqual(['externalid-missing-or-wrong', 'confirmed']);
  });
  it('the CLI\'s "Arguments entered to CLI" list is the command line', () => {
    const c = top(`2026-11-30 10:00:00,001 - MainThread - awscli.clidriver - DEBUG - Arguments entered to CLI: ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::444455556666:role/deployer', '--role-session-name', 'deploy', '--external-id', 'prod-77']\n${refusal}`);
    expect([c.id, c.status]).toEqual(['externalid-missing-or-wrong', 'confirmed']);
    expect(c.evidence[0]!.text).toContain('"prod-77"');
    const open = top(`awscli.clidriver - DEBUG - Arguments entered to CLI: ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::444455556666:role/deployer', '--external-id', 'prod-77'\n${refusal}`);
    expect(open.status).not.toBe('confirmed');
  });
  it('near miss: a body for another role, or a dict cut short, says nothing about this call', () => {
    const other = top(botocore("'Action': 'AssumeRole', 'RoleArn': 'arn:aws:iam::444455556666:role/other', 'RoleSessionName': 'deploy', 'ExternalId': 'prod-77'"));
    expect(other.status).not.toBe('confirmed');
    const cut = top(`... 'body': {'Action': 'AssumeRole', 'RoleArn': 'arn:aws:iam::444455556666:role/deployer', 'RoleSessi\n${refusal}`);
    expect(cut.status).not.toBe('confirmed');
  });
});

describe('the config profile or Terraform assume_role block that names the role says what the call sends', () => {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'prod-7' } } }] };
  const refusal = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/deployer';
  const ext = (message: string) => explain({ message, policies: [{ kind: 'trust', document: trust }] }).causes.find((c) => c.id === 'externalid-missing-or-wrong')!;
  it('a profile without external_id sends none; one with the right value passes the condition', () => {
    const profile = (extra: string) => `$ aws s3 ls --profile deploy\n${refusal}\n\n[profile deploy]\nrole_arn = arn:aws:iam::444455556666:role/deployer\nsource_profile = default\n${extra}`;
    expect(ext(profile('')).status).toBe('confirmed');
    expect(ext(profile('external_id = prod-7\n')).status).toBe('ruled-out');
  });
  it('a Terraform assume_role block is read past a nested tags block, its session name fills the commands', () => {
    const tf = (ext: string) => `Error: IAM Role (arn:aws:iam::444455556666:role/deployer) cannot be assumed.\n\nprovider "aws" {\n  assume_role {\n${ext}    tags = {\n      team = "a"\n    }\n    role_arn     = "arn:aws:iam::444455556666:role/deployer"\n    session_name = "tf-apply"\n  }\n}`;
    const none = ext(tf(''));
    expect(none.status).toBe('confirmed');
    expect(none.confirm.map((s) => s.command).join('\n')).toContain('--role-session-name tf-apply');
    expect(ext(tf('    external_id = "prod-7"\n')).status).toBe('ruled-out');
  });
  it('near miss: an external_id given as a variable, a block for another role or a block with no edge says nothing', () => {
    const tfVar = `Error: IAM Role (arn:aws:iam::444455556666:role/deployer) cannot be assumed.\n\nassume_role {\n  role_arn    = "arn:aws:iam::444455556666:role/deployer"\n  external_id = var.external_id\n}`;
    expect(ext(tfVar).status).not.toBe('confirmed');
    expect(ext(tfVar.replace('external_id = var.external_id', 'external_id = "${var.external_id}"')).status).not.toBe('confirmed');
    const other = `${refusal}\n\n[profile other]\nrole_arn = arn:aws:iam::444455556666:role/other\n`;
    expect(ext(other).status).not.toBe('confirmed');
    const bare = `${refusal}\n\nrole_arn = arn:aws:iam::444455556666:role/deployer\nsource_profile = default\n`;
    expect(ext(bare).status).not.toBe('confirmed');
  });
});

describe('`aws configure list` beside the error says which credentials signed the call', () => {
  const refusal = 'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:iam::111122223333:user/ci-bot is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::prod-data" because no identity-based policy allows the s3:ListBucket action';
  const table = (profile: string, keyType: string) => `${refusal}\n\n$ aws configure list\n      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n   profile ${profile}\naccess_key     ****************ABCD              ${keyType}    \nsecret_key     ****************wxyz              ${keyType}    \n    region                us-east-1      config-file    ~/.aws/config`;
  const wrong = (message: string) => explain({ message }).causes.find((c) => c.id === 'wrong-credentials-in-use')!;
  it('keys from the environment beside a profile chosen with AWS_PROFILE prove the profile was not used', () => {
    const a = explain({ message: table("                    Prod              env    ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']", 'env') });
    expect([a.causes[0]!.id, a.causes[0]!.status]).toEqual(['wrong-credentials-in-use', 'confirmed']);
    expect(a.causes[0]!.evidence[0]!.text).toContain('profile Prod chosen by AWS_PROFILE');
  });
  it('near miss: a profile given with --profile (Type manual) and keys from the shared file say nothing; keys from the environment alone are a hint', () => {
    const manual = wrong(table('                    prod           manual    --profile', 'shared-credentials-file'));
    expect(manual.evidence.some((e) => e.text.startsWith('aws configure list'))).toBe(false);
    const bare = wrong(table('                <not set>             None    None', 'env'));
    expect(bare.status).not.toBe('confirmed');
    expect(bare.evidence.some((e) => e.text.startsWith('aws configure list shows the access key taken from environment variables'))).toBe(true);
  });
});

describe('a pasted KMS CloudTrail event says which encryption context the request carried', () => {
  const keyPolicy = { Version: '2012-10-17', Statement: [{ Sid: 'reader', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/reader' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::bucket-a' } } }] };
  const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const refusal = `User: arn:aws:sts::111122223333:assumed-role/reader/app is not authorized to perform: kms:Decrypt on resource: ${key} because no resource-based policy allows the kms:Decrypt action`;
  const event = (params: unknown, source = 'kms.amazonaws.com') => JSON.stringify({
    eventSource: source, eventName: 'Decrypt', awsRegion: 'us-east-1', errorCode: 'AccessDenied', errorMessage: refusal,
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/reader/app' }, requestParameters: params,
  }, null, 2);
  const cond = (message: string) => explain({ message, policies: [{ kind: 'resource', name: 'key policy', document: keyPolicy }] }).causes.find((c) => c.id === 'kms-condition-unmet')!;
  it('the logged context decides the key policy\'s condition', () => {
    const c = cond(event({ encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::bucket-b' }, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }));
    expect(c.status).toBe('confirmed');
    expect(c.evidence[0]!.text).toContain('arn:aws:s3:::bucket-b');
    // the right context satisfies the condition: not proven (AWS's own words keep the key policy in play)
    expect(cond(event({ encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::bucket-a' }, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' })).status).not.toBe('confirmed');
  });
  it('near miss: the refusal beside another service\'s event is not read for its context', () => {
    const c = cond(`An error occurred (AccessDeniedException) when calling the Decrypt operation: ${refusal}\n\n${event({ bucketName: 'bucket-b', key: 'x' }, 's3.amazonaws.com')}`);
    expect(c.status).not.toBe('confirmed');
  });
});
