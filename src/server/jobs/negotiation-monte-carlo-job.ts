import { z } from 'zod';
import { ruleMessage } from '../../i18n/problems.js';
import { outcomeSpaceSize } from '../../engine/negotiation/domain.js';
import {
  emptySummary,
  mergeSummaries,
  monteCarloChunks,
  reportSummary,
  type MonteCarloSummary,
} from '../../engine/negotiation/monte-carlo.js';
import type { MonteCarloTask } from '../../sim/monte-carlo-worker.js';
import type { JobKind } from './job-kind.js';

const finite = z.number().refine(Number.isFinite, ruleMessage('finite_number'));
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, ruleMessage('date'));
const name = z.string().min(1).max(60);

const distribution = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('point'), value: finite }),
  z.object({ kind: z.literal('uniform'), min: finite, max: finite }),
  z.object({
    kind: z.literal('normal'),
    mean: finite,
    sd: z.number().min(0),
    min: finite.optional(),
    max: finite.optional(),
  }),
  z.object({ kind: z.literal('triangular'), min: finite, mode: finite, max: finite }),
]);

const issue = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('numeric'),
    name,
    min: finite,
    max: finite,
    step: z.number().positive(),
    unit: z.string(),
  }),
  z.object({ kind: z.literal('categorical'), name, options: z.array(z.string().min(1)).min(1).max(50) }),
]);

const valueFunction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linear'), direction: z.enum(['increasing', 'decreasing']) }),
  z.object({ kind: z.literal('table'), values: z.record(z.string(), z.number().min(0).max(1)) }),
  z.object({ kind: z.literal('triangular'), low: finite, peak: finite, high: finite }),
]);

const preferences = z.object({
  weights: z.record(name, z.number().min(0).max(1)).describe('Weight per issue; they sum to 1'),
  values: z.record(name, valueFunction),
  reservation: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('constant'), value: z.number().min(0).max(1) }),
    z.object({
      kind: z.literal('by-step'),
      points: z.array(z.object({ step: z.number().int().min(0), value: z.number().min(0).max(1) })).max(1000),
    }),
  ]),
  discount: z.number().gt(0).max(1).optional(),
});

const fixedStrategy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('time-dependent'), e: z.number().min(0), k: z.number().min(0).max(1).optional() }),
  z.object({
    kind: z.literal('fsj-polynomial'),
    beta: z.number().positive(),
    kappa: z.number().min(0).max(1).optional(),
  }),
  z.object({ kind: z.literal('fsj-exponential'), beta: z.number().positive(), kappa: z.number().gt(0).max(1) }),
  z.object({ kind: z.literal('tit-for-tat') }),
  z.object({
    kind: z.literal('negmas-time-based'),
    aspiration: z.union([z.enum(['boulware', 'linear', 'conceder']), z.number().positive()]),
  }),
]);

const strategyDraw = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), spec: fixedStrategy }),
  z.object({ kind: z.literal('negmas-time-based'), exponent: distribution }),
  z.object({ kind: z.literal('time-dependent'), e: distribution, k: distribution.optional() }),
  z.object({ kind: z.literal('fsj-polynomial'), beta: distribution, kappa: distribution.optional() }),
  z.object({ kind: z.literal('fsj-exponential'), beta: distribution, kappa: distribution }),
]);

const party = z.object({ preferences, strategy: strategyDraw, reservation: distribution.optional() });

/** A negotiation Monte Carlo (src/sim): the engine's MonteCarloSpec, every field checked. */
export const negotiationMonteCarloInput = z.object({
  seed: z.number().int().min(0).max(4294967295),
  runs: z.number().int().min(1),
  config: z.object({
    domain: z.object({ issues: z.array(issue).min(1).max(10) }),
    parties: z.tuple([name, name]),
    mode: z.enum(['alternating', 'rounds']),
    deadline: z.number().int().min(1).max(10_000),
    ratification: z.enum(['none', 'required']),
    calendar: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('monthly'), start: civilDate }),
        z.object({ kind: z.literal('dates'), dates: z.array(civilDate).min(1).max(1000) }),
      ])
      .optional(),
  }),
  parties: z.tuple([party, party]),
  ratification: z.object({ kind: z.literal('probability'), probability: distribution }).optional(),
  lapse: z
    .object({
      expiry: civilDate,
      furloughFromMonth: distribution,
      furloughedWorkers: distribution,
      reservationShiftPerMonth: z.tuple([distribution, distribution]),
    })
    .optional(),
  indices: z
    .array(z.object({ series: z.string().min(1), years: z.number().int().min(1).max(50), growth: distribution }))
    .max(10)
    .optional(),
  exchangeRate: distribution.optional(),
  bins: z
    .object({
      furloughedWorkerMonths: z
        .object({ max: z.number().positive(), bins: z.number().int().min(1).max(1000) })
        .optional(),
    })
    .optional(),
});
export type NegotiationMonteCarloInput = z.infer<typeof negotiationMonteCarloInput>;

/** One distribution as engine `describeHistogram` reports it (the scenario job's result uses the same). */
export const quantitySchema = z.object({
  mean: z.number().nullable(),
  p5: z.number().nullable(),
  p10: z.number().nullable(),
  p25: z.number().nullable(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
  p95: z.number().nullable(),
  n: z.number().int().min(0).describe('Runs counted in the distribution'),
});

export const negotiationMonteCarloOutput = z.object({
  runs: z.number().int(),
  agreementRate: z.number(),
  agreementInterval95: z.tuple([z.number(), z.number()]).describe('Wilson 95 % interval on the agreement rate'),
  reasons: z.record(z.string(), z.number().int()),
  ratificationFailures: z.number().int(),
  quantities: z
    .record(z.string(), quantitySchema)
    .describe('Agreed terms, rounds to agreement, months in lapse, furloughs'),
});
export type NegotiationMonteCarloOutput = z.infer<typeof negotiationMonteCarloOutput>;

const runsPerChunk = 250;
const fromSource = import.meta.url.endsWith('.ts');

/** Many seeded negotiations (src/sim's worker), summarised as an agreement rate with its interval and distributions. */
export const negotiationMonteCarloJob: JobKind<
  NegotiationMonteCarloInput,
  MonteCarloTask,
  MonteCarloSummary,
  NegotiationMonteCarloOutput
> = {
  name: 'negotiation-monte-carlo',
  summary: 'Seeded Monte Carlo of alternating-offers negotiations with uncertain strategies, reservations and lapse',
  title: { en: 'Negotiation Monte Carlo', ko: '협상 몬테카를로' },
  summaryKo: '불확실한 전략, 유보가치, 협정 공백을 둔 교대 제안 협상의 시드 고정 몬테카를로',
  input: negotiationMonteCarloInput,
  output: negotiationMonteCarloOutput,
  worker: new URL(`../../sim/monte-carlo-worker${fromSource ? '.ts' : '.js'}`, import.meta.url),
  runs: (input) => input.runs,
  outcomes: (input) => outcomeSpaceSize(input.config.domain),
  chunks: (input) => monteCarloChunks(input.runs, runsPerChunk).map(([from, to]) => ({ spec: input, from, to })),
  combine: (input, partials) => {
    const summary = partials.reduce(mergeSummaries, emptySummary(input));
    const report = reportSummary(summary);
    return { ...report, agreementInterval95: [report.agreementInterval95[0], report.agreementInterval95[1]] };
  },
};
