/**
 * The role-play HTTP API under /api/roleplay: create a table or a class, then everything else by seat token
 * (`Authorization: Bearer <token>`, never in the URL): my view, my actions (with an
 * Idempotency-Key and the seq I saw), my live event stream (SSE), the debrief (facilitator only).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH, type RolePlayScenario } from '../engine/roleplay/index.js';
import {
  createRolePlayService,
  type RolePlayService,
  type RolePlayServiceError,
  type TableSpec,
} from '../roleplay/service.js';
import { SMA_11_TALKS } from '../engine/roleplay/index.js';
import { httpErrorOf, type HttpError } from './errors.js';
import type { Store } from '../store/index.js';
import { rolePlayAgentSchema } from '../io/roleplay-record.js';

const tableSchema = z
  .object({
    label: z.string().min(1).max(100).optional(),
    agents: z.object({ us: rolePlayAgentSchema.optional(), rok: rolePlayAgentSchema.optional() }).strict().optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional()
      .describe('Seeds the agents and the Assembly vote, so a table can be replayed; random when absent'),
  })
  .strict();

/** The service's table spec from a request's table, leaving out what was not given. */
const tableSpecOf = (t: z.infer<typeof tableSchema>): TableSpec => ({
  ...(t.label ? { label: t.label } : {}),
  ...(t.agents ? { agents: t.agents } : {}),
  ...(t.seed !== undefined ? { seed: t.seed } : {}),
});

const message = z.string().max(MAX_MESSAGE_LENGTH).optional();
/** A seat's action; a side's moves carry no side (the token decides it), so extra keys are refused. */
export const clientActionSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('offer'), outcome: z.record(z.string(), z.union([z.number(), z.string()])), message })
    .strict(),
  z.object({ type: z.literal('accept'), message }).strict(),
  z.object({ type: z.literal('walk-away'), message }).strict(),
  z.object({ type: z.literal('note'), text: z.string().min(1).max(MAX_MESSAGE_LENGTH) }).strict(),
  z.object({ type: z.literal('pause') }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  z.object({ type: z.literal('extend'), rounds: z.number().int().min(1).max(24) }).strict(),
  z.object({ type: z.literal('end') }).strict(),
  z.object({ type: z.literal('news'), news: z.literal('assembly-election') }).strict(),
]);

/** A role-play failure as the API's error body (status from the one registry), with its details. */
export function roleplayHttpError(error: RolePlayServiceError): HttpError {
  const http = httpErrorOf({
    code: error.code,
    message:
      error.code === 'roleplay/conflict'
        ? `The table moved on: you sent expectedSeq ${error.details.expectedSeq}, it is at ${error.details.headSeq}. Reload and decide again.`
        : error.code,
  });
  return { status: http.status, body: { error: { ...http.body.error, details: error.details } } };
}

// The seat token travels only in the Authorization header: a URL is logged by servers and proxies and kept in
// browser history, and one facilitator token opens every seat of a class.
const tokenOf = (request: FastifyRequest): string => {
  const auth = request.headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
};

const fail = (reply: FastifyReply, error: RolePlayServiceError) => {
  const http = roleplayHttpError(error);
  return reply.code(http.status).send(http.body);
};

export interface RolePlayRoutesDeps {
  readonly service: RolePlayService;
  readonly scenarios: () => readonly RolePlayScenario[];
  /** Seconds between SSE keep-alive comments (default 15). */
  readonly keepAliveSeconds?: number;
}

/**
 * The routes' dependencies over a store, serving the given scenarios (default: the built-in 11th SMA talks).
 * @example await app.register(roleplayRoutes(roleplayDepsFor(store)));
 */
export function roleplayDepsFor(
  store: Store,
  scenarios: readonly RolePlayScenario[] = [SMA_11_TALKS],
): RolePlayRoutesDeps {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  return { service: createRolePlayService({ store, scenarios: (id) => byId.get(id) }), scenarios: () => scenarios };
}

/**
 * The role-play routes as a Fastify plugin (needs the zod validator compiler on the app).
 * @example await app.register(roleplayRoutes({ service, scenarios: () => [SMA_11_TALKS] }));
 */
