import { z } from 'zod';
import { ruleIssue, ruleMessage } from '../i18n/problems.js';

/**
 * Years accepted in agreement files and the record: from the 1st SMA (1991) to 2100. Earlier years have no
 * SMA; later ones would rest on index values nobody can project with meaning.
 */
export const FIRST_YEAR = 1991;
export const LAST_YEAR = 2100;

/** Rates are applied in parts per million, so at most 6 decimals survive exactly. */
export const hasAtMostSixDecimals = (rate: number): boolean => Math.abs(Math.round(rate * 1e6) / 1e6 - rate) < 1e-12;

export const idSchema = z.string().regex(/^[a-z0-9-]+$/, { error: ruleMessage('id_lowercase') });
const yearRange = { error: ruleMessage('year_range', { min: FIRST_YEAR, max: LAST_YEAR }) };
export const yearSchema = z.int().min(FIRST_YEAR, yearRange).max(LAST_YEAR, yearRange);
const amountRange = { error: ruleMessage('amount_range') };
export const amountSchema = z.int().min(0, amountRange).max(Number.MAX_SAFE_INTEGER, amountRange);
export const rateSchema = z
  .number()
  .min(-1)
  .max(10)
  .refine(hasAtMostSixDecimals, { error: ruleMessage('rate_decimals') });

/** One rule entry: a year (`year`) or a span (`from`–`to`), and exactly one of amount, change, freeze or index. */
export const ruleEntrySchema = z
  .strictObject({
    year: yearSchema.optional(),
    from: yearSchema.optional(),
    to: yearSchema.optional(),
    amount: amountSchema.optional(),
    change: rateSchema.optional(),
    freeze: z.literal(true).optional(),
    index: idSchema.optional(),
    lag: z.int().min(0).max(10).optional(),
    cap: rateSchema.nullable().optional(),
    floor: rateSchema.nullable().optional(),
    /** Marks a floor that no source states (12th SMA): the engine applies none, and the record says so. */
    floor_unknown: z.boolean().optional(),
    precision: z
      .number()
      .positive()
      .max(1)
      .refine(hasAtMostSixDecimals, { error: ruleMessage('rate_decimals') })
      .optional(),
  })
  .superRefine((rule, ctx) => {
    const kinds = (['amount', 'change', 'freeze', 'index'] as const).filter((k) => rule[k] !== undefined);
    if (kinds.length !== 1)
      ctx.addIssue({
        ...ruleIssue('exactly_one_of', { fields: ['amount', 'change', 'freeze', 'index'] }),
        input: kinds.length === 0 ? 'none of them' : kinds.join(' and '),
      });
    const single = rule.year !== undefined;
    const span = rule.from !== undefined || rule.to !== undefined;
    if (single === span || (span && (rule.from === undefined || rule.to === undefined)))
      ctx.addIssue({ ...ruleIssue('year_or_span'), input: 'neither or both' });
    if (rule.from !== undefined && rule.to !== undefined && rule.from > rule.to)
      ctx.addIssue({ ...ruleIssue('year_after_from', { from: rule.from }), path: ['to'], input: rule.to });
    if (rule.amount !== undefined && span)
      ctx.addIssue({ ...ruleIssue('amount_single_year'), path: ['from'], input: 'a span' });
    if (rule.index === undefined)
      for (const key of ['lag', 'cap', 'floor', 'floor_unknown', 'precision'] as const)
        if (rule[key] !== undefined) ctx.addIssue({ ...ruleIssue('index_only'), path: [key], input: rule[key] });
    if (rule.cap != null && rule.floor != null && rule.cap < rule.floor)
      ctx.addIssue({ ...ruleIssue('cap_above_floor', { floor: rule.floor }), path: ['cap'], input: rule.cap });
    if (rule.index !== undefined && rule.lag === undefined)
      ctx.addIssue({ ...ruleIssue('lag_for_index'), path: ['lag'], input: undefined });
  });

/** `{ year, amount }`, or `{ agreement }` for that record agreement's last year. */
export const baseSchema = z
  .strictObject({ year: yearSchema.optional(), amount: amountSchema.optional(), agreement: idSchema.optional() })
  .superRefine((base, ctx) => {
    const stated = base.year !== undefined || base.amount !== undefined;
    if (base.agreement !== undefined ? stated : base.year === undefined || base.amount === undefined)
      ctx.addIssue({ ...ruleIssue('base_shape'), input: base });
  });

/** Index values given in the file: year → value (growth as a decimal), extending or overriding the record. */
export const fileIndicesSchema = z.record(
  idSchema,
  z.record(z.string().regex(/^\d{4}$/, { error: ruleMessage('four_digit_year') }), z.number()),
);

/** The public agreement file (YAML or JSON); see docs/formats.md. */
export const agreementFileSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  currency: z.enum(['KRW', 'USD']),
  unit: z.int().min(1).max(1_000_000_000_000).default(1),
  base: baseSchema.optional(),
  rules: z.array(ruleEntrySchema).min(1),
  indices: fileIndicesSchema.optional(),
  description: z.string().optional(),
});

export type AgreementFileInput = z.input<typeof agreementFileSchema>;
export type AgreementFileData = z.output<typeof agreementFileSchema>;
export type RuleEntry = z.output<typeof ruleEntrySchema>;
export type BaseEntry = z.output<typeof baseSchema>;
