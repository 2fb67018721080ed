import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { utility } from '../negotiation/preferences.js';
import { enumerateOutcomes } from '../negotiation/domain.js';
import { randomBilateralDomain } from './random-domain.js';
import { domainStats } from './stats.js';
import type { BilateralDomain } from './model.js';

/** An independent brute force: every outcome against every other, scores computed from their definitions. */
function bruteForce(d: BilateralDomain) {
  const [a, b] = d.profiles;
  const pts = [...enumerateOutcomes(d.domain)].map((o) => [
    utility(d.domain, a.preferences, o),
    utility(d.domain, b.preferences, o),
  ]) as [number, number][];
  const rA = a.preferences.reservation.kind === 'constant' ? a.preferences.reservation.value : 0;
  const rB = b.preferences.reservation.kind === 'constant' ? b.preferences.reservation.value : 0;
  const pareto = new Map<string, [number, number]>();
  for (const p of pts)
    if (!pts.some((q) => q[0] >= p[0] && q[1] >= p[1] && (q[0] > p[0] || q[1] > p[1])))
      pareto.set(`${p[0]},${p[1]}`, p);
  const ir = pts.filter((p) => p[0] >= rA && p[1] >= rB);
  const idealA = Math.max(0, ...ir.map((p) => p[0] - rA));
  const idealB = Math.max(0, ...ir.map((p) => p[1] - rB));
  const best = (score: (p: [number, number]) => number) => Math.max(...ir.map(score));
  const maxA = Math.max(...pts.map((p) => p[0]));
  const maxB = Math.max(...pts.map((p) => p[1]));
  return {
    outcomes: pts.length,
    pareto: [...pareto.values()].sort((x, y) => x[0] - y[0]),
    ir: ir.length,
    nash: (p: readonly number[]) => (p[0]! - rA) * (p[1]! - rB),
    nashBest: best((p) => (p[0] - rA) * (p[1] - rB)),
    ks: (p: readonly number[]) =>
      Math.min(idealA > 0 ? (p[0]! - rA) / idealA : 1, idealB > 0 ? (p[1]! - rB) / idealB : 1),
    ksBest: best((p) => Math.min(idealA > 0 ? (p[0] - rA) / idealA : 1, idealB > 0 ? (p[1] - rB) / idealB : 1)),
    egalitarian: (p: readonly number[]) => Math.min(p[0]! - rA, p[1]! - rB),
    egalitarianBest: best((p) => Math.min(p[0] - rA, p[1] - rB)),
    welfareBest: best((p) => p[0] + p[1]),
    opposition: Math.min(...pts.map((p) => Math.hypot(maxA - p[0], maxB - p[1]))),
  };
}

describe('domainStats', () => {
  it('equals an independent brute force on 200 random domains (frontier, four solutions, opposition)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const d = randomBilateralDomain(createRng(seed));
      const s = domainStats(d);
      const bf = bruteForce(d);
      expect(s.outcomes).toBe(bf.outcomes);
      expect(s.pareto.map((p) => p.utilities)).toEqual(bf.pareto);
      expect(s.opposition).toBeCloseTo(bf.opposition, 12);
      if (bf.ir === 0) {
        expect(s.nash.outcome).toBeNull();
        continue;
      }
      // Ties may pick another outcome with the same score: compare scores, and that the point is the outcome's.
      expect(bf.nash(s.nash.utilities)).toBeCloseTo(bf.nashBest, 12);
      expect(bf.ks(s.kalaiSmorodinsky.utilities)).toBeCloseTo(bf.ksBest, 12);
      expect(bf.egalitarian(s.egalitarian.utilities)).toBeCloseTo(bf.egalitarianBest, 12);
      expect(s.maxWelfare.utilities[0] + s.maxWelfare.utilities[1]).toBeCloseTo(bf.welfareBest, 12);
      for (const p of [s.nash, s.kalaiSmorodinsky, s.egalitarian, s.maxWelfare])
        expect([
          utility(d.domain, d.profiles[0].preferences, p.outcome!),
          utility(d.domain, d.profiles[1].preferences, p.outcome!),
        ]).toEqual(p.utilities);
    }
  });

  it('reports the reservations as the point when no outcome is individually rational', () => {
    const d = randomBilateralDomain(createRng(7), { issues: [1, 1], values: [2, 2] });
    const high: BilateralDomain = {
      ...d,
      profiles: [
        {
          ...d.profiles[0],
          preferences: { ...d.profiles[0].preferences, reservation: { kind: 'constant', value: 1 } },
        },
        {
          ...d.profiles[1],
          preferences: { ...d.profiles[1].preferences, reservation: { kind: 'constant', value: 1 } },
        },
      ],
    };
    const s = domainStats(high);
    expect(s.nash).toEqual({ outcome: null, utilities: [1, 1] });
    expect(s.maxWelfare.outcome).toBeNull();
  });
});
