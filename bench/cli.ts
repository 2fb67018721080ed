// CLI cold start: `sma schedule sma-12 --json` against `node -e 0`, median of repeated runs. Target: ratio ≤ 2.5.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 25;

function medianMs(args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? NaN;
}

export function benchCli(): void {
  const baseline = medianMs(['-e', '0']);
  const cli = medianMs(['bin/sma.js', 'schedule', 'sma-12', '--json']);
  const ratio = cli / baseline;
  console.log('CLI cold start (median of %d runs)', RUNS);
  console.log('  node -e 0                         %s ms', baseline.toFixed(1));
  console.log('  sma schedule sma-12 --json        %s ms', cli.toFixed(1));
  console.log(
    '  ratio                             %s×  (target ≤ 2.5×: %s)',
    ratio.toFixed(2),
    ratio <= 2.5 ? 'met' : 'NOT met',
  );
}
