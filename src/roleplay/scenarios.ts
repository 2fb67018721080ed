// The bundled scenario files (data/scenarios/*.yaml) as role-play scenarios: io's parser, then the role-play subset.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../engine/result.js';
import type { RolePlayScenario } from '../engine/roleplay/index.js';
import { parseScenarioFile, type ScenarioFileError } from '../io/scenario-file.js';

export const defaultScenarioDir = 'data/scenarios';

/**
 * Every `*.yaml` scenario in a directory, by file name; any invalid file fails the whole load with its errors.
 * @example loadRolePlayScenarios('data/scenarios') // ok([sma-11-talks, sma-12-talks, sma-13-talks])
 */
export function loadRolePlayScenarios(
  dir: string = defaultScenarioDir,
): Result<readonly RolePlayScenario[], readonly ScenarioFileError[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const scenarios: RolePlayScenario[] = [];
  const problems: ScenarioFileError[] = [];
  for (const file of files) {
    const parsed = parseScenarioFile(readFileSync(join(dir, file)), file);
    if (parsed.ok) scenarios.push(parsed.value);
    else problems.push(...parsed.error);
  }
  return problems.length > 0 ? err(problems) : ok(scenarios);
}
