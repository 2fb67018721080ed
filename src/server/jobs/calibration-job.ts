import { z } from 'zod';
import { talkTargets } from '../../engine/calibration/talk-model.js';
import type { Scenario } from '../../engine/negotiation/scenario.js';
import { workerModule, type JobKind } from './job-kind.js';
import type { CalibrationChunk, CalibrationOutput } from './workers/calibration.js';

export interface CalibrationInput {
  readonly talks: readonly string[];
  readonly seed: number;
  readonly population: number;
  readonly generations: number;
  readonly runs: number;
}

const row = z.looseObject({});
/** The shape of `sma calibrate --json` (engine/calibration/report.ts `calibrationJson`). */
export const calibrationOutput = z.looseObject({
  method: z.string(),
  seed: z.number().int(),
  talks: z.array(z.string()),
  population: z.number().int(),
  generations: z.number().int(),
  stopped: z.enum(['generations', 'acceptance', 'tolerance', 'budget']),
  targets: z.array(row),
  parameters: z.array(row).describe('Posterior of each fitted parameter: mean, sd, 5 %, 50 %, 95 %, and its prior'),
  tolerances: z.array(row),
  inSample: z.array(row).describe('Each talk replayed `runs` times on the fit against its real outcome'),
  out: z.null(),
});

/**
 * `sma calibrate` as a job: the ABC-SMC fit of the talk model to historical talks (engine/calibration), one chunk.
 * Every proposal's seed is (seed, generation, index), so the fit is the same on any worker, after any retry.
 */
export function calibrationJob(
  scenarios: ReadonlyMap<string, Scenario>,
): JobKind<CalibrationInput, CalibrationChunk, CalibrationOutput, z.infer<typeof calibrationOutput>> {
  const ids = [...scenarios.keys()];
  const talksOf = (input: CalibrationInput) => input.talks.map((id) => scenarios.get(id) as Scenario);
  return {
    name: 'calibration',
    summary: 'Fits the talk model to historical talks by ABC-SMC, as `sma calibrate --json` does',
    title: { en: 'Calibration of the talk model', ko: '협상 모형 보정' },
    summaryKo: '과거 협상에 협상 모형을 ABC-SMC로 맞춥니다(`sma calibrate --json`과 같음)',
    // The bounds of `sma calibrate`'s flags (io/calibration-options.ts); the job's size goes against the per-job limit.
    input: z.object({
      talks: z
        .array(z.enum(ids as [string, ...string[]]))
        .min(1)
        .max(ids.length)
        .describe('Historical talks (bundled scenarios with a real outcome)'),
      seed: z.number().int().min(0).max(4294967295),
      population: z.number().int().min(10).max(100_000).describe('Particles per generation'),
      generations: z.number().int().min(1).max(50),
      runs: z.number().int().min(100).max(1_000_000).describe('In-sample replays of each talk on the fit'),
    }),
    output: calibrationOutput,
    worker: workerModule('calibration', import.meta.url),
    // The simulations it needs at the least: one per particle and generation, and the in-sample replays.
    runs: (input) => input.population * input.generations + input.runs * input.talks.length,
    check: (input) => {
      for (const s of talksOf(input)) {
        const t = talkTargets(s);
        if (!t.ok) return { code: t.error.code, message: `talks: ${t.error.talk}: ${t.error.message}`, field: 'talks' };
      }
      return null;
    },
    chunks: (input) => [
      {
        scenarios: talksOf(input),
        seed: input.seed,
        population: input.population,
        generations: input.generations,
        runs: input.runs,
      },
    ],
    combine: (_input, partials) => calibrationOutput.parse(partials[0]),
  };
}
