/**
 * The record's index values and SMA rules as literal test fixtures (source: /work/shared/data/index-series.json and
 * sma-agreements.json); the engine cannot read files, so tests build their IndexSet from these.
 */
import type { Agreement, IndexPoint, IndexSeries, IndexSet, SeriesId, Year } from './types.js';

export const EOK = 100_000_000;

const points = (values: Readonly<Record<number, number>>, origin: string): ReadonlyMap<Year, IndexPoint> =>
  new Map(Object.entries(values).map(([year, value]) => [Number(year), { value, observed: true, origin }]));

/** Statistics Korea headline CPI, annual-average change, via press (index-series.json; 2026 not yet available). */
export const rokCpi: IndexSeries = {
  id: 'rok-cpi',
  kind: 'growth',
  points: points(
    {
      2007: 0.025,
      2008: 0.047,
      2009: 0.028,
      2010: 0.029,
      2011: 0.04,
      2012: 0.022,
      2013: 0.013,
      2014: 0.013,
      2015: 0.007,
      2016: 0.01,
      2017: 0.019,
      2018: 0.015,
      2019: 0.004,
      2020: 0.005,
      2021: 0.025,
      2022: 0.051,
      2023: 0.036,
      2024: 0.023,
      2025: 0.021,
    },
    'Statistics Korea via press',
  ),
};

/** ROK MND main defense budget growth (official 2008–2024, press 2025–2026). */
export const rokDefenseBudgetGrowth: IndexSeries = {
  id: 'rok-defense-budget-growth',
  kind: 'growth',
  points: points(
    {
      2008: 0.088,
      2009: 0.071,
      2010: 0.036,
      2011: 0.062,
      2012: 0.05,
      2013: 0.042,
      2014: 0.04,
      2015: 0.049,
      2016: 0.036,
      2017: 0.04,
      2018: 0.07,
      2019: 0.082,
      2020: 0.074,
      2021: 0.054,
      2022: 0.034,
      2023: 0.044,
      2024: 0.042,
      2025: 0.031,
      2026: 0.075,
    },
    'ROK MND, 국방예산 추이',
  ),
};

/** ROK MND main defense budget in won. */
export const rokDefenseBudget: IndexSeries = {
  id: 'rok-defense-budget',
  kind: 'level',
  points: points(
    {
      2019: 46_697_100_000_000,
      2020: 50_152_700_000_000,
      2021: 52_840_100_000_000,
      2022: 54_611_200_000_000,
      2023: 57_014_300_000_000,
      2024: 59_424_400_000_000,
      2025: 61_246_900_000_000,
      2026: 65_864_200_000_000,
    },
    'ROK MND, 국방예산 추이',
  ),
};

/** KRW per USD, annual average, BOK via press (2017 and 2026 absent in the record). */
export const krwPerUsd: IndexSeries = {
  id: 'krw-per-usd',
  kind: 'level',
  points: points(
    {
      2014: 1053.1,
      2015: 1131.5,
      2016: 1160.4,
      2018: 1100.6,
      2019: 1166.1,
      2020: 1180.2,
      2021: 1144.6,
      2022: 1292,
      2023: 1305.68,
      2024: 1364.44,
      2025: 1422.16,
    },
    'Bank of Korea via press',
  ),
};

export const indexSet = (...series: readonly IndexSeries[]): IndexSet =>
  new Map<SeriesId, IndexSeries>(series.map((s) => [s.id, s]));

export const recordIndices: IndexSet = indexSet(rokCpi, rokDefenseBudgetGrowth, rokDefenseBudget, krwPerUsd);

/** 9th SMA: 2014 = 9,200억; then × (1 + CPI of Y−2), cap 4 % (MOFA; research-vectors.md). */
export const sma9: Agreement = {
  id: 'sma-9',
  name: '9th SMA',
  currency: 'KRW',
  unit: EOK,
  kind: 'agreement',
  rules: [
    { year: 2014, rule: { kind: 'amount', amount: 9_200 * EOK } },
    ...[2015, 2016, 2017, 2018].map((year) => ({
      year,
      rule: { kind: 'index', series: 'rok-cpi', lag: 2, cap: 0.04, floor: null, precision: 0.001 } as const,
    })),
  ],
};

/** 10th SMA: 2019 = 2018 × 1.082 (MOFA). */
export const sma10: Agreement = {
  id: 'sma-10',
  name: '10th SMA',
  currency: 'KRW',
  unit: EOK,
  kind: 'agreement',
  base: { year: 2018, amount: 9_602 * EOK },
  rules: [{ year: 2019, rule: { kind: 'change', rate: 0.082 } }],
};

/** 11th SMA: 2020 frozen, 2021 +13.9 %, 2022–2025 × (1 + defense-budget growth of Y−1, 0.1 pp) (MOFA). */
export const sma11: Agreement = {
  id: 'sma-11',
  name: '11th SMA',
  currency: 'KRW',
  unit: EOK,
  kind: 'agreement',
  base: { year: 2019, amount: 10_389 * EOK },
  rules: [
    { year: 2020, rule: { kind: 'freeze' } },
    { year: 2021, rule: { kind: 'change', rate: 0.139 } },
    ...[2022, 2023, 2024, 2025].map((year) => ({
      year,
      rule: {
        kind: 'index',
        series: 'rok-defense-budget-growth',
        lag: 1,
        cap: null,
        floor: null,
        precision: 0.001,
      } as const,
    })),
  ],
};

/** 12th SMA: 2026 = 2025 × 1.083; 2027–2030 × (1 + CPI of Y−2), cap 5 %, floor unknown (MOFA, 2024-10-04). */
export const sma12: Agreement = {
  id: 'sma-12',
  name: '12th SMA',
  currency: 'KRW',
  unit: EOK,
  kind: 'agreement',
  base: { year: 2025, amount: 14_028 * EOK },
  rules: [
    { year: 2026, rule: { kind: 'change', rate: 0.083 } },
    ...[2027, 2028, 2029, 2030].map((year) => ({
      year,
      rule: { kind: 'index', series: 'rok-cpi', lag: 2, cap: 0.05, floor: null, precision: 0.001 } as const,
    })),
  ],
};
