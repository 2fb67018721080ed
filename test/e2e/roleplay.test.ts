import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './browser.js';
import { buildWeb } from './build-web.js';
import { hasRealServer, startApp } from './app-server.js';

const screenshots = join(process.cwd(), 'test-results', 'screenshots');

// Two browsers (one per seat) against the real server: the role-play page's live channel is server-sent events.
describe.skipIf(!hasChromium || !hasRealServer)('role-play page with the real server', () => {
  let base: string;
  let stop: () => Promise<void>;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    // Its own build folder: web.test.ts rebuilds web/dist while this file runs beside it.
    const dist = mkdtempSync(join(tmpdir(), 'sma-web-roleplay-'));
    await buildWeb(dist);
    const srv = await startApp(dist);
    base = srv.url;
    stop = srv.close;
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await stop?.();
  });

  const newPage = async (): Promise<Page> => {
    const context = await launchChromium();
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };

  /** The facilitator creates a table; returns the facilitator's page and the seats' links. */
  const createTable = async (rok: 'people' | 'boulware') => {
    const facilitator = await newPage();
    await facilitator.goto(`${base}/#/roleplay`);
    await facilitator.locator('main h1').waitFor();
    await facilitator.locator('#rp-scenario option[value="sma-11-talks"]').waitFor({ state: 'attached' });
    await facilitator.selectOption('#rp-scenario', 'sma-11-talks');
    await facilitator.selectOption('#rp-player-rok', rok);
    await facilitator.getByRole('button', { name: 'Create table' }).click();
    const href = async (seat: string) => (await facilitator.getByTestId(`link-${seat}`).getAttribute('href')) ?? '';
    await facilitator.getByTestId('link-facilitator').waitFor();
    const links = { facilitator: await href('facilitator'), us: await href('us') };
    const rokLink = rok === 'people' ? await href('rok') : null;
    expect(links.us).toMatch(/^#\/roleplay\?token=[\w-]{43}$/);
    await facilitator.goto(`${base}/${links.facilitator}`);
    await facilitator.getByRole('button', { name: 'End the table' }).waitFor();
    return { facilitator, us: links.us, rok: rokLink };
  };

  const offer = async (page: Page, firstYear: string, duration: string, index: string, message: string) => {
    await page.fill('#rp-issue-first-year-change', firstYear);
    await page.fill('#rp-issue-duration', duration);
    await page.selectOption('#rp-issue-escalation-index', index);
    await page.fill('#rp-message', message);
    // The draft's score comes from the server (me/score) as the form changes.
    await expect
      .poll(async () => page.getByTestId('rp-draft-score').textContent(), { timeout: 10_000 })
      .toMatch(/^\d\.\d{3}$/);
    await page.getByRole('button', { name: 'Send offer' }).click();
  };

  it('plays the US seat against a ROK agent while the facilitator watches live, ends the table and sees the debrief', async () => {
    const { facilitator, us: usLink } = await createTable('boulware');
    const us = await newPage();
    await us.goto(`${base}/${usLink}`);
    await us.getByRole('button', { name: 'Send offer' }).and(us.locator(':enabled')).waitFor();
    // My confidential brief only, never the other side's.
    await expect(us.locator('summary', { hasText: 'Confidential brief' }).count()).resolves.toBe(1);
    await offer(us, '0.5', '5', 'rok-cpi', 'Fifty percent, five years');
    // The agent answers right after the US move; the US page shows it (agent row) without any click.
    await us.locator('[data-testid=rp-history] td', { hasText: '(agent)' }).first().waitFor({ timeout: 30_000 });
    await expect(us.getByTestId('rp-history').textContent()).resolves.toContain('Fifty percent, five years');
    // The facilitator's page never fetched after loading: the move arrives over the event stream.
    await facilitator
      .locator('[data-testid=rp-history] td', { hasText: 'Fifty percent, five years' })
      .waitFor({ timeout: 30_000 });
    await facilitator.getByRole('button', { name: 'End the table' }).click();
    await facilitator.getByTestId('rp-debrief').waitFor({ timeout: 30_000 });
    await facilitator.locator('[data-testid=rp-debrief] .chart[data-drawn="true"]').waitFor({ timeout: 30_000 });
    await expect(facilitator.getByTestId('rp-status').textContent()).resolves.toContain('ended');
    // The US page learns of the end live too: its buttons are disabled.
    await expect
      .poll(async () => us.getByRole('button', { name: 'Send offer' }).isDisabled(), { timeout: 10_000 })
      .toBe(true);
    await us.waitForTimeout(800);
    await us.screenshot({ path: join(screenshots, 'roleplay-us.png'), fullPage: true });
    await facilitator.waitForTimeout(1200);
    await facilitator.screenshot({ path: join(screenshots, 'roleplay-facilitator.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);

  it('lets two human seats in two browsers reach a deal on the 11th SMA terms', async () => {
    const { facilitator, us: usLink, rok: rokLink } = await createTable('people');
    const us = await newPage();
    const rok = await newPage();
    await us.goto(`${base}/${usLink}`);
    await rok.goto(`${base}/${rokLink ?? ''}`);
    await us.getByRole('button', { name: 'Send offer' }).and(us.locator(':enabled')).waitFor();
    await rok.getByTestId('rp-header').waitFor();
    // The 11th SMA as concluded: +13.9 % in 2021, 5 years, defense-budget growth (agreements.json sma-11)
    await offer(us, '0.139', '5', 'rok-defense-budget-growth', 'The real deal');
    await rok.locator('[data-testid=rp-history] td', { hasText: 'The real deal' }).waitFor({ timeout: 30_000 });
    await rok.getByRole('button', { name: 'Accept the standing offer' }).and(rok.locator(':enabled')).waitFor();
    await rok.getByRole('button', { name: 'Accept the standing offer' }).click();
    for (const p of [us, rok, facilitator])
      await p.getByText('Agreement:', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(us.getByTestId('rp-history').textContent()).resolves.toContain('accept');
    await rok.screenshot({ path: join(screenshots, 'roleplay-rok-deal.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);
  it('tells a seat whose teammate moved first that it was refreshed (409) and shows the newer offer', async () => {
    const { us: usLink } = await createTable('people');
    const us = await newPage();
    // This browser misses the live push, so it decides on a stale view as a slow connection would.
    await us.route('**/api/roleplay/me/events**', (route) => route.abort());
    await us.goto(`${base}/${usLink}`);
    await us.getByRole('button', { name: 'Send offer' }).and(us.locator(':enabled')).waitFor();
    // A teammate holding the same US link moves first.
    const token = usLink.split('token=')[1] ?? '';
    const res = await fetch(`${base}/api/roleplay/me/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'mate-1' },
      body: JSON.stringify({
        action: {
          type: 'offer',
          outcome: { 'first-year-change': 1, duration: 3, 'escalation-index': 'none', 'escalation-rate': 0.1 },
          message: 'Teammate first',
        },
        expectedSeq: 0,
      }),
    });
    expect(res.status).toBe(201);
    await offer(us, '0.5', '5', 'rok-cpi', 'Too late');
    await expect(us.getByTestId('rp-notice').textContent()).resolves.toBe(
      'The other side moved first — refreshed. Look again and decide.',
    );
    await expect(us.getByTestId('rp-history').textContent()).resolves.toContain('Teammate first');
    await expect(us.getByTestId('rp-history').textContent()).resolves.not.toContain('Too late');
    expect(errors).toEqual([]);
  }, 90_000);
});
