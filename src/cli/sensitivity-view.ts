/** `sma simulate <scenario> --sensitivity`: which uncertain parameters drive the spread (engine sensitivity.ts). */
import {
  type Scenario,
  scenarioName,
  sensitivityReport,
  sensitivityVariants,
  type SensitivityOutcome,
  type SensitivityReport,
} from '../index.js';
import { formatRate, type Lang } from '../i18n/format.js';
import { parameterLabel, sensitivityLabel, sensitivityMethod } from '../i18n/labels.js';
import { runScenarioMonteCarlo } from '../sim/scenario-pool.js';
import { createWorkerPool } from '../sim/worker-pool.js';
import { bold, renderTable, type styleFor } from './output.js';

/** Runs the baseline and every parameter at p10 and p90 on one worker pool, one variant after another. */
export async function runSensitivity(
  scenario: Scenario,
  o: { readonly seed: number; readonly runs: number; readonly workers: number },
  onVariant: (done: number, total: number) => void,
): Promise<SensitivityReport> {
  const variants = sensitivityVariants(scenario);
  const summaries = [];
  // One pool for every variant: starting threads per variant (19 for sma-13-talks) cost more than small runs.
  const pool = createWorkerPool({ threads: Math.max(1, o.workers) });
  try {
    for (const v of variants) {
      summaries.push(await runScenarioMonteCarlo(v.scenario, { seed: o.seed, runs: o.runs, workers: o.workers, pool }));
      onVariant(summaries.length, variants.length);
    }
  } finally {
    await pool.close();
  }
  return sensitivityReport(scenario, o.seed, o.runs, summaries);
}

// The title is this view's own; the column words and the method are shared with the web (labels.ts).
const TITLE = {
  en: 'What drives the spread: each parameter held at its p10 and p90, the others drawn ({runs} runs each, seed {seed})',
  ko: '분포를 좌우하는 변수: 변수 하나를 10%·90% 분위수에 고정하고 나머지는 추출 (각 {runs}회, 시드 {seed})',
};

/** The report as a table: one row per parameter, p10 → p90 of the parameter and of each outcome quantity. */
export function renderSensitivity(
  r: SensitivityReport,
  scenario: Scenario,
  lang: Lang,
  style: ReturnType<typeof styleFor>,
): string {
  const w = (key: Parameters<typeof sensitivityLabel>[0]) => sensitivityLabel(key, lang);
  const pct = (x: number | null) => (x === null ? '–' : formatRate(x, { signed: true }));
  const rate = (x: number) => formatRate(x);
  const months = (x: number | null) => (x === null ? '–' : x.toFixed(1));
  const value = (x: number) => String(Number(x.toPrecision(4)));
  const cells = (a: SensitivityOutcome, b?: SensitivityOutcome): string[] =>
    b === undefined
      ? [rate(a.agreementRate), pct(a.firstYearChangeP50), months(a.monthsToAgreementP50)]
      : [
          `${rate(a.agreementRate)} → ${rate(b.agreementRate)}`,
          `${pct(a.firstYearChangeP50)} → ${pct(b.firstYearChangeP50)}`,
          `${months(a.monthsToAgreementP50)} → ${months(b.monthsToAgreementP50)}`,
        ];
  const rows = [
    [w('baseline'), '', ...cells(r.baseline)],
    ...r.parameters.map((p) => [
      parameterLabel(p.path, lang, scenario),
      `${value(p.low)} → ${value(p.high)}`,
      ...cells(p.atLow, p.atHigh),
    ]),
  ];
  return (
    bold(style, `${scenarioName(scenario, lang)} (${scenario.id})`) +
    '\n' +
    TITLE[lang === 'ko' ? 'ko' : 'en'].replace('{runs}', String(r.runs)).replace('{seed}', String(r.seed)) +
    '\n' +
    renderTable(
      [
        { header: w('parameter') },
        { header: w('values'), align: 'right' },
        { header: w('agreementRate'), align: 'right' },
        { header: w('firstYearChangeP50'), align: 'right' },
        { header: w('monthsToAgreementP50'), align: 'right' },
      ],
      rows,
      style,
    ) +
    `${sensitivityMethod(r.method, lang)}\n`
  );
}
