/** The record's series facts as the engine's IndexSet. Free of zod, so the CLI's fast path can use it. */
import type { IndexPoint, IndexSeries, IndexSet, Year } from '../engine/agreement/types.js';
import type { IndexSeriesFact, Source } from './record-schema.js';

const originOf = (sources: readonly Source[]): string => sources.map((s) => `${s.title} <${s.url}>`).join('; ');

/** Every series value with a number, observed, with its sources as origin. */
export const indexSetOf = (series: readonly IndexSeriesFact[]): IndexSet =>
  new Map(
    series.map((s): [string, IndexSeries] => {
      const points = new Map<Year, IndexPoint>();
      for (const p of s.points)
        if (p.value !== null) points.set(p.year, { value: p.value, observed: true, origin: originOf(p.sources) });
      return [s.id, { id: s.id, kind: s.kind, points }];
    }),
  );
