/**
 * What role-play keeps in the store, parsed on the way back in: a session row's record (a table's setup or a class,
 * with its seats' token digests) and each entry of a table's log. The store hands back `unknown`; these schemas turn it
 * into the engine's types or say which field is wrong, so a damaged row is an error that names it, not a cast.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../engine/result.js';
import { AGENT_LEVELS, type RolePlayEntry, type RolePlaySetup, type Role } from '../engine/roleplay/index.js';
import { fieldProblems, formatPath, type FieldProblem } from './zod-issues.js';

/** A software agent's strategy as a table names it (requests and stored setups alike). */
export const rolePlayAgentSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('time-dependent'), e: z.number().min(0).max(50), k: z.number().min(0).max(1).optional() })
    .strict(),
  z
    .object({
      kind: z.literal('negmas-time-based'),
      aspiration: z.union([z.enum(['boulware', 'linear', 'conceder']), z.number().min(0).max(50)]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('fsj-polynomial'),
      beta: z.number().gt(0).max(50),
      kappa: z.number().min(0).max(1).optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('fsj-exponential'), beta: z.number().gt(0).max(50), kappa: z.number().gt(0).max(1) })
    .strict(),
  z.object({ kind: z.literal('tit-for-tat') }).strict(),
  z.object({ kind: z.literal('level'), level: z.enum(AGENT_LEVELS) }).strict(),
]);

const side = z.enum(['us', 'rok']);
const outcome = z.record(z.string(), z.union([z.number(), z.string()]));
const digest = z.string().regex(/^[0-9a-f]{64}$/);
const seats = z.object({ us: digest.optional(), rok: digest.optional(), facilitator: digest.optional() });

const setupSchema = z.object({
  scenarioId: z.string().min(1),
  table: z.object({ id: z.string().min(1), label: z.string(), classId: z.string().nullable() }),
  agents: z.object({ us: rolePlayAgentSchema.optional(), rok: rolePlayAgentSchema.optional() }),
  seed: z.number().int().min(0),
  outlook: z.object({
    rok: z
      .object({
        assembly: z.string(),
        odds: z.array(z.object({ firstYearChange: z.number(), probability: z.number().min(0).max(1) })),
      })
      .nullable(),
    us: z.object({ demand: outcome }),
  }),
});

const sessionRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), setup: setupSchema, seats }),
  z.object({
    kind: z.literal('class'),
    scenarioId: z.string().min(1),
    label: z.string(),
    tables: z.array(z.string().min(1)),
    seats,
  }),
]);

/** What a session row's `state` holds: a table's setup, or a class and its tables. */
export type SessionRecord = (
  | { readonly kind: 'table'; readonly setup: RolePlaySetup }
  | { readonly kind: 'class'; readonly scenarioId: string; readonly label: string; readonly tables: readonly string[] }
) & {
  /** SHA-256 (hex) of each seat's token, checked in constant time after the store's lookup. */
  readonly seats: Readonly<Partial<Record<Role, string>>>;
};

const message = z.string().optional();
const reason = z.object({ en: z.string(), ko: z.string() }).optional();
const entrySchema = z.object({
  actor: z.enum(['us', 'rok', 'facilitator', 'agent', 'system']),
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('offer'), side, outcome, message, reason }),
    z.object({ type: z.literal('accept'), side, message, reason }),
    z.object({ type: z.literal('walk-away'), side, message, reason }),
    z.object({ type: z.literal('note'), side, text: z.string() }),
    z.object({ type: z.literal('pause') }),
    z.object({ type: z.literal('resume') }),
    z.object({ type: z.literal('extend'), rounds: z.number().int() }),
    z.object({ type: z.literal('end') }),
    z.object({ type: z.literal('news'), news: z.literal('assembly-election') }),
    z.object({
      type: z.literal('ratification'),
      vote: z.object({
        ratified: z.boolean(),
        yes: z.number().int().min(0).optional(),
        no: z.number().int().min(0).optional(),
        abstain: z.number().int().min(0).optional(),
        // a vote postponed for want of a quorum (engine ratification.ts `holdVote`): kept, or a reload would lose it
        postponements: z.number().int().min(0).optional(),
        held: z.boolean().optional(),
        decidedOn: z.string().optional(),
      }),
    }),
  ]),
});

export interface RolePlayRecordError {
  readonly code: 'roleplay/corrupt_record';
  readonly details: { readonly what: string; readonly problems: readonly FieldProblem[] };
}

const parseWith =
  <T>(schema: z.ZodType, what: string) =>
  (value: unknown): Result<T, RolePlayRecordError> => {
    const parsed = schema.safeParse(value, { reportInput: true });
    // The schemas mirror the engine's types field by field; zod's output type differs only in readonly-ness.
    return parsed.success
      ? ok(parsed.data as T)
      : err({ code: 'roleplay/corrupt_record', details: { what, problems: fieldProblems(parsed.error.issues) } });
  };

/** The error in words: `session record: setup.seed expected an integer, found "x"`. */
export const recordErrorText = (e: RolePlayRecordError): string =>
  `${e.details.what}: ${e.details.problems.map((p) => `${formatPath(p.path)} expected ${p.expected}, found ${p.found}`).join('; ')}`;

/** A session row's `state` as a table or class record, or the fields that are wrong. */
export const parseSessionRecord = parseWith<SessionRecord>(sessionRecordSchema, 'session record');
/** One entry of a table's log, or the fields that are wrong. */
export const parseRolePlayEntry = parseWith<RolePlayEntry>(entrySchema, 'log entry');
