// Jobs on the PostgreSQL queue: runs/s of one scenario Monte Carlo job on 1, 2 and 3 `sma worker` processes (one
// thread each), the ratio to one process, and the queue's overhead per chunk against the same chunks on one thread of
// the in-process pool. Printed, never asserted. Needs TEST_DATABASE_URL (each round gets a fresh database) and a build.
// Run alone: node --import tsx bench/jobs.ts [runs]
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { parseScenarioFile } from '../src/io/scenario-file.js';
import type * as ScenarioPool from '../src/sim/scenario-pool.js';
import { postgresLocation, testDatabaseUrl } from '../src/store/test-support.js';
import { startServerProcess } from '../test/support/server-process.js';
import { hasBuiltCli, startWorkerProcess, type WorkerProcess } from '../test/support/worker-process.js';

const { runScenarioMonteCarlo } = (await import(
  new URL('../dist/sim/scenario-pool.js', import.meta.url).href
)) as typeof ScenarioPool;

const RUNS_PER_CHUNK = 250; // scenario-monte-carlo's chunk

/** Seconds from POST to the job's recorded end, on `workers` worker processes. */
async function timeOnQueue(baseUrl: string, workers: number, runs: number): Promise<number> {
  const location = await postgresLocation(baseUrl);
  const env = { DATABASE_URL: location.options.databaseUrl ?? '', LOG_LEVEL: 'warn' };
  const server = await startServerProcess({
    storage: { databaseUrl: env.DATABASE_URL },
    env: { SMA_SERVER_WORKER: 'false' },
  });
  const started: WorkerProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) started.push(await startWorkerProcess(env, 1));
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/jobs/scenario-monte-carlo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'sma-12-talks', seed: 1, runs }),
    });
    const { id } = (await res.json()) as { id: string };
    // The event stream ends with the job.
    await (await fetch(`${server.url}/api/jobs/${id}/events`)).text();
    const seconds = (performance.now() - t0) / 1000;
    const job = (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as { status: string };
    if (job.status !== 'succeeded') throw new Error(`the bench job ended ${job.status}`);
    return seconds;
  } finally {
    for (const w of started) w.child.kill('SIGTERM');
    await Promise.all(started.map((w) => w.exited));
    await server.close();
    await location.dispose();
  }
}

export async function benchJobs(runs = 40_000): Promise<void> {
  if (testDatabaseUrl === undefined || !hasBuiltCli) {
    console.log('skipped: set TEST_DATABASE_URL=postgres://… and run `npm run build` first');
    return;
  }
  const chunks = Math.ceil(runs / RUNS_PER_CHUNK);
  const parsed = parseScenarioFile(readFileSync(new URL('../data/scenarios/sma-12-talks.yaml', import.meta.url)), 'x');
  if (!parsed.ok) throw new Error('sma-12-talks.yaml does not load');
  const t0 = performance.now();
  await runScenarioMonteCarlo(parsed.value, { seed: 1, runs, workers: 1, chunkSize: RUNS_PER_CHUNK });
  const local = (performance.now() - t0) / 1000;
  console.log(
    `in-process pool, 1 thread: ${runs.toLocaleString('en')} runs (${chunks} chunks) in ${local.toFixed(2)} s = ${Math.round(runs / local).toLocaleString('en')} runs/s`,
  );
  const rates: number[] = [];
  for (const workers of [1, 2, 3]) {
    const seconds = await timeOnQueue(testDatabaseUrl, workers, runs);
    const rate = runs / seconds;
    rates.push(rate);
    const ratio = rate / (rates[0] ?? rate);
    console.log(
      `queue, ${workers} worker process${workers > 1 ? 'es' : ''} × 1 thread: ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} runs/s; ` +
        `${ratio.toFixed(2)}× one process (target ≥ ${(0.9 * Math.min(workers, availableParallelism())).toFixed(1)}× where cores allow)`,
    );
    if (workers === 1) {
      // Same chunks, same single thread: what the queue adds (enqueue, fetch, store the result, notices, combine).
      console.log(
        `queue overhead: ${((1000 * (seconds - local)) / chunks).toFixed(1)} ms a chunk (chunks of ${RUNS_PER_CHUNK} runs)`,
      );
    }
  }
  console.log(
    `machine: ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(1)}; the server, PostgreSQL and the workers share them, so ` +
      `beyond ${availableParallelism()} worker threads no speed-up is possible here`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [runs] = process.argv.slice(2).map(Number);
  await benchJobs(runs || undefined);
}
