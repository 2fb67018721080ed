// The soak (issue 13): a real server process under mixed clients for a while (10 minutes by default), printing whether
// it stayed alive, its peak RSS (target < 512 MB) and /api/health's p99 (target < 100 ms). Figures, never assertions.
// Run: npm run bench -- soak [--minutes 10], or npx tsx bench/soak.ts --minutes 2
//
// The clients, all at once, against one server on SQLite with one signed-in admin:
// - document savers: PUT to 20 agreements again and again (each history kept to SMA_HISTORY_KEPT versions);
// - oversized writes: a 2 MB body (413) and a 200,000-character field (422), which must all be refused;
// - history readers: pages of those documents' histories;
// - trickling connections: headers one byte every 2 s (cut at SMA_HEADERS_TIMEOUT_MS), and bodies one byte every 2 s
//   (cut at SMA_REQUEST_TIMEOUT_MS), each replaced once the server closes it;
// - job storms: bursts of five Monte Carlo jobs, each cancelled at once (the per-client limit refuses the rest);
// - role-play: a new table every few seconds, its three seats' event streams open, notes written, streams closed;
// - the probe: GET /api/health every 100 ms, timed, and the server's RSS from /proc every second.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../test/support/server-process.js';
import { openSse, type SseStream } from '../test/e2e/sse-client.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  const value = at < 0 ? NaN : Number(args[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const minutes = option('--minutes', 10);
const trickling = option('--trickle', 60);
const RSS_TARGET_MB = 512;
const HEALTH_P99_TARGET_MS = 100;
const root = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'soak bench password';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);
const procStatus = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.match(/\d+/)?.[0] ?? NaN) / 1024;
};

/** Requests by client and outcome (status class, or the error's code when no answer came). */
const tally = new Map<string, Map<string, number>>();
const count = (client: string, outcome: string) => {
  const byOutcome = tally.get(client) ?? new Map<string, number>();
  byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
  tally.set(client, byOutcome);
};

const dataDir = mkdtempSync(join(tmpdir(), 'sma-soak-'));
// One admin, made by the CLI as an operator would; the soak's writes are signed in, as on a network server.
const added = spawnSync(process.execPath, [join(root, 'bin', 'sma.js'), 'users', 'add', 'soak', '--role', 'admin'], {
  cwd: root,
  input: `${PASSWORD}\n`,
  encoding: 'utf8',
  env: { ...process.env, DATABASE_URL: '', SMA_DATA_DIR: dataDir },
});
if (added.status !== 0) throw new Error(`sma users add: ${added.stderr}`);

const server = await startServerProcess({
  storage: { dataDir },
  env: {
    SMA_JOB_THREADS: '1',
    // One bench process is every client on one address and one account: the rate limit has its own tests.
    SMA_RATE_LIMIT_PER_MINUTE: '1000000',
  },
});
const base = server.url;
const { port } = new URL(base);
const signIn = await fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'soak', password: PASSWORD }),
});
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
if (signIn.status !== 200 || cookie === '') throw new Error(`sign-in: ${signIn.status}`);

/** One request, tallied; resolves to its status (0 when the connection failed) and body. */
async function call(
  client: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    count(client, res.status < 300 ? '2xx' : `${res.status}`);
    return { status: res.status, text };
  } catch (error) {
    count(client, `no answer (${(error as { cause?: { code?: string } }).cause?.code ?? 'error'})`);
    return { status: 0, text: '' };
  }
}

// The March 2020 working-level deal (+13 % on 2019's 10,389 억원), its rate varied per save.
const deal = (id: string, i: number) => ({
  id,
  name: `Soak ${id}`,
  currency: 'KRW',
  unit: 100_000_000,
  base: { agreement: 'sma-10' },
  rules: [{ year: 2020, change: 0.13 + (i % 50) / 1000 }],
});

// The bench's own event-loop delay bounds how much of a health probe's time is this process's, not the server's.
const clientLag = monitorEventLoopDelay({ resolution: 10 });
clientLag.enable();
const started = performance.now();
const endAt = started + minutes * 60_000;
const running = () => performance.now() < endAt;
const loads: number[] = [];
const rss: number[] = [];
const health: number[] = [];
let alive = true;
void server.stdout; // the server's log stays in memory; only warnings and errors are logged (LOG_LEVEL=warn)

