import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, chromiumPath } from './browser.js';
import { buildWeb, webDist } from './build-web.js';
import { startStaticServer } from './static-server.js';

// Lets lazy chunks, API answers and chart animations finish before a screenshot.
const settle = async (p: Page): Promise<void> => {
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(1200);
};

const screenshots = join(process.cwd(), 'test-results', 'screenshots');

if (!hasChromium) {
  console.warn(`SKIPPED web end-to-end tests: no browser at ${chromiumPath} (apt-get install -y chromium).`);
}

describe.skipIf(!hasChromium)('web app in headless chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let stop: () => Promise<void>;
  const errors: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    const srv = await startStaticServer(webDist);
    base = srv.url;
    stop = srv.close;
    context = await launchChromium();
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await stop?.();
  });

  const open = async (hash: string): Promise<void> => {
    await page.goto(`${base}/${hash}`);
    await page.locator('main h1').waitFor();
  };

  it.each(['record', 'calculator', 'compare', 'simulate', 'theory'])(
    'loads the %s page with its heading',
    async (p) => {
      await open(`#/${p}`);
      await expect(page.locator(`nav a[aria-current="page"]`).getAttribute('href')).resolves.toBe(`#/${p}`);
      await settle(page);
      await page.screenshot({ path: join(screenshots, `${p}.png`), fullPage: true });
      expect(errors).toEqual([]);
    },
  );

  it('draws the theory charts and recomputes the Rubinstein split when δ₂ changes', async () => {
    await open('#/theory');
    // Rubinstein 1982 with δ1 = 0.9, δ2 = 0.8: x1 = 0.2 / 0.28 = 0.7143 (research-vectors.md, item 1)
    await expect(page.getByTestId('rubinstein-x1').textContent()).resolves.toContain('0.7143');
    await page.locator('.chart[data-drawn="true"]').first().waitFor();
    const d2 = page.getByLabel('δ₂ (player 2)', { exact: true }).and(page.locator('input[type=number]'));
    await d2.fill('0.9');
    // δ1 = δ2 = 0.9: x1 = 1 / 1.9 = 0.5263
    await expect(page.getByTestId('rubinstein-x1').textContent()).resolves.toContain('0.5263');
    expect(page.url()).toContain('d2=0.9');
    // Kalai–Smorodinsky on u2 = 1 − u1², d = 0: (√5 − 1)/2 = 0.6180 (research-vectors.md, item 6)
    await expect(page.getByTestId('axiomatic-points').textContent()).resolves.toContain('(0.6180, 0.6180)');
  });

  it('shows a validation message beside a field with an out-of-range value', async () => {
    await open('#/theory');
    const d1 = page
      .getByLabel('δ₁ (player 1, first proposer)', { exact: true })
      .and(page.locator('input[type=number]'));
    await d1.fill('1.5');
    await expect(d1.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('alert').first().textContent()).resolves.toBe('Enter a number between 0 and 0.99.');
  });

  it('switches to Korean and back, with Korean labels and the page language set', async () => {
    await open('#/theory');
    await page.getByRole('button', { name: '한국어' }).click();
    await expect(page.locator('main h1').textContent()).resolves.toBe('협상 이론');
    await expect(page.locator('nav').textContent()).resolves.toContain('계산기');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
    await settle(page);
    await page.screenshot({ path: join(screenshots, 'theory-ko.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('main h1').textContent()).resolves.toBe('Bargaining theory');
  });

  it('downloads a chart as PNG and SVG and a table as CSV', async () => {
    await open('#/theory');
    await page.locator('.chart[data-drawn="true"]').first().waitFor();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^PNG — Rubinstein/ }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('rubinstein-split.png');
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^SVG — Rubinstein/ }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('rubinstein-split.svg');
    expect(readFileSync(await svg.path(), 'utf8')).toContain('<svg');
    await page.getByText('Table and CSV').click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /^CSV — / })
        .first()
        .click(),
    ]);
    expect(csv.suggestedFilename()).toBe('stahl-finite-horizon.csv');
    // Ståhl 1972, δ = 0.9: x1(1) = 1, x1(2) = 0.1 (research-vectors.md, item 3)
    const lines = readFileSync(await csv.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['T,x₁(T)', '1,1', '2,0.09999999999999998']);
  });

  it('fits a phone-sized screen without horizontal scrolling', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}/#/theory`);
    await phone.locator('main h1').waitFor();
    await settle(phone);
    const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    await phone.screenshot({ path: join(screenshots, 'theory-phone.png'), fullPage: true });
    await phone.close();
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
