import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

const post = async (payload: unknown) => {
  const res = await app.inject({ method: 'POST', url: '/api/negotiate', payload: payload as object });
  return { status: res.statusCode, body: res.json() };
};

describe('POST /api/negotiate', () => {
  it('places one run of the 12th SMA talks on the utility plane', async () => {
    // Regression pin: engine negotiationPlane(sma-12-talks, seed 1), as `sma negotiate sma-12-talks --seed 1` prints
    // it: with the win-set, the ROK accepts +9.9 % for three years on 2024-12-01 after 21 offers.
    const { status, body } = await post({ scenario: 'sma-12-talks', seed: 1 });
    expect(status).toBe(200);
    expect([body.reason, body.outcome, body.endDate, body.agreement, body.offers.length]).toEqual([
      'agreement',
      {
        duration: 3,
        'escalation-index': 'rok-defense-budget-growth',
        'escalation-rate': 0.06,
        'first-year-change': 0.099,
      },
      '2024-12-01',
      { uUS: 0.471, uROK: 0.539 },
      21,
    ]);
    expect(body.offers[0]).toEqual({
      step: 0,
      date: '2024-04-23',
      side: 'us',
      terms: {
        'escalation-rate': 0.06,
        'escalation-index': 'rok-defense-budget-growth',
        duration: 6,
        'first-year-change': 0.3,
      },
      uUS: 1,
      uROK: 0.13,
    });
    expect(body.offers.map((o: { side: string }) => o.side).slice(0, 3)).toEqual(['us', 'rok', 'us']);
    // Reservations 0.3 and 0.45 (data/scenarios/sma-12-talks.yaml); Nash and KS coincide on this grid.
    expect(body.disagreement).toEqual({ uUS: 0.3, uROK: 0.45 });
    expect(body.nash).toMatchObject({ kind: 'agreement', uUS: 0.495, uROK: 0.645 });
    expect(body.kalaiSmorodinsky).toMatchObject({ kind: 'agreement', uUS: 0.495, uROK: 0.645 });
    expect(body.frontier).toHaveLength(1234);
  });

  it('places the agreed 11th SMA outcome on the plane', async () => {
    // Engine negotiationPlane(sma-11-talks, seed 1): agreement at round 9 (5–7 March 2021) at +13.9 %, five years;
    // regression pin: the Assembly consents at the second sitting, 14 days after the session's close, 2021-03-21
    // (2021-03-19 while a deal bore its session's first day; 2021-03-05 before ratification.ts `drawSitting`).
    const { status, body } = await post({ scenario: 'sma-11-talks', seed: 1 });
    expect(status).toBe(200);
    expect([body.reason, body.endDate, body.outcome['first-year-change'], body.offers.length]).toEqual([
      'agreement',
      '2021-03-21',
      0.139,
      17,
    ]);
    expect(body.agreement).toEqual({ uUS: 0.1436596, uROK: 0.8288 });
  });

  it('refuses an unknown scenario with 404 naming the bundled ones', async () => {
    const { status, body } = await post({ scenario: 'sma-99-talks', seed: 1 });
    expect(status).toBe(404);
    expect(body.error.code).toBe('scenario/not_found');
    expect(body.error.message).toContain('sma-12-talks');
  });

  it('is documented in the OpenAPI description', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(Object.keys(res.json().paths['/api/negotiate'])).toEqual(['post']);
  });

  it('refuses a missing seed with 400', async () => {
    const { status, body } = await post({ scenario: 'sma-12-talks' });
    expect([status, body.error.code]).toEqual([400, 'request/invalid']);
  });
});
