import { describe, it, expect } from 'vitest';
import MarkdownIt from 'markdown-it';
import { renderMarkdown, renderText } from '../../src/core/render/index.js';
import { code, escapeInline, fence, prose } from '../../src/core/render/markdown.js';
import { pathWords, stripControls, wrap } from '../../src/core/render/text.js';
import type { Explanation } from '../../src/core/types.js';
import { explanationSample, parsedSample } from './sample.js';

// html: true — the answer must be safe even where a renderer lets raw HTML through.
const md = new MarkdownIt({ html: true, linkify: false });

const HOSTILE = 'arn:aws:iam::111111111111:role/x|y`z``<script>alert(1)</script>\n| evil | row |\n```\n<img src=x onerror=alert(2)>';

function hostileExplanation(): Explanation {
  const e = explanationSample();
  e.parsed = parsedSample({
    caller: { arn: HOSTILE, type: 'role', accountId: null, partition: 'aws', name: 'x', sessionName: null, roleArn: null },
    target: { arn: 'a|b', accountId: null, partition: null, service: null, region: null, resourceType: null, name: null },
    requestId: '`id`', region: '<b>us</b>',
  });
  const c = e.causes[0]!;
  c.title = 'Title with <script>x</script> and **bold** | pipe';
  c.evidence = [{ text: `The trust policy names ${HOSTILE} only`, source: 'message' }, { text: 'quoted `<img src=y onerror=z>` here', source: 'message' }];
  c.confirm = [{ description: 'desc <iframe>', command: 'echo "```" && echo ````' }];
  c.fix = { description: 'fix [link](javascript:alert(1))', commands: ['aws iam x\n```\n<script>bad()</script>'], policy: { Note: '```<script>' } };
  e.policies[0]!.name = 'pol | name `x` <svg onload=1>';
  e.warnings = [{ code: 'w', message: '<script>w</script> | `x`' }];
  return e;
}

