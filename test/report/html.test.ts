// The HTML report as a person sees it: opened in headless Chromium (Debian's package, driven by
// playwright-core) with every network request refused, checked for the verdict, X of Y, a
// failing path's entry and payment and the chain between them; a screenshot lands in test/.output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { renderHtml } from '../../src/report/html.js';
import { passingPath, sampleCheck, samplePath, sampleReport } from './sample.js';

const output = path.join(repoRoot, 'test/.output');
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('HTML report in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requests: string[] = [];
  const reportFile = path.join(output, 'report.html');

  beforeAll(async () => {
    if (!fs.existsSync('/usr/bin/chromium')) throw new Error('Chromium is missing: apt-get install -y chromium (.ci/run does this)');
    fs.mkdirSync(output, { recursive: true });
    const r = runCli(['scan', 'examples/pitch-booking', '--check', 'confirmation-record', '--format', 'html', '-o', reportFile]);
    expect(r.status).toBe(1);
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bookfirst-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS, viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    page.on('request', (req) => requests.push(req.url()));
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(`file://${reportFile}`);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it('shows the verdict and X of Y in the summary', async () => {
    const card = page.locator('.card[data-check="confirmation-record"]');
    await expect(card.locator('.badge').innerText()).resolves.toBe('FAIL');
    await expect(card.locator('.count').innerText()).resolves.toBe('1 of 2');
    await expect(card.isVisible()).resolves.toBe(true);
    await expect(page.title()).resolves.toBe('bookfirst: 1 failing check');
  });

  it('draws the failing path as entry -> missing booking -> payment call, with the webhook write', async () => {
    const failing = page.locator('article.path.fail');
    await expect(failing.count()).resolves.toBe(1);
    await expect(failing.locator('h3').innerText()).resolves.toContain('POST /api/checkout -> stripe checkout.sessions.create');
    const steps = failing.locator('ol.chain .step');
    const texts = await steps.evaluateAll((els) => els.map((e) => [e.className.replace('step ', ''), (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()]));
    expect(texts.map(([kind]) => kind)).toEqual(['entry', 'missing', 'payment']);
    expect(texts[0]![1]).toMatch(/POST \/api\/checkout \(next-route\) src\/app\/api\/checkout\/route\.ts:5/i);
    expect(texts[1]![1]).toMatch(/the booking is created only in the webhook.*src\/app\/api\/webhooks\/stripe\/route\.ts:18/i);
    expect(texts[2]![1]).toMatch(/stripe checkout\.sessions\.create src\/app\/api\/checkout\/route\.ts:7/i);
    // Drawn left to right: each step starts to the right of, or below, the one before.
    const boxes = await Promise.all([0, 1, 2].map((i) => steps.nth(i).boundingBox()));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x > boxes[i - 1]!.x || boxes[i]!.y > boxes[i - 1]!.y).toBe(true);
    await expect(failing.locator('.arrow').count()).resolves.toBe(2);
  });

  it('shows the passing path with its booking evidence and the code excerpts', async () => {
    const passing = page.locator('article.path.pass');
    const kinds = await passing.locator('ol.chain .step').evaluateAll((els) => els.map((e) => e.className.replace('step ', '')));
    expect(kinds).toEqual(['entry', 'call', 'evidence', 'payment']);
    await expect(passing.locator('.step.evidence').innerText()).resolves.toMatch(/booking written: booking\.create \(Booking\)/);
    const focus = page.locator('article.path.fail pre .ln.focus');
    await expect(focus.innerText()).resolves.toMatch(/^7\s*const session = await stripe\.checkout\.sessions\.create\(\{/);
    const highlighted = await focus.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(highlighted).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('loads nothing but the file itself, and a screenshot is written', async () => {
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    const shot = path.join(output, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
  });
});

describe('HTML report source', () => {
  const html = renderHtml(sampleReport([sampleCheck([
    samplePath({ entry: { ...samplePath().entry, name: 'POST /x"><script>alert(1)</script>' } }),
    samplePath({ suppressed: { reason: 'desk <b>booking</b>', file: 'src/x.ts', line: 2 } }),
    passingPath(),
  ])]));

  it('is one self-contained file: inline style, no script, nothing remote, a strict CSP', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('escapes every text from the scanned code', () => {
    expect(html).toContain('POST /x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('desk &lt;b&gt;booking&lt;/b&gt;');
  });
});
