import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSchedule, validateAgreement, type Schedule } from './schedule.js';
import {
  EOK,
  indexSet,
  krwPerUsd,
  recordIndices,
  rokCpi,
  rokDefenseBudget,
  rokDefenseBudgetGrowth,
  sma10,
  sma11,
  sma12,
  sma9,
} from './test-fixtures.js';
import type { Agreement, EscalationRule, IndexSeries } from './types.js';

const amountsInEok = (schedule: Schedule): Record<number, number> =>
  Object.fromEntries(schedule.rows.map((row) => [row.year, row.amount / EOK]));

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};

const withCpi = (values: Record<number, number>): IndexSeries => ({
  ...rokCpi,
  points: new Map([
    ...rokCpi.points,
    ...Object.entries(values).map(
      ([y, value]) => [Number(y), { value, observed: false, origin: 'test path' }] as const,
    ),
  ]),
});

describe('computeSchedule on the record', () => {
  it('reproduces the 9th SMA from 9,200억 (2014) and CPI of Y−2 capped at 4 %', () => {
    // MOFA / White Paper: 9,200 → 9,320 → 9,441 → 9,507 → 9,602억; CPI 2013 1.3, 2014 1.3, 2015 0.7, 2016 1.0 % (Statistics Korea)
    const schedule = unwrap(computeSchedule(sma9, recordIndices));
    expect(amountsInEok(schedule)).toEqual({ 2014: 9_200, 2015: 9_320, 2016: 9_441, 2017: 9_507, 2018: 9_602 });
    expect(schedule.rows[1]?.index).toEqual({
      series: 'rok-cpi',
      indexYear: 2013,
      rawValue: 0.013,
      roundedPpm: 13_000,
      roundedValue: 0.013,
      bound: null,
      observed: true,
      origin: 'Statistics Korea via press',
    });
    expect(schedule.rows[1]?.rate).toEqual({ ppm: 13_000, decimal: 0.013 });
  });

  it('reproduces the 10th SMA: 9,602억 × 1.082 = 10,389억 (2019)', () => {
    // MOFA, 2019-02-10: 1조389억 원, +8.2 %
    const schedule = unwrap(computeSchedule(sma10, recordIndices));
    expect(schedule.rows).toEqual([
      {
        year: 2019,
        amount: 1_038_900_000_000,
        rule: { kind: 'change', rate: 0.082 },
        previousAmount: 960_200_000_000,
        rate: { ppm: 82_000, decimal: 0.082 },
        index: null,
      },
    ]);
  });

  it("reproduces the 11th SMA's 2025 amount of 1,402,800,000,000 won from the freeze, +13.9 % and defense growth", () => {
    // MOFA 2021: 2020 frozen, 2021 +13.9 %; MND defense growth 2021 5.4, 2022 3.4, 2023 4.4, 2024 4.2 %; 2025 = 1조4,028억 (MOFA 2024-10-04)
    const schedule = unwrap(computeSchedule(sma11, recordIndices));
    expect(amountsInEok(schedule)).toEqual({
      2020: 10_389,
      2021: 11_833,
      2022: 12_472,
      2023: 12_896,
      2024: 13_463,
      2025: 14_028,
    });
    expect(schedule.rows[5]?.amount).toBe(1_402_800_000_000);
    expect(schedule.rows[0]?.rate).toEqual({ ppm: 0, decimal: 0 });
  });

  it('needs the 0.1 pp rounding: growth unrounded from budget levels gives 12,467억 for 2022, not 12,472', () => {
    // MND main budget 2020 50.1527 tn, 2021 52.8401 tn: growth 5.3584 % unrounded (DESIGN.md §1: 12,467 is wrong)
    const unroundedGrowth: IndexSeries = {
      id: 'defense-growth-from-levels',
      kind: 'growth',
      points: new Map([[2021, { value: 0.053584, observed: true, origin: 'computed from MND levels' }]]),
    };
    const indexRule = (precision: number): EscalationRule => ({
      kind: 'index',
      series: 'defense-growth-from-levels',
      lag: 1,
      cap: null,
      floor: null,
      precision,
    });
    const year2022 = (precision: number): Agreement => ({
      ...sma11,
      base: { year: 2021, amount: 11_833 * EOK },
      rules: [{ year: 2022, rule: indexRule(precision) }],
    });
    const indices = indexSet(unroundedGrowth);
    expect(unwrap(computeSchedule(year2022(0.000001), indices)).rows[0]?.amount).toBe(12_467 * EOK);
    expect(unwrap(computeSchedule(year2022(0.001), indices)).rows[0]?.amount).toBe(12_472 * EOK);
  });

  it('computes the 12th SMA: 2026 = 15,192억 and 2027 = 15,511억 with 2025 CPI 2.1 % (a projection)', () => {
    // MOFA 2024-10-04: 2026 = 1조5,192억 (+8.3 %); 2025 CPI 2.1 % (국가데이터처, 2025-12-31); 2027 not official
    const schedule = unwrap(computeSchedule(sma12, recordIndices, { throughYear: 2027 }));
    expect(amountsInEok(schedule)).toEqual({ 2026: 15_192, 2027: 15_511 });
  });

  it('binds the 12th SMA 5 % cap when CPI is 6 %: 15,192억 × 1.05 = 15,952억', () => {
    const indices = indexSet(withCpi({ 2025: 0.06 }));
    const row = unwrap(computeSchedule(sma12, indices, { throughYear: 2027 })).rows[1];
    expect(row?.amount).toBe(15_952 * EOK);
    expect(row?.index?.bound).toBe('cap');
    expect(row?.index?.roundedValue).toBe(0.06);
    expect(row?.rate).toEqual({ ppm: 50_000, decimal: 0.05 });
    expect(row?.index?.observed).toBe(false);
    expect(row?.index?.origin).toBe('test path');
  });
});

