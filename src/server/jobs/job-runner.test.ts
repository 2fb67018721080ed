import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { storeJobBus, storeJobRecorder } from '../adapters.js';
import { createJobRunner, type JobEvent } from './job-runner.js';
import { rubinsteinSplitJob } from './rubinstein-split-job.js';

const clock = { now: () => new Date('2026-03-01T00:00:00Z') };

describe('a job recorded as running whose process is gone', () => {
  it('answers a cancel with job/unavailable after the timeout, and a follower with its recorded state', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sma-runner-'));
    const store = await openStore({ dataDir, env: {} });
    const recorder = storeJobRecorder(store);
    const runner = createJobRunner({
      kinds: [rubinsteinSplitJob],
      clock,
      threads: 1,
      maxRunsPerJob: 10_000,
      maxJobsPerClient: 1,
      jobsKept: 1,
      recorder,
      bus: storeJobBus(store),
      remoteCancelTimeoutMs: 200,
    });
    try {
      // Recorded by a process that then died: running in the store, held by nobody.
      const input = { seed: 1, runs: 4000, delta1: { min: 0.9, max: 0.9 }, delta2: { min: 0.9, max: 0.9 } };
      await recorder.started(
        {
          id: 'orphan',
          kind: 'rubinstein-split',
          status: 'running',
          progress: { done: 0, total: 2 },
          createdAt: '2026-03-01T00:00:00.000Z',
          finishedAt: null,
          input,
          result: null,
          error: null,
        },
        '127.0.0.1',
      );
      const cancelled = await runner.cancel('orphan');
      expect(cancelled.ok ? cancelled.value : cancelled.error).toMatchObject({ code: 'job/unavailable', id: 'orphan' });
      const events: JobEvent[] = [];
      const stop = await runner.watch('orphan', (event) => events.push(event));
      stop?.();
      expect(events.map((e) => [e.type, e.job.status, e.job.progress])).toEqual([
        ['progress', 'running', { done: 0, total: 2 }],
      ]);
      expect(await runner.watch('no-such-job', () => undefined)).toBeUndefined();
      expect((await runner.cancel('no-such-job')).ok).toBe(false);
    } finally {
      await runner.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
