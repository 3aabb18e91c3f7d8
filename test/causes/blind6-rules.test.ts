/**
 * The rules added for the misses of blind round 6, each tried both ways on inputs written here (none is a fixture's
 * text). The fixtures' own results are in blind6.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import type { ExplainInput, PolicyInput } from '../../src/core/types.js';

const V = '2012-10-17';
const causeOf = (input: ExplainInput, id: string) => explain(input).causes.find((c) => c.id === id);
const statusOf = (input: ExplainInput, id: string) => causeOf(input, id)?.status;
const topOf = (input: ExplainInput) => explain(input).causes.filter((c) => c.status !== 'ruled-out')[0]?.id;

describe('SCPs: every pasted allow-list SCP is a level of its own that needs an Allow (as the evaluator judges them)', () => {
  // the message names no policy type: only the pasted SCPs can say whether one refused
  const message = 'An error occurred (AccessDenied) when calling the CreateTopic operation: User: arn:aws:sts::410293847561:assumed-role/deployer/ci is not authorized to perform: sns:CreateTopic on resource: arn:aws:sns:eu-west-3:410293847561:alerts';
  const identity: PolicyInput = { kind: 'identity', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 'sns:*', Resource: '*' }] } };
  const full = (level?: number): PolicyInput => ({ kind: 'scp', name: 'FullAWSAccess', ...(level === undefined ? {} : { level }), document: { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } });
  const allowList = (actions: string[], level?: number): PolicyInput => ({ kind: 'scp', name: 'allowed-services', ...(level === undefined ? {} : { level }), document: { Version: V, Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } });
  const denyList: PolicyInput = { kind: 'scp', name: 'deny-leave-org', document: { Version: V, Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] } };
  const levelWords = (input: ExplainInput) => (causeOf(input, 'scp-deny')?.evidence ?? []).some((e) => e.text.includes('every level from the root to the account needs an Allow'));

  it('an allow-list SCP without the action next to FullAWSAccess, levels not given: scp-deny likely, first', () => {
    const input = { message, policies: [identity, full(), allowList(['s3:*', 'sqs:*'])] };
    expect(statusOf(input, 'scp-deny')).toBe('likely');
    expect(levelWords(input)).toBe(true);
    expect(topOf(input)).toBe('scp-deny');
  });
  it('the same with the levels given (root 0, OU 1): scp-deny confirmed', () => {
    expect(statusOf({ message, policies: [identity, full(0), allowList(['s3:*', 'sqs:*'], 1)] }, 'scp-deny')).toBe('confirmed');
  });
  it('near miss — the allow-list SCP names the service: every level allows, scp-deny ruled out', () => {
    expect(statusOf({ message, policies: [identity, full(), allowList(['s3:*', 'sns:*'])] }, 'scp-deny')).toBe('ruled-out');
  });
  it('near miss — a deny-list SCP (no Allow statement) beside FullAWSAccess is not a level without an Allow: ruled out', () => {
    const input = { message, policies: [identity, full(), denyList] };
    expect(statusOf(input, 'scp-deny')).toBe('ruled-out');
    expect(levelWords(input)).toBe(false);
  });
  it('near miss — two allow-lists attached at one level combine: together they allow sns, so no level lacks an Allow', () => {
    const input = { message, policies: [identity, full(0), allowList(['s3:*'], 1), allowList(['sns:*'], 1)] };
    expect(levelWords(input)).toBe(false);
    expect(statusOf(input, 'scp-deny')).toBe('ruled-out');
  });
});

describe('`aws s3 ls` and `aws s3api list-objects-v2` show the listing\'s s3:prefix and s3:delimiter', () => {
  const denied = (cmd: string, bucket: string) => `$ ${cmd}\n\nAn error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:iam::602193847561:user/ann is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::${bucket}" because no identity-based policy allows the s3:ListBucket action`;
  const listing = (op: string, cond: Record<string, unknown>): PolicyInput => ({ kind: 'identity', document: { Version: V, Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::team-files', Condition: { [op]: cond } },
  ] } });

  it('StringEquals with a literal * against the prefix ls sends: condition-other confirmed, and the evidence says * is literal there', () => {
    const input = { message: denied('aws s3 ls s3://team-files/home/ann/docs/', 'team-files'), policies: [listing('StringEquals', { 's3:prefix': 'home/${aws:username}/*' })] };
    expect(topOf(input)).toBe('condition-other');
    expect(statusOf(input, 'condition-other')).toBe('confirmed');
    expect(causeOf(input, 'condition-other')!.evidence[0]!.text).toContain('compares literally');
  });
  it('near miss — StringLike with the same value matches the prefix: condition-other is ruled out', () => {
    const input = { message: denied('aws s3 ls s3://team-files/home/ann/docs/', 'team-files'), policies: [listing('StringLike', { 's3:prefix': 'home/${aws:username}/*' })] };
    expect(statusOf(input, 'condition-other')).toBe('ruled-out');
  });
  it('--recursive sends no delimiter: an Allow requiring s3:delimiter "/" fails; without --recursive it holds', () => {
    const pol = [listing('StringEquals', { 's3:delimiter': '/' })];
    expect(statusOf({ message: denied('aws s3 ls s3://team-files/home/ann/ --recursive', 'team-files'), policies: pol }, 'condition-other')).toBe('confirmed');
    expect(statusOf({ message: denied('aws s3 ls s3://team-files/home/ann/', 'team-files'), policies: pol }, 'condition-other')).toBe('ruled-out');
  });
  it('s3api list-objects-v2 sends exactly its --prefix; without --prefix the key is absent', () => {
    const pol = [listing('StringLike', { 's3:prefix': 'home/ann/*' })];
    expect(statusOf({ message: denied('aws s3api list-objects-v2 --bucket team-files --prefix home/bob/', 'team-files'), policies: pol }, 'condition-other')).toBe('confirmed');
    expect(statusOf({ message: denied('aws s3api list-objects-v2 --bucket team-files --prefix home/ann/x/', 'team-files'), policies: pol }, 'condition-other')).toBe('ruled-out');
    expect(statusOf({ message: denied('aws s3api list-objects-v2 --bucket team-files', 'team-files'), policies: pol }, 'condition-other')).toBe('confirmed');
  });
});

describe('a create command shows the tags it sends: none without a --tag… option', () => {
  const denied = (cmd: string) => `$ ${cmd}\n\nAn error occurred (AccessDeniedException) when calling the CreateLogGroup operation: User: arn:aws:sts::602193847561:assumed-role/deployer/ci is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:eu-west-3:602193847561:log-group:/app/api:log-stream: because no identity-based policy allows the logs:CreateLogGroup action`;
  const pol = (op: string): PolicyInput[] => [{ kind: 'identity', document: { Version: V, Statement: [
    { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: '*', Condition: { [op]: { 'aws:TagKeys': ['team'] } } },
  ] } }];

  it('no --tags: ForAnyValue fails (condition-tags confirmed), ForAllValues holds (condition-tags ruled out)', () => {
    const m = denied('aws logs create-log-group --log-group-name /app/api');
    expect(statusOf({ message: m, policies: pol('ForAnyValue:StringEquals') }, 'condition-tags')).toBe('confirmed');
    expect(statusOf({ message: m, policies: pol('ForAllValues:StringEquals') }, 'condition-tags')).toBe('ruled-out');
  });
  it('--tags team=web: ForAnyValue holds; --tags team=web,env=prod: ForAllValues fails', () => {
    expect(statusOf({ message: denied('aws logs create-log-group --log-group-name /app/api --tags team=web'), policies: pol('ForAnyValue:StringEquals') }, 'condition-tags')).toBe('ruled-out');
    expect(statusOf({ message: denied('aws logs create-log-group --log-group-name /app/api --tags team=web,env=prod'), policies: pol('ForAllValues:StringEquals') }, 'condition-tags')).toBe('confirmed');
  });
  it('EC2 --tag-specifications: the keys inside Tags=[…] are read; a file:// value stays unknown', () => {
    const ec2 = (spec: string) => `$ aws ec2 create-volume --availability-zone eu-west-3a --size 50 ${spec}\n\nAn error occurred (UnauthorizedOperation) when calling the CreateVolume operation: You are not authorized to perform this operation. User: arn:aws:sts::602193847561:assumed-role/deployer/ci is not authorized to perform: ec2:CreateVolume on resource: arn:aws:ec2:eu-west-3:602193847561:volume/* because no identity-based policy allows the ec2:CreateVolume action`;
    const p: PolicyInput[] = [{ kind: 'identity', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 'ec2:CreateVolume', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'web' } } }] } }];
    expect(statusOf({ message: ec2("--tag-specifications 'ResourceType=volume,Tags=[{Key=team,Value=data}]'"), policies: p }, 'condition-tags')).toBe('confirmed');
    expect(statusOf({ message: ec2("--tag-specifications 'ResourceType=volume,Tags=[{Key=team,Value=web}]'"), policies: p }, 'condition-tags')).toBe('ruled-out');
    // from a file the value is not read (only the message's own sentence can still decide, by abduction)
    const fromFile = causeOf({ message: ec2('--tag-specifications file://tags.json'), policies: p }, 'condition-tags');
    expect(fromFile?.evidence.some((e) => e.text.includes('for this call it is'))).toBe(false);
  });
});

describe('a resource policy that grants only unique ids (AROA…, AIDA…) grants deleted principals, no one now', () => {
  const bare = 'ERROR fetch failed s3://vendor-drop/in/file.csv {"name":"AccessDenied","$fault":"client","$metadata":{"httpStatusCode":403},"Code":"AccessDenied","message":"Access Denied"}';
  const bucket = (principal: string): PolicyInput => ({ kind: 'resource', name: 'vendor-drop bucket policy', document: { Version: V, Statement: [
    { Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::vendor-drop/*' },
  ] } });

  it('a bare refusal next to a bucket policy granting only AROA…: resource-policy-missing-grant likely, first', () => {
    const input = { message: bare, policies: [bucket('AROAQX7EXAMPLE2KD9WZ1')] };
    expect(statusOf(input, 'resource-policy-missing-grant')).toBe('likely');
    expect(topOf(input)).toBe('resource-policy-missing-grant');
  });
  it('near miss — the same policy granting a role ARN: not likely on that ground', () => {
    expect(statusOf({ message: bare, policies: [bucket('arn:aws:iam::602193847561:role/ingest')] }, 'resource-policy-missing-grant')).not.toBe('likely');
  });
  it('cross-account, with the caller named: confirmed', () => {
    const message = 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::602193847561:assumed-role/ingest/run-1 is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::vendor-drop/in/file.csv" because no resource-based policy allows the s3:GetObject action';
    expect(statusOf({ message, policies: [bucket('AIDAQX7EXAMPLE2KD9WZ1')] }, 'resource-policy-missing-grant')).toBe('confirmed');
  });
});

describe('CloudTrail\'s trail status "LatestDeliveryError": "AccessDenied" is cloudtrail.amazonaws.com\'s s3:PutObject refused', () => {
  const status = (err: string) => `$ aws cloudtrail get-trail-status --name audit\n{\n    "IsLogging": true,\n    "LatestDeliveryError": "${err}",\n    "LatestDeliveryAttemptTime": "2026-11-30T10:00:00Z"\n}`;
  const rcp = (exempt: boolean): PolicyInput => ({ kind: 'rcp', document: { Version: V, Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: {
    StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' }, ...(exempt ? { BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } : {}),
  } }] } });

  it('is read as that call', () => {
    const p = explain({ message: status('AccessDenied') }).parsed as { action: string | null; caller: { arn: string | null; type: string } | null; shape: string | null };
    expect(p.shape).toBe('cloudtrail-delivery-access-denied');
    expect(p.action).toBe('s3:PutObject');
    expect(p.caller).toMatchObject({ arn: 'cloudtrail.amazonaws.com', type: 'service' });
  });
  it('near miss — an empty LatestDeliveryError is no refusal', () => {
    expect((explain({ message: status('') }).parsed as { shape: string | null }).shape).not.toBe('cloudtrail-delivery-access-denied');
  });
  it('a service principal carries no aws:PrincipalOrgID: an RCP identity perimeter without the service exemption denies it (confirmed)', () => {
    expect(statusOf({ message: status('AccessDenied'), policies: [rcp(false)] }, 'rcp-deny')).toBe('confirmed');
  });
  it('near miss — with BoolIfExists aws:PrincipalIsAWSService false the RCP exempts the service: rcp-deny ruled out', () => {
    expect(statusOf({ message: status('AccessDenied'), policies: [rcp(true)] }, 'rcp-deny')).toBe('ruled-out');
  });
});

describe('an S3 object action on a URL naming only the bucket: the object is unknown, the bucket is not the resource', () => {
  const message = (url: string) => `upload to ${url} failed: An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::602193847561:assumed-role/app/a-1 is not authorized to perform: s3:PutObject because no identity-based policy allows the s3:PutObject action`;
  const pol: PolicyInput[] = [{ kind: 'identity', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::media-in/*' }] } }];

  it('s3://media-in/ alone: no bucket-vs-object mismatch is claimed', () => {
    expect(statusOf({ message: message('s3://media-in/'), policies: pol }, 'identity-resource-mismatch')).not.toBe('confirmed');
  });
  it('near miss — s3://media-in/a.png: the object is the target, and the Allow covers it', () => {
    expect(statusOf({ message: message('s3://media-in/a.png'), policies: pol }, 'identity-resource-mismatch')).toBe('ruled-out');
  });
});
