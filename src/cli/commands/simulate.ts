/** `sma simulate <scenario|file> --runs N --seed S --workers W`: many negotiations with uncertain inputs, summarised. */
import {
  fittedOnText,
  wilsonInterval,
  type QuantityReport,
  realOutcomeReport,
  scenarioName,
  scenarioQuantities,
  type Scenario,
  type ScenarioSummary,
} from '../../index.js';
import { formatRate, type Lang } from '../../i18n/format.js';
import { simulateOptionsSchema, STRATEGY_NAMES } from '../../io/negotiation-options.js';
import { runScenarioMonteCarlo } from '../../sim/scenario-pool.js';
import { EXIT_OK, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { word, type Word } from '../negotiation-view.js';
import { bold, renderTable, styleFor, toJson } from '../output.js';
import { bundledScenarios, fittedForecastId, loadScenario, resolveStrategy } from '../scenario.js';

/** What a fitted scenario runs on, in words; '' for a scenario on its stated priors. */
const fittedOnNote = (s: Scenario, lang: Lang): string => (s.fitted ? fittedOnText(s.fitted, lang) : '');
import { simulateRemote } from '../remote-simulate.js';
import { renderSensitivity, runSensitivity } from '../sensitivity-view.js';

const OPTIONS = {
  runs: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  remote: { type: 'string' },
  us: { type: 'string' },
  rok: { type: 'string' },
  json: { type: 'boolean' },
  sensitivity: { type: 'boolean' },
  prior: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: sma simulate <scenario|file> --runs N [--seed S] [--workers W] [--us STRATEGY] [--rok STRATEGY] [--sensitivity] [--prior] [--json] [--lang en|ko]
       sma simulate <scenario|file> --runs N [--seed S] --remote URL [--json]

Monte Carlo over a scenario's uncertain inputs (reservation values, strategies' parameters, bloc thresholds, lapse,
CPI, exchange rate). The same seed gives the same summary on any number of workers.
A forecast with a fitted version in the catalogue (sma-13-talks → sma-13-talks-fitted, written by sma forecast) runs
on the fitted parameters; --prior runs the scenario's own stated priors instead.
--sensitivity: which uncertain parameters drive the spread: each held at its p10 and p90 with the others drawn, on
the same random numbers (one-at-a-time, a tornado); --runs runs for the baseline and for each of those variants.
Strategies: ${STRATEGY_NAMES}.
--remote URL runs it as a job on the SMA Lab server at URL (its workers), showing the server's progress; --json
prints the job's result as GET /api/jobs/{id} gives it.
`;

export type Quantity = QuantityReport;

const r6 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e6) / 1e6);
const rounded = (q: QuantityReport): Quantity => ({
  mean: r6(q.mean),
  p5: r6(q.p5),
  p10: r6(q.p10),
  p25: r6(q.p25),
  p50: r6(q.p50),
  p75: r6(q.p75),
  p90: r6(q.p90),
  p95: r6(q.p95),
  n: q.n,
});

/**
 * The summary as JSON: rates with their Wilson 95 % interval, and mean and 5/10/25/50/75/90/95 % points of each
 * quantity (engine `scenarioQuantities`, the API's job result reports the same under the same keys; `duration` here
 * is `term:duration` there), and the real outcome with its months to agreement (engine `realOutcomeReport`).
 */
export function simulationJson(scenario: Scenario, s: ScenarioSummary, seed: number) {
  const m = s.summary;
  const share = (k: number) => ({
    count: k,
    share: m.runs === 0 ? 0 : r6(k / m.runs),
    interval95: wilsonInterval(k, m.runs).map(r6),
  });
  const all = Object.fromEntries(Object.entries(scenarioQuantities(s)).map(([k, q]) => [k, rounded(q)]));
  const describe = (key: string): Quantity => all[key] as Quantity;
  const duration = all['term:duration'];
  const real = realOutcomeReport(scenario);
  return {
    scenario: scenario.id,
    fitted: scenario.fitted ?? null,
    seed,
    runs: m.runs,
    agreementRate: r6(m.runs === 0 ? 0 : m.agreements / m.runs),
    agreementInterval95: wilsonInterval(m.agreements, m.runs).map(r6),
    reasons: m.reasons,
    ratificationFailures: m.ratificationFailures,
    runsWithRatificationFailure: m.runsWithRatificationFailure,
    ratificationPostponements: m.ratificationPostponements,
    runsWithPostponement: m.runsWithPostponement,
    ratificationsNotHeld: m.ratificationsNotHeld,
    quantities: {
      ...all,
      firstYearChange: describe('firstYearChange'),
      ...(duration ? { duration } : {}),
      monthsToAgreement: describe('monthsToAgreement'),
      roundsToAgreement: describe('roundsToAgreement'),
      monthsInLapse: describe('monthsInLapse'),
      furloughedWorkerMonths: describe('furloughedWorkerMonths'),
      firstYearUsdBillions: describe('firstYearUsdBillions'),
    },
    realOutcome: scenario.realOutcome
      ? {
          ...scenario.realOutcome,
          firstRound: real?.firstRound ?? null,
          monthsToAgreement: real?.monthsToAgreement ?? null,
          withinOnePointOfFirstYear: share(s.nearRealChange),
          withinTwoMonthsOfConclusion: share(s.nearRealDate),
          both: share(s.nearRealBoth),
        }
      : null,
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OPTIONS, simulateOptionsSchema);
  if (o.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1)
    throw usageError(
      `expected one scenario, e.g. sma simulate sma-13-talks --runs 10000 (bundled: ${(await bundledScenarios(io)).join(', ')})`,
    );
  const id = o.prior ? (positionals[0] ?? '') : await fittedForecastId(positionals[0] ?? '', io);
  if (id !== positionals[0]) {
    const on = fittedOnNote(await loadScenario(id, io), o.lang);
    io.stderr(
      o.lang === 'ko'
        ? `시뮬레이션: ${id}, ${on}. ${positionals[0]}의 원래 사전분포로는 --prior\n`
        : `simulate: ${id}, ${on}; --prior for ${positionals[0]}'s own priors\n`,
    );
  }
  if (o.remote !== undefined) {
    if (o.us !== undefined || o.rok !== undefined) throw usageError('--us and --rok are not available with --remote');
    return simulateRemote(o.remote, id, o, io);
  }
  const scenario = await loadScenario(id, io);
  if (o.sensitivity) {
    if (o.us !== undefined || o.rok !== undefined)
      throw usageError('--sensitivity varies the scenario’s own draws; leave out --us and --rok');
    const report = await runSensitivity(scenario, o, (done, total) =>
      io.stderr(o.lang === 'ko' ? `시뮬레이션: 변형 ${done}/${total}\n` : `simulate: variant ${done}/${total}\n`),
    );
    io.stdout(o.json ? toJson(report) : renderSensitivity(report, scenario, o.lang, styleFor(io.env, io.isTty)));
    return EXIT_OK;
  }
  const us = resolveStrategy(scenario, 'us', o.us);
  const rok = resolveStrategy(scenario, 'rok', o.rok);
  const started = performance.now();
  let nextLine = 0.1;
  const summary = await runScenarioMonteCarlo(scenario, {
    seed: o.seed,
    runs: o.runs,
    workers: o.workers,
    strategies: { ...(us ? { us } : {}), ...(rok ? { rok } : {}) },
    onProgress: (done, total) => {
      const f = done / total;
      if (io.isErrTty) {
        const width = 30;
        const bar = '█'.repeat(Math.round(f * width)).padEnd(width, '░');
        io.stderr(`\r${bar} ${(f * 100).toFixed(0).padStart(3)}%  ${done}/${total}${done === total ? '\n' : ''}`);
      } else if (f >= nextLine || done === total) {
        io.stderr(
          o.lang === 'ko'
            ? `시뮬레이션: ${done}/${total}회 (${(f * 100).toFixed(0)}%)\n`
            : `simulate: ${done}/${total} runs (${(f * 100).toFixed(0)}%)\n`,
        );
        while (nextLine <= f) nextLine += 0.1;
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const json = simulationJson(scenario, summary, o.seed);
  if (o.json) {
    io.stdout(toJson(json));
    return EXIT_OK;
  }
  io.stdout(renderSummary(scenario, json, o.lang, styleFor(io.env, io.isTty)));
  io.stderr(
    o.lang === 'ko'
      ? `시뮬레이션: ${o.runs}회, 작업자 ${o.workers}개, ${seconds.toFixed(2)}초\n`
      : `simulate: ${o.runs} runs on ${o.workers} workers in ${seconds.toFixed(2)} s\n`,
  );
  return EXIT_OK;
}

type Json = ReturnType<typeof simulationJson>;

function renderSummary(scenario: Scenario, j: Json, lang: Lang, style: ReturnType<typeof styleFor>): string {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : formatRate(x, { signed: true }));
  const num = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '–' : x.toFixed(digits));
  const share = (x: { share: number | null; interval95: (number | null)[] }) =>
    `${formatRate(x.share ?? 0)} [${formatRate(x.interval95[0] ?? 0)}, ${formatRate(x.interval95[1] ?? 1)}]`;
  const q = (w: Word, v: Quantity, f: (x: number | null) => string): string[] => [
    word(w, lang),
    f(v.mean),
    f(v.p5),
    f(v.p50),
    f(v.p95),
  ];
  const rows: string[][] = [
    [word('runs', lang), String(j.runs), '', '', ''],
    [word('agreementRate', lang), share({ share: j.agreementRate, interval95: j.agreementInterval95 }), '', '', ''],
    [word('deadline', lang), String(j.reasons.deadline), '', '', ''],
    [word('walkaway', lang), String(j.reasons.walkaway), '', '', ''],
    [
      word('ratificationFailures', lang),
      `${j.ratificationFailures} (${j.runsWithRatificationFailure}${lang === 'ko' ? '회 실행' : ' runs'})`,
      '',
      '',
      '',
    ],
    [
      word('ratificationPostponements', lang),
      `${j.ratificationPostponements} (${j.runsWithPostponement}${lang === 'ko' ? '회 실행' : ' runs'}; ${
        lang === 'ko' ? '불개최' : 'not held'
      } ${j.ratificationsNotHeld})`,
      '',
      '',
      '',
    ],
    q('firstYearChange', j.quantities.firstYearChange, pct),
    ...(j.quantities.duration ? [q('duration', j.quantities.duration, (x) => num(x))] : []),
    q('monthsToAgreement', j.quantities.monthsToAgreement, (x) => num(x)),
    q('roundsToAgreement', j.quantities.roundsToAgreement, (x) => num(x)),
    q('monthsInLapse', j.quantities.monthsInLapse, (x) => num(x)),
    q('furloughed', j.quantities.furloughedWorkerMonths, (x) => num(x, 0)),
    q('usd', j.quantities.firstYearUsdBillions, (x) => num(x, 2)),
  ];
  if (j.realOutcome) {
    rows.push([word('nearReal', lang), share(j.realOutcome.withinOnePointOfFirstYear), '', '', '']);
    rows.push([word('nearRealDate', lang), share(j.realOutcome.withinTwoMonthsOfConclusion), '', '', '']);
  }
  const on = fittedOnNote(scenario, lang);
  return (
    bold(style, `${scenarioName(scenario, lang)} (${scenario.id}), ${lang === 'ko' ? '시드' : 'seed'} ${j.seed}`) +
    '\n' +
    (on === '' ? '' : `${on}\n`) +
    renderTable(
      [
        { header: word('quantity', lang) },
        { header: `${word('value', lang)} / ${word('mean', lang)}`, align: 'right' },
        { header: '5%', align: 'right' },
        { header: '50%', align: 'right' },
        { header: '95%', align: 'right' },
      ],
      rows,
      style,
    )
  );
}
