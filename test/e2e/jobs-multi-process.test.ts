import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresLocation,
  postgresSuiteName,
  testDatabaseUrl,
  type TestLocation,
} from '../../src/store/test-support.js';
import { hasRealServer, startApp, type RunningApp } from './app-server.js';
import { openSse, type SseEvent } from './sse-client.js';

interface JobEventData {
  readonly status: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly result: { readonly meanShare: number } | null;
}

const rubinstein = (runs: number) => ({
  seed: 7,
  runs,
  delta1: { min: 0.9, max: 0.9 },
  delta2: { min: 0.9, max: 0.9 },
});

// Two real server processes on one PostgreSQL database: job notices travel by LISTEN/NOTIFY between them.
describe.skipIf(testDatabaseUrl === undefined || !hasRealServer)(
  postgresSuiteName('jobs across two server processes on one PostgreSQL database'),
  () => {
    let location: TestLocation;
    let a: RunningApp;
    let b: RunningApp;

    beforeAll(async () => {
      location = await postgresLocation(testDatabaseUrl ?? '');
      const env = { DATABASE_URL: location.options.databaseUrl ?? '' };
      // One after the other, so the second finds the schema migrated.
      a = await startApp('/nonexistent-web-dist', env);
      b = await startApp('/nonexistent-web-dist', env);
    }, 90_000);

    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await location?.dispose();
    });

    const post = async (app: RunningApp, path: string, body?: unknown) => {
      const res = await fetch(`${app.url}${path}`, {
        method: 'POST',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } };
    };

    it('streams on B, to its finished event, a job started on A, and B reads its result', async () => {
      const started = await post(a, '/api/jobs/rubinstein-split', rubinstein(40_000));
      expect(started.status).toBe(202);
      const events: SseEvent[] = [];
      const stream = await openSse(`${b.url}/api/jobs/${started.body.id}/events`, (e) => events.push(e));
      await stream.ended;
      const jobs = events.map((e) => JSON.parse(e.data) as JobEventData);
      const fetched = (await (await fetch(`${b.url}/api/jobs/${started.body.id}`)).json()) as JobEventData;
      // Rubinstein (1982): δ1 = δ2 = 0.9 gives the first proposer 0.5263158 (research-vectors.md 1).
      expect(events.at(-1)?.event).toBe('finished');
      expect(jobs.at(-1)?.result?.meanShare).toBeCloseTo(0.5263158, 7);
      expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);
      // Progress heard from A between the first read and the end: 2,000 runs a chunk, 20 chunks.
      expect(jobs.some((j) => j.status === 'running' && j.progress.done > 0)).toBe(true);
      expect([fetched.status, fetched.progress, fetched.result?.meanShare.toFixed(7)]).toEqual([
        'succeeded',
        { done: 20, total: 20 },
        '0.5263158',
      ]);
    });

    it('stops, through B, a job that A runs', async () => {
      const started = await post(a, '/api/jobs/rubinstein-split', rubinstein(100_000));
      const cancelled = await post(b, `/api/jobs/${started.body.id}/cancel`);
      expect([cancelled.status, cancelled.body['status']]).toEqual([200, 'cancelled']);
      const onA = (await (await fetch(`${a.url}/api/jobs/${started.body.id}`)).json()) as JobEventData;
      expect(onA.status).toBe('cancelled');
      expect((await post(b, `/api/jobs/${started.body.id}/cancel`)).status).toBe(409);
    });
  },
);
