// `npm run bench`: every benchmark of SMA Lab, printing figures and ratios against their targets (never asserting).
import { benchCli } from './cli.js';

const suites: Record<string, () => void | Promise<void>> = {
  cli: benchCli,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  await run();
}
