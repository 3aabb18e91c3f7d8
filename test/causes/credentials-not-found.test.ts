/**
 * "No credentials found" from each CLI/SDK: recognized as a credential failure with the SDK's error
 * name as its code, credentials-not-found first, policy causes ruled out (nothing reached AWS) —
 * and the same line beside a real, signed refusal does not take over the answer.
 */
import { describe, expect, it } from 'vitest';
import { explain, parseError } from '../../src/core/index.js';
import { renderMarkdown } from '../../src/core/render/index.js';

const CASES: Array<{ name: string; message: string; code: string | null; source?: string; action?: string }> = [
  { name: 'boto3', message: 'Traceback (most recent call last):\n  File "sync.py", line 12, in <module>\n    s3.list_buckets()\nbotocore.exceptions.NoCredentialsError: Unable to locate credentials', code: 'NoCredentialsError', source: 'boto3' },
  { name: 'AWS CLI', message: 'Unable to locate credentials. You can configure credentials by running "aws configure".', code: null },
  { name: 'JS v3', message: 'CredentialsProviderError: Could not load credentials from any providers\n    at /app/node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js:58:15', code: 'CredentialsProviderError', source: 'aws-sdk-js' },
  { name: 'JS v2', message: 'CredentialsError: Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1', code: 'CredentialsError' },
  { name: 'Go v1', message: 'NoCredentialProviders: no valid providers in chain. Deprecated.\n\tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors', code: 'NoCredentialProviders' },
  { name: 'Go v2 on EC2', message: 'operation error S3: ListBuckets, get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded', code: null, source: 'aws-sdk-go', action: 's3:ListAllMyBuckets' },
  { name: 'Terraform', message: 'Error: configuring Terraform AWS Provider: no valid credential sources for Terraform AWS Provider found.\n\nPlease see https://registry.terraform.io/providers/hashicorp/aws\nfor more information about providing credentials.', code: null, source: 'terraform' },
  { name: 'Java v2', message: 'software.amazon.awssdk.core.exception.SdkClientException: Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider()])', code: null, source: 'aws-sdk-java' },
  { name: 'Java v1', message: 'com.amazonaws.SdkClientException: Unable to load AWS credentials from any provider in the chain: [EnvironmentVariableCredentialsProvider: Unable to load AWS credentials from environment variables', code: null },
  { name: '.NET', message: 'Amazon.Runtime.AmazonServiceException: Unable to get IAM security credentials from EC2 Instance Metadata Service.', code: null, source: 'aws-sdk-dotnet' },
];

