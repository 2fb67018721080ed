import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../result.js';
import { PRICE_DOMAIN } from './price-domain.js';
import {
  initialState,
  relativeTime,
  step,
  type NegotiationAction,
  type NegotiationConfig,
  type NegotiationError,
  type NegotiationState,
} from './protocol.js';

const saop: NegotiationConfig = {
  domain: PRICE_DOMAIN,
  parties: ['us', 'rok'],
  mode: 'alternating',
  deadline: 5,
  ratification: 'none',
};
const twoLevel: NegotiationConfig = { ...saop, ratification: 'required' };

const value = (r: Result<NegotiationState, NegotiationError>): NegotiationState => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const code = (r: Result<NegotiationState, NegotiationError>): string | null => (r.ok ? null : r.error.code);
const play = (config: NegotiationConfig, actions: readonly NegotiationAction[]): NegotiationState =>
  actions.reduce((s, a) => value(step(config, s, a)), initialState());

describe('the alternating-offers reducer', () => {
  it('alternates turns, times moves as step/(n − 1), and binds an accepted offer', () => {
    const s = play(saop, [
      { type: 'offer', party: 0, outcome: { price: 900 } },
      { type: 'offer', party: 1, outcome: { price: 300 } },
    ]);
    expect([s.step, s.turn, s.round, s.offers, relativeTime(saop, s)]).toEqual([2, 0, 1, 2, 0.5]);
    const done = value(step(saop, s, { type: 'accept', party: 0 }));
    expect([done.status, done.agreement, done.reason]).toEqual(['agreed', { price: 300 }, 'agreement']);
  });

  it('rejects acting out of turn, accepting with no offer, offers outside the domain and acting after the end', () => {
    const s0 = initialState();
    expect(code(step(saop, s0, { type: 'offer', party: 1, outcome: { price: 1 } }))).toBe('negotiation/out_of_turn');
    expect(code(step(saop, s0, { type: 'accept', party: 0 }))).toBe('negotiation/no_standing_offer');
    expect(code(step(saop, s0, { type: 'offer', party: 0, outcome: { price: 1000.5 } }))).toBe(
      'negotiation/outcome_outside_domain',
    );
    expect(code(step(saop, s0, { type: 'ratify', vote: { ratified: true } }))).toBe('negotiation/not_ratifying');
    const ended = value(step(saop, s0, { type: 'end', party: 0 }));
    expect(ended.reason).toBe('walkaway');
    expect(code(step(saop, ended, { type: 'offer', party: 1, outcome: { price: 1 } }))).toBe('negotiation/ended');
  });

  it('ends in breakdown after the last of n steps', () => {
    const offers = [900, 100, 850, 150, 800].map((price, i): NegotiationAction => ({
      type: 'offer',
      party: (i % 2) as 0 | 1,
      outcome: { price },
    }));
    const s = play(saop, offers);
    expect([s.status, s.reason, s.agreement]).toEqual(['ended', 'deadline', null]);
  });

  it('puts an accepted deal to the home vote; a rejection is an involuntary defection and talks resume', () => {
    // Putnam 1988: a deal must be ratified at home; a failed ratification reopens the table.
    const accepted = play(twoLevel, [
      { type: 'offer', party: 0, outcome: { price: 700 } },
      { type: 'accept', party: 1 },
    ]);
    expect(accepted.status).toBe('ratifying');
    expect(code(step(twoLevel, accepted, { type: 'offer', party: 1, outcome: { price: 1 } }))).toBe(
      'negotiation/awaiting_ratification',
    );
    const rejected = value(step(twoLevel, accepted, { type: 'ratify', vote: { ratified: false, yes: 120, no: 140 } }));
    expect([rejected.status, rejected.standing, rejected.turn, rejected.step, rejected.ratificationFailures]).toEqual([
      'open',
      null,
      0,
      2,
      1,
    ]);
    expect(code(step(twoLevel, rejected, { type: 'accept', party: 0 }))).toBe('negotiation/no_standing_offer');
    const again = play(twoLevel, [
      { type: 'offer', party: 0, outcome: { price: 700 } },
      { type: 'accept', party: 1 },
      { type: 'ratify', vote: { ratified: false } },
      { type: 'offer', party: 0, outcome: { price: 650 } },
      { type: 'accept', party: 1 },
      { type: 'ratify', vote: { ratified: true, yes: 173, no: 36, abstain: 25 } },
    ]);
    expect([again.status, again.agreement, again.ratificationFailures]).toEqual(['agreed', { price: 650 }, 1]);
  });

  it('reports ratification-failed when the rejected vote uses up the last step', () => {
    const s = play({ ...twoLevel, deadline: 2 }, [
      { type: 'offer', party: 0, outcome: { price: 700 } },
      { type: 'accept', party: 1 },
      { type: 'ratify', vote: { ratified: false } },
    ]);
    expect([s.status, s.reason]).toEqual(['ended', 'ratification-failed']);
  });

  it('never lets an offer outside the domain stand, whatever the sequence of actions', () => {
    const action: fc.Arbitrary<NegotiationAction> = fc.oneof(
      fc.record({
        type: fc.constant('offer' as const),
        party: fc.constantFrom(0 as const, 1 as const),
        outcome: fc.oneof(
          fc.record({ price: fc.oneof(fc.integer({ min: -50, max: 1050 }), fc.double({ noNaN: false })) }),
          fc.record({ price: fc.integer({ min: 0, max: 1000 }), extra: fc.string() }),
          fc.constant({}),
        ),
      }),
      fc.record({ type: fc.constant('accept' as const), party: fc.constantFrom(0 as const, 1 as const) }),
      fc.record({ type: fc.constant('end' as const), party: fc.constantFrom(0 as const, 1 as const) }),
      fc.record({ type: fc.constant('ratify' as const), vote: fc.record({ ratified: fc.boolean() }) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(saop, twoLevel), fc.array(action, { maxLength: 30 }), (config, actions) => {
        let s = initialState();
        for (const a of actions) {
          const r = step(config, s, a);
          if (!r.ok) continue;
          s = r.value;
          const inDomain = (o: unknown) =>
            typeof o === 'object' &&
            o !== null &&
            Object.keys(o).length === 1 &&
            Number.isInteger((o as { price: number }).price) &&
            (o as { price: number }).price >= 0 &&
            (o as { price: number }).price <= 1000;
          if (s.standing) expect(inDomain(s.standing.outcome)).toBe(true);
          if (s.agreement) expect(inDomain(s.agreement)).toBe(true);
        }
      }),
    );
  });
});
