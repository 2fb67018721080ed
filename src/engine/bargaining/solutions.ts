/**
 * Axiomatic bargaining solutions (Nash 1950, Kalai–Smorodinsky 1975, egalitarian Kalai 1977, maximum welfare)
 * on three kinds of problem: a finite set of outcomes, a frontier curve u2 = g(u1), and the convex hull of points.
 */
import { err, ok, type Result } from '../result.js';
import { convexParetoVertices, paretoFrontierIndices, type UtilityPoint } from './pareto.js';
import { zopaIndices } from './zopa.js';

/** A bargaining problem: what outcomes are feasible. */
export type BargainingProblem =
  /** Exactly these outcomes (no lotteries). */
  | { readonly kind: 'finite'; readonly points: readonly UtilityPoint[] }
  /** The frontier u2 = g(u1) on [from, to], g nonincreasing; concave g makes every solution unique. */
  | { readonly kind: 'curve'; readonly g: (u1: number) => number; readonly from: number; readonly to: number }
  /** Everything lotteries over the points and free disposal reach: a piecewise-linear frontier, solved exactly. */
  | { readonly kind: 'convex_hull'; readonly points: readonly UtilityPoint[] };

export type SolutionConcept = 'nash' | 'kalai_smorodinsky' | 'egalitarian' | 'max_welfare';

/** A solution: an agreement point, or disagreement when no feasible outcome is individually rational. */
export type SolutionOutcome =
  | { readonly kind: 'agreement'; readonly point: UtilityPoint; readonly index?: number }
  | {
      readonly kind: 'disagreement';
      readonly point: UtilityPoint;
      readonly reason: 'no_individually_rational_outcome';
    };

export interface NashWeights {
  readonly w1: number;
  readonly w2: number;
}

export type SolutionError =
  | { readonly code: 'solutions/weights_invalid'; readonly details: NashWeights }
  | { readonly code: 'solutions/point_invalid'; readonly details: { readonly index: number } }
  | { readonly code: 'solutions/disagreement_invalid'; readonly details: UtilityPoint }
  | {
      readonly code: 'solutions/frontier_invalid';
      readonly details: { readonly reason: 'empty' | 'interval' | 'not_finite' };
    };

const finite = (p: UtilityPoint): boolean => Number.isFinite(p.u1) && Number.isFinite(p.u2);

function validate(problem: BargainingProblem, d: UtilityPoint, weights: NashWeights): SolutionError | null {
  if (!finite(d)) return { code: 'solutions/disagreement_invalid', details: d };
  const { w1, w2 } = weights;
  if (!(Number.isFinite(w1) && Number.isFinite(w2) && w1 > 0 && w2 > 0)) {
    return { code: 'solutions/weights_invalid', details: weights };
  }
  if (problem.kind === 'curve') {
    const { from, to, g } = problem;
    if (!(Number.isFinite(from) && Number.isFinite(to) && from <= to)) {
      return { code: 'solutions/frontier_invalid', details: { reason: 'interval' } };
    }
    if (!Number.isFinite(g(from)) || !Number.isFinite(g(to))) {
      return { code: 'solutions/frontier_invalid', details: { reason: 'not_finite' } };
    }
    return null;
  }
  if (problem.points.length === 0) return { code: 'solutions/frontier_invalid', details: { reason: 'empty' } };
  const bad = problem.points.findIndex((p) => !finite(p));
  return bad >= 0 ? { code: 'solutions/point_invalid', details: { index: bad } } : null;
}

const disagreement = (d: UtilityPoint): SolutionOutcome => ({
  kind: 'disagreement',
  point: d,
  reason: 'no_individually_rational_outcome',
});
const agreement = (u1: number, u2: number, index?: number): SolutionOutcome =>
  index === undefined ? { kind: 'agreement', point: { u1, u2 } } : { kind: 'agreement', point: { u1, u2 }, index };

const logNash = (g1: number, g2: number, w: NashWeights): number =>
  g1 > 0 && g2 > 0 ? w.w1 * Math.log(g1) + w.w2 * Math.log(g2) : -Infinity;

