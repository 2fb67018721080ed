/**
 * Live delivery: every append is announced on the table's channel (and its class's) through `store.notify`. A process
 * listens once per session however many streams follow it; on a notice it brings the table up to date, computes each
 * role's view once and hands it to that role's streams, so redaction applies to pushes exactly as to reads. A class
 * board is built once per change for all of its facilitator's streams, recomputing only the tables that changed.
 * A stream is pushed only a view it has not had: a side is never woken by an entry it may not see.
 */
import { ok } from '../engine/result.js';
import { viewFor, type RolePlaySetup, type RolePlayView, type Role } from '../engine/roleplay/index.js';
import type { Store } from '../store/index.js';
import { classBoard } from './classes.js';
import type { SessionRecords } from './records.js';
import type { TableLog } from './table-log.js';
import type { ClassView, Seat } from './types.js';

/** The store's notification channel of a session (channels are [a-z_][a-z0-9_]*). */
export const sessionChannel = (sessionId: string): string =>
  `roleplay_${sessionId.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 63);

/** What a notice says: which table has an entry at which seq; unreadable ones count as "read the log" (Infinity). */
const announced = (payload: string): { readonly sessionId: string | null; readonly seq: number } => {
  try {
    const { sessionId, seq } = JSON.parse(payload) as { sessionId?: unknown; seq?: unknown };
    return {
      sessionId: typeof sessionId === 'string' ? sessionId : null,
      seq: typeof seq === 'number' ? seq : Infinity,
    };
  } catch {
    return { sessionId: null, seq: Infinity };
  }
};

/** Tells the table's listeners, and its class's, that the table has an entry at `seq`. */
export async function announce(store: Store, setup: RolePlaySetup, sessionId: string, seq: number): Promise<void> {
  const payload = JSON.stringify({ sessionId, seq });
  await store.notify(sessionChannel(sessionId), payload);
  if (setup.table.classId !== null) await store.notify(sessionChannel(setup.table.classId), payload);
}

interface Watcher {
  readonly seat: Seat;
  readonly onView: (view: RolePlayView | ClassView) => void;
  /** The seq of the last table view this stream has (in its role's numbering). */
  lastSeq: number;
}

interface Channel {
  readonly watchers: Set<Watcher>;
  readonly unlisten: Promise<() => Promise<void>>;
  /** A refresh is running; `again` asks for one more after it, however many notices came meanwhile. */
  running: boolean;
  again: boolean;
  /** The highest seq announced per table of this channel (a table channel: its own id). */
  readonly heard: Map<string, number>;
  /** A class channel's facilitator view of each table, kept until that table changes. */
  readonly boardViews: Map<string, RolePlayView>;
}

export interface Live {
  /** Calls `onView` with the seat's fresh view after every change it may see; returns the unsubscribe. */
  watch(seat: Seat, onView: (view: RolePlayView | ClassView) => void): Promise<() => Promise<void>>;
}

export function createLive(store: Store, tableLog: TableLog, records: SessionRecords): Live {
  const channels = new Map<string, Channel>();

  /**
   * The table at least at the seq announced for it: no read when this process already has it (it appended it itself,
   * or nothing was announced since it read it: every change after listening began is announced).
   */
  const tableAtHeard = async (channel: Channel, tableId: string) => {
    const cached = tableLog.cached(tableId);
    const heard = channel.heard.get(tableId);
    return cached !== undefined && (heard === undefined || cached.state.seq >= heard)
      ? ok(cached)
      : tableLog.load(tableId);
  };

  async function tableViews(sessionId: string, channel: Channel, watchers: readonly Watcher[]): Promise<void> {
    // No automatic moves here: the process that appended runs them and announces each.
    const loaded = await tableAtHeard(channel, sessionId);
    if (!loaded.ok) return;
    const { scenario, setup, state } = loaded.value;
    const views = new Map<Role, RolePlayView>();
    for (const w of watchers) {
      if (!channel.watchers.has(w)) continue;
      let v = views.get(w.seat.role);
      if (v === undefined) views.set(w.seat.role, (v = viewFor(scenario, setup, state, w.seat.role)));
      if (v.seq === w.lastSeq) continue;
      w.lastSeq = v.seq;
      w.onView(v);
    }
  }

  /** A class channel's view of one table: the one kept, unless the table was announced past it. */
  const boardView = (channel: Channel) => async (tableId: string) => {
    const kept = channel.boardViews.get(tableId);
    const heard = channel.heard.get(tableId);
    if (kept !== undefined && (heard === undefined || kept.seq >= heard)) return kept;
    const loaded = await tableAtHeard(channel, tableId);
    if (!loaded.ok) return null;
    const v = viewFor(loaded.value.scenario, loaded.value.setup, loaded.value.state, 'facilitator');
    channel.boardViews.set(tableId, v);
    return v;
  };

  async function refresh(sessionId: string, channel: Channel): Promise<void> {
    if (channel.running) {
      channel.again = true;
      return;
    }
    channel.running = true;
    try {
      do {
        channel.again = false;
        const watchers = [...channel.watchers];
        const atTable = watchers.filter((w) => w.seat.kind === 'table');
        if (atTable.length > 0) await tableViews(sessionId, channel, atTable);
        const atClass = watchers.filter((w) => w.seat.kind === 'class');
        if (atClass.length === 0) continue;
        const board = await classBoard(records, sessionId, boardView(channel));
        if (board !== null) for (const w of atClass) if (channel.watchers.has(w)) w.onView(board);
      } while (channel.again);
    } finally {
      channel.running = false;
    }
  }

  return {
    async watch(seat, onView) {
      // A table stream starts from the view it has now, so an entry it may not see never pushes it a repeat.
      const now = seat.kind === 'table' ? await tableLog.load(seat.sessionId) : null;
      const lastSeq =
        now?.ok === true ? viewFor(now.value.scenario, now.value.setup, now.value.state, seat.role).seq : -1;
      const watcher: Watcher = { seat, onView, lastSeq };
      let channel = channels.get(seat.sessionId);
      if (channel === undefined) {
        const created: Channel = {
          watchers: new Set(),
          running: false,
          again: false,
          heard: new Map(),
          boardViews: new Map(),
          unlisten: store.listen(sessionChannel(seat.sessionId), (payload) => {
            const notice = announced(payload);
            if (notice.sessionId === null) {
              // An unreadable notice: read every table of the channel afresh.
              created.boardViews.clear();
              created.heard.set(seat.sessionId, Infinity);
            } else created.heard.set(notice.sessionId, Math.max(created.heard.get(notice.sessionId) ?? 0, notice.seq));
            void refresh(seat.sessionId, created);
          }),
        };
        channels.set(seat.sessionId, (channel = created));
        created.unlisten.catch(() => channels.delete(seat.sessionId));
      }
      const joined = channel;
      joined.watchers.add(watcher);
      await joined.unlisten;
      return async () => {
        if (!joined.watchers.delete(watcher) || joined.watchers.size > 0) return;
        if (channels.get(seat.sessionId) === joined) channels.delete(seat.sessionId);
        const unlisten = await joined.unlisten;
        // A listener connection already gone (the store closing) has stopped listening anyway.
        await unlisten().catch(() => undefined);
      };
    },
  };
}
