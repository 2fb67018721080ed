/**
 * Uncertainty bands for projected years: an agreement's schedule under a low, a central and a high projection of one
 * index series (for the 12th SMA, ROK CPI), each through the agreement's own rules (rounding, cap, floor) exactly.
 */
import { err, ok, type Result } from '../result.js';
import { projectIndex, type ProjectionError, type ProjectionMethod } from './projection.js';
import { computeSchedule, type Schedule, type ScheduleError } from './schedule.js';
import type { Agreement, IndexPoint, IndexSeries, IndexSet, SeriesId, Year } from './types.js';

/** One observed value of a series, with its year and source. */
export interface ObservedValue {
  readonly year: Year;
  readonly value: number;
  readonly origin: string;
}

/** The lowest and highest of a series' last observed values: the basis of a band drawn from the record. */
export interface ObservedExtremes {
  readonly series: SeriesId;
  /** First and last observed year considered. */
  readonly from: Year;
  readonly to: Year;
  readonly low: ObservedValue;
  readonly high: ObservedValue;
}

/**
 * The lowest and highest of the last `years` observed values of a series (the earliest year wins a tie).
 * @example observedExtremes(rokCpi, 10) // 2016–2025: low 0.004 (2019), high 0.051 (2022)
 */
export const observedExtremes = (series: IndexSeries, years: number): Result<ObservedExtremes, ProjectionError> => {
  const observed = [...series.points]
    .filter(([, p]) => p.observed)
    .sort(([a], [b]) => a - b)
    .slice(-Math.max(years, 0));
  const first = observed[0];
  const last = observed[observed.length - 1];
  if (!Number.isSafeInteger(years) || years < 1 || observed.length < years || !first || !last)
    return err({ code: 'projection/not_enough_observed', series: series.id, needed: years, found: observed.length });
  const pick = (better: (x: number, y: number) => boolean): ObservedValue => {
    let best: readonly [Year, IndexPoint] = first;
    for (const entry of observed) if (better(entry[1].value, best[1].value)) best = entry;
    return { year: best[0], value: best[1].value, origin: best[1].origin };
  };
  return ok({
    series: series.id,
    from: first[0],
    to: last[0],
    low: pick((x, y) => x < y),
    high: pick((x, y) => x > y),
  });
};

export interface ProjectionBandOptions {
  readonly series: SeriesId;
  readonly low: ProjectionMethod;
  readonly central: ProjectionMethod;
  readonly high: ProjectionMethod;
}

/** A schedule under one projection, with the index set it was computed from (for metrics in that scenario). */
export interface BandScenario {
  readonly schedule: Schedule;
  readonly indices: IndexSet;
}

export interface BandYear {
  readonly year: Year;
  readonly central: number;
  /** null before the first year whose amount rests on a projected value of the series (all three are equal there). */
  readonly low: number | null;
  readonly high: number | null;
  /** Whether the rule's cap or floor replaced the index growth in the low and high paths that year. */
  readonly lowBound: 'cap' | 'floor' | null;
  readonly highBound: 'cap' | 'floor' | null;
}

export interface ProjectionBand {
  readonly series: SeriesId;
  readonly low: BandScenario;
  readonly central: BandScenario;
  readonly high: BandScenario;
  readonly years: readonly BandYear[];
  /** The first year whose amount rests on a projected value of the series, or null when none does. */
  readonly firstProjectedYear: Year | null;
}

export type ProjectionBandError = ScheduleError | ProjectionError;

/** The series with its projected points dropped, so each scenario's path replaces them all. */
const observedOnly = (indices: IndexSet, id: SeriesId): Result<IndexSet, ProjectionError> => {
  const series = indices.get(id);
  if (!series) return err({ code: 'projection/series_unknown', series: id });
  const points = new Map([...series.points].filter(([, p]) => p.observed));
  return ok(new Map([...indices, [id, { ...series, points }]]));
};

/**
 * Low, central and high schedules of an agreement, the series' projected years filled by each method in turn
 * (observed values kept, earlier projections of the series replaced); the other series are used as given.
 * Amounts are exact to the agreement's unit, with each rule's rounding, cap and floor applied.
 * @example projectionBand(sma12, indices, { series: 'rok-cpi', low: { kind: 'constant', value: 0.004 },
 *   central: { kind: 'constant', value: 0.02 }, high: { kind: 'constant', value: 0.051 } })
 *   // 2030: low 1.5698, central 1.6460, high 1.7956 tn won (high capped at 5 % each year)
 */
export const projectionBand = (
  agreement: Agreement,
  indices: IndexSet,
  options: ProjectionBandOptions,
): Result<ProjectionBand, ProjectionBandError> => {
  const base = observedOnly(indices, options.series);
  if (!base.ok) return base;
  const observedYears = [...(base.value.get(options.series)?.points.keys() ?? [])];
  const from = observedYears.length > 0 ? Math.max(...observedYears) + 1 : (agreement.rules[0]?.year ?? 0);
  const to = Math.max(agreement.rules[agreement.rules.length - 1]?.year ?? from, from);
  const scenario = (method: ProjectionMethod): Result<BandScenario, ProjectionBandError> => {
    const projected = projectIndex(base.value, options.series, { from, to }, method);
    if (!projected.ok) return projected;
    const schedule = computeSchedule(agreement, projected.value);
    return schedule.ok ? ok({ schedule: schedule.value, indices: projected.value }) : schedule;
  };
  const low = scenario(options.low);
  if (!low.ok) return low;
  const central = scenario(options.central);
  if (!central.ok) return central;
  const high = scenario(options.high);
  if (!high.ok) return high;

  let firstProjectedYear: Year | null = null;
  const years = central.value.schedule.rows.map((row, k): BandYear => {
    const index = row.index;
    if (firstProjectedYear === null && index?.series === options.series && !index.observed)
      firstProjectedYear = row.year;
    const inBand = firstProjectedYear !== null;
    return {
      year: row.year,
      central: row.amount,
      low: inBand ? (low.value.schedule.rows[k]?.amount ?? null) : null,
      high: inBand ? (high.value.schedule.rows[k]?.amount ?? null) : null,
      lowBound: inBand ? (low.value.schedule.rows[k]?.index?.bound ?? null) : null,
      highBound: inBand ? (high.value.schedule.rows[k]?.index?.bound ?? null) : null,
    };
  });
  return ok({
    series: options.series,
    low: low.value,
    central: central.value,
    high: high.value,
    years,
    firstProjectedYear,
  });
};
