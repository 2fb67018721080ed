import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverMain, startServerProcess } from '../support/server-process.js';
import { startStaticServer } from './static-server.js';

/** Whether the real SMA Lab server is in this checkout (it lands from branch `server`). */
export const hasRealServer = existsSync(serverMain);

export interface RunningApp {
  readonly url: string;
  readonly kind: 'real' | 'static';
  /** The server's process id (the real server only), for benchmarks that read its CPU time. */
  readonly pid?: number;
  readonly close: () => Promise<void>;
}

/**
 * The real server as a child process (tsx, a fresh data folder, any free port, serving `webDist`), or, before the
 * server has landed, a static server for the built app whose /api answers 404. `env` adds or overrides settings
 * (`DATABASE_URL` for several processes on one PostgreSQL database).
 */
export async function startApp(webDist: string, env: Readonly<Record<string, string>> = {}): Promise<RunningApp> {
  if (!hasRealServer) {
    const s = await startStaticServer(webDist);
    return { url: s.url, kind: 'static', close: s.close };
  }
  const { DATABASE_URL: databaseUrl, ...settings } = env;
  const server = await startServerProcess({
    storage: databaseUrl ? { databaseUrl } : { dataDir: mkdtempSync(join(tmpdir(), 'sma-e2e-data-')) },
    env: { SMA_WEB_DIST: webDist, SMA_JOB_THREADS: '2', ...settings },
    startTimeoutMs: 30_000,
  });
  return { url: server.url, kind: 'real', pid: server.pid, close: server.close };
}
