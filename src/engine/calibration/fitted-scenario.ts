/**
 * What a fit writes into a talk's scenario: each of the talk's fitted parameters (its own and the shared ones) as a
 * normal with the particles' weighted mean and sd, clamped to its prior's range (a bloc threshold unclamped). Correlations between parameters are
 * not carried (docs/scenarios.md).
 */
import type { AbcResult, Particle } from './abc-smc.js';
import { support } from './prior.js';
import { calibrationName, type RecordedRejection, type TalkTargets } from './talk-model.js';
import { scenarioParameters } from '../negotiation/scenario-parameters.js';
import type { Scenario } from '../negotiation/scenario.js';

export interface NormalFit {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export interface FittedScenario {
  /** Scenario parameter name (scenario-parameters.ts) → its fitted distribution. */
  readonly parameters: Readonly<Record<string, NormalFit>>;
  /** "fitted to <targets> by <method>, …": the source of every fitted value. */
  readonly source: string;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function normalFit(posterior: readonly Particle[], i: number, min: number, max: number): NormalFit {
  const total = posterior.reduce((s, p) => s + p.weight, 0);
  const value = (p: Particle) => p.theta[i] as number;
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
    .map((t) => {
      const v = t.consentVote;
      const vote = v
        ? `consent vote passed ${v.date} with ${v.yes} yes of ${v.present} present`
        : 'no failed consent vote';
      return `${t.id} (first-year change ${pct(t.firstYearChange)}, concluded ${t.concluded}${t.rejections.map((r) => `, ${rejection(r)}`).join('')}, ${vote})`;
    })
    .join('; ');

/** The fitted values for talk `s` (one of the fitted talks) from a fit of the talk model. */
export function fittedScenario(s: Scenario, fit: AbcResult, targets: readonly TalkTargets[]): FittedScenario {
  const parameters: Record<string, NormalFit> = {};
  for (const p of scenarioParameters(s)) {
    const i = fit.parameters.findIndex((q) => q.name === calibrationName(s.id, p.name));
    if (i < 0) continue;
    // A bloc threshold is only compared with a deal's term: its normal stays unclamped, as ratification.ts reads it.
    const b = p.name.startsWith('ratification.')
      ? { min: -Infinity, max: Infinity }
      : support((fit.parameters[i] as { prior: Parameters<typeof support>[0] }).prior);
    parameters[p.name] = normalFit(fit.posterior, i, b.min, b.max);
  }
  const settings = fit.settings;
  return {
    parameters,
    source: `fitted to ${targetsText(targets)} by ${fit.method}; seed ${settings.seed}, ${settings.population} particles, ${fit.generations.length} generations (sma calibrate)`,
  };
}
