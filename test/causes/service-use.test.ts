/**
 * A service's onward call for the caller was refused and the service says so in its own words, naming no IAM
 * action (docs/decisions/019): Lambda "does not have permission to access the ECR image" (Lambda pulls with
 * ecr:BatchGetImage / ecr:GetDownloadUrlForLayer under lambda.amazonaws.com — Lambda container image docs,
 * cross-account permissions), Athena "Permission denied on S3 path" (the caller's S3 read through Athena, from
 * Athena's network: no aws:SourceVpc / aws:SourceVpce — Athena "Control access to Amazon S3"), Lambda "The
 * provided execution role does not have permissions to call X on Y", EKS Pod Identity "does not have permissions to
 * assume the associated role" (021). The pasted policies are evaluated for the
 * onward call. Checked both ways on inputs other than blind c08 / c17.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { serviceUse } from '../../src/core/causes/service-use.js';
import { parseError } from '../../src/core/parse/index.js';

const rank = (a: ReturnType<typeof explain>, id: string) => a.causes.filter((c) => c.status !== 'ruled-out').findIndex((c) => c.id === id) + 1;
const cause = (a: ReturnType<typeof explain>, id: string) => a.causes.find((c) => c.id === id);
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

describe('Lambda "does not have permission to access the ECR image"', () => {
  const IMAGE = '311122223333.dkr.ecr.eu-central-1.amazonaws.com/platform/thumbnailer:v42';
  const message = `Resource handler returned message: "Lambda does not have permission to access the ECR image. Check the ECR permissions. (Service: Lambda, Status Code: 403, Request ID: 5b0e4c2a-7d1f-4e9b-a3c6-2f8d1e0b9a74)" (RequestToken: 0c3e1a5b-9d7f-4b2e-8a6c-1e4f7d0b3c92, HandlerErrorCode: AccessDenied)\nImageUri: ${IMAGE}`;
  const deployer = { kind: 'identity' as const, document: doc({ Effect: 'Allow', Action: ['lambda:CreateFunction', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'iam:PassRole'], Resource: '*' }) };
  const repoPolicy = (Principal: object) => ({ kind: 'resource' as const, document: doc({ Sid: 'Pull', Effect: 'Allow', Principal, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }) });

  it('reads the message as the Lambda service pulling the image from the repository the image URI names', () => {
    const use = serviceUse(parseError(message).parsed, message);
    expect(use?.action).toBe('ecr:BatchGetImage');
    expect(use?.also).toEqual(['ecr:GetDownloadUrlForLayer']);
    expect(use?.servicePrincipal).toBe('lambda.amazonaws.com');
    expect(use?.target?.arn).toBe('arn:aws:ecr:eu-central-1:311122223333:repository/platform/thumbnailer');
  });
  it('confirms the repository policy\'s missing grant when it names only the function\'s account, and rules the deployer\'s side out', () => {
    const a = explain({ message, policies: [deployer, repoPolicy({ AWS: 'arn:aws:iam::444455556666:root' })] });
    expect(a.causes[0]?.id).toBe('resource-policy-missing-grant');
    expect(a.causes[0]?.status).toBe('confirmed');
    expect(a.causes[0]?.evidence.some((e) => e.text.includes('ecr:BatchGetImage'))).toBe(true);
    // the onward caller is Lambda's service principal: the deployer's identity policies are not what refused it
    expect([undefined, 'ruled-out']).toContain(cause(a, 'identity-missing-allow')?.status);
    expect(a.parsed.action).toBeNull(); // the parser's output is left as it was
  });
  it('rules the missing grant out when the repository policy grants the Lambda service principal', () => {
    const a = explain({ message, policies: [deployer, repoPolicy({ Service: 'lambda.amazonaws.com' })] });
    expect(cause(a, 'resource-policy-missing-grant')?.status).toBe('ruled-out');
    expect(a.causes[0]?.id).not.toBe('resource-policy-missing-grant');
  });
  it('leaves other Lambda messages alone', () => {
    const other = 'An error occurred (AccessDeniedException) when calling the CreateFunction operation: User: arn:aws:iam::444455556666:user/ci is not authorized to perform: lambda:CreateFunction on resource: arn:aws:lambda:eu-central-1:444455556666:function:thumbnailer';
    expect(serviceUse(parseError(other).parsed, other)).toBeNull();
  });
});

describe('Athena "Permission denied on S3 path"', () => {
  const BUCKET = 'sales-lake-prod-eu';
  const objectMsg = `Error: HIVE_CURSOR_ERROR: Permission denied on S3 path: s3://${BUCKET}/orders/year=2026/month=11/00042.gz.parquet\nThis query ran against the "sales" database, unless qualified by the query.`;
  const prefixMsg = `Query 0d1e2f3a-4b5c-4d6e-8f70-a1b2c3d4e5f6 FAILED: Permission denied on S3 path: s3://${BUCKET}/orders/`;
  const analyst = (...actions: string[]) => ({ kind: 'identity' as const, document: doc({ Effect: 'Allow', Action: ['athena:StartQueryExecution', 'glue:GetTable'], Resource: '*' }, { Effect: 'Allow', Action: actions, Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`] }) });
  const denyOutsideVpc = (extra: Record<string, object> = {}) => ({
    kind: 'resource' as const,
    document: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`], Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-0f1e2d3c4b5a69788' }, ...extra } }),
  });

  it('reads an object path as s3:GetObject on the object and a prefix as s3:ListBucket on the bucket', () => {
    expect(serviceUse(parseError(objectMsg).parsed, objectMsg)?.action).toBe('s3:GetObject');
    expect(serviceUse(parseError(objectMsg).parsed, objectMsg)?.target?.arn).toBe(`arn:aws:s3:::${BUCKET}/orders/year=2026/month=11/00042.gz.parquet`);
    expect(serviceUse(parseError(prefixMsg).parsed, prefixMsg)?.action).toBe('s3:ListBucket');
    expect(serviceUse(parseError(prefixMsg).parsed, prefixMsg)?.target?.arn).toBe(`arn:aws:s3:::${BUCKET}`);
  });
  it('confirms the bucket policy\'s Deny on aws:SourceVpc: Athena\'s requests carry no VPC keys', () => {
    for (const message of [objectMsg, prefixMsg]) {
      const a = explain({ message, policies: [analyst('s3:GetObject', 's3:ListBucket'), denyOutsideVpc()] });
      expect(a.causes[0]?.id).toBe('resource-policy-explicit-deny');
      expect(a.causes[0]?.status).toBe('confirmed');
      expect(cause(a, 'identity-missing-allow')?.status).toBe('ruled-out');
    }
  });
  it('does not blame the Deny when it excepts requests made through an AWS service', () => {
    const a = explain({ message: objectMsg, policies: [analyst('s3:GetObject', 's3:ListBucket'), denyOutsideVpc({ Bool: { 'aws:ViaAWSService': 'false' } })] });
    expect(cause(a, 'resource-policy-explicit-deny')?.status).toBe('ruled-out');
  });
  it('puts the analyst\'s missing S3 read first when the identity policy lacks it', () => {
    const a = explain({ message: objectMsg, policies: [analyst('s3:ListBucket')] });
    expect(a.causes[0]?.id).toBe('identity-missing-allow');
    expect(rank(a, 'resource-policy-explicit-deny')).not.toBe(1);
  });
});

describe('Lambda "The provided execution role does not have permissions to call X on Y"', () => {
  const message = 'An error occurred (InvalidParameterValueException) when calling the UpdateFunctionConfiguration operation: The provided execution role does not have permissions to call ReceiveMessage on SQS';
  const role = (...Action: string[]) => ({ kind: 'identity' as const, name: 'orders-consumer execution role', document: doc({ Effect: 'Allow', Action, Resource: '*' }) });

  it('reads the onward call as the execution role\'s action', () => {
    expect(serviceUse(parseError(message).parsed, message)?.action).toBe('sqs:ReceiveMessage');
  });
  it('reads services whose names hold a digit (EC2, S3), as Lambda prints them', () => {
    const on = (call: string) => {
      const m = `An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The provided execution role does not have permissions to call ${call}`;
      return serviceUse(parseError(m).parsed, m)?.action;
    };
    expect(on('CreateNetworkInterface on EC2')).toBe('ec2:CreateNetworkInterface');
    expect(on('GetObject on S3.')).toBe('s3:GetObject');
    // near miss: a service Lambda never names this way gives no onward call
    expect(on('CreateNetworkInterface on EC3')).toBeUndefined();
  });
  it('puts the role\'s missing Allow first when its pasted policy lacks the action, and rules it out when it has it', () => {
    const without = explain({ message, policies: [role('logs:CreateLogStream', 'logs:PutLogEvents')] });
    expect(without.causes[0]?.id).toBe('identity-missing-allow');
    expect(without.causes[0]?.evidence.some((e) => e.text.includes('sqs:ReceiveMessage'))).toBe(true);
    const withIt = explain({ message, policies: [role('sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes')] });
    expect(cause(withIt, 'identity-missing-allow')?.status).toBe('ruled-out');
  });
});

describe('resource-missing-masked and s3:ListBucket (S3 answers 404 for a missing key when the caller may list the bucket)', () => {
  const message = '$ aws s3 cp s3://ledger-archive-2026/q3/summary.csv .\nfatal error: An error occurred (403) when calling the HeadObject operation: Forbidden';
  const bare = 'download failed: An error occurred (403) when calling the HeadObject operation: Forbidden';
  const reader = (list: string | null) => ({
    kind: 'identity' as const,
    document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::ledger-archive-2026/*' }, ...(list ? [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: list }] : [])),
  });
  const bucketPolicy = { kind: 'resource' as const, document: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::ledger-archive-2026/*' }) };

  it('is ruled out when the identity policy allows s3:ListBucket on the bucket the command names', () => {
    const a = explain({ message, policies: [reader('arn:aws:s3:::ledger-archive-2026')] });
    expect(cause(a, 'resource-missing-masked')?.status).toBe('ruled-out');
    expect(cause(a, 'resource-missing-masked')?.evidence.some((e) => e.text.includes('404'))).toBe(true);
  });
  it('stays open when ListBucket is allowed only on another bucket, or not at all', () => {
    for (const list of ['arn:aws:s3:::ledger-archive-2025', null]) {
      const a = explain({ message, policies: [reader(list)] });
      expect(cause(a, 'resource-missing-masked')?.status).not.toBe('ruled-out');
    }
  });
  it('reads the bucket from the pasted bucket policy when the 403 names none', () => {
    const a = explain({ message: bare, policies: [reader('arn:aws:s3:::ledger-archive-2026'), bucketPolicy] });
    const c = cause(a, 'resource-missing-masked');
    expect(c?.status).toBe('ruled-out');
    expect(c?.evidence.some((e) => e.text.includes('bucket policy is about'))).toBe(true);
    const b = explain({ message: bare, policies: [reader('arn:aws:s3:::ledger-archive-2025'), bucketPolicy] });
    expect(cause(b, 'resource-missing-masked')?.status).not.toBe('ruled-out');
  });
});

describe('EC2 Auto Scaling "Client.InternalError: Client error on launch" (customer managed EBS key; EC2 Auto Scaling key-policy docs)', () => {
  const message = 'Launching a new EC2 instance: i-0abc. Status Reason: Client.InternalError: Client error on launch\nAt 2026-11-29T17:40:11Z an instance was started in response to a difference between desired and actual capacity.';
  const rootStmt = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::246813579024:root' }, Action: 'kms:*', Resource: '*' };
  const SLR = 'arn:aws:iam::246813579024:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';
  const slrStmts = [
    { Sid: 'SlrUse', Effect: 'Allow', Principal: { AWS: SLR }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' },
    { Sid: 'SlrGrant', Effect: 'Allow', Principal: { AWS: SLR }, Action: 'kms:CreateGrant', Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': true } } },
  ];
  const keyPolicy = (...Statement: object[]) => ({ kind: 'resource' as const, name: 'ebs key policy', document: doc(...Statement) });

  it('ranks the key policy first when it only delegates to IAM: the service-linked role\'s permissions are fixed', () => {
    const a = explain({ message, policies: [keyPolicy(rootStmt)] });
    expect(a.causes[0]?.id).toBe('kms-key-policy-missing-grant');
    expect(a.causes[0]?.evidence.some((e) => e.text.includes('AWSServiceRoleForAutoScaling'))).toBe(true);
    expect(cause(a, 'identity-missing-allow')).toBeUndefined();
  });
  it('does not rank it first when the key policy allows the service-linked role', () => {
    const a = explain({ message, policies: [keyPolicy(rootStmt, ...slrStmts)] });
    expect(a.causes[0]?.id).not.toBe('kms-key-policy-missing-grant');
    expect(cause(a, 'kms-key-policy-missing-grant')?.evidence.some((e) => e.text.includes('allows the Auto Scaling service-linked role'))).toBe(true);
  });
});

describe('EKS Pod Identity "does not have permissions to assume the associated role" (EKS User Guide, pod-id-role: pods.eks.amazonaws.com needs sts:AssumeRole and sts:TagSession)', () => {
  // a Python SDK in the pod relaying the agent's answer, and the association as YAML (not blind e13's Go v2 text and JSON)
  const assoc = (extra = '') => `$ kubectl logs deploy/invoice-worker -n billing
botocore.exceptions.CredentialRetrievalError: Error when retrieving credentials from container-role: Error retrieving metadata: Received non 200 response 500 from container metadata: unable to fetch credentials from EKS Auth: AccessDeniedException: Unauthorized Exception! EKS does not have permissions to assume the associated role.

$ aws eks describe-pod-identity-association --cluster-name ops-use2 --association-id a-1abcd2efgh3ijkl4m --output yaml
association:
  associationArn: arn:aws:eks:us-east-2:418273645091:podidentityassociation/ops-use2/a-1abcd2efgh3ijkl4m
  clusterName: ops-use2
  namespace: billing
  roleArn: arn:aws:iam::418273645091:role/workloads/invoice-worker
  serviceAccount: invoice-worker
${extra}`;
  const trust = (Principal: object, Action: string | string[], Condition?: object) => ({ kind: 'trust' as const, document: doc({ Effect: 'Allow', Principal, Action, ...(Condition ? { Condition } : {}) }) });
  const PODS = { Service: 'pods.eks.amazonaws.com' };

  it('reads it as pods.eks.amazonaws.com assuming the association\'s role, with its six session tags', () => {
    const use = serviceUse(parseError(assoc()).parsed, assoc());
    expect(use?.action).toBe('sts:AssumeRole');
    expect(use?.also).toEqual(['sts:TagSession']);
    expect(use?.servicePrincipal).toBe('pods.eks.amazonaws.com');
    expect(use?.target?.arn).toBe('arn:aws:iam::418273645091:role/workloads/invoice-worker');
    expect(use?.context['aws:TagKeys']).toHaveLength(6);
    expect(use?.context['aws:RequestTag/kubernetes-namespace']).toBe('billing');
    expect(use?.context['aws:RequestTag/kubernetes-pod-name']).toBeUndefined(); // not shown: unknown, not absent
  });
  it('confirms tagsession-not-allowed when the trust gives the service sts:AssumeRole only, and rules the principal causes out', () => {
    const a = explain({ message: assoc(), policies: [trust(PODS, ['sts:AssumeRole'], { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'billing' } })] });
    expect(a.causes[0]?.id).toBe('tagsession-not-allowed');
    expect(a.causes[0]?.status).toBe('confirmed');
    for (const id of ['trust-principal-missing', 'trust-service-vs-aws-principal']) expect([undefined, 'ruled-out']).toContain(cause(a, id)?.status);
    // the service signs with its own identity: the pod's credentials are not what is wrong
    expect(cause(a, 'wrong-credentials-in-use')).toBeUndefined();
    expect(a.evaluated?.why).toContain('sts:TagSession');
  });
  it('puts the principal first when the trust names another service or an AWS principal', () => {
    const other = explain({ message: assoc(), policies: [trust({ Service: 'eks.amazonaws.com' }, ['sts:AssumeRole', 'sts:TagSession'])] });
    expect(other.causes[0]?.id).toBe('trust-service-vs-aws-principal');
    const node = explain({ message: assoc(), policies: [trust({ AWS: 'arn:aws:iam::418273645091:role/eks-node-role' }, ['sts:AssumeRole', 'sts:TagSession'])] });
    expect(node.causes[0]?.id).toBe('trust-service-vs-aws-principal');
    expect(rank(node, 'tagsession-not-allowed')).toBeGreaterThan(1);
  });
  it('names the missing sts:AssumeRole (not the principal) when the service is trusted for sts:TagSession only', () => {
    const a = explain({ message: assoc(), policies: [trust(PODS, 'sts:TagSession')] });
    expect(a.causes[0]?.id).toBe('trust-action-mismatch');
    expect([undefined, 'ruled-out']).toContain(cause(a, 'trust-service-vs-aws-principal')?.status);
  });
  it('near misses: both actions allowed, or session tags disabled, keep tagsession-not-allowed out; a failing tag condition is condition-tags', () => {
    const both = explain({ message: assoc(), policies: [trust(PODS, ['sts:AssumeRole', 'sts:TagSession'])] });
    expect([undefined, 'ruled-out']).toContain(cause(both, 'tagsession-not-allowed')?.status);
    const off = explain({ message: assoc('  disableSessionTags: true\n'), policies: [trust(PODS, 'sts:AssumeRole')] });
    expect(off.evaluated?.also).toEqual([]);
    expect(rank(off, 'tagsession-not-allowed')).toBe(0);
    const ns = explain({ message: assoc(), policies: [trust(PODS, ['sts:AssumeRole', 'sts:TagSession'], { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'payments' } })] });
    expect(ns.causes[0]?.id).toBe('condition-tags');
  });
  it('leaves a cross-account association (targetRoleArn: the second hop is the first role\'s) and other EKS messages alone', () => {
    const chained = assoc('  targetRoleArn: arn:aws:iam::999988887777:role/invoice-writer\n');
    expect(serviceUse(parseError(chained).parsed, chained)).toBeNull();
    const agent = 'AccessDeniedException: User: arn:aws:sts::418273645091:assumed-role/eks-node-role/i-0abc is not authorized to perform: eks-auth:AssumeRoleForPodIdentity on resource: arn:aws:eks:us-east-2:418273645091:cluster/ops-use2';
    expect(serviceUse(parseError(agent).parsed, agent)).toBeNull();
  });
});
