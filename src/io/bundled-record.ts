/** The bundled record (data/record), validated once per process: for the CLI and for job workers alike. */
import { fileURLToPath } from 'node:url';
import type { Result } from '../engine/result.js';
import type { IoError, SmaRecord } from './load-record.js';
import { loadRecordFast } from './record-snapshot.js';

// Both resolve to the checkout's data/record and dist/record.snapshot.json from src/io, dist/io and dist/bundle.
const RECORD_DIR = fileURLToPath(new URL('../../data/record/', import.meta.url));
const SNAPSHOT = fileURLToPath(new URL('../record.snapshot.json', import.meta.url));

let cached: Promise<Result<SmaRecord, IoError[]>> | undefined;

/** The bundled record (from the build's snapshot when it is current), loaded once. */
export function bundledRecord(): Promise<Result<SmaRecord, IoError[]>> {
  cached ??= loadRecordFast(RECORD_DIR, SNAPSHOT);
  return cached;
}
