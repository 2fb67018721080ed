/**
 * Schedules side by side on the same years and measure, with differences and ratios against a reference.
 */
import { err, ok, type Result } from '../result.js';
import { presentValue, type MetricGap, type ScheduleMetrics, type YearMetrics } from './metrics.js';
import type { Currency, Year } from './types.js';

/** nominal: the agreement's own currency (all must share it); krw, usd: converted; real: KRW at base-year prices. */
export type ComparisonMeasure = 'nominal' | 'krw' | 'usd' | 'real';

export interface ComparisonOptions {
  readonly measure: ComparisonMeasure;
  /** The agreement id differences and ratios are taken against. */
  readonly referenceId: string;
  readonly discount?: { readonly rate: number; readonly toYear: Year };
}

export type ComparisonError =
  | { readonly code: 'comparison/empty' }
  | { readonly code: 'comparison/duplicate_id'; readonly id: string }
  | { readonly code: 'comparison/reference_unknown'; readonly referenceId: string }
  | { readonly code: 'comparison/currency_mismatch'; readonly currencies: readonly Currency[] }
  | { readonly code: 'comparison/real_base_mismatch'; readonly baseYears: readonly Year[] }
  | { readonly code: 'comparison/discount_rate_invalid'; readonly rate: number };

export type ComparisonGap = { readonly code: 'comparison/year_outside_term'; readonly year: Year } | MetricGap;

export type ComparisonCell =
  | {
      readonly available: true;
      readonly value: number;
      /** value − the reference's value; null when the reference has no value that year. */
      readonly difference: number | null;
      /** value / the reference's value; null when the reference has no value or it is 0. */
      readonly ratio: number | null;
    }
  | { readonly available: false; readonly gap: ComparisonGap };

export interface ComparisonRow {
  readonly year: Year;
  /** One cell per compared agreement, in the order given. */
  readonly cells: readonly ComparisonCell[];
}

/**
 * An agreement's totals, and its comparison with the reference on like terms only: sums over the years both have a
 * value, and yearly averages (each over its own years). A one-year claim is never divided by a five-year total.
 */
export interface ComparisonSummary {
  readonly agreementId: string;
  /** Sum over the years the agreement has a value. */
  readonly total: number;
  readonly years: readonly Year[];
  /** The years both this agreement and the reference have a value. */
  readonly commonYears: readonly Year[];
  /** Sum of this agreement's values over the common years. */
  readonly commonTotal: number;
  /** Sum of the reference's values over the common years. */
  readonly referenceCommonTotal: number;
  /** commonTotal − referenceCommonTotal; null without a common year. */
  readonly commonDifference: number | null;
  /** commonTotal ÷ referenceCommonTotal; null without a common year or when the reference's sum is 0. */
  readonly commonRatio: number | null;
  /** total ÷ the number of its years; null without a year. */
  readonly yearlyAverage: number | null;
  /** yearlyAverage ÷ the reference's yearlyAverage (each over its own years); null when either is missing or 0. */
  readonly averageRatio: number | null;
  /** Present value of the available years; null without a discount option. */
  readonly presentValue: number | null;
}

export interface Comparison {
  readonly measure: ComparisonMeasure;
  /** The unit of every value: a currency, real KRW at a base year. */
  readonly unit: { readonly currency: Currency; readonly realBaseYear: Year | null };
  readonly referenceId: string;
  readonly agreementIds: readonly string[];
  readonly rows: readonly ComparisonRow[];
  readonly summaries: readonly ComparisonSummary[];
}

type Value = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly gap: ComparisonGap };

const valueOf = (row: YearMetrics | undefined, year: Year, measure: ComparisonMeasure): Value => {
  if (row === undefined) return { ok: false, gap: { code: 'comparison/year_outside_term', year } };
  const metric = measure === 'nominal' ? { available: true as const, value: row.amount } : row[measure];
  return metric.available ? { ok: true, value: metric.value } : { ok: false, gap: metric.gap };
};

