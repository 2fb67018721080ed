// Monte Carlo throughput: 1,000,000 runs of sma-13-talks on 2 workers (target ≤ 3 s, issue 10). Printed, never asserted.
// Run alone: node --import tsx bench/monte-carlo.ts [runs] [workers] [scenario file, default sma-13-talks.yaml]
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseScenarioFile } from '../src/io/scenario-file.js';
import type { Scenario } from '../src/engine/negotiation/scenario.js';
import type * as ScenarioPool from '../src/sim/scenario-pool.js';
import type * as WorkerPool from '../src/sim/worker-pool.js';

// The built pool, as `sma simulate` and the server run it: workers load compiled JavaScript, not TypeScript through tsx
// (which cost about a second of worker start-up). `npm run bench` builds first.
const { runScenarioMonteCarlo } = (await import(
  new URL('../dist/sim/scenario-pool.js', import.meta.url).href
)) as typeof ScenarioPool;
const { createWorkerPool } = (await import(
  new URL('../dist/sim/worker-pool.js', import.meta.url).href
)) as typeof WorkerPool;

const TARGET_SECONDS = 3;

/** One timed job: wall and CPU (every thread), and when its first chunk came back (the workers' start-up and warm-up). */
async function timedRun(scenario: Scenario, runs: number, workers: number, pool?: WorkerPool.WorkerPool) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let lastTenth = 0;
  let first: { done: number; seconds: number } | undefined;
  const summary = await runScenarioMonteCarlo(scenario, {
    seed: 1,
    runs,
    workers,
    ...(pool ? { pool } : {}),
    onProgress: (done, total) => {
      const seconds = (performance.now() - started) / 1000;
      first ??= { done, seconds };
      const tenth = Math.floor((10 * done) / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        console.log(`  ${done}/${total} after ${seconds.toFixed(1)} s`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { summary, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, first };
}

export async function benchMonteCarlo(
  runs = 1_000_000,
  workers = 2,
  file: URL | string = new URL('../data/scenarios/sma-13-talks.yaml', import.meta.url),
): Promise<void> {
  const parsed = parseScenarioFile(readFileSync(file), String(file));
  if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join('\n'));
  const scenario = parsed.value;
  const report = (label: string, r: Awaited<ReturnType<typeof timedRun>>) => {
    const rate = runs / r.seconds;
    console.log(
      `${scenario.id}, ${label}: ${runs.toLocaleString('en')} runs on ${workers} workers (${availableParallelism()} cores) in ${r.seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} runs/s; ` +
        `agreement rate ${(r.summary.summary.agreements / r.summary.summary.runs).toFixed(4)}`,
    );
    // CPU time counts every thread, so it shows the cost per run even on a loaded machine.
    console.log(
      `  CPU: ${r.cpuSeconds.toFixed(1)} s over all threads = ${((1e6 * r.cpuSeconds) / runs).toFixed(1)} µs a run; machine load ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
    );
    // The first chunk back carries the start-up (thread, modules, tables, JIT warm-up); the rest is the steady rate.
    if (r.first !== undefined && r.first.done < runs) {
      const steady = (runs - r.first.done) / (r.seconds - r.first.seconds);
      console.log(
        `  first chunk (${r.first.done.toLocaleString('en')} runs) back after ${r.first.seconds.toFixed(2)} s; then ${Math.round(steady).toLocaleString('en')} runs/s (1,000,000 at that rate: ${(1_000_000 / steady).toFixed(2)} s)`,
      );
    }
    const projected = (1_000_000 / rate).toFixed(1);
    console.log(
      `  target: 1,000,000 runs in ≤ ${TARGET_SECONDS} s; ${runs === 1_000_000 ? `measured ${r.seconds.toFixed(1)} s` : `projected ${projected} s`} (${(Number(projected) / TARGET_SECONDS).toFixed(1)}× the target)`,
    );
  };
  // Cold: the pool started by the call, as `sma simulate` runs it.
  report('cold pool', await timedRun(scenario, runs, workers));
  // Warm: a pool that has already run this scenario (threads up, tables built, code optimized), as the server's is.
  const pool = createWorkerPool({ threads: workers });
  try {
    await runScenarioMonteCarlo(scenario, { seed: 2, runs: 40_000 * workers, workers, pool });
    report('warm pool', await timedRun(scenario, runs, workers, pool));
  } finally {
    await pool.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [runs, workers] = process.argv.slice(2, 4).map(Number);
  await benchMonteCarlo(runs || undefined, workers || undefined, process.argv[4]);
}
