import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServerConfig } from './config.js';
import { ApiFailure, formatPath, httpErrorOf, httpErrorOfThrown, rawClientError, validationFailure } from './errors.js';
import { jsonNestsDeeperThan, stringLongerThan } from './json-body.js';
import { hostAllowed, redactedRequest, allowedHostsFor, isLoopbackHost } from './guards.js';
import { installAccess, type AccessOptions } from './access.js';
import { oidcRoutes } from './oidc.js';
import {
  systemClock,
  type Clock,
  type DocumentKind,
  type DocumentStore,
  type DocumentValidator,
  type StorePort,
} from './ports.js';
import {
  createJobRunner,
  type JobBus,
  type JobQueuePort,
  type JobRecorder,
  type JobRunner,
} from './jobs/job-runner.js';
import { jobKinds } from './jobs/kinds.js';
import { loadScenarioCatalogue, type ScenarioCatalogue } from '../io/scenario-catalogue.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { documentRoutes } from './routes/documents.js';
import { recordRoutes } from './routes/record.js';
import { agreementRoutes } from './routes/agreements.js';
import { solveRoutes } from './routes/solve.js';
import { roleplayRoutes, type RolePlayRoutesDeps } from './roleplay-routes.js';
import { negotiateRoutes } from './routes/negotiate.js';
import { scenarioRoutes } from './routes/scenarios.js';
import type { SmaRecord } from '../io/load-record.js';

export interface AppDeps {
  readonly config: ServerConfig;
  readonly clock?: Clock;
  readonly store?: StorePort;
  /** The bundled record, loaded by the caller; without it the record routes are absent and /api/ready says so. */
  readonly record?: SmaRecord;
  /** Saved documents and how each kind is validated; without them the document routes are absent. */
  readonly documents?: {
    readonly store: DocumentStore;
    readonly validators: Partial<Record<DocumentKind, DocumentValidator>>;
  };
  /** Where jobs are recorded (the store's runs); without it jobs live only in memory. */
  readonly jobRecorder?: JobRecorder;
  /** Job progress, ends and cancels shared with the other processes of the store (needs `jobRecorder`). */
  readonly jobBus?: JobBus;
  /** The PostgreSQL job queue (job-queue.ts) that jobs go through instead of this process's threads. */
  readonly jobQueue?: JobQueuePort;
  /** A job runner to use; by default one is made from the config and closed with the app. */
  readonly jobs?: JobRunner;
  /** A pino logger; none (silent) by default, as in tests. */
  readonly logger?: FastifyBaseLogger;
  /** Role-play tables over the store (src/server/roleplay-routes.ts); without it the role-play routes are absent. */
  readonly roleplay?: RolePlayRoutesDeps;
  /** Local accounts and sign-in sessions (the store); without them no one can sign in (src/server/access.ts). */
  readonly accounts?: AccessOptions['store'];
  /** The scenario catalogue (src/io/scenario-catalogue.ts); the bundled scenarios by default. */
  readonly scenarios?: ScenarioCatalogue;
}

