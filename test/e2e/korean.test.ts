// Every page of the web app in Korean, read as a user reads it: no English words but a short list of names and units.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealServer } from './app-server.js';
import { axeViolations, hasChromium, screenshots, startWebSession, type WebSession } from './browser.js';
import { settle } from './settle.js';
import { englishWords } from '../../src/i18n/english-words.js';

/**
 * What a reader of the page sees or hears, as lines "where: text": visible text (every <details> opened first),
 * options of the select lists, aria-label, title, alt and placeholder, and the words each chart draws on its canvas
 * (its `data-words`, from the chart's option). Not the app's words, so skipped: citations (<cite>: a source's title,
 * quoted as published), identifiers (<code>: a file, an id or a field to look up, the same in every language),
 * notation (translate="no": a formula such as max (u₁ − d₁)(u₂ − d₂)) and elements marked with another language.
 */
const readPage = async (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const korean = (el) => (el.closest('[lang]')?.getAttribute('lang') ?? 'ko') === 'ko' && !el.closest('cite, code, [translate="no"]');
    const where = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : '');
    const lines = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, noscript') || !korean(el)) continue;
      const text = n.textContent.trim();
      if (text === '') continue;
      const visible = el.closest('option') ? el.closest('select').checkVisibility() : el.checkVisibility();
      if (visible) lines.push(where(el) + ': ' + text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder], [data-words]')) {
      if (!korean(el)) continue;
      for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'data-words']) {
        const v = el.getAttribute(a);
        if (v) lines.push(where(el) + ' @' + a + ': ' + v);
      }
    }
    lines.push('title: ' + document.title);
    return lines;
  })()`);

/** The page's English words, each with the first place it was found. */
const englishOn = async (page: Page): Promise<Record<string, string>> => {
  const found: Record<string, string> = {};
  for (const line of await readPage(page)) {
    for (const w of englishWords(line.slice(line.indexOf(': ') + 2))) found[w] ??= line.slice(0, 160);
  }
  return found;
};

/** A file of the laptop domain (test/fixtures), as the Theory page's file input takes it. */
const laptop = (name: string) => ({
  name,
  mimeType: 'text/xml',
  buffer: readFileSync(fileURLToPath(new URL(`../fixtures/domains/laptop/${name}`, import.meta.url))),
});

describe.skipIf(!hasChromium || !hasRealServer)('the web app in Korean', () => {
  let web: WebSession;
  let page: Page;
  const english: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    // Its own build folder: other browser test files rebuild web/dist while this one runs beside them.
    web = await startWebSession({ dist: mkdtempSync(join(tmpdir(), 'sma-web-korean-')), lang: 'ko' });
    page = web.page;
  }, 180_000);

  afterAll(async () => {
    await web?.close();
  });

  const walk = async (name: string): Promise<void> => {
    await settle(page);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
    english[name] = await englishOn(page);
    await page.screenshot({ path: join(screenshots, `korean-${name}.png`), fullPage: true });
  };

  it.each(['record', 'calculator', 'compare', 'theory'])('reads the %s page', async (name) => {
    await web.open(`#/${name}`);
    await walk(name);
  });

  // The views a link opens beyond each page's first: the 11th talks' timeline (every kind of event of the 2019–2021
  // talks, positions, the furlough) in dollars, real won, and the sign-in page.
  it.each([
    ['record-11-usd', '#/record?talks=11&metric=usd'],
    ['record-real', '#/record?talks=10&metric=real'],
    ['signin', '#/signin'],
  ])('reads %s', async (name, hash) => {
    await web.open(hash);
    await walk(name);
  });

  it('reads the Simulate page with a scenario result', async () => {
    await web.open('#/simulate?kind=scenario-monte-carlo&scenario=sma-11-talks&runs=200&seed=3');
    // This run's own result: the job id the click started, on the result section.
    const [started] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/api\/jobs\/[^/]+$/.test(new URL(r.url()).pathname),
      ),
      page.getByRole('button', { name: '실행', exact: true }).click(),
    ]);
    const { id } = (await started.json()) as { id: string };
    await page.locator(`[data-testid="simulation-result"][data-job-id="${id}"]`).waitFor({ timeout: 120_000 });
    await walk('simulate');
  }, 180_000);

  // A forecast's tornado (the panel is offered for talks still to come): its columns, legend and method, worded as
  // `sma simulate --sensitivity` words them (labels.ts).
  it('reads the tornado of the 13th SMA forecast', async () => {
    await web.open('#/simulate?kind=scenario-monte-carlo&scenario=sma-13-talks&runs=100&seed=3');
    await page.getByRole('button', { name: '전망을 좌우하는 변수 찾기' }).click();
    const tornado = page.getByTestId('tornado');
    // This run's own chart: its title names the runs and the seed.
    await expect
      .poll(() => tornado.locator('.chart').getAttribute('aria-label'), { timeout: 240_000 })
      .toContain('각 100회, 시드 3');
    await expect(tornado.locator('thead th').allTextContents()).resolves.toEqual([
      '변수',
      '10% 분위수 값',
      '90% 분위수 값',
      '변수가 10% 분위수일 때',
      '변수가 90% 분위수일 때',
    ]);
    await walk('simulate-sensitivity');
  }, 300_000);

  // The Record page's own code refused (vite's chunk assets/record-<hash>.js): what a dropped connection or an update
  // of the app since the tab opened leaves. The page says so in Korean and offers to reload, not an empty window.
  it('reads the Record page whose code did not arrive', async () => {
    const chunk = /\/assets\/record-[A-Za-z0-9_-]+\.js$/;
    await page.route(chunk, (r) => r.abort());
    try {
      await page.goto('about:blank');
      await page.goto(`${web.base}/#/record`);
      const alert = page.getByTestId('page-load-error');
      await alert.waitFor();
      await expect(alert.locator('p').textContent()).resolves.toBe(
        '이 페이지를 불러오지 못했습니다: 페이지 코드가 도착하지 않았습니다(연결이 끊겼거나, 이 탭을 연 뒤 앱이 새 버전으로 바뀌었습니다). 다시 불러오세요.',
      );
      await expect(alert.getByRole('button').textContent()).resolves.toBe('페이지 다시 불러오기');
      await walk('record-error');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.unroute(chunk);
    }
  });

  it('reads the role-play facilitator page and a seat page during a table', async () => {
    await web.open('#/roleplay');
    await walk('roleplay');
    await page.locator('#rp-scenario option[value="sma-11-talks"]').waitFor({ state: 'attached' });
    await page.selectOption('#rp-scenario', 'sma-11-talks');
    await page.selectOption('#rp-player-rok', 'boulware');
    await page.fill('#rp-seed', '4');
    await page.getByRole('button', { name: '테이블 만들기' }).click();
    await page.getByTestId('link-facilitator').waitFor();
    const facilitator = (await page.getByTestId('link-facilitator').getAttribute('href')) ?? '';
    const us = (await page.getByTestId('link-us').getAttribute('href')) ?? '';
    // The US seat offers once; the ROK agent answers, so both pages show a history.
    await web.open(us);
    await page.fill('#rp-issue-first-year-change', '50');
    await page.fill('#rp-issue-duration', '5');
    await page.selectOption('#rp-issue-escalation-index', 'rok-cpi');
    await page.fill('#rp-message', '오십 퍼센트, 5년');
    await expect.poll(() => page.getByTestId('rp-draft-score').textContent()).toMatch(/^\d\.\d{3}$/);
    await page.getByRole('button', { name: '제안 보내기' }).click();
    await page.locator('[data-testid=rp-history] tbody tr').nth(1).waitFor({ timeout: 30_000 });
    await walk('roleplay-seat');
    await web.open(facilitator);
    await page.locator('[data-testid=rp-history] tbody tr').nth(1).waitFor({ timeout: 30_000 });
    await walk('roleplay-facilitator');
    // The table's debrief, once the facilitator ends it, and the facilitator's printable case packet (both briefs,
    // the ROK's with its polls, both scoring sheets and the teaching note).
    await page.getByRole('button', { name: '테이블 종료', exact: true }).click();
    await page.locator('[data-testid=rp-debrief] .chart[data-drawn="true"]').first().waitFor({ timeout: 30_000 });
    await walk('roleplay-debrief');
    await page.goto('about:blank');
    await page.goto(`${web.base}/${facilitator}&packet=1`);
    await page.getByTestId('rp-packet-title').waitFor();
    await walk('roleplay-packet');
  }, 120_000);

  // Error states: an invalid value on each page with a form, as a Korean reader submits it. The server's problems
  // come as codes the web words in Korean (src/i18n/problems.ts), the field named by the form's own label.
  it('reads the Calculator refusing a base amount of 0', async () => {
    await web.open('#/calculator');
    const amount = page.getByLabel('기준 금액 (억원)', { exact: true });
    await amount.fill('0');
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await walk('calculator-error');
  });

  it('reads Compare refusing a CPI growth of 99 %', async () => {
    await web.open('#/compare');
    const cpi = page.getByLabel('소비자물가지수 증가율 가정 (%/년)', { exact: true });
    await cpi.fill('99');
    await expect.poll(() => cpi.getAttribute('aria-invalid')).toBe('true');
    await walk('compare-error');
  });

  it('reads Simulate refusing Runs = 0 with the server’s problem beside the field', async () => {
    await web.open('#/simulate?kind=scenario-monte-carlo&scenario=sma-11-talks&runs=0&seed=23');
    await page.getByRole('button', { name: '실행', exact: true }).click();
    const runs = page.getByLabel('실행 횟수', { exact: true });
    // This run's own answer: the field marked invalid by the server's refusal (scenario-monte-carlo-job.ts: runs ≥ 1).
    await expect.poll(() => runs.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator(`[id="${await runs.getAttribute('aria-describedby')}"]`);
    await expect(message.textContent()).resolves.toBe('실행 횟수: 1 이상의 값이어야 합니다 (입력: 0)');
    await walk('simulate-error');
  });

  it('reads the role-play setup refusing a seed of −1', async () => {
    await web.open('#/roleplay');
    await page.locator('#rp-scenario option[value="sma-11-talks"]').waitFor({ state: 'attached' });
    await page.fill('#rp-seed', '-1');
    await page.getByRole('button', { name: '테이블 만들기' }).click();
    // roleplay-routes.ts: a seed is an integer from 0; the refusal names the field by its label.
    const alert = page.getByRole('alert').filter({ hasText: '시드' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('시드 (선택): 0 이상의 값이어야 합니다 (입력: -1)');
    await walk('roleplay-error');
  });

  it('reads the Theory page refusing a bad domain file, in Korean with its file, line and column', async () => {
    await web.open('#/theory');
    await page
      .locator('input[type=file]')
      .setInputFiles([
        laptop('laptop_domain.xml'),
        laptop('laptop_buyer_utility.xml'),
        { name: 'broken.xml', mimeType: 'text/xml', buffer: Buffer.from('<utility_space><objective') },
      ]);
    // This load's own refusal: the alert naming the file it was given.
    const alert = page.getByRole('alert').filter({ hasText: 'broken.xml' });
    await alert.waitFor();
    // genius-xml.ts: an unclosed element is not well-formed XML (rule xml_syntax); the parser's English is left out.
    await expect(alert.textContent()).resolves.toMatch(/^broken\.xml:1:\d+: \(root\): 올바른 형식의 XML이어야 합니다$/);
    await walk('theory-error');
  });

  it('reads a game against an agent on the Theory page, played to its end', async () => {
    await web.open('#/theory');
    await page
      .locator('input[type=file]')
      .setInputFiles([
        laptop('laptop_domain.xml'),
        laptop('laptop_buyer_utility.xml'),
        laptop('laptop_seller_utility.xml'),
      ]);
    await expect.poll(() => page.getByTestId('play-domain').textContent()).toContain('27');
    await page.getByRole('button', { name: '시작', exact: true }).click();
    await page.getByRole('button', { name: '이 제안 보내기' }).click();
    await expect.poll(() => page.getByTestId('play-moves').locator('tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: '협상 중단' }).click();
    // This game's own end: its result line.
    await page.getByTestId('play-result').waitFor();
    await walk('theory-play');
  });

  it('reads a chart’s tooltip and its exported SVG in Korean', async () => {
    await web.open('#/calculator');
    const chart = page.locator('.chart[data-drawn="true"]').first();
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box) throw new Error('the chart has no box');
    // ECharts' tooltip is the absolutely placed div it adds inside the chart (z-index 9999999); the middle bar's year
    const tip = chart.locator('div[style*="z-index: 9999999"]');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => tip.textContent()).toMatch(/20\d\d/);
    const words = (where: string, text: string) =>
      Object.fromEntries(englishWords(text).map((w) => [w, `${where}: ${text.slice(0, 120)}`]));
    english['calculator-tooltip'] = words('tooltip', (await tip.textContent()) ?? '');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /^SVG — / })
        .first()
        .click(),
    ]);
    const svg = readFileSync(await download.path(), 'utf8');
    // What the picture shows: its <text> elements (XML entities decoded).
    const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
      (m[1] ?? '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&#39;|&apos;/g, "'"),
    );
    expect(drawn.length).toBeGreaterThan(5);
    // A picture has no <code>: the folder it cites (data/record), code on the page, is left out here as there.
    const prose = drawn.map((t) => t.replace(/[\w.-]+\/[\w./-]+/g, ''));
    english['calculator-svg'] = Object.assign({}, ...prose.map((t) => words('svg text', t))) as Record<string, string>;
  });

  it('finds no English word on any page but the allowed names and units', () => {
    // The whole finding, for whoever translates next: every page's words with where each was first seen.
    writeFileSync(join(screenshots, 'korean-walk.json'), JSON.stringify(english, null, 2));
    expect(Object.keys(english).sort()).toEqual([
      'calculator',
      'calculator-error',
      'calculator-svg',
      'calculator-tooltip',
      'compare',
      'compare-error',
      'record',
      'record-11-usd',
      'record-error',
      'record-real',
      'roleplay',
      'roleplay-debrief',
      'roleplay-error',
      'roleplay-facilitator',
      'roleplay-packet',
      'roleplay-seat',
      'signin',
      'simulate',
      'simulate-error',
      'simulate-sensitivity',
      'theory',
      'theory-error',
      'theory-play',
    ]);
    expect(english).toEqual(Object.fromEntries(Object.keys(english).map((k) => [k, {}])));
    expect(web.errors).toEqual([]);
  });
});
