import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import '../../cli/commands.js';
import { captureIo } from '../../cli/io.js';
import { runCli } from '../../cli/main.js';
import { buildApp } from '../app.js';
import { testConfig } from '../test-config.js';
import { runJob as runTestJob } from './test-run-job.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ config: testConfig() });
});
afterAll(async () => app.close());

const runJob = (payload: object) => runTestJob(app, 'calibration', payload);

describe('calibration job', () => {
  it('fits the 11th SMA talks exactly as `sma calibrate --json` does for the same seed', async () => {
    const { status, body, job } = await runJob({
      talks: ['sma-11-talks'],
      seed: 4,
      population: 30,
      generations: 2,
      runs: 300,
    });
    expect([status, body.progress, job.status]).toEqual([202, { done: 0, total: 1 }, 'succeeded']);
    const io = captureIo({}, process.cwd());
    const argv = ['calibrate', 'sma-11-talks', '--seed', '4', '--population', '30', '--generations', '2'];
    expect(await runCli([...argv, '--runs', '300', '--workers', '1', '--json'], io)).toBe(0);
    const cli = JSON.parse(io.out);
    expect(job.result).toStrictEqual(cli);
    // agreements.json sma-11: 2021 +13.9 %, concluded 2021-03-07; 30 particles after the prior sample and one more.
    expect([cli.talks, cli.population, cli.generations, cli.tolerances.length]).toEqual([['sma-11-talks'], 30, 2, 2]);
    expect(cli.targets[0].firstYearChange).toBeCloseTo(0.139, 3);
  }, 120_000);

  it('refuses a talk without a real outcome and a setting out of bounds, naming the field', async () => {
    const future = await runJob({ talks: ['sma-13-talks'], seed: 1, population: 30, generations: 2, runs: 300 });
    expect([future.status, future.body.error.code]).toEqual([422, 'calibration/no_real_outcome']);
    const small = await runJob({ talks: ['sma-11-talks'], seed: 1, population: 5, generations: 2, runs: 300 });
    expect([small.status, small.body.error.issues[0].path]).toEqual([400, 'body.population']);
    const unknown = await runJob({ talks: ['sma-99-talks'], seed: 1, population: 30, generations: 2, runs: 300 });
    expect([unknown.status, unknown.body.error.issues[0].path]).toEqual([400, 'body.talks[0]']);
    // 1,000 particles × 50 generations + 100,000 replays: over the default limit of 100,000 runs a job.
    const big = await runJob({ talks: ['sma-11-talks'], seed: 1, population: 1000, generations: 50, runs: 100_000 });
    expect([big.status, big.body.error.code]).toEqual([422, 'job/too_many_runs']);
  });
});
