import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, sqliteFileName, walSync } from './open-store.js';

describe('SQLite WAL flushed off the event loop', () => {
  it('lets writers that arrive during a flush share the next one, and every call resolve', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sma-wal-'));
    // The store creates the database and its WAL; a second syncer on the same file is what the store itself uses.
    const store = await openStore({ dataDir, env: {} });
    const sync = walSync(join(dataDir, sqliteFileName));
    try {
      const first = sync.synced();
      const [second, third] = [sync.synced(), sync.synced()];
      expect(second).toBe(third);
      expect(second).not.toBe(first);
      await expect(Promise.all([first, second, third])).resolves.toEqual([undefined, undefined, undefined]);
      // Once idle, the next call starts a flush of its own.
      expect(sync.synced()).not.toBe(second);
    } finally {
      await sync.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('acknowledges 200 concurrent saves, each readable after the store is reopened', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sma-wal-'));
    try {
      const store = await openStore({ dataDir, env: {} });
      const saved = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          store.saveDocument({ kind: 'scenario', id: `s${i}`, name: `${i}`, body: { i } }),
        ),
      );
      await store.close();
      expect(saved.every((r) => r.ok)).toBe(true);
      const reopened = await openStore({ dataDir, env: {} });
      expect((await reopened.listDocuments('scenario')).length).toBe(200);
      await reopened.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