const unitOf = (
  entries: readonly ScheduleMetrics[],
  measure: ComparisonMeasure,
): Result<Comparison['unit'], ComparisonError> => {
  switch (measure) {
    case 'nominal': {
      const currencies = [...new Set(entries.map((e) => e.currency))];
      const [currency] = currencies;
      if (currencies.length !== 1 || currency === undefined) {
        return err({ code: 'comparison/currency_mismatch', currencies });
      }
      return ok({ currency, realBaseYear: null });
    }
    case 'krw':
      return ok({ currency: 'KRW', realBaseYear: null });
    case 'usd':
      return ok({ currency: 'USD', realBaseYear: null });
    case 'real': {
      const baseYears = [...new Set(entries.map((e) => e.realBaseYear))];
      const [realBaseYear] = baseYears;
      if (baseYears.length !== 1 || realBaseYear === undefined) {
        return err({ code: 'comparison/real_base_mismatch', baseYears });
      }
      return ok({ currency: 'KRW', realBaseYear });
    }
  }
};

/**
 * Compares any number of agreements' metrics year by year on one measure against a reference agreement.
 * @example compareSchedules([sma11Metrics, usAskMetrics], { measure: 'usd', referenceId: 'sma-11' })
 *   // rows 2020–2025, each with both values, differences and ratios against the 11th SMA
 */
export const compareSchedules = (
  entries: readonly ScheduleMetrics[],
  options: ComparisonOptions,
): Result<Comparison, ComparisonError> => {
  const { measure, referenceId, discount } = options;
  if (entries.length === 0) return err({ code: 'comparison/empty' });
  const ids = entries.map((e) => e.agreementId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) return err({ code: 'comparison/duplicate_id', id: duplicate });
  const referenceIndex = ids.indexOf(referenceId);
  if (referenceIndex < 0) return err({ code: 'comparison/reference_unknown', referenceId });
  if (discount !== undefined && (!Number.isFinite(discount.rate) || discount.rate <= -1)) {
    return err({ code: 'comparison/discount_rate_invalid', rate: discount.rate });
  }
  const unit = unitOf(entries, measure);
  if (!unit.ok) return unit;

  const allYears = entries.flatMap((e) => e.rows.map((r) => r.year));
  const first = Math.min(...allYears);
  const last = Math.max(...allYears);
  const byYear = entries.map((e) => new Map(e.rows.map((r) => [r.year, r])));

  const rows: ComparisonRow[] = [];
  const collected = entries.map(() => [] as { year: Year; value: number }[]);
  for (let year = first; year <= last; year += 1) {
    const values = byYear.map((rowsOf) => valueOf(rowsOf.get(year), year, measure));
    const reference = values[referenceIndex];
    const cells = values.map((v, i): ComparisonCell => {
      if (!v.ok) return { available: false, gap: v.gap };
      collected[i]?.push({ year, value: v.value });
      const ref = reference?.ok ? reference.value : null;
      return {
        available: true,
        value: v.value,
        difference: ref === null ? null : v.value - ref,
        ratio: ref === null || ref === 0 ? null : v.value / ref,
      };
    });
    rows.push({ year, cells });
  }

  const referenceByYear = new Map((collected[referenceIndex] ?? []).map((v) => [v.year, v.value]));
  const averageOf = (values: readonly { value: number }[]): number | null =>
    values.length === 0 ? null : values.reduce((sum, v) => sum + v.value, 0) / values.length;
  const referenceAverage = averageOf(collected[referenceIndex] ?? []);
  const summaries = entries.map((e, i): ComparisonSummary => {
    const values = collected[i] ?? [];
    const common = values.filter((v) => referenceByYear.has(v.year));
    const commonTotal = common.reduce((sum, v) => sum + v.value, 0);
    const referenceCommonTotal = common.reduce((sum, v) => sum + (referenceByYear.get(v.year) ?? 0), 0);
    const yearlyAverage = averageOf(values);
    return {
      agreementId: e.agreementId,
      total: values.reduce((sum, v) => sum + v.value, 0),
      years: values.map((v) => v.year),
      commonYears: common.map((v) => v.year),
      commonTotal,
      referenceCommonTotal,
      commonDifference: common.length === 0 ? null : commonTotal - referenceCommonTotal,
      commonRatio: common.length === 0 || referenceCommonTotal === 0 ? null : commonTotal / referenceCommonTotal,
      yearlyAverage,
      averageRatio:
        yearlyAverage === null || referenceAverage === null || referenceAverage === 0
          ? null
          : yearlyAverage / referenceAverage,
      presentValue: discount === undefined ? null : presentValue(values, discount.rate, discount.toYear),
    };
  });
  return ok({ measure, unit: unit.value, referenceId, agreementIds: ids, rows, summaries });
};
