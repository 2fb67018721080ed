/**
 * One run of a scenario on the utility plane: each offer as a (US, ROK) utility point, the Pareto frontier of the
 * whole outcome space, and its Nash and Kalai–Smorodinsky points relative to the reservation values.
 */
import { analyseOutcomes } from '../bargaining/solutions.js';
import type { SolutionOutcome } from '../bargaining/solutions.js';
import type { UtilityPoint } from '../bargaining/pareto.js';
import { createRng } from '../random/rng.js';
import type { CivilDate } from './calendar.js';
import type { Outcome } from './domain.js';
import type { EndReason } from './protocol.js';
import { utility } from './preferences.js';
import {
  prepareScenarioTables,
  runScenario,
  scenarioPreferences,
  type Scenario,
  type ScenarioTables,
  type Side,
} from './scenario.js';

export interface PlanePoint {
  readonly uUS: number;
  readonly uROK: number;
}

export interface PlaneOffer extends PlanePoint {
  readonly step: number;
  readonly date: CivilDate | null;
  readonly side: Side;
  readonly terms: Outcome;
}

/** A bargaining solution of the outcome space: the outcome chosen, or null terms when it is disagreement. */
export interface PlaneSolution extends PlanePoint {
  readonly kind: 'agreement' | 'disagreement';
  readonly terms: Outcome | null;
}

export interface NegotiationPlane {
  readonly outcome: Outcome | null;
  readonly reason: EndReason;
  readonly endDate: CivilDate | null;
  /** The agreed outcome's utilities (null without agreement). */
  readonly agreement: PlanePoint | null;
  readonly offers: readonly PlaneOffer[];
  /** Undominated outcomes by US utility ascending (points with equal utilities kept once). */
  readonly frontier: readonly PlanePoint[];
  /** The reservation values: the disagreement point of the solutions. */
  readonly disagreement: PlanePoint;
  readonly nash: PlaneSolution;
  readonly kalaiSmorodinsky: PlaneSolution;
}

const round7 = (x: number): number => Math.round(x * 1e7) / 1e7;

/**
 * Runs the scenario once with createRng(seed) and places its offers, frontier and solutions on the utility plane.
 * The outcome space is enumerated in full (the agents' own outcome tables, at most ~85 000 outcomes for SMA talks).
 * @example negotiationPlane(sma12, 1).reason // 'deadline'
 */
export function negotiationPlane(
  s: Scenario,
  seed: number,
  tables: ScenarioTables = prepareScenarioTables(s),
): NegotiationPlane {
  const run = runScenario(s, createRng(seed), { trace: true }, tables);
  const [us, rok] = tables.tables;
  const points: UtilityPoint[] = Array.from(us.outcomes, (_, k) => ({
    u1: us.utilities[k] as number,
    u2: rok.utilities[k] as number,
  }));
  const prefs = [scenarioPreferences(s.parties.us), scenarioPreferences(s.parties.rok)] as const;
  // Offers may lie between the enumerated grid points (time-based agents), so they are valued directly.
  const pointOf = (o: Outcome): PlanePoint => ({
    uUS: round7(utility(s.domain, prefs[0], o)),
    uROK: round7(utility(s.domain, prefs[1], o)),
  });
  const d = { u1: s.parties.us.reservation, u2: s.parties.rok.reservation };
  const analysis = analyseOutcomes(points, d);
  // Scenario reservations are validated finite numbers, so the solutions cannot fail.
  if (!analysis.ok) throw new Error(`scenario ${s.id}: ${analysis.error.code}`);
  const solution = (sol: SolutionOutcome): PlaneSolution => {
    const index = sol.kind === 'agreement' ? sol.index : undefined;
    return {
      kind: sol.kind,
      uUS: round7(sol.point.u1),
      uROK: round7(sol.point.u2),
      terms: index === undefined ? null : (us.outcomes[index] ?? null),
    };
  };
  const frontier: PlanePoint[] = [];
  for (const k of analysis.value.frontier) {
    const p = points[k] as UtilityPoint;
    const last = frontier[frontier.length - 1];
    const next = { uUS: round7(p.u1), uROK: round7(p.u2) };
    if (last === undefined || last.uUS !== next.uUS || last.uROK !== next.uROK) frontier.push(next);
  }
  const offers: PlaneOffer[] = [];
  for (const t of run.trace) {
    if (t.action.type !== 'offer') continue;
    offers.push({
      step: t.step,
      date: t.date ?? null,
      side: t.action.party === 0 ? 'us' : 'rok',
      terms: t.action.outcome,
      ...pointOf(t.action.outcome),
    });
  }
  return {
    outcome: run.outcome,
    reason: run.reason,
    endDate: run.endDate ?? null,
    agreement: run.outcome ? pointOf(run.outcome) : null,
    offers,
    frontier,
    disagreement: { uUS: d.u1, uROK: d.u2 },
    nash: solution(analysis.value.solutions.nash),
    kalaiSmorodinsky: solution(analysis.value.solutions.kalaiSmorodinsky),
  };
}
