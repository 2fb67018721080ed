/**
 * An agreement's yearly amounts computed exactly from its rules, with each figure's provenance.
 */
import { err, ok, type Result } from '../result.js';
import { applyRatePpm, ppmToRate, rateToPpm, roundGrowthToPpm, type RateError } from './money.js';
import type { Agreement, Currency, EscalationRule, IndexSet, SeriesId, Year } from './types.js';

export type RateField = 'rate' | 'cap' | 'floor' | 'precision';

export type AgreementError =
  | { readonly code: 'agreement/invalid_id'; readonly id: string }
  | { readonly code: 'agreement/unit_not_positive'; readonly unit: number }
  | { readonly code: 'agreement/no_rules' }
  | { readonly code: 'agreement/year_not_integer'; readonly year: number }
  | { readonly code: 'agreement/duplicate_year'; readonly year: Year }
  | { readonly code: 'agreement/years_not_contiguous'; readonly previousYear: Year; readonly year: Year }
  | { readonly code: 'agreement/negative_amount'; readonly year: Year; readonly amount: number }
  | { readonly code: 'agreement/amount_not_integer'; readonly year: Year; readonly amount: number }
  | { readonly code: 'agreement/base_missing'; readonly firstYear: Year }
  | { readonly code: 'agreement/base_year_mismatch'; readonly baseYear: Year; readonly firstYear: Year }
  | {
      readonly code: 'agreement/rate_invalid';
      readonly year: Year;
      readonly field: RateField;
      readonly value: number;
      readonly cause: RateError;
    }
  | {
      readonly code: 'agreement/rate_below_minus_one';
      readonly year: Year;
      readonly field: RateField;
      readonly value: number;
    }
  | { readonly code: 'agreement/precision_not_positive'; readonly year: Year; readonly precision: number }
  | { readonly code: 'agreement/cap_below_floor'; readonly year: Year; readonly cap: number; readonly floor: number }
  | { readonly code: 'agreement/lag_invalid'; readonly year: Year; readonly lag: number };

export type ScheduleError =
  | AgreementError
  | { readonly code: 'schedule/series_unknown'; readonly series: SeriesId; readonly forYear: Year }
  | { readonly code: 'schedule/series_not_growth'; readonly series: SeriesId; readonly forYear: Year }
  | { readonly code: 'schedule/index_missing'; readonly series: SeriesId; readonly year: Year; readonly forYear: Year }
  | {
      readonly code: 'schedule/index_not_finite';
      readonly series: SeriesId;
      readonly year: Year;
      readonly forYear: Year;
      readonly value: number;
    }
  | { readonly code: 'schedule/amount_overflow'; readonly year: Year }
  /** An index fell by more than 100 % with no floor. */
  | { readonly code: 'schedule/amount_negative'; readonly year: Year; readonly amount: number };

/** How an index rule turned a series value into the rate applied. */
export interface IndexApplication {
  readonly series: SeriesId;
  /** The series year whose growth was used (Y − lag). */
  readonly indexYear: Year;
  readonly rawValue: number;
  /** rawValue rounded half away from zero to the rule's precision. */
  readonly roundedPpm: number;
  readonly roundedValue: number;
  /** Whether the cap or the floor replaced the rounded value. */
  readonly bound: 'cap' | 'floor' | null;
  readonly observed: boolean;
  readonly origin: string;
}

export interface AppliedRate {
  readonly ppm: number;
  readonly decimal: number;
}

export interface ScheduleRow {
  readonly year: Year;
  /** In currency units, a multiple of the agreement's unit. */
  readonly amount: number;
  readonly rule: EscalationRule;
  /** The amount the rule started from (the previous year's), null for a stated amount. */
  readonly previousAmount: number | null;
  /** The rate applied to the previous amount; null for a stated amount. */
  readonly rate: AppliedRate | null;
  /** Present for index rules. */
  readonly index: IndexApplication | null;
}

export interface Schedule {
  readonly agreementId: string;
  readonly currency: Currency;
  readonly unit: number;
  readonly base: { readonly year: Year; readonly amount: number } | null;
  readonly rows: readonly ScheduleRow[];
}

export interface ScheduleOptions {
  /** Compute only the years up to and including this one (e.g. the years whose indices are known). */
  readonly throughYear?: Year;
}

