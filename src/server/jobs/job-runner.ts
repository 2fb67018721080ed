import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { createWorkerPool, TaskFailure, type TaskLimits } from '../../sim/worker-pool.js';
import type { AnyJobKind } from './job-kind.js';
import type { Clock } from '../ports.js';
import { ruleExpected } from '../../i18n/problems.js';
import type { CodedError } from '../errors.js';

/** `interrupted`: the process running the job ended (crash, kill) before it finished; its error says why. */
export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface JobSnapshot {
  readonly id: string;
  readonly kind: string;
  /** The account that started it; null when no account did (a loopback server's single user). */
  readonly ownerId: string | null;
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

/**
 * What one server process tells the others about jobs, small enough for a PostgreSQL NOTIFY (ids and counts only):
 * a job's progress, its end (the result is read from the recorder), or a request that its holder cancel it.
 */
export type JobNotice =
  | { readonly type: 'progress'; readonly id: string; readonly done: number; readonly total: number }
  | { readonly type: 'finished'; readonly id: string; readonly status: Exclude<JobStatus, 'running'> }
  | { readonly type: 'cancel'; readonly id: string };

/** Carries job notices between the server processes sharing a store (the store's notify/listen). */
export interface JobBus {
  publish(notice: JobNotice): Promise<void>;
  /** Resolves once listening; the returned function stops listening. */
  subscribe(onNotice: (notice: JobNotice) => void): Promise<() => Promise<void>>;
}

interface JobEntry {
  snapshot: JobSnapshot;
  readonly client: string;
  readonly abort: AbortController;
  readonly events: EventEmitter;
  settled: Promise<void>;
  /** The job's first write to the recorder, after which other processes can find it. */
  started: Promise<void>;
  /** The last write to the recorder, so writes stay in order. */
  recorded: Promise<void>;
  /** The last notice published, so notices stay in order (progress never after finished). */
  published: Promise<void>;
  lastRecordedAt: number;
}

export interface JobRunnerOptions {
  readonly kinds: readonly AnyJobKind[];
  readonly clock: Clock;
  /** Worker threads; 0 means one fewer than the cores, at least one. */
  readonly threads: number;
  readonly maxRunsPerJob: number;
  /** The largest outcome space (product of the issues' sizes) a job may ask to list. */
  readonly maxOutcomesPerJob?: number;
  readonly maxJobsPerClient: number;
  /** Time and memory per chunk, enforced on its worker thread. */
  readonly chunkLimits?: Partial<TaskLimits>;
  /** Finished jobs kept for fetching; the oldest are forgotten first. */
  readonly jobsKept: number;
  /** Persists jobs (through the store); its failures are logged, never fatal to the job. */
  readonly recorder?: JobRecorder;
  /** Told of failures of jobs, of the recorder and of the bus (`job` absent: not about one job). */
  readonly onError?: (error: unknown, job?: JobSnapshot) => void;
  /** Told of every finished job, whatever its outcome (for the log). */
  readonly onFinished?: (job: JobSnapshot) => void;
  /** Shares progress, ends and cancels with other processes; needs the recorder, where results are read. */
  readonly bus?: JobBus;
  /**
   * How long a cancel sent to another process waits for that process to stop the job (default 10 s); it learns the
   * stop from the notice, or from the record re-read every `remoteRereadMs` when no notice comes.
   */
  readonly remoteCancelTimeoutMs?: number;
  /**
   * How often a follower (or a cancel) of a job another process runs re-reads it from the recorder (default 2 s), so it learns the
   * end even when no notice reaches it: a NOTIFY sent while the listening connection was down is lost, a subscribe
   * or a publish can fail. Notices still bring progress and the end at once when they do arrive.
   */
  readonly remoteRereadMs?: number;
  /** Runs jobs on a queue that worker processes drain (job-queue.ts) instead of this process's threads. */
  readonly queue?: JobQueuePort;
}

/** A queue of chunks shared by processes (pg-boss); needs the recorder, where those processes record the jobs. */
export interface JobQueuePort {
  /** Puts a recorded job's chunks on the queue. */
  enqueue(job: JobSnapshot, chunks: readonly unknown[]): Promise<void>;
  /** Ends a running job as cancelled and answers with it; undefined when it was no longer running. */
  cancel(id: string): Promise<JobSnapshot | undefined>;
  /** Running jobs of a client on every process. */
  runningOf(client: string): Promise<number>;
}

const queueUnavailable = { code: 'job/unavailable', message: 'The job queue did not answer; try again shortly.' };

/** Where jobs are recorded so that they outlive this process and can be fetched from another. */
export interface JobRecorder {
  /** `queue`: run by queue workers, which record its end, rather than by this process. */
  started(job: JobSnapshot, client: string, runBy?: 'queue'): Promise<void>;
  /** Called at most about once a second per job. */
  progressed(job: JobSnapshot): Promise<void>;
  finished(job: JobSnapshot): Promise<void>;
  /** A job this process no longer holds (or never did). */
  fetch(id: string): Promise<JobSnapshot | undefined>;
  /**
   * Ends as `interrupted` every recorded running job whose process is gone (after a crash or a kill), and returns
   * them; called once when the runner starts.
   */
  interruptOrphans?(reason: string): Promise<readonly JobSnapshot[]>;
}

/** The outcome-space limit when the options name none: what one worker thread lists and scores in memory. */
export const DEFAULT_MAX_OUTCOMES = 250_000;

export type StartResult = { ok: true; value: JobSnapshot } | { ok: false; error: CodedError };

/** What a job's failure says to its client: a limit's own code and message, else a generic failure. */
const failureOf = (error: unknown): { code: string; message: string } =>
  error instanceof TaskFailure && error.code !== 'job/chunk_failed'
    ? { code: error.code, message: error.message }
    : { code: 'job/failed', message: 'The job failed in its worker; the server log has the details.' };

/**
 * Runs jobs in worker threads (src/sim/worker-pool.ts) so the API thread never blocks; tracks progress, cancels, limits per client.
 * @example const runner = createJobRunner({ kinds: [rubinsteinSplitJob], clock, threads: 2, … });
 *          const started = runner.start('rubinstein-split', input, '127.0.0.1');
 */
export function createJobRunner(options: JobRunnerOptions) {
  const kinds = new Map(options.kinds.map((kind) => [kind.name, kind]));
  const queue = options.recorder === undefined ? undefined : options.queue;
  const pool = createWorkerPool({
    threads: options.threads,
    ...(options.chunkLimits ? { limits: options.chunkLimits } : {}),
  });
  const threads = pool.size;
  const maxOutcomes = options.maxOutcomesPerJob ?? DEFAULT_MAX_OUTCOMES;
  const jobs = new Map<string, JobEntry>();
  let closing = false;
  const bus = options.recorder === undefined ? undefined : options.bus;
  // Followers of jobs that another process runs, by job id.
  const remoteFollowers = new Map<string, Set<(notice: JobNotice) => void>>();
  const onNotice = (notice: JobNotice): void => {
    const entry = jobs.get(notice.id);
    if (notice.type === 'cancel') {
      if (entry?.snapshot.status === 'running') entry.abort.abort();
      return;
    }
    // A job held here is followed through its own events; its notices are for the other processes.
    if (entry !== undefined) return;
    for (const follower of remoteFollowers.get(notice.id) ?? []) follower(notice);
  };
  const listening: Promise<(() => Promise<void>) | undefined> =
    bus === undefined
      ? Promise.resolve(undefined)
      : bus.subscribe(onNotice).catch((error: unknown) => {
          options.onError?.(error);
          return undefined;
        });
  // Jobs a crashed or killed process left running end as interrupted, and their followers hear it.
  const orphansSwept: Promise<void> = (async () => {
    const swept = await options.recorder
      ?.interruptOrphans?.('The server process running this job ended before the job finished; start it again.')
      .catch((error: unknown) => {
        options.onError?.(error);
        return [];
      });
    await listening;
    for (const job of swept ?? []) {
      await bus
        ?.publish({ type: 'finished', id: job.id, status: 'interrupted' })
        .catch((error: unknown) => options.onError?.(error, job));
    }
  })();
  const followRemote = (id: string, follower: (notice: JobNotice) => void): (() => void) => {
    let set = remoteFollowers.get(id);
    if (set === undefined) remoteFollowers.set(id, (set = new Set()));
    set.add(follower);
    return () => {
      set.delete(follower);
      if (set.size === 0) remoteFollowers.delete(id);
    };
  };
  const publish = (entry: JobEntry, notice: JobNotice): void => {
    if (bus === undefined) return;
    entry.published = entry.published.then(() =>
      bus.publish(notice).catch((error: unknown) => options.onError?.(error, entry.snapshot)),
    );
  };

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
    // A cancel is cooperative: it stops the lanes between chunks, and a chunk under way runs to its end.
    const lane = async () => {
      while (next < chunks.length && !entry.abort.signal.aborted) {
        const index = next++;
        partials[index] = await pool.run(kind.worker, chunks[index]);
        done++;
        update(entry, { progress: { done, total: chunks.length } }, 'progress');
        publish(entry, { type: 'progress', id: entry.snapshot.id, done, total: chunks.length });
        const at = options.clock.now().getTime();
        if (at - entry.lastRecordedAt >= 1000) {
          entry.lastRecordedAt = at;
          const snapshot = entry.snapshot;
          entry.recorded = entry.recorded.then(() => record((recorder) => recorder.progressed(snapshot), entry));
        }
      }
    };
    try {
      // A failed chunk stops the job's other lanes after their current chunk.
      await Promise.all(
        Array.from({ length: Math.min(threads, chunks.length) }, () =>
          lane().catch((error: unknown) => {
            entry.abort.abort();
            throw error;
          }),
        ),
      );
      if (entry.abort.signal.aborted) {
        update(entry, { status: 'cancelled', finishedAt: now() }, 'finished');
      } else {
        const result = kind.output.parse(kind.combine(input, partials));
        update(entry, { status: 'succeeded', result, finishedAt: now() }, 'finished');
      }
    } catch (error) {
      if (closing) {
        const reason = 'The server shut down before the job finished; start it again.';
        update(
          entry,
          { status: 'interrupted', finishedAt: now(), error: { code: 'job/interrupted', message: reason } },
          'finished',
        );
      } else {
        options.onError?.(error, entry.snapshot);
        update(entry, { status: 'failed', finishedAt: now(), error: failureOf(error) }, 'finished');
      }
    }
    options.onFinished?.(entry.snapshot);
    await entry.recorded;
    await record((recorder) => recorder.finished(entry.snapshot), entry);
    // Announced once recorded, so a process that hears it reads the result from the store.
    const { status } = entry.snapshot;
    if (status !== 'running') publish(entry, { type: 'finished', id: entry.snapshot.id, status });
    await entry.published;
    forgetOldFinished();
  }

  // Read after the sweep, so a job a killed process left is never seen as running.
  const fetchRecorded = async (id: string): Promise<JobSnapshot | undefined> => {
    await orphansSwept;
    return options.recorder?.fetch(id).catch(() => undefined);
  };

  async function watchRemote(id: string, onEvent: (event: JobEvent) => void): Promise<(() => void) | undefined> {
    await listening;
    let ended = false;
    let last: JobSnapshot | undefined;
    // Notices are handled in order, after the first read: a finished job is read again from the store for its result.
    let queue: Promise<void> = Promise.resolve();
    const handle = async (notice: JobNotice | { readonly type: 'reread' }): Promise<void> => {
      if (ended || last === undefined) return;
      if (notice.type === 'reread') {
        // The store's state, when no notice said it: a lost finished notice would otherwise leave this follower waiting.
        const stored = await fetchRecorded(id);
        if (ended || stored === undefined) return;
        if (stored.status !== 'running') {
          ended = true;
          stop();
          onEvent({ type: 'finished', job: stored });
        } else if (stored.progress.done > last.progress.done) {
          last = { ...last, progress: stored.progress };
          onEvent({ type: 'progress', job: last });
        }
      } else if (notice.type === 'progress') {
        if (notice.done <= last.progress.done) return;
        last = { ...last, progress: { done: notice.done, total: notice.total } };
        onEvent({ type: 'progress', job: last });
      } else if (notice.type === 'finished') {
        ended = true;
        stop();
        const stored = await fetchRecorded(id);
        onEvent({ type: 'finished', job: stored ?? { ...last, status: notice.status } });
      }
    };
    // Listening starts before the first read, so a notice sent in between is queued, not lost.
    const unfollow = followRemote(id, (notice) => {
      queue = queue.then(() => handle(notice));
    });
    // Re-read in the same queue, one at a time (the next is timed from the end of the last), while following.
    const rereadMs = options.remoteRereadMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    const rereadLater = (): void => {
      timer = setTimeout(() => {
        queue = queue
          .then(() => handle({ type: 'reread' }))
          .finally(() => {
            if (!ended) rereadLater();
          });
      }, rereadMs).unref();
    };
    const stop = (): void => {
      clearTimeout(timer);
      unfollow();
    };
    const first = fetchRecorded(id);
    queue = queue.then(async () => {
      last = await first;
    });
    await queue;
    if (last === undefined) {
      stop();
      return undefined;
    }
    if (last.status !== 'running') {
      ended = true;
      stop();
      onEvent({ type: 'finished', job: last });
    } else {
      onEvent({ type: 'progress', job: last });
      rereadLater();
    }
    return () => {
      ended = true;
      stop();
    };
  }

  async function cancelRemote(id: string, notRunning: (job: JobSnapshot) => StartResult): Promise<StartResult> {
    if (bus === undefined) {
      const stored = await fetchRecorded(id);
      if (stored === undefined) return { ok: false, error: { code: 'job/not_found', id } };
      if (stored.status !== 'running') return notRunning(stored);
      return { ok: false, error: { code: 'job/unavailable', message: `Job ${id} runs in another process.`, id } };
    }
    const listener = await listening;
    let heard!: () => void;
    const finished = new Promise<void>((resolve) => (heard = resolve));
    // Listen for the end before asking, so a quick stop is not missed.
    const stop = followRemote(id, (notice) => {
      if (notice.type === 'finished') heard();
    });
    const timeoutMs = options.remoteCancelTimeoutMs ?? 10_000;
    const rereadMs = options.remoteRereadMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    let waiting = true;
    try {
      const stored = await fetchRecorded(id);
      if (stored === undefined) return { ok: false, error: { code: 'job/not_found', id } };
      if (stored.status !== 'running') return notRunning(stored);
      await bus.publish({ type: 'cancel', id });
      // The record is read every rereadMs as well (watchRemote's fallback): the end is learnt without its notice, which
      // never comes when this process's LISTEN failed at start and may be lost while its connection is down.
      const reread = new Promise<boolean>((resolve) => {
        const tick = async (): Promise<void> => {
          const now = await fetchRecorded(id);
          if (!waiting) return;
          if (now !== undefined && now.status !== 'running') resolve(true);
          else poll = setTimeout(() => void tick(), rereadMs).unref();
        };
        poll = setTimeout(() => void tick(), rereadMs).unref();
      });
      const answered = await Promise.race([
        finished.then(() => true),
        reread,
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      waiting = false;
      const after = await fetchRecorded(id);
      if (!answered || after === undefined) {
        // Without a listener this process hears no notice at all: say so, it is this process's fault, not the other's.
        const deaf =
          listener === undefined
            ? ' This process is not listening for other processes’ notices (listening failed when it started), so it read the job’s record instead.'
            : '';
        return {
          ok: false,
          error: {
            code: 'job/unavailable',
            message: `No server process stopped job ${id} within ${timeoutMs} ms; the process running it may be gone.${deaf}`,
            id,
          },
        };
      }
      // It may have finished on its own just before the cancel arrived.
      return after.status === 'cancelled' ? { ok: true, value: after } : notRunning(after);
    } finally {
      waiting = false;
      clearTimeout(timer);
      clearTimeout(poll);
      stop();
    }
  }

  return {
    kinds: () => [...kinds.values()],

    /**
     * Starts a job of a kind with an input already validated by the kind's schema. `client` counts concurrent jobs
     * (an account, else an address); `ownerId` is the account that may cancel it.
     */
    async start(kindName: string, input: unknown, client: string, ownerId: string | null = null): Promise<StartResult> {
      const kind = kinds.get(kindName);
      if (kind === undefined) return { ok: false, error: { code: 'job/unknown_kind', kind: kindName } };
      if (closing) return { ok: false, error: { code: 'job/unavailable', message: 'The server is shutting down.' } };
      const problem = kind.check?.(input) ?? null;
      if (problem !== null) return { ok: false, error: problem };
      const outcomes = kind.outcomes?.(input) ?? 0;
      if (outcomes > maxOutcomes) {
        return {
          ok: false,
          error: {
            code: 'job/too_many_outcomes',
            message: `A job may list at most ${maxOutcomes} outcomes (the product of its issues' sizes); this one has ${outcomes} outcomes.`,
            limit: maxOutcomes,
            outcomes,
            issues: [
              {
                path: 'body',
                ...ruleExpected('outcomes_at_most', { maximum: maxOutcomes }),
                found: `${outcomes} outcomes`,
                message: 'coarser steps, narrower ranges or fewer domains',
                value: outcomes,
              },
            ],
          },
        };
      }
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
      const running =
        queue === undefined
          ? [...jobs.values()].filter((e) => e.client === client && e.snapshot.status === 'running').length
          : await queue.runningOf(client).catch(() => Infinity);
      if (running === Infinity) return { ok: false, error: queueUnavailable };
      if (running >= options.maxJobsPerClient) {
        return {
          ok: false,
          error: {
            code: 'job/too_many_jobs',
            message: `At most ${options.maxJobsPerClient} jobs may run at once per account (per address without one); wait for one to finish or cancel one.`,
            limit: options.maxJobsPerClient,
          },
        };
      }
      const id = randomUUID();
      if (queue !== undefined && options.recorder !== undefined) {
        const chunks = kind.chunks(input);
        const job: JobSnapshot = {
          id,
          kind: kind.name,
          ownerId,
          status: 'running',
          progress: { done: 0, total: chunks.length },
          createdAt: now(),
          finishedAt: null,
          input,
          result: null,
          error: null,
        };
        try {
          await options.recorder.started(job, client, 'queue');
          await queue.enqueue(job, chunks);
        } catch (error) {
          options.onError?.(error, job);
          return { ok: false, error: queueUnavailable };
        }
        return { ok: true, value: job };
      }
      const abort = new AbortController();
      const events = new EventEmitter();
      events.setMaxListeners(0);
      const entry: JobEntry = {
        snapshot: {
          id,
          kind: kind.name,
          ownerId,
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
        started: Promise.resolve(),
        recorded: Promise.resolve(),
        published: Promise.resolve(),
        lastRecordedAt: options.clock.now().getTime(),
      };
      jobs.set(id, entry);
      entry.started = record((recorder) => recorder.started(entry.snapshot, client), entry);
      entry.recorded = entry.started;
      entry.settled = execute(entry, kind, input);
      return { ok: true, value: entry.snapshot };
    },

    /** Resolves once a job started here can be found by other processes (its first record is written). */
    recorded: async (id: string): Promise<void> => {
      await jobs.get(id)?.started;
    },

    /** Resolves once this runner hears other processes' notices (at once without a bus). */
    ready: async (): Promise<void> => {
      await listening;
      await orphansSwept;
    },

    /** A job held here, else from the recorder. */
    async get(id: string): Promise<JobSnapshot | undefined> {
      return jobs.get(id)?.snapshot ?? (await fetchRecorded(id));
    },

    list: (): JobSnapshot[] => [...jobs.values()].map((entry) => entry.snapshot),

    /**
     * Cancels a running job; resolves once it has stopped. A job another process runs is asked to stop through the
     * bus, and the answer is its recorded state once that process reports it finished.
     */
    async cancel(id: string): Promise<StartResult> {
      const notRunning = (job: JobSnapshot): StartResult => ({
        ok: false,
        error: { code: 'job/not_running', message: `Job ${id} has already ${job.status}.`, id },
      });
      const entry = jobs.get(id);
      if (entry === undefined && queue !== undefined) {
        const stored = await fetchRecorded(id);
        if (stored === undefined) return { ok: false, error: { code: 'job/not_found', id } };
        if (stored.status !== 'running') return notRunning(stored);
        const cancelled = await queue.cancel(id).catch(() => undefined);
        if (cancelled !== undefined) return { ok: true, value: cancelled };
        const after = await fetchRecorded(id);
        return after === undefined ? { ok: false, error: queueUnavailable } : notRunning(after);
      }
      if (entry === undefined) return cancelRemote(id, notRunning);
      if (entry.snapshot.status !== 'running') return notRunning(entry.snapshot);
      entry.abort.abort();
      await entry.settled;
      return { ok: true, value: entry.snapshot };
    },

    /**
     * Follows a job, held here or by another process: `onEvent` gets a `progress` event with the job at once (or
     * only `finished` if it has ended), then each change, then one `finished`. Undefined when no such job exists.
     * Returns the function that stops following.
     */
    async watch(id: string, onEvent: (event: JobEvent) => void): Promise<(() => void) | undefined> {
      const entry = jobs.get(id);
      if (entry !== undefined) {
        // The first event and the subscription happen in one tick, so no event falls between them.
        if (entry.snapshot.status !== 'running') {
          onEvent({ type: 'finished', job: entry.snapshot });
          return () => undefined;
        }
        onEvent({ type: 'progress', job: entry.snapshot });
        const listener = (event: JobEvent) => onEvent(event);
        entry.events.on('event', listener);
        return () => entry.events.off('event', listener);
      }
      return watchRemote(id, onEvent);
    },
    /** Resolves when the job has finished, whatever its outcome. */
    settled: (id: string): Promise<void> => jobs.get(id)?.settled ?? Promise.resolve(),

    async close(): Promise<void> {
      closing = true;
      await orphansSwept;
      await (await listening)?.().catch((error: unknown) => options.onError?.(error));
      for (const entry of jobs.values()) if (entry.snapshot.status === 'running') entry.abort.abort();
      // Closing the pool ends chunks under way, so the jobs settle as cancelled without waiting for them.
      await pool.close();
      await Promise.all([...jobs.values()].map((entry) => entry.settled));
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
