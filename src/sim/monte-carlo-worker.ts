// A worker thread's task: summarise one chunk of Monte Carlo runs.
import { runMonteCarloChunk, type MonteCarloSpec, type MonteCarloSummary } from '../engine/negotiation/monte-carlo.js';

export interface MonteCarloTask {
  readonly spec: MonteCarloSpec;
  readonly from: number;
  readonly to: number;
}

export default function summariseChunk(task: MonteCarloTask): MonteCarloSummary {
  return runMonteCarloChunk(task.spec, task.from, task.to);
}
