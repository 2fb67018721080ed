import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/negotiation/scenario.js';
import { parseScenarioFile } from '../io/scenario-file.js';
import { talkModelParameters } from '../engine/calibration/talk-model.js';
import { calibrateTalks } from './calibration.js';

const load = (id: string): Scenario => {
  const parsed = parseScenarioFile(readFileSync(new URL(`../../data/scenarios/${id}.yaml`, import.meta.url)), id);
  if (!parsed.ok) throw new Error(`${id}.yaml does not load`);
  return parsed.value;
};

describe('calibrating the talk model', () => {
  const talks = [load('sma-11-talks'), load('sma-12-talks')];
  const settings = { seed: 3, population: 40, generations: 3 };

  it('gives the identical fit on this thread, on 1 worker and on 2 workers', async () => {
    const here = await calibrateTalks(talks, { ...settings, workers: 0 });
    const one = await calibrateTalks(talks, { ...settings, workers: 1 });
    const progress: number[] = [];
    const two = await calibrateTalks(talks, {
      ...settings,
      workers: 2,
      onProgress: (p) => progress.push(p.generation),
    });
    expect(here.ok).toBe(true);
    expect(one).toStrictEqual(here);
    expect(two).toStrictEqual(here);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(2);
    if (!here.ok) return;
    // The talks' declared parameters (talk-model.test.ts checks the list): the shared exponents, horizon and the
    // failed vote's cost first.
    expect(here.value.parameters.map((p) => p.name)).toEqual(talkModelParameters(talks).map((p) => p.name));
    expect(here.value.parameters.slice(0, 5).map((p) => p.name)).toEqual([
      'strategies.us.e',
      'strategies.rok.e',
      'protocol.horizon',
      'ratification.failedVoteCost',
      'sma-11-talks.reservation.us',
    ]);
  }, 120_000);

  it('refuses a talk without a real outcome, naming it', async () => {
    const r = await calibrateTalks([load('sma-13-talks')], { ...settings, workers: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'calibration/no_real_outcome', talk: 'sma-13-talks' } });
  });
});
