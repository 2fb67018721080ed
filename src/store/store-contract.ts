// The behaviour every Store backend must show; sqlite-store.test.ts and postgres-store.test.ts run it.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestLocation } from './test-support.js';
import { steppingClock } from './test-support.js';
import type { Store } from './types.js';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
};

// The 11th SMA's yearly amounts in 억원 (MOFA, 2021-03-10), used as a realistic document body.
const sma11Body = { id: 'sma-11', amounts: { 2021: 11833, 2022: 12472, 2023: 12896, 2024: 13463, 2025: 14028 } };

// A second store is a second pool on PostgreSQL; on SQLite one store per process is the rule (docs/storage.md),
// because better-sqlite3 waits for a lock synchronously and would block the very process that holds it.
const secondStore = async (store: Store, location: TestLocation): Promise<Store> =>
  store.backend === 'postgres' ? location.open() : store;

export function describeStoreContract(createLocation: () => Promise<TestLocation>): void {
  let location: TestLocation;
  let store: Store;
  beforeAll(async () => {
    location = await createLocation();
    store = await location.open(steppingClock('2026-01-01T00:00:00.000Z'));
  });
  afterAll(async () => {
    await store?.close();
    await location?.dispose();
  });

  // ---- documents ----

  it('saves a new document at version 1 with the time of the pinned clock', async () => {
    const clock = steppingClock('2030-05-01T09:00:00.000Z');
    const pinned = await location.open(clock);
    const saved = unwrap(
      await pinned.saveDocument({ kind: 'agreement', id: 'sma-11-copy', name: '11th SMA', body: sma11Body }),
    );
    await pinned.close();
    expect(saved).toEqual({
      kind: 'agreement',
      id: 'sma-11-copy',
      name: '11th SMA',
      body: sma11Body,
      version: 1,
      createdAt: '2030-05-01T09:00:00.000Z',
      updatedAt: '2030-05-01T09:00:00.000Z',
      ownerId: null,
    });
  });

  it('keeps every version of an edited document, oldest first, and the creation time of the first', async () => {
    const id = randomUUID();
    const v1 = unwrap(
      await store.saveDocument({ kind: 'proposal', id, name: 'US ask 2019', body: { usd: 5_000_000_000 } }),
    );
    const v2 = unwrap(
      await store.saveDocument({ kind: 'proposal', id, name: 'US ask 2020', body: { usd: 1_300_000_000 } }),
    );
    expect(v2.version).toBe(2);
    expect(v2.createdAt).toBe(v1.createdAt);
    expect(v2.updatedAt > v1.updatedAt).toBe(true);
    expect(unwrap(await store.getDocument('proposal', id)).body).toEqual({ usd: 1_300_000_000 });
    const history = unwrap(await store.documentHistory('proposal', id));
    expect(history.map((h) => [h.version, h.name, h.body])).toEqual([
      [1, 'US ask 2019', { usd: 5_000_000_000 }],
      [2, 'US ask 2020', { usd: 1_300_000_000 }],
    ]);
  });

  it('generates an id when none is given', async () => {
    const saved = unwrap(await store.saveDocument({ kind: 'scenario', name: 'class A', body: {} }));
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a save against a stale version with store/conflict and the current version', async () => {
    const id = randomUUID();
    unwrap(await store.saveDocument({ kind: 'proposal', id, name: 'a', body: 1 }));
    unwrap(await store.saveDocument({ kind: 'proposal', id, name: 'b', body: 2, expectedVersion: 1 }));
    const stale = await store.saveDocument({ kind: 'proposal', id, name: 'c', body: 3, expectedVersion: 1 });
    expect(stale).toEqual({
      ok: false,
      error: { code: 'store/conflict', details: { entity: 'document', id, expected: 1, actual: 2 } },
    });
    const create = await store.saveDocument({ kind: 'proposal', id, name: 'd', body: 4, expectedVersion: 0 });
    expect(create.ok).toBe(false);
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const id = randomUUID();
    unwrap(await store.saveDocument({ kind: 'scenario', id, name: 'base', body: 0 }));
    const other = await secondStore(store, location);
    try {
      const results = await Promise.all([
        store.saveDocument({ kind: 'scenario', id, name: 'left', body: 1, expectedVersion: 1 }),
        other.saveDocument({ kind: 'scenario', id, name: 'right', body: 2, expectedVersion: 1 }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['store/conflict']);
      expect(unwrap(await store.documentHistory('scenario', id))).toHaveLength(2);
    } finally {
      if (other !== store) await other.close();
    }
  });

  it('applies concurrent saves without an expected version one after the other, losing none', async () => {
    const id = randomUUID();
    const other = await secondStore(store, location);
    try {
      const results = await Promise.all(
        [store, other, store, other].map((s, i) => s.saveDocument({ kind: 'scenario', id, name: `w${i}`, body: i })),
      );
      expect(results.map((r) => r.ok && r.value.version).sort()).toEqual([1, 2, 3, 4]);
      expect(unwrap(await store.documentHistory('scenario', id)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
    } finally {
      if (other !== store) await other.close();
    }
  });

  it('reports an unknown document as store/not_found', async () => {
    expect(await store.getDocument('agreement', 'sma-99')).toEqual({
      ok: false,
      error: { code: 'store/not_found', details: { entity: 'document', id: 'agreement/sma-99' } },
    });
    expect((await store.documentHistory('agreement', 'sma-99')).ok).toBe(false);
    expect((await store.deleteDocument('agreement', 'sma-99')).ok).toBe(false);
  });

  it('pages a history oldest first and keeps only the newest versions the retention allows', async () => {
    const id = randomUUID();
    for (let i = 1; i <= 7; i++) {
      unwrap(await store.saveDocument({ kind: 'scenario', id, name: `v${i}`, body: i, keepVersions: 5 }));
    }
    // Versions 1 and 2 fell out of a retention of 5 when 6 and 7 were saved.
    expect(unwrap(await store.documentHistory('scenario', id)).map((v) => v.version)).toEqual([3, 4, 5, 6, 7]);
    expect(unwrap(await store.documentHistory('scenario', id, { limit: 2 })).map((v) => v.version)).toEqual([3, 4]);
    const next = unwrap(await store.documentHistory('scenario', id, { afterVersion: 4, limit: 2 }));
    expect(next.map((v) => [v.version, v.name])).toEqual([
      [5, 'v5'],
      [6, 'v6'],
    ]);
    expect(unwrap(await store.documentHistory('scenario', id, { afterVersion: 7 }))).toEqual([]);
  });

  it('purges a document with its whole history, so the id starts again at version 1', async () => {
    const id = randomUUID();
    unwrap(await store.saveDocument({ kind: 'proposal', id, name: 'a', body: 1 }));
    unwrap(await store.saveDocument({ kind: 'proposal', id, name: 'b', body: 2 }));
    expect(await store.purgeDocument('proposal', id)).toEqual({ ok: true, value: { versions: 2 } });
    expect((await store.getDocument('proposal', id)).ok).toBe(false);
    expect((await store.documentHistory('proposal', id)).ok).toBe(false);
    expect((await store.purgeDocument('proposal', id)).ok).toBe(false);
    expect(unwrap(await store.saveDocument({ kind: 'proposal', id, name: 'c', body: 3 })).version).toBe(1);
  });

  it('keeps accounts by unique name and finds a sign-in session only until it expires', async () => {
    const name = `teacher-${randomUUID().slice(0, 8)}`;
    const before = await store.countUsers();
    const user = unwrap(await store.createUser({ name, role: 'admin', passwordHash: 'scrypt$x' }));
    expect(await store.countUsers()).toBe(before + 1);
    expect((await store.createUser({ name, role: 'member', passwordHash: 'y' })).ok).toBe(false);
    expect(unwrap(await store.findUserByName(name))).toMatchObject({
      id: user.id,
      role: 'admin',
      passwordHash: 'scrypt$x',
    });
    await store.createAuthSession({
      tokenHash: `live-${name}`,
      userId: user.id,
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    await store.createAuthSession({ tokenHash: `old-${name}`, userId: user.id, expiresAt: '2000-01-01T00:00:00.000Z' });
    expect(unwrap(await store.findAuthSession(`live-${name}`))).toMatchObject({ id: user.id, name, role: 'admin' });
    expect((await store.findAuthSession(`old-${name}`)).ok).toBe(false);
    await store.deleteAuthSession(`live-${name}`);
    expect((await store.findAuthSession(`live-${name}`)).ok).toBe(false);
    const owned = unwrap(await store.saveDocument({ kind: 'proposal', name: 'mine', body: {}, ownerId: user.id }));
    expect(owned.ownerId).toBe(user.id);
    // A later save by someone else does not change who owns it.
    expect(unwrap(await store.saveDocument({ kind: 'proposal', id: owned.id, name: 'v2', body: {} })).ownerId).toBe(
      user.id,
    );
  });

  it('keeps an OpenID Connect account by issuer and subject, never merged into a local account of the same name', async () => {
    const name = `reporter-${randomUUID().slice(0, 8)}`;
    const local = unwrap(await store.createUser({ name, role: 'admin', passwordHash: 'scrypt$x' }));
    const issuer = 'https://sso.school.example/realms/sma';
    const first = await store.externalUser({ issuer, subject: 'sub-1', name, role: 'member' });
    // The name was a local admin's: the provider's person gets the provider's host, and no admin rights.
    expect(first).toMatchObject({ name: `${name}@sso.school.example`, role: 'member' });
    expect(first.id).not.toBe(local.id);
    // Signing in again finds the same account, with the role the provider's claims give now.
    const again = await store.externalUser({ issuer, subject: 'sub-1', name: 'renamed', role: 'admin' });
    expect(again).toMatchObject({ id: first.id, name: first.name, role: 'admin' });
    expect(unwrap(await store.findUserByName(first.name))).toMatchObject({ role: 'admin', passwordHash: '' });
    // The same subject at another issuer is another person.
    const other = await store.externalUser({
      issuer: 'https://idp.news.example',
      subject: 'sub-1',
      name,
      role: 'member',
    });
    expect(other.id).not.toBe(first.id);
    expect(other.name).toBe(`${name}@idp.news.example`);
    // Two first sign-ins of one person at once make one account.
    const racing = await Promise.all(
      [1, 2, 3].map(() => store.externalUser({ issuer, subject: `sub-${name}`, name: `${name}-r`, role: 'member' })),
    );
    expect(new Set(racing.map((u) => u.id)).size).toBe(1);
  });

  it('lists live documents of one kind, most recently updated first', async () => {
    const a = unwrap(await store.saveDocument({ kind: 'agreement', name: 'first', body: {} }));
    const b = unwrap(await store.saveDocument({ kind: 'agreement', name: 'second', body: {} }));
    const ids = (await store.listDocuments('agreement')).map((d) => d.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect((await store.listDocuments('scenario')).every((d) => d.kind === 'scenario')).toBe(true);
  });

  it('deletes the live document but keeps its history, and a later save continues the version count', async () => {
    const id = randomUUID();
    unwrap(await store.saveDocument({ kind: 'proposal', id, name: 'working-level 13 %', body: { rate: 0.13 } }));
    expect(await store.deleteDocument('proposal', id)).toEqual({ ok: true, value: { version: 1 } });
    expect((await store.getDocument('proposal', id)).ok).toBe(false);
    expect((await store.listDocuments('proposal')).some((d) => d.id === id)).toBe(false);
    expect(unwrap(await store.documentHistory('proposal', id))).toHaveLength(1);
    expect((await store.deleteDocument('proposal', id)).ok).toBe(false);
    const revived = unwrap(
      await store.saveDocument({ kind: 'proposal', id, name: 'again', body: {}, expectedVersion: 0 }),
    );
    expect(revived.version).toBe(2);
  });

  it('returns any JSON body exactly as saved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue().filter((v) => !JSON.stringify(v).includes('\\u0000')),
        async (body) => {
          const saved = unwrap(await store.saveDocument({ kind: 'scenario', name: 'prop', body }));
          // JSON itself cannot tell -0 from 0; compare what JSON can say.
          expect(unwrap(await store.getDocument('scenario', saved.id)).body).toEqual(JSON.parse(JSON.stringify(body)));
        },
      ),
      { numRuns: 40 },
    );
  });

  // ---- Monte Carlo runs ----

  it('creates a queued run with its seed, inputs and client id', async () => {
    const run = unwrap(
      await store.createRun({ clientId: 'client-1', inputs: { negotiations: 10_000 }, seed: Number.MAX_SAFE_INTEGER }),
    );
    expect(run).toMatchObject({
      clientId: 'client-1',
      inputs: { negotiations: 10_000 },
      seed: 9_007_199_254_740_991,
      status: 'queued',
      progress: 0,
      summary: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(unwrap(await store.getRun(run.id))).toEqual(run);
  });

  it('records a run from queued through running to done, with progress, summary and timestamps', async () => {
    const run = unwrap(await store.createRun({ clientId: 'c', inputs: {}, seed: 42 }));
    const running = unwrap(await store.updateRun(run.id, { status: 'running' }));
    expect(running.startedAt).not.toBeNull();
    const half = unwrap(await store.updateRun(run.id, { progress: 0.5 }));
    expect([half.status, half.progress]).toEqual(['running', 0.5]);
    const done = unwrap(await store.updateRun(run.id, { status: 'done', summary: { agreementRate: 0.62 } }));
    expect(done).toMatchObject({
      status: 'done',
      progress: 1,
      summary: { agreementRate: 0.62 },
      startedAt: running.startedAt,
    });
    expect(done.finishedAt).not.toBeNull();
  });

  it('refuses to move a finished run with store/conflict naming both statuses', async () => {
    const run = unwrap(await store.createRun({ clientId: 'c', inputs: {}, seed: 1 }));
    unwrap(await store.updateRun(run.id, { status: 'cancelled' }));
    expect(await store.updateRun(run.id, { status: 'running' })).toEqual({
      ok: false,
      error: {
        code: 'store/conflict',
        details: { entity: 'run', id: run.id, expected: 'cancelled', actual: 'running' },
      },
    });
    expect((await store.updateRun('no-such-run', { progress: 0.1 })).ok).toBe(false);
  });

  it('reports a reused run id as store/duplicate and lists runs by client and status', async () => {
    const clientId = randomUUID();
    const run = unwrap(await store.createRun({ clientId, inputs: {}, seed: 7 }));
    expect(await store.createRun({ id: run.id, clientId, inputs: {}, seed: 7 })).toEqual({
      ok: false,
      error: { code: 'store/duplicate', details: { entity: 'run', id: run.id } },
    });
    const failed = unwrap(await store.createRun({ clientId, inputs: {}, seed: 8 }));
    unwrap(await store.updateRun(failed.id, { status: 'failed', error: 'worker crashed' }));
    expect((await store.listRuns({ clientId })).map((r) => r.id)).toEqual([failed.id, run.id]);
    expect((await store.listRuns({ clientId, status: 'failed' })).map((r) => [r.id, r.error])).toEqual([
      [failed.id, 'worker crashed'],
    ]);
  });

  it('records the account that started a run and lists runs by it; a run started without one has no owner', async () => {
    const user = unwrap(await store.createUser({ name: `runner-${randomUUID()}`, role: 'member', passwordHash: 'x' }));
    const clientId = `account:${user.id}`;
    const owned = unwrap(await store.createRun({ clientId, ownerId: user.id, inputs: {}, seed: 1 }));
    const anonymous = unwrap(await store.createRun({ clientId: '127.0.0.1', inputs: {}, seed: 2 }));
    expect([owned.ownerId, anonymous.ownerId]).toEqual([user.id, null]);
    expect(unwrap(await store.getRun(owned.id)).ownerId).toBe(user.id);
    expect((await store.listRuns({ ownerId: user.id })).map((r) => r.id)).toEqual([owned.id]);
  });

  // ---- role-play ----

  it('records the account that created a table or class and lists its sessions, newest first', async () => {
    const user = unwrap(await store.createUser({ name: `teacher-${randomUUID()}`, role: 'member', passwordHash: 'x' }));
    const first = unwrap(await store.createSession({ scenarioId: 's', state: {}, ownerId: user.id }));
    const second = unwrap(await store.createSession({ scenarioId: 's', state: {}, ownerId: user.id }));
    const unowned = unwrap(await store.createSession({ scenarioId: 's', state: {} }));
    expect([first.ownerId, unowned.ownerId]).toEqual([user.id, null]);
    expect(unwrap(await store.getSession(second.id)).ownerId).toBe(user.id);
    expect((await store.listSessions({ ownerId: user.id })).map((r) => r.id)).toEqual([second.id, first.id]);
    expect((await store.listSessions()).map((r) => r.id)).toContain(unowned.id);
  });

  it('finds a participant by the secret token of their link and by nothing else', async () => {
    const session = unwrap(await store.createSession({ scenarioId: 'sma-11-2020', state: { step: 0 } }));
    const us = unwrap(await store.addParticipant(session.id, { role: 'us', token: 'us-secret-1' }));
    expect(us).toMatchObject({ sessionId: session.id, role: 'us' });
    expect(unwrap(await store.findParticipantByToken('us-secret-1'))).toEqual(us);
    expect((await store.findParticipantByToken('rok-secret-1')).ok).toBe(false);
    expect((await store.addParticipant(session.id, { role: 'rok', token: 'us-secret-1' })).ok).toBe(false);
    expect((await store.addParticipant('no-such-session', { role: 'rok', token: randomUUID() })).ok).toBe(false);
  });

  it('appends actions at seq 1, 2, 3 and reports a stale expectedSeq as store/conflict', async () => {
    const session = unwrap(await store.createSession({ scenarioId: 's', state: {} }));
    for (const seq of [0, 1, 2]) {
      const appended = unwrap(await store.appendAction(session.id, seq, { type: 'offer', n: seq }, `k${seq}`));
      expect([appended.action.seq, appended.duplicate]).toEqual([seq + 1, false]);
    }
    expect(await store.appendAction(session.id, 1, { type: 'offer' }, 'late')).toEqual({
      ok: false,
      error: { code: 'store/conflict', details: { entity: 'session', id: session.id, expected: 1, actual: 3 } },
    });
    expect(unwrap(await store.getSession(session.id)).headSeq).toBe(3);
    expect(unwrap(await store.listActions(session.id, 1)).map((a) => a.seq)).toEqual([2, 3]);
    expect((await store.appendAction('no-such-session', 0, {}, 'k')).ok).toBe(false);
  });

  it('returns the original record for a reused idempotency key instead of inserting again', async () => {
    const session = unwrap(await store.createSession({ scenarioId: 's', state: {} }));
    const first = unwrap(await store.appendAction(session.id, 0, { type: 'accept' }, 'retry-me'));
    const again = unwrap(await store.appendAction(session.id, 0, { type: 'accept' }, 'retry-me'));
    expect(again).toEqual({ action: first.action, duplicate: true });
    expect(unwrap(await store.listActions(session.id))).toHaveLength(1);
  });

  it('lets exactly one of two concurrent appends with the same expectedSeq win, every time', async () => {
    const session = unwrap(await store.createSession({ scenarioId: 's', state: {} }));
    const other = await secondStore(store, location);
    try {
      for (let seq = 0; seq < 20; seq++) {
        const results = await Promise.all([
          store.appendAction(session.id, seq, { side: 'us' }, `us-${seq}`),
          other.appendAction(session.id, seq, { side: 'rok' }, `rok-${seq}`),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['ok', 'store/conflict']);
      }
      expect(unwrap(await store.listActions(session.id)).map((a) => a.seq)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    } finally {
      if (other !== store) await other.close();
    }
  });

  it('keeps the action log gapless whatever expectedSeq callers send', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 12 }), async (expectedSeqs) => {
        const session = unwrap(await store.createSession({ scenarioId: 's', state: {} }));
        let accepted = 0;
        for (const [i, expected] of expectedSeqs.entries()) {
          const r = await store.appendAction(session.id, expected, { i }, `k${i}`);
          expect(r.ok).toBe(expected === accepted);
          if (r.ok) accepted++;
        }
        const seqs = unwrap(await store.listActions(session.id)).map((a) => a.seq);
        expect(seqs).toEqual(Array.from({ length: accepted }, (_, i) => i + 1));
      }),
      { numRuns: 15 },
    );
  });

  it('updates a session state', async () => {
    const session = unwrap(await store.createSession({ scenarioId: 's', state: { paused: false } }));
    expect(unwrap(await store.updateSessionState(session.id, { paused: true })).state).toEqual({ paused: true });
    expect((await store.updateSessionState('missing', {})).ok).toBe(false);
  });

  // ---- notification ----

  it('delivers a notification to listeners of its channel until they stop listening', async () => {
    const channel = `test_${randomUUID().replaceAll('-', '')}`;
    const heard: string[] = [];
    let wake: () => void = () => undefined;
    const stop = await store.listen(channel, (payload) => {
      heard.push(payload);
      wake();
    });
    await new Promise<void>((done) => {
      wake = done;
      void store.notify(channel, 'document:proposal/us-ask-2019');
    });
    await stop();
    await store.notify(channel, 'after stop');
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual(['document:proposal/us-ask-2019']);
    await expect(store.notify('Bad Channel!', 'x')).rejects.toThrow(RangeError);
  });
}
