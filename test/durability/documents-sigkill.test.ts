// Issue 4: SIGKILL the real server while clients save documents; after a restart every acknowledged save is there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ioDocumentValidators } from '../../src/server/adapters.js';
import { bundledRecord } from '../../src/server/test-config.js';
import { testBackends } from '../../src/store/test-support.js';
import type { DocumentKind } from '../../src/store/index.js';
import { KillMidLoad, requestJson, type JsonResponse } from '../support/crash-load.js';
import { serverStorage, startServerProcess } from '../support/server-process.js';

const kinds: readonly DocumentKind[] = ['agreement', 'proposal', 'scenario'];
const DOCUMENTS_PER_KIND = 4;
const WRITERS_PER_DOCUMENT = 2;
const MAX_SAVES_PER_WRITER = 40;
// 24 clients saving at once; the kill comes after this many acknowledged saves, the others still in flight.
const KILL_AFTER_ACKS = 120;

const scenarioBase = parse(
  readFileSync(new URL('../../data/scenarios/sma-12-talks.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** A valid file of the kind whose name and numbers say who wrote it and when. */
function documentBody(kind: DocumentKind, id: string, writer: number, save: number): Record<string, unknown> {
  const name = `${id} writer ${writer} save ${save}`;
  if (kind === 'scenario') return { ...scenarioBase, id, name };
  // An agreement file over the 10th SMA's 2019 amount (as in the documents route tests), one rule per save.
  return {
    id,
    name,
    currency: 'KRW',
    unit: 100_000_000,
    base: { agreement: 'sma-10' },
    rules: [{ year: 2020, change: ((writer * 50 + save) % 500) / 1000 }],
  };
}

interface Acknowledged {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly body: unknown;
}

interface StoredVersion {
  readonly version: number;
  readonly name: string;
  readonly body: unknown;
}

const isSaved = (r: JsonResponse) => r.status === 200 || r.status === 201;

for (const backend of testBackends) {
  describe.skipIf(backend.skip)(`documents survive a SIGKILL of the server on ${backend.name}`, () => {
    it(
      'finds every acknowledged save, with its content and version, after a restart',
      { timeout: 180_000 },
      async () => {
        const location = await backend.location();
        const storage = serverStorage(location.options);
        const first = await startServerProcess({ storage });
        const startMs = [first.startMs];
        try {
          const load = new KillMidLoad(first, KILL_AFTER_ACKS);
          const acknowledged: Acknowledged[] = [];

          /** One client saving one document again and again: POST first (writer 0), then PUT; some with If-Match. */
          const writer = async (kind: DocumentKind, id: string, w: number) => {
            let lastVersion = 0;
            for (let save = 0; save < MAX_SAVES_PER_WRITER && !load.stopped; save++) {
              const body = documentBody(kind, id, w, save);
              const create = w === 0 && save === 0;
              const ifMatch: Record<string, string> =
                w === 0 && save % 3 === 2 && lastVersion > 0 ? { 'if-match': `"${lastVersion}"` } : {};
              const url = `${first.url}/api/documents/${kind}${create ? '' : `/${id}`}`;
              const res = await load.send(() => requestJson(url, create ? 'POST' : 'PUT', body, ifMatch), isSaved);
              if (res === undefined) return;
              if (isSaved(res)) {
                const version = (res.body as { version: number }).version;
                acknowledged.push({ kind, id, version, name: body['name'] as string, body });
                lastVersion = version;
              } else {
                // 409 (a concurrent save took the version) is an answer, not an acknowledgement; anything else is a bug.
                expect(res.status, JSON.stringify(res.body)).toBe(409);
              }
            }
          };
          const ids = kinds.flatMap((kind) =>
            Array.from({ length: DOCUMENTS_PER_KIND }, (_, i) => ({ kind, id: `${kind}-${i}` })),
          );
          const report = await load.finish(
            ids.flatMap(({ kind, id }) => Array.from({ length: WRITERS_PER_DOCUMENT }, (_, w) => writer(kind, id, w))),
          );
          // The kill came during the load: acknowledged saves behind it, unanswered ones in flight.
          expect(report.inFlightAtKill).toBeGreaterThan(0);
          expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

          const second = await startServerProcess({ storage });
          startMs.push(second.startMs);
          try {
            const validators = ioDocumentValidators(bundledRecord());
            const histories = new Map<string, readonly StoredVersion[]>();
            for (const { kind, id } of ids) {
              const history = await requestJson(`${second.url}/api/documents/${kind}/${id}/history?limit=100`, 'GET');
              if (history?.status === 404) continue; // never saved before the kill
              expect(history?.status).toBe(200);
              histories.set(`${kind}/${id}`, history?.body as StoredVersion[]);
            }
            // Every acknowledged save: that version, with exactly the name and body acknowledged.
            const missing: Acknowledged[] = [];
            for (const ack of acknowledged) {
              const stored = histories.get(`${ack.kind}/${ack.id}`)?.find((v) => v.version === ack.version);
              if (stored === undefined) missing.push(ack);
              else expect({ name: stored.name, body: stored.body }).toEqual({ name: ack.name, body: ack.body });
            }
            expect(missing).toEqual([]);
            // No two acknowledgements claim one version of a document.
            const claimed = acknowledged.map((a) => `${a.kind}/${a.id}@${a.version}`);
            expect(new Set(claimed).size).toBe(claimed.length);

            // Nothing half-written: versions 1..n without gaps, the live document is the last, every body a valid file.
            let unacknowledgedButStored = 0;
            const listed: string[] = [];
            for (const kind of kinds) {
              const list = await requestJson(`${second.url}/api/documents/${kind}`, 'GET');
              expect(list?.status).toBe(200);
              for (const live of list?.body as (StoredVersion & { id: string })[]) {
                listed.push(`${kind}/${live.id}`);
                const history = histories.get(`${kind}/${live.id}`) ?? [];
                expect(history.map((v) => v.version)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
                expect(live.version).toBe(history.length);
                expect(live.body).toEqual(history.at(-1)?.body);
                for (const v of history) {
                  expect(validators[kind]?.(v.body).ok, `${kind}/${live.id}@${v.version}`).toBe(true);
                  if (!claimed.includes(`${kind}/${live.id}@${v.version}`)) unacknowledgedButStored++;
                }
              }
            }
            // Every document with a history is live (none was deleted), and none is live without one.
            expect(listed.sort()).toEqual([...histories.keys()].sort());
            // The restarted server takes new saves on top of what it found.
            const [last] = acknowledged.slice(-1);
            if (last === undefined) throw new Error('nothing was acknowledged');
            const next = documentBody(last.kind, last.id, 9, 0);
            const again = await requestJson(`${second.url}/api/documents/${last.kind}/${last.id}`, 'PUT', next);
            expect(again?.status).toBe(200);
            expect((again?.body as { version: number }).version).toBe(
              (histories.get(`${last.kind}/${last.id}`)?.length ?? 0) + 1,
            );
            console.info(
              `documents on ${backend.name}: ${acknowledged.length} saves acknowledged (kill sent after ` +
                `${report.acknowledgedAtKill}, ${report.loadMs} ms into the load, ${report.inFlightAtKill} in flight); ` +
                `${unacknowledgedButStored} unacknowledged saves were stored; server start ${startMs.join(' ms, ')} ms`,
            );
          } finally {
            await second.close();
          }
        } finally {
          await first.kill();
          await location.dispose();
        }
      },
    );
  });
}
