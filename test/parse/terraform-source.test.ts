/**
 * Terraform's own words name it as the printing tool even without its diagnostic box: the S3 backend's
 * "error configuring S3 Backend", "Initializing the backend...", and the resource address a diagnostic
 * names ("with aws_iam_role.x," / "with module.iam.aws_iam_role.x,"). Tried both ways.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/index.js';

const source = (m: string) => parseError(m).parsed.source;
const REFUSAL = 'AccessDenied: User: arn:aws:sts::111111111111:assumed-role/ci/runner-42 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/tf-state';

describe('Terraform as the source, without its box', () => {
  it.each([
    ['the S3 backend (provider 4)', `Error: error configuring S3 Backend: IAM Role (arn:aws:iam::333333333333:role/tf-state) cannot be assumed.\n\nError: ${REFUSAL}`],
    ['the S3 backend (provider 5)', `Error: configuring S3 Backend: ${REFUSAL}`],
    ['terraform init', `Initializing the backend...\n${REFUSAL}`],
    ['a resource address', `Error: creating IAM Role (deployer): operation error IAM: CreateRole, https response error StatusCode: 403, RequestID: 1, api error AccessDenied: User: arn:aws:iam::111111111111:user/ci is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111111111111:role/deployer\n\n  with aws_iam_role.deployer,\n  in main.tf`],
    ['a module\'s resource address', `Error: creating IAM Role (deployer): ${REFUSAL}\n  with module.iam.aws_iam_role.deployer,`],
  ])('%s', (_name, message) => {
    expect(source(message)).toBe('terraform');
  });

  it.each([
    ['the Go SDK alone', `operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 1, api error ${REFUSAL}`],
    ['prose about a backend', `We use an S3 backend for state.\n${REFUSAL}\n\tstatus code: 403, request id: 1d2e3f`],
    ['a resource type without an address', `aws_iam_role is not allowed here: ${REFUSAL}`],
  ])('not for %s', (_name, message) => {
    expect(source(message)).not.toBe('terraform');
  });
});
