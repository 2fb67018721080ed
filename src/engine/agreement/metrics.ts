/**
 * Derived per-year figures over a schedule (change, real terms, USD/KRW, per soldier, share of the defense budget),
 * each with what it was computed from, plus totals and present value over the term.
 * Derived figures are display values in floating point, rounded to the currency unit (won or dollar).
 */
import { err, ok, type Result } from '../result.js';
import type { AppliedRate, IndexApplication, Schedule } from './schedule.js';
import type { Currency, EscalationRule, IndexPoint, IndexSet, SeriesId, Year } from './types.js';

/** Why a derived figure could not be computed. */
export type MetricGap =
  | { readonly code: 'metrics/series_unknown'; readonly series: SeriesId }
  | { readonly code: 'metrics/index_missing'; readonly series: SeriesId; readonly year: Year }
  | { readonly code: 'metrics/no_previous_year'; readonly year: Year }
  | { readonly code: 'metrics/year_unavailable'; readonly year: Year };

/** A derived figure with its provenance, or the explicit reason it is missing. */
export type Metric<T> = ({ readonly available: true } & T) | { readonly available: false; readonly gap: MetricGap };

export type MetricsError =
  | { readonly code: 'metrics/troops_not_positive'; readonly troops: number }
  | { readonly code: 'metrics/discount_rate_invalid'; readonly rate: number }
  | {
      readonly code: 'metrics/year_not_integer';
      readonly field: 'realBaseYear' | 'discountToYear';
      readonly year: number;
    };

export interface MetricsOptions {
  /** Real figures are in prices of this year. */
  readonly realBaseYear: Year;
  /** USFK troop count (28,500 in the record, context.json). */
  readonly troops: number;
  /** Discount rate (decimal) and the year values are discounted to; present value is omitted without it. */
  readonly discount?: { readonly rate: number; readonly toYear: Year };
  /** When a year's exchange rate is missing: use the latest observed earlier year (default), or leave a gap. */
  readonly fxFallback?: 'latest-observed' | 'none';
  /** Series ids, defaulting to the bundled record's. */
  readonly series?: { readonly cpi?: SeriesId; readonly krwPerUsd?: SeriesId; readonly defenseBudget?: SeriesId };
}

/** Where a point of a series came from. */
export interface IndexSource {
  readonly series: SeriesId;
  readonly year: Year;
  readonly value: number;
  readonly observed: boolean;
  readonly origin: string;
}

export interface YearChange {
  readonly fromYear: Year;
  readonly fromAmount: number;
  readonly amount: number;
  /** (amount − fromAmount) / fromAmount; null when fromAmount is 0. */
  readonly rate: number | null;
}

export interface Conversion {
  /** Rounded to the whole won or dollar. */
  readonly value: number;
  readonly currency: Currency;
  /** The KRW-per-USD rate used and where it came from. */
  readonly fx: IndexSource;
  /** Set when the year's own rate was missing and another year's was used. */
  readonly fallback: { readonly kind: 'latest-observed'; readonly forYear: Year } | null;
}

export interface RealTerms {
  /** KRW at base-year prices, rounded to the won. */
  readonly value: number;
  readonly baseYear: Year;
  /** Price level of the year relative to the base year. */
  readonly deflator: number;
  readonly cpi: readonly IndexSource[];
  /** true when any CPI value used is a projection. */
  readonly projected: boolean;
}

export interface PerSoldier {
  /** In the agreement's currency, rounded to the unit (won or dollar). */
  readonly value: number;
  readonly currency: Currency;
  readonly troops: number;
}

export interface DefenseBudgetShare {
  /** A fraction: 0.0227 = 2.27 %. */
  readonly value: number;
  readonly krw: number;
  readonly budget: IndexSource;
}

export interface YearMetrics {
  readonly year: Year;
  /** The schedule's amount in the agreement's currency. */
  readonly amount: number;
  readonly currency: Currency;
  readonly source: {
    readonly rule: EscalationRule;
    readonly rate: AppliedRate | null;
    readonly index: IndexApplication | null;
  };
  readonly change: Metric<YearChange>;
  /** The amount in won: itself for KRW agreements, converted for USD ones. */
  readonly krw: Metric<{ readonly value: number; readonly conversion: Conversion | null }>;
  /** The amount in dollars: itself for USD agreements, converted for KRW ones. */
  readonly usd: Metric<{ readonly value: number; readonly conversion: Conversion | null }>;
  readonly real: Metric<RealTerms>;
  readonly perSoldier: PerSoldier;
  readonly defenseBudgetShare: Metric<DefenseBudgetShare>;
}

export interface Total {
  readonly value: number;
  readonly years: readonly Year[];
}

