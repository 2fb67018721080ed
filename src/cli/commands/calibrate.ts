/** `sma calibrate <talk…>`: fit the talk model to historical talks by ABC-SMC, optionally writing a fitted scenario. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type AbcProgress,
  fittedScenario,
  calibrationJson,
  inSampleChecks,
  talkTargets,
  type TalkRecord,
  type TalkTargets,
  type Scenario,
  ABC_SMC_METHOD,
} from '../../index.js';
import { talkRecordOf } from '../../io/talk-record.js';
import { formatRate } from '../../i18n/format.js';
import { calibratedScenarioText } from '../../io/calibrated-scenario.js';
import { calibrateOptionsSchema } from '../../io/calibration-options.js';
import { calibrateTalks } from '../../sim/calibration.js';
import { CliFailure, EXIT_OK, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { bold, renderTable, styleFor, toJson } from '../output.js';
import { ABC_SMC_METHOD_KO, cword, fittedParameterLabel, priorText } from '../calibration-words.js';
import type { ParameterNames } from '../../i18n/labels.js';
import type { Lang } from '../../i18n/format.js';
import { record } from '../record.js';
import { bundledScenarios, loadScenario, scenarioPath } from '../scenario.js';

const OPTIONS = {
  seed: { type: 'string' },
  workers: { type: 'string' },
  population: { type: 'string' },
  generations: { type: 'string' },
  out: { type: 'string' },
  runs: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: sma calibrate <talk…> [--seed S] [--workers W] [--population N] [--generations G] [--out file.yaml] [--runs R] [--json] [--lang en|ko]

Fits the parameters each talk's scenario declares uncertain (shared across talks: both concession exponents; per
talk: reservation values, lapse draws, bloc thresholds, …) to the record of historical talks (first-year change,
conclusion date, recorded rejections, the consent vote's passage and yes share) by adaptive ABC-SMC (Del Moral et al.
2012): each generation's tolerance keeps half the effective sample size, the particles are resampled and moved by
Metropolis–Hastings; it stops when the moves accept under 2 % or after G generations. The same seed gives the same fit
on any number of workers.
--out writes the first talk's scenario with the fitted distributions, each with its source. Each fitted talk is then
replayed R times on the fit (in sample) against the issue's checks.
Defaults: --seed 1 --workers 2 --population 1000 --generations 8 --runs 2000. docs/scenarios.md: "Calibration and backtest".
`;

/** The evidence on record (rejections, consent votes) for each talk whose id names its SMA. */
export async function talkRecord(scenarios: readonly Scenario[]): Promise<TalkRecord> {
  return talkRecordOf(await record(), scenarios);
}

/** Loads historical talks; a talk without a real outcome is refused here, before any worker starts. */
export async function loadTalks(
  ids: readonly string[],
  where: Pick<CliIo, 'env' | 'cwd'>,
): Promise<{ scenarios: Scenario[]; targets: TalkTargets[]; evidence: TalkRecord }> {
  const scenarios = await Promise.all(ids.map((id) => loadScenario(id, where)));
  const evidence = await talkRecord(scenarios);
  const targets: TalkTargets[] = [];
  for (const s of scenarios) {
    const t = talkTargets(s, evidence[s.id]);
    if (!t.ok) throw new CliFailure([{ code: t.error.code, message: `${t.error.talk}: ${t.error.message}` }]);
    targets.push(t.value);
  }
  return { scenarios, targets, evidence };
}

