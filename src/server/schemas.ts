import { z } from 'zod';
import { errorBodySchema } from './wire.js';

export { errorBodySchema, errorIssueSchema, jobSnapshotSchema } from './wire.js';

/** The error responses a route documents, each with the shared error body. */
export const errorResponses = <const S extends readonly number[]>(...statuses: S) =>
  Object.fromEntries(statuses.map((status) => [status, errorBodySchema])) as {
    [K in S[number]]: typeof errorBodySchema;
  };

/** The engine's escalation rule, as responses carry it. */
export const escalationRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amount: z.number().int() }),
  z.object({ kind: z.literal('change'), rate: z.number() }),
  z.object({ kind: z.literal('freeze') }),
  z.object({
    kind: z.literal('index'),
    series: z.string(),
    lag: z.number().int(),
    cap: z.number().nullable(),
    floor: z.number().nullable(),
    precision: z.number(),
  }),
]);

/** The engine's agreement model: one rule per year, amounts in the currency's unit. */
export const agreementSchema = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.enum(['KRW', 'USD']),
  unit: z.number().int(),
  base: z.object({ year: z.number().int(), amount: z.number().int() }).optional(),
  rules: z.array(z.object({ year: z.number().int(), rule: escalationRuleSchema })).readonly(),
  kind: z.enum(['agreement', 'proposal']),
});
