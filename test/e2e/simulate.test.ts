// The Simulate page answers in plain words, marks the real outcome, validates like the server and draws a tornado.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { histogramQuantile } from '../../src/engine/negotiation/scenario-monte-carlo.js';
import { runScenarioChunk, scenarioChunkContext } from '../../src/engine/negotiation/scenario.js';
import { formatRate } from '../../src/i18n/format.js';
import { loadScenarioCatalogue } from '../../src/io/scenario-catalogue.js';
import { hasChromium, screenshots, startWebSession, type WebSession } from './browser.js';
import { hasRealServer } from './app-server.js';

const scenarios = loadScenarioCatalogue().scenarios;

describe.skipIf(!hasChromium || !hasRealServer)('Simulate page with the real server', () => {
  let web: WebSession;
  let page: Page;
  let errors: string[];
  const open = (hash: string): Promise<void> => web.open(hash);

  beforeAll(async () => {
    web = await startWebSession();
    ({ page, errors } = web);
  }, 180_000);

  afterAll(async () => {
    await web?.close();
  });

  it('answers in plain words for the 11th SMA talks, in English and Korean, and marks the real outcome', async () => {
    // The same runs on this thread: the answer's figures are the engine's p10/p90 of the job's own histograms.
    const sma11 = scenarios.get('sma-11-talks');
    if (sma11 === undefined) throw new Error('sma-11-talks is bundled');
    const m = runScenarioChunk(sma11, 11, 0, 400, scenarioChunkContext(sma11));
    const rate = m.summary.agreements / 400;
    const pct = (q: number) => formatRate(histogramQuantile(m.firstYearChange, q) ?? NaN, { signed: true, digits: 1 });
    const months = (q: number) => String(Math.round(histogramQuantile(m.monthsToAgreement, q) ?? NaN));
    await open('#/simulate?kind=scenario-monte-carlo&scenario=sma-11-talks&runs=400&seed=11');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('simulation-result').textContent(), { timeout: 120_000 })
      .toContain('(scenario-monte-carlo), seed 11, 400 runs');
    const answer = page.getByTestId('plain-answer');
    await expect(answer.locator('strong').textContent()).resolves.toBe(
      `Replayed 400 times, the 11th SMA talks end in a deal ${Math.round(rate * 10)} times in 10 ` +
        `(${formatRate(rate, { digits: 1 })}), at ${pct(0.1)} to ${pct(0.9)} in the first year, ` +
        `after ${months(0.1)} to ${months(0.9)} months`,
    );
    await expect(answer.textContent()).resolves.toContain('the central 80 % of the deals, p10–p90');
    // agreements.json sma-11: concluded 2021-03-07, 2021 +13.9 %; the first round was on 2019-09-24 (17 months).
    await expect(page.getByTestId('real-outcome').textContent()).resolves.toBe(
      'In reality: +13.9% in the first year, concluded on 2021-03-07, 17 months after the first round.',
    );
    await expect(page.getByTestId('histogram-firstYearChange').getAttribute('data-real')).resolves.toBe('0.139');
    await expect(page.getByTestId('real-marker-firstYearChange').textContent()).resolves.toBe(
      'Real outcome: 13.9% (the red bar)',
    );
    // Marked as a red bar when a simulated bar holds 17 months, else said to be outside the simulated values.
    await expect(page.getByTestId('real-marker-monthsToAgreement').textContent()).resolves.toMatch(
      /^Real outcome: 17(, outside every simulated value| \(the red bar\))$/,
    );
    await expect(page.getByTestId('real-marker-escalation-index').textContent()).resolves.toBe(
      'Real outcome: rok-defense-budget-growth (the red bar)',
    );
    await expect(page.getByTestId('real-marker-outcomes').textContent()).resolves.toBe(
      'Real outcome: agreement (the red bar)',
    );
    await page.screenshot({ path: join(screenshots, 'simulate-answer.png'), fullPage: true });
    await page.getByRole('button', { name: '한국어' }).click();
    await expect(answer.locator('strong').textContent()).resolves.toBe(
      `400번 되풀이하면 제11차 방위비분담특별협정 협상은 10번 중 ${Math.round(rate * 10)}번 타결되며` +
        `(${formatRate(rate, { digits: 1 })}), 첫해 증가율은 ${pct(0.1)}~${pct(0.9)}, ` +
        `타결까지 ${months(0.1)}~${months(0.9)}개월이 걸립니다`,
    );
    await expect(page.getByTestId('real-outcome').textContent()).resolves.toBe(
      '실제: 첫해 +13.9%, 2021-03-07 타결, 첫 회의로부터 17개월.',
    );
    await expect(page.locator('#sma-talks option:checked').textContent()).resolves.toBe(
      '제11차 방위비분담특별협정 협상 (2019–2021)',
    );
    await page.screenshot({ path: join(screenshots, 'simulate-answer-ko.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    expect(errors).toEqual([]);
  }, 180_000);

  it('lists every bundled scenario from the API by name', async () => {
    await open('#/simulate?kind=scenario-monte-carlo&scenario=sma-12-reopen&runs=100&seed=3');
    const options = page.locator('#sma-talks optgroup').first().locator('option');
    await expect.poll(() => options.count()).toBe(scenarios.size);
    await expect(options.allTextContents()).resolves.toEqual([...scenarios.values()].map((s) => s.name));
    // A forecast with a fitted version runs on the fit by default, as `sma simulate sma-12-reopen` does.
    await expect(page.locator('#sma-talks').inputValue()).resolves.toBe('sma-12-reopen-fitted');
  });

  it('answers a forecast on the fitted parameters by default, and on the stated priors when those are chosen', async () => {
    const fitted = scenarios.get('sma-13-talks-fitted')?.fitted;
    if (fitted === undefined) throw new Error('sma-13-talks-fitted is bundled, with its fit');
    await open('#/simulate?kind=scenario-monte-carlo&scenario=sma-13-talks&runs=100&seed=5');
    await expect.poll(() => page.locator('#sma-talks').inputValue()).toBe('sma-13-talks-fitted');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const note = page.getByTestId('fitted-on');
    await expect
      .poll(() => note.textContent(), { timeout: 120_000 })
      .toBe(
        `Run on parameters fitted to the 9th–12th SMA talks (${fitted.method.split(' (')[0]}, seed ${fitted.seed}, ${fitted.date}); ` +
          'the scenario’s fitted sources say what each fitted value was fitted to.',
      );
    await page.getByRole('button', { name: '한국어' }).click();
    await expect(note.textContent()).resolves.toMatch(
      /^제9~12차 방위비분담특별협정 협상에 보정한 변수로 \((adaptive )?ABC-SMC, 시드 /,
    );
    await page.getByRole('button', { name: 'English' }).click();
    await page.selectOption('#sma-talks', 'sma-13-talks');
    await expect.poll(() => page.locator('#sma-talks').inputValue()).toBe('sma-13-talks');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => note.textContent(), { timeout: 120_000 })
      .toBe('Run on the scenario’s stated priors (not fitted to past talks).');
    expect(errors).toEqual([]);
  }, 240_000);

  it('opens a link to the retired negotiation-monte-carlo kind on the scenario Monte Carlo', async () => {
    await open('#/simulate?kind=negotiation-monte-carlo&runs=100&seed=3');
    // The kind list from the API no longer has it (src/server/jobs/kinds.ts retiredJobKinds).
    await expect.poll(() => page.locator('#kind').inputValue()).toBe('scenario-monte-carlo');
    await expect.poll(() => page.locator('#sma-talks').inputValue()).toBe('sma-11-talks');
  });

  it('refuses Runs = 0 with the server’s message beside the field, and runs nothing', async () => {
    await open('#/simulate?kind=scenario-monte-carlo&scenario=sma-11-talks&runs=0&seed=23');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const runs = page.getByLabel('Runs', { exact: true });
    // The job schema (scenario-monte-carlo-job.ts): runs is a whole number of at least 1.
    await expect.poll(() => runs.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator(`[id="${await runs.getAttribute('aria-describedby')}"]`);
    await expect(message.textContent()).resolves.toBe('Runs: expected a value at least 1, found 0');
    await expect(page.getByTestId('simulation-result').count()).resolves.toBe(0);
    await page.screenshot({ path: join(screenshots, 'simulate-runs-zero.png'), fullPage: true });
  });

  it('draws the tornado of the 13th SMA forecast, where the exchange rate moves nothing', async () => {
    await open('#/simulate?kind=scenario-monte-carlo&scenario=sma-13-talks&runs=150&seed=5');
    await page.getByRole('button', { name: 'Find what drives the forecast' }).click();
    const tornado = page.getByTestId('tornado');
    await expect
      .poll(() => tornado.locator('.chart').getAttribute('aria-label'), { timeout: 180_000 })
      .toContain('150 runs each, seed 5');
    await tornado.locator('.chart[data-drawn="true"]').waitFor();
    // The rate only converts the first-year amount to dollars: with the same random numbers, the deal rate is the
    // baseline's whether the rate is at its p10 or its p90.
    const baseline = /baseline \(([\d.]+%)\)/.exec(
      (await tornado.locator('.chart').getAttribute('aria-label')) ?? '',
    )?.[1];
    const row = tornado.locator('tbody tr', { hasText: 'KRW/USD exchange rate' });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(3)).toEqual([baseline, baseline]);
    // The CSV as the screen: one value a column, the parameter by its name, rates to 4 decimals, what they rest on
    // (the title with runs and seed, the method) under the rows.
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      tornado.getByRole('button', { name: /^CSV — / }).click(),
    ]);
    const csv = readFileSync(await saved.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(csv[0]).toBe('Parameter,Value at p10,Value at p90,Parameter at p10,Parameter at p90');
    const fx = csv.find((l) => l.startsWith('KRW/USD exchange rate,'))?.split(',') ?? [];
    expect(fx).toHaveLength(5);
    for (const v of fx.slice(1)) expect(v).toMatch(/^\d+(\.\d{1,4})?$/);
    expect(fx[3]).toBe(fx[4]);
    expect(csv.some((l) => l.includes('150 runs each, seed 5'))).toBe(true);
    expect(csv.some((l) => l.includes('one-at-a-time sensitivity (tornado)'))).toBe(true);
    await page.screenshot({ path: join(screenshots, 'simulate-tornado.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 240_000);
});
