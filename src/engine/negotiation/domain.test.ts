import { describe, expect, it } from 'vitest';
import { enumerateOutcomes, isInDomain, issueValues, outcomeAt, outcomeSpaceSize, type Domain } from './domain.js';

const domain: Domain = {
  issues: [
    { kind: 'numeric', name: 'change', min: -0.1, max: 0.1, step: 0.005, unit: 'rate' },
    { kind: 'categorical', name: 'index', options: ['none', 'rok-cpi'] },
  ],
};

describe('domains', () => {
  it('puts decimal steps on an exact grid: −0.1..0.1 by 0.005 has 41 values ending at 0.1', () => {
    const values = issueValues(domain.issues[0]!);
    expect(values).toHaveLength(41);
    expect(values[29]).toBe(0.045);
    expect(values[40]).toBe(0.1);
  });

  it('enumerates every outcome once, last issue fastest, matching outcomeAt', () => {
    const all = [...enumerateOutcomes(domain)];
    expect(all).toHaveLength(outcomeSpaceSize(domain));
    expect(all[0]).toEqual({ change: -0.1, index: 'none' });
    expect(all[1]).toEqual({ change: -0.1, index: 'rok-cpi' });
    expect(outcomeAt(domain, 81)).toEqual({ change: 0.1, index: 'rok-cpi' });
    expect(new Set(all.map((o) => JSON.stringify(o))).size).toBe(82);
  });

  it('rejects values off the grid, out of range, unknown options, missing or extra issues', () => {
    expect(isInDomain(domain, { change: 0.045, index: 'none' })).toBe(true);
    expect(isInDomain(domain, { change: 0.046, index: 'none' })).toBe(false);
    expect(isInDomain(domain, { change: 0.105, index: 'none' })).toBe(false);
    expect(isInDomain(domain, { change: 0, index: 'us-cpi' })).toBe(false);
    expect(isInDomain(domain, { change: 0 })).toBe(false);
    expect(isInDomain(domain, { change: 0, index: 'none', extra: 1 })).toBe(false);
    expect(isInDomain(domain, { change: '0', index: 'none' })).toBe(false);
    expect(isInDomain(domain, null)).toBe(false);
  });
});

describe('grids of large amounts', () => {
  it('keeps won amounts exact: 1.0–2.0 tn won by 100 m won has 10,001 integer values', () => {
    const amounts = {
      kind: 'numeric' as const,
      name: 'amount',
      min: 1_000_000_000_000,
      max: 2_000_000_000_000,
      step: 100_000_000,
      unit: 'won',
    };
    const values = issueValues(amounts);
    expect(values).toHaveLength(10_001);
    expect(values[5192]).toBe(1_519_200_000_000);
    expect(values.every((v) => Number.isInteger(v))).toBe(true);
    expect(isInDomain({ issues: [amounts] }, { amount: 1_519_200_000_001 })).toBe(false);
  });
});
