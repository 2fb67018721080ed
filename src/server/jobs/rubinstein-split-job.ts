import { z } from 'zod';
import { ruleMessage } from '../../i18n/problems.js';
import { chunkRanges } from '../../sim/worker-pool.js';
import { workerModule, type JobKind } from './job-kind.js';
import type { RubinsteinSplitChunk, RubinsteinSplitPartial } from './workers/rubinstein-split.js';

const discountRange = z
  .object({
    min: z.number().min(0).lt(1),
    max: z.number().min(0).lt(1),
  })
  .refine((range) => range.min <= range.max, { message: ruleMessage('max_not_below_min'), path: ['max'] });

export const rubinsteinSplitInput = z.object({
  seed: z.number().int().min(0).max(4294967295).describe('Seed of the run; the same seed gives the same result'),
  runs: z.number().int().min(1).describe('Number of Monte Carlo runs'),
  delta1: discountRange.describe('Uniform range of the first proposer’s discount factor'),
  delta2: discountRange.describe('Uniform range of the responder’s discount factor'),
  bins: z.number().int().min(1).max(200).default(20),
});
export type RubinsteinSplitInput = z.infer<typeof rubinsteinSplitInput>;

export const rubinsteinSplitOutput = z.object({
  runs: z.number().int(),
  meanShare: z.number(),
  standardDeviation: z.number(),
  /** 95 % normal interval on the mean share. */
  meanInterval95: z.tuple([z.number(), z.number()]),
  minShare: z.number(),
  maxShare: z.number(),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
});
export type RubinsteinSplitOutput = z.infer<typeof rubinsteinSplitOutput>;

const runsPerChunk = 2_000;

/** Monte Carlo of the Rubinstein (1982) split when both discount factors are uncertain (uniform ranges). */
export const rubinsteinSplitJob: JobKind<
  RubinsteinSplitInput,
  RubinsteinSplitChunk,
  RubinsteinSplitPartial,
  RubinsteinSplitOutput
> = {
  name: 'rubinstein-split',
  summary: 'Distribution of the first proposer’s Rubinstein share under uncertain discount factors',
  title: { en: 'Rubinstein split', ko: '루빈스타인 분할' },
  summaryKo: '불확실한 할인율 아래 먼저 제안하는 쪽의 루빈스타인 몫의 분포',
  input: rubinsteinSplitInput,
  output: rubinsteinSplitOutput,
  worker: workerModule('rubinstein-split', import.meta.url),
  runs: (input) => input.runs,
  chunks: (input) =>
    chunkRanges(input.runs, runsPerChunk).map(([from, to]) => ({
      seed: input.seed,
      first: from,
      count: to - from,
      delta1: input.delta1,
      delta2: input.delta2,
      bins: input.bins,
    })),
  combine: (input, partials) => {
    const count = partials.reduce((n, p) => n + p.count, 0);
    const sum = partials.reduce((s, p) => s + p.sum, 0);
    const sumOfSquares = partials.reduce((s, p) => s + p.sumOfSquares, 0);
    const mean = sum / count;
    const variance = count > 1 ? Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1)) : 0;
    const standardDeviation = Math.sqrt(variance);
    const halfWidth = (1.959963984540054 * standardDeviation) / Math.sqrt(count);
    return {
      runs: count,
      meanShare: mean,
      standardDeviation,
      meanInterval95: [mean - halfWidth, mean + halfWidth],
      minShare: Math.min(...partials.map((p) => p.min)),
      maxShare: Math.max(...partials.map((p) => p.max)),
      histogram: Array.from({ length: input.bins }, (_, bin) => ({
        from: bin / input.bins,
        to: (bin + 1) / input.bins,
        count: partials.reduce((n, p) => n + (p.histogram[bin] ?? 0), 0),
      })),
    };
  },
};