export interface PresentValue {
  readonly value: number;
  readonly rate: number;
  readonly toYear: Year;
}

export interface ScheduleMetrics {
  readonly agreementId: string;
  readonly currency: Currency;
  readonly realBaseYear: Year;
  readonly troops: number;
  readonly rows: readonly YearMetrics[];
  readonly totals: {
    /** Sum of the amounts in the agreement's currency, exact. */
    readonly nominal: Total;
    readonly krw: Metric<Total>;
    readonly usd: Metric<Total>;
    readonly real: Metric<Total>;
  };
  /** Present value of the amounts in the agreement's currency; null without a discount option. */
  readonly presentValue: PresentValue | null;
}

const sourceOf = (series: SeriesId, year: Year, point: IndexPoint): IndexSource => ({
  series,
  year,
  value: point.value,
  observed: point.observed,
  origin: point.origin,
});

type Lookup = Result<IndexSource, MetricGap>;

const lookup = (indices: IndexSet, series: SeriesId, year: Year): Lookup => {
  const s = indices.get(series);
  if (s === undefined) return err({ code: 'metrics/series_unknown', series });
  const point = s.points.get(year);
  if (point === undefined || !Number.isFinite(point.value)) return err({ code: 'metrics/index_missing', series, year });
  return ok(sourceOf(series, year, point));
};

const fxFor = (
  indices: IndexSet,
  series: SeriesId,
  year: Year,
  fallback: 'latest-observed' | 'none',
): Result<{ fx: IndexSource; fallback: Conversion['fallback'] }, MetricGap> => {
  const own = lookup(indices, series, year);
  if (own.ok || fallback === 'none' || own.error.code === 'metrics/series_unknown') {
    return own.ok ? ok({ fx: own.value, fallback: null }) : own;
  }
  // one pass for the latest observed year before this one: every future year of a schedule falls back here
  let earlierYear: Year | undefined;
  let earlier: IndexPoint | undefined;
  for (const [y, p] of indices.get(series)?.points ?? []) {
    if (y < year && p.observed && Number.isFinite(p.value) && (earlierYear === undefined || y > earlierYear)) {
      earlierYear = y;
      earlier = p;
    }
  }
  if (earlierYear === undefined || earlier === undefined) return own;
  return ok({ fx: sourceOf(series, earlierYear, earlier), fallback: { kind: 'latest-observed', forYear: year } });
};

/** Price level of `year` relative to `baseYear` from yearly CPI growth: Π(1 + g) over the years between. */
/**
 * The CPI factor from `baseYear` to `year` (above 1 for a later year) and the index points it used: a won amount of
 * `year` divided by it is in `baseYear` prices.
 * @example deflatorFor(indices, 'rok-cpi', 2021, 2020) // ok({ deflator: 1.025, cpi: [CPI 2021] })
 */
export const deflatorFor = (
  indices: IndexSet,
  series: SeriesId,
  year: Year,
  baseYear: Year,
): Result<{ deflator: number; cpi: IndexSource[] }, MetricGap> => {
  const cpi: IndexSource[] = [];
  const [from, to] = year >= baseYear ? [baseYear, year] : [year, baseYear];
  let factor = 1;
  for (let t = from + 1; t <= to; t += 1) {
    const point = lookup(indices, series, t);
    if (!point.ok) return point;
    cpi.push(point.value);
    factor *= 1 + point.value.value;
  }
  return ok({ deflator: year >= baseYear ? factor : 1 / factor, cpi });
};

// Object.assign rather than a spread after a key, which V8 does not optimise; same keys in the same order
const available = <T extends object>(value: T): Metric<T> => Object.assign({ available: true as const }, value);
const gap = <T>(g: MetricGap): Metric<T> => ({ available: false, gap: g });

const totalOf = (
  rows: readonly YearMetrics[],
  pick: (row: YearMetrics) => Metric<{ value: number }>,
): Metric<Total> => {
  let value = 0;
  for (const row of rows) {
    const metric = pick(row);
    if (!metric.available) return gap({ code: 'metrics/year_unavailable', year: row.year });
    value += metric.value;
  }
  return available({ value, years: rows.map((r) => r.year) });
};

/**
 * Present value at `toYear` of yearly values discounted at `rate`: Σ value / (1 + rate)^(year − toYear).
 * @example presentValue([{ year: 2027, value: 110 }], 0.1, 2026) // 100
 */
export const presentValue = (
  values: readonly { readonly year: Year; readonly value: number }[],
  rate: number,
  toYear: Year,
): number => values.reduce((sum, { year, value }) => sum + value / (1 + rate) ** (year - toYear), 0);