describe('renderMarkdown', () => {
  it('has a heading, a parsed-fields table, numbered causes with status badges, bash and json blocks', () => {
    const out = renderMarkdown(explanationSample());
    expect(out.startsWith('## Why sts:AssumeRole was denied\n')).toBe(true);
    expect(out).toContain('\n**Cause:** The trust policy does not name the caller (**confirmed**).\n');
    expect(out).toContain('| Field | Value |');
    expect(out).toContain('| Caller | `arn:aws:sts::111111111111:assumed-role/pipeline-role/session-name` (assumed-role) |');
    expect(out).toContain('| Cross-account | yes |');
    expect(out).toContain('| Denied by | explicit deny in a resource-based policy |');
    expect(out).toContain('#### 1. The trust policy does not name the caller — **confirmed** · score 0.82');
    expect(out).toContain('#### 2. The caller has no Allow for sts:AssumeRole — **possible** · score 0.31');
    expect(out).toContain('3. The caller is the root user — unlikely');
    expect(out).toContain('```bash\naws iam update-assume-role-policy');
    expect(out).toContain('```json\n{\n  "Version": "2012-10-17"');
    expect(out).toContain('_(policy 1 "deploy-role trust", statement 1 (Sid "AllowCI"))_');
    // ruled-out causes: one line at the end, never in full
    expect(out).toContain('### Ruled out\n\n- A Deny in the trust policy matches (`trust-explicit-deny`): The trust policy has no Deny statement.\n');
    expect(out).not.toContain('Remove the Deny.');
    expect(out.indexOf('### Ruled out')).toBeGreaterThan(out.indexOf('### Warnings'));
  });

  it('renders to HTML with one table row per field and every command in a bash block', () => {
    const html = md.render(renderMarkdown(explanationSample()));
    const firstTable = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(firstTable.match(/<tr>/g)?.length).toBe(1 + 11);
    expect(html.match(/<code class="language-bash">/g)?.length).toBe(4); // 2 confirm + 1 fix + 1 first step
    expect(html.match(/<code class="language-json">/g)?.length).toBe(1);
    expect(html).toContain('<h2>Why sts:AssumeRole was denied</h2>');
    expect(html).toContain('<strong>confirmed</strong>');
  });

  it('keeps a hostile message as text: no raw HTML, no broken table, no escaped fence', () => {
    const out = renderMarkdown(hostileExplanation());
    const html = md.render(out);
    expect(html).not.toMatch(/<(script|img|iframe|svg|b)[\s>]/i);
    expect(html).not.toContain('href="javascript');
    // every row of the fields table still has exactly two cells
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    for (const tr of table.split('<tr>').slice(2)) expect(tr.match(/<td>/g)?.length).toBe(2);
    // the hostile ARN survives verbatim (newlines folded) inside a code span
    const folded = HOSTILE.replace(/\s+/g, ' ');
    const escaped = folded.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(html).toContain(`<code>${escaped}</code>`);
    // the fix command's fence cannot be closed by the ``` inside it
    expect(html).toContain('<code class="language-bash">aws iam x\n```\n&lt;script&gt;bad()&lt;/script&gt;\n</code>');
    expect(out).toContain('| Target | `a\\|b` |');
    // our own backtick quoting still becomes code
    expect(html).toContain('quoted <code>&lt;img src=y onerror=z&gt;</code> here');
  });

  it('says clearly when no authorization failure was found, and what to paste', () => {
    const e = explanationSample();
    e.parsed = parsedSample({ recognized: false, errorCode: null, action: null, operation: null, caller: null, target: null });
    e.policies = [];
    e.otherErrors = [];
    e.evaluation = null;
    const out = renderMarkdown(e);
    expect(out.startsWith('## No AWS authorization failure found\n')).toBe(true);
    expect(out).toContain('Paste the error exactly as printed');
    expect(out).not.toContain('| Field | Value |');
    expect(out).toContain('### First steps');
    // causes ranked without a recognized failure are not shown as if they were answers
    expect(out).not.toContain('Causes, best first');
    expect(out).not.toContain('Ruled out');
  });

  it('shows what each pasted statement did and the decision step by step', () => {
    const e = explanationSample();
    e.evaluation!.trail = ['Request: a → b.', 'Decision: implicit-deny (role trust policy).'];
    const out = renderMarkdown(e);
    expect(out).toContain('| 1 | deploy-role trust | trust (inferred) | **implicit-deny** | Principal names an unknown account (statement 1, Principal) |');
    expect(out).toContain('- Policy 1, statement 1 (Sid "AllowCI"): **Allow, does not apply**. Principal does not match\n');
    expect(out).toContain('Step by step:\n\n1. Request: a → b.\n2. Decision: implicit-deny (role trust policy).\n');
    const text = renderText(e);
    expect(text).toContain('   - statement 1 (Sid "AllowCI"): Allow, does not apply. Principal does not\n     match\n');
    expect(text).toContain('Step by step:\n  - Request: a → b.\n');
  });

  it('does not name the policy twice when the evidence already does', () => {
    const e = explanationSample();
    e.causes[0]!.evidence = [{ text: 'statement 1 of policy 1 (deploy-role trust) names a user.', source: 'policy', policy: 0, statement: 0 }];
    const out = renderMarkdown(e);
    expect(out).toContain('- statement 1 of policy 1 (deploy-role trust) names a user.\n');
    expect(out).not.toContain('_(policy 1');
  });

  it('lists at most 10 ruled-out causes with reasons, the rest by id only', () => {
    const e = explanationSample();
    const base = e.causes[3]!;
    e.causes = [e.causes[0]!, ...Array.from({ length: 12 }, (_, i) => ({ ...base, id: `ruled-${i}`, title: `Ruled ${i}` }))];
    const out = renderMarkdown(e);
    const section = out.slice(out.indexOf('### Ruled out'));
    expect(section.match(/^- Ruled \d+ /gm)?.length).toBe(10);
    expect(section).toContain('- Also ruled out: `ruled-10`, `ruled-11`.');
    expect(renderText(e)).toContain('- Also ruled out: ruled-10, ruled-11.');
  });

  it.each([
    ['likely', '**Most likely:**'],
    ['possible', '**Most likely:**'],
    ['unlikely', '**No strong lead yet; best guess:**'],
  ] as const)('introduces a %s best cause as %s', (status, words) => {
    const e = explanationSample();
    e.causes = [{ ...e.causes[0]!, status }];
    expect(renderMarkdown(e)).toContain(`\n${words} The trust policy does not name the caller`);
  });

  it('is deterministic', () => {
    const e = explanationSample();
    expect(renderMarkdown(structuredClone(e))).toBe(renderMarkdown(e));
  });
});

