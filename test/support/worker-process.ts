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
  /** Resolves with the id of the next chunk this worker says it started (`sma worker: chunk ID … started`). */
  readonly nextChunk: () => Promise<string>;
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
  // The worker's stdout, line by line: its ready line, then one line per chunk it starts.
  let out = '';
  let ready!: () => void;
  const taking = new Promise<void>((resolve) => (ready = resolve));
  const chunkWaiters: ((id: string) => void)[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    let newline = out.indexOf('\n');
    while (newline >= 0) {
      const line = out.slice(0, newline);
      out = out.slice(newline + 1);
      newline = out.indexOf('\n');
      if (line.includes('taking job chunks')) ready();
      const chunk = /^sma worker: chunk (\S+) of job/.exec(line)?.[1];
      if (chunk !== undefined) for (const wake of chunkWaiters.splice(0)) wake(chunk);
    }
  });
  const died = exited.then(() => {
    throw new Error(`sma worker exited: ${err}`);
  });
  died.catch(() => undefined);
  await Promise.race([taking, died]);
  const nextChunk = () => Promise.race([new Promise<string>((resolve) => chunkWaiters.push(resolve)), died]);
  return { child, exited, nextChunk };
}
