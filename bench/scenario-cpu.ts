// CPU time per scenario Monte Carlo run on one thread (process.cpuUsage), steadier than wall time on a loaded machine:
// the whole chunk (runs and summary) and the runs alone, on the fast path or the general (reducer) path.
// node --import tsx bench/scenario-cpu.ts [scenario id] [runs] [fast|general]; add --cpu-prof before --import to profile.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseScenarioFile } from '../src/io/scenario-file.js';
import {
  runScenarioChunk,
  runScenarioMonteCarloOne,
  scenarioChunkContext,
  type ScenarioRunPath,
} from '../src/engine/negotiation/scenario.js';

const [id = 'sma-13-talks', runsText = '20000', path = 'fast'] = process.argv.slice(2);
const runs = Number(runsText);
const parsed = parseScenarioFile(readFileSync(new URL(`../data/scenarios/${id}.yaml`, import.meta.url)), `${id}.yaml`);
if (!parsed.ok) throw new Error(parsed.error.map((e) => e.message).join('\n'));
const s = parsed.value;
const ctx = scenarioChunkContext(s, undefined, path as ScenarioRunPath);

const cpuMicros = (f: () => void): number => {
  const before = process.cpuUsage();
  f();
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / runs;
};
runScenarioChunk(s, 7, 0, Math.min(5000, runs), ctx); // warm up the JIT and the caches
// Five rounds each; the least CPU time is the figure least inflated by other processes sharing the cores.
const rounds = (f: () => void): { least: number; median: number } => {
  const xs = Array.from({ length: 5 }, () => cpuMicros(f)).sort((a, b) => a - b);
  return { least: xs[0] as number, median: xs[2] as number };
};
let agreements = 0;
const chunk = rounds(() => {
  agreements = runScenarioChunk(s, 1, 0, runs, ctx).summary.agreements;
});
const alone = rounds(() => {
  for (let i = 0; i < runs; i++) runScenarioMonteCarloOne(s, 1, i, ctx);
});
const f = (x: { least: number; median: number }): string => `${x.least.toFixed(1)} (median ${x.median.toFixed(1)})`;
console.log(
  `${id} (${path}), ${runs} runs × 5: µs CPU a run, least of five: ${f(chunk)} with the summary, ${f(alone)} the runs alone; ` +
    `${agreements} agreements; load ${loadavg()[0]?.toFixed(2)}`,
);
