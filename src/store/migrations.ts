// Versioned schema migrations, supplied in code so the built package needs no migration files on disk.
// Append new migrations with the next number; never edit one that has shipped.
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Backend } from './types.js';

/** Column types that differ by backend: PostgreSQL gets jsonb and timestamptz, SQLite text. */
const columnTypes = (backend: Backend) =>
  backend === 'postgres'
    ? ({ json: sql`jsonb`, timestamp: sql`timestamptz`, bigint: sql`bigint` } as const)
    : ({ json: sql`text`, timestamp: sql`text`, bigint: sql`integer` } as const);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
type AnyDb = Kysely<any>;

const initialSchema = (backend: Backend): Migration => {
  const t = columnTypes(backend);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('documents')
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('agreement', 'proposal', 'scenario')`))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('body', t.json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('deleted_at', t.timestamp)
        .addPrimaryKeyConstraint('documents_pk', ['kind', 'id'])
        .execute();
      await db.schema
        .createTable('document_versions')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('body', t.json, (c) => c.notNull())
        .addColumn('saved_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('document_versions_pk', ['kind', 'id', 'version'])
        .execute();
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('inputs', t.json, (c) => c.notNull())
        .addColumn('seed', t.bigint, (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'cancelled')`),
        )
        .addColumn('progress', 'real', (c) => c.notNull())
        .addColumn('summary', t.json)
        .addColumn('error', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('started_at', t.timestamp)
        .addColumn('finished_at', t.timestamp)
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('runs_client_idx').on('runs').columns(['client_id', 'created_at']).execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('state', t.json, (c) => c.notNull())
        .addColumn('head_seq', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('facilitator', 'us', 'rok')`))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('session_actions')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('action', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        // Optimistic concurrency rests on this key: of two appends at the same seq, the second insert fails.
        .addPrimaryKeyConstraint('session_actions_pk', ['session_id', 'seq'])
        .addUniqueConstraint('session_actions_idempotency_key', ['session_id', 'idempotency_key'])
        .execute();
    },
    async down(db: AnyDb) {
      for (const table of ['session_actions', 'participants', 'sessions', 'runs', 'document_versions', 'documents']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
};

// Issue 13: local accounts, their sign-in sessions (only a SHA-256 of each cookie's token), and who created a document.
const accounts = (backend: Backend): Migration => {
  const t = columnTypes(backend);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'member')`))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('auth_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.alterTable('documents').addColumn('owner_id', 'text').execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('documents').dropColumn('owner_id').execute();
      await db.schema.dropTable('auth_sessions').execute();
      await db.schema.dropTable('users').execute();
    },
  };
};

// Issue 13: accounts of people signed in through an OpenID Connect provider, keyed by the provider's issuer and the
// person's subject there (never by name, so a provider's "kim" cannot take over the local account "kim").
const externalIdentities = (backend: Backend): Migration => {
  const t = columnTypes(backend);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('user_identities')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('user_identities').execute();
    },
  };
};

// Issue 13: jobs (runs) and role-play tables and classes (sessions) belong to the account that created them.
const ownership = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('runs').addColumn('owner_id', 'text').execute();
    await db.schema.alterTable('sessions').addColumn('owner_id', 'text').execute();
    await db.schema.createIndex('sessions_owner_idx').on('sessions').columns(['owner_id', 'created_at']).execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('sessions_owner_idx').execute();
    await db.schema.alterTable('sessions').dropColumn('owner_id').execute();
    await db.schema.alterTable('runs').dropColumn('owner_id').execute();
  },
});

/** Every migration by name; names sort in the order they apply. */
export const migrationsFor = (backend: Backend): Record<string, Migration> => ({
  '0001_initial_schema': initialSchema(backend),
  '0002_accounts': accounts(backend),
  '0003_external_identities': externalIdentities(backend),
  '0004_ownership': ownership(),
});

const inCodeProvider = (backend: Backend): MigrationProvider => ({
  getMigrations: async () => migrationsFor(backend),
});

// Arbitrary but fixed key of the session advisory lock that serialises PostgreSQL migrators ("SMAL").
const migrationAdvisoryLock = 0x534d414c;

/**
 * Brings the schema to the latest version. On PostgreSQL a session advisory lock is held around it all, since
 * Kysely's own lock is taken only after its bookkeeping tables exist and concurrent CREATE TABLE IF NOT EXISTS can fail.
 */
export async function migrateToLatest(db: AnyDb, backend: Backend): Promise<readonly string[]> {
  if (backend === 'sqlite') return migrateUnlocked(db, backend);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${migrationAdvisoryLock})`.execute(conn);
    try {
      return await migrateUnlocked(conn, backend);
    } finally {
      await sql`select pg_advisory_unlock(${migrationAdvisoryLock})`.execute(conn);
    }
  });
}

async function migrateUnlocked(db: AnyDb, backend: Backend): Promise<readonly string[]> {
  const migrator = new Migrator({
    db,
    provider: inCodeProvider(backend),
    migrationTableName: 'store_migration',
    migrationLockTableName: 'store_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new Error(`store: migration failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
