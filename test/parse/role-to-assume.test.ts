/**
 * configure-aws-credentials prints its inputs under the step: with several role ARNs in the paste (role chaining), its
 * `role-to-assume:` input names the role the failing step assumes, for a refusal that names no resource.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/parse/index.js';

const step = (role: string) => `Run aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: ${role}\n    role-chaining: true\n    aws-region: eu-west-1\n`;
const OIDC_ROLE = 'arn:aws:iam::111111111111:role/gha-oidc';
const TARGET = 'arn:aws:iam::222222222222:role/deployer';
const failure = 'Error: Could not assume role with user credentials: Not authorized to perform sts:AssumeRole';

describe('role-to-assume beside other role ARNs', () => {
  it('names the target of a refusal that names no resource', () => {
    const p = parseError(`# first step assumed ${OIDC_ROLE} with OIDC\n${step(TARGET)}${failure}`).parsed;
    expect(p.target?.arn).toBe(TARGET);
  });
  it('near miss: two steps\' different inputs leave the target unknown', () => {
    const p = parseError(`${step(OIDC_ROLE)}${step(TARGET)}${failure}`).parsed;
    expect(p.target).toBeNull();
  });
  it('near miss: a refusal that names its resource keeps it', () => {
    const p = parseError(`${step(TARGET)}An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111111111111:assumed-role/gha-oidc/GitHubActions is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/other`).parsed;
    expect(p.target?.arn).toBe('arn:aws:iam::222222222222:role/other');
  });
});
