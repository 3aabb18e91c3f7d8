import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { heldLowered, lowerCached } from '../../src/core/causes/text-index.js';
import { memoEntries } from '../../src/core/policy/cache.js';
import { evaluatePolicies, readPolicy, simulate } from '../../src/core/policy/index.js';

describe('no pasted text outlives its answer', () => {
  it('the lower-case memory of the causes is empty once an answer is made', () => {
    const message = 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/retained-check is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy';
    lowerCached('warm');
    expect(heldLowered()).toContain('warm');
    const answer = explain({ message });
    expect(answer.causes.length).toBeGreaterThan(0);
    expect(heldLowered()).toEqual([]);
  });

  it('the policy engine keeps no pasted policy strings once an answer or a simulation is done', () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/memo-check' }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }] };
    const message = 'User: arn:aws:sts::111111111111:assumed-role/memo-check/s is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy';
    // control: evaluating alone (no answer finished) does fill the memos
    const policy = readPolicy({ kind: 'trust', document: trust }, 0);
    evaluatePolicies({ action: 'sts:AssumeRole', resource: 'arn:aws:iam::222222222222:role/deploy', principal: { arn: 'arn:aws:iam::111111111111:role/memo-check' }, context: {} } as never, [policy]);
    expect(memoEntries()).toBeGreaterThan(0);
    const answer = explain({ message, policies: [{ kind: 'trust', document: trust }] });
    expect(answer.evaluation).not.toBeNull();
    expect(memoEntries()).toBe(0);
    const result = simulate({ policies: [{ kind: 'trust', document: trust }], request: { action: 'sts:AssumeRole', resource: 'arn:aws:iam::222222222222:role/deploy', principal: { arn: 'arn:aws:iam::111111111111:role/memo-check' }, context: { 'aws:SourceIp': '203.0.113.9' } } } as never);
    expect(result).toBeTruthy();
    expect(memoEntries()).toBe(0);
  });
});
