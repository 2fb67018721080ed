// Issue 6: SIGKILL the real server while 50 role-play tables exchange offers; after a restart every acknowledged
// action is in its table's log, in order, once, and play resumes.
import { describe, expect, it } from 'vitest';
import type { Side } from '../../src/engine/roleplay/index.js';
import { testBackends } from '../../src/store/test-support.js';
import type { SessionAction } from '../../src/store/index.js';
import { KillMidLoad, inParallel, requestJson, type JsonResponse } from '../support/crash-load.js';
import { serverStorage, startServerProcess } from '../support/server-process.js';

const TABLES = 50;
// The scenario's deadline is 30 moves; stopping at 20 leaves room for the moves made after the restart.
const MAX_MOVES = 20;
// About three moves per table acknowledged, the other tables' moves in flight when the kill is sent.
const KILL_AFTER_ACKS = 150;
const escalationIndices = ['none', 'rok-cpi', 'rok-defense-budget-growth'] as const;

interface Table {
  readonly index: number;
  readonly sessionId: string;
  readonly tokens: Readonly<Record<Side, string>>;
}

interface Move {
  readonly move: number;
  readonly side: Side;
  readonly key: string;
  readonly body: { readonly action: OfferAction; readonly expectedSeq: number };
}

interface OfferAction {
  readonly type: 'offer';
  readonly outcome: Readonly<Record<string, number | string>>;
  readonly message: string;
}

/** The US opens; sides alternate. Each move's offer and key are unique to its table and move. */
function moveOf(table: number, move: number): Move {
  const side: Side = move % 2 === 0 ? 'us' : 'rok';
  const outcome = {
    'first-year-change': (table * 25 + move + 1) / 1000,
    duration: 1 + (move % 6),
    'escalation-index': escalationIndices[move % 3] as string,
    'escalation-rate': 0.1,
  };
  return {
    move,
    side,
    key: `table-${table}-move-${move}`,
    body: { action: { type: 'offer', outcome, message: `table ${table} move ${move}` }, expectedSeq: move },
  };
}

const act = (url: string, table: Table, m: Move) =>
  requestJson(`${url}/api/roleplay/me/actions`, 'POST', m.body, {
    authorization: `Bearer ${table.tokens[m.side]}`,
    'idempotency-key': m.key,
  });

const isApplied = (r: JsonResponse) => r.status === 200 || r.status === 201;
const seqOf = (r: JsonResponse | undefined) => (r?.body as { seq?: number } | null)?.seq;

