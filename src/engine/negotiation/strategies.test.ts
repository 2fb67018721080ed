import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { PRICE_BUYER, PRICE_DOMAIN, PRICE_SELLER } from './price-domain.js';
import { initialState, step, type NegotiationConfig, type NegotiationState } from './protocol.js';
import {
  createAgent,
  fsjExponential,
  fsjPolynomial,
  geniusConcession,
  geniusTarget,
  horizonTime,
  negmasThreshold,
  withHorizon,
  type AgentView,
  type StrategySpec,
} from './strategies.js';
import type { Preferences } from './preferences.js';

const config: NegotiationConfig = {
  domain: PRICE_DOMAIN,
  parties: ['buyer', 'seller'],
  mode: 'alternating',
  deadline: 11,
  ratification: 'none',
};

/** The seller's view after the buyer offered `price` at step 0, at relative time t. */
function sellerView(price: number | null, time: number, state?: NegotiationState): AgentView {
  let s = initialState();
  if (price !== null) {
    const r = step(config, s, { type: 'offer', party: 0, outcome: { price } });
    if (!r.ok) throw new Error(r.error.code);
    s = r.value;
  }
  return { me: 1, config, state: state ?? s, time, reservation: 0 };
}

const decide = (spec: StrategySpec, view: AgentView, prefs: Preferences = PRICE_SELLER, seed = 1) =>
  createAgent(spec, PRICE_DOMAIN, prefs).decide(view, createRng(seed));

describe('time-dependent tactics', () => {
  it('Genius p(t) = Pmin + (Pmax − Pmin)(1 − f(t)): Boulware e = 0.2 → 0.975, Conceder e = 2 → 0.4343146 at t = 0.5', () => {
    // research-vectors.md 9: k = 0, Pmin = 0.2, Pmax = 1, t = 0.5.
    expect(geniusTarget(0.5, { e: 0.2, k: 0, pmin: 0.2, pmax: 1 })).toBeCloseTo(0.975, 12);
    expect(geniusTarget(0.5, { e: 2, k: 0, pmin: 0.2, pmax: 1 })).toBeCloseTo(0.4343146, 7);
    expect(geniusTarget(0.5, { e: 0, k: 0, pmin: 0.2, pmax: 1 })).toBe(1);
  });

  it('Faratin–Sierra–Jennings α(t): polynomial β = 0.5 → 0.25, β = 2 → 0.7071068; exponential κ = 0.1, β = 1 → 0.3162278', () => {
    // Faratin, Sierra & Jennings 1998, time-dependent tactics, at t/T = 0.5.
    expect(fsjPolynomial(0.5, { kappa: 0, beta: 0.5, deadline: 1 })).toBeCloseTo(0.25, 12);
    expect(fsjPolynomial(0.5, { kappa: 0, beta: 2, deadline: 1 })).toBeCloseTo(0.7071068, 7);
    expect(fsjExponential(0.5, { kappa: 0.1, beta: 1, deadline: 1 })).toBeCloseTo(0.3162278, 7);
    expect(fsjPolynomial(2, { kappa: 0, beta: 2, deadline: 1 })).toBe(1);
  });

  it('NegMAS aspiration 1 − t^e: Boulware e = 4 keeps 0.9375 of the range at t = 0.5, Conceder e = 0.25 keeps 0.1591', () => {
    expect(negmasThreshold(0.5, 4, 0, 1)).toBe(0.9375);
    expect(negmasThreshold(0.5, 0.25, 0, 1)).toBeCloseTo(0.1591036, 7);
  });

  it('offers the lowest-utility outcome at the target: a linear seller at t = 0.5 asks 500', () => {
    expect(decide({ kind: 'time-dependent', e: 1 }, sellerView(null, 0.5))).toEqual({
      type: 'offer',
      party: 1,
      outcome: { price: 500 },
    });
  });

  it('accepts by AC_next when the offer received is worth at least its next offer', () => {
    expect(decide({ kind: 'time-dependent', e: 1 }, sellerView(500, 0.5))).toEqual({ type: 'accept', party: 1 });
    expect(decide({ kind: 'time-dependent', e: 1 }, sellerView(499, 0.5))).toEqual({
      type: 'offer',
      party: 1,
      outcome: { price: 500 },
    });
    expect(decide({ kind: 'fsj-polynomial', beta: 1 }, sellerView(499, 0.5))).toEqual({
      type: 'offer',
      party: 1,
      outcome: { price: 500 },
    });
  });

  it('walks away when its reservation value exceeds anything the domain offers', () => {
    expect(decide({ kind: 'time-dependent', e: 1 }, { ...sellerView(500, 0.5), reservation: 1.1 })).toEqual({
      type: 'end',
      party: 1,
    });
  });
});