const loops: Promise<void>[] = [];
const loop = (work: () => Promise<void>) => loops.push((async () => void (await work()))());

// The probe: health latency every 100 ms, RSS and load every second.
loop(async () => {
  while (running()) {
    const t = performance.now();
    const res = await call('health probe', 'GET', '/api/health');
    if (res.status === 200) health.push(performance.now() - t);
    await sleep(100);
  }
});
loop(async () => {
  while (running()) {
    try {
      rss.push(procStatus(server.pid, 'VmRSS'));
    } catch {
      alive = false;
      return;
    }
    loads.push(loadavg()[0] ?? NaN);
    await sleep(1000);
  }
});

// Document savers and history readers.
for (let c = 0; c < 2; c += 1) {
  loop(async () => {
    for (let i = c; running(); i += 2) {
      const id = `soak-${i % 20}`;
      await call('document saves', 'PUT', `/api/documents/agreement/${id}`, deal(id, i));
      await sleep(20);
    }
  });
  loop(async () => {
    for (let i = c; running(); i += 1) {
      await call('history reads', 'GET', `/api/documents/agreement/soak-${i % 20}/history?limit=100`);
      await sleep(20);
    }
  });
}

// Oversized writes, all of which must be refused.
loop(async () => {
  const huge = JSON.stringify({ ...deal('soak-huge', 0), name: 'x'.repeat(2_000_000) });
  const longField = { ...deal('soak-long', 0), name: 'y'.repeat(200_000) };
  for (let i = 0; running(); i += 1) {
    const res =
      i % 2 === 0
        ? await call('oversized writes', 'POST', '/api/documents/agreement', huge)
        : await call('oversized writes', 'POST', '/api/documents/agreement', longField);
    if (res.status >= 200 && res.status < 300) count('oversized writes', 'ACCEPTED, should be refused');
    await sleep(250);
  }
});

// Trickling connections: half send headers a byte every 2 s, half a declared body a byte every 2 s.
const lifetimes: Record<'headers' | 'body', number[]> = { headers: [], body: [] };
const trickle = (kind: 'headers' | 'body') =>
  loop(async () => {
    while (running()) {
      const opened = performance.now();
      await new Promise<void>((resolve) => {
        const socket: Socket = connect(Number(port), '127.0.0.1');
        let timer: NodeJS.Timeout | undefined;
        const finish = () => {
          clearInterval(timer);
          socket.destroy();
          resolve();
        };
        socket.on('error', finish);
        socket.on('close', () => {
          if (running()) lifetimes[kind].push(performance.now() - opened);
          finish();
        });
        socket.on('connect', () => {
          const head =
            kind === 'headers'
              ? `POST /api/documents/agreement HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `
              : `POST /api/documents/agreement HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\n` +
                'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"name":"';
          socket.write(head);
          timer = setInterval(() => {
            if (!running()) return finish();
            socket.write('a');
          }, 2000);
        });
      });
      if (running()) await sleep(500);
    }
  });
for (let i = 0; i < trickling; i += 1) trickle(i % 2 === 0 ? 'headers' : 'body');

// Job storms: five starts at once, each accepted one cancelled straight away.
loop(async () => {
  for (let seed = 1; running(); seed += 5) {
    const starts = await Promise.all(
      [0, 1, 2, 3, 4].map((k) =>
        call('job starts', 'POST', '/api/jobs/scenario-monte-carlo', {
          scenario: 'sma-12-talks',
          seed: seed + k,
          runs: 2000,
        }),
      ),
    );
    await Promise.all(
      starts
        .filter((s) => s.status === 202 || s.status === 201)
        .map((s) => call('job cancels', 'POST', `/api/jobs/${(JSON.parse(s.text) as { id: string }).id}/cancel`)),
    );
    await sleep(2000);
  }
});

