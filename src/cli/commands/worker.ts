/** `sma worker [--threads N]`: takes job chunks from the PostgreSQL queue (DATABASE_URL) until stopped. */
import { z } from 'zod';
import { EXIT_OK } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import type { runQueueWorker } from '../../server/jobs/queue-worker.js';

const OPTIONS = {
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const schema = z.object({
  threads: z.coerce
    .number({ error: 'expected a number of threads' })
    .int('expected a whole number')
    .min(1)
    .max(256)
    .optional(),
  help: z.boolean().default(false),
});

const HELP = `Usage: sma worker [--threads N]

Takes job chunks from the PostgreSQL queue of an SMA Lab server (DATABASE_URL, the server's database) and runs them
on N worker threads (default SMA_JOB_THREADS, else one fewer than the cores), on this machine or any other that
reaches the database, until SIGTERM or SIGINT. A result depends on the job's input and seed only, however many
workers run it. Settings and failure handling: docs/server.md, "Jobs on PostgreSQL".
`;

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o } = parseFlags(argv, OPTIONS, schema);
  if (o.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  // The worker runs the server's job modules as tsc compiled them (their worker threads load them by path), not
  // from the CLI bundle.
  const here = import.meta.url;
  const entry = here.includes('/dist/bundle/')
    ? new URL('../server/jobs/queue-worker.js', here)
    : new URL('../../server/jobs/queue-worker.ts', here);
  const worker = (await import(entry.href)) as { runQueueWorker: typeof runQueueWorker };
  return worker.runQueueWorker({
    env: o.threads === undefined ? io.env : { ...io.env, SMA_JOB_THREADS: String(o.threads) },
    stdout: io.stdout,
    stderr: io.stderr,
  });
}
