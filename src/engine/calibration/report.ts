/**
 * The result of a calibration as `sma calibrate --json` prints it and the calibration job returns it: the fit's
 * posterior marginals, its tolerances, and each fitted talk replayed on the fit against the in-sample checks.
 */
import { marginals, type AbcResult } from './abc-smc.js';
import { inSampleCheck, predictTalk } from './predict.js';
import { prepareTalk, type TalkRecord, type TalkTargets } from './talk-model.js';
import type { Scenario } from '../negotiation/scenario.js';

/** Each fitted talk replayed `runs` times on the fit (in sample) against the checks. */
export function inSampleChecks(
  scenarios: readonly Scenario[],
  record: TalkRecord,
  fit: AbcResult,
  seed: number,
  runs: number,
): ReturnType<typeof inSampleCheck>[] {
  return scenarios.map((s) => {
    const talk = prepareTalk(s, record[s.id]);
    // The fit succeeded on these talks, so each has a real outcome.
    if (!talk.ok) throw new Error(`${talk.error.code}: ${talk.error.talk}`);
    return inSampleCheck(talk.value, predictTalk(talk.value, fit, seed, runs));
  });
}

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function calibrationJson(
  fit: AbcResult,
  targets: readonly TalkTargets[],
  inSample: readonly ReturnType<typeof inSampleCheck>[],
  out: string | null,
) {
  return {
    method: fit.method,
    seed: fit.settings.seed,
    talks: targets.map((t) => t.id),
    population: fit.settings.population,
    generations: fit.generations.length,
    stopped: fit.stopped,
    targets,
    parameters: marginals(fit).map((m, i) => ({
      name: m.name,
      prior: fit.parameters[i]?.prior,
      mean: r6(m.mean),
      sd: r6(m.sd),
      p5: r6(m.p5),
      p50: r6(m.p50),
      p95: r6(m.p95),
    })),
    settings: fit.settings,
    // Per generation: ε, the ESS of the weights at ε (before resampling), whether it resampled, the Metropolis–Hastings
    // steps and their acceptance rate, and the distinct parameter vectors left after the moves.
    tolerances: fit.generations.map((g) => ({
      generation: g.index,
      tolerance: Number.isFinite(g.tolerance) ? r6(g.tolerance) : null,
      ess: r6(g.ess),
      resampled: g.resampled,
      moves: g.moves,
      acceptance: g.acceptance === null ? null : r6(g.acceptance),
      distinct: g.distinct,
      proposals: g.proposals,
      simulations: g.simulations,
    })),
    inSample,
    out,
  };
}

export type CalibrationJson = ReturnType<typeof calibrationJson>;
