// `npm run bench`: every benchmark of SMA Lab, printing figures and ratios against their targets (never asserting).
// `npm run bench -- cli web` runs only the named suites (`npm run bench -- roleplay` the role-play load test).
import { spawnSync } from 'node:child_process';
import { benchCalibrate } from './calibrate.js';
import { benchCli } from './cli.js';
import { benchJobs } from './jobs.js';
import { benchMonteCarlo } from './monte-carlo.js';
import { benchRolePlay } from './roleplay.js';
import { benchTournament } from './tournament.js';
import { benchWeb } from './web.js';

// The negotiation bench is its own worker-thread entry point, so it runs as a child process.
const benchNegotiation = (): void => {
  spawnSync(process.execPath, ['--import', 'tsx', new URL('./negotiation.ts', import.meta.url).pathname], {
    stdio: 'inherit',
  });
};

// The server bench starts the built server as a child process; `npm run bench` has just built it.
const benchServer = (): void => {
  spawnSync(process.execPath, ['--import', 'tsx', new URL('./server.ts', import.meta.url).pathname, '--no-build'], {
    stdio: 'inherit',
  });
};

const suites: Record<string, () => void | Promise<void>> = {
  cli: benchCli,
  negotiation: benchNegotiation,
  'monte-carlo': () => benchMonteCarlo(),
  jobs: () => benchJobs(),
  web: benchWeb,
  server: benchServer,
  roleplay: () => benchRolePlay(),
  tournament: benchTournament,
  calibrate: benchCalibrate,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  await run();
}
