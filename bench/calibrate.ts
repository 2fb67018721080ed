// `npm run bench -- calibrate`: the wall time of `sma calibrate sma-11-talks` (default settings, 2 workers) against
// the target of 2 minutes on 2 cores, then simulation-based calibration (Talts et al. 2018) of the fit on the
// real talk simulator: truths drawn from the prior, a talk simulated from each, fitted, and the coverage of the central
// 50 % and 90 % posterior intervals and the uniformity of the ranks (KS) printed per parameter. Figures, no asserts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { posteriorCdf } from '../src/engine/calibration/abc-smc.js';
import { draw } from '../src/engine/negotiation/distribution.js';
import {
  namedValues,
  prepareTalk,
  simulateTalk,
  talkModelParameters,
  talkValues,
} from '../src/engine/calibration/talk-model.js';
import type { Scenario } from '../src/engine/negotiation/scenario.js';
import { createRng, deriveSeed } from '../src/engine/random/rng.js';
import { parseScenarioFile } from '../src/io/scenario-file.js';
import { calibrateTalks } from '../src/sim/calibration.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function timeCalibrate(): void {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bin/sma.js', 'calibrate', 'sma-11-talks', '--workers', '2', '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`sma calibrate exited ${r.status}: ${r.stderr}`);
  const j = JSON.parse(r.stdout) as {
    population: number;
    generations: number;
    stopped: string;
    tolerances: { simulations: number }[];
  };
  const sims = j.tolerances.reduce((s, g) => s + g.simulations, 0);
  console.log(
    'sma calibrate sma-11-talks --workers 2 (population %d, %d generations, %s)',
    j.population,
    j.generations,
    j.stopped,
  );
  console.log('  simulations                       %d', sims);
  console.log(
    '  wall time                         %s s  (target ≤ 120 s: %s)',
    seconds.toFixed(1),
    seconds <= 120 ? 'met' : 'NOT met',
  );
}

const load = (id: string): Scenario => {
  const parsed = parseScenarioFile(readFileSync(new URL(`../data/scenarios/${id}.yaml`, import.meta.url)), id);
  if (!parsed.ok) throw new Error(`${id}.yaml does not load`);
  return parsed.value;
};

async function sbcOnTalks(reps: number): Promise<void> {
  const base = load('sma-11-talks');
  const talk = prepareTalk(base);
  if (!talk.ok) throw new Error('sma-11-talks has no real outcome');
  const parameters = talkModelParameters([base]);
  const ranks: number[][] = parameters.map(() => []);
  const started = performance.now();
  let drawn = 0;
  for (let r = 0; ranks[0]!.length < reps; r++) {
    // A truth from the prior and one simulated talk from it; a truth whose talk ends without a deal has no targets.
    const rng = createRng(deriveSeed(2018, r));
    const truth = parameters.map((p) => draw(p.prior, rng));
    drawn++;
    const sim = simulateTalk(talk.value, talkValues(talk.value, namedValues(parameters, truth)), deriveSeed(2019, r));
    if (sim.firstYearChange === null || sim.concluded === null) continue;
    const synthetic: Scenario = {
      ...base,
      realOutcome: { outcome: { 'first-year-change': sim.firstYearChange }, concluded: sim.concluded },
    };
    // On this thread: a pool per fit would spend more on starting threads than on the fit.
    const fit = await calibrateTalks([synthetic], { seed: r, population: 300, generations: 6, workers: 0 });
    if (!fit.ok) throw new Error(fit.error.code);
    parameters.forEach((_, i) => ranks[i]!.push(posteriorCdf(fit.value.posterior, i, truth[i]!)));
    if (ranks[0]!.length % 10 === 0) console.log('  … %d fits', ranks[0]!.length);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    'SBC on the sma-11 talk simulator: %d fits (%d truths drawn; no-deal truths skipped), population 300, at most 6 generations, %s s',
    reps,
    drawn,
    seconds.toFixed(0),
  );
  console.log(
    '  (nominal 50 % and 90 %; a 95 % binomial band at n = %d is ±%s pp and ±%s pp; KS critical value at α = 0.05: %s)',
    reps,
    (196 * Math.sqrt(0.25 / reps)).toFixed(1),
    (196 * Math.sqrt(0.09 / reps)).toFixed(1),
    (1.358 / Math.sqrt(reps)).toFixed(3),
  );
  // χ² of the ranks over 5 equal bins (4 degrees of freedom; critical value 9.488 at α = 0.05).
  console.log('  (ranks: χ² over 5 bins, uniform rejected at α = 0.05 above 9.488)');
  parameters.forEach((p, i) => {
    const f = ranks[i]!;
    const in50 = f.filter((x) => x > 0.25 && x <= 0.75).length / f.length;
    const in90 = f.filter((x) => x > 0.05 && x <= 0.95).length / f.length;
    const sorted = [...f].sort((a, b) => a - b);
    const ks = Math.max(...sorted.map((x, k) => Math.max((k + 1) / f.length - x, x - k / f.length)));
    const bins = [0, 0, 0, 0, 0];
    for (const x of f) bins[Math.min(4, Math.floor(x * 5))]!++;
    const chi2 = bins.reduce((a, o) => a + (o - f.length / 5) ** 2 / (f.length / 5), 0);
    console.log(
      '  %s  50 %%: %s %%   90 %%: %s %%   KS %s   χ² %s',
      p.name.padEnd(48),
      (100 * in50).toFixed(0).padStart(3),
      (100 * in90).toFixed(0).padStart(3),
      ks.toFixed(3),
      chi2.toFixed(2),
    );
  });
}

export async function benchCalibrate(): Promise<void> {
  timeCalibrate();
  await sbcOnTalks(Number(process.env['SMA_BENCH_SBC_FITS'] ?? 40));
}