describe('computeSchedule errors', () => {
  it('names the series and year of a missing index value', () => {
    // 2028 needs 2026 CPI, not yet published in the record
    expect(computeSchedule(sma12, recordIndices)).toEqual({
      ok: false,
      error: { code: 'schedule/index_missing', series: 'rok-cpi', year: 2026, forYear: 2028 },
    });
  });

  it('refuses an unknown series and a level series used as growth', () => {
    expect(computeSchedule(sma12, indexSet(krwPerUsd))).toEqual({
      ok: false,
      error: { code: 'schedule/series_unknown', series: 'rok-cpi', forYear: 2027 },
    });
    expect(computeSchedule(sma12, indexSet({ ...rokDefenseBudget, id: 'rok-cpi' }))).toEqual({
      ok: false,
      error: { code: 'schedule/series_not_growth', series: 'rok-cpi', forYear: 2027 },
    });
  });

  it('refuses an index fall beyond −100 % that would make the amount negative', () => {
    const indices = indexSet(withCpi({ 2025: -1.5 }));
    expect(computeSchedule(sma12, indices, { throughYear: 2027 })).toEqual({
      ok: false,
      error: { code: 'schedule/amount_negative', year: 2027, amount: -7_596 * EOK },
    });
  });

  it('refuses a rate with more than 6 decimals', () => {
    const agreement: Agreement = { ...sma10, rules: [{ year: 2019, rule: { kind: 'change', rate: 0.0820001 } }] };
    expect(computeSchedule(agreement, recordIndices)).toEqual({
      ok: false,
      error: {
        code: 'agreement/rate_invalid',
        year: 2019,
        field: 'rate',
        value: 0.0820001,
        cause: { code: 'money/rate_too_precise', rate: 0.0820001, decimals: 7 },
      },
    });
  });
});

