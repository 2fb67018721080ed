import { describe, expect, it } from 'vitest';
import { resolveBackend } from './open-store.js';
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