describe('a perceived horizon h: agents read t_eff = min(1, t/h)', () => {
  it('t_eff = t/h before h and 1 from h on; h = 1 or none is t itself', () => {
    expect(horizonTime(0.3, 0.6)).toBe(0.5);
    expect(horizonTime(0.6, 0.6)).toBe(1);
    expect(horizonTime(0.9, 0.6)).toBe(1);
    for (const t of [0, 0.1, 1 / 3, 0.77, 1]) {
      expect(horizonTime(t, 1)).toBe(t);
      expect(horizonTime(t, undefined)).toBe(t);
    }
  });

  it('Genius f(t_eff) = 1 at t = h·T, so the target is the reservation value Pmin there and after, for any e > 0 and k', () => {
    for (const h of [0.3, 0.5, 0.8])
      for (const e of [0.2, 1, 2])
        for (const k of [0, 0.1]) {
          expect(geniusConcession(horizonTime(h, h), e, k)).toBe(1);
          expect(geniusTarget(horizonTime(h, h), { e, k, pmin: 0.25, pmax: 1 })).toBe(0.25);
          expect(geniusTarget(horizonTime(Math.min(1, h + 0.1), h), { e, k, pmin: 0.25, pmax: 1 })).toBe(0.25);
        }
    // Before h: Genius f at t/h, e.g. e = 1, h = 0.5, t = 0.25: f = 0.5, target 0.25 + 0.75 · 0.5 = 0.625
    expect(geniusTarget(horizonTime(0.25, 0.5), { e: 1, pmin: 0.25, pmax: 1 })).toBe(0.625);
  });

  it('a linear seller with reservation 0.25 and h = 0.5 asks 625 at t = 0.25 (where h = 1 asks it at t = 0.5), 250 from t = 0.5 on', () => {
    const seller = (h: number | undefined, t: number, spec: StrategySpec = { kind: 'time-dependent', e: 1 }) =>
      decide(h === undefined ? spec : withHorizon(spec, h), { ...sellerView(null, t), reservation: 0.25 });
    const asks = (price: number) => ({ type: 'offer', party: 1, outcome: { price } });
    expect(seller(undefined, 0.5)).toEqual(asks(625));
    expect(seller(0.5, 0.25)).toEqual(asks(625));
    expect(seller(0.5, 0.5)).toEqual(asks(250));
    expect(seller(0.5, 0.75)).toEqual(asks(250));
    // FSJ α(t_eff), polynomial β = 1: α(0.25/0.5) = 0.5, target 1 − 0.5 · 0.75 = 0.625; NegMAS linear at t_eff = 1: Pmin
    expect(seller(0.5, 0.25, { kind: 'fsj-polynomial', beta: 1 })).toEqual(asks(625));
    expect(seller(0.5, 0.5, { kind: 'fsj-exponential', beta: 1, kappa: 0.1 })).toEqual(asks(250));
    expect(seller(0.5, 0.5, { kind: 'negmas-time-based', aspiration: 'linear' })).toEqual(asks(250));
  });

  it('withHorizon marks only time-based strategies, and h = 1 returns the spec itself', () => {
    const spec: StrategySpec = { kind: 'time-dependent', e: 0.5 };
    expect(withHorizon(spec, 1)).toBe(spec);
    expect(withHorizon(spec, 0.7)).toEqual({ kind: 'time-dependent', e: 0.5, horizon: 0.7 });
    const tft: StrategySpec = { kind: 'tit-for-tat' };
    expect(withHorizon(tft, 0.7)).toBe(tft);
  });
});

