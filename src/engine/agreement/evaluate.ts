/**
 * One call from an agreement to its schedule and metrics, as the CLI, the server and the web app show them:
 * the user's projections applied, future index years the rules need filled by a stated default projection,
 * and every projected value listed so a reader can tell observed from projected. The defaults are the ones of
 * default-projection.ts, the same for every surface.
 */
import { err, ok, type Result } from '../result.js';
import { computeMetrics, type MetricsError, type ScheduleMetrics } from './metrics.js';
import { DEFAULT_PROJECTIONS, withDefaultProjections } from './default-projection.js';
import { projectIndex, withUserValues, type ProjectionError, type ProjectionMethod } from './projection.js';
import { computeSchedule, type Schedule, type ScheduleError } from './schedule.js';
import type { Agreement, IndexSet, SeriesId, Year } from './types.js';

export interface ProjectionRequest {
  readonly series: SeriesId;
  readonly method: ProjectionMethod;
}

export interface EvaluateOptions {
  /** Projections by series; a `values` method with past years overrides the record for those years (origin 'user').
   * Series not projected here take their default (default-projection.ts). */
  readonly projections?: readonly ProjectionRequest[];
  readonly realBaseYear?: Year;
  readonly troops: number;
  readonly discount?: { readonly rate: number; readonly toYear: Year };
}

export interface Evaluation {
  readonly schedule: Schedule;
  readonly metrics: ScheduleMetrics;
  /** The index set the figures were computed with (record + user values + projections). */
  readonly indices: IndexSet;
  /** Each projection applied: which series, which years, how. */
  readonly projections: readonly {
    readonly series: SeriesId;
    readonly years: readonly Year[];
    readonly origin: string;
  }[];
}

export type EvaluateError = ScheduleError | MetricsError | ProjectionError;

const lastObservedYear = (indices: IndexSet, id: SeriesId): Year | null => {
  const series = indices.get(id);
  if (!series) return null;
  let last: Year | null = null;
  for (const [year, point] of series.points) if (point.observed && (last === null || year > last)) last = year;
  return last;
};

/** The series years each index rule reads, by series. */
const neededIndexYears = (agreement: Agreement): Map<SeriesId, Year[]> => {
  const needed = new Map<SeriesId, Year[]>();
  for (const { year, rule } of agreement.rules)
    if (rule.kind === 'index') needed.set(rule.series, [...(needed.get(rule.series) ?? []), year - rule.lag]);
  return needed;
};

/**
 * Schedule and metrics of an agreement, projecting what the future needs and saying so.
 * @example evaluateAgreement(sma12, record.indices, { troops: 28_500 })
 *   // 2027 from observed 2025 CPI; 2028–2030 from projected CPI (the default: mean of 2021–2025), listed in `projections`
 */
export const evaluateAgreement = (
  agreement: Agreement,
  indices: IndexSet,
  options: EvaluateOptions,
): Result<Evaluation, EvaluateError> => {
  let set = indices;
  const applied: { series: SeriesId; years: Year[]; origin: string }[] = [];
  const lastRuleYear = agreement.rules[agreement.rules.length - 1]?.year ?? 0;
  const firstRuleYear = agreement.rules[0]?.year ?? 0;
  const requested = new Set<SeriesId>();

  const project = (series: SeriesId, method: ProjectionMethod, to: Year): Result<null, EvaluateError> => {
    const last = lastObservedYear(set, series);
    if (method.kind === 'values') {
      const current = set.get(series);
      if (!current) return err({ code: 'projection/series_unknown', series });
      const replaced = withUserValues(current, method.values);
      if (!replaced.ok) return replaced;
      set = new Map(set).set(series, replaced.value);
      applied.push({ series, years: [...method.values.keys()].sort((a, b) => a - b), origin: 'user' });
      return ok(null);
    }
    const from = (last ?? firstRuleYear) + 1;
    if (from > to) return ok(null);
    const before = set.get(series);
    const next = projectIndex(set, series, { from, to }, method);
    if (!next.ok) return next;
    set = next.value;
    const years: Year[] = [];
    let origin = '';
    for (const [year, point] of set.get(series)?.points ?? [])
      if (!point.observed && !before?.points.has(year)) {
        years.push(year);
        origin = point.origin;
      }
    const same = applied.find((a) => a.series === series && a.origin === origin);
    if (same) same.years.push(...years);
    else if (years.length > 0) applied.push({ series, years, origin });
    applied.forEach((a) => a.years.sort((x, y) => x - y));
    return ok(null);
  };

  for (const request of options.projections ?? []) {
    // A user's values for some years leave the other future years to the default projection.
    if (request.method.kind !== 'values') requested.add(request.series);
    const r = project(request.series, request.method, lastRuleYear);
    if (!r.ok) return r;
  }
  // Every series the rules or the metrics read, extended by its one default (default-projection.ts) to the last
  // year the rules need or show; a gap in the past stays a missing-index error.
  const needed = neededIndexYears(agreement);
  const to = Math.max(lastRuleYear, ...[...needed.values()].flat());
  const series = [...new Set([...DEFAULT_PROJECTIONS.map((d) => d.series), ...needed.keys()])];
  const defaults = withDefaultProjections(set, to, { series, skip: requested });
  if (!defaults.ok) return defaults;
  set = defaults.value.indices;
  applied.push(...defaults.value.applied.map((a) => ({ ...a, years: [...a.years] })));

  const schedule = computeSchedule(agreement, set);
  if (!schedule.ok) return schedule;
  const realBaseYear = options.realBaseYear ?? lastObservedYear(indices, 'rok-cpi') ?? firstRuleYear;
  const metrics = computeMetrics(schedule.value, set, {
    realBaseYear,
    troops: options.troops,
    ...(options.discount ? { discount: options.discount } : {}),
  });
  if (!metrics.ok) return metrics;
  return ok({ schedule: schedule.value, metrics: metrics.value, indices: set, projections: applied });
};
