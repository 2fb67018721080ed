import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { describeStoreContract } from './store-contract.js';
import { postgresLocation, postgresSkipReason, postgresSuiteName, testDatabaseUrl } from './test-support.js';

if (testDatabaseUrl === undefined) console.warn(postgresSkipReason);

describe.skipIf(testDatabaseUrl === undefined)(postgresSuiteName('store on PostgreSQL'), () => {
  describeStoreContract(() => postgresLocation(testDatabaseUrl ?? ''));

  it('lets several stores start on an empty database at once, as server processes do, migrating it exactly once', async () => {
    const location = await postgresLocation(testDatabaseUrl ?? '');
    try {
      const stores = await Promise.all([location.open(), location.open(), location.open()]);
      await Promise.all(stores.map((s) => s.close()));
      const admin = new pg.Client({ connectionString: location.options.databaseUrl });
      await admin.connect();
      const applied = await admin.query('select name from store_migration');
      await admin.end();
      expect(applied.rows).toEqual([
        { name: '0001_initial_schema' },
        { name: '0002_accounts' },
        { name: '0003_external_identities' },
        { name: '0004_ownership' },
      ]);
    } finally {
      await location.dispose();
    }
  });

  it('listens again after its LISTEN connection is cut', async () => {
    const location = await postgresLocation(testDatabaseUrl ?? '');
    const store = await location.open();
    const admin = new pg.Client({ connectionString: location.options.databaseUrl });
    try {
      await admin.connect();
      const channel = `cut_${randomUUID().replaceAll('-', '')}`;
      const heard: string[] = [];
      await store.listen(channel, (p) => heard.push(p));
      const cut = await admin.query(
        `select pg_terminate_backend(pid) as cut from pg_stat_activity
         where datname = current_database() and query = $1`,
        [`listen "${channel}"`],
      );
      expect(cut.rows).toEqual([{ cut: true }]);
      // Keep announcing until the listener is back; each try is a new payload so late arrivals are told apart.
      for (let attempt = 0; attempt < 50 && heard.length === 0; attempt++) {
        await store.notify(channel, `try-${attempt}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(heard.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
      await store.close();
      await location.dispose();
    }
  });
});
