// Picks and opens a backend: PostgreSQL when a database URL is given, otherwise embedded SQLite in a data directory.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { createKyselyStore } from './kysely-store.js';
import type { Notifier, WriteSync } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';
import type { Clock, Store } from './types.js';

export interface OpenStoreOptions {
  /** A `postgres://` URL; takes precedence over everything else. */
  readonly databaseUrl?: string;
  /** SQLite data directory; chosen over `DATABASE_URL` when given explicitly. */
  readonly dataDir?: string;
  /** Defaults to `process.env` (`DATABASE_URL`, `SMA_DATA_DIR`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: Clock;
}

export const defaultDataDir = './.sma-data';
export const sqliteFileName = 'sma.sqlite';

/** Which backend `openStore` would use for these options, without opening anything. */
export function resolveBackend(
  options: OpenStoreOptions = {},
):
  | { readonly backend: 'postgres'; readonly databaseUrl: string }
  | { readonly backend: 'sqlite'; readonly file: string } {
  const env = options.env ?? process.env;
  // Explicit options beat the environment, so a caller asking for a data directory never lands on a server.
  const databaseUrl =
    options.databaseUrl ?? (options.dataDir === undefined ? nonEmpty(env['DATABASE_URL']) : undefined);
  if (databaseUrl !== undefined) return { backend: 'postgres', databaseUrl };
  const dataDir = options.dataDir ?? nonEmpty(env['SMA_DATA_DIR']) ?? defaultDataDir;
  return { backend: 'sqlite', file: join(resolve(dataDir), sqliteFileName) };
}

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === '' ? undefined : s);

const channelPattern = /^[a-z_][a-z0-9_]{0,62}$/;
const checkChannel = (channel: string): void => {
  if (!channelPattern.test(channel)) throw new RangeError(`store: channel must match ${channelPattern}: ${channel}`);
};
// PostgreSQL's NOTIFY payload limit; applied on both backends so code that works on SQLite works on a server.
const maxPayloadBytes = 7999;
const checkPayload = (payload: string): void => {
  if (Buffer.byteLength(payload, 'utf8') > maxPayloadBytes) {
    throw new RangeError(`store: notification payload over ${maxPayloadBytes} bytes`);
  }
};

function inProcessNotifier(): Notifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async notify(channel, payload) {
      checkChannel(channel);
      checkPayload(payload);
      // Delivered asynchronously, as PostgreSQL would, so listeners never run inside the writer's call.
      setImmediate(() => emitter.emit(channel, payload));
    },
    async listen(channel, onNotification) {
      checkChannel(channel);
      const handler = (payload: string) => onNotification(payload);
      emitter.on(channel, handler);
      return async () => {
        emitter.off(channel, handler);
      };
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

function postgresNotifier(pool: pg.Pool, databaseUrl: string, reconnectDelayMs = 250): Notifier {
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let closed = false;
  // LISTEN needs one connection held for the store's lifetime; pooled connections come and go.
  let client: Promise<pg.Client> | undefined;
  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', (n) => {
      for (const cb of listeners.get(n.channel) ?? []) cb(n.payload ?? '');
    });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      client = undefined;
      // Reconnect and LISTEN again; notifications sent while disconnected are lost, as with any NOTIFY.
      if (!closed && listeners.size > 0) setTimeout(reconnect, reconnectDelayMs).unref();
    };
    c.on('error', onLost);
    c.on('end', onLost);
    await c.connect();
    for (const channel of listeners.keys()) await c.query(`listen "${channel}"`);
    return c;
  };
  const listenerClient = (): Promise<pg.Client> => {
    client ??= connect().catch((e: unknown) => {
      client = undefined;
      throw e;
    });
    return client;
  };
  const reconnect = (): void => {
    if (closed) return;
    listenerClient().catch(() => setTimeout(reconnect, reconnectDelayMs).unref());
  };
  return {
    async notify(channel, payload) {
      checkChannel(channel);
      checkPayload(payload);
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, onNotification) {
      checkChannel(channel);
      const c = await listenerClient();
      let set = listeners.get(channel);
      if (set === undefined) {
        set = new Set();
        listeners.set(channel, set);
        await c.query(`listen "${channel}"`);
      }
      set.add(onNotification);
      return async () => {
        const current = listeners.get(channel);
        if (current === undefined || !current.delete(onNotification) || current.size > 0) return;
        listeners.delete(channel);
        if (client !== undefined) await (await client).query(`unlisten "${channel}"`);
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      const c = client;
      client = undefined;
      if (c !== undefined) await (await c).end();
    },
  };
}

/**
 * Flushes the SQLite WAL to disk in libuv's thread pool, so a commit's fsync never blocks the event loop. Writers that
 * arrive while a flush runs share the next one (group commit): one fsync covers every commit made before it starts.
 */
export function walSync(databaseFile: string): WriteSync & { close(): Promise<void> } {
  let handle: Promise<FileHandle> | undefined;
  let running: Promise<void> | null = null;
  let waiting: Promise<void> | null = null;
  const openWal = async (): Promise<FileHandle> => {
    const wal = await open(`${databaseFile}-wal`, 'r+');
    // The WAL's directory entry is made durable once, as SQLite itself does when it creates the file.
    const dir = await open(resolve(databaseFile, '..'), 'r');
    await dir.sync().finally(() => dir.close());
    return wal;
  };
  const start = (): Promise<void> => {
    const flush: Promise<void> = (async () => {
      handle ??= openWal().catch((e: unknown) => {
        handle = undefined;
        throw e;
      });
      await (await handle).datasync();
    })().finally(() => {
      if (running === flush) running = null;
    });
    running = flush;
    return flush;
  };
  return {
    synced(): Promise<void> {
      if (waiting !== null) return waiting;
      if (running === null) return start();
      // The flush under way may have started before this commit: the next one covers it.
      const next = running
        .catch(() => undefined)
        .then(() => {
          waiting = null;
          return start();
        });
      waiting = next;
      return next;
    },
    async close() {
      await Promise.allSettled([running, waiting]);
      const h = handle;
      handle = undefined;
      if (h !== undefined) await (await h).close();
    },
  };
}

/**
 * Opens the store and runs pending migrations.
 *
 * @example
 * const store = await openStore();                                     // SQLite in ./.sma-data (or $SMA_DATA_DIR)
 * const shared = await openStore({ databaseUrl: process.env.DATABASE_URL }); // PostgreSQL
 * const saved = await store.saveDocument({ kind: 'proposal', name: '13 % deal', body: { rules: [] } });
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const target = resolveBackend(options);
  if (target.backend === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.databaseUrl });
    // An idle pooled connection that dies (server restart) is discarded by the pool; unhandled, it would crash us.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrateToLatest(db, 'postgres');
    } catch (e) {
      await db.destroy();
      throw e;
    }
    return createKyselyStore(db, 'postgres', postgresNotifier(pool, target.databaseUrl), now);
  }
  mkdirSync(resolve(target.file, '..'), { recursive: true });
  const connection = new BetterSqlite3(target.file);
  connection.pragma('journal_mode = WAL');
  // NORMAL: SQLite does not fsync at commit; walSync does, off the event loop, before a write is acknowledged, so an
  // acknowledged write survives a power cut (as with FULL) while other requests go on being served.
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  try {
    await migrateToLatest(db, 'sqlite');
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return createKyselyStore(db, 'sqlite', inProcessNotifier(), now, walSync(target.file));
}
