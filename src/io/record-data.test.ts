import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_DIR } from './load-record.js';
import { RECORD_FILES, UNSOURCED_STATUSES, type FactStatus } from './record-schema.js';

const files = Object.keys(RECORD_FILES).map((name) => ({
  name,
  json: JSON.parse(readFileSync(`${DEFAULT_RECORD_DIR}${name}`, 'utf8')) as unknown,
}));

/** Every fact in the record: an object with a `status`, or with `sources` and no status of its own or above. */
const problemsOf = (value: unknown, path: string, insideFact: boolean, out: string[]): string[] => {
  if (Array.isArray(value)) value.forEach((v, i) => problemsOf(v, `${path}[${i}]`, insideFact, out));
  else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('url' in obj && 'title' in obj) return out;
    const status = obj['status'] as FactStatus | undefined;
    const sources = obj['sources'] as unknown[] | undefined;
    if (status !== undefined && !UNSOURCED_STATUSES.has(status) && (sources === undefined || sources.length === 0))
      out.push(`${path}: status ${status} without sources`);
    if (sources !== undefined && status === undefined && !insideFact) out.push(`${path}: sources without a status`);
    for (const key of ['note', 'text', 'source_note'])
      if (key in obj) out.push(`${path}.${key}: prose copied from the source dataset`);
    for (const [k, v] of Object.entries(obj))
      problemsOf(v, `${path}.${k}`, insideFact || status !== undefined || k === 'alternatives', out);
  }
  return out;
};

describe('data/record', () => {
  it('gives every fact a status and a non-empty source list unless it is unverified or not yet known', () => {
    expect(files.flatMap((f) => problemsOf(f.json, f.name, false, []))).toEqual([]);
  });

  it('finds a fact whose sources were removed (the check above can fail)', () => {
    const broken = { amounts: [{ year: 2026, krw: 1, status: 'verified-official', sources: [] }, { sources: [] }] };
    expect(problemsOf(broken, 'x', false, [])).toEqual([
      'x.amounts[0]: status verified-official without sources',
      'x.amounts[1]: sources without a status',
    ]);
  });
});
