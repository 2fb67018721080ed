import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { lapsePort, timeOnlyLapse } from './lapse.js';
import { PRICE_BUYER, PRICE_DOMAIN, PRICE_SELLER } from './price-domain.js';
import { initialState, step, type NegotiationConfig } from './protocol.js';
import { aboveRejected } from './preferences.js';
import { runNegotiation, type NegotiationParty } from './run.js';
import { createAgent, type Agent, type StrategySpec } from './strategies.js';

const saop: NegotiationConfig = {
  domain: PRICE_DOMAIN,
  parties: ['buyer', 'seller'],
  mode: 'alternating',
  deadline: 20,
  ratification: 'none',
};
/** A lapse with no furlough and no cost (lapse.ts `timeOnlyLapse`): tests override what they exercise. */
const quietLapse = timeOnlyLapse('2019-12-31', [0, 0]);
const party = (spec: StrategySpec, side: 'buyer' | 'seller'): NegotiationParty => {
  const preferences = side === 'buyer' ? PRICE_BUYER : PRICE_SELLER;
  return { agent: createAgent(spec, PRICE_DOMAIN, preferences), preferences };
};

describe('the run driver', () => {
  it('drives two Genius linear agents to the split in the middle, recording every action in the trace', () => {
    // Symmetric linear concession (e = 1) meets at the midpoint; the last mover's AC_next closes it.
    const run = runNegotiation(
      saop,
      [party({ kind: 'time-dependent', e: 1 }, 'buyer'), party({ kind: 'time-dependent', e: 1 }, 'seller')],
      createRng(7),
    );
    if (!run.ok) throw new Error(run.error.code);
    expect(run.value.reason).toBe('agreement');
    const price = run.value.outcome?.['price'] as number;
    expect(Math.abs(price - 500)).toBeLessThanOrEqual(30);
    expect(run.value.trace).toHaveLength(run.value.step + 1);
    expect(run.value.trace.at(-1)?.action.type).toBe('accept');
    expect(run.value.payoffs[0] + run.value.payoffs[1]).toBeCloseTo(1, 12);
  });

  it('ends at the deadline when two hardliners (e = 0) never concede', () => {
    const run = runNegotiation(
      saop,
      [party({ kind: 'time-dependent', e: 0 }, 'buyer'), party({ kind: 'time-dependent', e: 0 }, 'seller')],
      createRng(7),
    );
    if (!run.ok) throw new Error(run.error.code);
    expect([run.value.outcome, run.value.reason, run.value.offers]).toEqual([null, 'deadline', 20]);
  });

  it('stops with awaiting_input when a human is to move', () => {
    const run = runNegotiation(
      saop,
      [party({ kind: 'time-dependent', e: 1 }, 'buyer'), party({ kind: 'human' }, 'seller')],
      createRng(7),
    );
    expect(run.ok ? null : [run.error.code, run.error.details]).toEqual([
      'negotiation/awaiting_input',
      { party: 1, state: expect.objectContaining({ step: 1, turn: 1 }) },
    ]);
  });

  it('asks the ratification port and resumes after a rejected vote', () => {
    let votes = 0;
    const run = runNegotiation(
      { ...saop, ratification: 'required' },
      [party({ kind: 'time-dependent', e: 2 }, 'buyer'), party({ kind: 'time-dependent', e: 2 }, 'seller')],
      createRng(7),
      { ratification: () => ({ ratified: ++votes > 1 }) },
    );
    if (!run.ok) throw new Error(run.error.code);
    expect([run.value.reason, run.value.ratificationFailures, votes]).toEqual(['agreement', 1, 2]);
  });

  it('bounds what the ratifying party accepts by the deals its Assembly rejected: one failed vote, not three', () => {
    // By hand. The seller (party 0) offers 700 in its first three offers, then 200. The buyer (party 1, the side
    // whose Assembly votes; u = 1 − price/1000) accepts an offer worth at least the reservation value it is shown,
    // else offers its best, 0. The Assembly consents exactly to prices ≤ 500. Without the rule the buyer accepts 700
    // three times (three failed votes) and then 200; with it, 700 (u = 0.3) is rejected once, the buyer's reservation
    // becomes aboveRejected(0.3) > 0.3, it refuses 700 twice, and accepts 200 (u = 0.8): one failed vote.
    const play = (ratifying: 1 | undefined) => {
      let offered = 0;
      const seen: number[] = [];
      const seller: Agent = {
        kind: 'script',
        decide: (view) => ({ type: 'offer', party: view.me, outcome: { price: offered++ < 3 ? 700 : 200 } }),
      };
      const buyer: Agent = {
        kind: 'script',
        decide(view) {
          seen.push(view.reservation);
          const standing = view.state.standing;
          return standing !== null && 1 - (standing.outcome['price'] as number) / 1000 >= view.reservation
            ? { type: 'accept', party: view.me }
            : { type: 'offer', party: view.me, outcome: { price: 0 } };
        },
      };
      const run = runNegotiation(
        { ...saop, ratification: 'required' },
        [
          { agent: seller, preferences: PRICE_SELLER },
          { agent: buyer, preferences: PRICE_BUYER },
        ],
        createRng(1),
        {
          ratification: (deal) => ({ ratified: (deal['price'] as number) <= 500 }),
          ...(ratifying === undefined ? {} : { ratifying }),
        },
      );
      if (!run.ok) throw new Error(run.error.code);
      return { run: run.value, seen };
    };
    const bound = aboveRejected(1 - 700 / 1000);
    expect(bound).toBeGreaterThan(0.3);
    const ruled = play(1);
    expect([ruled.run.outcome, ruled.run.ratificationFailures, ruled.run.reason]).toEqual([
      { price: 200 },
      1,
      'agreement',
    ]);
    expect(ruled.seen).toEqual([0, bound, bound, bound]);
    const unruled = play(undefined);
    expect([unruled.run.outcome, unruled.run.ratificationFailures]).toEqual([{ price: 200 }, 3]);
    expect(unruled.seen).toEqual([0, 0, 0, 0]);
  });

  it('counts months in lapse and furloughed worker-months on the calendar', () => {
    // 2020 lapse: the 10th SMA expired 2019-12-31; about 4,000 of 8,600 workers were furloughed from 2020-04-01.
    const lapse = lapsePort({
      ...quietLapse,
      expiry: '2019-12-31',
      workforce: 8600,
      fundedMonths: 3,
      furloughed: 4000,
    });
    const run = runNegotiation(
      { ...saop, mode: 'rounds', deadline: 10, calendar: { kind: 'monthly', start: '2019-09-24' } },
      [party({ kind: 'time-dependent', e: 0 }, 'buyer'), party({ kind: 'time-dependent', e: 0 }, 'seller')],
      createRng(7),
      { lapse },
    );
    if (!run.ok) throw new Error(run.error.code);
    // Round 9 falls on 2020-06-24: January to June is 6 months in lapse, April to June furloughed.
    expect([run.value.endDate, run.value.monthsInLapse, run.value.furloughedWorkerMonths]).toEqual([
      '2020-06-24',
      6,
      12000,
    ]);
    expect(run.value.payoffs).toEqual([0, 0]);
  });

  it('lets a growing lapse cost lower the reservation value until a hard-line seller concedes via AC_next', () => {
    // The seller (party 1, the ROK's side of the port) loses 0.2 a month of lapse.
    const lapse = lapsePort({
      ...timeOnlyLapse('2019-09-30', [0, 0.2]),
    });
    const config = {
      ...saop,
      mode: 'rounds' as const,
      deadline: 12,
      calendar: { kind: 'monthly' as const, start: '2019-09-24' },
    };
    const seller: NegotiationParty = {
      agent: createAgent({ kind: 'time-dependent', e: 1 }, PRICE_DOMAIN, PRICE_SELLER),
      preferences: { ...PRICE_SELLER, reservation: { kind: 'constant', value: 0.9 } },
    };
    const withLapse = runNegotiation(
      config,
      [party({ kind: 'time-dependent', e: 0.2 }, 'buyer'), seller],
      createRng(1),
      { lapse },
    );
    const without = runNegotiation(config, [party({ kind: 'time-dependent', e: 0.2 }, 'buyer'), seller], createRng(1));
    if (!withLapse.ok || !without.ok) throw new Error('run failed');
    expect(without.value.reason).toBe('deadline');
    expect(withLapse.value.reason).toBe('agreement');
    // Breakdown pays the reservation value: the seller's 0.9 stands without a lapse.
    expect(without.value.payoffs[1]).toBe(0.9);
  });
});

describe('resuming a run', () => {
  it('continues from a state where a human has moved', () => {
    const human = runNegotiation(
      saop,
      [party({ kind: 'human' }, 'buyer'), party({ kind: 'time-dependent', e: 1 }, 'seller')],
      createRng(3),
    );
    expect(human.ok).toBe(false);
    const opened = step(saop, initialState(), { type: 'offer', party: 0, outcome: { price: 400 } });
    if (!opened.ok) throw new Error(opened.error.code);
    const run = runNegotiation(
      saop,
      [party({ kind: 'human' }, 'buyer'), party({ kind: 'time-dependent', e: 1 }, 'seller')],
      createRng(3),
      { from: opened.value },
    );
    // The seller answers the human's 400 with its own offer, then it is the human's turn again.
    if (run.ok || run.error.code !== 'negotiation/awaiting_input') throw new Error('expected to wait for the human');
    expect([run.error.details.party, run.error.details.state.step, run.error.details.state.standing?.by]).toEqual([
      0, 2, 1,
    ]);
  });
});
