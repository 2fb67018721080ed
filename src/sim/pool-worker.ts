// A thread of the worker pool (worker-pool.ts): runs tasks, each the default export of a module, one at a time.
import { parentPort } from 'node:worker_threads';
import type { PoolReply, PoolRequest } from './worker-pool.js';

if (parentPort === null) throw new Error('pool-worker.ts runs only as a worker thread');
const port = parentPort;
const modules = new Map<string, Promise<(task: unknown) => unknown>>();

const load = (href: string): Promise<(task: unknown) => unknown> => {
  let loaded = modules.get(href);
  if (loaded === undefined) {
    loaded = import(href).then((m: { default?: unknown }) => {
      if (typeof m.default !== 'function') throw new TypeError(`${href} has no default export to run`);
      return m.default as (task: unknown) => unknown;
    });
    modules.set(href, loaded);
  }
  return loaded;
};

port.on('message', (request: PoolRequest) => {
  void (async () => {
    let reply: PoolReply;
    try {
      const run = await load(request.module);
      // From here on the thread may be terminated (time limit): its modules are loaded.
      port.postMessage({ type: 'started', id: request.id } satisfies PoolReply);
      reply = { type: 'done', id: request.id, value: await run(request.task) };
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      reply = { type: 'failed', id: request.id, message };
    }
    port.postMessage(reply);
  })();
});

port.postMessage({ type: 'ready' } satisfies PoolReply);
