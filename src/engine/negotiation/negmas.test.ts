import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { NEGMAS_PRICE_TABLE, PRICE_BUYER, PRICE_CONFIG, PRICE_DOMAIN, PRICE_SELLER } from './price-domain.js';
import { runNegotiation } from './run.js';
import { createAgent } from './strategies.js';

describe('NegMAS-compatible time-based negotiators in round mode', () => {
  // Expected values: NegMAS SAOMechanism with BoulwareTBNegotiator/LinearTBNegotiator/ConcederTBNegotiator,
  // price 0..1000, 100 steps, buyer added first (values given in the task brief, computed with NegMAS).
  it.each(NEGMAS_PRICE_TABLE)(
    'reproduces NegMAS: buyer $buyer × seller $seller agree at $price in round $round after $offers offers',
    ({ buyer, seller, price, round, offers }) => {
      const run = runNegotiation(
        PRICE_CONFIG,
        [
          {
            agent: createAgent({ kind: 'negmas-time-based', aspiration: buyer }, PRICE_DOMAIN, PRICE_BUYER),
            preferences: PRICE_BUYER,
          },
          {
            agent: createAgent({ kind: 'negmas-time-based', aspiration: seller }, PRICE_DOMAIN, PRICE_SELLER),
            preferences: PRICE_SELLER,
          },
        ],
        createRng(1),
      );
      if (!run.ok) throw new Error(run.error.code);
      expect([run.value.outcome?.['price'], run.value.round, run.value.offers, run.value.reason]).toEqual([
        price,
        round,
        offers,
        'agreement',
      ]);
    },
  );

  it('ends at the deadline after 2n offers when both sides hold out (in the NegMAS convention e = ∞ never concedes)', () => {
    const run = runNegotiation(
      { ...PRICE_CONFIG, deadline: 10 },
      [
        {
          agent: createAgent({ kind: 'negmas-time-based', aspiration: Infinity }, PRICE_DOMAIN, PRICE_BUYER),
          preferences: PRICE_BUYER,
        },
        {
          agent: createAgent({ kind: 'negmas-time-based', aspiration: Infinity }, PRICE_DOMAIN, PRICE_SELLER),
          preferences: PRICE_SELLER,
        },
      ],
      createRng(1),
    );
    if (!run.ok) throw new Error(run.error.code);
    expect([run.value.outcome, run.value.round, run.value.offers, run.value.reason]).toEqual([
      null,
      10,
      20,
      'deadline',
    ]);
  });
});
