/**
 * The one worker pool: worker threads that run tasks, each `(task) => result`, the default export of a module.
 *
 * Written on node:worker_threads rather than piscina because the pool must know what a thread is doing: Node 20
 * aborts the whole process (`v8::Module::IsGraphAsync`) when a thread is terminated while it loads a module, which
 * is what piscina's abort signal did. Here nothing a caller does terminates a thread: cancelling is cooperative
 * (callers stop sending tasks), and a thread is terminated only to end a task over its time limit, i.e. a thread
 * that has loaded its modules and is computing, or at close once it is in such a state.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

/** From the pool to a thread. */
export interface PoolRequest {
  readonly id: number;
  /** URL of the module whose default export runs the task. */
  readonly module: string;
  readonly task: unknown;
}

/** From a thread to the pool: booted; a task's module loaded and the task started; its result or failure. */
export type PoolReply =
  | { readonly type: 'ready' }
  | { readonly type: 'started'; readonly id: number }
  | { readonly type: 'done'; readonly id: number; readonly value: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** Limits per task, enforced on the thread: exceeding one fails the task (never the process). */
export interface TaskLimits {
  /** Wall time from the task's start in its thread. */
  readonly timeMs: number;
  /** The thread's old-generation heap (worker `resourceLimits.maxOldGenerationSizeMb`). */
  readonly memoryMb: number;
}

export const defaultTaskLimits: TaskLimits = { timeMs: 120_000, memoryMb: 1024 };

export type TaskFailureCode =
  'job/chunk_time_limit' | 'job/chunk_memory_limit' | 'job/chunk_failed' | 'job/pool_closed';

/** Why a task did not return: a stable code and a message for people. */
export class TaskFailure extends Error {
  constructor(
    readonly code: TaskFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'TaskFailure';
  }
}

export interface WorkerPoolOptions {
  /** Threads; 0 or absent means one fewer than the cores, at least one. */
  readonly threads?: number;
  readonly limits?: Partial<TaskLimits>;
}

interface Pending {
  readonly request: PoolRequest;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: TaskFailure) => void;
}

interface Thread {
  readonly worker: Worker;
  /** booting and importing are the states in which the thread must not be terminated. */
  state: 'booting' | 'idle' | 'importing' | 'running';
  current: Pending | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Set by close: terminate as soon as the thread is in a state where that is safe. */
  terminateWhenSafe: boolean;
  /** Why the pool ended the thread, reported to its task when it exits. */
  endedBecause: TaskFailure | undefined;
  readonly exited: Promise<void>;
}

/**
 * The thread's entry: from source a shim registers tsx in the thread (an --import flag does not reach worker
 * threads on Node 20); built, tsc's dist/sim/pool-worker.js, which the esbuild bundle in dist/bundle/ finds one
 * folder up.
 */
function threadEntry(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./pool-ts-worker.mjs', here);
  return new URL(here.includes('/dist/bundle/') ? '../sim/pool-worker.js' : './pool-worker.js', here);
}

/**
 * Splits `total` runs into ranges [from, to) of `size`: fixed by the input, never by the thread count, so a seeded
 * job summarises the same chunks on any pool.
 * @example chunkRanges(600, 250) // [[0, 250], [250, 500], [500, 600]]
 */
export function chunkRanges(total: number, size: number): readonly (readonly [number, number])[] {
  const chunks: [number, number][] = [];
  for (let from = 0; from < total; from += size) chunks.push([from, Math.min(total, from + size)]);
  return chunks;
}

/**
 * chunkRanges whose last chunks shrink: `size` while a quarter of the runs left is at least that, then a quarter of
 * what is left, down to size / 8 (a smaller remainder joins the last chunk; a job within one chunk stays one), so a pool's threads finish their last chunks at about the same time (on 2 threads a
 * last chunk of 20,000 scenario runs left the other thread idle for about 0.1 s). Fixed by the input, never by the
 * thread count, like chunkRanges.
 * @example taperedChunkRanges(1000, 100) // [0, 100], …, [600, 700], [700, 775], [775, 832], …, [987, 1000]
 */
export function taperedChunkRanges(total: number, size: number): readonly (readonly [number, number])[] {
  // a job within one chunk stays one chunk, as chunkRanges makes it
  if (total <= size) return chunkRanges(total, size);
  const least = Math.max(1, Math.ceil(size / 8));
  const chunks: [number, number][] = [];
  for (let from = 0; from < total;) {
    const left = total - from;
    const take = Math.max(least, Math.min(size, Math.ceil(left / 4)));
    // a remainder under the least chunk joins the chunk before it
    const to = left - take < least ? total : from + take;
    chunks.push([from, to]);
    from = to;
  }
  return chunks;
}

/**
 * A task module of src/sim by name (`scenario-worker`): the TypeScript source under tsx, else the compiled module,
 * which the esbuild bundle in dist/bundle/ finds one folder up.
 */
