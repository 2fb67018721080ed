import {
  computeMetrics,
  type ScheduleMetrics,
  projectIndex,
  observedExtremes,
  projectionBand,
  type ObservedExtremes,
  type ProjectionBand,
  computeSchedule,
  defaultGrowth,
  defaultProjectionStatements,
  type ProjectionStatement,
  type Agreement,
  type IndexSet,
  type SeriesId,
} from '../../../src/index.js';
import type { AgreementFileInput } from '../../../src/io/agreement-file-schema.js';
import { withProjections } from './years.js';
import type { RecordCore } from './record-core.js';

/**
 * The user's assumptions for years the record lacks: constant growth rates (decimals), or null for the engine's default
 * projection (default-projection.ts), the one every surface uses.
 */
export interface Assumptions {
  readonly cpi: number | null;
  readonly defenseGrowth: number | null;
  readonly realBase: number;
}

/** The default CPI and defense-budget growth (decimals) the pages' assumption fields start from. */
export function defaultAssumptions(record: RecordCore): { readonly cpi: number; readonly defenseGrowth: number } {
  const cpi = defaultGrowth(record.indices, 'rok-cpi');
  const defense = defaultGrowth(record.indices, 'rok-defense-budget-growth');
  return { cpi: cpi.ok ? cpi.value : 0, defenseGrowth: defense.ok ? defense.value : 0 };
}

/**
 * A page's assumption from its field (percent): null, the default, when the field holds the default's value (so the
 * figures and their note are the default's); the decimal otherwise.
 */
export function assumptionOf(percent: number, defaultDecimal: number): number | null {
  return Math.abs(percent / 100 - defaultDecimal) < 1e-12 ? null : percent / 100;
}

/** The projections in force under the assumptions, stated once for the note beside the projected numbers. */
export function assumptionStatements(record: RecordCore, a: Assumptions): readonly ProjectionStatement[] {
  return defaultProjectionStatements(record.indices).map((s) => {
    const own = s.series === 'rok-cpi' ? a.cpi : s.series === 'rok-defense-budget-growth' ? a.defenseGrowth : null;
    return own === null ? s : { ...s, rule: 'constant' as const, value: own };
  });
}

export type ComputeOutcome =
  | { readonly ok: true; readonly metrics: ScheduleMetrics }
  | { readonly ok: false; readonly code: string; readonly detail: string };

const lastObserved = (indices: IndexSet, id: SeriesId): number => {
  const s = indices.get(id);
  return s ? Math.max(...[...s.points].filter(([, p]) => p.observed).map(([y]) => y)) : 0;
};

/** The record's indices with the user's constant CPI and defense-growth paths after the last observed year, then the defaults. */
export function indicesWith(record: RecordCore, a: Assumptions, to: number): IndexSet {
  let indices = record.indices;
  for (const [id, value] of [
    ['rok-cpi', a.cpi],
    ['rok-defense-budget-growth', a.defenseGrowth],
  ] as const) {
    const from = lastObserved(indices, id) + 1;
    if (value === null || from > to) continue;
    const r = projectIndex(indices, id, { from, to }, { kind: 'constant', value });
    if (r.ok) indices = r.value;
  }
  return withProjections(indices, to);
}

/** The engine's schedule and metrics for an agreement under the assumptions; errors keep the engine's code. */
export function computeAgreement(record: RecordCore, agreement: Agreement, a: Assumptions): ComputeOutcome {
  const last = agreement.rules[agreement.rules.length - 1]?.year ?? 2030;
  const indices = indicesWith(record, a, Math.max(last, 2030));
  const schedule = computeSchedule(agreement, indices);
  if (!schedule.ok) return { ok: false, code: schedule.error.code, detail: JSON.stringify(schedule.error) };
  const metrics = computeMetrics(schedule.value, indices, {
    realBaseYear: a.realBase,
    troops: record.context.usfk_troop_level.value,
  });
  if (!metrics.ok) return { ok: false, code: metrics.error.code, detail: JSON.stringify(metrics.error) };
  return { ok: true, metrics: metrics.value };
}

