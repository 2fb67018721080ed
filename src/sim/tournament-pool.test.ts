import { describe, expect, it } from 'vitest';
import { rankStrategies, tournamentSize, type TournamentSpec } from '../engine/tournament/tournament.js';
import { issueTournamentSpec } from './test-issue-tournament.js';
import { pendingChunks, runTournament } from './tournament-pool.js';

// The issue's acceptance tournament: 6 strategies × 5 domains × 2 roles × 10 repetitions (also run on the job queue
// in test/e2e/jobs-queue.test.ts).
const SPEC: TournamentSpec = issueTournamentSpec();

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
    const randomRuns = main.filter(
      (r) => r.first === 'random' && r.second === 'random' && r.domain === SPEC.domains[1]?.name,
    );
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
