import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convexParetoVertices, dominates, paretoFrontierIndices, type UtilityPoint } from './pareto.js';
import { zopaIndices } from './zopa.js';

const pointArb = fc.record({ u1: fc.integer({ min: 0, max: 20 }), u2: fc.integer({ min: 0, max: 20 }) });

describe('the Pareto frontier of a finite set', () => {
  it('keeps exactly the undominated points', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 1, maxLength: 30 }), (points: UtilityPoint[]) => {
        const frontier = new Set(paretoFrontierIndices(points));
        points.forEach((p, i) => {
          const dominated = points.some((q) => dominates(q, p));
          if (dominated) expect(frontier.has(i)).toBe(false);
          else expect(frontier.has(i) || points.findIndex((q) => q.u1 === p.u1 && q.u2 === p.u2) !== i).toBe(true);
        });
      }),
    );
  });

  it('of S = {u1 + u2 ≤ 1, u2 ≤ 0.5} as a convex hull runs from (0.5, 0.5) to (1, 0)', () => {
    // research-vectors.md §6: the set's strict frontier is the segment (0.5, 0.5)–(1, 0)
    expect(
      convexParetoVertices([
        { u1: 0, u2: 0.5 },
        { u1: 0.5, u2: 0.5 },
        { u1: 0.3, u2: 0.2 },
        { u1: 1, u2: 0 },
        { u1: 1, u2: -1 },
      ]),
    ).toEqual([
      { u1: 0.5, u2: 0.5 },
      { u1: 1, u2: 0 },
    ]);
  });

  it('drops frontier points that lie under a chord of the convex hull', () => {
    expect(
      convexParetoVertices([
        { u1: 0, u2: 1 },
        { u1: 0.4, u2: 0.5 },
        { u1: 1, u2: 0 },
      ]),
    ).toEqual([
      { u1: 0, u2: 1 },
      { u1: 1, u2: 0 },
    ]);
  });
});

describe('the zone of possible agreement', () => {
  it('holds the outcomes at least as good as both reservation values', () => {
    expect(
      zopaIndices(
        [
          { u1: 0.6, u2: 0.3 },
          { u1: 0.1, u2: 0.9 },
          { u1: 0.2, u2: 0.2 },
        ],
        { u1: 0.2, u2: 0.2 },
      ),
    ).toEqual([0, 2]);
  });
});
