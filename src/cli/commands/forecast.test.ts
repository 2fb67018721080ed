import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { Particle } from '../../engine/calibration/abc-smc.js';
import { support } from '../../engine/calibration/prior.js';
import { SHARED_PARAMETERS } from '../../engine/calibration/talk-model.js';
import { scenarioParameters } from '../../engine/negotiation/scenario-parameters.js';
import type { Scenario } from '../../engine/negotiation/scenario.js';
import { loadScenarioCatalogue } from '../../io/scenario-catalogue.js';
import { parseScenarioFile } from '../../io/scenario-file.js';
import { calibrateTalks } from '../../sim/calibration.js';
import '../commands.js';
import { captureIo } from '../io.js';
import { runCli } from '../main.js';
import { talkRecord } from './calibrate.js';

const scratch = mkdtempSync(join(tmpdir(), 'sma-forecast-'));
const cli = async (env: Record<string, string>, ...argv: string[]) => {
  const io = captureIo(env, scratch);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
};
const bundled = loadScenarioCatalogue().scenarios;
const scenario = (id: string): Scenario => {
  const s = bundled.get(id);
  if (s === undefined) throw new Error(`${id} is bundled`);
  return s;
};
const load = (file: string): Scenario => {
  const parsed = parseScenarioFile(readFileSync(file), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  return parsed.value;
};

/**
 * The written forecast equals its source scenario except for the fit: names, sources, `fitted`, the shared exponents
 * and the perceived horizon.
 */
function expectOnlySharedFitted(fitted: Scenario, original: Scenario) {
  const rest = (s: Scenario) => {
    const { id: _i, name: _n, name_ko: _nk, description: _d, description_ko: _dk, sources: _s, sources_ko: _sk } = s;
    const { fitted: _f, uncertainty, ...model } = s;
    const { strategies: _st, horizon: _h, ...drawn } = uncertainty;
    return {
      ...model,
      id: null,
      name: null,
      name_ko: null,
      description: null,
      description_ko: null,
      sources: null,
      sources_ko: null,
      drawn,
    };
  };
  expect(rest(fitted)).toEqual(rest(original));
  const priors = (s: Scenario) => new Map(scenarioParameters(s).map((p) => [p.name, p.prior]));
  const [after, before] = [priors(fitted), priors(original)];
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [name, prior] of before)
    if (!SHARED_PARAMETERS.includes(name)) expect(after.get(name), name).toEqual(prior); // its own: the stated prior
}