// ---------- finite sets ----------

function solveFinite(
  points: readonly UtilityPoint[],
  d: UtilityPoint,
  concept: SolutionConcept,
  w: NashWeights,
): SolutionOutcome {
  const rational = zopaIndices(points, d);
  if (rational.length === 0) return disagreement(d);
  const gains = (i: number): [number, number] => {
    const p = points[i] as UtilityPoint;
    return [p.u1 - d.u1, p.u2 - d.u2];
  };
  let ideal1 = 0;
  let ideal2 = 0;
  for (const i of rational) {
    const [g1, g2] = gains(i);
    ideal1 = Math.max(ideal1, g1);
    ideal2 = Math.max(ideal2, g2);
  }
  const ratio = (g: number, ideal: number): number => (ideal > 0 ? g / ideal : 1);
  const score = (i: number): number => {
    const [g1, g2] = gains(i);
    switch (concept) {
      case 'nash':
        return logNash(g1, g2, w);
      case 'kalai_smorodinsky':
        return Math.min(ratio(g1, ideal1), ratio(g2, ideal2));
      case 'egalitarian':
        return Math.min(g1, g2);
      case 'max_welfare':
        return g1 + g2;
    }
  };
  // ties (and a Nash product of 0 everywhere) go to the higher welfare, then to the higher minimum gain
  const tieBreak = (i: number): [number, number] => {
    const [g1, g2] = gains(i);
    return concept === 'max_welfare' ? [Math.min(g1, g2), 0] : [g1 + g2, Math.min(g1, g2)];
  };
  let best = rational[0] as number;
  for (const i of rational.slice(1)) {
    const [s, sb] = [score(i), score(best)];
    const [t1, t2] = tieBreak(i);
    const [b1, b2] = tieBreak(best);
    if (s > sb || (s === sb && (t1 > b1 || (t1 === b1 && t2 > b2)))) best = i;
  }
  const p = points[best] as UtilityPoint;
  return agreement(p.u1, p.u2, best);
}

// ---------- one-dimensional search ----------