describe('validateAgreement', () => {
  const cases: ReadonlyArray<readonly [string, Agreement, unknown]> = [
    ['a zero unit', { ...sma10, unit: 0 }, { code: 'agreement/unit_not_positive', unit: 0 }],
    [
      'a negative stated amount',
      { ...sma9, rules: [{ year: 2014, rule: { kind: 'amount', amount: -EOK } }] },
      { code: 'agreement/negative_amount', year: 2014, amount: -EOK },
    ],
    [
      'a duplicate year',
      { ...sma11, rules: [sma11.rules[0]!, sma11.rules[0]!] },
      { code: 'agreement/duplicate_year', year: 2020 },
    ],
    [
      'a gap between years',
      { ...sma11, rules: [sma11.rules[0]!, sma11.rules[2]!] },
      { code: 'agreement/years_not_contiguous', previousYear: 2020, year: 2022 },
    ],
    ['a first rule without a base', { ...sma11, base: undefined }, { code: 'agreement/base_missing', firstYear: 2020 }],
    [
      'a base that is not the year before the first rule',
      { ...sma11, base: { year: 2018, amount: 0 } },
      { code: 'agreement/base_year_mismatch', baseYear: 2018, firstYear: 2020 },
    ],
    ['no rules', { ...sma11, rules: [] }, { code: 'agreement/no_rules' }],
    ['a bad id', { ...sma11, id: 'SMA 11' }, { code: 'agreement/invalid_id', id: 'SMA 11' }],
    [
      'a cap below the floor',
      {
        ...sma12,
        rules: [
          { year: 2026, rule: { kind: 'index', series: 'rok-cpi', lag: 2, cap: 0, floor: 0.01, precision: 0.001 } },
        ],
      },
      { code: 'agreement/cap_below_floor', year: 2026, cap: 0, floor: 0.01 },
    ],
    [
      'a negative lag',
      {
        ...sma12,
        rules: [
          { year: 2026, rule: { kind: 'index', series: 'rok-cpi', lag: -1, cap: null, floor: null, precision: 0.001 } },
        ],
      },
      { code: 'agreement/lag_invalid', year: 2026, lag: -1 },
    ],
    [
      'a change below −100 %',
      { ...sma10, rules: [{ year: 2019, rule: { kind: 'change', rate: -1.5 } }] },
      { code: 'agreement/rate_below_minus_one', year: 2019, field: 'rate', value: -1.5 },
    ],
  ];
  it.each(cases)('refuses %s', (_label, agreement, error) => {
    expect(validateAgreement(agreement)).toEqual({ ok: false, error });
  });

  it('accepts the record agreements', () => {
    for (const agreement of [sma9, sma10, sma11, sma12]) expect(validateAgreement(agreement).ok).toBe(true);
  });

  it('takes a stated amount and a base off the unit as given, and rounds only what the rules compute', () => {
    const offUnit: Agreement = {
      ...sma12,
      base: { year: 2025, amount: 1_402_812_345_678 },
      rules: [
        { year: 2026, rule: { kind: 'change', rate: 0.083 } },
        { year: 2027, rule: { kind: 'amount', amount: 1_234_567_891 } },
      ],
    };
    expect(validateAgreement(offUnit).ok).toBe(true);
    const schedule = computeSchedule(offUnit, recordIndices);
    // 1,402,812,345,678 × 1.083 = 1,519,245,770,369.3, rounded half up to 100,000,000 won: 1,519,200,000,000
    expect(schedule.ok && schedule.value.rows.map((r) => r.amount)).toEqual([1_519_200_000_000, 1_234_567_891]);
  });
});

describe('schedule invariants', () => {
  const unit = fc.constantFrom(1, 1_000, EOK);
  const nonNegativeRule: fc.Arbitrary<EscalationRule> = fc.oneof(
    fc.constant<EscalationRule>({ kind: 'freeze' }),
    fc.integer({ min: 0, max: 500_000 }).map((ppm): EscalationRule => ({ kind: 'change', rate: ppm / 1e6 })),
    fc.constant<EscalationRule>({
      kind: 'index',
      series: 'rok-defense-budget-growth',
      lag: 1,
      cap: null,
      floor: null,
      precision: 0.001,
    }),
  );
  const agreementOf = (u: number, baseUnits: number, rules: readonly EscalationRule[]): Agreement => ({
    id: 'prop',
    name: 'property',
    currency: 'KRW',
    unit: u,
    kind: 'proposal',
    base: { year: 2009, amount: baseUnits * u },
    rules: rules.map((rule, i) => ({ year: 2010 + i, rule })),
  });

  it('is monotone non-decreasing under non-negative rates and keeps every amount on the unit', () => {
    fc.assert(
      fc.property(
        unit,
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(nonNegativeRule, { minLength: 1, maxLength: 16 }),
        (u, b, rules) => {
          const schedule = unwrap(computeSchedule(agreementOf(u, b, rules), indexSet(rokDefenseBudgetGrowth)));
          let previous = b * u;
          for (const row of schedule.rows) {
            expect(row.amount).toBeGreaterThanOrEqual(previous);
            expect(row.amount % u).toBe(0);
            if (row.rule.kind === 'freeze') expect(row.amount).toBe(previous);
            previous = row.amount;
          }
        },
      ),
    );
  });

  it('never applies an index rate beyond its cap or floor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (growthPpm, floorPpm, width) => {
          const capPpm = floorPpm + width;
          const agreement: Agreement = {
            ...agreementOf(EOK, 10_000, []),
            rules: [
              {
                year: 2010,
                rule: {
                  kind: 'index',
                  series: 'g',
                  lag: 0,
                  cap: capPpm / 1e6,
                  floor: floorPpm / 1e6,
                  precision: 0.001,
                },
              },
            ],
          };
          const g: IndexSeries = {
            id: 'g',
            kind: 'growth',
            points: new Map([[2010, { value: growthPpm / 1e6, observed: true, origin: 'test' }]]),
          };
          const row = unwrap(computeSchedule(agreement, indexSet(g))).rows[0];
          expect(row?.rate?.ppm).toBeLessThanOrEqual(capPpm);
          expect(row?.rate?.ppm).toBeGreaterThanOrEqual(floorPpm);
        },
      ),
    );
  });
});
