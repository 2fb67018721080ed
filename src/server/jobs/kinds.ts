import type { Scenario } from '../../engine/negotiation/scenario.js';
import type { DocumentStore } from '../ports.js';
import type { AnyJobKind } from './job-kind.js';
import { calibrationJob } from './calibration-job.js';
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
  // The server's SMA_MAX_OUTCOMES_PER_JOB, which an inline scenario is checked against (the runner checks the others).
  maxOutcomes?: number,
): AnyJobKind[] {
  return [
    rubinsteinSplitJob,
    scenarioMonteCarloJob(scenarios, documents, maxOutcomes),
    scenarioSensitivityJob(scenarios, maxOutcomes),
    calibrationJob(scenarios),
    tournamentJob(),
  ];
}

/** A kind this server ran once and runs no more: its recorded jobs still read as they were stored. */
export interface RetiredJobKind {
  readonly name: string;
  /** The kind that does its work now. */
  readonly replacement: string;
  /** Why it went and how to ask the replacement for the same thing. */
  readonly message: string;
}

/**
 * Kinds that were retired. Starting one answers 410 `job/kind_retired` naming the replacement; a recorded job of one
 * (SQLite or PostgreSQL) is still read by GET /api/jobs/{id} with its stored input and result, never rerun.
 */
export const retiredJobKinds: readonly RetiredJobKind[] = [
  {
    name: 'negotiation-monte-carlo',
    replacement: 'scenario-monte-carlo',
    message:
      "Jobs of kind negotiation-monte-carlo are retired: every simulation now runs on one scenario model, whose votes and lapse are the record's, not stand-ins. " +
      'Post the negotiation as a scenario to POST /api/jobs/scenario-monte-carlo instead: a bundled id in `scenario`, or your own ' +
      'scenario file as JSON in `scenarioBody` (any issues, preferences, uncertain strategies and reservations, a lapse; docs/scenarios.md).',
  },
];
