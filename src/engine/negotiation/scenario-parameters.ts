/**
 * A scenario's uncertain parameters as a plain, named vector, for calibration: `scenarioParameters` lists them with
 * their prior (the scenario's own distribution) and point value; `withParameters` returns the scenario with some of
 * them fixed to given values, without rewriting a file. A fixed parameter is a point in every driver: the single run,
 * the Monte Carlo (general and fast path), role-play. Outcome tables do not depend on any of these parameters, so a
 * caller fitting many parameter vectors may build `prepareScenarioTables` once and pass it to `scenarioChunkContext`.
 */
import { err, ok, type Result } from '../result.js';
import type { Distribution } from './distribution.js';
import type { StrategyDraw } from './scenario-monte-carlo.js';
import type { Bloc } from './ratification.js';
import { SIDES, type Scenario, type ScenarioAssembly, type ScenarioPeriod, type Side } from './scenario.js';

export interface ScenarioParameter {
  /**
   * `reservation.us`, `strategies.rok.e` (or `.k`, `.beta`, `.kappa`, `.exponent`), `protocol.horizon`,
   * `lapse.monthsUntilFurlough`, `lapse.furloughedShare`, `ratification.failedVoteCost`,
   * `ratification.rok.<assembly>.blocs.<bloc>.threshold`.
   */
  readonly name: string;
  /** The scenario's distribution for it (a bloc's threshold is drawn at each vote; fixed, it is the same every vote). */
  readonly prior: Distribution;
  /** The value a single run uses (for a drawn strategy parameter, the prior's centre). */
  readonly value: number;
}

export type ScenarioParameterError = {
  readonly code: 'scenario/unknown_parameter';
  readonly details: { readonly name: string; readonly known: readonly string[] };
};

/** A distribution's centre: its point, mean, mode or midpoint. */
function centre(d: Distribution): number {
  switch (d.kind) {
    case 'point':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
    case 'triangular':
      return d.mode;
    case 'discrete':
      return d.outcomes.reduce((s, o) => s + o.probability * o.value, 0);
    case 'mixture':
      return d.components.reduce((s, c) => s + c.weight * centre(c.distribution), 0);
  }
}

/** The distributions of a strategy draw, by parameter name. */
function strategyPriors(d: StrategyDraw): [string, Distribution][] {
  switch (d.kind) {
    case 'negmas-time-based':
      return [['exponent', d.exponent]];
    case 'time-dependent':
      return [['e', d.e], ...(d.k ? [['k', d.k] as [string, Distribution]] : [])];
    case 'fsj-polynomial':
      return [['beta', d.beta], ...(d.kappa ? [['kappa', d.kappa] as [string, Distribution]] : [])];
    case 'fsj-exponential':
      return [
        ['beta', d.beta],
        ['kappa', d.kappa],
      ];
  }
}

/**
 * Every uncertain parameter of a scenario, in a stable order (the order of a parameter vector).
 * @example scenarioParameters(sma11).map((p) => p.name) // ['reservation.us', 'reservation.rok', 'strategies.us.e', …]
 */
export function scenarioParameters(s: Scenario): readonly ScenarioParameter[] {
  const out: ScenarioParameter[] = [];
  const u = s.uncertainty;
  for (const side of SIDES) {
    const d = u.reservation?.[side];
    if (d) out.push({ name: `reservation.${side}`, prior: d, value: s.parties[side].reservation });
  }
  for (const side of SIDES) {
    const d = u.strategies?.[side];
    if (d)
      for (const [key, prior] of strategyPriors(d))
        out.push({ name: `strategies.${side}.${key}`, prior, value: centre(prior) });
  }
  // A side's periods (scenario.ts `ScenarioPeriod`): `periods.us.0.reservation`, `periods.us.0.strategies.e`, …
  for (const side of SIDES)
    (s.parties[side].periods ?? []).forEach((p, k) => {
      const r = p.uncertainty?.reservation;
      if (r)
        out.push({
          name: `periods.${side}.${k}.reservation`,
          prior: r,
          value: p.reservation ?? s.parties[side].reservation,
        });
      const d = p.uncertainty?.strategy;
      if (d)
        for (const [key, prior] of strategyPriors(d))
          out.push({ name: `periods.${side}.${k}.strategies.${key}`, prior, value: centre(prior) });
    });
  // The perceived horizon (scenario.ts `protocol.horizon`), drawn from `uncertainty.horizon`.
  if (u.horizon) out.push({ name: 'protocol.horizon', prior: u.horizon, value: s.protocol.horizon ?? 1 });
  if (s.lapse) {
    if (u.monthsUntilFurlough)
      out.push({ name: 'lapse.monthsUntilFurlough', prior: u.monthsUntilFurlough, value: s.lapse.monthsUntilFurlough });
    if (u.furloughedShare)
      out.push({ name: 'lapse.furloughedShare', prior: u.furloughedShare, value: s.lapse.furloughedShare });
  }
  // The cost of a failed consent vote (scenario.ts `ratification.failedVoteCost`), drawn from `uncertainty.failedVoteCost`.
  if (u.failedVoteCost)
    out.push({
      name: 'ratification.failedVoteCost',
      prior: u.failedVoteCost,
      value: s.ratification.failedVoteCost ?? 0,
    });
  (s.ratification.rok ?? []).forEach((a, i) =>
    a.blocs.forEach((b, j) => {
      if (b.stance.kind === 'threshold' && b.stance.threshold.kind !== 'point')
        out.push({
          name: `ratification.rok.${i}.blocs.${j}.threshold`,
          prior: b.stance.threshold,
          value: centre(b.stance.threshold),
        });
    }),
  );
  return out;
}

