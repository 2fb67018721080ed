/**
 * The one default projection of each index series, used by every surface (Record, Calculator, Compare, CLI, API)
 * for the years the record lacks, and stated beside every projected number:
 * - growth series (ROK CPI, defense-budget growth): the mean of the last 5 observed years;
 * - the KRW/USD rate: the last observed annual rate carried forward (a mean of past years would invent a jump);
 * - the defense budget (a level): the last observed budget grown by the projected defense-budget growth.
 */
import { err, ok, type Result } from '../result.js';
import { DEFAULT_MEAN_YEARS, projectIndex, type ProjectionError, type ProjectionMethod } from './projection.js';
import type { IndexPoint, IndexSet, SeriesId, Year } from './types.js';

/** How a series is extended: a projection method, or a level grown by another (growth) series. */
export type DefaultMethod = ProjectionMethod | { readonly kind: 'grown-by'; readonly growth: SeriesId };

export interface DefaultProjection {
  readonly series: SeriesId;
  readonly method: DefaultMethod;
}

const MEAN: ProjectionMethod = { kind: 'mean-of-last-observed', years: DEFAULT_MEAN_YEARS };

/** The defaults, in the order they are applied (a level after the growth it is grown by). */
export const DEFAULT_PROJECTIONS: readonly DefaultProjection[] = [
  { series: 'rok-cpi', method: MEAN },
  { series: 'rok-defense-budget-growth', method: MEAN },
  { series: 'krw-per-usd', method: { kind: 'last-observed' } },
  { series: 'rok-defense-budget', method: { kind: 'grown-by', growth: 'rok-defense-budget-growth' } },
];

/** The default of a series outside the list (a user file's own): growth series take the mean, levels the last value. */
export const defaultMethodFor = (indices: IndexSet, series: SeriesId): DefaultMethod =>
  DEFAULT_PROJECTIONS.find((d) => d.series === series)?.method ??
  (indices.get(series)?.kind === 'level' ? { kind: 'last-observed' } : MEAN);

/** One projection applied to a series: the years it filled and how (the origin every projected point carries). */
export interface AppliedProjection {
  readonly series: SeriesId;
  readonly years: readonly Year[];
  readonly origin: string;
}

/** What a default rests on, for the note shown beside projected numbers. */
export interface ProjectionStatement {
  readonly series: SeriesId;
  /** 'constant': the user's own value replaced the default. */
  readonly rule: 'mean-of-last-observed' | 'last-observed' | 'grown-by' | 'constant';
  /** The value every projected year takes (growth as a decimal, or a level); null for a grown level. */
  readonly value: number | null;
  /** The observed years it rests on. */
  readonly from: Year;
  readonly to: Year;
  /** For 'grown-by': the growth series. */
  readonly growth: SeriesId | null;
}

const observedYears = (indices: IndexSet, series: SeriesId): Year[] =>
  [...(indices.get(series)?.points ?? [])]
    .filter(([, p]) => p.observed && Number.isFinite(p.value))
    .map(([y]) => y)
    .sort((a, b) => a - b);

/**
 * The defaults over an index set, stated: the value each projects and the observed years behind it.
 * @example defaultProjectionStatements(record.indices)
 *   // rok-cpi mean 0.0312 of 2021–2025; krw-per-usd last observed 1,422.16 (2025); rok-defense-budget grown by …
 */
export const defaultProjectionStatements = (indices: IndexSet): readonly ProjectionStatement[] =>
  DEFAULT_PROJECTIONS.flatMap(({ series, method }): ProjectionStatement[] => {
    const years = observedYears(indices, series);
    const last = years[years.length - 1];
    if (last === undefined) return [];
    const valueOf = (y: Year): number => indices.get(series)?.points.get(y)?.value ?? NaN;
    switch (method.kind) {
      case 'mean-of-last-observed': {
        const used = years.slice(-(method.years ?? DEFAULT_MEAN_YEARS));
        const mean = used.reduce((sum, y) => sum + valueOf(y), 0) / used.length;
        const first = used[0] ?? last;
        // the same 1e-9 rounding as projectSeries, so the stated value is the one used
        return [
          { series, rule: method.kind, value: Math.round(mean * 1e9) / 1e9, from: first, to: last, growth: null },
        ];
      }
      case 'last-observed':
        return [{ series, rule: method.kind, value: valueOf(last), from: last, to: last, growth: null }];
      case 'grown-by':
        return [{ series, rule: method.kind, value: null, from: last, to: last, growth: method.growth }];
      default:
        return [];
    }
  });

