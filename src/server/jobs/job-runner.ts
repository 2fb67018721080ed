import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { AnyJobKind } from './job-kind.js';
import type { Clock } from '../ports.js';
import type { CodedError } from '../errors.js';

export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobSnapshot {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly progress: { readonly done: number; readonly total: number };
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly input: unknown;
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** Events a job emits to its followers (Server-Sent Events). */
export type JobEvent =
  { readonly type: 'progress'; readonly job: JobSnapshot } | { readonly type: 'finished'; readonly job: JobSnapshot };

interface JobEntry {
  snapshot: JobSnapshot;
  readonly client: string;
  readonly abort: AbortController;
  readonly events: EventEmitter;
  settled: Promise<void>;
  /** The last write to the recorder, so writes stay in order. */
  recorded: Promise<void>;
  lastRecordedAt: number;
}

export interface JobRunnerOptions {
  readonly kinds: readonly AnyJobKind[];
  readonly clock: Clock;
  /** Worker threads; 0 means one fewer than the cores, at least one. */
  readonly threads: number;
  readonly maxRunsPerJob: number;
  readonly maxJobsPerClient: number;
  /** Finished jobs kept for fetching; the oldest are forgotten first. */
  readonly jobsKept: number;
  /** Persists jobs (through the store); its failures are logged, never fatal to the job. */
  readonly recorder?: JobRecorder;
  readonly onError?: (error: unknown, job: JobSnapshot) => void;
  /** Told of every finished job, whatever its outcome (for the log). */
  readonly onFinished?: (job: JobSnapshot) => void;
}

/** Where jobs are recorded so that they outlive this process and can be fetched from another. */
export interface JobRecorder {
  started(job: JobSnapshot, client: string): Promise<void>;
  /** Called at most about once a second per job. */
  progressed(job: JobSnapshot): Promise<void>;
  finished(job: JobSnapshot): Promise<void>;
  /** A job this process no longer holds (or never did). */
  fetch(id: string): Promise<JobSnapshot | undefined>;
}

export type StartResult = { ok: true; value: JobSnapshot } | { ok: false; error: CodedError };

const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

/**
 * Runs jobs in worker threads (piscina) so the API thread never blocks; tracks progress, cancels, limits per client.
 * @example const runner = createJobRunner({ kinds: [rubinsteinSplitJob], clock, threads: 2, … });
 *          const started = runner.start('rubinstein-split', input, '127.0.0.1');
 */
export function createJobRunner(options: JobRunnerOptions) {
  const kinds = new Map(options.kinds.map((kind) => [kind.name, kind]));
  const threads = options.threads > 0 ? options.threads : Math.max(1, availableParallelism() - 1);
  // Source workers (.ts, under tests and tsx) need the tsx loader; compiled ones do not.
  const needsTsx = options.kinds.some((kind) => kind.worker.pathname.endsWith('.ts'));
  const pool = new Piscina({
    maxThreads: threads,
    minThreads: 0,
    idleTimeout: 30_000,
    ...(needsTsx ? { execArgv: ['--import', 'tsx'] } : {}),
  });
  const jobs = new Map<string, JobEntry>();
  let closing = false;

  const now = () => options.clock.now().toISOString();

  const record = async (write: (recorder: JobRecorder) => Promise<void>, entry: JobEntry) => {
    if (options.recorder === undefined) return;
    await write(options.recorder).catch((error: unknown) => options.onError?.(error, entry.snapshot));
  };

  const update = (entry: JobEntry, change: Partial<JobSnapshot>, type: JobEvent['type']) => {
    entry.snapshot = { ...entry.snapshot, ...change };
    entry.events.emit('event', { type, job: entry.snapshot } satisfies JobEvent);
  };

  const forgetOldFinished = () => {
    const finished = [...jobs.values()].filter((entry) => entry.snapshot.status !== 'running');
    for (const entry of finished.slice(0, Math.max(0, finished.length - options.jobsKept))) {
      jobs.delete(entry.snapshot.id);
    }
  };

  async function execute(entry: JobEntry, kind: AnyJobKind, input: unknown): Promise<void> {
    const chunks = kind.chunks(input);
    const partials = new Array<unknown>(chunks.length);
    let next = 0;
    let done = 0;
    // Each job keeps at most `threads` chunks queued, so concurrent jobs share the pool rather than wait in line.
    const lane = async () => {
      while (next < chunks.length && !entry.abort.signal.aborted) {
        const index = next++;
        partials[index] = await pool.run(chunks[index], {
          filename: kind.worker.href,
          signal: entry.abort.signal,
        });
        done++;
        update(entry, { progress: { done, total: chunks.length } }, 'progress');
        const at = options.clock.now().getTime();
        if (at - entry.lastRecordedAt >= 1000) {
          entry.lastRecordedAt = at;
          const snapshot = entry.snapshot;
          entry.recorded = entry.recorded.then(() => record((recorder) => recorder.progressed(snapshot), entry));
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(threads, chunks.length) }, lane));
      if (entry.abort.signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      const result = kind.output.parse(kind.combine(input, partials));
      update(entry, { status: 'succeeded', result, finishedAt: now() }, 'finished');
    } catch (error) {
      if (isAbort(error) || entry.abort.signal.aborted) {
        update(entry, { status: 'cancelled', finishedAt: now() }, 'finished');
      } else {
        options.onError?.(error, entry.snapshot);
        update(
          entry,
          {
            status: 'failed',
            finishedAt: now(),
            error: { code: 'job/failed', message: 'The job failed in its worker; the server log has the details.' },
          },
          'finished',
        );
      }
    }
    options.onFinished?.(entry.snapshot);
    await entry.recorded;
    await record((recorder) => recorder.finished(entry.snapshot), entry);
    forgetOldFinished();
  }

  return {
    kinds: () => [...kinds.values()],

    /** Starts a job of a kind with an input already validated by the kind's schema. */
    start(kindName: string, input: unknown, client: string): StartResult {
      const kind = kinds.get(kindName);
      if (kind === undefined) return { ok: false, error: { code: 'job/unknown_kind', kind: kindName } };
      if (closing) return { ok: false, error: { code: 'job/unavailable', message: 'The server is shutting down.' } };
      const problem = kind.check?.(input) ?? null;
      if (problem !== null) return { ok: false, error: problem };
      const runs = kind.runs(input);
      if (runs > options.maxRunsPerJob) {
        return {
          ok: false,
          error: {
            code: 'job/too_many_runs',
            message: `A job may ask for at most ${options.maxRunsPerJob} runs; this one asks for ${runs}.`,
            limit: options.maxRunsPerJob,
            runs,
          },
        };
      }
      const running = [...jobs.values()].filter((e) => e.client === client && e.snapshot.status === 'running').length;
      if (running >= options.maxJobsPerClient) {
        return {
          ok: false,
          error: {
            code: 'job/too_many_jobs',
            message: `At most ${options.maxJobsPerClient} jobs may run at once per client; wait for one to finish or cancel one.`,
            limit: options.maxJobsPerClient,
          },
        };
      }
      const id = randomUUID();
      const abort = new AbortController();
      const events = new EventEmitter();
      events.setMaxListeners(0);
      const entry: JobEntry = {
        snapshot: {
          id,
          kind: kind.name,
          status: 'running',
          progress: { done: 0, total: kind.chunks(input).length },
          createdAt: now(),
          finishedAt: null,
          input,
          result: null,
          error: null,
        },
        client,
        abort,
        events,
        settled: Promise.resolve(),
        recorded: Promise.resolve(),
        lastRecordedAt: options.clock.now().getTime(),
      };
      jobs.set(id, entry);
      entry.recorded = record((recorder) => recorder.started(entry.snapshot, client), entry);
      entry.settled = execute(entry, kind, input);
      return { ok: true, value: entry.snapshot };
    },

    /** A job held here, else from the recorder. */
    async get(id: string): Promise<JobSnapshot | undefined> {
      return jobs.get(id)?.snapshot ?? (await options.recorder?.fetch(id).catch(() => undefined));
    },

    /** A job held by this process. */
    held: (id: string): JobSnapshot | undefined => jobs.get(id)?.snapshot,

    list: (): JobSnapshot[] => [...jobs.values()].map((entry) => entry.snapshot),

    /** Cancels a running job; resolves once it has stopped. */
    async cancel(id: string): Promise<StartResult> {
      const entry = jobs.get(id);
      if (entry === undefined) return { ok: false, error: { code: 'job/not_found', id } };
      if (entry.snapshot.status !== 'running') {
        return {
          ok: false,
          error: { code: 'job/not_running', message: `Job ${id} has already ${entry.snapshot.status}.`, id },
        };
      }
      entry.abort.abort();
      await entry.settled;
      return { ok: true, value: entry.snapshot };
    },

    /** Follows a job; returns an unsubscribe function. */
    follow(id: string, listener: (event: JobEvent) => void): (() => void) | undefined {
      const entry = jobs.get(id);
      if (entry === undefined) return undefined;
      entry.events.on('event', listener);
      return () => entry.events.off('event', listener);
    },

    /** Resolves when the job has finished, whatever its outcome. */
    settled: (id: string): Promise<void> => jobs.get(id)?.settled ?? Promise.resolve(),

    async close(): Promise<void> {
      closing = true;
      for (const entry of jobs.values()) if (entry.snapshot.status === 'running') entry.abort.abort();
      await Promise.all([...jobs.values()].map((entry) => entry.settled));
      await pool.destroy();
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
