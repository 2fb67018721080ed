import serialCore from 'virtual:sma-record-core';
import type { SmaRecord } from '../../../src/io/load-record.js';
import { reviveIndices, type SerialIndices } from './revive.js';

type RecordAgreement = SmaRecord['agreements'][number];

/**
 * The part of the record an agreement is computed with: rules, the last published amount of each agreement (a saved
 * proposal may start from it), proposals' rules, the troop level and the index series with their sources. The whole
 * record satisfies it, so the same functions serve the Record page.
 */
export interface RecordCore {
  readonly agreements: readonly Pick<
    RecordAgreement,
    'id' | 'ordinal' | 'name' | 'nameKo' | 'firstYear' | 'lastYear' | 'agreement' | 'publishedAmounts'
  >[];
  readonly proposals: readonly Pick<SmaRecord['proposals'][number], 'agreement' | 'nameKo'>[];
  readonly context: Pick<SmaRecord['context'], 'usfk_troop_level'>;
  readonly indices: SmaRecord['indices'];
}

const serial = serialCore as Omit<RecordCore, 'indices'> & { readonly indices: SerialIndices };

/** The record core, validated at build time like the whole record (web/record-plugin.ts), in its own small chunk. */
export const recordCore: RecordCore = { ...serial, indices: reviveIndices(serial.indices) };
