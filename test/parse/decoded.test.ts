/**
 * Decoded authorization messages (docs/decisions/024), in every shape people paste them: the CLI's JSON, the
 * `--query DecodedMessage --output text` line, `jq .`, boto3's response dict, beside the encoded error, after a
 * shell prompt, cut short. The decoded JSON follows the AWS CLI's documented example
 * (aws/aws-cli awscli/examples/sts/decode-authorization-message.rst) and the shapes pasted in public threads.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/index.js';

const EXPLICIT = {
  allowed: false, explicitDeny: true,
  matchedStatements: { items: [{
    statementId: 'DenyOutsideEU', effect: 'DENY', principals: { items: [{ value: 'AROA123456789EXAMPLE' }] }, principalGroups: { items: [] },
    actions: { items: [{ value: 'ec2:RunInstances' }] }, resources: { items: [{ value: '*' }] },
    conditions: { items: [{ key: 'aws:RequestedRegion', values: { items: [{ value: 'eu-west-1' }, { value: 'eu-central-1' }] } }] },
  }] },
  failures: { items: [] },
  context: {
    principal: { id: 'AROA123456789EXAMPLE:Ana', arn: 'arn:aws:sts::111122223333:assumed-role/Developer/Ana' },
    action: 'RunInstances',
    resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
    conditions: { items: [
      { key: 'ec2:InstanceMarketType', values: { items: [{ value: 'on-demand' }] } },
      { key: 'aws:Account', values: { items: [{ value: '111122223333' }] } },
      { key: 'ec2:InstanceType', values: { items: [{ value: 't2.micro' }] } },
      { key: 'aws:Region', values: { items: [{ value: 'us-east-1' }] } },
      { key: 'aws:Service', values: { items: [{ value: 'ec2' }] } },
      { key: 'aws:PrincipalTag/team', values: { items: [{ value: 'data' }] } },
    ] },
  },
};
/** An IAM user refused iam:PassRole, as pasted through `jq .` in a public thread (account hidden). */
const IMPLICIT = {
  allowed: false, explicitDeny: false, matchedStatements: { items: [] }, failures: { items: [] },
  context: {
    principal: { id: '<REMOVED>', name: 'develop_om_user', arn: 'arn:aws:iam::<REMOVED>:user/develop_om_user' },
    action: 'iam:PassRole',
    resource: 'arn:aws:iam::<REMOVED>:role/develop_pks-master',
    conditions: { items: [{ key: 'aws:Region', values: { items: [{ value: 'us-east-1' }] } }] },
  },
};

const oneLine = JSON.stringify(EXPLICIT);
const jq = JSON.stringify(EXPLICIT, null, 2);
const cliJson = JSON.stringify({ DecodedMessage: oneLine }, null, 4);
const boto3 = `{'DecodedMessage': '${oneLine}', 'ResponseMetadata': {'RequestId': '9f1c2b3a-1111-2222-3333-444455556666', 'HTTPStatusCode': 200, 'HTTPHeaders': {'x-amzn-requestid': '9f1c2b3a-1111-2222-3333-444455556666', 'content-type': 'text/xml'}, 'RetryAttempts': 0}}`;
const BLOB = 'Kqrv7rqm0Iuv30uKGOeEfqeHthvKBrqMfT9Ny5f5yKBqMjAXkP7Q5dtvbmTb91Lrx50zcLF2jOO1Hf9s7QEb8SnnYJNVBzYfPEpsjUk_eCNoFyvagRflMu3AALnLJqiD0NE1WQ';
const encoded = `An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: ${BLOB}`;
const prompt = `$ aws sts decode-authorization-message --encoded-message ${BLOB} --query DecodedMessage --output text | jq .`;

const explicitFields = {
  recognized: true, shape: 'decoded-authorization-message', errorCode: null, action: 'ec2:RunInstances',
  caller: 'arn:aws:sts::111122223333:assumed-role/Developer/Ana', callerType: 'assumed-role',
  target: 'arn:aws:ec2:us-east-1:111122223333:instance/*', deny: 'explicit', policyType: null, region: 'us-east-1',
};
const fields = (text: string) => {
  const { parsed: p, otherErrors } = parseError(text);
  return {
    fields: {
      recognized: p.recognized, shape: p.shape, errorCode: p.errorCode, action: p.action, caller: p.caller?.arn ?? null,
      callerType: p.caller?.type ?? null, target: p.target?.arn ?? null, deny: p.deny.kind, policyType: p.deny.policyType, region: p.region,
    },
    p, otherErrors,
  };
};

