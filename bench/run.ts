// `npm run bench`: every benchmark of SMA Lab, printing figures and ratios against their targets (never asserting).
// `npm run bench -- cli web` runs only the named suites (`npm run bench -- roleplay` the role-play load test;
// `npm run bench -- soak --minutes 3` the soak, which runs only when named).
import { spawnSync } from 'node:child_process';
import { benchCalibrate } from './calibrate.js';
import { benchCli } from './cli.js';
import { benchJobs } from './jobs.js';
import { benchMonteCarlo } from './monte-carlo.js';
import { benchRolePlay } from './roleplay.js';
import { benchTournament } from './tournament.js';
import { benchWeb } from './web.js';

// The negotiation bench runs itself on import (its threads are the one worker pool's), so it runs as a child process.
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

// The soak runs a server for minutes under mixed clients (bench/soak.ts); its flags (`--minutes 3`) pass through.
const benchSoak = (): void => {
  const flags = process.argv.slice(2).filter((_, i, all) => all.slice(0, i + 1).some((a) => a.startsWith('--')));
  spawnSync(process.execPath, ['--import', 'tsx', new URL('./soak.ts', import.meta.url).pathname, ...flags], {
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
// Run only when named: ten minutes of load is not part of every `npm run bench`.
const namedOnly: Record<string, () => void | Promise<void>> = { soak: benchSoak };

// Suite names come first; from the first `--flag` on, the arguments are the suites' own.
const firstFlag = process.argv.slice(2).findIndex((a) => a.startsWith('--'));
const only = process.argv.slice(2, firstFlag < 0 ? undefined : firstFlag + 2);
for (const [name, run] of Object.entries({ ...suites, ...namedOnly })) {
  if (only.length > 0 ? !only.includes(name) : name in namedOnly) continue;
  console.log(`\n== ${name}`);
  await run();
}
