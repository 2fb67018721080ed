import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './browser.js';
import { buildWeb } from './build-web.js';
import { hasRealServer, startApp } from './app-server.js';
import { settle } from './settle.js';
import { parse } from 'yaml';

/** The browser globals these tests use inside pages (this project's TypeScript has no DOM library). */
interface BrowserGlobals {
  localStorage: { setItem(key: string, value: string): void };
  streamed: string[];
}

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

  const newPage = async (lang?: 'ko'): Promise<Page> => {
    const context = await launchChromium();
    contexts.push(context);
    if (lang)
      await context.addInitScript(
        (l) => (globalThis as unknown as BrowserGlobals).localStorage.setItem('sma-lang', l),
        lang,
      );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };

  /** The facilitator creates a table; returns the facilitator's page and the seats' links. */
  /** A table of sma-11-talks from the facilitator's page; a seed makes its agents and Assembly votes replayable. */
  const createTable = async (rok: 'people' | 'boulware', seed?: number) => {
    const facilitator = await newPage();
    await facilitator.goto(`${base}/#/roleplay`);
    await facilitator.locator('main h1').waitFor();
    await facilitator.locator('#rp-scenario option[value="sma-11-talks"]').waitFor({ state: 'attached' });
    await facilitator.selectOption('#rp-scenario', 'sma-11-talks');
    await facilitator.selectOption('#rp-player-rok', rok);
    if (seed !== undefined) await facilitator.fill('#rp-seed', String(seed));
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

  // The first-year field takes percent, as its label shows (+0.0 % – +470.0 %): '13.9' offers +13.9 %.
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
    await offer(us, '50', '5', 'rok-cpi', 'Fifty percent, five years');
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
    await settle(us);
    await us.screenshot({ path: join(screenshots, 'roleplay-us.png'), fullPage: true });
    await settle(facilitator);
    await facilitator.screenshot({ path: join(screenshots, 'roleplay-facilitator.png'), fullPage: true });
    // The printable debrief of this table: the lapse figures of the real talks under the scenario's 3,996 (about
    // 4,000) furloughed workers, prorated by day from 1 April to the 15 June return: 3,996 × (2 + 14/30) = 9,857.
    await facilitator.getByRole('link', { name: 'Printable page' }).click();
    await printed(
      facilitator,
      ['ended by the facilitator', 'No deal', 'Real outcome (concluded 2021-03-07)', '9,857', 'Left on the table'],
      'roleplay-table-debrief',
    );
    expect(errors).toEqual([]);
  }, 90_000);

  it('lets two human seats in two browsers reach a deal on the 11th SMA terms', async () => {
    // Seed 4: the Assembly passes +13.9 % at this table (it does about 83 % of the time; service.test.ts pins seeds 4
    // and 1). Regression pin: seed 1 passed before each sitting was drawn from its exact distribution, and fails now.
    const { facilitator, us: usLink, rok: rokLink } = await createTable('people', 4);
    const us = await newPage();
    const rok = await newPage();
    await us.goto(`${base}/${usLink}`);
    await rok.goto(`${base}/${rokLink ?? ''}`);
    await us.getByRole('button', { name: 'Send offer' }).and(us.locator(':enabled')).waitFor();
    await rok.getByTestId('rp-header').waitFor();
    // The 11th SMA as concluded: +13.9 % in 2021, 5 years, defense-budget growth (agreements.json sma-11)
    await offer(us, '13.9', '5', 'rok-defense-budget-growth', 'The real deal');
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
    await offer(us, '50', '5', 'rok-cpi', 'Too late');
    await expect(us.getByTestId('rp-notice').textContent()).resolves.toBe(
      'The other side moved first — refreshed. Look again and decide.',
    );
    await expect(us.getByTestId('rp-history').textContent()).resolves.toContain('Teammate first');
    await expect(us.getByTestId('rp-history').textContent()).resolves.not.toContain('Too late');
    expect(errors).toEqual([]);
  }, 90_000);

  /** A seat's action through the API, as another browser or a teammate would send it. */
  const api = async (token: string, body: unknown, method = 'POST', path = '/me/actions') => {
    const res = await fetch(`${base}/api/roleplay${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(method === 'POST' ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {}),
      },
      ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, text: await res.text() };
  };
  const tokenOf = (href: string | null): string =>
    new URLSearchParams((href ?? '').split('?')[1] ?? '').get('token') ?? '';
  // The 11th SMA as concluded: +13.9 % in 2021, 5 years, defense-budget growth (agreements.json sma-11)
  const realDeal = {
    'first-year-change': 0.139,
    duration: 5,
    'escalation-index': 'rok-defense-budget-growth',
    'escalation-rate': 0.1,
  };

  it('runs a class of four tables: handout links and CSV, a live board with per-table and all-table controls, the class debrief and its printed page', async () => {
    const setup = await newPage();
    await setup.goto(`${base}/#/roleplay`);
    await setup.locator('#rp-scenario option[value="sma-11-talks"]').waitFor({ state: 'attached' });
    await setup.selectOption('#rp-scenario', 'sma-11-talks');
    await setup.fill('#rp-class-label', 'Seminar 7');
    await setup.fill('#rp-class-count', '4');
    // Table 2: people against a tough ROK agent; table 3: two agents; tables 1 and 4: people only.
    await setup.selectOption('[data-testid=rp-class-player-1-rok]', 'boulware');
    await setup.selectOption('[data-testid=rp-class-player-2-us]', 'conceder');
    await setup.selectOption('[data-testid=rp-class-player-2-rok]', 'tft');
    await setup.getByRole('button', { name: 'Create class' }).click();
    await setup.getByTestId('rp-class-handout').waitFor({ timeout: 60_000 });
    const href = async (id: string) => setup.getByTestId(id).getAttribute('href');
    const seats = {
      t1us: tokenOf(await href('class-link-0-us')),
      t1rok: tokenOf(await href('class-link-0-rok')),
      t2us: tokenOf(await href('class-link-1-us')),
      t4us: tokenOf(await href('class-link-3-us')),
    };
    for (const t of Object.values(seats)) expect(t).toMatch(/^[\w-]{43}$/);
    // Agent seats get no link: the handout names the strategy instead.
    await expect(setup.getByTestId('class-link-1-rok').count()).resolves.toBe(0);
    await expect(setup.getByTestId('rp-class-handout').textContent()).resolves.toContain(
      'agent: time-dependent e = 0.2',
    );
    // The handout says the links are shown once, before anything else.
    await expect(setup.getByTestId('rp-links-once').textContent()).resolves.toContain('shown only this once');
    const [download] = await Promise.all([
      setup.waitForEvent('download'),
      setup.getByRole('button', { name: 'Download the links (CSV)' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // A header, the facilitator, two seats per table.
    expect(csv).toHaveLength(2 + 4 * 2);
    expect(csv[0]).toBe('Table,Side,Link');
    expect(csv.filter((r) => r.includes('#/roleplay?token='))).toHaveLength(1 + 5);
    expect(csv).toContain(`Table 1,US delegation,${base}/#/roleplay?token=${seats.t1us}`);
    await setup.emulateMedia({ media: 'print' });
    await expect(setup.getByRole('button', { name: 'Create class' }).isVisible()).resolves.toBe(false);
    await expect(setup.getByTestId('class-link-0-us').isVisible()).resolves.toBe(true);
    await setup.emulateMedia({ media: 'screen' });

    const boardHref = (await href('class-link-facilitator')) ?? '';
    const board = setup;
    await board.goto(`${base}/${boardHref}`);
    const row = (i: number) => board.getByTestId(`board-row-${i}`);
    await row(3).waitFor({ timeout: 30_000 });
    // The two agents played their table out when the class was created.
    await expect(row(2).getAttribute('data-phase')).resolves.toBe('ended');
    // round 1's session, 24–25 September 2019 (event sma11-2019-09-24-round)
    await expect(row(0).locator('.board-round').textContent()).resolves.toBe('1/15 · 2019-09-24 – 2019-09-25');

    // Table 1 agrees on +5 %: the 20th Assembly consents to it with certainty (its odds in the ROK brief: 100.0 %),
    // where the real +13.9 % passes only 83.1 % of the time. The board learns of each move over its event stream.
    const sureDeal = { ...realDeal, 'first-year-change': 0.05 };
    expect(
      (await api(seats.t1us, { action: { type: 'offer', outcome: sureDeal, message: 'A sure deal' } })).status,
    ).toBe(201);
    await row(0).locator('.board-last', { hasText: 'A sure deal' }).waitFor({ timeout: 30_000 });
    expect((await api(seats.t1rok, { action: { type: 'accept' } })).status).toBe(201);
    await row(0).locator('.board-result', { hasText: 'Deal: first-year increase +5.0 %' }).waitFor({ timeout: 30_000 });
    await expect(row(0).locator('.board-result').textContent()).resolves.toMatch(/Assembly: \d+ for, \d+ against/);
    // Table 2: the agent answers the US offer at once.
    expect(
      (await api(seats.t2us, { action: { type: 'offer', outcome: { ...realDeal, 'first-year-change': 0.5 } } })).status,
    ).toBe(201);
    await row(1).locator('.board-last', { hasText: 'Republic of Korea (agent)' }).waitFor({ timeout: 30_000 });
    await expect(row(1).locator('.board-round').textContent()).resolves.toBe('2/15 · 2019-10-23 – 2019-10-24');

    // Per table: pause table 4, then extend every open table by two rounds, then end them all.
    await row(3).getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => row(3).getAttribute('data-phase'), { timeout: 10_000 }).toBe('paused');
    await expect((await api(seats.t4us, { action: { type: 'offer', outcome: realDeal } })).status).toBe(409);
    await board.getByRole('button', { name: 'Extend all' }).click();
    await row(3).locator('.board-round', { hasText: '1/17' }).waitFor({ timeout: 10_000 });
    await row(1).locator('.board-round', { hasText: '/17' }).waitFor({ timeout: 10_000 });
    // "End all" asks first, in a dialog: not the page's primary button; Escape cancels (nothing ends), then the
    // keyboard alone confirms (Tab from Cancel, which has the focus, to the confirm button, Enter).
    const endAll = board.getByRole('button', { name: 'End all', exact: true });
    await expect(endAll.getAttribute('class')).resolves.not.toContain('primary');
    await endAll.click();
    const dialog = board.getByRole('dialog', { name: 'End every table?' });
    await dialog.waitFor();
    await expect(dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b.matches(':focus'))).resolves.toBe(
      true,
    );
    await board.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(row(3).getAttribute('data-phase')).resolves.toBe('paused');
    await endAll.focus();
    await board.keyboard.press('Enter');
    await dialog.waitFor();
    await board.keyboard.press('Tab');
    await expect(
      dialog.getByRole('button', { name: 'End all tables' }).evaluate((b) => b.matches(':focus')),
    ).resolves.toBe(true);
    await board.keyboard.press('Enter');
    for (const i of [0, 1, 2, 3])
      await expect.poll(() => row(i).getAttribute('data-phase'), { timeout: 10_000 }).toBe('ended');
    await expect(board.getByTestId('rp-class-notice').count()).resolves.toBe(0);
    await settle(board);
    await board.screenshot({ path: join(screenshots, 'roleplay-class-board.png'), fullPage: true });

    await board.getByRole('button', { name: 'Show the class debrief' }).click();
    const debrief = board.getByTestId('rp-class-debrief');
    await debrief.waitFor({ timeout: 30_000 });
    await expect(board.getByTestId('rp-class-summary').textContent()).resolves.toMatch(/^Tables: 4 · Deals: [12] /);
    const pairings = (await board.getByTestId('rp-class-pairings').textContent()) ?? '';
    for (const p of ['people vs people', 'people vs agent', 'agent vs agent']) expect(pairings).toContain(p);
    // The real talks: concluded 2021-03-07 after 15 months of lapse (agreements.json sma-11).
    await expect(board.getByTestId('rp-class-real').textContent()).resolves.toContain(
      'concluded 2021-03-07 after 15 months of lapse',
    );
    const tables = (await board.getByTestId('rp-class-tables').textContent()) ?? '';
    // Table 1 at +5 %, 5 years, defense-budget growth: US 0.8 × 0.05/4.7 + 0.1 × 0.2 + 0.1 = 0.129, ROK 0.8 × 0.95
    // + 0.1 × 0.8 + 0.1 × 0.6 = 0.900. Against the reservation values before the lapse (the YAML's US 0.21, ROK 0.972)
    // the joint surplus is (0.129 − 0.21) + (0.900 − 0.972) = −0.153: in October 2019 no outcome beats no deal for both
    // sides, so there is no Nash point (—); the table's deal only becomes good for both as the lapse lowers them.
    expect(tables).toContain('Table 1people vs peoplefirst-year increase +5.0 %');
    expect(tables).toContain('0.129 / 0.900-0.153 / —');
    await board.locator('[data-testid=rp-class-debrief] .chart[data-drawn="true"]').nth(1).waitFor({ timeout: 30_000 });
    await settle(board);
    await debrief.screenshot({ path: join(screenshots, 'roleplay-class-debrief.png') });

    // The printable class debrief: no controls, the key figures and their sources, an A4 PDF.
    await board.goto(`${base}/#/roleplay?token=${tokenOf(boardHref)}&print=1`);
    await printed(
      board,
      ['Tables: 4', 'concluded 2021-03-07 after 15 months of lapse', '0.129 / 0.900-0.153 / —'],
      'roleplay-class-debrief',
    );
    expect(errors).toEqual([]);
  }, 180_000);

  /** Checks a printable page in print media: figures present, sources listed, no control visible, a real PDF. */
  const printed = async (page: Page, figures: readonly string[], name: string) => {
    await page.getByTestId('rp-print').waitFor({ timeout: 30_000 });
    await page.getByTestId('rp-sources').waitFor();
    await page.locator('[data-testid=rp-print] .chart[data-drawn="true"]').first().waitFor({ timeout: 30_000 });
    await page.emulateMedia({ media: 'print' });
    const text = (await page.getByTestId('rp-print').textContent()) ?? '';
    for (const f of figures) expect(text).toContain(f);
    expect(text).toContain('Sources of the figures');
    for (const b of await page.getByRole('button').all()) await expect(b.isVisible()).resolves.toBe(false);
    await expect(page.locator('header.top').isVisible()).resolves.toBe(false);
    // Every chart fits the A4 text width (210 mm − 2 × 15 mm margins = 180 mm ≈ 680 CSS px).
    // Nothing is wider than the sheet's text: no table cut off at the right margin.
    for (const t of await page.locator('[data-testid=rp-print] table').all())
      expect((await t.boundingBox())?.width ?? 999).toBeLessThanOrEqual(681);
    for (const c of await page.locator('.chart').all())
      expect((await c.boundingBox())?.width ?? 999).toBeLessThanOrEqual(681);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    writeFileSync(join(screenshots, `${name}.pdf`), pdf);
    // What the sheet looks like: print media at the A4 width (210 mm = 794 CSS px).
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 794, height: 1123 });
    await settle(page);
    await page.screenshot({ path: join(screenshots, `${name}-print.png`), fullPage: true });
    if (viewport) await page.setViewportSize(viewport);
    await page.emulateMedia({ media: 'screen' });
    return pdf;
  };

  it("keeps a side's notes written in its browser across a reload and never sends them to the other side's browser", async () => {
    const created = await fetch(`${base}/api/roleplay/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'sma-11-talks', label: 'Notes table' }),
    });
    const { tokens } = (await created.json()) as { tokens: { facilitator: string; us: string; rok: string } };
    const us = await newPage();
    const rok = await newPage();
    // Everything the ROK browser receives from the API, read as text (the event stream separately, below).
    const received: string[] = [];
    rok.on('response', (r) => {
      if (r.url().includes('/api/roleplay/') && !r.url().includes('/me/events'))
        void r.text().then(
          (t) => received.push(t),
          () => undefined,
        );
    });
    await us.goto(`${base}/#/roleplay?token=${tokens.us}`);
    await rok.goto(`${base}/#/roleplay?token=${tokens.rok}`);
    await rok.getByTestId('rp-header').waitFor();
    // The ROK browser's own event stream, recorded in the page as the app's would be.
    await rok.evaluate((t) => {
      const w = globalThis as unknown as BrowserGlobals;
      w.streamed = [];
      // As the app reads it: the token in a header, never in the URL (docs/security.md).
      void fetch('/api/roleplay/me/events', { headers: { authorization: `Bearer ${t}` } }).then(async (res) => {
        const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffered += value;
          const events = buffered.split('\n\n');
          buffered = events.pop() ?? '';
          for (const e of events) {
            const data = /^data: (.*)$/m.exec(e)?.[1];
            if (data !== undefined) w.streamed.push(data);
          }
        }
      });
    }, tokens.rok);
    const secret = 'Washington can go to +50 % if pushed; keep this from Seoul';
    await us.fill('#rp-note', secret);
    await us.getByRole('button', { name: 'Save note' }).click();
    await us.getByTestId('rp-notes-us').getByText(secret).waitFor({ timeout: 10_000 });
    await us.reload();
    await us.getByTestId('rp-notes-us').getByText(secret).waitFor({ timeout: 10_000 });
    // A move after the note, so the ROK stream carries views from after the note was written.
    await offer(us, '50', '5', 'rok-cpi', 'After the note');
    await rok.locator('[data-testid=rp-history] td', { hasText: 'After the note' }).waitFor({ timeout: 30_000 });
    const streamed = await rok.evaluate(() => (globalThis as unknown as BrowserGlobals).streamed ?? []);
    expect(streamed.length).toBeGreaterThanOrEqual(2);
    await rok.reload();
    await rok.getByTestId('rp-header').waitFor();
    await rok.locator('[data-testid=rp-history] td', { hasText: 'After the note' }).waitFor({ timeout: 30_000 });
    expect(received.length).toBeGreaterThanOrEqual(2);
    for (const body of [...received, ...streamed]) expect(body).not.toContain('keep this from Seoul');
    await expect(rok.locator('body').textContent()).resolves.not.toContain('keep this from Seoul');
    await expect(rok.getByTestId('rp-notes-rok').textContent()).resolves.toContain('No notes yet.');
    await expect(rok.getByTestId('rp-notes-us').count()).resolves.toBe(0);
    // The facilitator reads both sides' notes.
    const facilitator = await newPage();
    await facilitator.goto(`${base}/#/roleplay?token=${tokens.facilitator}`);
    await facilitator.getByTestId('rp-notes-us').getByText(secret).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  }, 90_000);

  it('shows a Korean seat its brief, controls and numbers in Korean', async () => {
    const created = await fetch(`${base}/api/roleplay/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'sma-11-talks', label: '서울 테이블' }),
    });
    const { tokens } = (await created.json()) as { tokens: { us: string; rok: string } };
    expect(
      (await api(tokens.us, { action: { type: 'offer', outcome: realDeal, message: '실제 합의안' } })).status,
    ).toBe(201);
    const rok = await newPage('ko');
    await rok.goto(`${base}/#/roleplay?token=${tokens.rok}`);
    await rok.getByTestId('rp-header').waitFor();
    await expect(rok.locator('html').getAttribute('lang')).resolves.toBe('ko');
    // Glossary terms: 대외비 brief, 유보가치, 첫해 인상률, 국방비 증가율, 제안, 협상 결렬, 국회 비준 동의, 무급휴직.
    await rok.locator('summary', { hasText: '대외비 — 한국 대표단' }).waitFor();
    const page = (await rok.locator('main').textContent()) ?? '';
    // The ROK's reservation value before any lapse: data/scenarios/sma-11-talks.yaml parties.rok.reservation.
    const reservation = (
      parse(readFileSync('data/scenarios/sma-11-talks.yaml', 'utf8')) as { parties: { rok: { reservation: number } } }
    ).parties.rok.reservation.toFixed(3);
    expect(page).toContain(`2019년 9월 24일 기준 유보가치(협상 결렬 시 가치)는 ${reservation}`);
    expect(page).toContain('한국인 근로자 9,000명');
    expect(page).toContain('제20대 국회 비준 동의 가능성');
    // round 1 sat on 24–25 September 2019 (event sma11-2019-09-24-round): the clock shows the session's days
    await expect(rok.getByTestId('rp-clock').textContent()).resolves.toContain('1/15차, 2019년 9월 24~25일');
    await expect(rok.getByTestId('rp-status').textContent()).resolves.toContain('차례: 대한민국');
    await expect(rok.getByTestId('rp-reservation').textContent()).resolves.toBe(reservation);
    // The US offer in the history, in Korean terms and formats: +13.9% (no space), 5년, 국방비 증가율.
    await expect(rok.getByTestId('rp-history').textContent()).resolves.toContain(
      '첫해 인상률 +13.9%, 협정 기간 5년, 인상 지표 국방비 증가율',
    );
    await expect(rok.locator('label[for=rp-issue-first-year-change]').textContent()).resolves.toBe(
      '첫해 인상률 (+0.0% – +470.0%)',
    );
    await expect(rok.locator('#rp-issue-escalation-index option[value=rok-cpi]').textContent()).resolves.toBe(
      '소비자물가지수(CPI) 증가율',
    );
    for (const name of ['제안 보내기', '현재 제안 수락', '협상 결렬', '메모 저장'])
      await rok.getByRole('button', { name }).waitFor();
    await expect(rok.getByRole('button', { name: '현재 제안 수락' }).isEnabled()).resolves.toBe(true);
    await rok.screenshot({ path: join(screenshots, 'roleplay-rok-ko.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);

  it('lets a Korean ROK seat consult the backtable before and after the facilitator releases the 2020 election', async () => {
    const created = await fetch(`${base}/api/roleplay/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'sma-11-talks', label: '본국 협의 테이블' }),
    });
    const { tokens } = (await created.json()) as { tokens: { us: string; rok: string; facilitator: string } };
    expect((await api(tokens.us, { action: { type: 'offer', outcome: realDeal } })).status).toBe(201);
    const rok = await newPage('ko');
    await rok.goto(`${base}/#/roleplay?token=${tokens.rok}`);
    await rok.getByTestId('rp-backtable').waitFor();
    // The draft starts from the standing +13.9 % offer: the 20th Assembly consents with probability 83.1 % (the
    // ratification model's exact distribution, pinned in backtable.test.ts).
    await rok.getByTestId('rp-backtable-consult').click();
    await rok.locator('[data-testid=rp-backtable-assembly]', { hasText: '제20대 국회' }).waitFor();
    await expect(rok.getByTestId('rp-backtable-assembly').textContent()).resolves.toContain('비준 동의 확률 83.1%');
    const facilitator = await newPage('ko');
    await facilitator.goto(`${base}/#/roleplay?token=${tokens.facilitator}`);
    await facilitator.getByTestId('rp-news-election').click();
    await facilitator.locator('[data-testid=rp-news]', { hasText: '제21대 국회' }).waitFor();
    // The seat's page hears the news live; its backtable now reads the 21st Assembly: 90.0 % with a vote that misses
    // the quorum postponed, not lost (backtable.test.ts; 77.6 % at one sitting).
    await rok.locator('[data-testid=rp-news]', { hasText: '2019년 9월 24일: 선거 결과' }).waitFor();
    await rok.getByTestId('rp-backtable-consult').click();
    await rok.locator('[data-testid=rp-backtable-assembly]', { hasText: '제21대 국회' }).waitFor();
    await expect(rok.getByTestId('rp-backtable-assembly').textContent()).resolves.toContain('비준 동의 확률 90.0%');
    await expect(rok.getByTestId('rp-backtable-answer').textContent()).resolves.toContain('출처');
    expect(errors).toEqual([]);
  }, 90_000);

  it('plays one class in Korean: a backtable consultation, news from the class board, the deal at the last round and the class debrief', async () => {
    // The scenario's lapse as the file states it (read here, not from the app).
    const yaml = parse(readFileSync('data/scenarios/sma-11-talks.yaml', 'utf8')) as {
      lapse: { workforce: number; furloughedShare: number; monthlyWagePerWorker: number };
    };
    const created = await fetch(`${base}/api/roleplay/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Seed 1: with this log the 21st Assembly passes +13.9 % at table 1 (it does 90.0 % of the time).
      body: JSON.stringify({
        scenarioId: 'sma-11-talks',
        label: '3반',
        tables: [{ label: '1조', seed: 1 }, { label: '2조' }],
      }),
    });
    expect(created.status).toBe(201);
    const cls = (await created.json()) as {
      facilitatorToken: string;
      tables: { tokens: { us: string; rok: string } }[];
    };
    const t1 = cls.tables[0]!.tokens;
    const board = await newPage('ko');
    await board.goto(`${base}/#/roleplay?token=${cls.facilitatorToken}`);
    await board.getByTestId('board-row-1').waitFor({ timeout: 30_000 });

    // The US delegation opens from its Korean page: +50 %, 5 years, defense-budget growth.
    const us = await newPage('ko');
    await us.goto(`${base}/#/roleplay?token=${t1.us}`);
    await us.getByRole('button', { name: '제안 보내기' }).and(us.locator(':enabled')).waitFor({ timeout: 30_000 });
    await us.fill('#rp-issue-first-year-change', '50');
    await us.fill('#rp-issue-duration', '5');
    await us.selectOption('#rp-issue-escalation-index', 'rok-defense-budget-growth');
    await us.fill('#rp-message', '미국 첫 제안');
    await expect
      .poll(async () => us.getByTestId('rp-draft-score').textContent(), { timeout: 10_000 })
      .toMatch(/^\d\.\d{3}$/);
    await us.getByRole('button', { name: '제안 보내기' }).click();
    await board
      .getByTestId('board-row-0')
      .locator('.board-last', { hasText: '미국 첫 제안' })
      .waitFor({ timeout: 30_000 });
    const offer = (side: 'us' | 'rok', change: number) =>
      api(t1[side], { action: { type: 'offer', outcome: { ...realDeal, 'first-year-change': change } } });
    for (const [side, change] of [
      ['rok', 0.05],
      ['us', 0.5],
      ['rok', 0.05],
    ] as const)
      expect((await offer(side, change)).status).toBe(201);

    // The ROK delegation consults Seoul on the standing terms: the 20th Assembly's odds.
    const rok = await newPage('ko');
    await rok.goto(`${base}/#/roleplay?token=${t1.rok}`);
    await rok.getByTestId('rp-backtable-consult').click();
    await rok.locator('[data-testid=rp-backtable-assembly]', { hasText: '제20대 국회' }).waitFor();
    await expect(rok.getByTestId('rp-backtable-assembly').textContent()).resolves.toContain('비준 동의 확률');

    // The facilitator releases the election result at every open table from the class board; the seat hears it live.
    await board.getByTestId('rp-news-all').click();
    await rok.locator('[data-testid=rp-news]', { hasText: '선거 결과' }).waitFor({ timeout: 30_000 });
    await rok.getByTestId('rp-backtable-consult').click();
    await rok.locator('[data-testid=rp-backtable-assembly]', { hasText: '제21대 국회' }).waitFor();

    // Twelve more offers take the table to round 9 (5–7 March 2021); the US offers the real terms and the ROK accepts
    // from its page.
    for (let k = 4; k < 16; k++)
      expect((await offer(k % 2 === 0 ? 'us' : 'rok', k % 2 === 0 ? 0.5 : 0.05)).status).toBe(201);
    expect((await offer('us', 0.139)).status).toBe(201);
    const accept = rok.getByRole('button', { name: '현재 제안 수락' });
    await accept.and(rok.locator(':enabled')).waitFor({ timeout: 30_000 });
    await accept.click();
    // The seat sees the Assembly's vote on its own deal and what the deal scores for it.
    const seatVote = rok.locator('[data-testid=rp-seat-votes] li', { hasText: '가결' });
    await seatVote.waitFor({ timeout: 30_000 });
    const voteText = (await seatVote.textContent()) ?? '';
    const [yes, no, abstain] = (/찬성 (\d+), 반대 (\d+), 기권 (\d+)/.exec(voteText) ?? []).slice(1).map(Number);
    // A sitting without a quorum (about one in seven at the 21st Assembly's 160/300 present) puts the vote off 14 days.
    const postponed = Number(/의사정족수 미달로 (\d+)회 연기/.exec(voteText)?.[1] ?? 0);
    // Consent: a majority of the 300 present (quorum 151) and a majority of those present in favour.
    expect(yes! + no! + abstain!).toBeGreaterThanOrEqual(151);
    expect(yes!).toBeGreaterThan((yes! + no! + abstain!) / 2);
    // ROK: 0.8 × (1 − 0.139) + 0.1 × 4/5 + 0.1 × 0.6 = 0.8288 (the YAML's weights and value functions).
    await expect(rok.getByTestId('rp-seat-deal').textContent()).resolves.toContain('0.829');

    // "End all" ends the other table, confirmed with the keyboard in the Korean dialog.
    await board.getByRole('button', { name: '모두 종료', exact: true }).click();
    const dialog = board.getByRole('dialog', { name: '모든 테이블을 종료할까요?' });
    await dialog.waitFor();
    await board.keyboard.press('Tab');
    await board.keyboard.press('Enter');
    await expect
      .poll(() => board.getByTestId('board-row-1').getAttribute('data-phase'), { timeout: 10_000 })
      .toBe('ended');

    // The class debrief, its figures computed here: months of delay and the furloughed workers' unpaid wages from
    // 1 January 2020 to the consenting sitting (7 March 2021, round 9's last day, + 14 days a postponement), day by day (furlough 1 April –
    // 14 June 2020, context furlough_2020).
    await board.getByRole('button', { name: '수업 결과 분석 보기' }).click();
    await board.getByTestId('rp-class-debrief').waitFor({ timeout: 30_000 });
    const DAY = 86_400_000;
    const monthDays = (t: number) => {
      const d = new Date(t);
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    };
    let months = 0;
    const decided = Date.parse('2021-03-07T00:00:00Z') + 14 * postponed * DAY;
    for (let t = Date.parse('2020-01-01T00:00:00Z'); t <= decided; t += DAY) months += 1 / monthDays(t);
    const furloughed = Math.round(yaml.lapse.furloughedShare * yaml.lapse.workforce);
    const perMonth = new Map<string, number>();
    for (let t = Date.parse('2020-04-01T00:00:00Z'); t < Date.parse('2020-06-15T00:00:00Z'); t += DAY) {
      const m = new Date(t).toISOString().slice(0, 7);
      perMonth.set(m, (perMonth.get(m) ?? 0) + furloughed / monthDays(t));
    }
    let wages = 0;
    for (const wm of perMonth.values()) wages += Math.round(wm * yaml.lapse.monthlyWagePerWorker);
    const workerMonths = [...perMonth.values()].reduce((a, b) => a + b, 0);
    const tables = (await board.getByTestId('rp-class-tables').textContent()) ?? '';
    expect(tables).toContain(`1조사람 대 사람첫해 인상률 +13.9%`);
    expect(tables).toContain(`국회 찬성 ${yes}, 반대 ${no}, 기권 ${abstain}: 가결`);
    // US: 0.8 × 0.139/4.7 + 0.1 × 1/5 + 0.1 × 1 = 0.144; ROK 0.829.
    expect(tables).toContain('0.144 / 0.829');
    expect(tables).toContain(`${months.toFixed(2)}${Math.round(wages / 1e8).toLocaleString('en-US')}억 원`);
    // Regression pin for this class's seed: one postponement, 14.68 months to 21 March 2021 (14.61 while a deal bore
    // its session's first day; no postponement and 14.16 before each sitting was drawn from its exact distribution,
    // ratification.ts `drawSitting`).
    expect([postponed, months.toFixed(2)]).toEqual([1, '14.68']);
    await expect(board.getByTestId('rp-class-points').textContent()).resolves.toContain('칼라이–스모로딘스키');
    await expect(board.getByTestId('rp-question-deals-plane').textContent()).resolves.toContain(
      '여러분의 합의는 실제 결과와 비교해 어떻습니까?',
    );
    await expect(board.getByTestId('rp-question-delay-cost').textContent()).resolves.toContain('협정 공백의 비용');

    // The grade book, in Korean, with the same figures and its assumptions.
    const [saved] = await Promise.all([board.waitForEvent('download'), board.getByTestId('rp-grade-book').click()]);
    const csv = readFileSync((await saved.path()) ?? '', 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const header = csv[0]!.split(',');
    const rokRow = csv.find((r) => r.startsWith('3반,1조,한국,'))!.split(',');
    const cell = (name: string) => rokRow[header.indexOf(name)];
    expect([cell('점수'), cell('지연 개월 수'), cell('무급휴직 인원·월'), cell('지연 비용 (원)')]).toEqual([
      '0.829',
      months.toFixed(2),
      String(Math.round(workerMonths * 10) / 10),
      String(wages),
    ]);
    expect([cell('국회 찬성'), cell('국회 반대'), cell('국회 기권'), cell('국회 통과')]).toEqual([
      String(yes),
      String(no),
      String(abstain),
      '예',
    ]);
    expect(csv.some((r) => r.includes('지연 비용(원)'))).toBe(true);
    await settle(board);
    await board.screenshot({ path: join(screenshots, 'roleplay-class-ko-debrief.png'), fullPage: true });

    // The ROK delegation's printable case packet in Korean: its own brief and sheet only, the polls with sources.
    await rok.goto(`${base}/#/roleplay?token=${t1.rok}&packet=1`);
    await expect(rok.getByTestId('rp-packet-title').textContent()).resolves.toBe(
      '사례 패킷 — 제11차 방위비분담특별협정 협상 (2019–2021)',
    );
    await rok.getByTestId('rp-packet-confidential-rok').waitFor();
    await expect(rok.getByTestId('rp-packet-confidential-us').count()).resolves.toBe(0);
    await expect(rok.getByTestId('rp-packet-teaching').count()).resolves.toBe(0);
    // context.json polls[0]: 92 % support the alliance (Chicago Council / Hankook Research, December 2019).
    const brief = (await rok.getByTestId('rp-packet-confidential-rok').textContent()) ?? '';
    expect(brief).toContain('한미동맹 지지');
    expect(brief).toContain('92%');
    await rok.emulateMedia({ media: 'print' });
    for (const b of await rok.getByRole('button').all()) await expect(b.isVisible()).resolves.toBe(false);
    // Every table of the packet fits the A4 text width (180 mm ≈ 680 CSS px), source addresses included.
    for (const t of await rok.locator('[data-testid=rp-packet] table').all())
      expect((await t.boundingBox())?.width ?? 999).toBeLessThanOrEqual(681);
    const pdf = await rok.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(screenshots, 'roleplay-packet-rok-ko.pdf'), pdf);
    expect(errors).toEqual([]);
  }, 180_000);
});