describe('decoded authorization message shapes', () => {
  const cases: Array<[string, string, string]> = [
    ['--query DecodedMessage --output text (one line)', oneLine, 'aws-cli'],
    ['piped through jq . (indented)', jq, 'aws-cli'],
    ["the CLI's default JSON output (escaped JSON inside JSON)", cliJson, 'aws-cli'],
    ["boto3's response dict printed by Python", boto3, 'boto3'],
    ['after a shell prompt line', `${prompt}\n${jq}`, 'aws-cli'],
  ];
  it.each(cases)('%s', (_name, text, source) => {
    const { fields: f, p, otherErrors } = fields(text);
    expect(f).toEqual(explicitFields);
    expect(p.source).toBe(source);
    expect(otherErrors).toEqual([]);
    expect(p.operation).toBeNull();
    expect(p.requestId).toBeNull(); // boto3's RequestId is the decode call's, not the failed call's
    expect(p.httpStatus).toBeNull();
    expect(p.decoded?.truncated).toBe(false);
    expect(p.decoded?.matchedStatements).toEqual([{
      statementId: 'DenyOutsideEU', effect: 'Deny', principals: ['AROA123456789EXAMPLE'], actions: ['ec2:RunInstances'], resources: ['*'],
      conditions: [{ key: 'aws:RequestedRegion', values: ['eu-west-1', 'eu-central-1'] }],
    }]);
    expect(p.decoded?.conditions.find((c) => c.key === 'ec2:InstanceType')?.values).toEqual(['t2.micro']);
  });

  it('an implicit deny of an IAM user, account hidden: user caller, implicit, redactions kept', () => {
    const { p } = fields(JSON.stringify(IMPLICIT, null, 2));
    expect(p.recognized).toBe(true);
    expect(p.action).toBe('iam:PassRole');
    expect(p.caller?.type).toBe('user');
    expect(p.caller?.name).toBe('develop_om_user');
    expect(p.caller?.accountId).toBeNull();
    expect(p.target?.name).toBe('develop_pks-master');
    expect(p.deny).toEqual({ kind: 'implicit', policyType: null, policyArn: null });
    expect(p.redactions).toContain('account-id');
    expect(p.region).toBe('us-east-1');
    expect(p.decoded?.matchedStatements).toEqual([]);
  });

  it('beside the encoded error it decodes: one request, the original error code and blob', () => {
    for (const text of [`${encoded}\n${prompt}\n${jq}`, `${encoded}\n\n${cliJson}`, `${jq}\n\nThe original error was:\n${encoded}`]) {
      const { fields: f, p, otherErrors } = fields(text);
      expect(otherErrors).toEqual([]);
      expect(f).toEqual({ ...explicitFields, errorCode: 'UnauthorizedOperation' });
      expect(p.operation).toBe('RunInstances');
      expect(p.encodedMessage).toBe(BLOB);
      expect(p.decoded?.matchedStatements[0]?.statementId).toBe('DenyOutsideEU');
    }
  });

  it('beside a newer EC2 message that names the policy type: that type is kept', () => {
    const typed = `An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/Developer/Ana is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* with an explicit deny in a service control policy. Encoded authorization failure message: ${BLOB}`;
    const { p, otherErrors } = fields(`${typed}\n${prompt}\n${jq}`);
    expect(otherErrors).toEqual([]);
    expect(p.deny).toEqual({ kind: 'explicit', policyType: 'service-control', policyArn: null });
    expect(p.errorCode).toBe('UnauthorizedOperation');
  });

  it('a decoded message of another call stays another error', () => {
    const { p, otherErrors } = fields(`${encoded.replace(/RunInstances/g, 'CreateVolume')}\n${jq}`);
    expect([p, ...otherErrors].map((x) => x.action).sort()).toEqual(['ec2:CreateVolume', 'ec2:RunInstances']);
  });

  it('cut short anywhere: never throws, keeps what it read', () => {
    for (let n = 20; n <= oneLine.length; n += 37) {
      const p = parseError(oneLine.slice(0, n)).parsed;
      if (!p.recognized) continue;
      expect(p.shape).toBe('decoded-authorization-message');
      expect(p.deny.kind).toBe('explicit');
      if (n < oneLine.length - 2) expect(p.decoded?.truncated).toBe(true);
    }
    const p = parseError(jq.slice(0, jq.indexOf('"ec2:InstanceType"'))).parsed;
    expect(p.action).toBe('ec2:RunInstances');
    expect(p.caller?.arn).toBe('arn:aws:sts::111122223333:assumed-role/Developer/Ana');
    expect(p.decoded?.truncated).toBe(true);
    expect(p.decoded?.conditions.map((c) => c.key)).toEqual(['ec2:InstanceMarketType', 'aws:Account']);
  });

  it('a bare operation takes its service from aws:Service or the resource ARN', () => {
    const noService = { ...EXPLICIT, context: { ...EXPLICIT.context, action: 'CreateVolume', resource: 'arn:aws:ec2:us-east-1:111122223333:volume/*', conditions: { items: [] } } };
    expect(parseError(JSON.stringify(noService)).parsed.action).toBe('ec2:CreateVolume');
  });
});

describe('near misses are not decoded messages', () => {
  it.each([
    ['a feature flag JSON with an "allowed" key', '{"allowed": false, "reason": "beta users only", "context": "signup"}'],
    ['an OPA-style decision with allowed first but none of the decoded parts', '{"allowed":false,"explicitDeny":false,"decision_id":"4f1e"}'],
    ['"allowed" not as the first key', '{"user":"ana","allowed":false,"explicitDeny":true,"context":{"action":"x"}}'],
  ])('%s', (_name, text) => {
    const { parsed } = parseError(text);
    expect(parsed.shape).not.toBe('decoded-authorization-message');
    expect(parsed.decoded).toBeUndefined();
  });

  it('a CloudTrail event of the refused call stays a CloudTrail event', () => {
    const ct = JSON.stringify({
      eventVersion: '1.08', userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Developer/Ana' },
      eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', awsRegion: 'us-east-1', errorCode: 'Client.UnauthorizedOperation',
      errorMessage: `You are not authorized to perform this operation. Encoded authorization failure message: ${BLOB}`,
      requestParameters: { instanceType: 't2.micro' }, requestID: '3f1c2b9e-1111-2222-3333-444455556666',
    }, null, 2);
    const { parsed } = parseError(ct);
    expect(parsed.shape).not.toBe('decoded-authorization-message');
    expect(parsed.decoded).toBeUndefined();
  });
});
