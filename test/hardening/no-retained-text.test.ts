import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { heldLowered, lowerCached } from '../../src/core/causes/text-index.js';

describe('no pasted text outlives its answer', () => {
  it('the lower-case memory of the causes is empty once an answer is made', () => {
    const message = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/retained-check is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy';
    lowerCached('warm');
    expect(heldLowered()).toContain('warm');
    const answer = explain({ message });
    expect(answer.causes.length).toBeGreaterThan(0);
    expect(heldLowered()).toEqual([]);
  });
});