for (const backend of testBackends) {
  describe.skipIf(backend.skip)(`role-play survives a SIGKILL of the server on ${backend.name}`, () => {
    it(
      'keeps every acknowledged action of 50 tables in order, once, and resumes play after a restart',
      { timeout: 120_000 },
      async () => {
        const location = await backend.location();
        const storage = serverStorage(location.options);
        const first = await startServerProcess({ storage });
        const startMs = [first.startMs];
        try {
          const created = await inParallel(
            Array.from({ length: TABLES }, (_, i) => i),
            8,
            async (index): Promise<Table> => {
              const res = await requestJson(`${first.url}/api/roleplay/sessions`, 'POST', {
                scenarioId: 'sma-11-talks',
                label: `Table ${index}`,
              });
              expect(res?.status).toBe(201);
              const body = res?.body as { sessionId: string; tokens: Record<Side, string> };
              return { index, sessionId: body.sessionId, tokens: body.tokens };
            },
          );

          const load = new KillMidLoad(first, KILL_AFTER_ACKS);
          const acknowledged = new Map<number, { readonly move: Move; readonly seq: number }[]>();
          const unanswered = new Map<number, Move>();
          /** One table: its two seats alternate offers; every fourth move is sent twice at once, as a client retry. */
          const play = async (table: Table) => {
            const acks: { move: Move; seq: number }[] = [];
            acknowledged.set(table.index, acks);
            for (let move = 0; move < MAX_MOVES && !load.stopped; move++) {
              const m = moveOf(table.index, move);
              const copies = move % 4 === 3 ? 2 : 1;
              const answers = await Promise.all(
                Array.from({ length: copies }, () =>
                  load.send(
                    () => act(first.url, table, m),
                    () => false,
                  ),
                ),
              );
              const applied = answers.filter((r): r is JsonResponse => r !== undefined && isApplied(r));
              for (const r of answers) if (r !== undefined) expect(isApplied(r), JSON.stringify(r.body)).toBe(true);
              if (applied.length === 0) {
                unanswered.set(table.index, m);
                return;
              }
              // Copies of one move are one action: the same seq, whichever copy applied it.
              expect(new Set(applied.map(seqOf))).toEqual(new Set([move + 1]));
              acks.push({ move: m, seq: move + 1 });
              load.acknowledged();
              if (applied.length < copies) return; // the kill cut the other copy
            }
          };
          const report = await load.finish(created.map(play));
          expect(report.inFlightAtKill).toBeGreaterThan(0);
          const ackCount = [...acknowledged.values()].reduce((n, acks) => n + acks.length, 0);
          expect(ackCount).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

          const second = await startServerProcess({ storage });
          startMs.push(second.startMs);
          const store = await location.open();
          try {
            const logs = async () =>
              new Map(
                await Promise.all(
                  created.map(async (t) => {
                    const log = await store.listActions(t.sessionId);
                    if (!log.ok) throw new Error(`no log for table ${t.index}`);
                    return [t.index, log.value] as const;
                  }),
                ),
              );
            const expectedEntry = (m: Move) => ({
              seq: m.move + 1,
              idempotencyKey: `${m.side}:${m.key}`,
              action: { actor: m.side, action: { ...m.body.action, side: m.side } },
            });
            const entryOf = (a: SessionAction) => ({ seq: a.seq, idempotencyKey: a.idempotencyKey, action: a.action });

            const afterCrash = await logs();
            let unacknowledgedButStored = 0;
            for (const table of created) {
              const log = afterCrash.get(table.index) ?? [];
              const acks = acknowledged.get(table.index) ?? [];
              // The log is moves 0, 1, 2, … in order, each once: every acknowledged one, then at most the one in flight.
              expect(log.map(entryOf)).toEqual(log.map((_, i) => expectedEntry(moveOf(table.index, i))));
              expect(log.length - acks.length).toBeGreaterThanOrEqual(0);
              expect(log.length - acks.length).toBeLessThanOrEqual(1);
              for (const ack of acks) expect(log[ack.seq - 1]?.idempotencyKey).toBe(`${ack.move.side}:${ack.move.key}`);
              unacknowledgedButStored += log.length - acks.length;
            }

            // One acknowledged action sent again with its key after the restart: answered with its seq, not applied.
            const [table0] = created;
            const ack0 = acknowledged.get(0)?.at(-1);
            if (table0 === undefined || ack0 === undefined) throw new Error('table 0 had no acknowledged move');
            const replay = await act(second.url, table0, ack0.move);
            expect([replay?.status, seqOf(replay), (replay?.body as { duplicate: boolean }).duplicate]).toEqual([
              200,
              ack0.seq,
              true,
            ]);

            // Clients retry their unanswered move with its key: applied now or found applied, never twice.
            for (const [index, m] of unanswered) {
              const table = created[index] as Table;
              const retried = await act(second.url, table, m);
              expect([retried?.status, seqOf(retried)]).toEqual([
                (afterCrash.get(index)?.length ?? 0) > m.move ? 200 : 201,
                m.move + 1,
              ]);
            }
            // Play resumes on every table from its rebuilt state: the side to move makes the next offer.
            const afterRetries = await logs();
            await inParallel(created, 8, async (table) => {
              const head = afterRetries.get(table.index)?.length ?? 0;
              const next = moveOf(table.index, head);
              const res = await act(second.url, table, next);
              expect([res?.status, seqOf(res)]).toEqual([201, head + 1]);
              expect((res?.body as { view: { toMove: Side } }).view.toMove).toBe(next.side === 'us' ? 'rok' : 'us');
            });
            const final = await logs();
            for (const table of created) {
              const log = final.get(table.index) ?? [];
              expect(log.map(entryOf)).toEqual(log.map((_, i) => expectedEntry(moveOf(table.index, i))));
              expect(log.length).toBe((afterRetries.get(table.index)?.length ?? 0) + 1);
            }
            console.info(
              `role-play on ${backend.name}: ${TABLES} tables, ${ackCount} moves acknowledged (kill sent after ` +
                `${report.acknowledgedAtKill}, ${report.loadMs} ms into the load, ${report.inFlightAtKill} requests ` +
                `in flight); ${unacknowledgedButStored} unanswered moves were stored; ${unanswered.size} retried ` +
                `after the restart; server start ${startMs.join(' ms, ')} ms`,
            );
          } finally {
            await store.close();
            await second.close();
          }
        } finally {
          await first.kill();
          await location.dispose();
        }
      },
    );
  });
}
