import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../result.js';
import type { UtilityPoint } from './pareto.js';
import {
  analyseOutcomes,
  distancesToSolutions,
  solve,
  solveAll,
  type BargainingProblem,
  type SolutionConcept,
  type SolutionOutcome,
} from './solutions.js';

const TOL = 1e-9;
const ZERO = { u1: 0, u2: 0 };

const point = (r: Result<SolutionOutcome, unknown>): UtilityPoint => {
  if (!r.ok) throw new Error(`expected a solution, got ${JSON.stringify(r.error)}`);
  if (r.value.kind !== 'agreement') throw new Error('expected an agreement');
  return r.value.point;
};
const expectPoint = (r: Result<SolutionOutcome, unknown>, u1: number, u2: number, tol = TOL): void => {
  const p = point(r);
  expect(Math.abs(p.u1 - u1)).toBeLessThan(tol);
  expect(Math.abs(p.u2 - u2)).toBeLessThan(tol);
};

const line: BargainingProblem = { kind: 'curve', g: (u) => 1 - u, from: 0, to: 1 };
const parabola: BargainingProblem = { kind: 'curve', g: (u) => 1 - u * u, from: 0, to: 1 };
// S = {u1 + u2 ≤ 1, u2 ≤ 0.5}, given by the vertices of its frontier
const capped: BargainingProblem = {
  kind: 'convex_hull',
  points: [
    { u1: 0, u2: 0.5 },
    { u1: 0.5, u2: 0.5 },
    { u1: 1, u2: 0 },
  ],
};

describe('Nash (1950) bargaining solution', () => {
  it('splits the surplus on u1 + u2 = 1 with d = (0.2, 0.1) at (0.55, 0.45)', () => {
    // research-vectors.md §5
    expectPoint(solve(line, { u1: 0.2, u2: 0.1 }, 'nash'), 0.55, 0.45);
    expectPoint(
      solve(
        {
          kind: 'convex_hull',
          points: [
            { u1: 0, u2: 1 },
            { u1: 1, u2: 0 },
          ],
        },
        { u1: 0.2, u2: 0.1 },
        'nash',
      ),
      0.55,
      0.45,
    );
  });

  it('with weights (0.7, 0.3) gives (0.69, 0.31)', () => {
    // research-vectors.md §5: asymmetric Nash
    expectPoint(solve(line, { u1: 0.2, u2: 0.1 }, 'nash', { w1: 0.7, w2: 0.3 }), 0.69, 0.31);
    expectPoint(
      solve(
        {
          kind: 'convex_hull',
          points: [
            { u1: 0, u2: 1 },
            { u1: 1, u2: 0 },
          ],
        },
        { u1: 0.2, u2: 0.1 },
        'nash',
        {
          w1: 0.7,
          w2: 0.3,
        },
      ),
      0.69,
      0.31,
    );
  });

  it('on u2 = 1 − u1² with d = 0 gives (1/√3, 2/3)', () => {
    // research-vectors.md §5: u1 = 0.5773503
    expectPoint(solve(parabola, ZERO, 'nash'), 1 / Math.sqrt(3), 2 / 3);
  });

  it('moves with u1 → 2·u1 + 3 (and d1 → 2·d1 + 3): invariant to positive affine rescaling', () => {
    // research-vectors.md §5
    const shifted: BargainingProblem = { kind: 'curve', g: (v) => 1 - ((v - 3) / 2) ** 2, from: 3, to: 5 };
    expectPoint(solve(shifted, { u1: 3, u2: 0 }, 'nash'), 2 / Math.sqrt(3) + 3, 2 / 3);
  });

  it('on a finite set picks an outcome whose image under any positive affine map is still a Nash point', () => {
    const unit = fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000);
    const pointArb = fc.record({ u1: unit, u2: unit });
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (points, scale, shift) => {
          const d = { u1: 0, u2: 0 };
          const chosen = solve({ kind: 'finite', points }, d, 'nash');
          const mapped = points.map((p) => ({ u1: scale * p.u1 + shift, u2: p.u2 }));
          const dm = { u1: shift, u2: 0 };
          if (!chosen.ok || chosen.value.kind !== 'agreement') return;
          const product = (p: UtilityPoint): number => (p.u1 - dm.u1) * (p.u2 - dm.u2);
          const best = Math.max(...mapped.map(product));
          const image = mapped[chosen.value.index ?? -1] as UtilityPoint;
          expect(product(image)).toBeGreaterThanOrEqual(best * (1 - 1e-9));
        },
      ),
    );
  });

  it('returns disagreement when no outcome is individually rational', () => {
    // research-vectors.md §5
    const d = { u1: 0.7, u2: 0.7 };
    for (const problem of [line, parabola, capped, { kind: 'finite', points: [{ u1: 0.9, u2: 0.1 }] } as const]) {
      expect(solve(problem, d, 'nash')).toEqual({
        ok: true,
        value: { kind: 'disagreement', point: d, reason: 'no_individually_rational_outcome' },
      });
    }
  });

  it('rejects non-positive weights and an empty outcome set with typed errors', () => {
    expect(solve(line, ZERO, 'nash', { w1: 0, w2: 1 })).toEqual({
      ok: false,
      error: { code: 'solutions/weights_invalid', details: { w1: 0, w2: 1 } },
    });
    expect(solve({ kind: 'finite', points: [] }, ZERO, 'nash')).toEqual({
      ok: false,
      error: { code: 'solutions/frontier_invalid', details: { reason: 'empty' } },
    });
    expect(solve({ kind: 'curve', g: (u) => 1 - u, from: 1, to: 0 }, ZERO, 'egalitarian').ok).toBe(false);
  });
});

