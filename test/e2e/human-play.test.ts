// Issue 15: a person negotiates against an agent in the browser on a standard domain (Theory page), by keyboard.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, screenshots, startWebSession, type WebSession } from './browser.js';
import { settle } from './settle.js';

const laptop = fileURLToPath(new URL('../fixtures/domains/laptop/', import.meta.url));
const files = ['laptop_domain.xml', 'laptop_buyer_utility.xml', 'laptop_seller_utility.xml'].map((f) =>
  join(laptop, f),
);

const press = async (page: Page, name: string) => {
  const button = page.getByRole('button', { name, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
};

describe.skipIf(!hasChromium)('human play against an agent on a standard domain', () => {
  let web: WebSession;
  // Its own build folder: browser test files run beside each other.
  beforeAll(async () => {
    web = await startWebSession({ dist: join(tmpdir(), 'sma-web-human-play') });
  }, 180_000);
  afterAll(async () => web?.close());

  it('loads the Laptop files, plays offers against Conceder by keyboard to an agreement, in English and Korean', async () => {
    const { page, errors } = web;
    await web.open('#/theory');
    await page.locator('input[type=file]').setInputFiles(files);
    const loaded = page.getByTestId('play-domain');
    // The Nash point of ANAC 2011 Laptop (buyer, seller) = (1, 0.8151): src/cli/commands/domain.test.ts's figure.
    await expect.poll(() => loaded.textContent()).toContain('27 outcomes');
    await expect(loaded.textContent()).resolves.toContain('Nash (1.0000, 0.8151)');
    await page.getByLabel('Agent', { exact: true }).selectOption('conceder');
    await page.getByLabel('Deadline (steps)', { exact: true }).fill('10');
    await press(page, 'Start');
    const moves = page.getByTestId('play-moves').locator('tbody tr');
    const cells = (row: number) => moves.nth(row).locator('td').allTextContents();
    const result = page.getByTestId('play-result');
    // The person offers the first value of every issue; Conceder answers with an offer, then, conceding with time
    // (e = 2, 10 steps), accepts the same offer at step 4.
    await press(page, 'Make this offer');
    await expect.poll(() => moves.count()).toBe(2);
    await expect(cells(1)).resolves.toEqual(expect.arrayContaining(['2', 'Agent']));
    await press(page, 'Make this offer');
    await result.waitFor();
    const mine = await cells(2);
    await expect(cells(3)).resolves.toEqual(['4', 'Agent', 'accepts', '', '']);
    // The deal is the person's offer, worth what the moves table said to each side.
    await expect(result.textContent()).resolves.toBe(
      `Agreement: ${(mine[2] ?? '').replace(/^offers /, '')}; your utility ${mine[3]}, their utility ${mine[4]}`,
    );

    // Again against Boulware (e = 0.2), accepting its first offer: the deal is that offer.
    await page.getByLabel('Agent', { exact: true }).selectOption('boulware');
    await press(page, 'Start again');
    await press(page, 'Make this offer');
    await expect.poll(() => moves.count()).toBe(2);
    const theirs = await cells(1);
    await press(page, 'Accept their offer');
    await expect(result.textContent()).resolves.toBe(
      `Agreement: ${(theirs[2] ?? '').replace(/^offers /, '')}; your utility ${theirs[3]}, their utility ${theirs[4]}`,
    );
    await expect(cells(2)).resolves.toEqual(['3', 'You', 'accepts', '', '']);
    await page.locator('.chart[data-drawn="true"]').last().waitFor();
    await settle(page);
    await page.screenshot({ path: join(screenshots, 'theory-play.png'), fullPage: true });
    await expect(axeViolations(page)).resolves.toEqual([]);

    // In Korean, the same game's page reads whole in Korean and stays accessible.
    await page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ko');
    await expect(result.textContent()).resolves.toMatch(/^합의: /);
    await expect(page.getByRole('heading', { name: '표준 도메인에서 에이전트와 협상하기' }).count()).resolves.toBe(1);
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('names the file, the field and what was expected when a file is bad, in the language chosen', async () => {
    const { page } = web;
    await web.open('#/theory');
    // The previous test left the app in Korean (a stored choice): this one starts in English by its own click.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('input[type=file]').setInputFiles([
      { name: 'laptop_domain.xml', mimeType: 'text/xml', buffer: readFileSync(files[0] as string) },
      { name: 'laptop_buyer_utility.xml', mimeType: 'text/xml', buffer: readFileSync(files[1] as string) },
      { name: 'broken.xml', mimeType: 'text/xml', buffer: Buffer.from('<utility_space><objective') },
    ]);
    const alert = page.getByRole('alert').filter({ hasText: 'broken.xml' });
    await alert.waitFor();
    // `file[:line:column]: path: expected …, found …`, as `sma domain stats` prints it.
    await expect(alert.textContent()).resolves.toMatch(
      /^broken\.xml:1:\d+: \(root\): expected well-formed XML, found .+/,
    );
    // The same problem, worded again from its code when the reader switches language (the parser's English left out).
    await page.getByRole('button', { name: '한국어' }).click();
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^broken\.xml:1:\d+: \(root\): 올바른 형식의 XML이어야 합니다$/);
  });
});
