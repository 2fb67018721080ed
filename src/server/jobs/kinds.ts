import type { Scenario } from '../../engine/negotiation/scenario.js';
import type { DocumentStore } from '../ports.js';
import type { AnyJobKind } from './job-kind.js';
import { negotiationMonteCarloJob } from './negotiation-monte-carlo-job.js';
import { rubinsteinSplitJob } from './rubinstein-split-job.js';
import { loadBundledScenarios, scenarioMonteCarloJob } from './scenario-monte-carlo-job.js';
import { scenarioSensitivityJob } from './scenario-sensitivity-job.js';

/** The bundled scenarios that the server and `sma worker` share. */
export const bundledScenariosDir = new URL('../../../data/scenarios/', import.meta.url);

/**
 * Every kind of job, for the server (which admits and enqueues them) and for `sma worker` (which runs and combines
 * their chunks): both must list the same kinds, so they are listed once, here.
 */
export function jobKinds(
  scenarios: ReadonlyMap<string, Scenario> = loadBundledScenarios(bundledScenariosDir),
  documents?: DocumentStore,
): AnyJobKind[] {
  return [
    rubinsteinSplitJob,
    negotiationMonteCarloJob,
    scenarioMonteCarloJob(scenarios, documents),
    scenarioSensitivityJob(scenarios),
  ];
}
