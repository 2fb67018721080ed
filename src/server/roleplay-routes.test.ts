import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMA_11_TALKS, type Side } from '../engine/roleplay/index.js';
import { createRolePlayService, type TableLinks } from '../roleplay/service.js';
import { ASK, DEAL, backends, scenarios } from '../roleplay/test-support.js';
import type { Store } from '../store/index.js';
import { sqliteLocation, type TestLocation } from '../store/test-support.js';
import { buildApp } from './app.js';
import { testConfig } from './test-config.js';
import { roleplayDepsFor, roleplayRoutes } from './roleplay-routes.js';

interface Built {
  readonly app: FastifyInstance;
  readonly routes: readonly { readonly method: string; readonly url: string }[];
}

async function build(store: Store): Promise<Built> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'test', version: '0' } },
    transform: jsonSchemaTransform,
  });
  const service = createRolePlayService({ store, scenarios, newSeed: () => 5 });
  await app.register(roleplayRoutes({ service, scenarios: () => [SMA_11_TALKS], keepAliveSeconds: 60 }));
  await app.ready();
  return { app, routes };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const other = (side: Side): Side => (side === 'us' ? 'rok' : 'us');
const SECRET_NOTE: Record<Side, string> = { us: 'US-ONLY-NOTE-7f3a', rok: 'ROK-ONLY-NOTE-91bc' };
const CONFIDENTIAL_MARKS: Record<Side, readonly string[]> = {
  us: ['Confidential — United States', 'Instructions from Washington', '대외비 — 미국 대표단', '워싱턴의 훈령'],
  rok: ['Confidential — Republic of Korea', 'Instructions from Seoul', '대외비 — 한국 대표단', '서울의 훈령'],
};

/** Fails when a side's response holds anything of the other side's: private part, scores, notes, brief. */
function assertNoLeak(side: Side, text: string): void {
  const them = other(side);
  expect(text).not.toContain(SECRET_NOTE[them]);
  for (const mark of CONFIDENTIAL_MARKS[them]) expect(text).not.toContain(mark);
  if (text === '') return;
  const walk = (value: unknown, inOwnPrivate: boolean): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, inOwnPrivate));
    if (typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      if (key === 'private' || key === 'scores') {
        expect(Object.keys(v as object).every((k) => k === side)).toBe(true);
        walk(v, true);
        continue;
      }
      // Reservation values, priorities, notes and debrief scores exist only inside the reader's own private part.
      if (!inOwnPrivate)
        expect(['reservation', 'weights', 'notes', 'disagreement', 'frontier', 'nash']).not.toContain(key);
      walk(v, inOwnPrivate);
    }
  };
  walk(JSON.parse(text), false);
}

