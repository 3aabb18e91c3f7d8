/** "What the message says" for a decoded authorization message, alone and beside the error it decodes (docs/decisions/024). */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { renderHtmlAnswer, renderMarkdown, renderText } from '../../src/core/render/index.js';
import { printedBy } from '../../src/core/render/text.js';

const DECODED = JSON.stringify({
  allowed: false, explicitDeny: true,
  matchedStatements: { items: [{ statementId: 'DenyBigInstances', effect: 'DENY', principals: { items: [] }, actions: { items: [{ value: 'ec2:RunInstances' }] }, resources: { items: [{ value: 'arn:aws:ec2:*:*:instance/*' }] }, conditions: { items: [] } }] },
  failures: { items: [] },
  context: {
    principal: { id: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/ana' }, action: 'ec2:RunInstances', resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/*',
    conditions: { items: [{ key: 'ec2:InstanceType', values: { items: [{ value: 'm5.24xlarge' }] } }, { key: 'aws:Region', values: { items: [{ value: 'eu-west-1' }] } }] },
  },
});
const BLOB = 'pwzJpefrK-OBkN09iwXMerRsHYZLPx_GXTJk6bKtSSoaQvCMF0wd6rFcf18MFqKQfOUIYAoMAB62RuIZ-RAlP8L5LinRwXgKYPQPpTiCvqTl';
const ENCODED = `An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: ${BLOB}`;

describe('a decoded authorization message in the answer', () => {
  it('alone: printed by the decode command, the matched statement and the request context in the table', () => {
    const e = explain({ message: DECODED });
    expect(printedBy(e.parsed)).toBe('aws sts decode-authorization-message');
    const md = renderMarkdown(e);
    expect(md).toContain('| Printed by | aws sts decode-authorization-message |');
    expect(md).toContain('| Matched statement | `DenyBigInstances` (Deny ec2:RunInstances on arn:aws:ec2:\\*:\\*:instance/\\*) |');
    expect(md).toContain('`ec2:InstanceType = m5.24xlarge`');
    expect(md).toContain('not in a decoded message');
    const text = renderText(e);
    expect(text).toMatch(/Printed by\s+aws sts decode-authorization-message/);
    const html = renderHtmlAnswer(e);
    expect(html).toContain('<dt>Matched statement</dt><dd><code>DenyBigInstances</code>');
    // one sentence: what decoded it, and where the code is (not "not in … from …")
    expect(html).toContain('<dt>Error</dt><dd><span class="muted">decoded by aws sts decode-authorization-message; the error code is in the original error</span>');
    expect(html).not.toContain('(the original error shows it)</span> <span class="muted">from');
  });

  it("in boto3's response dict: boto3 named", () => {
    const e = explain({ message: `{'DecodedMessage': '${DECODED}', 'ResponseMetadata': {'HTTPStatusCode': 200}}` });
    expect(printedBy(e.parsed)).toBe("boto3's sts decode_authorization_message");
  });

  it('beside the encoded error: the tool that printed the error, decoded; no "decode it" step or hint', () => {
    const e = explain({ message: `${ENCODED}\n\n${DECODED}` });
    expect(e.otherErrors).toEqual([]);
    expect(printedBy(e.parsed)).toBe('the AWS CLI, decoded with aws sts decode-authorization-message');
    const md = renderMarkdown(e);
    expect(md).toContain('its decoded form is in the paste');
    expect(md).not.toContain('decode it with');
    expect(e.firstSteps.some((s) => s.command.includes('decode-authorization-message'))).toBe(false);
  });
});