/** Low and high CPI growth (decimals) for the band around projected years, and what they rest on. */
export interface CpiBandBasis {
  readonly low: number;
  readonly high: number;
  /** The record's lowest and highest observed CPI when the band comes from the record; null when the user set it. */
  readonly observed: ObservedExtremes | null;
}

/** The band from the record: the lowest and highest annual CPI growth of the last `years` observed years. */
export function observedCpiBasis(record: RecordCore, years: number): CpiBandBasis | null {
  const cpi = record.indices.get('rok-cpi');
  const r = cpi ? observedExtremes(cpi, years) : null;
  return r?.ok ? { low: r.value.low.value, high: r.value.high.value, observed: r.value } : null;
}

export type BandOutcome =
  | {
      readonly ok: true;
      readonly band: ProjectionBand;
      /** Metrics of the low and high schedules, each with its own CPI path (real terms deflate by it). */
      readonly low: ScheduleMetrics;
      readonly high: ScheduleMetrics;
    }
  | { readonly ok: false; readonly code: string; readonly detail: string };

/**
 * The agreement under the basis' low and high CPI, held constant over every projected year, beside the central
 * assumption (the same path as computeAgreement's): the engine's projectionBand, rules' rounding, cap and floor exact.
 */
export function computeBand(
  record: RecordCore,
  agreement: Agreement,
  a: Assumptions,
  basis: CpiBandBasis,
): BandOutcome {
  const last = agreement.rules[agreement.rules.length - 1]?.year ?? 2030;
  const indices = indicesWith(record, a, Math.max(last, 2030));
  const band = projectionBand(agreement, indices, {
    series: 'rok-cpi',
    low: { kind: 'constant', value: basis.low },
    central: { kind: 'constant', value: a.cpi ?? defaultAssumptions(record).cpi },
    high: { kind: 'constant', value: basis.high },
  });
  if (!band.ok) return { ok: false, code: band.error.code, detail: JSON.stringify(band.error) };
  const options = { realBaseYear: a.realBase, troops: record.context.usfk_troop_level.value };
  const low = computeMetrics(band.value.low.schedule, band.value.low.indices, options);
  if (!low.ok) return { ok: false, code: low.error.code, detail: JSON.stringify(low.error) };
  const high = computeMetrics(band.value.high.schedule, band.value.high.indices, options);
  if (!high.ok) return { ok: false, code: high.error.code, detail: JSON.stringify(high.error) };
  return { ok: true, band: band.value, low: low.value, high: high.value };
}

/** An engine agreement written as an agreement file (the format the server's documents API validates). */
export function toAgreementFile(a: Agreement): AgreementFileInput {
  return {
    id: a.id,
    name: a.name,
    currency: a.currency,
    unit: a.unit,
    ...(a.base ? { base: { year: a.base.year, amount: a.base.amount } } : {}),
    rules: a.rules.map(({ year, rule }) => {
      switch (rule.kind) {
        case 'amount':
          return { year, amount: rule.amount };
        case 'change':
          return { year, change: rule.rate };
        case 'freeze':
          return { year, freeze: true as const };
        case 'index':
          return {
            year,
            index: rule.series,
            lag: rule.lag,
            cap: rule.cap,
            floor: rule.floor,
            precision: rule.precision,
          };
      }
    }),
  };
}

/** The last year an agreement built in the web app may run to (the Calculator's year fields stop there). */
export const LAST_AGREEMENT_YEAR = 2060;

/**
 * The real-won base years a page offers: from the first price level the record's CPI reaches (the year before its
 * first growth) to the last year an agreement may run. A year the CPI does not reach shows a gap, never a guess.
 */
export function realBaseYears(record: RecordCore): { readonly min: number; readonly max: number } {
  const years = [...(record.indices.get('rok-cpi')?.points.keys() ?? [])];
  return { min: years.length > 0 ? Math.min(...years) - 1 : LAST_AGREEMENT_YEAR, max: LAST_AGREEMENT_YEAR };
}
