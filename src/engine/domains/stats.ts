/**
 * `sma domain stats`: the outcome space of a bilateral domain on the utility plane — its Pareto frontier, the Nash,
 * Kalai–Smorodinsky, egalitarian and max-welfare outcomes, and the opposition. Definitions in docs/domains.md.
 */
import { paretoFrontierIndices, type UtilityPoint } from '../bargaining/pareto.js';
import { solveAll, type SolutionOutcome } from '../bargaining/solutions.js';
import type { IssueValue, Outcome } from '../negotiation/domain.js';
import { listOutcomes } from '../negotiation/outcome-table.js';
import { utility } from '../negotiation/preferences.js';
import { profileReservation, type BilateralDomain } from './model.js';

export interface StatsPoint {
  /** null only for a solution point when no outcome is individually rational (then the utilities are the reservations). */
  readonly outcome: Outcome | null;
  readonly utilities: readonly [number, number];
}

export interface DomainStats {
  readonly outcomes: number;
  /** The reservation values, the disagreement point of every solution. */
  readonly reservation: readonly [number, number];
  /** Undominated outcomes over the whole space, by party A's utility ascending. */
  readonly pareto: readonly StatsPoint[];
  readonly nash: StatsPoint;
  readonly kalaiSmorodinsky: StatsPoint;
  readonly egalitarian: StatsPoint;
  readonly maxWelfare: StatsPoint;
  /** Distance from the ideal point (max uA, max uB) to the nearest outcome (Baarslag et al. 2013). */
  readonly opposition: number;
}

/** Every outcome in enumeration order with both parties' undiscounted utilities. */
export function utilityPoints(d: BilateralDomain): { outcomes: readonly Outcome[]; points: UtilityPoint[] } {
  const outcomes = listOutcomes(d.domain);
  const [a, b] = d.profiles;
  const points = outcomes.map((o) => ({
    u1: utility(d.domain, a.preferences, o),
    u2: utility(d.domain, b.preferences, o),
  }));
  return { outcomes, points };
}

/**
 * The stats of a domain: solutions over the individually rational outcomes (u ≥ reservation for both), with the
 * reservation values as the disagreement point; the frontier and the opposition over every outcome.
 * @example domainStats(laptop).nash.utilities // [uA, uB] of the outcome maximising (uA − rA)(uB − rB)
 */
export function domainStats(d: BilateralDomain): DomainStats {
  const { outcomes, points } = utilityPoints(d);
  const reservation: [number, number] = [
    profileReservation(d.domain, d.profiles[0]),
    profileReservation(d.domain, d.profiles[1]),
  ];
  const at = (i: number): StatsPoint => {
    const p = points[i] as UtilityPoint;
    const o = outcomes[i] as Outcome;
    // In the domain's issue order (enumeration builds the record last issue first).
    return {
      outcome: Object.fromEntries(d.domain.issues.map((x) => [x.name, o[x.name] as IssueValue])),
      utilities: [p.u1, p.u2],
    };
  };
  const solved = solveAll({ kind: 'finite', points }, { u1: reservation[0], u2: reservation[1] });
  // A finite problem with finite points and d and the default weights always validates.
  if (!solved.ok) throw new Error(`domainStats: ${solved.error.code}`);
  const point = (s: SolutionOutcome): StatsPoint =>
    s.kind === 'agreement' && s.index !== undefined ? at(s.index) : { outcome: null, utilities: reservation };
  let maxA = -Infinity;
  let maxB = -Infinity;
  for (const p of points) {
    if (p.u1 > maxA) maxA = p.u1;
    if (p.u2 > maxB) maxB = p.u2;
  }
  let opposition = Infinity;
  for (const p of points) opposition = Math.min(opposition, Math.hypot(maxA - p.u1, maxB - p.u2));
  return {
    outcomes: outcomes.length,
    reservation,
    pareto: paretoFrontierIndices(points).map(at),
    nash: point(solved.value.nash),
    kalaiSmorodinsky: point(solved.value.kalaiSmorodinsky),
    egalitarian: point(solved.value.egalitarian),
    maxWelfare: point(solved.value.maxWelfare),
    opposition,
  };
}
