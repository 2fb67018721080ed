/**
 * `sma calibrate` and `sma backtest` off the engine: ABC-SMC (engine/calibration) with the proposals of each batch
 * scored on the one worker pool (worker-pool.ts). Every proposal carries its own seed, so 1 or N workers give the identical fit.
 */
import {
  abcSmc,
  type AbcError,
  type AbcProgress,
  type AbcResult,
  type Evaluate,
} from '../engine/calibration/abc-smc.js';
import { talkModel, type TalkError, type TalkRecord } from '../engine/calibration/talk-model.js';
import type { Scenario } from '../engine/negotiation/scenario.js';
import { err, type Result } from '../engine/result.js';
import evaluateTalkProposals, { type TalkProposalsTask } from './calibration-task.js';
import { createWorkerPool, simTaskModule } from './worker-pool.js';

export interface CalibrateOptions {
  readonly seed: number;
  readonly population: number;
  readonly generations: number;
  /** Worker threads; 0 scores on this thread. */
  readonly workers: number;
  /** Evidence on record per talk id: rejections and consent votes (io/talk-record.ts). */
  readonly evidence?: TalkRecord;
  readonly onProgress?: (p: AbcProgress) => void;
}

/**
 * Fits the talk model of the scenarios (historical talks) by ABC-SMC.
 * @example const fit = await calibrateTalks([sma11, sma12], { seed: 1, population: 500, generations: 8, workers: 2 });
 */
export async function calibrateTalks(
  scenarios: readonly Scenario[],
  options: CalibrateOptions,
): Promise<Result<AbcResult, AbcError | TalkError>> {
  const evidence = options.evidence ?? {};
  const model = talkModel(scenarios, evidence);
  if (!model.ok) return err(model.error);
  const pool = options.workers > 0 ? createWorkerPool({ threads: options.workers }) : null;
  const taskModule = simTaskModule('calibration-task');
  const evaluate: Evaluate = async (proposals) => {
    const inside = proposals.filter((p) => p.simulate).map((p) => ({ theta: p.theta, seed: p.seed }));
    let scores: number[];
    if (pool === null) scores = evaluateTalkProposals({ scenarios, evidence, proposals: inside });
    else {
      // Slices of any size give the same distances; a few per worker keep both threads busy to the end, and at least
      // 16 proposals each, so that a Metropolis–Hastings step with few simulations does not pay a message per proposal.
      const size = Math.max(16, Math.ceil(inside.length / (4 * options.workers)));
      const slices: TalkProposalsTask[] = [];
      for (let i = 0; i < inside.length; i += size)
        slices.push({ scenarios, evidence, proposals: inside.slice(i, i + size) });
      const results = await Promise.all(slices.map((task) => pool.run(taskModule, task) as Promise<number[]>));
      scores = results.flat();
    }
    let next = 0;
    return proposals.map((p) => (p.simulate ? (scores[next++] as number) : Infinity));
  };
  try {
    return await abcSmc(
      model.value.parameters,
      { seed: options.seed, population: options.population, generations: options.generations },
      evaluate,
      options.onProgress,
    );
  } finally {
    await pool?.close();
  }
}
