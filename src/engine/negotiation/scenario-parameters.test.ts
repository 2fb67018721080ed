import { describe, expect, it } from 'vitest';
import { scenarioParameters, withParameters } from './scenario-parameters.js';
import { runScenarioChunk, runScenarioMonteCarloOne, scenarioChunkContext } from './scenario.js';
import { lapseScenario as scenario } from './test-scenarios.js';

describe('a scenario as a parameter vector', () => {
  it('lists the uncertain parameters with their priors, in a stable order', () => {
    expect(scenarioParameters(scenario).map((p) => [p.name, p.value])).toEqual([
      ['reservation.rok', 0.3],
      ['strategies.us.e', 1.1],
      ['ratification.rok.0.blocs.0.threshold', 0.175],
      ['ratification.rok.0.blocs.1.threshold', 0.175],
      ['ratification.rok.1.blocs.0.threshold', 0.175],
      ['ratification.rok.1.blocs.1.threshold', 0.175],
    ]);
    expect(scenarioParameters(scenario)[0]?.prior).toEqual({ kind: 'uniform', min: 0.2, max: 0.4 });
  });

  it('plays the given values in every Monte Carlo run instead of drawing them', () => {
    const fixed = withParameters(scenario, { 'reservation.rok': 0.35, 'strategies.us.e': 0.4 });
    if (!fixed.ok) throw new Error(fixed.error.code);
    const ctx = scenarioChunkContext(fixed.value);
    for (const i of [0, 1, 2, 3]) {
      const { draws } = runScenarioMonteCarloOne(fixed.value, 5, i, ctx);
      expect(draws.reservations[1]).toBe(0.35);
      expect(draws.strategies[0]).toMatchObject({ kind: 'time-dependent', e: 0.4 });
    }
    expect(scenarioParameters(fixed.value).map((p) => p.name)).not.toContain('reservation.rok');
  });

  it('makes a bloc vote on one threshold every time, and refuses a name the scenario does not have', () => {
    const fixed = withParameters(scenario, { 'ratification.rok.1.blocs.0.threshold': 0.5 });
    if (!fixed.ok) throw new Error(fixed.error.code);
    expect(fixed.value.ratification.rok?.[1]?.blocs[0]?.stance).toMatchObject({
      threshold: { kind: 'point', value: 0.5 },
    });
    expect(fixed.value.ratification.rok?.[0]).toEqual(scenario.ratification.rok?.[0]);
    const bad = withParameters(scenario, { 'reservation.us': 0.2 });
    expect(bad.ok ? null : [bad.error.code, bad.error.details.name]).toEqual([
      'scenario/unknown_parameter',
      'reservation.us',
    ]);
  });

  it('changes nothing when no value is given', () => {
    const same = withParameters(scenario, {});
    expect(same.ok && runScenarioChunk(same.value, 3, 0, 30)).toEqual(runScenarioChunk(scenario, 3, 0, 30));
  });
});
