import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { isInDomain, outcomeSpaceSize } from './domain.js';
import { listOutcomes } from './outcome-table.js';
import { utility, type Preferences } from './preferences.js';
import type { NegotiationConfig } from './protocol.js';
import { runNegotiation } from './run.js';
import { outcomeToAgreement, smaDomain } from './sma-domain.js';
import { createAgent } from './strategies.js';

// A coarse SMA domain so the whole outcome space can be tabulated: 51 × 5 × 4 × 6 × 2 = 12,240 outcomes.
const domain = smaDomain({
  firstYearChange: { min: 0, max: 0.5, step: 0.01 },
  escalationRate: { min: 0, max: 0.05, step: 0.01 },
  scope: false,
});
const withLapseClause = {
  issues: [
    ...domain.issues,
    { kind: 'categorical' as const, name: 'lapse-clause-workers-paid', options: ['no', 'yes'] },
  ],
};

const us: Preferences = {
  weights: {
    'first-year-change': 0.6,
    duration: 0.1,
    'escalation-index': 0.15,
    'escalation-rate': 0.1,
    'lapse-clause-workers-paid': 0.05,
  },
  values: {
    'first-year-change': { kind: 'linear', direction: 'increasing' },
    duration: { kind: 'linear', direction: 'decreasing' },
    'escalation-index': {
      kind: 'table',
      values: { none: 0, 'rok-cpi': 0.5, 'rok-defense-budget-growth': 1, 'fixed-rate': 0.7 },
    },
    'escalation-rate': { kind: 'linear', direction: 'increasing' },
    'lapse-clause-workers-paid': { kind: 'table', values: { no: 0.3, yes: 1 } },
  },
  reservation: { kind: 'constant', value: 0.2 },
};
const rok: Preferences = {
  weights: {
    'first-year-change': 0.55,
    duration: 0.2,
    'escalation-index': 0.1,
    'escalation-rate': 0.1,
    'lapse-clause-workers-paid': 0.05,
  },
  values: {
    'first-year-change': { kind: 'linear', direction: 'decreasing' },
    duration: { kind: 'linear', direction: 'increasing' },
    'escalation-index': {
      kind: 'table',
      values: { none: 1, 'rok-cpi': 0.8, 'rok-defense-budget-growth': 0.3, 'fixed-rate': 0.4 },
    },
    'escalation-rate': { kind: 'linear', direction: 'decreasing' },
    'lapse-clause-workers-paid': { kind: 'table', values: { no: 0, yes: 1 } },
  },
  reservation: { kind: 'constant', value: 0.3 },
};

describe('an SMA negotiation', () => {
  it('reaches a deal both sides prefer to no deal, in the domain, that becomes an agreement from 2026', () => {
    expect(outcomeSpaceSize(withLapseClause)).toBe(12_240);
    const outcomes = listOutcomes(withLapseClause);
    const config: NegotiationConfig = {
      domain: withLapseClause,
      parties: ['us', 'rok'],
      mode: 'alternating',
      deadline: 16,
      ratification: 'none',
      calendar: { kind: 'monthly', start: '2024-04-23' },
    };
    const run = runNegotiation(
      config,
      [
        {
          agent: createAgent(
            { kind: 'time-dependent', e: 0.5, pick: { kind: 'best-for-opponent', window: 0.03, opponent: rok } },
            withLapseClause,
            us,
            outcomes,
          ),
          preferences: us,
        },
        {
          agent: createAgent(
            { kind: 'time-dependent', e: 1, pick: { kind: 'best-for-opponent', window: 0.03, opponent: us } },
            withLapseClause,
            rok,
            outcomes,
          ),
          preferences: rok,
        },
      ],
      createRng(12),
    );
    if (!run.ok) throw new Error(run.error.code);
    const deal = run.value.outcome;
    expect(run.value.reason).toBe('agreement');
    if (deal === null) throw new Error('no deal');
    expect(isInDomain(withLapseClause, deal)).toBe(true);
    expect(utility(withLapseClause, us, deal)).toBeGreaterThanOrEqual(0.2);
    expect(utility(withLapseClause, rok, deal)).toBeGreaterThanOrEqual(0.3);
    // Picking the best outcome for the other side among near-equals settles the issue both care about cheaply.
    expect(deal['lapse-clause-workers-paid']).toBe('yes');
    const agreement = outcomeToAgreement(deal, {
      id: 'sma-sim',
      name: 'Simulated SMA',
      currency: 'KRW',
      unit: 100_000_000,
      year: 2025,
      amount: 1_402_800_000_000,
    });
    expect(agreement.rules[0]?.year).toBe(2026);
    expect(agreement.rules).toHaveLength(deal['duration'] as number);
  });
});