// Role-play: a table every 4 s, its three seats' streams open for 12 s while both sides write notes.
loop(async () => {
  const open: Promise<void>[] = [];
  for (let n = 0; running(); n += 1) {
    const made = await call('role-play', 'POST', '/api/roleplay/sessions', {
      scenarioId: 'sma-11-talks',
      label: `Soak ${n}`,
    });
    if (made.status === 201) {
      const { tokens } = JSON.parse(made.text) as { tokens: Record<'us' | 'rok' | 'facilitator', string> };
      open.push(
        (async () => {
          const streams: SseStream[] = [];
          let events = 0;
          for (const seat of ['us', 'rok', 'facilitator'] as const) {
            try {
              const stream = await openSse(`${base}/api/roleplay/me/events`, () => (events += 1), {
                headers: { authorization: `Bearer ${tokens[seat]}` },
              });
              count('role-play streams', stream.status === 200 ? 'opened' : `${stream.status}`);
              streams.push(stream);
            } catch {
              count('role-play streams', 'no answer');
            }
          }
          for (let k = 0; k < 6 && running(); k += 1) {
            const side = k % 2 === 0 ? 'us' : 'rok';
            await call(
              'role-play',
              'POST',
              '/api/roleplay/me/actions',
              { action: { type: 'note', text: `note ${k} of table ${n}` } },
              { authorization: `Bearer ${tokens[side]}`, 'idempotency-key': `soak-${n}-${k}` },
            );
            await sleep(2000);
          }
          for (const stream of streams) stream.close();
          count('role-play stream events', events > 0 ? 'received' : 'none');
        })(),
      );
    }
    await sleep(4000);
  }
  await Promise.all(open);
});

await Promise.all(loops);
const elapsed = (performance.now() - started) / 1000;
let peak = NaN;
try {
  peak = procStatus(server.pid, 'VmHWM');
} catch {
  alive = false;
}
const finalHealth = await call('health probe', 'GET', '/api/health');
alive = alive && finalHealth.status === 200;
const stderr = server.stderr();
await server.close();
rmSync(dataDir, { recursive: true, force: true });

const sorted = [...health].sort((a, b) => a - b);
const p99 = quantile(sorted, 0.99);
const rssMax = Math.max(...rss);
const f = (n: number, d = 1) => n.toFixed(d);
console.log(
  `soak: ${f(elapsed / 60, 2)} min on ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, Node ${process.version}, load average ${f(Math.min(...loads))}–${f(Math.max(...loads))} (this machine is shared: other processes' load is in these figures)`,
);
console.log(
  `soak: server process alive at the end: ${alive ? 'yes' : 'NO'}${stderr.trim() ? ` (stderr: ${stderr.trim().slice(0, 300)})` : ''}`,
);
console.log(
  `soak: RSS max ${f(rssMax)} MiB sampled each second, ${f(peak)} MiB peak (VmHWM); target < ${RSS_TARGET_MB} MB, ratio ${f(Math.max(rssMax, peak) / RSS_TARGET_MB, 2)}`,
);
clientLag.disable();
console.log(
  `soak: the bench's own event-loop delay (its share of any probe's time): p99 ${f(clientLag.percentile(99) / 1e6)} ms, max ${f(clientLag.max / 1e6)} ms`,
);
console.log(
  `soak: /api/health p50 ${f(quantile(sorted, 0.5))} ms, p99 ${f(p99)} ms, max ${f(sorted.at(-1) ?? NaN)} ms over ${sorted.length} probes; target p99 < ${HEALTH_P99_TARGET_MS} ms, ratio ${f(p99 / HEALTH_P99_TARGET_MS, 2)}`,
);
for (const kind of ['headers', 'body'] as const) {
  const l = [...lifetimes[kind]].sort((a, b) => a - b);
  console.log(
    `soak: trickling ${kind}: ${l.length} connections closed by the server after p50 ${f(quantile(l, 0.5) / 1000)} s, max ${f((l.at(-1) ?? NaN) / 1000)} s`,
  );
}
for (const [client, outcomes] of tally) {
  const parts = [...outcomes.entries()].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
  console.log(`soak: ${client}: ${parts}`);
}
