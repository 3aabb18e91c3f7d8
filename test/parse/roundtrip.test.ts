import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

/**
 * Generated typed denials in generated envelopes: whatever the envelope, the parser must give back
 * the caller, action, target and deny it was built from.
 */
const account = fc.oneof(
  fc.stringMatching(/^\d{12}$/),
  fc.constantFrom('xxx', '***', '<account-id>', '{account-id}', 'OMITTED', '123456789012'),
);
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9+=,.@_-]{0,30}[A-Za-z0-9]$/);
const caller = fc.oneof(
  fc.tuple(account, name).map(([a, n]) => `arn:aws:iam::${a}:user/${n}`),
  fc.tuple(account, name, name).map(([a, r, s]) => `arn:aws:sts::${a}:assumed-role/${r}/${s}`),
  fc.tuple(account, name).map(([a, n]) => `arn:aws:iam::${a}:role/${n}`),
  fc.tuple(account, name, name).map(([a, p, n]) => `arn:aws-cn:iam::${a}:role/${p}/${n}`),
  fc.tuple(account, name).map(([a, n]) => `arn:aws:sts::${a}:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/${n}@example.com`),
);
const actionAndTarget = fc.oneof(
  fc.tuple(account, name).map(([a, n]) => ['sts:AssumeRole', `arn:aws:iam::${a}:role/${n}`] as const),
  fc.tuple(name, name).map(([b, k]) => ['s3:GetObject', `"arn:aws:s3:::${b.toLowerCase().replace(/[^a-z0-9.-]/g, 'b')}/${k}"`] as const),
  fc.tuple(account, name).map(([a, n]) => ['ssm:GetParameter', `arn:aws:ssm:eu-west-1:${a}:parameter/${n}`] as const),
  fc.tuple(account, name).map(([a, n]) => ['kms:Decrypt', `arn:aws:kms:us-east-1:${a}:key/${n}`] as const),
  fc.tuple(account, name).map(([a, n]) => ['lambda:InvokeFunction', `arn:aws:lambda:eu-central-1:${a}:function:${n}`] as const),
  fc.tuple(account, name).map(([a, n]) => ['dynamodb:PutItem', `arn:aws:dynamodb:us-west-2:${a}:table/${n}`] as const),
  name.map((n) => ['secretsmanager:GetSecretValue', n] as const),
  fc.constant(['ecr:GetAuthorizationToken', '*'] as const),
);
const TAILS = [
  ['', 'unknown', null],
  [' because no identity-based policy allows the ACTION action', 'implicit', 'identity-based'],
  [' because no resource-based policy allows the ACTION action', 'implicit', 'resource-based'],
  [' with an explicit deny in a service control policy', 'explicit', 'service-control'],
  [' with an explicit deny in a resource control policy', 'explicit', 'resource-control'],
  [' because no permissions boundary allows the ACTION action', 'implicit', 'permissions-boundary'],
  [' with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/Deny', 'explicit', 'identity-based'],
  [' because no VPC endpoint policy allows the ACTION action', 'implicit', 'vpc-endpoint'],
  [' with an explicit deny in the role trust policy', 'explicit', 'role-trust'],
  [' with an explicit deny', 'explicit', null],
] as const;

const ENVELOPES: Array<[string, (m: string) => string]> = [
  ['none', (m) => m],
  ['aws-cli', (m) => `An error occurred (AccessDenied) when calling the SomeCall operation: ${m}`],
  ['boto3', (m) => `Traceback (most recent call last):\n  File "x.py", line 1\nbotocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the SomeCall operation: ${m}`],
  ['go-v2', (m) => `operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 1a2b, api error AccessDenied: ${m}`],
  ['go-v1', (m) => `AccessDenied: ${m}\n\tstatus code: 403, request id: 1a2b`],
  ['java', (m) => `com.amazonaws.services.securitytoken.model.AWSSecurityTokenServiceException: ${m} (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: 1a2b)`],
  ['js-v3', (m) => `AccessDenied: ${m}\n    at de_CommandError (/x/node_modules/@aws-sdk/client-sts/dist-cjs/index.js:1:1) {\n  '$metadata': { httpStatusCode: 403, requestId: '1a2b' }\n}`],
  ['terraform', (m) => `╷\n│ Error: ${m.replace(/ (?=is not|on resource|because|with an)/g, '\n│ ')}\n╵`],
  ['json', (m) => JSON.stringify({ errorMessage: m, errorType: 'AccessDenied' })],
  ['wrapped', (m) => m.replace(/ (?=is not authorized|[a-z0-9]+:[A-Z]|on resource|because|with an)/g, '\n')],
  ['xml', (m) => `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${m.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</Message></Error><RequestId>1a2b</RequestId></ErrorResponse>`],
  ['python-bytes', (m) => `b'\\nAn error occurred (AccessDenied) when calling the SomeCall operation: ${m}\\n'`],
  ['github', (m) => `##[error]AccessDenied: ${m}`],
  ['quoted-log', (m) => `> 2024-06-01T10:00:00Z ERROR AccessDenied: ${m}`],
];

describe('generated typed denials round-trip through envelopes', () => {
  it('recovers caller, action, target and deny', () => {
    fc.assert(fc.property(caller, actionAndTarget, fc.integer({ min: 0, max: TAILS.length - 1 }), fc.integer({ min: 0, max: ENVELOPES.length - 1 }),
      (who, [action, target], ti, ei) => {
        const [tail, kind, type] = TAILS[ti] as (typeof TAILS)[number];
        const [envName, wrap] = ENVELOPES[ei] as [string, (m: string) => string];
        const msg = `User: ${who} is not authorized to perform: ${action} on resource: ${target}${tail.replace('ACTION', action)}`;
        const { parsed } = parseError(wrap(msg));
        const ctx = `${envName}: ${msg}`;
        expect(parsed.caller?.arn, ctx).toBe(who);
        expect(parsed.action, ctx).toBe(action);
        expect(parsed.target?.arn, ctx).toBe(target.replace(/"/g, ''));
        expect(parsed.deny.kind, ctx).toBe(kind);
        expect(parsed.deny.policyType, ctx).toBe(type);
        if (envName !== 'none' && envName !== 'wrapped' && envName !== 'terraform') expect(parsed.errorCode, ctx).toBe('AccessDenied');
      }), { numRuns: 400 });
  });
});
