/** Schemas for the `sma` command's flags: parsed once at the edge, handed to commands as plain typed values. */
import { z } from 'zod';

const year = z.coerce
  .number({ error: 'expected a year such as 2026' })
  .int('expected a whole year such as 2026')
  .min(1900, 'expected a year from 1900 to 2100')
  .max(2100, 'expected a year from 1900 to 2100');

const rate = z.coerce
  .number({ error: 'expected a decimal rate such as 0.03 (= 3 %)' })
  .min(-1, 'expected a rate above -1')
  .max(10, 'expected a rate such as 0.03 (= 3 %), not a percentage');

/** `rok-cpi=0.03` (constant), `rok-cpi=mean:5` (mean of the last 5 observed years), `rok-cpi=2027:0.02,2028:0.025`. */
export type ProjectionFlag =
  | { readonly series: string; readonly kind: 'constant'; readonly value: number }
  | { readonly series: string; readonly kind: 'mean-of-last'; readonly years: number }
  | { readonly series: string; readonly kind: 'values'; readonly values: ReadonlyMap<number, number> };

const projection = z.string().transform((raw, ctx): ProjectionFlag => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message: `${message}, found '${raw}'` });
    return z.NEVER;
  };
  const eq = raw.indexOf('=');
  if (eq <= 0) return fail('expected SERIES=VALUE, SERIES=mean:N or SERIES=YEAR:VALUE,…');
  const series = raw.slice(0, eq);
  const spec = raw.slice(eq + 1);
  if (/^mean(:\d+)?$/.test(spec)) {
    const years = Number(spec.split(':')[1] ?? '5');
    return years >= 1 ? { series, kind: 'mean-of-last', years } : fail('expected mean:N with N ≥ 1');
  }
  if (/^-?\d*\.?\d+$/.test(spec)) return { series, kind: 'constant', value: Number(spec) };
  const values = new Map<number, number>();
  for (const part of spec.split(',')) {
    const m = /^(\d{4}):(-?\d*\.?\d+)$/.exec(part.trim());
    if (!m) return fail('expected YEAR:VALUE pairs such as 2027:0.02,2028:0.025');
    values.set(Number(m[1]), Number(m[2]));
  }
  return { series, kind: 'values', values };
});

export const scheduleOptionsSchema = z
  .object({
    from: year.optional(),
    to: year.optional(),
    'real-base': year.optional(),
    currency: z.enum(['KRW', 'USD'], { error: 'expected KRW or USD' }).optional(),
    discount: rate.optional(),
    'pv-year': year.optional(),
    troops: z.coerce.number().int().positive('expected a positive number of soldiers').optional(),
    project: z.array(projection).default([]),
    reference: z.string().optional(),
    measure: z.enum(['nominal', 'krw', 'usd', 'real'], { error: 'expected nominal, krw, usd or real' }).optional(),
    help: z.boolean().default(false),
    json: z.boolean().default(false),
    csv: z.boolean().default(false),
    lang: z.enum(['en', 'ko'], { error: 'expected en or ko' }).default('en'),
  })
  .refine((o) => !(o.json && o.csv), { message: 'choose one of --json and --csv', path: ['json'] })
  .refine((o) => o.from === undefined || o.to === undefined || o.from <= o.to, {
    message: '--from must not be after --to',
    path: ['from'],
  });

export type ScheduleOptions = z.infer<typeof scheduleOptionsSchema>;

export const outputOptionsSchema = z
  .object({
    json: z.boolean().default(false),
    csv: z.boolean().default(false),
    lang: z.enum(['en', 'ko'], { error: 'expected en or ko' }).default('en'),
    help: z.boolean().default(false),
  })
  .refine((o) => !(o.json && o.csv), { message: 'choose one of --json and --csv', path: ['json'] });

export type OutputOptions = z.infer<typeof outputOptionsSchema>;
