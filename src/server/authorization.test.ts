// Issue 13: every operation of the OpenAPI document, tried as anonymous, another member, the owner, an admin and each
// role-play seat, on a server that requires accounts, on SQLite and PostgreSQL. An operation without a rule fails here
// (and the app refuses to register it), so a new route cannot ship open. Documents, jobs and role-play classes each
// have their owner's rules proven below.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { accessOf, type Access } from './access.js';
import { ioDocumentValidators, storeJobRecorder } from './adapters.js';
import { hashPassword } from './passwords.js';
import { roleplayDepsFor } from './roleplay-routes.js';
import { bundledRecord, testConfig } from './test-config.js';
import { testBackends, type TestLocation } from '../store/test-support.js';
import type { Store } from '../store/index.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Operation {
  readonly method: Method;
  readonly path: string;
}

let location: TestLocation;
let store: Store;
let app: FastifyInstance;
const cookies: Record<'owner' | 'other' | 'admin', string> = { owner: '', other: '', admin: '' };
const ids: Record<'owner' | 'other' | 'admin', string> = { owner: '', other: '', admin: '' };
let seats: Record<'facilitator' | 'us' | 'rok', string>;
let operations: readonly Operation[];
const password = 'correct horse battery staple';

// An agreement file over the 10th SMA's 2019 amount with a 13 % first-year change (the March 2020 working-level deal).
const agreementFile = { name: '13 % deal', currency: 'KRW', unit: 100_000_000, base: { agreement: 'sma-10' } };
const agreement = (id: string) => ({ ...agreementFile, id, rules: [{ year: 2020, change: 0.13 }] });

const signIn = async (name: string): Promise<string> => {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { name, password } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'sma_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  return `sma_session=${cookie?.value ?? ''}`;
};

/** The operation's URL with its path parameters filled: the owner's document, a record agreement, a bundled scenario. */
const urlOf = (path: string, documentId: string): string =>
  path
    .replace('/api/documents/{kind}/{id}', `/api/documents/agreement/${documentId}`)
    .replace('{kind}', 'agreement')
    .replace('/api/record/agreements/{id}', '/api/record/agreements/sma-12')
    .replace('/api/record/proposals/{id}', '/api/record/proposals/us-ask-2019')
    .replace('/api/scenarios/{id}', '/api/scenarios/sma-11-talks')
    .replace('{id}', 'no-such-job');

const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
const isStream = (path: string) => path.endsWith('/events');

/** A body that passes validation, so what is tested is the access check, not the schema. */
const payloadOf = (op: Operation, documentId: string): object => {
  if (op.method === 'PUT') return agreement(documentId);
  if (op.path === '/api/roleplay/me/actions') return { action: { type: 'note', text: 'probe' } };
  if (op.path === '/api/roleplay/me/score') return { outcome: {} };
  return {};
};

async function call(op: Operation, headers: Record<string, string>, documentId: string) {
  const write = op.method !== 'GET';
  return app.inject({
    method: op.method,
    url: urlOf(op.path, documentId),
    headers: {
      ...headers,
      ...(op.method === 'POST' && op.path.endsWith('/actions') ? { 'idempotency-key': 'k' } : {}),
    },
    ...(write ? { payload: payloadOf(op, documentId) } : {}),
  });
}

