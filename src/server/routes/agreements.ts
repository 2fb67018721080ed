import { z } from 'zod';
import { ruleMessage } from '../../i18n/problems.js';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { compareSchedules } from '../../engine/agreement/comparison.js';
import { evaluateAgreement, type Evaluation, type ProjectionRequest } from '../../engine/agreement/evaluate.js';
import type { Agreement, IndexSet, Year } from '../../engine/agreement/types.js';
import { parseAgreementFile } from '../../io/agreement-file.js';
import type { PublishedAmount, SmaRecord } from '../../io/load-record.js';
import { ApiFailure, issueOfFileProblem, type CodedError } from '../errors.js';
import { agreementSchema, errorResponses, escalationRuleSchema } from '../schemas.js';
import { canonicalJson, createBoundedCache } from '../bounded-cache.js';
import type { DocumentStore } from '../ports.js';

const year = z.number().int().min(1991).max(2100);
const queryYear = z.coerce.number().int().min(1991).max(2100);

const projectionMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant'), value: z.number().describe('Growth as a decimal, e.g. 0.02') }),
  z.object({ kind: z.literal('mean-of-last-observed'), years: z.number().int().min(1).max(30).optional() }),
  z.object({
    kind: z.literal('values'),
    values: z
      .record(z.string().regex(/^\d{4}$/, ruleMessage('four_digit_year')), z.number())
      .describe('Year → value; past years override the record (origin user)'),
  }),
]);

const agreementRef = z
  .union([
    z.string().min(1).max(100).describe('An id from the record (sma-12, a proposal) or of a saved agreement/proposal'),
    z.looseObject({}).describe('An agreement file (the same format as `sma` files), validated as a file is'),
  ])
  .describe('Which agreement: an id, or an inline agreement file');

/** The options `sma schedule` and `sma compare` take, by the same names. */
const scheduleOptions = {
  from: year.optional().describe('First year shown'),
  to: year.optional().describe('Last year shown'),
  realBase: year.optional().describe('Real terms in prices of this year (default: the last observed CPI year)'),
  currency: z.enum(['KRW', 'USD']).optional().describe('Currency of each year’s `value` (default: the agreement’s)'),
  discount: z.number().gt(-1).lt(1).optional().describe('Discount rate for present value, as a decimal'),
  pvYear: year.optional().describe('Year values are discounted to (default: the first year)'),
  troops: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('USFK troops for per-soldier figures (default: the record’s)'),
  projections: z
    .array(z.object({ series: z.string().min(1), method: projectionMethodSchema }))
    .max(20)
    .optional()
    .describe(
      'Index projections for future years; others take their default (growth: mean of the last 5 observed; KRW/USD: last observed)',
    ),
};

const scheduleRequest = z.object({ agreement: agreementRef, ...scheduleOptions });
const compareRequest = z.object({
  agreements: z.array(agreementRef).min(1).max(20),
  reference: z.string().optional().describe('The agreement id differences are taken against (default: the first)'),
  measure: z.enum(['nominal', 'krw', 'usd', 'real']).default('krw'),
  ...scheduleOptions,
});

