// The one query layer: every Store operation written once against Kysely, for both backends.
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import { err, ok } from '../engine/result.js';
import type { Result } from '../engine/result.js';
import type { ActionRow, Database, DocumentRow, DocumentVersionRow, RunRow, SessionRow } from './schema.js';
import type {
  AppendedAction,
  Backend,
  Clock,
  Conflict,
  DocumentKind,
  DocumentVersion,
  Duplicate,
  MonteCarloRun,
  NotFound,
  Participant,
  ParticipantRole,
  RolePlaySession,
  RunStatus,
  SessionAction,
  Store,
  StoreEntity,
  StoredDocument,
  User,
  UserRole,
} from './types.js';

/** Cross-process (PostgreSQL) or in-process (SQLite) change notification. */
export interface Notifier {
  notify(channel: string, payload: string): Promise<void>;
  listen(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Makes acknowledged writes durable before they are returned (SQLite's WAL flushed off the event loop). */
export interface WriteSync {
  /** Resolves once every commit made before the call is on disk. */
  synced(): Promise<void>;
  close(): Promise<void>;
}

const notFound = (entity: StoreEntity, id: string): NotFound => ({ code: 'store/not_found', details: { entity, id } });
const duplicate = (entity: StoreEntity, id: string): Duplicate => ({
  code: 'store/duplicate',
  details: { entity, id },
});
const conflict = (entity: StoreEntity, id: string, expected: number | string, actual: number | string): Conflict => ({
  code: 'store/conflict',
  details: { entity, id, expected, actual },
});

/** PostgreSQL 23505 or SQLite's primary-key/unique constraint failures. */
const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const terminal: ReadonlySet<RunStatus> = new Set(['done', 'failed', 'cancelled']);
const allowedNext: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  queued: ['queued', 'running', 'failed', 'cancelled'],
  running: ['running', 'done', 'failed', 'cancelled'],
  done: [],
  failed: [],
  cancelled: [],
};

export function createKyselyStore(
  db: Kysely<Database>,
  backend: Backend,
  notifier: Notifier,
  now: Clock,
  writeSync?: WriteSync,
): Store {
  // SQLite returns text for JSON and timestamps; pg parses jsonb and returns timestamptz as Date.
  const readJson = (v: unknown): unknown => (backend === 'sqlite' ? JSON.parse(v as string) : v);
  const readJsonOrNull = (v: unknown): unknown => (v === null ? null : readJson(v));
  const readTime = (v: string | Date): string => (v instanceof Date ? v.toISOString() : v);
  const readTimeOrNull = (v: string | Date | null): string | null => (v === null ? null : readTime(v));
  const writeJson = (v: unknown): string => {
    const text = JSON.stringify(v);
    if (text === undefined) throw new TypeError('store: value is not JSON-serialisable');
    return text;
  };
  const stamp = (): string => now().toISOString();

  /** A write transaction; on SQLite BEGIN IMMEDIATE takes the write lock up front so a read-then-write cannot go stale. */
  const writeTransaction = async <T>(work: (tx: Kysely<Database>) => Promise<T>): Promise<T> => {
    if (backend === 'postgres') return db.transaction().execute(work);
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await work(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (e) {
        await sql`rollback`.execute(conn);
        throw e;
      }
    });
  };

  const toDocument = (r: Selectable<DocumentRow>): StoredDocument => ({
    kind: r.kind as DocumentKind,
    id: r.id,
    name: r.name,
    body: readJson(r.body),
    version: r.version,
    createdAt: readTime(r.created_at),
    updatedAt: readTime(r.updated_at),
    ownerId: r.owner_id,
  });
  const toUser = (r: { id: string; name: string; role: string; created_at: string | Date }): User => ({
    id: r.id,
    name: r.name,
    role: r.role as UserRole,
    createdAt: readTime(r.created_at),
  });
  const toVersion = (r: Selectable<DocumentVersionRow>): DocumentVersion => ({
    kind: r.kind as DocumentKind,
    id: r.id,
    version: r.version,
    name: r.name,
    body: readJson(r.body),
    savedAt: readTime(r.saved_at),
  });
  const toRun = (r: Selectable<RunRow>): MonteCarloRun => ({
    id: r.id,
    clientId: r.client_id,
    ownerId: r.owner_id,
    inputs: readJson(r.inputs),
    seed: Number(r.seed),
    status: r.status as RunStatus,
    progress: r.progress,
    summary: readJsonOrNull(r.summary),
    error: r.error,
    createdAt: readTime(r.created_at),
    startedAt: readTimeOrNull(r.started_at),
    finishedAt: readTimeOrNull(r.finished_at),
    updatedAt: readTime(r.updated_at),
  });
  const toSession = (r: Selectable<SessionRow>): RolePlaySession => ({
    id: r.id,
    scenarioId: r.scenario_id,
    ownerId: r.owner_id,
    state: readJson(r.state),
    headSeq: r.head_seq,
    createdAt: readTime(r.created_at),
    updatedAt: readTime(r.updated_at),
  });
  const toAction = (r: Selectable<ActionRow>): SessionAction => ({
    sessionId: r.session_id,
    seq: r.seq,
    idempotencyKey: r.idempotency_key,
    action: readJson(r.action),
    createdAt: readTime(r.created_at),
  });
  const toParticipant = (r: {
    id: string;
    session_id: string;
    role: string;
    created_at: string | Date;
  }): Participant => ({
    id: r.id,
    sessionId: r.session_id,
    role: r.role as ParticipantRole,
    createdAt: readTime(r.created_at),
  });

  const findAction = async (q: Kysely<Database>, sessionId: string, idempotencyKey: string) =>
    q
      .selectFrom('session_actions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();

  const store: Store = {
    backend,

    async saveDocument(input) {
      const id = input.id ?? randomUUID();
      const body = writeJson(input.body);
      const at = stamp();
      const save = () =>
        writeTransaction(async (tx): Promise<Result<StoredDocument, NotFound | Conflict>> => {
          const current = await tx
            .selectFrom('documents')
            .select(['version', 'deleted_at'])
            .where('kind', '=', input.kind)
            .where('id', '=', id)
            .executeTakeFirst();
          const live = current !== undefined && current.deleted_at === null;
          if (input.expectedVersion !== undefined) {
            const actual = live ? current.version : 0;
            if (actual !== input.expectedVersion) return err(conflict('document', id, input.expectedVersion, actual));
          }
          const version = (current?.version ?? 0) + 1;
          if (current === undefined) {
            await tx
              .insertInto('documents')
              .values({
                kind: input.kind,
                id,
                name: input.name,
                body,
                version,
                created_at: at,
                updated_at: at,
                owner_id: input.ownerId ?? null,
              })
              .execute();
          } else {
            const update = tx
              .updateTable('documents')
              .set({ name: input.name, body, version, updated_at: at, deleted_at: null })
              .where('kind', '=', input.kind)
              .where('id', '=', id)
              .where('version', '=', current.version);
            // A revived (previously deleted) document starts a new life: its creation time is now.
            await (live ? update : update.set({ created_at: at })).execute();
          }
          // The (kind, id, version) key also rejects a concurrent save that read the same version.
          await tx
            .insertInto('document_versions')
            .values({ kind: input.kind, id, version, name: input.name, body, saved_at: at })
            .execute();
          if (input.keepVersions !== undefined) {
            await tx
              .deleteFrom('document_versions')
              .where('kind', '=', input.kind)
              .where('id', '=', id)
              .where('version', '<=', version - input.keepVersions)
              .execute();
          }
          const row = await tx
            .selectFrom('documents')
            .selectAll()
            .where('kind', '=', input.kind)
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          return ok(toDocument(row));
        });
      for (let attempt = 1; ; attempt++) {
        try {
          return await save();
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
          // Last write wins: a concurrent save took the version we read, so save again on top of it.
          if (input.expectedVersion === undefined && attempt < 5) continue;
          const latest = await store.getDocument(input.kind, id);
          return err(conflict('document', id, input.expectedVersion ?? 'latest', latest.ok ? latest.value.version : 0));
        }
      }
    },

    async getDocument(kind, id) {
      const row = await db
        .selectFrom('documents')
        .selectAll()
        .where('kind', '=', kind)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return row === undefined ? err(notFound('document', `${kind}/${id}`)) : ok(toDocument(row));
    },

    async listDocuments(kind) {
      let q = db.selectFrom('documents').selectAll().where('deleted_at', 'is', null);
      if (kind !== undefined) q = q.where('kind', '=', kind);
      const rows = await q.orderBy('updated_at', 'desc').orderBy('kind').orderBy('id').execute();
      return rows.map(toDocument);
    },

    async documentHistory(kind, id, page = {}) {
      let q = db
        .selectFrom('document_versions')
        .selectAll()
        .where('kind', '=', kind)
        .where('id', '=', id)
        .where('version', '>', page.afterVersion ?? 0)
        .orderBy('version');
      if (page.limit !== undefined) q = q.limit(page.limit);
      const rows = await q.execute();
      if (rows.length > 0) return ok(rows.map(toVersion));
      // An empty page of a document that has a history is a page, not a missing document.
      const known = await db
        .selectFrom('document_versions')
        .select('version')
        .where('kind', '=', kind)
        .where('id', '=', id)
        .limit(1)
        .executeTakeFirst();
      return known === undefined ? err(notFound('document', `${kind}/${id}`)) : ok([]);
    },

    async purgeDocument(kind, id) {
      return writeTransaction(async (tx): Promise<Result<{ readonly versions: number }, NotFound>> => {
        const versions = await tx
          .deleteFrom('document_versions')
          .where('kind', '=', kind)
          .where('id', '=', id)
          .executeTakeFirst();
        const documents = await tx
          .deleteFrom('documents')
          .where('kind', '=', kind)
          .where('id', '=', id)
          .executeTakeFirst();
        const removed = Number(versions.numDeletedRows);
        if (removed === 0 && Number(documents.numDeletedRows) === 0) return err(notFound('document', `${kind}/${id}`));
        return ok({ versions: removed });
      });
    },

    async deleteDocument(kind, id) {
      const row = await db
        .updateTable('documents')
        .set({ deleted_at: stamp() })
        .where('kind', '=', kind)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .returning('version')
        .executeTakeFirst();
      return row === undefined ? err(notFound('document', `${kind}/${id}`)) : ok({ version: row.version });
    },

    async createRun(input) {
      if (!Number.isSafeInteger(input.seed)) throw new RangeError(`store: seed must be a safe integer: ${input.seed}`);
      const id = input.id ?? randomUUID();
      const at = stamp();
      try {
        const row = await db
          .insertInto('runs')
          .values({
            id,
            client_id: input.clientId,
            owner_id: input.ownerId ?? null,
            inputs: writeJson(input.inputs),
            seed: input.seed,
            status: 'queued',
            progress: 0,
            summary: null,
            error: null,
            created_at: at,
            started_at: null,
            finished_at: null,
            updated_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return ok(toRun(row));
      } catch (e) {
        if (isUniqueViolation(e)) return err(duplicate('run', id));
        throw e;
      }
    },

    async getRun(id) {
      const row = await db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? err(notFound('run', id)) : ok(toRun(row));
    },

    async listRuns(filter = {}) {
      let q = db.selectFrom('runs').selectAll();
      if (filter.clientId !== undefined) q = q.where('client_id', '=', filter.clientId);
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      if (filter.ownerId !== undefined) q = q.where('owner_id', '=', filter.ownerId);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toRun);
    },

    async updateRun(id, update) {
      if (update.progress !== undefined && !(update.progress >= 0 && update.progress <= 1)) {
        throw new RangeError(`store: progress must be in [0, 1]: ${update.progress}`);
      }
      return writeTransaction(async (tx): Promise<Result<MonteCarloRun, NotFound | Conflict>> => {
        const current = await tx.selectFrom('runs').select('status').where('id', '=', id).executeTakeFirst();
        if (current === undefined) return err(notFound('run', id));
        const from = current.status as RunStatus;
        const to = update.status ?? from;
        if (!allowedNext[from].includes(to)) return err(conflict('run', id, from, to));
        const at = stamp();
        const row = await tx
          .updateTable('runs')
          .set({
            status: to,
            updated_at: at,
            ...(update.progress !== undefined ? { progress: update.progress } : {}),
            ...(to === 'done' ? { progress: 1 } : {}),
            ...(update.summary !== undefined ? { summary: writeJson(update.summary) } : {}),
            ...(update.error !== undefined ? { error: update.error } : {}),
            ...(from === 'queued' && to === 'running' ? { started_at: at } : {}),
            ...(terminal.has(to) ? { finished_at: at } : {}),
          })
          .where('id', '=', id)
          // Re-checking the status makes a concurrent transition lose cleanly instead of overwriting.
          .where('status', '=', from)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) return err(conflict('run', id, from, 'changed concurrently'));
        return ok(toRun(row));
      });
    },

    async createSession(input) {
      const id = input.id ?? randomUUID();
      const at = stamp();
      try {
        const row = await db
          .insertInto('sessions')
          .values({
            id,
            scenario_id: input.scenarioId,
            owner_id: input.ownerId ?? null,
            state: writeJson(input.state),
            head_seq: 0,
            created_at: at,
            updated_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return ok(toSession(row));
      } catch (e) {
        if (isUniqueViolation(e)) return err(duplicate('session', id));
        throw e;
      }
    },

    async getSession(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? err(notFound('session', id)) : ok(toSession(row));
    },

    async listSessions(filter = {}) {
      let q = db.selectFrom('sessions').selectAll();
      if (filter.ownerId !== undefined) q = q.where('owner_id', '=', filter.ownerId);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toSession);
    },

    async updateSessionState(id, state) {
      const row = await db
        .updateTable('sessions')
        .set({ state: writeJson(state), updated_at: stamp() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? err(notFound('session', id)) : ok(toSession(row));
    },

    async addParticipant(sessionId, input) {
      const session = await store.getSession(sessionId);
      if (!session.ok) return session;
      const id = randomUUID();
      try {
        const row = await db
          .insertInto('participants')
          .values({
            id,
            session_id: sessionId,
            role: input.role,
            token_hash: hashToken(input.token),
            created_at: stamp(),
          })
          .returning(['id', 'session_id', 'role', 'created_at'])
          .executeTakeFirstOrThrow();
        return ok(toParticipant(row));
      } catch (e) {
        // Tokens are unique across sessions: a reused token would let one link open two seats.
        if (isUniqueViolation(e)) return err(duplicate('participant', sessionId));
        throw e;
      }
    },

    async findParticipantByToken(token) {
      const row = await db
        .selectFrom('participants')
        .select(['id', 'session_id', 'role', 'created_at'])
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst();
      return row === undefined ? err(notFound('participant', 'token')) : ok(toParticipant(row));
    },

    async appendAction(sessionId, expectedSeq, action, idempotencyKey) {
      if (!Number.isSafeInteger(expectedSeq) || expectedSeq < 0) {
        throw new RangeError(`store: expectedSeq must be a non-negative integer: ${expectedSeq}`);
      }
      const body = writeJson(action);
      if (backend === 'postgres') {
        // The usual case in one round trip instead of six: move the head and insert the entry in one statement.
        // Any other outcome (a duplicate key, a stale seq, no session) falls through to the checks below.
        const at = stamp();
        try {
          const { rows } = await sql<Selectable<ActionRow>>`
            with head as (
              update sessions set head_seq = ${expectedSeq + 1}, updated_at = cast(${at} as timestamptz)
              where id = ${sessionId} and head_seq = ${expectedSeq}
              returning id
            )
            insert into session_actions (session_id, seq, idempotency_key, action, created_at)
            select id, ${expectedSeq + 1}, ${idempotencyKey}, cast(${body} as jsonb), cast(${at} as timestamptz)
            from head
            returning *`.execute(db);
          const row = rows[0];
          if (row !== undefined) return ok({ action: toAction(row), duplicate: false });
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
        }
      }
      try {
        return await writeTransaction(async (tx): Promise<Result<AppendedAction, NotFound | Conflict>> => {
          const original = await findAction(tx, sessionId, idempotencyKey);
          if (original !== undefined) return ok({ action: toAction(original), duplicate: true });
          const session = await tx
            .selectFrom('sessions')
            .select('head_seq')
            .where('id', '=', sessionId)
            .executeTakeFirst();
          if (session === undefined) return err(notFound('session', sessionId));
          if (session.head_seq !== expectedSeq) {
            return err(conflict('session', sessionId, expectedSeq, session.head_seq));
          }
          const at = stamp();
          // Under concurrency (PostgreSQL, READ COMMITTED) both writers may pass the check above;
          // the (session_id, seq) primary key then rejects the second insert.
          const row = await tx
            .insertInto('session_actions')
            .values({
              session_id: sessionId,
              seq: expectedSeq + 1,
              idempotency_key: idempotencyKey,
              action: body,
              created_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await tx
            .updateTable('sessions')
            .set({ head_seq: expectedSeq + 1, updated_at: at })
            .where('id', '=', sessionId)
            .execute();
          return ok({ action: toAction(row), duplicate: false });
        });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        // The losing writer: either the same idempotency key already committed, or someone else took the seq.
        const original = await findAction(db, sessionId, idempotencyKey);
        if (original !== undefined) return ok({ action: toAction(original), duplicate: true });
        const session = await store.getSession(sessionId);
        return err(conflict('session', sessionId, expectedSeq, session.ok ? session.value.headSeq : expectedSeq + 1));
      }
    },

    async listActions(sessionId, afterSeq = 0) {
      const rows = await db
        .selectFrom('session_actions')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .execute();
      // Only an empty answer needs telling apart "nothing new" from "no such session".
      if (rows.length === 0) {
        const session = await store.getSession(sessionId);
        if (!session.ok) return session;
      }
      return ok(rows.map(toAction));
    },

    async createUser(input) {
      const id = randomUUID();
      const at = stamp();
      try {
        await db
          .insertInto('users')
          .values({ id, name: input.name, role: input.role, password_hash: input.passwordHash, created_at: at })
          .execute();
      } catch (e) {
        if (isUniqueViolation(e)) return err(duplicate('user', input.name));
        throw e;
      }
      return ok({ id, name: input.name, role: input.role, createdAt: at });
    },

    async findUserByName(name) {
      const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      return row === undefined ? err(notFound('user', name)) : ok({ ...toUser(row), passwordHash: row.password_hash });
    },

    async countUsers() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async externalUser(input) {
      const find = () =>
        db
          .selectFrom('user_identities')
          .innerJoin('users', 'users.id', 'user_identities.user_id')
          .select(['users.id', 'users.name', 'users.role', 'users.created_at'])
          .where('user_identities.issuer', '=', input.issuer)
          .where('user_identities.subject', '=', input.subject)
          .executeTakeFirst();
      const known = await find();
      if (known !== undefined) {
        if (known.role !== input.role)
          await db.updateTable('users').set({ role: input.role }).where('id', '=', known.id).execute();
        return toUser({ ...known, role: input.role });
      }
      const host = new URL(input.issuer).host;
      const suffix = createHash('sha256').update(`${input.issuer} ${input.subject}`).digest('hex').slice(0, 8);
      // A name already taken (a local account, or another person of another provider) gets the provider's host, then
      // a digest of the identity: the account is never merged into someone else's.
      for (const name of [input.name, `${input.name}@${host}`, `${input.name}@${host}#${suffix}`]) {
        const id = randomUUID();
        const at = stamp();
        try {
          await writeTransaction(async (tx) => {
            // An empty password hash never verifies (passwords.ts): this account signs in only through its provider.
            await tx
              .insertInto('users')
              .values({ id, name, role: input.role, password_hash: '', created_at: at })
              .execute();
            await tx
              .insertInto('user_identities')
              .values({ issuer: input.issuer, subject: input.subject, user_id: id, created_at: at })
              .execute();
          });
          return { id, name, role: input.role, createdAt: at };
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
          // The same person signing in twice at once: the other sign-in made the account.
          const made = await find();
          if (made !== undefined) return toUser(made);
        }
      }
      throw new Error(`store: no free account name for ${input.name} of ${host}`);
    },

    async createAuthSession(input) {
      await db
        .insertInto('auth_sessions')
        .values({
          token_hash: input.tokenHash,
          user_id: input.userId,
          created_at: stamp(),
          expires_at: input.expiresAt,
        })
        .execute();
    },

    async findAuthSession(tokenHash) {
      const row = await db
        .selectFrom('auth_sessions')
        .innerJoin('users', 'users.id', 'auth_sessions.user_id')
        .select(['users.id', 'users.name', 'users.role', 'users.created_at', 'auth_sessions.expires_at'])
        .where('auth_sessions.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (row === undefined || readTime(row.expires_at) <= stamp()) return err(notFound('auth_session', '…'));
      return ok(toUser(row));
    },

    async deleteAuthSession(tokenHash) {
      await db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
    },

    notify: (channel, payload) => notifier.notify(channel, payload),
    listen: (channel, onNotification) => notifier.listen(channel, onNotification),

    async close() {
      await notifier.close();
      await writeSync?.close();
      await db.destroy();
    },
  };
  if (writeSync === undefined) return store;
  // Every write returns only once its commit is on disk.
  const durably =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await write(...args);
      await writeSync.synced();
      return result;
    };
  // Typed by WriteMethod: a method classified as a write cannot be left out here.
  const durableWrites: Pick<Store, WriteMethod> = {
    saveDocument: durably(store.saveDocument),
    deleteDocument: durably(store.deleteDocument),
    purgeDocument: durably(store.purgeDocument),
    createUser: durably(store.createUser),
    externalUser: durably(store.externalUser),
    createAuthSession: durably(store.createAuthSession),
    deleteAuthSession: durably(store.deleteAuthSession),
    createRun: durably(store.createRun),
    updateRun: durably(store.updateRun),
    createSession: durably(store.createSession),
    updateSessionState: durably(store.updateSessionState),
    addParticipant: durably(store.addParticipant),
    appendAction: durably(store.appendAction),
  };
  return { ...store, ...durableWrites };
}

/** The Store members that write: on SQLite each is acknowledged only once walSync has its commit on disk. */
type WriteMethod =
  | 'saveDocument'
  | 'deleteDocument'
  | 'purgeDocument'
  | 'createUser'
  | 'externalUser'
  | 'createAuthSession'
  | 'deleteAuthSession'
  | 'createRun'
  | 'updateRun'
  | 'createSession'
  | 'updateSessionState'
  | 'addParticipant'
  | 'appendAction';
/** The members that only read, notify or close. */
type OtherMember =
  | 'backend'
  | 'getDocument'
  | 'listDocuments'
  | 'documentHistory'
  | 'getRun'
  | 'listRuns'
  | 'getSession'
  | 'listSessions'
  | 'findParticipantByToken'
  | 'listActions'
  | 'findUserByName'
  | 'countUsers'
  | 'findAuthSession'
  | 'notify'
  | 'listen'
  | 'close';
// Does not compile while a Store member is in neither list, so a new write cannot silently skip the disk flush.
type Unclassified = Exclude<keyof Store, WriteMethod | OtherMember>;
export const everyStoreMemberClassified: [Unclassified] extends [never] ? true : Unclassified = true;
