/** Schemas for the flags of `sma calibrate` and `sma backtest`. */
import { z } from 'zod';
import { lang, seed } from './negotiation-options.js';

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `expected a number of ${what}` })
    .int(`expected a whole number of ${what}`)
    .min(min, `expected at least ${min} ${what}`)
    .max(max, `expected at most ${max} ${what}`);

const fitFlags = {
  seed: seed.default(1),
  workers: whole('workers', 0, 256).default(2),
  population: whole('particles', 10, 100_000).default(1000),
  generations: whole('generations', 1, 50).default(8),
  json: z.boolean().default(false),
  lang,
  help: z.boolean().default(false),
};

export const calibrateOptionsSchema = z.object({
  ...fitFlags,
  out: z.string().min(1).optional(),
  runs: whole('runs', 100, 1_000_000).default(2000),
});
export const backtestOptionsSchema = z.object({
  ...fitFlags,
  population: whole('particles', 10, 100_000).default(500),
  generations: whole('generations', 1, 50).default(7),
  runs: whole('runs', 100, 1_000_000).default(10_000),
});
export const forecastOptionsSchema = z.object({
  ...fitFlags,
  /** The historical talks to fit (repeatable or comma-separated); default: every historical talk in the catalogue. */
  from: z
    .array(z.string().min(1))
    .optional()
    .transform((v) => v?.flatMap((x) => x.split(',').filter((id) => id !== ''))),
  'out-dir': z.string().min(1).default('.'),
});
