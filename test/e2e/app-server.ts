import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
// SMA_E2E_SERVER points the suite at another checkout's server entry (e.g. a branch not merged yet).
const serverMain = process.env['SMA_E2E_SERVER'] ?? join(repo, 'src/server/main.ts');

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
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SMA_DATA_DIR: mkdtempSync(join(tmpdir(), 'sma-e2e-data-')),
      SMA_WEB_DIST: webDist,
      SMA_JOB_THREADS: '2',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${stderr}`)), 30_000);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    kind: 'real',
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    close: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
