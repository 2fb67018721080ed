import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { resolveBackend, sqliteFileName } from './open-store.js';
import { describeStoreContract } from './store-contract.js';
import { sqliteLocation } from './test-support.js';

describe('store on SQLite', () => {
  describeStoreContract(async () => sqliteLocation());
});

describe('backend choice', () => {
  it('uses SQLite in ./.sma-data when nothing is configured', () => {
    expect(resolveBackend({ env: {} })).toEqual({ backend: 'sqlite', file: `${process.cwd()}/.sma-data/sma.sqlite` });
  });
  it('uses SMA_DATA_DIR for the SQLite file', () => {
    expect(resolveBackend({ env: { SMA_DATA_DIR: '/var/lib/sma' } })).toEqual({
      backend: 'sqlite',
      file: '/var/lib/sma/sma.sqlite',
    });
  });
  it('uses PostgreSQL when DATABASE_URL is set, unless a data directory is asked for explicitly', () => {
    const env = { DATABASE_URL: 'postgres://u:p@db:5432/sma', SMA_DATA_DIR: '/x' };
    expect(resolveBackend({ env })).toEqual({ backend: 'postgres', databaseUrl: 'postgres://u:p@db:5432/sma' });
    expect(resolveBackend({ env, dataDir: '/tmp/d' })).toEqual({ backend: 'sqlite', file: '/tmp/d/sma.sqlite' });
    expect(resolveBackend({ env: {}, databaseUrl: 'postgres://h/d', dataDir: '/tmp/d' }).backend).toBe('postgres');
  });
});

describe('SQLite file', () => {
  it('records the applied migration once and keeps data across reopen', async () => {
    const location = sqliteLocation();
    try {
      const first = await location.open();
      const saved = await first.saveDocument({ kind: 'agreement', id: 'sma-12', name: '12th SMA', body: {} });
      await first.close();
      const second = await location.open();
      expect((await second.getDocument('agreement', 'sma-12')).ok).toBe(saved.ok);
      await second.close();
      const raw = new BetterSqlite3(join(location.options.dataDir ?? '', sqliteFileName), { readonly: true });
      expect(raw.prepare('select name from store_migration').all()).toEqual([
        { name: '0001_initial_schema' },
        { name: '0002_accounts' },
        { name: '0003_external_identities' },
        { name: '0004_ownership' },
      ]);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
    } finally {
      await location.dispose();
    }
  });

  it("stores the SHA-256 of a participant's link token, never the token", async () => {
    const location = sqliteLocation();
    try {
      const store = await location.open();
      const session = await store.createSession({ id: 'table-1', scenarioId: 'sma-11-2020', state: {} });
      expect(session.ok).toBe(true);
      await store.addParticipant('table-1', { role: 'us', token: 'us-secret-1' });
      await store.close();
      const raw = new BetterSqlite3(join(location.options.dataDir ?? '', sqliteFileName), { readonly: true });
      // sha256("us-secret-1"), computed with `printf us-secret-1 | sha256sum`.
      expect(raw.prepare('select role, token_hash from participants').all()).toEqual([
        { role: 'us', token_hash: '5678b59c574d6e2a0c39bf0925dc1ed2b40ab6b21a40b59712f57c3077a40bba' },
      ]);
      raw.close();
    } finally {
      await location.dispose();
    }
  });
});
