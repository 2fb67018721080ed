import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioSensitivity } from '../../engine/negotiation/sensitivity.js';
import { loadBundledScenarios } from '../../server/jobs/scenario-monte-carlo-job.js';
import '../commands.js';
import { captureIo } from '../io.js';
import { runCli } from '../main.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sma = async (...argv: string[]) => {
  const io = captureIo({}, root);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
};

describe('sma simulate --sensitivity', () => {
  it('prints as JSON the report the engine computes on one thread and the API returns', async () => {
    // --prior: the scenario's stated priors (without it, the fitted forecast sma-12-reopen-fitted runs; below).
    const r = await sma(
      'simulate',
      'sma-12-reopen',
      '--prior',
      '--sensitivity',
      '--runs',
      '60',
      '--seed',
      '4',
      '--json',
    );
    expect(r.code).toBe(0);
    const scenario = loadBundledScenarios(new URL('../../../data/scenarios/', import.meta.url)).get('sma-12-reopen');
    if (scenario === undefined) throw new Error('sma-12-reopen is bundled');
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(scenarioSensitivity(scenario, 4, 60))));
  }, 120_000);

  it('runs the tornado on the fitted forecast by default, its shared exponents at the fit’s p10 and p90', async () => {
    const r = await sma('simulate', 'sma-13-talks', '--sensitivity', '--runs', '40', '--seed', '4', '--json');
    expect(r.code).toBe(0);
    const fitted = loadBundledScenarios(new URL('../../../data/scenarios/', import.meta.url)).get(
      'sma-13-talks-fitted',
    );
    if (fitted === undefined) throw new Error('sma-13-talks-fitted is bundled');
    const report = JSON.parse(r.out);
    expect(report).toEqual(JSON.parse(JSON.stringify(scenarioSensitivity(fitted, 4, 40))));
    const us = report.parameters.find((p: { path: string }) => p.path === 'uncertainty.strategies.us.e');
    const drawn = fitted.uncertainty.strategies?.us;
    expect(us.distribution).toEqual(drawn?.kind === 'time-dependent' ? drawn.e : null);
    expect(us.distribution.kind).toBe('normal');
  }, 120_000);

  it('refuses to combine --sensitivity with a strategy override (exit 2)', async () => {
    const r = await sma('simulate', 'sma-13-talks', '--sensitivity', '--runs', '10', '--us', 'boulware');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--sensitivity varies the scenario’s own draws; leave out --us and --rok');
  });
});
