// Issue 12: after a SIGKILL of the server no job stays "running": on restart it reads interrupted with its reason,
// a cancel answers at once that it is not running, and its event stream ends.
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../src/store/test-support.js';
import { requestJson } from '../support/crash-load.js';
import { serverStorage, startServerProcess } from '../support/server-process.js';

interface JobBody {
  readonly id: string;
  readonly status: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly error: { readonly code: string; readonly message: string } | null;
}

for (const backend of testBackends) {
  describe.skipIf(backend.skip)(`jobs after a SIGKILL of the server on ${backend.name}`, () => {
    it(
      'ends the job the killed process ran as interrupted, with its reason, on restart',
      { timeout: 180_000 },
      async () => {
        const location = await backend.location();
        const storage = serverStorage(location.options);
        // The embedded runner (no queue): the killed process is the only one that ran the job.
        const env = { SMA_JOB_QUEUE: 'embedded' };
        try {
          const first = await startServerProcess({ storage, env });
          // 40 chunks of the 12th SMA talks on one thread: long enough to be under way at the kill.
          const started = await requestJson(`${first.url}/api/jobs/scenario-monte-carlo`, 'POST', {
            scenario: 'sma-12-talks',
            seed: 3,
            runs: 10_000,
          });
          expect(started?.status).toBe(202);
          const id = (started?.body as JobBody).id;
          // Killed once the job has recorded progress, mid-job.
          const res = await fetch(`${first.url}/api/jobs/${id}/events`);
          const reader = (res.body as ReadableStream<Uint8Array>).getReader();
          let seen = '';
          while (!/"done":[1-9]/.test(seen)) {
            const { value, done } = await reader.read();
            if (done) throw new Error(`the event stream ended before any progress: ${seen}`);
            seen += new TextDecoder().decode(value);
          }
          await first.kill();
          await reader.cancel().catch(() => undefined);

          const second = await startServerProcess({ storage, env });
          try {
            const job = (await requestJson(`${second.url}/api/jobs/${id}`, 'GET'))?.body as JobBody;
            expect([job.status, job.error]).toEqual([
              'interrupted',
              {
                code: 'job/interrupted',
                message: 'The server process running this job ended before the job finished; start it again.',
              },
            ]);
            expect(job.progress.total).toBe(40);
            const cancel = await requestJson(`${second.url}/api/jobs/${id}/cancel`, 'POST');
            expect([cancel?.status, (cancel?.body as { error: { code: string } }).error.code]).toEqual([
              409,
              'job/not_running',
            ]);
            // The stream sends the finished job and ends.
            const events = await (await fetch(`${second.url}/api/jobs/${id}/events`)).text();
            expect(events).toMatch(/^event: finished\ndata: .*"status":"interrupted"/);
          } finally {
            await second.close();
          }
        } finally {
          await location.dispose();
        }
      },
    );
  });
}