const growLevel = (
  indices: IndexSet,
  series: SeriesId,
  growth: SeriesId,
  to: Year,
): { indices: IndexSet; years: Year[]; origin: string } => {
  const level = indices.get(series);
  const rates = indices.get(growth);
  const last = observedYears(indices, series).slice(-1)[0];
  if (!level || !rates || last === undefined) return { indices, years: [], origin: '' };
  const origin = `projection: ${last} observed, grown by projected ${growth}`;
  const points = new Map<Year, IndexPoint>(level.points);
  const years: Year[] = [];
  let value = level.points.get(last)?.value ?? NaN;
  for (let year = last + 1; year <= to; year += 1) {
    const g = rates.points.get(year)?.value;
    if (g === undefined) break;
    value = Math.round(value * (1 + g));
    if (points.has(year)) continue;
    points.set(year, { value, observed: false, origin });
    years.push(year);
  }
  return { indices: new Map(indices).set(series, { ...level, points }), years, origin };
};

/**
 * Extends `series` (default: every series with a default) to `to` by its default method, from the year after its last
 * observed value; years that already have a value are kept. Series in `skip` (the user projected them) are left alone.
 * @example withDefaultProjections(record.indices, 2030)
 *   // rok-cpi 2026–2030 = 0.0312 (mean of 2021–2025); krw-per-usd 2026–2030 = 1,422.16 (2025 carried forward)
 */
export const withDefaultProjections = (
  indices: IndexSet,
  to: Year,
  options: { readonly series?: readonly SeriesId[]; readonly skip?: ReadonlySet<SeriesId> } = {},
): Result<{ readonly indices: IndexSet; readonly applied: readonly AppliedProjection[] }, ProjectionError> => {
  const listed = DEFAULT_PROJECTIONS.map((d) => d.series);
  const wanted = options.series ?? listed;
  // listed defaults first, in their order (a level after its growth), then a file's own series
  const order = [...listed.filter((s) => wanted.includes(s)), ...wanted.filter((s) => !listed.includes(s))];
  let set = indices;
  const applied: AppliedProjection[] = [];
  for (const series of order) {
    if (options.skip?.has(series) || !set.has(series)) continue;
    const last = observedYears(set, series).slice(-1)[0];
    if (last === undefined || last >= to) continue;
    const method = defaultMethodFor(set, series);
    if (method.kind === 'grown-by') {
      const grown = growLevel(set, series, method.growth, to);
      set = grown.indices;
      if (grown.years.length > 0) applied.push({ series, years: grown.years, origin: grown.origin });
      continue;
    }
    const before = set.get(series)?.points;
    const next = projectIndex(set, series, { from: last + 1, to }, method);
    if (!next.ok) return next;
    set = next.value;
    const added = [...(set.get(series)?.points ?? [])].filter(([y]) => !before?.has(y));
    const origin = added[0]?.[1].origin;
    if (origin !== undefined) applied.push({ series, years: added.map(([y]) => y).sort((a, b) => a - b), origin });
  }
  return ok({ indices: set, applied });
};

/** The value a default projects for a growth series (for a page's assumption field), or an error when it cannot. */
export const defaultGrowth = (indices: IndexSet, series: SeriesId): Result<number, ProjectionError> => {
  const statement = defaultProjectionStatements(indices).find((s) => s.series === series);
  return statement?.value == null
    ? err({ code: 'projection/not_enough_observed', series, needed: DEFAULT_MEAN_YEARS, found: 0 })
    : ok(statement.value);
};
