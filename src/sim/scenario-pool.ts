/**
 * A scenario's Monte Carlo across worker threads (worker-pool.ts). Chunks depend only on the run count and chunk size
 * (`taperedChunkRanges`: the last ones smaller, so the threads finish together) and summaries merge exactly, so any
 * number of workers gives the identical summary.
 */
import { availableParallelism } from 'node:os';
import {
  emptyScenarioSummary,
  mergeScenarioSummaries,
  type Scenario,
  type ScenarioStrategy,
  type ScenarioSummary,
  type Side,
} from '../engine/negotiation/scenario.js';
import type { ScenarioTask } from './scenario-worker.js';
import { createWorkerPool, simTaskModule, taperedChunkRanges, type WorkerPool } from './worker-pool.js';

export interface ScenarioMonteCarloOptions {
  readonly seed: number;
  readonly runs: number;
  /** Worker threads (default: all cores). */
  readonly workers?: number;
  readonly chunkSize?: number;
  /** Strategies played instead of the scenario's (drawn) ones. */
  readonly strategies?: Partial<Record<Side, ScenarioStrategy>>;
  readonly onProgress?: (done: number, total: number) => void;
  /** A pool to run on (left open for the caller's next run); without it one is started and closed here. */
  readonly pool?: WorkerPool;
}

/**
 * Runs a scenario's Monte Carlo over worker threads.
 * @example const summary = await runScenarioMonteCarlo(scenario, { seed: 1, runs: 10_000, workers: 2 });
 */
export async function runScenarioMonteCarlo(
  scenario: Scenario,
  options: ScenarioMonteCarloOptions,
): Promise<ScenarioSummary> {
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const chunkSize = options.chunkSize ?? Math.max(250, Math.min(20_000, Math.ceil(options.runs / 40)));
  const pool = options.pool ?? createWorkerPool({ threads: workers });
  let merged = emptyScenarioSummary(scenario);
  let done = 0;
  try {
    await Promise.all(
      taperedChunkRanges(options.runs, chunkSize).map(async ([from, to]) => {
        const task: ScenarioTask = { scenario, seed: options.seed, from, to, strategies: options.strategies ?? {} };
        const chunk = (await pool.run(simTaskModule('scenario-worker'), task)) as ScenarioSummary;
        merged = mergeScenarioSummaries(merged, chunk);
        done += to - from;
        options.onProgress?.(done, options.runs);
      }),
    );
  } finally {
    if (options.pool === undefined) await pool.close();
  }
  return merged;
}
