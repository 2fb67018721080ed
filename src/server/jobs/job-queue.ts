/**
 * Jobs on PostgreSQL through pg-boss: the server puts a job's chunks on one queue; any number of processes (`sma
 * worker`, and the server itself unless told not to) take chunks, run them on their worker pool, and store each
 * chunk's result; the process that stores the last one combines them and records the job's end. Retries, expiry of
 * a chunk whose worker went silent, and dead letters come from pg-boss. Progress and ends travel as the store's job
 * notices, so the job's event stream follows it from whichever process runs it.
 */
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Store } from '../../store/index.js';
import { createWorkerPool, TaskFailure, type TaskLimits, type WorkerPool } from '../../sim/worker-pool.js';
import { storeJobBus, storeJobRecorder } from '../adapters.js';
import type { AnyJobKind } from './job-kind.js';
import type { JobSnapshot } from './job-runner.js';

/** The queue of chunks and where the ones that fail every retry end up. */
export const chunkQueue = 'sma-job-chunks';
export const deadChunkQueue = 'sma-job-chunks-dead';

/** One chunk on the queue: enough to run it and to find its job. */
interface ChunkMessage {
  readonly job: string;
  readonly kind: string;
  readonly index: number;
  readonly total: number;
  readonly chunk: unknown;
}

export interface JobQueueOptions {
  readonly databaseUrl: string;
  /** The PostgreSQL store of the same database: job records and notices. */
  readonly store: Store;
  readonly kinds: readonly AnyJobKind[];
  /** A chunk taken by a worker that stops answering (killed, cut off) goes back on the queue after this. */
  readonly expireSeconds?: number;
  /** Attempts of a chunk after its first, before it goes to the dead letters and its job fails. */
  readonly retryLimit?: number;
  /** How often expired chunks are looked for (pg-boss maintenance). */
  readonly maintenanceSeconds?: number;
  readonly onError?: (error: unknown) => void;
}

/** What `work` runs chunks with. */
export interface QueueWorkOptions {
  readonly threads: number;
  readonly limits?: Partial<TaskLimits>;
  /** Told as each chunk this process takes starts: `sma worker` prints it, so an operator (or a test) sees who runs what. */
  readonly onChunk?: (chunk: { readonly id: string; readonly job: string; readonly attempt: number }) => void;
}

/** The store's records of chunk results: small JSON per chunk, deleted once the job is combined. */
const chunkTable = 'sma_job_chunks';
export const CHUNK_TABLE_DDL = `create table if not exists ${chunkTable} (job_id text not null, chunk integer not null, partial json not null, primary key (job_id, chunk))`;
// Advisory lock keys of this module: the schema set-up, and one per job (with the job id's hash) for its chunk results.
const SETUP_LOCK = 1397571917;
const CHUNK_LOCK = 1397571918;

/**
 * Stores one chunk's result (a chunk run twice, its first worker killed after storing it, keeps the first) and returns
 * how many of the job's chunks are stored. Serialised per job by a transaction-scoped advisory lock: under READ
 * COMMITTED, two workers storing the last two chunks at once each counted without the other's uncommitted row, both
 * saw one short, neither combined the job, and it stayed running for ever (jobs-multi-process.test.ts hung on it in
 * loaded suites). With the lock the later one counts after the earlier one commits, so exactly one sees them all.
 */
export async function storeChunkResult(db: pg.Pool, job: string, index: number, partial: unknown): Promise<number> {
  const client = await db.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1, hashtext($2))', [CHUNK_LOCK, job]);
    await client.query(
      `insert into ${chunkTable} (job_id, chunk, partial) values ($1, $2, $3) on conflict do nothing`,
      [job, index, JSON.stringify(partial)],
    );
    const { rows } = await client.query<{ done: number }>(
      `select count(*)::int as done from ${chunkTable} where job_id = $1`,
      [job],
    );
    await client.query('commit');
    return rows[0]?.done ?? 0;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Connects to the queue (creating its tables and queues on first use).
 * @example const queue = await openJobQueue({ databaseUrl, store, kinds }); await queue.work({ threads: 2 });
 */
