import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import {
  assemblyOn,
  lapsePort,
  mergeScenarioSummaries,
  runScenario,
  runScenarioChunk,
  scenarioConfig,
  scenarioLapseModel,
} from './scenario.js';
import { lapseAssemblies as assemblies, lapseScenario as scenario } from './test-scenarios.js';

describe('scenario builder', () => {
  it('has the US move first under alternating offers, with ratification required when the ROK votes', () => {
    const config = scenarioConfig(scenario);
    expect([config.parties, config.mode, config.deadline, config.ratification]).toEqual([
      ['US', 'ROK'],
      'alternating',
      30,
      'required',
    ]);
    expect(scenarioConfig({ ...scenario, ratification: { rok: null, us: 'executive-agreement' } }).ratification).toBe(
      'none',
    );
  });

  it('puts a deal to the Assembly sitting on the date: the 21st from 30 May 2020', () => {
    // the 21st Assembly was elected on 15 April 2020 and sat from 30 May
    expect(assemblyOn(assemblies, '2020-05-29').name).toBe('20th');
    expect(assemblyOn(assemblies, '2020-05-30').name).toBe('21st');
  });

  it('furloughs 4,500 workers from the fourth month of lapse (April 2020) and lowers both reservation values each month', () => {
    const port = lapsePort(scenarioLapseModel(scenario, 3, 0.5));
    expect(port?.expiry).toBe('2020-01-01');
    expect(port?.month(3).furloughedWorkers).toBe(0);
    expect(port?.month(4).furloughedWorkers).toBe(4500);
    expect(port?.month(1).reservationShift).toEqual([-0.005, -0.005]);
  });

  it('gives the same run for the same seed, and the same Monte Carlo summary however the runs are chunked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        expect(runScenario(scenario, createRng(seed), { trace: false })).toEqual(
          runScenario(scenario, createRng(seed), { trace: false }),
        );
      }),
      { numRuns: 5 },
    );
    const whole = runScenarioChunk(scenario, 11, 0, 60);
    const split = mergeScenarioSummaries(runScenarioChunk(scenario, 11, 0, 25), runScenarioChunk(scenario, 11, 25, 60));
    expect(split).toEqual(whole);
    expect(whole.summary.runs).toBe(60);
  });

  it('never agrees on an outcome outside the domain, and counts runs near the real outcome only among agreements', () => {
    const s = runScenarioChunk(scenario, 3, 0, 80);
    expect(s.nearRealChange).toBeLessThanOrEqual(s.summary.agreements);
    expect(s.firstYearChange.n).toBe(s.summary.agreements);
    expect(s.firstYearChange.lowest ?? 0).toBeGreaterThanOrEqual(0);
    expect(s.firstYearChange.highest ?? 0).toBeLessThanOrEqual(0.5);
  });
});
