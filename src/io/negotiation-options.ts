/** Schemas for the flags of `sma negotiate`, `sma simulate` and `sma solve`. */
import { z } from 'zod';

/** A strategy named on the command line, resolved against the scenario by the command (replay needs its positions). */
export type StrategyFlag =
  | { readonly kind: 'time-dependent'; readonly e: number }
  | { readonly kind: 'tit-for-tat' }
  | { readonly kind: 'replay' }
  | { readonly kind: 'negmas-time-based'; readonly aspiration: 'boulware' | 'linear' | 'conceder' };

/** Genius exponents (Genius TimeDependentAgent): Boulware 0.2, linear 1, Conceder 2, hardliner 0. */
const NAMED_E: Readonly<Record<string, number>> = { boulware: 0.2, linear: 1, conceder: 2, hardliner: 0 };

export const STRATEGY_NAMES =
  'boulware, linear, conceder, hardliner, e=<exponent>, tit-for-tat, replay, negmas-boulware, negmas-linear, negmas-conceder';

const strategyFlag = z.string().transform((raw, ctx): StrategyFlag => {
  const name = raw.trim().toLowerCase();
  const e = NAMED_E[name];
  if (e !== undefined) return { kind: 'time-dependent', e };
  if (name === 'tit-for-tat' || name === 'replay') return { kind: name };
  const negmas = /^negmas-(boulware|linear|conceder)$/.exec(name);
  if (negmas) return { kind: 'negmas-time-based', aspiration: negmas[1] as 'boulware' | 'linear' | 'conceder' };
  const exponent = /^e=(\d*\.?\d+)$/.exec(name);
  if (exponent) return { kind: 'time-dependent', e: Number(exponent[1]) };
  ctx.addIssue({ code: 'custom', message: `expected one of ${STRATEGY_NAMES}, found '${raw}'` });
  return z.NEVER;
});

export const lang = z.enum(['en', 'ko'], { error: 'expected en or ko' }).default('en');
export const seed = z.coerce
  .number({ error: 'expected a whole number seed' })
  .int('expected a whole number seed')
  .min(0, 'expected a seed from 0 to 4294967295')
  .max(4294967295, 'expected a seed from 0 to 4294967295');

export const negotiateOptionsSchema = z.object({
  seed: seed.default(1),
  us: strategyFlag.optional(),
  rok: strategyFlag.optional(),
  json: z.boolean().default(false),
  lang,
  help: z.boolean().default(false),
});
export type NegotiateOptions = z.infer<typeof negotiateOptionsSchema>;

export const simulateOptionsSchema = z.object({
  runs: z.coerce
    .number({ error: 'expected a number of runs' })
    .int('expected a whole number of runs')
    .min(1)
    .max(100_000_000),
  seed: seed.default(1),
  workers: z.coerce
    .number({ error: 'expected a number of workers' })
    .int('expected a whole number')
    .min(1)
    .max(256)
    .default(2),
  us: strategyFlag.optional(),
  rok: strategyFlag.optional(),
  remote: z.url({ protocol: /^https?$/, error: 'expected the http(s) URL of an SMA Lab server' }).optional(),
  prior: z.boolean().default(false),
  json: z.boolean().default(false),
  sensitivity: z.boolean().default(false),
  lang,
  help: z.boolean().default(false),
});
export type SimulateOptions = z.infer<typeof simulateOptionsSchema>;

const discount = (name: string) =>
  z.coerce
    .number({ error: `expected a discount factor for ${name}` })
    .min(0, 'expected a discount factor in [0, 1)')
    .lt(1, 'expected a discount factor in [0, 1)');

/** `0,1 0.5,0.5 1,0`: utility pairs (u_US, u_ROK) separated by spaces or semicolons. */
const points = z.string().transform((raw, ctx) => {
  const out: { u1: number; u2: number }[] = [];
  for (const part of raw.trim().split(/[\s;]+/)) {
    const m = /^(-?\d*\.?\d+),(-?\d*\.?\d+)$/.exec(part);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `expected points as "u1,u2 u1,u2 …", found '${part}'` });
      return z.NEVER;
    }
    out.push({ u1: Number(m[1]), u2: Number(m[2]) });
  }
  return out;
});

const pair = z.string().transform((raw, ctx) => {
  const m = /^(-?\d*\.?\d+),(-?\d*\.?\d+)$/.exec(raw.trim());
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `expected "d1,d2", found '${raw}'` });
    return z.NEVER;
  }
  return { u1: Number(m[1]), u2: Number(m[2]) };
});

export const solveOptionsSchema = z.object({
  delta1: discount('player 1').optional(),
  delta2: discount('player 2').optional(),
  delta: discount('both players').optional(),
  periods: z.coerce
    .number({ error: 'expected a number of periods' })
    .int('expected a whole number of periods')
    .min(1)
    .optional(),
  points: points.optional(),
  disagreement: pair.optional(),
  scenario: z.string().optional(),
  json: z.boolean().default(false),
  lang,
  help: z.boolean().default(false),
});
export type SolveOptions = z.infer<typeof solveOptionsSchema>;
