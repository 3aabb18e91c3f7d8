/**
 * The last reading pass's leftovers, each a general rule with a case that must change and a near miss that must not
 * (docs/ux-review.md, "Left alone").
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

describe('a ValidationException printed as `Code: message` is a refusal only when its message reports one', () => {
  const bad = "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null";
  it('another service\'s bad roleArn parameter is no authorization failure: nothing is read or ranked', () => {
    for (const m of [
      `ValidationException: ${bad}`,
      `An error occurred (ValidationException) when calling the CreateJob operation: ${bad}`,
      `ValidationException: 1 validation error detected: Value 'arn:aws:iam::111111111111:role/x' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws:iam::\\d{12}:role/.+`,
    ]) {
      const a = explain({ message: m });
      expect(a.parsed.recognized, m).toBe(false);
      expect(a.causes, m).toEqual([]);
    }
  });
  it('near miss: STS\'s ValidationError on roleArn is still read, and a ValidationException reporting a refusal too', () => {
    const sts = explain({ message: `An error occurred (ValidationError) when calling the AssumeRole operation: ${bad}` });
    expect(sts.parsed.recognized).toBe(true);
    expect(sts.causes[0]?.id).toBe('role-missing-or-typo');
    const refused = explain({ message: "ValidationException: 1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: the caller is not authorized to pass the role" });
    expect(refused.parsed.recognized).toBe(true);
  });
});
