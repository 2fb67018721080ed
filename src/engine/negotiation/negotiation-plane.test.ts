import { describe, expect, it } from 'vitest';
import { negotiationPlane } from './negotiation-plane.js';
import { pieScenario as scenario } from './test-scenarios.js';

describe('negotiationPlane', () => {
  const plane = negotiationPlane(scenario, 1);

  it('puts every outcome of a fixed pie on the frontier u(US) + u(ROK) = 1, US utility ascending', () => {
    expect(plane.frontier.length).toBeGreaterThan(100);
    for (const p of plane.frontier) expect(p.uUS + p.uROK).toBeCloseTo(1, 6);
    for (let k = 1; k < plane.frontier.length; k++) {
      const [a, b] = [plane.frontier[k - 1], plane.frontier[k]];
      expect(b?.uUS).toBeGreaterThan(a?.uUS ?? 1);
    }
  });

  it('finds Nash and KS both near (0.4, 0.6) from reservations (0.1, 0.3)', () => {
    // On u1 + u2 = 1 with d = (0.1, 0.3) the surplus 0.6 is split equally by Nash (1950) and, the individually
    // rational ideal point being (0.7, 0.9), by Kalai–Smorodinsky (1975) too.
    expect(plane.disagreement).toEqual({ uUS: 0.1, uROK: 0.3 });
    expect(plane.nash.kind).toBe('agreement');
    expect(Math.abs(plane.nash.uUS - 0.4)).toBeLessThan(0.02);
    expect(Math.abs(plane.kalaiSmorodinsky.uUS - 0.4)).toBeLessThan(0.02);
    expect(plane.nash.terms).not.toBeNull();
  });

  it('lists the offers in order, the US first and the sides alternating, and places the agreement among them', () => {
    expect(plane.offers[0]?.side).toBe('us');
    plane.offers.forEach((o, k) => expect(o.side).toBe(k % 2 === 0 ? 'us' : 'rok'));
    for (const o of plane.offers) expect(o.uUS + o.uROK).toBeCloseTo(1, 6);
    expect(plane.reason).toBe('agreement');
    expect(plane.offers.some((o) => o.uUS === plane.agreement?.uUS && o.uROK === plane.agreement?.uROK)).toBe(true);
  });
});
