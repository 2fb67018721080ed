// Role-play under load: 200 live tables, both sides human, each with its US, ROK and facilitator streams open
// (600 Server-Sent Events streams); the sides send offers at a steady rate and each offer is timed from sending the
// request to its arrival on the other side's stream. Target: p99 ≤ 100 ms. Printed, not asserted.
// SQLite always; PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set (a fresh database on that server).
// Run: npm run bench -- roleplay, or node --import tsx bench/roleplay.ts [--tables 200] [--seconds 10] [--period 2]
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startApp } from '../test/e2e/app-server.js';
import { openSse, type SseStream } from '../test/e2e/sse-client.js';
import { postgresLocation } from '../src/store/test-support.js';

const TARGET_P99_MS = 100;
const SCENARIO = 'sma-11-talks';

interface Options {
  readonly tables: number;
  /** How long offers are sent. */
  readonly seconds: number;
  /** Seconds between two offers at one table: the load is tables / period offers a second. */
  readonly period: number;
}

type Side = 'us' | 'rok';
const other = (side: Side): Side => (side === 'us' ? 'rok' : 'us');

interface Table {
  readonly tokens: Readonly<Record<Side | 'facilitator', string>>;
  /** The table's last seq seen in a reply. */
  seq: number;
  toMove: Side;
  /** The offer in flight: its seq, the side that must see it, when it was sent. */
  inFlight: { readonly seq: number; readonly to: Side; readonly sentAt: number } | null;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); NaN elsewhere. */
const cpuSeconds = (pid: number | undefined): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
};

const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN);

/** A JSON request over a keep-alive agent (lighter than fetch with hundreds of requests in flight). */
function call(
  agent: Agent,
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text === '' ? null : JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs `work` over `items` with at most `limit` at once. */
async function inBatches<T>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i] as T, i);
      }
    }),
  );
}

// Two offers in the scenario's domain that the sides alternate: the US asks +50 % on one year, the ROK +5 % on five.
const offers: Readonly<Record<Side, Readonly<Record<string, number | string>>>> = {
  us: {
    'first-year-change': 0.5,
    duration: 1,
    'escalation-index': 'rok-defense-budget-growth',
    'escalation-rate': 0.1,
  },
  rok: { 'first-year-change': 0.05, duration: 5, 'escalation-index': 'rok-cpi', 'escalation-rate': 0.1 },
};

