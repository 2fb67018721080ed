import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

const post = async (url: string, payload: unknown) => {
  const res = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: res.statusCode, body: res.json() };
};

describe('bargaining solutions', () => {
  it('gives the Rubinstein split', async () => {
    // Rubinstein (1982): δ1 = 0.9, δ2 = 0.8 → 0.7142857 (research-vectors.md 1).
    const { status, body } = await post('/api/solve/rubinstein', { delta1: 0.9, delta2: 0.8 });
    expect(status).toBe(200);
    expect(body.proposerShare).toBeCloseTo(0.7142857, 7);
  });

  it('applies the responder’s outside option only when it binds', async () => {
    // Osborne–Rubinstein (1990): δ = 0.9, b = 0.3 → 0.5263; b = 0.6 → 0.4 (research-vectors.md 4).
    const loose = await post('/api/solve/rubinstein', { delta1: 0.9, delta2: 0.9, responderOutsideOption: 0.3 });
    const binding = await post('/api/solve/rubinstein', { delta1: 0.9, delta2: 0.9, responderOutsideOption: 0.6 });
    expect([loose.body.proposerShare, loose.body.outsideOptionBinds]).toEqual([expect.closeTo(0.5263158, 6), false]);
    expect([binding.body.proposerShare, binding.body.outsideOptionBinds]).toEqual([expect.closeTo(0.4, 9), true]);
  });

  it('gives the Ståhl finite-horizon split', async () => {
    // Ståhl (1972): δ = 0.9, T = 3 → 0.91 (research-vectors.md 3).
    const { body } = await post('/api/solve/stahl', { delta1: 0.9, delta2: 0.9, horizon: 3 });
    expect(body.proposerShare).toBeCloseTo(0.91, 9);
  });

  it('finds the Nash, Kalai–Smorodinsky and egalitarian points on u2 = 1 − u1²', async () => {
    const problem = { kind: 'polynomial', coefficients: [1, 0, -1], from: 0, to: 1 };
    const disagreement = { u1: 0, u2: 0 };
    const [nash, ks] = await Promise.all(
      ['nash', 'ks'].map((concept) => post(`/api/solve/${concept}`, { problem, disagreement })),
    );
    // Nash: u1 = 1/√3 = 0.5773503, u2 = 2/3; KS: u1 = u2 = (√5 − 1)/2 = 0.6180340 (research-vectors.md 5, 6).
    expect(nash?.body.point.u1).toBeCloseTo(0.5773503, 6);
    expect(nash?.body.point.u2).toBeCloseTo(2 / 3, 6);
    expect(ks?.body.point.u1).toBeCloseTo(0.618034, 6);
  });

  it('finds the egalitarian point of a convex hull', async () => {
    // Kalai (1977) on S = {u1 + u2 ≤ 1, u2 ≤ 0.5}, d = 0 → (0.5, 0.5) (research-vectors.md 7).
    const points = [
      { u1: 0, u2: 0.5 },
      { u1: 0.5, u2: 0.5 },
      { u1: 1, u2: 0 },
    ];
    const { body } = await post('/api/solve/egalitarian', {
      problem: { kind: 'convex_hull', points },
      disagreement: { u1: 0, u2: 0 },
    });
    expect(body.point.u1).toBeCloseTo(0.5, 9);
    expect(body.point.u2).toBeCloseTo(0.5, 9);
  });

  it('weights the Nash solution and reports disagreement when nothing is individually rational', async () => {
    // Weights (0.7, 0.3) on u1 + u2 = 1 from d = (0.2, 0.1) → (0.69, 0.31) (research-vectors.md 5).
    const weighted = await post('/api/solve/nash', {
      problem: { kind: 'polynomial', coefficients: [1, -1], from: 0, to: 1 },
      disagreement: { u1: 0.2, u2: 0.1 },
      weights: { w1: 0.7, w2: 0.3 },
    });
    expect(weighted.body.point.u1).toBeCloseTo(0.69, 6);
    const none = await post('/api/solve/nash', {
      problem: { kind: 'finite', points: [{ u1: 0.1, u2: 0.1 }] },
      disagreement: { u1: 0.5, u2: 0.5 },
    });
    expect(none.body).toEqual({
      kind: 'disagreement',
      point: { u1: 0.5, u2: 0.5 },
      reason: 'no_individually_rational_outcome',
    });
  });

  it('refuses a discount factor of 1 with the field path, and an empty interval with the engine’s code', async () => {
    const bad = await post('/api/solve/rubinstein', { delta1: 1, delta2: 0.9 });
    expect([bad.status, bad.body.error.issues[0].path, bad.body.error.issues[0].expected]).toEqual([
      400,
      'body.delta1',
      'a value less than 1',
    ]);
    const empty = await post('/api/solve/ks', {
      problem: { kind: 'polynomial', coefficients: [1, -1], from: 1, to: 0 },
      disagreement: { u1: 0, u2: 0 },
    });
    expect([empty.status, empty.body.error.code]).toEqual([422, 'solutions/frontier_invalid']);
  });
});
