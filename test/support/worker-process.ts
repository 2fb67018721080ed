// `sma worker` as a child process (the built CLI), for the queue's tests and bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const builtCli = `${repo}bin/sma.js`;
/** The CLI is built (`npm run build`): the worker runs the compiled job modules. */
export const hasBuiltCli = existsSync(`${repo}dist/bundle/sma.js`);

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/**
 * Starts `sma worker --threads N` with `env` (DATABASE_URL, queue settings); resolves once it takes chunks.
 * @example const worker = await startWorkerProcess({ DATABASE_URL: url }); worker.child.kill('SIGKILL');
 */
export async function startWorkerProcess(env: Readonly<Record<string, string>>, threads = 1): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [builtCli, 'worker', '--threads', String(threads)], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('taking job chunks')) resolve();
    });
    void exited.then(() => reject(new Error(`sma worker exited before taking chunks: ${err}`)));
  });
  return { child, exited };
}
