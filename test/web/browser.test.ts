/**
 * The web form in a real browser: Debian's chromium driven by playwright-core, against the real
 * app (buildApp, with its CSP) listening on a free port. JavaScript on and off, a hostile message,
 * axe-core, and screenshots in test-results/web-*.png (look at them).
 * Never a downloaded browser: without /usr/bin/chromium this fails and says how to install it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { DEFAULT_CONFIG } from '../../src/http/config.js';
import { HOSTILE } from './sample.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const ARTICLE = readFileSync(new URL('../fixtures/assumerole-article.txt', import.meta.url), 'utf8');
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/deploy-user' }, Action: 'sts:AssumeRole' }],
}, null, 2);
const HOSTILE_MESSAGE = `${HOSTILE}\nAn error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::111111111111:user/dev is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::bucket/${HOSTILE}"`;
const SHOTS = 'test-results';
const VIEWPORT = { width: 1440, height: 900 };

let app: FastifyInstance;
let base: string;
let browser: Browser;

const MISSING = `Chromium not found at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium; .ci/run does this). The browser tests never download a browser.`;
const haveChromium = existsSync(CHROMIUM);

beforeAll(async () => {
  // Without chromium every test below fails on its own (counted as failures, not skips).
  if (!haveChromium) return;
  mkdirSync(SHOTS, { recursive: true });
  // No rate limit and no event-loop-delay 503s: a loaded CI machine must not fail the form's tests.
  app = await buildApp({ ...DEFAULT_CONFIG, logLevel: 'silent', rateLimitMax: 0, maxEventLoopDelayMs: 0 });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[] }> {
  if (!haveChromium) throw new Error(MISSING);
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${base}/`);
  return { context, page, dialogs, errors };
}

/** Nothing from the hostile text became markup. */
async function expectNoInjection(page: Page, dialogs: string[]): Promise<void> {
  expect(dialogs).toEqual([]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  const scripts = await page.evaluate<string[]>("Array.from(document.scripts).map((s) => s.src || s.textContent || '')");
  expect(scripts).toEqual([`${base}/assets/app.js`]);
}

describe('web form in chromium', { timeout: 90_000 }, () => {
  it('runs Debian\'s chromium from /usr/bin/chromium', () => {
    expect(haveChromium, MISSING).toBe(true);
  });

  it('with JavaScript on: answers without a reload, rows come and go, copy works', async () => {
    const { context, page, dialogs, errors } = await open();
    // The real app's policy is in force: no inline script, no eval.
    const csp = (await page.request.get(`${base}/`)).headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });

    // The script trims the three no-JS slots to one row and shows "Add a policy".
    expect(await page.locator('.policy-row').count()).toBe(1);
    await page.click('#add-policy');
    await page.click('#add-policy');
    expect(await page.locator('.policy-row').count()).toBe(3);
    expect(await page.getAttribute('.policy-row >> nth=2 >> select', 'id')).toBe('policy-kind-2');
    await page.click('.policy-row >> nth=1 >> .remove-policy');
    expect(await page.locator('.policy-row').count()).toBe(2);
    expect(await page.getAttribute('.policy-row >> nth=1 >> label >> nth=0', 'for')).toBe('policy-kind-1');
    await page.screenshot({ path: `${SHOTS}/web-form.png`, fullPage: true });

    await page.fill('#message', ARTICLE);
    await page.selectOption('#policy-kind-0', 'trust');
    await page.fill('#policy-doc-0', TRUST);
    await page.evaluate("window.marker = 'same page'");
    let navigations = 0;
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });
    await page.click('#submit');
    await page.waitForSelector('#answer .answer-body #answer-h');

    expect(navigations).toBe(0);
    expect(await page.evaluate<string | undefined>('window.marker')).toBe('same page');
    expect(await page.locator('#answer-h').textContent()).toBe('Answer');
    expect(await page.locator('#form-status').textContent()).toBe('Answer ready.');
    // The summary, the picture and the causes came from the server.
    expect(await page.locator('#answer dl.parsed').count()).toBe(1);
    expect(await page.locator('#answer svg.decision-wide g[data-kind="trust"]').isVisible()).toBe(true);
    expect(await page.locator('#answer svg.decision-tall').isVisible()).toBe(false);
    expect(await page.locator('#answer .cause').count()).toBeGreaterThan(0);
    expect(await page.locator('#answer .policy-report .badge').first().textContent()).toMatch(/\S/);
    // The pasted text is still in the form.
    expect(await page.inputValue('#policy-doc-0')).toBe(TRUST);

    const copy = page.locator('#answer button.copy').first();
    expect(await copy.isVisible()).toBe(true);
    const codeId = await copy.getAttribute('data-copy');
    const code = await page.locator(`[id="${codeId}"]`).textContent();
    await copy.click();
    await page.waitForSelector(`button.copied[data-copy="${codeId}"]`);
    expect(await copy.textContent()).toBe('Copied');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(code);
    expect(code).toMatch(/\S/);

    await page.screenshot({ path: `${SHOTS}/web-answer-js.png`, fullPage: true });
    if (process.env.WHYDENIED_DOCS_SCREENSHOT === '1') {
      await page.evaluate("window.scrollTo(0, 0); document.querySelectorAll('textarea').forEach((t) => { t.scrollTop = 0; })");
      await page.screenshot({ path: 'docs/screenshot.png', fullPage: true, clip: { x: 0, y: 0, width: VIEWPORT.width, height: 1180 } });
    }
    await expectNoInjection(page, dialogs);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with JavaScript off: the form posts and the server renders the answer', async () => {
    const { context, page, errors } = await open({ javaScriptEnabled: false });
    expect(await page.locator('.policy-row').count()).toBe(3);
    expect(await page.locator('#add-policy').isVisible()).toBe(false);
    await page.fill('#message', ARTICLE);
    await page.selectOption('#policy-kind-1', 'trust');
    await page.fill('#policy-doc-1', TRUST);
    await Promise.all([page.waitForURL(`${base}/#answer`), page.click('#submit')]);

    expect(await page.title()).toBe('Answer — whydenied');
    expect(await page.locator('#answer-h').textContent()).toBe('Answer');
    expect(await page.locator('#answer dl.parsed').count()).toBe(1);
    expect(await page.locator('#answer .cause').count()).toBeGreaterThan(0);
    // The filled policy comes back first, with its kind, followed by empty slots.
    expect(await page.inputValue('#policy-doc-0')).toBe(TRUST);
    expect(await page.inputValue('#policy-kind-0')).toBe('trust');
    expect(await page.locator('.policy-row').count()).toBe(3);
    // Copy buttons need the script: hidden without it.
    expect(await page.locator('button.copy').count()).toBeGreaterThan(0);
    expect(await page.locator('button.copy:visible').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/web-answer-nojs.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const js of [true, false]) {
    it(`keeps a hostile message as text (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const { context, page, dialogs } = await open({ javaScriptEnabled: js });
      await page.fill('#message', HOSTILE_MESSAGE);
      await page.fill('#policy-doc-0', HOSTILE);
      if (js) {
        await page.click('#submit');
        await page.waitForSelector('#answer #answer-h');
      } else {
        await Promise.all([page.waitForURL(`${base}/#answer`), page.click('#submit')]);
        // Server-rendered: the text is in the page as escaped text.
        expect(await page.content()).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
      }
      expect(await page.inputValue('#message')).toBe(HOSTILE_MESSAGE);
      // The answer shows what was pasted as visible text (the parser may drop the spaces).
      expect(await page.locator('#answer').innerText()).toContain('alert(2)</script>');
      expect(await page.inputValue('#policy-doc-0')).toBe(HOSTILE);
      await expectNoInjection(page, dialogs);
      await page.screenshot({ path: `${SHOTS}/web-hostile-${js ? 'js' : 'nojs'}.png`, fullPage: true });
      await context.close();
    });
  }

  it('has no serious or critical axe-core violations, before and after answering', async () => {
    // axe is injected as an inline script, which the page's CSP rightly forbids: bypass it here only.
    const { context, page } = await open({ bypassCSP: true });
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    type AxeResult = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> };
    const audit = async (): Promise<string[]> => {
      if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate<AxeResult>("window.axe.run({ resultTypes: ['violations'] })");
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
    };
    await page.click('.facts > summary');
    expect(await audit()).toEqual([]);

    await page.fill('#message', ARTICLE);
    await page.fill('#policy-doc-0', TRUST);
    await page.click('#submit');
    await page.waitForSelector('#answer #answer-h');
    await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
    expect(await audit()).toEqual([]);

    // Small screen: same checks, and a picture of it.
    await page.setViewportSize({ width: 400, height: 860 });
    expect(await audit()).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(400);
    // The picture turns to one account above the other.
    expect(await page.locator('#answer svg.decision-tall').isVisible()).toBe(true);
    expect(await page.locator('#answer svg.decision-wide').isVisible()).toBe(false);
    await page.locator('#picture-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/web-mobile.png`, fullPage: false });
    await context.close();
  });

  it('is usable from the keyboard: skip link first, then the form in order', async () => {
    const { context, page } = await open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null | undefined>('document.activeElement?.textContent')).toBe('Skip to the form');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('message');
    await page.keyboard.type('An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:role/a is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/b');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#answer #answer-h');
    // Focus moves to the answer so screen readers and keyboards land on it.
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('answer-h');
    await context.close();
  });
});
