/**
 * A validated copy of the record written at build time, so the CLI starts without parsing the record with zod.
 * The snapshot carries a hash of the data files it came from; when the files change, it is ignored and the
 * record is validated in full, so a stale snapshot can never be read.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Result } from '../engine/result.js';
import type { IoError, SmaRecord } from './load-record.js';
import { indexSetOf } from './record-indices.js';

const FILES = ['agreements.json', 'index-series.json', 'events.json', 'context.json', 'proposals.json'] as const;

const dirUrl = (dir: string) => `file://${dir.endsWith('/') ? dir : `${dir}/`}`;

/** sha256 over the five record files, or null when one cannot be read. */
export function recordHash(dir: string): string | null {
  const hash = createHash('sha256');
  try {
    for (const name of FILES) hash.update(readFileSync(new URL(name, dirUrl(dir)))).update('\0');
  } catch {
    return null;
  }
  return hash.digest('hex');
}

type Snapshot = { readonly hash: string; readonly record: Omit<SmaRecord, 'indices'> };

export function writeRecordSnapshot(record: SmaRecord, dir: string, file: string): void {
  const hash = recordHash(dir);
  if (hash === null) throw new Error(`cannot read the record in ${dir}`);
  const { indices: _derived, ...rest } = record;
  writeFileSync(file, JSON.stringify({ hash, record: rest } satisfies Snapshot));
}

/** The snapshot's record if it matches the files in `dir`, else null. */
export function readRecordSnapshot(dir: string, file: string): SmaRecord | null {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch {
    return null;
  }
  if (snapshot.hash !== recordHash(dir)) return null;
  return { ...snapshot.record, indices: indexSetOf(snapshot.record.indexSeries) };
}

/** The record from a current snapshot, or validated in full from the files (loading the schemas only then). */
export async function loadRecordFast(dir: string, snapshotFile: string): Promise<Result<SmaRecord, IoError[]>> {
  const fromSnapshot = readRecordSnapshot(dir, snapshotFile);
  if (fromSnapshot) return { ok: true, value: fromSnapshot };
  const { loadRecord } = await import('./load-record.js');
  return loadRecord(dir);
}