describe('no credentials found', () => {
  for (const c of CASES) {
    it(`${c.name}: parsed as a credential failure, credentials-not-found first`, () => {
      const { parsed } = parseError(c.message);
      expect(parsed.recognized).toBe(true);
      expect(parsed.shape).toBe('no-credentials');
      expect(parsed.errorCode).toBe(c.code);
      if (c.source) expect(parsed.source).toBe(c.source);
      expect(parsed.action).toBe(c.action ?? null);
      const e = explain({ message: c.message });
      const live = e.causes.filter((x) => x.status !== 'ruled-out');
      expect(live[0]?.id, live.slice(0, 3).map((x) => `${x.id}(${x.status})`).join(', ')).toBe('credentials-not-found');
      // nothing reached AWS: no policy cause stays in play
      for (const id of ['identity-missing-allow', 'trust-principal-missing', 'scp-deny']) {
        const x = e.causes.find((y) => y.id === id);
        expect(!x || x.status === 'ruled-out', `${id} ${x?.status}`).toBe(true);
      }
    });
  }

  it('the instance metadata steps appear only when the chain ended at IMDS', () => {
    const imds = explain({ message: CASES.find((c) => c.name === 'Go v2 on EC2')!.message }).causes[0]!;
    const plain = explain({ message: CASES[0]!.message }).causes[0]!;
    const has = (c: typeof imds, s: string) => [...c.confirm.map((x) => x.command), ...c.fix.commands].some((x) => x.includes(s));
    expect(has(imds, '169.254.169.254/latest/meta-data/iam/security-credentials/')).toBe(true);
    expect(has(imds, '--http-put-response-hop-limit 2')).toBe(true);
    expect(has(plain, '169.254.169.254')).toBe(false);
    expect(has(plain, 'modify-instance-metadata-options')).toBe(false);
    expect(imds.evidence.some((x) => x.text.includes('hop limit'))).toBe(true);
  });

  it('IMDS answering 404 means no instance profile; a timeout keeps the hop-limit reading', () => {
    const notFound = explain({ message: 'operation error S3: PutObject, get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, http response error StatusCode: 404, request to EC2 IMDS failed' }).causes[0]!;
    expect(notFound.evidence.some((x) => x.text.includes('answered 404'))).toBe(true);
    expect(notFound.evidence.some((x) => x.text.includes('hop limit'))).toBe(false);
    const timeout = explain({ message: CASES.find((c) => c.name === 'Go v2 on EC2')!.message }).causes[0]!;
    expect(timeout.evidence.some((x) => x.text.includes('answered 404'))).toBe(false);
  });

  it('the Markdown says nothing was sent, not that a request was denied or that no error was found', () => {
    const md = renderMarkdown(explain({ message: CASES[1]!.message }));
    expect(md).toContain('nothing: no request reached AWS');
    expect(md).toContain('## Why no AWS credentials were found');
    expect(md).not.toContain('No AWS authorization failure found');
    expect(md).not.toContain('was denied');
    const go = renderMarkdown(explain({ message: CASES.find((c) => c.name === 'Go v2 on EC2')!.message }));
    expect(go).toContain('## Why s3:ListAllMyBuckets was never sent');
  });

  it('a "no credentials" line beside a signed refusal leaves the refusal in charge', () => {
    const message = [
      'Unable to locate credentials. You can configure credentials by running "aws configure".',
      '$ export AWS_PROFILE=ci',
      'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111111111111:assumed-role/ci/job-7 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::acme-artifacts/build.zip" because no identity-based policy allows the s3:PutObject action',
    ].join('\n');
    const e = explain({ message });
    expect(e.parsed.shape).not.toBe('no-credentials');
    expect(e.parsed.action).toBe('s3:PutObject');
    expect(e.causes[0]?.id).toBe('identity-missing-allow');
    const nf = e.causes.find((c) => c.id === 'credentials-not-found');
    expect(nf && ['unlikely', 'ruled-out'].includes(nf.status)).toBe(true);
  });

  it('a refused OIDC assume followed by a "no credentials" line: the refusal leads, the line reads as its consequence', () => {
    const e = explain({ message: 'Run aws-actions/configure-aws-credentials@v4\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity\nTraceback (most recent call last):\nbotocore.exceptions.NoCredentialsError: Unable to locate credentials' });
    expect(e.parsed.action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(e.causes[0]?.id).toBe('oidc-sub-mismatch');
    for (const id of ['credentials-not-found', 'wrong-credentials-in-use']) {
      const i = e.causes.findIndex((c) => c.id === id);
      expect(i === -1 || e.causes[i]!.status === 'unlikely' || e.causes[i]!.status === 'ruled-out', `${id} ${e.causes[i]?.status}`).toBe(true);
    }
  });

  // Terraform's provider could not assume its assume_role role, and the error under it says why: no
  // credentials to sign the AssumeRole call with (AWS refused nothing).
  const TF_ASSUME = 'Error: error configuring Terraform AWS Provider: IAM Role (arn:aws:iam::222222222222:role/terraform) cannot be assumed.\n\nThere are a number of possible causes of this - the most common are:\n  * The credentials used in order to assume the role are invalid\n  * The credentials do not have appropriate permission to assume the role\n  * The role ARN is not valid\n\n';
  for (const [name, tail] of [
    ['Terraform AWS provider 3.x', 'Error: NoValidCredentialSources: no valid credential sources for Terraform AWS Provider found.\n\nPlease see https://registry.terraform.io/providers/hashicorp/aws\nfor more information about providing credentials.'],
    ['Terraform AWS provider 4.x on EC2', 'Error: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded'],
  ] as const) {
    it(`${name}: an assume_role the provider could not even sign leads with credentials-not-found`, () => {
      const e = explain({ message: TF_ASSUME + tail });
      expect(e.parsed.action).toBe('sts:AssumeRole');
      expect(e.parsed.target?.arn).toBe('arn:aws:iam::222222222222:role/terraform');
      expect(e.causes[0]?.id, e.causes.slice(0, 3).map((x) => `${x.id}(${x.status})`).join(', ')).toBe('credentials-not-found');
      expect(e.causes[0]?.status).toBe('likely');
      expect(e.causes[0]?.evidence[0]?.text).toContain('AWS refused nothing');
      // nothing was sent, so the headline does not say it was denied
      const md = renderMarkdown(e);
      expect(md).toContain('## Why sts:AssumeRole was never sent');
      // the two errors are one failure here, not two to paste apart
      expect(md).toContain('this answer reads them as one failure');
      expect(md).not.toContain('paste it on its own');
    });
  }

  it('the same provider error beside AWS\'s own refusal leaves the refusal in charge', () => {
    const e = explain({ message: `${TF_ASSUME}Error: AccessDenied: User: arn:aws:iam::111111111111:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/terraform\n\tstatus code: 403\nno valid credential sources for Terraform AWS Provider found.` });
    expect(e.parsed.caller?.arn).toBe('arn:aws:iam::111111111111:user/ci');
    const nf = e.causes.findIndex((c) => c.id === 'credentials-not-found');
    expect(nf === -1 || ['unlikely', 'ruled-out'].includes(e.causes[nf]!.status), `${e.causes[nf]?.status}`).toBe(true);
    expect(renderMarkdown(e)).toContain('## Why sts:AssumeRole was denied');
  });

  it('configure-aws-credentials keeps its own causes ahead', () => {
    const e = explain({ message: 'Run aws-actions/configure-aws-credentials@v4\nIt looks like you might be trying to authenticate with OIDC. Did you mean to set the id-token permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.\nError: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers' });
    expect(e.causes[0]?.id).toBe('github-missing-id-token-permission');
  });
});
