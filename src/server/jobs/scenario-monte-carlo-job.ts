import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { monteCarloChunks, reportSummary } from '../../engine/negotiation/monte-carlo.js';
import {
  emptyScenarioSummary,
  mergeScenarioSummaries,
  type Scenario,
  type ScenarioSummary,
} from '../../engine/negotiation/scenario.js';
import { parseScenarioFile } from '../../io/scenario-file.js';
import type { ScenarioTask } from '../../sim/scenario-worker.js';
import type { JobKind } from './job-kind.js';

/** The bundled scenarios (data/scenarios/*.yaml) by id; a file that does not parse is left out. */
export function loadBundledScenarios(dir: URL): ReadonlyMap<string, Scenario> {
  const scenarios = new Map<string, Scenario>();
  for (const file of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const parsed = parseScenarioFile(readFileSync(new URL(file, dir)), file);
    if (parsed.ok) scenarios.set(parsed.value.id, parsed.value);
  }
  return scenarios;
}

const runsPerChunk = 250;
const fromSource = import.meta.url.endsWith('.ts');

/** A bundled SMA negotiation scenario played many times (src/sim's scenario worker). */
export function scenarioMonteCarloJob(
  scenarios: ReadonlyMap<string, Scenario>,
): JobKind<{ scenario: string; seed: number; runs: number }, ScenarioTask, ScenarioSummary, Record<string, unknown>> {
  const ids = [...scenarios.keys()];
  const scenarioOf = (id: string): Scenario => {
    const scenario = scenarios.get(id);
    // The input schema admits only loaded ids, so a miss here is a programmer error.
    if (scenario === undefined) throw new Error(`unknown scenario ${id}`);
    return scenario;
  };
  return {
    name: 'scenario-monte-carlo',
    summary: 'A bundled SMA negotiation scenario played many times with its uncertain strategies, votes and lapse',
    input: z.object({
      scenario: z.enum(ids as [string, ...string[]]).describe('A bundled scenario (data/scenarios)'),
      seed: z.number().int().min(0).max(4294967295),
      runs: z.number().int().min(1),
    }),
    output: z.looseObject({
      runs: z.number().int(),
      agreementRate: z.number(),
      agreementInterval95: z.array(z.number()),
    }),
    worker: new URL(`../../sim/scenario-worker${fromSource ? '.ts' : '.js'}`, import.meta.url),
    runs: (input) => input.runs,
    chunks: (input) =>
      monteCarloChunks(input.runs, runsPerChunk).map(([from, to]) => ({
        scenario: scenarioOf(input.scenario),
        seed: input.seed,
        from,
        to,
        strategies: {},
      })),
    combine: (input, partials) => {
      const merged = partials.reduce(mergeScenarioSummaries, emptyScenarioSummary(scenarioOf(input.scenario)));
      const report = reportSummary(merged.summary);
      return { ...report, agreementInterval95: [...report.agreementInterval95], scenario: input.scenario };
    },
  };
}
