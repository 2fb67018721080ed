// Role-play's scenarios: the one catalogue's (src/io/scenario-catalogue.ts), as a list or its files' problems.
import { err, ok, type Result } from '../engine/result.js';
import type { Scenario } from '../engine/negotiation/scenario.js';
import { BUNDLED_SCENARIO_DIR, loadScenarioCatalogue, type ScenarioCatalogue } from '../io/scenario-catalogue.js';
import type { ScenarioFileError } from '../io/scenario-file.js';

/** The bundled scenario directory (the catalogue's). */
export const defaultScenarioDir = BUNDLED_SCENARIO_DIR;

/**
 * Every scenario of a catalogue (the bundled one by default); any invalid file fails the whole load with its errors.
 * @example loadRolePlayScenarios() // ok([sma-10-talks, sma-11-talks, …])
 */
export function loadRolePlayScenarios(
  catalogue: ScenarioCatalogue = loadScenarioCatalogue(),
): Result<readonly Scenario[], readonly ScenarioFileError[]> {
  if (catalogue.problems.length > 0) return err(catalogue.problems);
  return ok(catalogue.ids().map((id) => catalogue.get(id) as Scenario));
}
