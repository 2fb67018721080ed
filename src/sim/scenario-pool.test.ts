import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioChunk, mergeScenarioSummaries } from '../engine/negotiation/scenario.js';
import { parseScenarioFile } from '../io/scenario-file.js';
import { runScenarioMonteCarlo } from './scenario-pool.js';
import { createWorkerPool } from './worker-pool.js';

const parsed = parseScenarioFile(
  readFileSync(new URL('../../data/scenarios/sma-12-talks.yaml', import.meta.url)),
  'sma-12-talks.yaml',
);
if (!parsed.ok) throw new Error('sma-12-talks.yaml does not load');
const scenario = parsed.value;

describe("a scenario's Monte Carlo", () => {
  it('gives the identical summary on 1 and 2 workers and in one chunk on this thread, for the same seed', async () => {
    const one = await runScenarioMonteCarlo(scenario, { seed: 7, runs: 600, workers: 1, chunkSize: 150 });
    const progress: number[] = [];
    const two = await runScenarioMonteCarlo(scenario, {
      seed: 7,
      runs: 600,
      workers: 2,
      chunkSize: 150,
      onProgress: (done) => progress.push(done),
    });
    expect(two).toEqual(one);
    const here = mergeScenarioSummaries(runScenarioChunk(scenario, 7, 0, 300), runScenarioChunk(scenario, 7, 300, 600));
    expect(here).toEqual(one);
    expect(one.summary.runs).toBe(600);
    // taperedChunkRanges(600, 150): 11 chunks, reported as each ends (in any order on 2 threads)
    expect(progress).toHaveLength(11);
    expect(progress.at(-1)).toBe(600);
    expect(progress.every((done, i) => i === 0 || done > (progress[i - 1] as number))).toBe(true);
  });

  it('gives a fresh pool’s summary on a thread that ran this scenario and another before (its cached tables reused)', async () => {
    const other = parseScenarioFile(
      readFileSync(new URL('../../data/scenarios/sma-10-talks.yaml', import.meta.url)),
      'sma-10-talks.yaml',
    );
    if (!other.ok) throw new Error('sma-10-talks.yaml does not load');
    const fresh = await runScenarioMonteCarlo(scenario, { seed: 9, runs: 400, workers: 1, chunkSize: 200 });
    const pool = createWorkerPool({ threads: 1 });
    try {
      // the thread keeps one scenario's tables and fast plan (consent tables filled as read) between tasks
      await runScenarioMonteCarlo(scenario, { seed: 3, runs: 400, workers: 1, pool });
      const again = await runScenarioMonteCarlo(scenario, { seed: 9, runs: 400, workers: 1, chunkSize: 200, pool });
      await runScenarioMonteCarlo(other.value, { seed: 3, runs: 200, workers: 1, pool });
      const after = await runScenarioMonteCarlo(scenario, { seed: 9, runs: 400, workers: 1, chunkSize: 200, pool });
      expect(again).toEqual(fresh);
      expect(after).toEqual(fresh);
    } finally {
      await pool.close();
    }
  });
});