const scheduleQuery = z.object({
  agreement: z.string().min(1).max(100),
  from: queryYear.optional(),
  to: queryYear.optional(),
  realBase: queryYear.optional(),
  currency: z.enum(['KRW', 'USD']).optional(),
  discount: z.coerce.number().gt(-1).lt(1).optional(),
  pvYear: queryYear.optional(),
  troops: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

const JSON_UTF8 = 'application/json; charset=utf-8';

const loose = z.looseObject({});
const scheduleYearSchema = z.object({
  year: z.number().int(),
  amount: z.number().int().describe('In the agreement’s currency unit (won or dollars)'),
  currency: z.enum(['KRW', 'USD']),
  value: z.number().nullable().describe('The amount in the requested currency'),
  rule: escalationRuleSchema,
  rate: z.number().nullable(),
  index: loose.nullable().describe('How an index rule turned a series value into the rate (observed or projected)'),
  change: z.number().nullable(),
  krw: z.number().nullable(),
  usd: z.number().nullable(),
  fx: loose.nullable(),
  real: z.object({ value: z.number(), baseYear: z.number().int(), projected: z.boolean() }).nullable(),
  perSoldier: z.number(),
  defenseBudgetShare: z.number().nullable(),
  published: loose.nullable().describe('The record’s published amount for the year, with its status and sources'),
});
/** The schedule routes' 200 body. */
export const scheduleResponse = z.object({
  agreement: agreementSchema.extend({ origin: z.string() }),
  currency: z.enum(['KRW', 'USD']),
  years: z.array(scheduleYearSchema),
  totals: loose,
  presentValue: z.object({ value: z.number(), rate: z.number(), toYear: z.number().int() }).nullable(),
  projections: z.array(z.object({ series: z.string(), years: z.array(z.number().int()), origin: z.string() })),
  realBaseYear: z.number().int(),
  troops: z.number().int(),
  unknownFloorYears: z.array(z.number().int()),
});

const comparisonResponse = z.object({
  measure: z.enum(['nominal', 'krw', 'usd', 'real']),
  unit: z.object({ currency: z.enum(['KRW', 'USD']), realBaseYear: z.number().int().nullable() }),
  referenceId: z.string(),
  agreements: z.array(agreementSchema.extend({ origin: z.string() })),
  rows: z.array(z.object({ year: z.number().int(), cells: z.array(loose) })),
  summaries: z.array(loose),
  projections: z.array(
    z.object({ agreementId: z.string(), series: z.string(), years: z.array(z.number().int()), origin: z.string() }),
  ),
});

interface Target {
  readonly agreement: Agreement;
  readonly indices: IndexSet;
  readonly origin: string;
  readonly published: ReadonlyMap<Year, PublishedAmount>;
  readonly unknownFloorYears: readonly Year[];
}

type Options = z.infer<typeof scheduleRequest>;

const orFail = <T>(result: { ok: true; value: T } | { ok: false; error: CodedError }): T => {
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
};

export interface AgreementRoutesOptions {
  /** Schedule responses of record agreements kept (SMA_SCHEDULE_CACHE_ENTRIES); 0 computes every one. */
  readonly cacheEntries: number;
}

/** Schedules and comparisons of record, saved or inline agreements, with every option of `sma schedule`. */
export const agreementRoutes =
  (
    record: SmaRecord,
    documents: DocumentStore | undefined,
    routeOptions: AgreementRoutesOptions,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const troopsInRecord = record.context.usfk_troop_level.value;

    const fromFile = (body: unknown, where: string, origin: string): Target => {
      const parsed = parseAgreementFile(new TextEncoder().encode(JSON.stringify(body)), origin, record);
      if (!parsed.ok) {
        const count = parsed.error.length === 1 ? 'one problem' : `${parsed.error.length} problems`;
        throw new ApiFailure({
          code: 'agreement/invalid_file',
          message: `The agreement at ${where} has ${count}.`,
          issues: parsed.error.map((e) => issueOfFileProblem(e, where)),
        });
      }
      const { agreement, indices, unknownFloorYears } = parsed.value;
      return { agreement, indices, origin, published: new Map(), unknownFloorYears };
    };

    // The record is immutable for the life of the process: its targets are built once, not per request.
    const recordTargets = new Map<string, Target>();
    // reversed so that, as with find(), the first of two with one id wins, and an agreement wins over a proposal
    for (const { agreement } of [...record.proposals].reverse()) {
      recordTargets.set(agreement.id, {
        agreement,
        indices: record.indices,
        origin: 'record',
        published: new Map(),
        unknownFloorYears: [],
      });
    }
    for (const { id, agreement, publishedAmounts, unknownFloorYears } of [...record.agreements].reverse()) {
      const published = new Map(publishedAmounts.map((p) => [p.year, p]));
      recordTargets.set(id, { agreement, indices: record.indices, origin: 'record', published, unknownFloorYears });
    }

    const resolveTarget = async (ref: string | Record<string, unknown>, where: string): Promise<Target> => {
      if (typeof ref !== 'string') return fromFile(ref, where, 'request');
      const inRecord = recordTargets.get(ref);
      if (inRecord) return inRecord;
      for (const kind of ['agreement', 'proposal'] as const) {
        const saved = documents ? await documents.getDocument(kind, ref) : undefined;
        if (saved?.ok) return fromFile(saved.value.body, where, `saved ${kind} ${ref}`);
      }
      throw new ApiFailure({
        code: 'agreement/not_found',
        message: `No agreement or proposal "${ref}" in the record${documents ? ' or among saved documents' : ''}.`,
      });
    };

    const evaluate = (target: Target, options: Omit<Options, 'agreement'>): Evaluation => {
      const projections: ProjectionRequest[] = (options.projections ?? []).map(({ series, method }) => ({
        series,
        method:
          method.kind === 'values'
            ? { kind: 'values', values: new Map(Object.entries(method.values).map(([y, v]) => [Number(y), v])) }
            : method,
      }));
      const firstYear = target.agreement.rules[0]?.year ?? 0;
      return orFail(
        evaluateAgreement(target.agreement, target.indices, {
          projections,
          troops: options.troops ?? troopsInRecord,
          ...(options.realBase === undefined ? {} : { realBaseYear: options.realBase }),
          ...(options.discount === undefined
            ? {}
            : { discount: { rate: options.discount, toYear: options.pvYear ?? firstYear } }),
        }),
      );
    };

    const shown = (options: { from?: number; to?: number }) => (y: number) =>
      (options.from === undefined || y >= options.from) && (options.to === undefined || y <= options.to);

    const scheduleView = (target: Target, evaluation: Evaluation, options: Omit<Options, 'agreement'>) => {
      const { agreement } = target;
      const currency = options.currency ?? agreement.currency;
      const metricsByYear = new Map(evaluation.metrics.rows.map((m) => [m.year, m]));
      const years = evaluation.schedule.rows
        .filter((row) => shown(options)(row.year))
        .map((row) => {
          const m = metricsByYear.get(row.year);
          const krw = m?.krw.available ? m.krw.value : null;
          const usd = m?.usd.available ? m.usd.value : null;
          const published = target.published.get(row.year);
          return {
            year: row.year,
            amount: row.amount,
            currency: agreement.currency,
            value: currency === 'KRW' ? krw : usd,
            rule: row.rule,
            rate: row.rate?.decimal ?? null,
            index: row.index ? { ...row.index } : null,
            change: m?.change.available ? m.change.rate : null,
            krw,
            usd,
            fx:
              m?.usd.available && m.usd.conversion
                ? { ...m.usd.conversion }
                : m?.krw.available && m.krw.conversion
                  ? { ...m.krw.conversion }
                  : null,
            real: m?.real.available
              ? { value: m.real.value, baseYear: m.real.baseYear, projected: m.real.projected }
              : null,
            perSoldier: m?.perSoldier.value ?? 0,
            defenseBudgetShare: m?.defenseBudgetShare.available ? m.defenseBudgetShare.value : null,
            published: published
              ? {
                  amount: agreement.currency === 'KRW' ? published.krw : published.usd,
                  status: published.status,
                  sources: published.sources,
                }
              : null,
          };
        });
      return {
        agreement: { ...agreement, origin: target.origin },
        currency,
        years,
        totals: { ...evaluation.metrics.totals },
        presentValue: evaluation.metrics.presentValue,
        projections: evaluation.projections.map((p) => ({ ...p, years: [...p.years] })),
        realBaseYear: evaluation.metrics.realBaseYear,
        troops: evaluation.metrics.troops,
        unknownFloorYears: [...target.unknownFloorYears],
      };
    };

    const schedule = async ({ agreement, ...options }: Options) => {
      const target = await resolveTarget(agreement, 'body.agreement');
      return scheduleView(target, evaluate(target, options), options);
    };

    // The engine is deterministic and the record immutable, so a record agreement's schedule for the same options is
    // the same bytes for the life of the process: kept as written, keyed by the request's canonical form.
    const cache = createBoundedCache<Buffer>(routeOptions.cacheEntries);
    const cacheKeyOf = (request: Options): string | undefined =>
      routeOptions.cacheEntries > 0 && typeof request.agreement === 'string' && recordTargets.has(request.agreement)
        ? canonicalJson(request)
        : undefined;

    const sendSchedule = async (request: Options, reply: FastifyReply) => {
      const key = cacheKeyOf(request);
      if (key === undefined) return schedule(request);
      const cached = cache.get(key);
      if (cached !== undefined) return reply.type(JSON_UTF8).send(cached);
      // written by the route's own serializer (zod's check, then JSON), exactly as an uncached answer is
      const body = Buffer.from(reply.serialize(await schedule(request)) as string);
      cache.set(key, body);
      return reply.type(JSON_UTF8).send(body);
    };

    app.get(
      '/api/schedule',
      {
        schema: {
          summary: 'The schedule of a record or saved agreement by id, year by year with every metric',
          description: 'The query form of POST /api/schedule (no projections or inline agreements).',
          tags: ['agreements'],
          querystring: scheduleQuery,
          response: { 200: scheduleResponse, ...errorResponses(400, 404, 422) },
        },
      },
      async (request, reply) => sendSchedule(request.query, reply),
    );

    app.post(
      '/api/schedule',
      {
        schema: {
          summary:
            'The schedule of an agreement (id or inline file) with projections, real terms, USD and present value',
          tags: ['agreements'],
          body: scheduleRequest,
          response: { 200: scheduleResponse, ...errorResponses(400, 404, 413, 422) },
        },
      },
      async (request, reply) => sendSchedule(request.body, reply),
    );

    app.post(
      '/api/compare',
      {
        schema: {
          summary: 'Agreements and proposals side by side on the same years and measure, against a reference',
          tags: ['agreements'],
          body: compareRequest,
          response: { 200: comparisonResponse, ...errorResponses(400, 404, 413, 422) },
        },
      },
      async (request) => {
        const { agreements, reference, measure, ...options } = request.body;
        const targets = await Promise.all(agreements.map((ref, i) => resolveTarget(ref, `body.agreements[${i}]`)));
        const evaluations = targets.map((target) => evaluate(target, options));
        const referenceId = reference ?? targets[0]?.agreement.id ?? '';
        const firstYear = targets[0]?.agreement.rules[0]?.year ?? 0;
        const comparison = orFail(
          compareSchedules(
            evaluations.map((e) => e.metrics),
            {
              measure,
              referenceId,
              ...(options.discount === undefined
                ? {}
                : { discount: { rate: options.discount, toYear: options.pvYear ?? firstYear } }),
            },
          ),
        );
        return {
          measure: comparison.measure,
          unit: comparison.unit,
          referenceId: comparison.referenceId,
          agreements: targets.map((t) => ({ ...t.agreement, origin: t.origin })),
          rows: comparison.rows
            .filter((row) => shown(options)(row.year))
            .map((row) => ({ year: row.year, cells: row.cells.map((c) => ({ ...c })) })),
          summaries: comparison.summaries.map((s) => ({ ...s })),
          projections: evaluations.flatMap((e, i) =>
            e.projections.map((p) => ({ agreementId: targets[i]?.agreement.id ?? '', ...p, years: [...p.years] })),
          ),
        };
      },
    );
  };
