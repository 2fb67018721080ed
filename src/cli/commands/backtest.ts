/**
 * `sma backtest`: for every historical talk, fit the talk model on the other talks, predict the held-out talk from
 * that fit (its own parameters drawn from its scenario's priors) and score the forecast against the record and a naive baseline.
 */
import {
  ABC_SMC_METHOD,
  naiveBaseline,
  predictTalk,
  scoreTalk,
  NAIVE_BASELINE_NAME,
  type BacktestTalk,
  prepareTalk,
  talkOrdinal,
  talkTargets,
} from '../../index.js';
import { formatRate } from '../../i18n/format.js';
import { backtestOptionsSchema } from '../../io/calibration-options.js';
import { calibrateTalks } from '../../sim/calibration.js';
import { CliFailure, EXIT_OK, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { bold, renderTable, styleFor, toJson } from '../output.js';
import { BACKTEST_METHOD_KO, cword } from '../calibration-words.js';
import type { Lang } from '../../i18n/format.js';
import { record } from '../record.js';
import { bundledScenarios, loadScenario } from '../scenario.js';
import { fitProgress, talkRecord } from './calibrate.js';

const OPTIONS = {
  seed: { type: 'string' },
  workers: { type: 'string' },
  population: { type: 'string' },
  generations: { type: 'string' },
  runs: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: sma backtest [--seed S] [--workers W] [--population N] [--generations G] [--runs R] [--json] [--lang en|ko]

Leave one talk out: for every bundled historical talk, fit the talk model on the others by ABC-SMC, replay the
held-out talk R times from that fit (its own parameters drawn from its scenario's priors), and score the forecast: PIT of the
real first-year change and conclusion date, CRPS of the first-year change against a naive baseline:
${NAIVE_BASELINE_NAME}.
Defaults: --seed 1 --workers 2 --population 500 --generations 7 --runs 10000.
`;

export const BACKTEST_METHOD = `leave one talk out; fit by ${ABC_SMC_METHOD}; baseline: ${NAIVE_BASELINE_NAME}`;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OPTIONS, backtestOptionsSchema);
  if (o.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0)
    throw usageError('sma backtest takes no talk: it holds out every historical talk in turn');
  const all = await Promise.all((await bundledScenarios(io)).map((id) => loadScenario(id, io)));
  const historical = all.filter((s) => talkTargets(s).ok);
  const evidence = await talkRecord(historical);
  if (historical.length < 2)
    throw new CliFailure([
      { code: 'calibration/too_few_talks', message: 'a backtest needs at least two historical talks' },
    ]);
  const agreements = (await record()).agreements.map((a) => ({
    ordinal: a.ordinal,
    firstYearChange: a.facts.yearly_amounts[0]?.yoy_change ?? null,
  }));
  const talks: BacktestTalk[] = [];
  for (const held of historical) {
    const others = historical.filter((s) => s !== held);
    const fit = await calibrateTalks(others, {
      seed: o.seed,
      population: o.population,
      generations: o.generations,
      workers: o.workers,
      evidence,
      onProgress: fitProgress(io, o.lang === 'ko' ? `${held.id} 제외: ` : `${held.id} held out: `, o.lang),
    });
    if (io.isErrTty) io.stderr('\n');
    if (!fit.ok) throw new CliFailure([{ code: fit.error.code, message: fit.error.message }]);
    const talk = prepareTalk(held, evidence[held.id]);
    const ordinal = talkOrdinal(held.id);
    const baseline = ordinal === null ? null : naiveBaseline(ordinal, agreements);
    if (!talk.ok || baseline === null)
      throw new CliFailure([
        { code: 'calibration/no_baseline', message: `${held.id}: no previous agreements on record for the baseline` },
      ]);
    talks.push(scoreTalk(talk.value, predictTalk(talk.value, fit.value, o.seed, o.runs), baseline));
  }
  const json = { method: BACKTEST_METHOD, seed: o.seed, talks };
  io.stdout(o.json ? toJson(json) : renderBacktest(json, o.lang, styleFor(io.env, io.isTty)));
  return EXIT_OK;
}

function renderBacktest(
  j: { method: string; seed: number; talks: BacktestTalk[] },
  lang: Lang,
  style: ReturnType<typeof styleFor>,
): string {
  const w = (x: Parameters<typeof cword>[0]) => cword(x, lang);
  const pct = (x: number | null) => (x === null ? '–' : formatRate(x, { signed: true }));
  const num = (x: number | null, d = 3) => (x === null ? '–' : x.toFixed(d));
  const rows = j.talks.map((t) => [
    t.id,
    pct(t.real.firstYearChange),
    `${pct(t.predicted.firstYearChange.p10)} … ${pct(t.predicted.firstYearChange.p50)} … ${pct(t.predicted.firstYearChange.p90)}`,
    num(t.pit.firstYearChange, 2),
    `${num(t.crps.firstYearChange.model, 4)} / ${num(t.crps.firstYearChange.baseline, 4)}`,
    t.real.concluded,
    `${t.predicted.concluded.p10 ?? '–'} … ${t.predicted.concluded.p90 ?? '–'}`,
    num(t.pit.concluded, 2),
    num(t.predicted.agreementRate, 2),
  ]);
  const mean = (f: (t: BacktestTalk) => number | null) => {
    const xs = j.talks.map(f).filter((x): x is number => x !== null);
    return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
  };
  const model = mean((t) => t.crps.firstYearChange.model);
  const base = mean((t) => t.crps.firstYearChange.baseline);
  const pitsIn = j.talks.filter(
    (t) => t.pit.firstYearChange !== null && t.pit.firstYearChange >= 0.05 && t.pit.firstYearChange <= 0.95,
  ).length;
  return (
    bold(style, `${w('backtest')}, ${w('seed')} ${j.seed}`) +
    `\n${lang === 'ko' && j.method === BACKTEST_METHOD ? BACKTEST_METHOD_KO : j.method}\n\n` +
    renderTable(
      [
        { header: w('heldOut') },
        { header: w('realFirstYear'), align: 'right' },
        { header: w('predicted') },
        { header: 'PIT', align: 'right' },
        { header: w('crps') },
        { header: w('realDate') },
        { header: w('predictedDate') },
        { header: 'PIT', align: 'right' },
        { header: w('dealRate'), align: 'right' },
      ],
      rows,
      style,
    ) +
    `\n${w('meanCrps')}: ${w('model')} ${num(model, 4)}, ${w('baseline')} ${num(base, 4)} (${w(model !== null && base !== null && model < base ? 'better' : 'notBetter')}).\n` +
    `${w('pitWithin')}: ${pitsIn} ${w('of')} ${j.talks.length} ${w('talks')}.\n`
  );
}
