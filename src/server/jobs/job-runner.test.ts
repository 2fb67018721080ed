import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { storeJobBus, storeJobRecorder } from '../adapters.js';
import { createJobRunner, type JobBus, type JobEvent, type JobRecorder, type JobSnapshot } from './job-runner.js';
import { rubinsteinSplitJob } from './rubinstein-split-job.js';

const clock = { now: () => new Date('2026-03-01T00:00:00Z') };
const input = { seed: 1, runs: 4000, delta1: { min: 0.9, max: 0.9 }, delta2: { min: 0.9, max: 0.9 } };

describe('jobs that a gone process left running', () => {
  it('end as interrupted when a runner starts, with the reason; a live process’s job stays running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sma-runner-'));
    const store = await openStore({ dataDir, env: {} });
    // A process that has exited (and been reaped): its pid names no process now.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const recorded = async (id: string, owner: { host: string; pid: number; instance: string }) => {
      await store.createRun({
        id,
        clientId: '127.0.0.1',
        seed: 1,
        inputs: { kind: 'rubinstein-split', input, chunks: 2, owner },
      });
      await store.updateRun(id, { status: 'running', progress: 0.5 });
    };
    await recorded('orphan', { host: hostname(), pid: gone, instance: 'a process that was killed' });
    // This test's parent process is alive: a job it ran (as another server process would) is not touched.
    await recorded('held', { host: hostname(), pid: process.ppid, instance: 'another live process' });
    const runner = createJobRunner({
      kinds: [rubinsteinSplitJob],
      clock,
      threads: 1,
      maxRunsPerJob: 10_000,
      maxJobsPerClient: 1,
      jobsKept: 1,
      recorder: storeJobRecorder(store),
      bus: storeJobBus(store),
      remoteCancelTimeoutMs: 200,
    });
    try {
      await runner.ready();
      const orphan = await runner.get('orphan');
      expect([orphan?.status, orphan?.progress, orphan?.error]).toEqual([
        'interrupted',
        { done: 1, total: 2 },
        {
          code: 'job/interrupted',
          message: 'The server process running this job ended before the job finished; start it again.',
        },
      ]);
      const cancelled = await runner.cancel('orphan');
      expect(cancelled.ok ? cancelled.value : cancelled.error).toMatchObject({ code: 'job/not_running' });
      // Its event stream ends at once: one finished event.
      const events: JobEvent[] = [];
      (await runner.watch('orphan', (event) => events.push(event)))?.();
      expect(events.map((e) => [e.type, e.job.status])).toEqual([['finished', 'interrupted']]);
      expect((await runner.get('held'))?.status).toBe('running');
      expect(await runner.watch('no-such-job', () => undefined)).toBeUndefined();
      expect((await runner.cancel('no-such-job')).ok).toBe(false);
    } finally {
      await runner.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('limits of a job', () => {
  const runner = () =>
    createJobRunner({
      kinds: [rubinsteinSplitJob],
      clock,
      threads: 1,
      maxRunsPerJob: 10_000,
      maxJobsPerClient: 1,
      jobsKept: 5,
      chunkLimits: { timeMs: 60_000, memoryMb: 256 },
    });

  it('refuses a second concurrent job of one client, not another client’s, and a cancel leaves the other to finish', async () => {
    const jobs = runner();
    try {
      const first = await jobs.start('rubinstein-split', input, '10.0.0.1');
      const second = await jobs.start('rubinstein-split', input, '10.0.0.1');
      const other = await jobs.start('rubinstein-split', input, '10.0.0.2');
      expect(second.ok ? second.value : second.error).toMatchObject({ code: 'job/too_many_jobs', limit: 1 });
      if (!first.ok || !other.ok) throw new Error('the first jobs of two clients start');
      const cancelled = await jobs.cancel(first.value.id);
      expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
      await jobs.settled(other.value.id);
      const done = await jobs.get(other.value.id);
      // Rubinstein (1982): δ1 = δ2 = 0.9 gives the first proposer (1 − 0.9) / (1 − 0.81) = 0.5263158.
      expect([done?.status, done?.progress, (done?.result as { meanShare: number }).meanShare.toFixed(7)]).toEqual([
        'succeeded',
        { done: 2, total: 2 },
        '0.5263158',
      ]);
    } finally {
      await jobs.close();
    }
  }, 60_000);

  it('refuses more runs than the limit with its code and numbers', async () => {
    const jobs = runner();
    try {
      const refused = await jobs.start('rubinstein-split', { ...input, runs: 10_001 }, '10.0.0.1');
      expect(refused.ok ? refused.value : refused.error).toMatchObject({
        code: 'job/too_many_runs',
        limit: 10_000,
        runs: 10_001,
      });
    } finally {
      await jobs.close();
    }
  });
});

describe('a job another process runs, followed here when no notice of its end arrives', () => {
  const running: JobSnapshot = {
    id: 'remote',
    kind: 'rubinstein-split',
    ownerId: null,
    status: 'running',
    progress: { done: 0, total: 2 },
    createdAt: '2026-03-01T00:00:00.000Z',
    finishedAt: null,
    input,
    result: null,
    error: null,
  };
  const succeeded: JobSnapshot = {
    ...running,
    status: 'succeeded',
    progress: { done: 2, total: 2 },
    finishedAt: '2026-03-01T00:00:01.000Z',
    result: { meanShare: 0.5263158 },
  };
  // The store as the other process left it: running at the first read, then ended and recorded.
  const recorderOf = (stored: { job: JobSnapshot }): JobRecorder => ({
    started: async () => undefined,
    progressed: async () => undefined,
    finished: async () => undefined,
    fetch: async (id) => (id === stored.job.id ? stored.job : undefined),
  });
  const buses: Record<string, JobBus> = {
    // The listening connection could not be opened (e.g. the database refused one more client).
    'whose subscribe failed': {
      publish: async () => undefined,
      subscribe: () => Promise.reject(new Error('sorry, too many clients already')),
    },
    // Listening, but the finished notice was sent while the connection was down, and NOTIFY does not keep it.
    'that lost the finished notice': { publish: async () => undefined, subscribe: async () => async () => undefined },
  };
  const cancelledJob: JobSnapshot = { ...running, status: 'cancelled', finishedAt: '2026-03-01T00:00:01.000Z' };
  // A runner beside the process that runs job `remote`: it reads that job's record every 10 ms.
  const remoteRunner = (
    stored: { job: JobSnapshot },
    bus: JobBus,
    options: { readonly remoteCancelTimeoutMs?: number; readonly onError?: (error: unknown) => void } = {},
  ) =>
    createJobRunner({
      kinds: [rubinsteinSplitJob],
      clock,
      threads: 1,
      maxRunsPerJob: 10_000,
      maxJobsPerClient: 1,
      jobsKept: 1,
      recorder: recorderOf(stored),
      bus,
      remoteRereadMs: 10,
      onError: () => undefined,
      ...options,
    });

  it('cancels it when this process could not listen: the stop is read from the record, not awaited as a notice', async () => {
    // The other process hears the cancel (NOTIFY still goes out) and records the job cancelled; no notice reaches here.
    // The wait for a notice is 60 s, beyond the test's time limit: the answer must come from the record.
    const stored = { job: running };
    const deaf: JobBus = {
      publish: async (notice) => {
        if (notice.type === 'cancel') stored.job = cancelledJob;
      },
      subscribe: () => Promise.reject(new Error('sorry, too many clients already')),
    };
    const runner = remoteRunner(stored, deaf, { remoteCancelTimeoutMs: 60_000 });
    try {
      const r = await runner.cancel('remote');
      expect(r.ok ? r.value.status : r.error).toBe('cancelled');
    } finally {
      await runner.close();
    }
  });

  it('says, when nobody stops it, that this process is not listening, with the job and the time waited', async () => {
    const stored = { job: running };
    const deaf: JobBus = {
      publish: async () => undefined,
      subscribe: () => Promise.reject(new Error('sorry, too many clients already')),
    };
    const runner = remoteRunner(stored, deaf, { remoteCancelTimeoutMs: 50 });
    try {
      const r = await runner.cancel('remote');
      expect(r.ok ? r.value : r.error).toEqual({
        code: 'job/unavailable',
        id: 'remote',
        message:
          'No server process stopped job remote within 50 ms; the process running it may be gone. This process is not listening for other processes’ notices (listening failed when it started), so it read the job’s record instead.',
      });
    } finally {
      await runner.close();
    }
  });

  for (const [name, bus] of Object.entries(buses)) {
    it(`still ends with the recorded result on a bus ${name}`, async () => {
      const stored = { job: running };
      const errors: unknown[] = [];
      const runner = remoteRunner(stored, bus, { onError: (error) => errors.push(error) });
      try {
        const events: JobEvent[] = [];
        let finished!: () => void;
        const ended = new Promise<void>((resolve) => (finished = resolve));
        const unwatch = await runner.watch('remote', (event) => {
          events.push(event);
          if (event.type === 'finished') finished();
        });
        expect(events.map((e) => [e.type, e.job.status])).toEqual([['progress', 'running']]);
        stored.job = succeeded;
        await ended;
        unwatch?.();
        expect(events.map((e) => [e.type, e.job.status])).toEqual([
          ['progress', 'running'],
          ['finished', 'succeeded'],
        ]);
        expect(events.at(-1)?.job.result).toEqual({ meanShare: 0.5263158 });
        expect(errors.map(String)).toEqual(
          name === 'whose subscribe failed' ? ['Error: sorry, too many clients already'] : [],
        );
      } finally {
        await runner.close();
      }
    });
  }
});
