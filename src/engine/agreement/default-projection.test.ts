import { describe, expect, it } from 'vitest';
import { compareSchedules } from './comparison.js';
import { defaultGrowth, defaultProjectionStatements, withDefaultProjections } from './default-projection.js';
import { evaluateAgreement } from './evaluate.js';
import { EOK, recordIndices, sma12 } from './test-fixtures.js';
import type { Agreement } from './types.js';

describe('the one default projection of each index', () => {
  it('carries the last observed KRW/USD rate (1,422.16 in 2025) instead of a five-year mean (1,305.78)', () => {
    // BOK annual averages 2021–2025: 1,144.6, 1,292.0, 1,305.68, 1,364.44, 1,422.16; their mean 1,305.776 would be an
    // 8 % step down in 2026 (an 8 % jump in every dollar figure) that no one forecast.
    const r = withDefaultProjections(recordIndices, 2030);
    if (!r.ok) throw new Error(r.error.code);
    const fx = r.value.indices.get('krw-per-usd');
    expect(fx?.points.get(2026)).toEqual({
      value: 1422.16,
      observed: false,
      origin: 'projection: 2025 observed, carried forward',
    });
    expect(fx?.points.get(2030)?.value).toBe(1422.16);
  });

  it('projects CPI at the mean of 2021–2025 and defense growth at the mean of 2022–2026, stated with their years', () => {
    // CPI 2.5, 5.1, 3.6, 2.3, 2.1 % → 3.12 %; defense growth 3.4, 4.4, 4.2, 3.1, 7.5 % → 4.52 % (MND)
    const statements = defaultProjectionStatements(recordIndices);
    expect(statements.map((s) => [s.series, s.rule, s.value, s.from, s.to])).toEqual([
      ['rok-cpi', 'mean-of-last-observed', 0.0312, 2021, 2025],
      ['rok-defense-budget-growth', 'mean-of-last-observed', 0.0452, 2022, 2026],
      ['krw-per-usd', 'last-observed', 1422.16, 2025, 2025],
      ['rok-defense-budget', 'grown-by', null, 2026, 2026],
    ]);
    expect(defaultGrowth(recordIndices, 'rok-cpi')).toEqual({ ok: true, value: 0.0312 });
  });

  it('grows the defense budget from its last observed level by the projected defense growth', () => {
    // MND 2026 main budget 65.8642 tn won; × 1.0452 = 68.8413 tn in 2027
    const r = withDefaultProjections(recordIndices, 2027);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.indices.get('rok-defense-budget')?.points.get(2027)?.value).toBe(
      Math.round(65_864_200_000_000 * 1.0452),
    );
  });

  it('gives the evaluation of the 12th SMA the same 2030 amount as the CPI default, 1.6999 tn won', () => {
    // 2028–2030 rest on projected CPI of 2026–2028 at 3.12 % → 3.1 %: 15,511 × 1.031 = 15,992 → 16,488 → 16,999억
    const e = evaluateAgreement(sma12, recordIndices, { troops: 28_500 });
    if (!e.ok) throw new Error(e.error.code);
    expect(e.value.schedule.rows.map((r) => r.amount / EOK)).toEqual([15_192, 15_511, 15_992, 16_488, 16_999]);
    const usd2030 = e.value.metrics.rows[4]?.usd;
    expect(usd2030?.available && usd2030.conversion?.fx.value).toBe(1422.16);
    expect(e.value.projections.map((p) => p.series)).toEqual([
      'rok-cpi',
      'rok-defense-budget-growth',
      'krw-per-usd',
      'rok-defense-budget',
    ]);
  });
});

describe('comparing a one-year claim with a five-year agreement', () => {
  // Claim that Korea would pay USD 10 bn a year (October 2024), here for 2026 against the 12th SMA.
  const claim: Agreement = {
    id: 'claim-10bn',
    name: 'USD 10 bn claim',
    currency: 'USD',
    unit: 1,
    kind: 'proposal',
    rules: [{ year: 2026, rule: { kind: 'amount', amount: 10_000_000_000 } }],
  };

  it('states the 2026 ratio (about 9.4×) and compares totals over the common year only', () => {
    const metrics = [sma12, claim].map((a) => {
      const e = evaluateAgreement(a, recordIndices, { troops: 28_500 });
      if (!e.ok) throw new Error(e.error.code);
      return e.value.metrics;
    });
    const c = compareSchedules(metrics, { measure: 'usd', referenceId: 'sma-12' });
    if (!c.ok) throw new Error(c.error.code);
    // 2026: 15,192억 won at 1,422.16 won/USD (2025, carried) = USD 1,068,234,235; 10 bn ÷ that = 9.361
    const cell = c.value.rows[0]?.cells[1];
    expect(cell?.available && cell.ratio).toBeCloseTo(10_000_000_000 / Math.round(1_519_200_000_000 / 1422.16), 12);
    expect(cell?.available && cell.ratio).toBeCloseTo(9.361, 3);
    const summary = c.value.summaries[1];
    expect(summary?.commonYears).toEqual([2026]);
    expect(summary?.commonRatio).toBeCloseTo(9.361, 3);
    // the old total ratio divided the claim's one year by the agreement's five (10 / 5.638 bn = 1.77)
    expect(summary?.commonRatio).not.toBeCloseTo(10 / 5.638, 1);
    // yearly averages, each over its own years: 10 bn against 5.638 / 5 bn
    expect(summary?.averageRatio).toBeGreaterThan(8);
  });
});