for (const backend of testBackends) {
  describe.skipIf(backend.skip)(
    `authorization of every operation on a server that requires accounts (${backend.name})`,
    () => {
      beforeAll(async () => {
        location = await backend.location();
        store = await location.open();
        for (const [name, role] of [
          ['owner', 'member'],
          ['other', 'member'],
          ['admin', 'admin'],
        ] as const) {
          const user = await store.createUser({ name, role, passwordHash: await hashPassword(password) });
          if (user.ok) ids[name] = user.value.id;
        }
        // HOST 0.0.0.0: a network server, where every write needs an account.
        app = await buildApp({
          // One job at a time per account, so the per-account count is proven (jobs-authorization below); runs up to
          // 5,000,000 so its jobs outlast the test (see there).
          config: testConfig({ HOST: '0.0.0.0', SMA_MAX_JOBS_PER_CLIENT: '1', SMA_MAX_RUNS_PER_JOB: '5000000' }),
          record: bundledRecord(),
          documents: { store, validators: ioDocumentValidators(bundledRecord()) },
          roleplay: roleplayDepsFor(store),
          accounts: store,
          jobRecorder: storeJobRecorder(store),
        });
        await app.ready();
        for (const who of ['owner', 'other', 'admin'] as const) cookies[who] = await signIn(who);
        const table = await app.inject({
          method: 'POST',
          url: '/api/roleplay/sessions',
          headers: { cookie: cookies.owner },
          payload: { scenarioId: 'sma-11-talks' },
        });
        seats = (table.json() as { tokens: typeof seats }).tokens;
        const doc = (app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
        operations = Object.entries(doc).flatMap(([path, ops]) =>
          Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Method, path })),
        );
      });

      afterAll(async () => {
        await app?.close();
        await store?.close();
        await location?.dispose();
      });

      it('has a rule for every operation of the OpenAPI document', () => {
        const missing = operations.filter((op) => accessOf(op.method, fastifyPath(op.path)) === undefined);
        expect(missing).toEqual([]);
        expect(operations.length).toBeGreaterThan(40);
      });

      it('refuses anonymous callers everything but the public operations and the seat-token ones', async () => {
        const refused: string[] = [];
        const allowed: string[] = [];
        for (const op of operations) {
          const rule = accessOf(op.method, fastifyPath(op.path)) as Access;
          if (isStream(op.path) && rule !== 'reader' && rule !== 'seat') continue;
          const res = await call(op, {}, 'anon-doc');
          (res.statusCode === 401 ? refused : allowed).push(`${op.method} ${op.path} ${rule}`);
          if (rule === 'reader' || rule === 'creator' || rule === 'owner') {
            expect([op.path, res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([
              op.path,
              401,
              rule === 'reader' || rule === 'creator' || rule === 'owner' ? 'auth/unauthenticated' : '',
            ]);
          } else if (rule === 'seat') {
            expect([op.path, res.statusCode]).toEqual([op.path, 401]);
          } else if (rule === 'public') {
            expect([op.path, res.statusCode]).not.toEqual([op.path, 401]);
          }
        }
        // The record, the calculator's schedule and the theory's solutions stay open to anyone.
        expect(allowed).toContain('GET /api/record/agreements public');
        expect(allowed).toContain('POST /api/solve/rubinstein public');
        expect(refused).toContain('POST /api/documents/{kind} creator');
      });

      it("lets only a document's owner or an admin change it; another member reads it and changes nothing", async () => {
        const ownerOps = operations.filter(
          (op) => accessOf(op.method, fastifyPath(op.path)) === 'owner' && op.path.startsWith('/api/documents'),
        );
        expect(ownerOps.map((op) => `${op.method} ${op.path}`).sort()).toEqual([
          'DELETE /api/documents/{kind}/{id}',
          'DELETE /api/documents/{kind}/{id}/history',
          'PUT /api/documents/{kind}/{id}',
        ]);
        for (const changer of ['owner', 'admin'] as const) {
          for (const op of ownerOps) {
            const id = `owned-${changer}-${op.method.toLowerCase()}-${op.path.length}`;
            const created = await app.inject({
              method: 'POST',
              url: '/api/documents/agreement',
              headers: { cookie: cookies.owner },
              payload: agreement(id),
            });
            expect(created.statusCode).toBe(201);
            const read = await app.inject({
              url: `/api/documents/agreement/${id}`,
              headers: { cookie: cookies.other },
            });
            expect(read.statusCode).toBe(200);
            const refused = await call(op, { cookie: cookies.other }, id);
            expect([
              op.method,
              op.path,
              refused.statusCode,
              refused.json<{ error: { code: string } }>().error.code,
            ]).toEqual([op.method, op.path, 403, 'auth/forbidden']);
            const done = await call(op, { cookie: cookies[changer] }, id);
            expect([changer, op.method, op.path, done.statusCode]).toEqual([changer, op.method, op.path, 200]);
          }
        }
      });

      it('has an owner test below for every operation whose rule is owner', () => {
        // Documents above, jobs and role-play tables and classes below: a new owner rule needs a case here.
        expect(
          operations
            .filter((op) => accessOf(op.method, fastifyPath(op.path)) === 'owner')
            .map((op) => `${op.method} ${op.path}`)
            .sort(),
        ).toEqual([
          'DELETE /api/documents/{kind}/{id}',
          'DELETE /api/documents/{kind}/{id}/history',
          'GET /api/roleplay/owned/{id}',
          'GET /api/roleplay/owned/{id}/debrief',
          'GET /api/roleplay/owned/{id}/events',
          'GET /api/roleplay/owned/{id}/gradebook',
          'GET /api/roleplay/owned/{id}/packet',
          'POST /api/jobs/{id}/cancel',
          'POST /api/roleplay/owned/{id}/actions',
          'POST /api/roleplay/owned/{id}/backtable',
          'POST /api/roleplay/owned/{id}/score',
          'PUT /api/documents/{kind}/{id}',
        ]);
      });

      it("lets only a job's owner or an admin cancel it; another member reads it by its link and cancels nothing", async () => {
        // 5,000,000 replays of the 13th SMA talks take about 20 s of CPU (about 4 µs a run with the sitting sampler,
        // docs/scenarios.md), while the requests below take well under a second: both jobs are still running when they
        // are cancelled.
        const start = (who: 'owner' | 'other') =>
          app.inject({
            method: 'POST',
            url: '/api/jobs/scenario-monte-carlo',
            headers: { cookie: cookies[who] },
            payload: { scenario: 'sma-13-talks', seed: 7, runs: 5_000_000 },
          });
        const listed = async (who: 'owner' | 'other' | 'admin') =>
          (await app.inject({ url: '/api/jobs', headers: { cookie: cookies[who] } }))
            .json<{ id: string }[]>()
            .map((j) => j.id);
        const codeOf = (res: { statusCode: number; json: <T>() => T }) => [
          res.statusCode,
          res.json<{ error: { code: string } }>().error.code,
        ];
        const started = await start('owner');
        expect(started.statusCode).toBe(202);
        const job = started.json<{ id: string; ownerId: string | null }>();
        expect(job.ownerId).toBe(ids.owner);
        const cancel = (headers: Record<string, string>) =>
          app.inject({ method: 'POST', url: `/api/jobs/${job.id}/cancel`, headers });

        // One job at a time per account: the owner waits, another member at the same address does not.
        expect(codeOf(await start('owner'))).toEqual([429, 'job/too_many_jobs']);
        const others = await start('other');
        expect(others.statusCode).toBe(202);

        // Another member: reads the job by its link, does not see it listed, cannot cancel it.
        const read = await app.inject({ url: `/api/jobs/${job.id}`, headers: { cookie: cookies.other } });
        expect([read.statusCode, read.json<{ ownerId: string }>().ownerId]).toEqual([200, ids.owner]);
        expect(await listed('other')).toEqual([others.json<{ id: string }>().id]);
        expect(codeOf(await cancel({ cookie: cookies.other }))).toEqual([403, 'auth/forbidden']);
        // Anonymous and every seat token: no account, so nothing at all.
        expect(codeOf(await cancel({}))).toEqual([401, 'auth/unauthenticated']);
        for (const [seat, token] of Object.entries(seats)) {
          const asSeat = { authorization: `Bearer ${token}` };
          expect([seat, ...codeOf(await cancel(asSeat))]).toEqual([seat, 401, 'auth/unauthenticated']);
          const peek = await app.inject({ url: `/api/jobs/${job.id}`, headers: asSeat });
          expect([seat, peek.statusCode]).toEqual([seat, 401]);
        }

        // The owner lists and cancels it; an admin lists everyone's and cancels the other member's.
        expect(await listed('owner')).toContain(job.id);
        expect(await listed('admin')).toEqual(expect.arrayContaining([job.id, others.json<{ id: string }>().id]));
        const cancelled = (res: { statusCode: number; json: <T>() => T }) => [
          res.statusCode,
          res.json<{ status: string }>().status,
        ];
        expect(cancelled(await cancel({ cookie: cookies.owner }))).toEqual([200, 'cancelled']);
        const byAdmin = await app.inject({
          method: 'POST',
          url: `/api/jobs/${others.json<{ id: string }>().id}/cancel`,
          headers: { cookie: cookies.admin },
        });
        expect(cancelled(byAdmin)).toEqual([200, 'cancelled']);
        // Its record in the store names its owner too (what another process would read).
        const stored = await store.getRun(job.id);
        expect(stored.ok && stored.value.ownerId).toBe(ids.owner);
      });

      it("lets only a class's owner or an admin run it by session; another member and every seat token change nothing", async () => {
        const created = await app.inject({
          method: 'POST',
          url: '/api/roleplay/classes',
          headers: { cookie: cookies.owner },
          payload: { scenarioId: 'sma-11-talks', label: 'Seminar A', tables: [{}, {}] },
        });
        expect(created.statusCode).toBe(201);
        const cls = created.json<{
          classId: string;
          facilitatorToken: string;
          tables: { sessionId: string; tokens: Record<'us' | 'rok', string> }[];
        }>();
        const tableId = cls.tables[0]?.sessionId ?? '';
        const owned = (who: Record<string, string>, path: string, payload?: object) =>
          app.inject({
            method: payload === undefined ? 'GET' : 'POST',
            url: `/api/roleplay/owned/${cls.classId}${path}`,
            headers: { ...who, 'idempotency-key': randomUUID() },
            ...(payload === undefined ? {} : { payload }),
          });
        const pause = { action: { type: 'pause' }, sessionId: tableId };
        const codeOf = (res: { statusCode: number; json: <T>() => T }) => [
          res.statusCode,
          res.json<{ error: { code: string } }>().error.code,
        ];
        const mine = async (who: 'owner' | 'other' | 'admin') =>
          (await app.inject({ url: '/api/roleplay/mine', headers: { cookie: cookies[who] } }))
            .json<{ id: string; kind: string; label: string }[]>()
            .filter((s) => s.id === cls.classId);

        expect(await mine('owner')).toEqual(
          [{ id: cls.classId, kind: 'class', label: 'Seminar A' }].map((c) => expect.objectContaining(c)),
        );
        expect(await mine('other')).toEqual([]);
        expect((await mine('admin')).length).toBe(1);

        // Another member: neither the board, nor a facilitator's action, nor the debrief.
        for (const [path, payload] of [
          ['', undefined],
          ['/actions', pause],
          ['/debrief', undefined],
          ['/gradebook', undefined],
          ['/packet', undefined],
        ] as const) {
          expect([path, ...codeOf(await owned({ cookie: cookies.other }, path, payload))]).toEqual([
            path,
            403,
            'auth/forbidden',
          ]);
          expect([path, ...codeOf(await owned({}, path, payload))]).toEqual([path, 401, 'auth/unauthenticated']);
          // A seat's token, even the class facilitator's, is no account: the owner's routes refuse it.
          const tokens = { facilitator: cls.facilitatorToken, ...cls.tables[0]?.tokens };
          for (const [seat, token] of Object.entries(tokens)) {
            const res = await owned({ authorization: `Bearer ${token}` }, path, payload);
            expect([seat, path, res.statusCode]).toEqual([seat, path, 401]);
          }
        }
        // A side's seat link stays a side: it may not pause its own table.
        const sideTry = await app.inject({
          method: 'POST',
          url: '/api/roleplay/me/actions',
          headers: { authorization: `Bearer ${cls.tables[0]?.tokens.us ?? ''}`, 'idempotency-key': 'side-pause' },
          payload: { action: { type: 'pause' } },
        });
        expect(codeOf(sideTry)).toEqual([403, 'roleplay/forbidden']);

        // The owner's session is the facilitator's seat: the board of both tables, then a pause.
        const board = await owned({ cookie: cookies.owner }, '');
        expect([board.statusCode, board.json<{ role: string; tables: unknown[] }>().tables.length]).toEqual([200, 2]);
        const paused = await owned({ cookie: cookies.owner }, '/actions', pause);
        expect([paused.statusCode, paused.json<{ view: { phase: string } }>().view.phase]).toEqual([201, 'paused']);
        // An admin may run anyone's class: it resumes the table and reads the debrief.
        const resumed = await owned({ cookie: cookies.admin }, '/actions', { ...pause, action: { type: 'resume' } });
        expect(resumed.statusCode).toBe(201);
        expect((await owned({ cookie: cookies.admin }, '/debrief')).statusCode).toBe(200);
        expect((await owned({ cookie: cookies.owner }, '/gradebook')).json<{ rows: unknown[] }>().rows).toHaveLength(4);
        // The facilitator link, shared by the owner, still opens the board without any account.
        const byLink = await app.inject({
          url: '/api/roleplay/me',
          headers: { authorization: `Bearer ${cls.facilitatorToken}` },
        });
        expect([byLink.statusCode, byLink.json<{ classId: string }>().classId]).toEqual([200, cls.classId]);
      });

      it('lets every signed-in member use the reader and creator operations', async () => {
        for (const op of operations) {
          const rule = accessOf(op.method, fastifyPath(op.path));
          if ((rule !== 'reader' && rule !== 'creator') || isStream(op.path)) continue;
          const res = await call(op, { cookie: cookies.other }, 'member-doc');
          expect([op.method, op.path, [401, 403].includes(res.statusCode)]).toEqual([op.method, op.path, false]);
        }
      });

      it('takes each role-play seat token on every seat operation, and no account stands in for one', async () => {
        for (const op of operations) {
          if (accessOf(op.method, fastifyPath(op.path)) !== 'seat' || isStream(op.path)) continue;
          for (const [seat, token] of Object.entries(seats)) {
            const res = await call(op, { authorization: `Bearer ${token}` }, 'x');
            expect([seat, op.path, res.statusCode === 401]).toEqual([seat, op.path, false]);
          }
          const admin = await call(op, { cookie: cookies.admin }, 'x');
          expect([op.path, admin.statusCode]).toEqual([op.path, 401]);
        }
      });

      it('refuses a write from a page of another site, signed in or not (CSRF)', async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/documents/agreement',
          headers: { cookie: cookies.owner, origin: 'https://attacker.example', host: 'localhost:80' },
          payload: agreement('csrf'),
        });
        expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([
          403,
          'auth/cross_origin',
        ]);
      });

      it('refuses a wrong password as it refuses an unknown name, and signs out', async () => {
        const wrong = await app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { name: 'owner', password: 'x' },
        });
        const unknown = await app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { name: 'nobody', password },
        });
        expect([wrong.statusCode, wrong.body]).toEqual([unknown.statusCode, unknown.body]);
        expect(wrong.json<{ error: { code: string } }>().error.code).toBe('auth/bad_credentials');
        const cookie = await signIn('other');
        expect((await app.inject({ url: '/api/session', headers: { cookie } })).json()).toMatchObject({
          account: { name: 'other', role: 'member' },
          accountsRequired: true,
        });
        await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
        expect((await app.inject({ url: '/api/documents/agreement', headers: { cookie } })).statusCode).toBe(401);
      });
    },
  );
}
