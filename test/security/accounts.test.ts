// Issue 13: a server on the network starts only with an account, created by `sma users add` (password on stdin), and
// then every write needs a signed-in account; on SQLite and PostgreSQL, against the real server process and CLI.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../../src/store/test-support.js';
import { serverStorage, startServerProcess } from '../support/server-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sma = (args: readonly string[], env: Record<string, string>, input: string) =>
  spawnSync(process.execPath, [join(root, 'bin', 'sma.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: '', SMA_DATA_DIR: '', ...env },
  });

// The March 2020 working-level deal: +13 % on 2019's 10,389 억원.
const deal = {
  id: 'deal-13',
  name: 'Thirteen percent',
  currency: 'KRW',
  unit: 100_000_000,
  base: { agreement: 'sma-10' },
  rules: [{ year: 2020, change: 0.13 }],
};

for (const backend of testBackends) {
  describe.skipIf(backend.skip)(`accounts on a network server on ${backend.name}`, () => {
    it(
      'refuses to start without an account, then starts with one and needs it for every write',
      { timeout: 90_000 },
      async () => {
        const location = await backend.location();
        const storage = serverStorage(location.options);
        const storeEnv: Record<string, string> =
          'databaseUrl' in storage ? { DATABASE_URL: storage.databaseUrl } : { SMA_DATA_DIR: storage.dataDir };
        try {
          const refused = await startServerProcess({ storage, env: { HOST: '0.0.0.0' } }).then(
            () => 'started',
            (e: Error) => e.message,
          );
          expect(refused).toContain('sma users add NAME --role admin');

          const tooShort = sma(['users', 'add', 'ms-kim', '--role', 'admin'], storeEnv, 'short\n');
          expect([tooShort.status, tooShort.stderr]).toEqual([
            2,
            'sma users: the password on standard input must have at least 10 characters\n',
          ]);
          const added = sma(['users', 'add', 'ms-kim', '--role', 'admin'], storeEnv, 'a long enough password\n');
          expect([added.status, added.stdout]).toEqual([0, "added admin 'ms-kim'\n"]);
          expect(sma(['users', 'add', 'ms-kim'], storeEnv, 'another password!\n').status).toBe(2);

          const server = await startServerProcess({ storage, env: { HOST: '0.0.0.0' } });
          try {
            const post = (cookie?: string) =>
              fetch(`${server.url}/api/documents/agreement`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
                body: JSON.stringify(deal),
              });
            expect((await post()).status).toBe(401);
            expect((await fetch(`${server.url}/api/record/agreements/sma-12`)).status).toBe(200);
            const signIn = await fetch(`${server.url}/api/session`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              // The trailing newline of the piped password was not part of it.
              body: JSON.stringify({ name: 'ms-kim', password: 'a long enough password' }),
            });
            expect(signIn.status).toBe(200);
            const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
            expect(signIn.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
            expect((await post(cookie)).status).toBe(201);
          } finally {
            await server.close();
          }
        } finally {
          await location.dispose();
        }
      },
    );
  });
}
