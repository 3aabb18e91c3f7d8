/**
 * Reading the answers as users do (session 8, docs/ux-review.md): what a person would trip over
 * when they follow the answer as printed.
 */
import { describe, it, expect } from 'vitest';
import { explain } from '../../src/core/index.js';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { renderHtmlAnswer } from '../../src/core/render/html.js';

const GET_OBJECT = 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::reports-bucket/q3.csv" because no identity-based policy allows the s3:GetObject action';
const BUCKET_ONLY = { kind: 'identity' as const, name: 'dev-inline', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports-bucket"}]}' };

describe('a fix command that reads the corrected policy from a file', () => {
  const x = explain({ message: GET_OBJECT, policies: [BUCKET_ONLY] });
  const top = x.causes[0]!;

  it('has a corrected policy and a command reading file://policy.json (the case under test)', () => {
    expect(top.fix.policy).toBeDefined();
    expect(top.fix.commands.join('\n')).toContain('file://policy.json');
  });

  const formats: Array<[string, string]> = [['markdown', renderMarkdown(x)], ['text', renderText(x)], ['html', renderHtmlAnswer(x)]];
  for (const [name, out] of formats) {
    it(`${name}: shows the corrected policy, says to save it as policy.json, then the command`, () => {
      const put = out.indexOf('put-user-policy');
      const corrected = out.indexOf('Corrected policy');
      expect(corrected).toBeGreaterThan(-1);
      expect(corrected).toBeLessThan(put);
      expect(out.slice(corrected, put)).toContain('save it as policy.json');
    });
  }
});

describe('the web answer\'s Error field when no code was printed', () => {
  const gha = 'Run aws-actions/configure-aws-credentials@v4\n  with:\n    role-to-assume: arn:aws:iam::123456789012:role/gha-deploy\n    aws-region: us-east-1\nAssuming role with OIDC\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity';
  it('does not read "not in the message from GitHub Actions"', () => {
    const html = renderHtmlAnswer(explain({ message: gha }));
    expect(html).not.toMatch(/not in the message<\/span> <span class="muted">from/);
    expect(html).toContain('no error code in the text; printed by GitHub Actions');
  });
  it('plain text names no tool', () => {
    const html = renderHtmlAnswer(explain({ message: 'User: arn:aws:iam::123456789012:user/a is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/r' }));
    expect(html).toMatch(/<dt>Error<\/dt><dd><span class="muted">no error code in the text<\/span>/);
  });
});

describe('a cause the pasted policies confirm leads with its fix', () => {
  const x = explain({ message: GET_OBJECT, policies: [BUCKET_ONLY] });
  it('is confirmed (the case under test)', () => expect(x.causes[0]!.status).toBe('confirmed'));

  it('markdown: the fix follows the lead, above the fields table', () => {
    const md = renderMarkdown(x);
    const fix = md.indexOf('**Fix:** Make the statement\'s Resource cover');
    expect(fix).toBeGreaterThan(0);
    expect(fix).toBeLessThan(md.indexOf('| Field | Value |'));
    expect(md).toContain('The corrected policy and the command that applies it are under cause 1.');
  });

  it('text: the fix follows the lead, above "What the message says"', () => {
    const txt = renderText(x);
    const fix = txt.indexOf('Fix: Make the statement\'s Resource cover');
    expect(fix).toBeGreaterThan(0);
    expect(fix).toBeLessThan(txt.indexOf('What the message says'));
  });

  it('web: "In short" says what to change instead of re-reading the pasted policy', () => {
    const html = renderHtmlAnswer(x);
    const card = html.slice(html.indexOf('id="summary-h"'), html.indexOf('id="parsed-h"'));
    expect(card).toContain('Fix it: Make the statement');
    expect(card).not.toContain('Check it first');
  });

  it('an unproven cause keeps "Check it first" and no lead fix', () => {
    const open = explain({ message: GET_OBJECT });
    expect(open.causes[0]!.status).not.toBe('confirmed');
    const md = renderMarkdown(open);
    expect(md.slice(0, md.indexOf('| Field | Value |'))).not.toContain('**Fix:**');
    const html = renderHtmlAnswer(open);
    expect(html.slice(html.indexOf('id="summary-h"'), html.indexOf('id="parsed-h"'))).toContain('Check it first');
  });
});
