// Server figures, printed not asserted: throughput and latency of the schedule route against a no-op route of the
// same server, time from process start to the first 200, idle RSS.
// Run: npx tsx bench/server.ts [--no-build] [--duration 10] [--warmup 3] [--rounds 2]
//
// Fairness: every workload is driven the same way (50 connections, no pipelining, the same warm-up and duration, a
// per-request setupRequest so the client builds each request alike), rounds alternate the workloads so each ratio
// compares figures taken next to each other in time, and the server's own CPU time per request is printed because,
// unlike req/s, it barely moves with the machine's load (autocannon shares the 2 cores with the server).
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  const value = at < 0 ? NaN : Number(args[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const duration = option('--duration', 10);
const warmup = option('--warmup', 3);
const rounds = option('--rounds', 2);
const connections = 50;
const root = new URL('..', import.meta.url).pathname;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

const rssMiB = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
};

// utime + stime of a process in seconds (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s).
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

// The no-op baseline first. Every request is the same and pre-built by autocannon, so the client costs the same per
// request for each workload (building each request in a setupRequest made the client, not the server, the bottleneck
// of the no-op). The uncached figure comes from a server started with the response cache off.
const workloads = [
  { name: 'no-op (GET /api/health)', path: '/api/health' },
  { name: 'schedule (GET /api/schedule?agreement=sma-12)', path: '/api/schedule?agreement=sma-12' },
] as const;
const servers = [
  { name: 'cache off (SMA_SCHEDULE_CACHE_ENTRIES=0)', env: { SMA_SCHEDULE_CACHE_ENTRIES: '0' }, judged: false },
  { name: 'cache on (default)', env: {}, judged: true },
] as const;

if (!args.includes('--no-build'))
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

const startServer = async (env: Readonly<Record<string, string>>) => {
  const port = await freePort();
  const startedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  let firstOk: number | undefined;
  while (firstOk === undefined) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) firstOk = Number(process.hrtime.bigint() - startedAt) / 1e6;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  return { child, pid: child.pid ?? 0, base, firstOk };
};

const started = [];
for (const config of servers) started.push({ config, ...(await startServer(config.env)) });
await new Promise((resolve) => setTimeout(resolve, 1000));

// Figures on a shared machine move with its load: print it beside them.
console.log(
  `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )}, loopback, ${connections} connections, no pipelining, ${warmup} s warm-up + ${duration} s per workload, ${rounds} rounds`,
);
for (const server of started) {
  console.log(
    `${server.config.name}: start to first 200 ${server.firstOk.toFixed(0)} ms, idle RSS ${rssMiB(server.pid).toFixed(1)} MiB`,
  );
}

interface Figure {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Server CPU time per request, in µs. */
  readonly cpuUs: number;
  /** Server CPU busy, as a share of one core. */
  readonly cpuShare: number;
}

const load = (url: string, seconds: number) => autocannon({ url, connections, pipelining: 1, duration: seconds });

const measured = new Map<string, Figure[]>();
for (let round = 1; round <= rounds; round += 1) {
  for (const server of started) {
    console.log(`-- round ${round}, ${server.config.name} (load average ${loadavg()[0]?.toFixed(1)})`);
    for (const workload of workloads) {
      const url = `${server.base}${workload.path}`;
      const probe = await fetch(url);
      if (!probe.ok) {
        console.log(`${workload.name}: not measured (${probe.status} in this build)`);
        continue;
      }
      await load(url, warmup);
      const cpuBefore = cpuSeconds(server.pid);
      const result = await load(url, duration);
      const cpu = cpuSeconds(server.pid) - cpuBefore;
      const figure: Figure = {
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        cpuUs: (cpu / Math.max(result.requests.total, 1)) * 1e6,
        cpuShare: cpu / duration,
      };
      const key = `${server.config.name} ${workload.name}`;
      measured.set(key, [...(measured.get(key) ?? []), figure]);
      console.log(
        `${workload.name}: ${figure.rps.toFixed(0)} req/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms, server CPU ${figure.cpuUs.toFixed(0)} µs/request (${(100 * figure.cpuShare).toFixed(0)} % of a core), non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
    }
  }
}

// Each round's ratio is against the same server's no-op of that round. The target (throughput ≥ 50 % of the no-op's,
// p99 ≤ 20 ms) is judged on the default server, cache on, whose answer to the bench's repeated request is a cache hit;
// the cache-off line is the route's uncached cost (every first request of a kind, inline and saved agreements).
const [noop, schedule] = workloads;
for (const server of started) {
  const noops = measured.get(`${server.config.name} ${noop.name}`) ?? [];
  const figures = measured.get(`${server.config.name} ${schedule.name}`) ?? [];
  if (figures.length === 0) continue;
  const ratios = figures.map((f, i) => (f.rps / (noops[i]?.rps ?? NaN)).toFixed(2));
  const cpuRatios = figures.map((f, i) => ((noops[i]?.cpuUs ?? NaN) / f.cpuUs).toFixed(2));
  console.log(
    `${server.config.name}: schedule vs no-op throughput ×${ratios.join(', ×')}; schedule p99 ${figures.map((f) => f.p99).join(', ')} ms; no-op's server CPU per request over the schedule's ×${cpuRatios.join(', ×')} (${server.config.judged ? 'judged on the target' : 'reported beside it'}: throughput ≥ ×0.50, p99 ≤ 20 ms)`,
  );
}
for (const server of started) {
  console.log(`${server.config.name}: RSS after load ${rssMiB(server.pid).toFixed(1)} MiB`);
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
}
console.log(`load average at the end ${loadavg()[0]?.toFixed(1)}`);
