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
  type SeatKey,
  type TableSpec,
} from '../roleplay/service.js';
import { mayChange } from './access.js';
import { errorResponses } from './schemas.js';
import { classLinksSchema, ownedSessionSchema, tableLinksSchema } from './wire.js';
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

const ownedParams = z.object({ id: z.string().min(1).max(100) });

interface SeatRoutes {
  readonly base: string;
  readonly who: string;
  readonly params: { readonly params?: typeof ownedParams };
  readonly keyOf: (request: FastifyRequest) => Promise<SeatKey | HttpError>;
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
  // A table plays point values, never the fitted distributions, so a fitted forecast (`sma-13-talks-fitted`) would
  // offer a teacher the same table twice: the list leaves it out, and a table already made on one still opens.
  const listed = scenarios.filter((s) => s.fitted === undefined);
  return { service: createRolePlayService({ store, scenarios: (id) => byId.get(id) }), scenarios: () => listed };
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

    /** The facilitator's seat of the table or class named in the path, if the signed-in account may change it. */
    const ownedKey = async (request: FastifyRequest): Promise<SeatKey | HttpError> => {
      // Always an account, even on a loopback server without any: a seat's holder must never reach the facilitator's.
      const { account } = request;
      if (!account) return httpErrorOf({ code: 'auth/unauthenticated', message: 'Sign in first (POST /api/session).' });
      const { id } = ownedParams.parse(request.params);
      const found = await service.ownedSeat(id);
      if (!found.ok) return roleplayHttpError(found.error);
      if (!mayChange(account, found.value.ownerId, true)) {
        return httpErrorOf({
          code: 'auth/forbidden',
          message: `This role-play ${found.value.owned.kind} belongs to another account; only its owner or an admin may run it.`,
        });
      }
      return { owned: found.value.owned };
    };

    app.get(
      '/api/roleplay/mine',
      {
        schema: {
          tags,
          summary: 'The tables and classes my account created (an admin: everyone’s), newest first',
          response: { 200: z.array(ownedSessionSchema) },
        },
      },
      async (request) => {
        // Tables made without an account have no owner to list them for: their facilitator links stand alone.
        const { account } = request;
        if (!account) return [];
        return [...(await service.listOwned(account.role === 'admin' ? undefined : account.id))];
      },
    );

    app.get(
      '/api/roleplay/scenarios',
      { schema: { tags, summary: 'Scenarios a table can be created from' } },
      async () =>
        deps.scenarios().map((s) => ({
          id: s.id,
          name: s.name,
          description: s.description,
          ...(s.name_ko === undefined ? {} : { name_ko: s.name_ko }),
          ...(s.description_ko === undefined ? {} : { description_ko: s.description_ko }),
        })),
    );

