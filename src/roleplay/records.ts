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
  /** Stores a new session's record; an id collision is a bug (ids are random UUIDs). */
  create(sessionId: string, scenarioId: string, record: SessionRecord): Promise<void>;
}

export function createSessionRecords(store: Store, cached: number): SessionRecords {
  const records = new Lru<SessionRecord>(cached);
  return {
    async get(sessionId) {
      const known = records.get(sessionId);
      if (known !== undefined) return known;
      const row = await store.getSession(sessionId);
      if (!row.ok) return null;
      const parsed = parseSessionRecord(row.value.state);
      // A row the service did not write is a bug or tampering, never a user error.
      if (!parsed.ok) throw new Error(`role-play session ${sessionId}: ${recordErrorText(parsed.error)}`);
      records.set(sessionId, parsed.value);
      return parsed.value;
    },
    async create(sessionId, scenarioId, record) {
      const created = await store.createSession({ id: sessionId, scenarioId, state: record });
      if (!created.ok) throw new Error(`session id collision: ${sessionId}`);
      records.set(sessionId, record);
    },
  };
}
