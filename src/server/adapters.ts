/** Adapters from the store and io to the server's ports. */
import { randomUUID } from 'node:crypto';
import type { Problem } from '../i18n/problems.js';
import type { PlainValue } from '../io/zod-issues.js';
import { issueOfFileProblem } from './errors.js';
import { hostname } from 'node:os';
import { parseAgreementFile } from '../io/agreement-file.js';
import { parseScenarioFile } from '../io/scenario-file.js';
import type { SmaRecord } from '../io/load-record.js';
import type { DocumentKind, MonteCarloRun, RunStatus, Store } from '../store/index.js';
import { z } from 'zod';
import type { JobBus, JobNotice, JobRecorder, JobSnapshot, JobStatus } from './jobs/job-runner.js';
import type { DocumentValidator, StorePort } from './ports.js';

/** Readiness of the store: a query that touches the database answers (not found is an answer). */
export function storeReadiness(store: Store): StorePort {
  return {
    ready: async () => {
      await store.getRun('readiness-probe');
      return { ok: true };
    },
    close: () => store.close(),
  };
}

const runStatusOf: Readonly<Record<JobStatus, RunStatus>> = {
  running: 'running',
  succeeded: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
  // The store keeps it as failed; the error's code tells it apart.
  interrupted: 'failed',
};
const jobStatusOf: Readonly<Record<RunStatus, JobStatus>> = {
  queued: 'running',
  running: 'running',
  done: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The process that runs a job, so that a later process on the same machine can tell it is gone. */
interface JobOwner {
  readonly host: string;
  readonly pid: number;
  /** Unique per process start: a restarted container may have the same host name and pid. */
  readonly instance: string;
}

interface RecordedInputs {
  readonly kind: string;
  readonly input: unknown;
  readonly chunks: number;
  /** The process running it, or `queue` for a job that queue workers run (job-queue.ts). */
  readonly owner?: JobOwner | 'queue';
}

const thisProcess: JobOwner = { host: hostname(), pid: process.pid, instance: randomUUID() };

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as { code?: string }).code === 'EPERM';
  }
};

/** Whether the process that recorded a job is known to be gone: only a process on this machine can be checked. */
const ownerGone = (owner: JobOwner | 'queue' | undefined): boolean => {
  // Recorded by a version that did not name its process: none of those can still be running it after an upgrade.
  if (owner === undefined) return true;
  // The queue retries the chunks of a job whose worker is gone.
  if (owner === 'queue') return false;
  if (owner.host !== thisProcess.host || owner.instance === thisProcess.instance) return false;
  return owner.pid === thisProcess.pid || !processAlive(owner.pid);
};

/** The store keeps a job's error as JSON text, its code and message; older records hold the message alone. */
const errorOf = (text: string): { code: string; message: string } => {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      const { code, message } = parsed as { code?: unknown; message?: unknown };
      if (typeof code === 'string' && typeof message === 'string') return { code, message };
    }
  } catch {
    // Plain text.
  }
  return { code: 'job/failed', message: text };
};

const seedOf = (input: unknown): number => {
  const seed = typeof input === 'object' && input !== null ? (input as { seed?: unknown }).seed : undefined;
  return typeof seed === 'number' && Number.isSafeInteger(seed) ? seed : 0;
};

const snapshotOf = (run: MonteCarloRun): JobSnapshot => {
  const inputs = run.inputs as RecordedInputs;
  const summary = run.summary as { result?: unknown } | null;
  const error = run.error === null ? null : errorOf(run.error);
  return {
    id: run.id,
    kind: inputs.kind,
    ownerId: run.ownerId,
    status: error?.code === 'job/interrupted' ? 'interrupted' : jobStatusOf[run.status],
    progress: { done: Math.round(run.progress * inputs.chunks), total: inputs.chunks },
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    input: inputs.input,
    result: summary?.result ?? null,
    error,
  };
};

