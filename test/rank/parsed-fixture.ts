/** A parsed cross-account AssumeRole refusal (role session ci/job → role deploy), for ranker tests. */
import type { ParsedError } from '../../src/core/types.js';

export const crossAccountAssume: ParsedError = {
  recognized: true, source: 'plain', errorCode: 'AccessDenied', operation: 'AssumeRole', action: 'sts:AssumeRole',
  caller: { arn: 'arn:aws:sts::111111111111:assumed-role/ci/job', type: 'assumed-role', accountId: '111111111111', partition: 'aws', name: 'ci', sessionName: 'job', roleArn: 'arn:aws:iam::111111111111:role/ci' },
  target: { arn: 'arn:aws:iam::222222222222:role/deploy', accountId: '222222222222', partition: 'aws', service: 'iam', region: null, resourceType: 'role', name: 'deploy' },
  crossAccount: true, deny: { kind: 'unknown', policyType: null, policyArn: null }, requestId: null, region: null, encodedMessage: null,
  redactions: [], shape: null, message: null, httpStatus: null, wrappers: [],
};
