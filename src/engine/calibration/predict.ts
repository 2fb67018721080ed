/**
 * Posterior predictions of a talk and their scores against the record. A prediction replays the talk `runs` times,
 * run k from createRng(deriveSeed(seed, k)): a particle drawn by weight gives the fitted values; a parameter the fit did
 * not cover (a held-out talk's own parameters) is drawn from the talk's declared prior.
 */
import { civilFromDays, daysFromCivil, type CivilDate } from '../negotiation/calendar.js';
import { draw } from '../negotiation/distribution.js';
import { createRng, deriveSeed } from '../random/rng.js';
import type { Particle } from './abc-smc.js';
import type { CalibrationParameter } from './prior.js';
import { crpsFromSamples, crpsNormal, pit, randomizedPit, sampleQuantile } from './scores.js';
import { namedValues, seedFrom, simulateTalk, talkValues, type PreparedTalk } from './talk-model.js';

export interface FittedPosterior {
  readonly parameters: readonly CalibrationParameter[];
  readonly posterior: readonly Particle[];
}

export interface TalkPrediction {
  readonly runs: number;
  /** First-year change of each simulated deal. */
  readonly firstYearChanges: readonly number[];
  /** Conclusion day (days since 1970-01-01) of each simulated deal. */
  readonly concludedDays: readonly number[];
  readonly failedVotes: number;
  /** The uniforms v of the randomised PITs of the first-year change and the date (a stream of their own). */
  readonly pitUniforms: readonly [number, number];
}

/** Replays a talk `runs` times on a fitted posterior. */
export function predictTalk(talk: PreparedTalk, fit: FittedPosterior, seed: number, runs: number): TalkPrediction {
  const cumulative: number[] = [];
  let c = 0;
  for (const p of fit.posterior) cumulative.push((c += p.weight));
  const changes: number[] = [];
  const days: number[] = [];
  let failedVotes = 0;
  for (let k = 0; k < runs; k++) {
    const rng = createRng(deriveSeed(seed, k));
    const u = rng.next() * c;
    let i = cumulative.findIndex((x) => x > u);
    if (i < 0) i = cumulative.length - 1;
    const values = talkValues(talk, namedValues(fit.parameters, (fit.posterior[i] as Particle).theta));
    for (const p of talk.parameters) if (values[p.name] === undefined) values[p.name] = draw(p.prior, rng);
    const sim = simulateTalk(talk, values, seedFrom(rng));
    if (sim.voteFailed) failedVotes++;
    if (sim.firstYearChange !== null && sim.concluded !== null) {
      changes.push(sim.firstYearChange);
      days.push(daysFromCivil(sim.concluded));
    }
  }
  // Run k draws from deriveSeed(seed, k), k < runs; the PITs' uniforms from the next index, so they touch no run.
  const v = createRng(deriveSeed(seed, runs));
  return { runs, firstYearChanges: changes, concludedDays: days, failedVotes, pitUniforms: [v.next(), v.next()] };
}

/** The naive forecast a model must beat: a normal around a stated centre with a stated spread. */
export interface NaiveForecast {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
}

const round6 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e6) / 1e6);
const dateAt = (days: readonly number[], p: number): CivilDate | null => {
  const q = sampleQuantile(days, p);
  return q === null ? null : civilFromDays(Math.round(q));
};

/**
 * A prediction's quantiles and the PIT of the real outcome (shared by the backtest and the in-sample check): `pit` is
 * the share of simulated deals at or below the real value; `pitRandomized` breaks ties at the real value by a
 * uniform (Czado et al. 2009), so that a point mass on the real date reads as its draw, not as 1.
 */
