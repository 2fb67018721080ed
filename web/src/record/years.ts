import { computeMetrics, type YearMetrics } from '../../../src/engine/agreement/metrics.js';
import { projectIndex } from '../../../src/engine/agreement/projection.js';
import { computeSchedule } from '../../../src/engine/agreement/schedule.js';
import type { IndexSet, SeriesId, Year } from '../../../src/engine/agreement/types.js';
import type { PublishedAmount } from '../../../src/io/load-record.js';
import type { YearlyAmountFact } from '../../../src/io/record-schema.js';
import type { WebRecord } from './record.js';

/** The series the metrics and the rules read; each is extended past its last observed year for projections. */
export const projectedSeries: readonly SeriesId[] = [
  'rok-cpi',
  'rok-defense-budget-growth',
  'krw-per-usd',
  'rok-defense-budget',
];

/**
 * Extends each series from its last observed year to `to` with the mean of its last five observed values,
 * marking those points projected (engine projection, origin says so).
 */
export function withProjections(indices: IndexSet, to: Year): IndexSet {
  let out = indices;
  for (const id of projectedSeries) {
    const series = out.get(id);
    if (!series) continue;
    const last = Math.max(...[...series.points].filter(([, p]) => p.observed).map(([y]) => y));
    if (!(last < to)) continue;
    const r = projectIndex(out, id, { from: last + 1, to }, { kind: 'mean-of-last-observed' });
    if (r.ok) out = r.value;
  }
  return out;
}

/** One year of the record with the engine's metrics, and where each number comes from. */
export interface RecordYearRow {
  readonly year: Year;
  readonly sma: number;
  readonly agreementId: string;
  /** The published figure (with status and sources), absent for years the record leaves to the rule. */
  readonly published: PublishedAmount | null;
  /** The record's full fact for the year: payment mix, amounts deducted or paid, category split. */
  readonly fact: YearlyAmountFact | null;
  /** The engine's row: amount by the rule, conversions, real terms, per soldier, share. */
  readonly metrics: YearMetrics | null;
  /** record: read in a source; rule: computed from the agreement's rule with observed indices; projected: a projected index was used. */
  readonly basis: 'record' | 'rule' | 'projected';
}

export interface RecordYears {
  readonly realBase: Year;
  readonly troops: number;
  readonly rows: readonly RecordYearRow[];
}

/** Every year 1991–2030 of every SMA: the published figure where there is one, the engine's schedule and metrics. */
export function recordYears(record: WebRecord, realBase: Year): RecordYears {
  const troops = record.context.usfk_troop_level.value;
  const indices = withProjections(record.indices, 2030);
  const rows: RecordYearRow[] = [];
  for (const a of record.agreements) {
    const schedule = computeSchedule(a.agreement, indices);
    const metrics = schedule.ok ? computeMetrics(schedule.value, indices, { realBaseYear: realBase, troops }) : null;
    for (let year = a.firstYear; year <= a.lastYear; year++) {
      const published = a.publishedAmounts.find((p) => p.year === year) ?? null;
      const m = metrics?.ok ? (metrics.value.rows.find((r) => r.year === year) ?? null) : null;
      const hasPublished = published !== null && (published.krw !== null || published.usd !== null);
      const projected = m?.source.index ? !m.source.index.observed : false;
      rows.push({
        year,
        sma: a.ordinal,
        agreementId: a.id,
        published,
        fact: a.facts.yearly_amounts.find((f) => f.year === year) ?? null,
        metrics: m,
        basis: hasPublished ? 'record' : projected ? 'projected' : 'rule',
      });
    }
  }
  return { realBase, troops, rows: rows.sort((x, y) => x.year - y.year) };
}
