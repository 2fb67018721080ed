import { describe, expect, it } from 'vitest';
import { createWorkerPool, TaskFailure, taperedChunkRanges } from './worker-pool.js';

const tasks = new URL('../../test/fixtures/pool-tasks.ts', import.meta.url);

const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof TaskFailure ? { code: error.code, message: error.message } : error;
  }
};

describe('taperedChunkRanges', () => {
  it('covers the runs once, in order, full chunks first, then a quarter of the runs left down to an eighth of a chunk', () => {
    const ranges = taperedChunkRanges(1_000_000, 20_000);
    expect(ranges[0]).toEqual([0, 20_000]);
    expect(ranges.at(-1)?.[1]).toBe(1_000_000);
    ranges.forEach(([from], i) => expect(from).toBe(i === 0 ? 0 : ranges[i - 1]?.[1]));
    // the tail: 80,000 runs left, then a quarter of what is left, never under 2,500, the last 508 joined to a chunk
    expect(ranges.slice(-11).map(([from, to]) => to - from)).toEqual([
      20_000, 15_000, 11_250, 8_438, 6_328, 4_746, 3_560, 2_670, 2_500, 2_500, 3_008,
    ]);
    // a job within one chunk stays one chunk; one a little larger is split into the tapering tail
    expect(taperedChunkRanges(250, 250)).toEqual([[0, 250]]);
    expect(taperedChunkRanges(300, 250).map(([from, to]) => to - from)).toEqual([75, 57, 42, 32, 32, 62]);
    expect(taperedChunkRanges(0, 250)).toEqual([]);
  });
});

describe('the worker pool', () => {
  it('ends a chunk over its time or memory limit, or that throws, with its code, and keeps serving', async () => {
    const pool = createWorkerPool({ threads: 1, limits: { timeMs: 1_500, memoryMb: 64 } });
    try {
      expect(await failureOf(pool.run(tasks, { kind: 'spin' }))).toEqual({
        code: 'job/chunk_time_limit',
        message: 'A chunk may run at most 1.5 s; this one ran longer and was stopped.',
      });
      expect(await failureOf(pool.run(tasks, { kind: 'hoard' }))).toEqual({
        code: 'job/chunk_memory_limit',
        message: 'A chunk may use at most 64 MB; this one needed more and was stopped.',
      });
      expect(await failureOf(pool.run(tasks, { kind: 'throw' }))).toEqual({
        code: 'job/chunk_failed',
        message: 'RangeError: a chunk out of range',
      });
      expect(await pool.run(tasks, { kind: 'square', n: 12 })).toBe(144);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('closes while its threads are still loading, failing the waiting tasks, and this process lives on', async () => {
    for (let round = 0; round < 5; round++) {
      const pool = createWorkerPool({ threads: 2 });
      const outcome = (p: Promise<unknown>) =>
        p.then(
          (v) => v,
          (e: unknown) => (e as TaskFailure).code,
        );
      const waiting = [
        outcome(pool.run(tasks, { kind: 'square', n: 3 })),
        outcome(pool.run(tasks, { kind: 'square', n: 4 })),
      ];
      await pool.close();
      const outcomes = await Promise.all(waiting);
      for (const outcome of outcomes) expect([9, 16, 'job/pool_closed']).toContain(outcome);
    }
  }, 60_000);
});
