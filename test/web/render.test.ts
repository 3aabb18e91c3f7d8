import { describe, it, expect } from 'vitest';
import { escapeHtml, renderHtmlAnswer, renderHtmlErrors, renderHtmlForm, renderHtmlPage } from '../../src/core/render/html.js';
import { buildDecisionDiagram, renderDecisionSvg } from '../../src/core/render/svg.js';
import * as renderIndex from '../../src/core/render/index.js';
import type { Explanation } from '../../src/core/types.js';
import { HOSTILE, cause, explanation, parsed, report } from './sample.js';

const ATTACKS = [HOSTILE, '"><svg onload=alert(3)>', "' onmouseover='alert(4)", '</textarea><b>x</b>', '`${alert(5)}`'];

/** Prefixes every string in a value (enums included) with an attack. */
function poison<T>(value: T, attack: string): T {
  if (typeof value === 'string') return (attack + value) as T;
  if (Array.isArray(value)) return value.map((v) => poison(v, attack)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = poison(v, attack);
    return out as T;
  }
  return value;
}

function fullExplanation(): Explanation {
  return explanation({
    parsed: parsed({ deny: { kind: 'explicit', policyType: 'resource-based', policyArn: 'arn:aws:iam::aws:policy/X' }, region: 'us-east-1', requestId: 'req-1', redactions: ['account-id'], encodedMessage: 'abc' }),
    policies: [report({ name: 'deploy trust', issues: [{ code: 'c', message: 'bad principal', path: 'Statement[0].Principal' }],
      statements: [{ index: 0, sid: 'S1', effect: 'Allow', matched: false, why: 'the principal is a user', conditions: [] }],
      decidingConditions: [{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['x'], result: 'unknown' }] })],
    warnings: [{ code: 'secret-redacted', message: 'A secret key was removed.' }],
    otherErrors: [parsed({ errorCode: 'ExpiredToken' })],
    evaluation: { decision: 'unknown', decidedBy: 'trust', missingContext: ['sts:ExternalId'], trail: ['step one'] },
  });
}

/** What must never appear unescaped in output built from hostile input. */
function expectInert(html: string): void {
  expect(html.replace('<img src="/assets/favicon.svg" alt="" width="28" height="28">', '')).not.toMatch(/<img\b/i);
  expect(html).not.toMatch(/<script>/i);
  expect(html).not.toMatch(/<svg onload/i);
  expect(html).not.toMatch(/<b>x<\/b>/);
  // No event handler attribute in any real tag (attribute values removed first: they are escaped text).
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/href="javascript:/i);
  // Exactly one script element: the external app.js (pages only).
  expect((html.match(/<script\b/gi) ?? []).length).toBeLessThanOrEqual(1);
  expect(html.match(/<script\b[^>]*>/gi)?.every((s) => s === '<script src="/assets/app.js" defer>') ?? true).toBe(true);
  expect(html).not.toMatch(/<style\b|\sstyle=/i);
}

