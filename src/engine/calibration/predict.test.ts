import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../negotiation/calendar.js';
import { inSampleCheck, type TalkPrediction } from './predict.js';
import type { TalkTargets } from './talk-model.js';

const targets: TalkTargets = {
  id: 'sma-10-talks',
  firstYearChange: 0.082,
  concluded: '2019-02-10',
  rejections: [],
  consentVote: null,
  positions: [],
};
const realDay = daysFromCivil(targets.concluded);
const prediction = (changes: number[], days: number[], pitUniforms: [number, number] = [0.3, 0.6]): TalkPrediction => ({
  runs: 10,
  firstYearChanges: changes,
  concludedDays: days,
  failedVotes: 1,
  pitUniforms,
});

describe('in-sample checks', () => {
  it('counts a point mass on the real value as inside the central 80 % (p10 ≤ real ≤ p90)', () => {
    const c = inSampleCheck({ targets }, prediction(new Array(10).fill(0.082), new Array(10).fill(realDay)));
    expect(c.met).toEqual({
      agreementRate: true,
      firstYearChangeInCentral80: true,
      concludedInCentral80: true,
      failedVotesAtMost10: true,
    });
    // The PIT counts every tie as at or below: 1. The randomised PIT draws within the tie: v itself.
    expect(c.pit).toEqual({ firstYearChange: 1, concluded: 1 });
    expect(c.pitRandomized).toEqual({ firstYearChange: 0.3, concluded: 0.6 });
    expect(c.predicted.concluded).toEqual({ p10: targets.concluded, p50: targets.concluded, p90: targets.concluded });
  });

  it('counts a real value below every simulated deal as outside, and one between p10 and p90 as inside', () => {
    const later = Array.from({ length: 10 }, (_, i) => realDay + 20 + i);
    const above = inSampleCheck({ targets }, prediction([0.1, 0.11, 0.12, 0.13, 0.14], later));
    expect(above.met.firstYearChangeInCentral80).toBe(false);
    expect(above.met.concludedInCentral80).toBe(false);
    expect(above.pit).toEqual({ firstYearChange: 0, concluded: 0 });
    expect(above.pitRandomized).toEqual({ firstYearChange: 0, concluded: 0 });
    // 0.082 among 0.06 … 0.10: type-7 p10 = 0.064, p90 = 0.096. Ties at 0.082 (two of five): PIT 3/5, randomised (1 + 0.3·2)/5.
    const spread = inSampleCheck({ targets }, prediction([0.06, 0.082, 0.082, 0.09, 0.1], later));
    expect(spread.met.firstYearChangeInCentral80).toBe(true);
    expect(spread.pit.firstYearChange).toBe(0.6);
    expect(spread.pitRandomized.firstYearChange).toBeCloseTo(0.32, 12);
    expect(spread.met.agreementRate).toBe(false); // 5 deals of 10 runs
  });

  it('fails the check without deals', () => {
    const none = inSampleCheck({ targets }, prediction([], []));
    expect(none.met.firstYearChangeInCentral80).toBe(false);
    expect(none.met.concludedInCentral80).toBe(false);
    expect(none.pitRandomized).toEqual({ firstYearChange: null, concluded: null });
  });
});