describe('warnings and other errors come before the details', () => {
  it('markdown: a pasted secret and a policy problem are listed right under the lead, before the fields table', () => {
    const out = renderMarkdown(explanationSample());
    const warnings = out.indexOf('### Warnings');
    expect(warnings).toBeGreaterThan(out.indexOf('**Cause:**'));
    expect(warnings).toBeLessThan(out.indexOf('| Field | Value |'));
    expect(out).toContain('### Warnings\n\n- An AWS secret access key was removed from the text before reading it. (`secret-redacted`)\n'
      + '- Policy 1 "deploy-role trust": Principal names an unknown account (statement 1, Principal) (`principal-unknown`)\n');
    expect(out.match(/### Warnings/g)).toHaveLength(1);
  });

  it('text: the same warnings before "What the message says"', () => {
    const out = renderText(explanationSample());
    const warnings = out.indexOf('Warnings\n--------');
    expect(warnings).toBeGreaterThan(0);
    expect(warnings).toBeLessThan(out.indexOf('What the message says'));
    expect(out).toContain('- Policy 1 "deploy-role trust": Principal names an unknown account (statement\n  1, Principal) (principal-unknown)');
  });

  it('leaves info-level policy notes (a URL-encoded document, decoded) out of the warnings', () => {
    const e = explanationSample();
    e.warnings = [];
    e.policies[0]!.issues = [{ code: 'url-encoded', message: 'The document was URL-encoded; decoded.', path: '', severity: 'info' }];
    expect(renderMarkdown(e)).not.toContain('### Warnings');
    expect(renderText(e)).not.toContain('Warnings\n');
  });

  it('says near the top which of several errors the answer explains', () => {
    const out = renderMarkdown(explanationSample());
    const note = out.indexOf('_The text holds 2 different errors. This answer explains the sts:AssumeRole error;');
    expect(note).toBeGreaterThan(0);
    expect(note).toBeLessThan(out.indexOf('### Causes, best first'));
    expect(renderText(explanationSample())).toContain('The text holds 2 different errors. This answer explains the sts:AssumeRole\nerror;');
  });

  it('numbers statements in issue paths from 1, like the rest of the answer', () => {
    expect(pathWords('Statement[0].Principal')).toBe('statement 1, Principal');
    expect(pathWords('Statement[2].Principal.AWS[1]')).toBe('statement 3, Principal.AWS value 2');
    expect(pathWords('Statement.Condition.StringEquals')).toBe('statement 1, Condition.StringEquals');
    expect(pathWords('Statement[4]')).toBe('statement 5');
    expect(pathWords('Version')).toBe('Version');
    expect(pathWords('')).toBe('');
  });
});

describe('an encoded authorization message', () => {
  function encoded(): Explanation {
    const e = explanationSample();
    e.parsed.encodedMessage = 'sPwGqJ6vBHg1vPHL';
    e.causes[0]!.status = 'possible';
    e.firstSteps = [
      { description: 'See which identity the call uses.', command: 'aws sts get-caller-identity' },
      { description: 'Decode the authorization failure message.', command: 'aws sts decode-authorization-message --encoded-message sPwGqJ6vBHg1vPHL' },
    ];
    return e;
  }

  it('puts the first steps (decode it) before guessed causes, in Markdown and text', () => {
    const md = renderMarkdown(encoded());
    expect(md.indexOf('### First steps')).toBeGreaterThan(0);
    expect(md.indexOf('### First steps')).toBeLessThan(md.indexOf('### Causes, best first'));
    const txt = renderText(encoded());
    expect(txt.indexOf('First steps\n-----------')).toBeLessThan(txt.indexOf('Causes, best first'));
  });

  it('keeps the causes first once one is confirmed, or when there is no encoded message', () => {
    const confirmed = encoded();
    confirmed.causes[0]!.status = 'confirmed';
    const md = renderMarkdown(confirmed);
    expect(md.indexOf('### First steps')).toBeGreaterThan(md.indexOf('### Causes, best first'));
    const plain = encoded();
    plain.parsed.encodedMessage = null;
    const md2 = renderMarkdown(plain);
    expect(md2.indexOf('### First steps')).toBeGreaterThan(md2.indexOf('### Causes, best first'));
  });

  it('names the decode command in the fields without Markdown backticks in the text answer', () => {
    const txt = renderText(encoded());
    expect(txt).toContain('present: decode it with aws sts');
    expect(txt).not.toMatch(/`aws sts/);
    expect(renderMarkdown(encoded())).toContain('| Encoded message | present: decode it with `aws sts decode-authorization-message` (see First steps) |');
  });
});

describe('numbered lists in the text answer', () => {
  it('indents the second line of item 10 and later under its words, not under its number', () => {
    const e = explanationSample();
    const base = e.causes[2]!;
    e.causes = [...e.causes.slice(0, 2), ...Array.from({ length: 10 }, (_, i) => ({ ...base, id: `c-${i}`, title: 'A rather long cause title that needs two lines in a terminal of eighty columns' }))];
    const out = renderText(e);
    expect(out).toContain('  12. A rather long cause title that needs two lines in a terminal of eighty\n      columns [unlikely');
    expect(out).toContain('  3. A rather long cause title that needs two lines in a terminal of eighty\n     columns [unlikely');
  });
});

describe('markdown escaping helpers', () => {
  const cases: Array<[string, string, string]> = [
    ['code plain', code('sts:AssumeRole'), '`sts:AssumeRole`'],
    ['code with backtick', code('a`b'), '``a`b``'],
    ['code starting with backtick', code('`a'), '`` `a ``'],
    ['code in table escapes pipe', code('a|b', true), '`a\\|b`'],
    ['code folds newlines', code('a\nb'), '`a b`'],
    ['code empty', code(''), '—'],
    ['escape inline', escapeInline('<b>*x*</b> [l](u) _y_ a|b'), '\\<b\\>\\*x\\*\\<\\/b\\>'.replace('\\/', '/') + ' \\[l\\](u) \\_y\\_ a\\|b'],
    ['escape leading list marker', escapeInline('1. x'), '1\\. x'],
    ['prose keeps balanced backticks as code', prose('see `a|b` now', true), 'see `a\\|b` now'],
    ['prose escapes unbalanced backticks', prose('a ` b'), 'a \\` b'],
    ['fence grows past inner backticks', fence('x ```` y', 'bash'), '`````bash\nx ```` y\n`````'],
    ['fence trims trailing newlines only', fence('\n'.repeat(50_000) + 'x\n\n', 'bash'), '```bash\n' + '\n'.repeat(50_000) + 'x\n```'],
  ];
  it.each(cases)('%s', (_name, got, want) => expect(got).toBe(want));
});

describe('renderText', () => {
  it('carries the same content without markup', () => {
    const out = renderText(explanationSample());
    expect(out.startsWith('Why sts:AssumeRole was denied\n=============================\n')).toBe(true);
    expect(out).toContain('  Caller         arn:aws:sts::111111111111:assumed-role/pipeline-role/session-name');
    expect(out).toContain('1. The trust policy does not name the caller [confirmed, score 0.82]');
    expect(out).toContain('\n         aws iam get-role --role-name deploy-role --query Role.AssumeRolePolicyDocument\n');
    expect(out).toContain('(policy\n       1 "deploy-role trust", statement 1 (Sid "AllowCI"))');
    expect(out).toContain('Ruled out\n---------\n- A Deny in the trust policy matches (trust-explicit-deny)');
    expect(out).not.toMatch(/\*\*|```|^#/m);
  });

  it('wraps prose at 78 columns but never breaks a command', () => {
    const e = explanationSample();
    const long = 'aws iam put-role-policy --role-name deploy-role --policy-name a-very-long-policy-name --policy-document file://policy.json';
    e.firstSteps = [{ description: 'word '.repeat(40).trim(), command: long }];
    const out = renderText(e);
    expect(out).toContain('\n     ' + long + '\n');
    for (const line of out.split('\n')) {
      if (!line.includes('aws ') && !line.includes('arn:') && !line.includes('https://')) expect(line.length).toBeLessThanOrEqual(78);
    }
  });

  it('strips terminal escape sequences from user text', () => {
    const e = explanationSample();
    e.parsed = parsedSample({ requestId: 'abc\u001b]0;pwned\u0007\u001b[31mred\u202e' });
    const out = renderText(e);
    expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(out).toContain('abc\uFFFD]0;pwned\uFFFD\uFFFD[31mred');
  });

  it('says clearly when no authorization failure was found', () => {
    const e = explanationSample();
    e.parsed = parsedSample({ recognized: false });
    const out = renderText(e);
    expect(out).not.toContain('Causes, best first');
    expect(out.startsWith('No AWS authorization failure found\n')).toBe(true);
    expect(out).toContain('Paste the error exactly as printed');
  });
});

describe('helpers', () => {
  it('stripControls keeps tabs and newlines', () => expect(stripControls('a\tb\nc\u0000d')).toBe('a\tb\nc\uFFFDd'));
  it('wrap keeps long words whole', () => expect(wrap('x '.repeat(3) + 'y'.repeat(100), '', '  ', 20)).toBe('x x x\n  ' + 'y'.repeat(100)));
});
