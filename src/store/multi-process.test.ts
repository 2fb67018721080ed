import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestLocation } from './test-support.js';
import { postgresLocation, postgresSuiteName, sqliteLocation, testDatabaseUrl } from './test-support.js';

const childScript = fileURLToPath(new URL('./store-child.ts', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first line matching, or rejects when the child exits first. */
  readonly waitFor: (match: (line: string) => boolean) => Promise<string>;
  readonly exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function startChild(mode: string, location: TestLocation, arg = ''): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', childScript, mode, JSON.stringify(location.options), arg], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  const lines: string[] = [];
  const waiters: { match: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters.splice(0)) {
      if (w.match(line)) w.resolve(line);
      else waiters.push(w);
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    process: proc,
    lines,
    exited,
    waitFor: (match) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(match);
        if (seen !== undefined) return resolve(seen);
        waiters.push({ match, resolve });
        void exited.then((code) => reject(new Error(`child exited (${code}) before the line; stderr: ${stderr}`)));
      }),
  };
}

async function killMidRunAndRecover(location: TestLocation): Promise<{ acknowledged: number; missing: string[] }> {
  const writer = startChild('save-forever', location);
  await writer.waitFor((line) => line === 'durable-150');
  writer.process.kill('SIGKILL');
  await writer.exited;
  const acknowledged = [...writer.lines];
  const store = await location.open();
  try {
    const missing: string[] = [];
    for (const id of acknowledged) if (!(await store.getDocument('scenario', id)).ok) missing.push(id);
    return { acknowledged: acknowledged.length, missing };
  } finally {
    await store.close();
  }
}

describe('durability on SQLite', () => {
  it('keeps every acknowledged document after the writing process is SIGKILLed mid-run', async () => {
    const location = sqliteLocation();
    try {
      const { acknowledged, missing } = await killMidRunAndRecover(location);
      expect(acknowledged).toBeGreaterThanOrEqual(151);
      expect(missing).toEqual([]);
    } finally {
      await location.dispose();
    }
  });
});

describe.skipIf(testDatabaseUrl === undefined)(postgresSuiteName('two processes on PostgreSQL'), () => {
  it('keeps every acknowledged document after the writing process is SIGKILLed mid-run', async () => {
    const location = await postgresLocation(testDatabaseUrl ?? '');
    try {
      const { acknowledged, missing } = await killMidRunAndRecover(location);
      expect(acknowledged).toBeGreaterThanOrEqual(151);
      expect(missing).toEqual([]);
    } finally {
      await location.dispose();
    }
  });

  it('lets one process see a document written and announced by another', async () => {
    const location = await postgresLocation(testDatabaseUrl ?? '');
    try {
      const channel = `documents_${randomUUID().replaceAll('-', '')}`;
      const listener = startChild('listen', location, channel);
      await listener.waitFor((line) => line === 'listening');
      const writer = startChild('write', location, channel);
      const writtenId = await writer.waitFor(() => true);
      expect(await writer.exited).toBe(0);
      const heard = JSON.parse(await listener.waitFor((line) => line.startsWith('{'))) as unknown;
      expect(heard).toMatchObject({
        payload: `scenario/${writtenId}`,
        document: { ok: true, value: { id: writtenId, version: 1, body: { seats: 300, quorum: 151 } } },
      });
      expect(await listener.exited).toBe(0);
    } finally {
      await location.dispose();
    }
  });
});