describe('choosing among outcomes near the target', () => {
  it('picks the best for the opponent model within the window', () => {
    const spec: StrategySpec = {
      kind: 'time-dependent',
      e: 1,
      pick: { kind: 'best-for-opponent', window: 0.05, opponent: PRICE_BUYER },
    };
    expect(decide(spec, sellerView(null, 0.5))).toEqual({ type: 'offer', party: 1, outcome: { price: 500 } });
  });

  it('draws uniformly within the window from the seeded rng, the same draw for the same seed', () => {
    const spec: StrategySpec = { kind: 'time-dependent', e: 1, pick: { kind: 'random', window: 0.05 } };
    const prices = [1, 2, 3, 4, 5].map((seed) => {
      const a = decide(spec, sellerView(null, 0.5), PRICE_SELLER, seed);
      return a?.type === 'offer' ? (a.outcome['price'] as number) : -1;
    });
    for (const p of prices) expect(p >= 500 && p <= 550).toBe(true);
    expect(new Set(prices).size).toBeGreaterThan(1);
    expect(prices).toEqual(
      [1, 2, 3, 4, 5].map((seed) => {
        const a = decide(spec, sellerView(null, 0.5), PRICE_SELLER, seed);
        return a?.type === 'offer' ? (a.outcome['price'] as number) : -1;
      }),
    );
  });
});

describe('reactive, scripted and human strategies', () => {
  it('relative tit-for-tat concedes by the ratio the opponent conceded', () => {
    // Buyer asked 100 then 200: its own utility fell 0.9 → 0.8 (ratio 8/9); the seller's 900 (0.9) becomes 0.8 → 800.
    const actions = [
      { type: 'offer', party: 0, outcome: { price: 100 } },
      { type: 'offer', party: 1, outcome: { price: 900 } },
      { type: 'offer', party: 0, outcome: { price: 200 } },
    ] as const;
    const s = actions.reduce<NegotiationState>((st, a) => {
      const r = step(config, st, a);
      if (!r.ok) throw new Error(r.error.code);
      return r.value;
    }, initialState());
    expect(decide({ kind: 'tit-for-tat' }, { me: 1, config, state: s, time: 0.3, reservation: 0 })).toEqual({
      type: 'offer',
      party: 1,
      outcome: { price: 800 },
    });
  });

  it('replays the position in force at the step and accepts an offer at least as good', () => {
    const spec: StrategySpec = {
      kind: 'replay',
      positions: [
        { step: 0, outcome: { price: 900 } },
        { step: 5, outcome: { price: 700 } },
      ],
    };
    const view = sellerView(600, 0.1);
    expect(decide(spec, view)).toEqual({ type: 'offer', party: 1, outcome: { price: 900 } });
    expect(decide(spec, { ...view, state: { ...view.state, step: 5 } })).toEqual({
      type: 'offer',
      party: 1,
      outcome: { price: 700 },
    });
    expect(decide(spec, sellerView(750, 0.1))).toEqual({ type: 'offer', party: 1, outcome: { price: 900 } });
    const dated: StrategySpec = {
      kind: 'replay',
      positions: [
        { date: '2019-09-24', outcome: { price: 900 } },
        { date: '2019-12-17', outcome: { price: 600 } },
      ],
    };
    expect(decide(dated, { ...view, date: '2019-12-17' })).toEqual({ type: 'accept', party: 1 });
  });

  it('a human yields no action: the driver must supply it', () => {
    expect(decide({ kind: 'human' }, sellerView(500, 0.5))).toBeNull();
  });
});
