// Issue 12: jobs on the PostgreSQL queue. The real server plus two `sma worker` processes; one worker and then the
// server are SIGKILLed mid-job; the job completes, with the result the same input and seed give in one process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioMonteCarloJob } from '../../src/server/jobs/scenario-monte-carlo-job.js';
import { loadScenarioCatalogue } from '../../src/io/scenario-catalogue.js';
import summariseScenarioChunk from '../../src/sim/scenario-worker.js';
import '../../src/cli/commands.js';
import { captureIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { rankStrategies } from '../../src/engine/tournament/tournament.js';
import { issueTournamentInput, issueTournamentSpec } from '../../src/sim/test-issue-tournament.js';
import { runTournament } from '../../src/sim/tournament-pool.js';
import { englishWords } from '../../src/i18n/english-words.js';
import {
  postgresLocation,
  postgresSuiteName,
  testDatabaseUrl,
  type TestLocation,
} from '../../src/store/test-support.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { openSse } from './sse-client.js';
import {
  builtCli,
  hasBuiltCli,
  startWorkerProcess as startWorker,
  type WorkerProcess,
} from '../support/worker-process.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** The built `sma` with `args`, to its exit: its code, stdout and stderr. */
async function builtCliRun(args: readonly string[]) {
  const child = spawn(process.execPath, [builtCli, ...args], {
    cwd: repo,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, out, err };
}

interface JobBody {
  readonly id: string;
  readonly status: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly result: unknown;
}

const input = { scenario: 'sma-12-talks', seed: 11, runs: 6_000 };

describe.skipIf(testDatabaseUrl === undefined || !hasBuiltCli)(
  postgresSuiteName('jobs on the PostgreSQL queue, run by `sma worker` processes'),
  () => {
    let location: TestLocation;
    const servers: ServerProcess[] = [];
    const workers: WorkerProcess[] = [];
    let env: Record<string, string>;

    beforeAll(async () => {
      location = await postgresLocation(testDatabaseUrl ?? '');
      env = {
        DATABASE_URL: location.options.databaseUrl ?? '',
        // A chunk of a killed worker goes back on the queue after 8 s, looked for every second.
        SMA_CHUNK_EXPIRE_S: '8',
        SMA_QUEUE_MAINTENANCE_S: '1',
        LOG_LEVEL: 'warn',
      };
    }, 60_000);

    afterAll(async () => {
      for (const w of workers) w.child.kill('SIGKILL');
      await Promise.all(workers.map((w) => w.exited));
      await Promise.all(servers.map((s) => s.kill()));
      await location?.dispose();
    });

    const startServer = async () => {
      // Chunks are run by the workers only, so the kills below hit the processes that run them.
      const server = await startServerProcess({
        storage: { databaseUrl: env['DATABASE_URL'] ?? '' },
        env: { ...env, SMA_SERVER_WORKER: 'false' },
      });
      servers.push(server);
      return server;
    };

    /** Resolves with the job's events once `until` holds for one, or the stream ends. */
    const follow = async (server: ServerProcess, id: string, until: (job: JobBody) => boolean) => {
      const seen: JobBody[] = [];
      let stop!: () => void;
      const reached = new Promise<void>((resolve) => (stop = resolve));
      const stream = await openSse(`${server.url}/api/jobs/${id}/events`, (event) => {
        const job = JSON.parse(event.data) as JobBody;
        seen.push(job);
        if (until(job)) stop();
      });
      await Promise.race([reached, stream.ended]);
      stream.close();
      return seen;
    };

    it(
      'completes a scenario Monte Carlo through a worker kill and a server kill, equal field for field to one process',
      { timeout: 300_000 },
      async () => {
        let server = await startServer();
        workers.push(await startWorker(env), await startWorker(env));

        const started = await fetch(`${server.url}/api/jobs/scenario-monte-carlo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        expect(started.status).toBe(202);
        const { id } = (await started.json()) as JobBody;

        // Progress from both workers reaches the server's stream.
        const before = await follow(server, id, (job) => job.progress.done >= 6);
        expect(before.at(-1)?.status).toBe('running');
        // Worker B frozen, the next chunk to start is A's: A is killed while it runs it.
        const [a, b] = workers as [WorkerProcess, WorkerProcess];
        const db = new pg.Client({ connectionString: env['DATABASE_URL'] });
        await db.connect();
        b.child.kill('SIGSTOP');
        // The next chunk A says it started is A's own (B may still hold one it fetched before it froze).
        const killedChunk = await a.nextChunk();
        a.child.kill('SIGKILL');
        await a.exited;
        b.child.kill('SIGCONT');

        // Then the server itself, while the other worker goes on; a new server follows the job to its end.
        await follow(server, id, (job) => job.progress.done >= 12);
        await server.kill();
        server = await startServer();
        const after = await follow(server, id, (job) => job.status !== 'running');
        expect(after.at(-1)?.status).toBe('succeeded');

        const job = (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as JobBody;
        expect([job.status, job.progress]).toEqual(['succeeded', { done: 24, total: 24 }]);

        // One process: the same kind's chunks run on this thread and combined.
        const kind = scenarioMonteCarloJob(loadScenarioCatalogue().scenarios);
        const expected = kind.output.parse(kind.combine(input, kind.chunks(input).map(summariseScenarioChunk)));
        expect(job.result).toEqual(JSON.parse(JSON.stringify(expected)));

        // The killed worker's chunk went back on the queue at its expiry and B took it (a chunk is stored once: if
        // A stored its result before it died, B's run of it finds the job done).
        try {
          let killed: { state: string; retry_count: number } | undefined;
          while (killed === undefined || killed.state === 'active' || killed.state === 'retry') {
            killed = (
              await db.query<{ state: string; retry_count: number }>(
                'select state, retry_count from pgboss.job where id = $1',
                [killedChunk],
              )
            ).rows[0];
          }
          // At least once: on a loaded machine a retried chunk can outlive its 8 s expiry again and be retried once
          // more; what matters is that it completed elsewhere and the result above is the one-process result.
          expect(killed.state).toBe('completed');
          expect(killed.retry_count).toBeGreaterThanOrEqual(1);
          const chunks = await db.query<{ state: string }>(
            `select state from pgboss.job where name = 'sma-job-chunks' and data->>'job' = $1`,
            [id],
          );
          expect(chunks.rows.map((c) => c.state)).toEqual(Array.from({ length: 24 }, () => 'completed'));
          const running = await db.query(`select id from runs where status = 'running'`);
          expect(running.rows).toEqual([]);
        } finally {
          await db.end();
        }
      },
    );

    it(
      '`sma simulate --remote` runs the job through the API, shows its progress and prints its result',
      { timeout: 120_000 },
      async () => {
        const server = servers.at(-1) ?? (await startServer());
        if (workers.every((w) => w.child.exitCode !== null || w.child.signalCode !== null))
          workers.push(await startWorker(env));
        const { code, out, err } = await builtCliRun([
          'simulate',
          'sma-11-talks',
          '--runs',
          '1000',
          '--seed',
          '5',
          '--remote',
          server.url,
          '--json',
        ]);
        expect([code, err]).toEqual([
          0,
          expect.stringMatching(/^simulate: job [0-9a-f-]{36} on http:\/\/127\.0\.0\.1:\d+\n/),
        ]);
        // 1,000 runs are 4 chunks of 250: the last progress line before the end names them.
        expect(err).toMatch(/simulate: \d\/4 chunks/);
        const remote = { scenario: 'sma-11-talks', seed: 5, runs: 1000 };
        const kind = scenarioMonteCarloJob(loadScenarioCatalogue().scenarios);
        const expected = kind.output.parse(kind.combine(remote, kind.chunks(remote).map(summariseScenarioChunk)));
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(expected)));
      },
    );

    it(
      '`sma simulate --remote --lang ko` shows its progress and its result in Korean',
      { timeout: 120_000 },
      async () => {
        const server = servers.at(-1) ?? (await startServer());
        if (workers.every((w) => w.child.exitCode !== null || w.child.signalCode !== null))
          workers.push(await startWorker(env));
        const args = ['simulate', 'sma-11-talks', '--runs', '1000', '--seed', '5', '--remote', server.url];
        const { code, out, err } = await builtCliRun([...args, '--lang', 'ko']);
        expect([code, err]).toEqual([
          0,
          expect.stringMatching(/^시뮬레이션: 작업 [0-9a-f-]{36} \(http:\/\/127\.0\.0\.1:\d+\)\n/),
        ]);
        expect(err).toMatch(/시뮬레이션: \d\/4 묶음/);
        expect(out).toMatch(/^sma-11-talks, 시드 5, 1000회 \(작업 [0-9a-f-]{36}, http:[^)]+\)\n타결률 /);
        // the job's id and the server's address are what the user typed or is given to look up; the rest is Korean
        const words = (out + err).replace(/[0-9a-f-]{36}|http:\/\/[^\s)]+|sma-11-talks/g, '');
        expect(englishWords(words)).toEqual([]);
      },
    );

    it(
      'completes a calibration through a worker killed mid-fit, equal field for field to `sma calibrate`',
      { timeout: 240_000 },
      async () => {
        const server = servers.at(-1) ?? (await startServer());
        const alive = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
        while (alive.length < 2) {
          const w = await startWorker(env);
          workers.push(w);
          alive.push(w);
        }
        const [a, b] = alive as [WorkerProcess, WorkerProcess];
        const db = new pg.Client({ connectionString: env['DATABASE_URL'] });
        await db.connect();
        try {
          // B frozen, A takes the fit's one chunk; A is SIGKILLed while it runs it, and B retries it at its expiry.
          b.child.kill('SIGSTOP');
          const fit = { talks: ['sma-11-talks', 'sma-12-talks'], seed: 9, population: 200, generations: 3, runs: 300 };
          const taken = a.nextChunk();
          const started = await fetch(`${server.url}/api/jobs/calibration`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(fit),
          });
          expect(started.status).toBe(202);
          const { id } = (await started.json()) as JobBody;
          // The fit is one chunk and B is frozen: the chunk A says it started is the fit's.
          const killedChunk = await taken;
          const chunkJob = await db.query<{ job: string }>(`select data->>'job' as job from pgboss.job where id = $1`, [
            killedChunk,
          ]);
          expect(chunkJob.rows[0]?.job).toBe(id);
          a.child.kill('SIGKILL');
          await a.exited;
          b.child.kill('SIGCONT');

          const after = await follow(server, id, (job) => job.status !== 'running' && job.status !== 'queued');
          expect(after.at(-1)?.status).toBe('succeeded');
          const job = (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as JobBody;
          expect([job.status, job.progress]).toEqual(['succeeded', { done: 1, total: 1 }]);
          // Taken once more (B's attempt, which renewed its lease however long the fit ran) and then completed: pg-boss
          // marks it so after the handler that stored the job's end returns, so the row is awaited, not read at once.
          const chunkRow = async () =>
            (
              await db.query<{ state: string; retry_count: number }>(
                'select state, retry_count from pgboss.job where id = $1',
                [killedChunk],
              )
            ).rows;
          await expect
            .poll(chunkRow, { timeout: 30_000, interval: 200 })
            .toEqual([{ state: 'completed', retry_count: 1 }]);

          // One process: `sma calibrate` with the same talks, seed and settings.
          const io = captureIo({}, repo);
          const argv = ['calibrate', ...fit.talks, '--seed', '9', '--population', '200', '--generations', '3'];
          expect(await runCli([...argv, '--runs', '300', '--workers', '1', '--json'], io)).toBe(0);
          expect(job.result).toStrictEqual(JSON.parse(io.out));
        } finally {
          await db.end();
        }
      },
    );

    it(
      "plays issue 15's tournament (6 strategies × 5 domains × 2 roles × 10) on the queue: the table of 1 and 2 threads",
      { timeout: 240_000 },
      async () => {
        const server = servers.at(-1) ?? (await startServer());
        for (const w of workers) if (w.child.signalCode === 'SIGSTOP') w.child.kill('SIGCONT');
        const alive = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
        while (alive.length < 2) {
          const w = await startWorker(env);
          workers.push(w);
          alive.push(w);
        }
        const started = await fetch(`${server.url}/api/jobs/tournament`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(issueTournamentInput()),
        });
        expect(started.status).toBe(202);
        const { id } = (await started.json()) as JobBody;
        const after = await follow(server, id, (job) => job.status !== 'running' && job.status !== 'queued');
        expect(after.at(-1)?.status).toBe('succeeded');
        const job = (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as JobBody;
        // 3,600 negotiations in chunks of 500.
        expect([job.status, job.progress]).toEqual(['succeeded', { done: 8, total: 8 }]);

        // The same files read here, on 1 and on 2 worker threads of this process (`sma tournament --workers`).
        const spec = issueTournamentSpec();
        const one = await runTournament(spec, { workers: 1 });
        const two = await runTournament(spec, { workers: 2 });
        expect(two).toEqual(one);
        const table = rankStrategies(spec, one);
        expect(rankStrategies(spec, two)).toEqual(table);
        const result = job.result as { negotiations: number; ranking: unknown; results: unknown };
        expect(result.negotiations).toBe(3600);
        expect(result.ranking).toStrictEqual(JSON.parse(JSON.stringify(table)));
        expect(result.results).toStrictEqual(JSON.parse(JSON.stringify(one)));

        // Every chunk went through the queue and completed.
        const db = new pg.Client({ connectionString: env['DATABASE_URL'] });
        await db.connect();
        try {
          const chunks = await db.query<{ state: string }>(
            `select state from pgboss.job where name = 'sma-job-chunks' and data->>'job' = $1`,
            [id],
          );
          expect(chunks.rows.map((c) => c.state)).toEqual(Array.from({ length: 8 }, () => 'completed'));
        } finally {
          await db.end();
        }
      },
    );

    it(
      '`sma tournament --remote` prints the table the job computes, as `sma tournament` does here',
      { timeout: 120_000 },
      async () => {
        const server = servers.at(-1) ?? (await startServer());
        const argv = [
          'tournament',
          '--domain',
          'test/fixtures/domains/laptop',
          '--strategies',
          'boulware,micro,random',
        ];
        const local = captureIo({}, repo);
        expect(await runCli([...argv, '--reps', '3', '--seed', '4', '--json'], local)).toBe(0);
        const { code, out, err } = await builtCliRun([
          ...argv,
          '--reps',
          '3',
          '--seed',
          '4',
          '--remote',
          server.url,
          '--json',
        ]);
        expect([code, err]).toEqual([
          0,
          expect.stringMatching(/^tournament: job [0-9a-f-]{36} on http:\/\/127\.0\.0\.1:\d+\n/),
        ]);
        expect(JSON.parse(out)).toStrictEqual(JSON.parse(local.out));
      },
    );
  },
);
