/**
 * A tournament across the worker pool (worker-pool.ts), in fixed chunks of negotiation indices. Each result depends
 * only on the spec and its index, so any number of workers gives the same results; `skip` holds indices already in
 * a results file (resuming), and `onResult` sees each new result as its chunk returns.
 */
import type { NegotiationResult, TournamentSpec } from '../engine/tournament/tournament.js';
import { runTournamentRange, tournamentSize } from '../engine/tournament/tournament.js';
import type { TournamentTask } from './tournament-worker.js';
import { createWorkerPool, simTaskModule } from './worker-pool.js';

export interface TournamentRunOptions {
  /** Worker threads; 0 runs on the calling thread. */
  readonly workers: number;
  readonly chunkSize?: number;
  /** Indices already done (from a results file): not run again. */
  readonly skip?: ReadonlySet<number>;
  readonly onResult?: (result: NegotiationResult) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Contiguous runs of indices not in `skip`, cut at chunk boundaries (fixed by index, not by worker count). */
export function pendingChunks(total: number, chunkSize: number, skip: ReadonlySet<number>): [number, number][] {
  const chunks: [number, number][] = [];
  for (let start = 0; start < total; start += chunkSize) {
    const end = Math.min(total, start + chunkSize);
    let i = start;
    while (i < end) {
      while (i < end && skip.has(i)) i++;
      let j = i;
      while (j < end && !skip.has(j)) j++;
      if (j > i) chunks.push([i, j]);
      i = j;
    }
  }
  return chunks;
}

/**
 * Runs the negotiations not yet done; returns the new results in index order.
 * @example const results = await runTournament(spec, { workers: 2, onResult: (r) => append(r) });
 */
export async function runTournament(spec: TournamentSpec, options: TournamentRunOptions): Promise<NegotiationResult[]> {
  const total = tournamentSize(spec);
  const skip = options.skip ?? new Set<number>();
  const chunks = pendingChunks(total, options.chunkSize ?? 500, skip);
  const results: NegotiationResult[] = [];
  let done = skip.size;
  const take = (chunk: readonly NegotiationResult[]) => {
    for (const r of chunk) {
      results.push(r);
      options.onResult?.(r);
    }
    done += chunk.length;
    options.onProgress?.(done, total);
  };
  if (options.workers <= 0) {
    for (const [from, to] of chunks) take(runTournamentRange(spec, from, to));
  } else {
    const pool = createWorkerPool({ threads: options.workers });
    try {
      await Promise.all(
        chunks.map(async ([from, to]) => {
          const task: TournamentTask = { spec, from, to };
          take((await pool.run(simTaskModule('tournament-worker'), task)) as NegotiationResult[]);
        }),
      );
    } finally {
      await pool.close();
    }
  }
  return results.sort((a, b) => a.index - b.index);
}
