import { computeMetrics, type ScheduleMetrics } from '../../../src/engine/agreement/metrics.js';
import { projectIndex } from '../../../src/engine/agreement/projection.js';
import { computeSchedule } from '../../../src/engine/agreement/schedule.js';
import type { Agreement, IndexSet, SeriesId } from '../../../src/engine/agreement/types.js';
import type { AgreementFileInput } from '../../../src/io/agreement-file-schema.js';
import type { SmaRecord } from '../../../src/io/load-record.js';
import { withProjections } from './years.js';

/** The user's assumptions for years the record lacks: constant growth rates (decimals). */
export interface Assumptions {
  readonly cpi: number;
  readonly defenseGrowth: number;
  readonly realBase: number;
}

export type ComputeOutcome =
  | { readonly ok: true; readonly metrics: ScheduleMetrics }
  | { readonly ok: false; readonly code: string; readonly detail: string };

const lastObserved = (indices: IndexSet, id: SeriesId): number => {
  const s = indices.get(id);
  return s ? Math.max(...[...s.points].filter(([, p]) => p.observed).map(([y]) => y)) : 0;
};

/** The record's indices with the user's constant CPI and defense-growth paths after the last observed year, then the rest projected. */
export function indicesWith(record: SmaRecord, a: Assumptions, to: number): IndexSet {
  let indices = record.indices;
  for (const [id, value] of [
    ['rok-cpi', a.cpi],
    ['rok-defense-budget-growth', a.defenseGrowth],
  ] as const) {
    const from = lastObserved(indices, id) + 1;
    if (from > to) continue;
    const r = projectIndex(indices, id, { from, to }, { kind: 'constant', value });
    if (r.ok) indices = r.value;
  }
  return withProjections(indices, to);
}

/** The engine's schedule and metrics for an agreement under the assumptions; errors keep the engine's code. */
export function computeAgreement(record: SmaRecord, agreement: Agreement, a: Assumptions): ComputeOutcome {
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
