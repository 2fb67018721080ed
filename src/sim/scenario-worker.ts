// A worker thread's task: summarise one chunk of a scenario's Monte Carlo runs; outcome tables are kept per scenario.
import {
  runScenarioChunk,
  scenarioChunkContext,
  type Scenario,
  type ScenarioChunkContext,
  type ScenarioStrategy,
  type ScenarioSummary,
  type Side,
} from '../engine/negotiation/scenario.js';

export interface ScenarioTask {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  readonly strategies: Partial<Record<Side, ScenarioStrategy>>;
}

let cached: { key: string; ctx: ScenarioChunkContext } | undefined;

export default function summariseScenarioChunk(task: ScenarioTask): ScenarioSummary {
  const key = JSON.stringify(task.scenario);
  if (cached?.key !== key) cached = { key, ctx: scenarioChunkContext(task.scenario) };
  return runScenarioChunk(task.scenario, task.seed, task.from, task.to, cached.ctx, task.strategies);
}
