// The server process: configuration from the environment, adapters wired, graceful shutdown.
import { pino } from 'pino';
import { buildApp } from './app.js';
import { parseServerConfig } from './config.js';
import { loadRecord } from '../io/load-record.js';
import { openStore, type Store } from '../store/index.js';
import { ioDocumentValidators, storeJobBus, storeJobRecorder, storeReadiness } from './adapters.js';
import { roleplayDepsFor } from './roleplay-routes.js';
import { isLoopbackHost } from './guards.js';
import { SMA_11_TALKS } from '../engine/roleplay/index.js';
import {
  loadScenarioCatalogue,
  scenarioCatalogueOf,
  scenarioDirs,
  type ScenarioCatalogue,
} from '../io/scenario-catalogue.js';
import { openJobQueue, type JobQueue } from './jobs/job-queue.js';
import { jobKinds } from './jobs/kinds.js';

// One catalogue for the jobs, the negotiate routes and role-play: the bundled scenario files and $SMA_SCENARIO_DIR's;
// failing that, the built-in 11th SMA talks.
function scenarioCatalogue(log: { error: (o: object, m: string) => void }): ScenarioCatalogue {
  try {
    const catalogue = loadScenarioCatalogue(scenarioDirs({ env: process.env, cwd: process.cwd() }));
    if (catalogue.problems.length > 0)
      log.error({ problems: catalogue.problems.slice(0, 20) }, 'some scenario files did not load');
    if (catalogue.scenarios.size > 0) return catalogue;
  } catch (error) {
    log.error({ err: error }, 'the scenario catalogue did not load');
  }
  return scenarioCatalogueOf([SMA_11_TALKS]);
}

const parsed = parseServerConfig(process.env);
if (!parsed.ok) {
  for (const issue of parsed.issues) process.stderr.write(`sma server: ${issue.variable}: ${issue.message}\n`);
  process.stderr.write('sma server: see docs/server.md for the settings.\n');
  process.exit(2);
}
const config = parsed.value;
const logger = pino({ level: config.logLevel, base: { service: 'sma-lab' } });

const record = loadRecord(config.recordDir);
if (!record.ok) {
  // Served anyway: health, jobs and saved documents still work, and /api/ready reports the record missing.
  logger.error({ problems: record.error.slice(0, 20), count: record.error.length }, 'the record did not load');
}

let store: Store;
try {
  store = await openStore({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }),
    env: {},
  });
} catch (error) {
  logger.fatal({ err: error }, 'could not open the store');
  process.exit(1);
}

// On a network anyone who can reach the port could write: such a server starts only once it has an account.
// With single sign-on configured, the provider's people are the accounts.
if (!isLoopbackHost(config.host) && config.oidc === undefined && (await store.countUsers()) === 0) {
  process.stderr.write(
    `sma server: HOST=${config.host} is not loopback, and this server has no account yet, so anyone on the network could\n` +
      'change its documents, jobs and classes. Create an admin first (the password is read from standard input):\n' +
      '  sma users add NAME --role admin\n' +
      'with the same DATABASE_URL or SMA_DATA_DIR as the server (see docs/security.md), or set up single sign-on\n' +
      'through your OpenID Connect provider (SMA_OIDC_ISSUER and the rest, docs/server.md).\n',
  );
  await store.close();
  process.exit(2);
}

const scenarios = scenarioCatalogue(logger);
// With DATABASE_URL jobs go through the PostgreSQL queue; `sma worker` processes (and this one) take their chunks.
let jobQueue: JobQueue | undefined;
if (config.jobQueue !== undefined && config.databaseUrl !== undefined) {
  try {
    jobQueue = await openJobQueue({
      databaseUrl: config.databaseUrl,
      store,
      kinds: jobKinds(scenarios.scenarios),
      expireSeconds: config.jobQueue.expireSeconds,
      retryLimit: config.jobQueue.retryLimit,
      maintenanceSeconds: config.jobQueue.maintenanceSeconds,
      onError: (error) => logger.error({ err: error }, 'job queue failed'),
    });
    if (config.jobQueue.serverWorks) {
      const limits = { timeMs: config.limits.chunkTimeMs, memoryMb: config.limits.chunkMemoryMb };
      await jobQueue.work({ threads: config.jobThreads, limits });
    }
  } catch (error) {
    logger.fatal({ err: error }, 'could not open the job queue');
    process.exit(1);
  }
}

const app = await buildApp({
  config,
  logger,
  store: storeReadiness(store),
  jobRecorder: storeJobRecorder(store),
  jobBus: storeJobBus(store),
  ...(jobQueue ? { jobQueue } : {}),
  ...(record.ok ? { record: record.value, documents: { store, validators: ioDocumentValidators(record.value) } } : {}),
  scenarios,
  roleplay: roleplayDepsFor(store, [...scenarios.scenarios.values()]),
  accounts: store,
});

let stopping = false;
const shutdown = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // A shutdown that hangs is worse than one cut short: give in-flight requests and jobs ten seconds.
  const deadline = setTimeout(() => {
    logger.error('shutdown timed out');
    process.exit(1);
  }, 10_000);
  deadline.unref();
  try {
    await app.close();
    // Chunks under way here end (the queue gives them to another worker); then the store they write to closes.
    await jobQueue?.close();
    // Jobs stop and requests drain before the store they write to closes.
    await store.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
};
process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));

try {
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const shown =
    config.host === '0.0.0.0' || config.host === '::' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  process.stdout.write(`SMA Lab listening on http://${shown}:${port}\n`);
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
}
