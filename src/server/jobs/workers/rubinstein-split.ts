// Worker thread: one chunk of the Rubinstein split Monte Carlo.
import { rubinsteinSplit } from '../../../engine/bargaining/closed-forms.js';
import { createRng, deriveSeed } from '../../../engine/random/rng.js';

export interface RubinsteinSplitChunk {
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly delta1: { readonly min: number; readonly max: number };
  readonly delta2: { readonly min: number; readonly max: number };
  readonly bins: number;
}

export interface RubinsteinSplitPartial {
  readonly count: number;
  readonly sum: number;
  readonly sumOfSquares: number;
  readonly min: number;
  readonly max: number;
  /** Counts of the first proposer's share in `bins` equal bins over [0, 1]. */
  readonly histogram: readonly number[];
}

const rubinsteinShare = (delta1: number, delta2: number): number => {
  const split = rubinsteinSplit(delta1, delta2);
  // The job's input schema keeps both discount factors in [0, 1), so a refusal here is a programmer error.
  if (!split.ok) throw new RangeError(`discount factors out of range: ${delta1}, ${delta2}`);
  return split.value.proposerShare;
};

export default function runChunk(chunk: RubinsteinSplitChunk): RubinsteinSplitPartial {
  const histogram = new Array<number>(chunk.bins).fill(0);
  let sum = 0;
  let sumOfSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = chunk.first; i < chunk.first + chunk.count; i++) {
    // Run i draws from its own seed, so the result does not depend on how runs are split across threads.
    const rng = createRng(deriveSeed(chunk.seed, i));
    const delta1 = chunk.delta1.min + (chunk.delta1.max - chunk.delta1.min) * rng.next();
    const delta2 = chunk.delta2.min + (chunk.delta2.max - chunk.delta2.min) * rng.next();
    const share = rubinsteinShare(delta1, delta2);
    sum += share;
    sumOfSquares += share * share;
    min = Math.min(min, share);
    max = Math.max(max, share);
    const bin = Math.min(chunk.bins - 1, Math.floor(share * chunk.bins));
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  return { count: chunk.count, sum, sumOfSquares, min, max, histogram };
}
