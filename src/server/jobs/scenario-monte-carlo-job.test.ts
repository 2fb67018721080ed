import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { problemText } from '../../i18n/problems.js';
import type { FastifyInstance } from 'fastify';
import { runScenarioChunk, scenarioChunkContext } from '../../engine/negotiation/scenario.js';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';
import { runJob as runTestJob } from './test-run-job.js';
import { scenarioMonteCarloResult } from './scenario-monte-carlo-job.js';
import { simulationJson } from '../../cli/commands/simulate.js';
import { loadScenarioCatalogue } from '../../io/scenario-catalogue.js';
import { captureIo } from '../../cli/io.js';
import { runCli } from '../../cli/main.js';
import { parseScenarioValue } from '../../io/scenario-file.js';

const scenarios = loadScenarioCatalogue().scenarios;
// Regression pin: runs of 500 (seed 5) that agree on the shipped sma-13-talks-fitted; rewrite when it is regenerated.
// 466 on the files refitted with a deal dated on its session's last day (calendar.ts `roundClose`); 468 with the
// win-set rule pricing a failed consent vote (ratification.failedVoteCost) on the files refitted with it;
// 417 before, with each sitting drawn from its exact distribution (ratification.ts `drawSitting`) on the files refitted
// with it (419 on the files fitted before it); 423 before, on the fit with a rejected deal bounding the ROK's next; 363
// before that bound, 294 before the perceived horizon
const PIN_FITTED_AGREEMENTS = 466;
const sma11File = parse(readFileSync(new URL('../../../data/scenarios/sma-11-talks.yaml', import.meta.url), 'utf8'));

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

const runJob = (payload: object) => runTestJob(app, 'scenario-monte-carlo', payload);