const checkRate = (
  year: Year,
  field: RateField,
  value: number,
  minimum: number | null,
): Result<number, AgreementError> => {
  const ppm = rateToPpm(value);
  if (!ppm.ok) return err({ code: 'agreement/rate_invalid', year, field, value, cause: ppm.error });
  if (minimum !== null && ppm.value < minimum)
    return err({ code: 'agreement/rate_below_minus_one', year, field, value });
  return ok(ppm.value);
};

/** A stated amount (or the base) is taken as given, on the unit or not: the unit rounds the amounts rules compute. */
const checkAmount = (year: Year, amount: number): AgreementError | null => {
  if (!Number.isSafeInteger(amount)) return { code: 'agreement/amount_not_integer', year, amount };
  if (amount < 0) return { code: 'agreement/negative_amount', year, amount };
  return null;
};

const checkRule = (year: Year, rule: EscalationRule): AgreementError | null => {
  switch (rule.kind) {
    case 'amount':
      return checkAmount(year, rule.amount);
    case 'freeze':
      return null;
    case 'change': {
      const rate = checkRate(year, 'rate', rule.rate, -1_000_000);
      return rate.ok ? null : rate.error;
    }
    case 'index': {
      if (!Number.isSafeInteger(rule.lag) || rule.lag < 0)
        return { code: 'agreement/lag_invalid', year, lag: rule.lag };
      const precision = checkRate(year, 'precision', rule.precision, null);
      if (!precision.ok) return precision.error;
      if (precision.value <= 0) return { code: 'agreement/precision_not_positive', year, precision: rule.precision };
      const cap = rule.cap === null ? null : checkRate(year, 'cap', rule.cap, -1_000_000);
      if (cap !== null && !cap.ok) return cap.error;
      const floor = rule.floor === null ? null : checkRate(year, 'floor', rule.floor, -1_000_000);
      if (floor !== null && !floor.ok) return floor.error;
      if (cap !== null && floor !== null && cap.ok && floor.ok && cap.value < floor.value) {
        return { code: 'agreement/cap_below_floor', year, cap: rule.cap ?? 0, floor: rule.floor ?? 0 };
      }
      return null;
    }
  }
};

/**
 * Checks an agreement's structure: id, unit, one rule per contiguous ascending year, a base when the first rule
 * needs one, non-negative whole amounts (stated amounts need not be on the unit), rates with at most 6 decimals.
 * @example validateAgreement(sma12) // { ok: true, value: sma12 }
 */
export const validateAgreement = (agreement: Agreement): Result<Agreement, AgreementError> => {
  const { id, unit, rules, base } = agreement;
  if (!/^[a-z0-9-]+$/.test(id)) return err({ code: 'agreement/invalid_id', id });
  if (!Number.isSafeInteger(unit) || unit <= 0) return err({ code: 'agreement/unit_not_positive', unit });
  const first = rules[0];
  if (first === undefined) return err({ code: 'agreement/no_rules' });
  let previousYear: Year | null = null;
  for (const { year, rule } of rules) {
    if (!Number.isSafeInteger(year)) return err({ code: 'agreement/year_not_integer', year });
    if (previousYear !== null) {
      if (year === previousYear) return err({ code: 'agreement/duplicate_year', year });
      if (year !== previousYear + 1) return err({ code: 'agreement/years_not_contiguous', previousYear, year });
    }
    const ruleError = checkRule(year, rule);
    if (ruleError !== null) return err(ruleError);
    previousYear = year;
  }
  if (base === undefined) {
    if (first.rule.kind !== 'amount') return err({ code: 'agreement/base_missing', firstYear: first.year });
  } else {
    if (base.year !== first.year - 1) {
      return err({ code: 'agreement/base_year_mismatch', baseYear: base.year, firstYear: first.year });
    }
    const amountError = checkAmount(base.year, base.amount);
    if (amountError !== null) return err(amountError);
  }
  return ok(agreement);
};

type IndexRule = Extract<EscalationRule, { kind: 'index' }>;

const ppmOf = (rate: number): number => {
  const ppm = rateToPpm(rate);
  // validateAgreement has checked every rate, so a failure here is a programmer error
  if (!ppm.ok) throw new RangeError(`unvalidated rate ${rate}`);
  return ppm.value;
};

