import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { loadRecord } from '../src/io/load-record.js';

const fullId = 'virtual:sma-record';
const coreId = 'virtual:sma-record-core';

/**
 * Validates data/record at build time with src/io's loadRecord and hands the web app the parsed record as JSON
 * (index maps as entry arrays), so the browser ships neither the schemas nor zod. A record that fails validation
 * fails the build with the record's own messages. `virtual:sma-record` is the whole record (the Record page);
 * `virtual:sma-record-core` is what the Calculator and Compare compute with (web/src/record/record-core.ts): 6 KB
 * gzip instead of 37.
 */
/** Level series computeMetrics reads by default: defense budget (share) and the exchange rate (USD). */
const metricLevels = new Set(['rok-defense-budget', 'krw-per-usd']);

// The series facts repeat `indices` (values with their sources as origins), and no page reads them.
const withoutSeriesFacts = <T extends { indexSeries: unknown }>({
  indexSeries: _,
  ...rest
}: T): Omit<T, 'indexSeries'> => rest;

export function smaRecordPlugin(): Plugin {
  const dir = fileURLToPath(new URL('../data/record/', import.meta.url));
  return {
    name: 'sma-record',
    resolveId: (id) => (id === fullId || id === coreId ? `\0${id}` : null),
    load(id) {
      if (id !== `\0${fullId}` && id !== `\0${coreId}`) return null;
      for (const file of ['agreements', 'context', 'events', 'index-series', 'proposals'])
        this.addWatchFile(`${dir}${file}.json`);
      const record = loadRecord(dir);
      if (!record.ok) this.error(record.error.map((e) => e.message).join('\n'));
      const { indices, ...rest } = record.value;
      const indexEntries = [...indices].map(([k, s]) => [k, { ...s, points: [...s.points] }] as const);
      const serial =
        id === `\0${fullId}`
          ? { ...withoutSeriesFacts(rest), indices: indexEntries }
          : {
              agreements: rest.agreements.map((a) => ({
                id: a.id,
                ordinal: a.ordinal,
                name: a.name,
                nameKo: a.nameKo,
                firstYear: a.firstYear,
                lastYear: a.lastYear,
                agreement: a.agreement,
                publishedAmounts: a.publishedAmounts.filter((p) => p.year === a.lastYear),
              })),
              proposals: rest.proposals.map((p) => ({ agreement: p.agreement, nameKo: p.nameKo })),
              context: { usfk_troop_level: rest.context.usfk_troop_level },
              // Growth series (what index rules read) and the levels the metrics read; not the defense shares.
              indices: indexEntries.filter(([k, series]) => series.kind === 'growth' || metricLevels.has(k)),
            };
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(serial))});`;
    },
  };
}