function describe(talk: Pick<PreparedTalk, 'targets'>, prediction: TalkPrediction) {
  const t = talk.targets;
  const changes = prediction.firstYearChanges;
  const q = (p: number) => round6(sampleQuantile(changes, p));
  return {
    real: { firstYearChange: t.firstYearChange, concluded: t.concluded },
    predicted: {
      agreementRate: round6(changes.length / prediction.runs),
      firstYearChange: { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) },
      concluded: {
        p10: dateAt(prediction.concludedDays, 0.1),
        p50: dateAt(prediction.concludedDays, 0.5),
        p90: dateAt(prediction.concludedDays, 0.9),
      },
    },
    pit: {
      firstYearChange: round6(pit(changes, t.firstYearChange)),
      concluded: round6(pit(prediction.concludedDays, daysFromCivil(t.concluded))),
    },
    pitRandomized: {
      firstYearChange: round6(randomizedPit(changes, t.firstYearChange, prediction.pitUniforms[0])),
      concluded: round6(randomizedPit(prediction.concludedDays, daysFromCivil(t.concluded), prediction.pitUniforms[1])),
    },
  };
}

/** One talk's line of the backtest (the shape `sma backtest --json` prints). */
export function scoreTalk(talk: PreparedTalk, prediction: TalkPrediction, baseline: NaiveForecast) {
  const t = talk.targets;
  return {
    id: t.id,
    ...describe(talk, prediction),
    crps: {
      firstYearChange: {
        model: round6(crpsFromSamples(prediction.firstYearChanges, t.firstYearChange)),
        baseline: round6(crpsNormal(baseline.mean, baseline.sd, t.firstYearChange)),
      },
    },
  };
}

/**
 * The real value inside the central 80 % of the simulated deals: p10 ≤ real ≤ p90, with the report's quantiles
 * (`sampleQuantile`, type 7; a date's quantile rounded to the day, as printed). A point mass on the real value is
 * inside; false without deals.
 */
function inCentral80(samples: readonly number[], real: number, toDay = false): boolean {
  const at = (p: number) => {
    const q = sampleQuantile(samples, p);
    return q === null ? null : toDay ? Math.round(q) : q;
  };
  const p10 = at(0.1);
  const p90 = at(0.9);
  return p10 !== null && p90 !== null && p10 <= real && real <= p90;
}

/** A fitted talk replayed on its own fit: the in-sample checks (deals ≥ 80 %, real inside the central 80 %, failed votes ≤ 10 %). */
export function inSampleCheck(talk: Pick<PreparedTalk, 'targets'>, prediction: TalkPrediction) {
  const d = describe(talk, prediction);
  const failed = round6(prediction.failedVotes / prediction.runs) as number;
  return {
    id: talk.targets.id,
    ...d,
    runsWithFailedVote: failed,
    met: {
      agreementRate: (d.predicted.agreementRate ?? 0) >= 0.8,
      firstYearChangeInCentral80: inCentral80(prediction.firstYearChanges, talk.targets.firstYearChange),
      concludedInCentral80: inCentral80(prediction.concludedDays, daysFromCivil(talk.targets.concluded), true),
      failedVotesAtMost10: failed <= 0.1,
    },
  };
}

export type BacktestTalk = ReturnType<typeof scoreTalk>;

export const NAIVE_BASELINE_NAME =
  "the previous agreement's first-year change (agreements.json), normal with the sd of all earlier agreements' first-year changes";

/**
 * The naive forecast for the talks of SMA `ordinal`: centred on the previous agreement's first-year change (the last
 * earlier one on record), with the sample sd of the first-year changes of every earlier agreement; null with fewer
 * than two earlier changes on record.
 */
export function naiveBaseline(
  ordinal: number,
  agreements: readonly { readonly ordinal: number; readonly firstYearChange: number | null }[],
): NaiveForecast | null {
  const earlier = agreements
    .filter((a) => a.ordinal < ordinal && a.firstYearChange !== null)
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((a) => a.firstYearChange as number);
  if (earlier.length < 2) return null;
  const mean = earlier.reduce((s, x) => s + x, 0) / earlier.length;
  const sd = Math.sqrt(earlier.reduce((s, x) => s + (x - mean) ** 2, 0) / (earlier.length - 1));
  return { name: NAIVE_BASELINE_NAME, mean: earlier[earlier.length - 1] as number, sd };
}
