import type { Scenario } from '../../engine/negotiation/scenario.js';
import type { DocumentStore } from '../ports.js';
import type { AnyJobKind } from './job-kind.js';
import { calibrationJob } from './calibration-job.js';
import { negotiationMonteCarloJob } from './negotiation-monte-carlo-job.js';
import { rubinsteinSplitJob } from './rubinstein-split-job.js';
import { scenarioMonteCarloJob } from './scenario-monte-carlo-job.js';
import { loadScenarioCatalogue, scenarioDirs } from '../../io/scenario-catalogue.js';
import { scenarioSensitivityJob } from './scenario-sensitivity-job.js';
import { tournamentJob } from './tournament-job.js';

/**
 * Every kind of job, for the server (which admits and enqueues them) and for `sma worker` (which runs and combines
 * their chunks): both must list the same kinds, so they are listed once, here.
 */
export function jobKinds(
  // The same catalogue as the server's (bundled and $SMA_SCENARIO_DIR), so `sma worker` knows the same ids.
  scenarios: ReadonlyMap<string, Scenario> = loadScenarioCatalogue(
    scenarioDirs({ env: process.env, cwd: process.cwd() }),
  ).scenarios,
  documents?: DocumentStore,
): AnyJobKind[] {
  return [
    rubinsteinSplitJob,
    negotiationMonteCarloJob,
    scenarioMonteCarloJob(scenarios, documents),
    scenarioSensitivityJob(scenarios),
    calibrationJob(scenarios),
    tournamentJob(),
  ];
}
