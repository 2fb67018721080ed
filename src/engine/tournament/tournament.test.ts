import { describe, expect, it } from 'vitest';
import { randomBilateralDomain } from '../domains/random-domain.js';
import { createRng } from '../random/rng.js';
import { pairingAt, rankStrategies, runTournamentRange, tournamentSize, type TournamentSpec } from './tournament.js';

const spec = (over: Partial<TournamentSpec> = {}): TournamentSpec => ({
  domains: [1, 2].map((s) => randomBilateralDomain(createRng(s), { maxReservation: 0.2 })),
  strategies: [
    { name: 'boulware', spec: { kind: 'time-dependent', e: 0.2 } },
    { name: 'conceder', spec: { kind: 'time-dependent', e: 2 } },
    { name: 'micro', spec: { kind: 'micro' } },
  ],
  repetitions: 3,
  seed: 7,
  deadline: 30,
  ...over,
});

describe('tournaments', () => {
  it('covers every ordered pairing, both roles and every repetition exactly once', () => {
    const s = spec();
    const n = tournamentSize(s);
    expect(n).toBe(2 * 3 * 3 * 2 * 3);
    const keys = new Set(Array.from({ length: n }, (_, i) => JSON.stringify({ ...pairingAt(s, i), index: 0 })));
    expect(keys.size).toBe(n);
  });

  it('gives negotiation i the same result alone as within the whole range', () => {
    const s = spec();
    const all = runTournamentRange(s, 0, tournamentSize(s));
    expect(runTournamentRange(s, 41, 42)[0]).toEqual(all[41]);
    expect(rankStrategies(s, [...all].reverse())).toEqual(rankStrategies(s, all));
  });

  it('adds SMA Lab ratification on one side: a side that never ratifies leaves no agreement', () => {
    const s = spec({ sma: { ratification: [null, 0] } });
    const results = runTournamentRange(s, 0, tournamentSize(s));
    expect(results.every((r) => !r.agreement)).toBe(true);
    expect(results.some((r) => r.reason === 'ratification-failed')).toBe(true);
    const sure = runTournamentRange(spec({ sma: { ratification: [1, 1] } }), 0, tournamentSize(s));
    expect(sure.map((r) => r.outcome)).toEqual(runTournamentRange(spec(), 0, tournamentSize(s)).map((r) => r.outcome));
  });

  it('adds a calendar and a lapse: after expiry the reservation falls each month (boulware vs boulware)', () => {
    const calendar = { kind: 'monthly', start: '2020-01-15' } as const;
    const base = spec({
      strategies: [{ name: 'boulware', spec: { kind: 'time-dependent', e: 0.2 } }],
      sma: { calendar },
    });
    const lapsing = spec({
      strategies: base.strategies,
      sma: { calendar, lapse: { expiry: '2019-12-31', monthlyShift: [-0.5, -0.5] } },
    });
    const n = tournamentSize(base);
    const without = runTournamentRange(base, 0, n);
    const withLapse = runTournamentRange(lapsing, 0, n);
    // A breakdown pays the lapsed reservation: lower than without the lapse.
    for (const [k, r] of withLapse.entries())
      if (!r.agreement) expect(r.utilities[0]).toBeLessThan(without[k]!.utilities[0]);
    expect(withLapse.filter((r) => r.agreement).length).toBeGreaterThanOrEqual(
      without.filter((r) => r.agreement).length,
    );
  });
});
