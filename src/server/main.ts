// The server process: configuration from the environment, adapters wired, graceful shutdown.
import { pino } from 'pino';
import { buildApp } from './app.js';
import { parseServerConfig } from './config.js';
import { loadRecord } from '../io/load-record.js';
import { openStore, type Store } from '../store/index.js';
import { ioDocumentValidators, storeJobBus, storeJobRecorder, storeReadiness } from './adapters.js';
import { roleplayDepsFor } from './roleplay-routes.js';
import { openJobQueue, type JobQueue } from './jobs/job-queue.js';
import { jobKinds } from './jobs/kinds.js';
import { loadRolePlayScenarios } from '../roleplay/scenarios.js';
import { SMA_11_TALKS, type RolePlayScenario } from '../engine/roleplay/index.js';

// Role-play serves the bundled scenario files (run from the repository root); failing that, the built-in 11th SMA talks.
function roleplayScenarios(log: { error: (o: object, m: string) => void }): readonly RolePlayScenario[] {
  try {
    const loaded = loadRolePlayScenarios();
    if (loaded.ok) return loaded.value;
    log.error({ problems: loaded.error.slice(0, 20) }, 'role-play scenarios did not load');
  } catch (error) {
    log.error({ err: error }, 'role-play scenarios did not load');
  }
  return [SMA_11_TALKS];
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

// With DATABASE_URL jobs go through the PostgreSQL queue; `sma worker` processes (and this one) take their chunks.
let jobQueue: JobQueue | undefined;
if (config.jobQueue !== undefined && config.databaseUrl !== undefined) {
  try {
    jobQueue = await openJobQueue({
      databaseUrl: config.databaseUrl,
      store,
      kinds: jobKinds(),
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
  roleplay: roleplayDepsFor(store, roleplayScenarios(logger)),
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
