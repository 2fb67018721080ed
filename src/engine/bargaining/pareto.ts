/** Points on the utility plane and the Pareto frontier of a set of them. */

/** A pair of utilities: player 1's and player 2's. */
export interface UtilityPoint {
  readonly u1: number;
  readonly u2: number;
}

/** a Pareto-dominates b: at least as good for both and better for one. */
export const dominates = (a: UtilityPoint, b: UtilityPoint): boolean =>
  a.u1 >= b.u1 && a.u2 >= b.u2 && (a.u1 > b.u1 || a.u2 > b.u2);

/**
 * Indices of the undominated points (duplicates keep their first index), by u1 ascending.
 * @example paretoFrontierIndices([{ u1: 0, u2: 1 }, { u1: 0.2, u2: 0.2 }, { u1: 1, u2: 0 }]) // [0, 2]
 */
export function paretoFrontierIndices(points: readonly UtilityPoint[]): readonly number[] {
  const order = points.map((p, i) => ({ p, i })).sort((a, b) => b.p.u1 - a.p.u1 || b.p.u2 - a.p.u2 || a.i - b.i);
  const kept: number[] = [];
  let bestU2 = -Infinity;
  let last: UtilityPoint | null = null;
  for (const { p, i } of order) {
    if (last && p.u1 === last.u1 && p.u2 === last.u2) continue; // a duplicate of a kept point
    if (p.u2 > bestU2) {
      kept.push(i);
      bestU2 = p.u2;
      last = p;
    }
  }
  return kept.reverse();
}

const cross = (o: UtilityPoint, a: UtilityPoint, b: UtilityPoint): number =>
  (a.u1 - o.u1) * (b.u2 - o.u2) - (a.u2 - o.u2) * (b.u1 - o.u1);

/**
 * The strict Pareto frontier of the set of utilities reachable by lotteries over the points and free disposal:
 * the vertices of the upper-right convex hull, from the highest u2 to the highest u1 (u1 ascending, u2 descending).
 * @example convexParetoVertices([{ u1: 0, u2: 0.5 }, { u1: 0.5, u2: 0.5 }, { u1: 1, u2: 0 }]) // [(0.5, 0.5), (1, 0)]
 */
export function convexParetoVertices(points: readonly UtilityPoint[]): readonly UtilityPoint[] {
  if (points.length === 0) return [];
  let top = points[0] as UtilityPoint;
  let right = top;
  for (const p of points) {
    if (p.u2 > top.u2 || (p.u2 === top.u2 && p.u1 > top.u1)) top = p;
    if (p.u1 > right.u1 || (p.u1 === right.u1 && p.u2 > right.u2)) right = p;
  }
  const candidates = points
    .filter((p) => p.u1 >= top.u1 && p.u2 >= right.u2)
    .slice()
    .sort((a, b) => a.u1 - b.u1 || b.u2 - a.u2);
  const hull: UtilityPoint[] = [];
  for (const p of candidates) {
    const prev = hull[hull.length - 1];
    if (prev && prev.u1 === p.u1) continue; // the higher of two points with the same u1 came first
    while (
      hull.length >= 2 &&
      cross(hull[hull.length - 2] as UtilityPoint, hull[hull.length - 1] as UtilityPoint, p) >= 0
    ) {
      hull.pop();
    }
    hull.push(p);
  }
  return hull;
}
