/**
 * The JSON protocols' ValidationException is mostly a bad parameter, not an authorization failure: botocore's envelope
 * with it is read only when its message reports a refusal (a role a service could not assume, "not authorized" …).
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const envelope = (op: string, msg: string) => `An error occurred (ValidationException) when calling the ${op} operation: ${msg}`;

describe('botocore\'s ValidationException', () => {
  it('a bad parameter is no authorization failure: nothing is ranked', () => {
    for (const m of [
      envelope('PutItem', 'One or more parameter values were invalid: Missing the key id in the item'),
      envelope('InvokeModel', "Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with on-demand throughput isn't supported."),
    ]) {
      const a = explain({ message: m });
      expect(a.parsed.recognized, m).toBe(false);
      expect(a.causes, m).toEqual([]);
    }
  });
  it('near miss: a refusal under the same code is still read', () => {
    const assume = explain({ message: envelope('CreateProcessingJob', "Could not assume role arn:aws:iam::111111111111:role/sm-proc. Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.") });
    expect(assume.parsed.recognized).toBe(true);
    expect(assume.causes[0]?.id).toBe('trust-service-vs-aws-principal');
    const refused = explain({ message: envelope('CreateTrainingJob', 'User: arn:aws:sts::111111111111:assumed-role/ml/s is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111111111111:role/sm-exec') });
    expect(refused.parsed.action).toBe('iam:PassRole');
  });
  it('near miss: STS\'s ValidationError keeps its own shapes', () => {
    const a = explain({ message: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' });
    expect(a.causes[0]?.id).toBe('duration-exceeds-max');
  });
});
