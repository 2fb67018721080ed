import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import type { Domain } from './domain.js';
import type { Preferences } from './preferences.js';
import type { NegotiationConfig } from './protocol.js';
import { runNegotiation } from './run.js';
import { createAgent, type NegmasAspiration } from './strategies.js';

const domain: Domain = { issues: [{ kind: 'numeric', name: 'price', min: 0, max: 1000, step: 1, unit: 'usd' }] };
const buyer: Preferences = {
  weights: { price: 1 },
  values: { price: { kind: 'linear', direction: 'decreasing' } },
  reservation: { kind: 'constant', value: 0 },
};
const seller: Preferences = {
  weights: { price: 1 },
  values: { price: { kind: 'linear', direction: 'increasing' } },
  reservation: { kind: 'constant', value: 0 },
};
const config: NegotiationConfig = {
  domain,
  parties: ['buyer', 'seller'],
  mode: 'rounds',
  deadline: 100,
  ratification: 'none',
};

describe('NegMAS', () => {
  it.each([
    ['boulware', 'boulware', 501, 85, 169],
    ['linear', 'linear', 505, 51, 100],
    ['conceder', 'conceder', 507, 7, 12],
    ['boulware', 'conceder', 124, 60, 119],
    ['conceder', 'boulware', 878, 60, 119],
    ['linear', 'conceder', 277, 28, 55],
  ] as const)('%s x %s', (b: NegmasAspiration, s: NegmasAspiration, price, round, offers) => {
    const r = runNegotiation(
      config,
      [
        { agent: createAgent({ kind: 'negmas-time-based', aspiration: b }, domain, buyer), preferences: buyer },
        { agent: createAgent({ kind: 'negmas-time-based', aspiration: s }, domain, seller), preferences: seller },
      ],
      createRng(1),
    );
    if (!r.ok) throw new Error(r.error.code);
    expect([r.value.outcome?.['price'], r.value.round, r.value.offers]).toEqual([price, round, offers]);
  });
});
