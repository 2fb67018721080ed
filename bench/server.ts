// Server figures, printed not asserted: throughput and p99 of the schedule route against a no-op route,
// time from process start to the first 200, idle RSS. Run: npx tsx bench/server.ts [--no-build] [--duration 10]
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const duration = Number(args[args.indexOf('--duration') + 1] ?? 10) || 10;
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

// Routes to load, the first being the no-op baseline; routes absent from this build are reported as such.
const routes = [
  { name: 'no-op (GET /api/health)', method: 'GET' as const, path: '/api/health' },
  {
    name: 'schedule (GET /api/schedule?agreement=sma-12)',
    method: 'GET' as const,
    path: '/api/schedule?agreement=sma-12',
  },
];

if (!args.includes('--no-build'))
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

const port = await freePort();
const startedAt = process.hrtime.bigint();
const server = spawn(process.execPath, ['dist/server/main.js'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
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
await new Promise((resolve) => setTimeout(resolve, 1000));
const idleRss = rssMiB(server.pid ?? 0);

// Figures on a shared machine move with its load: print it beside them.
console.log(
  `node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)}, loopback, 50 connections, ${duration} s per route`,
);
console.log(`start to first 200: ${firstOk.toFixed(0)} ms`);
console.log(`idle RSS after start: ${idleRss.toFixed(1)} MiB`);

const measured: { name: string; rps: number; p99: number }[] = [];
for (const route of routes) {
  const probe = await fetch(`${base}${route.path}`, { method: route.method });
  if (!probe.ok) {
    console.log(`${route.name}: not measured (${probe.status} in this build)`);
    continue;
  }
  const result = await autocannon({ url: `${base}${route.path}`, method: route.method, connections: 50, duration });
  measured.push({ name: route.name, rps: result.requests.average, p99: result.latency.p99 });
  console.log(
    `${route.name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
}
const [noop, ...others] = measured;
for (const other of others) {
  if (noop === undefined) break;
  console.log(
    `${other.name} vs no-op: throughput ×${(other.rps / noop.rps).toFixed(3)}, p99 ×${(other.p99 / Math.max(noop.p99, 1)).toFixed(2)}`,
  );
}
console.log(`RSS after load: ${rssMiB(server.pid ?? 0).toFixed(1)} MiB`);
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
