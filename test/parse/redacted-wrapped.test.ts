// Three readings the second blind round found missing (test/parse/blind2.test.ts, p013 and p015), checked on
// fresh inputs both ways: an ARN whose account is redacted with spaces around the placeholder is taken whole;
// a Java trailer on a line that continues the message gives its Error Code; a line break inside a deny-tail word
// ("polic\ny") is a wrap, while a break between two real words stays a space.
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';
import { flatten, releaseFlat } from '../../src/core/parse/text.js';

const parse = (t: string) => parseError(t);

describe('an ARN redacted with spaces around the placeholder', () => {
  it('is taken whole as the target, account null, and the deny tail after it is still read', () => {
    const { parsed } = parse('User: arn:aws:iam::123456789012:user/ci is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1: <acct> :key/1111-2222 because no identity-based policy allows the kms:Decrypt action');
    expect(parsed.target?.arn).toBe('arn:aws:kms:eu-west-1: <acct> :key/1111-2222');
    expect(parsed.target?.accountId).toBeNull();
    expect(parsed.target?.resourceType).toBe('key');
    expect(parsed.target?.name).toBe('1111-2222');
    expect(parsed.redactions).toContain('account-id');
    expect(parsed.deny).toMatchObject({ kind: 'implicit', policyType: 'identity-based' });
  });

  it('reads placeholders glued to either colon and words placeholders ("xxx :", ": ...:", "ACCOUNT ID")', () => {
    const cases: Array<[string, string]> = [
      ['arn:aws:lambda:us-west-2:xxx :function:my-fn', 'function'],
      ['arn:aws:lambda:us-west-2: ...:function:my-fn', 'function'],
      ['arn:aws:sqs:us-east-2: ACCOUNT ID :orders-queue', 'orders-queue'],
    ];
    for (const [arn] of cases) {
      const { parsed } = parse(`User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:InvokeFunction on resource: ${arn} with an explicit deny in a resource-based policy`);
      expect(parsed.target?.arn, arn).toBe(arn);
      expect(parsed.target?.accountId, arn).toBeNull();
      expect(parsed.deny, arn).toMatchObject({ kind: 'explicit', policyType: 'resource-based' });
    }
  });

  it('takes the caller whole when no "User:" names it', () => {
    const { parsed } = parse('An error occurred (AccessDeniedException) when calling the PutItem operation: arn:aws:sts:: ... :assumed-role/app-role/worker is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1: ... :table/Orders because no identity-based policy allows the dynamodb:PutItem action');
    expect(parsed.caller?.arn).toBe('arn:aws:sts:: ... :assumed-role/app-role/worker');
    expect(parsed.caller).toMatchObject({ type: 'assumed-role', accountId: null, name: 'app-role', sessionName: 'worker' });
    expect(parsed.target?.arn).toBe('arn:aws:dynamodb:eu-west-1: ... :table/Orders');
    expect(parsed.deny).toMatchObject({ kind: 'implicit', policyType: 'identity-based' });
  });

  it('joins no words that are not a placeholder: an ARN cut short stays cut, a real account id is not a redaction', () => {
    const cut = parse('User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1: because no identity-based policy allows the ssm:GetParameter action').parsed;
    expect(cut.target?.arn).toBe('arn:aws:ssm:us-east-1:');
    expect(cut.deny).toMatchObject({ kind: 'implicit', policyType: 'identity-based' });
    const words = parse('User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1: Retrying: attempt 2').parsed;
    expect(words.target?.arn).toBe('arn:aws:ssm:us-east-1:');
    const digits = parse('User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1: 123456789012 :parameter/x').parsed;
    expect(digits.target?.arn).toBe('arn:aws:ssm:us-east-1:');
    // only on the same line: a placeholder on the next line is not taken into the ARN
    const nextLine = parse('User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:\n... :parameter/x').parsed;
    expect(nextLine.target?.arn).not.toContain('parameter/x');
  });
});

