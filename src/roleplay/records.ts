// Session rows as the service reads them: parsed once (zod at the boundary), then kept, since a row never changes.
import { parseSessionRecord, recordErrorText, type SessionRecord } from '../io/roleplay-record.js';
import type { Store } from '../store/index.js';

/** A map that forgets its least recently used entry beyond `max`. */
export class Lru<V> {
  readonly #entries = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.#entries.get(key);
  }
  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as string);
  }
}

export interface SessionRecords {
  /** The session's record, or null when there is no such session. */
  get(sessionId: string): Promise<SessionRecord | null>;
  /** The account that created the session (null: no account did), or undefined when there is no such session. */
  owner(sessionId: string): Promise<string | null | undefined>;
  /** Stores a new session's record; an id collision is a bug (ids are random UUIDs). */
  create(sessionId: string, scenarioId: string, record: SessionRecord, ownerId?: string | null): Promise<void>;
}

interface Known {
  readonly record: SessionRecord;
  readonly ownerId: string | null;
}

export function createSessionRecords(store: Store, cached: number): SessionRecords {
  const records = new Lru<Known>(cached);
  const known = async (sessionId: string): Promise<Known | null> => {
    const hit = records.get(sessionId);
    if (hit !== undefined) return hit;
    const row = await store.getSession(sessionId);
    if (!row.ok) return null;
    const parsed = parseSessionRecord(row.value.state);
    // A row the service did not write is a bug or tampering, never a user error.
    if (!parsed.ok) throw new Error(`role-play session ${sessionId}: ${recordErrorText(parsed.error)}`);
    const entry = { record: parsed.value, ownerId: row.value.ownerId };
    records.set(sessionId, entry);
    return entry;
  };
  return {
    get: async (sessionId) => (await known(sessionId))?.record ?? null,
    owner: async (sessionId) => {
      const entry = await known(sessionId);
      return entry === null ? undefined : entry.ownerId;
    },
    async create(sessionId, scenarioId, record, ownerId = null) {
      const created = await store.createSession({ id: sessionId, scenarioId, state: record, ownerId });
      if (!created.ok) throw new Error(`session id collision: ${sessionId}`);
      records.set(sessionId, { record, ownerId });
    },
  };
}
