/**
 * The general cause rule added for the misses of round 23, tried both ways on messages written here (none is a
 * fixture's text): one that must now rank differently, and a near miss that must not change. The fixtures' own
 * results are in real-causes-round23.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';

const answer = (message: string) => explain({ message }).causes;
const WHITESPACE = 'The role name contains whitespace.';
const says = (message: string, id: string, text: string) =>
  (answer(message).find((c) => c.id === id)?.evidence ?? []).some((e) => e.text === text);

describe('a role ARN whose name is a bracketed placeholder with a space (`role/<their role>`)', () => {
  it('is a redaction, not a name with whitespace: role-missing-or-typo is not lifted above the trust policy', () => {
    const m = 'AccessDenied: User: arn:aws:sts::111122223333:assumed-role/app-role/session-1 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::<partner account>:role/<partner role>';
    expect(says(m, 'role-missing-or-typo', WHITESPACE)).toBe(false);
    expect(answer(m)[0]?.id).not.toBe('role-missing-or-typo');
    expect(says('User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/{role name}', 'role-missing-or-typo', WHITESPACE)).toBe(false);
  });

  it('near miss: a real space in the role name still points to a typo', () => {
    const m = 'AccessDenied: User: arn:aws:sts::111122223333:assumed-role/app-role/session-1 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/deploy role because no identity-based policy allows the sts:AssumeRole action';
    expect(says(m, 'role-missing-or-typo', WHITESPACE)).toBe(true);
    expect(says('User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/<team> deploy role with an explicit deny', 'role-missing-or-typo', WHITESPACE)).toBe(true);
  });
});

const top = (message: string, n = 3) => answer(message).slice(0, n).map((c) => c.id);

describe('a WAFv2 web ACL or rule group create/update refused on a resource it references (IP set, regex set, rule group)', () => {
  it('ranks identity-resource-mismatch first: WAF authorizes the call against each referenced resource, not only the ACL', () => {
    expect(top('User: arn:aws:sts::111122223333:assumed-role/waf-admin/s1 is not authorized to perform: wafv2:UpdateWebACL on resource: arn:aws:wafv2:eu-west-1:111122223333:regional/regexpatternset/bad-bots/0a1b2c3d-1111-2222-3333-444455556666 because no identity-based policy allows the wafv2:UpdateWebACL action', 1)).toEqual(['identity-resource-mismatch']);
    expect(top('AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/waf-admin/s1 is not authorized to perform: wafv2:CreateRuleGroup on resource: arn:aws:wafv2:us-east-1:111122223333:global/ipset/office/0a1b2c3d-1111-2222-3333-444455556666 because no identity-based policy allows the wafv2:CreateRuleGroup action', 1)).toEqual(['identity-resource-mismatch']);
  });

  it('near miss: the web ACL itself, the set\'s own create, or an explicit deny keep their first cause', () => {
    expect(top('User: arn:aws:sts::111122223333:assumed-role/waf-admin/s1 is not authorized to perform: wafv2:CreateWebACL on resource: arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/0a1b2c3d-1111-2222-3333-444455556666 because no identity-based policy allows the wafv2:CreateWebACL action', 1)).toEqual(['identity-missing-allow']);
    expect(top('User: arn:aws:sts::111122223333:assumed-role/waf-admin/s1 is not authorized to perform: wafv2:CreateIPSet on resource: arn:aws:wafv2:us-east-1:111122223333:global/ipset/office/0a1b2c3d-1111-2222-3333-444455556666 because no identity-based policy allows the wafv2:CreateIPSet action', 1)).toEqual(['identity-missing-allow']);
    expect(top('User: arn:aws:sts::111122223333:assumed-role/waf-admin/s1 is not authorized to perform: wafv2:UpdateWebACL on resource: arn:aws:wafv2:eu-west-1:111122223333:regional/ipset/office/0a1b2c3d-1111-2222-3333-444455556666 with an explicit deny in an identity-based policy', 1)).toEqual(['identity-explicit-deny']);
  });
});
