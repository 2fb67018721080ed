import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectIndex } from './projection.js';
import { observedExtremes, projectionBand } from './projection-band.js';
import { EOK, recordIndices, rokCpi, sma11, sma12 } from './test-fixtures.js';

const constant = (value: number) => ({ kind: 'constant', value }) as const;

describe('observedExtremes', () => {
  it('finds the lowest and highest annual CPI of 2016–2025 with their years and source', () => {
    // Statistics Korea via press (index-series.json): 2019 0.4 % is the lowest, 2022 5.1 % the highest of 2016–2025
    expect(observedExtremes(rokCpi, 10)).toEqual({
      ok: true,
      value: {
        series: 'rok-cpi',
        from: 2016,
        to: 2025,
        low: { year: 2019, value: 0.004, origin: 'Statistics Korea via press' },
        high: { year: 2022, value: 0.051, origin: 'Statistics Korea via press' },
      },
    });
  });

  it('narrows to the last five years: 2.1 % (2025) to 5.1 % (2022)', () => {
    const r = observedExtremes(rokCpi, 5);
    expect(r.ok && [r.value.from, r.value.low.value, r.value.low.year, r.value.high.value]).toEqual([
      2021, 0.021, 2025, 0.051,
    ]);
  });

  it('reports a record shorter than the years asked for, and a count below one', () => {
    expect(observedExtremes(rokCpi, 40)).toEqual({
      ok: false,
      error: { code: 'projection/not_enough_observed', series: 'rok-cpi', needed: 40, found: 19 },
    });
    expect(observedExtremes(rokCpi, 0).ok).toBe(false);
  });
});

describe('projectionBand', () => {
  it('gives the 12th SMA 2028–2030 under CPI of 0.4 %, 2 % and 5.1 % a year, the high path capped at 5 %', () => {
    // 2026 = 1.4028 tn × 1.083 (MOFA, 2024-10-04); 2027 uses observed 2025 CPI 2.1 %; 2028–2030 use projected CPI
    // of 2026–2028, rounded to 0.1 pp and capped at 5 % (12th SMA, Art. 3): 5.1 % → 5 %.
    const band = projectionBand(sma12, recordIndices, {
      series: 'rok-cpi',
      low: constant(0.004),
      central: constant(0.02),
      high: constant(0.051),
    });
    if (!band.ok) throw new Error(band.error.code);
    expect(band.value.firstProjectedYear).toBe(2028);
    expect(
      band.value.years.map((y) => [y.year, y.low && y.low / EOK, y.central / EOK, y.high && y.high / EOK]),
    ).toEqual([
      [2026, null, 15_192, null],
      [2027, null, 15_511, null],
      [2028, 15_573, 15_821, 16_287],
      [2029, 15_635, 16_137, 17_101],
      [2030, 15_698, 16_460, 17_956],
    ]);
    // in won: 1,795,600,000,000 is 15,511 억 × 1.05³ rounded each year half up to 100 million won
    expect(band.value.years[4]?.high).toBe(1_795_600_000_000);
    expect(band.value.years.map((y) => [y.lowBound, y.highBound])).toEqual([
      [null, null],
      [null, null],
      [null, 'cap'],
      [null, 'cap'],
      [null, 'cap'],
    ]);
    const high2028 = band.value.high.schedule.rows.find((r) => r.year === 2028)?.index;
    expect([high2028?.roundedValue, high2028?.bound, high2028?.observed]).toEqual([0.051, 'cap', false]);
  });

  it('replaces an earlier projection of the series instead of keeping it', () => {
    const projected = projectIndex(recordIndices, 'rok-cpi', { from: 2026, to: 2030 }, constant(0.03));
    if (!projected.ok) throw new Error(projected.error.code);
    const band = projectionBand(sma12, projected.value, {
      series: 'rok-cpi',
      low: constant(0.01),
      central: constant(0.01),
      high: constant(0.01),
    });
    // 15,511 × 1.01 = 15,666.11 → 15,666 억
    expect(band.ok && band.value.years[2]?.central).toBe(15_666 * EOK);
  });

  it('leaves a rule on another series without a band (the 11th SMA ends on observed defense-budget growth)', () => {
    const band = projectionBand(sma11, recordIndices, {
      series: 'rok-cpi',
      low: constant(0),
      central: constant(0.02),
      high: constant(0.1),
    });
    expect(band.ok && band.value.firstProjectedYear).toBe(null);
    expect(band.ok && band.value.years.every((y) => y.low === null && y.high === null)).toBe(true);
  });

  it('reports an unknown series', () => {
    expect(
      projectionBand(sma12, recordIndices, {
        series: 'nope',
        low: constant(0),
        central: constant(0),
        high: constant(0),
      }),
    ).toEqual({ ok: false, error: { code: 'projection/series_unknown', series: 'nope' } });
  });

  it('orders low ≤ central ≤ high and never lets a year rise by more than the 5 % cap', () => {
    const rate = fc.integer({ min: -50, max: 150 }).map((x) => x / 1000);
    fc.assert(
      fc.property(fc.tuple(rate, rate, rate), (rates) => {
        const [low, central, high] = [...rates].sort((a, b) => a - b) as [number, number, number];
        const band = projectionBand(sma12, recordIndices, {
          series: 'rok-cpi',
          low: constant(low),
          central: constant(central),
          high: constant(high),
        });
        if (!band.ok) return false;
        let previous = band.value.years[1]?.central ?? 0;
        for (const y of band.value.years.slice(2)) {
          if (y.low === null || y.high === null) return false;
          if (!(y.low <= y.central && y.central <= y.high)) return false;
          // the cap bounds each year's increase: amount ≤ previous × 1.05 + half a unit of rounding
          if (y.high > previous * 1.05 + EOK / 2) return false;
          previous = y.high;
        }
        return true;
      }),
    );
  });
});
