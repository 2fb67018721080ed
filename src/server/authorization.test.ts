// Issue 13: every operation of the OpenAPI document, tried as anonymous, another member, the owner, an admin and each
// role-play seat, on a server that requires accounts. An operation without a rule fails here (and the app refuses to
// register it), so a new route cannot ship open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { accessOf, type Access } from './access.js';
import { ioDocumentValidators } from './adapters.js';
import { hashPassword } from './passwords.js';
import { roleplayDepsFor } from './roleplay-routes.js';
import { bundledRecord, testConfig } from './test-config.js';
import { sqliteLocation, type TestLocation } from '../store/test-support.js';
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

beforeAll(async () => {
  location = sqliteLocation();
  store = await location.open();
  for (const [name, role] of [
    ['owner', 'member'],
    ['other', 'member'],
    ['admin', 'admin'],
  ] as const) {
    await store.createUser({ name, role, passwordHash: await hashPassword(password) });
  }
  // HOST 0.0.0.0: a network server, where every write needs an account.
  app = await buildApp({
    config: testConfig({ HOST: '0.0.0.0' }),
    record: bundledRecord(),
    documents: { store, validators: ioDocumentValidators(bundledRecord()) },
    roleplay: roleplayDepsFor(store),
    accounts: store,
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

describe('authorization of every operation on a server that requires accounts', () => {
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
    const ownerOps = operations.filter((op) => accessOf(op.method, fastifyPath(op.path)) === 'owner');
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
        const read = await app.inject({ url: `/api/documents/agreement/${id}`, headers: { cookie: cookies.other } });
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
    expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([403, 'auth/cross_origin']);
  });

  it('refuses a wrong password as it refuses an unknown name, and signs out', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'owner', password: 'x' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'nobody', password } });
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
});
