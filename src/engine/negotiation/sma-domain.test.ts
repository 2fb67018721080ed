import { describe, expect, it } from 'vitest';
import { isInDomain, outcomeSpaceSize } from './domain.js';
import { outcomeToAgreement, smaDomain } from './sma-domain.js';

const twelfth = {
  'first-year-change': 0.083,
  duration: 5,
  'escalation-index': 'rok-cpi',
  'escalation-rate': 0.05,
  'rotational-forces-and-strategic-assets': 'no',
  'equipment-purchases': 'no',
  'defense-budget-commitment': 'no',
  'lapse-clause-workers-paid': 'yes',
};

describe('the SMA domain', () => {
  it('has 5101 first-year changes × 5 durations × 4 indices × 21 rates × 2^4 scope terms', () => {
    expect(outcomeSpaceSize(smaDomain())).toBe(5101 * 5 * 4 * 21 * 16);
    expect(outcomeSpaceSize(smaDomain({ scope: false }))).toBe(2_142_420);
  });

  it("holds the 12th SMA's terms and rejects a change off the grid or a sixth year", () => {
    const domain = smaDomain();
    expect(isInDomain(domain, twelfth)).toBe(true);
    expect(isInDomain(domain, { ...twelfth, 'first-year-change': 0.0835 })).toBe(false);
    expect(isInDomain(domain, { ...twelfth, duration: 6 })).toBe(false);
    expect(isInDomain(domain, { ...twelfth, 'escalation-index': 'us-cpi' })).toBe(false);
  });

  it('turns the 12th SMA outcome into a 2026–2030 agreement: +8.3 % on 2025, then CPI of Y−2 capped at 5 %', () => {
    // research-vectors.md: 12th SMA 2026 = 15,192 억원 (+8.3 %) on 2025 = 14,028; 2027–2030 × (1 + CPI of Y−2), cap 5 %.
    const agreement = outcomeToAgreement(twelfth, {
      id: 'sma-12-sim',
      name: 'Simulated 12th SMA',
      currency: 'KRW',
      unit: 100_000_000,
      year: 2025,
      amount: 1_402_800_000_000,
    });
    expect(agreement.base).toEqual({ year: 2025, amount: 1_402_800_000_000 });
    expect(agreement.rules.map((r) => r.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(agreement.rules[0]?.rule).toEqual({ kind: 'change', rate: 0.083 });
    expect(agreement.rules[4]?.rule).toEqual({
      kind: 'index',
      series: 'rok-cpi',
      lag: 2,
      cap: 0.05,
      floor: null,
      precision: 0.001,
    });
  });

  it('freezes later years without an index and applies a fixed rate when chosen', () => {
    const base = { id: 'x', name: 'x', currency: 'KRW' as const, unit: 1, year: 2019, amount: 1_038_900_000_000 };
    const none = outcomeToAgreement({ ...twelfth, duration: 2, 'escalation-index': 'none' }, base);
    expect(none.rules[1]?.rule).toEqual({ kind: 'freeze' });
    const fixed = outcomeToAgreement(
      { ...twelfth, duration: 2, 'escalation-index': 'fixed-rate', 'escalation-rate': 0.04 },
      base,
    );
    expect(fixed.rules[1]?.rule).toEqual({ kind: 'change', rate: 0.04 });
  });

  it('can negotiate the first-year amount instead: 1,519.2 bn won states the 12th SMA 2026 amount', () => {
    // research-vectors.md: 12th SMA 2026 = 15,192 억원.
    const domain = smaDomain({
      firstYearAmount: { min: 1_000_000_000_000, max: 2_000_000_000_000, step: 100_000_000, unit: 'won' },
      scope: false,
    });
    const outcome = {
      'first-year-amount': 1_519_200_000_000,
      duration: 5,
      'escalation-index': 'rok-cpi',
      'escalation-rate': 0.05,
    };
    expect(isInDomain(domain, outcome)).toBe(true);
    const agreement = outcomeToAgreement(outcome, {
      id: 'a',
      name: 'a',
      currency: 'KRW',
      unit: 100_000_000,
      year: 2025,
      amount: 1_402_800_000_000,
    });
    expect(agreement.rules[0]?.rule).toEqual({ kind: 'amount', amount: 1_519_200_000_000 });
  });
});
