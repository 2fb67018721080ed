import { describe, expect, it } from 'vitest';
import { compareSchedules } from './comparison.js';
import { computeMetrics, type ScheduleMetrics } from './metrics.js';
import { computeSchedule } from './schedule.js';
import { EOK, recordIndices, sma11, sma9 } from './test-fixtures.js';
import type { Agreement } from './types.js';

const metricsOf = (agreement: Agreement): ScheduleMetrics => {
  const schedule = computeSchedule(agreement, recordIndices);
  if (!schedule.ok) throw new Error(schedule.error.code);
  const metrics = computeMetrics(schedule.value, recordIndices, { realBaseYear: 2020, troops: 28_500 });
  if (!metrics.ok) throw new Error(metrics.error.code);
  return metrics.value;
};

/** A user's proposal: freeze at the 2019 level (10,389억) for 2020–2024. */
const freeze: Agreement = {
  id: 'freeze-2019',
  name: 'Freeze at 2019',
  currency: 'KRW',
  unit: EOK,
  kind: 'proposal',
  base: { year: 2019, amount: 10_389 * EOK },
  rules: [2020, 2021, 2022, 2023, 2024].map((year) => ({ year, rule: { kind: 'freeze' } as const })),
};

/** The 2019 US ask: about USD 5 bn a year (press, Nov 2019), here for 2020–2021. */
const usAsk: Agreement = {
  id: 'us-ask-2019',
  name: 'US ask 2019',
  currency: 'USD',
  unit: 1,
  kind: 'proposal',
  base: { year: 2019, amount: 5_000_000_000 },
  rules: [2020, 2021].map((year) => ({ year, rule: { kind: 'freeze' } as const })),
};

describe('compareSchedules', () => {
  it('sets a freeze against the 11th SMA year by year, with the missing 2025 as an explicit gap', () => {
    // 11th SMA 2020–2025: 10,389, 11,833, 12,472, 12,896, 13,463, 14,028억 (MOFA; MND growth)
    const result = compareSchedules([metricsOf(sma11), metricsOf(freeze)], { measure: 'krw', referenceId: 'sma-11' });
    if (!result.ok) throw new Error(result.error.code);
    const { rows, summaries } = result.value;
    expect(rows.map((r) => r.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(rows[1]?.cells[1]).toEqual({
      available: true,
      value: 10_389 * EOK,
      difference: -1_444 * EOK,
      ratio: 10_389 / 11_833,
    });
    expect(rows[5]?.cells[1]).toEqual({
      available: false,
      gap: { code: 'comparison/year_outside_term', year: 2025 },
    });
    // Totals: 75,081억 over 2020–2025 and 5 × 10,389 = 51,945억 over 2020–2024. Compared only over the common
    // 2020–2024: the 11th SMA's 61,053억 there, so the freeze is 9,108억 less (not 23,136억, which counts 2025 too).
    expect(
      summaries.map((s) => [s.agreementId, s.total / EOK, s.years.length, s.commonTotal / EOK, s.commonDifference]),
    ).toEqual([
      ['sma-11', 75_081, 6, 75_081, 0],
      ['freeze-2019', 51_945, 5, 51_945, -9_108 * EOK],
    ]);
    expect(summaries[1]?.commonYears).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(summaries[1]?.referenceCommonTotal).toBe(61_053 * EOK);
    expect(summaries[1]?.commonRatio).toBeCloseTo(51_945 / 61_053, 12);
    // yearly averages, each over its own years: 10,389 against 75,081 / 6 = 12,513.5
    expect(summaries[1]?.averageRatio).toBeCloseTo(10_389 / (75_081 / 6), 12);
  });

  it('compares a USD ask with a KRW agreement in dollars and discounts both', () => {
    // 2020 KRW/USD 1,180.2; 2021 1,144.6 (BOK): 10,389억 = USD 880,274,530; 11,833억 = USD 1,033,810,938
    const result = compareSchedules([metricsOf(sma11), metricsOf(usAsk)], {
      measure: 'usd',
      referenceId: 'sma-11',
      discount: { rate: 0.05, toYear: 2020 },
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.unit).toEqual({ currency: 'USD', realBaseYear: null });
    const cell2020 = result.value.rows[0]?.cells[1];
    expect(cell2020?.available && [cell2020.value, cell2020.difference]).toEqual([
      5_000_000_000,
      5_000_000_000 - 880_274_530,
    ]);
    expect(result.value.summaries[1]?.presentValue).toBeCloseTo(5e9 + 5e9 / 1.05, 3);
  });

  it('refuses nominal comparison across currencies, an unknown reference and duplicates', () => {
    expect(
      compareSchedules([metricsOf(sma11), metricsOf(usAsk)], { measure: 'nominal', referenceId: 'sma-11' }),
    ).toEqual({ ok: false, error: { code: 'comparison/currency_mismatch', currencies: ['KRW', 'USD'] } });
    expect(compareSchedules([metricsOf(sma9)], { measure: 'krw', referenceId: 'sma-11' })).toEqual({
      ok: false,
      error: { code: 'comparison/reference_unknown', referenceId: 'sma-11' },
    });
    expect(compareSchedules([metricsOf(sma9), metricsOf(sma9)], { measure: 'krw', referenceId: 'sma-9' })).toEqual({
      ok: false,
      error: { code: 'comparison/duplicate_id', id: 'sma-9' },
    });
    expect(compareSchedules([], { measure: 'krw', referenceId: 'sma-9' })).toEqual({
      ok: false,
      error: { code: 'comparison/empty' },
    });
  });

  it('leaves the years between two terms as gaps for both the 9th and the 11th SMA', () => {
    // 9th SMA ends 2018, 11th starts 2020: 2019 belongs to neither
    const result = compareSchedules([metricsOf(sma9), metricsOf(sma11)], { measure: 'nominal', referenceId: 'sma-9' });
    if (!result.ok) throw new Error(result.error.code);
    const row2019 = result.value.rows.find((r) => r.year === 2019);
    expect(row2019?.cells.map((c) => c.available)).toEqual([false, false]);
    const row2020 = result.value.rows.find((r) => r.year === 2020);
    expect(row2020?.cells[1]).toEqual({ available: true, value: 10_389 * EOK, difference: null, ratio: null });
  });
});
