/** Hand-made answers for the renderer tests (independent of the parser and ranker's progress). */
import type { Explanation, ParsedError, PolicyReport, RankedCause } from '../../src/core/types.js';

export const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

export function parsed(over: Partial<ParsedError> = {}): ParsedError {
  return {
    recognized: true, source: 'aws-cli', errorCode: 'AccessDenied', operation: 'AssumeRole', action: 'sts:AssumeRole',
    caller: {
      arn: 'arn:aws:iam::111111111111:role/pipeline-role', type: 'role', accountId: '111111111111', partition: 'aws',
      name: 'pipeline-role', sessionName: null, roleArn: null,
    },
    target: {
      arn: 'arn:aws:iam::222222222222:role/deploy-role', accountId: '222222222222', partition: 'aws', service: 'iam',
      region: null, resourceType: 'role', name: 'deploy-role',
    },
    crossAccount: true, deny: { kind: 'implicit', policyType: null, policyArn: null }, requestId: null, region: null,
    encodedMessage: null, redactions: [], shape: 'not-authorized', message: null, httpStatus: null, wrappers: [],
    ...over,
  };
}

export function cause(over: Partial<RankedCause> = {}): RankedCause {
  return {
    id: 'trust-principal-user-vs-role', title: 'The trust policy names an IAM user, but the caller is a role',
    status: 'confirmed', score: 0.82,
    evidence: [{ text: 'Statement 1 allows arn:aws:iam::111111111111:user/deploy-user only', source: 'policy', policy: 0, statement: 0 }],
    confirm: [{ description: 'Read the trust policy.', command: "aws iam get-role --role-name deploy-role --query 'Role.AssumeRolePolicyDocument'" }],
    fix: {
      description: 'Name the role in the trust policy.', commands: ['aws iam update-assume-role-policy --role-name deploy-role --policy-document file://trust.json'],
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/pipeline-role' }, Action: 'sts:AssumeRole' }] },
      policyIndex: 0,
    },
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html'],
    ...over,
  };
}

export function report(over: Partial<PolicyReport> = {}): PolicyReport {
  return { name: null, kind: 'trust', kindInferred: true, valid: true, issues: [], verdict: 'implicit-deny', statements: [], decidingConditions: [], ...over };
}

export function explanation(over: Partial<Explanation> = {}): Explanation {
  return {
    parsed: parsed(),
    causes: [cause(), cause({ id: 'identity-missing-allow', title: 'The caller has no allow', status: 'ruled-out', score: 0.01 })],
    firstSteps: [{ description: 'See who is actually calling.', command: 'aws sts get-caller-identity' }],
    policies: [report()],
    warnings: [],
    otherErrors: [],
    evaluation: { decision: 'implicit-deny', decidedBy: 'trust', missingContext: [], trail: ['trust policy: no statement allows'] },
    ...over,
  };
}
