import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { testBackends } from '../../store/test-support.js';
import { storeJobBus, storeJobRecorder } from '../adapters.js';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const start = async (env: Record<string, string> = {}) => {
  app = await buildApp({ config: testConfig(env), clock: { now: () => new Date('2026-03-01T00:00:00Z') } });
  return app;
};

const job = (runs: number, delta1: number, delta2: number, seed = 7) => ({
  seed,
  runs,
  delta1: { min: delta1, max: delta1 },
  delta2: { min: delta2, max: delta2 },
});

const waitFinished = async (instance: FastifyInstance, id: string) => {
  for (;;) {
    const res = await instance.inject({ url: `/api/jobs/${id}` });
    if (res.json().status !== 'running') return res.json();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const sseEvents = (body: string) =>
  body
    .split('\n\n')
    .filter((frame) => frame.startsWith('event:'))
    .map((frame) => {
      const [event, data] = frame.split('\n');
      return { event: event?.slice('event: '.length), job: JSON.parse(data?.slice('data: '.length) ?? 'null') };
    });

describe('simulation jobs', () => {
  it('runs a Monte Carlo of the Rubinstein split in worker threads and returns its result', async () => {
    const instance = await start();
    const started = await instance.inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: job(5000, 0.9, 0.8),
    });
    expect(started.statusCode).toBe(202);
    expect(started.headers.location).toBe(`/api/jobs/${started.json().id}`);
    expect(started.json()).toMatchObject({
      status: 'running',
      progress: { done: 0, total: 3 },
      createdAt: '2026-03-01T00:00:00.000Z',
    });
    const finished = await waitFinished(instance, started.json().id);
    // Rubinstein (1982): δ1 = 0.9, δ2 = 0.8 gives the first proposer 0.7142857 (research-vectors.md 1).
    expect(finished.status).toBe('succeeded');
    expect(finished.result.runs).toBe(5000);
    expect(finished.result.meanShare).toBeCloseTo(0.7142857, 7);
    expect(finished.result.histogram[14]).toEqual({ from: 0.7, to: 0.75, count: 5000 });
  });

  it('gives the same result for the same seed on one thread or two', async () => {
    const input = { seed: 42, runs: 9000, delta1: { min: 0.5, max: 0.95 }, delta2: { min: 0.6, max: 0.99 } };
    const results = [];
    for (const threads of ['1', '2']) {
      const instance = await start({ SMA_JOB_THREADS: threads });
      const started = await instance.inject({ method: 'POST', url: '/api/jobs/rubinstein-split', payload: input });
      results.push((await waitFinished(instance, started.json().id)).result);
      await instance.close();
      app = undefined;
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0].meanShare).toBeGreaterThan(0);
  });

  it('streams progress as Server-Sent Events and ends with the finished job', async () => {
    const instance = await start();
    const started = await instance.inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: job(10_000, 0.9, 0.9),
    });
    const res = await instance.inject({ url: `/api/jobs/${started.json().id}/events` });
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const events = sseEvents(res.body);
    expect(events.at(-1)?.event).toBe('finished');
    // Rubinstein (1982): δ1 = δ2 = 0.9 gives 0.5263158 (research-vectors.md 1).
    expect(events.at(-1)?.job.result.meanShare).toBeCloseTo(0.5263158, 7);
    expect(events.at(-1)?.job.progress).toEqual({ done: 5, total: 5 });
    expect(events.every((e) => e.job.input === undefined)).toBe(true);
  });

  it('sends a finished job’s stream as one event', async () => {
    const instance = await start();
    const started = await instance.inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: job(10, 0.9, 0.9),
    });
    await waitFinished(instance, started.json().id);
    const events = sseEvents((await instance.inject({ url: `/api/jobs/${started.json().id}/events` })).body);
    expect(events.map((e) => [e.event, e.job.status])).toEqual([['finished', 'succeeded']]);
  });

  it('cancels a running job, and refuses to cancel it twice', async () => {
    const instance = await start();
    const started = await instance.inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: job(100_000, 0.9, 0.9),
    });
    const cancelled = await instance.inject({ method: 'POST', url: `/api/jobs/${started.json().id}/cancel` });
    expect([cancelled.statusCode, cancelled.json().status]).toEqual([200, 'cancelled']);
    const again = await instance.inject({ method: 'POST', url: `/api/jobs/${started.json().id}/cancel` });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'job/not_running']);
  });

  it('refuses more runs than the per-job limit with 422', async () => {
    const res = await (
      await start({ SMA_MAX_RUNS_PER_JOB: '1000' })
    ).inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: job(1001, 0.9, 0.9),
    });
    expect([res.statusCode, res.json()]).toEqual([
      422,
      { error: { code: 'job/too_many_runs', message: 'A job may ask for at most 1000 runs; this one asks for 1001.' } },
    ]);
  });

  it('refuses a client more concurrent jobs than the limit with 429', async () => {
    const instance = await start({ SMA_MAX_JOBS_PER_CLIENT: '1' });
    const first = await instance.inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: job(100_000, 0.9, 0.9),
    });
    const second = await instance.inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: job(10, 0.9, 0.9),
    });
    expect([first.statusCode, second.statusCode, second.json().error.code]).toEqual([202, 429, 'job/too_many_jobs']);
    const other = await instance.inject({
      method: 'POST',
      url: '/api/jobs/rubinstein-split',
      payload: job(10, 0.9, 0.9),
      remoteAddress: '10.0.0.2',
    });
    expect(other.statusCode).toBe(202);
  });

  it('tells clients behind a trusted proxy apart by X-Forwarded-For', async () => {
    const instance = await start({ SMA_MAX_JOBS_PER_CLIENT: '1', SMA_TRUST_PROXY: 'true' });
    const from = (address: string) =>
      instance.inject({
        method: 'POST',
        url: '/api/jobs/rubinstein-split',
        payload: job(100_000, 0.9, 0.9),
        headers: { 'x-forwarded-for': address },
      });
    const statuses = [(await from('203.0.113.1')).statusCode, (await from('203.0.113.2')).statusCode];
    expect([...statuses, (await from('203.0.113.1')).statusCode]).toEqual([202, 202, 429]);
  });

  it('lists jobs and kinds, and answers an unknown job with 404', async () => {
    const instance = await start();
    await instance.inject({ method: 'POST', url: '/api/jobs/rubinstein-split', payload: job(10, 0.9, 0.9) });
    const [list, kinds, missing, missingEvents] = await Promise.all(
      ['/api/jobs', '/api/jobs/kinds', '/api/jobs/nope', '/api/jobs/nope/events'].map((url) =>
        instance.inject({ url }),
      ),
    );
    expect(list?.json()).toHaveLength(1);
    expect(kinds?.json().map((k: { kind: string; start: string }) => [k.kind, k.start])).toEqual([
      ['rubinstein-split', '/api/jobs/rubinstein-split'],
      ['scenario-monte-carlo', '/api/jobs/scenario-monte-carlo'],
      ['scenario-sensitivity', '/api/jobs/scenario-sensitivity'],
      ['calibration', '/api/jobs/calibration'],
      ['tournament', '/api/jobs/tournament'],
    ]);
    expect([missing?.statusCode, missingEvents?.statusCode, missing?.json().error.code]).toEqual([
      404,
      404,
      'job/not_found',
    ]);
  });
});