describe('Kalai–Smorodinsky (1975) solution', () => {
  it('on u2 = 1 − u1² with d = 0 gives u1 = u2 = (√5 − 1)/2', () => {
    // research-vectors.md §6: 0.6180340
    const phi = (Math.sqrt(5) - 1) / 2;
    expectPoint(solve(parabola, ZERO, 'kalai_smorodinsky'), phi, phi);
  });

  it('on S = {u1 + u2 ≤ 1, u2 ≤ 0.5} gives (2/3, 1/3) where Nash gives (0.5, 0.5)', () => {
    // research-vectors.md §6
    expectPoint(solve(capped, ZERO, 'kalai_smorodinsky'), 2 / 3, 1 / 3);
    expectPoint(solve(capped, ZERO, 'nash'), 0.5, 0.5);
  });

  it('gives the same point on S written as a curve with a kink', () => {
    const kinked: BargainingProblem = { kind: 'curve', g: (u) => Math.min(0.5, 1 - u), from: 0, to: 1 };
    expectPoint(solve(kinked, ZERO, 'kalai_smorodinsky'), 2 / 3, 1 / 3);
    expectPoint(solve(kinked, ZERO, 'nash'), 0.5, 0.5);
  });
});

describe('egalitarian solution (Kalai 1977)', () => {
  it('on S = {u1 + u2 ≤ 1, u2 ≤ 0.5} gives (0.5, 0.5)', () => {
    // research-vectors.md §7
    expectPoint(solve(capped, ZERO, 'egalitarian'), 0.5, 0.5);
  });

  it('is not scale invariant: doubling u2 on S maps back to (2/3, 1/3), not (0.5, 0.5), while Nash and KS follow', () => {
    // research-vectors.md §7: "not scale invariant"
    const doubled: BargainingProblem = {
      kind: 'convex_hull',
      points: [
        { u1: 0, u2: 1 },
        { u1: 0.5, u2: 1 },
        { u1: 1, u2: 0 },
      ],
    };
    const egalitarian = point(solve(doubled, ZERO, 'egalitarian'));
    expect(Math.abs(egalitarian.u1 - 2 / 3)).toBeLessThan(TOL);
    expect(Math.abs(egalitarian.u2 / 2 - 1 / 3)).toBeLessThan(TOL);
    const nash = point(solve(doubled, ZERO, 'nash'));
    expect(Math.abs(nash.u1 - 0.5) + Math.abs(nash.u2 / 2 - 0.5)).toBeLessThan(TOL);
    const ks = point(solve(doubled, ZERO, 'kalai_smorodinsky'));
    expect(Math.abs(ks.u1 - 2 / 3) + Math.abs(ks.u2 / 2 - 1 / 3)).toBeLessThan(TOL);
  });
});

