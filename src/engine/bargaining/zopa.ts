/** The zone of possible agreement: outcomes both parties weakly prefer to no deal. */
import type { UtilityPoint } from './pareto.js';

/** At least as good as the disagreement point (the reservation values) for both parties. */
export const isIndividuallyRational = (p: UtilityPoint, disagreement: UtilityPoint): boolean =>
  p.u1 >= disagreement.u1 && p.u2 >= disagreement.u2;

/**
 * Indices of the individually rational outcomes, in input order.
 * @example zopaIndices([{ u1: 0.6, u2: 0.3 }, { u1: 0.1, u2: 0.9 }], { u1: 0.2, u2: 0.2 }) // [0]
 */
export const zopaIndices = (points: readonly UtilityPoint[], disagreement: UtilityPoint): readonly number[] =>
  points.flatMap((p, i) => (isIndividuallyRational(p, disagreement) ? [i] : []));