/**
 * The HTTP API as a Fastify instance, with its dependencies passed in: test it with `app.inject`, serve it with `listen`.
 * @example const app = await buildApp({ config }); const res = await app.inject({ url: '/api/health' }); // 200
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const { timeouts } = config;
  const app = Fastify({
    // Seat tokens and other secrets never reach the log through a URL (src/server/guards.ts).
    ...(deps.logger
      ? { loggerInstance: deps.logger.child({}, { serializers: { req: redactedRequest } }) }
      : { logger: false }),
    bodyLimit: config.limits.bodyBytes,
    // Long-lived event streams must not hold shutdown forever.
    forceCloseConnections: true,
    // A request must arrive in time, and a silent connection is closed: slow senders cannot hold sockets forever.
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: timeouts.headersMs,
      // Node checks the two timeouts above on this period (30 s by default), so it bounds how late they bite.
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(timeouts.headersMs / 2))),
    },
    // Errors raised before a route runs get the documented error body too.
    frameworkErrors: (error, _request, reply) => {
      const http = httpErrorOfThrown(error);
      void reply.raw
        .writeHead(http.status, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(http.body));
    },
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(rawClientError(error.code));
      socket.destroy(error);
    },
    // A caller's (or proxy's) request id is kept in the logs; otherwise Fastify numbers requests.
    requestIdHeader: 'x-request-id',
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  const allowedHosts = allowedHostsFor(config);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // DNS rebinding: a page of another site that resolves its own name to this server is refused here.
    if (!hostAllowed(request.headers.host, allowedHosts)) {
      throw new ApiFailure({
        code: 'request/host_not_allowed',
        message: `This server does not answer for the host "${String(request.headers.host ?? '')}"; see SMA_ALLOWED_HOSTS.`,
      });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // JSON is parsed here rather than by Fastify's default so that nesting depth is refused before parsing.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const body = text as string;
    if (body.trim() === '') return done(null, undefined);
    if (jsonNestsDeeperThan(body, config.limits.jsonDepth)) {
      return done(
        new ApiFailure({
          code: 'request/json_too_deep',
          message: `The JSON body nests deeper than ${config.limits.jsonDepth} levels.`,
          limit: config.limits.jsonDepth,
        }),
        undefined,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return done(
        new ApiFailure({ code: 'request/json_malformed', message: 'The body is not valid JSON.' }),
        undefined,
      );
    }
    const long = stringLongerThan(parsed, config.limits.stringLength);
    if (long !== undefined) {
      const path = formatPath('body', long.path);
      const expected = `at most ${config.limits.stringLength} characters`;
      return done(
        new ApiFailure({
          code: 'request/field_too_long',
          message: `${path} is ${long.length} characters long; ${expected} are accepted in one field.`,
          issues: [
            {
              path,
              code: 'too_big',
              params: { maximum: config.limits.stringLength, inclusive: true, origin: 'string' },
              expected,
              found: `${long.length} characters`,
              message: 'field too long',
            },
          ],
        }),
        undefined,
      );
    }
    done(null, parsed);
  });

  app.setErrorHandler((error, request, reply) => {
    let http;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'body';
      const input = (request as unknown as Record<string, unknown>)[context];
      http = httpErrorOf(validationFailure(error.validation, context, input));
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      http = httpErrorOfThrown(new Error('response serialization'));
    } else {
      http = httpErrorOfThrown(error);
      if (http.status >= 500) request.log.error({ err: error }, 'request failed');
    }
    return reply.code(http.status).type('application/json').send(http.body);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HTTPS is the reverse proxy's: it sets HSTS; over plain HTTP (a laptop, a LAN) the header means nothing.
    strictTransportSecurity: false,
  });

  await app.register(fastifyRateLimit, {
    max: config.limits.requestsPerMinute,
    timeWindow: 60_000,
    // Orchestrators' probes are not clients.
    allowList: (request) => request.url === '/api/health' || request.url === '/api/ready',
    // Per account once signed in (a class behind one school address is many accounts), else per address.
    keyGenerator: (request) => (request.account ? `account:${request.account.id}` : request.ip),
    errorResponseBuilder: (_request, context) =>
      new ApiFailure({
        code: 'request/too_many',
        message: `More than ${context.max} requests a minute from this address; retry in ${context.after}.`,
      }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'SMA Lab API',
        description:
          'The Korea–US Special Measures Agreement: schedules, the record, bargaining solutions and simulation jobs.',
        version: '0.1.0',
      },
      tags: [
        { name: 'health' },
        { name: 'jobs' },
        { name: 'documents' },
        { name: 'record' },
        { name: 'agreements' },
        { name: 'solve' },
        { name: 'roleplay' },
        { name: 'negotiate' },
        { name: 'session' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI sets its own CSP (hashes of its inline parts) on its pages.
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI injects one <style> element; its page alone allows inline styles (checked in Chromium).
    transformStaticCSP: (header) =>
      header.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
  });

  // From here on, a route without an access rule stops the app from starting.
  const { accountsRequired } = await installAccess(app, {
    ...(deps.accounts ? { store: deps.accounts } : {}),
    loopback: isLoopbackHost(config.host),
    ...(config.oidc && deps.accounts ? { singleSignOn: { name: config.oidc.displayName } } : {}),
  });
  await app.register(oidcRoutes({ config: config.oidc, store: deps.accounts, log: app.log }));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const scenarios = (deps.scenarios ?? loadScenarioCatalogue()).scenarios;
  const jobs =
    deps.jobs ??
    createJobRunner({
      kinds: jobKinds(scenarios, deps.documents?.store, config.limits.outcomesPerJob),
      clock,
      threads: config.jobThreads,
      maxRunsPerJob: config.limits.runsPerJob,
      maxOutcomesPerJob: config.limits.outcomesPerJob,
      maxJobsPerClient: config.limits.jobsPerClient,
      chunkLimits: { timeMs: config.limits.chunkTimeMs, memoryMb: config.limits.chunkMemoryMb },
      jobsKept: config.jobsKept,
      ...(deps.jobRecorder ? { recorder: deps.jobRecorder } : {}),
      ...(deps.jobBus ? { bus: deps.jobBus } : {}),
      ...(deps.jobQueue ? { queue: deps.jobQueue } : {}),
      onError: (error, job) =>
        app.log.error({ err: error, job: job?.id, kind: job?.kind }, job ? 'job failed' : 'job bus failed'),
      onFinished: (job) =>
        app.log.info(
          { job: job.id, kind: job.kind, status: job.status, chunks: job.progress.done, startedAt: job.createdAt },
          'job finished',
        ),
    });
  if (deps.jobs === undefined) app.addHook('onClose', async () => jobs.close());

  await app.register(healthRoutes({ store: deps.store, recordLoaded: deps.record !== undefined }));
  if (deps.record) {
    await app.register(recordRoutes(deps.record));
    await app.register(
      agreementRoutes(deps.record, deps.documents?.store, {
        cacheEntries: config.scheduleCacheEntries,
      }),
    );
  }
  await app.register(jobRoutes(jobs, { accountsRequired }));
  await app.register(solveRoutes);
  await app.register(negotiateRoutes(scenarios));
  await app.register(scenarioRoutes(scenarios));
  if (deps.documents) {
    await app.register(
      documentRoutes(deps.documents.store, deps.documents.validators, {
        nameLength: config.limits.nameLength,
        historyKept: config.limits.historyKept,
        accountsRequired,
      }),
    );
  }
  if (deps.roleplay) await app.register(roleplayRoutes(deps.roleplay));

  const webDist = resolve(config.webDist);
  const serveWeb = existsSync(resolve(webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: 'index.html' });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The web app routes on the client: any non-API GET that is not a file gets its index page.
    if (serveWeb && (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api')) {
      return reply.sendFile('index.html');
    }
    const http = httpErrorOf({ code: 'route/not_found', message: `No route ${request.method} ${path}.` });
    return reply.code(http.status).send(http.body);
  });

  return app;
}
