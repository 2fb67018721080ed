// Test helper (not shipped: `test-*` is left out of the package).
import type { FastifyInstance } from 'fastify';

/**
 * Starts a job of `kind` on an app and follows its event stream to the end: the start's status and body, and the
 * last snapshot the stream sent (null when the start was refused).
 * @example const { status, job } = await runJob(app, 'calibration', { talks: ['sma-11-talks'], seed: 1 });
 */
export async function runJob(app: FastifyInstance, kind: string, payload: object) {
  const started = await app.inject({ method: 'POST', url: `/api/jobs/${kind}`, payload });
  if (started.statusCode !== 202) return { status: started.statusCode, body: started.json(), job: null };
  const events = await app.inject({ url: `/api/jobs/${started.json().id}/events` });
  const last = events.body.trim().split('\n\n').at(-1) ?? '';
  return { status: 202, body: started.json(), job: JSON.parse(last.split('\n')[1]?.slice('data: '.length) ?? 'null') };
}
