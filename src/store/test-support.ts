// Test helpers shared by the store's suites: throwaway SQLite directories and throwaway PostgreSQL databases.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from './open-store.js';
import type { OpenStoreOptions } from './open-store.js';
import type { Clock, Store } from './types.js';

/** The PostgreSQL server the suites use; unset means the PostgreSQL suites are skipped. */
export const testDatabaseUrl: string | undefined = process.env['TEST_DATABASE_URL'] || undefined;
export const postgresSkipReason = 'PostgreSQL suite skipped: set TEST_DATABASE_URL=postgres://… to run it';
/** A suite title that carries the skip reason when the suite is skipped. */
export const postgresSuiteName = (title: string): string =>
  testDatabaseUrl === undefined ? `${title} — ${postgresSkipReason}` : title;

/** Where a test store lives; `open` may be called several times (reopen, other processes). */
export interface TestLocation {
  readonly options: OpenStoreOptions;
  readonly open: (now?: Clock) => Promise<Store>;
  readonly dispose: () => Promise<void>;
}

export function sqliteLocation(): TestLocation {
  const dataDir = mkdtempSync(join(tmpdir(), 'sma-store-'));
  const options = { dataDir, env: {} };
  return {
    options,
    open: (now) => openStore({ ...options, ...(now ? { now } : {}) }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A fresh database on the TEST_DATABASE_URL server, so suites running in parallel never see each other's rows. */
export async function postgresLocation(baseUrl: string): Promise<TestLocation> {
  const name = `sma_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const options = { databaseUrl: url.toString(), env: {} };
  return {
    options,
    open: (now) => openStore({ ...options, ...(now ? { now } : {}) }),
    dispose: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set (the suite name says why it is skipped otherwise). */
export const testBackends: readonly {
  readonly name: string;
  readonly skip: boolean;
  readonly location: () => Promise<TestLocation>;
}[] = [
  { name: 'SQLite', skip: false, location: async () => sqliteLocation() },
  {
    name: postgresSuiteName('PostgreSQL'),
    skip: testDatabaseUrl === undefined,
    location: () => postgresLocation(testDatabaseUrl as string),
  },
];

/** A clock that starts at `start` and advances one second per reading. */
export function steppingClock(start: string): Clock {
  let t = Date.parse(start);
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}