const indexRate = (
  rule: IndexRule,
  forYear: Year,
  indices: IndexSet,
): Result<{ ppm: number; index: IndexApplication }, ScheduleError> => {
  const series = indices.get(rule.series);
  if (series === undefined) return err({ code: 'schedule/series_unknown', series: rule.series, forYear });
  if (series.kind !== 'growth') return err({ code: 'schedule/series_not_growth', series: rule.series, forYear });
  const indexYear = forYear - rule.lag;
  const point = series.points.get(indexYear);
  if (point === undefined)
    return err({ code: 'schedule/index_missing', series: rule.series, year: indexYear, forYear });
  if (!Number.isFinite(point.value)) {
    return err({
      code: 'schedule/index_not_finite',
      series: rule.series,
      year: indexYear,
      forYear,
      value: point.value,
    });
  }
  const roundedPpm = roundGrowthToPpm(point.value, ppmOf(rule.precision));
  const capPpm = rule.cap === null ? null : ppmOf(rule.cap);
  const floorPpm = rule.floor === null ? null : ppmOf(rule.floor);
  let ppm = roundedPpm;
  let bound: IndexApplication['bound'] = null;
  if (capPpm !== null && ppm > capPpm) [ppm, bound] = [capPpm, 'cap'];
  if (floorPpm !== null && ppm < floorPpm) [ppm, bound] = [floorPpm, 'floor'];
  return ok({
    ppm,
    index: {
      series: rule.series,
      indexYear,
      rawValue: point.value,
      roundedPpm,
      roundedValue: ppmToRate(roundedPpm),
      bound,
      observed: point.observed,
      origin: point.origin,
    },
  });
};

const rulePpm = (
  rule: Exclude<EscalationRule, { kind: 'amount' }>,
  year: Year,
  indices: IndexSet,
): Result<{ ppm: number; index: IndexApplication | null }, ScheduleError> => {
  switch (rule.kind) {
    case 'freeze':
      return ok({ ppm: 0, index: null });
    case 'change':
      return ok({ ppm: ppmOf(rule.rate), index: null });
    case 'index':
      return indexRate(rule, year, indices);
  }
};

/**
 * Computes an agreement's yearly amounts from its rules, exactly: rates in ppm, amounts rounded half up to the unit.
 * @example computeSchedule(sma11, indices) // rows 2020 … 2025: 10,389 … 14,028 억원, each with its rule and rate
 */
export const computeSchedule = (
  agreement: Agreement,
  indices: IndexSet,
  options: ScheduleOptions = {},
): Result<Schedule, ScheduleError> => {
  const valid = validateAgreement(agreement);
  if (!valid.ok) return valid;
  const unit = BigInt(agreement.unit);
  const rows: ScheduleRow[] = [];
  let previous: bigint | null = agreement.base === undefined ? null : BigInt(agreement.base.amount);
  for (const { year, rule } of agreement.rules) {
    if (options.throughYear !== undefined && year > options.throughYear) break;
    if (rule.kind === 'amount') {
      rows.push({ year, amount: rule.amount, rule, previousAmount: null, rate: null, index: null });
      previous = BigInt(rule.amount);
      continue;
    }
    // validateAgreement guarantees a base (or a stated amount) before the first non-amount rule
    if (previous === null) throw new Error('unreachable: no previous amount');
    const applied = rulePpm(rule, year, indices);
    if (!applied.ok) return applied;
    const amount = applyRatePpm(previous, applied.value.ppm, unit);
    if (amount > BigInt(Number.MAX_SAFE_INTEGER)) return err({ code: 'schedule/amount_overflow', year });
    if (amount < 0n) return err({ code: 'schedule/amount_negative', year, amount: Number(amount) });
    rows.push({
      year,
      amount: Number(amount),
      rule,
      previousAmount: Number(previous),
      rate: { ppm: applied.value.ppm, decimal: ppmToRate(applied.value.ppm) },
      index: applied.value.index,
    });
    previous = amount;
  }
  return ok({
    agreementId: agreement.id,
    currency: agreement.currency,
    unit: agreement.unit,
    base: agreement.base ?? null,
    rows,
  });
};
