import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const mainModule = fileURLToPath(new URL('./main.ts', import.meta.url));

const startServer = (env: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', mainModule], {
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      SMA_WEB_DIST: '/nonexistent',
      DATABASE_URL: '',
      SMA_DATA_DIR: mkdtempSync(join(tmpdir(), 'sma-server-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const firstLine = async (stream: NodeJS.ReadableStream): Promise<string> => {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) return text.split('\n')[0] ?? '';
  }
  return text;
};

describe('server process', () => {
  it('announces its address, is ready with its SQLite store and the record, and exits 0 on SIGTERM', async () => {
    const server = startServer({ PORT: '0', HOST: '127.0.0.1' });
    const exited = once(server, 'exit');
    const line = await firstLine(server.stdout);
    expect(line).toMatch(/^SMA Lab listening on http:\/\/localhost:\d+$/);
    const port = line.split(':').at(-1);
    const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
    expect(await res.json()).toEqual({ ready: true, checks: { store: { ok: true }, record: { ok: true } } });
    server.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('refuses to start with a bad setting, naming the variable', async () => {
    const server = startServer({ PORT: 'eighty' });
    const exited = once(server, 'exit');
    const message = await firstLine(server.stderr);
    const [code] = await exited;
    expect([code, message]).toEqual([2, 'sma server: PORT: Invalid input: expected number, received NaN']);
  });
});
