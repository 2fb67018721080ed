// Issue 13: the holes found against a running server, each tried again against the real server process.
import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestLocation } from '../../src/store/test-support.js';
import { serverStorage, startServerProcess, type ServerProcess } from '../support/server-process.js';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { error?: { code: string; message: string; issues?: { path: string }[] } } & Record<string, unknown>;
}

async function call(
  server: ServerProcess,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) };
}

/** Raw HTTP over a socket, for what fetch will not send (a forged Host, oversized headers, bad encoding). */
function raw(server: ServerProcess, request: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

/** The error code in a raw HTTP answer (its body plain or chunked). */
const errorCodeOf = (response: string): string | undefined => /"code":"([^"]+)"/.exec(response)?.[1];

// An agreement file over the 10th SMA's 2019 amount with a 13 % first-year change (the March 2020 working-level deal).
const agreement = (id: string, name: string) => ({
  id,
  name,
  currency: 'KRW',
  unit: 100_000_000,
  base: { agreement: 'sma-10' },
  rules: [{ year: 2020, change: 0.13 }],
});

for (const backend of testBackends) {
  describe.skipIf(backend.skip)(`the holes of issue 13 stay closed on ${backend.name}`, { timeout: 60_000 }, () => {
    let location: TestLocation;
    let server: ServerProcess;
    beforeAll(async () => {
      location = await backend.location();
      server = await startServerProcess({
        storage: serverStorage(location.options),
        env: { LOG_LEVEL: 'info', SMA_HEADERS_TIMEOUT_MS: '1000', SMA_HISTORY_KEPT: '3' },
      });
    });
    afterAll(async () => {
      await server?.close();
      await location?.dispose();
    });

    it('answers only for its own host names (DNS rebinding), in the documented error body', async () => {
      const { port } = new URL(server.url);
      const rebound = await raw(
        server,
        `GET /api/health HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`,
      );
      expect(rebound.split('\r\n')[0]).toBe('HTTP/1.1 421 Misdirected Request');
      expect(errorCodeOf(rebound)).toBe('request/host_not_allowed');
      const own = await raw(server, `GET /api/health HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
      expect(own.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    });

    it('takes a seat token only from the Authorization header, and never writes one to the log', async () => {
      const table = await call(server, '/api/roleplay/sessions', { body: { scenarioId: 'sma-11-talks' } });
      expect(table.status).toBe(201);
      const token = (table.body['tokens'] as { facilitator: string }).facilitator;
      expect((await call(server, `/api/roleplay/me?token=${token}`)).status).toBe(401);
      expect((await call(server, '/api/roleplay/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        200,
      );
      // A client that still puts it in the URL: the request log keeps the path, not the token.
      expect(server.stdout()).toContain('/api/roleplay/me?token=[redacted]');
      expect(server.stdout()).not.toContain(token);
    });

    it('closes 300 connections that trickle their headers one byte at a time, and stays responsive', async () => {
      const { port } = new URL(server.url);
      const sockets: Socket[] = [];
      const closed = Array.from(
        { length: 300 },
        () =>
          new Promise<string>((resolve) => {
            let text = '';
            const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nX-'));
            socket.setEncoding('utf8');
            socket.on('data', (d: string) => (text += d));
            socket.on('error', () => undefined);
            socket.on('close', () => resolve(text));
            sockets.push(socket);
          }),
      );
      // A byte every 200 ms: each connection always looks alive, and never finishes its headers.
      const trickle = setInterval(() => {
        for (const s of sockets) if (!s.destroyed) s.write('a');
      }, 200);
      // On a fresh connection each time: a pooled keep-alive one may be closed by its own 5 s timeout.
      const health = async () =>
        (await raw(server, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).split(
          '\r\n',
        )[0];
      try {
        expect(await health()).toBe('HTTP/1.1 200 OK');
        const answers = await Promise.all(closed);
        // Every one was closed by the server (headers timeout 1 s), with the documented 408 body; a client still
        // writing may lose that answer to the reset that follows it, so an empty answer counts as closed too.
        expect(answers.filter((a) => a !== '' && !a.startsWith('HTTP/1.1 408 '))).toEqual([]);
        const told = answers.filter((a) => a !== '');
        expect(told.length).toBeGreaterThan(0);
        expect(new Set(told.map(errorCodeOf))).toEqual(new Set(['request/timeout']));
      } finally {
        clearInterval(trickle);
      }
      expect(await health()).toBe('HTTP/1.1 200 OK');
    });

    it('refuses a 1 MB name with the field named, and bounds every other text field', async () => {
      const huge = await call(server, '/api/documents/agreement', { body: agreement('huge', 'x'.repeat(1_000_000)) });
      expect([huge.status, huge.body.error?.code, huge.body.error?.issues?.[0]?.path]).toEqual([
        422,
        'request/field_too_long',
        'body.name',
      ]);
      const long = await call(server, '/api/documents/agreement', { body: agreement('long', 'y'.repeat(201)) });
      expect([long.status, long.body.error?.code, long.body.error?.issues?.[0]?.path]).toEqual([
        422,
        'request/field_too_long',
        'body.name',
      ]);
      expect((await call(server, '/api/documents/agreement')).status).toBe(200);
      expect((await call(server, '/api/documents/agreement/huge')).status).toBe(404);
    });

    it('pages a history, keeps only the newest versions, and purges a document for good', async () => {
      for (let i = 1; i <= 5; i++) {
        const saved = await call(server, '/api/documents/agreement/paged', {
          method: 'PUT',
          body: agreement('paged', `draft ${i}`),
        });
        expect(saved.status).toBe(200);
      }
      const versions = async (query: string) =>
        (
          (await call(server, `/api/documents/agreement/paged/history${query}`)).body as unknown as {
            version: number;
          }[]
        ).map((v) => v.version);
      // SMA_HISTORY_KEPT=3: drafts 1 and 2 are gone.
      expect(await versions('')).toEqual([3, 4, 5]);
      expect(await versions('?limit=2')).toEqual([3, 4]);
      expect(await versions('?after=4&limit=2')).toEqual([5]);
      const purged = await call(server, '/api/documents/agreement/paged/history', { method: 'DELETE' });
      expect([purged.status, purged.body]).toEqual([200, { versions: 3 }]);
      expect((await call(server, '/api/documents/agreement/paged/history')).status).toBe(404);
      expect((await call(server, '/api/documents/agreement/paged')).status).toBe(404);
    });

    it('sends the security headers on every answer', async () => {
      const { headers } = await call(server, '/api/record/agreements');
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    });

    it("gives the framework's own refusals the documented error body", async () => {
      const { port } = new URL(server.url);
      const host = `Host: 127.0.0.1:${port}\r\nConnection: close\r\n`;
      const badUrl = await raw(server, `GET /api/documents/agreement/%E0%A4%A HTTP/1.1\r\n${host}\r\n`);
      expect([badUrl.split(' ')[1], errorCodeOf(badUrl)]).toEqual(['400', 'request/bad_url']);
      const bigHeaders = await raw(server, `GET /api/health HTTP/1.1\r\n${host}X-Big: ${'z'.repeat(20_000)}\r\n\r\n`);
      expect([bigHeaders.split(' ')[1], errorCodeOf(bigHeaders)]).toEqual(['431', 'request/headers_too_large']);
      const missing = await call(server, '/api/no-such-route');
      expect([missing.status, missing.body.error?.code]).toEqual([404, 'route/not_found']);
      const tooLarge = await call(server, '/api/documents/agreement', {
        body: { name: 'n', pad: 'p'.repeat(1_100_000) },
      });
      expect([tooLarge.status, tooLarge.body.error?.code]).toEqual([413, 'request/body_too_large']);
    });

    it('answers a move out of turn with the registry’s 409 on the role-play routes too', async () => {
      const table = await call(server, '/api/roleplay/sessions', { body: { scenarioId: 'sma-11-talks' } });
      const rok = (table.body['tokens'] as { rok: string }).rok;
      const moved = await call(server, '/api/roleplay/me/actions', {
        headers: { authorization: `Bearer ${rok}`, 'idempotency-key': 'k1' },
        body: { action: { type: 'walk-away' } },
      });
      expect([moved.status, moved.body.error?.code]).toEqual([409, 'negotiation/out_of_turn']);
    });
  });
}

describe('the per-address rate limit', () => {
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sma-rate-'));
    server = await startServerProcess({ storage: { dataDir }, env: { SMA_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses the sixth request of a minute with 429 in the error body, never the health check', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(server, '/api/scenarios')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await call(server, '/api/scenarios');
    expect(refused.body.error?.code).toBe('request/too_many');
    expect(refused.headers.get('retry-after')).not.toBeNull();
    for (let i = 0; i < 10; i++) expect((await call(server, '/api/health')).status).toBe(200);
  });
});
