/**
 * The last reading pass's leftovers, each a general rule with a case that must change and a near miss that must not
 * (docs/ux-review.md, "Left alone").
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

describe('a ValidationException printed as `Code: message` is a refusal only when its message reports one', () => {
  const bad = "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null";
  it('another service\'s bad roleArn parameter is no authorization failure: nothing is read or ranked', () => {
    for (const m of [
      `ValidationException: ${bad}`,
      `An error occurred (ValidationException) when calling the CreateJob operation: ${bad}`,
      `ValidationException: 1 validation error detected: Value 'arn:aws:iam::111111111111:role/x' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws:iam::\\d{12}:role/.+`,
    ]) {
      const a = explain({ message: m });
      expect(a.parsed.recognized, m).toBe(false);
      expect(a.causes, m).toEqual([]);
    }
  });
  it('near miss: STS\'s ValidationError on roleArn is still read, and a ValidationException reporting a refusal too', () => {
    const sts = explain({ message: `An error occurred (ValidationError) when calling the AssumeRole operation: ${bad}` });
    expect(sts.parsed.recognized).toBe(true);
    expect(sts.causes[0]?.id).toBe('role-missing-or-typo');
    const refused = explain({ message: "ValidationException: 1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: the caller is not authorized to pass the role" });
    expect(refused.parsed.recognized).toBe(true);
  });
});

describe('an `environment:` key is a GitHub environment only where the paste shows a GitHub Actions workflow', () => {
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:acme/api:ref:refs/heads/main' } } }] });
  const environmentWords = (message: string) => {
    const a = explain({ message, policies: [{ kind: 'trust', name: 'gha-deploy trust', document: trust }] });
    const sub = a.causes.find((c) => c.id === 'oidc-sub-mismatch');
    return sub?.evidence.some((e) => e.text.includes('uses a GitHub environment')) ?? false;
  };
  const refusal = 'Error: Not authorized to perform sts:AssumeRoleWithWebIdentity\n\n';
  it('a Serverless or docker-compose `environment:` block is no GitHub environment', () => {
    expect(environmentWords(`${refusal}serverless.yml:\nprovider:\n  name: aws\n  environment:\n    TABLE_NAME: orders\n`)).toBe(false);
    expect(environmentWords(`${refusal}docker-compose.yml:\nservices:\n  api:\n    image: api\n    environment:\n      - STAGE=prod\n`)).toBe(false);
  });
  it('near miss: a workflow job\'s `environment:` still is', () => {
    expect(environmentWords(`${refusal}jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n`)).toBe(true);
  });
});

describe('KMS commands carry --profile as the other families\' do: the key\'s account for the key, the caller\'s for its IAM side', () => {
  const cmds = (a: ReturnType<typeof explain>, id: string) => {
    const c = a.causes.find((x) => x.id === id);
    return [...(c?.confirm.map((s) => s.command) ?? []), ...(c?.fix.commands ?? [])];
  };
  it('the key named as the target: its commands name the target account\'s profile; the simulation the caller\'s, as identity-missing-allow\'s does', () => {
    const a = explain({ message: 'An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::111111111111:assumed-role/app-role/i-0abc is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab because no resource-based policy allows the kms:Decrypt action' });
    const kms = cmds(a, 'kms-key-policy-missing-grant');
    expect(kms.filter((c) => c.startsWith('aws kms ')).length).toBeGreaterThan(0);
    for (const c of kms.filter((x) => x.startsWith('aws kms '))) expect(c).toMatch(/ --profile <target-account-profile>$/);
    const sim = kms.find((c) => c.startsWith('aws iam simulate-principal-policy'));
    expect(sim).toMatch(/ --profile <caller-account-profile>$/);
    expect(cmds(a, 'identity-missing-allow')).toContain(sim);
  });
  it('near miss: a key the error does not name (an S3 object\'s) is not put in the target (bucket) account', () => {
    const a = explain({ message: 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::111111111111:assumed-role/app/s is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access' });
    const kms = cmds(a, 's3-sse-kms-permissions').filter((c) => c.startsWith('aws kms '));
    expect(kms.length).toBeGreaterThan(0);
    for (const c of kms) expect(c).toMatch(/ --profile <key-account-profile>$/);
  });
});

describe('a caller-side fix edits the identity policy the person pasted under its name, rather than a new allow-<Action>', () => {
  const message = 'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111111111111:assumed-role/gha-deploy/GitHubActions is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::acme-web-prod/app/index.html" because no identity-based policy allows the s3:PutObject action';
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme-web-prod' }] });
  const fixOf = (name?: string) => {
    const a = explain({ message, policies: [{ kind: 'identity', ...(name ? { name } : {}), document }] });
    return a.causes.find((c) => c.id === 'identity-missing-allow')!.fix;
  };
  it('an inline name: put-role-policy under that name, saying it replaces the policy; a customer managed ARN: a new default version', () => {
    const inline = fixOf('deploy-web');
    expect(inline.commands).toEqual(['aws iam put-role-policy --role-name gha-deploy --policy-name deploy-web --policy-document file://policy.json --profile <caller-account-profile>']);
    expect(inline.description).toContain('over deploy-web, the inline policy you pasted: it replaces that policy');
    expect(inline.policy).toBeDefined();
    const managed = fixOf('arn:aws:iam::111111111111:policy/deploy-web');
    expect(managed.commands).toEqual(['aws iam create-policy-version --policy-arn arn:aws:iam::111111111111:policy/deploy-web --policy-document file://policy.json --set-as-default --profile <caller-account-profile>']);
  });
  it('near miss: no name, a label IAM cannot take, the caller\'s own name, a file\'s or an AWS managed policy\'s keep allow-PutObject', () => {
    for (const name of [undefined, 'my deploy policy', 'gha-deploy', 'deploy-web.json', 'AmazonS3FullAccess', 'AdministratorAccess', 'arn:aws:iam::aws:policy/AmazonS3FullAccess']) {
      const fix = fixOf(name);
      expect(fix.commands, String(name)).toEqual(['aws iam put-role-policy --role-name gha-deploy --policy-name allow-PutObject --policy-document file://policy.json --profile <caller-account-profile>']);
      expect(fix.description, String(name)).not.toContain('you pasted');
    }
  });
});

describe('an S3 deploy\'s identity grant covers the prefix the job writes, not the one key in the message', () => {
  const refusal = (action: string, arn: string) => `An error occurred (AccessDenied) when calling the ${action.slice(3)} operation: User: arn:aws:sts::111111111111:assumed-role/gha-deploy/GitHubActions is not authorized to perform: ${action} on resource: "${arn}" because no identity-based policy allows the ${action} action`;
  const fixOf = (message: string, policies: Array<{ kind: 'identity'; name?: string; document: string }> = []) =>
    explain({ message, policies }).causes.find((c) => c.id === 'identity-missing-allow')!.fix;
  const listOnly = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme-web-prod' }] });
  it('a site file written, a package read: the key\'s folder (or bucket/* at the root), with the sentence saying why', () => {
    const put = fixOf(refusal('s3:PutObject', 'arn:aws:s3:::acme-web-prod/app/index.html'), [{ kind: 'identity', document: listOnly }]);
    expect(put.description).toContain('Attach an Allow for s3:PutObject on arn:aws:s3:::acme-web-prod/app/* to the caller');
    expect(put.description).toContain('app/index.html is one file of a build or deploy output');
    const added = (put.policy as { Statement: Array<{ Sid?: string; Resource: string }> }).Statement.find((s) => s.Sid === 'AllowFailedCall');
    expect(added?.Resource).toBe('arn:aws:s3:::acme-web-prod/app/*');
    expect(fixOf(refusal('s3:GetObject', 'arn:aws:s3:::acme-builds/lambda.zip')).description).toContain('on arn:aws:s3:::acme-builds/* to the caller');
  });
  it('near miss: a state or data file, a page read, and an object a pasted policy names keep the one-object grant', () => {
    for (const [action, arn] of [['s3:PutObject', 'arn:aws:s3:::acme-tfstate/env/prod/terraform.tfstate'], ['s3:GetObject', 'arn:aws:s3:::reports/2026/q3.csv'], ['s3:GetObject', 'arn:aws:s3:::invoice-templates/base.html']] as const) {
      const fix = fixOf(refusal(action, arn));
      expect(fix.description, arn).toContain(`Attach an Allow for ${action} on ${arn} to the caller`);
      expect(fix.description, arn).not.toContain('build or deploy output');
    }
    const named = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-web-prod/app/index.html' }] });
    const fix = fixOf(refusal('s3:PutObject', 'arn:aws:s3:::acme-web-prod/app/index.html'), [{ kind: 'identity', document: named }]);
    expect(fix.description).toContain('on arn:aws:s3:::acme-web-prod/app/index.html to the caller');
  });
});
