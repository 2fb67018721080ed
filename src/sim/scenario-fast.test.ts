// The fast path against the reducer on the recorded scenarios (here, not in src/engine, because the engine reads no files).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  prepareScenarioTables,
  runScenarioChunk,
  newOfferPath,
  runScenarioMonteCarloOne,
  scenarioChunkContext,
  type Scenario,
} from '../engine/negotiation/scenario.js';
import type { TraceEntry } from '../engine/negotiation/run.js';
import { parseScenarioFile } from '../io/scenario-file.js';

const load = (id: string): Scenario => {
  const parsed = parseScenarioFile(readFileSync(new URL(`../../data/scenarios/${id}.yaml`, import.meta.url)), id);
  if (!parsed.ok) throw new Error(`${id}.yaml does not load`);
  return parsed.value;
};

/** A run without the trace and final state that only the general path keeps. */
const fields = ({ run, draws }: ReturnType<typeof runScenarioMonteCarloOne>) => {
  const { trace: _trace, state: _state, ...rest } = run as typeof run & { trace?: unknown; state?: unknown };
  return { run: rest, draws };
};

describe.each(['sma-11-talks', 'sma-12-talks', 'sma-13-talks'])('the fast path on %s', (id) => {
  const scenario = load(id);
  const tables = prepareScenarioTables(scenario);

  it.each([1, 2024, 0x7fffffff])('gives the general path’s 2,000 runs for seed %i, every field and draw', (seed) => {
    const fast = scenarioChunkContext(scenario, tables, 'fast');
    const general = scenarioChunkContext(scenario, tables, 'general');
    expect(fast.fast).not.toBeNull();
    let votes = 0;
    for (let i = 0; i < 2000; i++) {
      const f = runScenarioMonteCarloOne(scenario, seed, i, fast);
      expect(fields(f)).toStrictEqual(fields(runScenarioMonteCarloOne(scenario, seed, i, general)));
      votes += f.run.ratificationFailures + (f.run.reason === 'agreement' ? 1 : 0);
    }
    // Each scenario puts hundreds of deals to the Assembly vote, so the vote's draws are compared too.
    expect(votes).toBeGreaterThan(500);
  });

  it("keeps the general path trace's offer path: each side's latest first-year change by round, 500 runs", () => {
    const fast = scenarioChunkContext(scenario, tables, 'fast');
    const general = scenarioChunkContext(scenario, tables, 'general');
    let offers = 0;
    for (let i = 0; i < 500; i++) {
      const [a, b] = [newOfferPath(scenario), newOfferPath(scenario)];
      const f = runScenarioMonteCarloOne(scenario, 5, i, fast, {}, a);
      const g = runScenarioMonteCarloOne(scenario, 5, i, general, {}, b);
      expect(a).toStrictEqual(b);
      // The trace itself, independently: the US's latest offer in the run's last round.
      const last = [...(g.run as typeof g.run & { trace: TraceEntry[] }).trace]
        .reverse()
        .find((t) => t.action.type === 'offer' && t.action.party === 0);
      if (last?.action.type === 'offer') expect(a[f.run.round - 1]).toBe(last.action.outcome['first-year-change']);
      offers += a.filter((x) => !Number.isNaN(x)).length;
    }
    expect(offers).toBeGreaterThan(1000);
  });

  it('summarises 2,000 runs identically on both paths', () => {
    const fast = runScenarioChunk(scenario, 9, 0, 2000, scenarioChunkContext(scenario, tables, 'fast'));
    const general = runScenarioChunk(scenario, 9, 0, 2000, scenarioChunkContext(scenario, tables, 'general'));
    expect(fast).toStrictEqual(general);
  });
});
