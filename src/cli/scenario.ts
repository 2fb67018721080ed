/** Scenarios as the CLI sees them: a bundled name (data/scenarios/<name>.yaml) or a path to a YAML or JSON file. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario, ScenarioStrategy, Side } from '../engine/negotiation/scenario.js';
import type { StrategyFlag } from '../io/negotiation-options.js';
import { CliFailure, usageError } from './errors.js';
import { fileProblem } from './record.js';

/** data/scenarios in this checkout. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../data/scenarios/', import.meta.url));

export const bundledScenarios = (): string[] =>
  readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();

const looksLikeFile = (arg: string): boolean => /[/\\]|\.(ya?ml|json)$/i.test(arg);

/** The file a scenario argument names: a path, or a bundled scenario's file. */
export function scenarioPath(arg: string, cwd: string): string {
  if (looksLikeFile(arg)) return resolve(cwd, arg);
  if (bundledScenarios().includes(arg)) return resolve(SCENARIO_DIR, `${arg}.yaml`);
  throw new CliFailure([
    { code: 'scenario/unknown', message: `no scenario '${arg}'; bundled: ${bundledScenarios().join(', ')}` },
  ]);
}

/** Reads and validates a scenario; a bad file fails with one positioned problem per bad field (exit 2). */
export async function loadScenario(arg: string, cwd: string): Promise<Scenario> {
  const path = scenarioPath(arg, cwd);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new CliFailure([{ code: 'file/unreadable', message: `cannot read the file: ${reason}`, file: arg }]);
  }
  const { parseScenarioFile } = await import('../io/scenario-file.js');
  const parsed = parseScenarioFile(bytes, looksLikeFile(arg) ? arg : `${arg}.yaml`);
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
