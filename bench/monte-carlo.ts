// Monte Carlo throughput: 1,000,000 runs of sma-13-talks on 2 workers (target ≤ 3 s, issue 10). Printed, never asserted.
// Run alone: node --import tsx bench/monte-carlo.ts [runs] [workers]
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseScenarioFile } from '../src/io/scenario-file.js';
import type * as ScenarioPool from '../src/sim/scenario-pool.js';

// The built pool, as `sma simulate` and the server run it: workers load compiled JavaScript, not TypeScript through tsx
// (which cost about a second of worker start-up). `npm run bench` builds first.
const { runScenarioMonteCarlo } = (await import(
  new URL('../dist/sim/scenario-pool.js', import.meta.url).href
)) as typeof ScenarioPool;

const TARGET_SECONDS = 3;

export async function benchMonteCarlo(runs = 1_000_000, workers = 2): Promise<void> {
  const file = new URL('../data/scenarios/sma-13-talks.yaml', import.meta.url);
  const parsed = parseScenarioFile(readFileSync(file), 'sma-13-talks.yaml');
  if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join('\n'));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let lastTenth = 0;
  const summary = await runScenarioMonteCarlo(parsed.value, {
    seed: 1,
    runs,
    workers,
    onProgress: (done, total) => {
      const tenth = Math.floor((10 * done) / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        console.log(`  ${done}/${total} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = runs / seconds;
  console.log(
    `sma-13-talks: ${runs.toLocaleString('en')} runs on ${workers} workers (${availableParallelism()} cores) in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} runs/s; ` +
      `agreement rate ${(summary.summary.agreements / summary.summary.runs).toFixed(4)}`,
  );
  // CPU time counts every thread, so it shows the cost per run even on a loaded machine.
  console.log(
    `CPU: ${cpuSeconds.toFixed(1)} s over all threads = ${((1e6 * cpuSeconds) / runs).toFixed(0)} µs a run; machine load ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const projected = (1_000_000 / rate).toFixed(1);
  console.log(
    `target: 1,000,000 runs in ≤ ${TARGET_SECONDS} s; ${runs === 1_000_000 ? `measured ${seconds.toFixed(1)} s` : `projected ${projected} s`} (${(Number(projected) / TARGET_SECONDS).toFixed(1)}× the target)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [runs, workers] = process.argv.slice(2).map(Number);
  await benchMonteCarlo(runs || undefined, workers || undefined);
}