async function run(label: string, env: Readonly<Record<string, string>>, options: Options): Promise<void> {
  const app = await startApp('/nonexistent-web-dist', { ...env, SMA_JOB_THREADS: '1' });
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const streams: SseStream[] = [];
  try {
    const tables: Table[] = [];
    const setupStart = performance.now();
    await inBatches(
      Array.from({ length: options.tables }, (_, i) => i),
      8,
      async (i) => {
        const res = await call(agent, app.url, 'POST', '/api/roleplay/sessions', {
          scenarioId: SCENARIO,
          label: `Bench ${i}`,
        });
        if (res.status !== 201) throw new Error(`create table: ${res.status} ${JSON.stringify(res.json)}`);
        const { tokens } = res.json as { tokens: Table['tokens'] };
        tables[i] = { tokens, seq: 0, toMove: 'us', inFlight: null };
      },
    );
    const created = performance.now();
    const latencies: number[] = [];
    const ackLatencies: number[] = [];
    let failures = 0;
    let opened = 0;
    await inBatches(tables, 16, async (table) => {
      for (const role of ['us', 'rok', 'facilitator'] as const) {
        let first = true;
        let markOpen: () => void = () => undefined;
        const seen = new Promise<void>((resolve) => (markOpen = resolve));
        const stream = await openSse(
          `${app.url}/api/roleplay/me/events?token=${table.tokens[role]}`,
          (event) => {
            if (first) {
              first = false;
              markOpen();
            }
            // The event's id is the table's seq: no need to parse the view to time the offer.
            const flight = table.inFlight;
            if (role === 'facilitator' || flight === null || role !== flight.to) return;
            if (Number(event.id) >= flight.seq) {
              latencies.push(performance.now() - flight.sentAt);
              table.inFlight = null;
            }
          },
          { agent: streamAgent },
        );
        if (stream.status !== 200) throw new Error(`stream ${role}: ${stream.status}`);
        streams.push(stream);
        await seen;
        opened++;
      }
      const view = await call(agent, app.url, 'GET', '/api/roleplay/me', undefined, {
        authorization: `Bearer ${table.tokens.us}`,
      });
      const v = view.json as { seq: number; toMove: Side | null };
      table.seq = v.seq;
      table.toMove = v.toMove ?? 'us';
    });
    const streamsOpen = performance.now();
    console.log(
      `${label}: ${tables.length} tables created in ${((created - setupStart) / 1000).toFixed(1)} s, ${opened} streams open in ${((streamsOpen - created) / 1000).toFixed(1)} s`,
    );

    // Each table offers once a period, the tables' offers spread evenly over it: a steady tables/period offers a second.
    const load: number[] = [];
    const loadTimer = setInterval(() => load.push(loadavg()[0] ?? NaN), 1000);
    const cpuBefore = cpuSeconds(app.pid);
    const clientCpuBefore = process.cpuUsage();
    // This process times the arrivals: its own event-loop delay bounds how late it may notice one.
    const clientLag = monitorEventLoopDelay({ resolution: 10 });
    clientLag.enable();
    const started = performance.now();
    const endAt = started + options.seconds * 1000;
    let sent = 0;
    let skipped = 0;
    await Promise.all(
      tables.map(async (table, i) => {
        let due = started + (i / tables.length) * options.period * 1000;
        for (;;) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          if (performance.now() >= endAt) return;
          due += options.period * 1000;
          if (table.inFlight !== null) {
            // The last offer has not arrived yet: skip this turn rather than drop its measurement.
            skipped++;
            continue;
          }
          const side = table.toMove;
          const sentAt = performance.now();
          table.inFlight = { seq: table.seq + 1, to: other(side), sentAt };
          sent++;
          const res = await call(
            agent,
            app.url,
            'POST',
            '/api/roleplay/me/actions',
            { action: { type: 'offer', outcome: offers[side] }, expectedSeq: table.seq },
            { authorization: `Bearer ${table.tokens[side]}`, 'idempotency-key': `bench-${table.seq + 1}` },
          );
          ackLatencies.push(performance.now() - sentAt);
          if (res.status !== 201) {
            failures++;
            table.inFlight = null;
            console.log(`${label}: offer refused ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
            return;
          }
          table.seq = (res.json as { seq: number }).seq;
          table.toMove = other(side);
        }
      }),
    );
    // The last offers' events may still be on their way: wait for them, up to 10 s.
    for (let waited = 0; waited < 10_000 && tables.some((t) => t.inFlight !== null); waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(loadTimer);
    const cpu = cpuSeconds(app.pid) - cpuBefore;
    clientLag.disable();
    const clientCpu = process.cpuUsage(clientCpuBefore);
    failures += tables.filter((t) => t.inFlight !== null).length;
    const sorted = [...latencies].sort((a, b) => a - b);
    const acks = [...ackLatencies].sort((a, b) => a - b);
    const p99 = quantile(sorted, 0.99);
    const f = (ms: number) => ms.toFixed(1);
    console.log(
      `${label}: ${sent} offers in ${options.seconds} s (${(sent / options.seconds).toFixed(0)}/s), ${sorted.length} delivered, ${failures} lost or refused, ${skipped} turns skipped (the table's last offer not yet delivered)`,
    );
    console.log(
      `${label}: offer → other side's stream: p50 ${f(quantile(sorted, 0.5))} ms, p95 ${f(quantile(sorted, 0.95))} ms, p99 ${f(p99)} ms, max ${f(sorted.at(-1) ?? NaN)} ms; target p99 ≤ ${TARGET_P99_MS} ms, ratio ${(p99 / TARGET_P99_MS).toFixed(2)}`,
    );
    console.log(
      `${label}: offer request answered: p50 ${f(quantile(acks, 0.5))} ms, p99 ${f(quantile(acks, 0.99))} ms; load average during the run ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`,
    );
    // Load-independent: the server's CPU time per offer (the offer, its three views and their streams).
    console.log(
      `${label}: server CPU ${cpu.toFixed(1)} s over the run, ${((cpu * 1000) / Math.max(1, sent)).toFixed(2)} ms per offer; this client ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s, its event-loop delay p99 ${(clientLag.percentile(99) / 1e6).toFixed(0)} ms`,
    );
  } finally {
    for (const s of streams) s.close();
    agent.destroy();
    streamAgent.destroy();
    await app.close();
  }
}

const argument = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** The role-play load benchmark on SQLite, then on PostgreSQL when a server is configured. */
export async function benchRolePlay(
  options: Options = {
    tables: argument('tables', 200),
    seconds: argument('seconds', 10),
    period: argument('period', 2),
  },
): Promise<void> {
  console.log(
    `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} before; ${options.tables} tables × 3 streams, one offer per table every ${options.period} s for ${options.seconds} s`,
  );
  await run('sqlite', { DATABASE_URL: '' }, options);
  const serverUrl = process.env['DATABASE_URL'] || process.env['TEST_DATABASE_URL'];
  if (serverUrl === undefined || serverUrl === '') {
    console.log('postgres: skipped (set DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server)');
    return;
  }
  const location = await postgresLocation(serverUrl);
  try {
    await run('postgres', { DATABASE_URL: location.options.databaseUrl ?? '' }, options);
  } finally {
    await location.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRolePlay();