describe('escapeHtml', () => {
  const cases: Array<[unknown, string]> = [
    ['<a href="x">\'&`', '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#96;'],
    [HOSTILE, '&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    ['plain text', 'plain text'],
    ['a\u0000b\u001b[31mc\td\ne\r\n', 'a\uFFFDb\uFFFD[31mc\td\ne\r\n'],
  ];
  it.each(cases)('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('hostile input stays text', () => {
  it.each(ATTACKS)('in the answer fragment: %s', (attack) => {
    const html = renderHtmlAnswer(poison(fullExplanation(), attack));
    expectInert(html);
    expect(html).toContain(escapeHtml(attack));
  });

  it.each(ATTACKS)('in the decision picture: %s', (attack) => {
    const svg = renderDecisionSvg(poison(fullExplanation(), attack));
    expectInert(svg);
    expect(svg).toContain(escapeHtml(attack).slice(0, 20));
  });

  it.each(ATTACKS)('in the page and its form: %s', (attack) => {
    const html = renderHtmlPage({
      values: {
        message: attack, policies: [{ kind: attack, document: attack }], externalIdPassed: 'yes', externalId: attack,
        durationSeconds: attack, roleSessionName: attack, chained: 'no', mfa: 'yes', context: attack,
      },
      explanation: poison(fullExplanation(), attack),
    });
    expectInert(html);
    // The message comes back inside its textarea, escaped, not closing it early.
    expect(html).toContain(`name="message" rows="9" required spellcheck="false" aria-describedby="message-hint" placeholder`);
    expect(html.split('</textarea>').length - 1).toBe(html.split('<textarea').length - 1);
    expect(html).toContain(`value="${escapeHtml(attack)}"`);
  });

  it('in the error list', () => {
    const html = renderHtmlErrors([HOSTILE]);
    expectInert(html);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('drops documentation links that are not https', () => {
    const html = renderHtmlAnswer(explanation({ causes: [cause({ docs: ['javascript:alert(1)', 'http://example.com', 'https://docs.aws.amazon.com/x'] })] }));
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('http://example.com');
    expect(html).toContain('href="https://docs.aws.amazon.com/x"');
  });
});

describe('what the answer shows first', () => {
  const html = renderHtmlAnswer(fullExplanation());

  it('puts warnings (a pasted secret, a policy problem) first, then the best cause and its fix (it is confirmed), then the parsed fields', () => {
    const warnings = html.indexOf('<h2 id="warnings-h">Warnings</h2>');
    const summary = html.indexOf('<h2 id="summary-h">In short</h2>');
    const parsedCard = html.indexOf('<h2 id="parsed-h">');
    expect(warnings).toBeGreaterThan(0);
    expect(summary).toBeGreaterThan(warnings);
    expect(parsedCard).toBeGreaterThan(summary);
    const warningCard = html.slice(warnings, summary);
    expect(warningCard).toContain('<li>A secret key was removed. <span class="muted">(secret-redacted)</span></li>');
    expect(warningCard).toContain('<li>Policy 1 &quot;deploy trust&quot;: bad principal (statement 1, Principal) <span class="muted">(c)</span></li>');
    const summaryCard = html.slice(summary, parsedCard);
    expect(summaryCard).toContain('<strong>Cause:</strong> <a href="#cause-1">');
    // confirmed by the pasted trust: what to change, not a command re-reading the pasted policy
    expect(summaryCard).toContain('Fix it: ');
    expect(summaryCard).toContain('<a href="#cause-1">The corrected policy and the command that applies it</a>');
    expect(summaryCard).not.toContain('aws iam get-role --role-name deploy-role');
    expect(html).toContain('<article id="cause-1" class="cause cause-confirmed"');
  });

  it('says which of several errors it explains', () => {
    expect(html).toContain('The text holds 2 different errors. This answer explains the sts:AssumeRole error; the other is listed under &quot;Also in the text&quot;');
  });

  it('has no summary when no cause is open', () => {
    const x = fullExplanation();
    x.otherErrors = [];
    for (const c of x.causes) c.status = 'unlikely';
    expect(renderHtmlAnswer(x)).not.toContain('summary-h');
  });

  it('shows `quoted` commands in our wording as code, and keeps an odd backtick as text', () => {
    const x = fullExplanation();
    x.warnings = [{ code: 'secret-redacted', message: 'Rotate it: `aws iam create-access-key` then <b>`x`</b>.' }, { code: 'w', message: 'odd ` backtick <i>' }];
    const out = renderHtmlAnswer(x);
    expect(out).toContain('Rotate it: <code>aws iam create-access-key</code> then &lt;b&gt;<code>x</code>&lt;/b&gt;.');
    expect(out).toContain('odd &#96; backtick &lt;i&gt;');
  });
});

describe('an encoded authorization message and no confirmed cause', () => {
  it('sends the person to the first steps (decode it) and shows them before the causes', () => {
    const x = fullExplanation();
    for (const c of x.causes) if (c.status === 'confirmed') c.status = 'possible';
    const html = renderHtmlAnswer(x);
    expect(html).toContain('Start with the <a href="#first-h">first steps</a>');
    expect(html.indexOf('<h2 id="first-h"')).toBeLessThan(html.indexOf('<h2 id="causes-h"'));
    const confirmed = renderHtmlAnswer(fullExplanation());
    expect(confirmed.indexOf('<h2 id="first-h"')).toBeGreaterThan(confirmed.indexOf('<h2 id="causes-h"'));
  });
});

describe('answer content', () => {
  const html = renderHtmlAnswer(fullExplanation());
  const needles: Array<[string, string]> = [
    ['caller ARN', 'arn:aws:iam::111111111111:role/pipeline-role'],
    ['caller type', '<span class="tag">role</span>'],
    ['target ARN', 'arn:aws:iam::222222222222:role/deploy-role'],
    ['action', '<code>sts:AssumeRole</code>'],
    ['cross-account', '<dt>Cross-account</dt><dd>yes</dd>'],
    ['deny variant', 'Explicit deny in a resource-based policy'],
    ['status badge', '<span class="badge status-confirmed">Confirmed</span>'],
    ['evidence and its source', 'Statement 1 allows arn:aws:iam::111111111111:user/deploy-user only <span class="muted">— from policy 1 (deploy trust), statement 1</span>'],
    ['confirm command', 'aws iam get-role --role-name deploy-role --query &#39;Role.AssumeRolePolicyDocument&#39;'],
    ['copy button', 'class="copy" data-copy="code-'],
    ['fix command', 'aws iam update-assume-role-policy'],
    ['corrected policy', '&quot;AWS&quot;: &quot;arn:aws:iam::111111111111:role/pipeline-role&quot;'],
    ['first step', 'aws sts get-caller-identity'],
    ['warning', 'A secret key was removed.'],
    ['policy verdict', '<span class="badge verdict-implicit-deny">Does not allow (implicit deny)</span>'],
    ['policy issue, its statement numbered from 1', 'bad principal <span class="muted">(statement 1, Principal)</span>'],
    ['statement why', 'the principal is a user'],
    ['missing context', '<code>sts:ExternalId</code>'],
    ['other error', 'ExpiredToken'],
    ['ruled-out causes folded away', '<summary>Unlikely or ruled out (1)</summary>'],
    ['decision picture, side by side', '<div class="picture-wide"><svg xmlns="http://www.w3.org/2000/svg" class="decision decision-wide"'],
    ['decision picture, stacked for narrow screens', '<div class="picture-tall"><svg xmlns="http://www.w3.org/2000/svg" class="decision decision-tall"'],
  ];
  it.each(needles)('shows the %s', (_what, needle) => {
    expect(html).toContain(needle);
  });

  it('gives every copy button a code block with the id it names', () => {
    const targets = [...html.matchAll(/data-copy="([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBe(4); // the open cause's confirm + fix command + corrected policy, one first step (a confirmed cause's summary links to its fix)
    for (const id of targets) expect(html).toContain(`<code id="${id}"`);
    expect(new Set(targets).size).toBe(targets.length);
  });

  it('does not claim a decision from policies that could not be read', () => {
    const x = explanation({ policies: [report({ valid: false, verdict: 'unknown' })], evaluation: { decision: 'allow', decidedBy: null, missingContext: [], trail: [] } });
    const html = renderHtmlAnswer(x);
    expect(html).toContain('None of the pasted policies could be read');
    expect(html).not.toContain('Together they say');
    expect(html).toContain('<span class="badge verdict-invalid">Could not be read</span>');
  });

  it('keeps unlikely and ruled-out causes short: why, not how to fix', () => {
    const folded = html.slice(html.indexOf('<details class="closed">'));
    expect(folded).toContain('data-cause-id="identity-missing-allow"');
    expect(folded).toContain('<h4>Evidence</h4>');
    expect(folded.slice(0, folded.indexOf('</details>'))).not.toContain('<h4>How to confirm</h4>');
  });

  it('says plainly when nothing was recognized, and draws no picture', () => {
    const none = renderHtmlAnswer(explanation({ parsed: parsed({ recognized: false }), causes: [], policies: [], evaluation: null }));
    expect(none).toContain('No AWS authorization failure was found');
    // what to paste instead: the same words as the Markdown and text answers, and where to find it
    expect(none).toContain('Paste the error exactly as printed: the whole line holding AccessDenied, &quot;is not authorized to perform&quot;, UnauthorizedOperation, ExpiredToken or InvalidClientTokenId');
    expect(none).toContain('in CloudTrail, paste the whole event');
    expect(none).not.toContain('<svg');
  });
});

describe('decision picture', () => {
  type Row = { side: 'caller' | 'resource' | 'network'; kind: string; verdict: string; fromMessage?: boolean };
  const cases: Array<{ name: string; x: Explanation; rows: Row[]; same: boolean }> = [
    {
      name: 'pasted trust policy that does not allow',
      x: explanation(),
      same: false,
      rows: [
        { side: 'resource', kind: 'trust', verdict: 'denies' },
        { side: 'caller', kind: 'identity', verdict: 'not-pasted' },
        { side: 'resource', kind: 'rcp', verdict: 'not-pasted' },
      ],
    },
    {
      name: 'identity allows, trust allows',
      x: explanation({ policies: [report({ verdict: 'allow' }), report({ kind: 'identity', verdict: 'allow' })], evaluation: { decision: 'allow', decidedBy: null, missingContext: [], trail: [] } }),
      same: false,
      rows: [
        { side: 'resource', kind: 'trust', verdict: 'allows' },
        { side: 'caller', kind: 'identity', verdict: 'allows' },
      ],
    },
    {
      name: 'explicit deny in a resource-based policy named by the message, nothing pasted (AssumeRole → trust)',
      x: explanation({ parsed: parsed({ deny: { kind: 'explicit', policyType: 'resource-based', policyArn: null } }), policies: [], evaluation: null }),
      same: false,
      rows: [{ side: 'resource', kind: 'trust', verdict: 'denies', fromMessage: true }],
    },
    {
      name: 'SCP deny named by the message, same account',
      x: explanation({
        parsed: parsed({ action: 's3:GetObject', operation: 'GetObject', crossAccount: false, deny: { kind: 'explicit', policyType: 'service-control', policyArn: null },
          target: { arn: 'arn:aws:s3:::bucket/key', accountId: null, partition: 'aws', service: 's3', region: null, resourceType: 'object', name: 'key' } }),
        policies: [], evaluation: null,
      }),
      same: true,
      rows: [
        { side: 'caller', kind: 'scp', verdict: 'denies', fromMessage: true },
        { side: 'resource', kind: 'resource', verdict: 'not-pasted' },
      ],
    },
    {
      name: 'unknown verdict and a VPC endpoint policy',
      x: explanation({ policies: [report({ verdict: 'unknown' }), report({ kind: 'vpc-endpoint', verdict: 'explicit-deny' })] }),
      same: false,
      rows: [
        { side: 'resource', kind: 'trust', verdict: 'unknown' },
        { side: 'network', kind: 'vpc-endpoint', verdict: 'denies' },
      ],
    },
    {
      name: 'an SCP that allows and one that does not (both must allow)',
      x: explanation({ policies: [report({ kind: 'scp', verdict: 'allow' }), report({ kind: 'scp', verdict: 'implicit-deny' })] }),
      same: false,
      rows: [{ side: 'caller', kind: 'scp', verdict: 'denies' }],
    },
  ];

  it.each(cases)('$name', ({ x, rows, same }) => {
    const d = buildDecisionDiagram(x);
    expect(d.sameAccount).toBe(same);
    for (const r of rows) {
      const list = r.side === 'caller' ? d.callerRows : r.side === 'resource' ? d.resourceRows : d.networkRow ? [d.networkRow] : [];
      const row = list.find((l) => l.kind === r.kind);
      expect(row, `${r.side} ${r.kind}`).toBeDefined();
      expect(row?.verdict).toBe(r.verdict);
      if (r.fromMessage !== undefined) expect(row?.fromMessage).toBe(r.fromMessage);
    }
    for (const layout of ['wide', 'tall'] as const) {
    const svg = renderDecisionSvg(x, 'd', layout);
    for (const r of rows) {
      const group = svg.match(new RegExp(`<g class="dg-row[^"]*" data-kind="${r.kind}" data-verdict="([^"]+)">(.*?)</g>`));
      expect(group?.[1]).toBe(r.verdict);
      const word = { allows: '✓ allows', denies: '✗ denies', unknown: '? unknown', 'not-pasted': '– not pasted' }[r.verdict];
      expect(group?.[2]).toContain(`>${word}</text>`); // a word, not colour alone
    }
    if (!rows.some((r) => r.side === 'network')) expect(svg).not.toContain('data-kind="vpc-endpoint"');
    }
  });

  it('gives the two layouts their own ids (both are in the page)', () => {
    const html = renderHtmlAnswer(explanation());
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain('decision-title');
    expect(ids).toContain('decision-tall-title');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has an accessible name and description naming each verdict', () => {
    const svg = renderDecisionSvg(explanation());
    expect(svg).toMatch(/role="img" aria-labelledby="decision-title decision-desc"/);
    expect(svg).toContain('<title id="decision-title">How sts:AssumeRole was decided across the caller&#39;s account 111111111111 and the resource&#39;s account 222222222222</title>');
    expect(svg).toMatch(/<desc id="decision-desc">[^<]*Role trust policy: denies, decided the outcome/);
    expect(svg).toMatch(/<desc id="decision-desc">[^<]*Identity policy: not pasted/);
  });

  it('says so when the resource account is unknown rather than claiming cross-account', () => {
    const unknown = parsed({ crossAccount: null, target: { ...parsed().target!, accountId: null, arn: 'arn:aws:s3:::bucket/key', service: 's3', resourceType: 'object' }, action: 's3:GetObject' });
    const svg = renderDecisionSvg(explanation({ parsed: unknown }));
    expect(svg).toContain('s3:GetObject: the resource&#39;s account is not known; if it is another account, both sides must allow');
    expect(svg).toContain('>Resource · account unknown</text>');
    expect(renderDecisionSvg(explanation())).toContain('sts:AssumeRole across accounts: the caller&#39;s side and the resource&#39;s side must both allow');
  });

  it('draws one account box when caller and resource share an account', () => {
    const one = renderDecisionSvg(explanation({ parsed: parsed({ crossAccount: false, target: { ...parsed().target!, accountId: '111111111111', arn: 'arn:aws:iam::111111111111:role/deploy-role' } }) }));
    expect(one).toContain('data-same-account="true"');
    expect(one).toContain('>One account 111111111111</text>');
    const two = renderDecisionSvg(explanation());
    expect(two).toContain('data-same-account="false"');
    expect(two).toContain('>Caller · account 111111111111</text>');
    expect(two).toContain('>Resource · account 222222222222</text>');
  });
});

describe('form', () => {
  it('labels every control and offers every policy kind', () => {
    const html = renderHtmlForm();
    const ids = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html).toContain(`<label for="${id}"`);
    for (const k of ['detect', 'trust', 'identity', 'resource', 'scp', 'rcp', 'permissions-boundary', 'session', 'vpc-endpoint']) {
      expect(html).toContain(`<option value="${k}"`);
    }
    expect((html.match(/class="policy-row"/g) ?? []).length).toBe(3);
  });

  it('keeps filled policies and adds one empty slot', () => {
    const html = renderHtmlForm({ message: 'm', policies: [1, 2, 3].map((n) => ({ kind: 'scp', document: `{"n":${n}}` })),
      externalIdPassed: 'unknown', externalId: '', durationSeconds: '', roleSessionName: '', chained: 'unknown', mfa: 'unknown', context: '' });
    expect((html.match(/class="policy-row"/g) ?? []).length).toBe(4);
    expect((html.match(/<option value="scp" selected>/g) ?? []).length).toBe(3);
  });

  it('is exported from the render index', () => {
    expect(renderIndex.renderHtmlPage).toBe(renderHtmlPage);
    expect(renderIndex.renderDecisionSvg).toBe(renderDecisionSvg);
  });

  it('is a full page with lang, a skip link and the external assets only', () => {
    const html = renderHtmlPage();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<link rel="stylesheet" href="/assets/app.css">');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // no CDN, no external font
    expectInert(html);
  });
});
