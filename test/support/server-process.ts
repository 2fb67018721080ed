// The real SMA Lab server as a child process, for tests that need a process boundary: e2e (browser) and crash tests.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { OpenStoreOptions } from '../../src/store/index.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
// SMA_E2E_SERVER points the suites at another checkout's server entry (e.g. a branch not merged yet).
export const serverMain = process.env['SMA_E2E_SERVER'] ?? join(repo, 'src/server/main.ts');
const builtMain = join(repo, 'dist/server/main.js');

const newestSource = (): number =>
  readdirSync(join(repo, 'src'), { recursive: true, encoding: 'utf8' }).reduce(
    (newest, file) => Math.max(newest, statSync(join(repo, 'src', file)).mtimeMs),
    0,
  );

/**
 * The built server when it is newer than every source file (as right after `npm run build`, which `npm test` runs
 * first): it starts seconds sooner than the sources through tsx, which are used otherwise so a test never runs
 * stale code.
 */
function serverCommand(): readonly string[] {
  if (process.env['SMA_E2E_SERVER'] === undefined && existsSync(builtMain)) {
    if (statSync(builtMain).mtimeMs > newestSource()) return [builtMain];
  }
  return ['--import', 'tsx', serverMain];
}

/** Where the server keeps its store: an SQLite data folder or a PostgreSQL database. */
export type ServerStorage = { readonly dataDir: string } | { readonly databaseUrl: string };

/** The server's storage for a store location of the tests (`TestLocation.options`). */
export function serverStorage(options: OpenStoreOptions): ServerStorage {
  if (options.databaseUrl !== undefined) return { databaseUrl: options.databaseUrl };
  if (options.dataDir !== undefined) return { dataDir: options.dataDir };
  throw new Error('serverStorage: the location names neither a database URL nor a data folder');
}

export interface ServerProcessOptions {
  readonly storage: ServerStorage;
  /** More environment for the server (e.g. SMA_WEB_DIST). */
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to "listening". */
  readonly startMs: number;
  /** Ends the process with SIGKILL (no shutdown hook runs) and resolves once it has exited. */
  readonly kill: () => Promise<void>;
  /** Graceful stop: SIGTERM, resolves once the process has exited. */
  readonly close: () => Promise<void>;
  readonly stderr: () => string;
  /** Everything the server wrote on stdout so far (its JSON log lines). */
  readonly stdout: () => string;
}

const running = new Set<ServerProcess>();
// A test that fails before its own cleanup must not leave a server behind.
process.once('exit', () => {
  for (const server of running) {
    try {
      process.kill(server.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/**
 * Starts the server (built, or `src/server/main.ts` through tsx) on a free loopback port with the given storage, and resolves once it
 * listens. Unrelated storage settings of the test's own environment (DATABASE_URL, SMA_DATA_DIR) are not inherited.
 * @example const server = await startServerProcess({ storage: { dataDir } }); await fetch(`${server.url}/api/health`);
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const started = performance.now();
  const storage =
    'databaseUrl' in options.storage
      ? { DATABASE_URL: options.storage.databaseUrl, SMA_DATA_DIR: '' }
      : { DATABASE_URL: '', SMA_DATA_DIR: options.storage.dataDir };
  const child = spawn(process.execPath, serverCommand(), {
    cwd: repo,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SMA_JOB_THREADS: '1',
      LOG_LEVEL: 'warn',
      // One test process is many clients on one address: the per-address rate limit is tested on its own.
      SMA_RATE_LIMIT_PER_MINUTE: '1000000',
      ...storage,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Registered first, so the "listening" check below sees each chunk already appended.
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs / 1000} s: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', () => {
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(stdout);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited (${child.exitCode ?? child.signalCode}) before listening: ${stderr}`));
    });
  });
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    running.delete(server);
  };
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    startMs: Math.round(performance.now() - started),
    kill: () => stop('SIGKILL'),
    close: () => stop('SIGTERM'),
    stderr: () => stderr,
    stdout: () => stdout,
  };
  running.add(server);
  return server;
}
