import { describe, expect, it } from 'vitest';
import {
  addRun,
  addToHistogram,
  emptyHistogram,
  emptyRunSummary,
  histogramBars,
  histogramQuantile,
  mergeRunSummaries,
  reportRunSummary,
  wilsonInterval,
} from './scenario-monte-carlo.js';
import { runScenarioChunk, scenarioConfig, scenarioLapseBins } from './scenario.js';
import { lapseScenario } from './test-scenarios.js';

describe('the scenario Monte Carlo’s counts', () => {
  it('gives the Wilson 95 % interval: 8 of 10 → [0.4902, 0.9433]; ±1 point near 0.5 takes about 9,604 runs', () => {
    // Wilson 1927; research-vectors.md 10.
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
    const [a, b] = wilsonInterval(4802, 9604);
    expect((b - a) / 2).toBeCloseTo(0.01, 4);
  });

  it('reads quantiles from a histogram to within a bin: 0..99 in 20 bins has median 50', () => {
    let h = emptyHistogram(0, 100, 20);
    for (let x = 0; x < 100; x++) h = addToHistogram(h, x);
    expect(histogramQuantile(h, 0.5)).toBe(50);
    expect(histogramQuantile(h, 0.05)).toBe(5);
    expect(h.sumMicro / 1e6 / h.n).toBe(49.5);
  });

  it('draws a histogram as at most n bars: empty ends dropped, adjacent bins summed on the original grid', () => {
    let h = emptyHistogram(0, 100, 20);
    for (const x of [12, 13, 37, 41, 99]) h = addToHistogram(h, x);
    expect(histogramBars(h, 5)).toEqual([
      { from: 0, to: 20, count: 2 },
      { from: 20, to: 40, count: 1 },
      { from: 40, to: 60, count: 1 },
      { from: 60, to: 80, count: 0 },
      { from: 80, to: 100, count: 1 },
    ]);
    const fine = histogramBars(h, 100);
    expect([fine.length, fine[0], fine.at(-1)]).toEqual([
      18,
      { from: 10, to: 15, count: 2 },
      { from: 95, to: 100, count: 1 },
    ]);
    expect(histogramBars(emptyHistogram(0, 1, 4), 10)).toEqual([]);
  });

  it('counts a whole number on its own bin even where (k / n) · n falls below k in floating point', () => {
    // (1 / 49) · 49 = 0.9999999999999999: dividing first would put 1 in bin 0.
    expect(addToHistogram(emptyHistogram(0, 49, 49), 1).counts[1]).toBe(1);
    // 0.139 on a 0.001 grid over [0, 4.7] (the 11th SMA's 2021 +13.9 %) counts in the bin starting at 0.139.
    expect(addToHistogram(emptyHistogram(0, 4.7, 4700), 0.139).counts[139]).toBe(1);
  });

  it('summarises every run once: end reasons add up to the runs, and terms, rounds and lapse count what they should', () => {
    const { summary: s } = runScenarioChunk(lapseScenario, 2020, 0, 120);
    expect(s.runs).toBe(120);
    expect(s.agreements).toBe(s.reasons.agreement);
    expect(s.reasons.agreement + s.reasons.deadline + s.reasons.walkaway + s.reasons['ratification-failed']).toBe(120);
    expect(s.roundsToAgreement.n).toBe(s.agreements);
    expect(s.terms['first-year-change']?.n).toBe(s.agreements);
    expect([s.monthsInLapse.n, s.furloughedWorkerMonths.n]).toEqual([120, 120]);
    expect(s.runsWithRatificationFailure).toBeLessThanOrEqual(s.ratificationFailures);
    const report = reportRunSummary(s);
    expect(report.agreementRate).toBe(s.agreements / 120);
    expect(report.agreementInterval95).toEqual(wilsonInterval(s.agreements, 120));
    expect(report.quantities['term:first-year-change']?.n).toBe(s.agreements);
  });

  it('starts from an empty summary that is the identity of merge', () => {
    const empty = emptyRunSummary(scenarioConfig(lapseScenario), scenarioLapseBins(lapseScenario));
    const run = {
      outcome: { 'first-year-change': 0.13, duration: 5 },
      reason: 'agreement',
      round: 7,
      ratificationFailures: 1,
      ratificationPostponements: 2,
      ratificationsNotHeld: 0,
      monthsInLapse: 4,
      furloughedWorkerMonths: 4500,
    } as const;
    const one = addRun(empty, run);
    expect(mergeRunSummaries(empty, one)).toEqual(one);
    expect(mergeRunSummaries(one, empty)).toEqual(one);
    expect([one.runs, one.agreements, one.runsWithRatificationFailure, one.terms['duration']?.counts[4]]).toEqual([
      1, 1, 1, 1,
    ]);
    // two postponed sittings are one run with a postponement, apart from the lost vote
    const two = mergeRunSummaries(one, one);
    expect([two.ratificationPostponements, two.runsWithPostponement, two.ratificationsNotHeld]).toEqual([4, 2, 0]);
  });
});