describe('jobs recorded in the store', () => {
  it('can be fetched, with their result, by another server sharing the store', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sma-jobs-'));
    const store = await openStore({ dataDir, env: {} });
    try {
      const first = await buildApp({ config: testConfig(), jobRecorder: storeJobRecorder(store) });
      const started = await first.inject({
        method: 'POST',
        url: '/api/jobs/rubinstein-split',
        payload: job(3000, 0.9, 0.9),
      });
      const finished = await waitFinished(first, started.json().id);
      await first.close();
      const second = await buildApp({ config: testConfig(), jobRecorder: storeJobRecorder(store) });
      const fetched = await second.inject({ url: `/api/jobs/${started.json().id}` });
      await second.close();
      // The store stamps its own times; everything else is the job as this server finished it.
      expect(fetched.json()).toEqual({ ...finished, createdAt: expect.any(String), finishedAt: expect.any(String) });
      expect(fetched.json().result.meanShare).toBeCloseTo(0.5263158, 7);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // Two apps over one SQLite store stand for two processes: the store's in-process notify carries the job notices.
  const twoServers = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sma-jobs-'));
    const store = await openStore({ dataDir, env: {} });
    const deps = { jobRecorder: storeJobRecorder(store), jobBus: storeJobBus(store) };
    const a = await buildApp({ config: testConfig(), ...deps });
    const b = await buildApp({ config: testConfig(), ...deps });
    return {
      a,
      b,
      close: async () => {
        await Promise.all([a.close(), b.close()]);
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  };

  it('streams on one server a job that another runs, to its finished event with the result', async () => {
    const { a, b, close } = await twoServers();
    try {
      const started = await a.inject({
        method: 'POST',
        url: '/api/jobs/rubinstein-split',
        payload: job(10_000, 0.9, 0.9),
      });
      const events = sseEvents((await b.inject({ url: `/api/jobs/${started.json().id}/events` })).body);
      const fetched = await b.inject({ url: `/api/jobs/${started.json().id}` });
      // Rubinstein (1982): δ1 = δ2 = 0.9 gives 0.5263158 (research-vectors.md 1).
      expect(events.at(-1)?.event).toBe('finished');
      expect(events.at(-1)?.job.result.meanShare).toBeCloseTo(0.5263158, 7);
      expect(events.map((e) => e.event).slice(0, -1)).not.toContain('finished');
      expect(events.every((e) => e.job.input === undefined)).toBe(true);
      expect([fetched.json().status, fetched.json().progress]).toEqual(['succeeded', { done: 5, total: 5 }]);
    } finally {
      await close();
    }
  });

  it('cancels from one server a job that another runs', async () => {
    const { a, b, close } = await twoServers();
    try {
      const started = await a.inject({
        method: 'POST',
        url: '/api/jobs/rubinstein-split',
        payload: job(100_000, 0.9, 0.9),
      });
      const cancelled = await b.inject({ method: 'POST', url: `/api/jobs/${started.json().id}/cancel` });
      expect([cancelled.statusCode, cancelled.json().status]).toEqual([200, 'cancelled']);
      expect((await a.inject({ url: `/api/jobs/${started.json().id}` })).json().status).toBe('cancelled');
      const again = await b.inject({ method: 'POST', url: `/api/jobs/${started.json().id}/cancel` });
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'job/not_running']);
    } finally {
      await close();
    }
  });
});

describe('the retired negotiation-monte-carlo kind', () => {
  it('answers a POST to its route with 410, naming scenario-monte-carlo and its inline scenarioBody', async () => {
    const instance = await start();
    const res = await instance.inject({
      method: 'POST',
      url: '/api/jobs/negotiation-monte-carlo',
      payload: { seed: 1, runs: 10 },
    });
    expect([res.statusCode, res.json().error.code]).toEqual([410, 'job/kind_retired']);
    expect(res.json().error.message).toContain('POST /api/jobs/scenario-monte-carlo');
    expect(res.json().error.message).toContain('`scenarioBody`');
    const kinds = (await instance.inject({ url: '/api/jobs/kinds' })).json() as { kind: string }[];
    expect(kinds.map((k) => k.kind)).not.toContain('negotiation-monte-carlo');
  });

  // A job an earlier version recorded (adapters.ts stores kind, input and result as they were): read, never rerun.
  for (const backend of testBackends) {
    it.skipIf(backend.skip)(`still reads its recorded jobs as they were stored (${backend.name})`, async () => {
      const location = await backend.location();
      const store = await location.open();
      try {
        const recorder = storeJobRecorder(store);
        const input = { seed: 2020, runs: 600, config: { deadline: 12 } };
        const result = { runs: 600, agreementRate: 0.95, agreementInterval95: [0.93, 0.96], quantities: {} };
        const finished = {
          id: 'old-negotiation-job',
          kind: 'negotiation-monte-carlo',
          ownerId: null,
          status: 'running' as const,
          progress: { done: 0, total: 3 },
          createdAt: '2026-11-01T00:00:00.000Z',
          finishedAt: null,
          input,
          result: null,
          error: null,
        };
        await recorder.started(finished, '127.0.0.1');
        await recorder.finished({ ...finished, status: 'succeeded', progress: { done: 3, total: 3 }, result });
        // One left running by a process of that version, which named no owner: swept as interrupted at start.
        const orphan = await store.createRun({
          id: 'old-negotiation-orphan',
          clientId: '127.0.0.1',
          ownerId: null,
          inputs: { kind: 'negotiation-monte-carlo', input, chunks: 3 },
          seed: 2020,
        });
        expect(orphan.ok).toBe(true);
        await store.updateRun('old-negotiation-orphan', { status: 'running' });

        app = await buildApp({ config: testConfig(), jobRecorder: storeJobRecorder(store) });
        const read = await app.inject({ url: '/api/jobs/old-negotiation-job' });
        expect([read.statusCode, read.json().kind, read.json().status, read.json().progress]).toEqual([
          200,
          'negotiation-monte-carlo',
          'succeeded',
          { done: 3, total: 3 },
        ]);
        expect([read.json().input, read.json().result]).toEqual([input, result]);
        const events = sseEvents((await app.inject({ url: '/api/jobs/old-negotiation-job/events' })).body);
        expect(events.map((e) => [e.event, e.job.status])).toEqual([['finished', 'succeeded']]);
        const swept = await app.inject({ url: '/api/jobs/old-negotiation-orphan' });
        expect([swept.json().kind, swept.json().status]).toEqual(['negotiation-monte-carlo', 'interrupted']);
        const cancel = await app.inject({ method: 'POST', url: '/api/jobs/old-negotiation-job/cancel' });
        expect([cancel.statusCode, cancel.json().error.code]).toEqual([409, 'job/not_running']);
      } finally {
        await app?.close();
        app = undefined;
        await store.close();
        await location.dispose();
      }
    });
  }
});