export const roleplayRoutes =
  (deps: RolePlayRoutesDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { service } = deps;
    const tags = ['roleplay'];
    // Open event streams, ended when the app closes so shutdown never waits on a browser.
    const streams = new Set<() => void>();
    app.addHook('onClose', async () => {
      for (const close of [...streams]) close();
    });

    app.get(
      '/api/roleplay/scenarios',
      { schema: { tags, summary: 'Scenarios a table can be created from' } },
      async () => deps.scenarios().map((s) => ({ id: s.id, name: s.name, description: s.description })),
    );

    app.post(
      '/api/roleplay/sessions',
      {
        schema: {
          tags,
          summary: 'Create one table: returns a secret token per seat',
          body: tableSchema.extend({ scenarioId: z.string().min(1).max(100) }),
        },
      },
      async (request, reply) => {
        const { scenarioId, ...spec } = request.body;
        const r = await service.createTable(scenarioId, tableSpecOf(spec));
        if (!r.ok) return fail(reply, r.error);
        return reply.code(201).send(r.value);
      },
    );

    app.post(
      '/api/roleplay/classes',
      {
        schema: {
          tags,
          summary: 'Create a class: many tables, one facilitator token for all',
          body: z
            .object({
              scenarioId: z.string().min(1).max(100),
              label: z.string().min(1).max(100),
              tables: z.array(tableSchema).min(1).max(200),
            })
            .strict(),
        },
      },
      async (request, reply) => {
        const { scenarioId, label, tables } = request.body;
        const r = await service.createClass(scenarioId, label, tables.map(tableSpecOf));
        if (!r.ok) return fail(reply, r.error);
        return reply.code(201).send(r.value);
      },
    );

    app.get('/api/roleplay/me', { schema: { tags, summary: 'What my seat may see' } }, async (request, reply) => {
      const r = await service.view(tokenOf(request));
      return r.ok ? r.value : fail(reply, r.error);
    });

    app.post(
      '/api/roleplay/me/actions',
      {
        schema: {
          tags,
          summary: 'Act: offer, accept, walk away, note; facilitator: pause, resume, extend, end',
          headers: z.object({ 'idempotency-key': z.string().min(1).max(200) }),
          body: z
            .object({
              action: clientActionSchema,
              expectedSeq: z.number().int().min(0).optional(),
              sessionId: z.string().min(1).max(100).optional(),
            })
            .strict(),
        },
      },
      async (request, reply) => {
        const { action, expectedSeq, sessionId } = request.body;
        const r = await service.act(tokenOf(request), {
          action,
          idempotencyKey: request.headers['idempotency-key'],
          ...(expectedSeq === undefined ? {} : { expectedSeq }),
          ...(sessionId === undefined ? {} : { sessionId }),
        });
        if (!r.ok) return fail(reply, r.error);
        if (r.value.duplicate) reply.header('idempotent-replayed', 'true');
        return reply.code(r.value.duplicate ? 200 : 201).send(r.value);
      },
    );

    app.get(
      '/api/roleplay/me/debrief',
      {
        schema: {
          tags,
          summary: 'Debrief of my table or class, or of one table of my class (facilitator)',
          querystring: z.object({ sessionId: z.string().min(1).max(100).optional() }),
        },
      },
      async (request, reply) => {
        const r = await service.debrief(tokenOf(request), request.query.sessionId);
        return r.ok ? r.value : fail(reply, r.error);
      },
    );

    app.get(
      '/api/roleplay/me/gradebook',
      {
        schema: {
          tags,
          summary:
            'Grade book of my class (facilitator): one row per table and side, and the assumptions behind the figures',
          querystring: z.object({ lang: z.enum(['en', 'ko']).default('en') }),
        },
      },
      async (request, reply) => {
        const r = await service.gradeBook(tokenOf(request), request.query.lang);
        return r.ok ? r.value : fail(reply, r.error);
      },
    );

    app.post(
      '/api/roleplay/me/score',
      {
        schema: {
          tags,
          summary: "My side's score of a draft offer (the facilitator: both sides')",
          body: z.object({ outcome: z.record(z.string(), z.union([z.number(), z.string()])) }).strict(),
        },
      },
      async (request, reply) => {
        const r = await service.score(tokenOf(request), request.body.outcome);
        return r.ok ? { scores: r.value } : fail(reply, r.error);
      },
    );

    app.post(
      '/api/roleplay/me/backtable',
      {
        schema: {
          tags,
          summary: "Consult my side's backtable: the Assembly's odds of the terms (ROK) and what the lapse costs",
          body: z
            .object({
              outcome: z
                .record(z.string(), z.union([z.number(), z.string()]))
                .nullable()
                .optional(),
            })
            .strict(),
        },
      },
      async (request, reply) => {
        const r = await service.backtable(tokenOf(request), request.body.outcome ?? null);
        // Shaped like a view's private part: only the asking side's answer (both for the facilitator).
        return r.ok ? { private: r.value } : fail(reply, r.error);
      },
    );

    app.get(
      '/api/roleplay/me/events',
      { schema: { tags, summary: 'Server-sent events: my view after every change' } },
      async (request, reply) => {
        const token = tokenOf(request);
        const first = await service.view(token);
        if (!first.ok) return fail(reply, first.error);
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const send = (view: unknown) => {
          const seq = (view as { seq?: number }).seq;
          raw.write(`${seq === undefined ? '' : `id: ${seq}\n`}event: view\ndata: ${JSON.stringify(view)}\n\n`);
        };
        // Subscribe before the first push, then send the view as of now: a move made while subscribing is not lost.
        const sub = await service.subscribe(token, send);
        const current = await service.view(token);
        send(current.ok ? current.value : first.value);
        const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), (deps.keepAliveSeconds ?? 15) * 1000);
        const stop = () => {
          clearInterval(keepAlive);
          streams.delete(close);
          if (sub.ok) void sub.value();
        };
        const close = () => {
          stop();
          raw.end();
        };
        // Registered in the plugin's set, not as a hook per stream: hooks added per request would pile up forever.
        streams.add(close);
        request.raw.on('close', stop);
      },
    );
  };
