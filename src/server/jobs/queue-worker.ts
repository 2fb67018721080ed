/**
 * `sma worker`: a process that takes job chunks from the PostgreSQL queue and runs them on its worker threads, on
 * this machine or any other that reaches the database. Settings are the server's (docs/server.md): DATABASE_URL,
 * SMA_JOB_THREADS, the chunk limits and the queue's expiry, retries and maintenance.
 */
import { openStore } from '../../store/index.js';
import { parseServerConfig } from '../config.js';
import { openJobQueue } from './job-queue.js';
import { jobKinds } from './kinds.js';

export interface QueueWorkerIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

/**
 * Runs until SIGTERM or SIGINT, then stops taking chunks, lets those under way end (the queue gives any cut short to
 * another worker) and resolves with the exit code.
 * @example process.exitCode = await runQueueWorker({ env: process.env, stdout, stderr });
 */
export async function runQueueWorker(io: QueueWorkerIo): Promise<number> {
  const parsed = parseServerConfig(io.env);
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.stderr(`sma worker: ${issue.variable}: ${issue.message}\n`);
    return 2;
  }
  const config = parsed.value;
  if (config.databaseUrl === undefined) {
    io.stderr(
      'sma worker: DATABASE_URL is not set: workers take jobs from the PostgreSQL queue of a server that uses it\n',
    );
    return 2;
  }
  const store = await openStore({ databaseUrl: config.databaseUrl, env: {} });
  const queue = await openJobQueue({
    databaseUrl: config.databaseUrl,
    store,
    kinds: jobKinds(),
    expireSeconds: config.jobQueue?.expireSeconds ?? 300,
    retryLimit: config.jobQueue?.retryLimit ?? 3,
    maintenanceSeconds: config.jobQueue?.maintenanceSeconds ?? 30,
    onError: (error) =>
      io.stderr(`sma worker: queue error: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  await queue.work({
    threads: config.jobThreads,
    limits: { timeMs: config.limits.chunkTimeMs, memoryMb: config.limits.chunkMemoryMb },
    onChunk: (chunk) =>
      io.stdout(`sma worker: chunk ${chunk.id} of job ${chunk.job} started (attempt ${chunk.attempt})\n`),
  });
  io.stdout(`sma worker: taking job chunks (pid ${process.pid})\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  io.stderr(`sma worker: ${signal}: stopping\n`);
  await queue.close();
  await store.close();
  return 0;
}
