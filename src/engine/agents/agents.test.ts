import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import type { Domain } from '../negotiation/domain.js';
import type { Preferences } from '../negotiation/preferences.js';
import type { NegotiationConfig } from '../negotiation/protocol.js';
import { runNegotiation } from '../negotiation/run.js';
import { createResearchAgent, FrequencyModel, niceTarget, type ResearchStrategySpec } from './agents.js';

// Price 0..10: buyer u = 1 − p/10, seller u = p/10, reservation 0.
const DOMAIN: Domain = { issues: [{ kind: 'numeric', name: 'price', min: 0, max: 10, step: 1, unit: 'usd' }] };
const prefs = (direction: 'increasing' | 'decreasing', reservation = 0): Preferences => ({
  weights: { price: 1 },
  values: { price: { kind: 'linear', direction } },
  reservation: { kind: 'constant', value: reservation },
});
const BUYER = prefs('decreasing');
const SELLER = prefs('increasing');
const config = (deadline: number): NegotiationConfig => ({
  domain: DOMAIN,
  parties: ['buyer', 'seller'],
  mode: 'alternating',
  deadline,
  ratification: 'none',
});
const play = (
  a: ResearchStrategySpec,
  b: ResearchStrategySpec,
  deadline = 40,
  seed = 1,
  buyer = BUYER,
  seller = SELLER,
) => {
  const r = runNegotiation(
    config(deadline),
    [
      { agent: createResearchAgent(a, DOMAIN, buyer), preferences: buyer },
      { agent: createResearchAgent(b, DOMAIN, seller), preferences: seller },
    ],
    createRng(seed),
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const offers = (run: ReturnType<typeof play>, party: 0 | 1) =>
  run.trace.flatMap((t) => (t.action.type === 'offer' && t.action.party === party ? [t.action.outcome['price']] : []));

describe('MiCRO (de Jonge 2022)', () => {
  it('against itself concedes one price step per offer and agrees at 5 when the seller accepts at step 11', () => {
    // Buyer offers 0, 1, 2, …; seller 10, 9, 8, …: each concedes because the other made as many distinct offers.
    // Seller's 6th turn: received 5, its next concession would be 5 (u = 0.5) → accepts (hand derivation).
    const run = play({ kind: 'micro' }, { kind: 'micro' });
    expect(offers(run, 0)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(offers(run, 1)).toEqual([10, 9, 8, 7, 6]);
    expect([run.outcome, run.step, run.offers]).toEqual([{ price: 5 }, 11, 11]);
  });

  it('does not concede against a hardliner: it repeats offers it already made', () => {
    const run = play({ kind: 'micro' }, { kind: 'hardliner' }, 20);
    // The hardliner makes one distinct offer, so MiCRO makes at most two distinct ones (0, then 1).
    expect(new Set(offers(run, 0))).toEqual(new Set([0, 1]));
    expect(run.outcome).toBeNull();
  });

  it('never offers below its reservation value', () => {
    const run = play({ kind: 'micro' }, { kind: 'micro' }, 40, 1, prefs('decreasing', 0.75), prefs('increasing', 0.75));
    expect(Math.max(...(offers(run, 0) as number[]))).toBeLessThanOrEqual(2.5);
    expect(run.outcome).toBeNull();
  });
});

describe('Nice tit-for-tat (Baarslag, Hindriks & Jonker 2013)', () => {
  it('concedes nothing to a hardliner: every offer is its best outcome', () => {
    const run = play({ kind: 'nice-tit-for-tat' }, { kind: 'hardliner' }, 30);
    expect(new Set(offers(run, 0))).toEqual(new Set([0]));
    expect(run.outcome).toBeNull();
  });

  it('target vector: the opponent came half way to the Nash point, so it concedes half way from its best', () => {
    // c = (0.4 − 0.2)/(0.6 − 0.2) = 0.5; τ = 1 − 0.5·(1 − 0.6) = 0.8
    expect(niceTarget({ max: 1, nash: 0.6, first: 0.2, latest: 0.4 })).toBeCloseTo(0.8, 15);
    expect(niceTarget({ max: 1, nash: 0.6, first: 0.2, latest: 0.1 })).toBe(1);
    expect(niceTarget({ max: 1, nash: 0.6, first: 0.2, latest: 0.9 })).toBeCloseTo(0.6, 15);
  });

  it('reaches agreement with a conceding opponent without ever asking for more than before', () => {
    const run = play({ kind: 'nice-tit-for-tat' }, { kind: 'time-dependent', e: 1 }, 40);
    expect(run.outcome).not.toBeNull();
    const buyerOffers = offers(run, 0) as number[];
    expect(buyerOffers[0]).toBe(0);
    expect(buyerOffers.every((p, k) => k === 0 || p >= (buyerOffers[k - 1] as number))).toBe(true);
  });

  it('frequency model: values by count, issues by how often they stay unchanged', () => {
    const domain: Domain = {
      issues: [
        { kind: 'categorical', name: 'x', options: ['a', 'b'] },
        { kind: 'categorical', name: 'y', options: ['c', 'd'] },
      ],
    };
    const m = new FrequencyModel(domain);
    m.observe({ x: 'a', y: 'c' });
    m.observe({ x: 'a', y: 'd' });
    m.observe({ x: 'a', y: 'c' });
    // x unchanged twice → weight (2 + 1)/(2 + 1 + 0 + 1) = 3/4; y never → 1/4.
    // v_x(a) = (1 + 3)/(1 + 3) = 1, v_x(b) = 1/4; v_y(c) = (1 + 2)/(1 + 2) = 1, v_y(d) = (1 + 1)/3 = 2/3.
    expect(m.utility({ x: 'a', y: 'c' })).toBeCloseTo(1, 15);
    expect(m.utility({ x: 'b', y: 'd' })).toBeCloseTo((3 / 4) * (1 / 4) + (1 / 4) * (2 / 3), 15);
  });
});

describe('baselines', () => {
  it('hardliner: offers its best every time and takes only its best', () => {
    const run = play({ kind: 'hardliner' }, { kind: 'time-dependent', e: 2 }, 40);
    expect(new Set(offers(run, 0))).toEqual(new Set([0]));
    expect(run.outcome).toEqual({ price: 0 });
  });

  it('random: the same seed gives the same run; it never offers or accepts below its reservation', () => {
    const a = play({ kind: 'random' }, { kind: 'random' }, 30, 5, prefs('decreasing', 0.4), prefs('increasing', 0.4));
    const b = play({ kind: 'random' }, { kind: 'random' }, 30, 5, prefs('decreasing', 0.4), prefs('increasing', 0.4));
    expect(b.trace).toEqual(a.trace);
    for (let seed = 1; seed <= 50; seed++) {
      const run = play(
        { kind: 'random' },
        { kind: 'random' },
        30,
        seed,
        prefs('decreasing', 0.4),
        prefs('increasing', 0.4),
      );
      expect((offers(run, 0) as number[]).every((p) => p <= 6)).toBe(true);
      expect((offers(run, 1) as number[]).every((p) => p >= 4)).toBe(true);
      if (run.outcome !== null) expect([4, 5, 6]).toContain(run.outcome['price']);
    }
  });
});
