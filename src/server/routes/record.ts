import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SmaRecord } from '../../io/load-record.js';
import {
  contextSchema,
  eventSchema,
  factStatusSchema,
  indexSeriesFileSchema,
  proposalFactSchema,
  recordAgreementSchema,
  sourceSchema,
} from '../../io/record-schema.js';
import { ApiFailure } from '../errors.js';
import { agreementSchema, errorResponses } from '../schemas.js';

const publishedAmountSchema = z.object({
  year: z.number().int(),
  krw: z.number().nullable(),
  usd: z.number().nullable(),
  status: factStatusSchema,
  sources: z.array(sourceSchema).readonly(),
  alternatives: z.array(z.looseObject({})).optional(),
});

const recordAgreementSummary = z.object({
  id: z.string(),
  ordinal: z.number().int(),
  name: z.string(),
  nameKo: z.string(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  agreement: agreementSchema,
  publishedAmounts: z.array(publishedAmountSchema).readonly(),
  unknownFloorYears: z.array(z.number().int()).readonly(),
});
const recordAgreementDetail = recordAgreementSummary.extend({ facts: recordAgreementSchema });

const recordProposalSchema = z.object({
  agreement: agreementSchema,
  nameKo: z.string(),
  date: z.string(),
  party: proposalFactSchema.shape.party,
  periodKnown: z.boolean(),
  status: factStatusSchema,
  sources: z.array(sourceSchema).readonly(),
  events: z.array(eventSchema).readonly(),
});

/** A record lookup's result, or the 404 every record route answers for an unknown id. */
function foundOr404<T>(found: T | undefined, kind: 'agreement' | 'proposal', id: string): T {
  if (found === undefined)
    throw new ApiFailure({ code: 'record/not_found', message: `No ${kind} ${id} in the record.` });
  return found;
}

const idParams = z.object({ id: z.string().min(1).max(100) });

/** The bundled record, read only: agreements, proposals, index series, the negotiation timeline and context. */
export const recordRoutes =
  (record: SmaRecord): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/record/agreements',
      {
        schema: {
          summary: 'Every SMA with its rules and published yearly amounts (sources and statuses included)',
          tags: ['record'],
          response: { 200: z.array(recordAgreementSummary).readonly() },
        },
      },
      async () => record.agreements.map(({ facts: _facts, ...summary }) => summary),
    );

    app.get(
      '/api/record/agreements/:id',
      {
        schema: {
          summary: 'One SMA with every fact of the record (dates, negotiators, votes, clauses)',
          tags: ['record'],
          params: idParams,
          response: { 200: recordAgreementDetail, ...errorResponses(404) },
        },
      },
      async (request) =>
        foundOr404(
          record.agreements.find((a) => a.id === request.params.id),
          'agreement',
          request.params.id,
        ),
    );

    app.get(
      '/api/record/proposals',
      {
        schema: {
          summary: 'Proposals and claims that were not concluded, modelled as agreements',
          tags: ['record'],
          response: { 200: z.array(recordProposalSchema).readonly() },
        },
      },
      async () => record.proposals,
    );

    app.get(
      '/api/record/proposals/:id',
      {
        schema: {
          summary: 'One proposal',
          tags: ['record'],
          params: idParams,
          response: { 200: recordProposalSchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        foundOr404(
          record.proposals.find((p) => p.agreement.id === request.params.id),
          'proposal',
          request.params.id,
        ),
    );

    app.get(
      '/api/record/indices',
      {
        schema: {
          summary: 'Index series (defense budget, CPI, KRW/USD) with each value’s status and sources',
          tags: ['record'],
          response: { 200: indexSeriesFileSchema.shape.series.readonly() },
        },
      },
      async () => record.indexSeries,
    );

    app.get(
      '/api/record/events',
      {
        schema: {
          summary: 'The negotiation timeline: rounds, positions, the 2020 lapse, signing and ratification',
          tags: ['record'],
          querystring: z.object({ sma: z.coerce.number().int().min(1).optional().describe('Only this SMA (ordinal)') }),
          response: { 200: z.array(eventSchema).readonly() },
        },
      },
      async (request) =>
        request.query.sma === undefined ? record.events : record.events.filter((e) => e.sma === request.query.sma),
    );

    app.get(
      '/api/record/context',
      {
        schema: {
          summary: 'Background facts: troops, Korean employees, furlough, polls, National Assembly, votes',
          tags: ['record'],
          response: { 200: contextSchema },
        },
      },
      async () => record.context,
    );
  };