/**
 * Derives each year's metrics from a schedule and the index series (CPI, KRW/USD, defense budget).
 * @example computeMetrics(sma12Schedule, indices, { realBaseYear: 2025, troops: 28_500 })
 *   // 2026: perSoldier 53,305,263 won; usd via the 2025 rate, flagged as a fallback
 */
export const computeMetrics = (
  schedule: Schedule,
  indices: IndexSet,
  options: MetricsOptions,
): Result<ScheduleMetrics, MetricsError> => {
  const { realBaseYear, troops, discount, fxFallback = 'latest-observed' } = options;
  if (!Number.isFinite(troops) || troops <= 0) return err({ code: 'metrics/troops_not_positive', troops });
  if (!Number.isSafeInteger(realBaseYear)) {
    return err({ code: 'metrics/year_not_integer', field: 'realBaseYear', year: realBaseYear });
  }
  if (discount !== undefined) {
    if (!Number.isFinite(discount.rate) || discount.rate <= -1) {
      return err({ code: 'metrics/discount_rate_invalid', rate: discount.rate });
    }
    if (!Number.isSafeInteger(discount.toYear)) {
      return err({ code: 'metrics/year_not_integer', field: 'discountToYear', year: discount.toYear });
    }
  }
  const cpiId = options.series?.cpi ?? 'rok-cpi';
  const fxId = options.series?.krwPerUsd ?? 'krw-per-usd';
  const budgetId = options.series?.defenseBudget ?? 'rok-defense-budget';
  const { currency } = schedule;

  let previous: { year: Year; amount: number } | null = schedule.base;
  const rows = schedule.rows.map((row): YearMetrics => {
    const { year, amount } = row;
    const change: Metric<YearChange> =
      previous === null
        ? gap({ code: 'metrics/no_previous_year', year })
        : available({
            fromYear: previous.year,
            fromAmount: previous.amount,
            amount: amount - previous.amount,
            rate: previous.amount === 0 ? null : (amount - previous.amount) / previous.amount,
          });
    previous = { year, amount };

    const fx = fxFor(indices, fxId, year, fxFallback);
    const convertedValue = fx.ok
      ? Math.round(currency === 'KRW' ? amount / fx.value.fx.value : amount * fx.value.fx.value)
      : NaN;
    const converted: Metric<{ value: number; conversion: Conversion | null }> = fx.ok
      ? available({
          value: convertedValue,
          conversion: {
            value: convertedValue,
            currency: currency === 'KRW' ? 'USD' : 'KRW',
            fx: fx.value.fx,
            fallback: fx.value.fallback,
          },
        })
      : gap(fx.error);
    const own = available({ value: amount, conversion: null });
    const krw = currency === 'KRW' ? own : converted;
    const usd = currency === 'USD' ? own : converted;

    let real: Metric<RealTerms>;
    if (!krw.available) real = gap(krw.gap);
    else {
      const deflator = deflatorFor(indices, cpiId, year, realBaseYear);
      real = deflator.ok
        ? available({
            value: Math.round(krw.value / deflator.value.deflator),
            baseYear: realBaseYear,
            deflator: deflator.value.deflator,
            cpi: deflator.value.cpi,
            projected: deflator.value.cpi.some((c) => !c.observed),
          })
        : gap(deflator.error);
    }

    let defenseBudgetShare: Metric<DefenseBudgetShare>;
    const budget = lookup(indices, budgetId, year);
    if (!krw.available) defenseBudgetShare = gap(krw.gap);
    else if (!budget.ok) defenseBudgetShare = gap(budget.error);
    else
      defenseBudgetShare = available({ value: krw.value / budget.value.value, krw: krw.value, budget: budget.value });

    return {
      year,
      amount,
      currency,
      source: { rule: row.rule, rate: row.rate, index: row.index },
      change,
      krw,
      usd,
      real,
      perSoldier: { value: Math.round(amount / troops), currency, troops },
      defenseBudgetShare,
    };
  });

  const nominal = schedule.rows.reduce((sum, row) => sum + BigInt(row.amount), 0n);
  return ok({
    agreementId: schedule.agreementId,
    currency,
    realBaseYear,
    troops,
    rows,
    totals: {
      nominal: { value: Number(nominal), years: rows.map((r) => r.year) },
      krw: totalOf(rows, (r) => r.krw),
      usd: totalOf(rows, (r) => r.usd),
      real: totalOf(rows, (r) => r.real),
    },
    presentValue:
      discount === undefined
        ? null
        : {
            value: presentValue(
              rows.map((r) => ({ year: r.year, value: r.amount })),
              discount.rate,
              discount.toYear,
            ),
            rate: discount.rate,
            toYear: discount.toYear,
          },
  });
};