describe('maximum welfare', () => {
  it('takes the most equal point of a flat stretch and the tangency of a curve', () => {
    // u1 + u2 = 1 everywhere on the line: the most equal split, (0.5, 0.5)
    expectPoint(solve(line, ZERO, 'max_welfare'), 0.5, 0.5);
    // u1 + 1 − u1² peaks at u1 = 0.5
    expectPoint(solve(parabola, ZERO, 'max_welfare'), 0.5, 0.75);
    expectPoint(solve(capped, ZERO, 'max_welfare'), 0.5, 0.5);
  });
});

describe('all solutions on one problem agree in kind', () => {
  it('every concept on every problem kind lies on the frontier and is individually rational', () => {
    const concepts: SolutionConcept[] = ['nash', 'kalai_smorodinsky', 'egalitarian', 'max_welfare'];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.45, noNaN: true }),
        fc.double({ min: 0, max: 0.45, noNaN: true }),
        (d1, d2) => {
          const d = { u1: d1, u2: d2 };
          for (const c of concepts) {
            const p = point(solve(parabola, d, c));
            expect(Math.abs(p.u2 - (1 - p.u1 * p.u1))).toBeLessThan(1e-12);
            expect(p.u1).toBeGreaterThanOrEqual(d1 - 1e-12);
            expect(p.u2).toBeGreaterThanOrEqual(d2 - 1e-12);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('finite outcome sets', () => {
  const outcomes: UtilityPoint[] = [
    { u1: 0.9, u2: 0.1 },
    { u1: 0.6, u2: 0.5 },
    { u1: 0.52, u2: 0.56 },
    { u1: 0.4, u2: 0.4 },
    { u1: 0.1, u2: 0.95 },
    { u1: 0.6, u2: 0.5 },
  ];

  it('extracts the frontier, the ZOPA and the solutions, and measures a deal against them', () => {
    const r = analyseOutcomes(outcomes, { u1: 0.3, u2: 0.3 });
    if (!r.ok) throw new Error('expected an analysis');
    expect(r.value.frontier).toEqual([4, 2, 1, 0]);
    expect(r.value.zopa).toEqual([1, 2, 3, 5]);
    // gains (0.3, 0.2) → product 0.06, minimum 0.2; (0.22, 0.26) → product 0.0572, minimum 0.22
    expect(r.value.solutions.nash).toEqual({ kind: 'agreement', point: { u1: 0.6, u2: 0.5 }, index: 1 });
    expect(r.value.solutions.egalitarian).toEqual({ kind: 'agreement', point: { u1: 0.52, u2: 0.56 }, index: 2 });
    const distances = distancesToSolutions({ u1: 0.4, u2: 0.4 }, r.value.solutions);
    expect(distances.nash).toBeCloseTo(Math.hypot(0.2, 0.1), 12);
  });

  it('puts everything at disagreement when no outcome is individually rational', () => {
    const r = solveAll({ kind: 'finite', points: outcomes }, { u1: 0.95, u2: 0.95 });
    if (!r.ok) throw new Error('expected solutions');
    expect(r.value.kalaiSmorodinsky.kind).toBe('disagreement');
    expect(distancesToSolutions({ u1: 0, u2: 0 }, r.value).maxWelfare).toBeNull();
  });
});
