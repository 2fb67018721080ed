/**
 * Monte Carlo across worker threads (worker-pool.ts). Chunks are fixed by the run count and chunk size, never by the
 * number of workers, and summaries merge exactly, so 1 or N workers give the identical summary.
 */
import { availableParallelism } from 'node:os';
import {
  emptySummary,
  mergeSummaries,
  monteCarloChunks,
  type MonteCarloProgress,
  type MonteCarloSpec,
  type MonteCarloSummary,
} from '../engine/negotiation/monte-carlo.js';
import type { MonteCarloTask } from './monte-carlo-worker.js';
import { createWorkerPool, simTaskModule } from './worker-pool.js';

export interface ParallelMonteCarloOptions {
  /** Worker threads (default: all cores). */
  readonly workers?: number;
  readonly chunkSize?: number;
  /** Called as chunks finish, with the runs done so far and the summary merged so far. */
  readonly onProgress?: (progress: MonteCarloProgress) => void;
}

/**
 * Runs a Monte Carlo spec over worker threads.
 * @example const summary = await runMonteCarloParallel(spec, { workers: 4, onProgress: (p) => log(p.done) });
 */
export async function runMonteCarloParallel(
  spec: MonteCarloSpec,
  options: ParallelMonteCarloOptions = {},
): Promise<MonteCarloSummary> {
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const pool = createWorkerPool({ threads: workers });
  let merged = emptySummary(spec);
  let done = 0;
  try {
    await Promise.all(
      monteCarloChunks(spec.runs, options.chunkSize ?? 250).map(async ([from, to]) => {
        const task: MonteCarloTask = { spec, from, to };
        const chunk = (await pool.run(simTaskModule('monte-carlo-worker'), task)) as MonteCarloSummary;
        merged = mergeSummaries(merged, chunk);
        done += to - from;
        options.onProgress?.({ done, total: spec.runs, summary: merged });
      }),
    );
  } finally {
    await pool.close();
  }
  return merged;
}
