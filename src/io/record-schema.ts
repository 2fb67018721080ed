import { z } from 'zod';
import { ruleMessage } from '../i18n/problems.js';
import { amountSchema, baseSchema, idSchema, ruleEntrySchema, yearSchema } from './agreement-file-schema.js';

/** How a fact is known (data/record conventions, docs/formats.md). */
export const factStatusSchema = z.enum([
  'verified-official',
  'verified-secondary',
  'weak-secondary',
  'derived',
  'derived-projection',
  'conflicting',
  'unverified',
  'not-yet-determined',
  'not-yet-available',
]);
export type FactStatus = z.infer<typeof factStatusSchema>;

/** Statuses under which a fact may have no source. */
export const UNSOURCED_STATUSES: ReadonlySet<FactStatus> = new Set([
  'unverified',
  'not-yet-determined',
  'not-yet-available',
]);

export const sourceSchema = z.strictObject({
  url: z.string().regex(/^https?:\/\/\S+$/, { error: ruleMessage('http_url') }),
  title: z.string().min(1),
  type: z.enum([
    'official',
    'official-copy',
    'official-broadcaster',
    'secondary',
    'aggregator',
    'blog',
    'ngo',
    'think-tank',
  ]),
});
export type Source = z.infer<typeof sourceSchema>;
const sources = z.array(sourceSchema);

/** The Korean of a name or label the app shows (every record item has one): text with Hangul in it. */
export const koreanText = z.string().regex(/[가-힣]/, { error: ruleMessage('korean_text') });

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: ruleMessage('partial_date') });
const rate = z.number().min(-1).max(10);
const count = z.int().min(0);
const voteSchema = z.strictObject({ present: count, yes: count, no: count, abstain: count });
const sides = <T extends z.ZodType>(side: T) => z.strictObject({ rok: side, us: side });

const dateFactSchema = z.strictObject({
  value: isoDate.nullable(),
  status: factStatusSchema,
  sources,
  signatories: sides(z.string()).optional(),
  vote: voteSchema.optional(),
});

const person = z.strictObject({ name: z.string(), role: z.string() });
const negotiatorsSchema = z.strictObject({
  value: sides(z.union([z.string(), z.array(person)]).nullable()).nullable(),
  status: factStatusSchema,
  sources,
});

const yearlyAmountSchema = z.strictObject({
  year: yearSchema,
  krw: amountSchema.nullable(),
  usd: amountSchema.nullable(),
  yoy_change: rate.nullable(),
  yoy_change_status: factStatusSchema.nullable(),
  status: factStatusSchema,
  sources,
  alternatives: z
    .array(z.strictObject({ krw: amountSchema.optional(), usd: amountSchema.optional(), sources: sources.min(1) }))
    .min(2)
    .optional(),
  payment_mix: z.strictObject({ krw: amountSchema, usd: amountSchema, sources: sources.optional() }).optional(),
  amount_paid_after_deduction_krw: amountSchema.optional(),
  deducted_krw: amountSchema.optional(),
  category_breakdown_krw: z
    .strictObject({
      labor: amountSchema,
      construction: amountSchema,
      logistics: amountSchema,
      status: factStatusSchema,
      sources,
    })
    .optional(),
});
export type YearlyAmountFact = z.infer<typeof yearlyAmountSchema>;

const seriesRef = z.string().regex(/^[a-z0-9-]+$/);
const escalationStructuredSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('negotiated-annually'),
    target_share_of_usfk_won_costs: z.number().optional(),
    target_year: yearSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('fixed-change'), rate }),
  z.strictObject({ kind: z.literal('fixed-amount') }),
  z.strictObject({
    kind: z.literal('fixed-plus-index'),
    fixed_rate: rate,
    series: seriesRef,
    lag_years: z.int(),
    cap: rate.nullable(),
  }),
  z.strictObject({
    kind: z.literal('index'),
    series: seriesRef,
    lag_years: z.int().optional(),
    cap: rate.nullable(),
    floor: rate.nullable().optional(),
  }),
]);

const categoryValue = z.union([z.number(), z.string(), z.array(z.string()), z.record(z.string(), z.string())]);

