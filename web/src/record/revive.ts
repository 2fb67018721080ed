import type { IndexPoint, IndexSeries, IndexSet } from '../../../src/index.js';

/** Index series as web/record-plugin.ts writes them: the points map as an entry array. */
export type SerialIndices = readonly (readonly [
  string,
  Omit<IndexSeries, 'points'> & { readonly points: readonly (readonly [number, IndexPoint])[] },
])[];

/** The engine's IndexSet from the plugin's entry arrays. */
export const reviveIndices = (serial: SerialIndices): IndexSet =>
  new Map(serial.map(([id, s]): [string, IndexSeries] => [id, { ...s, points: new Map(s.points) }]));
