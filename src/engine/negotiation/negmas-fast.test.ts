import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import type { Domain } from './domain.js';
import { runNegmasFast, prepareNegmasAgent } from './negmas-fast.js';
import { buildOutcomeTable, listOutcomes } from './outcome-table.js';
import type { Preferences } from './preferences.js';
import { NEGMAS_PRICE_TABLE, PRICE_BUYER, PRICE_CONFIG, PRICE_DOMAIN, PRICE_SELLER } from './price-domain.js';
import type { NegotiationConfig } from './protocol.js';
import { runNegotiation } from './run.js';
import { createAgent } from './strategies.js';

function both(
  domain: Domain,
  prefs: readonly [Preferences, Preferences],
  e: readonly [number, number],
  deadline: number,
) {
  const outcomes = listOutcomes(domain);
  const config: NegotiationConfig = { ...PRICE_CONFIG, domain, deadline };
  const slow = runNegotiation(
    config,
    [
      {
        agent: createAgent({ kind: 'negmas-time-based', aspiration: e[0] }, domain, prefs[0], outcomes),
        preferences: prefs[0],
      },
      {
        agent: createAgent({ kind: 'negmas-time-based', aspiration: e[1] }, domain, prefs[1], outcomes),
        preferences: prefs[1],
      },
    ],
    createRng(0),
  );
  if (!slow.ok) throw new Error(slow.error.code);
  const rv = (p: Preferences) => (p.reservation.kind === 'constant' ? p.reservation.value : 0);
  const a = prepareNegmasAgent(buildOutcomeTable(domain, prefs[0], outcomes), e[0], rv(prefs[0]), deadline);
  const b = prepareNegmasAgent(buildOutcomeTable(domain, prefs[1], outcomes), e[1], rv(prefs[1]), deadline);
  const fast = runNegmasFast(a, b, deadline);
  return {
    slow: [slow.value.outcome, slow.value.round, slow.value.offers],
    fast: [fast.agreement < 0 ? null : outcomes[fast.agreement], fast.round, fast.offers],
  };
}

describe('the NegMAS fast path', () => {
  // Expected values: the NegMAS price table (task brief), buyer added first.
  it.each(NEGMAS_PRICE_TABLE)('gives NegMAS $buyer × $seller: price $price, round $round, $offers offers', (row) => {
    const { slow, fast } = both(
      PRICE_DOMAIN,
      [PRICE_BUYER, PRICE_SELLER],
      [{ boulware: 4, linear: 1, conceder: 0.25 }[row.buyer], { boulware: 4, linear: 1, conceder: 0.25 }[row.seller]],
      100,
    );
    expect(fast).toEqual([{ price: row.price }, row.round, row.offers]);
    expect(fast).toEqual(slow);
  });

  it('agrees with the reducer-driven path on random two-issue domains, exponents, reservations and deadlines', () => {
    const domain: Domain = {
      issues: [
        { kind: 'numeric', name: 'x', min: 0, max: 20, step: 1, unit: '' },
        { kind: 'categorical', name: 'c', options: ['a', 'b', 'c'] },
      ],
    };
    const prefs = (w: number, up: boolean, table: readonly number[], rv: number): Preferences => ({
      weights: { x: w, c: 1 - w },
      values: {
        x: { kind: 'linear', direction: up ? 'increasing' : 'decreasing' },
        c: { kind: 'table', values: { a: table[0] ?? 0, b: table[1] ?? 0, c: table[2] ?? 0 } },
      },
      reservation: { kind: 'constant', value: rv },
    });
    const side = fc
      .tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
      )
      .map(([w, up, t, rv]) => prefs(w, up, t, rv));
    fc.assert(
      fc.property(
        side,
        side,
        fc.double({ min: 0.1, max: 6, noNaN: true }),
        fc.double({ min: 0.1, max: 6, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (p0, p1, e0, e1, n) => {
          const { slow, fast } = both(domain, [p0, p1], [e0, e1], n);
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: 150 },
    );
  });
});
