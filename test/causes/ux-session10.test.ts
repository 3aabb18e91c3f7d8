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
