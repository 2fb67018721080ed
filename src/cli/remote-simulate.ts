/**
 * `sma simulate --remote URL` and `sma tournament --remote URL`: the same computation as a job on an SMA Lab server,
 * its progress followed live.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { formatRate, type Lang } from '../i18n/format.js';
import { CliFailure, EXIT_FAILURE, EXIT_OK, type Problem } from './errors.js';
import type { CliIo } from './io.js';
import { isWord, word } from './negotiation-view.js';
import { toJson } from './output.js';
import { bundledScenarios } from './scenario.js';

interface SimulationResult {
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly agreementRate: number;
  readonly agreementInterval95: readonly [number, number];
  readonly reasons: Readonly<Record<string, number>>;
}

interface RemoteJob {
  readonly id: string;
  readonly status: string;
  readonly progress: { readonly done: number; readonly total: number };
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string } | null;
}

const apiProblem = (status: number, body: unknown): Problem => {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : 'remote/failed',
    message: `the server answered ${status}: ${typeof error?.message === 'string' ? error.message : 'no error message'}`,
  };
};

/** Each Server-Sent Event's data until the stream ends. */
async function* events(url: string): AsyncGenerator<RemoteJob> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream' } });
  if (!res.ok || res.body === null) throw new CliFailure([apiProblem(res.status, await res.json().catch(() => null))]);
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const bytes of res.body) {
    buffered += decoder.decode(bytes as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const frame = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n');
      if (data !== '') yield JSON.parse(data) as RemoteJob;
    }
  }
}

/**
 * Starts a job of `kind` with `input` on the server at `base`, prints its progress on stderr as the server streams
 * it (`label: done/total chunks`), and resolves with the job's result; a refusal or a failed job is a CliFailure.
 */
export async function runRemoteJob(
  base: string,
  kind: string,
  input: unknown,
  label: string,
  io: CliIo,
  lang: Lang = 'en',
) {
  const root = base.replace(/\/+$/, '');
  let started: Response;
  try {
    started = await fetch(`${root}/api/jobs/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch (error) {
    throw new CliFailure([
      { code: 'remote/unreachable', message: `cannot reach ${root}: ${(error as Error).message}` },
    ]);
  }
  const body = (await started.json().catch(() => null)) as RemoteJob | null;
  if (started.status !== 202 || body === null) {
    const problem = apiProblem(started.status, body);
    throw new CliFailure([problem], started.status >= 500 ? EXIT_FAILURE : 2);
  }
  io.stderr(lang === 'ko' ? `${label}: 작업 ${body.id} (${root})\n` : `${label}: job ${body.id} on ${root}\n`);
  let last: RemoteJob = body;
  for await (const job of events(`${root}/api/jobs/${body.id}/events`)) {
    last = job;
    if (job.status === 'running') {
      const { done, total } = job.progress;
      const pct = total === 0 ? 0 : Math.round((done / total) * 100);
      io.stderr(
        lang === 'ko' ? `${label}: ${done}/${total} 묶음 (${pct}%)\n` : `${label}: ${done}/${total} chunks (${pct}%)\n`,
      );
    }
  }
  const final = (await (await fetch(`${root}/api/jobs/${body.id}`)).json()) as RemoteJob;
  if (final.status !== 'succeeded' || final.result === null) {
    const error = final.error ?? { code: `job/${last.status}`, message: `the job ended ${final.status}` };
    throw new CliFailure(
      [{ code: error.code, message: `job ${body.id} ${final.status}: ${error.message}` }],
      EXIT_FAILURE,
    );
  }
  return { id: final.id, root, result: final.result };
}

/**
 * Starts the scenario's Monte Carlo as a `scenario-monte-carlo` job on the server at `base`, prints its progress on
 * stderr as the server streams it, then the job's result (the API's shape with --json).
 */
export async function simulateRemote(
  base: string,
  scenario: string,
  o: { readonly seed: number; readonly runs: number; readonly json: boolean; readonly lang: Lang },
  io: CliIo,
): Promise<number> {
  const source = (await bundledScenarios(io)).includes(scenario)
    ? { scenario }
    : { scenarioBody: parse(readFileSync(resolve(io.cwd, scenario), 'utf8')) as unknown };
  const { id, root, result } = await runRemoteJob(
    base,
    'scenario-monte-carlo',
    { ...source, seed: o.seed, runs: o.runs },
    o.lang === 'ko' ? '시뮬레이션' : 'simulate',
    io,
    o.lang,
  );
  const r = result as SimulationResult;
  if (o.json) {
    io.stdout(toJson(r));
    return EXIT_OK;
  }
  const reasons = Object.entries(r.reasons)
    .map(([reason, n]) => `${o.lang === 'ko' && isWord(reason) ? word(reason, o.lang) : reason} ${n}`)
    .join(', ');
  if (o.lang === 'ko') {
    io.stdout(
      `${r.scenario}, 시드 ${r.seed}, ${r.runs}회 (작업 ${id}, ${root})\n` +
        `${word('agreementRate', o.lang)} ${formatRate(r.agreementRate)} [${formatRate(r.agreementInterval95[0])}, ${formatRate(r.agreementInterval95[1])}] (윌슨 95% 구간)\n` +
        `${word('reason', o.lang)}: ${reasons}\n`,
    );
    return EXIT_OK;
  }
  io.stdout(
    `${r.scenario}, seed ${r.seed}, ${r.runs} runs (job ${id} on ${root})\n` +
      `agreement rate ${formatRate(r.agreementRate)} [${formatRate(r.agreementInterval95[0])}, ${formatRate(r.agreementInterval95[1])}] (Wilson 95 % interval)\n` +
      `ended by: ${reasons}\n`,
  );
  return EXIT_OK;
}
