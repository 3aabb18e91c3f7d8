import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/index.js';
import { printedBy } from '../../src/core/render/text.js';

describe('"Printed by" in people\'s words', () => {
  it('names the tool and what was around the message, never an internal id', () => {
    const p = parseError('│ Error: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 1a2b, api error AccessDenied: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222233334444:role/deploy\n│').parsed;
    const words = printedBy(p);
    expect(words).toContain('Terraform');
    expect(words).not.toMatch(/[a-z]+-[a-z]+-[a-z]+/); // no kebab-case ids such as go-sdk-v2 or terraform-box
  });
  it('an unknown id is shown as it is', () => {
    const p = { ...parseError('AccessDenied').parsed, source: 'plain' as const, wrappers: ['something-new'] };
    expect(printedBy(p)).toBe('plain text (no tool recognized) (inside something-new)');
  });
});