describe('sma forecast', () => {
  it('writes a forecast whose shared exponents are the fit’s posterior (same seed) and whose own parameters keep their priors', async () => {
    const r = await cli(
      {},
      'forecast',
      'sma-13-talks',
      'sma-12-reopen',
      '--from',
      'sma-11-talks,sma-12-talks',
      '--population',
      '30',
      '--generations',
      '2',
      '--seed',
      '4',
      '--workers',
      '0',
      '--out-dir',
      '.',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.talks, j.seed, j.population]).toEqual([['sma-11-talks', 'sma-12-talks'], 4, 30]);
    expect(j.written.map((w: { id: string }) => w.id)).toEqual(['sma-13-talks-fitted', 'sma-12-reopen-fitted']);
    expect(j.shared.map((p: { name: string }) => p.name)).toEqual([
      'strategies.us.e',
      'strategies.rok.e',
      'protocol.horizon',
    ]);

    // The same fit, run here from the same seed: its particles' weighted mean and sd, by brute force.
    const talks = [scenario('sma-11-talks'), scenario('sma-12-talks')];
    const fit = await calibrateTalks(talks, {
      seed: 4,
      population: 30,
      generations: 2,
      workers: 0,
      evidence: await talkRecord(talks),
    });
    if (!fit.ok) throw new Error(fit.error.message);
    const posterior = fit.value.posterior;
    const total = posterior.reduce((s, p) => s + p.weight, 0);
    const moments = (i: number) => {
      const x = (p: Particle) => p.theta[i] as number;
      const mean = posterior.reduce((s, p) => s + (p.weight / total) * x(p), 0);
      const sd = Math.sqrt(posterior.reduce((s, p) => s + (p.weight / total) * (x(p) - mean) ** 2, 0));
      return { mean, sd };
    };

    // The correlation the written file drops (it draws the two exponents apart), by brute force.
    const [iu, ir] = ['strategies.us.e', 'strategies.rok.e'].map((n) =>
      fit.value.parameters.findIndex((p) => p.name === n),
    );
    const [mu, mr] = [moments(iu as number), moments(ir as number)];
    const cov = posterior.reduce(
      (s, p) =>
        s +
        (p.weight / total) *
          ((p.theta[iu as number] as number) - mu.mean) *
          ((p.theta[ir as number] as number) - mr.mean),
      0,
    );
    expect(j.sharedCorrelation).toBeCloseTo(cov / (mu.sd * mr.sd), 4);

    for (const id of ['sma-13-talks', 'sma-12-reopen']) {
      const written = load(join(scratch, `${id}-fitted.yaml`));
      const original = scenario(id);
      expect(written.id).toBe(`${id}-fitted`);
      expect(written.fitted).toEqual({
        talks: ['sma-11-talks', 'sma-12-talks'],
        method: fit.value.method,
        seed: 4,
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      expectOnlySharedFitted(written, original);
      for (const [k, side] of (['us', 'rok'] as const).entries()) {
        const i = fit.value.parameters.findIndex((p) => p.name === `strategies.${side}.e`);
        const m = moments(i);
        const bounds = support(fit.value.parameters[i]!.prior);
        const drawn = written.uncertainty.strategies?.[side];
        expect(drawn?.kind).toBe('time-dependent');
        const e = drawn?.kind === 'time-dependent' ? drawn.e : null;
        expect(e).toEqual({
          kind: 'normal',
          mean: expect.any(Number),
          sd: expect.any(Number),
          min: bounds.min,
          max: bounds.max,
        });
        if (e?.kind !== 'normal') return;
        expect(e.mean).toBeCloseTo(m.mean, 4);
        expect(e.sd).toBeCloseTo(m.sd, 4);
        expect(j.shared[k].mean).toBeCloseTo(m.mean, 6);
        // Every fitted value says what it was fitted to, by what, on which talks, seed and day, in both languages.
        expect(written.sources[`uncertainty.strategies.${side}.e`]).toMatch(
          /^fitted to sma-11-talks \(first-year change \+13\.9 %.*sma-12-talks \(first-year change \+8\.3 %.* by (adaptive )?ABC-SMC .*\(sma-11-talks, sma-12-talks; seed 4, 30 particles, 2 generations, \d{4}-\d{2}-\d{2}; `sma forecast/,
        );
        expect(written.sources_ko?.[`uncertainty.strategies.${side}.e`]).toMatch(
          /^보정: 제11~12차 방위비분담특별협정 협상의 기록.*시드 4/,
        );
      }
      // The perceived horizon: the posterior's normal summary within its prior uniform(0.3, 1), its source the fit's.
      const ih = fit.value.parameters.findIndex((p) => p.name === 'protocol.horizon');
      const mh = moments(ih);
      expect(written.uncertainty.horizon).toEqual({
        kind: 'normal',
        mean: expect.closeTo(mh.mean, 4),
        sd: expect.closeTo(mh.sd, 4),
        min: 0.3,
        max: 1,
      });
      expect(written.sources['uncertainty.horizon']).toMatch(/^fitted to sma-11-talks .*seed 4, 30 particles/);
      expect(written.description).toMatch(
        /^On parameters fitted to the 11th–12th SMA talks \((adaptive )?ABC-SMC, seed 4, /,
      );
      expect(written.sources['uncertainty.strategies']).toBeUndefined();
      expect(written.sources['uncertainty.reservation']).toBe(original.sources['uncertainty.reservation']);
    }
  }, 180_000);

  it('runs the fitted forecast by default in sma simulate, the stated priors with --prior', async () => {
    // A user directory holding only a fitted sma-13-talks (from the test above, or written here).
    const dir = mkdtempSync(join(tmpdir(), 'sma-forecast-dir-'));
    const env = { SMA_SCENARIO_DIR: dir };
    const w = await cli(
      env,
      'forecast',
      'sma-13-talks',
      '--from',
      'sma-12-talks',
      '--population',
      '10',
      '--generations',
      '1',
      '--workers',
      '0',
      '--out-dir',
      dir,
    );
    expect(w.code).toBe(0);
    expect(w.out).toMatch(/^on parameters fitted to the 12th SMA talks \((adaptive )?ABC-SMC, seed 1, /);
    const args = ['simulate', 'sma-13-talks', '--runs', '200', '--seed', '3', '--workers', '1', '--json'];
    const fitted = await cli(env, ...args);
    const byFile = await cli({}, 'simulate', join(dir, 'sma-13-talks-fitted.yaml'), ...args.slice(2));
    const prior = await cli(env, ...args, '--prior');
    expect([fitted.code, byFile.code, prior.code]).toEqual([0, 0, 0]);
    const [a, b, c] = [fitted, byFile, prior].map((x) => JSON.parse(x.out));
    expect(a.scenario).toBe('sma-13-talks-fitted');
    expect(a.fitted.talks).toEqual(['sma-12-talks']);
    expect(a).toEqual(b);
    expect(fitted.err).toMatch(
      /simulate: sma-13-talks-fitted, on parameters fitted to the 12th SMA talks .*--prior for sma-13-talks's own priors/,
    );
    expect([c.scenario, c.fitted]).toEqual(['sma-13-talks', null]);
    const human = await cli(env, ...args.slice(0, -1), '--lang', 'ko');
    expect(human.out).toMatch(/제12차 방위비분담특별협정 협상에 보정한 변수로 \(ABC-SMC, 시드 1, /);
  }, 180_000);

  it('refuses a scenario with no shared parameter, and an unknown talk, with exit code 2', async () => {
    const doc = parseDocument(
      readFileSync(new URL('../../../data/scenarios/sma-13-talks.yaml', import.meta.url), 'utf8'),
    );
    doc.deleteIn(['uncertainty', 'strategies']);
    doc.deleteIn(['sources', 'uncertainty.strategies']);
    doc.deleteIn(['sources_ko', 'uncertainty.strategies']);
    doc.deleteIn(['uncertainty', 'horizon']);
    doc.deleteIn(['sources', 'uncertainty.horizon']);
    doc.deleteIn(['sources_ko', 'uncertainty.horizon']);
    writeFileSync(join(scratch, 'fixed.yaml'), doc.toString());
    const r = await cli({}, 'forecast', 'fixed.yaml', '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sma-13-talks: declares none of the parameters a fit shares across talks/);
    const u = await cli({}, 'forecast', 'sma-13-talks', '--from', 'sma-99-talks', '--workers', '0');
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/no scenario 'sma-99-talks'/);
  });
});

/** The shipped fitted forecasts (data/scenarios, written by `sma forecast`: docs/scenarios.md "Forecasts on the fit"). */
describe('the bundled fitted forecasts', () => {
  for (const id of ['sma-13-talks', 'sma-12-reopen'])
    it(`${id}-fitted is ${id} with the shared exponents and horizon fitted to the 9th–12th talks`, () => {
      const fitted = scenario(`${id}-fitted`);
      expect(fitted.fitted?.talks).toEqual(['sma-9-talks', 'sma-10-talks', 'sma-11-talks', 'sma-12-talks']);
      expectOnlySharedFitted(fitted, scenario(id));
      for (const key of ['uncertainty.strategies.us.e', 'uncertainty.strategies.rok.e', 'uncertainty.horizon'])
        expect(fitted.sources[key]).toMatch(/^fitted to sma-9-talks .* by (adaptive )?ABC-SMC /);
      // In Korean the method by its name alone, as Korean texts write it (fittedOnText, the notes' source_ko)
      for (const key of ['fitted', 'uncertainty.strategies.us.e', 'uncertainty.horizon'])
        // the talks as ids a reader looks up (`code` on the web), not words
        expect(fitted.sources_ko?.[key]).toMatch(
          /^보정: .*비준 동의 표결\)에 ABC-SMC로 맞춤 \(`sma-9-talks`, `sma-10-talks`, `sma-11-talks`, `sma-12-talks`, 시드 1, /,
        );
      expect(fitted.description_ko).toMatch(/^제9~12차 방위비분담특별협정 협상에 보정한 변수로 \(ABC-SMC, 시드 1, /);
    });
});
