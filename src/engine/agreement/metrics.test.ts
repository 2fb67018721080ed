import { describe, expect, it } from 'vitest';
import { computeMetrics, presentValue, type ScheduleMetrics } from './metrics.js';
import { projectIndex } from './projection.js';
import { computeSchedule } from './schedule.js';
import { EOK, recordIndices, sma11, sma12, sma9 } from './test-fixtures.js';
import type { Agreement, IndexSet } from './types.js';

const TROOPS = 28_500; // USFK troop level (context.json)

const metricsOf = (agreement: Agreement, indices: IndexSet, realBaseYear = 2020): ScheduleMetrics => {
  const schedule = computeSchedule(agreement, indices);
  if (!schedule.ok) throw new Error(schedule.error.code);
  const metrics = computeMetrics(schedule.value, indices, {
    realBaseYear,
    troops: TROOPS,
    discount: { rate: 0.03, toYear: 2020 },
  });
  if (!metrics.ok) throw new Error(metrics.error.code);
  return metrics.value;
};

const sma12To2027 = (): ScheduleMetrics => {
  const schedule = computeSchedule(sma12, recordIndices, { throughYear: 2027 });
  if (!schedule.ok) throw new Error(schedule.error.code);
  const metrics = computeMetrics(schedule.value, recordIndices, { realBaseYear: 2025, troops: TROOPS });
  if (!metrics.ok) throw new Error(metrics.error.code);
  return metrics.value;
};

