import {
  computeMetrics,
  deflatorFor,
  type YearMetrics,
  withDefaultProjections,
  computeSchedule,
  type IndexSet,
  type Year,
} from '../../../src/index.js';
import type { PublishedAmount } from '../../../src/io/load-record.js';
import type { YearlyAmountFact } from '../../../src/io/record-schema.js';
import type { WebRecord } from './record.js';

/**
 * Extends every series the rules and the metrics read from its last observed year to `to` by the engine's one default
 * projection (default-projection.ts: the same for the CLI, the API and every page), marking those points projected.
 */
export function withProjections(indices: IndexSet, to: Year): IndexSet {
  const r = withDefaultProjections(indices, to);
  return r.ok ? r.value.indices : indices;
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
  /**
   * The won figure shown (published, else the engine's) in real-base-year prices; or why there is none: `no-won` when
   * the year was set in dollars and the record has no KRW/USD rate for it, `no-cpi` when a CPI year is missing.
   */
  readonly real:
    | { readonly value: number; readonly baseYear: Year; readonly projected: boolean }
    | { readonly missing: 'no-won' | 'no-cpi' };
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
      const won = published?.krw ?? (m?.krw.available ? m.krw.value : null);
      const deflator = won === null ? null : deflatorFor(indices, 'rok-cpi', year, realBase);
      const real: RecordYearRow['real'] =
        won === null
          ? { missing: 'no-won' }
          : deflator?.ok
            ? {
                value: Math.round(won / deflator.value.deflator),
                baseYear: realBase,
                projected: deflator.value.cpi.some((c) => !c.observed),
              }
            : { missing: 'no-cpi' };
      rows.push({
        real,
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
