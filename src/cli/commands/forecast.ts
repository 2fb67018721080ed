/**
 * `sma forecast <scenario…>`: fit the talk model to historical talks (as `sma calibrate` does) and write each forecast
 * scenario on that fit, `<dir>/<id>-fitted.yaml`: its shared concession exponents from the fit's posterior, its own
 * parameters on their stated priors — what `sma backtest` does for a held-out talk (`predictTalk`).
 */
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  calibrationJson,
  fittedOnText,
  fittedScenario,
  scenarioParameters,
  SHARED_PARAMETERS,
  talkOrdinal,
  talkTargets,
  type Scenario,
} from '../../index.js';
import { calibratedScenarioText } from '../../io/calibrated-scenario.js';
import { forecastOptionsSchema } from '../../io/calibration-options.js';
import { parseScenarioFile } from '../../io/scenario-file.js';
import { calibrateTalks } from '../../sim/calibration.js';
import { CliFailure, EXIT_OK, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { toJson } from '../output.js';
import { bundledScenarios, loadScenario, scenarioPath } from '../scenario.js';
import { fitProgress, loadTalks } from './calibrate.js';
import { fittedParameterLabel } from '../calibration-words.js';

const OPTIONS = {
  from: { type: 'string', multiple: true },
  seed: { type: 'string' },
  workers: { type: 'string' },
  population: { type: 'string' },
  generations: { type: 'string' },
  'out-dir': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: sma forecast <scenario…> [--from TALK,…] [--seed S] [--workers W] [--population N] [--generations G] [--out-dir DIR] [--json] [--lang en|ko]

Fits the talk model to the historical talks (--from, repeatable or comma-separated; default: every historical talk
in the catalogue) by ABC-SMC, as sma calibrate does, and writes each forecast scenario on that fit as
DIR/<id>-fitted.yaml: the parameters shared across talks (${SHARED_PARAMETERS.join(', ')}) take the fit's
posterior (a normal with its weighted mean and sd), every other uncertain parameter keeps the scenario's stated prior
— what sma backtest does for a held-out talk. Each fitted value's source says what it was fitted to, how, and when.
Then: sma simulate <id> runs the fitted forecast (--prior for the scenario's own priors).
Defaults: --seed 1 --workers 2 --population 1000 --generations 8 --out-dir . docs/scenarios.md: "Forecasts on the fit".
`;

/** The historical talks of the catalogue (a real outcome, not itself a fitted file), in the order of their SMA. */
async function historicalTalks(io: CliIo): Promise<string[]> {
  const all = await Promise.all((await bundledScenarios(io)).map((id) => loadScenario(id, io)));
  return all
    .filter((s) => s.fitted === undefined && talkTargets(s).ok)
    .map((s) => s.id)
    .sort((a, b) => (talkOrdinal(a) ?? Infinity) - (talkOrdinal(b) ?? Infinity) || a.localeCompare(b));
}

/** The posterior's weighted correlation of two parameters (null when one is not fitted or does not vary). */
function correlation(
  fit: { parameters: readonly { name: string }[]; posterior: readonly { theta: readonly number[]; weight: number }[] },
  names: readonly string[],
): number | null {
  const [i, j] = names.map((n) => fit.parameters.findIndex((p) => p.name === n));
  if (i === undefined || j === undefined || i < 0 || j < 0) return null;
  const total = fit.posterior.reduce((s, p) => s + p.weight, 0);
  const mean = (k: number) => fit.posterior.reduce((s, p) => s + (p.weight / total) * (p.theta[k] as number), 0);
  const [mi, mj] = [mean(i), mean(j)];
  const co = (a: number, ma: number, b: number, mb: number) =>
    fit.posterior.reduce(
      (s, p) => s + (p.weight / total) * ((p.theta[a] as number) - ma) * ((p.theta[b] as number) - mb),
      0,
    );
  const denominator = Math.sqrt(co(i, mi, i, mi) * co(j, mj, j, mj));
  return denominator > 0 ? Math.round((co(i, mi, j, mj) / denominator) * 1e4) / 1e4 : null;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OPTIONS, forecastOptionsSchema);
  if (o.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0)
    throw usageError(
      `expected one or more scenarios to forecast, e.g. sma forecast sma-13-talks (bundled: ${(await bundledScenarios(io)).join(', ')})`,
    );
  const forecasts: Scenario[] = await Promise.all(positionals.map((id) => loadScenario(id, io)));
  for (const s of forecasts)
    if (!scenarioParameters(s).some((p) => SHARED_PARAMETERS.includes(p.name)))
      throw new CliFailure([
        {
          code: 'calibration/nothing_shared',
          message: `${s.id}: declares none of the parameters a fit shares across talks (uncertainty.strategies.<side>.e, uncertainty.horizon, uncertainty.failedVoteCost: ${SHARED_PARAMETERS.join(', ')}), so a fit would change nothing`,
        },
      ]);
  const from = o.from ?? (await historicalTalks(io));
  const { scenarios, targets, evidence } = await loadTalks(from, io);
  const fit = await calibrateTalks(scenarios, {
    seed: o.seed,
    population: o.population,
    generations: o.generations,
    workers: o.workers,
    evidence,
    onProgress: fitProgress(io, '', o.lang),
  });
  if (!fit.ok) throw new CliFailure([{ code: fit.error.code, message: fit.error.message }]);
  const date = new Date().toISOString().slice(0, 10);
  const written: { id: string; file: string }[] = [];
  for (const [k, s] of forecasts.entries()) {
    const fitted = fittedScenario(s, fit.value, targets, { date, command: `sma forecast --seed ${o.seed}` });
    const text = calibratedScenarioText(readFileSync(await scenarioPath(positionals[k] as string, io), 'utf8'), fitted);
    const file = resolve(io.cwd, o['out-dir'], `${s.id}-fitted.yaml`);
    // The written file must load as any scenario does; a failure here is ours.
    const check = parseScenarioFile(new TextEncoder().encode(text), file);
    if (!check.ok)
      throw new CliFailure(
        check.error.map((e) => ({ code: e.code, message: JSON.stringify(e) })),
        1,
      );
    writeFileSync(file, text);
    written.push({ id: check.value.id, file });
  }
  const { method, seed, talks, population, generations, stopped, parameters, tolerances } = calibrationJson(
    fit.value,
    targets,
    [],
    null,
  );
  const json = {
    method,
    seed,
    talks,
    population,
    generations,
    stopped,
    date,
    shared: parameters.filter((p) => SHARED_PARAMETERS.includes(p.name)),
    // The written file draws the shared parameters apart; the exponents' weighted correlation in the posterior is (part
    // of) what that drops.
    sharedCorrelation: correlation(fit.value, ['strategies.us.e', 'strategies.rok.e']),
    tolerances,
    written,
  };
  if (o.json) io.stdout(toJson(json));
  else {
    const on = fittedOnText({ talks, method, seed, date }, o.lang);
    io.stdout(
      `${on}\n` +
        json.shared
          .map(
            (p) =>
              `  ${fittedParameterLabel(p.name, o.lang, {})}: ${p.mean} ± ${p.sd} (5 % ${p.p5}, 50 % ${p.p50}, 95 % ${p.p95})\n`,
          )
          .join('') +
        written.map((w) => `${o.lang === 'ko' ? '저장' : 'written'}: ${w.file} (${w.id})\n`).join(''),
    );
  }
  return EXIT_OK;
}