describe('computeMetrics', () => {
  it('puts 2026 at about 53.3 million won per USFK soldier', () => {
    // MOFA: 2026 = 1조5,192억 won; 28,500 troops (USFK): 1,519,200,000,000 / 28,500 = 53,305,263 won
    expect(sma12To2027().rows[0]?.perSoldier).toEqual({ value: 53_305_263, currency: 'KRW', troops: 28_500 });
  });

  it('puts 2024 at 2.27 % of the ROK defense budget', () => {
    // 13,463억 / 594,244억 (MND main budget 2024) = 2.2656 %
    const share = metricsOf(sma11, recordIndices).rows.find((r) => r.year === 2024)?.defenseBudgetShare;
    if (!share?.available) throw new Error('share missing');
    expect(Math.round(share.value * 10_000) / 100).toBe(2.27);
    expect(share.budget).toEqual({
      series: 'rok-defense-budget',
      year: 2024,
      value: 59_424_400_000_000,
      observed: true,
      origin: 'ROK MND, 국방예산 추이',
    });
  });

  it('states the change on the year in amount and rate', () => {
    // 11th SMA: 2021 = 11,833억, +13.9 % on 10,389억 (MOFA)
    const row = metricsOf(sma11, recordIndices).rows[1];
    expect(row?.change).toEqual({
      available: true,
      fromYear: 2020,
      fromAmount: 10_389 * EOK,
      amount: 1_444 * EOK,
      rate: 1_444 / 10_389,
    });
    expect(row?.source.rate).toEqual({ ppm: 139_000, decimal: 0.139 });
    expect(metricsOf(sma9, recordIndices).rows[0]?.change).toEqual({
      available: false,
      gap: { code: 'metrics/no_previous_year', year: 2014 },
    });
  });

  it('converts to USD at the year’s annual average rate and names it', () => {
    // 2020 frozen at 10,389억 (MOFA); 2020 KRW/USD average 1,180.2 (BOK via press): = USD 880,274,530
    const row = metricsOf(sma11, recordIndices).rows[0];
    expect(row?.usd).toEqual({
      available: true,
      value: 880_274_530,
      conversion: {
        value: 880_274_530,
        currency: 'USD',
        fx: { series: 'krw-per-usd', year: 2020, value: 1180.2, observed: true, origin: 'Bank of Korea via press' },
        fallback: null,
      },
    });
  });

  it('falls back to the latest observed rate when the year’s is missing, and says so', () => {
    // 2026 KRW/USD not yet available; 2025 = 1,422.16 (Yonhap): 1,519,200,000,000 / 1,422.16 = USD 1,068,234,235
    const usd = sma12To2027().rows[0]?.usd;
    expect(usd?.available && usd.conversion).toEqual({
      value: 1_068_234_235,
      currency: 'USD',
      fx: { series: 'krw-per-usd', year: 2025, value: 1422.16, observed: true, origin: 'Bank of Korea via press' },
      fallback: { kind: 'latest-observed', forYear: 2026 },
    });
    // 2017 is missing in the record: the 9th SMA's 2017 amount converts at 2016's 1,160.4
    const usd2017 = metricsOf(sma9, recordIndices).rows[3]?.usd;
    expect(usd2017?.available && usd2017.value).toBe(819_286_453);
  });

  it('leaves an explicit gap when the fallback is refused', () => {
    const schedule = computeSchedule(sma9, recordIndices);
    if (!schedule.ok) throw new Error('schedule');
    const metrics = computeMetrics(schedule.value, recordIndices, {
      realBaseYear: 2014,
      troops: TROOPS,
      fxFallback: 'none',
    });
    expect(metrics.ok && metrics.value.rows[3]?.usd).toEqual({
      available: false,
      gap: { code: 'metrics/index_missing', series: 'krw-per-usd', year: 2017 },
    });
    expect(metrics.ok && metrics.value.totals.usd).toEqual({
      available: false,
      gap: { code: 'metrics/year_unavailable', year: 2017 },
    });
  });

  it('deflates to base-year prices with ROK CPI and flags projected deflators', () => {
    // CPI 2021–2025: 2.5, 5.1, 3.6, 2.3, 2.1 % (Statistics Korea); 2025 = 14,028억 in 2020 prices ≈ 12,033.9억
    const real2025 = metricsOf(sma11, recordIndices).rows[5]?.real;
    expect(real2025?.available && real2025.value).toBe(1_203_394_561_854);
    expect(real2025?.available && real2025.cpi.map((c) => c.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(real2025?.available && real2025.projected).toBe(false);
    const real2020 = metricsOf(sma11, recordIndices).rows[0]?.real;
    expect(real2020?.available && real2020.value).toBe(10_389 * EOK);

    const projected = projectIndex(
      recordIndices,
      'rok-cpi',
      { from: 2026, to: 2026 },
      { kind: 'constant', value: 0.02 },
    );
    if (!projected.ok) throw new Error('projection');
    const schedule = computeSchedule(sma12, projected.value, { throughYear: 2027 });
    if (!schedule.ok) throw new Error('schedule');
    const metrics = computeMetrics(schedule.value, projected.value, { realBaseYear: 2025, troops: TROOPS });
    const real2026 = metrics.ok ? metrics.value.rows[0]?.real : undefined;
    // 15,192억 / 1.02 = 14,894.1억 in 2025 prices, on a projected 2026 CPI
    expect(real2026?.available && [real2026.value, real2026.projected]).toEqual([1_489_411_764_706, true]);
  });

  it('converts a USD agreement to won: the 2019 US ask of USD 5 bn for 2020', () => {
    // US ask reported Nov 2019: about USD 5 bn a year; 2020 KRW/USD 1,180.2 (BOK) → 5,901,000,000,000 won
    const ask: Agreement = {
      id: 'us-ask-2019',
      name: 'US ask 2019',
      currency: 'USD',
      unit: 1,
      kind: 'proposal',
      rules: [{ year: 2020, rule: { kind: 'amount', amount: 5_000_000_000 } }],
    };
    const row = metricsOf(ask, recordIndices).rows[0];
    expect(row?.krw.available && row.krw.value).toBe(5_901_000_000_000);
    expect(row?.usd).toEqual({ available: true, value: 5_000_000_000, conversion: null });
    expect(row?.perSoldier).toEqual({ value: 175_439, currency: 'USD', troops: 28_500 });
  });

  it('totals the 11th SMA term and discounts it', () => {
    // 10,389 + 11,833 + 12,472 + 12,896 + 13,463 + 14,028 = 75,081억
    const metrics = metricsOf(sma11, recordIndices);
    expect(metrics.totals.nominal.value).toBe(75_081 * EOK);
    expect(metrics.totals.krw).toEqual({
      available: true,
      value: 75_081 * EOK,
      years: [2020, 2021, 2022, 2023, 2024, 2025],
    });
    const expected = [10_389, 11_833, 12_472, 12_896, 13_463, 14_028].reduce(
      (sum, eok, i) => sum + (eok * EOK) / 1.03 ** i,
      0,
    );
    expect(metrics.presentValue?.value).toBeCloseTo(expected, 0);
  });

  it('refuses a non-positive troop count and a discount rate of −100 %', () => {
    const schedule = computeSchedule(sma11, recordIndices);
    if (!schedule.ok) throw new Error('schedule');
    expect(computeMetrics(schedule.value, recordIndices, { realBaseYear: 2020, troops: 0 })).toEqual({
      ok: false,
      error: { code: 'metrics/troops_not_positive', troops: 0 },
    });
    expect(
      computeMetrics(schedule.value, recordIndices, {
        realBaseYear: 2020,
        troops: TROOPS,
        discount: { rate: -1, toYear: 2020 },
      }),
    ).toEqual({ ok: false, error: { code: 'metrics/discount_rate_invalid', rate: -1 } });
  });
});

describe('presentValue', () => {
  it('discounts 110 in 2027 at 10 % to 100 in 2026 and compounds 121 in 2028 back too', () => {
    expect(presentValue([{ year: 2027, value: 110 }], 0.1, 2026)).toBeCloseTo(100, 9);
    expect(presentValue([{ year: 2028, value: 121 }], 0.1, 2026)).toBeCloseTo(100, 9);
    expect(presentValue([{ year: 2025, value: 100 }], 0.1, 2026)).toBeCloseTo(110, 9);
  });
});