const point = (value: number): Distribution => ({ kind: 'point', value });

/** The strategy draw with one parameter fixed. */
function fixStrategy(d: StrategyDraw, key: string, value: number): StrategyDraw | null {
  if (!strategyPriors(d).some(([k]) => k === key)) return null;
  return { ...d, [key]: point(value) } as StrategyDraw;
}

/**
 * The scenario with the named parameters fixed to the given values (each a point in every driver); a name that
 * `scenarioParameters` does not list is an error naming the known ones.
 * @example withParameters(sma11, { 'reservation.us': 0.4, 'strategies.rok.e': 0.8 })
 */
export function withParameters(
  s: Scenario,
  values: Readonly<Record<string, number>>,
): Result<Scenario, ScenarioParameterError> {
  const known = scenarioParameters(s).map((p) => p.name);
  let out: Scenario = s;
  for (const [name, value] of Object.entries(values)) {
    if (!known.includes(name)) return err({ code: 'scenario/unknown_parameter', details: { name, known } });
    const parts = name.split('.');
    if (parts[0] === 'reservation') {
      const side = parts[1] as Side;
      const { [side]: _fixed, ...rest } = out.uncertainty.reservation ?? {};
      out = {
        ...out,
        parties: { ...out.parties, [side]: { ...out.parties[side], reservation: value } },
        uncertainty: { ...out.uncertainty, reservation: rest },
      };
    } else if (parts[0] === 'strategies') {
      const side = parts[1] as Side;
      const draw = out.uncertainty.strategies?.[side] as StrategyDraw;
      const fixed = fixStrategy(draw, parts[2] as string, value) as StrategyDraw;
      out = {
        ...out,
        uncertainty: { ...out.uncertainty, strategies: { ...out.uncertainty.strategies, [side]: fixed } },
      };
    } else if (parts[0] === 'periods') {
      const side = parts[1] as Side;
      const k = Number(parts[2]);
      const periods = (out.parties[side].periods ?? []).map((p, pk): ScenarioPeriod => {
        if (pk !== k) return p;
        const { reservation: drawnReservation, strategy: drawnStrategy } = p.uncertainty ?? {};
        if (parts[3] === 'reservation')
          return { ...p, reservation: value, uncertainty: drawnStrategy ? { strategy: drawnStrategy } : {} };
        const fixed = fixStrategy(drawnStrategy as StrategyDraw, parts[4] as string, value) as StrategyDraw;
        return {
          ...p,
          uncertainty: { ...(drawnReservation ? { reservation: drawnReservation } : {}), strategy: fixed },
        };
      });
      out = { ...out, parties: { ...out.parties, [side]: { ...out.parties[side], periods } } };
    } else if (parts[0] === 'protocol') {
      const { horizon: _fixed, ...rest } = out.uncertainty;
      out = { ...out, protocol: { ...out.protocol, horizon: value }, uncertainty: rest };
    } else if (name === 'ratification.failedVoteCost') {
      const { failedVoteCost: _fixed, ...rest } = out.uncertainty;
      out = { ...out, ratification: { ...out.ratification, failedVoteCost: value }, uncertainty: rest };
    } else if (parts[0] === 'lapse' && out.lapse) {
      const key = parts[1] as 'monthsUntilFurlough' | 'furloughedShare';
      const { [key]: _fixed, ...rest } = out.uncertainty;
      out = { ...out, lapse: { ...out.lapse, [key]: value }, uncertainty: rest };
    } else {
      const [i, j] = [Number(parts[2]), Number(parts[4])];
      const assemblies = (out.ratification.rok ?? []).map((a, ai): ScenarioAssembly =>
        ai !== i
          ? a
          : {
              ...a,
              blocs: a.blocs.map((b, bj): Bloc =>
                bj !== j || b.stance.kind !== 'threshold'
                  ? b
                  : { ...b, stance: { ...b.stance, threshold: point(value) } },
              ),
            },
      );
      out = { ...out, ratification: { ...out.ratification, rok: assemblies } };
    }
  }
  return ok(out);
}

/**
 * Where a parameter's distribution sits in a scenario file (the path `calibratedScenarioText` writes a fitted
 * distribution to); null for a name `scenarioParameters` does not produce.
 * @example parameterFilePath('strategies.rok.e') // ['uncertainty', 'strategies', 'rok', 'e']
 */
export function parameterFilePath(name: string): readonly (string | number)[] | null {
  const parts = name.split('.');
  const [head, a, b, c, d] = parts;
  if (head === 'reservation' && parts.length === 2) return ['uncertainty', 'reservation', a as string];
  if (head === 'strategies' && parts.length === 3) return ['uncertainty', 'strategies', a as string, b as string];
  if (head === 'lapse' && parts.length === 2) return ['uncertainty', a as string];
  if (name === 'protocol.horizon') return ['uncertainty', 'horizon'];
  if (name === 'ratification.failedVoteCost') return ['uncertainty', 'failedVoteCost'];
  if (head === 'periods' && b !== undefined && c === 'reservation' && parts.length === 4)
    return ['parties', a as string, 'periods', Number(b), 'uncertainty', 'reservation'];
  if (head === 'periods' && b !== undefined && c === 'strategies' && parts.length === 5)
    return ['parties', a as string, 'periods', Number(b), 'uncertainty', 'strategy', d as string];
  if (head === 'ratification' && a === 'rok' && c === 'blocs' && parts[5] === 'threshold' && parts.length === 6)
    return ['ratification', 'rok', Number(b), 'blocs', Number(d), 'stance', 'threshold'];
  return null;
}
