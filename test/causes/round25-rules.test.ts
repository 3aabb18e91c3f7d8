/**
 * The general cause rules added for the misses of round 25, each tried both ways on messages written here (none is a
 * fixture's text): one that must now rank differently, and a near miss that must not change. The fixtures' own
 * results are in real-causes-round25.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const ids = (message: string, n = 3) => explain({ message }).causes.filter((c) => c.status !== 'ruled-out').slice(0, n).map((c) => c.id);
const refused = 'AccessDeniedException: User: arn:aws:sts::444455556666:assumed-role/controller-irsa/1700000000 is not authorized to perform: sqs:CreateQueue on resource: arn:aws:sqs:us-east-1:444455556666:jobs because no identity-based policy allows the sqs:CreateQueue action';

describe('the paste says the setting that picks the identity was not applied', () => {
  it('puts wrong-credentials-in-use in the top 3 (the tool ran with its default credentials)', () => {
    for (const said of ['The Queue resource seems to be ignoring the providerConfigRef:', 'The operator is not using the configured IAM role, it uses its own:', 'It runs as the pod identity instead of the profile I set:']) {
      expect(ids(`${said}\n${refused}`), said).toContain('wrong-credentials-in-use');
    }
  });

  it('near miss: the same refusal with prose that ignores something else, or names no setting, gets no such reading', () => {
    for (const said of ['We are ignoring the warning about retries for now:', 'The controller is not using much memory, but fails with:', 'I added the permission instead of the wildcard and still get:']) {
      expect(ids(`${said}\n${refused}`), said).not.toContain('wrong-credentials-in-use');
    }
  });
});