/** The root of h, nondecreasing on [lo, hi] with h(lo) ≤ 0 ≤ h(hi), to the last representable bit. */
function bisectRoot(h: (x: number) => number, lo: number, hi: number): number {
  for (let k = 0; k < 2000; k++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (h(mid) <= 0) lo = mid;
    else hi = mid;
  }
  return h(hi) === 0 ? hi : lo + (hi - lo) / 2;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The maximiser of a concave φ on [lo, hi]: golden section (exact at kinks, ~1e-8 at a smooth maximum, where φ
 * is flat), then bisection on a central-difference φ′ near it, kept only if it is at least as good.
 */
function maximizeConcave(phi: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  let c = b - GOLDEN * (b - a);
  let e = a + GOLDEN * (b - a);
  let fc = phi(c);
  let fe = phi(e);
  for (let k = 0; k < 300 && b - a > 1e-15 * Math.max(1, Math.abs(a)); k++) {
    if (fc >= fe) {
      b = e;
      e = c;
      fe = fc;
      c = b - GOLDEN * (b - a);
      fc = phi(c);
    } else {
      a = c;
      c = e;
      fc = fe;
      e = a + GOLDEN * (b - a);
      fe = phi(e);
    }
  }
  const candidates = [lo, hi, (a + b) / 2];
  let golden = candidates.reduce((x, y) => (phi(y) > phi(x) ? y : x));
  const step = 1e-6 * Math.max(1, Math.abs(golden));
  const slope = (x: number): number => (phi(x + step) - phi(x - step)) / (2 * step);
  const left = Math.max(lo + step, golden - 1e-5 * Math.max(1, Math.abs(golden)));
  const right = Math.min(hi - step, golden + 1e-5 * Math.max(1, Math.abs(golden)));
  if (left < right && slope(left) > 0 && slope(right) < 0) {
    const polished = bisectRoot((x) => -slope(x), left, right);
    const fg = phi(golden);
    if (phi(polished) >= fg - 4 * Number.EPSILON * Math.abs(fg)) golden = polished;
  }
  return golden;
}

// ---------- frontier curves ----------

function solveCurve(
  problem: Extract<BargainingProblem, { kind: 'curve' }>,
  d: UtilityPoint,
  concept: SolutionConcept,
  w: NashWeights,
): SolutionOutcome {
  const { g, from, to } = problem;
  const lo = Math.max(from, d.u1);
  if (lo > to || g(lo) < d.u2) return disagreement(d);
  const hi = g(to) >= d.u2 ? to : bisectRoot((u) => (g(u) >= d.u2 ? -1 : 1), lo, to);
  const at = (u: number): SolutionOutcome => agreement(u, g(u));
  if (hi <= lo) return at(lo);
  const ideal1 = hi - d.u1;
  const ideal2 = g(lo) - d.u2;
  // where the gains, each scaled, become equal: increasing in u1 because g is nonincreasing
  const balance = (s1: number, s2: number, a: number, b: number): number => {
    const h = (u: number): number => (u - d.u1) / s1 - (g(u) - d.u2) / s2;
    if (h(a) >= 0) return a;
    if (h(b) <= 0) return b;
    return bisectRoot(h, a, b);
  };
  switch (concept) {
    case 'kalai_smorodinsky':
      return ideal1 > 0 && ideal2 > 0 ? at(balance(ideal1, ideal2, lo, hi)) : at(lo);
    case 'egalitarian':
      return at(balance(1, 1, lo, hi));
    case 'nash':
      return at(maximizeConcave((u) => logNash(u - d.u1, g(u) - d.u2, w), lo, hi));
    case 'max_welfare': {
      const welfare = (u: number): number => u + g(u);
      const best = maximizeConcave(welfare, lo, hi);
      // on a flat stretch of slope −1 every point maximises welfare: take the most equal one
      const top = welfare(best);
      const near = (u: number): boolean => welfare(u) >= top - 1e-12 * Math.max(1, Math.abs(top));
      const a = near(lo) ? lo : bisectRoot((u) => (near(u) ? 1 : -1), lo, best);
      const b = near(hi) ? hi : bisectRoot((u) => (near(u) ? -1 : 1), best, hi);
      // a curved maximum is also "near" over ~1e-6; only a stretch wider than 0.1 % of the range is flat
      return b - a > 1e-3 * (hi - lo) ? at(balance(1, 1, a, b)) : at(best);
    }
  }
}

// ---------- piecewise-linear frontiers ----------

/** The frontier's u2 at u1, for u1 within its range. */
function polylineAt(vertices: readonly UtilityPoint[], u1: number): number {
  for (let i = 1; i < vertices.length; i++) {
    const p = vertices[i - 1] as UtilityPoint;
    const q = vertices[i] as UtilityPoint;
    if (u1 <= q.u1) return u1 <= p.u1 ? p.u2 : p.u2 + ((q.u2 - p.u2) * (u1 - p.u1)) / (q.u1 - p.u1);
  }
  return (vertices[vertices.length - 1] as UtilityPoint).u2;
}

/** The frontier restricted to u1 in [lo, hi], as vertices. */
function clip(vertices: readonly UtilityPoint[], lo: number, hi: number): UtilityPoint[] {
  const inner = vertices.filter((v) => v.u1 > lo && v.u1 < hi);
  const ends = lo === hi ? [] : [{ u1: hi, u2: polylineAt(vertices, hi) }];
  return [{ u1: lo, u2: polylineAt(vertices, lo) }, ...inner, ...ends];
}

function solvePolyline(
  points: readonly UtilityPoint[],
  d: UtilityPoint,
  concept: SolutionConcept,
  w: NashWeights,
): SolutionOutcome {
  const all = convexParetoVertices(points);
  const first = all[0] as UtilityPoint;
  const last = all[all.length - 1] as UtilityPoint;
  const lo = Math.max(first.u1, d.u1);
  if (lo > last.u1 || polylineAt(all, lo) < d.u2) return disagreement(d);
  let hi = last.u1;
  if (last.u2 < d.u2) {
    // the last vertex below d2: the IR range ends where the segment crossing d2 does
    const k = all.findIndex((v) => v.u2 < d.u2);
    const p = all[k - 1] as UtilityPoint;
    const q = all[k] as UtilityPoint;
    hi = Math.max(lo, p.u1 + ((d.u2 - p.u2) * (q.u1 - p.u1)) / (q.u2 - p.u2));
  }
  const v = clip(all, lo, hi);
  const start = v[0] as UtilityPoint;
  const end = v[v.length - 1] as UtilityPoint;
  if (v.length === 1) return agreement(start.u1, start.u2);

  /** Where (u1 − d1)/s1 = (u2 − d2)/s2 along vertices vs (clamped to its ends); exact on each segment. */
  const balance = (vs: readonly UtilityPoint[], s1: number, s2: number): SolutionOutcome => {
    const h = (p: UtilityPoint): number => (p.u1 - d.u1) / s1 - (p.u2 - d.u2) / s2;
    const s = vs[0] as UtilityPoint;
    if (h(s) >= 0) return agreement(s.u1, s.u2);
    for (let i = 1; i < vs.length; i++) {
      const p = vs[i - 1] as UtilityPoint;
      const q = vs[i] as UtilityPoint;
      if (h(q) >= 0) {
        const t = -h(p) / (h(q) - h(p));
        return agreement(p.u1 + t * (q.u1 - p.u1), p.u2 + t * (q.u2 - p.u2));
      }
    }
    const e = vs[vs.length - 1] as UtilityPoint;
    return agreement(e.u1, e.u2);
  };

  switch (concept) {
    case 'kalai_smorodinsky': {
      const ideal1 = end.u1 - d.u1;
      const ideal2 = start.u2 - d.u2;
      return ideal1 > 0 && ideal2 > 0 ? balance(v, ideal1, ideal2) : agreement(start.u1, start.u2);
    }
    case 'egalitarian':
      return balance(v, 1, 1);
    case 'nash': {
      let best = start;
      let bestValue = -Infinity;
      const consider = (p: UtilityPoint): void => {
        const value = logNash(p.u1 - d.u1, p.u2 - d.u2, w);
        if (value > bestValue) [best, bestValue] = [p, value];
      };
      for (let i = 1; i < v.length; i++) {
        const p = v[i - 1] as UtilityPoint;
        const q = v[i] as UtilityPoint;
        const [a1, a2, b1, b2] = [p.u1 - d.u1, p.u2 - d.u2, q.u1 - p.u1, q.u2 - p.u2];
        consider(p);
        consider(q);
        // stationary point of w1·ln(a1 + b1·t) + w2·ln(a2 + b2·t) on the segment
        if (b1 !== 0 && b2 !== 0) {
          const t = -(w.w1 * b1 * a2 + w.w2 * b2 * a1) / ((w.w1 + w.w2) * b1 * b2);
          if (t > 0 && t < 1) consider({ u1: p.u1 + t * b1, u2: p.u2 + t * b2 });
        }
      }
      return bestValue === -Infinity ? solvePolyline(points, d, 'max_welfare', w) : agreement(best.u1, best.u2);
    }
    case 'max_welfare': {
      const welfare = v.map((p) => p.u1 + p.u2);
      const top = Math.max(...welfare);
      const first = welfare.findIndex((x) => x >= top - 1e-12 * Math.max(1, Math.abs(top)));
      let lastIndex = first;
      while (
        lastIndex + 1 < v.length &&
        (welfare[lastIndex + 1] as number) >= top - 1e-12 * Math.max(1, Math.abs(top))
      ) {
        lastIndex++;
      }
      return balance(v.slice(first, lastIndex + 1), 1, 1);
    }
  }
}

/**
 * One solution concept on a problem, relative to the disagreement point d (the reservation values).
 * Nash maximises (u1 − d1)^w1·(u2 − d2)^w2 (weights default to 1, the symmetric solution).
 * @example solve({ kind: 'curve', g: (u) => 1 - u, from: 0, to: 1 }, { u1: 0.2, u2: 0.1 }, 'nash')
 * // ok({ kind: 'agreement', point: { u1: 0.55, u2: 0.45 } })
 */
export function solve(
  problem: BargainingProblem,
  d: UtilityPoint,
  concept: SolutionConcept,
  weights: NashWeights = { w1: 1, w2: 1 },
): Result<SolutionOutcome, SolutionError> {
  const bad = validate(problem, d, weights);
  if (bad) return err(bad);
  switch (problem.kind) {
    case 'finite':
      return ok(solveFinite(problem.points, d, concept, weights));
    case 'curve':
      return ok(solveCurve(problem, d, concept, weights));
    case 'convex_hull':
      return ok(solvePolyline(problem.points, d, concept, weights));
  }
}

export interface SolutionPoints {
  readonly nash: SolutionOutcome;
  readonly kalaiSmorodinsky: SolutionOutcome;
  readonly egalitarian: SolutionOutcome;
  readonly maxWelfare: SolutionOutcome;
}

/**
 * All four solutions of a problem.
 * @example solveAll({ kind: 'convex_hull', points: [{ u1: 0, u2: 0.5 }, { u1: 0.5, u2: 0.5 }, { u1: 1, u2: 0 }] }, { u1: 0, u2: 0 })
 */
export function solveAll(
  problem: BargainingProblem,
  d: UtilityPoint,
  weights: NashWeights = { w1: 1, w2: 1 },
): Result<SolutionPoints, SolutionError> {
  const bad = validate(problem, d, weights);
  if (bad) return err(bad);
  const one = (c: SolutionConcept): SolutionOutcome => {
    const r = solve(problem, d, c, weights);
    if (!r.ok) throw new Error('validated above');
    return r.value;
  };
  return ok({
    nash: one('nash'),
    kalaiSmorodinsky: one('kalai_smorodinsky'),
    egalitarian: one('egalitarian'),
    maxWelfare: one('max_welfare'),
  });
}

export interface SolutionDistances {
  readonly nash: number | null;
  readonly kalaiSmorodinsky: number | null;
  readonly egalitarian: number | null;
  readonly maxWelfare: number | null;
}

/** Euclidean distance on the utility plane from a deal to each solution point (null where a solution is disagreement). */
export function distancesToSolutions(deal: UtilityPoint, solutions: SolutionPoints): SolutionDistances {
  const dist = (s: SolutionOutcome): number | null =>
    s.kind === 'agreement' ? Math.hypot(deal.u1 - s.point.u1, deal.u2 - s.point.u2) : null;
  return {
    nash: dist(solutions.nash),
    kalaiSmorodinsky: dist(solutions.kalaiSmorodinsky),
    egalitarian: dist(solutions.egalitarian),
    maxWelfare: dist(solutions.maxWelfare),
  };
}

export interface OutcomeAnalysis {
  /** Indices of the Pareto-undominated outcomes, by u1 ascending. */
  readonly frontier: readonly number[];
  /** Indices of the individually rational outcomes (the ZOPA), in input order. */
  readonly zopa: readonly number[];
  readonly solutions: SolutionPoints;
}

/**
 * Frontier, ZOPA and the four solutions of a finite set of outcomes.
 * @example analyseOutcomes([{ u1: 0.7, u2: 0.2 }, { u1: 0.5, u2: 0.5 }], { u1: 0.1, u2: 0.1 })
 */
export function analyseOutcomes(
  points: readonly UtilityPoint[],
  d: UtilityPoint,
  weights: NashWeights = { w1: 1, w2: 1 },
): Result<OutcomeAnalysis, SolutionError> {
  const solutions = solveAll({ kind: 'finite', points }, d, weights);
  if (!solutions.ok) return solutions;
  return ok({ frontier: paretoFrontierIndices(points), zopa: zopaIndices(points, d), solutions: solutions.value });
}