describe('a Java trailer on a line that continues the message', () => {
  const CFN = '2024-01-01 12:00:01 UPDATE_FAILED AWS::Lambda::Function Fn Resource handler returned message: "User: arn:aws:sts::111122223333:assumed-role/cfn-exec/AWSCloudFormation is not authorized to perform: kms:CreateGrant on resource: arn:aws:kms:us-east-1:111122223333:key/1234abcd because the key\npolicy does not say so (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: 0f1e2d3c-aaaa-bbbb-cccc-1234567890ab; Proxy: null)"';

  it('gives the message its Error Code, status and request id, as one error', () => {
    const r = parse(CFN);
    expect(r.parsed.errorCode).toBe('AccessDeniedException');
    expect(r.parsed.httpStatus).toBe(400);
    expect(r.parsed.requestId).toBe('0f1e2d3c-aaaa-bbbb-cccc-1234567890ab');
    expect(r.parsed.action).toBe('kms:CreateGrant');
    expect(r.otherErrors).toEqual([]);
  });

  it('leaves a line that starts a new sentence to its own error', () => {
    const head = 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::123456789012:user/a is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k';
    const tail = ' (Service: AWSSecurityTokenService; Status Code: 403; Error Code: ExpiredToken; Request ID: x1234567)';
    // a new line starting upper-case; a lower-case line after a line that ended its sentence
    for (const text of [`${head}\nUnable to load credentials${tail}`, `${head}\nRetrying in 5s.\nunable to load credentials${tail}`]) {
      const r = parse(text);
      expect(r.parsed.errorCode, text).toBe('AccessDenied');
      expect(r.otherErrors.map((o) => o.errorCode), text).toEqual(['ExpiredToken']);
    }
  });
});

describe('a line break inside a deny-tail word', () => {
  const USER = 'User: arn:aws:sts::111122223333:assumed-role/app/s is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:444455556666:secret:db-AbCdEf';

  it('is read as the word ("polic\\ny", "identity-\\nbased", "explic\\nit")', () => {
    const cases: Array<[string, string, string]> = [
      [' because no resource-based polic\ny allows the secretsmanager:GetSecretValue action', 'implicit', 'resource-based'],
      [' because no identity-\nbased policy allows the secretsmanager:GetSecretValue action', 'implicit', 'identity-based'],
      [' with an explic\nit deny in a service control policy', 'explicit', 'service-control'],
      [' because no permissions bound\nary allows the secretsmanager:GetSecretValue action', 'implicit', 'permissions-boundary'],
    ];
    for (const [tail, kind, policyType] of cases) {
      const { parsed } = parse(USER + tail);
      expect(parsed.deny, tail).toMatchObject({ kind, policyType });
    }
  });

  it('keeps two real words apart, and joins nothing in ARNs or actions', () => {
    const view = (t: string) => { const f = flatten(t); const s = f.s; releaseFlat(f); return s; };
    expect(view('with an explicit\ndeny in a')).toBe('with an explicit deny in a');
    expect(view('because no\nidentity-based policy\nallows the')).toBe('because no identity-based policy allows the');
    expect(view('resource-based polic\ny allows')).toBe('resource-based policy allows');
    expect(view('Effect: Allow\nAction: s3:*')).toBe('Effect: Allow Action: s3:*');
    expect(view('- allow\ns3:GetObject')).toBe('- allow s3:GetObject');
    expect(view('arn:aws:iam::1:polic\ny/x')).toBe('arn:aws:iam::1:polic y/x');
    expect(view('deny\nall traffic')).toBe('deny all traffic');
    // and the tail is still read when its line breaks fall between words
    const { parsed } = parse(`${USER} because no\nresource-based policy\nallows the secretsmanager:GetSecretValue action`);
    expect(parsed.deny).toMatchObject({ kind: 'implicit', policyType: 'resource-based' });
  });
});