export const recordAgreementSchema = z.strictObject({
  id: idSchema,
  ordinal: z.int().min(1),
  name: z.string().min(1),
  name_ko: koreanText,
  period: z.strictObject({ first_year: yearSchema, last_year: yearSchema }),
  currency_of_denomination: z.enum(['USD', 'KRW', 'USD+KRW']),
  dates: z.strictObject({
    /** The first formal round of the talks that produced this agreement. */
    talks_started: dateFactSchema.optional(),
    concluded: dateFactSchema,
    initialed: dateFactSchema.optional(),
    announced: dateFactSchema.optional(),
    signed: dateFactSchema,
    ratification: dateFactSchema,
    entry_into_force: dateFactSchema,
  }),
  negotiators: negotiatorsSchema,
  /** Formal rounds of the talks (extra sessions not counted). */
  rounds: z.strictObject({ value: count.nullable(), status: factStatusSchema, sources }).optional(),
  yearly_amounts: z.array(yearlyAmountSchema).min(1),
  projections: z
    .array(
      z.strictObject({
        year: yearSchema,
        krw: amountSchema,
        status: z.literal('derived-projection'),
        official: z.literal(false),
        method: z.strictObject({ from_year: yearSchema, series: seriesRef, series_year: yearSchema, rate }),
        sources,
      }),
    )
    .optional(),
  escalation: z.strictObject({ structured: escalationStructuredSchema, status: factStatusSchema, sources }),
  cost_categories: z.strictObject({
    value: z.record(z.string(), categoryValue).nullable(),
    status: factStatusSchema,
    sources,
  }),
  notable_clauses: z.array(
    z.strictObject({ id: idSchema, label: z.string().min(1), label_ko: koreanText, status: factStatusSchema, sources }),
  ),
  /** The rules that produce the published amounts, in the agreement-file syntax. */
  schedule: z.strictObject({
    currency: z.enum(['KRW', 'USD']),
    unit: z.int().min(1),
    base: baseSchema.optional(),
    rules: z.array(ruleEntrySchema).min(1),
  }),
});
export type RecordAgreementFact = z.infer<typeof recordAgreementSchema>;

export const agreementsFileSchema = z.strictObject({
  format: z.literal('sma-lab/record/agreements'),
  version: z.literal(1),
  agreements: z.array(recordAgreementSchema),
});

const indexPointSchema = z.strictObject({
  year: z.int().min(1900).max(2100),
  value: z.number().nullable(),
  status: factStatusSchema,
  sources,
  alternatives: z
    .array(z.strictObject({ value: z.number(), basis: z.string().min(1), sources: sources.min(1) }))
    .min(2)
    .optional(),
  derived_from: z.strictObject({ numerator_year: z.int(), denominator_year: z.int(), series: seriesRef }).optional(),
});
export type IndexPointFact = z.infer<typeof indexPointSchema>;

export const indexSeriesFileSchema = z.strictObject({
  format: z.literal('sma-lab/record/index-series'),
  version: z.literal(1),
  series: z.array(
    z.strictObject({
      id: seriesRef,
      kind: z.enum(['growth', 'level']),
      unit: z.string().min(1),
      label: z.string().min(1),
      label_ko: koreanText,
      points: z.array(indexPointSchema),
    }),
  ),
});
export type IndexSeriesFact = z.infer<typeof indexSeriesFileSchema>['series'][number];

const positionSchema = z.strictObject({
  party: z.enum(['us', 'rok']),
  ask_usd_per_year: amountSchema.optional(),
  ask_krw_per_year: amountSchema.optional(),
  /** An ask stated as a change over the current amount (1 = double). */
  ask_change: rate.optional(),
  floor_usd_per_year: amountSchema.optional(),
  /** The most a side said it would pay. */
  ceiling_krw_per_year: amountSchema.optional(),
  term_years_min: z.int().optional(),
  term_years_max: z.int().optional(),
  accepted_change: rate.optional(),
  /** A change the side turned down: for calibration, an upper or lower bound on what it would accept. */
  rejected_change: rate.optional(),
  offer_change: rate.optional(),
  offer_is_maximum: z.boolean().optional(),
  new_categories: z.array(z.string()).optional(),
  categories_only: z.array(z.string()).optional(),
  /** How the position is known: floated (leaked), campaign claim, public remark, recalled (reported later, undated). */
  reported: z.enum(['floated', 'campaign-claim', 'public-remark', 'recalled']).optional(),
});

/** A reported range (a single count has low = high), with its own sources. */
const rangeAlternative = z.strictObject({ low: count, high: count, qualifier: z.string(), sources: sources.min(1) });

export const eventSchema = z.strictObject({
  id: idSchema,
  sma: z.int().min(1),
  date_start: isoDate,
  date_end: isoDate,
  type: z.string().regex(/^[a-z-]+$/),
  round: z.int().min(1).nullable(),
  city: z.string().nullable(),
  label: z.string().min(1),
  label_ko: koreanText,
  participants: sides(z.string()).nullable(),
  /** The same people in Korean (null exactly when `participants` is). */
  participants_ko: sides(koreanText).nullable(),
  positions: z.array(positionSchema),
  status: factStatusSchema,
  sources,
  furloughed: z.array(rangeAlternative).optional(),
  terms: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  vote: voteSchema.optional(),
});
export type EventFact = z.infer<typeof eventSchema>;

