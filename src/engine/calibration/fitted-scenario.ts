/**
 * What a fit writes into a talk's scenario: each fitted parameter's posterior as a normal with the particles' weighted
 * mean and sd, clamped to its range (reservation values in [0, 1], exponents to their prior's range), and the lapse
 * costs scaled by the posterior mean of `lapse.scale`. Correlations between parameters are not carried (docs).
 */
import type { ReservationCost } from '../negotiation/lapse.js';
import type { Scenario, Side } from '../negotiation/scenario.js';
import type { AbcResult, Particle } from './abc-smc.js';
import { support } from './prior.js';
import {
  namedValues,
  talkValues,
  walkawayReservation,
  type RecordedRejection,
  type TalkTargets,
} from './talk-model.js';

export interface NormalFit {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export interface FittedScenario {
  readonly reservation: Readonly<Record<Side, NormalFit>>;
  readonly exponent: Readonly<Record<Side, NormalFit>>;
  readonly lapseCost: Readonly<Record<Side, ReservationCost>>;
  /** "fitted to <targets> by <method>, …": the source of every fitted value. */
  readonly source: string;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function normalFit(
  posterior: readonly Particle[],
  value: (p: Particle) => number,
  min: number,
  max: number,
): NormalFit {
  const total = posterior.reduce((s, p) => s + p.weight, 0);
  const mean = posterior.reduce((s, p) => s + (p.weight / total) * value(p), 0);
  const variance = posterior.reduce((s, p) => s + (p.weight / total) * (value(p) - mean) ** 2, 0);
  return { mean: r4(mean), sd: r4(Math.sqrt(variance)), min, max };
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const rejection = (r: RecordedRejection): string =>
  `${r.side.toUpperCase()} refused ${r.side === 'us' ? '≤' : '≥'} ${pct(r.change)} by ${r.onOrBefore}`;

/** The targets of the fitted talks in words, for the sources. */
export const targetsText = (targets: readonly TalkTargets[]): string =>
  targets
    .map(
      (t) =>
        `${t.id} (first-year change ${pct(t.firstYearChange)}, concluded ${t.concluded}${t.rejections.map((r) => `, ${rejection(r)}`).join('')}, no failed consent vote)`,
    )
    .join('; ');

/** The fitted values for talk `s` (one of the fitted talks) from a fit of the talk model. */
export function fittedScenario(s: Scenario, fit: AbcResult, targets: readonly TalkTargets[]): FittedScenario {
  const values = (p: Particle) => talkValues(namedValues(fit.parameters, p.theta), s.id);
  const range = (name: string) => {
    const prior = fit.parameters.find((p) => p.name === name)?.prior;
    const b = prior ? support(prior) : { min: 0, max: 1 };
    return [b.min, b.max] as const;
  };
  const scale = normalFit(fit.posterior, (p) => values(p).lapseScale, 0, Infinity).mean;
  const settings = fit.settings;
  return {
    reservation: {
      us: normalFit(fit.posterior, (p) => walkawayReservation(s, 'us', values(p).usWalkaway), 0, 1),
      rok: normalFit(fit.posterior, (p) => walkawayReservation(s, 'rok', values(p).rokWalkaway), 0, 1),
    },
    exponent: {
      us: normalFit(fit.posterior, (p) => values(p).usE, ...range('us.e')),
      rok: normalFit(fit.posterior, (p) => values(p).rokE, ...range('rok.e')),
    },
    lapseCost: {
      us: {
        perLapseMonth: r4(s.parties.us.lapseCost.perLapseMonth * scale),
        perFurloughedWorkforceMonth: r4(s.parties.us.lapseCost.perFurloughedWorkforceMonth * scale),
      },
      rok: {
        perLapseMonth: r4(s.parties.rok.lapseCost.perLapseMonth * scale),
        perFurloughedWorkforceMonth: r4(s.parties.rok.lapseCost.perFurloughedWorkforceMonth * scale),
      },
    },
    source: `fitted to ${targetsText(targets)} by ${fit.method}; seed ${settings.seed}, ${settings.population} particles, ${fit.generations.length} generations (sma calibrate)`,
  };
}
