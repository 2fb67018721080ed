import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { StorePort, Readiness } from '../ports.js';

const checkSchema = z.object({ ok: z.boolean(), reason: z.string().optional() });
const readySchema = z.object({ ready: z.boolean(), checks: z.object({ store: checkSchema, record: checkSchema }) });

export const healthRoutes =
  (deps: { store: StorePort | undefined; recordLoaded: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          summary: 'Liveness: the process answers',
          tags: ['health'],
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/api/ready',
      {
        schema: {
          summary: 'Readiness: the store answers and the record is loaded',
          tags: ['health'],
          response: { 200: readySchema, 503: readySchema },
        },
      },
      async (_request, reply) => {
        const store = deps.store
          ? await deps.store.ready().catch((error: unknown) => ({ ok: false as const, reason: String(error) }))
          : { ok: false as const, reason: 'no store configured' };
        const record: Readiness = deps.recordLoaded ? { ok: true } : { ok: false, reason: 'the record is not loaded' };
        const ready = store.ok && record.ok;
        return reply.code(ready ? 200 : 503).send({ ready, checks: { store, record } });
      },
    );
  };
