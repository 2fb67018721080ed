/**
 * The wire contract between the web app and the server: the zod schemas of request and response bodies the routes are
 * declared with (so a handler's answer is checked against them by the type provider), and their `z.infer` types,
 * which the web app imports as types only. A change here breaks the build of both sides.
 */
import { z } from 'zod';
import { PROBLEM_CODES, SCHEMA_RULE_NAMES } from '../i18n/problems.js';
import type { rubinsteinSplitOutput } from './jobs/rubinstein-split-job.js';
import type { scenarioMonteCarloOutput } from './jobs/scenario-monte-carlo-job.js';

/** A signed-in account as the API shows it (never its password hash). */
export const accountSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'member']) });
export type Account = z.infer<typeof accountSchema>;

/** GET /api/session. */
export const sessionStateSchema = z.object({
  account: accountSchema.nullable(),
  accountsRequired: z.boolean(),
  singleSignOn: z
    .object({ name: z.string(), start: z.string() })
    .nullable()
    .describe('"Sign in with <name>": a link to `start` (add `?return=/path` to come back there)'),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** POST /api/session: the request and its answer. */
export const signInBodySchema = z
  .object({ name: z.string().min(1).max(100), password: z.string().min(1).max(1000) })
  .strict();
export type SignInBody = z.infer<typeof signInBodySchema>;
export const signedInSchema = z.object({ account: accountSchema });
export type SignedIn = z.infer<typeof signedInSchema>;

/** DELETE /api/session. */
export const signedOutSchema = z.object({ signedOut: z.boolean() });
export type SignedOut = z.infer<typeof signedOutSchema>;

const problemParam = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const errorIssueSchema = z.object({
  path: z.string().describe('Where the problem is, e.g. body.rules[2].rule.rate'),
  code: z
    .enum(PROBLEM_CODES)
    .describe(
      'What was expected, as a stable code to translate (docs/server.md): too_big with params { maximum, inclusive, origin }, one_of { values }, unknown_key { key }, format { format }, custom { rule, … }',
    ),
  params: z
    .object({
      rule: z
        .enum(SCHEMA_RULE_NAMES)
        .optional()
        .describe('With code custom: the rule, worded in English and Korean in src/i18n/problems.ts'),
    })
    .catchall(z.union([problemParam, z.array(problemParam)]))
    .describe("The code's parameters, e.g. { maximum: 1, inclusive: true, origin: 'number' }"),
  expected: z.string().describe('The same in English words'),
  found: z.string(),
  message: z.string(),
  value: problemParam.optional().describe('The value found, when a number, a flag, null or a text of ≤ 40 characters'),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable code such as request/invalid or schedule/index_missing'),
      message: z.string(),
      issues: z.array(errorIssueSchema).optional(),
    }),
  })
  .describe('Every error response has this body');
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A job as the server reports it (POST /api/jobs/{kind}, GET /api/jobs/{id}, each event's data). */
export const jobSnapshotSchema = z.object({
  id: z.string(),
  kind: z.string(),
  ownerId: z.string().nullable().describe('The account that started it; null when no account did'),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).describe('Chunks of runs done'),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  input: z.unknown(),
  result: z.unknown().describe('The kind’s output once succeeded, else null'),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type JobSnapshot = z.infer<typeof jobSnapshotSchema>;

/** GET /api/jobs/kinds. */
export const jobKindSummarySchema = z.object({
  kind: z.string(),
  /** What a person calls the kind, in English and Korean, and its summary in Korean. */
  title: z.object({ en: z.string(), ko: z.string() }),
  summary: z.string(),
  summaryKo: z.string(),
  start: z.string(),
});
export type JobKindSummary = z.infer<typeof jobKindSummarySchema>;

/** The results of the jobs the web app shows, from each kind's own output schema. */
export type RubinsteinSplitResult = z.infer<typeof rubinsteinSplitOutput>;
export type ScenarioMonteCarloResult = z.infer<typeof scenarioMonteCarloOutput>;

export const documentKindSchema = z.enum(['agreement', 'proposal', 'scenario']);
const kindSchema = documentKindSchema;

/** A saved document (GET /api/documents/{kind}, its id, a save). */
export const documentSchema = z.object({
  kind: kindSchema,
  id: z.string(),
  name: z.string(),
  body: z.unknown(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const documentVersionSchema = z.object({
  kind: kindSchema,
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  body: z.unknown(),
  savedAt: z.string(),
});
export type SavedDocument = z.infer<typeof documentSchema>;
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

const termsSchema = z.record(z.string(), z.union([z.number(), z.string()])).describe('Issue name → value');
const point = { uUS: z.number().describe('US utility'), uROK: z.number().describe('ROK utility') };
const pointSchema = z.object(point);
const solutionSchema = z.object({
  kind: z.enum(['agreement', 'disagreement']),
  ...point,
  terms: termsSchema.nullable(),
});

/** POST /api/negotiate: one negotiation of a bundled scenario on the utility plane (engine negotiation-plane.ts). */
export const negotiationPlaneSchema = z.object({
  outcome: termsSchema.nullable(),
  reason: z.enum(['agreement', 'deadline', 'walkaway', 'ratification-failed']),
  endDate: z.string().nullable(),
  agreement: pointSchema.nullable().describe('The agreed outcome on the utility plane'),
  offers: z.array(
    z.object({
      step: z.number().int(),
      date: z.string().nullable(),
      side: z.enum(['us', 'rok']),
      terms: termsSchema,
      ...point,
    }),
  ),
  frontier: z.array(pointSchema).describe('The Pareto frontier of the outcome space, by US utility ascending'),
  disagreement: pointSchema.describe('The reservation values'),
  nash: solutionSchema.describe('Nash (1950) solution of the outcome space'),
  kalaiSmorodinsky: solutionSchema.describe('Kalai–Smorodinsky (1975) solution of the outcome space'),
});
export type NegotiationPlane = z.infer<typeof negotiationPlaneSchema>;

/** POST /api/roleplay/sessions: one secret link token per seat (a side an agent plays gets none). */
export const tableLinksSchema = z.object({
  sessionId: z.string(),
  label: z.string(),
  tokens: z.object({ facilitator: z.string().optional(), us: z.string().optional(), rok: z.string().optional() }),
});
export type TableLinks = z.infer<typeof tableLinksSchema>;

/** POST /api/roleplay/classes: the class's facilitator token and each table's links. */
export const classLinksSchema = z.object({
  classId: z.string(),
  facilitatorToken: z.string(),
  tables: z.array(tableLinksSchema).readonly(),
});
export type ClassLinks = z.infer<typeof classLinksSchema>;

/** GET /api/roleplay/mine: a table or class as its owner lists it. */
export const ownedSessionSchema = z.object({
  id: z.string(),
  kind: z.enum(['table', 'class']),
  label: z.string(),
  scenarioId: z.string(),
  ownerId: z.string().nullable(),
  createdAt: z.string(),
});
export type OwnedSession = z.infer<typeof ownedSessionSchema>;

/** What a seat sees (GET /api/roleplay/me, each event): the engine's view, or a class facilitator's board. */
export type { RolePlayView, Side } from '../engine/roleplay/index.js';
export type { ClassView } from '../roleplay/types.js';
