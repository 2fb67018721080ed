import serialRecord from 'virtual:sma-record';
import type { SmaRecord } from '../../../src/io/load-record.js';
import { reviveIndices, type SerialIndices } from './revive.js';

/** The record as the web app has it: all of it but the series facts, whose values and sources are in `indices`. */
export type WebRecord = Omit<SmaRecord, 'indexSeries'>;

/** What web/record-plugin.ts emits: the record with its index maps as entry arrays. */
type SerialRecord = Omit<WebRecord, 'indices'> & { readonly indices: SerialIndices };

const serial = serialRecord as SerialRecord;

/**
 * The project's sourced record (data/record), validated at build time by src/io's loadRecord (web/record-plugin.ts:
 * a record that fails validation fails the build, so the page never meets a broken one) and shipped inside the lazy
 * chunk of the pages that need it, so every page computes from the same facts as the server and the CLI, with the
 * pure engine. A chunk that does not load is the app's page boundary's to word (components/page-boundary.tsx).
 */
export const smaRecord: WebRecord = { ...serial, indices: reviveIndices(serial.indices) };
