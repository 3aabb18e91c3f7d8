import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { renderMarkdown } from '../../src/core/render/index.js';

const MESSAGE = 'User: arn:aws:iam::111111111111:user/a is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}';

describe('secrets pasted into a policy field', () => {
  it('are removed before the policy is read, warned about, and never echoed', () => {
    const e = explain({ message: MESSAGE, policies: [{ kind: 'identity', document: `export AWS_SECRET_ACCESS_KEY=${SECRET}\n${POLICY}` }] });
    expect(JSON.stringify(e)).not.toContain(SECRET);
    expect(renderMarkdown(e)).not.toContain(SECRET);
    expect(e.warnings.filter((w) => w.code === 'secret-redacted')).toHaveLength(1);
    expect(e.policies[0]?.valid).toBe(true); // the policy after the credentials is still read
  });

  it('leave a clean policy untouched and add no warning', () => {
    const e = explain({ message: MESSAGE, policies: [{ kind: 'identity', document: POLICY }] });
    expect(e.warnings.some((w) => w.code === 'secret-redacted')).toBe(false);
    expect(e.policies[0]?.verdict).toBe('allow');
  });
});

describe('answer size', () => {
  it('fills commands for live causes and the first few, and sends the long tail as evidence-only summaries', () => {
    const e = explain({ message: MESSAGE });
    expect(e.causes.length).toBeGreaterThan(8);
    e.causes.forEach((c, i) => {
      const live = c.status === 'confirmed' || c.status === 'likely' || c.status === 'possible';
      expect(c.detail).toBe(i < 8 || live ? 'full' : 'summary');
      if (c.detail === 'full') expect(c.confirm.length).toBeGreaterThan(0);
      else expect(c.confirm).toEqual([]);
    });
  });
});
