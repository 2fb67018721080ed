import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { mayChange } from '../access.js';
import { ApiFailure } from '../errors.js';
import { errorResponses } from '../schemas.js';
import { jobKindSummarySchema, jobSnapshotSchema } from '../wire.js';
import type { JobEvent, JobRunner, JobSnapshot } from '../jobs/job-runner.js';
import { retiredJobKinds } from '../jobs/kinds.js';

const jobParams = z.object({ id: z.string().min(1) });

// Events leave out the job's input, which can be large and which the client sent; GET /api/jobs/{id} has it.
const sseFrame = (event: JobEvent): string => {
  const { input: _input, ...job } = event.job;
  return `event: ${event.type}\ndata: ${JSON.stringify(job)}\n\n`;
};

export interface JobRoutesOptions {
  /** Whether writes need a signed-in account (src/server/access.ts); then only a job's owner or an admin cancels it. */
  readonly accountsRequired?: () => Promise<boolean>;
}

/** Who runs how many jobs at once: a signed-in account wherever it connects from, else an address. */
export const jobClientOf = (request: FastifyRequest): string =>
  request.account ? `account:${request.account.id}` : request.ip;

export const jobRoutes =
  (jobs: JobRunner, options: JobRoutesOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const accountsRequired = async () => (await options.accountsRequired?.()) ?? false;
    app.get(
      '/api/jobs/kinds',
      {
        schema: {
          summary: 'The kinds of job this server runs',
          tags: ['jobs'],
          response: { 200: z.array(jobKindSummarySchema) },
        },
      },
      async () =>
        jobs.kinds().map((kind) => ({
          kind: kind.name,
          title: kind.title,
          summary: kind.summary,
          summaryKo: kind.summaryKo,
          start: `/api/jobs/${kind.name}`,
        })),
    );

    for (const kind of jobs.kinds()) {
      app.post(
        `/api/jobs/${kind.name}`,
        {
          schema: {
            summary: `Start a ${kind.name} job: ${kind.summary}`,
            description:
              'Runs in worker threads. Follow it at /api/jobs/{id}/events; fetch it at /api/jobs/{id}. Refused with 422 above the runs limit and 429 above the concurrent jobs limit per client.',
            tags: ['jobs'],
            body: kind.input,
            // The snapshot with this kind's result schema, so the API description documents each kind's output.
            response: {
              202: jobSnapshotSchema.extend({
                result: kind.output.nullable().describe('Once succeeded (GET /api/jobs/{id}), else null'),
              }),
              ...errorResponses(400, 413, 422, 429, 503),
            },
          },
        },
        async (request, reply) => {
          await jobs.ready();
          const prepared = kind.prepare ? await kind.prepare(request.body) : { ok: true as const, value: request.body };
          if (!prepared.ok) throw new ApiFailure(prepared.error);
          const started = await jobs.start(
            kind.name,
            prepared.value,
            jobClientOf(request),
            request.account?.id ?? null,
          );
          if (!started.ok) throw new ApiFailure(started.error);
          // Answered once recorded, so the id works at once on every process sharing the store.
          await jobs.recorded(started.value.id);
          request.log.info(
            { job: started.value.id, kind: kind.name, chunks: started.value.progress.total },
            'job started',
          );
          return reply.code(202).header('location', `/api/jobs/${started.value.id}`).send(started.value);
        },
      );
    }

    // A retired kind's route stays, so an old client hears where to go instead of a bare 404. It is no operation of
    // the API any more, so the API description leaves it out.
    for (const retired of retiredJobKinds.filter((r) => !jobs.kinds().some((k) => k.name === r.name))) {
      app.post(`/api/jobs/${retired.name}`, { schema: { hide: true } }, async () => {
        throw new ApiFailure({ code: 'job/kind_retired', message: retired.message });
      });
    }

    app.get(
      '/api/jobs',
      {
        schema: {
          summary: 'Jobs running and recently finished: your own once accounts exist (an admin: everyone’s)',
          description:
            'A job is shared by its link: any signed-in account may read /api/jobs/{id}, but the list shows only your own, so one member cannot see what the others are running.',
          tags: ['jobs'],
          response: { 200: z.array(jobSnapshotSchema) },
        },
      },
      async (request) => {
        const { account } = request;
        if (!(await accountsRequired()) || account?.role === 'admin') return jobs.list();
        return jobs.list().filter((job) => account !== null && job.ownerId === account.id);
      },
    );

    const found = async (id: string): Promise<JobSnapshot> => {
      const job = await jobs.get(id);
      if (job === undefined) throw new ApiFailure({ code: 'job/not_found', message: `No job ${id}.` });
      return job;
    };

    app.get(
      '/api/jobs/:id',
      {
        schema: {
          summary: 'A job: status, progress and, once done, its result',
          tags: ['jobs'],
          params: jobParams,
          response: { 200: jobSnapshotSchema, ...errorResponses(404) },
        },
      },
      async (request) => await found(request.params.id),
    );

    app.post(
      '/api/jobs/:id/cancel',
      {
        schema: {
          summary: 'Cancel a running job; answers once it has stopped',
          description:
            'Only the account that started it, or an admin, may cancel a job (403 otherwise). A job another process runs is asked to stop through the store; 503 if no process stops it in time.',
          tags: ['jobs'],
          params: jobParams,
          response: { 200: jobSnapshotSchema, ...errorResponses(403, 404, 409, 503) },
        },
      },
      async (request) => {
        const job = await found(request.params.id);
        if (!mayChange(request.account, job.ownerId, await accountsRequired())) {
          throw new ApiFailure({
            code: 'auth/forbidden',
            message: `Job ${job.id} belongs to another account; only its owner or an admin may cancel it.`,
          });
        }
        const cancelled = await jobs.cancel(request.params.id);
        if (!cancelled.ok) throw new ApiFailure(cancelled.error);
        return cancelled.value;
      },
    );

    app.get(
      '/api/jobs/:id/events',
      {
        schema: {
          summary: 'Follow a job as Server-Sent Events',
          description:
            'A `progress` event with the job at once and after each chunk, then one `finished` event, then the stream ends. Works on any server process sharing the store, whichever runs the job.',
          tags: ['jobs'],
          params: jobParams,
          produces: ['text/event-stream'],
          response: { 200: z.string().describe('text/event-stream'), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        await found(request.params.id);
        reply.hijack();
        const out = reply.raw;
        out.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        let stopped = false;
        let unwatch: (() => void) | undefined = undefined;
        const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), 15_000);
        const stop = () => {
          if (stopped) return;
          stopped = true;
          clearInterval(heartbeat);
          unwatch?.();
          out.end();
        };
        request.raw.on('close', stop);
        // The job may run here or in another process sharing the store; either way its events arrive here.
        unwatch = await jobs.watch(request.params.id, (event) => {
          if (stopped) return;
          out.write(sseFrame(event));
          if (event.type === 'finished') stop();
        });
        if (unwatch === undefined) stop();
        else if (stopped) unwatch();
      },
    );
  };