export async function openJobQueue(options: JobQueueOptions) {
  const kinds = new Map(options.kinds.map((kind) => [kind.name, kind]));
  const recorder = storeJobRecorder(options.store);
  const bus = storeJobBus(options.store);
  const expireInSeconds = options.expireSeconds ?? 300;
  const retryLimit = options.retryLimit ?? 3;
  const onError = options.onError ?? (() => undefined);
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  db.on('error', onError);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 4,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
  });
  boss.on('error', onError);
  await boss.start();
  // Serialised across processes starting at once: CREATE … IF NOT EXISTS can still collide in the catalog.
  const client = await db.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    await client.query(CHUNK_TABLE_DDL);
    if ((await boss.getQueue(deadChunkQueue)) === null) await boss.createQueue(deadChunkQueue);
    if ((await boss.getQueue(chunkQueue)) === null) {
      await boss.createQueue(chunkQueue, { name: chunkQueue, retryLimit, expireInSeconds, deadLetter: deadChunkQueue });
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  /**
   * Renews a running chunk's lease until the returned function is called. pg-boss 10 has no heartbeat: a chunk expires
   * when `started_on + expire_in` has passed, however alive its worker, so a chunk longer than the expiry (a whole
   * calibration fit is one chunk) was taken again by another worker while the first still ran it, and again after that.
   * Moving `started_on` (the column pg-boss's expiry reads) every third of the expiry leaves expiry to dead processes.
   */
  const holdLease = (id: string): (() => void) => {
    const timer = setInterval(
      () => {
        db.query(`update pgboss.job set started_on = now() where name = $1 and id = $2 and state = 'active'`, [
          chunkQueue,
          id,
        ]).catch(onError);
      },
      (expireInSeconds * 1000) / 3,
    );
    timer.unref();
    return () => clearInterval(timer);
  };

  let pool: WorkerPool | undefined;
  // When this process last stored each job's progress.
  const progressWritten = new Map<string, number>();

  /** Records a job's end unless it has already ended (cancelled, or finished by another worker), then announces it. */
  const end = async (job: JobSnapshot, change: Pick<JobSnapshot, 'status' | 'result' | 'error'>): Promise<void> => {
    if (change.status === 'running') return;
    try {
      await recorder.finished({ ...job, ...change, progress: { done: job.progress.total, total: job.progress.total } });
    } catch {
      // Another process ended it first: the store keeps the first end.
      return;
    }
    await bus.publish({ type: 'finished', id: job.id, status: change.status });
    await db.query(`delete from ${chunkTable} where job_id = $1`, [job.id]);
  };

  async function runChunk(message: ChunkMessage, lastAttempt: boolean): Promise<void> {
    const job = await recorder.fetch(message.job);
    // Cancelled or ended meanwhile: the chunk is dropped (cancelling is cooperative, between chunks).
    if (job === undefined || job.status !== 'running' || pool === undefined) return;
    const kind = kinds.get(message.kind);
    if (kind === undefined) {
      await end(job, {
        status: 'failed',
        result: null,
        error: { code: 'job/unknown_kind', message: `No worker here runs jobs of kind ${message.kind}.` },
      });
      return;
    }
    let partial: unknown;
    try {
      partial = await pool.run(kind.worker, message.chunk);
    } catch (error) {
      // A limit is the chunk's own: another attempt would hit it again, so the job ends at once.
      const limit = error instanceof TaskFailure && error.code !== 'job/chunk_failed';
      if (limit || lastAttempt) {
        const failure =
          error instanceof TaskFailure && limit
            ? { code: error.code, message: error.message }
            : {
                code: 'job/failed',
                message: 'A chunk of the job failed on every attempt; the worker logs have the details.',
              };
        await end(job, { status: 'failed', result: null, error: failure });
        if (limit) return;
      }
      throw error;
    }
    const done = await storeChunkResult(db, message.job, message.index, partial);
    if (done < message.total) {
      // Every chunk is announced (live streams); the stored progress, for GET, at most about once a second.
      const now = Date.now();
      if (now - (progressWritten.get(message.job) ?? 0) >= 1000) {
        // Jobs finished by other processes leave entries here: forgotten wholesale, at worst one extra write each.
        if (progressWritten.size > 1000) progressWritten.clear();
        progressWritten.set(message.job, now);
        await options.store.updateRun(message.job, { progress: done / message.total });
      }
      await bus.publish({ type: 'progress', id: message.job, done, total: message.total });
      return;
    }
    progressWritten.delete(message.job);
    const parts = await db.query<{ partial: unknown }>(
      `select partial from ${chunkTable} where job_id = $1 order by chunk`,
      [message.job],
    );
    const result = kind.output.parse(
      kind.combine(
        job.input,
        parts.rows.map((row) => row.partial),
      ),
    ) as unknown;
    await end(job, { status: 'succeeded', result, error: null });
  }

  return {
    /** Puts a recorded job's chunks on the queue, in order. */
    async enqueue(job: JobSnapshot, chunks: readonly unknown[]): Promise<void> {
      await boss.insert(
        chunks.map((chunk, index) => ({
          name: chunkQueue,
          data: { job: job.id, kind: job.kind, index, total: chunks.length, chunk } satisfies ChunkMessage,
          retryLimit,
          expireInSeconds,
          deadLetter: deadChunkQueue,
        })),
      );
    },

    /** Ends a running job as cancelled; chunks of it not yet started are then dropped. Undefined if not running. */
    async cancel(id: string): Promise<JobSnapshot | undefined> {
      const job = await recorder.fetch(id);
      if (job === undefined || job.status !== 'running') return undefined;
      await end(job, { status: 'cancelled', result: null, error: null });
      const after = await recorder.fetch(id);
      return after?.status === 'cancelled' ? after : undefined;
    },

    /** Running jobs of one client, on every process of the database. */
    async runningOf(client: string): Promise<number> {
      return (await options.store.listRuns({ clientId: client, status: 'running' })).length;
    },

    /** Takes chunks from the queue and runs them on this process's worker threads, one per thread at a time. */
    async work(work: QueueWorkOptions): Promise<void> {
      pool = createWorkerPool({ threads: work.threads, ...(work.limits ? { limits: work.limits } : {}) });
      const ids: string[] = [];
      for (let i = 0; i < pool.size; i++) {
        const id = await boss.work<ChunkMessage>(
          chunkQueue,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 0.5 },
          async ([message]) => {
            if (message === undefined) return;
            work.onChunk?.({ id: message.id, job: message.data.job, attempt: message.retryCount + 1 });
            const release = holdLease(message.id);
            try {
              await runChunk(message.data, message.retryCount >= message.retryLimit);
            } finally {
              release();
            }
            // More chunks are likely waiting: fetch again at once rather than after the polling interval.
            const self = ids[i];
            if (self !== undefined) boss.notifyWorker(self);
          },
        );
        ids.push(id);
      }
    },

    async close(): Promise<void> {
      await boss.stop({ graceful: true, timeout: 5_000, close: true, wait: true });
      await pool?.close();
      await db.end();
    },
  };
}

export type JobQueue = Awaited<ReturnType<typeof openJobQueue>>;
