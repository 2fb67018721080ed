/**
 * The wire contract between the web app and the server: the zod schemas of request and response bodies the routes are
 * declared with (so a handler's answer is checked against them by the type provider), and their `z.infer` types,
 * which the web app imports as types only. A change here breaks the build of both sides.
 */
import { z } from 'zod';

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

export const errorIssueSchema = z.object({
  path: z.string().describe('Where the problem is, e.g. body.rules[2].rule.rate'),
  expected: z.string(),
  found: z.string(),
  message: z.string(),
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
