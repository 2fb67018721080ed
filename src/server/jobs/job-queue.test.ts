// The queue's chunk results on a real PostgreSQL: many workers storing one job's chunks at the same moment, as the
// worker processes of a loaded machine do. Exactly one of them must see every chunk stored, or nobody combines the job.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresLocation, testDatabaseUrl, type TestLocation } from '../../store/test-support.js';
import { CHUNK_TABLE_DDL, storeChunkResult } from './job-queue.js';

describe.skipIf(testDatabaseUrl === undefined)('chunk results of the PostgreSQL job queue', () => {
  let location: TestLocation;
  let db: pg.Pool;
  const lost: Error[] = [];
  let disposing = false;

  beforeAll(async () => {
    location = await postgresLocation(testDatabaseUrl ?? '');
    // As many connections as chunks in flight, so every store of a job races every other.
    db = new pg.Pool({ connectionString: location.options.databaseUrl, max: 40 });
    // A connection lost during the tests is a failure (checked in afterAll). The pool's end does not wait for its
    // clients' goodbyes, so the database's removal at the end (with force) can still reach a closing client: not one.
    const onLost = (error: Error): void => {
      if (!disposing) lost.push(error);
    };
    db.on('connect', (client) => client.on('error', onLost));
    // An idle client's error is the pool's too: pg-pool re-emits it on the pool (with `error.client`), and an emitter
    // without an 'error' listener throws it — the unhandled 57P01 of two fresh-clone CI runs at the forced removal.
    db.on('error', onLost);
    await db.query(CHUNK_TABLE_DDL);
  });

  afterAll(async () => {
    expect(lost).toEqual([]);
    await db?.end();
    disposing = true;
    await location?.dispose();
  });

  it('counts each store of a job once, in turn: the last of 40 simultaneous stores alone sees all 40', async () => {
    const total = 40;
    for (let round = 0; round < 5; round++) {
      const job = `job-${round}`;
      const counts = await Promise.all(
        Array.from({ length: total }, (_, index) => storeChunkResult(db, job, index, { index })),
      );
      // Serialised stores see 1, 2, …, 40 between them; two stores counting past each other's uncommitted row would
      // both see the same number, and none 40.
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    }
  });

  it('keeps the first result of a chunk stored twice, and does not count it again', async () => {
    expect(await storeChunkResult(db, 'twice', 0, { first: true })).toBe(1);
    expect(await storeChunkResult(db, 'twice', 0, { first: false })).toBe(1);
    const { rows } = await db.query<{ partial: unknown }>("select partial from sma_job_chunks where job_id = 'twice'");
    expect(rows).toEqual([{ partial: { first: true } }]);
  });
});
