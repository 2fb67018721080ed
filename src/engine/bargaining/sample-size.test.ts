import { describe, expect, it } from 'vitest';
import { requiredRuns, wilsonInterval } from './sample-size.js';

describe('Monte Carlo sample size', () => {
  it('needs 9,604 runs for a ±1 point 95 % interval near 0.5', () => {
    // research-vectors.md §10: 1.96² × 0.25 / 0.01² = 9,604
    expect(requiredRuns(0.01, 0.5, 0.95)).toEqual({ ok: true, value: 9604 });
  });

  it('needs fewer runs away from 0.5 and rejects a zero half-width', () => {
    // 1.959964² × 0.09 / 0.01² = 3,457.4 → 3,458
    expect(requiredRuns(0.01, 0.1, 0.95)).toEqual({ ok: true, value: 3458 });
    expect(requiredRuns(0, 0.5, 0.95)).toEqual({
      ok: false,
      error: { code: 'sample_size/invalid_argument', details: { name: 'halfWidth', value: 0 } },
    });
  });
});

describe('Wilson score interval', () => {
  it('reproduces Newcombe (1998) for 81/263 and 0/20', () => {
    // Newcombe, Stat. Med. 17:857 (1998), Table I, method 3: 81/263 → 0.2553–0.3662; 0/20 → 0–0.1611
    const a = wilsonInterval(81, 263, 0.95);
    if (!a.ok) throw new Error('expected an interval');
    expect(a.value.lower).toBeCloseTo(0.2553, 4);
    expect(a.value.upper).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(0, 20, 0.95);
    if (!b.ok) throw new Error('expected an interval');
    expect(b.value).toEqual({ estimate: 0, lower: 0, upper: expect.closeTo(0.1611, 4) });
  });

  it('rejects more successes than runs', () => {
    expect(wilsonInterval(11, 10, 0.95).ok).toBe(false);
  });
});
