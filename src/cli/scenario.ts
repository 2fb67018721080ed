/**
 * Scenarios as the CLI sees them: a name from the scenario catalogue (data/scenarios, and $SMA_SCENARIO_DIR when set)
 * or a path to a YAML or JSON file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario, ScenarioStrategy, Side } from '../index.js';
import type { StrategyFlag } from '../io/negotiation-options.js';
import { CliFailure, fileProblem, usageError } from './errors.js';
import type { CliIo } from './io.js';

type Where = Pick<CliIo, 'env' | 'cwd'>;

const catalogueOf = async (where: Where) => {
  const { loadScenarioCatalogue, scenarioDirs } = await import('../io/scenario-catalogue.js');
  return loadScenarioCatalogue(scenarioDirs({ env: where.env, cwd: where.cwd }));
};

/** The names the catalogue offers (for usage lines). */
export const bundledScenarios = async (where: Where): Promise<readonly string[]> => (await catalogueOf(where)).ids();

const looksLikeFile = (arg: string): boolean => /[/\\]|\.(ya?ml|json)$/i.test(arg);

/** The file a scenario argument names: a path, or the catalogue's file for a scenario id. */
export async function scenarioPath(arg: string, where: Where): Promise<string> {
  if (looksLikeFile(arg)) return resolve(where.cwd, arg);
  const catalogue = await catalogueOf(where);
  const file = catalogue.files.get(arg);
  if (file !== undefined) return file;
  throw new CliFailure([
    { code: 'scenario/unknown', message: `no scenario '${arg}'; available: ${catalogue.ids().join(', ')}` },
  ]);
}

/**
 * The scenario a user's argument runs by default: a catalogue id with a fitted forecast beside it (`<id>-fitted`,
 * written by `sma forecast`) runs that one; a file, or an id without one, runs as named.
 * @example await fittedForecastId('sma-13-talks', io) // 'sma-13-talks-fitted'
 */
export async function fittedForecastId(arg: string, where: Where): Promise<string> {
  if (looksLikeFile(arg)) return arg;
  const fitted = (await catalogueOf(where)).get(`${arg}-fitted`);
  return fitted !== undefined && fitted.fitted !== undefined ? fitted.id : arg;
}

/** Reads and validates a scenario; a bad file fails with one positioned problem per bad field (exit 2). */
export async function loadScenario(arg: string, where: Where): Promise<Scenario> {
  const { parseScenarioFile } = await import('../io/scenario-file.js');
  if (!looksLikeFile(arg)) {
    const catalogue = await catalogueOf(where);
    const found = catalogue.get(arg);
    if (found !== undefined) return found;
    // A catalogue file that did not parse may be the one asked for: show its problems rather than "no scenario".
    const own = catalogue.problems.filter((p) => p.file.replace(/\.(ya?ml|json)$/i, '') === arg);
    if (own.length > 0) throw new CliFailure(own.map(fileProblem));
    throw new CliFailure([
      { code: 'scenario/unknown', message: `no scenario '${arg}'; available: ${catalogue.ids().join(', ')}` },
    ]);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(where.cwd, arg));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new CliFailure([{ code: 'file/unreadable', message: `cannot read the file: ${reason}`, file: arg }]);
  }
  const parsed = parseScenarioFile(bytes, arg);
  if (!parsed.ok) throw new CliFailure(parsed.error.map(fileProblem));
  return parsed.value;
}

/** The strategy a flag names for a side; `replay` needs the scenario's recorded positions. */
export function resolveStrategy(
  scenario: Scenario,
  side: Side,
  flag: StrategyFlag | undefined,
): ScenarioStrategy | undefined {
  if (flag === undefined) return undefined;
  if (flag.kind !== 'replay') return flag;
  const own = scenario.strategies[side];
  if (own.kind !== 'replay')
    throw usageError(
      `--${side} replay: scenario ${scenario.id} has no recorded positions for the ${side.toUpperCase()}`,
    );
  return own;
}
