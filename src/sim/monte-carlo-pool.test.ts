import { describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../engine/negotiation/monte-carlo.js';
import { PRICE_LAPSE_MONTE_CARLO } from '../engine/negotiation/monte-carlo-example.js';
import { runMonteCarloParallel } from './monte-carlo-pool.js';

const spec = { ...PRICE_LAPSE_MONTE_CARLO, seed: 20191218, runs: 200 };

describe('Monte Carlo over worker threads', () => {
  it('gives the identical summary on 1 and 2 workers and on this thread, for the same seed', async () => {
    const progress: number[] = [];
    const one = await runMonteCarloParallel(spec, { workers: 1, chunkSize: 50 });
    const two = await runMonteCarloParallel(spec, {
      workers: 2,
      chunkSize: 50,
      onProgress: (p) => progress.push(p.done),
    });
    expect(two).toEqual(one);
    expect(runMonteCarlo(spec, { chunkSize: 50 })).toEqual(one);
    expect(one.runs).toBe(200);
    expect(progress.at(-1)).toBe(200);
    expect(progress).toHaveLength(4);
  }, 60_000); // worker threads load TypeScript through tsx, slow on a busy machine
});