/** Progress on stderr: a bar per generation on a terminal, else a line per finished generation. */
export function fitProgress(io: CliIo, label: string, lang: Lang = 'en'): (p: AbcProgress) => void {
  return (p) => {
    const eps = Number.isFinite(p.tolerance) ? p.tolerance.toFixed(3) : '∞';
    const full = p.move >= p.moves;
    const line =
      lang === 'ko'
        ? `${label}${p.generation + 1}세대 (최대 ${p.generations})  ε ${eps}  ESS ${p.ess.toFixed(0)}  이동 ${p.move}/${p.moves}  시뮬레이션 ${p.simulations}회`
        : `${label}generation ${p.generation + 1} (at most ${p.generations})  ε ${eps}  ESS ${p.ess.toFixed(0)}  move ${p.move}/${p.moves}  simulations ${p.simulations}`;
    if (io.isErrTty) {
      const f = (p.generation + (p.moves === 0 ? 1 : p.move / p.moves)) / p.generations;
      const bar = '█'.repeat(Math.round(Math.min(1, f) * 30)).padEnd(30, '░');
      io.stderr(`\r${bar} ${line}   `);
    } else if (full) io.stderr(`${lang === 'ko' ? '보정' : 'calibrate'}: ${line}\n`);
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OPTIONS, calibrateOptionsSchema);
  if (o.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0)
    throw usageError(
      `expected one or more historical talks, e.g. sma calibrate sma-11-talks (bundled: ${(await bundledScenarios(io)).join(', ')})`,
    );
  const { scenarios, targets, evidence } = await loadTalks(positionals, io);
  const started = performance.now();
  const fit = await calibrateTalks(scenarios, {
    seed: o.seed,
    population: o.population,
    generations: o.generations,
    workers: o.workers,
    evidence,
    onProgress: fitProgress(io, '', o.lang),
  });
  if (io.isErrTty) io.stderr('\n');
  if (!fit.ok) throw new CliFailure([{ code: fit.error.code, message: fit.error.message }]);
  const seconds = (performance.now() - started) / 1000;
  let out: string | null = null;
  if (o.out !== undefined) {
    out = resolve(io.cwd, o.out);
    const first = scenarios[0] as Scenario;
    const text = calibratedScenarioText(
      readFileSync(await scenarioPath(positionals[0] as string, io), 'utf8'),
      fittedScenario(first, fit.value, targets, { date: new Date().toISOString().slice(0, 10) }),
    );
    // The written file must load as any scenario does; a failure here is ours.
    const { parseScenarioFile } = await import('../../io/scenario-file.js');
    const check = parseScenarioFile(new TextEncoder().encode(text), o.out);
    if (!check.ok)
      throw new CliFailure(
        check.error.map((e) => ({ code: e.code, message: JSON.stringify(e) })),
        1,
      );
    writeFileSync(out, text);
  }
  const inSample = inSampleChecks(scenarios, evidence, fit.value, o.seed, o.runs);
  const json = calibrationJson(fit.value, targets, inSample, out);
  if (o.json) io.stdout(toJson(json));
  else
    io.stdout(
      renderCalibration(json, o.lang, styleFor(io.env, io.isTty), Object.fromEntries(scenarios.map((s) => [s.id, s]))),
    );
  io.stderr(
    o.lang === 'ko'
      ? `보정: ${json.talks.join(', ')}, 작업자 ${o.workers}개, ${seconds.toFixed(1)}초\n`
      : `calibrate: ${json.talks.join(', ')} on ${o.workers} workers in ${seconds.toFixed(1)} s\n`,
  );
  return EXIT_OK;
}

const STOP_WORD = {
  generations: 'stoppedGenerations',
  acceptance: 'stoppedAcceptance',
  tolerance: 'stoppedTolerance',
  budget: 'stoppedBudget',
} as const;

function renderCalibration(
  j: ReturnType<typeof calibrationJson>,
  lang: Lang,
  style: ReturnType<typeof styleFor>,
  names: Readonly<Record<string, ParameterNames>>,
): string {
  const w = (x: Parameters<typeof cword>[0]) => cword(x, lang);
  const f = (x: number) => x.toFixed(3);
  const pct = (x: number | null) => (x === null ? '–' : formatRate(x, { signed: true }));
  const last = j.tolerances.at(-1);
  return (
    bold(style, `${w('calibrationOf')} ${j.talks.join(', ')}, ${w('seed')} ${j.seed}`) +
    '\n' +
    `${lang === 'ko' && j.method === ABC_SMC_METHOD ? ABC_SMC_METHOD_KO : j.method}\n${j.population} ${w('particles')}, ${j.generations} ${w('generations')} (${w(STOP_WORD[j.stopped])}), ${w('finalTolerance')} ${last?.tolerance ?? '∞'}\n${w('ess')}: ${j.tolerances.map((g) => `${g.ess.toFixed(0)}${g.resampled ? '*' : ''}`).join(', ')} ${w('resampled')}\n\n` +
    renderTable(
      [
        { header: w('parameter') },
        { header: w('prior') },
        { header: w('mean'), align: 'right' },
        { header: w('sd'), align: 'right' },
        { header: '5%', align: 'right' },
        { header: '50%', align: 'right' },
        { header: '95%', align: 'right' },
      ],
      j.parameters.map((p) => [
        fittedParameterLabel(p.name, lang, names),
        p.prior ? priorText(p.prior, lang) : '',
        f(p.mean),
        f(p.sd),
        f(p.p5),
        f(p.p50),
        f(p.p95),
      ]),
      style,
    ) +
    `\n${w('inSample')}\n` +
    renderTable(
      [
        { header: w('talk') },
        { header: w('deals'), align: 'right' },
        { header: w('firstYear') },
        { header: w('real') },
        { header: w('concluded') },
        { header: w('real') },
        { header: w('failedVote'), align: 'right' },
      ],
      j.inSample.map((t) => [
        t.id,
        `${((t.predicted.agreementRate ?? 0) * 100).toFixed(0)} %`,
        `${pct(t.predicted.firstYearChange.p10)} … ${pct(t.predicted.firstYearChange.p90)}`,
        `${pct(t.real.firstYearChange)} (${t.pit.firstYearChange?.toFixed(2) ?? '–'})`,
        `${t.predicted.concluded.p10 ?? '–'} … ${t.predicted.concluded.p90 ?? '–'}`,
        `${t.real.concluded} (${t.pit.concluded?.toFixed(2) ?? '–'})`,
        `${(t.runsWithFailedVote * 100).toFixed(0)} %`,
      ]),
      style,
    ) +
    (j.out ? `\n${w('written')} ${j.out}\n` : '')
  );
}