/** Jobs recorded as the store's Monte Carlo runs, so they can be fetched after a restart or from another process. */
export function storeJobRecorder(store: Store): JobRecorder {
  const orThrow = (result: { ok: boolean; error?: { code: string } }) => {
    if (!result.ok) throw new Error(`store refused the job record: ${result.error?.code ?? 'unknown'}`);
  };
  return {
    async started(job, client, runBy) {
      const inputs: RecordedInputs = {
        kind: job.kind,
        input: job.input,
        chunks: job.progress.total,
        owner: runBy ?? thisProcess,
      };
      orThrow(
        await store.createRun({ id: job.id, clientId: client, ownerId: job.ownerId, inputs, seed: seedOf(job.input) }),
      );
      orThrow(await store.updateRun(job.id, { status: 'running' }));
    },
    async progressed(job) {
      orThrow(await store.updateRun(job.id, { progress: job.progress.done / Math.max(1, job.progress.total) }));
    },
    async finished(job) {
      orThrow(
        await store.updateRun(job.id, {
          status: runStatusOf[job.status],
          ...(job.status === 'succeeded' ? { summary: { result: job.result } } : {}),
          ...(job.error ? { error: JSON.stringify(job.error) } : {}),
        }),
      );
    },
    async fetch(id) {
      const run = await store.getRun(id);
      return run.ok ? snapshotOf(run.value) : undefined;
    },
    async interruptOrphans(reason) {
      const open = [...(await store.listRuns({ status: 'running' })), ...(await store.listRuns({ status: 'queued' }))];
      const swept: JobSnapshot[] = [];
      for (const run of open.filter((r) => ownerGone((r.inputs as RecordedInputs).owner))) {
        const error = JSON.stringify({ code: 'job/interrupted', message: reason });
        // A run another process ends meanwhile is a conflict here and stays as that process left it.
        const ended = await store.updateRun(run.id, { status: 'failed', error });
        if (ended.ok) swept.push(snapshotOf(ended.value));
      }
      return swept;
    },
  };
}

/** The store's channel for job notices; one for all jobs, so a process listens once. */
export const jobChannel = 'sma_jobs';

const jobNoticeSchema: z.ZodType<JobNotice> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    id: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('finished'),
    id: z.string(),
    status: z.enum(['succeeded', 'failed', 'cancelled', 'interrupted']),
  }),
  z.object({ type: z.literal('cancel'), id: z.string() }),
]);

/** Job notices over the store's notify/listen: PostgreSQL NOTIFY between processes, in process on SQLite. */
export function storeJobBus(store: Pick<Store, 'notify' | 'listen'>): JobBus {
  return {
    publish: (notice) => store.notify(jobChannel, JSON.stringify(notice)),
    subscribe: (onNotice) =>
      store.listen(jobChannel, (payload) => {
        let parsed;
        try {
          parsed = jobNoticeSchema.safeParse(JSON.parse(payload));
        } catch {
          return;
        }
        // A notice this version does not understand (another version's) is ignored rather than fatal.
        if (parsed.success) onNotice(parsed.data);
      }),
  };
}

interface FileProblem {
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly problem: Problem;
  readonly value?: PlainValue;
}

type FileParser = (
  bytes: Uint8Array,
) => { ok: true; value: { id: string; name: string } } | { ok: false; error: readonly FileProblem[] };

/** A document checked as its file would be: the JSON body goes through the file parser `sma validate` uses. */
const fileValidator =
  (parse: FileParser): DocumentValidator =>
  (body) => {
    const parsed = parse(new TextEncoder().encode(JSON.stringify(body ?? null)));
    if (parsed.ok) return { ok: true, value: { id: parsed.value.id, name: parsed.value.name, body } };
    const count = parsed.error.length === 1 ? 'one problem' : `${parsed.error.length} problems`;
    return {
      ok: false,
      error: {
        code: 'document/invalid_file',
        message: `The document has ${count}.`,
        issues: parsed.error.map((e) => issueOfFileProblem(e, '')),
      },
    };
  };

/** Every kind is saved in its file format and checked exactly as `sma` checks the file. */
export function ioDocumentValidators(record: SmaRecord): Partial<Record<DocumentKind, DocumentValidator>> {
  const agreementFile = fileValidator((bytes) => {
    const parsed = parseAgreementFile(bytes, 'document', record);
    return parsed.ok ? { ok: true, value: parsed.value.agreement } : parsed;
  });
  const scenarioFile = fileValidator((bytes) => parseScenarioFile(bytes, 'document'));
  return { agreement: agreementFile, proposal: agreementFile, scenario: scenarioFile };
}
