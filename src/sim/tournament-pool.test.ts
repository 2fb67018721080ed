import { describe, expect, it } from 'vitest';
import { randomBilateralDomain } from '../engine/domains/random-domain.js';
import { createRng } from '../engine/random/rng.js';
import { rankStrategies, tournamentSize, type TournamentSpec } from '../engine/tournament/tournament.js';
import { pendingChunks, runTournament } from './tournament-pool.js';

// The acceptance tournament: 6 strategies × 5 domains × 2 roles × 10 repetitions.
const SPEC: TournamentSpec = {
  domains: [1, 2, 3, 4, 5].map((s) => randomBilateralDomain(createRng(s), { maxReservation: 0.3 })),
  strategies: [
    { name: 'boulware', spec: { kind: 'time-dependent', e: 0.2 } },
    { name: 'conceder', spec: { kind: 'time-dependent', e: 2 } },
    { name: 'hardliner', spec: { kind: 'hardliner' } },
    { name: 'micro', spec: { kind: 'micro' } },
    { name: 'nice-tit-for-tat', spec: { kind: 'nice-tit-for-tat' } },
    { name: 'random', spec: { kind: 'random' } },
  ],
  repetitions: 10,
  seed: 2026,
  deadline: 30,
};

describe('runTournament', () => {
  it('gives the same results and table on the main thread, 1 worker and 2 workers', async () => {
    expect(tournamentSize(SPEC)).toBe(3600);
    const main = await runTournament(SPEC, { workers: 0, chunkSize: 400 });
    const one = await runTournament(SPEC, { workers: 1, chunkSize: 400 });
    const two = await runTournament(SPEC, { workers: 2, chunkSize: 400 });
    expect(one).toEqual(main);
    expect(two).toEqual(main);
    expect(rankStrategies(SPEC, two)).toEqual(rankStrategies(SPEC, main));
    // The random agent draws from its negotiation's seed: some of its runs differ across repetitions.
    const randomRuns = main.filter((r) => r.first === 'random' && r.second === 'random' && r.domain === 'random');
    expect(new Set(randomRuns.map((r) => JSON.stringify(r.outcome))).size).toBeGreaterThan(1);
  }, 120_000);

  it('resumes: the negotiations skipped come back from the file, the rest are run, the table is the same', async () => {
    const small: TournamentSpec = { ...SPEC, domains: SPEC.domains.slice(0, 1), repetitions: 2 };
    const all = await runTournament(small, { workers: 0 });
    const done = all.filter((r) => r.index % 3 === 0);
    const seen: number[] = [];
    const rest = await runTournament(small, {
      workers: 0,
      skip: new Set(done.map((r) => r.index)),
      onResult: (r) => seen.push(r.index),
    });
    expect(seen.some((i) => i % 3 === 0)).toBe(false);
    expect(rankStrategies(small, [...done, ...rest])).toEqual(rankStrategies(small, all));
  });

  it('cuts chunks at fixed index boundaries around skipped indices', () => {
    expect(pendingChunks(10, 4, new Set([1, 2, 9]))).toEqual([
      [0, 1],
      [3, 4],
      [4, 8],
      [8, 9],
    ]);
  });
});
