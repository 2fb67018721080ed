/**
 * Extends an index series over future years with a point path, marking every projected point as such.
 */
import { err, ok, type Result } from '../result.js';
import type { IndexPoint, IndexSeries, IndexSet, SeriesId, Year } from './types.js';

export type ProjectionMethod =
  /** The user's own path; years without a value are left to the other points. */
  | { readonly kind: 'values'; readonly values: ReadonlyMap<Year, number> }
  | { readonly kind: 'constant'; readonly value: number }
  /** The mean of the last `years` observed values (default 5). */
  | { readonly kind: 'mean-of-last-observed'; readonly years?: number }
  /** The last observed value carried forward (a level such as an exchange rate: no invented jump). */
  | { readonly kind: 'last-observed' };

export interface ProjectionRange {
  readonly from: Year;
  readonly to: Year;
}

export type ProjectionError =
  | { readonly code: 'projection/range_invalid'; readonly from: Year; readonly to: Year }
  | { readonly code: 'projection/value_not_finite'; readonly year: Year; readonly value: number }
  | {
      readonly code: 'projection/not_enough_observed';
      readonly series: SeriesId;
      readonly needed: number;
      readonly found: number;
    }
  | { readonly code: 'projection/series_unknown'; readonly series: SeriesId };

export const DEFAULT_MEAN_YEARS = 5;

const observedYears = (series: IndexSeries): Year[] => {
  const years: Year[] = [];
  for (const [year, point] of series.points) if (point.observed) years.push(year);
  return years.sort((a, b) => a - b);
};

const pathOf = (
  series: IndexSeries,
  method: ProjectionMethod,
): Result<{ value: (year: Year) => number | undefined; origin: string }, ProjectionError> => {
  switch (method.kind) {
    case 'values': {
      for (const [year, value] of method.values) {
        if (!Number.isFinite(value)) return err({ code: 'projection/value_not_finite', year, value });
      }
      return ok({ value: (year) => method.values.get(year), origin: 'projection: user path' });
    }
    case 'constant':
      if (!Number.isFinite(method.value))
        return err({ code: 'projection/value_not_finite', year: NaN, value: method.value });
      return ok({ value: () => method.value, origin: `projection: constant ${method.value}` });
    case 'mean-of-last-observed': {
      const needed = method.years ?? DEFAULT_MEAN_YEARS;
      const years = observedYears(series).slice(-needed);
      if (needed < 1 || years.length < needed) {
        return err({ code: 'projection/not_enough_observed', series: series.id, needed, found: years.length });
      }
      const values = years.map((year) => series.points.get(year)?.value ?? NaN);
      // rounded to 1e-9 so the mean does not carry float noise into later decimal rounding
      const mean = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1e9) / 1e9;
      const first = years[0] ?? NaN;
      const last = years[years.length - 1] ?? NaN;
      return ok({ value: () => mean, origin: `projection: mean of ${first}–${last} observed` });
    }
    case 'last-observed': {
      const last = observedYears(series).slice(-1)[0];
      const value = last === undefined ? undefined : series.points.get(last)?.value;
      if (last === undefined || value === undefined) {
        return err({ code: 'projection/not_enough_observed', series: series.id, needed: 1, found: 0 });
      }
      return ok({ value: () => value, origin: `projection: ${last} observed, carried forward` });
    }
  }
};

/**
 * Fills the years of `range` that have no value with a projected path (observed: false, origin naming the method).
 * @example projectSeries(rokCpi, { from: 2026, to: 2030 }, { kind: 'mean-of-last-observed' })
 *   // 2026–2030 = mean of 2021–2025 CPI, origin 'projection: mean of 2021–2025 observed'
 */
export const projectSeries = (
  series: IndexSeries,
  range: ProjectionRange,
  method: ProjectionMethod,
): Result<IndexSeries, ProjectionError> => {
  if (!Number.isSafeInteger(range.from) || !Number.isSafeInteger(range.to) || range.from > range.to) {
    return err({ code: 'projection/range_invalid', from: range.from, to: range.to });
  }
  const path = pathOf(series, method);
  if (!path.ok) return path;
  const points = new Map<Year, IndexPoint>(series.points);
  for (let year = range.from; year <= range.to; year += 1) {
    const value = path.value.value(year);
    if (points.has(year) || value === undefined) continue;
    points.set(year, { value, observed: false, origin: path.value.origin });
  }
  return ok({ ...series, points });
};

/**
 * Replaces or adds the user's own values (observed: true, origin 'user'); they override the bundled record.
 * @example withUserValues(rokCpi, new Map([[2025, 0.02]])) // 2025 = 0.02, origin 'user'
 */
export const withUserValues = (
  series: IndexSeries,
  values: ReadonlyMap<Year, number>,
): Result<IndexSeries, ProjectionError> => {
  const points = new Map<Year, IndexPoint>(series.points);
  for (const [year, value] of values) {
    if (!Number.isFinite(value)) return err({ code: 'projection/value_not_finite', year, value });
    points.set(year, { value, observed: true, origin: 'user' });
  }
  return ok({ ...series, points });
};

/** {@link projectSeries} applied to one series of an index set, returning the new set. */
export const projectIndex = (
  indices: IndexSet,
  id: SeriesId,
  range: ProjectionRange,
  method: ProjectionMethod,
): Result<IndexSet, ProjectionError> => {
  const series = indices.get(id);
  if (series === undefined) return err({ code: 'projection/series_unknown', series: id });
  const projected = projectSeries(series, range, method);
  if (!projected.ok) return projected;
  // a copy with one series replaced, in place (same key order as before)
  return ok(new Map(indices).set(id, projected.value));
};
