import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { loadRecord } from '../src/io/load-record.js';

const virtualId = 'virtual:sma-record';
const resolvedId = `\0${virtualId}`;

/**
 * Validates data/record at build time with src/io's loadRecord and hands the web app the parsed record as JSON
 * (index maps as entry arrays), so the browser ships neither the schemas nor zod. A record that fails validation
 * fails the build with the record's own messages.
 */
export function smaRecordPlugin(): Plugin {
  const dir = fileURLToPath(new URL('../data/record/', import.meta.url));
  return {
    name: 'sma-record',
    resolveId: (id) => (id === virtualId ? resolvedId : null),
    load(id) {
      if (id !== resolvedId) return null;
      for (const file of ['agreements', 'context', 'events', 'index-series', 'proposals'])
        this.addWatchFile(`${dir}${file}.json`);
      const record = loadRecord(dir);
      if (!record.ok) this.error(record.error.map((e) => e.message).join('\n'));
      const { indices, ...rest } = record.value;
      const serial = {
        ...rest,
        indices: [...indices].map(([k, s]) => [k, { ...s, points: [...s.points] }]),
      };
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(serial))});`;
    },
  };
}
