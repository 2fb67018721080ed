import { describe, expect, it } from 'vitest';
import { evaluateAgreement } from './evaluate.js';
import type { Agreement, IndexSeries, IndexSet } from './types.js';

// Statistics Korea via press (data/record/index-series.json): CPI 2021–2025 = 2.5, 5.1, 3.6, 2.3, 2.1 %
const cpi: IndexSeries = {
  id: 'rok-cpi',
  kind: 'growth',
  points: new Map(
    [
      [2021, 0.025],
      [2022, 0.051],
      [2023, 0.036],
      [2024, 0.023],
      [2025, 0.021],
    ].map(([year, value]) => [year as number, { value: value as number, observed: true, origin: 'record' }]),
  ),
};
const indices: IndexSet = new Map([['rok-cpi', cpi]]);

// MOFA, 2024-10-04: 2026 = 1조 5,192억 원, then CPI of Y−2 capped at 5 %
const sma12: Agreement = {
  id: 'sma-12',
  name: '12th SMA',
  kind: 'agreement',
  currency: 'KRW',
  unit: 100_000_000,
  base: { year: 2025, amount: 1_402_800_000_000 },
  rules: [
    { year: 2026, rule: { kind: 'change', rate: 0.083 } },
    ...[2027, 2028, 2029, 2030].map((year) => ({
      year,
      rule: { kind: 'index' as const, series: 'rok-cpi', lag: 2, cap: 0.05, floor: null, precision: 0.001 },
    })),
  ],
};

describe('evaluateAgreement', () => {
  it('projects only the future CPI the 12th SMA needs, from the mean of 2021–2025 (3.12 % → 3.1 %), and says so', () => {
    const r = evaluateAgreement(sma12, indices, { troops: 28_500 });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.schedule.rows.map((row) => row.amount)).toEqual([
      1_519_200_000_000, 1_551_100_000_000, 1_599_200_000_000, 1_648_800_000_000, 1_699_900_000_000,
    ]);
    expect(r.value.projections).toEqual([
      { series: 'rok-cpi', years: [2026, 2027, 2028, 2029, 2030], origin: 'projection: mean of 2021–2025 observed' },
    ]);
    expect(r.value.schedule.rows[1]?.index?.observed).toBe(true);
    expect(r.value.schedule.rows[2]?.index?.observed).toBe(false);
    expect(r.value.metrics.realBaseYear).toBe(2025);
  });

  it('lets a constant projection replace the default, and a user value fill one year while the default fills the rest', () => {
    const constant = evaluateAgreement(sma12, indices, {
      troops: 28_500,
      projections: [{ series: 'rok-cpi', method: { kind: 'constant', value: 0.03 } }],
    });
    if (!constant.ok) throw new Error(constant.error.code);
    expect(constant.value.schedule.rows[2]?.amount).toBe(1_597_600_000_000); // 1,551,100,000,000 × 1.03
    const oneYear = evaluateAgreement(sma12, indices, {
      troops: 28_500,
      projections: [{ series: 'rok-cpi', method: { kind: 'values', values: new Map([[2026, 0.07]]) } }],
    });
    if (!oneYear.ok) throw new Error(oneYear.error.code);
    expect(oneYear.value.schedule.rows[2]?.index).toMatchObject({ bound: 'cap', origin: 'user' });
    expect(oneYear.value.schedule.rows[3]?.index?.observed).toBe(false);
  });

  it('leaves a gap in the past as the typed missing-index error, never a projection', () => {
    const past: Agreement = {
      ...sma12,
      base: { year: 2019, amount: 1_038_900_000_000 },
      rules: [
        { year: 2020, rule: { kind: 'index', series: 'rok-cpi', lag: 2, cap: null, floor: null, precision: 0.001 } },
      ],
    };
    expect(evaluateAgreement(past, indices, { troops: 28_500 })).toEqual({
      ok: false,
      error: { code: 'schedule/index_missing', series: 'rok-cpi', year: 2018, forYear: 2020 },
    });
  });
});
