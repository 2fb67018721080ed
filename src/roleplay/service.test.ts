import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import type { TestLocation } from '../store/test-support.js';
import { createRolePlayService, digestsEqual, type ClassView, type RolePlayService } from './service.js';
import { ASK, DEAL, backends, scenarios } from './test-support.js';
import type { RolePlayView } from '../engine/roleplay/index.js';

const tableView = (v: RolePlayView | ClassView): RolePlayView => {
  if ('tables' in v) throw new Error('expected a table view');
  return v;
};

for (const backend of backends) {
  describe.skipIf(backend.skip)(`role-play service on ${backend.name}`, () => {
    let location: TestLocation;
    let store: Store;
    let rp: RolePlayService;
    beforeEach(async () => {
      location = await backend.location();
      store = await location.open();
      rp = createRolePlayService({ store, scenarios, newSeed: () => 11 });
    });
    afterEach(async () => {
      await store.close();
      await location.dispose();
    });

    async function table() {
      const t = await rp.createTable('sma-11-talks', { label: 'A' });
      if (!t.ok) throw new Error(t.error.code);
      return t.value;
    }

    it('gives each seat its own 256-bit link token and refuses unknown ones', async () => {
      const t = await table();
      expect(Object.keys(t.tokens).sort()).toEqual(['facilitator', 'rok', 'us']);
      for (const token of Object.values(t.tokens)) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(new Set(Object.values(t.tokens)).size).toBe(3);
      const bad = await rp.view('x'.repeat(43));
      expect(bad.ok ? 'ok' : bad.error.code).toBe('roleplay/unauthorized');
      // Only digests are stored: no token appears in the session rows or anywhere the store returns.
      const row = await store.getSession(t.sessionId);
      const stored = JSON.stringify(row);
      for (const token of Object.values(t.tokens)) expect(stored).not.toContain(token);
    });

    it('compares digests in constant time and refuses a digest of another length', () => {
      const d = 'ab'.repeat(32);
      expect(digestsEqual(d, d)).toBe(true);
      expect(digestsEqual(d, 'ab'.repeat(31) + 'ac')).toBe(false);
      expect(digestsEqual(d, 'ab'.repeat(16))).toBe(false);
      expect(digestsEqual('', '')).toBe(false);
    });

    it('applies exactly one of an accept and a counter-offer sent at the same seq; the other is a conflict', async () => {
      const t = await table();
      const us = t.tokens.us as string;
      const rok = t.tokens.rok as string;
      const opened = await rp.act(us, {
        action: { type: 'offer', outcome: DEAL },
        idempotencyKey: 'u1',
        expectedSeq: 0,
      });
      expect(opened.ok).toBe(true);
      const [accept, counter] = await Promise.all([
        rp.act(rok, { action: { type: 'accept', message: 'Agreed' }, idempotencyKey: 'r-accept', expectedSeq: 1 }),
        rp.act(rok, {
          action: { type: 'offer', outcome: ASK, message: 'No' },
          idempotencyKey: 'r-counter',
          expectedSeq: 1,
        }),
      ]);
      const results = [accept, counter].map((r) => (r.ok ? 'applied' : r.error.code)).sort();
      expect(results).toEqual(['applied', 'roleplay/conflict']);
      const log = await store.listActions(t.sessionId);
      if (!log.ok) throw new Error('log');
      const human = log.value.filter((a) => !a.idempotencyKey.startsWith('auto:'));
      expect(human.map((a) => a.seq)).toEqual([1, 2]);
      // A retry of the applied action with its key returns the original seq and appends nothing.
      const winner = accept.ok
        ? { key: 'r-accept', action: { type: 'accept' as const } }
        : { key: 'r-counter', action: { type: 'offer' as const, outcome: ASK } };
      const retry = await rp.act(rok, { action: winner.action, idempotencyKey: winner.key, expectedSeq: 1 });
      expect(retry.ok && retry.value).toMatchObject({ seq: 2, duplicate: true });
      const again = await store.listActions(t.sessionId);
      expect(again.ok && again.value.length).toBe(log.value.length);
    });

    it('keeps a table cached by one service current with moves another service (process) appends', async () => {
      const t = await table();
      const other = createRolePlayService({ store, scenarios, newSeed: () => 11 });
      const us = t.tokens.us as string;
      const rok = t.tokens.rok as string;
      // This service caches the table at seq 0; the other appends seq 1 behind its back.
      const before = await rp.view(rok);
      expect(before.ok && tableView(before.value).seq).toBe(0);
      expect(
        (await other.act(us, { action: { type: 'offer', outcome: ASK }, idempotencyKey: 'o1', expectedSeq: 0 })).ok,
      ).toBe(true);
      // A client still at seq 0 gets a conflict naming the real head, not a move applied on the stale cache.
      const stale = await rp.act(rok, {
        action: { type: 'offer', outcome: DEAL },
        idempotencyKey: 'r0',
        expectedSeq: 0,
      });
      expect(stale.ok ? 'applied' : stale.error).toEqual({
        code: 'roleplay/conflict',
        details: { expectedSeq: 0, headSeq: 1 },
      });
      // A client that saw seq 1 acts on it, and this service's view then shows both moves.
      const counter = await rp.act(rok, {
        action: { type: 'offer', outcome: DEAL },
        idempotencyKey: 'r1',
        expectedSeq: 1,
      });
      if (!counter.ok) throw new Error(counter.error.code);
      expect(counter.value.view.moves.map((m) => [m.seq, m.side])).toEqual([
        [1, 'us'],
        [2, 'rok'],
      ]);
    });

    it('lets a software agent answer a human move at once', async () => {
      const t = await rp.createTable('sma-11-talks', { agents: { rok: { kind: 'time-dependent', e: 0.2 } } });
      if (!t.ok) throw new Error(t.error.code);
      expect(t.value.tokens.rok).toBeUndefined();
      const r = await rp.act(t.value.tokens.us as string, {
        action: { type: 'offer', outcome: ASK },
        idempotencyKey: 'k',
      });
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.view.moves.map((m) => [m.side, m.byAgent])).toEqual([
        ['us', false],
        ['rok', true],
      ]);
      expect(r.value.view.toMove).toBe('us');
    });

    /** The real deal offered by the US and accepted by the ROK at a table with this seed: the view after the vote. */
    async function dealAtSeed(seed: number) {
      const t = await rp.createTable('sma-11-talks', { label: 'seeded', seed });
      if (!t.ok) throw new Error(t.error.code);
      await rp.act(t.value.tokens.us as string, { action: { type: 'offer', outcome: DEAL }, idempotencyKey: 'a' });
      const r = await rp.act(t.value.tokens.rok as string, { action: { type: 'accept' }, idempotencyKey: 'b' });
      if (!r.ok) throw new Error(r.error.code);
      return r.value.view;
    }

    it('lets a named-level agent answer with its reason in English and Korean', async () => {
      const t = await rp.createTable('sma-11-talks', { agents: { rok: { kind: 'level', level: 'tough' } } });
      if (!t.ok) throw new Error(t.error.code);
      const moved = await rp.act(t.value.tokens.us as string, {
        action: { type: 'offer', outcome: ASK },
        idempotencyKey: 'o1',
      });
      if (!moved.ok) throw new Error(moved.error.code);
      const answer = moved.value.view.moves[1];
      // The ROK opens at its best score with terms its Assembly passes: no increase, the longest term.
      expect([answer?.side, answer?.byAgent, answer?.outcome?.['first-year-change']]).toEqual(['rok', true, 0]);
      expect(answer?.reason?.en).toMatch(/^Tough: we open at 100 % of our score/);
      expect(answer?.reason?.ko).toMatch(/^강경형: 우리 점수 100%에서 시작합니다/);
      // The reason survives a restart: it is in the log, not computed again.
      const fresh = createRolePlayService({ store, scenarios });
      const v = await fresh.view(t.value.tokens.us as string);
      expect(v.ok && tableView(v.value).moves[1]?.reason).toEqual(answer?.reason);
    });

    it("answers a seat's backtable with its own side's figures and changes them when the facilitator releases news", async () => {
      const t = await table();
      const rok = t.tokens.rok as string;
      const first = await rp.backtable(rok, DEAL);
      if (!first.ok) throw new Error(first.error.code);
      expect(Object.values(first.value).map((a) => [a.side, a.date, a.assembly?.assembly])).toEqual([
        ['rok', '2019-09-24', '20th National Assembly'],
      ]);
      // The facilitator releases the election result: the 21st Assembly sits from the table's date; everyone sees it.
      const news = await rp.act(t.tokens.facilitator as string, {
        action: { type: 'news', news: 'assembly-election' },
        idempotencyKey: 'n1',
      });
      expect(news.ok && news.value.view.news.map((n) => n.assembly)).toEqual(['21st National Assembly']);
      const after = await rp.backtable(rok, DEAL);
      expect(after.ok && after.value.rok?.assembly?.assembly).toBe('21st National Assembly');
      const v = await rp.view(t.tokens.us as string);
      expect(v.ok && tableView(v.value).news.map((n) => [n.seq, n.date])).toEqual([[1, '2019-09-24']]);
      // The facilitator sees both sides' answers; a side cannot release news.
      const both = await rp.backtable(t.tokens.facilitator as string, null);
      expect(both.ok && Object.keys(both.value)).toEqual(['us', 'rok']);
      const bySide = await rp.act(rok, { action: { type: 'news', news: 'assembly-election' }, idempotencyKey: 'n2' });
      expect(bySide.ok ? 'released' : bySide.error.code).toBe('roleplay/forbidden');
    });

    it('sends an accepted deal to the Assembly vote before it counts; a table’s seed decides the vote', async () => {
      // +13.9 % passes the 20th Assembly about 83 % of the time. Regression pin: seed 4 draws a passing vote, seed 1 a
      // failing one (seed 1 passed and seed 6 failed before each sitting was drawn from its exact distribution).
      const passed = await dealAtSeed(4);
      expect(passed.votes.map((v) => v.vote.ratified)).toEqual([true]);
      expect(passed.status).toBe('agreed');
      const failed = await dealAtSeed(1);
      expect(failed.votes.map((v) => v.vote.ratified)).toEqual([false]);
      expect(failed.status).toBe('open');
      // The same seed replays the same vote, tally and all.
      expect((await dealAtSeed(1)).votes).toEqual(failed.votes);
    });

    it('resumes a table exactly where it was from the log after a restart', async () => {
      const t = await table();
      await rp.act(t.tokens.us as string, {
        action: { type: 'offer', outcome: ASK, message: 'USD 5 bn' },
        idempotencyKey: 'a',
      });
      await rp.act(t.tokens.rok as string, { action: { type: 'note', text: 'hold at 13 %' }, idempotencyKey: 'b' });
      const before = await rp.view(t.tokens.rok as string);
      await store.close();
      store = await location.open();
      rp = createRolePlayService({ store, scenarios });
      const after = await rp.view(t.tokens.rok as string);
      expect(after).toEqual(before);
      const next = await rp.act(t.tokens.rok as string, {
        action: { type: 'offer', outcome: DEAL },
        idempotencyKey: 'c',
        expectedSeq: 2,
      });
      expect(next.ok && next.value.seq).toBe(3);
    });

    it('runs a class: the facilitator watches every table, pauses one, and gets the class debrief', async () => {
      const c = await rp.createClass('sma-11-talks', 'Seminar', [
        {},
        { agents: { us: { kind: 'time-dependent', e: 1 }, rok: { kind: 'time-dependent', e: 1 } } },
      ]);
      if (!c.ok) throw new Error(c.error.code);
      const f = c.value.facilitatorToken;
      const [human, robots] = c.value.tables;
      expect(human!.tokens.facilitator).toBeUndefined();
      expect(Object.keys(robots!.tokens)).toEqual([]);
      const watch = await rp.view(f);
      if (!watch.ok || !('tables' in watch.value)) throw new Error('class view');
      expect(watch.value.tables.map((v) => v.table.label)).toEqual(['Table 1', 'Table 2']);
      expect(watch.value.tables[1]!.phase).toBe('ended');
      const paused = await rp.act(f, { action: { type: 'pause' }, idempotencyKey: 'p', sessionId: human!.sessionId });
      expect(paused.ok && paused.value.view.phase).toBe('paused');
      const blocked = await rp.act(human!.tokens.us as string, {
        action: { type: 'offer', outcome: ASK },
        idempotencyKey: 'x',
      });
      expect(blocked.ok ? 'ok' : blocked.error.code).toBe('roleplay/paused');
      const d = await rp.debrief(f);
      if (!d.ok || !('overall' in d.value)) throw new Error('class debrief');
      expect(d.value.overall.tables).toBe(2);
      expect(Object.keys(d.value.byPairing).sort()).toEqual(['agent-agent', 'human-human']);
      const sideDebrief = await rp.debrief(human!.tokens.us as string);
      expect(sideDebrief.ok ? 'ok' : sideDebrief.error.code).toBe('roleplay/forbidden');
    });

    it.skipIf(backend.name !== 'PostgreSQL')(
      'delivers a move made through one process to a listener in another',
      async () => {
        // A second store is a second pool and LISTEN connection: what a second server process has.
        const otherStore = await location.open();
        try {
          const otherRp = createRolePlayService({ store: otherStore, scenarios });
          const t = await table();
          const seen: RolePlayView[] = [];
          const sub = await otherRp.subscribe(t.tokens.facilitator as string, (v) => seen.push(tableView(v)));
          if (!sub.ok) throw new Error(sub.error.code);
          await rp.act(t.tokens.us as string, { action: { type: 'offer', outcome: ASK }, idempotencyKey: 'a' });
          for (let i = 0; i < 200 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
          await sub.value();
          expect(seen[0]?.moves.map((m) => m.side)).toEqual(['us']);
        } finally {
          await otherStore.close();
        }
      },
    );

    it("pushes every table's change to the class facilitator's stream", async () => {
      const c = await rp.createClass('sma-11-talks', 'Seminar', [{}, {}]);
      if (!c.ok) throw new Error(c.error.code);
      const seen: ClassView[] = [];
      const sub = await rp.subscribe(c.value.facilitatorToken, (v) => {
        if ('tables' in v) seen.push(v);
      });
      if (!sub.ok) throw new Error(sub.error.code);
      await rp.act(c.value.tables[1]!.tokens.us as string, {
        action: { type: 'offer', outcome: ASK },
        idempotencyKey: 'a',
      });
      for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await sub.value();
      expect(seen[0]?.tables.map((v) => v.moves.length)).toEqual([0, 1]);
    });

    it("numbers a side's view without the other side's private notes, so a note never shows as a gap", async () => {
      const t = await table();
      const us = t.tokens.us as string;
      const rok = t.tokens.rok as string;
      const seen: RolePlayView[] = [];
      const sub = await rp.subscribe(rok, (v) => seen.push(tableView(v)));
      if (!sub.ok) throw new Error(sub.error.code);
      // The log: 1 US note, 2 US note, 3 US offer. The ROK counts only the offer.
      await rp.act(us, { action: { type: 'note', text: 'Hold at 50 %' }, idempotencyKey: 'n1' });
      await rp.act(us, { action: { type: 'note', text: 'Concede on duration' }, idempotencyKey: 'n2' });
      const offered = await rp.act(us, { action: { type: 'offer', outcome: ASK }, idempotencyKey: 'o1' });
      expect(offered.ok && [offered.value.seq, offered.value.view.seq]).toEqual([3, 3]);
      for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await sub.value();
      // Woken once, by the offer, numbered 1: the notes neither pushed a view nor left a gap.
      expect(seen.map((v) => [v.seq, v.moves.map((m) => m.seq)])).toEqual([[1, [1]]]);
      const rokView = await rp.view(rok);
      expect(rokView.ok && tableView(rokView.value).seq).toBe(1);
      // The ROK decides on its seq 1 and acts on it; its move is its seq 2 (the log's 4).
      const counter = await rp.act(rok, {
        action: { type: 'offer', outcome: DEAL },
        idempotencyKey: 'r1',
        expectedSeq: 1,
      });
      expect(counter.ok && [counter.value.seq, counter.value.view.moves.map((m) => m.seq)]).toEqual([2, [1, 2]]);
      const stale = await rp.act(rok, { action: { type: 'accept' }, idempotencyKey: 'r2', expectedSeq: 1 });
      expect(stale.ok ? 'applied' : stale.error).toEqual({
        code: 'roleplay/conflict',
        details: { expectedSeq: 1, headSeq: 2 },
      });
      // The US and the facilitator count every entry they see: the US its notes, the facilitator the whole log.
      const usView = await rp.view(us);
      expect(
        usView.ok && [tableView(usView.value).seq, tableView(usView.value).private.us?.notes.map((n) => n.seq)],
      ).toEqual([4, [1, 2]]);
      const fac = await rp.view(t.tokens.facilitator as string);
      expect(fac.ok && tableView(fac.value).moves.map((m) => m.seq)).toEqual([3, 4]);
    });

    it('builds a class board once per change however many facilitator streams watch it', async () => {
      const c = await rp.createClass('sma-11-talks', 'Seminar', [{}, {}, {}]);
      if (!c.ok) throw new Error(c.error.code);
      // The service under test counts its reads of table logs; another service (process) makes the move.
      let reads = 0;
      const counting = new Proxy(store, {
        get: (target, name, receiver) =>
          name === 'listActions'
            ? (...args: Parameters<Store['listActions']>) => {
                reads++;
                return target.listActions(...args);
              }
            : Reflect.get(target, name, receiver),
      });
      const watched = createRolePlayService({ store: counting, scenarios, newSeed: () => 11 });
      const boards: ClassView[][] = Array.from({ length: 10 }, () => []);
      const subs = await Promise.all(
        boards.map((seen) =>
          watched.subscribe(c.value.facilitatorToken, (v) => {
            if ('tables' in v) seen.push(v);
          }),
        ),
      );
      const first = await watched.view(c.value.facilitatorToken);
      expect(first.ok).toBe(true);
      reads = 0;
      await rp.act(c.value.tables[2]!.tokens.us as string, {
        action: { type: 'offer', outcome: ASK },
        idempotencyKey: 'a',
      });
      for (let i = 0; i < 200 && boards.some((b) => b.length === 0); i++) await new Promise((r) => setTimeout(r, 20));
      for (const sub of subs) if (sub.ok) await sub.value();
      // Ten streams got the board with the move, and only the table that moved was read, once (before: 10 × 3).
      expect(boards.map((b) => b[0]?.tables.map((v) => v.moves.length))).toEqual(
        Array.from({ length: 10 }, () => [0, 0, 1]),
      );
      expect(reads).toBe(1);
      // They are one board, not ten copies built alike.
      expect(new Set(boards.map((b) => b[0])).size).toBe(1);
    });

    it('refuses a session row it did not write, naming the field', async () => {
      const t = await table();
      const row = await store.getSession(t.sessionId);
      if (!row.ok) throw new Error(row.error.code);
      const state = row.value.state as { setup: Record<string, unknown> };
      await store.updateSessionState(t.sessionId, { ...state, setup: { ...state.setup, seed: 'eleven' } });
      const fresh = createRolePlayService({ store, scenarios });
      await expect(fresh.view(t.tokens.us as string)).rejects.toThrow(
        `role-play session ${t.sessionId}: session record: setup.seed expected a number, found "eleven"`,
      );
    });

    it('pushes the new view to a listening side when the other side moves', async () => {
      const t = await table();
      const seen: RolePlayView[] = [];
      const sub = await rp.subscribe(t.tokens.rok as string, (v) => seen.push(tableView(v)));
      if (!sub.ok) throw new Error(sub.error.code);
      await rp.act(t.tokens.us as string, { action: { type: 'offer', outcome: ASK }, idempotencyKey: 'a' });
      for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await sub.value();
      expect(seen[0]?.role).toBe('rok');
      expect(seen[0]?.moves).toHaveLength(1);
      expect(Object.keys(seen[0]!.private)).toEqual(['rok']);
    });
  });
}