export const eventsFileSchema = z.strictObject({
  format: z.literal('sma-lab/record/events'),
  version: z.literal(1),
  events: z.array(eventSchema),
});

const valueAlternative = z.strictObject({
  value: z.number(),
  qualifier: z.string().optional(),
  sources: sources.min(1),
});

export const contextSchema = z.strictObject({
  usfk_troop_level: z.strictObject({ value: count, status: factStatusSchema, sources }),
  usfk_korean_employees: z.strictObject({
    value_low: count,
    value_high: count,
    status: factStatusSchema,
    sources,
    alternatives: z.array(valueAlternative).min(2),
  }),
  furlough_2020: z.strictObject({
    start: isoDate,
    end: isoDate,
    furloughed_low: count,
    furloughed_high: count,
    status: factStatusSchema,
    sources,
    alternatives: z.array(rangeAlternative).min(2),
  }),
  polls: z.array(
    z.strictObject({
      name: z.string().min(1),
      fieldwork: z.string().min(1),
      sample: z.string().optional(),
      results: z.record(z.string(), z.number().min(0).max(1)),
      status: factStatusSchema,
      sources,
      pollster: z.string().optional(),
      sponsor: z.string().optional(),
      margin_of_error: z.number().optional(),
      alternatives: z.record(z.string(), z.array(valueAlternative).min(2)).optional(),
      us_proposal_usd: amountSchema.optional(),
    }),
  ),
  /** One entry per elected Assembly, in order: its term, seats and the party seats of the election result. */
  national_assemblies: z
    .array(
      z.strictObject({
        term: z.int().min(1),
        elected: isoDate,
        from: isoDate,
        to: isoDate,
        seats: count,
        constituency_seats: count,
        list_seats: count,
        parties: z.array(
          z.strictObject({ name: z.string().min(1), seats: count, constituency_seats: count, list_seats: count }),
        ),
        status: factStatusSchema,
        sources,
      }),
    )
    .min(1),
  ratification_rule: z.strictObject({
    structured: z.strictObject({
      seats: count,
      quorum: z.literal('majority-of-registered-members'),
      quorum_members: count,
      threshold: z.literal('majority-of-present'),
      tie: z.literal('rejected'),
      constitution_articles: z.array(z.string()),
      us_congress_vote: z.boolean(),
    }),
    status: factStatusSchema,
    sources,
  }),
  ratification_votes: z.array(
    z.strictObject({ sma: z.int(), date: isoDate, ...voteSchema.shape, status: factStatusSchema, sources }),
  ),
  gao_21_270: z.strictObject({
    rok_direct_support_2016_2019_usd: amountSchema,
    dod_obligations_korea_2016_2019_usd: amountSchema,
    period: z.strictObject({ first_year: yearSchema, last_year: yearSchema }),
    status: factStatusSchema,
    sources,
  }),
  other_support: z.strictObject({
    value_krw: amountSchema,
    year: yearSchema,
    excludes: z.string(),
    status: factStatusSchema,
    sources,
  }),
  sma_categories: z.strictObject({
    categories: z.array(z.string()),
    construction_in_kind_share: z.number(),
    logistics_in_kind_share: z.number(),
    earlier_separate_category: z.string(),
    status: factStatusSchema,
    sources,
  }),
});
export type ContextFacts = z.infer<typeof contextSchema>;

export const contextFileSchema = z.strictObject({
  format: z.literal('sma-lab/record/context'),
  version: z.literal(1),
  context: contextSchema,
});

export const proposalFactSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  name_ko: koreanText,
  date: isoDate,
  party: z.enum(['us', 'rok', 'both']),
  currency: z.enum(['KRW', 'USD']),
  unit: z.int().min(1),
  base: baseSchema.optional(),
  rules: z.array(ruleEntrySchema).min(1),
  /** false: the term was not stated, so only the stated year is modelled. */
  period_known: z.boolean(),
  status: factStatusSchema,
  events: z.array(idSchema),
  sources: sources.min(1),
});
export type ProposalFact = z.infer<typeof proposalFactSchema>;

export const proposalsFileSchema = z.strictObject({
  format: z.literal('sma-lab/record/proposals'),
  version: z.literal(1),
  proposals: z.array(proposalFactSchema),
});

/** The record's files and their schemas, in load order. */
export const RECORD_FILES = {
  'agreements.json': agreementsFileSchema,
  'index-series.json': indexSeriesFileSchema,
  'events.json': eventsFileSchema,
  'context.json': contextFileSchema,
  'proposals.json': proposalsFileSchema,
} as const;
export type RecordFileName = keyof typeof RECORD_FILES;
