import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crpsNormal } from '../../engine/calibration/scores.js';
import { parseScenarioFile } from '../../io/scenario-file.js';
import '../commands.js';
import { captureIo } from '../io.js';
import { runCli } from '../main.js';

const scratch = mkdtempSync(join(tmpdir(), 'sma-calib-'));
const cli = async (...argv: string[]) => {
  const io = captureIo({}, scratch);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
};
const small = ['--population', '30', '--generations', '2', '--seed', '4'];
const runs = ['--runs', '300'];

describe('sma calibrate', () => {
  it('prints the identical fit on 1 and 2 workers and writes a scenario whose fitted values cite the fit', async () => {
    const one = await cli('calibrate', 'sma-11-talks', ...small, ...runs, '--workers', '1', '--json');
    const two = await cli(
      'calibrate',
      'sma-11-talks',
      ...small,
      ...runs,
      '--workers',
      '2',
      '--json',
      '--out',
      'fitted.yaml',
    );
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const a = JSON.parse(one.out);
    const b = JSON.parse(two.out);
    expect({ ...b, out: null }).toStrictEqual(a);
    expect(a.talks).toEqual(['sma-11-talks']);
    // agreements.json sma-11: concluded 2021-03-07, 2021 +13.9 %; event sma11-2020-04-20-statement: the US rejected +13 %
    // context ratification_votes: the 11th SMA's consent vote, 2021-08-31, 133 yes of 160 present, 11 no, 16 abstain
    expect(a.targets[0]).toEqual({
      id: 'sma-11-talks',
      firstYearChange: 0.139,
      concluded: '2021-03-07',
      rejections: [{ side: 'us', change: 0.13, onOrBefore: '2020-04-20', source: 'sma11-2020-04-20-statement' }],
      consentVote: { date: '2021-08-31', present: 160, yes: 133, no: 11, abstain: 16 },
      positions: expect.arrayContaining([{ side: 'us', date: '2020-05-07', change: 0.477 }]),
    });
    const names = a.parameters.map((p: { name: string }) => p.name);
    expect(names.slice(0, 5)).toEqual([
      'strategies.us.e',
      'strategies.rok.e',
      'protocol.horizon',
      'ratification.failedVoteCost',
      'sma-11-talks.reservation.us',
    ]);
    expect(names).toContain('sma-11-talks.ratification.rok.1.blocs.0.threshold');
    expect(a.tolerances[0].tolerance).toBeNull(); // generation 0 is the prior sample (ε = ∞)
    expect(two.err).toMatch(/calibrate: generation 2 \(at most 2\)/);
    expect(a.tolerances[1]).toMatchObject({ resampled: true, moves: expect.any(Number), distinct: expect.any(Number) });
    expect(a.inSample).toHaveLength(1);
    expect(a.inSample[0]).toMatchObject({
      id: 'sma-11-talks',
      real: { firstYearChange: 0.139, concluded: '2021-03-07' },
    });
    expect(Object.keys(a.inSample[0].met)).toEqual([
      'agreementRate',
      'firstYearChangeInCentral80',
      'concludedInCentral80',
      'failedVotesAtMost10',
    ]);
    const written = readFileSync(join(scratch, 'fitted.yaml'));
    const parsed = parseScenarioFile(written, 'fitted.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.id).toBe('sma-11-talks-fitted');
    expect(parsed.value.uncertainty.reservation?.us?.kind).toBe('normal');
    const threshold = parsed.value.ratification.rok?.[1]?.blocs[0]?.stance;
    expect(threshold?.kind === 'threshold' && threshold.threshold.kind).toBe('normal');
    // the failed vote's cost: a normal clamped to its prior's range [0, 0.2] (the schema asks a normal for both bounds)
    expect(parsed.value.uncertainty.failedVoteCost).toMatchObject({ kind: 'normal', min: 0, max: 0.2 });
    for (const key of [
      'uncertainty.reservation.us',
      'uncertainty.strategies.rok.e',
      'uncertainty.failedVoteCost',
      'ratification.rok.1.blocs.0.stance.threshold',
    ])
      expect(parsed.value.sources[key]).toMatch(
        /^fitted to sma-11-talks \(first-year change \+13\.9 %.*consent vote passed 2021-08-31 with 133 yes of 160 present\) by adaptive ABC-SMC/,
      );
    expect(parsed.value.sources['uncertainty.reservation']).toBeUndefined();
  }, 120_000);

  it('prints the fit and the in-sample replay in Korean with --lang ko', async () => {
    const r = await cli(
      'calibrate',
      'sma-12-talks',
      '--population',
      '10',
      '--generations',
      '1',
      '--runs',
      '100',
      '--workers',
      '0',
      '--lang',
      'ko',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^보정 대상 sma-12-talks, 시드 1/);
    expect(r.out).toMatch(/표본 내 검증/);
    // the parameter in the simulation tables' words (parameterLabel), its prior in Korean
    expect(r.out).toMatch(/sma-12-talks · 미국 유보가치\s+균등분포\(0\.2, 0\.4\)/);
  });

  it('refuses a talk that has no real outcome with exit code 2', async () => {
    const r = await cli('calibrate', 'sma-13-talks', ...small, '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sma-13-talks: expected realOutcome/);
  });

  it('refuses bad flags with exit code 2, naming the flag', async () => {
    const r = await cli('calibrate', 'sma-11-talks', '--population', '5');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--population: expected at least 10 particles/);
  });
});

describe('sma backtest', () => {
  it('prints exactly { method, seed, talks } with one scored line per historical talk', async () => {
    const r = await cli('backtest', ...small, '--runs', '300', '--workers', '0', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['method', 'seed', 'talks']);
    expect(j.method).toMatch(/previous agreement's first-year change/);
    expect(j.talks.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['sma-11-talks', 'sma-12-talks']));
    for (const t of j.talks) {
      // The shape, with the randomised PIT (Czado et al. 2009) beside its at-or-below PIT.
      expect(Object.keys(t)).toEqual(['id', 'real', 'predicted', 'pit', 'pitRandomized', 'crps']);
      expect(Object.keys(t.predicted.firstYearChange)).toEqual(['p10', 'p25', 'p50', 'p75', 'p90']);
      expect(t.predicted.concluded.p50).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.pit.firstYearChange).toBeGreaterThanOrEqual(0);
      expect(t.pit.firstYearChange).toBeLessThanOrEqual(1);
    }
    const talk = (id: string) => j.talks.find((t: { id: string }) => t.id === id);
    expect(talk('sma-11-talks').real).toEqual({ firstYearChange: 0.139, concluded: '2021-03-07' });
    expect(talk('sma-12-talks').real).toEqual({ firstYearChange: 0.083, concluded: '2024-10-02' });
    // The baseline for the 11th talks: N(+8.2 % (sma-10's 2019), sd of the first-year changes of sma-2 … sma-10 on
    // record: +18.18, +10, +10.4, −8.9, +6.6, +2.49, +5.8, +8.2 % (sma-1 and sma-4 have none)), scored at +13.9 %.
    const earlier = [0.1818, 0.1, 0.104, -0.089, 0.066, 0.0249, 0.058, 0.082];
    const mean = earlier.reduce((a, x) => a + x, 0) / earlier.length;
    const sd = Math.sqrt(earlier.reduce((a, x) => a + (x - mean) ** 2, 0) / (earlier.length - 1));
    expect(talk('sma-11-talks').crps.firstYearChange.baseline).toBeCloseTo(crpsNormal(0.082, sd, 0.139), 6);
  }, 120_000);
});
