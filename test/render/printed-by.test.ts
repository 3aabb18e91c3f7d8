import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/index.js';
import { printedBy, toolWords } from '../../src/core/render/text.js';
import { explain } from '../../src/core/index.js';
import { renderHtmlAnswer } from '../../src/core/render/index.js';

describe('"Printed by" in people\'s words', () => {
  it('names the tool and what was around the message, never an internal id', () => {
    const p = parseError('│ Error: operation error STS: AssumeRole, https response error StatusCode: 403, RequestID: 1a2b, api error AccessDenied: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222233334444:role/deploy\n│').parsed;
    const words = printedBy(p);
    expect(words).toContain('Terraform');
    expect(words).not.toMatch(/[a-z]+-[a-z]+-[a-z]+/); // no kebab-case ids such as go-sdk-v2 or terraform-box
  });
  it('the PHP SDK\'s own wording names the PHP SDK instead of "no tool recognized", in text and HTML', () => {
    const msg = 'Error executing "AssumeRole" on "https://sts.amazonaws.com"; AWS HTTP error: Client error: `POST https://sts.amazonaws.com` resulted in a `403 Forbidden` response:\n<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::111111111111:user/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/y</Message></Error></ErrorResponse>';
    const a = explain({ message: msg });
    expect(a.parsed.source).toBe('plain'); // the JSON keeps the closed vocabulary
    expect(printedBy(a.parsed)).toBe('the AWS SDK for PHP (inside XML)');
    expect(toolWords(a.parsed)).toBe('the AWS SDK for PHP');
    expect(renderHtmlAnswer(a)).toContain('from the AWS SDK for PHP');
    expect(renderHtmlAnswer(a)).not.toContain('no tool recognized');
  });
  it('near miss: a recognized source keeps its own name beside the PHP wording', () => {
    const p = { ...parseError('AccessDenied').parsed, source: 'aws-cli' as const, wrappers: ['php-sdk'] };
    expect(printedBy(p)).toBe('the AWS CLI (inside PHP SDK wording)');
  });
  it('an unknown id is shown as it is', () => {
    const p = { ...parseError('AccessDenied').parsed, source: 'plain' as const, wrappers: ['something-new'] };
    expect(printedBy(p)).toBe('plain text (no tool recognized) (inside something-new)');
  });
});