    app.post(
      '/api/roleplay/sessions',
      {
        schema: {
          tags,
          summary: 'Create one table: returns a secret token per seat',
          body: tableSchema.extend({ scenarioId: z.string().min(1).max(100) }),
          response: { 201: tableLinksSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const { scenarioId, ...spec } = request.body;
        const r = await service.createTable(scenarioId, tableSpecOf(spec), request.account?.id ?? null);
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
          response: { 201: classLinksSchema, ...errorResponses(400, 401, 404) },
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
        const r = await service.createClass(scenarioId, label, tables.map(tableSpecOf), request.account?.id ?? null);
        if (!r.ok) return fail(reply, r.error);
        return reply.code(201).send(r.value);
      },
    );

    // The same routes twice: by a seat's secret token (`/me`), and by the owner's signed-in session for the
    // facilitator's seat of a table or class it created (`/owned/{id}`), which an admin may use on any.
    const seatRoutes: readonly SeatRoutes[] = [
      { base: '/api/roleplay/me', who: 'My seat (token)', params: {}, keyOf: async (request) => tokenOf(request) },
      {
        base: '/api/roleplay/owned/:id',
        who: 'A table or class I created (session)',
        params: { params: ownedParams },
        keyOf: (request) => ownedKey(request),
      },
    ];
    for (const { base, who, params, keyOf } of seatRoutes) {
      app.get(
        base,
        { schema: { tags, summary: `${who}: what the seat may see`, ...params } },
        async (request, reply) => {
          const key = await keyOf(request);
          if (typeof key === 'object' && 'status' in key) return reply.code(key.status).send(key.body);
          const r = await service.view(key);
          return r.ok ? r.value : fail(reply, r.error);
        },
      );

      app.post(
        `${base}/actions`,
        {
          schema: {
            tags,
            summary: `${who}: act (offer, accept, walk away, note; facilitator: pause, resume, extend, end)`,
            ...params,
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
          const key = await keyOf(request);
          if (typeof key === 'object' && 'status' in key) return reply.code(key.status).send(key.body);
          const { action, expectedSeq, sessionId } = request.body;
          const r = await service.act(key, {
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
        `${base}/debrief`,
        {
          schema: {
            tags,
            summary: `${who}: debrief of the table or class, or of one table of the class (facilitator)`,
            ...params,
            querystring: z.object({ sessionId: z.string().min(1).max(100).optional() }),
          },
        },
        async (request, reply) => {
          const key = await keyOf(request);
          if (typeof key === 'object' && 'status' in key) return reply.code(key.status).send(key.body);
          const r = await service.debrief(key, request.query.sessionId);
          return r.ok ? r.value : fail(reply, r.error);
        },
      );

      app.get(
        `${base}/packet`,
        {
          schema: {
            tags,
            summary: `${who}: the printable case packet: the general brief and the seat's own confidential brief and scoring sheet (facilitator: all, with the teaching note)`,
            ...params,
            querystring: z.object({ lang: z.enum(['en', 'ko']).default('en') }),
          },
        },
        async (request, reply) => {
          const key = await keyOf(request);
          if (typeof key === 'object' && 'status' in key) return reply.code(key.status).send(key.body);
          const r = await service.packet(key, request.query.lang);
          return r.ok ? r.value : fail(reply, r.error);
        },
      );

      app.get(
        `${base}/gradebook`,
        {
          schema: {
            tags,
            summary: `${who}: the class's grade book (facilitator): one row per table and side, and the assumptions behind the figures`,
            ...params,
            querystring: z.object({ lang: z.enum(['en', 'ko']).default('en') }),
          },
        },
        async (request, reply) => {
          const key = await keyOf(request);
          if (typeof key === 'object' && 'status' in key) return reply.code(key.status).send(key.body);
          const r = await service.gradeBook(key, request.query.lang);
          return r.ok ? r.value : fail(reply, r.error);
        },
      );

      app.post(
        `${base}/score`,
        {
          schema: {
            tags,
            summary: `${who}: the side's score of a draft offer (the facilitator: both sides')`,
            ...params,
            body: z.object({ outcome: z.record(z.string(), z.union([z.number(), z.string()])) }).strict(),
          },
        },
        async (request, reply) => {
          const key = await keyOf(request);
          if (typeof key === 'object' && 'status' in key) return reply.code(key.status).send(key.body);
          const r = await service.score(key, request.body.outcome);
          return r.ok ? { scores: r.value } : fail(reply, r.error);
        },
      );

      app.post(
        `${base}/backtable`,
        {
          schema: {
            tags,
            summary: `${who}: the side's backtable, the Assembly's odds of the terms (ROK) and what the lapse costs`,
            ...params,
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
          const key = await keyOf(request);
          if (typeof key === 'object' && 'status' in key) return reply.code(key.status).send(key.body);
          const r = await service.backtable(key, request.body.outcome ?? null);
          // Shaped like a view's private part: only the asking side's answer (both for the facilitator).
          return r.ok ? { private: r.value } : fail(reply, r.error);
        },
      );

      app.get(
        `${base}/events`,
        { schema: { tags, summary: `${who}: server-sent events, the view after every change`, ...params } },
        async (request, reply) => {
          const token = await keyOf(request);
          if (typeof token === 'object' && 'status' in token) return reply.code(token.status).send(token.body);
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
    }
  };