describe('scenario Monte Carlo job', () => {
  it('loads every scenario file bundled in data/scenarios, by id', () => {
    const files = readdirSync(new URL('../../../data/scenarios/', import.meta.url)).filter((f) => f.endsWith('.yaml'));
    // In the order of the file names, as the catalogue reads them (sma-12-reopen-fitted.yaml before sma-12-reopen.yaml).
    expect([...scenarios.keys()]).toEqual(files.sort().map((f) => f.slice(0, -'.yaml'.length)));
    expect(scenarios.size).toBe(8); // six scenarios and the fitted forecasts of sma-12-reopen and sma-13-talks
  });

  it('plays the 12th SMA talks over worker threads exactly as the engine does on this thread', async () => {
    const { status, body, job } = await runJob({ scenario: 'sma-12-talks', seed: 2024, runs: 500 });
    expect([status, body.progress]).toEqual([202, { done: 0, total: 2 }]);
    const scenario = scenarios.get('sma-12-talks');
    if (scenario === undefined) throw new Error('sma-12-talks is bundled');
    const merged = runScenarioChunk(scenario, 2024, 0, 500, scenarioChunkContext(scenario), {});
    expect(job.result).toEqual(JSON.parse(JSON.stringify(scenarioMonteCarloResult(scenario, 2024, merged))));
  });

  it('runs the fitted forecast on the job as `sma simulate sma-13-talks` does by default (the fit of the 9th–12th talks)', async () => {
    const { job } = await runJob({ scenario: 'sma-13-talks-fitted', seed: 5, runs: 500 });
    const scenario = scenarios.get('sma-13-talks-fitted');
    if (scenario === undefined) throw new Error('sma-13-talks-fitted is bundled');
    const merged = runScenarioChunk(scenario, 5, 0, 500, scenarioChunkContext(scenario), {});
    expect(job.result).toEqual(JSON.parse(JSON.stringify(scenarioMonteCarloResult(scenario, 5, merged))));
    expect(job.result.fitted).toEqual({ ...scenario.fitted });
    expect(job.result.fitted.talks).toEqual(['sma-9-talks', 'sma-10-talks', 'sma-11-talks', 'sma-12-talks']);
    // The CLI, by its default (no --prior), on 2 workers: the same runs, the same summary.
    await import('../../cli/commands.js');
    const io = captureIo();
    expect(await runCli(['simulate', 'sma-13-talks', '--runs', '500', '--seed', '5', '--json'], io)).toBe(0);
    const cli = JSON.parse(io.out);
    expect([cli.scenario, cli.fitted, cli.agreementRate]).toEqual([
      job.result.scenario,
      job.result.fitted,
      job.result.agreementRate,
    ]);
    expect(cli.quantities.firstYearChange.p50).toBeCloseTo(job.result.quantities.firstYearChange.p50, 6);
    // Regression pin (the shipped fit, seed 5, 500 runs): runs that agree.
    expect(job.result.reasons.agreement).toBe(PIN_FITTED_AGREEMENTS);
  });

  it('carries exact histograms of months in lapse and furloughed worker-months for the 11th SMA talks', async () => {
    // `sma simulate sma-11-talks --runs 500 --seed 7`: 499 of 500 runs agree (regression pin; 498 before the file stated a
    // failed vote's cost, 497 before a rejected deal
    // bounded the ROK's next, 420 before the file stated the perceived horizon's prior, 375 before a vote without a
    // quorum was postponed rather than lost, issue 10)
    const { job } = await runJob({ scenario: 'sma-11-talks', seed: 7, runs: 500 });
    const r = job.result;
    expect([r.scenario, r.seed, r.runs, r.reasons.agreement]).toEqual(['sma-11-talks', 7, 500, 499]);
    const { monthsInLapse, furloughedWorkerMonths, firstYearChange, monthsToAgreement } = r.histograms;
    // Lapse from 2020-01-01: one bin per month; every run counts, agreed or not.
    expect([monthsInLapse.min, monthsInLapse.max, monthsInLapse.counts.length, monthsInLapse.n]).toEqual([
      0, 22, 22, 500,
    ]);
    expect(monthsInLapse.counts.reduce((a: number, b: number) => a + b, 0)).toBe(500);
    // 9,000 workers furloughed at most until the stopgap of 2020-06-15: 54,000 worker-months in bins of 2,000.
    expect([furloughedWorkerMonths.max, furloughedWorkerMonths.counts.length]).toEqual([54_000, 27]);
    expect(furloughedWorkerMonths.counts.reduce((a: number, b: number) => a + b, 0)).toBe(500);
    expect([firstYearChange.n, monthsToAgreement.n]).toEqual([499, 499]);
    expect(Object.values(r.options['escalation-index']).reduce((a, b) => (a as number) + (b as number), 0)).toBe(499);
    // Regression pin for seed 7: talks end in the 15th–22nd calendar month of lapse (18th–21st before the perceived
    // horizon); the drawn furlough of 4,000–5,000 workers from 1 April to 15 June, prorated by day, is 2.47 months of
    // each: 9,867–12,333. (Before the file stated a failed vote's cost: [0, 144, 65, 63, 55, 56, 52, 44, 21]; before each
    // sitting was drawn from its exact distribution: [0, 142, 67, 63, 58, 55, 49, 40, 26]; before a rejected deal
    // bounded the ROK's next: [0, 142, 67, 63, 59, 54, 48, 41, 26].)
    expect(monthsInLapse.counts.slice(13)).toEqual([0, 143, 69, 64, 54, 52, 55, 47, 16]);
    expect(furloughedWorkerMonths.counts.slice(4, 7)).toEqual([28, 401, 71]);
  });

  it('reports p10–p90 of every quantity and the 11th SMA talks’ real months to agreement from data/record', async () => {
    const { job } = await runJob({ scenario: 'sma-11-talks', seed: 7, runs: 500 });
    const r = job.result;
    // data/record: round 1 began 2019-09-24 (events.json sma11-2019-09-24-round), concluded 2021-03-07
    // (agreements.json sma-11 concluded); whole months as the runs count them: 2019-09-24 + 17 months = 2021-02-24.
    const record = (name: string) =>
      JSON.parse(readFileSync(new URL(`../../../data/record/${name}.json`, import.meta.url), 'utf8'));
    const round1 = record('events').events.find((e: { id: string }) => e.id === 'sma11-2019-09-24-round');
    const sma11 = record('agreements').agreements.find((a: { id: string }) => a.id === 'sma-11');
    expect(r.realOutcome).toEqual({
      concluded: sma11.dates.concluded.value,
      firstRound: round1.date_start,
      monthsToAgreement: 17,
      firstYearChange: 0.139,
    });
    expect([round1.date_start, sma11.dates.concluded.value]).toEqual(['2019-09-24', '2021-03-07']);
    // Every distribution, the numeric terms included, carries p5 ≤ p10 ≤ p25 ≤ p50 ≤ p75 ≤ p90 ≤ p95.
    expect(Object.keys(r.quantities).sort()).toEqual(
      [
        'firstYearChange',
        'firstYearUsdBillions',
        'furloughedWorkerMonths',
        'monthsInLapse',
        'monthsToAgreement',
        'roundsToAgreement',
        ...Object.keys(r.histograms.terms).map((k) => `term:${k}`),
      ].sort(),
    );
    for (const [key, q] of Object.entries(r.quantities) as [string, Record<string, number>][]) {
      const points = [q.p5, q.p10, q.p25, q.p50, q.p75, q.p90, q.p95] as number[];
      expect(
        points.every((x, i) => i === 0 || (points[i - 1] as number) <= x),
        key,
      ).toBe(true);
    }
    expect([r.quantities.firstYearChange.n, r.quantities.monthsInLapse.n]).toEqual([499, 500]);
    // One shape: `sma simulate --json` reports the same quantities (rounded to 1e-6) and the same real months.
    const scenario = scenarios.get('sma-11-talks');
    if (scenario === undefined) throw new Error('sma-11-talks is bundled');
    const cli = simulationJson(scenario, runScenarioChunk(scenario, 7, 0, 500, scenarioChunkContext(scenario), {}), 7);
    for (const [key, q] of Object.entries(r.quantities) as [string, Record<string, number | null>][])
      for (const [k, v] of Object.entries(q))
        // the CLI rounds to 1e-6, half up: at most 5e-7 apart (a tie such as 0.0558125 → 0.055813 included)
        expect(
          Math.abs(
            ((cli.quantities as unknown as Record<string, Record<string, number>>)[key]?.[k] ?? NaN) - (v ?? NaN),
          ),
          `${key}.${k}`,
        ).toBeLessThanOrEqual(5e-7 + 1e-12);
    expect([cli.realOutcome?.monthsToAgreement, cli.realOutcome?.firstRound]).toEqual([17, '2019-09-24']);
    // The consent votes under the same keys: lost votes apart from postponed sittings (a missed quorum).
    const votes = (o: Record<string, unknown>) =>
      Object.fromEntries(
        [
          'ratificationFailures',
          'runsWithRatificationFailure',
          'ratificationPostponements',
          'runsWithPostponement',
          'ratificationsNotHeld',
        ].map((k) => [k, o[k]]),
      );
    expect(votes(r)).toEqual(votes(cli));
    expect(r.runsWithPostponement).toBeGreaterThan(0);
  });

  it('runs an edited scenario sent inline, validated as its file, and refuses a bad field with its path', async () => {
    const edited = {
      ...sma11File,
      id: 'sma-11-edited',
      parties: { ...sma11File.parties, rok: { ...sma11File.parties.rok, reservation: 0.2 } },
      uncertainty: { ...sma11File.uncertainty, reservation: { us: sma11File.uncertainty.reservation.us } },
    };
    const { status, job } = await runJob({ scenarioBody: edited, seed: 7, runs: 300 });
    expect([status, job.status, job.result.scenario, job.result.runs]).toEqual([
      202,
      'succeeded',
      'sma-11-edited',
      300,
    ]);
    // Regression pin for seed 7: a ROK that would walk away below 0.2 (not 0.972–1) settles in 276 of 300 runs (182
    // before the file stated a failed vote's cost, 177 before each sitting was drawn from its exact distribution, 209
    // before a rejected deal bounded the ROK's next, 239 before the file stated the perceived horizon's prior, 225 when
    // a missed quorum lost the vote).
    expect(job.result.agreementRate).toBe(276 / 300);
    const bad = await runJob({
      scenarioBody: { ...edited, lapse: { ...edited.lapse, furloughedShare: 1.5 } },
      seed: 7,
      runs: 300,
    });
    expect([bad.status, bad.body.error.code, bad.body.error.issues]).toEqual([
      422,
      'scenario/invalid_field',
      [
        {
          path: 'body.scenarioBody.lapse.furloughedShare',
          code: 'too_big',
          params: { maximum: 1, inclusive: true, origin: 'number' },
          expected: 'a value at most 1',
          found: '1.5',
          message: 'expected a value at most 1, found 1.5',
          value: 1.5,
        },
      ],
    ]);
  });

  it('runs a custom negotiation sent inline: NegMAS prices 0–1000, uncertain strategies and reservations, a vote, a lapse', async () => {
    // What the retired negotiation-monte-carlo job took as a generic spec, written as a scenario file (docs/server.md).
    const price = (direction: 'increasing' | 'decreasing', reservation: number) => ({
      weights: { price: 1 },
      values: { price: { kind: 'linear', direction } },
      reservation,
      lapseCost: { perLapseMonth: 0.02, perFurloughedWorkforceMonth: 0 },
    });
    const body = {
      id: 'price-lapse',
      name: 'Price talks with a lapse',
      description: 'NegMAS price scenario, talks monthly from September 2019, the old agreement ending 2019-12-31.',
      base: { year: 2020, amount: 1_000_000_000_000, currency: 'KRW', unit: 100_000_000 },
      domain: { issues: [{ kind: 'numeric', name: 'price', min: 0, max: 1000, step: 1, unit: 'usd' }] },
      parties: {
        us: { name: 'Seller', ...price('increasing', 0.4) },
        rok: { name: 'Buyer', ...price('decreasing', 0.25) },
      },
      protocol: { deadline: 24, calendar: { kind: 'monthly', start: '2019-09-24' } },
      strategies: { us: { kind: 'fsj-polynomial', beta: 1 }, rok: { kind: 'negmas-time-based', aspiration: 'linear' } },
      ratification: {
        rok: [
          {
            from: '2016-05-30',
            name: 'Assembly',
            seats: 300,
            blocs: [
              {
                party: 'All',
                seats: 300,
                attendance: 0.9,
                cohesion: 0.9,
                abstainShare: 0.5,
                stance: {
                  kind: 'threshold',
                  term: 'price',
                  direction: 'at_most',
                  threshold: { kind: 'uniform', min: 400, max: 900 },
                },
              },
            ],
          },
        ],
        us: 'executive-agreement',
      },
      lapse: {
        expiry: '2019-12-31',
        workforce: 9000,
        monthsUntilFurlough: 3,
        furloughedShare: 0.5,
        monthlyWagePerWorker: 0,
        stopgapFrom: null,
        lapseClause: false,
      },
      uncertainty: {
        reservation: {
          us: { kind: 'normal', mean: 0.4, sd: 0.15, min: 0, max: 0.9 },
          rok: { kind: 'uniform', min: 0, max: 0.5 },
        },
        strategies: {
          us: { kind: 'fsj-polynomial', beta: { kind: 'triangular', min: 0.2, mode: 1, max: 3 } },
          rok: { kind: 'negmas-time-based', exponent: { kind: 'uniform', min: 0.25, max: 4 } },
        },
        furloughedShare: { kind: 'uniform', min: 0.44, max: 0.56 },
      },
      realOutcome: null,
      // Every number needs a source; a key covers its path and everything below it.
      sources: Object.fromEntries(
        ['base', 'domain', 'parties', 'protocol', 'strategies', 'ratification', 'lapse', 'uncertainty'].map((k) => [
          k,
          'illustrative (NegMAS price scenario; 2020 furlough scale)',
        ]),
      ),
    };
    const { status, job } = await runJob({ scenarioBody: body, seed: 2020, runs: 300 });
    expect([status, job.status]).toEqual([202, 'succeeded']);
    const parsed = parseScenarioValue(body, 'scenarioBody');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const merged = runScenarioChunk(parsed.value, 2020, 0, 300, scenarioChunkContext(parsed.value), {});
    expect(job.result).toEqual(JSON.parse(JSON.stringify(scenarioMonteCarloResult(parsed.value, 2020, merged))));
    const r = job.result;
    // Every run counts in the lapse's histograms; only deals in the price's, all inside the domain.
    expect([r.runs, r.histograms.monthsInLapse.n, r.histograms.terms.price.n]).toEqual([300, 300, r.reasons.agreement]);
    expect(r.histograms.terms.price.lowest).toBeGreaterThanOrEqual(0);
    expect(r.histograms.terms.price.highest).toBeLessThanOrEqual(1000);
    expect(r.reasons.agreement).toBeGreaterThan(0);
  });

  it('refuses a scenario with more outcomes than a worker may list, and a request naming both or neither', async () => {
    const issues = sma11File.domain.issues.map((i: { name: string }) =>
      i.name === 'first-year-change' ? { ...i, step: 0.00001 } : i,
    );
    const huge = await runJob({ scenarioBody: { ...sma11File, domain: { issues } }, seed: 1, runs: 10 });
    // 470,001 first-year changes × 6 durations × 3 indices × 1 cap
    expect([huge.status, huge.body.error.code, huge.body.error.issues[0].found]).toEqual([
      422,
      'scenario/too_many_outcomes',
      '8460018',
    ]);
    const both = await runJob({ scenario: 'sma-11-talks', scenarioBody: sma11File, seed: 1, runs: 10 });
    const neither = await runJob({ seed: 1, runs: 10 });
    expect([both.status, neither.status, neither.body.error.issues[0].path]).toEqual([400, 400, 'body.scenario']);
    // The schema's own rule, as a code a client translates (src/i18n/problems.ts).
    expect([neither.body.error.issues[0].code, neither.body.error.issues[0].params]).toEqual([
      'custom',
      { rule: 'exactly_one_of', fields: ['scenario', 'document', 'scenarioBody'] },
    ]);
  });

  it('checks an inline scenario against the server’s SMA_MAX_OUTCOMES_PER_JOB, the one outcome limit', async () => {
    const strict = await buildApp({ config: testConfig({ SMA_MAX_OUTCOMES_PER_JOB: '80000' }) });
    try {
      const res = await runTestJob(strict, 'scenario-monte-carlo', { scenarioBody: sma11File, seed: 1, runs: 10 });
      // 4,701 first-year changes (0 to 4.7 by 0.001) × 6 durations × 3 indices × 1 cap = 84,618.
      expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
        422,
        'scenario/too_many_outcomes',
        'A simulated scenario may have at most 80000 outcomes; this one has 84618.',
      ]);
      // The limit as a rule with its parameter and the count as the value, for a client's own words.
      const [issue] = res.body.error.issues;
      expect(issue).toMatchObject({
        path: 'body.scenarioBody.domain.issues',
        code: 'custom',
        params: { rule: 'outcomes_at_most', maximum: 80000 },
        expected: "at most 80000 outcomes (the product of the issues' grid sizes)",
        value: 84618,
      });
      expect(problemText(issue, 'ko')).toBe('결과가 80000개 이하여야 합니다 (쟁점마다 격자 크기를 곱한 수)');
    } finally {
      await strict.close();
    }
  });

  it('refuses a scenario that is not bundled, naming the ones that are', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/jobs/scenario-monte-carlo',
      payload: { scenario: 'sma-99-talks', seed: 1, runs: 10 },
    });
    expect([res.statusCode, res.json().error.issues[0]]).toEqual([
      400,
      {
        path: 'body.scenario',
        code: 'one_of',
        params: {
          values: [
            'sma-10-talks',
            'sma-11-talks',
            'sma-12-reopen-fitted',
            'sma-12-reopen',
            'sma-12-talks',
            'sma-13-talks-fitted',
            'sma-13-talks',
            'sma-9-talks',
          ],
        },
        value: 'sma-99-talks',
        expected:
          'one of "sma-10-talks", "sma-11-talks", "sma-12-reopen-fitted", "sma-12-reopen", "sma-12-talks", "sma-13-talks-fitted", "sma-13-talks", "sma-9-talks"',
        found: '"sma-99-talks"',
        message:
          'Invalid option: expected one of "sma-10-talks"|"sma-11-talks"|"sma-12-reopen-fitted"|"sma-12-reopen"|"sma-12-talks"|"sma-13-talks-fitted"|"sma-13-talks"|"sma-9-talks"',
      },
    ]);
  });

  it('documents the result with its histograms in the API description', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/jobs/scenario-monte-carlo'].post;
    const result = post.responses['202'].content['application/json'].schema.properties.result;
    expect(Object.keys(result.properties.histograms.properties)).toEqual([
      'firstYearChange',
      'firstYearUsdBillions',
      'monthsToAgreement',
      'roundsToAgreement',
      'monthsInLapse',
      'furloughedWorkerMonths',
      'terms',
    ]);
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toEqual([
      'scenario',
      'document',
      'scenarioBody',
      'seed',
      'runs',
    ]);
  });
});
