/** A hand-built Explanation using every field, so renderer tests do not depend on the ranker. */
import type { Explanation, ParsedError } from '../../src/core/types.js';

export function parsedSample(over: Partial<ParsedError> = {}): ParsedError {
  return {
    recognized: true, source: 'aws-cli', errorCode: 'AccessDenied', operation: 'AssumeRole', action: 'sts:AssumeRole',
    caller: {
      arn: 'arn:aws:sts::111111111111:assumed-role/pipeline-role/session-name', type: 'assumed-role', accountId: '111111111111',
      partition: 'aws', name: 'pipeline-role', sessionName: 'session-name', roleArn: 'arn:aws:iam::111111111111:role/pipeline-role',
    },
    target: {
      arn: 'arn:aws:iam::222222222222:role/deploy-role', accountId: '222222222222', partition: 'aws', service: 'iam', region: null,
      resourceType: 'role', name: 'deploy-role', path: '/',
    },
    crossAccount: true,
    deny: { kind: 'explicit', policyType: 'resource-based', policyArn: null },
    requestId: '8b2f3c1e-0000-4000-8000-000000000001', region: 'us-east-1', encodedMessage: null, redactions: [],
    shape: 'not-authorized-to-perform', message: null, httpStatus: 403, wrappers: [],
    ...over,
  };
}

export function explanationSample(): Explanation {
  return {
    parsed: parsedSample(),
    causes: [
      {
        id: 'trust-principal-missing', title: 'The trust policy does not name the caller', status: 'confirmed', score: 0.82,
        evidence: [
          { text: 'No Allow statement in the trust policy names `arn:aws:iam::111111111111:role/pipeline-role` or its account.', source: 'policy', policy: 0, statement: 0 },
          { text: 'The call is cross-account.', source: 'message' },
        ],
        confirm: [{ description: 'Read the trust policy of the target role.', command: 'aws iam get-role --role-name deploy-role --query Role.AssumeRolePolicyDocument' }],
        fix: {
          description: 'Add the caller role to the trust policy.',
          commands: ['aws iam update-assume-role-policy --role-name deploy-role --policy-document file://trust.json'],
          policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/pipeline-role' }, Action: 'sts:AssumeRole' }] },
          policyIndex: 0,
        },
        docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user.html'],
      },
      {
        id: 'identity-missing-allow', title: 'The caller has no Allow for sts:AssumeRole', status: 'possible', score: 0.31,
        evidence: [{ text: 'The identity policy was not pasted.', source: 'catalog' }],
        confirm: [{ description: 'List the caller role policies.', command: 'aws iam list-attached-role-policies --role-name pipeline-role' }],
        fix: { description: 'Allow sts:AssumeRole on the target role.', commands: [] },
        docs: [],
      },
      {
        id: 'caller-is-root', title: 'The caller is the root user', status: 'unlikely', score: 0.05,
        evidence: [], confirm: [], fix: { description: '', commands: [] }, docs: [],
      },
      {
        id: 'trust-explicit-deny', title: 'A Deny in the trust policy matches', status: 'ruled-out', score: 0,
        evidence: [{ text: 'The trust policy has no Deny statement.', source: 'policy', policy: 0 }],
        confirm: [], fix: { description: 'Remove the Deny.', commands: [] }, docs: [],
      },
    ],
    firstSteps: [{ description: 'See who is actually calling.', command: 'aws sts get-caller-identity' }],
    policies: [{
      name: 'deploy-role trust', kind: 'trust', kindInferred: true, valid: true, verdict: 'implicit-deny',
      issues: [{ code: 'principal-unknown', message: 'Principal names an unknown account', path: 'Statement[0].Principal' }],
      statements: [{ index: 0, sid: 'AllowCI', effect: 'Allow', matched: false, why: 'Principal does not match', conditions: [] }],
      decidingConditions: [],
    }],
    warnings: [{ code: 'secret-redacted', message: 'An AWS secret access key was removed from the text before reading it.' }],
    otherErrors: [parsedSample({ errorCode: 'AccessDeniedException', action: 's3:GetObject', caller: null, target: null })],
    evaluation: { decision: 'implicit-deny', decidedBy: 'trust', missingContext: ['sts:ExternalId'], trail: [] },
  };
}
