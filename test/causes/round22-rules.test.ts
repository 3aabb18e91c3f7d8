/**
 * The general cause rules added for the misses of round 22, each tried both ways on messages written here (none is a
 * fixture's text): one that must now rank differently, and a near miss that must not change. The fixtures' own
 * results are in real-causes-round22.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const top = (message: string, n = 3) => explain({ message }).causes.slice(0, n).map((c) => c.id);

describe('a refused call on a Bedrock cross-Region inference profile, no identity-based policy allowing it', () => {
  it('ranks identity-resource-mismatch first: a policy written for the model names only its foundation-model ARN', () => {
    expect(top('User: arn:aws:sts::111122223333:assumed-role/app-role/s1 is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.amazon.nova-pro-v1:0 because no identity-based policy allows the bedrock:InvokeModel action', 1)).toEqual(['identity-resource-mismatch']);
    expect(top('AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/app-role/s1 is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.anthropic.claude-opus-4-1-v1:0 because no identity-based policy allows the bedrock:InvokeModelWithResponseStream action', 1)).toEqual(['identity-resource-mismatch']);
  });

  it('near miss: the foundation model itself, an application inference profile, or an explicit deny keep their first cause', () => {
    expect(top('User: arn:aws:sts::111122223333:assumed-role/app-role/s1 is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0 because no identity-based policy allows the bedrock:InvokeModel action', 1)).toEqual(['identity-missing-allow']);
    expect(top('User: arn:aws:sts::111122223333:assumed-role/app-role/s1 is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123xyz because no identity-based policy allows the bedrock:InvokeModel action', 1)).toEqual(['identity-missing-allow']);
    expect(top('User: arn:aws:sts::111122223333:assumed-role/app-role/s1 is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0 with an explicit deny in an identity-based policy', 1)).toEqual(['identity-explicit-deny']);
  });
});