/** The first SSE event a token's stream sends, over a real socket. */
function firstEvent(base: string, token: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}/api/roleplay/me/events`,
      { headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          if (res.statusCode !== 200 || buf.includes('\n\n')) {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, text: buf });
          }
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: buf }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const ACTIONS = [
  { type: 'offer', outcome: ASK, message: 'probe' },
  { type: 'accept' },
  { type: 'walk-away' },
  { type: 'note', text: 'probe' },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'extend', rounds: 1 },
  { type: 'end' },
  { type: 'news', news: 'assembly-election' },
] as const;
const FACILITATOR_ONLY = new Set(['pause', 'resume', 'extend', 'end', 'news']);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`role-play API on ${backend.name}`, () => {
    let location: TestLocation;
    let store: Store;
    let built: Built;
    beforeEach(async () => {
      location = await backend.location();
      store = await location.open();
      built = await build(store);
    });
    afterEach(async () => {
      await built.app.close();
      await store.close();
      await location.dispose();
    });

    async function createTable(): Promise<TableLinks> {
      const res = await built.app.inject({
        method: 'POST',
        url: '/api/roleplay/sessions',
        payload: { scenarioId: 'sma-11-talks', label: 'T' },
      });
      expect(res.statusCode).toBe(201);
      return res.json() as TableLinks;
    }
    const act = (token: string, key: string, body: object) =>
      built.app.inject({
        method: 'POST',
        url: '/api/roleplay/me/actions',
        headers: { ...bearer(token), 'idempotency-key': key },
        payload: body,
      });

    it("isolation: every route and the live channel, with each role's token, never shows a side the other's secrets", async () => {
      const t = await createTable();
      const tokens = t.tokens as Record<'us' | 'rok' | 'facilitator', string>;
      expect(
        (await act(tokens.us, 'o1', { action: { type: 'offer', outcome: ASK, message: 'USD 5 bn' }, expectedSeq: 0 }))
          .statusCode,
      ).toBe(201);
      for (const side of ['us', 'rok'] as const)
        expect(
          (await act(tokens[side], `n-${side}`, { action: { type: 'note', text: SECRET_NOTE[side] } })).statusCode,
        ).toBe(201);
      const listening = await built.app.listen({ port: 0, host: '127.0.0.1' });
      void listening;
      const base = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
      const covered = new Set<string>();
      for (const role of ['us', 'rok', 'facilitator'] as const) {
        const token = tokens[role];
        for (const route of built.routes) {
          const id = `${route.method} ${route.url}`;
          covered.add(id);
          const responses: { status: number; text: string; what: string }[] = [];
          if (route.url.includes('/owned/') || route.url === '/api/roleplay/mine') {
            // A seat's token is no account: the owner's routes refuse it, and it owns nothing.
            const res = await built.app.inject({
              method: route.method as 'GET' | 'POST',
              url: route.url.replace(':id', t.sessionId),
              headers: { ...bearer(token), 'idempotency-key': `owned-${role}` },
              ...(route.method === 'POST'
                ? { payload: route.url.endsWith('actions') ? { action: { type: 'end' } } : { outcome: DEAL } }
                : {}),
            });
            responses.push({ status: res.statusCode, text: res.body, what: id });
            if (route.url === '/api/roleplay/mine') expect([id, res.statusCode, res.json()]).toEqual([id, 200, []]);
            else expect([id, res.statusCode]).toEqual([id, 401]);
          } else if (route.url === '/api/roleplay/me/events') {
            const e = await firstEvent(base, token);
            responses.push({ ...e, what: 'sse' });
            expect(e.status).toBe(200);
          } else if (route.url === '/api/roleplay/me/actions') {
            for (const action of ACTIONS) {
              const res = await act(token, `probe-${role}-${action.type}`, { action, expectedSeq: 999 });
              responses.push({ status: res.statusCode, text: res.body, what: action.type });
              const mayDo =
                role === 'facilitator' ? FACILITATOR_ONLY.has(action.type) : !FACILITATOR_ONLY.has(action.type);
              // Allowed actions meet the stale seq (409); forbidden ones are refused first (403).
              expect([action.type, res.statusCode]).toEqual([action.type, mayDo ? 409 : 403]);
            }
          } else if (route.method === 'GET') {
            const res = await built.app.inject({ method: 'GET', url: route.url, headers: bearer(token) });
            responses.push({ status: res.statusCode, text: res.body, what: id });
            if (route.url === '/api/roleplay/me/debrief' || route.url === '/api/roleplay/me/gradebook')
              expect([route.url, res.statusCode]).toEqual([route.url, role === 'facilitator' ? 200 : 403]);
            // The case packet: every seat reads it, a delegation only its own brief and sheet, no teaching note.
            if (route.url === '/api/roleplay/me/packet') {
              const p = res.json() as { confidential: object; scoring: object; teaching: unknown; figures: unknown[] };
              const mine = role === 'facilitator' ? ['rok', 'us'] : [role];
              expect([res.statusCode, Object.keys(p.confidential).sort(), Object.keys(p.scoring).sort()]).toEqual([
                200,
                mine,
                mine,
              ]);
              expect([p.teaching === null, p.figures.length === 0]).toEqual([
                role !== 'facilitator',
                role !== 'facilitator',
              ]);
            }
          } else {
            const payload =
              route.url.endsWith('score') || route.url.endsWith('backtable')
                ? { outcome: DEAL }
                : route.url.endsWith('classes')
                  ? { scenarioId: 'sma-11-talks', label: 'C', tables: [{}] }
                  : { scenarioId: 'sma-11-talks' };
            const res = await built.app.inject({ method: 'POST', url: route.url, headers: bearer(token), payload });
            responses.push({ status: res.statusCode, text: res.body, what: id });
          }
          if (role !== 'facilitator')
            for (const r of responses)
              assertNoLeak(
                role,
                r.what === 'sse' ? r.text.replace(/^[\s\S]*?data: /, '').replace(/\n\n$/, '') : r.text,
              );
        }
      }
      expect([...covered].sort()).toEqual([
        'GET /api/roleplay/me',
        'GET /api/roleplay/me/debrief',
        'GET /api/roleplay/me/events',
        'GET /api/roleplay/me/gradebook',
        'GET /api/roleplay/me/packet',
        'GET /api/roleplay/mine',
        'GET /api/roleplay/owned/:id',
        'GET /api/roleplay/owned/:id/debrief',
        'GET /api/roleplay/owned/:id/events',
        'GET /api/roleplay/owned/:id/gradebook',
        'GET /api/roleplay/owned/:id/packet',
        'GET /api/roleplay/scenarios',
        'POST /api/roleplay/classes',
        'POST /api/roleplay/me/actions',
        'POST /api/roleplay/me/backtable',
        'POST /api/roleplay/me/score',
        'POST /api/roleplay/owned/:id/actions',
        'POST /api/roleplay/owned/:id/backtable',
        'POST /api/roleplay/owned/:id/score',
        'POST /api/roleplay/sessions',
      ]);
      // The facilitator does see both sides.
      const f = await built.app.inject({ method: 'GET', url: '/api/roleplay/me', headers: bearer(tokens.facilitator) });
      expect(f.body).toContain(SECRET_NOTE.us);
      expect(f.body).toContain(SECRET_NOTE.rok);
    });

    it('describes every role-play route in the OpenAPI document', () => {
      const doc = built.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      expect(
        Object.keys(doc.paths)
          .filter((p) => p.startsWith('/api/roleplay'))
          .sort(),
      ).toEqual([
        '/api/roleplay/classes',
        '/api/roleplay/me',
        '/api/roleplay/me/actions',
        '/api/roleplay/me/backtable',
        '/api/roleplay/me/debrief',
        '/api/roleplay/me/events',
        '/api/roleplay/me/gradebook',
        '/api/roleplay/me/packet',
        '/api/roleplay/me/score',
        '/api/roleplay/mine',
        '/api/roleplay/owned/{id}',
        '/api/roleplay/owned/{id}/actions',
        '/api/roleplay/owned/{id}/backtable',
        '/api/roleplay/owned/{id}/debrief',
        '/api/roleplay/owned/{id}/events',
        '/api/roleplay/owned/{id}/gradebook',
        '/api/roleplay/owned/{id}/packet',
        '/api/roleplay/owned/{id}/score',
        '/api/roleplay/scenarios',
        '/api/roleplay/sessions',
      ]);
    });

    it('serves the built-in scenario through roleplayDepsFor', async () => {
      const app = Fastify({ logger: false });
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      await app.register(roleplayRoutes(roleplayDepsFor(store)));
      const res = await app.inject({ method: 'GET', url: '/api/roleplay/scenarios' });
      expect(res.json().map((s: { id: string }) => s.id)).toEqual(['sma-11-talks']);
      await app.close();
    });

    it('lists no fitted forecast (a table plays point values, so it would be the same table twice), yet opens one', async () => {
      const fitted = {
        ...SMA_11_TALKS,
        id: 'sma-11-talks-fitted',
        fitted: { talks: ['sma-11-talks'], method: 'adaptive ABC-SMC', seed: 1, date: '2026-12-02' },
      };
      const app = Fastify({ logger: false });
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      await app.register(roleplayRoutes(roleplayDepsFor(store, [SMA_11_TALKS, fitted])));
      const res = await app.inject({ method: 'GET', url: '/api/roleplay/scenarios' });
      expect(res.json().map((s: { id: string }) => s.id)).toEqual(['sma-11-talks']);
      const made = await app.inject({
        method: 'POST',
        url: '/api/roleplay/sessions',
        payload: { scenarioId: 'sma-11-talks-fitted' },
      });
      expect(made.statusCode).toBe(201);
      await app.close();
    });

    it('a side cannot act for the other side: no side field, no move out of turn', async () => {
      const t = await createTable();
      const forOther = await act(t.tokens.us as string, 'x', { action: { type: 'offer', side: 'rok', outcome: DEAL } });
      expect(forOther.statusCode).toBe(400);
      const outOfTurn = await act(t.tokens.rok as string, 'y', { action: { type: 'offer', outcome: DEAL } });
      expect([outOfTurn.statusCode, outOfTurn.json().error.code]).toEqual([409, 'negotiation/out_of_turn']);
      // Before sending, a side sees its own score of a draft and nothing of the other's (ROK: 0.8288, see debrief.test.ts).
      const draft = await built.app.inject({
        method: 'POST',
        url: '/api/roleplay/me/score',
        headers: bearer(t.tokens.rok as string),
        payload: { outcome: DEAL },
      });
      expect(Object.keys(draft.json().scores)).toEqual(['rok']);
      expect(draft.json().scores.rok).toBeCloseTo(0.8288, 10);
      const none = await built.app.inject({ method: 'GET', url: '/api/roleplay/me' });
      expect(none.statusCode).toBe(401);
    });

    it('an accept and a counter-offer sent at the same moment: one is applied, the other gets a clear 409', async () => {
      const t = await createTable();
      expect(
        (await act(t.tokens.us as string, 'open', { action: { type: 'offer', outcome: DEAL }, expectedSeq: 0 }))
          .statusCode,
      ).toBe(201);
      const [a, b] = await Promise.all([
        act(t.tokens.rok as string, 'accept-1', { action: { type: 'accept' }, expectedSeq: 1 }),
        act(t.tokens.rok as string, 'counter-1', { action: { type: 'offer', outcome: ASK }, expectedSeq: 1 }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json().error).toMatchObject({
        code: 'roleplay/conflict',
        details: { expectedSeq: 1, headSeq: expect.any(Number) },
      });
      const winner =
        a.statusCode === 201
          ? { res: a, key: 'accept-1', body: { action: { type: 'accept' }, expectedSeq: 1 } }
          : { res: b, key: 'counter-1', body: { action: { type: 'offer', outcome: ASK }, expectedSeq: 1 } };
      const retry = await act(t.tokens.rok as string, winner.key, winner.body);
      expect(retry.statusCode).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json().seq).toBe(winner.res.json().seq);
      const log = await store.listActions(t.sessionId);
      expect(log.ok && log.value.filter((x) => x.idempotencyKey.startsWith('rok:')).length).toBe(1);
    });

    it('a new store and app instance resume the table from the log', async () => {
      const t = await createTable();
      await act(t.tokens.us as string, 'a', { action: { type: 'offer', outcome: ASK, message: 'USD 5 bn' } });
      await act(t.tokens.facilitator as string, 'b', { action: { type: 'extend', rounds: 2 } });
      const before = await built.app.inject({
        method: 'GET',
        url: '/api/roleplay/me',
        headers: bearer(t.tokens.rok as string),
      });
      await built.app.close();
      await store.close();
      store = await location.open();
      built = await build(store);
      const after = await built.app.inject({
        method: 'GET',
        url: '/api/roleplay/me',
        headers: bearer(t.tokens.rok as string),
      });
      expect(after.json()).toEqual(before.json());
      expect(after.json().seq).toBe(2);
      const next = await act(t.tokens.rok as string, 'c', { action: { type: 'offer', outcome: DEAL }, expectedSeq: 2 });
      expect(next.statusCode).toBe(201);
    });

    it('a class facilitator watches every table and controls one by its session id', async () => {
      const res = await built.app.inject({
        method: 'POST',
        url: '/api/roleplay/classes',
        payload: {
          scenarioId: 'sma-11-talks',
          label: 'Seminar',
          tables: [{}, { agents: { rok: { kind: 'time-dependent', e: 0.2 } } }],
        },
      });
      expect(res.statusCode).toBe(201);
      const c = res.json() as { facilitatorToken: string; tables: TableLinks[] };
      const tables = c.tables;
      const end = await act(c.facilitatorToken, 'e', { action: { type: 'end' }, sessionId: tables[0]!.sessionId });
      expect(end.json().view.phase).toBe('ended');
      const stranger = await createTable();
      const foreign = await act(c.facilitatorToken, 'f', { action: { type: 'pause' }, sessionId: stranger.sessionId });
      expect(foreign.statusCode).toBe(404);
      const watch = await built.app.inject({
        method: 'GET',
        url: '/api/roleplay/me',
        headers: bearer(c.facilitatorToken),
      });
      expect(watch.json().tables.map((v: { phase: string }) => v.phase)).toEqual(['ended', 'running']);
      const debrief = await built.app.inject({
        method: 'GET',
        url: '/api/roleplay/me/debrief',
        headers: bearer(c.facilitatorToken),
      });
      expect(debrief.json().overall.tables).toBe(2);
      // The grade book: one row per table and side, in Korean when asked; the ended table has no deal.
      const book = await built.app.inject({
        method: 'GET',
        url: '/api/roleplay/me/gradebook?lang=ko',
        headers: bearer(c.facilitatorToken),
      });
      expect(book.statusCode).toBe(200);
      const rows = book.json().rows as (string | number)[][];
      expect(rows.map((r) => r.slice(0, 5))).toEqual([
        ['Seminar', 'Table 1', '미국', '사람', '합의 없음'],
        ['Seminar', 'Table 1', '한국', '사람', '합의 없음'],
        ['Seminar', 'Table 2', '미국', '사람', '합의 없음'],
        ['Seminar', 'Table 2', '한국', '에이전트', '합의 없음'],
      ]);
      const bad = await built.app.inject({
        method: 'GET',
        url: '/api/roleplay/me/gradebook?lang=fr',
        headers: bearer(c.facilitatorToken),
      });
      expect(bad.statusCode).toBe(400);
    });
  });
}

describe('role-play in the server app', () => {
  let location: TestLocation;
  let store: Store;
  let app: FastifyInstance;
  beforeEach(async () => {
    location = sqliteLocation();
    store = await location.open();
    app = await buildApp({ config: testConfig(), roleplay: roleplayDepsFor(store) });
  });
  afterEach(async () => {
    await app.close();
    await store.close();
    await location.dispose();
  });

  it("serves the routes with the app's error body and lists them in the OpenAPI document", async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/roleplay/sessions',
      payload: { scenarioId: 'sma-11-talks' },
    });
    expect(created.statusCode).toBe(201);
    const { tokens } = created.json() as TableLinks;
    const bad = await app.inject({
      method: 'POST',
      url: '/api/roleplay/me/actions',
      headers: { ...bearer(tokens.us as string), 'idempotency-key': 'k' },
      payload: { action: { type: 'offer', side: 'rok', outcome: DEAL } },
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'request/invalid']);
    const pause = await app.inject({
      method: 'POST',
      url: '/api/roleplay/me/actions',
      headers: { ...bearer(tokens.rok as string), 'idempotency-key': 'p' },
      payload: { action: { type: 'pause' } },
    });
    expect([pause.statusCode, pause.json().error.code]).toEqual([403, 'roleplay/forbidden']);
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/roleplay/me/actions');
  });
});

describe('a postponed Assembly vote in the debrief (API)', () => {
  // The 11th SMA talks with an Assembly nobody attends until a new one is seated on 1 October 2019: the deal accepted
  // in round 1 (24–25 September 2019) meets no quorum (Art. 49) at its first sitting, on the session's close, so it is
  // re-held 14 days later (DEFAULT_POSTPONEMENT), on 2019-10-09, by the new Assembly, every member present and for it:
  // consent, for sure.
  const line = { kind: 'point' as const, value: 1 };
  const bloc = (attendance: number) => ({
    party: 'all',
    seats: 300,
    attendance,
    cohesion: 1,
    abstainShare: 0.5,
    stance: { kind: 'threshold' as const, term: 'first-year-change', direction: 'at_most' as const, threshold: line },
  });
  const EMPTY_HALL = {
    ...SMA_11_TALKS,
    id: 'empty-hall',
    ratification: {
      ...SMA_11_TALKS.ratification,
      rok: [
        { from: '2016-05-30', name: 'absent', seats: 300, blocs: [bloc(0)] },
        { from: '2019-10-01', name: 'seated', seats: 300, blocs: [bloc(1)] },
      ],
    },
  };
  let location: TestLocation;
  let store: Store;
  let app: FastifyInstance;
  beforeEach(async () => {
    location = sqliteLocation();
    store = await location.open();
    app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    const lookup = (id: string) => (id === EMPTY_HALL.id ? EMPTY_HALL : undefined);
    const service = createRolePlayService({ store, scenarios: lookup, newSeed: () => 5 });
    await app.register(roleplayRoutes({ service, scenarios: () => [EMPTY_HALL], keepAliveSeconds: 60 }));
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
    await location.dispose();
  });

  it('shows each sitting: the first without a quorum, postponed; the second held by the Assembly seated since', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/roleplay/sessions',
      payload: { scenarioId: EMPTY_HALL.id, label: 'T' },
    });
    expect(created.statusCode).toBe(201);
    const { tokens } = created.json() as TableLinks;
    const act = (token: string, key: string, action: object) =>
      app.inject({
        method: 'POST',
        url: '/api/roleplay/me/actions',
        headers: { ...bearer(token), 'idempotency-key': key },
        payload: { action },
      });
    expect((await act(tokens.us as string, 'a', { type: 'offer', outcome: DEAL })).statusCode).toBe(201);
    expect((await act(tokens.rok as string, 'b', { type: 'accept' })).statusCode).toBe(201);
    const res = await app.inject({
      method: 'GET',
      url: '/api/roleplay/me/debrief',
      headers: bearer(tokens.facilitator as string),
    });
    expect(res.statusCode).toBe(200);
    const debrief = res.json() as {
      reason: string;
      endDate: string;
      ratificationPostponements: number;
      ratificationsNotHeld: number;
      votes: { postponements: number; held: boolean; passed: boolean; decidedOn: string; sittings: unknown[] }[];
    };
    expect([debrief.reason, debrief.ratificationPostponements, debrief.ratificationsNotHeld]).toEqual([
      'agreement',
      1,
      0,
    ]);
    // the talks ended on the deciding sitting's date, as a single run's do
    expect(debrief.endDate).toBe('2019-10-09');
    expect(debrief.votes).toHaveLength(1);
    expect(debrief.votes[0]).toMatchObject({ postponements: 1, held: true, passed: true, decidedOn: '2019-10-09' });
    expect(debrief.votes[0]?.sittings).toEqual([
      { date: '2019-09-25', quorumMet: false, result: 'postponed' },
      { date: '2019-10-09', quorumMet: true, result: 'held' },
    ]);
  });
});