export function simTaskModule(name: string): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL(`./${name}.ts`, here);
  return new URL(here.includes('/dist/bundle/') ? `../sim/${name}.js` : `./${name}.js`, here);
}

/**
 * Creates the pool; threads start on demand and stay until `close`.
 * @example const pool = createWorkerPool({ threads: 2 }); const partial = await pool.run(workerUrl, chunk);
 */
export function createWorkerPool(options: WorkerPoolOptions = {}) {
  const size =
    options.threads !== undefined && options.threads > 0 ? options.threads : Math.max(1, availableParallelism() - 1);
  const limits: TaskLimits = { ...defaultTaskLimits, ...options.limits };
  const threads = new Set<Thread>();
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const settle = (thread: Thread, outcome: { value: unknown } | { error: TaskFailure }) => {
    const pending = thread.current;
    clearTimeout(thread.timer);
    thread.current = undefined;
    thread.timer = undefined;
    if (pending === undefined) return;
    if ('value' in outcome) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  };

  const end = (thread: Thread, because: TaskFailure) => {
    thread.endedBecause = because;
    void thread.worker.terminate();
  };

  const becameSafe = (thread: Thread) => {
    if (thread.terminateWhenSafe) end(thread, new TaskFailure('job/pool_closed', 'The worker pool was closed.'));
  };

  const spawn = (): Thread => {
    const worker = new Worker(threadEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    });
    const thread: Thread = {
      worker,
      state: 'booting',
      current: undefined,
      timer: undefined,
      terminateWhenSafe: false,
      endedBecause: undefined,
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    };
    worker.on('message', (reply: PoolReply) => {
      if (reply.type === 'ready') {
        thread.state = 'idle';
      } else if (reply.type === 'started') {
        thread.state = 'running';
        thread.timer = setTimeout(
          () =>
            end(
              thread,
              new TaskFailure(
                'job/chunk_time_limit',
                `A chunk may run at most ${limits.timeMs / 1000} s; this one ran longer and was stopped.`,
              ),
            ),
          limits.timeMs,
        );
        becameSafe(thread);
        return;
      } else if (reply.type === 'done') {
        thread.state = 'idle';
        settle(thread, { value: reply.value });
      } else {
        thread.state = 'idle';
        settle(thread, { error: new TaskFailure('job/chunk_failed', reply.message) });
      }
      becameSafe(thread);
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        thread.endedBecause ??= new TaskFailure(
          'job/chunk_memory_limit',
          `A chunk may use at most ${limits.memoryMb} MB; this one needed more and was stopped.`,
        );
      } else {
        thread.endedBecause ??= new TaskFailure('job/chunk_failed', `The worker thread failed: ${error.message}`);
      }
    });
    worker.on('exit', (code) => {
      threads.delete(thread);
      settle(thread, {
        error:
          thread.endedBecause ?? new TaskFailure('job/chunk_failed', `The worker thread exited with code ${code}.`),
      });
      dispatch();
    });
    threads.add(thread);
    return thread;
  };

  function dispatch(): void {
    if (closed) return;
    while (queue.length > 0) {
      const idle = [...threads].find((t) => t.state === 'idle' && !t.terminateWhenSafe);
      if (idle === undefined) {
        const starting = [...threads].filter((t) => t.state === 'booting').length;
        // Start threads for the waiting tasks, up to the pool's size; booting ones take tasks once ready.
        if (threads.size < size && starting < queue.length) spawn();
        return;
      }
      const pending = queue.shift() as Pending;
      idle.state = 'importing';
      idle.current = pending;
      idle.worker.postMessage(pending.request);
    }
  }

  return {
    size,
    limits,

    /** Runs one task; rejects with a TaskFailure (its code says which limit, or that the task threw). */
    run(module: URL | string, task: unknown): Promise<unknown> {
      if (closed) return Promise.reject(new TaskFailure('job/pool_closed', 'The worker pool was closed.'));
      return new Promise((resolve, reject) => {
        const href = typeof module === 'string' ? module : module.href;
        queue.push({ request: { id: nextId++, module: href, task }, resolve, reject });
        dispatch();
      });
    },

    /** Fails the waiting tasks, ends running ones, and stops each thread once it is not loading a module. */
    async close(): Promise<void> {
      closed = true;
      for (const pending of queue.splice(0))
        pending.reject(new TaskFailure('job/pool_closed', 'The worker pool was closed.'));
      const all = [...threads];
      for (const thread of all) {
        thread.terminateWhenSafe = true;
        if (thread.state === 'idle' || thread.state === 'running') becameSafe(thread);
      }
      await Promise.all(all.map((thread) => thread.exited));
    },
  };
}

export type WorkerPool = ReturnType<typeof createWorkerPool>;
