/** Random bilateral domains from a seeded rng: for property tests, brute-force checks and benchmarks. */
import type { Rng } from '../random/rng.js';
import type { Issue } from '../negotiation/domain.js';
import type { Preferences, ValueFunction } from '../negotiation/preferences.js';
import type { BilateralDomain } from './model.js';

export interface RandomDomainOptions {
  /** Issues, from 1 (default 1–4). */
  readonly issues?: readonly [number, number];
  /** Values per issue (default 2–6). */
  readonly values?: readonly [number, number];
  /** Reservation values are drawn from [0, maxReservation] (default 0.5). */
  readonly maxReservation?: number;
}

const between = (rng: Rng, [lo, hi]: readonly [number, number]): number => lo + Math.floor(rng.next() * (hi - lo + 1));

/**
 * A domain of categorical and integer issues with two random linear-additive profiles: tables whose best option is
 * worth 1 (as Genius normalises them), or linear value functions on integer issues.
 * @example randomBilateralDomain(createRng(1)).domain.issues.length // 1 to 4
 */
export function randomBilateralDomain(rng: Rng, options: RandomDomainOptions = {}): BilateralDomain {
  const issueCount = between(rng, options.issues ?? [1, 4]);
  const issues: Issue[] = [];
  for (let k = 0; k < issueCount; k++) {
    const size = between(rng, options.values ?? [2, 6]);
    if (rng.next() < 0.5)
      issues.push({ kind: 'categorical', name: `issue${k}`, options: Array.from({ length: size }, (_, j) => `v${j}`) });
    else {
      const min = Math.floor(rng.next() * 10);
      issues.push({ kind: 'numeric', name: `issue${k}`, min, max: min + size - 1, step: 1, unit: '' });
    }
  }
  const profile = (name: string) => {
    const raw = issues.map(() => rng.next() + 0.01);
    const sum = raw.reduce((a, b) => a + b, 0);
    const weights: Record<string, number> = {};
    const values: Record<string, ValueFunction> = {};
    issues.forEach((issue, k) => {
      weights[issue.name] = (raw[k] as number) / sum;
      if (issue.kind === 'numeric') {
        values[issue.name] = { kind: 'linear', direction: rng.next() < 0.5 ? 'increasing' : 'decreasing' };
        return;
      }
      const draws = issue.options.map(() => rng.next());
      const top = Math.max(...draws);
      values[issue.name] = {
        kind: 'table',
        values: Object.fromEntries(issue.options.map((o, j) => [o, (draws[j] as number) / top])),
      };
    });
    const preferences: Preferences = {
      weights,
      values,
      reservation: { kind: 'constant', value: rng.next() * (options.maxReservation ?? 0.5) },
    };
    return { name, preferences };
  };
  return { name: 'random', domain: { issues }, profiles: [profile('a'), profile('b')] };
}
